"""Rules across content files, reported as `path:line: message`.

Each file was already read and checked on its own (load.py, messages.py; every
text field against the HTML policy by its type); the rules here need several
files: ids and aliases are unique, every answer has its twin, references and
links point at counties, topics, answers and anchors that exist, labels match
their declaration, Markdown bodies are safe and their anchors are stable, and no
source was checked or published after the build date.

The Markdown texts and sources of every model read from a file are found by their
type (model.editor_texts, model.models_in over content.files), so a new model
that uses Localized, MarkdownText or Source is checked without changes here.
"""

from __future__ import annotations

import typing
from datetime import date, datetime

from . import layout
from .freshness import structure_date_problems
from .labels import LABELS, label_problem
from .links import (
    ANSWER_PAGE_ANCHORS,
    CALENDAR_PAGE_ANCHORS,
    FAQ_INDEX_ANCHORS,
    LAYOUT_ANCHORS,
    REGION_INDEX_ANCHORS,
    REGION_PAGE_ANCHORS,
    TOPIC_PAGE_ANCHORS,
)
from .markdown_policy import LinkTargets, check_body, check_markdown, heading_anchors
from .model import (
    LANGUAGES,
    MARKDOWN_TEXT,
    PLAIN_TEXT,
    Answer,
    Content,
    Event,
    GrantRound,
    Source,
    editor_texts,
    models_in,
)
from .positions import Key, Positions
from .problems import Problems, allowed_list, did_you_mean

RESERVED_ANCHORS = LAYOUT_ANCHORS  # structure, contact, round and heading ids must not take them


def check_content(content: Content, problems: Problems, today: date, partial: bool = False) -> None:
    """Add every cross-file problem. `today` is the build date (no check is dated after it);
    `partial` says some files could not be read, so rules that would only report their
    absence again are skipped."""
    targets = None if partial else link_targets(content)  # a missing file would look like a bad link
    _check_labels(content, problems)
    _check_regions(content, problems, today)
    _check_municipalities(content, problems, partial)
    _check_answers(content, problems, partial, today, targets)
    _check_pages(content, problems, partial, targets)
    _check_events(content, problems, partial)
    _check_associations(content, problems, partial)
    _check_glossary(content, problems)
    _check_files(content, problems, today, targets)
    _check_sources(content, problems)


def link_targets(content: Content) -> LinkTargets:
    """Every page an editor's alue:/ukk:/aihe:/kalenteri: link may point to, with its anchors: the
    layout's (links.py) and those the content gives it (ids, headings, answers)."""
    regions: dict[str, frozenset[str]] = {"": REGION_INDEX_ANCHORS}
    for region in content.regions.values():
        ids = [
            item.id for items in (region.structures, region.contacts, region.grant_rounds) for item in items
        ]
        anchors = set(REGION_PAGE_ANCHORS) | set(ids)
        for _, kind, markdown in editor_texts(region):
            if kind == MARKDOWN_TEXT:
                anchors.update(heading_anchors(markdown))
        regions[region.id] = frozenset(anchors)
    answers: dict[str, frozenset[str]] = {"": FAQ_INDEX_ANCHORS | set(content.topics)}
    topics: dict[str, frozenset[str]] = {topic_id: TOPIC_PAGE_ANCHORS for topic_id in content.topics}
    for answer in content.answers.values():
        on_page = set(ANSWER_PAGE_ANCHORS) if answer.regions else set(ANSWER_PAGE_ANCHORS) - {"alueet"}
        for version in answer.texts.values():
            on_page.update(heading_anchors(version.body))
        answers[answer.id] = frozenset(on_page)
        if answer.topic in topics:
            topics[answer.topic] = topics[answer.topic] | {answer.id, *answer.aliases}
    calendar = CALENDAR_PAGE_ANCHORS | frozenset(content.events)
    return LinkTargets({"alue": regions, "ukk": answers, "aihe": topics}, calendar=calendar)


def _check_files(content: Content, problems: Problems, today: date, targets: LinkTargets | None) -> None:
    """What any model read from a file holds, found by type: the hints and links of its
    Markdown texts, and the dates of its sources."""
    for doc in content.files:
        line_of = doc.positions.line_of
        for place, kind, text in editor_texts(doc.model):
            if kind != PLAIN_TEXT:
                check_markdown(text, line_of(place), doc.path, problems, targets)
        for place, model in models_in(doc.model):
            if not isinstance(model, Source):
                continue
            if model.checked > today:
                problems.add(
                    doc.path,
                    line_of((*place, "checked")),
                    f"checked: {model.checked} is after the build date {today}; write the day the "
                    "source was compared with the fact",
                )
            if model.published and _first_day(model.published) > today:
                problems.add(
                    doc.path,
                    line_of((*place, "published")),
                    f"published: {model.published} is after the build date {today}",
                )


def _first_day(partial: str) -> date:
    """The first day of a year (2026), a month (2026-12) or a day."""
    parts = [int(p) for p in partial.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def _check_sources(content: Content, problems: Problems) -> None:
    """A source that names a copy (document:) names one in content/sources/."""
    for file in content.files:
        for place, model in models_in(file.model):
            if isinstance(model, Source) and model.document and model.document not in content.documents:
                problems.add(
                    file.path,
                    file.positions.line_of((*place, "document")),
                    f'document: "{model.document}" is not a copy in {layout.SOURCES}/.'
                    f"{did_you_mean(model.document, content.documents)} "
                    f"Allowed: {allowed_list(content.documents) or 'none yet'}",
                )


def _check_labels(content: Content, problems: Problems) -> None:
    """content/ui.yml against the declared labels (labels.py): nothing missing, nothing
    unknown, the same placeholders. (Empty texts were refused when the file was read.)"""
    if not content.ui and not content.ui_positions.lines:
        return  # the file could not be read at all: that problem is already reported
    path = content.root / layout.LABELS
    line_of = content.ui_positions.line_of
    for key in sorted(set(content.ui_positions.top_keys()) - set(LABELS)):
        problems.add(
            path,
            line_of((key,)),
            f'unknown label "{key}".'
            f"{did_you_mean(key, LABELS)} Only the labels the site uses belong here "
            "(declared in src/kb/content/labels.py)",
        )
    present = sorted(content.ui_positions.top_keys())
    for key in sorted(set(LABELS) - set(present)):
        following = next((k for k in present if k > key), None)
        line = line_of((following,)) if following else max(content.ui_positions.lines.values(), default=1)
        problems.add(
            path,
            line,
            f'the label "{key}" is missing; add it here (keys are in '
            "alphabetical order) with its fi and sv texts",
        )
    for key, value in content.ui.items():
        if key not in LABELS:
            continue
        for lang in LANGUAGES:
            problem = label_problem(key, lang, getattr(value, lang))
            if problem:
                problems.add(path, line_of((key, lang)), problem)


def _check_regions(content: Content, problems: Problems, today: date) -> None:
    for region_id, region in content.regions.items():
        path = content.region_paths[region_id]
        line_of = content.region_positions.get(region_id, Positions()).line_of
        used: set[str] = set()
        for key in ("structures", "contacts", "grant_rounds"):
            for index, item in enumerate(getattr(region, key)):
                problem = item_id_problem(item.id, used)
                if problem:
                    problems.add(path, line_of((key, index, "id")), problem)
                used.add(item.id)
        for index, grant_round in enumerate(region.grant_rounds):
            for place, message in grant_round_problems(grant_round, today):
                problems.add(path, line_of(("grant_rounds", index, *place)), message)
        for index, structure in enumerate(region.structures):
            for field, problem in structure_date_problems(structure, today):
                problems.add(
                    path, line_of(("structures", index, field)), f"structures[{index}].{field}: {problem}"
                )
        stated: dict[tuple[str, int], int] = {}
        for index, rule in enumerate(region.eligibility):
            first = stated.setdefault((rule.rule, rule.grant_year), index)
            if first != index:
                problems.add(
                    path,
                    line_of(("eligibility", index, "rule")),
                    f"eligibility[{index}]: {rule.rule} for {rule.grant_year} is already stated in "
                    f"eligibility[{first}]; one statement per condition and grant year (merge the sources)",
                )
        if region.reviewed > today:
            problems.add(path, line_of(("reviewed",)), f"reviewed: {region.reviewed} is in the future")


def grant_round_problems(grant_round: GrantRound, today: date) -> list[tuple[Key, str]]:
    """What is wrong with one round's window on the build date `today`, each with the
    field it is about: a window that closes before it opens, a grant year the window
    does not fit, a missing opening day of a round that has not closed."""
    found: list[tuple[Key, str]] = []
    opens, closes, year = grant_round.opens, grant_round.closes, grant_round.grant_year
    if opens is not None and closes < opens:
        found.append(
            (
                ("closes",),
                f"closes: {closes} is before opens ({opens}); the application period must "
                "close on or after the day it opens",
            )
        )
    window = f"opens {opens} and closes {closes}" if opens else f"closes {closes}"
    fits = (opens is None or opens.year in (year - 1, year)) and closes.year in (year - 1, year)
    if not fits:
        found.append(
            (
                ("grant_year",),
                f"grant_year: {year} does not fit the application period (this round {window}): "
                f"a round for the grant year {year} opens in {year - 1} or {year} and closes "
                f"by {year}-12-31",
            )
        )
    if opens is None and closes >= today:
        found.append(
            (
                (),
                f"opens: is missing; a round that has not closed by the build date ({today}) needs "
                "the first day of its application period (opens: YYYY-MM-DD). Leave opens out only "
                "for a closed round whose opening day was not published",
            )
        )
    return found


def event_problems(event_id: str, event: Event) -> list[tuple[Key, str]]:
    """What is wrong with one event on its own: its times and its id."""
    found: list[tuple[Key, str]] = []
    if event_id in CALENDAR_PAGE_ANCHORS:
        found.append(
            ((), f'the file name "{event_id}" is reserved for the calendar page layout; rename the file')
        )
    starts, ends = event.starts, event.ends
    if ends is not None:
        if isinstance(starts, datetime) != isinstance(ends, datetime):
            found.append(
                (
                    ("ends",),
                    "ends: write it like starts, both with a time (YYYY-MM-DD HH:MM) or both "
                    "as a date only (YYYY-MM-DD)",
                )
            )
        elif ends < starts or (isinstance(ends, datetime) and ends == starts):
            found.append(
                (
                    ("ends",),
                    f"ends: {_shown(ends)} is not after starts ({_shown(starts)}); an event must "
                    "end after it starts",
                )
            )
    return found


def _shown(value: date) -> str:
    """A time as editors write it: 2021-08-25 13:00, or 2021-08-25."""
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime) else value.isoformat()


def _check_events(content: Content, problems: Problems, partial: bool) -> None:
    for event_id, event in content.events.items():
        path = content.event_paths[event_id]
        line_of = content.event_positions[event_id].line_of
        for place, message in event_problems(event_id, event):
            problems.add(path, line_of(place), message)
        for index, region_id in enumerate(event.regions):
            if region_id not in content.regions and not partial:
                problems.add(
                    path,
                    line_of(("regions", index)),
                    f'regions: unknown county id "{region_id}".'
                    f"{did_you_mean(region_id, content.regions)} "
                    f"Allowed: {allowed_list(content.regions)}",
                )


def _check_municipalities(content: Content, problems: Problems, partial: bool) -> None:
    path = content.root / layout.MUNICIPALITIES
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
        problems.add(
            path,
            first,
            f'{len(members)} municipalities belong to the county "{region_id}", '
            f"but {layout.region_file(region_id)} does not exist."
            f"{did_you_mean(region_id, content.regions)}",
        )
    for region_id in content.regions:
        if not content.municipalities_of(region_id):
            line = content.region_positions.get(region_id, Positions()).line_of(("id",))
            problems.add(
                content.region_paths[region_id],
                line,
                "no municipality in municipalities.csv belongs to this county",
            )


def _check_answers(
    content: Content, problems: Problems, partial: bool, today: date, targets: LinkTargets | None
) -> None:
    owners = answer_id_owners(content)
    for answer in content.answers.values():
        if not partial:  # a file that failed to load would look like a missing twin
            _check_twins(answer, problems)
        for text in answer.texts.values():
            meta, line_of = text.meta, text.positions.line_of
            if meta.topic not in content.topics and content.topics:
                problems.add(
                    text.path,
                    line_of(("topic",)),
                    f'unknown topic "{meta.topic}".'
                    f"{did_you_mean(meta.topic, content.topics)} "
                    f"Allowed: {allowed_list(content.topics)}",
                )
            for index, region_id in enumerate(meta.regions):
                if region_id not in content.regions and not partial:
                    problems.add(
                        text.path,
                        line_of(("regions", index)),
                        f'regions: unknown county id "{region_id}".'
                        f"{did_you_mean(region_id, content.regions)} "
                        f"Allowed: {allowed_list(content.regions)}",
                    )
            if meta.reviewed > today:
                problems.add(text.path, line_of(("reviewed",)), f"reviewed: {meta.reviewed} is in the future")
            if meta.id in meta.aliases:
                problems.add(
                    text.path,
                    line_of(("aliases", meta.aliases.index(meta.id))),
                    f'aliases: "{meta.id}" is this answer\'s own id',
                )
        primary = answer.primary
        if owners[answer.id] != answer.id:
            problems.add(
                primary.path,
                primary.positions.line_of(("id",)),
                f'the id "{answer.id}" is already taken by {owners[answer.id]}; choose another id',
            )
        for index, name in enumerate(answer.aliases):
            other = owners[name]
            if other != answer.id and answer.aliases.index(name) == index:
                problems.add(
                    primary.path,
                    primary.positions.line_of(("aliases", index)),
                    f'the alias "{name}" is already taken by {other}; '
                    "every id and alias must be unique across all answers and topics",
                )
    for answer in content.answers.values():
        anchor_sets = {}
        for lang, text in answer.texts.items():
            anchor_sets[lang] = check_body(text.body, text.body_line, text.path, problems, targets)
        if len(anchor_sets) == 2 and set(anchor_sets["fi"]) != set(anchor_sets["sv"]):
            missing = set(anchor_sets["fi"]) ^ set(anchor_sets["sv"])
            problems.add(
                answer.texts["sv"].path,
                answer.texts["sv"].body_line,
                "the Finnish and Swedish versions must have the same heading anchors; "
                f"differs: {', '.join('#' + a for a in sorted(missing))}",
            )


def _check_twins(answer: Answer, problems: Problems) -> None:
    for lang in LANGUAGES:
        if lang not in answer.texts:
            problems.add(
                answer.primary.path,
                1,
                f"the {lang} twin is missing: create {answer.path_for(lang).as_posix()} with the same id",
            )
    if len(answer.texts) < len(LANGUAGES):
        return
    first = answer.texts[LANGUAGES[0]]
    for text in answer.texts.values():
        for name in ("topic", "regions", "aliases"):
            value = getattr(first.meta, name)
            if text is not first and value != getattr(text.meta, name):
                shown = ", ".join(value) if isinstance(value, list) else value
                problems.add(
                    text.path,
                    text.positions.line_of((name,)),
                    f"{name} differs from the Finnish file ({shown or 'none'}); "
                    "both language versions must have the same " + name,
                )


REQUIRED_PAGES = {"": "index.md (the home page)"}


def _check_pages(content: Content, problems: Problems, partial: bool, targets: LinkTargets | None) -> None:
    for page in content.pages.values():
        check_body(page.body, page.body_line, page.path, problems, targets)
    if partial:  # a page that could not be read would look missing
        return
    for slug, name in REQUIRED_PAGES.items():
        for lang in LANGUAGES:
            if (lang, slug) not in content.pages:
                problems.add(
                    content.root / layout.PAGES / lang, 1, f"{layout.PAGES}/{lang}/{name} is missing"
                )
    slugs = {lang: {slug for (page_lang, slug) in content.pages if page_lang == lang} for lang in LANGUAGES}
    for (_lang, slug), page in content.pages.items():
        for other in LANGUAGES:
            if slug not in slugs[other]:
                problems.add(
                    page.path,
                    1,
                    f"the {other} version is missing: create {layout.PAGES}/{other}/{page.path.name}",
                )


def _check_associations(content: Content, problems: Problems, partial: bool) -> None:
    """PRH's table: every county it names exists and lies in one region only, and every
    county has its region (a missing one would show no figure on the county's page)."""
    table = content.associations
    if table is None:
        return
    path = content.root / layout.ASSOCIATIONS
    line_of = content.associations_positions.line_of
    seen: dict[str, str] = {}
    for index, region in enumerate(table.regions):
        for position, county in enumerate(region.counties):
            line = line_of(("regions", index, "counties", position))
            if content.regions and county not in content.regions and not partial:
                problems.add(
                    path,
                    line,
                    f'counties: unknown county id "{county}".'
                    f"{did_you_mean(county, content.regions)} Allowed: {allowed_list(content.regions)}",
                )
            elif county in seen:
                problems.add(
                    path,
                    line,
                    f'the county "{county}" is already in the region {seen[county]}; '
                    "each county lies in exactly one region",
                )
            seen.setdefault(county, region.name.fi)
    if partial:
        return
    for county in sorted(set(content.regions) - set(seen)):
        problems.add(
            path,
            line_of(("regions",)),
            f'the county "{county}" is in no region; add its id to the counties of the '
            "region (maakunta) it lies in",
        )


def _check_glossary(content: Content, problems: Problems) -> None:
    """Term ids are anchors on the glossary page: unique, and not the layout's own."""
    path = content.root / layout.GLOSSARY
    used: set[str] = set()
    for index, term in enumerate(content.glossary):
        line = content.glossary_positions.line_of(("terms", index, "id"))
        if term.id in RESERVED_ANCHORS:
            problems.add(path, line, f'the id "{term.id}" is reserved for the page layout; choose another')
        elif term.id in used:
            problems.add(
                path,
                line,
                f'the id "{term.id}" is used by two terms; term ids become anchors and must be unique',
            )
        used.add(term.id)


# --- id rules the scaffolds share (kb/tools/scaffold.py) -----------------------------


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
        return (
            f'the id "{item_id}" is already used in this county file; structure, contact '
            "and grant round ids become anchors and must be unique"
        )
    return None
