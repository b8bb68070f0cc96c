"""Open data in site/data/: the content as JSON and CSV, with schemas and a data package.

    regions.json, regions.csv      counties with structures, contacts (roles only), sources
    municipalities.csv             every municipality and its county
    faq.json                       topics and answers, both languages
    grant-rounds.json, .csv        every county's grant rounds, with their status on the
                                   build date (kb/content/calendar.py)
    events.json, events.csv        events for NGOs, past ones included
    *.schema.json                  JSON Schemas of the JSON files
    datapackage.json               Frictionless Data Package: every file, its CSV
                                   columns, licence and sources

The shape of every record is a pydantic model below: the records are validated as
they are built, and the published JSON Schemas and the data package's column
descriptions are generated from the same models, so they cannot disagree.
URLs are absolute (the files are used away from the site).
"""

from __future__ import annotations

import csv
import io
import json
import types
import typing
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from kb.config import HELSINKI, SiteConfig
from kb.content import calendar as cal
from kb.content.comparison import RULES, answer_key, comparison
from kb.content.links import OPEN_DATA_FILES
from kb.content.model import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Answer,
    ByLanguage,
    Content,
    Event,
    GrantRound,
    Region,
    Source,
)
from kb.pages import urls

CONTENT_LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
CONTENT_LICENCE_SHORT = "CC BY 4.0"  # how the licence is named in attributions


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Texts(Record):
    fi: str
    sv: str


class Names(Record):
    fi: str
    sv: str
    en: str


class SourceRecord(Record):
    title: str = Field(description="The source's own title, in its own language")
    url: str = Field(description="The page that holds the fact")
    checked: date = Field(description="When the fact was last compared with the source's text")
    published: str | None = Field(description="The source's own date: year, month or day")


class StructureRecord(Record):
    id: str = Field(description="Anchor on the county page: <page>#<id>")
    type: str = Field(description="Kind of structure (advisory_board, grant_programme, …)")
    name: Texts
    description: Texts = Field(description="Markdown")
    decided_by: Texts | None = Field(description="For grant programmes: the deciding body")
    decided_by_as_of: str | None = Field(
        description="Date (year, YYYY-MM or date) of the newest source naming the deciding body"
    )
    since: str | None = Field(description="Year, month (YYYY-MM) or date")
    valid_from: str | None = Field(description="Start of the term or period: year, YYYY-MM or date")
    valid_until: str | None = Field(description="End of the term or period: year, YYYY-MM or date")
    url: str | None = Field(description="More information")
    sources: list[SourceRecord]


class ContactRecord(Record):
    id: str = Field(description="Anchor on the county page: <page>#<id>")
    role: Texts = Field(description="A role or a service, never a person")
    organisation: Texts
    url: str | None = Field(description="Contact page")
    email: str | None = Field(description="Organisational e-mail address")
    phone: str | None = Field(description="Organisational phone number")
    postal_address: str | None = Field(description="Organisational postal address, one line")
    sources: list[SourceRecord]


class EligibilityRecord(Record):
    rule: str = Field(
        description="registered-in-area, multi-municipality, open-to-non-members or service-listing"
    )
    required: bool = Field(description="true: required; false: the source says it is not")
    grant_year: int = Field(description="The grant year the source states the condition for")
    note: Texts | None = Field(description="What the source says, in short (Markdown)")
    sources: list[SourceRecord]


class RegionRecord(Record):
    id: str = Field(description="Permanent id; the county's page is /alueet/<id>/")
    statfi_code: str = Field(description="Statistics Finland's two-digit code")
    kind: Literal["county", "city"] = Field(description="county, or the City of Helsinki")
    name: Names
    brand_name: str | None = Field(description="Short or brand name")
    other_names: list[str] = Field(description="Other names readers may search for")
    language: Literal["fi", "fi+sv", "sv+fi"] = Field(
        description="fi = Finnish-speaking; fi+sv / sv+fi = bilingual, majority first"
    )
    website: str
    website_sv: str | None
    summary: Texts | None = Field(description="Markdown")
    municipalities: list[str] = Field(description="Municipality codes (municipalities.csv)")
    structures: list[StructureRecord]
    contacts: list[ContactRecord]
    eligibility: list[EligibilityRecord] = Field(description="Conditions of the county's grants, as sourced")
    sources: list[SourceRecord]
    reviewed: date = Field(description="When the county's information was last checked")
    pages: Texts = Field(description="The county's page on this site")


class Document(Record):
    model_config = ConfigDict(populate_by_name=True)
    schema_: str = Field(alias="$schema", description="This file's JSON Schema")
    license: str = Field(description="Licence URL")
    attribution: str = Field(description="How to credit the source")


class RegionsDocument(Document):
    regions: list[RegionRecord]


class AnswerVersion(Record):
    question: str
    answer: str = Field(description="The answer in one sentence, Markdown")
    body_markdown: str = Field(description="The full answer, Markdown with absolute links")
    keywords: list[str]
    reviewed: date
    sources: list[SourceRecord]
    url: str = Field(description="The answer's page on this site")


class AnswerRecord(Record):
    id: str = Field(description="Permanent id; the page is /ukk/<id>/")
    topic: str
    regions: list[str] = Field(description="County ids (regions.json); empty: national")
    aliases: list[str] = Field(description="Earlier ids that still redirect here")
    fi: AnswerVersion
    sv: AnswerVersion


class TopicRecord(Record):
    id: str
    name: Texts
    description: Texts = Field(description="Markdown")
    pages: Texts


class FaqDocument(Document):
    topics: list[TopicRecord]
    answers: list[AnswerRecord]


class DecisionRecord(Record):
    made: str | None = Field(description="When the decisions were made: a day, or a month")
    expected: str | None = Field(description="When the decisions were expected: year, month or day")
    expected_text: Texts | None = Field(description="When the decisions were expected, in words")


class BudgetRecord(Record):
    amount_eur: int = Field(description="Whole euros")
    year: int = Field(description="The year the amount is for")
    basis: Literal["appropriation", "granted"] = Field(
        description="appropriation: reserved in the budget; granted: granted in all"
    )


class GrantRoundRecord(Record):
    id: str = Field(description="Permanent id within the county; the round's anchor on the county page")
    region: str = Field(description="The county's id (regions.json)")
    grant_year: int = Field(description="The year the grants are for")
    kinds: list[Literal["general", "partnership", "project", "targeted", "one_off"]]
    name: Texts = Field(description="The county's own name of the round")
    opens: date | None = Field(description="First day of the application period; null if not published")
    closes: date = Field(description="Last day of the application period")
    closes_time: str | None = Field(description="Closing time on the last day, HH:MM, Europe/Helsinki")
    decided_by: Texts | None = Field(description="The deciding body")
    decision: DecisionRecord | None
    budget: BudgetRecord | None
    url: str = Field(description="The application page, or the page that announces the round")
    note: Texts | None = Field(description="Markdown")
    status: Literal["upcoming", "open", "closing_soon", "closed"] = Field(
        description="On status_date; closing_soon = the last 14 days, the last day included"
    )
    sources: list[SourceRecord]
    pages: Texts = Field(description="The round on the county's page on this site")


class GrantRoundsDocument(Document):
    status_date: date = Field(description="The build date the statuses were computed for")
    grant_rounds: list[GrantRoundRecord]


class EventRecord(Record):
    id: str = Field(description="Permanent id; the event's anchor on the calendar page")
    title: Texts
    description: Texts = Field(description="Markdown")
    starts: str = Field(description="ISO 8601: a date and time with its UTC offset, or only a date")
    ends: str | None = Field(description="Like starts; null if not published")
    time_zone: Literal["Europe/Helsinki"]
    online: bool
    place: Texts | None
    organiser: Texts = Field(description="The organisation that holds the event")
    languages: list[Literal["fi", "sv", "en"]] = Field(description="Empty if the source does not say")
    url: str | None = Field(description="Registration or information page")
    regions: list[str] = Field(description="County ids (regions.json); empty: national")
    past: bool = Field(description="Over on status_date")
    sources: list[SourceRecord]
    pages: Texts = Field(description="The event on the calendar page of this site")


class EventsDocument(Document):
    status_date: date = Field(description="The build date 'past' was computed for")
    events: list[EventRecord]


# The CSV files: one flat row per record. Column types for the data package come
# from the annotations (str -> string, int -> integer, date -> date).
class RegionRow(Record):
    id: str = Field(description="Permanent id of the county; its page is /alueet/<id>/")
    statfi_code: str = Field(description="Statistics Finland's two-digit wellbeing services county code")
    kind: str = Field(description="county (wellbeing services county) or city (City of Helsinki)")
    name_fi: str = Field(description="Official name in Finnish")
    name_sv: str = Field(description="Official name in Swedish")
    name_en: str = Field(description="Name in English")
    brand_name: str = Field(description="Short or brand name, empty if none")
    language: str = Field(description="fi = Finnish-speaking; fi+sv / sv+fi = bilingual, majority first")
    website: str = Field(description="The county's website")
    website_sv: str = Field(description="Swedish website, empty if none")
    municipality_count: int = Field(description="Number of municipalities in the county")
    reviewed: date = Field(description="When the county's information was last checked against its sources")
    page_fi: str = Field(description="The county's page on this site in Finnish")
    page_sv: str = Field(description="The county's page on this site in Swedish")


class MunicipalityRow(Record):
    code: str = Field(description="Statistics Finland's three-digit municipality code (keep leading zeros)")
    name_fi: str = Field(description="Name in Finnish")
    name_sv: str = Field(description="Name in Swedish, empty if the municipality has none")
    language: str = Field(description="fi = Finnish-speaking; fi+sv / sv+fi = bilingual, majority first")
    region: str = Field(description="id of the county (regions.csv) that the municipality belongs to")
    region_name_fi: str = Field(description="The county's name in Finnish")
    region_name_sv: str = Field(description="The county's name in Swedish")


class GrantRoundRow(Record):
    region: str = Field(description="id of the county (regions.csv)")
    id: str = Field(description="id of the round within the county")
    region_name_fi: str = Field(description="The county's name in Finnish")
    region_name_sv: str = Field(description="The county's name in Swedish")
    grant_year: int = Field(description="The year the grants are for")
    kinds: str = Field(
        description="Kinds of grant, separated by spaces: general partnership project targeted one_off"
    )
    name_fi: str = Field(description="The round's name in Finnish")
    name_sv: str = Field(description="The round's name in Swedish")
    opens: date | None = Field(description="First day of the application period, empty if not published")
    closes: date = Field(description="Last day of the application period")
    closes_time: str = Field(description="Closing time HH:MM (Europe/Helsinki), empty if not published")
    decided_by_fi: str = Field(description="The deciding body in Finnish, empty if not known")
    decided_by_sv: str = Field(description="The deciding body in Swedish, empty if not known")
    budget_eur: int | None = Field(description="Amount in whole euros, empty if not sourced")
    budget_year: int | None = Field(description="The year of the amount")
    budget_basis: str = Field(
        description="appropriation (reserved in the budget) or granted (granted in all)"
    )
    url: str = Field(description="The application page, or the page that announces the round")
    status: str = Field(description="upcoming, open, closing_soon or closed on the build date")
    page_fi: str = Field(description="The round on the county's page, in Finnish")
    page_sv: str = Field(description="The round on the county's page, in Swedish")


class EventRow(Record):
    id: str = Field(description="Permanent id of the event")
    title_fi: str = Field(description="Title in Finnish")
    title_sv: str = Field(description="Title in Swedish")
    starts: str = Field(description="ISO 8601 date and time with UTC offset, or only a date")
    ends: str = Field(description="Like starts, empty if not published")
    online: bool = Field(description="Held online")
    place_fi: str = Field(description="Place in Finnish, empty if only online")
    place_sv: str = Field(description="Place in Swedish, empty if only online")
    organiser_fi: str = Field(description="Organiser in Finnish")
    organiser_sv: str = Field(description="Organiser in Swedish")
    languages: str = Field(description="Languages of the event, separated by spaces (fi sv en)")
    url: str = Field(description="Registration or information page, empty if none is known")
    regions: str = Field(description="County ids separated by spaces; empty: national")
    past: bool = Field(description="Over on the build date")
    page_fi: str = Field(description="The event on the calendar page, in Finnish")
    page_sv: str = Field(description="The event on the calendar page, in Swedish")


class ComparisonRow(Record):
    region: str = Field(description="id of the county (regions.csv)")
    region_name_fi: str = Field(description="The county's name in Finnish")
    region_name_sv: str = Field(description="The county's name in Swedish")
    decided_by_fi: str = Field(
        description="The body that decides the county's NGO grants, empty if not known"
    )
    decided_by_sv: str = Field(description="The same in Swedish")
    decided_by_as_of: str = Field(description="Date of the newest source naming the body, empty if none")
    round_id: str = Field(description="id of the newest grant round (grant-rounds.csv), empty if none")
    round_grant_year: int | None = Field(description="Its grant year")
    round_kinds: str = Field(description="Its kinds of grant, separated by spaces")
    round_opens: date | None = Field(description="Its first day, empty if not published")
    round_closes: date | None = Field(description="Its last day")
    budget_eur: int | None = Field(description="The newest sourced amount in whole euros, empty if none")
    budget_year: int | None = Field(description="The year of the amount")
    budget_basis: str = Field(
        description="appropriation (reserved in the budget) or granted (granted in all)"
    )
    registered_in_area: str = Field(
        description="Applicant registered or active in the county: yes, no or empty"
    )
    multi_municipality: str = Field(
        description="Activity in more than one municipality required: yes, no or empty"
    )
    open_to_non_members: str = Field(description="Activity open to non-members required: yes, no or empty")
    service_listing: str = Field(
        description="Activity described in Lähellä.fi or Suomi.fi required: yes, no or empty"
    )
    conditions_grant_year: int | None = Field(
        description="The newest grant year the conditions are stated for"
    )
    ngo_body_fi: str = Field(description="The NGO advisory body or partnership table, empty if none is known")
    ngo_body_sv: str = Field(description="The same in Swedish")
    ngo_body_until: str = Field(description="End of its term (year, YYYY-MM or date), empty if not known")
    network_fi: str = Field(description="The county's NGO network organisation, empty if none is known")
    network_sv: str = Field(description="The same in Swedish")
    page_fi: str = Field(description="The county's page in Finnish (every fact has its sources there)")
    page_sv: str = Field(description="The county's page in Swedish")


# --- records from the content --------------------------------------------------------


def _texts(value: ByLanguage | None) -> Texts | None:
    return Texts(fi=value.get("fi"), sv=value.get("sv")) if value is not None else None


def source_url(source: Source, base_url: str) -> str:
    """The web page of a source, or the page of this site where its copy is published."""
    if source.url:
        return source.url
    return urls.page_url(base_url, DEFAULT_LANGUAGE, urls.document_path(str(source.document)))


def _sources(sources: list[Source], base_url: str) -> list[SourceRecord]:
    return [
        SourceRecord(title=s.title, url=source_url(s, base_url), checked=s.checked, published=s.published)
        for s in sources
    ]


def _pages(base_url: str, path: str, anchor: str = "") -> Texts:
    """The page in both languages; with `anchor`, its section or item there."""
    suffix = f"#{anchor}" if anchor else ""
    return Texts(**{lang: urls.page_url(base_url, lang, path) + suffix for lang in LANGUAGES})


def region_record(region: Region, content: Content, base_url: str) -> RegionRecord:
    return RegionRecord(
        id=region.id,
        statfi_code=region.statfi_code,
        kind=region.kind,
        name=Names(fi=region.name.fi, sv=region.name.sv, en=region.name.en),
        brand_name=region.brand_name,
        other_names=list(region.other_names),
        language=region.language,
        website=region.website,
        website_sv=region.website_sv,
        summary=_texts(region.summary),
        municipalities=[m.code for m in content.municipalities_of(region.id)],
        structures=[
            StructureRecord(
                id=s.id,
                type=s.type,
                name=_texts(s.name),
                description=_texts(s.description),
                decided_by=_texts(s.decided_by),
                decided_by_as_of=s.decided_by_as_of,
                since=s.since,
                valid_from=s.valid_from,
                valid_until=s.valid_until,
                url=s.url,
                sources=_sources(s.sources, base_url),
            )
            for s in region.structures
        ],
        contacts=[
            ContactRecord(
                id=c.id,
                role=_texts(c.role),
                organisation=_texts(c.organisation),
                url=c.url,
                email=c.email,
                phone=c.phone,
                postal_address=c.postal_address,
                sources=_sources(c.sources, base_url),
            )
            for c in region.contacts
        ],
        eligibility=[
            EligibilityRecord(
                rule=e.rule,
                required=e.required,
                grant_year=e.grant_year,
                note=_texts(e.note),
                sources=_sources(e.sources, base_url),
            )
            for e in region.eligibility
        ],
        sources=_sources(region.sources, base_url),
        reviewed=region.reviewed,
        pages=_pages(base_url, urls.region_path(region.id)),
    )


def regions_records(content: Content, base_url: str) -> list[RegionRecord]:
    return [
        region_record(r, content, base_url)
        for r in sorted(content.regions.values(), key=lambda r: r.statfi_code)
    ]


def region_rows(records: list[RegionRecord]) -> list[RegionRow]:
    return [
        RegionRow(
            id=r.id,
            statfi_code=r.statfi_code,
            kind=r.kind,
            name_fi=r.name.fi,
            name_sv=r.name.sv,
            name_en=r.name.en,
            brand_name=r.brand_name or "",
            language=r.language,
            website=r.website,
            website_sv=r.website_sv or "",
            municipality_count=len(r.municipalities),
            reviewed=r.reviewed,
            page_fi=r.pages.fi,
            page_sv=r.pages.sv,
        )
        for r in records
    ]


def comparison_rows(content: Content, base_url: str) -> list[ComparisonRow]:
    """The comparison page's facts (kb/content/comparison.py), one flat row per county."""

    def text(value: ByLanguage | None, lang: str) -> str:
        return value.get(lang) if value is not None else ""

    rows = []
    for facts in comparison(content):
        region, grants, newest = facts.region, facts.grants, facts.newest_round
        budget = facts.budget_round.budget if facts.budget_round else None
        decided = grants.decided_by if grants else None
        rule = {key: answer_key(facts.eligibility[key]) if key in facts.eligibility else "" for key in RULES}
        pages = _pages(base_url, urls.region_path(region.id))
        rows.append(
            ComparisonRow(
                region=region.id,
                region_name_fi=region.name.fi,
                region_name_sv=region.name.sv,
                decided_by_fi=text(decided, "fi"),
                decided_by_sv=text(decided, "sv"),
                decided_by_as_of=(grants.decided_by_as_of or "") if grants and decided else "",
                round_id=newest.id if newest else "",
                round_grant_year=newest.grant_year if newest else None,
                round_kinds=" ".join(newest.kinds) if newest else "",
                round_opens=newest.opens if newest else None,
                round_closes=newest.closes if newest else None,
                budget_eur=budget.amount_eur if budget else None,
                budget_year=budget.year if budget else None,
                budget_basis=budget.basis if budget else "",
                registered_in_area=rule["registered-in-area"],
                multi_municipality=rule["multi-municipality"],
                open_to_non_members=rule["open-to-non-members"],
                service_listing=rule["service-listing"],
                conditions_grant_year=max((e.grant_year for e in facts.eligibility.values()), default=None),
                ngo_body_fi=text(facts.ngo_body.name if facts.ngo_body else None, "fi"),
                ngo_body_sv=text(facts.ngo_body.name if facts.ngo_body else None, "sv"),
                ngo_body_until=(facts.ngo_body.valid_until or "") if facts.ngo_body else "",
                network_fi=text(facts.network.name if facts.network else None, "fi"),
                network_sv=text(facts.network.name if facts.network else None, "sv"),
                page_fi=pages.fi,
                page_sv=pages.sv,
            )
        )
    return rows


def municipality_rows(content: Content) -> list[MunicipalityRow]:
    rows = []
    for m in sorted(content.municipalities, key=lambda m: m.code):
        region = content.regions[m.region]
        rows.append(
            MunicipalityRow(
                code=m.code,
                name_fi=m.name_fi,
                name_sv=m.name_sv or "",
                language=m.language,
                region=m.region,
                region_name_fi=region.name.fi,
                region_name_sv=region.name.sv,
            )
        )
    return rows


def _answer_record(answer: Answer, base_url: str) -> AnswerRecord:
    versions = {}
    for lang in LANGUAGES:
        text = answer.texts[lang]
        versions[lang] = AnswerVersion(
            question=text.meta.question,
            answer=urls.resolve_links(text.meta.answer, "", lang, base_url),
            body_markdown=urls.resolve_links(text.body.strip(), "", lang, base_url),
            keywords=list(text.meta.keywords),
            reviewed=text.meta.reviewed,
            sources=_sources(text.meta.sources, base_url),
            url=urls.page_url(base_url, lang, urls.answer_path(answer.id)),
        )
    return AnswerRecord(
        id=answer.id,
        topic=answer.topic,
        regions=list(answer.regions),
        aliases=list(answer.aliases),
        **versions,
    )


def faq_records(content: Content, base_url: str) -> tuple[list[TopicRecord], list[AnswerRecord]]:
    topics = [
        TopicRecord(
            id=t.id,
            name=_texts(t.name),
            description=_texts(t.description),
            pages=_pages(base_url, urls.answer_path(t.id)),
        )
        for t in content.topics.values()
    ]
    answers = [_answer_record(a, base_url) for a in sorted(content.answers.values(), key=lambda a: a.id)]
    return topics, answers


def _round_record(region: Region, grant_round: GrantRound, base_url: str, today: date) -> GrantRoundRecord:
    decision = grant_round.decision
    budget = grant_round.budget
    return GrantRoundRecord(
        id=grant_round.id,
        region=region.id,
        grant_year=grant_round.grant_year,
        kinds=list(grant_round.kinds),
        name=_texts(grant_round.name),
        opens=grant_round.opens,
        closes=grant_round.closes,
        closes_time=grant_round.closes_time,
        decided_by=_texts(grant_round.decided_by),
        decision=DecisionRecord(
            made=decision.made, expected=decision.expected, expected_text=_texts(decision.expected_text)
        )
        if decision
        else None,
        budget=BudgetRecord(amount_eur=budget.amount_eur, year=budget.year, basis=budget.basis)
        if budget
        else None,
        url=grant_round.url,
        note=_texts(grant_round.note),
        status=cal.round_status(grant_round, today),
        sources=_sources(grant_round.sources, base_url),
        pages=_pages(base_url, urls.region_path(region.id), grant_round.id),
    )


def grant_round_records(content: Content, base_url: str, today: date) -> list[GrantRoundRecord]:
    """Every round, in closing-date order."""
    return [_round_record(cr.region, cr.round, base_url, today) for cr in cal.county_rounds(content)]


def grant_round_rows(records: list[GrantRoundRecord], content: Content) -> list[GrantRoundRow]:
    return [
        GrantRoundRow(
            region=g.region,
            id=g.id,
            region_name_fi=content.regions[g.region].name.fi,
            region_name_sv=content.regions[g.region].name.sv,
            grant_year=g.grant_year,
            kinds=" ".join(g.kinds),
            name_fi=g.name.fi,
            name_sv=g.name.sv,
            opens=g.opens,
            closes=g.closes,
            closes_time=g.closes_time or "",
            decided_by_fi=g.decided_by.fi if g.decided_by else "",
            decided_by_sv=g.decided_by.sv if g.decided_by else "",
            budget_eur=g.budget.amount_eur if g.budget else None,
            budget_year=g.budget.year if g.budget else None,
            budget_basis=g.budget.basis if g.budget else "",
            url=g.url,
            status=g.status,
            page_fi=g.pages.fi,
            page_sv=g.pages.sv,
        )
        for g in records
    ]


def local_time(value: date | datetime) -> str:
    """ISO 8601 of a Helsinki time with its offset (2021-08-25T13:00:00+03:00), or a date."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=HELSINKI).isoformat()
    return value.isoformat()


def _event_record(event_id: str, event: Event, base_url: str, today: date) -> EventRecord:
    return EventRecord(
        id=event_id,
        title=_texts(event.title),
        description=Texts(
            **{
                lang: urls.resolve_links(event.description.get(lang), "", lang, base_url)
                for lang in LANGUAGES
            }
        ),
        starts=local_time(event.starts),
        ends=local_time(event.ends) if event.ends else None,
        time_zone="Europe/Helsinki",
        online=event.online,
        place=_texts(event.place),
        organiser=_texts(event.organiser),
        languages=list(event.languages),
        url=event.url,
        regions=list(event.regions),
        past=cal.event_is_past(event, today),
        sources=_sources(event.sources, base_url),
        pages=_pages(base_url, urls.calendar_path(), event_id),
    )


def event_records(content: Content, base_url: str, today: date) -> list[EventRecord]:
    """Every event, in time order."""
    ordered = sorted(content.events.items(), key=lambda item: (item[1].starts.isoformat(), item[0]))
    return [_event_record(event_id, event, base_url, today) for event_id, event in ordered]


def event_rows(records: list[EventRecord]) -> list[EventRow]:
    return [
        EventRow(
            id=e.id,
            title_fi=e.title.fi,
            title_sv=e.title.sv,
            starts=e.starts,
            ends=e.ends or "",
            online=e.online,
            place_fi=e.place.fi if e.place else "",
            place_sv=e.place.sv if e.place else "",
            organiser_fi=e.organiser.fi,
            organiser_sv=e.organiser.sv,
            languages=" ".join(e.languages),
            url=e.url or "",
            regions=" ".join(e.regions),
            past=e.past,
            page_fi=e.pages.fi,
            page_sv=e.pages.sv,
        )
        for e in records
    ]


# --- files ------------------------------------------------------------------------------


def site_title(content: Content) -> str:
    """The site's name in both languages, for data files that serve both."""
    return " / ".join(content.ui["site.name"].get(lang) for lang in LANGUAGES)


def _meta(schema_file: str, content: Content) -> dict[str, str]:
    return {
        "schema_": schema_file,
        "license": CONTENT_LICENCE["path"],
        "attribution": f"{site_title(content)}, {CONTENT_LICENCE_SHORT}",
    }


def json_text(document: BaseModel | dict[str, Any]) -> str:
    data = document.model_dump(mode="json", by_alias=True) if isinstance(document, BaseModel) else document
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def schema_of(model: type[BaseModel], title: str) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True, mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **schema}


# A spreadsheet reads a cell that starts with one of these as a formula (CSV
# injection); such a cell is published with a leading apostrophe, which
# spreadsheets show as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    if value is None:
        return ""  # a missing value (the data package's default missingValues)
    if isinstance(value, bool):
        return "true" if value else "false"
    text = value.isoformat() if isinstance(value, date) else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(rows: Sequence[BaseModel], model: type[BaseModel]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(list(model.model_fields))
    for row in rows:
        writer.writerow([csv_cell(getattr(row, name)) for name in model.model_fields])
    return buffer.getvalue()


_CSV_TYPES = {str: "string", int: "integer", date: "date", bool: "boolean"}


def _column_type(annotation: object) -> str:
    """The CSV column's type; `X | None` is X (an empty cell is a missing value)."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        (annotation,) = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    return _CSV_TYPES[annotation]  # type: ignore[index]


def table_schema(model: type[BaseModel]) -> dict[str, Any]:
    return {
        "fields": [
            {"name": name, "type": _column_type(field.annotation), "description": field.description}
            for name, field in model.model_fields.items()
        ]
    }


def data_package(content: Content, base_url: str) -> dict[str, Any]:
    """datapackage.json: what each file holds, its columns, licence and sources."""
    source = content.municipality_source
    municipality_src = {"title": source.title, "path": source_url(source, base_url)} if source else {}
    site_src = {"title": content.ui["site.name"].get("fi"), "path": base_url}
    licences = [CONTENT_LICENCE]

    def table(
        name: str, model: type[BaseModel], description: str, sources: list[dict[str, str]]
    ) -> dict[str, Any]:
        return {
            "name": name.removesuffix(".csv"),
            "path": name,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "description": description,
            "schema": table_schema(model),
            "licenses": licences,
            "sources": sources,
        }

    def document(name: str, description: str, sources: list[dict[str, str]]) -> dict[str, Any]:
        return {
            "name": name.replace(".", "-"),
            "path": name,
            "format": "json",
            "mediatype": "application/json",
            "schema": name.replace(".json", ".schema.json"),
            "description": description,
            "licenses": licences,
            "sources": sources,
        }

    return {
        "name": "jarjestot-ja-hyvinvointialueet",
        "title": site_title(content),
        "homepage": base_url,
        "licenses": licences,
        "sources": [site_src, municipality_src],
        "resources": [
            document(
                "regions.json",
                "Counties and the City of Helsinki with cooperation "
                "structures, contacts (roles only) and sources, in Finnish and Swedish",
                [site_src, municipality_src],
            ),
            table(
                "regions.csv",
                RegionRow,
                "Counties, one row each (details in regions.json)",
                [site_src, municipality_src],
            ),
            table(
                "municipalities.csv",
                MunicipalityRow,
                "Every municipality of mainland "
                "Finland and its county, from Statistics Finland's classifications",
                [municipality_src],
            ),
            document("faq.json", "FAQ topics and answers in Finnish and Swedish, with sources", [site_src]),
            document(
                "grant-rounds.json",
                "Grant application rounds of the counties and the City of Helsinki, with their "
                "status on the build date and sources, in Finnish and Swedish",
                [site_src],
            ),
            table(
                "grant-rounds.csv",
                GrantRoundRow,
                "Grant application rounds, one row each, in closing-date order "
                "(details in grant-rounds.json)",
                [site_src],
            ),
            document("events.json", "Events for NGOs, past ones included, with sources", [site_src]),
            table(
                "events.csv", EventRow, "Events for NGOs, one row each (details in events.json)", [site_src]
            ),
            table(
                "comparison.csv",
                ComparisonRow,
                "The comparison across counties (/vertailu/): one row per county, every fact "
                "sourced on the county's page",
                [site_src],
            ),
        ],
    }


def data_files(content: Content, config: SiteConfig) -> dict[str, str]:
    """Every file of site/data/, by name, as text."""
    base = config.site_url
    records = regions_records(content, base)
    topics, answers = faq_records(content, base)
    today = config.build_date
    rounds = grant_round_records(content, base, today)
    events = event_records(content, base, today)
    files = {
        "regions.json": json_text(RegionsDocument(**_meta("regions.schema.json", content), regions=records)),
        "faq.json": json_text(
            FaqDocument(**_meta("faq.schema.json", content), topics=topics, answers=answers)
        ),
        "regions.csv": csv_text(region_rows(records), RegionRow),
        "municipalities.csv": csv_text(municipality_rows(content), MunicipalityRow),
        "regions.schema.json": json_text(schema_of(RegionsDocument, "regions.json")),
        "faq.schema.json": json_text(schema_of(FaqDocument, "faq.json")),
        "datapackage.json": json_text(data_package(content, base)),
        "grant-rounds.json": json_text(
            GrantRoundsDocument(
                **_meta("grant-rounds.schema.json", content), status_date=today, grant_rounds=rounds
            )
        ),
        "grant-rounds.csv": csv_text(grant_round_rows(rounds, content), GrantRoundRow),
        "grant-rounds.schema.json": json_text(schema_of(GrantRoundsDocument, "grant-rounds.json")),
        "events.json": json_text(
            EventsDocument(**_meta("events.schema.json", content), status_date=today, events=events)
        ),
        "events.csv": csv_text(event_rows(events), EventRow),
        "events.schema.json": json_text(schema_of(EventsDocument, "events.json")),
        "comparison.csv": csv_text(comparison_rows(content, base), ComparisonRow),
    }
    assert set(files) == set(OPEN_DATA_FILES), "kb/content/links.py lists the files editors may link"
    return files


def run(site: Path, content: Content, config: SiteConfig) -> bool:
    out = site / urls.OPEN_DATA_DIR
    out.mkdir(exist_ok=True)
    for name, text in data_files(content, config).items():
        (out / name).write_text(text, encoding="utf-8")
    return True
