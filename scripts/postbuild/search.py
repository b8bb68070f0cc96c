"""Post-build step (placeholder until implemented)."""

from pathlib import Path


def run(site: Path) -> bool:
    return True
