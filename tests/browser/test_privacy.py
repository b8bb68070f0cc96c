"""Nothing leaves the site, nothing is stored in cookies, and the
Content-Security-Policy holds on every page of both languages. (That every page
carries the policy, and that the HTML needs no inline script or style, is checked
without a browser in tests/site/test_html_privacy.py.)

Every request the browser makes is recorded; one to any other host than the
test server fails the test (and is aborted, so the test never waits on the
network). The CSP is enforced from the page's own <meta>: no bypass here.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from support.browsertools import CSP_LISTENER, every_url, walk

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def watched(server, browser):
    """One tab for all pages, recording foreign requests, JS errors and CSP reports."""
    context = browser.new_context(base_url=server)
    host = urlsplit(server).netloc
    record = {"foreign": [], "errors": []}

    def route(route) -> None:
        if urlsplit(route.request.url).netloc == host:
            route.continue_()
        else:
            record["foreign"].append(route.request.url)
            route.abort()

    context.route("**/*", route)
    context.add_init_script(CSP_LISTENER)
    tab = context.new_page()
    tab.on("pageerror", lambda error: record["errors"].append(str(error)))
    yield tab, context, record
    context.close()


def after_load(tab) -> None:
    """Let deferred scripts and queued violation events run (no fixed sleep)."""
    tab.evaluate("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))")


def test_no_request_to_another_host_no_cookie_no_csp_violation(watched, site: Path) -> None:
    tab, context, record = watched

    def check(url: str) -> list[str]:
        after_load(tab)
        problems = [f"request to another host: {u}" for u in record["foreign"]]
        problems += [f"CSP: {v}" for v in tab.evaluate("window.__kbCsp")]
        problems += [f"JavaScript error: {e}" for e in record["errors"]]
        if tab.evaluate("document.cookie"):
            problems.append(f"document.cookie = {tab.evaluate('document.cookie')!r}")
        record["foreign"].clear()
        record["errors"].clear()
        return problems

    urls = every_url(site)
    problems = list(walk(tab, urls, check))
    assert len(urls) > 100
    assert not problems, "\n".join(problems)
    assert context.cookies() == []


def test_search_runs_under_the_csp(watched) -> None:
    """Pagefind loads its WebAssembly under script-src 'self' 'wasm-unsafe-eval'."""
    tab, _, record = watched
    for url, query in (("/", "avustus"), ("/sv/", "understöd")):
        tab.goto(url)
        tab.fill("#kb-search-input", query)
        tab.locator("#kb-search-panel a").first.wait_for()
        assert tab.evaluate("window.__kbCsp") == [], url
        assert record["foreign"] == [] and record["errors"] == [], url
