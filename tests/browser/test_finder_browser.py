"""The front door on a 390 px phone, by keyboard alone: Tab to the finder, type a
municipality's Finnish or Swedish name or a former municipality's, Tab to the result,
Enter, and the county's page opens. Nothing scrolls sideways on the home page and the
county list. The expected counties come from the content files."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from kb.content.model import Content
from support.browsertools import PHONE, context_page, tab_until
from support.layout import SIDEWAYS_JS

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(server, browser):
    with context_page(browser, base_url=server, viewport=PHONE, locale="fi-FI") as tab:
        yield tab


def county_of_name(content: Content, name: str) -> str:
    """The county id of a municipality (either language) or a former municipality."""
    for m in content.municipalities:
        names = {m.name_fi, m.name_sv} | {n for c in m.former for n in (c.name.fi, c.name.sv)}
        if name in names:
            return m.region
    raise AssertionError(f"{name} is in no municipality's names")


@pytest.mark.parametrize(
    "start, typed, name",
    [
        ("/", "Mäntyharju", "Mäntyharju"),  # a Finnish name
        ("/", "borga", "Borgå"),  # a Swedish name, typed without its ring
        ("/sv/", "Pertunmaa", "Pertunmaa"),  # a former municipality, on the Swedish page
        ("/alueet/", "jyvaskyla", "Jyväskylä"),  # the county list has the same finder
    ],
)
def test_the_finder_by_keyboard_alone(
    phone: Page, content: Content, start: str, typed: str, name: str
) -> None:
    page = phone
    page.goto(start)
    tab_until(page, "#kb-finder-input")
    page.keyboard.type(typed)
    count = page.locator(".kb-finder__count")
    assert count.get_attribute("role") == "status"
    shown = page.locator(".kb-finder__results a").count()
    lang = "sv" if start.startswith("/sv/") else "fi"
    one, many = content.ui["finder.one"].get(lang), content.ui["finder.many"].get(lang)
    assert shown >= 1
    assert count.inner_text() == (one if shown == 1 else many.format(count=shown)), "the live count is true"
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('.kb-finder__results') !== null")
    assert focused, "Tab moves from the box to the first result"
    assert name in page.evaluate("document.activeElement.textContent")
    prefix = "/sv/" if start.startswith("/sv/") else "/"
    target = f"**{prefix}alueet/{county_of_name(content, name)}/"
    page.keyboard.press("Enter")
    page.wait_for_url(target)  # the county page ("**/alueet/x/" also matches /sv/alueet/x/:)
    assert ("/sv/" in page.url) == (prefix == "/sv/"), "in the language of the page searched"


def test_arrow_keys_move_between_results(phone: Page) -> None:
    page = phone
    page.goto("/")
    tab_until(page, "#kb-finder-input")
    page.keyboard.type("Etelä")
    results = page.locator(".kb-finder__results a")
    assert results.count() > 2
    page.keyboard.press("ArrowDown")
    # one evaluate: Playwright hands DOM nodes back as the same placeholder string
    assert page.evaluate("document.activeElement === document.querySelector('.kb-finder__results a')")
    first = page.evaluate("document.activeElement.href")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") != first
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.href") == first
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "kb-finder-input"


def test_no_match_is_said_in_words(phone: Page, content: Content) -> None:
    page = phone
    page.goto("/sv/")
    page.fill("#kb-finder-input", "xyzzy")
    assert page.locator(".kb-finder__count").inner_text() == content.ui["finder.none"].sv
    assert page.locator(".kb-finder__results a").count() == 0


@pytest.mark.parametrize("url", ["/", "/sv/", "/alueet/", "/sv/alueet/"])
def test_nothing_scrolls_sideways_at_390_px(phone: Page, url: str) -> None:
    page = phone
    page.goto(url)
    page.locator("details.kb-finder__all summary").click()  # the open list must fit too
    assert page.evaluate(SIDEWAYS_JS) == [], url


def test_the_tile_map_is_reachable_and_shows_focus(phone: Page) -> None:
    page = phone
    page.goto("/")
    tab_until(page, ".kb-tilemap a")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none"), "a focused tile shows where the focus is"


def test_without_javascript_the_finder_is_a_list_of_links(browser, server: str, content: Content) -> None:
    with context_page(browser, base_url=server, viewport=PHONE, java_script_enabled=False) as page:
        page.goto("/")
        assert not page.locator("#kb-finder-input").is_visible(), "no box that would do nothing"
        page.locator("details.kb-finder__all summary").click()
        links = page.locator(".kb-finder__list a")
        assert links.count() > len(content.municipalities)
        pertunmaa = page.locator(".kb-finder__list a", has_text="Pertunmaa")
        assert pertunmaa.is_visible()
        pertunmaa.click()
        page.wait_for_url(f"**/alueet/{county_of_name(content, 'Pertunmaa')}/")
