"""Measure search quality on tests/search_queries.yml: recall@1, recall@3, MRR and
the median time to results, per language, through the real search in Chromium.

    make search-eval                      (builds the site first)
    kb search-eval [--site DIR] [--no-compare] [--misses]

Our search: each query is typed into the header search box of the language's home
page of the built site, served on 127.0.0.1 (Pagefind's JS API behind kb-search.js,
exactly what a reader uses). Time = from submitting the query to the rendered
results, measured in the page.

Comparison (unless --no-compare): Material's built-in lunr search, built once into
a temporary folder from the same generated Markdown and configurations (stock
Material theme, no overrides, the `search` plugin with each project's one
language), queried through Material's own search box on the same pages.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Browser, Page

from kb.build.pipeline import build
from kb.content import layout
from kb.pages.urls import LANGUAGE_PREFIX

from .browser import chromium, serving

QUERIES = Path("tests/search_queries.yml")  # relative to the project root
HOME = {"fi": "/", "sv": "/sv/"}
TIMEOUT_MS = 15_000


@dataclass(frozen=True)
class Query:
    lang: str
    text: str
    expect: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    query: Query
    urls: tuple[str, ...]  # result pages in rank order (anchors removed)
    ms: float

    @property
    def rank(self) -> int | None:
        """1-based rank of the first expected page, or None."""
        for position, url in enumerate(self.urls, start=1):
            if url in self.query.expect:
                return position
        return None


@dataclass(frozen=True)
class Figures:
    count: int
    recall_at_1: float
    recall_at_3: float
    mrr: float
    median_ms: float
    first_ms: float
    other_language: int  # results in the top 3 from the other language's pages


def load_queries(path: Path) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(lang, item["query"], tuple(item["expect"])) for lang in HOME for item in data[lang]]


def figures(outcomes: list[Outcome]) -> Figures:
    ranks = [o.rank for o in outcomes]
    n = len(outcomes)
    return Figures(
        count=n,
        recall_at_1=sum(1 for r in ranks if r == 1) / n,
        recall_at_3=sum(1 for r in ranks if r is not None and r <= 3) / n,
        mrr=sum(1 / r for r in ranks if r) / n,
        median_ms=statistics.median(o.ms for o in outcomes),
        first_ms=outcomes[0].ms,
        other_language=sum(1 for o in outcomes for url in o.urls[:3] if language_of(url) != o.query.lang),
    )


def language_of(url: str) -> str:
    return "sv" if url.startswith("/sv/") else "fi"


# --- driving the browser ------------------------------------------------------------


def page_path(href: str) -> str:
    """/sv/ukk/x/#section -> /sv/ukk/x/"""
    return urlsplit(href).path


# Submits the query in our header search box and waits until kb-search.js has
# rendered the results of exactly this query (it marks the list with data-query).
PAGEFIND_QUERY_JS = """async (query) => {
  const input = document.querySelector('#kb-search-input');
  const list = document.querySelector('[data-kb-search-results]');
  list.removeAttribute('data-query');
  const done = new Promise(resolve => {
    const observer = new MutationObserver(() => {
      if (list.getAttribute('data-query') === query) { observer.disconnect(); resolve(); }
    });
    observer.observe(list, {attributes: true});
  });
  const started = performance.now();
  input.value = query;
  input.form.requestSubmit();
  await done;
  const ms = performance.now() - started;
  const links = [...list.querySelectorAll('.kb-search__result > a')].map(a => a.href);
  return {ms, links};
}"""

# Material's search box: clear it (wait for the list to empty), then type the query
# and wait for the result count line to change from the placeholder.
LUNR_QUERY_JS = """async (query) => {
  const input = document.querySelector('.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  const list = document.querySelector('.md-search-result__list');
  const type = value => {
    input.value = value;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: 'End'}));
  };
  const until = test => new Promise(resolve => {
    if (test()) return resolve();
    const observer = new MutationObserver(() => {
      if (test()) { observer.disconnect(); resolve(); }
    });
    observer.observe(meta.parentNode, {childList: true, characterData: true, subtree: true});
  });
  type('');
  await until(() => list.childElementCount === 0);
  const placeholder = meta.textContent;
  const done = until(() => meta.textContent !== placeholder);
  const started = performance.now();
  type(query);
  await done;
  const ms = performance.now() - started;
  const links = [...list.querySelectorAll('.md-search-result__item')]
    .map(item => item.querySelector('a')).filter(Boolean).map(a => a.href);
  return {ms, links};
}"""


def run_queries(
    browser: Browser, base: str, queries: list[Query], query_js: str, prepare: Callable[[Page], None]
) -> list[Outcome]:
    """Each language's queries on that language's home page, in one tab."""
    outcomes = []
    for lang, home in HOME.items():
        context = browser.new_context(base_url=base)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(home)
        prepare(page)
        for query in (q for q in queries if q.lang == lang):
            result = page.evaluate(query_js, query.text)
            urls = tuple(dict.fromkeys(page_path(href) for href in result["links"]))
            outcomes.append(Outcome(query, urls, result["ms"]))
        context.close()
    return outcomes


def prepare_pagefind(page: Page) -> None:
    page.wait_for_selector("#kb-search-input", state="visible")


def prepare_lunr(page: Page) -> None:
    # Open Material's search and wait until its worker has built the index.
    page.evaluate("document.querySelector('#__search').checked = true")
    page.focus(".md-search__input")
    # Material shows search.result.initializer ("Aloitetaan hakua" / "Initialiserar
    # sök" in its fi/sv translations) until then.
    page.wait_for_function(
        "!/Aloitetaan hakua|Initialiserar sök/"
        ".test(document.querySelector('.md-search-result__meta').textContent)"
    )


def run_pagefind(browser: Browser, base: str, queries: list[Query]) -> list[Outcome]:
    return run_queries(browser, base, queries, PAGEFIND_QUERY_JS, prepare_pagefind)


def run_lunr(browser: Browser, base: str, queries: list[Query]) -> list[Outcome]:
    return run_queries(browser, base, queries, LUNR_QUERY_JS, prepare_lunr)


# --- Material's lunr search, for comparison -----------------------------------------


def lunr_config(generated: Path, docs: Path) -> dict:
    """A language's generated MkDocs configuration with Material's own search instead of
    ours: the stock theme (no overrides), the search plugin for that one language."""
    config = json.loads(generated.read_text(encoding="utf-8").split("\n", 1)[1])
    lang = config["theme"]["language"]
    config["docs_dir"] = str(docs)
    config["strict"] = False
    config["theme"] = {"name": "material", "language": lang}
    config["plugins"] = [{"search": {"lang": [lang]}}]
    config["extra"] = {"alternate": config["extra"]["alternate"]}
    return config


def build_lunr_site(root: Path, tmp: Path) -> Path:
    """Generate the Markdown and configurations into tmp (not build/: a parallel
    `make build` rewrites that) and build each language with Material's search."""
    workspace = tmp / "build"
    for folder in (layout.CONTENT, layout.PAGES):
        shutil.copytree(root / folder, tmp / folder)
    if build(tmp, tmp / "unused", generate_only=True) != 0:
        raise SystemExit("the content does not validate: run `make validate`")
    out = tmp / "site"
    for lang, prefix in LANGUAGE_PREFIX.items():
        config_file = tmp / f"mkdocs-lunr.{lang}.yml"
        config_file.write_text(
            json.dumps(lunr_config(workspace / f"mkdocs.{lang}.yml", workspace / "docs" / lang)),
            encoding="utf-8",
        )
        subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--quiet",
                "--config-file",
                str(config_file),
                "--site-dir",
                str(out / prefix),
            ],
            cwd=tmp,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            check=True,
        )
    return out


# --- report -------------------------------------------------------------------------


def report(name: str, outcomes: list[Outcome], show_misses: bool) -> None:
    for lang in HOME:
        own = [o for o in outcomes if o.query.lang == lang]
        f = figures(own)
        print(
            f"{name:<22} {lang:<4} {f.count:>7} {f.recall_at_1:>9.2f} {f.recall_at_3:>9.2f} "
            f"{f.mrr:>6.2f} {f.median_ms:>10.0f} {f.first_ms:>9.0f} {f.other_language:>10}"
        )
    if show_misses:
        for o in outcomes:
            if o.rank is None or o.rank > 3:
                print(
                    f"    miss {o.query.lang} {o.query.text!r}: expected {list(o.query.expect)}, "
                    f"got {list(o.urls[:3])}"
                )


def main_search_eval(root: Path, site: Path, compare: bool, show_misses: bool) -> int:
    if not (site / "pagefind" / "pagefind-entry.json").is_file():
        print(f"No search bundle in {site}: run `make build` first", file=sys.stderr)
        return 1
    queries = load_queries(root / QUERIES)
    counts = {lang: sum(1 for q in queries if q.lang == lang) for lang in HOME}
    print(f"Queries: {counts['fi']} fi, {counts['sv']} sv ({QUERIES})")
    print(
        f"{'engine':<22} {'lang':<4} {'queries':>7} {'recall@1':>9} {'recall@3':>9} "
        f"{'MRR':>6} {'median ms':>10} {'first ms':>9} {'other lang':>10}"
    )
    with chromium() as browser:
        with serving(site) as base:
            report("Pagefind 1.5.2", run_pagefind(browser, base, queries), show_misses)
        if compare:
            with tempfile.TemporaryDirectory() as tmp, serving(build_lunr_site(root, Path(tmp))) as base:
                report("Material lunr 9.8.1", run_lunr(browser, base, queries), show_misses)
    print(
        "median ms: submit to rendered results. first ms: the first query of a language "
        "(Pagefind: includes loading its index; lunr: its index is built before, when the "
        "search box opens). other lang: top-3 results in the other language."
    )
    return 0
