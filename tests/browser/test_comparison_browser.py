"""The comparison table in a browser: sortable by mouse and keyboard on a desktop, one
card per county on a phone, complete and in alphabetical order without a script, and
never wider than the screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from support.browsertools import PHONE, context_page, tab_until

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
ROWS = "table.kb-compare__table tbody tr"

SORT_KEYS = """column => [...document.querySelectorAll("table.kb-compare__table tbody tr")]
  .map(row => row.children[column].dataset.sort)"""
PAGE_OVERFLOW = "document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"


def column_index(page: Page, name: str) -> int:
    names = page.locator("table.kb-compare__table thead th").all_inner_texts()
    return [n.strip().rstrip("▲▼ ").strip() for n in names].index(name)


def known_in_order(keys: list[str], descending: bool = False) -> None:
    """Known keys are in order and every unknown ("") comes after them."""
    known = [k for k in keys if k]
    assert keys[: len(known)] == known, "a fact not known sorts before a known one"
    assert known == sorted(known, reverse=descending)


@pytest.mark.parametrize(
    "url, column", [("/vertailu/", "Uusin hakuaika"), ("/sv/vertailu/", "Senaste ansökningstid")]
)
def test_sort_by_a_column_with_the_mouse(browser, server: str, url: str, column: str) -> None:
    with context_page(browser, base_url=server, viewport=DESKTOP) as page:
        page.goto(url)
        index = column_index(page, column)
        header = page.locator("table.kb-compare__table thead th").nth(index)
        header.get_by_role("button").click()
        assert header.get_attribute("aria-sort") == "ascending"
        known_in_order(page.evaluate(SORT_KEYS, index))
        status = page.locator(".kb-compare__status[role=status]").inner_text()
        assert column in status
        header.get_by_role("button").click()
        assert header.get_attribute("aria-sort") == "descending"
        known_in_order(page.evaluate(SORT_KEYS, index), descending=True)
        others = page.locator("table.kb-compare__table thead th[aria-sort]")
        assert others.count() == 1, "only the sorted column says it is sorted"


def test_sort_with_the_keyboard(browser, server: str) -> None:
    with context_page(browser, base_url=server, viewport=DESKTOP) as page:
        page.goto("/vertailu/")
        before = page.locator(f"{ROWS} th").all_inner_texts()
        tab_until(page, "table.kb-compare__table thead th:first-child button", max_tabs=200)
        page.keyboard.press("Enter")  # sorted ascending already: Enter reverses
        after = page.locator(f"{ROWS} th").all_inner_texts()
        assert after == list(reversed(before))


@pytest.mark.parametrize("url", ["/vertailu/", "/sv/vertailu/"])
def test_without_a_script_the_table_is_complete_and_alphabetical(browser, server: str, url: str) -> None:
    with context_page(browser, base_url=server, viewport=DESKTOP, java_script_enabled=False) as page:
        page.goto(url)
        names = page.locator(f"{ROWS} th").all_inner_texts()
        assert len(names) == 22
        assert page.locator("table.kb-compare__table button").count() == 0
        assert page.evaluate(PAGE_OVERFLOW) <= 0, "the table widens the page instead of scrolling in its box"


@pytest.mark.parametrize("url", ["/vertailu/", "/sv/vertailu/"])
def test_on_a_phone_each_county_is_a_card_with_named_facts(browser, server: str, url: str) -> None:
    with context_page(browser, base_url=server, viewport=PHONE, is_mobile=True, has_touch=True) as page:
        page.goto(url)
        assert page.evaluate(PAGE_OVERFLOW) <= 0, "the page scrolls sideways on a phone"
        assert not page.locator("table.kb-compare__table thead").is_visible()
        labels = page.evaluate(
            """() => [...document.querySelectorAll("table.kb-compare__table tbody td")].slice(0, 12)
                 .map(td => [td.dataset.label, getComputedStyle(td, "::before").content])"""
        )
        for label, shown in labels:
            assert label and label in shown, f"a fact on a phone is not named: {label!r} shows {shown!r}"
        box = page.locator(ROWS).first.bounding_box()
        assert box and box["width"] <= PHONE["width"]
