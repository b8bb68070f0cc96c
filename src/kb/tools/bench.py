"""Build-time benchmark (`kb bench`, `make bench`): prints every figure from one run.

1. The real site: the full build (validate -> Markdown -> MkDocs per language ->
   search index, open data, compression) against plain `mkdocs build` of the same
   generated configurations, one language after the other, so the cost of our own
   steps is visible.
2. Synthetic content (kb/tools/synthetic.py) at 500 and 2,000 answers per language,
   the same two builds. Targets: 2 x 2,000 under 30 s, and time(2,000) <= 4.5 x
   time(500) (linear growth).
3. CPU time: all processes of the full build (user + system, children included)
   against Python-Markdown alone converting the same generated pages with the same
   extensions (target for the largest size: at most 3 times).
4. The weight of an answer page on a first visit, compressed: every file the
   browser fetches, not the search index (it loads only when someone searches).

Each build runs in its own process; peak memory is the largest resident size of
that process and its children (wait4's ru_maxrss), time is wall-clock. The builds
run in a private copy of the project under a temporary folder, so nothing else
using build/ (tests, `make serve`) can disturb them. Other load on the machine
does slow them: run the bench on an idle machine.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from kb.content.markdown import renderer

from . import synthetic
from .browser import chromium, have_chromium, serving

TARGET_SECONDS = 30.0
TARGET_RATIO = 4.5
TARGET_CPU_RATIO = 3.0
TARGET_PAGE_KB = 150
COPIED = ("src", "content", "docs")


@dataclass
class Run:
    label: str
    seconds: float
    cpu: float
    peak_mb: float
    size_mb: float
    html_pages: int


def private_copy(root: Path, work: Path) -> Path:
    """The code, configuration and content a build needs, without build/ or site/."""
    copy = work / "repo"
    copy.mkdir(parents=True)
    for name in COPIED:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy / name)
    return copy


def measure(label: str, commands: list[list[str]], repo: Path, out: Path) -> Run:
    """Run the commands one after the other; wall time, CPU time and peak RSS of their
    process trees, and the size of what they wrote into `out`."""
    env = {
        **os.environ,
        "PYTHONPATH": str(repo / "src"),
        "NO_MKDOCS_2_WARNING": "1",
        "KB_BUILD_DATE": os.environ.get("KB_BUILD_DATE", "2026-12-03"),
    }
    started, cpu, peak = time.perf_counter(), 0.0, 0.0
    for command in commands:
        proc = subprocess.Popen(command, cwd=repo, env=env, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{label}: the build failed ({' '.join(command)})")
        cpu += usage.ru_utime + usage.ru_stime
        peak = max(peak, usage.ru_maxrss / 1024)
    seconds = time.perf_counter() - started
    files = [p for p in out.rglob("*") if p.is_file()]
    return Run(
        label,
        seconds,
        cpu,
        peak,
        sum(p.stat().st_size for p in files) / 1e6,
        sum(1 for p in files if p.name == "index.html"),
    )


def full_build(label: str, repo: Path, root: Path, out: Path) -> Run:
    return measure(
        label, [[sys.executable, "-m", "kb", "--root", str(root), "build", "--site-dir", str(out)]], repo, out
    )


def plain_mkdocs(label: str, repo: Path, root: Path, out: Path) -> Run:
    """MkDocs alone on the configurations and Markdown the full build generated."""
    commands = [
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--quiet",
            "--config-file",
            str(root / "build" / f"mkdocs.{lang}.yml"),
            "--site-dir",
            str(out / lang),
        ]
        for lang in ("fi", "sv")
    ]
    return measure(label, commands, repo, out)


def markdown_cpu(root: Path) -> float:
    """CPU seconds of Python-Markdown converting every generated page (front matter off)."""
    md = renderer()
    texts = [
        path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        for path in sorted((root / "build" / "docs").rglob("*.md"))
    ]
    started = time.process_time()
    for text in texts:
        md.reset()
        md.convert(text)
    return time.process_time() - started


def answer_page_weight(site: Path, answer_url: str) -> dict[str, int] | None:
    """Compressed bytes of everything a first visit to answer_url fetches (br and gz)."""
    if not have_chromium():
        return None
    fetched: list[str] = []
    with serving(site) as base, chromium() as browser:
        page = browser.new_context().new_page()
        page.on("requestfinished", lambda request: fetched.append(request.url))
        page.goto(base + answer_url, wait_until="networkidle")
    weight = {"files": 0, "br": 0, "gz": 0, "raw": 0}
    for url in fetched:
        path = url.removeprefix(base).split("#")[0].split("?")[0]
        file = site / path.lstrip("/")
        file = file / "index.html" if path.endswith("/") else file
        if "pagefind" in file.parts or not file.is_file():
            continue
        weight["files"] += 1
        weight["raw"] += file.stat().st_size
        for kind in ("br", "gz"):
            packed = file.with_name(f"{file.name}.{kind}")
            weight[kind] += packed.stat().st_size if packed.exists() else file.stat().st_size
    return weight


def row(run: Run) -> str:
    return (
        f"  {run.label:<34} {run.seconds:7.1f} s {run.cpu:7.1f} s {run.peak_mb:8.0f} MB "
        f"{run.size_mb:8.1f} MB {run.html_pages:7d}"
    )


def main_bench(root: Path, sizes: list[int], keep: Path | None) -> int:
    work = keep or Path(tempfile.mkdtemp(prefix="kb-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    repo = private_copy(root.resolve(), work)
    print(f"Machine: {os.cpu_count()} cores, {platform.platform()}, Python {platform.python_version()}")
    print(f"  {'build':<34} {'wall':>9} {'cpu':>9} {'peak mem':>11} {'output':>11} {'pages':>7}")
    runs: dict[str, Run] = {}
    cpu_markdown: dict[str, float] = {}
    for key, content_root in [("real", repo), *((str(n), work / f"content-{n}") for n in sizes)]:
        if key != "real":
            synthetic.generate(content_root, int(key), source_root=repo)
        what = "real site" if key == "real" else f"{key} answers/lang"
        runs[key] = full_build(f"{what}: full build", repo, content_root, work / f"site-{key}")
        runs[f"plain-{key}"] = plain_mkdocs(
            f"{what}: plain mkdocs", repo, content_root, work / f"plain-{key}"
        )
        cpu_markdown[key] = markdown_cpu(content_root)
        print(row(runs[key]))
        print(row(runs[f"plain-{key}"]))
        print(
            f"  {what}: CPU of the full build / Python-Markdown alone = "
            f"{runs[key].cpu:.1f} s / {cpu_markdown[key]:.1f} s = "
            f"{runs[key].cpu / cpu_markdown[key]:.2f}"
        )
    report_targets(runs, cpu_markdown, sizes)
    weight = answer_page_weight(work / "site-real", "/ukk/hakuajat/")
    if weight is None:
        print("Answer page weight: skipped (no Chromium)")
    else:
        print(
            f"Answer page /ukk/hakuajat/, first visit, {weight['files']} files: "
            f"{weight['br'] / 1000:.0f} kB brotli, {weight['gz'] / 1000:.0f} kB gzip, "
            f"{weight['raw'] / 1000:.0f} kB uncompressed "
            f"(target <= {TARGET_PAGE_KB} kB compressed, search index excluded)"
        )
    if not keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def report_targets(runs: dict[str, Run], cpu_markdown: dict[str, float], sizes: list[int]) -> None:
    if len(sizes) < 2:
        return
    small, large = runs[str(min(sizes))], runs[str(max(sizes))]
    ratio = large.seconds / small.seconds
    ok_time = large.seconds < TARGET_SECONDS
    # 4.5 for 500 -> 2,000 (4x the content): linear growth plus some slack.
    ok_ratio = ratio <= TARGET_RATIO * (max(sizes) / min(sizes)) / 4
    cpu_ratio = large.cpu / cpu_markdown[str(max(sizes))]
    print(
        f"Targets: {max(sizes)} answers/lang in {large.seconds:.1f} s "
        f"({'met' if ok_time else 'MISSED'}: < {TARGET_SECONDS:.0f} s); "
        f"time({max(sizes)}) / time({min(sizes)}) = {ratio:.2f} "
        f"({'met' if ok_ratio else 'MISSED'}: <= {TARGET_RATIO}); "
        f"CPU / Python-Markdown = {cpu_ratio:.2f} "
        f"({'met' if cpu_ratio <= TARGET_CPU_RATIO else 'MISSED'}: <= {TARGET_CPU_RATIO})"
    )
