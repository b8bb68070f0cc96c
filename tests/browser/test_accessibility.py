"""WCAG 2.1 AA on every built page, in both languages.

axe-core (bundled by axe-playwright-python) runs in headless Chromium over every
page with the WCAG 2.0/2.1 A and AA rule tags, and nothing is disabled. A working
skip link is checked below; the rules axe cannot judge on the rendered page (heading
order, tables with headers, link texts that make sense alone) are checked on the built
HTML, without a browser, in tests/site/test_html_accessibility.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from support.browsertools import every_url, walk

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = """tags => axe.run(document, {runOnly: {type: "tag", values: tags},
                                      resultTypes: ["violations"]})
  .then(r => r.violations.map(v => `${v.id} (${v.impact}): ${v.help} — ` +
        v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")))"""


@pytest.fixture(scope="module")
def axe_tab(server, browser):
    """One context for all pages. bypass_csp lets axe's injected script run;
    the CSP itself is tested without it in test_privacy.py."""
    context = browser.new_context(base_url=server, bypass_csp=True)
    context.add_init_script(AXE_SCRIPT)
    tab = context.new_page()
    yield tab
    context.close()


def test_axe_finds_no_wcag_violation_on_any_page(axe_tab, site: Path) -> None:
    def violations(url: str) -> list[str]:
        return axe_tab.evaluate(AXE_RUN, WCAG_TAGS)

    problems = list(walk(axe_tab, every_url(site), violations))
    assert not problems, f"{len(problems)} axe violations:\n" + "\n".join(problems)


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
