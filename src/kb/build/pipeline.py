"""The whole build, in order: content -> Markdown -> MkDocs -> every other output -> swap.

    1. read and check all content           kb.content.read_and_check
    2. render each language's pages         kb.pages.site.language_site
       write them and the MkDocs configs    kb.pages.export, kb.build.mkdocs
    3. MkDocs, one process per language, side by side (fi at /, sv at /sv/)
    4. the outputs on the built HTML        kb.outputs: redirects, open data, feeds,
       calendar feeds (ical), sitemap, headers; the search index   (in a child process) while the pages are
       compressed, then the index's files
    5. the new site replaces the old one    kb.build.swap (atomic where possible)

The site is built in a temporary folder beside the target, so a failed or stopped
build leaves the previous site untouched and no folder behind (kb/processes.py
ends what the build started; the next build removes what a killed one left).
Builds of one checkout take turns (a lock on build/.lock). Two builds of the same
content with the same build date give byte-identical sites.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from kb.config import SiteConfig, build_date_from, site_config
from kb.content import read_and_check
from kb.content.model import DEFAULT_LANGUAGE, LANGUAGES, Content
from kb.content.problems import Problems
from kb.outputs import compress, feeds, headers, ical, opendata, redirects, search, sitemap
from kb.pages import urls
from kb.pages.export import write_markdown_tree
from kb.pages.site import LanguageSite, language_site
from kb.processes import stop_on_signals

from . import mkdocs
from .swap import remove_leftovers, swap_into_place, temporary_sibling


class Workspace:
    """The build/ folder of a checkout: generated Markdown and configs, and the lock."""

    def __init__(self, root: Path) -> None:
        self.dir = root / "build"
        self.docs = self.dir / "docs"

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """One build at a time per checkout (tests, `make serve` and `make build` share build/)."""
        self.dir.mkdir(exist_ok=True)
        with open(self.dir / ".lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def report(problems: Problems) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    count = len(problems)
    print(f"{count} problem{'s' if count != 1 else ''} found; nothing was built.", file=sys.stderr)


def generate(content: Content, config: SiteConfig, workspace: Workspace) -> list[LanguageSite]:
    """Every language's pages and MkDocs configuration, written into build/."""
    sites = [language_site(content, lang, config) for lang in LANGUAGES]
    count = write_markdown_tree(sites, workspace.docs)
    for site in sites:
        mkdocs.write_config(site, workspace.dir, workspace.docs / site.lang)
    print(f"Generated {count} pages into {workspace.docs}/")
    return sites


def language_parts(out: Path, site_dir: Path) -> dict[str, Path]:
    """Where MkDocs builds each language: the default one into `out` itself."""
    return {
        lang: out if lang == DEFAULT_LANGUAGE else temporary_sibling(site_dir, f"building-{lang}")
        for lang in LANGUAGES
    }


def run_mkdocs(workspace: Workspace, out: Path, parts: dict[str, Path]) -> bool:
    """Each language into its own folder, side by side; then the other languages move
    into out/<lang>/ (one rename each)."""
    processes = {
        lang: mkdocs.start_build(mkdocs.config_path(workspace.dir, lang), part)
        for lang, part in parts.items()
    }
    ok = all([mkdocs.finish_build(process, lang, parts[lang]) for lang, process in processes.items()])
    if not ok:
        return False
    for lang, part in parts.items():
        if part != out:
            part.rename(out / urls.LANGUAGE_PREFIX[lang].rstrip("/"))
            # Static hosts serve the root 404 page (bilingual) for every address.
            (out / urls.LANGUAGE_PREFIX[lang] / "404.html").unlink(missing_ok=True)
    print(f"MkDocs built {', '.join(parts)}")
    return True


def write_outputs(site: Path, content: Content, config: SiteConfig, sites: list[LanguageSite]) -> bool:
    """Everything besides the pages, on the built site. The search index is written by
    a child process while the pages are compressed; both only read the pages."""
    paths = [page.path for page in sites[0].pages]
    if not (
        redirects.run(site, content, config)
        and opendata.run(site, content, config)
        and feeds.run(site, content, config)
        and ical.run(site, content, config)
        and sitemap.run(site, paths, config)
        and headers.run(site)
    ):
        return False
    pages = compress.compressible(site, skip=search.BUNDLE_DIR)
    indexing = search.start(site)
    compress.run(site, pages)
    if not search.finish(site, indexing):
        return False
    return compress.run(site, compress.compressible(site / search.BUNDLE_DIR))


def build(
    root: Path, site_dir: Path, environ: dict[str, str] | None = None, generate_only: bool = False
) -> int:
    """`kb build`: 0 when the site is in place, 1 when content or a step failed."""
    started = time.perf_counter()
    workspace = Workspace(root)
    site_dir = site_dir.resolve()
    with workspace.lock(), stop_on_signals():
        remove_leftovers(site_dir)
        environ = dict(os.environ if environ is None else environ)
        content, problems = read_and_check(root, build_date_from(environ))
        if problems:
            report(problems)
            return 1
        config = site_config(content.site, environ)
        sites = generate(content, config, workspace)
        if generate_only:
            return 0
        new = temporary_sibling(site_dir, "building")
        parts = language_parts(new, site_dir)
        try:
            if not (run_mkdocs(workspace, new, parts) and write_outputs(new, content, config, sites)):
                print("Build failed; the previous site was left untouched.", file=sys.stderr)
                return 1
            swap_into_place(new, site_dir)
        finally:
            for leftover in parts.values():
                shutil.rmtree(leftover, ignore_errors=True)
    print(f"Site built into {site_dir} in {time.perf_counter() - started:.1f} s")
    return 0
