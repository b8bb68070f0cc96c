"""WCAG 2.1 AA on every built page, in both languages, at desktop and phone width.

axe-core (bundled by axe-playwright-python) runs in headless Chromium over every
page at 1280 px with the WCAG 2.0/2.1 A and AA rule tags, and nothing is disabled.
At 390 px (the phone layout: the two-row header, the card tables, the icon buttons)
it runs over one page of every kind in both languages, with the WCAG 2.2 AA rules
too (target size): the kinds share their templates, so every page at both widths
would double the test's time and find nothing more. A working
skip link is checked below; the rules axe cannot judge on the rendered page (heading
order, tables with headers, link texts that make sense alone) are checked on the built
HTML, without a browser, in tests/site/test_html_accessibility.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from kb.pages import urls
from kb.pages.urls import LANGUAGE_PREFIX
from support.browsertools import PHONE, every_url, walk

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = """tags => axe.run(document, {runOnly: {type: "tag", values: tags},
                                      resultTypes: ["violations"]})
  .then(r => r.violations.map(v => `${v.id} (${v.impact}): ${v.help} — ` +
        v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")))"""


DESKTOP = {"width": 1280, "height": 900}


def axe_context(server, browser, viewport: dict[str, int]):
    """One context for all pages. bypass_csp lets axe's injected script run;
    the CSP itself is tested without it in test_privacy.py."""
    context = browser.new_context(base_url=server, bypass_csp=True, viewport=viewport)
    context.add_init_script(AXE_SCRIPT)
    return context


@pytest.fixture(scope="module")
def axe_tab(server, browser):
    context = axe_context(server, browser, DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def phone_tab(server, browser):
    context = axe_context(server, browser, PHONE)
    yield context.new_page()
    context.close()


def test_axe_finds_no_wcag_violation_on_any_page(axe_tab, site: Path) -> None:
    def violations(url: str) -> list[str]:
        return axe_tab.evaluate(AXE_RUN, WCAG_TAGS)

    problems = list(walk(axe_tab, every_url(site), violations))
    assert not problems, f"{len(problems)} axe violations:\n" + "\n".join(problems)


def one_page_of_each_kind(content) -> list[str]:
    """Home, county index, a county, the FAQ, a topic, an answer, the calendar, the
    comparison, the glossary, a text page, in both languages; and the 404 page."""
    paths = [
        "index.md",
        urls.region_path(),
        urls.region_path(sorted(content.regions)[0]),
        urls.answer_path(),
        urls.answer_path(sorted(content.topics)[0]),
        urls.answer_path(sorted(content.answers)[0]),
        urls.calendar_path(),
        urls.comparison_path(),
        urls.glossary_path(),
        "tietoa.md",
    ]
    return ["/" + urls.site_path(lang, path) for lang in LANGUAGE_PREFIX for path in paths] + ["/404.html"]


def test_axe_finds_no_violation_at_phone_width(phone_tab, content) -> None:
    def violations(url: str) -> list[str]:
        return phone_tab.evaluate(AXE_RUN, [*WCAG_TAGS, "wcag22aa"])

    problems = list(walk(phone_tab, one_page_of_each_kind(content), violations))
    assert not problems, f"{len(problems)} axe violations at 390 px:\n" + "\n".join(problems)


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
