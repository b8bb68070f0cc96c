"""The URL contract in one place (docs/decisions/0002-urls.md).

Where each page lives, how a language is prefixed, and what editors' site
links (`alue:`, `ukk:`, `aihe:`, `avoindata:`) point to. Rendering (relative
links between generated pages), open data (absolute URLs), redirects and
validation all ask this module, so a path is never spelt twice.

Page paths are the generated Markdown files' paths relative to a language
root ("ukk/hakuajat/index.md"); `page_dir` turns one into the directory URL
the reader sees ("ukk/hakuajat/").
"""

from __future__ import annotations

import posixpath
import re

from .model import DEFAULT_LANGUAGE, LANGUAGES

# "" for the default language at the site root, "sv/" for the others.
LANGUAGE_PREFIX: dict[str, str] = {
    lang: "" if lang == DEFAULT_LANGUAGE else f"{lang}/" for lang in LANGUAGES}

# Editors' site links: [text](alue:pirkanmaa#yhteystiedot). Group 1 the scheme,
# 2 the id (empty for an index page), 3 the optional #anchor.
SITE_LINK = re.compile(r"\]\(\s*<?([a-z]+):([^)\s>#]*)(#[^)\s>]*)?>?\s*\)")
# The content collection each page-link scheme refers to (for validation).
LINK_SCHEMES = {"alue": "regions", "ukk": "answers", "aihe": "topics"}
# The files of site/data/ (editors link to them as avoindata:<file>).
OPEN_DATA_FILES = ("regions.json", "regions.csv", "municipalities.csv", "faq.json",
                   "datapackage.json", "regions.schema.json", "faq.schema.json")
OPEN_DATA_SCHEME = "avoindata"   # [text](avoindata:regions.json) -> site/data/regions.json
OPEN_DATA_LINK = re.compile(r"\[([^\]\n]+)\]\(\s*avoindata:([A-Za-z0-9._-]+)\s*\)")


# Anchors the page layout itself uses (rendering.py): county sections, the answer
# sentence, the review date, the page title, home-page sections. Editors' heading,
# structure and contact ids must not take them (validation.py).
LAYOUT_ANCHORS = frozenset({
    "otsikko", "tarkistettu", "perustiedot", "kunnat", "yhteistyorakenteet", "yhteystiedot",
    "lahteet", "alueet", "vastaus", "kunta-alue-haku", "viimeksi-tarkistetut"})


def region_path(region_id: str = "") -> str:
    """A county page, or the county list when no id is given."""
    return f"alueet/{region_id}/index.md" if region_id else "alueet/index.md"


def answer_path(answer_or_topic_id: str = "") -> str:
    """An answer or a topic page (they share /ukk/), or the FAQ index."""
    return f"ukk/{answer_or_topic_id}/index.md" if answer_or_topic_id else "ukk/index.md"


def link_path(scheme: str, target: str) -> str | None:
    """The page an editor's `scheme:target` link points to, or None for other schemes."""
    if scheme == "alue":
        return region_path(target)
    if scheme in ("ukk", "aihe"):
        return answer_path(target)
    return None


def page_dir(path: str) -> str:
    """'ukk/hakuajat/index.md' -> 'ukk/hakuajat/'; 'tietoa.md' -> 'tietoa/'; 'index.md' -> ''."""
    if path.endswith("index.md"):
        return path.removesuffix("index.md")
    return path.removesuffix(".md") + "/"


def rel(from_path: str, to_path: str) -> str:
    """Relative Markdown link between two generated files; keeps a #anchor."""
    target_file, _, anchor = to_path.partition("#")
    start = posixpath.dirname(from_path) or "."
    return posixpath.relpath(target_file, start) + (f"#{anchor}" if anchor else "")


def to_site_root(from_path: str, lang: str) -> str:
    """'../' steps from the page of `from_path` in `lang` up to the site root."""
    depth = page_dir(from_path).count("/") + LANGUAGE_PREFIX[lang].count("/")
    return "../" * depth


def page_url(base_url: str, lang: str, path: str) -> str:
    """Absolute URL of a page path ('ukk/hakuajat/index.md' or 'ukk/hakuajat/') in one language."""
    directory = page_dir(path) if path.endswith(".md") else path
    return base_url.rstrip("/") + "/" + LANGUAGE_PREFIX[lang] + directory


def resolve_links(markdown: str, from_path: str, lang: str, base_url: str | None = None) -> str:
    """Editors' site links rewritten as real links.

    Relative links between generated pages by default (so MkDocs checks them
    in --strict mode), or absolute URLs when `base_url` is given (open data).
    `avoindata:` links become raw <a> elements: site/data/ is written after
    MkDocs, so a Markdown link to it would fail --strict.
    """
    def page_link(match: re.Match[str]) -> str:
        path = link_path(match.group(1), match.group(2))
        if path is None:
            return match.group(0)
        anchor = match.group(3) or ""
        url = page_url(base_url, lang, path) if base_url else rel(from_path, path)
        return f"]({url}{anchor})"

    def data_link(match: re.Match[str]) -> str:
        root = base_url.rstrip("/") + "/" if base_url else to_site_root(from_path, lang)
        return f'<a href="{root}data/{match.group(2)}">{match.group(1)}</a>'

    return SITE_LINK.sub(page_link, OPEN_DATA_LINK.sub(data_link, markdown))
