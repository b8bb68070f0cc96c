"""A copy of the repository's content with one answer renamed by `kb move-answer`, as
an editor does it, built by the real build. Used by tests/site/test_links.py (the link
contract) and, through the session fixture `renamed_with_alias` of tests/conftest.py,
by tests/browser/test_links_browser.py (old addresses in a browser)."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .fixture import ROOT, build, run_kb


@dataclass(frozen=True)
class Renamed:
    old: str
    new: str
    site: Path


def first_answer(root: Path) -> str:
    """The id of the first answer (by path) that has no aliases yet."""
    for path in sorted((root / "content" / "faq").glob("*/*.fi.md")):
        if re.search(r"^aliases: \[\]$", path.read_text(encoding="utf-8"), re.M):
            return path.name.removesuffix(".fi.md")
    raise AssertionError("no answer without aliases to rename in content/faq")


def drop_alias(root: Path, answer_id: str, alias: str) -> None:
    """Undo the alias (what an editor who forgets it leaves behind)."""
    for path in (root / "content" / "faq").glob(f"*/{answer_id}.*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(
            re.sub(rf"^aliases: \[{re.escape(alias)}\]$", "aliases: []", text, flags=re.M), encoding="utf-8"
        )


def build_renamed(tmp: Path, keep_alias: bool) -> Renamed:
    """Copy content/ and docs/ into tmp, rename an answer, build the site into tmp/site."""
    for folder in ("content", "docs"):
        shutil.copytree(ROOT / folder, tmp / folder)
    old = first_answer(tmp)
    new = f"{old}-uusi"
    moved = run_kb(tmp, "move-answer", old, new)
    assert moved.returncode == 0, moved.stdout + moved.stderr
    if not keep_alias:
        drop_alias(tmp, new, old)
    site = tmp / "site"
    result = build(tmp, site)
    assert result.returncode == 0, f"the renamed copy did not build:\n{result.stderr}"
    return Renamed(old, new, site)
