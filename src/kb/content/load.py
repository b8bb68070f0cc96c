"""Read every content file into the model, collecting problems instead of failing.

Each file is read safely (reading.py) and checked on its own against the model
(model.py, messages.py); what spans files is checked afterwards by rules.py.
Where each file lives: layout.py.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import layout
from .links import RESERVED_PAGE_SLUGS
from .messages import model_problems
from .model import (
    LANGUAGES,
    Answer,
    AnswerFrontMatter,
    AnswerText,
    AssociationsFile,
    Content,
    ContentFile,
    Event,
    GlossaryFile,
    Municipality,
    MunicipalityChange,
    Page,
    PageFrontMatter,
    Region,
    SiteSettings,
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


def read_model(
    cls: type[M], data: Any, path: Path, positions: Positions, *, content: Content, problems: Problems
) -> M | None:
    """build_model, and the model kept in content.files with its lines, so that the
    rules across files (rules.py) check every text, source and list in it by type."""
    model = build_model(cls, data, path, positions, problems)
    if model is not None:
        content.files.append(ContentFile(path, positions, model))
    return model


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
    steps = [
        (_load_site, root / layout.SITE_SETTINGS),
        (_load_ui, root / layout.LABELS),
        (_load_regions, root / layout.REGIONS),
        (_load_municipalities, root / layout.MUNICIPALITIES),
        (_load_topics, root / layout.TOPICS),
        (_load_answers, root / layout.FAQ),
        (_load_pages, root / layout.PAGES),
        (_load_documents, root / layout.SOURCES),
        (_load_events, root / layout.EVENTS),
        (_load_associations, root / layout.ASSOCIATIONS),
        (_load_glossary, root / layout.GLOSSARY),
    ]
    for load, path in steps:
        try:
            load(path, content, problems)
        except Exception as err:  # a last resort: content never ends in a traceback
            problems.add(path, 1, unexpected(err))
    return content, problems


def unexpected(err: Exception) -> str:
    return (
        f"this could not be read ({type(err).__name__}: {str(err)[:200]}); check the file for "
        "unusual characters or structure, and report this message to the maintainers"
    )


def symlink_problems(root: Path) -> Problems:
    """Every symbolic link in content/ and docs/, file or folder: content must be the
    repository's own files (a link could publish, or loop through, anything)."""
    problems = Problems()
    for top in (layout.CONTENT, layout.PAGES):
        base = root / top
        if base.is_symlink():
            problems.add(base, 1, _SYMLINK)
            continue
        for folder, dirs, files in os.walk(base, followlinks=False):
            for name in sorted(dirs + files):
                if (Path(folder) / name).is_symlink():
                    problems.add(Path(folder) / name, 1, _SYMLINK)
    return problems


_SYMLINK = (
    "this is a symbolic link; content files and folders must be ordinary files and folders "
    "of the repository (replace the link with the file or folder itself)"
)


def _load_site(path: Path, content: Content, problems: Problems) -> None:
    doc = _load_yaml(path, problems)
    if doc is None:
        return
    settings = read_model(SiteSettings, doc.data, path, doc.positions, content=content, problems=problems)
    if settings is not None:
        content.site = {name: str(value) for name, value in settings.model_dump().items()}


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
        region = read_model(Region, doc.data, path, doc.positions, content=content, problems=problems)
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


def _load_municipalities(path: Path, content: Content, problems: Problems) -> None:
    meta_path = path.with_name(Path(layout.MUNICIPALITY_NOTES).name)
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
        source = read_model(
            Source,
            doc.data.get("source"),
            meta_path,
            doc.positions.sub("source"),
            content=content,
            problems=problems,
        )
        content.municipality_source = source
        merged = doc.data.get("merged") or []
        if not isinstance(merged, list):
            problems.add(meta_path, doc.positions.line_of(("merged",)), "merged: must be a list")
            merged = []
        for index, item in enumerate(merged):
            positions = doc.positions.sub("merged").sub(index)
            change = read_model(
                MunicipalityChange, item, meta_path, positions, content=content, problems=problems
            )
            if change:
                changes.setdefault(change.merged_into, []).append(change)
    try:
        text = read_text(path)
    except (ContentLoadError, FileNotFoundError) as err:
        problems.add(path, getattr(err, "line", 1), getattr(err, "message", "the file is missing"))
        return
    reader = csv.DictReader(io.StringIO(text))
    try:
        _read_municipality_rows(reader, path, changes, content, problems)
    except csv.Error as err:
        # line_num is the last line of the last row read: the broken row starts after it
        problems.add(path, reader.line_num + 1, f"the table cannot be read as CSV here ({err})")
    for code in changes:
        problems.add(meta_path, 1, f'merged_into "{code}" is not a municipality code in municipalities.csv')


def _read_municipality_rows(
    reader: csv.DictReader[str],
    path: Path,
    changes: dict[str, list[MunicipalityChange]],
    content: Content,
    problems: Problems,
) -> None:
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
        municipality = read_model(Municipality, data, path, positions, content=content, problems=problems)
        if municipality:
            content.municipalities.append(municipality)
            content.municipality_lines[municipality.code] = line


def _load_topics(path: Path, content: Content, problems: Problems) -> None:
    doc = _load_yaml(path, problems)
    if doc is None:
        return
    topics = read_model(TopicsFile, doc.data, path, doc.positions, content=content, problems=problems)
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
        meta = read_model(
            AnswerFrontMatter, doc.front.data, path, doc.front.positions, content=content, problems=problems
        )
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


_PAGE_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _load_pages(docs_dir: Path, content: Content, problems: Problems) -> None:
    for lang in LANGUAGES:
        folder = docs_dir / lang
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if path.suffix != ".md" or not path.is_file():
                problems.add(path, 1, f"only pages (<name>.md files) belong in {layout.PAGES}/{lang}/")
                continue
            slug = "" if path.stem == "index" else path.stem
            problem = page_name_problem(slug)
            if problem:
                problems.add(path, 1, problem)
                continue
            try:
                doc = load_markdown_file(path)
            except ContentLoadError as err:
                problems.add(path, err.line, err.message)
                continue
            front = read_model(
                PageFrontMatter, doc.front.data, path, doc.front.positions, content=content, problems=problems
            )
            if front is not None:
                content.pages[(lang, slug)] = Page(lang, slug, front.title, doc.body, doc.body_line, path)


def page_name_problem(slug: str) -> str | None:
    """Why docs/<lang>/<slug>.md cannot be a page (its name is its address), or None."""
    if slug and (not _PAGE_SLUG.match(slug) or len(slug) > 80):
        return (
            f'the page name "{slug}" must be lower-case letters a-z, digits and single hyphens '
            "(it becomes the page's address): rename the file"
        )
    if slug in RESERVED_PAGE_SLUGS:
        return (
            f'the page name "{slug}" is taken: /{slug}/ is a page or folder the site makes itself; '
            f"rename the file (taken: {', '.join(sorted(RESERVED_PAGE_SLUGS))})"
        )
    return None


_ID_FILE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _id_files(directory: Path, folder: str, problems: Problems) -> Iterator[tuple[Path, YamlDocument]]:
    """The <id>.yml files of a folder where each file is one item and its name is the
    item's id (content/sources/, content/events/), each read as YAML; any other file
    is reported."""
    for path in sorted(directory.glob("*")) if directory.is_dir() else []:
        if path.suffix != ".yml" or not _ID_FILE.fullmatch(path.stem):
            problems.add(
                path,
                1,
                f"{folder}/ holds only <id>.yml files (the id is the file name: "
                "lower-case a-z, 0-9 and single hyphens)",
            )
            continue
        doc = _load_yaml(path, problems)
        if doc is not None:
            yield path, doc


def _load_documents(directory: Path, content: Content, problems: Problems) -> None:
    for path, doc in _id_files(directory, layout.SOURCES, problems):
        document = read_model(
            SourceDocument, doc.data, path, doc.positions, content=content, problems=problems
        )
        if document is not None:
            content.documents[path.stem] = document
            content.document_paths[path.stem] = path


def _load_events(directory: Path, content: Content, problems: Problems) -> None:
    """content/events/<id>.yml: one event a file, its id the file name."""
    for path, doc in _id_files(directory, layout.EVENTS, problems):
        event = read_model(Event, doc.data, path, doc.positions, content=content, problems=problems)
        if event is not None:
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
    content.associations = read_model(
        AssociationsFile, doc.data, path, doc.positions, content=content, problems=problems
    )
    content.associations_positions = doc.positions


def _load_glossary(path: Path, content: Content, problems: Problems) -> None:
    """The glossary's terms (optional: without the file the glossary page is empty)."""
    if not path.exists():
        return
    doc = _load_yaml(path, problems)
    if doc is None:
        return
    glossary = read_model(GlossaryFile, doc.data, path, doc.positions, content=content, problems=problems)
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
