"""Open data and feeds: the content model shaped as plain records.

Pure functions from `Content` to lists and dicts (no I/O, no MkDocs), so the
post-build step (scripts/postbuild/opendata.py) writes them to site/data/ and
the Atom feeds, and anyone else can reuse them:

    content, _ = load_content(root)
    regions_records(content)          # -> regions.json / regions.csv
    municipality_rows(content)        # -> municipalities.csv
    faq_document(content, base_url)   # -> faq.json (both languages)
    feed_entries(content, "sv")       # -> the Swedish Atom feed

URLs in the records are absolute (`base_url` is the site's address), because
the files are meant to be used away from the site.
"""

from __future__ import annotations

import re
from typing import Any

from .model import LANGUAGES, Answer, Content, Region, Source

# The files of site/data/ (editors link to them as avoindata:<file>).
OPEN_DATA_FILES = ("regions.json", "regions.csv", "municipalities.csv", "faq.json",
                   "datapackage.json", "regions.schema.json", "faq.schema.json")
CONTENT_LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                   "path": "https://creativecommons.org/licenses/by/4.0/"}
LANGUAGE_PREFIX = {"fi": "", "sv": "sv/"}
FEED_LENGTH = 20

REGION_CSV_COLUMNS = ["id", "statfi_code", "kind", "name_fi", "name_sv", "name_en", "brand_name",
                      "language", "website", "website_sv", "municipality_count", "reviewed",
                      "page_fi", "page_sv"]
MUNICIPALITY_CSV_COLUMNS = ["code", "name_fi", "name_sv", "language", "region",
                            "region_name_fi", "region_name_sv"]


def page_url(base_url: str, lang: str, path: str) -> str:
    """Absolute URL of a page path such as 'ukk/hakuajat/' in one language."""
    return base_url.rstrip("/") + "/" + LANGUAGE_PREFIX[lang] + path


_SITE_LINK = re.compile(r"\]\(\s*<?(alue|ukk|aihe|avoindata):([^)\s>#]*)(#[^)\s>]*)?>?\s*\)")


def absolute_links(markdown: str, base_url: str, lang: str) -> str:
    """Editors' alue:/ukk:/aihe: links rewritten as absolute https links."""
    def replace(match: re.Match[str]) -> str:
        scheme, target, anchor = match.group(1), match.group(2), match.group(3) or ""
        if scheme == "avoindata":
            return f"]({base_url.rstrip('/')}/data/{target}{anchor})"
        section = "alueet" if scheme == "alue" else "ukk"
        path = f"{section}/{target}/" if target else f"{section}/"
        return f"]({page_url(base_url, lang, path)}{anchor})"
    return _SITE_LINK.sub(replace, markdown)


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
        "pages": {lang: page_url(base_url, lang, f"alueet/{region.id}/") for lang in LANGUAGES},
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
            "answer": absolute_links(text.meta.answer, base_url, lang),
            "body_markdown": absolute_links(text.body.strip(), base_url, lang),
            "keywords": list(text.meta.keywords),
            "reviewed": text.meta.reviewed.isoformat(),
            "sources": _sources(text.meta.sources),
            "url": page_url(base_url, lang, f"ukk/{answer.id}/"),
        }
    return record


def faq_document(content: Content, base_url: str) -> dict[str, Any]:
    """faq.json: every topic and answer in both languages."""
    return {
        "topics": [{"id": t.id, "name": _both(t.name), "description": _both(t.description),
                    "pages": {lang: page_url(base_url, lang, f"ukk/{t.id}/") for lang in LANGUAGES}}
                   for t in content.topics.values()],
        "answers": [_answer_record(a, base_url)
                    for a in sorted(content.answers.values(), key=lambda a: a.id)],
    }


def feed_entries(content: Content, lang: str, limit: int = FEED_LENGTH) -> list[dict[str, Any]]:
    """The most recently reviewed answers of one language, newest first."""
    texts = sorted((a.texts[lang] for a in content.answers.values()),
                   key=lambda t: (t.meta.reviewed, t.meta.id), reverse=True)
    return [{"id": t.meta.id, "title": t.meta.question, "summary": _plain(t.meta.answer),
             "path": f"ukk/{t.meta.id}/", "updated": t.meta.reviewed} for t in texts[:limit]]


def _plain(markdown: str) -> str:
    from .rendering import _plain as plain  # noqa: PLC0415  (rendering imports this module)
    return plain(markdown)


_OPEN_DATA_LINK = re.compile(r"\[([^\]\n]+)\]\(\s*avoindata:([A-Za-z0-9._-]+)\s*\)")


def open_data_links(markdown: str, from_path: str, lang: str) -> str:
    """Editors' [text](avoindata:regions.json) links as relative <a> elements.

    Raw HTML on purpose: site/data/ is written after MkDocs, at the site root
    for both languages, and a Markdown link to a file MkDocs does not know fails
    `--strict` (static-i18n shows the Swedish pages only Swedish files). The
    tests check that every link of the built site resolves, these included.
    """
    depth = from_path.count("/") + (0 if from_path.endswith("index.md") else 1)
    prefix = "../" * (depth + (1 if LANGUAGE_PREFIX[lang] else 0))

    def replace(match: re.Match[str]) -> str:
        return f'<a href="{prefix}data/{match.group(2)}">{match.group(1)}</a>'
    return _OPEN_DATA_LINK.sub(replace, markdown)
