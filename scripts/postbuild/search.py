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
import shutil
import sys
from collections import Counter
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex
from sitegen.model import LANGUAGES

BUNDLE_DIR = "pagefind"

# Inside the article but not content: the "edit this page" button (its hidden
# label would match "muokkaa") and the review-date line that every page has.
EXCLUDE_SELECTORS = [".md-content__button", ".kb-reviewed"]


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
    """Write the index. Runs in a worker thread (postbuild.run_all): the build also
    runs inside pytest sessions whose main thread has an event loop (Playwright),
    where asyncio.run refuses. tests/site/test_search.py checks that every page
    with an article is indexed in its language."""
    shutil.rmtree(site / BUNDLE_DIR, ignore_errors=True)   # no stale chunks from a rerun
    asyncio.run(build_index(site))
    indexed = indexed_pages(site)
    print("Search: indexed " + ", ".join(f"{indexed[lang]} {lang}" for lang in sorted(indexed))
          + f" pages into {BUNDLE_DIR}/")
    problems = [f"no {lang} index" for lang in LANGUAGES if not indexed[lang]]
    for problem in problems:
        print(f"search: {problem}", file=sys.stderr)
    return not problems
