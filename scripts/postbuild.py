"""Post-build steps on the HTML MkDocs wrote. Each step returns True on success."""

from __future__ import annotations

from pathlib import Path


def run_all(site: Path) -> bool:
    steps = []
    for step in steps:
        if not step(site):
            return False
    return True
