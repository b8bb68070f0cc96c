"""WCAG 2.1 AA on every built page, in both languages.

axe-core (bundled by axe-playwright-python) runs in headless Chromium over every
page with the WCAG 2.0/2.1 A and AA rule tags, and nothing is disabled. Rules
axe cannot judge (heading order, tables with headers, link texts that make
sense alone, a working skip link) are checked on the built HTML below.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from htmltools import pages, url_of
from sitewalk import every_url, walk

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = """tags => axe.run(document, {runOnly: {type: "tag", values: tags},
                                      resultTypes: ["violations"]})
  .then(r => r.violations.map(v => `${v.id} (${v.impact}): ${v.help} — ` +
        v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")))"""

# Link texts that do not say where the link goes (WCAG 2.4.4 / 2.4.9), fi and sv.
VAGUE_LINK_TEXTS = {"tästä", "täältä", "lue lisää", "lisää", "linkki", "klikkaa tästä",
                    "här", "läs mer", "mer", "länk", "klicka här", "click here", "here",
                    "read more", "more", "link"}


@pytest.fixture(scope="module")
def axe_tab(server, browser):
    """One context for all pages. bypass_csp lets axe's injected script run;
    the CSP itself is tested without it in test_privacy.py."""
    context = browser.new_context(base_url=server, bypass_csp=True)
    context.add_init_script(AXE_SCRIPT)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.browser
def test_axe_finds_no_wcag_violation_on_any_page(axe_tab, site: Path) -> None:
    def violations(url: str) -> list[str]:
        return axe_tab.evaluate(AXE_RUN, WCAG_TAGS)
    problems = list(walk(axe_tab, every_url(site), violations))
    assert not problems, f"{len(problems)} axe violations:\n" + "\n".join(problems)


@pytest.mark.browser
def test_skip_link_moves_focus_to_the_content(axe_tab, site: Path) -> None:
    """The first Tab stop is Material's skip link; Enter lands in the article."""
    for url in ["/", "/sv/ukk/", "/alueet/pirkanmaa/"]:
        axe_tab.goto(url)
        axe_tab.keyboard.press("Tab")
        assert axe_tab.evaluate("document.activeElement.classList.contains('md-skip')"), url
        target = axe_tab.evaluate("document.activeElement.hash").lstrip("#")
        axe_tab.keyboard.press("Enter")
        assert axe_tab.evaluate("location.hash") == f"#{target}", url
        assert axe_tab.evaluate("id => !!document.getElementById(id).closest('article')", target)


# --- checks on the built HTML -------------------------------------------------------

class ArticleParser(HTMLParser):
    """Headings, tables and links inside <article> (the page content)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0                      # > 0 while inside <article>
        self.headings: list[int] = []
        self.tables: list[dict[str, int]] = []
        self.links: list[list[str]] = []    # [href, text, aria-label]
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
        for before, after in zip(levels, levels[1:]):
            if after > before + 1:
                problems.append(f"{url}: h{before} is followed by h{after}")
    assert not problems, "\n".join(problems)


def test_every_table_has_header_cells(site: Path) -> None:
    problems = [f"{url}: a table without <th>" for url, article in articles(site)
                for table in article.tables if table["td"] and not table["th"]]
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


def test_swedish_pages_mark_finnish_names(site: Path, content) -> None:
    """A Finnish municipality name quoted on a Swedish page carries lang="fi"."""
    html = (site / "sv" / "alueet" / "index.html").read_text(encoding="utf-8")
    bilingual = [m for m in content.municipalities if m.name_sv and m.name_sv != m.name_fi]
    assert bilingual
    for m in bilingual:
        assert f'<span lang="fi">{m.name_fi}</span>' in html, m.name_fi
