"""WCAG 2.1 AA rules that axe cannot judge on a rendered page, checked on the built
HTML of every page in both languages: heading order, tables with header cells, link
texts that make sense alone. axe itself runs in tests/browser/test_accessibility.py."""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser
from pathlib import Path

from support.htmltools import pages, url_of

# Link texts that do not say where the link goes (WCAG 2.4.4 / 2.4.9), fi and sv.
VAGUE_LINK_TEXTS = {
    "tästä",
    "täältä",
    "lue lisää",
    "lisää",
    "linkki",
    "klikkaa tästä",
    "här",
    "läs mer",
    "mer",
    "länk",
    "klicka här",
    "click here",
    "here",
    "read more",
    "more",
    "link",
}


class ArticleParser(HTMLParser):
    """Headings, tables and links inside <article> (the page content)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # > 0 while inside <article>
        self.headings: list[int] = []
        self.tables: list[dict[str, int]] = []
        self.links: list[list[str]] = []  # [href, text, aria-label]
        self._open_link: list[str] | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        attributes = dict(attrs)
        if tag == "article":
            self.depth += 1
        if not self.depth:
            return
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "table":
            self.tables.append({"th": 0, "td": 0})
        elif tag in ("th", "td") and self.tables:
            self.tables[-1][tag] += 1
        elif tag == "a" and "href" in attributes:
            self._open_link = [attributes["href"] or "", "", attributes.get("aria-label") or ""]

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        elif tag == "a" and self._open_link is not None:
            self.links.append(self._open_link)
            self._open_link = None

    def handle_data(self, data: str) -> None:
        if self._open_link is not None:
            self._open_link[1] += data


def articles(site: Path):
    for path in pages(site):
        parser = ArticleParser()
        parser.feed(path.read_text(encoding="utf-8"))
        yield url_of(site, path), parser


def test_headings_start_at_h1_and_skip_no_level(site: Path) -> None:
    problems = []
    for url, article in articles(site):
        levels = article.headings
        if not levels or levels[0] != 1 or levels.count(1) != 1:
            problems.append(f"{url}: needs exactly one h1, first (got {levels[:5]})")
        for before, after in itertools.pairwise(levels):
            if after > before + 1:
                problems.append(f"{url}: h{before} is followed by h{after}")
    assert not problems, "\n".join(problems)


def test_every_table_has_header_cells(site: Path) -> None:
    problems = [
        f"{url}: a table without <th>"
        for url, article in articles(site)
        for table in article.tables
        if table["td"] and not table["th"]
    ]
    assert not problems, "\n".join(problems)


def test_link_texts_make_sense_alone(site: Path) -> None:
    problems = []
    for url, article in articles(site):
        for href, text, label in article.links:
            name = re.sub(r"\s+", " ", label or text).strip().lower().rstrip(".:")
            if not name:
                problems.append(f"{url}: a link to {href} has no text")
            elif name in VAGUE_LINK_TEXTS:
                problems.append(f'{url}: the link text "{name}" ({href}) does not say where it goes')
    assert not problems, "\n".join(problems)
