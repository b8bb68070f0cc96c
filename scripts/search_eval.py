"""Measure search quality on tests/search_queries.yml: recall@1, recall@3, MRR and
the median time to results, per language, through the real search in Chromium.

    make search-eval                      (builds the site first)
    python scripts/search_eval.py [--site DIR] [--no-compare] [--misses]

Our search: each query is typed into the header search box of the language's home
page of the built site, served on 127.0.0.1 (Pagefind's JS API behind kb-search.js,
exactly what a reader uses). Time = from submitting the query to the rendered
results, measured in the page.

Comparison (unless --no-compare): Material's built-in lunr search, built once into
a temporary folder from the same generated Markdown with a temporary configuration
(stock Material theme, no overrides, `search` with lang [fi, sv] plus static-i18n as
configured here, its reconfigure_search at the default), queried through
Material's own search box on the same pages.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from yaml_env_tag import add_env_tag   # pyyaml_env_tag, MkDocs' own reader of !ENV

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

# The tests' browser settings and quiet localhost server, as scripts/bench.py uses them.
from localsite import CHROMIUM, CHROMIUM_ARGS, serving  # noqa: E402

QUERIES = ROOT / "tests" / "search_queries.yml"
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
    urls: tuple[str, ...]     # result pages in rank order (anchors removed)
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
    other_language: int      # results in the top 3 from the other language's pages


def load_queries(path: Path = QUERIES) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(lang, item["query"], tuple(item["expect"]))
            for lang in HOME for item in data[lang]]


def figures(outcomes: list[Outcome]) -> Figures:
    ranks = [o.rank for o in outcomes]
    n = len(outcomes)
    return Figures(count=n,
                   recall_at_1=sum(1 for r in ranks if r == 1) / n,
                   recall_at_3=sum(1 for r in ranks if r is not None and r <= 3) / n,
                   mrr=sum(1 / r for r in ranks if r) / n,
                   median_ms=statistics.median(o.ms for o in outcomes),
                   first_ms=outcomes[0].ms,
                   other_language=sum(1 for o in outcomes for url in o.urls[:3]
                                      if language_of(url) != o.query.lang))


def language_of(url: str) -> str:
    return "sv" if url.startswith("/sv/") else "fi"


# --- driving the browser ------------------------------------------------------------

@contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


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


def run_queries(browser, base: str, queries: list[Query], query_js: str,
                prepare: Callable[[object], None]) -> list[Outcome]:
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


def prepare_pagefind(page) -> None:
    page.wait_for_selector("#kb-search-input", state="visible")


def prepare_lunr(page) -> None:
    # Open Material's search and wait until its worker has built the index.
    page.evaluate("document.querySelector('#__search').checked = true")
    page.focus(".md-search__input")
    # Material shows search.result.initializer ("Aloitetaan hakua" / "Initialiserar
    # sök" in its fi/sv translations) until then.
    page.wait_for_function(
        "!/Aloitetaan hakua|Initialiserar sök/"
        ".test(document.querySelector('.md-search-result__meta').textContent)")


def run_pagefind(browser, base: str, queries: list[Query]) -> list[Outcome]:
    return run_queries(browser, base, queries, PAGEFIND_QUERY_JS, prepare_pagefind)


def run_lunr(browser, base: str, queries: list[Query]) -> list[Outcome]:
    return run_queries(browser, base, queries, LUNR_QUERY_JS, prepare_lunr)


# --- Material's lunr search, for comparison -----------------------------------------

class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml with MkDocs' `!ENV [NAME, default]` tag (the value now)."""


add_env_tag(_EnvLoader)


def lunr_config(docs: Path, nav: Path, out_site: Path) -> dict:
    """mkdocs.yml with Material's search instead of ours: stock theme, no overrides."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    config["INHERIT"] = str(nav)
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(out_site)
    config["strict"] = False
    config["theme"].pop("custom_dir", None)
    config.pop("extra_css", None)
    # The config is written into a temporary folder, where the hooks' relative paths
    # do not resolve; the one hook (the root 404 page) does not matter for search.
    config.pop("hooks", None)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    i18n.pop("reconfigure_search", None)
    config["plugins"] = [{"search": {"lang": ["fi", "sv"]}}, {"i18n": i18n}]
    return config


def build_lunr_site(tmp: Path) -> Path:
    """Generate the Markdown into tmp (not build/: a parallel `make build` rewrites
    that) and build it with Material's search."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_site  # noqa: PLC0415
    docs, nav, out = tmp / "docs", tmp / "nav.yml", tmp / "site"
    content = build_site.generate(ROOT, docs, nav)
    if content is None:
        raise SystemExit("the content does not validate: run `make validate`")
    config_file = tmp / "mkdocs-lunr.yml"
    config_file.write_text(yaml.safe_dump(lunr_config(docs, nav, out), allow_unicode=True),
                           encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file",
                    str(config_file)], cwd=ROOT, env=build_site.mkdocs_environment(content),
                   check=True)
    return out


# --- report -------------------------------------------------------------------------

def report(name: str, outcomes: list[Outcome], show_misses: bool) -> None:
    for lang in HOME:
        own = [o for o in outcomes if o.query.lang == lang]
        f = figures(own)
        print(f"{name:<22} {lang:<4} {f.count:>7} {f.recall_at_1:>9.2f} {f.recall_at_3:>9.2f} "
              f"{f.mrr:>6.2f} {f.median_ms:>10.0f} {f.first_ms:>9.0f} {f.other_language:>10}")
    if show_misses:
        for o in outcomes:
            if o.rank is None or o.rank > 3:
                print(f"    miss {o.query.lang} {o.query.text!r}: expected {list(o.query.expect)}, "
                      f"got {list(o.urls[:3])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--no-compare", action="store_true",
                        help="skip Material's built-in search")
    parser.add_argument("--misses", action="store_true",
                        help="list the queries whose page is not in the top 3")
    args = parser.parse_args(argv)
    if not (args.site / "pagefind" / "pagefind-entry.json").is_file():
        print(f"No search bundle in {args.site}: run `make build` first", file=sys.stderr)
        return 1
    queries = load_queries()
    counts = {lang: sum(1 for q in queries if q.lang == lang) for lang in HOME}
    print(f"Queries: {counts['fi']} fi, {counts['sv']} sv ({QUERIES.relative_to(ROOT)})")
    print(f"{'engine':<22} {'lang':<4} {'queries':>7} {'recall@1':>9} {'recall@3':>9} "
          f"{'MRR':>6} {'median ms':>10} {'first ms':>9} {'other lang':>10}")
    with chromium() as browser:
        with serving(args.site) as base:
            report("Pagefind 1.5.2", run_pagefind(browser, base, queries), args.misses)
        if not args.no_compare:
            with tempfile.TemporaryDirectory() as tmp:
                with serving(build_lunr_site(Path(tmp))) as base:
                    report("Material lunr 9.8.1", run_lunr(browser, base, queries), args.misses)
    print("median ms: submit to rendered results. first ms: the first query of a language "
          "(Pagefind: includes loading its index; lunr: its index is built before, when the "
          "search box opens). other lang: top-3 results in the other language.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
