"""A copy of the repository's content with one answer renamed, as an editor would do
it, built by the real build. Used by tests/site/test_links.py (the link contract)
and, through the session fixture `renamed_with_alias` of tests/conftest.py (built once),
by tests/browser/test_links_browser.py (old addresses in a browser)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Renamed:
    old: str
    new: str
    site: Path


def first_answer(root: Path) -> tuple[Path, str]:
    """The first answer (by path) that has no aliases yet: (its fi file, its id)."""
    for path in sorted((root / "content" / "faq").glob("*/*.fi.md")):
        if re.search(r"^aliases: \[\]$", path.read_text(encoding="utf-8"), re.M):
            return path, path.name.removesuffix(".fi.md")
    raise AssertionError("no answer without aliases to rename in content/faq")


def rename_answer(root: Path, keep_alias: bool) -> tuple[str, str]:
    """Rename one answer's files and id in a copied tree; with keep_alias the old id
    goes into `aliases` (both languages). Links to it in content follow the rename."""
    fi_file, old = first_answer(root)
    new = f"{old}-uusi"
    reference = re.compile(rf"ukk:{re.escape(old)}(?![a-z0-9-])")
    for path in [*(root / "content").rglob("*.*"), *(root / "docs").rglob("*.md")]:
        if path.suffix in (".md", ".yml"):
            text = path.read_text(encoding="utf-8")
            path.write_text(reference.sub(f"ukk:{new}", text), encoding="utf-8")
    for lang in ("fi", "sv"):
        source = fi_file.with_name(f"{old}.{lang}.md")
        text = re.sub(rf"^id: {re.escape(old)}$", f"id: {new}",
                      source.read_text(encoding="utf-8"), count=1, flags=re.M)
        if keep_alias:
            text = re.sub(r"^aliases: \[\]$", f"aliases: [{old}]", text, count=1, flags=re.M)
        source.with_name(f"{new}.{lang}.md").write_text(text, encoding="utf-8")
        source.unlink()
    return old, new


def build_renamed(tmp: Path, keep_alias: bool) -> Renamed:
    """Copy content/ and docs/ into tmp, rename an answer, build the site into tmp/site.

    The real build in its own process, as CI runs it: inside a browser test
    Playwright's event loop is running, and the search step needs its own."""
    for folder in ("content", "docs"):
        shutil.copytree(ROOT / folder, tmp / folder)
    old, new = rename_answer(tmp, keep_alias)
    site = tmp / "site"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_site.py"),
                             "--root", str(tmp), "--site-dir", str(site)],
                            capture_output=True, text=True)
    assert result.returncode == 0, f"the renamed copy did not build:\n{result.stderr}"
    return Renamed(old, new, site)
