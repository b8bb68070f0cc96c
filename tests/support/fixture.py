"""The minimal fixture project (tests/fixtures/minimal) and the commands run on it.

One helper per job: copy the fixture, change one of its files, run `kb` on it
exactly as an editor does (a subprocess: exit status, stdout and stderr are what
the editor sees), build it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "minimal"
# The date every test build is made for (calendar status, "in the future" checks).
BUILD_DATE = "2026-12-03"

Change = Callable[[Path], None]


def copy_fixture(dest: Path) -> Path:
    shutil.copytree(FIXTURE, dest)
    # The fixture uses the real labels and site settings, so it never drifts from them.
    for name in ("ui.yml", "site.yml"):
        shutil.copy(ROOT / "content" / name, dest / "content" / name)
    return dest


def edit(rel: str, old: str, new: str) -> Change:
    """A change that replaces the first `old` in the file `rel` (which must be there)."""

    def apply(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture text not found in {rel}: {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def write(rel: str, data: str | bytes) -> Change:
    def apply(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")

    return apply


def delete(rel: str) -> Change:
    return lambda root: (root / rel).unlink()


def environment(**extra: str) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "KB_BUILD_DATE": BUILD_DATE,
        "HOME": os.environ.get("HOME", "/tmp"),
    }
    env.update(extra)
    return env


def run_kb(root: Path, *args: str, timeout: float = 300, **env: str) -> subprocess.CompletedProcess[str]:
    """`kb --root ROOT <args>` in ROOT, as an editor runs it."""
    return subprocess.run(
        [sys.executable, "-m", "kb", "--root", str(root), *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment(**env),
    )


def build(root: Path, site: Path, timeout: float = 300, **env: str) -> subprocess.CompletedProcess[str]:
    return run_kb(root, "build", "--site-dir", str(site), timeout=timeout, **env)
