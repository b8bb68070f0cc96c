"""The typed content model: what editors may write, and nothing else.

Pure data types with no I/O and no MkDocs. Every model is closed
(`extra="forbid"`), so an unknown or misspelt field is an error, and every
value is checked on purpose: dates must be written YYYY-MM-DD, URLs must be
http(s), codes and phone numbers stay strings.

The JSON Schemas in `schemas/` are generated from these classes
(`make schemas`) and give editors completion in their editor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .positions import Positions

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
    if "<" in value or ">" in value:
        raise _fail("must be plain text without HTML (< and > are not allowed here)")
    return value


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
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value or "." not in parts.netloc:
        raise _fail(f'must be a full web address starting with https:// (got "{value}")')
    return value


_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def _email(value: str) -> str:
    if not _EMAIL.match(value.strip()):
        raise _fail(f'must be an e-mail address such as kirjaamo@example.fi (got "{value}")')
    return value.strip()


_PHONE = re.compile(r"^\+?[0-9](?:[0-9 ]{4,18})[0-9]$")


def _phone(value: str) -> str:
    if not _PHONE.match(value.strip()):
        raise _fail(
            "must be a phone number of digits and spaces, optionally starting with +, "
            f'written in quotes, for example "+358 9 123 4567" (got "{value}")'
        )
    return value.strip()


def _count(value: object) -> int:
    """A count of things: digits only (YAML gives them as text; no spaces, no signs)."""
    text = str(value).strip()
    if not re.fullmatch(r"\d{1,12}", text):
        raise _fail(f'must be a whole number written with digits only, for example 2027 (got "{value}")')
    return int(text)


def _digits(count: int, what: str, example: str) -> Callable[[str], str]:
    """A validator for a code of exactly `count` digits (kept a string: leading zeros)."""

    def check(value: str) -> str:
        if not re.fullmatch(rf"\d{{{count}}}", value.strip()):
            raise _fail(f'must be {what}, e.g. "{example}" (got "{value}")')
        return value.strip()

    return check


Slug = Annotated[str, AfterValidator(_slug)]
Text = Annotated[str, AfterValidator(_text)]
PlainText = Annotated[str, AfterValidator(_plain_text)]
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Count = Annotated[int, BeforeValidator(_count)]
PartialDate = Annotated[str, AfterValidator(_partial_date)]
Url = Annotated[str, AfterValidator(_url)]
Email = Annotated[str, AfterValidator(_email)]
Phone = Annotated[str, AfterValidator(_phone)]
StatfiCode = Annotated[str, AfterValidator(_digits(2, "the two-digit Statistics Finland code", "08"))]
MunicipalityCode = Annotated[str, AfterValidator(_digits(3, "a three-digit municipality code", "091"))]


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- shared pieces ------------------------------------------------------------


class ByLanguage(Closed):
    """A value with one field per language code."""

    def get(self, lang: str) -> str:
        return str(getattr(self, lang))


class Localized(ByLanguage):
    """A text in both site languages. Markdown inline formatting is allowed."""

    fi: Text
    sv: Text


class LocalizedPlain(ByLanguage):
    """A short plain-text label in both languages (names, titles)."""

    fi: PlainText
    sv: PlainText


class Source(Closed):
    """Where a fact comes from: a page that holds it, and when it was compared with it.

    A source is a web page (`url`) or, for a founding text of the project that has no
    known address, a copy published on this site (`document`: content/sources/<id>.md)."""

    title: PlainText = Field(description="The source's own title, in its own language.")
    url: Url | None = Field(None, description="The page that holds the fact (not a front page).")
    document: Slug | None = Field(
        None,
        description="Instead of url: the id of a copy in content/sources/ (a text with no "
        "known web address, published on this site).",
    )
    checked: IsoDate = Field(
        description="When the fact was last compared with the source's text (the live page or a "
        "stored copy of it, as the About page says); not in the future."
    )
    published: PartialDate | None = Field(
        None, description="The source's own date (year, month or day), where it shows one."
    )

    @model_validator(mode="after")
    def _one_place(self) -> Source:
        if (self.url is None) == (self.document is None):
            raise _fail(
                "a source needs either url (the page that holds the fact) or document "
                "(a copy in content/sources/), not both"
            )
        return self


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
    sv_source_hash: str | None = Field(
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
    name_sv: str | None = None
    language: LanguageStatus
    region: Slug
    former: tuple[MunicipalityChange, ...] = ()

    def name(self, lang: str) -> str:
        return (self.name_sv or self.name_fi) if lang == "sv" else self.name_fi


# --- registered associations per region (PRH) ---------------------------------------


class RegionAssociations(Closed):
    """One region (maakunta) of PRH's table of registered associations: the counts, and
    the counties that lie in it. PRH counts by maakunta, not by county: the four Uusimaa
    counties and Helsinki share Uusimaa's one figure."""

    name: LocalizedPlain = Field(description="The region's (maakunta's) name, fi and sv.")
    total: Count = Field(description="All registered associations (PRH's total).")
    social_health: Count = Field(description="Of those, PRH's main class 3: social and health associations.")
    counties: Annotated[list[Slug], Field(min_length=1)] = Field(
        description="Ids of the counties (content/regions/<id>.yml) that lie in this region."
    )

    @model_validator(mode="after")
    def _part_of_total(self) -> RegionAssociations:
        if self.social_health > self.total:
            raise _fail(f"social_health ({self.social_health}) cannot be larger than total ({self.total})")
        return self


class AssociationsFile(Closed):
    """content/regions/associations.yml: PRH's table of registered associations by region,
    copied with its date and source; every county belongs to exactly one region."""

    as_of: IsoDate = Field(description='The date of PRH\'s table ("Taulukossa tilasto …").')
    source: Source
    regions: Annotated[list[RegionAssociations], Field(min_length=1)]


# --- glossary ---------------------------------------------------------------------


class GlossaryNames(ByLanguage):
    """A term in Finnish, Swedish and English."""

    fi: PlainText
    sv: PlainText
    en: PlainText


class GlossaryTerm(Closed):
    """One term of the glossary page (/sanasto/): the same concept in fi, sv and en."""

    id: Slug = Field(description="Permanent anchor of the term on the glossary page.")
    term: GlossaryNames
    explanation: Localized = Field(description="What the term means, in a sentence or two.")
    sources: list[Source] = Field(
        default_factory=list,
        description="Where the form is statutory or a body's own: the page that uses it.",
    )


class GlossaryFile(Closed):
    """content/glossary.yml: the terms editors and readers use, one rendering each."""

    terms: Annotated[list[GlossaryTerm], Field(min_length=1)]


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
    answer: Text = Field(description="The answer in one clear sentence, shown first.")
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
    source_hash: str | None = Field(
        None,
        description="Swedish file only: fingerprint of the Finnish text this translation "
        "matches; `make translations` shows the current value.",
    )


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


class SourceDocument(Closed):
    """content/sources/<id>.yml: a text cited as a source that has no known web address
    (a founding text of the project). Its page on this site describes it: who published
    it and when, where it is kept, and what it says that the site uses. The text itself
    is not republished (it is not ours, and it names private persons)."""

    title: PlainText = Field(description="The text's own title, in its own language.")
    publisher: PlainText = Field(description="Who published the text.")
    published: PartialDate | None = Field(
        None, description="The text's date (a year, a month or a day), where it is known."
    )
    language: Literal["fi", "sv"] = Field(description="The language the text is written in.")
    kept: Localized = Field(description="Where the text is kept, and why it has no web address.")
    summary: Localized = Field(description="What the text says that the site uses, in our words.")


@dataclass
class Page:
    """A hand-written page (home, about …) in one language, from docs/<lang>/."""

    lang: str
    slug: str  # "" for the home page, else e.g. "tietoa"
    title: str
    body: str
    body_line: int
    path: Path


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
    documents: dict[str, SourceDocument] = dc_field(default_factory=dict)
    document_paths: dict[str, Path] = dc_field(default_factory=dict)
    associations: AssociationsFile | None = None
    associations_positions: Positions = dc_field(default_factory=Positions)
    glossary: list[GlossaryTerm] = dc_field(default_factory=list)
    glossary_positions: Positions = dc_field(default_factory=Positions)
    ui: dict[str, UiString] = dc_field(default_factory=dict)
    ui_positions: Positions = dc_field(default_factory=Positions)
    site: dict[str, str] = dc_field(default_factory=dict)
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

    def associations_of(self, region_id: str) -> RegionAssociations | None:
        """The PRH region (maakunta) a county lies in, or None if the table is missing."""
        if self.associations is None:
            return None
        return next((r for r in self.associations.regions if region_id in r.counties), None)

    def municipalities_of(self, region_id: str) -> list[Municipality]:
        return [m for m in self.municipalities if m.region == region_id]
