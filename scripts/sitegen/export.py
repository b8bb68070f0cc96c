"""Write what the content layer produces to disk: the Markdown tree for the
site generator, its navigation, and (after the build) machine-readable files.

Nothing here imports MkDocs.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .model import LANGUAGES, Content
from .rendering import navigation, render_language


def write_markdown_tree(content: Content, out_dir: Path) -> int:
    """Render both languages into out_dir/<lang>/…; returns the number of pages."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    count = 0
    for lang in LANGUAGES:
        for page in render_language(content, lang):
            target = out_dir / lang / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8")
            count += 1
    return count


def write_navigation(content: Content, path: Path) -> None:
    """The nav, as a YAML file that mkdocs.yml INHERITs (JSON is valid YAML)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"nav": navigation(content)}, indent=2) + "\n", encoding="utf-8")


def site_environment(content: Content) -> dict[str, str]:
    """Labels the MkDocs configuration reads from the environment (one source: ui.yml)."""
    env = {}
    for lang in LANGUAGES:
        env[f"KB_SITE_NAME_{lang.upper()}"] = content.t("site.name", lang)
        env[f"KB_SITE_DESCRIPTION_{lang.upper()}"] = content.t("site.description", lang)
    return env
