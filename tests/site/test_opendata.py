"""Open data, feeds, sitemap, structured data and precompressed files of the
real built site, checked against the content they come from."""

from __future__ import annotations

import csv
import gzip
import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import brotli
import pytest

from support.htmltools import pages, parse, url_of

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def load_json(site: Path, name: str):
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


def read_csv(site: Path, name: str) -> list[dict[str, str]]:
    with (site / "data" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def conforms(value, schema: dict, where: str = "$") -> list[str]:
    """A small JSON Schema check (type, enum, required, properties, items):
    enough for the schemas we publish, without a new dependency."""
    types = schema.get("type")
    types = [types] if isinstance(types, str) else types or []
    names = {"string": str, "object": dict, "array": list, "null": type(None), "integer": int}
    if types and not any(isinstance(value, names[t]) for t in types):
        return [f"{where}: {value!r} is not {types}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{where}: {value!r} not in {schema['enum']}"]
    problems = []
    if isinstance(value, dict):
        problems += [f"{where}: missing {k}" for k in schema.get("required", []) if k not in value]
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                problems += conforms(value[key], sub, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            problems += conforms(item, schema["items"], f"{where}[{index}]")
    return problems


@pytest.mark.parametrize("name", ["regions.json", "faq.json"])
def test_json_files_follow_their_published_schema(site: Path, name: str) -> None:
    data = load_json(site, name)
    schema = load_json(site, data["$schema"])
    assert schema["properties"], "an empty schema would accept anything"
    assert conforms(data, schema) == []
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"


def test_regions_and_municipalities_match_the_content(site: Path, content) -> None:
    regions = load_json(site, "regions.json")["regions"]
    assert {r["id"] for r in regions} == set(content.regions)
    rows = read_csv(site, "regions.csv")
    assert {r["id"]: r["name_sv"] for r in rows} == {i: r.name.sv for i, r in content.regions.items()}
    municipalities = read_csv(site, "municipalities.csv")
    assert {m["code"]: m["region"] for m in municipalities} == {
        m.code: m.region for m in content.municipalities
    }
    assert all(len(m["code"]) == 3 for m in municipalities), "leading zeros must be kept"
    by_region = {r["id"]: int(r["municipality_count"]) for r in rows}
    assert sum(by_region.values()) == len(content.municipalities)


def test_faq_holds_both_languages_with_working_urls(site: Path, content) -> None:
    faq = load_json(site, "faq.json")
    assert {a["id"] for a in faq["answers"]} == set(content.answers)
    base = re.search(
        r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8")
    ).group(1)
    for record in faq["answers"]:
        for lang in ("fi", "sv"):
            text = content.answers[record["id"]].texts[lang]
            assert record[lang]["question"] == text.meta.question
            path = record[lang]["url"].removeprefix(base)
            assert (site / path / "index.html").is_file(), record[lang]["url"]
            assert "](alue:" not in record[lang]["body_markdown"], "links must be absolute"


def test_data_package_describes_every_file_and_column(site: Path, content) -> None:
    package = load_json(site, "datapackage.json")
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    described = {r["path"] for r in package["resources"]}
    assert described == {
        "regions.json",
        "regions.csv",
        "municipalities.csv",
        "faq.json",
        "grant-rounds.json",
        "grant-rounds.csv",
        "events.json",
        "events.csv",
        "comparison.csv",
    }
    for resource in package["resources"]:
        assert (site / "data" / resource["path"]).is_file()
        if resource["format"] == "csv":
            header = read_csv(site, resource["path"])[0].keys()
            assert [f["name"] for f in resource["schema"]["fields"]] == list(header)
            assert all(f["description"] for f in resource["schema"]["fields"])
    municipalities = next(r for r in package["resources"] if r["path"] == "municipalities.csv")
    assert municipalities["sources"][0]["path"] == content.municipality_source.url


def test_about_pages_link_to_the_data(site: Path) -> None:
    for prefix in ("", "sv/"):
        page = site / prefix / "tietoa" / "index.html"
        links = [link["href"] for link in parse(page).links if link["tag"] == "a"]
        data_links = [href for href in links if "data/" in href]
        assert len(data_links) >= 4, page
        for href in data_links:
            assert (page.parent / href).resolve().is_file(), f"{page}: {href}"


@pytest.mark.parametrize("lang, prefix", [("fi", ""), ("sv", "sv/")])
def test_atom_feed_lists_recently_reviewed_answers(site: Path, content, lang: str, prefix: str) -> None:
    feed = ET.parse(site / prefix / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert entries and len(entries) <= 20
    dates = [e.find(f"{ATOM}updated").text for e in entries]
    assert dates == sorted(dates, reverse=True)
    newest = max(a.texts[lang].meta.reviewed for a in content.answers.values())
    assert dates[0].startswith(newest.isoformat())
    questions = {a.texts[lang].meta.question for a in content.answers.values()}
    for entry in entries:
        assert entry.find(f"{ATOM}title").text in questions
        assert entry.find(f"{ATOM}link").get("href").startswith("http")
    home = site / prefix / "index.html"
    feed_links = [link for link in parse(home).links if link.get("type") == "application/atom+xml"]
    assert len(feed_links) == 1
    assert (home.parent / feed_links[0]["href"]).resolve() == (site / prefix / "feed.xml").resolve()


def test_answer_pages_carry_faq_structured_data(site: Path, content) -> None:
    pattern = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
    for answer in content.answers.values():
        for lang, prefix in (("fi", ""), ("sv", "sv/")):
            html = (site / prefix / "ukk" / answer.id / "index.html").read_text(encoding="utf-8")
            blocks = pattern.findall(html)
            assert len(blocks) == 1, answer.id
            data = json.loads(blocks[0])
            question = data["mainEntity"][0]
            assert data["@type"] == "FAQPage" and data["inLanguage"] == lang
            assert question["name"] == answer.texts[lang].meta.question
            assert question["acceptedAnswer"]["text"]
    assert not pattern.search((site / "alueet" / "index.html").read_text(encoding="utf-8"))


def test_sitemap_has_absolute_urls_and_hreflang_alternates(site: Path) -> None:
    root = ET.parse(site / "sitemap.xml").getroot()
    entries = {u.find(f"{SITEMAP}loc").text: u for u in root.findall(f"{SITEMAP}url")}
    base = next(iter(entries)).split("/", 3)[:3]
    built = {url_of(site, p) for p in pages(site)}
    assert {"/" + loc.split("/", 3)[3] for loc in entries} == built
    for loc, url in entries.items():
        assert loc.startswith(("http://", "https://")) and loc.split("/", 3)[:3] == base
        alternates = {a.get("hreflang"): a.get("href") for a in url.findall(f"{XHTML}link")}
        assert set(alternates) >= {"fi", "sv"}, loc
        assert loc in alternates.values(), f"{loc} must list itself among its alternates"
        for href in alternates.values():
            assert href in entries, f"{loc}: alternate {href} is not in the sitemap"


def test_text_files_have_precompressed_twins(site: Path) -> None:
    checked = 0
    for path in [
        site / "index.html",
        site / "sv" / "ukk" / "index.html",
        site / "data" / "faq.json",
        site / "sitemap.xml",
        site / "feed.xml",
        *site.glob("assets/stylesheets/main.*.css"),
        *site.glob("assets/javascripts/bundle.*.js"),
    ]:
        original = path.read_bytes()
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == original
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == original
        checked += 1
    assert checked >= 7
