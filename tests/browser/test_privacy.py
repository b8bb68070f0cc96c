"""Nothing leaves the site, nothing is stored in cookies, and the
Content-Security-Policy holds on every page of both languages.

Every request the browser makes is recorded; one to any other host than the
test server fails the test (and is aborted, so the test never waits on the
network). The CSP is enforced from the page's own <meta>: no bypass here.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from sitewalk import CSP_LISTENER, every_url, walk

pytestmark = pytest.mark.browser

EXPECTED_CSP = ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'",
                "img-src 'self' data:", "connect-src 'self'", "object-src 'none'"]


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


def test_every_page_carries_the_policy(site: Path) -> None:
    meta = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
    for path in [*site.rglob("index.html"), site / "404.html"]:
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # redirect stubs (postbuild/redirects.py) carry no page content
        found = meta.search(html)
        assert found, f"{path}: no CSP meta"
        directives = [d.strip() for d in found.group(1).split(";")]
        assert set(EXPECTED_CSP) <= set(directives), path
        head = html.split("</head>")[0]
        assert head.index("Content-Security-Policy") < head.index("<link rel=\"stylesheet\""), \
            f"{path}: the policy must come before stylesheets and scripts to govern them"


INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)
DATA_BLOCK = re.compile(r'type="application/(?:ld\+)?json"')


def test_no_inline_script_handler_or_style_in_built_html(site: Path) -> None:
    """Only data blocks (Material's JSON config, our JSON-LD) may be inline."""
    problems = []
    for path in site.rglob("*.html"):
        if "pagefind" in path.parts:
            continue
        html = path.read_text(encoding="utf-8")
        rel = path.relative_to(site)
        problems += [f"{rel}: inline <script{m.group(1)}>" for m in INLINE_SCRIPT.finditer(html)
                     if not DATA_BLOCK.search(m.group(1))]
        problems += [f"{rel}: inline event handler" for _ in EVENT_HANDLER.finditer(html)]
        problems += [f"{rel}: style attribute" for _ in STYLE_ATTRIBUTE.finditer(html)]
    assert not problems, "\n".join(sorted(problems)[:50])


def test_headers_file_for_static_hosts(site: Path) -> None:
    """frame-ancestors and friends only work as HTTP headers: site/_headers has them."""
    headers = (site / "_headers").read_text(encoding="utf-8")
    assert "frame-ancestors 'none'" in headers
    assert "X-Content-Type-Options: nosniff" in headers
