"""The site's Markdown: one configuration for the published pages and for every check.

kb/build/mkdocs.py writes EXTENSIONS into the generated MkDocs configuration, and
the HTML policy (html_policy.py) renders editors' texts with exactly the same
extensions, so what is checked is what is published. Python-Markdown is MkDocs'
own renderer; nothing here imports MkDocs.
"""

from __future__ import annotations

import functools
import html
import re
from typing import Any

import markdown

# name -> its options (None: defaults)
EXTENSIONS: dict[str, dict[str, Any] | None] = {
    "attr_list": None,  # explicit {#anchor} ids and {lang=sv}
    "def_list": None,
    "tables": {"use_align_attribute": True},  # align="right", not style=: the CSP forbids inline styles
    "admonition": None,
    "toc": {"permalink": False},  # copy-link buttons instead of generated ¶ anchors
}


# Only in the published pages, for the phone: soft hyphens in the long words of
# headings (kb/content/hyphenation.py, per language) and each table cell's column name
# (kb/content/table_labels.py). The checks judge the same markup without them.
HYPHENATION = "kb.content.hyphenation"
TABLE_LABELS = "kb.content.table_labels"


def mkdocs_extensions(lang: str = "") -> list[Any]:
    """The list as MkDocs' `markdown_extensions` setting takes it, for one language."""
    listed = [name if options is None else {name: options} for name, options in EXTENSIONS.items()]
    return listed + ([{HYPHENATION: {"lang": lang}}, TABLE_LABELS] if lang else [])


def renderer() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=list(EXTENSIONS), extension_configs={k: v for k, v in EXTENSIONS.items() if v}
    )


_BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|h[1-6]|br|dd|dt|dl|td|th|tr|table|div|blockquote)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")


@functools.cache
def shared_renderer() -> markdown.Markdown:
    """One renderer for the process: building one costs more than converting a paragraph."""
    return renderer()


def to_html(text: str, md: markdown.Markdown | None = None) -> str:
    """One text as the site renders it."""
    md = md or shared_renderer()
    md.reset()
    return str(md.convert(text))


def to_plain_text(text: str, md: markdown.Markdown | None = None) -> str:
    """What a reader sees of a Markdown text, as one line of plain text (for <meta>
    descriptions, feeds and search results)."""
    rendered = _TAG.sub("", _BLOCK_TAG.sub(" ", to_html(text, md)))
    return re.sub(r"\s+", " ", html.unescape(rendered)).strip()
