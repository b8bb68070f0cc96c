"""Write the generated Markdown of every language to disk, for the site generator."""

from __future__ import annotations

from pathlib import Path

from .site import LanguageSite


def write_markdown_tree(sites: list[LanguageSite], out_dir: Path) -> int:
    """Write each language's pages into out_dir/<lang>/…; returns the number of pages.

    Files are rewritten only when their text changes and stale files are removed
    afterwards, so a preview reading out_dir never sees a half-empty tree, and
    unchanged pages keep their modification time.
    """
    wanted: set[Path] = set()
    for site in sites:
        for page in site.pages:
            target = out_dir / site.lang / page.path
            wanted.add(target)
            if target.is_file() and target.read_text(encoding="utf-8") == page.markdown:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8")
    for path in sorted(out_dir.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return len(wanted)
