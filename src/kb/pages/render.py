"""What every generated page shares: labels, escaping, dates, links, sources, front matter.

A `PageRenderer` serves all pages of one language. The page families use it:

    regions.py   county index, county pages
    faq.py       FAQ index, topic pages, answers
    static.py    hand-written pages (docs/<lang>/)
    home.py      the home page: its text around finder.py, tilemap.py and generated lists
    editors.py   the translation status page (for editors; not in the navigation)
    glossary.py  the glossary (/sanasto/): every recurring term in fi, sv and en
    site.py      all pages of a language, the navigation, per-page alternates

Every label comes from content/ui.yml (kb/content/labels.py declares them);
anchors come from data ids, never from heading text. Links between generated
pages are relative `.md` links, so MkDocs checks them in strict mode.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

from kb.config import SiteConfig
from kb.content.labels import LABELS, MARKDOWN
from kb.content.model import LANGUAGES, Content, Source

from . import urls


@dataclass(frozen=True)
class RenderedPage:
    path: str  # relative to the language root, e.g. "ukk/avustustyypit/index.md"
    markdown: str


class Safe(str):
    """Markdown or HTML this module produced itself: inserted into labels as it is."""


# Plain text reaches the page as text, never as markup: HTML's specials and every
# character Markdown gives a meaning to inside a line become character references
# (a name with "*" or "{…}" or "|" cannot start emphasis, break a {#anchor} or a table).
_TEXT_ESCAPES = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'[]*_`{}\\|#~"})


def esc(text: str) -> str:
    """Plain text for a Markdown page (headings, table cells, list items, link texts)."""
    return text.translate(_TEXT_ESCAPES)


def html_text(text: str) -> str:
    """Plain text inside raw HTML (Markdown does not read there)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Finnish and Swedish both sort å, ä and ö after z, in that order; their code points do not
# (ä < å). The three characters after "z" in ASCII keep that order.
_ALPHABET_END = str.maketrans({"å": "{", "ä": "|", "ö": "}"})


def alphabetical(text: str) -> str:
    """A sort key: names and terms as the Finnish and Swedish alphabets order them."""
    return text.lower().translate(_ALPHABET_END)


def attribute(text: str) -> str:
    """Plain text inside a double-quoted HTML attribute."""
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def other_lang(lang: str) -> str:
    return next(other for other in LANGUAGES if other != lang)


class PageRenderer:
    def __init__(self, content: Content, lang: str, config: SiteConfig) -> None:
        self.content = content
        self.lang = lang
        self.config = config

    # --- labels ----------------------------------------------------------------

    def raw(self, key: str) -> str:
        """A label's text as written (for front matter and attributes, escaped there)."""
        return getattr(self.content.ui[key], self.lang)

    def label(self, key: str, **values: str) -> str:
        """A plain-text label, escaped, with its {placeholders} filled (escaped unless Safe)."""
        if LABELS[key].kind == MARKDOWN:
            raise ValueError(f"{key} is a Markdown label: use markdown()")
        return self._fill(esc(self.raw(key)), values)

    def markdown(self, key: str, **values: str) -> str:
        """A Markdown label (checked by the HTML policy), placeholders filled."""
        if LABELS[key].kind != MARKDOWN:
            raise ValueError(f"{key} is a plain-text label: use label()")
        return self._fill(self.raw(key), values)

    @staticmethod
    def _fill(template: str, values: dict[str, str]) -> str:
        safe = {name: value if isinstance(value, Safe) else esc(str(value)) for name, value in values.items()}
        # The text was escaped first, so its {placeholders} are character references now.
        for name, value in safe.items():
            template = template.replace(f"&#123;{name}&#125;", value).replace(f"{{{name}}}", value)
        return template

    # --- dates -----------------------------------------------------------------

    def date(self, value: datetime.date) -> str:
        return self.raw("date.format").format(d=value.day, m=value.month, y=value.year)

    def partial_date(self, value: str) -> str:
        """A year (2023), a month (2023-09) or a date, as the reader writes it."""
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            return self.date(datetime.date(*parts))
        if len(parts) == 2:
            return self.raw("date.month_format").format(m=parts[1], y=parts[0])
        return str(parts[0])

    # --- pieces of pages -------------------------------------------------------------

    def link(self, text: str, from_path: str, to_path: str) -> str:
        """[text](relative link) between two generated pages; the text is plain."""
        return f"[{esc(text)}]({urls.rel(from_path, to_path)})"

    def resolve(self, markdown: str, from_path: str) -> str:
        """Editors' Markdown with their alue:/ukk:/aihe:/avoindata: links made real."""
        return urls.resolve_links(markdown, from_path, self.lang, repository_url=self.config.repository_url)

    def span(self, text: str, text_lang: str) -> str:
        """Text in another language than the page carries its own lang (WCAG 3.1.2)."""
        if text_lang == self.lang:
            return esc(text)
        return f'<span lang="{text_lang}">{esc(text)}</span>'

    def sources(self, sources: list[Source], from_path: str) -> str:
        items = []
        for source in sources:
            dates = [self.label("source.checked", date=self.date(source.checked))]
            if source.published:
                dates.insert(0, self.label("source.published", date=self.partial_date(source.published)))
            target = source.url or urls.rel(from_path, urls.document_path(str(source.document)))
            items.append(f"- [{esc(source.title)}]({target}), {', '.join(dates)}")
        return "\n".join(items)

    def reviewed(self, value: datetime.date) -> str:
        text = self.label("reviewed", date=self.date(value))
        return (
            f'<p class="kb-reviewed" id="tarkistettu"><time datetime="{value.isoformat()}">'
            f"{text}</time></p>\n\n"
        )

    def heading(self, level: int, text: str, anchor: str) -> str:
        """A heading with its permanent anchor; the text is plain."""
        return f"{'#' * level} {esc(text)} {{#{anchor}}}\n\n"

    def breadcrumbs(self, path: str, trail: list[tuple[str, str]]) -> str:
        """Where the reader is: links to the home page and to the pages above this one
        (text, page path), as raw HTML before the title, which names the page itself
        (so a long question is not repeated on a phone). Not indexed by the search
        (data-pagefind-ignore): every page would match its words."""
        steps = [(self.raw("breadcrumbs.home"), "index.md"), *trail]
        items = "".join(
            f'<li><a href="{urls.html_href(path, target)}">{html_text(text)}</a></li>'
            for text, target in steps
        )
        label = attribute(self.raw("breadcrumbs.label"))
        attributes = f'class="kb-breadcrumbs" aria-label="{label}" data-pagefind-ignore'
        return f"<nav {attributes}><ol>{items}</ol></nav>\n\n"

    # --- front matter --------------------------------------------------------------

    def front_matter(
        self, path: str, title: str, description: str, source: str | None, **extra: object
    ) -> str:
        """The page's metadata for the templates (src/kb/theme/overrides): titles and descriptions
        are plain text there, escaped by the templates; alternates come from site.py. `source`
        is the file the page is made from (its "edit this page" link); None for a page made
        from many files (the calendar), which then has no such link."""
        fields: dict[str, object] = {
            "title": title,
            "description": description,
            **({"edit_url": self.config.edit_url(source)} if source else {}),
            "kb_alternates": alternates(path, self.lang, self.content, self.config),
            **extra,
        }
        # JSON values are valid YAML: safe for any text.
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
        return "---\n" + "\n".join(lines) + "\n---\n\n"


def alternates(path: str, lang: str, content: Content, config: SiteConfig) -> list[dict[str, str]]:
    """Every language version of a page: the switcher's relative link and the absolute
    address for <link rel="alternate" hreflang> (every page exists in both languages:
    validation refuses a missing twin)."""
    return [
        {
            "lang": other,
            "name": getattr(content.ui["site.language_name"], other),
            "href": urls.cross_language(path, lang, other) if other != lang else "./",
            "url": urls.page_url(config.site_url, other, path),
        }
        for other in LANGUAGES
    ]
