"""Open data and feeds: the content model shaped as plain records.

Pure functions from `Content` to lists and dicts (no I/O, no MkDocs), so the
post-build step (scripts/postbuild/opendata.py) writes them to site/data/ and
the Atom feeds, and anyone else can reuse them:

    content, _ = load_content(root)
    regions_records(content, base_url)  # -> regions.json / regions.csv
    municipality_rows(content)        # -> municipalities.csv
    faq_document(content, base_url)   # -> faq.json (both languages)
    feed_entries(content, "sv")       # -> the Swedish Atom feed

URLs in the records are absolute (`base_url` is the site's address), because
the files are meant to be used away from the site.
"""

from __future__ import annotations

from typing import Any

from .model import LANGUAGES, Answer, Content, Region, Source
from .rendering import plain_text, recently_reviewed
from .urls import answer_path, page_url, region_path, resolve_links

CONTENT_LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                   "path": "https://creativecommons.org/licenses/by/4.0/"}
CONTENT_LICENCE_SHORT = "CC BY 4.0"   # how the licence is named in attributions
FEED_LENGTH = 20

# The CSV files' columns, with their type and description (datapackage.json).
REGION_FIELDS = {
    "id": ("string", "Permanent id of the county; its page is /alueet/<id>/"),
    "statfi_code": ("string", "Statistics Finland's two-digit wellbeing services county code"),
    "kind": ("string", "county (wellbeing services county) or city (City of Helsinki)"),
    "name_fi": ("string", "Official name in Finnish"),
    "name_sv": ("string", "Official name in Swedish"),
    "name_en": ("string", "Name in English"),
    "brand_name": ("string", "Short or brand name, empty if none"),
    "language": ("string", "fi = Finnish-speaking; fi+sv / sv+fi = bilingual, majority first"),
    "website": ("string", "The county's website"),
    "website_sv": ("string", "Swedish website, empty if none"),
    "municipality_count": ("integer", "Number of municipalities in the county"),
    "reviewed": ("date", "When the county's information was last checked against its sources"),
    "page_fi": ("string", "The county's page on this site in Finnish"),
    "page_sv": ("string", "The county's page on this site in Swedish"),
}
MUNICIPALITY_FIELDS = {
    "code": ("string", "Statistics Finland's three-digit municipality code (keep leading zeros)"),
    "name_fi": ("string", "Name in Finnish"),
    "name_sv": ("string", "Name in Swedish, empty if the municipality has none"),
    "language": ("string", "fi = Finnish-speaking; fi+sv / sv+fi = bilingual, majority first"),
    "region": ("string", "id of the county (regions.csv) that the municipality belongs to"),
    "region_name_fi": ("string", "The county's name in Finnish"),
    "region_name_sv": ("string", "The county's name in Swedish"),
}



def site_title(content: Content) -> str:
    """The site's name in both languages, for data files that serve both."""
    return " / ".join(content.t("site.name", lang) for lang in LANGUAGES)


def _sources(sources: list[Source]) -> list[dict[str, str]]:
    return [{"title": s.title, "url": s.url, "accessed": s.accessed.isoformat()} for s in sources]


def _both(value) -> dict[str, str] | None:
    return {lang: value.get(lang) for lang in LANGUAGES} if value is not None else None


def region_record(region: Region, content: Content, base_url: str) -> dict[str, Any]:
    return {
        "id": region.id, "statfi_code": region.statfi_code, "kind": region.kind,
        "name": {"fi": region.name.fi, "sv": region.name.sv, "en": region.name.en},
        "brand_name": region.brand_name, "other_names": list(region.other_names),
        "language": region.language, "website": region.website, "website_sv": region.website_sv,
        "summary": _both(region.summary),
        "municipalities": [m.code for m in content.municipalities_of(region.id)],
        "structures": [{
            "id": s.id, "type": s.type, "name": _both(s.name), "description": _both(s.description),
            "decided_by": _both(s.decided_by), "since": s.since, "url": s.url,
            "sources": _sources(s.sources)} for s in region.structures],
        "contacts": [{
            "id": c.id, "role": _both(c.role), "organisation": _both(c.organisation),
            "url": c.url, "email": c.email, "phone": c.phone,
            "sources": _sources(c.sources)} for c in region.contacts],
        "sources": _sources(region.sources),
        "reviewed": region.reviewed.isoformat(),
        "pages": {lang: page_url(base_url, lang, region_path(region.id)) for lang in LANGUAGES},
    }


def regions_records(content: Content, base_url: str) -> list[dict[str, Any]]:
    return [region_record(r, content, base_url)
            for r in sorted(content.regions.values(), key=lambda r: r.statfi_code)]


def region_rows(content: Content, base_url: str) -> list[dict[str, str]]:
    """regions.csv: one flat row per county (nested data is in regions.json)."""
    rows = []
    for record in regions_records(content, base_url):
        rows.append({
            "id": record["id"], "statfi_code": record["statfi_code"], "kind": record["kind"],
            "name_fi": record["name"]["fi"], "name_sv": record["name"]["sv"],
            "name_en": record["name"]["en"], "brand_name": record["brand_name"] or "",
            "language": record["language"], "website": record["website"],
            "website_sv": record["website_sv"] or "",
            "municipality_count": str(len(record["municipalities"])),
            "reviewed": record["reviewed"],
            "page_fi": record["pages"]["fi"], "page_sv": record["pages"]["sv"]})
    return rows


def municipality_rows(content: Content) -> list[dict[str, str]]:
    rows = []
    for m in sorted(content.municipalities, key=lambda m: m.code):
        region = content.regions[m.region]
        rows.append({"code": m.code, "name_fi": m.name_fi, "name_sv": m.name_sv or "",
                     "language": m.language, "region": m.region,
                     "region_name_fi": region.name.fi, "region_name_sv": region.name.sv})
    return rows


def _answer_record(answer: Answer, base_url: str) -> dict[str, Any]:
    record: dict[str, Any] = {"id": answer.id, "topic": answer.topic,
                              "regions": list(answer.regions), "aliases": list(answer.aliases)}
    for lang in LANGUAGES:
        text = answer.texts[lang]
        record[lang] = {
            "question": text.meta.question,
            "answer": resolve_links(text.meta.answer, "", lang, base_url),
            "body_markdown": resolve_links(text.body.strip(), "", lang, base_url),
            "keywords": list(text.meta.keywords),
            "reviewed": text.meta.reviewed.isoformat(),
            "sources": _sources(text.meta.sources),
            "url": page_url(base_url, lang, answer_path(answer.id)),
        }
    return record


def faq_document(content: Content, base_url: str) -> dict[str, Any]:
    """faq.json: every topic and answer in both languages."""
    return {
        "topics": [{"id": t.id, "name": _both(t.name), "description": _both(t.description),
                    "pages": {lang: page_url(base_url, lang, answer_path(t.id)) for lang in LANGUAGES}}
                   for t in content.topics.values()],
        "answers": [_answer_record(a, base_url)
                    for a in sorted(content.answers.values(), key=lambda a: a.id)],
    }


def feed_entries(content: Content, lang: str, limit: int = FEED_LENGTH) -> list[dict[str, Any]]:
    """The most recently reviewed answers of one language, newest first."""
    return [{"id": t.meta.id, "title": t.meta.question, "summary": plain_text(t.meta.answer),
             "path": answer_path(t.meta.id), "updated": t.meta.reviewed}
            for t in recently_reviewed(content, lang, limit)]
