"""Post-build step: open data in site/data/ and an Atom feed per language.

    site/data/regions.json        counties with structures, contacts, sources
    site/data/regions.csv         the same, one flat row per county
    site/data/municipalities.csv  every municipality and its county
    site/data/faq.json            topics and answers, both languages
    site/data/datapackage.json    Frictionless Data Package: every file, its CSV
                                  columns, licence and sources
    site/data/*.schema.json       JSON Schemas of the two JSON files
    site/feed.xml, site/sv/feed.xml   recently reviewed answers (Atom)

The records come from the content layer (sitegen.opendata); this step only
writes them. URLs inside are absolute: the site address is read from the
built home page's canonical link (postbuild.site_base_url), so it always matches
site_url.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, time, timezone
from pathlib import Path
from xml.etree import ElementTree as ET

from sitegen.model import LANGUAGES, Content
from sitegen.opendata import (
    CONTENT_LICENCE, CONTENT_LICENCE_SHORT, MUNICIPALITY_FIELDS, REGION_FIELDS, faq_document, feed_entries,
    municipality_rows, region_rows, regions_records, site_title,
)
from sitegen.urls import LANGUAGE_PREFIX, page_url

ATOM = "http://www.w3.org/2005/Atom"

def write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def municipality_source(content: Content) -> dict[str, str]:
    source = content.municipality_source
    return {"title": source.title, "path": source.url} if source else {}


def data_package(content: Content, base_url: str) -> dict:
    """datapackage.json: what each file holds, its columns, licence and sources."""
    municipality_src = municipality_source(content)
    site_src = {"title": content.t("site.name", "fi"), "path": base_url}

    def table(name: str, fields: dict[str, tuple[str, str]], description: str,
              sources: list[dict[str, str]]) -> dict:
        return {"name": name.removesuffix(".csv"), "path": name, "format": "csv",
                "mediatype": "text/csv", "encoding": "utf-8", "description": description,
                "schema": {"fields": [{"name": k, "type": t, "description": d}
                                      for k, (t, d) in fields.items()]},
                "licenses": [CONTENT_LICENCE], "sources": sources}
    return {
        "name": "jarjestot-ja-hyvinvointialueet",
        "title": site_title(content),
        "homepage": base_url,
        "licenses": [CONTENT_LICENCE],
        "sources": [site_src, municipality_src],
        "resources": [
            {"name": "regions-json", "path": "regions.json", "format": "json",
             "mediatype": "application/json", "schema": "regions.schema.json",
             "description": "Counties and the City of Helsinki with cooperation structures, "
                            "contacts (roles only) and sources, in Finnish and Swedish",
             "licenses": [CONTENT_LICENCE], "sources": [site_src, municipality_src]},
            table("regions.csv", REGION_FIELDS, "Counties, one row each (details in regions.json)",
                  [site_src, municipality_src]),
            table("municipalities.csv", MUNICIPALITY_FIELDS,
                  "Every municipality of mainland Finland and its county, from Statistics "
                  "Finland's classifications", [municipality_src]),
            {"name": "faq-json", "path": "faq.json", "format": "json",
             "mediatype": "application/json", "schema": "faq.schema.json",
             "description": "FAQ topics and answers in Finnish and Swedish, with sources",
             "licenses": [CONTENT_LICENCE], "sources": [site_src]},
        ],
    }


def _s(description: str, fmt: str | None = None, nullable: bool = False) -> dict:
    schema: dict = {"type": ["string", "null"] if nullable else "string",
                    "description": description}
    if fmt:
        schema["format"] = fmt
    return schema


def _obj(properties: dict, description: str = "", nullable: bool = False) -> dict:
    schema = {"type": ["object", "null"] if nullable else "object",
              "required": list(properties), "properties": properties}
    if description:
        schema["description"] = description
    return schema


def _arr(items: dict, description: str = "") -> dict:
    return {"type": "array", "items": items, **({"description": description} if description else {})}


def _langs(description: str, nullable: bool = False, languages=LANGUAGES) -> dict:
    return _obj({lang: _s(f"{description} ({lang})") for lang in languages},
                nullable=nullable)


SOURCE = _obj({"title": _s("The source's own title"), "url": _s("Address", "uri"),
               "accessed": _s("When the fact was last checked against it", "date")})
DOCUMENT_META = {"$schema": _s("This file's JSON Schema"), "license": _s("Licence URL", "uri"),
                 "attribution": _s("How to credit the source")}


def regions_schema() -> dict:
    region = _obj({
        "id": _s("Permanent id; the page is /alueet/<id>/"),
        "statfi_code": _s("Statistics Finland's two-digit code"),
        "kind": {"enum": ["county", "city"]},
        "name": _langs("Name", languages=("fi", "sv", "en")),
        "brand_name": _s("Short or brand name", nullable=True),
        "other_names": _arr(_s("Other name readers may search for")),
        "language": {"enum": ["fi", "fi+sv", "sv+fi"]},
        "website": _s("Website", "uri"), "website_sv": _s("Swedish website", "uri", True),
        "summary": _langs("Summary, Markdown", nullable=True),
        "municipalities": _arr(_s("Municipality code (municipalities.csv)")),
        "structures": _arr(_obj({
            "id": _s("Anchor on the county page"), "type": _s("Kind of structure"),
            "name": _langs("Name"), "description": _langs("Description, Markdown"),
            "decided_by": _langs("Deciding body", nullable=True),
            "since": _s("Year, month or date", nullable=True),
            "url": _s("More information", "uri", True), "sources": _arr(SOURCE)})),
        "contacts": _arr(_obj({
            "id": _s("Anchor on the county page"), "role": _langs("Role (never a person)"),
            "organisation": _langs("Organisation"), "url": _s("Contact page", "uri", True),
            "email": _s("Organisational e-mail", "email", True),
            "phone": _s("Organisational phone", nullable=True), "sources": _arr(SOURCE)})),
        "sources": _arr(SOURCE), "reviewed": _s("Last checked", "date"),
        "pages": _langs("Page on this site"),
    })
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "regions.json", **_obj({**DOCUMENT_META, "regions": _arr(region)})}


def faq_schema() -> dict:
    text = _obj({
        "question": _s("The question"), "answer": _s("The answer in one sentence, Markdown"),
        "body_markdown": _s("The full answer, Markdown with absolute links"),
        "keywords": _arr(_s("Search word")), "reviewed": _s("Last checked", "date"),
        "sources": _arr(SOURCE), "url": _s("Page on this site", "uri")})
    answer = _obj({"id": _s("Permanent id; the page is /ukk/<id>/"), "topic": _s("Topic id"),
                   "regions": _arr(_s("County id (regions.json)")),
                   "aliases": _arr(_s("Earlier id that still redirects here")),
                   **{lang: text for lang in LANGUAGES}})
    topic = _obj({"id": _s("Topic id"), "name": _langs("Name"),
                  "description": _langs("Description, Markdown"), "pages": _langs("Page")})
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "faq.json",
            **_obj({**DOCUMENT_META, "topics": _arr(topic), "answers": _arr(answer)})}


def _document(schema_file: str, content: Content) -> dict[str, str]:
    return {"$schema": schema_file, "license": CONTENT_LICENCE["path"],
            "attribution": f"{site_title(content)}, {CONTENT_LICENCE_SHORT}"}


def write_data(site: Path, content: Content, base_url: str) -> None:
    out = site / "data"
    out.mkdir(exist_ok=True)
    write_json(out / "regions.json", {**_document("regions.schema.json", content),
                                      "regions": regions_records(content, base_url)})
    write_json(out / "faq.json", {**_document("faq.schema.json", content),
                                  **faq_document(content, base_url)})
    write_csv(out / "regions.csv", list(REGION_FIELDS), region_rows(content, base_url))
    write_csv(out / "municipalities.csv", list(MUNICIPALITY_FIELDS), municipality_rows(content))
    write_json(out / "regions.schema.json", regions_schema())
    write_json(out / "faq.schema.json", faq_schema())
    write_json(out / "datapackage.json", data_package(content, base_url))


def _timestamp(day: date) -> str:
    return datetime.combine(day, time(), timezone.utc).isoformat().replace("+00:00", "Z")


def atom_feed(content: Content, lang: str, base_url: str) -> bytes:
    """The Atom feed (RFC 4287) of one language: recently reviewed answers."""
    ET.register_namespace("", ATOM)
    entries = feed_entries(content, lang)
    home = page_url(base_url, lang, "")
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        element.text = text
        return element
    sub(feed, "id", home + "feed.xml")
    sub(feed, "title", f"{content.t('site.name', lang)}: {content.t('home.latest', lang)}")
    sub(feed, "link", rel="self", href=home + "feed.xml", type="application/atom+xml")
    sub(feed, "link", rel="alternate", href=home, type="text/html")
    sub(feed, "updated", _timestamp(max((e["updated"] for e in entries), default=date(2026, 1, 1))))
    sub(sub(feed, "author"), "name", content.t("site.name", lang))
    sub(feed, "rights", CONTENT_LICENCE_SHORT)
    for item in entries:
        url = page_url(base_url, lang, item["path"])
        entry = sub(feed, "entry")
        sub(entry, "id", url)
        sub(entry, "title", item["title"])
        sub(entry, "link", rel="alternate", href=url, type="text/html")
        sub(entry, "updated", _timestamp(item["updated"]))
        sub(entry, "summary", item["summary"])
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def run(site: Path, content: Content, base_url: str) -> bool:
    write_data(site, content, base_url)
    for lang in LANGUAGES:
        (site / LANGUAGE_PREFIX[lang] / "feed.xml").write_bytes(atom_feed(content, lang, base_url))
    return True
