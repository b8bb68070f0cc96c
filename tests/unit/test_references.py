"""Comments and documents that name a file of the repository name one that exists.

Stale references are how a newcomer gets lost (the code review of 2026-12 found eight):
every `src/…`, `tests/…`, `content/…`, `docs/…`, `schemas/…` or `.github/…` path written in
the code, the tests and the developer documents must exist (a path with <placeholders> or
wildcards is a pattern, not a file, and is skipped).
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCANNED = [
    *ROOT.glob("src/kb/**/*.py"),
    *ROOT.glob("src/kb/theme/**/*.html"),
    *ROOT.glob("src/kb/theme/**/*.js"),
    *ROOT.glob("src/kb/theme/**/*.css"),
    *ROOT.glob("tests/**/*.py"),
    *ROOT.glob("docs/decisions/*.md"),
    ROOT / "README.md",
    ROOT / "ARCHITECTURE.md",
    ROOT / "Makefile",
    *ROOT.glob(".github/workflows/*.yml"),
]
PATH = re.compile(r"(?<![\w./-])((?:src/kb|tests|content|docs|schemas|\.github)/[\w./{}<>*-]*[\w/])")


def referenced(text: str) -> set[str]:
    paths = set()
    for match in PATH.finditer(text):
        path = match.group(1).rstrip(".")
        if any(c in path for c in "<>{}*") or path.endswith("/**"):
            continue  # a pattern such as content/regions/<id>.yml
        paths.add(path)
    return paths


# Where a content path is a place, not a file: layout.py names every content folder,
# including those a project may not have yet.
LAYOUT = ROOT / "src" / "kb" / "content" / "layout.py"


def test_every_path_named_in_code_and_documents_exists() -> None:
    assert len(SCANNED) > 60
    missing = []
    for file in SCANNED:
        in_tests = file.is_relative_to(ROOT / "tests")
        for path in referenced(file.read_text(encoding="utf-8")):
            if file == LAYOUT or (in_tests and path.startswith(("content/", "docs/fi", "docs/sv"))):
                continue  # tests name files of the fixture project copies they make
            if not (ROOT / path).exists():
                missing.append(f"{file.relative_to(ROOT)}: {path}")
    assert not missing, "references to files that do not exist:\n" + "\n".join(sorted(missing))
