"""The redirect table: every old answer id (`aliases`) -> the answer's current URL.

The content layer computes the table (it knows the aliases and the fi/sv
texts of content/ui.yml); the post-build step (scripts/postbuild/redirects.py)
writes one HTML stub per row into the built site. Aliases were already checked by validation.py (unique across
answers and topics, never an answer's own id); nothing is re-validated here.

Nothing here imports MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import LANGUAGES, Answer, Content
from .urls import answer_path, page_dir


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
                    lang=lang, source=page_dir(answer_path(alias)), target=page_dir(answer_path(answer.id)),
                    title=answer.texts[lang].meta.question,
                    moved=content.t("redirect.moved", lang)))
    return sorted(rows, key=lambda r: (r.lang, r.source))


def alias_anchors(answer: Answer) -> str:
    """Empty elements carrying the old ids, for the answer's heading on its topic page:
    /ukk/<topic>/#<old-id> keeps landing on the answer. Aliases are validated slugs."""
    return "".join(f'<span id="{alias}"></span>' for alias in answer.aliases)
