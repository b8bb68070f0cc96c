"""Phones first (issue 14, item 4), in Chromium at phone widths: nothing scrolls
sideways, no heading (nor the site name) is broken inside a word without a hyphen,
the controls are at least 24 px (WCAG 2.2, 2.5.8), the copy-link buttons show without
hovering, and a printout holds the article only, with the addresses of its links.

The page set is every kind of page a phone user lands on, in both languages: home,
the county index, a county, an answer, the calendar and the comparison. The measuring
script (tests/support/layout.py) reports "Hyvinvointial|ueet" and the cut site name
("Järjes…") on the stylesheet before this work: it can fail.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from kb.pages import urls
from kb.pages.urls import LANGUAGE_PREFIX
from support.browsertools import PHONE, context_page
from support.layout import phone_problems

pytestmark = pytest.mark.browser

WIDTHS = (360, 390, 414)
MIN_TARGET = 24  # CSS px, WCAG 2.2 success criterion 2.5.8


def phone_pages(content) -> list[str]:
    region, answer = sorted(content.regions)[0], sorted(content.answers)[0]
    paths = [
        "index.md",
        urls.region_path(),
        urls.region_path(region),
        urls.answer_path(answer),
        urls.calendar_path(),
        urls.comparison_path(),
    ]
    return ["/" + urls.site_path(lang, path) for lang in LANGUAGE_PREFIX for path in paths]


@pytest.mark.parametrize("width", WIDTHS)
def test_no_sideways_scroll_and_no_word_broken_without_a_hyphen(browser, server, content, width) -> None:
    problems = []
    with context_page(browser, base_url=server, viewport={"width": width, "height": 800}) as page:
        for url in phone_pages(content):
            page.goto(url)
            page.evaluate("document.fonts.ready.then(() => true)")
            problems += [f"{url}: {problem}" for problem in phone_problems(page)]
    assert not problems, f"at {width} px:\n" + "\n".join(problems)


def test_the_measurement_sees_a_word_cut_without_a_hyphen(browser, server) -> None:
    """The check itself: a heading squeezed as the edit control used to squeeze it."""
    with context_page(browser, base_url=server, viewport={"width": 390, "height": 800}) as page:
        page.goto("/alueet/")
        assert not phone_problems(page)
        page.evaluate("""() => {
          const h1 = document.querySelector('article h1');
          h1.style.cssText = 'width: 5em; padding: 0; overflow-wrap: anywhere; hyphens: manual';
          h1.textContent = 'Hyvinvointialueet';
        }""")
        assert phone_problems(page) == ['"Hyvinvointialueet" broken without a hyphen in H1']
        page.evaluate("document.querySelector('article h1').style.overflowWrap = 'normal'")
        assert phone_problems(page) == ["H1 is wider than its box: Hyvinvointialueet"]


def test_site_name_is_whole_on_a_phone(browser, server, content) -> None:
    with context_page(browser, base_url=server, viewport={"width": 360, "height": 800}) as page:
        for url, lang in (("/", "fi"), ("/sv/", "sv")):
            page.goto(url)
            name = page.locator(".md-header__topic:first-child .md-ellipsis")
            expect(name).to_have_text(content.t("site.name", lang))
            # Nothing cut off: not sideways, and not a third line hidden by the two-line
            # clamp (a glyph's descender may reach 3 px past the line box).
            assert name.evaluate(
                "e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight + 3"
            )


def test_touch_targets_and_copy_buttons_without_hover(browser, server, content) -> None:
    region = sorted(content.regions)[0]
    options = {"viewport": PHONE, "has_touch": True, "is_mobile": True}
    with context_page(browser, base_url=server, **options) as page:
        page.goto(f"/sv/alueet/{region}/")
        buttons = page.locator(".kb-copylink__button")
        assert buttons.count() >= 4
        small = []
        for control in [*buttons.all(), page.locator(".md-content__button").first]:
            expect(control).to_be_visible()  # no hover on a touch screen
            box = control.bounding_box()
            assert box is not None
            if box["width"] < MIN_TARGET or box["height"] < MIN_TARGET:
                small.append(f"{control.get_attribute('aria-label') or control.inner_text()}: {box}")
        assert not small, "controls under 24 px:\n" + "\n".join(small)
        # The edit control is on its own line above the title, not beside it.
        edit = page.locator(".md-content__button").first.bounding_box()
        title = page.locator("article h1").bounding_box()
        assert edit and title and edit["y"] + edit["height"] <= title["y"]
        # The icon button sits at the end of its heading's last line.
        heading = page.locator("article h1").bounding_box()
        button = page.locator("article h1 + .kb-copylink button").bounding_box()
        assert heading and button
        assert (
            heading["y"] <= button["y"]
            and button["y"] + button["height"] <= heading["y"] + heading["height"] + 1
        )
        assert button["x"] + button["width"] <= heading["x"] + heading["width"] + 1


def test_tables_are_cards_on_a_phone(browser, server) -> None:
    """The calendar's tables: one card per row, each value after its column's name."""
    with context_page(browser, base_url=server, viewport=PHONE) as page:
        page.goto("/sv/kalenteri/")
        table = page.locator("article table").first
        names = table.locator("thead th").all_inner_texts()
        expect(table.locator("thead")).to_be_hidden()
        cells = table.locator("tbody tr").first.locator("td")
        assert [c.get_attribute("data-label") for c in cells.all()] == names
        second = cells.nth(1)
        before = second.evaluate("td => getComputedStyle(td, '::before').content")
        assert before == 'attr(data-label) ": "' or names[1] in before, before
        box, row = second.bounding_box(), table.locator("tbody tr").first.bounding_box()
        assert box and row and box["width"] >= row["width"] - 1  # stacked: the card's full width


def test_printout_has_the_article_only_and_shows_link_addresses(page: Page, content) -> None:
    region = sorted(content.regions)[0]
    page.goto(f"/alueet/{region}/")
    page.emulate_media(media="print")
    for hidden in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-footer",
        ".kb-copylink button",
        ".md-content__button",
        ".kb-tasks",  # the task bar and the breadcrumbs are navigation too
        ".kb-breadcrumbs",
    ):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator("article h1")).to_be_visible()
    external = page.locator("article a[href^='https://']").first
    href = external.get_attribute("href")
    after = external.evaluate("a => getComputedStyle(a, '::after').content")
    assert "attr(href)" in after or (href and href in after), after


def test_search_results_open_below_the_search_field_on_a_phone(browser, server) -> None:
    with context_page(browser, base_url=server, viewport=PHONE) as page:
        page.goto("/sv/")
        field = page.locator("#kb-search-input")
        field.fill("bidrag")
        field.press("Enter")
        panel = page.locator("#kb-search-panel")
        expect(panel.locator(".kb-search__result").first).to_be_visible()
        box, under = field.bounding_box(), panel.bounding_box()
        assert box and under and under["y"] >= box["y"] + box["height"], "the results cover the field"
        assert under["x"] >= 0 and under["x"] + under["width"] <= 390
