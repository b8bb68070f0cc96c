"""Build the whole site: validate -> generate Markdown -> MkDocs -> post-build steps.

The site is built into build/site.new and swapped into site/ only when every
step has succeeded, so a failed build never leaves a half-written site/.

    python scripts/build_site.py            # the full build (make build)
    python scripts/build_site.py --generate-only
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from sitegen.cli import load_or_report  # noqa: E402
from sitegen.model import DEFAULT_LANGUAGE, LANGUAGES, Content  # noqa: E402
from sitegen.export import write_markdown_tree, write_navigation  # noqa: E402

BUILD = ROOT / "build"
GENERATED_DOCS = BUILD / "docs"
NAV_FILE = BUILD / "nav.yml"


@contextlib.contextmanager
def build_lock():
    """One build at a time per checkout: builds share build/ (tests, make serve, make build)."""
    BUILD.mkdir(exist_ok=True)
    with open(BUILD / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def generate(root: Path = ROOT, docs: Path = GENERATED_DOCS, nav: Path = NAV_FILE) -> Content | None:
    """Validate and write the Markdown tree and its navigation. Returns the content, or None."""
    content = load_or_report(root)
    if content is None:
        return None
    pages = write_markdown_tree(content, docs)
    write_navigation(content, nav)
    print(f"Generated {pages} pages into {docs}/")
    return content


def mkdocs_environment(content: Content) -> dict[str, str]:
    """The environment for MkDocs: labels that mkdocs.yml reads with !ENV (one source:
    content/ui.yml), on top of this process's environment."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for lang in LANGUAGES:
        env[f"KB_SITE_NAME_{lang.upper()}"] = content.t("site.name", lang)
        env[f"KB_SITE_DESCRIPTION_{lang.upper()}"] = content.t("site.description", lang)
        # Search box labels (kb-search.js) as one JSON string: every page needs
        # them, the 404 page included, which has no front matter.
        env[f"KB_SEARCH_LABELS_{lang.upper()}"] = json.dumps(
            {key.removeprefix("search."): getattr(value, lang)
             for key, value in content.ui.items() if key.startswith("search.")},
            ensure_ascii=False)
    return env


def run_mkdocs(env: dict[str, str], out_dir: Path) -> bool:
    """Build every language with MkDocs, side by side, into out_dir (fi at /, sv at /sv/).

    mkdocs-static-i18n would build the languages one after the other in one
    process; scripts/mkdocs_language_build.py runs exactly one of those builds,
    so both cores work (make bench). The pages are identical to the plugin's own
    sequential build (tests/site/test_parallel_build.py); only the sitemaps,
    which each process writes for its own language, are joined here.
    Strict mode: every process fails on any warning (a broken link …).
    """
    parts = {lang: out_dir if lang == DEFAULT_LANGUAGE else out_dir.with_name(f"{out_dir.name}.{lang}")
             for lang in LANGUAGES}
    processes = {
        lang: subprocess.Popen(
            [sys.executable, str(ROOT / "scripts" / "mkdocs_language_build.py"), "--lang", lang,
             "--site-dir", str(part), "--config-file", str(ROOT / "mkdocs.yml")],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for lang, part in parts.items()}
    ok = True
    for lang, process in processes.items():
        output, _ = process.communicate()
        for line in output.splitlines():
            if not line.startswith("INFO"):
                print(f"[{lang}] {line}", file=sys.stderr)
        ok = ok and process.returncode == 0
    if ok:
        _merge_languages(out_dir, parts)
    for lang, part in parts.items():
        if part != out_dir and part.exists():
            shutil.rmtree(part)
    return ok


def _merge_languages(out_dir: Path, parts: dict[str, Path]) -> None:
    """Move each other language's pages into out_dir/<lang>/ and join the sitemaps."""
    entries: list[str] = []
    head = tail = ""
    for lang, part in parts.items():
        sitemap = (part / "sitemap.xml").read_text(encoding="utf-8")
        head, tail = sitemap[:sitemap.index("<url>")], sitemap[sitemap.rindex("</url>") + 6:]
        entries.append(sitemap[len(head):len(sitemap) - len(tail)])
        if part != out_dir:
            (part / lang).rename(out_dir / lang)
    (out_dir / "sitemap.xml").write_text(head + "\n    ".join(entries) + tail, encoding="utf-8")
    (out_dir / "sitemap.xml.gz").unlink(missing_ok=True)  # post-build compression rewrites it


def post_build(out_dir: Path, content: Content) -> bool:
    """Steps that work on the built HTML (redirects, exports, search index, compression)."""
    import postbuild  # noqa: PLC0415  (scripts/postbuild/)
    return postbuild.run_all(out_dir, content)


def swap_into_place(new: Path, final: Path) -> None:
    old = final.with_name(final.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        final.rename(old)
    new.rename(final)
    if old.exists():
        shutil.rmtree(old)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--generate-only", action="store_true")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="where content/ and docs/ are read from (tests use fixtures)")
    args = parser.parse_args(argv)
    with build_lock():
        return _build(args)


def _build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    content = generate(args.root)
    if content is None:
        return 1
    if args.generate_only:
        return 0
    new = BUILD / "site.new"
    if new.exists():
        shutil.rmtree(new)
    if not run_mkdocs(mkdocs_environment(content), new) or not post_build(new, content):
        print("Build failed; the previous site/ was left untouched.", file=sys.stderr)
        return 1
    swap_into_place(new, args.site_dir)
    print(f"Site built into {args.site_dir} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
