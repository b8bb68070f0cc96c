"""Small, dependency-free helpers to read the built HTML in tests."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[dict[str, str]] = []  # <a> and <link> attributes
        self.html_lang: str | None = None
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.elements.append((tag, attributes))
        if tag == "html":
            self.html_lang = attributes.get("lang")
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag in ("a", "link"):
            self.links.append({"tag": tag, **attributes})


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages(site: Path) -> list[Path]:
    """Every content page of the site (not redirect stubs, not the 404)."""
    found = []
    for path in sorted(site.rglob("index.html")):
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue
        found.append(path)
    return found


def url_of(site: Path, path: Path) -> str:
    rel = path.relative_to(site).as_posix()
    return "/" + rel.removesuffix("index.html")


def language_of_url(url: str) -> str:
    return "sv" if url.startswith("/sv/") else "fi"


def twin_url(url: str) -> str:
    return url.removeprefix("/sv") if url.startswith("/sv/") else "/sv" + url


def resolve(site: Path, url_path: str) -> Path | None:
    """The file a static host would serve for an absolute URL path, or None."""
    path = url_path.split("#", maxsplit=1)[0].split("?", maxsplit=1)[0]
    target = site / path.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def html_of(site: Path, url_path: str) -> str:
    """The built HTML of the page at url_path ("/sv/alueet/"); fails if there is none."""
    found = resolve(site, url_path)
    assert found, url_path
    return found.read_text(encoding="utf-8")


def section(html: str, anchor: str) -> str:
    """The HTML of one h2 section: from its heading to the next h2 (or the article's end)."""
    start = html.index(f'<h2 id="{anchor}"')
    end = html.find("<h2", start + 1)
    return html[start : end if end != -1 else html.index("</article>")]


def site_base(site: Path) -> str:
    """The address the site was built for (SITE_URL), from the home page's canonical link."""
    html = (site / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    assert match, "the home page has no canonical link"
    return match.group(1)


def webcal_path(site: Path, href: str) -> str:
    """The site path of a webcal:// subscription link (the same file over http(s))."""
    base = site_base(site)
    address = base.split("://", 1)[0] + "://" + href.removeprefix("webcal://")
    assert href.startswith("webcal://") and address.startswith(base), f"{href} is not on {base}"
    return "/" + address.removeprefix(base)


def absolute(from_url: str, href: str) -> str:
    from urllib.parse import urljoin

    return urljoin("http://x" + from_url, href).removeprefix("http://x")


TAG = re.compile(r"<[^>]+>")


def text_of(html: str) -> str:
    """What a reader sees: no tags, single spaces, no soft hyphens (the build puts them into
    long heading words, kb/content/hyphenation.py; they show only at a line break)."""
    return re.sub(r"\s+", " ", TAG.sub(" ", html)).strip().replace("\u00ad", "")


@dataclass
class Cell:
    tag: str  # th or td
    attrs: dict[str, str]
    text: str = ""
    links: list[str] = field(default_factory=list)  # the hrefs inside the cell


class _TableParser(HTMLParser):
    """The rows of the first <table> with the given class (thead and tbody alike)."""

    def __init__(self, css_class: str) -> None:
        super().__init__(convert_charrefs=True)
        self.css_class, self.depth, self.rows = css_class, 0, []
        self.cell: Cell | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if tag == "table" and (self.depth or self.css_class in attributes.get("class", "").split()):
            self.depth += 1
        elif self.depth and tag == "tr":
            self.rows.append([])
        elif self.depth and tag in ("th", "td"):
            self.cell = Cell(tag, attributes)
            self.rows[-1].append(self.cell)
        elif self.cell is not None and tag == "a":
            self.cell.links.append(attributes.get("href", ""))

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag == "table":
            self.depth -= 1
        elif tag in ("th", "td") and self.cell is not None:
            self.cell.text = re.sub(r"[ \t\r\n\f]+", " ", self.cell.text).strip(" ")  # keeps no-break spaces
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.text += data


def table_rows(html: str, css_class: str) -> list[list[Cell]]:
    """The rows (header row first) of the table with this class, as a reader gets them."""
    parser = _TableParser(css_class)
    parser.feed(html)
    return parser.rows
