"""Rename an answer (and optionally move it to another topic) without breaking a link.

    kb move-answer OLD NEW [--topic TOPIC]      (make move-answer OLD=… NEW=…)

In both language files: the id becomes NEW, the old id is added to `aliases` (so
/ukk/OLD/ keeps redirecting to /ukk/NEW/, anchors included), the files are renamed
(and moved to the topic's folder), and every `ukk:OLD` link in content/ and docs/
follows. Nothing is written unless every change can be made; the content is
validated afterwards.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from kb.config import build_date_from
from kb.content import layout, read_and_check
from kb.content.problems import display_path
from kb.content.rules import answer_id_owners

from .scaffold import ScaffoldError, check_slug

FRONT_ID = re.compile(r"^id:[ \t]*(\S+)[ \t]*$", re.M)
FRONT_TOPIC = re.compile(r"^topic:[ \t]*(\S+)[ \t]*$", re.M)
FLOW_ALIASES = re.compile(r"^aliases:[ \t]*\[(.*)\][ \t]*$", re.M)
BLOCK_ALIASES = re.compile(r"^aliases:[ \t]*\n((?:[ \t]+-[^\n]*\n)+)", re.M)


def with_alias(text: str, alias: str, drop: str) -> str:
    """The front matter's `aliases` with `alias` added (and `drop` removed)."""
    flow = FLOW_ALIASES.search(text)
    if flow:
        items = [item.strip() for item in flow.group(1).split(",") if item.strip()]
        items = [item for item in items if item != drop] + [alias]
        return text[: flow.start()] + f"aliases: [{', '.join(items)}]" + text[flow.end() :]
    block = BLOCK_ALIASES.search(text)
    if block:
        lines = [line for line in block.group(1).splitlines() if line.split("-", 1)[1].strip() != drop]
        indent = block.group(1)[: len(block.group(1)) - len(block.group(1).lstrip())]
        body = "".join(line + "\n" for line in lines) + f"{indent}- {alias}\n"
        return text[: block.start()] + "aliases:\n" + body + text[block.end() :]
    end = text.index("\n---", 3)
    return text[:end] + f"\naliases: [{alias}]" + text[end:]


def plan_move(root: Path, old: str, new: str, topic: str = "") -> dict[Path, str | None]:
    """Every file to write (path -> new text) or delete (path -> None)."""
    content, problems = read_and_check(root, build_date_from(os.environ))
    if problems:
        raise ScaffoldError(
            f"the content has {len(problems)} problem(s); run `make validate` and fix them first"
        )
    if old not in content.answers:
        raise ScaffoldError(f'there is no answer with the id "{old}"')
    answer = content.answers[old]
    new = check_slug(new, "NEW")
    owner = answer_id_owners(content).get(new)
    if owner is not None and owner != old:
        raise ScaffoldError(f'the id "{new}" is already taken by {owner}; ids are never reused')
    topic = topic or answer.topic
    if topic not in content.topics:
        raise ScaffoldError(f'unknown topic "{topic}"')
    changes: dict[Path, str | None] = {}
    reference = re.compile(rf"ukk:{re.escape(old)}(?![a-z0-9-])")
    files = [
        *(root / layout.CONTENT).rglob("*.md"),
        *(root / layout.CONTENT).rglob("*.yml"),
        *(root / layout.PAGES).glob("*/*.md"),
    ]
    for path in sorted(files):
        text = path.read_text(encoding="utf-8")
        if reference.search(text):
            changes[path] = reference.sub(f"ukk:{new}", text)
    for lang, version in answer.texts.items():
        text = changes.get(version.path) or version.path.read_text(encoding="utf-8")
        text = FRONT_ID.sub(f"id: {new}", text, count=1)
        text = FRONT_TOPIC.sub(f"topic: {topic}", text, count=1)
        text = with_alias(text, old, drop=new)
        target = root / layout.answer_file(topic, new, lang)
        if target.exists():
            raise ScaffoldError(f"{display_path(target)} exists already")
        changes[version.path] = None
        changes[target] = text
    return changes


def main_move(root: Path, old: str, new: str, topic: str = "") -> int:
    try:
        changes = plan_move(root, old.strip(), new.strip(), topic.strip())
    except ScaffoldError as err:
        print(f"Nothing was changed: {err}", file=sys.stderr)
        return 1
    for path, text in changes.items():
        if text is None:
            path.unlink()
            print(f"removed {display_path(path)}")
    for path, text in changes.items():
        if text is not None:
            existed = path.exists()
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"{'updated' if existed else 'created'} {display_path(path)}")
    _, problems = read_and_check(root, build_date_from(os.environ))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(
        f"/ukk/{old}/ now redirects to /ukk/{new}/ in both languages. Commit the changes; "
        "the link contract (make links) does not need to change."
    )
    return 0
