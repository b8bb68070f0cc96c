"""Build-time benchmark (make bench): prints every figure from one run.

1. The real site: the full build (validate -> Markdown -> MkDocs -> search
   index, open data, compression) against a plain `mkdocs build` of the same
   generated pages, so the cost of our own steps is visible.
2. Synthetic content (scripts/synthetic_content.py) at 500 and 2,000 answers
   per language, full build and plain MkDocs. Targets: 2 x 2,000 under 30 s,
   and time(2,000) <= 4.5 x time(500) (linear growth).
3. The weight of an answer page on a first visit, compressed: every file the
   browser fetches (HTML, CSS, JS, images, fonts), not the search index, which
   loads only when someone searches.

Each build runs in its own process; its peak memory is the largest resident
size of that process and its children (wait4's ru_maxrss), its time wall-clock.
The builds run in a private copy of the repository under a temporary
directory, so nothing else using build/ (tests, `make serve`) can disturb them,
and they disturb nothing. Other load on the machine does slow them: run the
bench on an idle machine.

    python scripts/bench.py [--sizes 500 2000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import synthetic_content  # noqa: E402
from sitegen.content import load_content  # noqa: E402
from build_site import mkdocs_environment  # noqa: E402

TARGET_SECONDS = 30.0
TARGET_RATIO = 4.5
TARGET_PAGE_KB = 150
REPO = ROOT          # the private copy the builds run in (set by main)


@dataclass
class Run:
    label: str
    seconds: float
    peak_mb: float
    size_mb: float
    html_pages: int


def private_copy(work: Path) -> Path:
    """The code, configuration and content the build needs, without build/ or site/."""
    copy = work / "repo"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "site", "node_modules", "__pycache__", ".pytest_cache"))
    return copy


def measure(label: str, cmd: list[str], out: Path, env: dict[str, str] | None = None) -> Run:
    """Run cmd in a child process; wall time, peak RSS of its process tree, output size."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{label}: the build failed ({' '.join(cmd)})")
    files = [p for p in out.rglob("*") if p.is_file()]
    return Run(label, seconds, usage.ru_maxrss / 1024, sum(p.stat().st_size for p in files) / 1e6,
               sum(1 for p in files if p.name == "index.html"))


def full_build(label: str, root: Path, out: Path) -> Run:
    return measure(label, [sys.executable, str(REPO / "scripts/build_site.py"), "--root",
                           str(root), "--site-dir", str(out)], out)


def plain_mkdocs(label: str, root: Path, out: Path) -> Run:
    """MkDocs alone on the Markdown the previous full build generated (REPO/build/docs)."""
    content, problems = load_content(root)
    assert not problems, f"{root}: content does not validate"
    env = {**mkdocs_environment(content), "PYTHONPATH": str(REPO / "scripts")}
    return measure(label, [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                           "--config-file", str(REPO / "mkdocs.yml"), "--site-dir", str(out)],
                   out, env)


def answer_page_weight(site: Path, answer_url: str) -> dict[str, int] | None:
    """Compressed bytes of everything a first visit to answer_url fetches (br and gz).
    Uses Debian's Chromium through Playwright; None when it is not installed."""
    sys.path.insert(0, str(ROOT / "tests"))
    from localsite import CHROMIUM, CHROMIUM_ARGS, serving  # noqa: PLC0415  (the tests' own)
    if not Path(CHROMIUM).exists():
        return None
    from playwright.sync_api import sync_playwright  # noqa: PLC0415
    fetched: list[str] = []
    with serving(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        page.on("requestfinished", lambda request: fetched.append(request.url))
        page.goto(base + answer_url, wait_until="networkidle")
        browser.close()
    weight = {"files": 0, "br": 0, "gz": 0, "raw": 0}
    for url in fetched:
        path = url.removeprefix(base).split("#")[0].split("?")[0]
        file = site / path.lstrip("/")
        file = file / "index.html" if path.endswith("/") else file
        if "pagefind" in file.parts or not file.is_file():
            continue                 # the search index; a 404 (Material's sitemap probe)
        weight["files"] += 1
        weight["raw"] += file.stat().st_size
        for kind in ("br", "gz"):
            packed = file.with_name(f"{file.name}.{kind}")
            weight[kind] += packed.stat().st_size if packed.exists() else file.stat().st_size
    return weight


def row(run: Run) -> str:
    return (f"  {run.label:<34} {run.seconds:7.1f} s {run.peak_mb:8.0f} MB "
            f"{run.size_mb:8.1f} MB {run.html_pages:7d}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000],
                        help="answers per language of the synthetic builds")
    parser.add_argument("--keep", type=Path, help="keep the outputs in this directory")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="kb-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    global REPO
    REPO = private_copy(work)
    print(f"Machine: {os.cpu_count()} cores, {platform.platform()}, Python "
          f"{platform.python_version()}")
    print(f"  {'build':<34} {'time':>9} {'peak mem':>11} {'output':>11} {'pages':>7}")
    runs = {"real": full_build("real site: full build", REPO, work / "real")}
    runs["real-plain"] = plain_mkdocs("real site: plain mkdocs build", REPO, work / "real-plain")
    for line in (row(runs["real"]), row(runs["real-plain"])):
        print(line)
    for size in args.sizes:
        root = work / f"content-{size}"
        synthetic_content.generate(root, size, source_root=REPO)
        runs[size] = full_build(f"{size} answers/lang: full build", root, work / f"site-{size}")
        runs[f"plain-{size}"] = plain_mkdocs(f"{size} answers/lang: plain mkdocs", root,
                                             work / f"plain-{size}")
        print(row(runs[size]))
        print(row(runs[f"plain-{size}"]))
    report_targets(runs, args.sizes)
    weight = answer_page_weight(work / "real", "/ukk/hakuajat/")
    if weight is None:
        print("Answer page weight: skipped (no Chromium)")
    else:
        print(f"Answer page /ukk/hakuajat/, first visit, {weight['files']} files: "
              f"{weight['br'] / 1000:.0f} kB brotli, {weight['gz'] / 1000:.0f} kB gzip, "
              f"{weight['raw'] / 1000:.0f} kB uncompressed "
              f"(target <= {TARGET_PAGE_KB} kB compressed, search index excluded)")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def report_targets(runs: dict, sizes: list[int]) -> None:
    if len(sizes) < 2:
        return
    small, large = runs[min(sizes)], runs[max(sizes)]
    ratio = large.seconds / small.seconds
    ok_time = large.seconds < TARGET_SECONDS
    # 4.5 for 500 -> 2,000 (4x the content): linear growth plus some slack.
    ok_ratio = ratio <= TARGET_RATIO * (max(sizes) / min(sizes)) / 4
    print(f"Targets: {max(sizes)} answers/lang in {large.seconds:.1f} s "
          f"({'met' if ok_time else 'MISSED'}: < {TARGET_SECONDS:.0f} s); "
          f"time({max(sizes)}) / time({min(sizes)}) = {ratio:.2f} "
          f"({'met' if ok_ratio else 'MISSED'}: <= {TARGET_RATIO})")


if __name__ == "__main__":
    raise SystemExit(main())
