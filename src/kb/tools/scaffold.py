"""Create skeletons for new content, so editors start from a complete file.

    kb new-answer --topic avustukset --id uusi-vastaus
    kb new-structure --region pirkanmaa --id uusi-rakenne --type forum

(`make new-answer TOPIC=… ID=…` and `make new-structure REGION=… ID=… TYPE=…`.)

Every field a reader would see starts EMPTY ("") with a comment saying what
to write. Empty texts, an empty keyword list, an empty source address and an
answer without text below its front matter are validation errors, so a
half-filled skeleton can never be published: `make validate` (and the
pull-request check) names each one still to fill. (`regions: []` and
`aliases: []` are valid as they are: a national answer, no earlier ids.)

Ids are permanent URLs and anchors, so an id that is or ever was in use
(another answer's id or alias, a topic id, a structure or contact id of the
county) is refused, by the same rules `make validate` applies
(`answer_id_owners`, `item_id_problem` in kb/content/rules.py).
"""

from __future__ import annotations

import os
import re
import sys
import typing
from datetime import date
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from kb.config import build_date_from
from kb.content import layout
from kb.content.load import load_content, region_files
from kb.content.model import Content, Slug, StructureType
from kb.content.problems import allowed_list, did_you_mean, display_path
from kb.content.reading import ContentLoadError, parse_yaml, read_text
from kb.content.rules import answer_id_owners, item_id_problem

STRUCTURE_TYPES: tuple[str, ...] = typing.get_args(StructureType)


class ScaffoldError(Exception):
    """A request that cannot be fulfilled; the message is shown to the editor as is."""


def check_slug(value: str, what: str) -> str:
    if not value:
        raise ScaffoldError(f"give the {what}, for example {what.upper()}=esimerkki-tunniste")
    try:
        return TypeAdapter(Slug).validate_python(value)
    except ValidationError as err:
        raise ScaffoldError(f'{what} "{value}": {err.errors()[0]["msg"]}') from None


def _choose(value: str, choices: typing.Iterable[str], what: str) -> str:
    choices = list(choices)
    if value not in choices:
        given = f'unknown {what} "{value}".' if value else f"give the {what}."
        raise ScaffoldError(f"{given}{did_you_mean(value, choices)} Allowed: {allowed_list(choices, 50)}")
    return value


# --- answers --------------------------------------------------------------------------

ANSWER_TEMPLATE = {
    "fi": """---
id: {id}
topic: {topic}
# TÄYTÄ tyhjät "", hakusanat (keywords) ja teksti. Siihen asti make validate
# luettelee puuttuvat, eikä sivua julkaista.
question: ""  # TÄYTÄ: kysymys lukijan sanoin, esim. Kuka päättää avustuksista?
answer: ""  # TÄYTÄ: vastaus yhdellä selkeällä virkkeellä
regions: []  # alueiden tunnisteet, esim. [pirkanmaa, lappi]; tyhjä = koko maa
keywords: []  # TÄYTÄ: hakusanat perusmuodossa, esim. [avustus, hakuaika]
reviewed: {today}
sources:
  - title: ""  # TÄYTÄ: lähteen otsikko
    url: ""  # TÄYTÄ: lähteen osoite, alkaa https://
    checked: {today}
aliases: []
# TÄYTÄ: vastauksen teksti alimman ----rivin alle: perustelut ja yksityiskohdat.
# Väliotsikko: ## Otsikko {{#tunniste}}
---
""",
    "sv": """---
id: {id}
topic: {topic}
# FYLL I tomma "", sökorden (keywords) och texten. Tills dess listar make validate
# det som saknas, och sidan publiceras inte.
question: ""  # FYLL I: frågan med läsarens ord, t.ex. Vem beslutar om understöden?
answer: ""  # FYLL I: svaret i en tydlig mening
regions: []  # samma som i den finska filen
keywords: []  # FYLL I: sökord i grundform, t.ex. [understöd, ansökningstid]
reviewed: {today}
sources:
  - title: ""  # FYLL I: källans titel
    url: ""  # FYLL I: källans adress, börjar med https://
    checked: {today}
aliases: []
# När texten är översatt: kör make translations och lägg till raden source_hash: som visas.
# FYLL I: svarets text under den nedersta ----raden: motivering och detaljer.
# Mellanrubrik: ## Rubrik {{#samma-ankare}}
---
""",
}


def taken_answer_ids(content: Content, faq_dir: Path) -> dict[str, str]:
    """Every id an answer may not take -> who has it, in words (validation's owners, and
    files that may not load right now)."""
    taken: dict[str, str] = {}
    for taken_id, owner in answer_id_owners(content).items():
        if owner not in content.answers:  # "topic <id>"
            taken[taken_id] = f"the {owner} (/ukk/{taken_id}/)"
        elif owner == taken_id:
            taken[taken_id] = f"the answer {display_path(content.answers[owner].primary.path)}"
        else:
            taken[taken_id] = (
                f"an earlier id (alias) of the answer {owner}; its old address must keep redirecting there"
            )
    for path in faq_dir.glob("*/*.md"):
        taken.setdefault(path.name.split(".")[0], f"the file {display_path(path)}")
    return taken


def new_answer(root: Path, topic: str, answer_id: str, today: date) -> list[Path]:
    content, _ = load_content(root)
    faq_dir = root / layout.FAQ
    if not content.topics:
        raise ScaffoldError(f"{layout.TOPICS} could not be read; run `make validate`")
    topic = _choose(topic, content.topics, "TOPIC")
    answer_id = check_slug(answer_id, "ID")
    owner = taken_answer_ids(content, faq_dir).get(answer_id)
    if owner:
        raise ScaffoldError(
            f'the id "{answer_id}" is already taken by {owner}. Ids are '
            "permanent addresses and are never reused: choose another ID"
        )
    created = []
    (faq_dir / topic).mkdir(parents=True, exist_ok=True)  # a topic's first answer
    for lang, template in ANSWER_TEMPLATE.items():
        path = faq_dir / topic / f"{answer_id}.{lang}.md"
        path.write_text(template.format(id=answer_id, topic=topic, today=today.isoformat()), encoding="utf-8")
        created.append(path)
    return created


# --- cooperation structures ------------------------------------------------------------


def structure_skeleton(structure_id: str, kind: str, today: date, indent: str) -> list[str]:
    lines = [
        f"- id: {structure_id}",
        f"  type: {kind}",
        "  name:",
        '    fi: ""  # TÄYTÄ: nimi suomeksi',
        '    sv: ""  # FYLL I: namnet på svenska',
        "  description:",
        '    fi: ""  # TÄYTÄ: kuvaus suomeksi (mikä, kuka osallistuu, miten mukaan)',
        '    sv: ""  # FYLL I: beskrivning på svenska',
    ]
    if kind == "grant_programme":
        lines += [
            "  decided_by:  # kuka päättää avustuksista / vem beslutar; poista, jos ei tiedossa",
            '    fi: ""  # TÄYTÄ',
            '    sv: ""  # FYLL I',
            '  decided_by_as_of: ""  # TÄYTÄ / FYLL I: lähteen päivä / källans datum, esim. 2025-10-30',
        ]
    lines += [
        "  since:  # valinnainen / valfritt: 2023, 2023-09 tai 2023-09-28",
        "  valid_from:  # valinnainen / valfritt: kauden alku / periodens början, esim. 2025-06",
        "  valid_until:  # valinnainen / valfritt: kauden loppu / periodens slut, esim. 2029-05",
        "  url:  # valinnainen / valfritt: https://…",
        "  sources:",
        '    - title: ""  # TÄYTÄ / FYLL I: lähteen otsikko / källans titel',
        '      url: ""  # TÄYTÄ / FYLL I: https://…',
        f"      checked: {today.isoformat()}",
    ]
    return [indent + line for line in lines]


_TOP_KEY = re.compile(r"^[^\s#-]")


def insert_structure(text: str, skeleton: typing.Callable[[str], list[str]]) -> str:
    """Append the skeleton at the end of the `structures:` list, keeping all other text."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if re.match(r"^structures\s*:", line)), None)
    if start is None:  # no list yet: start one before contacts:, or at the end
        at = next(
            (i for i, line in enumerate(lines) if re.match(r"^contacts\s*:", line)),
            len(lines) - (1 if lines[-1] == "" else 0),
        )
        return "\n".join([*lines[:at], "structures:", *skeleton("  "), *lines[at:]])
    if re.match(r"^structures\s*:\s*\[\s*\]\s*(#.*)?$", lines[start]):
        lines[start] = "structures:"
        return "\n".join(lines[: start + 1] + skeleton("  ") + lines[start + 1 :])
    end, indent = start + 1, None
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if _TOP_KEY.match(line):
            break
        if line.strip() and not line.startswith("#"):
            end = i + 1
            if indent is None and line.lstrip().startswith("- "):
                indent = line[: len(line) - len(line.lstrip())]
    return "\n".join(lines[:end] + skeleton(indent or "  ") + lines[end:])


def used_item_ids(data: object) -> set[str]:
    """Structure and contact ids in a county file's YAML data. Read from the YAML itself,
    not the model, so a second structure can be added before the first one is filled in."""
    data = data if isinstance(data, dict) else {}
    return {
        str(item.get("id"))
        for key in ("structures", "contacts")
        for item in (data.get(key) or [])
        if isinstance(item, dict)
    }


def new_structure(root: Path, region_id: str, structure_id: str, kind: str, today: date) -> Path:
    regions_dir = root / layout.REGIONS
    known = [p.stem for p in region_files(regions_dir)]
    region_id = _choose(region_id, known, "REGION")
    kind = _choose(kind, STRUCTURE_TYPES, "TYPE")
    structure_id = check_slug(structure_id, "ID")
    path = root / layout.region_file(region_id)
    try:
        original = read_text(path)
        data = parse_yaml(original).data
    except ContentLoadError as err:
        raise ScaffoldError(f"{display_path(path)}:{err.line}: {err.message}; fix this first") from None
    problem = item_id_problem(structure_id, used_item_ids(data))
    if problem:
        raise ScaffoldError(f"{display_path(path)}: {problem}; choose another ID")
    updated = insert_structure(original, lambda indent: structure_skeleton(structure_id, kind, today, indent))
    if not _appended_as_last_structure(updated, structure_id):
        raise ScaffoldError(
            f"could not add the structure to {display_path(path)} automatically "
            "(unusual layout); copy the template from CONTRIBUTING.md instead"
        )
    path.write_text(updated, encoding="utf-8")  # once, and only when it parses
    return path


def _appended_as_last_structure(text: str, structure_id: str) -> bool:
    """Safety net: the new text parses and the new item is the list's last one."""
    try:
        data = parse_yaml(text).data
    except ContentLoadError:
        return False
    structures = data.get("structures") if isinstance(data, dict) else None
    if not isinstance(structures, list) or not structures:
        return False
    return isinstance(structures[-1], dict) and structures[-1].get("id") == structure_id


# --- command line (kb new-answer, kb new-structure) -----------------------------------------


def _done(paths: list[Path], message: str, what: str) -> int:
    for path in paths:
        print(message.format(path=display_path(path)))
    print(
        f'Now fill in every empty "" field ({what}). Until then `make validate` lists '
        "each one, and nothing is published."
    )
    return 0


def main_answer(root: Path, topic: str, answer_id: str) -> int:
    try:
        paths = new_answer(root, topic.strip(), answer_id.strip(), build_date_from(os.environ))
    except ScaffoldError as err:
        print(f"Nothing was created: {err}", file=sys.stderr)
        return 1
    return _done(
        paths, "created {path}", "question, answer, keywords, the source's title and url, and the text"
    )


def main_structure(root: Path, region_id: str, structure_id: str, kind: str) -> int:
    try:
        path = new_structure(
            root, region_id.strip(), structure_id.strip(), kind.strip(), build_date_from(os.environ)
        )
    except ScaffoldError as err:
        print(f"Nothing was created: {err}", file=sys.stderr)
        return 1
    return _done(
        [path],
        "added a structure at the end of structures: in {path}",
        "name, description and the source's title and url, in both languages",
    )
