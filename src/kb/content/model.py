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

import calendar
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)
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


def partial_date_start(value: str) -> date:
    """The first day a partial date covers: 2023 -> 2023-01-01, 2023-09 -> 2023-09-01."""
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def partial_date_end(value: str) -> date:
    """The last day a partial date covers: 2025 -> 2025-12-31, 2025-05 -> 2025-05-31."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    month = parts[1] if len(parts) == 2 else 12
    return date(parts[0], month, calendar.monthrange(parts[0], month)[1])


def _url(value: str) -> str:
    value = value.strip()
    problem = url_problem(value)
    if problem:
        raise _fail(problem)
    return value


def _year(value: object) -> int:
    """A year written as text ("2027"): YAML implicit typing is off, so it arrives as a string."""
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if not re.fullmatch(r"\d{4}", text) or not 2000 <= int(text) <= 2100:
        raise _fail(f'must be a year written with four digits, for example "2027" (got "{value}")')
    return int(text)


def _euros(value: object) -> int:
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if not re.fullmatch(r"[1-9]\d{0,11}", text):
        raise _fail(
            f'must be a whole number of euros written with digits only, for example "330000" (got "{value}")'
        )
    return int(text)


def _clock_time(value: str) -> str:
    value = value.strip()
    match = re.fullmatch(r"(\d{2}):(\d{2})", value)
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise _fail(
            f'must be a time of day written HH:MM in Helsinki time, for example "16:00" (got "{value}")'
        )
    return value


# Sites whose front page itself is the source of a fact: a one-page site, where the
# front page is the only page that says it. Every other source must be the page that
# holds the fact (a press release, a decision, the county's page on the matter): a
# site's front page changes, and a reader cannot find the fact from it. Add a site
# here only with a comment that says which fact its front page holds, and why no
# deeper page exists. Keys are host names as written in the URL.
FRONT_PAGE_SOURCES: dict[str, str] = {
    # Varsinais-Suomen Järjestöfoorumi: the site's front page is where the forum's
    # third roadmap (2023–2025) and the chair of the järjestöjaosto for 2022–2025
    # are stated; no deeper page of the site says it (research 2026-12-03).
    "www.järjestöfoorumi.fi": "Varsinais-Suomen Järjestöfoorumi",
}


def is_front_page(url: str) -> bool:
    """A site's front page: the path is empty or "/" and there is no query."""
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


def _source_url(value: str) -> str:
    value = _url(value)
    host = urlsplit(value).hostname or ""
    if is_front_page(value) and host not in FRONT_PAGE_SOURCES:
        raise _fail(
            f'"{value}" is a site\'s front page: give the address of the page that holds the '
            "fact (a press release, a decision, the county's page on the matter), so that a "
            "reader can open it. If the front page itself holds the fact, add the site to "
            "FRONT_PAGE_SOURCES in src/kb/content/model.py with the reason"
        )
    return value


def _yes_no(value: object) -> bool:
    """true or false: YAML implicit typing is off, so `online: true` arrives as text."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip() in ("true", "false"):
        return value.strip() == "true"
    raise _fail(f'must be true or false (got "{value}")')


def _local_time(value: object) -> date | datetime:
    """A local (Helsinki) date and time written "2021-08-25 13:00", or only the date
    ("2021-08-25") when the source gives no time."""
    if isinstance(value, (date, datetime)):
        return value
    text = value.strip() if isinstance(value, str) else ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return _iso_date(text)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", text):
        raise _fail(
            "must be a date and a time in Helsinki time written YYYY-MM-DD HH:MM, for example "
            f'"2021-08-25 13:00", or only the date when no time is published (got "{value}")'
        )
    day = _iso_date(text[:10])
    hour, minute = (int(part) for part in text[11:].split(":"))
    if hour > 23 or minute > 59:
        raise _fail(f'"{value}" is not a real time of day (HH:MM, 00:00–23:59)')
    return datetime(day.year, day.month, day.day, hour, minute)


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
Count = Annotated[int, BeforeValidator(_count)]
PartialDate = Annotated[str, AfterValidator(_partial_date)]
Url = Annotated[str, AfterValidator(_url)]
SourceUrl = Annotated[str, AfterValidator(_source_url)]
Email = Annotated[str, AfterValidator(_email)]
Phone = Annotated[str, AfterValidator(_phone)]
StatfiCode = Annotated[str, AfterValidator(_digits(2, "the two-digit Statistics Finland code", "08"))]
MunicipalityCode = Annotated[str, AfterValidator(_digits(3, "a three-digit municipality code", "091"))]
GrantYear = Annotated[
    int,
    BeforeValidator(_year),
    WithJsonSchema({"type": ["string", "integer"], "pattern": "^[0-9]{4}$", "examples": ["2027"]}),
]
Euros = Annotated[
    int, BeforeValidator(_euros), WithJsonSchema({"type": ["string", "integer"], "pattern": "^[1-9][0-9]*$"})
]
ClockTime = Annotated[str, AfterValidator(_clock_time)]
YesNo = Annotated[
    bool,
    BeforeValidator(_yes_no),
    WithJsonSchema({"type": ["boolean", "string"], "enum": [True, False, "true", "false"]}),
]
LocalTime = Annotated[
    datetime | date,
    BeforeValidator(_local_time),
    WithJsonSchema({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2})?$"}),
]


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
    """Where a fact comes from: a page that holds it, and when it was compared with it.

    A source is a web page (`url`) or, for a founding text of the project that has no
    known address, a copy published on this site (`document`: content/sources/<id>.md)."""

    title: PlainText = Field(description="The source's own title, in its own language.")
    url: SourceUrl | None = Field(None, description="The page that holds the fact (not a site's front page).")
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
    "language_committee",  # kansalliskielilautakunta, saamen kielen lautakunta (statutory)
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
    decided_by_as_of: PartialDate | None = Field(
        None,
        description="With decided_by: the date (or month, or year) of the newest source that "
        "names this body as the one deciding, e.g. the decision's date. Shown beside the body.",
    )
    since: PartialDate | None = Field(None, description="When the structure started.")
    valid_from: PartialDate | None = Field(
        None, description="Start of the term or period the description is about (with valid_until)."
    )
    valid_until: PartialDate | None = Field(
        None,
        description="End of the term or period (a year means its last day). After it the page "
        "says the term has ended, and `make stale` lists the structure.",
    )
    url: Url | None = None
    sources: Sources


class Contact(Closed):
    """A role, never a named person. E-mail and phone only if public and organisational."""

    id: Slug
    role: LocalizedPlain
    organisation: LocalizedPlain
    url: Url | None = Field(None, description="The organisation's page for this matter.")
    email: Email | None = Field(None, description="An organisational address, never a person's.")
    phone: Phone | None = Field(None, description="A service or switchboard number, never a person's.")
    postal_address: PlainText | None = Field(
        None, description='A postal address as one line, e.g. "PL 400, 87070 Kainuu".'
    )
    sources: Sources


# --- grant rounds (in the county files) and events (content/events/) -------------

GrantKind = Literal[
    "general",  # yleisavustus, toiminta-avustus / allmänt understöd, verksamhetsunderstöd
    "partnership",  # kumppanuusavustus / partnerskapsunderstöd
    "project",  # hanke- tai kehittämisavustus / projekt- eller utvecklingsunderstöd
    "targeted",  # kohdennettu avustus / riktat understöd
    "one_off",  # kerta-avustus, innovaatioraha / engångsunderstöd
]

BudgetBasis = Literal[
    "appropriation",  # määräraha: what the budget reserved for the grants
    "granted",  # what was granted in all, after the decisions
]


class Budget(Closed):
    """The money of a round, only where a source gives it: an amount and its year."""

    amount_eur: Euros = Field(description='Whole euros, digits only, e.g. "330000".')
    year: GrantYear = Field(description="The year the amount is for.")
    basis: BudgetBasis = Field(
        description="appropriation: the sum reserved in the budget; granted: the sum granted in all."
    )


class Decision(Closed):
    """When the grants of a round were decided, or when the decisions were expected.
    Exactly one of the three."""

    made: PartialDate | None = Field(
        None,
        description="When the decisions were made: the day (2026-02-09), or the month (2026-01) "
        "where the source gives no day.",
    )
    expected: PartialDate | None = Field(
        None, description="When the decisions were expected: a year, a month (2026-02) or a day."
    )
    expected_text: LocalizedPlain | None = Field(
        None, description='When the decisions were expected, in words, e.g. fi: "28.2.2024 mennessä".'
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> Decision:
        given = [v for v in (self.made, self.expected, self.expected_text) if v is not None]
        if len(given) != 1:
            raise _fail(
                "write exactly one of made (when the decisions were made), expected (a year, "
                "month or day they were expected) or expected_text (the expected time in words)"
            )
        return self


class GrantRound(Closed):
    """One application round of a county's grants: its window, what it covers, who decides."""

    id: Slug = Field(
        description="Permanent anchor of the round on the county page and the stable part of its "
        "calendar entries; never change it."
    )
    grant_year: GrantYear = Field(
        description='The year the grants are for, written "2027". A round for the year Y opens in '
        "Y-1 or Y and closes by the end of Y."
    )
    kinds: list[GrantKind] = Field(
        default_factory=list,
        description="The kinds of grant the round covers; empty when the source does not say.",
    )
    name: LocalizedPlain = Field(
        description="The county's own name of the round or grant (its own Swedish name where it has one)."
    )
    opens: IsoDate | None = Field(
        None,
        description="First day of the application period. May be left out only for a round that has "
        "closed when its opening day was not published.",
    )
    closes: IsoDate = Field(description="Last day of the application period.")
    closes_time: ClockTime | None = Field(
        None, description='The closing time on the last day, Helsinki time, "HH:MM".'
    )
    decided_by: LocalizedPlain | None = Field(None, description="The body that decides the grants.")
    decision: Decision | None = None
    budget: Budget | None = None
    url: Url = Field(description="The application page, or the page that announces the round.")
    note: Localized | None = Field(None, description="A short remark, e.g. that the round was reopened.")
    sources: Sources


# Conditions of a county's grants that applicants ask about (the comparison page,
# /vertailu/). Each is recorded only where a source states it.
EligibilityRuleId = Literal[
    "registered-in-area",  # the applicant must be registered or act in the county
    "multi-municipality",  # the activity must reach more than one municipality
    "open-to-non-members",  # the activity must be open to others than members
    "service-listing",  # the activity must be described in Lähellä.fi or Suomi.fi (SDL/PTV)
]


class EligibilityRule(Closed):
    """One condition of a county's grants as its source states it, for one grant year."""

    rule: EligibilityRuleId
    required: YesNo = Field(description="true: the county requires it; false: the source says it does not.")
    grant_year: GrantYear = Field(description="The grant year the source states the condition for.")
    note: Localized | None = Field(None, description="What exactly the source says, in short.")
    sources: Sources


class Region(Closed):
    """A wellbeing services county, or the City of Helsinki. One file each."""

    id: Slug
    statfi_code: StatfiCode
    kind: Literal["county", "city"]
    name: RegionName
    short_name: LocalizedPlain | None = Field(
        None,
        description="The area's own name without 'wellbeing services county', for tiles and "
        "short lists (Etelä-Karjala / Södra Karelen); the full name is used without it.",
    )
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
    grant_rounds: list[GrantRound] = Field(
        default_factory=list,
        description="The county's grant application rounds (the calendar); write them just before sources.",
    )
    eligibility: list[EligibilityRule] = Field(
        default_factory=list,
        description="Conditions of the county's grants that its sources state (the comparison page).",
    )
    sources: Sources
    reviewed: IsoDate
    sv_source_hash: Fingerprint | None = Field(
        None,
        description="Fingerprint of the Finnish texts the Swedish texts were checked "
        "against; `make translations` shows the current value.",
    )


EventLanguage = Literal["fi", "sv", "en"]


class Event(Closed):
    """content/events/<id>.yml: a webinar, an information session on a grant round, a
    seminar … for NGOs. The id is the file name. Times are Helsinki time."""

    title: LocalizedPlain
    description: Localized
    starts: LocalTime = Field(
        description='Helsinki time, "YYYY-MM-DD HH:MM"; only the date when no time is published.'
    )
    ends: LocalTime | None = Field(
        None, description="Written like starts; leave out when the source gives no end."
    )
    online: YesNo = Field(False, description="true when the event is held online (also if it has a place).")
    place: LocalizedPlain | None = Field(None, description="Where it is held, when not only online.")
    organiser: LocalizedPlain = Field(description="The organisation that holds it, never a person.")
    languages: list[EventLanguage] = Field(
        default_factory=list, description="The languages it is held in; empty when the source does not say."
    )
    url: Url | None = Field(None, description="Registration or information page, where one is known.")
    regions: list[Slug] = Field(
        default_factory=list, description="Counties the event concerns; empty = national."
    )
    sources: Sources


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


@dataclass(frozen=True)
class ContentFile:
    """A model read from a file, with the lines of its values: the rules across files walk
    every such file (editor_texts, models_in) to check what any model holds."""

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
    documents: dict[str, SourceDocument] = dc_field(default_factory=dict)
    document_paths: dict[str, Path] = dc_field(default_factory=dict)
    events: dict[str, Event] = dc_field(default_factory=dict)  # id (the file name) -> event
    event_paths: dict[str, Path] = dc_field(default_factory=dict)
    event_positions: dict[str, Positions] = dc_field(default_factory=dict)
    associations: AssociationsFile | None = None
    associations_positions: Positions = dc_field(default_factory=Positions)
    glossary: list[GlossaryTerm] = dc_field(default_factory=list)
    glossary_positions: Positions = dc_field(default_factory=Positions)
    ui: dict[str, UiString] = dc_field(default_factory=dict)
    ui_positions: Positions = dc_field(default_factory=Positions)
    site: dict[str, str] = dc_field(default_factory=dict)
    files: list[ContentFile] = dc_field(default_factory=list)  # every model read from a file
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
