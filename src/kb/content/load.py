"""Read every content file into the model, collecting problems instead of failing.

Each file is read safely (reading.py) and checked on its own against the model
(model.py, messages.py); what spans files is checked afterwards by rules.py.
Where each file lives: layout.py.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import layout
from .messages import model_problems
from .model import (
    LANGUAGES,
    Answer,
    AnswerFrontMatter,
    AnswerText,
    AssociationsFile,
    Content,
    Event,
    GlossaryFile,
    Municipality,
    MunicipalityChange,
    Page,
    Region,
    Source,
    SourceDocument,
    TopicsFile,
    UiString,
)
from .positions import Positions
from .problems import Problems
from .reading import ContentLoadError, YamlDocument, load_markdown_file, load_yaml_file, read_text

M = TypeVar("M", bound=BaseModel)

MUNICIPALITY_COLUMNS = ["code", "name_fi", "name_sv", "language", "region"]


def build_model(cls: type[M], data: Any, path: Path, positions: Positions, problems: Problems) -> M | None:
    """Validate `data` as `cls`; on failure add one problem per field and return None."""
    if not isinstance(data, dict):
        problems.add(
            path, positions.line_of(()), "the file must contain fields written as 'name: value' lines"
        )
        return None
    try:
        return cls.model_validate(data)
    except ValidationError as err:
        problems.extend(model_problems(err, cls, path, positions))
        return None


def _load_yaml(path: Path, problems: Problems) -> YamlDocument | None:
    try:
        return load_yaml_file(path)
    except ContentLoadError as err:
        problems.add(path, err.line, err.message)
        return None


def load_content(root: Path) -> tuple[Content, Problems]:
    """Read content/ and docs/ under `root`: what could be read, and the problems found
    in single files. The rules across files are rules.check_content's."""
    problems = Problems()
    content = Content(root=root)
    _load_site(root / layout.SITE_SETTINGS, content, problems)
    _load_ui(root / layout.LABELS, content, problems)
    _load_regions(root / layout.REGIONS, content, problems)
    _load_municipalities(root, content, problems)
    _load_topics(root / layout.TOPICS, content, problems)
    _load_answers(root / layout.FAQ, content, problems)
    _load_pages(root / layout.PAGES, content, problems)
    _load_documents(root / layout.SOURCES, content, problems)
    _load_events(root / layout.EVENTS, content, problems)
    _load_associations(root / layout.ASSOCIATIONS, content, problems)
    _load_glossary(root / layout.GLOSSARY, content, problems)
    return content, problems


def _load_site(path: Path, content: Content, problems: Problems) -> None:
    doc = _load_yaml(path, problems)
    if doc is None:
        return
    if not isinstance(doc.data, dict) or not all(isinstance(v, str) for v in doc.data.values()):
        problems.add(path, 1, "site.yml must contain 'name: value' lines with text values")
        return
    content.site = doc.data


def _load_ui(path: Path, content: Content, problems: Problems) -> None:
    doc = _load_yaml(path, problems)
    if doc is None:
        return
    if not isinstance(doc.data, dict):
        problems.add(path, 1, "ui.yml must map each label key to its fi and sv texts")
        return
    content.ui_positions = doc.positions
    for key, value in doc.data.items():
        model = build_model(UiString, value, path, doc.positions.sub(key), problems)
        if model:
            content.ui[key] = model


MUNICIPALITY_META = Path(layout.MUNICIPALITY_NOTES).name
# The .yml files in content/regions/ that are tables about the counties, not counties.
NOT_REGION_FILES = frozenset({MUNICIPALITY_META, Path(layout.ASSOCIATIONS).name})


def region_files(directory: Path) -> list[Path]:
    """The county files in content/regions/: every .yml file except the tables
    (municipalities.yml, associations.yml)."""
    return sorted(p for p in directory.glob("*.yml") if p.name not in NOT_REGION_FILES)


def _load_regions(directory: Path, content: Content, problems: Problems) -> None:
    for path in region_files(directory):
        doc = _load_yaml(path, problems)
        if doc is None:
            continue
        region = build_model(Region, doc.data, path, doc.positions, problems)
        if region is None:
            continue
        if region.id != path.stem:
            problems.add(
                path,
                doc.positions.line_of(("id",)),
                f'the id "{region.id}" must equal the file name "{path.stem}"; rename the file or fix the id',
            )
            continue
        content.regions[region.id] = region
        content.region_paths[region.id] = path
        content.region_positions[region.id] = doc.positions
    for path in sorted(directory.iterdir()) if directory.is_dir() else []:
        if path.is_file() and path.suffix not in (".yml", ".csv"):
            problems.add(
                path,
                1,
                "only .yml county files and the municipality table belong in "
                f"{layout.REGIONS}/ (is the extension .yaml? use .yml)",
            )


def _load_municipalities(root: Path, content: Content, problems: Problems) -> None:
    meta_path = root / layout.MUNICIPALITY_NOTES
    changes: dict[str, list[MunicipalityChange]] = {}
    doc = _load_yaml(meta_path, problems)
    if doc is not None and isinstance(doc.data, dict):
        unknown = set(doc.data) - {"source", "merged"}
        for key in sorted(unknown):
            problems.add(
                meta_path,
                doc.positions.line_of((key,)),
                f'unknown field "{key}"; allowed fields: source, merged',
            )
        source = build_model(Source, doc.data.get("source"), meta_path, doc.positions.sub("source"), problems)
        content.municipality_source = source
        for index, item in enumerate(doc.data.get("merged") or []):
            positions = doc.positions.sub("merged").sub(index)
            change = build_model(MunicipalityChange, item, meta_path, positions, problems)
            if change:
                changes.setdefault(change.merged_into, []).append(change)
    path = root / layout.MUNICIPALITIES
    try:
        text = read_text(path)
    except (ContentLoadError, FileNotFoundError) as err:
        problems.add(path, getattr(err, "line", 1), getattr(err, "message", "the file is missing"))
        return
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames != MUNICIPALITY_COLUMNS:
        problems.add(path, 1, "the header must be exactly: " + ",".join(MUNICIPALITY_COLUMNS))
        return
    for row in reader:
        line = reader.line_num
        if None in row or any(v is None for v in row.values()):
            problems.add(
                path, line, f"each row must have {len(MUNICIPALITY_COLUMNS)} values separated by commas"
            )
            continue
        data = {k: v.strip() for k, v in row.items()}
        data["name_sv"] = data["name_sv"] or None
        data["former"] = tuple(changes.pop(data["code"], ()))
        positions = Positions(lines={(): line})
        municipality = build_model(Municipality, data, path, positions, problems)
        if municipality:
            content.municipalities.append(municipality)
            content.municipality_lines[municipality.code] = line
    for code in changes:
        problems.add(meta_path, 1, f'merged_into "{code}" is not a municipality code in municipalities.csv')


def _load_topics(path: Path, content: Content, problems: Problems) -> None:
    doc = _load_yaml(path, problems)
    if doc is None:
        return
    topics = build_model(TopicsFile, doc.data, path, doc.positions, problems)
    if topics is None:
        return
    for index, topic in enumerate(topics.topics):
        if topic.id in content.topics:
            problems.add(
                path,
                doc.positions.line_of(("topics", index, "id")),
                f'the topic id "{topic.id}" is used twice',
            )
        content.topics[topic.id] = topic


def _answer_file_parts(path: Path) -> tuple[str, str] | None:
    parts = path.name.split(".")
    if len(parts) == 3 and parts[2] == "md" and parts[1] in LANGUAGES:
        return parts[0], parts[1]
    return None


def _load_answers(faq_dir: Path, content: Content, problems: Problems) -> None:
    for path in sorted(faq_dir.rglob("*")):
        if path.is_dir() or path.name == "topics.yml":
            continue
        parts = _answer_file_parts(path)
        if parts is None or path.parent.parent != faq_dir:
            problems.add(path, 1, f"answers must be named {layout.FAQ}/<topic>/<id>.fi.md or <id>.sv.md")
            continue
        stem, lang = parts
        try:
            doc = load_markdown_file(path)
        except ContentLoadError as err:
            problems.add(path, err.line, err.message)
            continue
        _check_answer_body(doc.body, doc.body_line, path, problems)
        meta = build_model(AnswerFrontMatter, doc.front.data, path, doc.front.positions, problems)
        if meta is None:
            continue
        if meta.id != stem:
            problems.add(
                path,
                doc.front.positions.line_of(("id",)),
                f'the id "{meta.id}" must equal the file name "{stem}.{lang}.md"',
            )
            continue
        if meta.topic != path.parent.name:
            problems.add(
                path,
                doc.front.positions.line_of(("topic",)),
                f'topic "{meta.topic}" does not match the folder "{path.parent.name}"; '
                f"move the file to {layout.FAQ}/{meta.topic}/ or fix the topic",
            )
        answer = content.answers.setdefault(meta.id, Answer(meta.id))
        if lang in answer.texts:
            problems.add(
                path,
                doc.front.positions.line_of(("id",)),
                f'the answer id "{meta.id}" is already used by '
                f"{answer.texts[lang].path.as_posix()}; ids must be unique",
            )
            continue
        answer.texts[lang] = AnswerText(lang, meta, doc.body, doc.body_line, path, doc.front.positions)


def _load_pages(docs_dir: Path, content: Content, problems: Problems) -> None:
    for lang in LANGUAGES:
        for path in sorted((docs_dir / lang).glob("*.md")):
            try:
                doc = load_markdown_file(path)
            except ContentLoadError as err:
                problems.add(path, err.line, err.message)
                continue
            data = doc.front.data if isinstance(doc.front.data, dict) else {}
            title = data.get("title")
            if not isinstance(title, str) or not title.strip() or set(data) - {"title"}:
                problems.add(path, 2, "a page's front matter must have exactly one field: title")
                continue
            slug = "" if path.stem == "index" else path.stem
            content.pages[(lang, slug)] = Page(lang, slug, title.strip(), doc.body, doc.body_line, path)


def _load_documents(directory: Path, content: Content, problems: Problems) -> None:
    for path in sorted(directory.glob("*")) if directory.is_dir() else []:
        if path.suffix != ".yml" or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", path.stem):
            problems.add(
                path,
                1,
                f"{layout.SOURCES}/ holds only <id>.yml files (the id: "
                "lower-case a-z, 0-9 and single hyphens)",
            )
            continue
        doc = _load_yaml(path, problems)
        document = build_model(SourceDocument, doc.data, path, doc.positions, problems) if doc else None
        if document is not None:
            content.documents[path.stem] = document
            content.document_paths[path.stem] = path


def _load_events(directory: Path, content: Content, problems: Problems) -> None:
    """content/events/<id>.yml: one event a file, its id the file name."""
    for path in sorted(directory.glob("*")) if directory.is_dir() else []:
        if path.suffix != ".yml" or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", path.stem):
            problems.add(
                path,
                1,
                f"{layout.EVENTS}/ holds only <id>.yml files (the id is the file name: "
                "lower-case a-z, 0-9 and single hyphens)",
            )
            continue
        doc = _load_yaml(path, problems)
        event = build_model(Event, doc.data, path, doc.positions, problems) if doc else None
        if doc is not None and event is not None:
            content.events[path.stem] = event
            content.event_paths[path.stem] = path
            content.event_positions[path.stem] = doc.positions


def _load_associations(path: Path, content: Content, problems: Problems) -> None:
    """PRH's table of registered associations by region (optional: a site without it
    shows no figure)."""
    if not path.exists():
        return
    doc = _load_yaml(path, problems)
    if doc is None:
        return
    content.associations = build_model(AssociationsFile, doc.data, path, doc.positions, problems)
    content.associations_positions = doc.positions


def _load_glossary(path: Path, content: Content, problems: Problems) -> None:
    """The glossary's terms (optional: without the file the glossary page is empty)."""
    if not path.exists():
        return
    doc = _load_yaml(path, problems)
    if doc is None:
        return
    glossary = build_model(GlossaryFile, doc.data, path, doc.positions, problems)
    if glossary is not None:
        content.glossary = list(glossary.terms)
        content.glossary_positions = doc.positions


def _check_answer_body(body: str, body_line: int, path: Path, problems: Problems) -> None:
    """An answer is its one-sentence `answer:` and the text below the front matter; the
    text must not be empty."""
    if not body.strip():
        problems.add(
            path,
            body_line - 1,
            "the answer has no text: write it below this closing "
            "--- line (answer: is only the one-sentence answer "
            "shown first; the text gives the detail)",
        )
