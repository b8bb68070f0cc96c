"""Rules that content must follow, reported as `path:line: message`.

Two kinds of rules live here:

* `model_problems` turns pydantic's errors for one file into plain-language
  lines that name the field and what is allowed;
* `check_content` checks rules that span files (ids, twins, references,
  anchors) and the safety of Markdown written by editors.
"""

from __future__ import annotations

import re
import typing
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .loading import Positions
from .model import LANGUAGES, Content
from .urls import LAYOUT_ANCHORS, LINK_SCHEMES, OPEN_DATA_FILES, OPEN_DATA_SCHEME, SITE_LINK
from .problems import Problems, allowed_list, did_you_mean

RESERVED_ANCHORS = LAYOUT_ANCHORS  # structure, contact and heading ids must not take them


# --- one file: pydantic errors -> lines -------------------------------------------

def _field_model(annotation: object) -> type[BaseModel] | None:
    """The BaseModel inside `list[X]`, `X | None`, `Annotated[X, …]`, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _field_model(arg)
        if found:
            return found
    return None


def _model_at(cls: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    current: type[BaseModel] | None = cls
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _field_model(info.annotation)
    return current


def _label(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def model_problems(err: ValidationError, cls: type[BaseModel], path: Path,
                   positions: Positions) -> Problems:
    problems = Problems()
    for error in err.errors(include_url=False):
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        kind = error["type"]
        field = _label(loc)
        if kind == "missing":
            owner = _model_at(cls, loc[:-1])
            hint = ""
            if owner is not None and loc[-1] in owner.model_fields:
                hint = _describe(owner.model_fields[loc[-1]].description)
            problems.add(path, positions.line_of(loc[:-1]),
                         f'the field "{field}" is missing; it is required{hint}')
        elif kind == "extra_forbidden":
            owner = _model_at(cls, loc[:-1])
            names = list(owner.model_fields) if owner else []
            problems.add(path, positions.line_of(loc),
                         f'unknown field "{field}".{did_you_mean(str(loc[-1]), names)} '
                         f"Allowed fields here: {', '.join(names)}")
        else:
            problems.add(path, positions.line_of(loc), f"{field or 'the file'}: {_message(error)}")
    return problems


def _describe(description: str | None) -> str:
    return f" ({description.rstrip('.')})" if description else ""


def _message(error: dict) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "content":
        return error["msg"]
    if kind == "string_type":
        return "must be text, not a list or a group of fields"
    if kind == "list_type":
        return 'must be a list: put each item on its own line starting with "- "'
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return 'must be a group of fields ("name: value" lines, indented under it)'
    if kind == "literal_error":
        expected = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        got = str(error.get("input"))
        return f'"{got}" is not allowed.{did_you_mean(got, expected)} Allowed: {", ".join(expected)}'
    if kind == "too_short":
        if error["loc"] and error["loc"][-1] == "sources":
            return "at least one source (title, url, accessed) is required"
        return f"must have at least {ctx.get('min_length', 1)} item(s)"
    return error["msg"]


# --- Markdown written by editors ---------------------------------------------------

ALLOWED_HTML_TAGS = {"abbr", "br", "sub", "sup"}

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_TAG = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9-]*)[^>]*>")
_EVENT_ATTR = re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE)
_BAD_SCHEME = re.compile(r"(?:javascript|vbscript)\s*:", re.IGNORECASE)
_DATA_LINK = re.compile(r"\]\(\s*<?\s*data\s*:", re.IGNORECASE)
_ATTR_LIST = re.compile(r"\{:?\s*((?:[#.][^\s}]+|[A-Za-z-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]+))"
                        r"(?:\s+(?:[#.][^\s}]+|[A-Za-z-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]+)))*)\s*\}")
_ATTR_OK = re.compile(r"^(?:#[a-z0-9]+(?:-[a-z0-9]+)*|\.[A-Za-z0-9_-]+|lang=[\"']?(?:fi|sv|en|se)[\"']?)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_HEADING_ID = re.compile(r"\{\s*#([a-z0-9]+(?:-[a-z0-9]+)*)\s*\}\s*$")


def _prose_lines(body: str) -> list[str]:
    """Body lines with code blocks and code spans blanked (line numbers kept)."""
    out: list[str] = []
    in_fence = False
    for line in body.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append("")
            continue
        out.append("" if in_fence else _CODE_SPAN.sub(lambda m: " " * len(m.group()), line))
    return out


def check_markdown(body: str, first_line: int, path: Path, problems: Problems,
                   content: Content | None = None) -> list[str]:
    """Check one Markdown body; return the explicit heading anchors in order."""
    anchors: list[str] = []
    for offset, line in enumerate(_prose_lines(body)):
        n = first_line + offset
        for match in _TAG.finditer(line):
            tag = match.group(1).lower()
            if tag not in ALLOWED_HTML_TAGS:
                problems.add(path, n, f"raw HTML <{tag}> is not allowed; use Markdown instead "
                                      f"(allowed HTML tags: {', '.join(sorted(ALLOWED_HTML_TAGS))})")
        if _EVENT_ATTR.search(line):
            problems.add(path, n, "event attributes such as onclick= are not allowed")
        if _BAD_SCHEME.search(line) or _DATA_LINK.search(line):
            problems.add(path, n, "javascript:, vbscript: and data: links are not allowed; "
                                  "links must start with https://, or be alue:, ukk: or aihe: links")
        for match in _ATTR_LIST.finditer(line):
            for token in match.group(1).split():
                if not _ATTR_OK.match(token):
                    problems.add(path, n, f'"{{{match.group(1)}}}": only {{#anchor-id}}, '
                                          "{.class} and {lang=sv} / {lang=fi} are allowed in braces")
                    break
        heading = _HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            if level == 1:
                problems.add(path, n, "a level-1 heading (# …) is not allowed: the question or "
                                      "front-matter title is the page title; start at ##")
            found = _HEADING_ID.search(heading.group(2))
            if not found:
                problems.add(path, n, "a heading needs a permanent anchor at its end, for example "
                                      "## Kuka päättää? {#kuka-paattaa} (lower-case a-z, 0-9, -)")
            else:
                anchors.append(found.group(1))
        if content is not None:
            _check_links(line, n, path, problems, content)
    for anchor in {a for a in anchors if anchors.count(a) > 1}:
        problems.add(path, first_line, f'the anchor "#{anchor}" is used by two headings')
    for anchor in RESERVED_ANCHORS.intersection(anchors):
        problems.add(path, first_line, f'the anchor "#{anchor}" is reserved for the page layout; '
                                       "choose another")
    return anchors


def _check_links(line: str, n: int, path: Path, problems: Problems, content: Content) -> None:
    for match in SITE_LINK.finditer(line):
        scheme, target = match.group(1), match.group(2)
        if scheme in ("http", "https", "mailto"):
            continue
        if scheme == OPEN_DATA_SCHEME:
            _check_open_data_link(target, n, path, problems)
            continue
        if scheme not in LINK_SCHEMES:
            problems.add(path, n, f'unknown link type "{scheme}:"; use https://…, '
                                  "alue:<county-id>, ukk:<answer-id> or aihe:<topic-id>")
            continue
        known = getattr(content, LINK_SCHEMES[scheme])
        if target == "" and scheme in ("alue", "ukk"):
            continue  # the county list or the FAQ index
        if known and target not in known:
            problems.add(path, n, f'{scheme}:{target} points to no {LINK_SCHEMES[scheme][:-1]}.'
                                  f"{did_you_mean(target, known)}")


def _check_open_data_link(target: str, n: int, path: Path, problems: Problems) -> None:
    """avoindata:<file> links to site/data/; rendered on the hand-written pages only."""
    if "docs" not in Path(path).parts:
        problems.add(path, n, "avoindata: links are only allowed on the pages in docs/")
    elif target not in OPEN_DATA_FILES:
        problems.add(path, n, f'avoindata:{target} is not an open data file. '
                              f"Allowed: {', '.join(OPEN_DATA_FILES)}")


# --- rules across files -------------------------------------------------------------

def check_content(content: Content, problems: Problems, partial: bool = False,
                  today: date | None = None) -> None:
    today = today or date.today()
    _check_ui(content, problems)
    _check_regions(content, problems, today)
    _check_municipalities(content, problems, partial)
    _check_answers(content, problems, partial, today)
    _check_pages(content, problems)


def _check_ui(content: Content, problems: Problems) -> None:
    for key, value in content.ui.items():
        for lang in LANGUAGES:
            if not getattr(value, lang).strip():
                problems.add("content/ui.yml", 1, f'the label "{key}" has no {lang} text')


def _check_regions(content: Content, problems: Problems, today: date) -> None:
    for region_id, region in content.regions.items():
        path = content.region_paths[region_id]
        line_of = content.region_positions.get(region_id, Positions()).line_of
        used: set[str] = set()
        for key in ("structures", "contacts"):
            for index, item in enumerate(getattr(region, key)):
                problem = item_id_problem(item.id, used)
                if problem:
                    problems.add(path, line_of((key, index, "id")), problem)
                used.add(item.id)
        if region.reviewed > today:
            problems.add(path, line_of(("reviewed",)),
                         f"reviewed: {region.reviewed} is in the future")
        for key, text in _region_texts(region):
            check_markdown(text, line_of(key), path, problems)


def _region_texts(region) -> list[tuple[tuple, str]]:
    """The Markdown texts of a county file, each with its place in the file."""
    texts = []
    if region.summary:
        texts += [(("summary", lang), region.summary.get(lang)) for lang in LANGUAGES]
    for index, structure in enumerate(region.structures):
        texts += [(("structures", index, "description", lang), structure.description.get(lang))
                  for lang in LANGUAGES]
    return texts


def _check_municipalities(content: Content, problems: Problems, partial: bool) -> None:
    path = "content/regions/municipalities.csv"
    codes: set[str] = set()
    unknown: dict[str, list[str]] = {}  # county id -> municipality codes
    for m in content.municipalities:
        line = content.municipality_lines.get(m.code, 1)
        if m.code in codes:
            problems.add(path, line, f"municipality code {m.code} appears twice")
        codes.add(m.code)
        if m.region not in content.regions:
            unknown.setdefault(m.region, []).append(m.code)
    if partial:
        return
    for region_id, members in unknown.items():
        first = min(content.municipality_lines.get(code, 1) for code in members)
        problems.add(path, first, f'{len(members)} municipalities belong to the county "{region_id}", '
                                  f"but content/regions/{region_id}.yml does not exist."
                                  f"{did_you_mean(region_id, content.regions)}")
    for region_id in content.regions:
        if not content.municipalities_of(region_id):
            line = content.region_positions.get(region_id, Positions()).line_of(("id",))
            problems.add(content.region_paths[region_id], line,
                         "no municipality in municipalities.csv belongs to this county")


def _check_answers(content: Content, problems: Problems, partial: bool, today: date) -> None:
    owners = answer_id_owners(content)
    for answer in content.answers.values():
        if not partial:  # a file that failed to load would look like a missing twin
            _check_twins(answer, problems)
        for lang, text in answer.texts.items():
            meta, line_of = text.meta, text.positions.line_of
            if meta.topic not in content.topics and content.topics:
                problems.add(text.path, line_of(("topic",)),
                             f'unknown topic "{meta.topic}".'
                             f"{did_you_mean(meta.topic, content.topics)} "
                             f"Allowed: {allowed_list(content.topics)}")
            for index, region_id in enumerate(meta.regions):
                if region_id not in content.regions and not partial:
                    problems.add(text.path, line_of(("regions", index)),
                                 f'regions: unknown county id "{region_id}".'
                                 f"{did_you_mean(region_id, content.regions)} "
                                 f"Allowed: {allowed_list(content.regions)}")
            if meta.reviewed > today:
                problems.add(text.path, line_of(("reviewed",)),
                             f"reviewed: {meta.reviewed} is in the future")
            if meta.id in meta.aliases:
                problems.add(text.path, line_of(("aliases", meta.aliases.index(meta.id))),
                             f'aliases: "{meta.id}" is this answer\'s own id')
        primary = answer.primary
        if owners[answer.id] != answer.id:
            problems.add(primary.path, primary.positions.line_of(("id",)),
                         f'the id "{answer.id}" is already taken by {owners[answer.id]}; '
                         "choose another id")
        for index, name in enumerate(answer.aliases):
            other = owners[name]
            if other != answer.id and answer.aliases.index(name) == index:
                problems.add(primary.path, primary.positions.line_of(("aliases", index)),
                             f'the alias "{name}" is already taken by {other}; '
                             "every id and alias must be unique across all answers and topics")
    for answer in content.answers.values():
        anchor_sets = {}
        for lang, text in answer.texts.items():
            anchor_sets[lang] = check_markdown(text.body, text.body_line, text.path, problems,
                                               None if partial else content)
        if len(anchor_sets) == 2 and set(anchor_sets["fi"]) != set(anchor_sets["sv"]):
            missing = set(anchor_sets["fi"]) ^ set(anchor_sets["sv"])
            problems.add(answer.texts["sv"].path, answer.texts["sv"].body_line,
                         "the Finnish and Swedish versions must have the same heading anchors; "
                         f"differs: {', '.join('#' + a for a in sorted(missing))}")


def _check_twins(answer, problems: Problems) -> None:
    for lang in LANGUAGES:
        if lang not in answer.texts:
            problems.add(answer.primary.path, 1,
                         f"the {lang} twin is missing: create "
                         f"{answer.path_for(lang).as_posix()} with the same id")
    if len(answer.texts) < len(LANGUAGES):
        return
    first = answer.texts[LANGUAGES[0]]
    for text in answer.texts.values():
        for name in ("topic", "regions", "aliases"):
            if text is not first and getattr(first.meta, name) != getattr(text.meta, name):
                problems.add(text.path, text.positions.line_of((name,)),
                             f"{name} differs from the Finnish file "
                             f"({getattr(first.meta, name)}); "
                             "both language versions must have the same " + name)


REQUIRED_PAGES = {"": "index.md (the home page)"}


def _check_pages(content: Content, problems: Problems) -> None:
    for slug, name in REQUIRED_PAGES.items():
        for lang in LANGUAGES:
            if (lang, slug) not in content.pages:
                problems.add(f"docs/{lang}", 1, f"docs/{lang}/{name} is missing")
    slugs = {lang: {slug for (page_lang, slug) in content.pages if page_lang == lang}
             for lang in LANGUAGES}
    for (lang, slug), page in content.pages.items():
        for other in LANGUAGES:
            if slug not in slugs[other]:
                problems.add(page.path, 1, f"the {other} version is missing: create "
                                           f"docs/{other}/{page.path.name}")
        check_markdown(page.body, page.body_line, page.path, problems, content)


# --- answer text, and the id rules the scaffold shares (scripts/scaffold.py) ----------

def check_answer_body(body: str, body_line: int, path: Path, problems: Problems) -> None:
    """An answer is its one-sentence `answer:` and the text below the front matter; the
    text must not be empty (content.py checks it as soon as the file is read)."""
    if not body.strip():
        problems.add(path, body_line - 1, "the answer has no text: write it below this closing "
                                          "--- line (answer: is only the one-sentence answer "
                                          "shown first; the text gives the detail)")


def answer_id_owners(content: Content) -> dict[str, str]:
    """Every id an answer may not take -> its owner: "topic <id>" for a topic, else the id
    of the answer whose id or alias it is (the first answer, if two claim the same alias)."""
    owners = {topic_id: f"topic {topic_id}" for topic_id in content.topics}
    for answer in content.answers.values():
        owners.setdefault(answer.id, answer.id)
    for answer in content.answers.values():
        for alias in answer.aliases:
            owners.setdefault(alias, answer.id)
    return owners


def item_id_problem(item_id: str, used_ids: typing.Collection[str]) -> str | None:
    """Why a structure or contact id cannot be used in its county file, or None."""
    if item_id in RESERVED_ANCHORS:
        return f'the id "{item_id}" is reserved for the page layout'
    if item_id in used_ids:
        return (f'the id "{item_id}" is already used in this county file; structure and '
                "contact ids become anchors and must be unique")
    return None
