"""Keyboard only: reach search, the language switcher and the copy-link buttons
with Tab, use them with Enter, and see where the focus is at every stop."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from support.browsertools import clipboard_page, tab_until

pytestmark = pytest.mark.browser


@pytest.fixture
def keyboard_page(server, browser):
    with clipboard_page(browser, server) as tab:
        yield tab


@pytest.mark.parametrize("start, query", [("/ukk/", "kumppanuusavustus"), ("/sv/alueet/", "understöd")])
def test_search_with_the_keyboard(keyboard_page: Page, start: str, query: str) -> None:
    page = keyboard_page
    page.goto(start)
    tab_until(page, "header input[type=search]")
    page.keyboard.type(query)
    page.keyboard.press("Enter")
    page.locator("#kb-search-panel a").first.wait_for()
    tab_until(page, "#kb-search-panel a")
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert start.startswith("/sv/") == ("/sv/" in page.url), "search left the language"


@pytest.mark.parametrize(
    "start, other", [("/ukk/hakuajat/", "/sv/ukk/hakuajat/"), ("/sv/alueet/pirkanmaa/", "/alueet/pirkanmaa/")]
)
def test_language_switcher_with_the_keyboard(
    keyboard_page: Page, server: str, start: str, other: str
) -> None:
    page = keyboard_page
    page.goto(start)
    lang = "sv" if other.startswith("/sv/") else "fi"
    tab_until(page, f"a.md-select__link[hreflang={lang}]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}{other}**")
    assert page.evaluate("document.documentElement.lang") == lang


def test_copy_link_with_the_keyboard(keyboard_page: Page, server: str) -> None:
    page = keyboard_page
    page.goto("/ukk/hakuajat/")
    tab_until(page, ".kb-copylink__button")
    button_url = page.evaluate("document.activeElement.dataset.url")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.kb-copylink [role=status]')]"
        ".some(status => status.textContent.trim())"
    )
    assert page.evaluate("navigator.clipboard.readText()") == button_url
    assert button_url.startswith(f"{server}/ukk/hakuajat/")


@pytest.mark.parametrize(
    "url, feed", [("/kalenteri/", "avustushaut.ics"), ("/sv/alueet/pirkanmaa/", "pirkanmaa.ics")]
)
def test_subscribe_and_download_links_with_the_keyboard(keyboard_page: Page, url: str, feed: str) -> None:
    """The calendar's subscribe link (webcal:) and its plain download are reachable with
    Tab, visibly focused, and Enter on the download link saves the .ics file."""
    page = keyboard_page
    page.goto(url)
    tab_until(page, ".kb-subscribe a", max_tabs=300)
    assert page.evaluate("document.activeElement.href").startswith("webcal://")
    assert page.evaluate("document.activeElement.href").endswith(f"/kalenteri/{feed}")
    assert page.evaluate(FOCUS_RING), "the subscribe link shows its focus"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('download')")
    assert page.evaluate(FOCUS_RING), "the download link shows its focus"
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == feed
    assert Path(download.value.path()).read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


FOCUS_RING = """() => { const s = getComputedStyle(document.activeElement);
  return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 1 || s.boxShadow !== "none"; }"""


@pytest.mark.parametrize("url", ["/ukk/hakuajat/", "/sv/alueet/", "/kalenteri/"])
def test_every_tab_stop_shows_where_the_focus_is(keyboard_page: Page, url: str) -> None:
    page = keyboard_page
    page.goto(url)
    unseen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        if not page.evaluate(FOCUS_RING):
            unseen.append(
                page.evaluate(
                    "e => e.outerHTML.slice(0, 120)", page.evaluate_handle("document.activeElement")
                )
            )
    assert not unseen, "focus is not visible on:\n" + "\n".join(unseen)
