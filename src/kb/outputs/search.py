"""The Pagefind search index: one bundle, site/pagefind/, with an index per language.

Pagefind (PyPI `pagefind[bin]`) reads each page's `<html lang>`, builds a
separate index per language with Snowball stemming (fi, sv), and in the browser
pagefind.js loads only the index of the page's own language, and only the chunks
a query needs: a Swedish page can never get a Finnish result.

Only the article is indexed: main.html wraps the page content in
`data-pagefind-body`, so navigation, header and footer never match, and pages
without it (the 404 page, redirect stubs) are left out.

The index is written by Pagefind's command-line binary in a child process
(kb/processes.py ends it with the build). `start` returns at once, so the pages
are compressed meanwhile; `finish` waits for the process to exit — only then is
every file of the bundle complete — and makes the bundle's entry file
reproducible (Pagefind writes its languages in a random order).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from pagefind_bin import get_executable

from kb.content.model import LANGUAGES
from kb.pages.urls import SEARCH_BUNDLE
from kb.processes import start as start_process

BUNDLE_DIR = SEARCH_BUNDLE
ENTRY_FILE = "pagefind-entry.json"

# Inside the article but not content: the "edit this page" button (its hidden
# label would match "muokkaa") and the review-date line that every page has.
EXCLUDE_SELECTORS = [".md-content__button", ".kb-reviewed"]


def start(site: Path) -> subprocess.Popen[str]:
    shutil.rmtree(site / BUNDLE_DIR, ignore_errors=True)  # no stale chunks from a rerun
    command = [str(get_executable()), "--site", str(site), "--output-subdir", BUNDLE_DIR, "--quiet"]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    return start_process(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def indexed_pages(site: Path) -> Counter[str]:
    """Pages per language in the written bundle."""
    entry = json.loads((site / BUNDLE_DIR / ENTRY_FILE).read_text(encoding="utf-8"))
    return Counter({lang: info["page_count"] for lang, info in entry["languages"].items()})


def _sort_entry(site: Path) -> None:
    path = site / BUNDLE_DIR / ENTRY_FILE
    entry = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(entry, sort_keys=True, separators=(",", ":")), encoding="utf-8")


def finish(site: Path, process: subprocess.Popen[str]) -> bool:
    output, _ = process.communicate()
    if process.returncode != 0:
        print(f"search: Pagefind failed (exit {process.returncode}):\n{output}", file=sys.stderr)
        return False
    _sort_entry(site)
    indexed = indexed_pages(site)
    print(
        "Search: indexed "
        + ", ".join(f"{indexed[lang]} {lang}" for lang in sorted(indexed))
        + f" pages into {BUNDLE_DIR}/"
    )
    problems = [f"no {lang} index" for lang in LANGUAGES if not indexed[lang]]
    for problem in problems:
        print(f"search: {problem}", file=sys.stderr)
    return not problems
