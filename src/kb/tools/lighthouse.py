"""Lighthouse over the key pages, both languages: the median of each category's score.

    make lighthouse                   (builds the site, installs the pinned npm package)
    kb lighthouse [--site DIR] [--out FILE] [--runs N]

Lighthouse (npm, pinned in package.json and package-lock.json) drives Debian's
Chromium (CHROME_PATH, set by the Makefile; the same flags as kb.tools.browser) with
its default settings: a mid-range phone with simulated throttling, the stricter case.
The built site is served on 127.0.0.1 as the browser tests serve it, with its
precompressed .br/.gz copies (as the hosts it is made for serve them). Each page is
measured --runs times; the table and the JSON summary (default build/lighthouse.json)
hold the median per category and the audits that lost points in any run. The full
reports are written to a temporary folder and deleted: nothing is uploaded.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from .browser import CHROMIUM, CHROMIUM_ARGS, serving
from .review import KeyPage, key_pages

CATEGORIES = ("accessibility", "best-practices", "seo", "performance")
PAGES = ("home", "counties", "county", "answer")
OUT = Path("build/lighthouse.json")
LIGHTHOUSE = Path("node_modules/.bin/lighthouse")  # relative to the project root
TIMEOUT_S = 180


def run_once(binary: Path, url: str, report: Path) -> dict:
    """One Lighthouse run; the parsed JSON report."""
    command = [
        str(binary),
        url,
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", CHROMIUM)}
    subprocess.run(command, check=True, env=env, timeout=TIMEOUT_S, stdout=subprocess.DEVNULL)
    return json.loads(report.read_text(encoding="utf-8"))


def scores(report: dict) -> dict[str, int]:
    return {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}


def lost_points(report: dict) -> list[str]:
    """The audits of a category that count towards its score and did not pass."""
    lost = set()
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                lost.add(f"{name}: {ref['id']} ({audit.get('displayValue') or audit['score']})")
    return sorted(lost)


def measure(binary: Path, base: str, page: KeyPage, runs: int, tmp: Path) -> dict:
    results = [run_once(binary, base + page.path, tmp / f"report-{i}.json") for i in range(runs)]
    per_run = [scores(r) for r in results]
    return {
        "page": page.name,
        "lang": page.lang,
        "path": page.path,
        "median": {name: statistics.median(s[name] for s in per_run) for name in CATEGORIES},
        "runs": per_run,
        "lost": sorted({line for r in results for line in lost_points(r)}),
        "lighthouse": results[0]["lighthouseVersion"],
        "browser": results[0]["environment"]["hostUserAgent"],
    }


def table(rows: list[dict]) -> str:
    header = f"| page | lang | {' | '.join(CATEGORIES)} |"
    lines = [header, "|---|---|" + "---|" * len(CATEGORIES)]
    for row in rows:
        values = " | ".join(f"{row['median'][name]:g}" for name in CATEGORIES)
        lines.append(f"| {row['page']} ({row['path']}) | {row['lang']} | {values} |")
    return "\n".join(lines)


def main_lighthouse(root: Path, site: Path, out: Path, runs: int) -> int:
    binary = root / LIGHTHOUSE
    if not (site / "index.html").is_file():
        print(f"No built site in {site}: run `make build` first", file=sys.stderr)
        return 1
    if not binary.is_file():
        print(f"{binary} is missing: run `make lighthouse` (it runs npm ci)", file=sys.stderr)
        return 1
    rows = []
    with serving(site, precompressed=True) as base, tempfile.TemporaryDirectory() as tmp:
        for page in key_pages(root, PAGES):
            print(f"{page.path} ({runs} runs)", flush=True)
            rows.append(measure(binary, base, page, runs, Path(tmp)))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(rows))
    for row in rows:
        for line in row["lost"]:
            print(f"  {row['lang']} {row['page']}: {line}")
    print(f"Median of {runs} runs per page; Lighthouse {rows[0]['lighthouse']}; {rows[0]['browser']}")
    print(f"Summary: {out}")
    return 0
