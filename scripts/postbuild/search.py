"""Post-build step: the Pagefind search index, one index per language.

Pagefind (PyPI `pagefind[bin]`) reads each page's `<html lang>`, builds a
separate index per language with Snowball stemming (fi, sv) and writes one
bundle, site/pagefind/. In the browser, pagefind.js loads only the index of the
page's own language, and only the chunks a query needs: a Swedish page (lang
sv, under /sv/) can never get a Finnish result.

Only the article is indexed: main.html wraps the page content in
`data-pagefind-body`, so navigation, header and footer never match, and pages
without it (the bilingual 404 page, redirect stubs) are left out.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

BUNDLE_DIR = "pagefind"
LANGUAGES = ("fi", "sv")

# Inside the article but not content: the "edit this page" button (its hidden
# label would match "muokkaa") and the review-date line that every page has.
EXCLUDE_SELECTORS = [".md-content__button", ".kb-reviewed"]
HTML_LANG = re.compile(r'<html[^>]*\slang="([^"]+)"')


def expected_pages(site: Path) -> Counter[str]:
    """Pages with an indexable article, per <html lang>."""
    counts: Counter[str] = Counter()
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if "data-pagefind-body" in html:
            match = HTML_LANG.search(html)
            counts[match.group(1) if match else "unknown"] += 1
    return counts


def indexed_pages(site: Path) -> Counter[str]:
    """Pages per language in the written bundle."""
    entry = json.loads((site / BUNDLE_DIR / "pagefind-entry.json").read_text(encoding="utf-8"))
    return Counter({lang: info["page_count"] for lang, info in entry["languages"].items()})


async def build_index(site: Path) -> None:
    # One add_directory request, not one per file: the Python API polls its
    # backend every 0.1 s, which would make 100 files take 10 s.
    config: IndexConfig = {"exclude_selectors": EXCLUDE_SELECTORS,
                           "output_path": str(site / BUNDLE_DIR)}
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(site))


def run(site: Path) -> bool:
    shutil.rmtree(site / BUNDLE_DIR, ignore_errors=True)   # no stale chunks from a rerun
    # In a thread of its own: the build also runs inside pytest sessions whose
    # thread already has an event loop (Playwright), where asyncio.run refuses.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, build_index(site)).result()
    indexed, expected = indexed_pages(site), expected_pages(site)
    print("Search: indexed " + ", ".join(f"{indexed[lang]} {lang}" for lang in sorted(indexed))
          + f" pages into {BUNDLE_DIR}/")
    problems = []
    if indexed != expected:
        problems.append(f"indexed {dict(indexed)} but pages with data-pagefind-body are "
                        f"{dict(expected)}")
    problems += [f"no {lang} index" for lang in LANGUAGES if not indexed[lang]]
    for problem in problems:
        print(f"search: {problem}", file=sys.stderr)
    return not problems
