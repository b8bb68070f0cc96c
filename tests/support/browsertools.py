"""Small helpers for the Playwright tests (tests/browser/): keyboard, clipboard, and a
walk over every built page in one browser context (one context for ~150 pages keeps
the accessibility and privacy tests fast)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from playwright.sync_api import Browser, Page

from .htmltools import pages, url_of

MAX_TABS = 80  # enough to pass the header, search, navigation and a table of contents
CLIPBOARD = ["clipboard-read", "clipboard-write"]
PHONE = {"width": 390, "height": 844}  # the phone viewport of the browser tests (CSS px)

# Collects Content-Security-Policy violations from the first byte of every page
# (an init script runs before the page's own scripts).
CSP_LISTENER = """
window.__kbCsp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__kbCsp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}` +
                      (e.sourceFile ? ` (${e.sourceFile}:${e.lineNumber})` : ""));
});
"""


def tab_until(page: Page, selector: str, max_tabs: int = MAX_TABS) -> None:
    """Press Tab (only Tab) until the focused element matches selector."""
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{page.url}: Tab never reaches {selector}")


@contextlib.contextmanager
def context_page(browser: Browser, **options) -> Iterator[Page]:
    """A page in its own browser context, closed even when the test fails."""
    context = browser.new_context(**options)
    try:
        yield context.new_page()
    finally:
        context.close()


@contextlib.contextmanager
def clipboard_page(browser: Browser, base_url: str, **options) -> Iterator[Page]:
    """A page in its own context that may read and write the clipboard."""
    with context_page(browser, base_url=base_url, **options) as page:
        page.context.grant_permissions(CLIPBOARD, origin=base_url)
        yield page


def every_url(site: Path) -> list[str]:
    """Every page of both languages, and the 404 page (served for unknown paths)."""
    return [url_of(site, path) for path in pages(site)] + ["/404.html"]


def walk(page: Page, urls: list[str], check: Callable[[str], list[str]]) -> Iterator[str]:
    """Open each URL in the same tab and yield 'url: problem' lines from check(url)."""
    for url in urls:
        response = page.goto(url, wait_until="load")
        if response is None or (not response.ok and url != "/404.html"):
            yield f"{url}: HTTP {response.status if response else 'no response'}"
            continue
        for problem in check(url):
            yield f"{url}: {problem}"
