"""The typed content model: what editors may write, and nothing else.

Pure data types with no I/O and no MkDocs. Every model is closed
(`extra="forbid"`), so an unknown or misspelt field is an error, and every
value is checked on purpose: dates must be written YYYY-MM-DD, URLs must be
https (addresses.py), codes and phone numbers stay strings, no list holds the
same item twice.

Every text an editor writes has one of three types, and its type says how it is
published and checked (html_policy.py), wherever a model uses it:

    MarkdownText      block Markdown (`Localized`), judged by the HTML policy
    MarkdownSentence  one paragraph of inline Markdown (the one-sentence `answer:`)
    PlainText         escaped where shown; no markup, character references or controls

`editor_texts(model)` finds them in any model by these types (TextKind), so a new
model that uses them is checked without a list of field names.

The JSON Schemas in `schemas/` are generated from these classes
(`make schemas`) and give editors completion in their editor.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from . import html_policy
from .addresses import email_problem, url_problem
from .positions import Key, Positions

LANGUAGES: tuple[str, ...] = ("fi", "sv")
DEFAULT_LANGUAGE = "fi"


def _fail(message: str) -> PydanticCustomError:
    return PydanticCustomError("content", message)


# --- scalar types -----------------------------------------------------------

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _slug(value: str) -> str:
    if not _SLUG.match(value) or len(value) > 80:
        raise _fail(
            "must be an id of lower-case letters a-z, digits and single hyphens "
            "(no ä, ö, å or spaces), for example kumppanuusavustus"
        )
    return value


def _text(value: str) -> str:
    if not value.strip():
        raise _fail("must not be empty")
    return value.strip()


def _plain_text(value: str) -> str:
    value = _text(value)
    problem = html_policy.plain_text_problem(value)
    if problem:
        raise _fail(problem)
    return value


def _markdown(policy: html_policy.Policy) -> Callable[[str], str]:
    """A validator: the text, rendered as the site renders it, passes the HTML policy."""

    def check(value: str) -> str:
        value = _text(value)
        finding = html_policy.judge_markdown(value, policy)
        if finding:
            raise _fail(finding.message)
        return value

    return check


def _iso_date(value: object) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise _fail(f'must be a date written YYYY-MM-DD, for example 2026-11-22 (got "{value}")')
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise _fail(f'"{value}" is not a real calendar date (YYYY-MM-DD)') from None


def _partial_date(value: str) -> str:
    value = value.strip()
    if not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value):
        raise _fail(f'must be a year (2023), a month (2023-09) or a date (2023-09-28); got "{value}"')
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise _fail(f'"{value}" is not a real calendar date') from None
    return value


def _url(value: str) -> str:
    value = value.strip()
    problem = url_problem(value)
    if problem:
        raise _fail(problem)
    return value


def _email(value: str) -> str:
    problem = email_problem(value.strip())
    if problem:
        raise _fail(problem)
    return value.strip()


def _fingerprint(value: str) -> str:
    if not re.fullmatch(r"[0-9a-f]{12}", value.strip()):
        raise _fail(f'must be the 12-character fingerprint that `make translations` shows (got "{value}")')
    return value.strip()


def _branch(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,99}", value.strip()) or ".." in value:
        raise _fail(f'must be a branch name of letters, digits, ".", "_", "/" and "-" (got "{value}")')
    return value.strip()


_PHONE = re.compile(r"^\+?[0-9](?:[0-9 ]{4,18})[0-9]$")


def _phone(value: str) -> str:
    if not _PHONE.match(value.strip()):
        raise _fail(
            "must be a phone number of digits and spaces, optionally starting with +, "
            f'written in quotes, for example "+358 9 123 4567" (got "{value}")'
        )
    return value.strip()


def _digits(count: int, what: str, example: str) -> Callable[[str], str]:
    """A validator for a code of exactly `count` digits (kept a string: leading zeros)."""

    def check(value: str) -> str:
        if not re.fullmatch(rf"\d{{{count}}}", value.strip()):
            raise _fail(f'must be {what}, e.g. "{example}" (got "{value}")')
        return value.strip()

    return check


@dataclass(frozen=True)
class TextKind:
    """Marks a text type with how it is published: "markdown", "sentence" or "plain"."""

    name: str


MARKDOWN_TEXT, SENTENCE_TEXT, PLAIN_TEXT = TextKind("markdown"), TextKind("sentence"), TextKind("plain")

Slug = Annotated[str, AfterValidator(_slug)]
Text = Annotated[str, AfterValidator(_text)]  # a label's text: its kind is declared in labels.py
PlainText = Annotated[str, AfterValidator(_plain_text), PLAIN_TEXT]
MarkdownText = Annotated[str, AfterValidator(_markdown(html_policy.MARKDOWN)), MARKDOWN_TEXT]
MarkdownSentence = Annotated[str, AfterValidator(_markdown(html_policy.SENTENCE)), SENTENCE_TEXT]
Fingerprint = Annotated[str, AfterValidator(_fingerprint)]
BranchName = Annotated[str, AfterValidator(_branch)]
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
PartialDate = Annotated[str, AfterValidator(_partial_date)]
Url = Annotated[str, AfterValidator(_url)]
Email = Annotated[str, AfterValidator(_email)]
Phone = Annotated[str, AfterValidator(_phone)]
StatfiCode = Annotated[str, AfterValidator(_digits(2, "the two-digit Statistics Finland code", "08"))]
MunicipalityCode = Annotated[str, AfterValidator(_digits(3, "a three-digit municipality code", "091"))]


def _identity(item: object) -> str | None:
    """What makes two list items the same: a text (case aside); a source's title and
    address (two press releases on one news site are two sources). Items with ids
    (structures, contacts) are compared by the rules, which name the id."""
    if isinstance(item, str):
        return item.strip().casefold()
    if isinstance(item, Source):
        return f"{item.title.casefold()}\n{item.url}"
    return None


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="after")
    @classmethod
    def _listed_once(cls, value: object) -> object:
        """No list holds the same keyword, county, alias, name or source twice."""
        if isinstance(value, (list, tuple)):
            seen: set[str] = set()
            for item in value:
                identity = _identity(item)
                if identity is None:
                    continue
                if identity in seen:
                    shown = item if isinstance(item, str) else f"{item.title}, {item.url}"
                    raise _fail(f'"{shown}" is listed twice; keep it once')
                seen.add(identity)
        return value


# --- shared pieces ------------------------------------------------------------


class ByLanguage(Closed):
    """A value with one field per language code."""

    def get(self, lang: str) -> str:
        return str(getattr(self, lang))


class Localized(ByLanguage):
    """A text in both site languages, in Markdown (paragraphs, lists, links, emphasis)."""

    fi: MarkdownText
    sv: MarkdownText


class LocalizedPlain(ByLanguage):
    """A short plain-text label in both languages (names, titles)."""

    fi: PlainText
    sv: PlainText


class Source(Closed):
    """Where a fact comes from: a page that holds it, and when it was compared with it."""

    title: PlainText = Field(description="The source's own title, in its own language.")
    url: Url
    checked: IsoDate = Field(
        description="When the fact was last compared with the source's text (the live page or a "
        "stored copy of it, as the About page says); not in the future."
    )
    published: PartialDate | None = Field(
        None, description="The source's own date (year, month or day), where it shows one."
    )


Sources = Annotated[list[Source], Field(min_length=1)]


# --- regions (wellbeing services counties and the City of Helsinki) ---------------

StructureType = Literal[
    "network_organisation",  # regional network NGO / umbrella association
    "advisory_board",  # järjestöneuvottelukunta and similar
    "partnership_table",  # kumppanuuspöytä / partnerskapsbord
    "influence_body",  # vaikuttamistoimielin / påverkansorgan
    "forum",  # open järjestöfoorumi and similar
    "grant_programme",  # järjestöavustukset / organisationsunderstöd
    "cooperation_document",  # järjestöyhteistyön asiakirja, tiekartta, suunnitelma
]  # contact roles (järjestökoordinaattori …) are `contacts`, not structures

LanguageStatus = Literal["fi", "fi+sv", "sv+fi"]


class RegionName(ByLanguage):
    fi: PlainText
    sv: PlainText
    en: PlainText


class CooperationStructure(Closed):
    """One way a county and NGOs work together (a board, a grant, a document …)."""

    id: Slug = Field(description="Permanent anchor of this structure on the county page.")
    type: StructureType
    name: LocalizedPlain
    description: Localized
    decided_by: LocalizedPlain | None = Field(
        None, description="For grant programmes: the body that decides the grants."
    )
    since: PartialDate | None = None
    url: Url | None = None
    sources: Sources


class Contact(Closed):
    """A role, never a named person. E-mail and phone only if public and organisational."""

    id: Slug
    role: LocalizedPlain
    organisation: LocalizedPlain
    url: Url | None = Field(None, description="The organisation's contact page.")
    email: Email | None = None
    phone: Phone | None = None
    sources: Sources


class Region(Closed):
    """A wellbeing services county, or the City of Helsinki. One file each."""

    id: Slug
    statfi_code: StatfiCode
    kind: Literal["county", "city"]
    name: RegionName
    brand_name: PlainText | None = Field(None, description="Short or brand name, e.g. Pirha.")
    other_names: list[PlainText] = Field(
        default_factory=list,
        description="Other names readers may search for (predecessor authorities, abbreviations).",
    )
    website: Url
    website_sv: Url | None = None
    language: LanguageStatus
    summary: Localized | None = None
    structures: list[CooperationStructure] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    sources: Sources
    reviewed: IsoDate
    sv_source_hash: Fingerprint | None = Field(
        None,
        description="Fingerprint of the Finnish texts the Swedish texts were checked "
        "against; `make translations` shows the current value.",
    )


class MunicipalityChange(Closed):
    """A municipality that no longer exists, so readers searching for it still find it."""

    name: LocalizedPlain
    merged_into: MunicipalityCode
    date: IsoDate
    sources: Sources


class Municipality(Closed):
    code: MunicipalityCode
    name_fi: PlainText
    name_sv: PlainText | None = None
    language: LanguageStatus
    region: Slug
    former: tuple[MunicipalityChange, ...] = ()

    def name(self, lang: str) -> str:
        return (self.name_sv or self.name_fi) if lang == "sv" else self.name_fi


# --- FAQ ------------------------------------------------------------------------


class Topic(Closed):
    id: Slug
    name: LocalizedPlain
    description: Localized


class TopicsFile(Closed):
    topics: Annotated[list[Topic], Field(min_length=1)]


class AnswerFrontMatter(Closed):
    """Front matter of one answer file (`<id>.fi.md` or `<id>.sv.md`)."""

    id: Slug = Field(
        description="Permanent id: the answer's URL is /ukk/<id>/. Never change it; "
        "if you must, keep the old id in aliases."
    )
    topic: Slug
    question: PlainText
    answer: MarkdownSentence = Field(description="The answer in one clear sentence, shown first.")
    regions: list[Slug] = Field(
        default_factory=list, description="Counties the answer concerns; empty = national."
    )
    keywords: Annotated[list[PlainText], Field(min_length=1)] = Field(
        description="Search words in base form, including parts of compound words."
    )
    reviewed: IsoDate
    sources: Sources
    aliases: list[Slug] = Field(
        default_factory=list, description="Earlier ids of this answer; their URLs redirect here."
    )
    source_hash: Fingerprint | None = Field(
        None,
        description="Swedish file only: fingerprint of the Finnish text this translation "
        "matches; `make translations` shows the current value.",
    )


class SiteSettings(Closed):
    """content/site.yml: the settings that are not labels."""

    repository_url: Url = Field(description="Where the sources live, for the edit links.")
    branch: BranchName = "main"


class PageFrontMatter(Closed):
    """Front matter of a hand-written page (docs/<lang>/<slug>.md)."""

    title: PlainText


class UiString(ByLanguage):
    """One label of content/ui.yml (kb/content/labels.py declares which labels exist)."""

    fi: Text
    sv: Text


# --- assembled content (built by load.py, used by the pages and outputs) ----------


@dataclass
class AnswerText:
    """One language version of an answer, as written in its file."""

    lang: str
    meta: AnswerFrontMatter
    body: str
    body_line: int
    path: Path
    positions: Positions  # line numbers of the front-matter fields


@dataclass
class Answer:
    """An answer in both languages, paired by id (never by file path)."""

    id: str
    texts: dict[str, AnswerText] = dc_field(default_factory=dict)

    @property
    def primary(self) -> AnswerText:
        return self.texts.get(DEFAULT_LANGUAGE) or next(iter(self.texts.values()))

    @property
    def topic(self) -> str:
        return self.primary.meta.topic

    @property
    def regions(self) -> list[str]:
        return self.primary.meta.regions

    @property
    def aliases(self) -> list[str]:
        return self.primary.meta.aliases

    def path_for(self, lang: str) -> Path:
        """The file of the `lang` version: where it is, or where a missing one belongs."""
        if lang in self.texts:
            return self.texts[lang].path
        return self.primary.path.with_name(f"{self.id}.{lang}.md")


@dataclass
class Page:
    """A hand-written page (home, about …) in one language, from docs/<lang>/."""

    lang: str
    slug: str  # "" for the home page, else e.g. "tietoa"
    title: str
    body: str
    body_line: int
    path: Path


@dataclass(frozen=True)
class Document:
    """A model read from a file, with the lines of its values: the rules across files walk
    every document (editor_texts, models_in) to check what any model holds."""

    path: Path
    positions: Positions
    model: BaseModel


@dataclass
class Content:
    """Everything the site is built from."""

    regions: dict[str, Region] = dc_field(default_factory=dict)
    region_paths: dict[str, Path] = dc_field(default_factory=dict)
    region_positions: dict[str, Positions] = dc_field(default_factory=dict)  # id -> lines
    municipalities: list[Municipality] = dc_field(default_factory=list)
    municipality_source: Source | None = None
    municipality_lines: dict[str, int] = dc_field(default_factory=dict)  # code -> CSV line
    topics: dict[str, Topic] = dc_field(default_factory=dict)
    answers: dict[str, Answer] = dc_field(default_factory=dict)
    pages: dict[tuple[str, str], Page] = dc_field(default_factory=dict)
    ui: dict[str, UiString] = dc_field(default_factory=dict)
    ui_positions: Positions = dc_field(default_factory=Positions)
    site: dict[str, str] = dc_field(default_factory=dict)
    documents: list[Document] = dc_field(default_factory=list)  # every model read from a file
    root: Path = Path(".")

    def source_path(self, path: Path) -> str:
        """A content file's path as it is in the repository (for edit links)."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def t(self, key: str, lang: str) -> str:
        """A UI label from content/ui.yml."""
        return getattr(self.ui[key], lang)

    def municipalities_of(self, region_id: str) -> list[Municipality]:
        return [m for m in self.municipalities if m.region == region_id]


# --- finding values by their type in any model ---------------------------------------------


def _kind_of(annotation: object, metadata: typing.Iterable[object] = ()) -> TextKind | None:
    """The TextKind in a field's metadata or anywhere in its annotation (X | None, list[X])."""
    for item in metadata:
        if isinstance(item, TextKind):
            return item
    if typing.get_origin(annotation) is Annotated:
        return _kind_of(None, typing.get_args(annotation)[1:]) or _kind_of(typing.get_args(annotation)[0])
    for arg in typing.get_args(annotation):
        found = _kind_of(arg)
        if found:
            return found
    return None


def editor_texts(model: BaseModel, where: Key = ()) -> typing.Iterator[tuple[Key, TextKind, str]]:
    """Every text an editor wrote in `model`, with its place (a Positions key) and kind."""
    for name, info in type(model).model_fields.items():
        kind = _kind_of(info.annotation, info.metadata)
        yield from _texts_in(getattr(model, name), kind, (*where, name))


def _texts_in(value: object, kind: TextKind | None, where: Key) -> typing.Iterator[tuple[Key, TextKind, str]]:
    if isinstance(value, str) and kind is not None:
        yield where, kind, value
    elif isinstance(value, BaseModel):
        yield from editor_texts(value, where)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _texts_in(item, kind, (*where, index))


def models_in(model: BaseModel, where: Key = ()) -> typing.Iterator[tuple[Key, BaseModel]]:
    """`model` and every model inside it, each with its place."""
    yield where, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = list(enumerate(value)) if isinstance(value, (list, tuple)) else [(None, value)]
        for index, item in items:
            if isinstance(item, BaseModel):
                yield from models_in(item, (*where, name) if index is None else (*where, name, index))
