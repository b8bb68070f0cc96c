"""Open data in site/data/: the content as JSON and CSV, with schemas and a data package.

    regions.json, regions.csv      counties with structures, contacts (roles only), sources
    municipalities.csv             every municipality and its county
    faq.json                       topics and answers, both languages
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
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from kb.config import SiteConfig
from kb.content.links import OPEN_DATA_FILES
from kb.content.model import DEFAULT_LANGUAGE, LANGUAGES, Answer, ByLanguage, Content, Region, Source
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


def _pages(base_url: str, path: str) -> Texts:
    return Texts(**{lang: urls.page_url(base_url, lang, path) for lang in LANGUAGES})


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
    text = value.isoformat() if isinstance(value, date) else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(rows: list[BaseModel], model: type[BaseModel]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(list(model.model_fields))
    for row in rows:
        writer.writerow([csv_cell(getattr(row, name)) for name in model.model_fields])
    return buffer.getvalue()


_CSV_TYPES = {str: "string", int: "integer", date: "date"}


def table_schema(model: type[BaseModel]) -> dict[str, Any]:
    return {
        "fields": [
            {
                "name": name,
                "type": _CSV_TYPES[field.annotation],  # type: ignore[index]
                "description": field.description,
            }
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
        ],
    }


def data_files(content: Content, config: SiteConfig) -> dict[str, str]:
    """Every file of site/data/, by name, as text."""
    base = config.site_url
    records = regions_records(content, base)
    topics, answers = faq_records(content, base)
    files = {
        "regions.json": json_text(RegionsDocument(**_meta("regions.schema.json", content), regions=records)),
        "faq.json": json_text(
            FaqDocument(**_meta("faq.schema.json", content), topics=topics, answers=answers)
        ),
        "regions.csv": csv_text(list(region_rows(records)), RegionRow),
        "municipalities.csv": csv_text(list(municipality_rows(content)), MunicipalityRow),
        "regions.schema.json": json_text(schema_of(RegionsDocument, "regions.json")),
        "faq.schema.json": json_text(schema_of(FaqDocument, "faq.json")),
        "datapackage.json": json_text(data_package(content, base)),
    }
    assert set(files) == set(OPEN_DATA_FILES), "kb/content/links.py lists the files editors may link"
    return files


def run(site: Path, content: Content, config: SiteConfig) -> bool:
    out = site / urls.OPEN_DATA_DIR
    out.mkdir(exist_ok=True)
    for name, text in data_files(content, config).items():
        (out / name).write_text(text, encoding="utf-8")
    return True
