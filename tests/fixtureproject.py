"""The minimal fixture project (tests/fixtures/minimal) as a writable copy, and the
content commands run on it exactly as an editor runs them (a subprocess, so
exit status, stdout and stderr are what the editor sees)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "minimal"


def copy_fixture(dest: Path) -> Path:
    shutil.copytree(FIXTURE, dest)
    # The fixture uses the real UI labels and site settings, so it never drifts from them.
    for name in ("ui.yml", "site.yml"):
        shutil.copy(ROOT / "content" / name, dest / "content" / name)
    return dest


def run_sitegen(root: Path, *args: str, script: str | None = None) -> subprocess.CompletedProcess:
    """`python -m sitegen <args>` (or `python <script> <args>`) in `root`."""
    command = [sys.executable, str(ROOT / script)] if script else [sys.executable, "-m", "sitegen"]
    return subprocess.run([*command, "--root", ".", *args], cwd=root, capture_output=True,
                          text=True, env={"PYTHONPATH": str(ROOT / "scripts"),
                                          "PATH": "/usr/bin:/bin"})
