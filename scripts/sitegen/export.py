"""Write what the content layer produces to disk: the Markdown tree for the
site generator, its navigation, and (after the build) machine-readable files.

Nothing here imports MkDocs.
"""

from __future__ import annotations

import json
from pathlib import Path

from .model import LANGUAGES, Content
from .rendering import navigation, render_language


def write_markdown_tree(content: Content, out_dir: Path) -> int:
    """Render both languages into out_dir/<lang>/…; returns the number of pages.

    Files are rewritten only when their text changes and stale files are removed
    afterwards, so a live preview watching out_dir never sees a half-empty tree.
    """
    wanted: set[Path] = set()
    for lang in LANGUAGES:
        for page in render_language(content, lang):
            target = out_dir / lang / page.path
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


def write_navigation(content: Content, path: Path) -> None:
    """The nav, as a YAML file that mkdocs.yml INHERITs (JSON is valid YAML)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"nav": navigation(content)}, indent=2) + "\n", encoding="utf-8")
