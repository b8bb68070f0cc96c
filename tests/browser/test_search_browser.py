"""Search (issue 5) as a reader uses it: the header search box of the built site,
Pagefind in Chromium, under the site's own Content-Security-Policy."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from kb.tools.search_eval import HOME, QUERIES, Query, figures, load_queries, run_pagefind
from support.fixture import ROOT

pytestmark = pytest.mark.browser

MIN_RECALL_AT_3 = 0.9


@pytest.fixture(scope="module")
def outcomes(browser, server):
    return run_pagefind(browser, server, load_queries(ROOT / QUERIES))


@pytest.mark.parametrize("lang", list(HOME))
def test_recall_at_3_on_the_query_set(outcomes, lang: str) -> None:
    own = [o for o in outcomes if o.query.lang == lang]
    result = figures(own)
    misses = [f"{o.query.text!r} -> {list(o.urls[:3])}" for o in own if o.rank is None or o.rank > 3]
    assert result.recall_at_3 >= MIN_RECALL_AT_3, (
        f"{lang} recall@3 {result.recall_at_3:.2f}; not in the top 3:\n" + "\n".join(misses)
    )


def test_a_language_never_returns_the_other_languages_pages(outcomes, browser, server) -> None:
    """Every query of the set typed on both home pages, Finnish queries on the Swedish
    page included: all results (not just the top 3) stay in the page's language."""
    swapped = [
        Query(lang, o.query.text, o.query.expect) for o in outcomes for lang in HOME if lang != o.query.lang
    ]
    swapped_outcomes = run_pagefind(browser, server, swapped)
    for outcome in [*outcomes, *swapped_outcomes]:
        wrong = [u for u in outcome.urls if u.startswith("/sv/") != (outcome.query.lang == "sv")]
        assert not wrong, f"{outcome.query.lang} {outcome.query.text!r} returned {wrong}"
    swapped_hits = sum(1 for o in swapped_outcomes if o.urls)
    assert swapped_hits > 0, (
        "no query typed in the other language found anything: the check above had no result to look at"
    )


def open_search(page, path: str):
    violations: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path)
    box = page.locator(".md-header__inner [data-kb-search]")
    box.wait_for(state="visible")
    return box, violations, requests


def search(page, text: str) -> None:
    page.fill("#kb-search-input", text)
    page.press("#kb-search-input", "Enter")
    page.wait_for_selector(f"[data-kb-search-results][data-query='{text}']")


def test_search_box_in_the_header_finds_a_county_section(page, server, content) -> None:
    _box, violations, requests = open_search(page, "/")
    label = content.t("search.label", "fi")
    search_input = page.get_by_role("searchbox", name=label)
    assert search_input.is_visible()
    assert page.get_by_role("search", name=label).count() == 1
    search(page, "Porvoo")
    status = page.locator("[role=status][data-kb-search-status]")
    assert "Porvoo" in status.inner_text()
    for hidden in (status, page.locator("label[for=kb-search-input]")):
        size = hidden.bounding_box()  # for screen readers only: takes no room
        assert size["width"] <= 1 and size["height"] <= 1
    hrefs = [urlsplit(a.get_attribute("href")) for a in page.locator(".kb-search__result > a").all()]
    porvoo = next(m for m in content.municipalities if m.name_fi == "Porvoo")
    county = [h for h in hrefs if h.path == f"/alueet/{porvoo.region}/"]
    assert county and county[0].fragment == "kunnat", "the link should go to the municipality list"
    first = page.locator(".kb-search__result").first
    assert first.locator(".kb-search__title").inner_text().strip()
    assert first.locator(".kb-search__excerpt mark").count() >= 1
    assert not violations, violations
    origin = f"{urlsplit(server).scheme}://{urlsplit(server).netloc}"
    assert all(r.startswith(origin) for r in requests), [r for r in requests if not r.startswith(origin)]


def test_keyboard_only(page, server) -> None:
    open_search(page, "/sv/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "kb-search-input"
    page.keyboard.type("Borgå")
    page.wait_for_selector("[data-kb-search-results][data-query='Borgå']")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and focused.startswith("/sv/")
    page.keyboard.press("Escape")
    assert page.locator("#kb-search-panel").is_hidden()
    assert page.evaluate("document.activeElement.id") == "kb-search-input"
    page.keyboard.press("ArrowDown")  # reopens the results at the first one
    assert page.locator("#kb-search-panel").is_visible()
    assert page.evaluate("document.activeElement.getAttribute('href')") == focused
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.removeprefix(server) == focused


def test_swedish_page_searches_in_swedish(page, content) -> None:
    open_search(page, "/sv/ukk/")
    assert page.get_by_role("searchbox", name=content.t("search.label", "sv")).is_visible()
    search(page, "järjestöneuvottelukunta")  # the Finnish word for a Swedish page's topic
    links = page.locator(".kb-search__panel a").all()
    assert links, "the Finnish word found no Swedish page"
    for link in links:
        assert urlsplit(link.get_attribute("href")).path.startswith("/sv/")
