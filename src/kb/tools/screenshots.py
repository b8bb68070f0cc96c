"""Screenshots for review: the key pages at a phone's and a desktop's width, in both
languages, as PNG files a pull request can show (issue 14).

    make screenshots                  (builds the site first)
    kb screenshots [--site DIR] [--out DIR]

The built site is served on 127.0.0.1 and opened in Debian's Chromium (kb.tools.browser),
exactly as the browser tests do. Pages: kb.tools.review.key_pages, plus the search
results for the first query of each language in tests/search_queries.yml, typed into
the header search box. Files: <out>/<lang>-<page>-<width>.png, whole pages.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Browser, Page

from .browser import chromium, serving
from .review import KeyPage, key_pages
from .search_eval import HOME, QUERIES, load_queries

WIDTHS = (390, 1280)  # a phone (CSS px) and a desktop, the widths the tests use
HEIGHT = {390: 844, 1280: 800}
OUT = Path("build/screenshots")
TIMEOUT_MS = 15_000


def settle(page: Page) -> None:
    """Fonts loaded and the page at rest: screenshots of the same code are the same."""
    page.evaluate("document.fonts.ready.then(() => true)")


def shoot_page(page: Page, key: KeyPage, width: int, out: Path) -> Path:
    page.goto(key.path, wait_until="load")
    settle(page)
    path = out / f"{key.lang}-{key.name}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def shoot_search(page: Page, lang: str, query: str, width: int, out: Path) -> Path:
    """Type the query into the header search box and wait for its rendered results."""
    page.goto(HOME[lang], wait_until="load")
    box = page.locator("#kb-search-input")
    box.wait_for(state="visible")
    box.fill(query)
    box.press("Enter")
    page.locator(f'[data-kb-search-results][data-query="{query}"] .kb-search__result').first.wait_for()
    settle(page)
    path = out / f"{lang}-search-{width}.png"
    page.screenshot(path=str(path))  # the results panel is fixed: the viewport shows it
    return path


def shoot_all(
    browser: Browser, base: str, pages: list[KeyPage], queries: dict[str, str], out: Path
) -> list[Path]:
    written = []
    for width in WIDTHS:
        for lang in HOME:
            context = browser.new_context(
                base_url=base, viewport={"width": width, "height": HEIGHT[width]}, locale=f"{lang}-FI"
            )
            page = context.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            try:
                for key in (p for p in pages if p.lang == lang):
                    written.append(shoot_page(page, key, width, out))
                written.append(shoot_search(page, lang, queries[lang], width, out))
            finally:
                context.close()
    return written


def main_screenshots(root: Path, site: Path, out: Path) -> int:
    if not (site / "index.html").is_file():
        print(f"No built site in {site}: run `make build` first", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    queries: dict[str, str] = {}
    for query in load_queries(root / QUERIES):
        queries.setdefault(query.lang, query.text)
    with chromium() as browser, serving(site) as base:
        written = shoot_all(browser, base, key_pages(root), queries, out)
    for path in written:
        print(path)
    print(f"{len(written)} screenshots in {out}")
    return 0
