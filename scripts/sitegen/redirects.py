"""The redirect table: every old answer id (`aliases`) -> the answer's current URL.

The content layer computes the table (it knows the aliases and the fi/sv
texts of content/ui.yml); the post-build step (scripts/postbuild/redirects.py)
writes one HTML stub per row into the built site. The two meet through a JSON
file in build/, like build/nav.yml, so the post-build step never has to load
content itself. Aliases were already checked by validation.py (unique across
answers and topics, never an answer's own id); nothing is re-validated here.

Nothing here imports MkDocs.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from .model import LANGUAGES, Answer, Content

TABLE_NAME = "redirects.json"


@dataclass(frozen=True)
class Redirect:
    lang: str
    source: str      # URL path relative to the language root, e.g. "ukk/vanha-id/"
    target: str      # e.g. "ukk/uusi-id/"
    title: str       # the answer's question in this language (plain editor text)
    moved: str       # ui.yml `redirect.moved`, shown before a plain link to the target


def redirect_table(content: Content) -> list[Redirect]:
    """One row per alias and language, sorted so the file is stable."""
    rows = []
    for answer in content.answers.values():
        for alias in answer.aliases:
            for lang in LANGUAGES:
                rows.append(Redirect(
                    lang=lang, source=f"ukk/{alias}/", target=f"ukk/{answer.id}/",
                    title=answer.texts[lang].meta.question,
                    moved=content.t("redirect.moved", lang)))
    return sorted(rows, key=lambda r: (r.lang, r.source))


def write_redirect_table(content: Content, path: Path) -> int:
    """Write the table as JSON; returns the number of rows."""
    rows = redirect_table(content)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    return len(rows)


def read_redirect_table(path: Path) -> list[Redirect]:
    return [Redirect(**row) for row in json.loads(path.read_text(encoding="utf-8"))]


def alias_anchors(answer: Answer) -> str:
    """Empty elements carrying the old ids, for the answer's heading on its topic page:
    /ukk/<topic>/#<old-id> keeps landing on the answer. Aliases are validated slugs."""
    return "".join(f'<span id="{alias}"></span>' for alias in answer.aliases)
