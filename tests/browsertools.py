"""Small helpers for the Playwright tests (tests/browser/)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from playwright.sync_api import Browser, Page

MAX_TABS = 80    # enough to pass the header, search, navigation and a table of contents
CLIPBOARD = ["clipboard-read", "clipboard-write"]


def tab_until(page: Page, selector: str, max_tabs: int = MAX_TABS) -> None:
    """Press Tab (only Tab) until the focused element matches selector."""
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{page.url}: Tab never reaches {selector}")


@contextlib.contextmanager
def clipboard_page(browser: Browser, base_url: str, **options) -> Iterator[Page]:
    """A page in its own context that may read and write the clipboard."""
    context = browser.new_context(base_url=base_url, **options)
    context.grant_permissions(CLIPBOARD, origin=base_url)
    try:
        yield context.new_page()
    finally:
        context.close()
