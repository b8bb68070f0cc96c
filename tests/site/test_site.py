"""The real site, built from the repository's content: what a reader gets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kb.tools.linkcheck import article_anchors
from support.htmltools import (
    absolute,
    language_of_url,
    pages,
    parse,
    resolve,
    twin_url,
    url_of,
    webcal_path,
)

REGION_SECTIONS = ["tarkistettu", "perustiedot", "kunnat", "yhteistyorakenteet", "yhteystiedot", "lahteet"]


def test_both_languages_have_the_same_pages(site: Path) -> None:
    urls = {url_of(site, p) for p in pages(site)}
    fi = {u for u in urls if language_of_url(u) == "fi"}
    sv = {u for u in urls if language_of_url(u) == "sv"}
    assert len(fi) > 30
    assert {twin_url(u) for u in fi} == sv


def test_every_page_declares_its_true_language(site: Path) -> None:
    for path in pages(site):
        url = url_of(site, path)
        assert parse(path).html_lang == language_of_url(url), url


def test_switcher_goes_to_the_same_page_in_the_other_language(site: Path) -> None:
    for path in pages(site):
        url = url_of(site, path)
        parsed = parse(path)
        alternates = {
            link["hreflang"]: link["href"]
            for link in parsed.links
            if link["tag"] == "a" and "md-select__link" in link.get("class", "")
        }
        other = "sv" if language_of_url(url) == "fi" else "fi"
        assert other in alternates, f"{url}: no switcher link to {other}"
        target = absolute(url, alternates[other])
        assert target == twin_url(url), f"{url}: switcher goes to {target}"
        assert resolve(site, target), f"{url}: switcher target {target} does not exist"


def test_same_anchors_in_both_languages(site: Path) -> None:
    """kb-links.js adds the current #anchor to the switcher link (which goes to the twin
    page, test above): the twin must have every anchor a reader can be at, and the
    reverse. The theme's own ids (__drawer …) do not count, except inside the article."""

    def anchors(path: Path) -> set[str]:
        ids = {i for i in parse(path).ids if not i.startswith("__")}
        return ids | set(article_anchors(path.read_text(encoding="utf-8")))

    for path in pages(site):
        url = url_of(site, path)
        if language_of_url(url) != "fi":
            continue
        fi_ids, sv_ids = anchors(path), anchors(resolve(site, twin_url(url)))
        assert fi_ids == sv_ids, f"{url}: anchors differ: {sorted(fi_ids ^ sv_ids)}"


def test_internal_links_resolve(site: Path) -> None:
    """Every link between pages opens a file, and a link to a #section finds it there
    (MkDocs checks the Markdown links; this also covers links written as HTML)."""
    ids: dict[Path, set[str]] = {}
    for path in pages(site):
        url = url_of(site, path)
        for link in parse(path).links:
            href = link.get("href", "")
            if not href or href.startswith(("http:", "https:", "mailto:", "tel:")):
                continue
            # A calendar subscription (webcal://) is the same file over http(s).
            target = webcal_path(site, href) if href.startswith("webcal://") else absolute(url, href)
            file = path if href.startswith("#") else resolve(site, target)
            assert file, f"{url}: broken link {href}"
            anchor = href.partition("#")[2]
            if anchor and file.suffix == ".html":
                if file not in ids:
                    ids[file] = set(parse(file).ids)
                assert anchor in ids[file], f"{url}: link {href} to a section that {file} does not have"


def test_404_is_bilingual(site: Path) -> None:
    html = (site / "404.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="fi"', html)
    assert '<div lang="fi">' in html and "Sivua ei löytynyt" in html
    assert '<div lang="sv">' in html and "Sidan hittades inte" in html


def test_no_instant_navigation(site: Path) -> None:
    config = re.search(
        r'<script id="__config" type="application/json">(.*?)</script>',
        (site / "index.html").read_text(encoding="utf-8"),
        re.S,
    )
    assert config, "Material's configuration block is missing"
    assert "navigation.instant" not in json.loads(config.group(1))["features"]


def test_county_pages_have_every_section(site: Path, content) -> None:
    for region_id, region in content.regions.items():
        for prefix in ("", "sv/"):
            path = site / prefix / "alueet" / region_id / "index.html"
            ids = parse(path).ids
            for section in REGION_SECTIONS:
                assert section in ids, f"{path}: no #{section}"
            for item in [*region.structures, *region.contacts]:
                assert item.id in ids, f"{path}: no anchor for {item.id}"


def test_answer_pages_show_answer_sources_and_review_date(site: Path, content) -> None:
    for answer in content.answers.values():
        for lang, prefix in (("fi", ""), ("sv", "sv/")):
            path = site / prefix / "ukk" / answer.id / "index.html"
            html = path.read_text(encoding="utf-8")
            parsed = parse(path)
            assert {"vastaus", "lahteet", "tarkistettu"} <= set(parsed.ids), path
            meta = answer.texts[lang].meta
            assert f'datetime="{meta.reviewed.isoformat()}"' in html
            hrefs = {link.get("href") for link in parsed.links}  # unescaped: URLs may hold &
            for source in meta.sources:
                if source.url:
                    assert source.url in hrefs, f"{path}: source {source.url} missing"


def test_edit_links_point_to_the_true_source_file(site: Path, content) -> None:
    def edit_href(path: Path) -> str:
        return next(link["href"] for link in parse(path).links if link.get("rel") == "edit")

    for answer in content.answers.values():
        for lang, prefix in (("fi", ""), ("sv", "sv/")):
            href = edit_href(site / prefix / "ukk" / answer.id / "index.html")
            assert href.endswith(f"/content/faq/{answer.topic}/{answer.id}.{lang}.md"), href
    for region_id in content.regions:
        for prefix in ("", "sv/"):
            href = edit_href(site / prefix / "alueet" / region_id / "index.html")
            assert href.endswith(f"/content/regions/{region_id}.yml"), href
    assert edit_href(site / "sv" / "index.html").endswith("/docs/sv/index.md")


def test_county_index_lists_every_county_and_municipality(site: Path, content) -> None:
    for prefix, lang in (("", "fi"), ("sv/", "sv")):
        html = (site / prefix / "alueet" / "index.html").read_text(encoding="utf-8")
        for region_id in content.regions:
            assert f'href="{region_id}/"' in html, f"{lang}: {region_id} not linked"
        for m in content.municipalities:
            assert m.name(lang).replace("&", "&amp;") in html, f"{lang}: {m.name(lang)} missing"


def test_no_third_party_assets_in_html(site: Path) -> None:
    for path in [site / "index.html", site / "sv" / "alueet" / "index.html"]:
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
        for tag, attrs in parse(path).elements:
            src = attrs.get("src", "") if tag in ("script", "img", "iframe") else ""
            href = attrs.get("href", "") if tag == "link" and attrs.get("rel") == "stylesheet" else ""
            for url in (src, href):
                assert not url.startswith(("http:", "https:", "//")), f"{path}: {url}"


@pytest.mark.parametrize("lang_prefix", ["", "sv/"])
def test_other_language_names_are_marked(site: Path, content, lang_prefix: str) -> None:
    """On a Swedish page the Finnish name carries lang="fi", and the reverse (WCAG 3.1.2)."""
    html = (site / lang_prefix / "alueet" / "pirkanmaa" / "index.html").read_text(encoding="utf-8")
    other = "fi" if lang_prefix else "sv"
    name = getattr(content.regions["pirkanmaa"].name, other)
    assert f'<span lang="{other}">{name}</span>' in html


def test_swedish_county_index_marks_finnish_municipality_names(site: Path, content) -> None:
    """A Finnish municipality name quoted on a Swedish page carries lang="fi"."""
    html = (site / "sv" / "alueet" / "index.html").read_text(encoding="utf-8")
    bilingual = [m for m in content.municipalities if m.name_sv and m.name_sv != m.name_fi]
    assert bilingual
    for m in bilingual:
        assert f'<span lang="fi">{m.name_fi}</span>' in html, m.name_fi


def test_head_alternates_are_absolute_and_name_every_language(site: Path) -> None:
    """<link rel="alternate" hreflang> with absolute addresses (search engines and
    Lighthouse require them), one per language and x-default (Finnish)."""
    for path in pages(site):
        url = url_of(site, path)
        links = {
            link["hreflang"]: link["href"]
            for link in parse(path).links
            if link["tag"] == "link" and link.get("rel") == "alternate" and "hreflang" in link
        }
        assert set(links) == {"fi", "sv", "x-default"}, url
        fi_url = url if language_of_url(url) == "fi" else twin_url(url)
        assert links["fi"].endswith(fi_url) and links["sv"].endswith(twin_url(fi_url)), url
        assert links["x-default"] == links["fi"]
        assert all(href.startswith(("http://", "https://")) for href in links.values()), url


def test_redirects_and_robots_files(site: Path, content) -> None:
    rules = (site / "_redirects").read_text(encoding="utf-8").splitlines()
    assert rules[0].startswith("# DO NOT EDIT")
    lines = [line for line in rules if not line.startswith("#")]
    expected = sorted(
        f"{prefix}/ukk/{alias}/ {prefix}/ukk/{a.id}/ 301"
        for a in content.answers.values()
        for alias in a.aliases
        for prefix in ("", "/sv")
    )
    assert lines == expected
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert re.search(r"^Sitemap: https?://\S+/sitemap\.xml$", robots, re.M)
    assert not (site / "sv" / "sitemap.xml").exists(), "one sitemap for both languages"


STATUS_WORDS = {
    "fi": {"ended": "päättynyt", "current": "käynnissä"},
    "sv": {"ended": "har gått ut", "current": "pågår"},
}


def _section(html: str, anchor: str) -> str:
    """The part of a county page from the heading with this anchor to the next heading."""
    start = html.index(f'id="{anchor}"')
    end = min((i for i in (html.find("<h2", start), html.find("<h3", start)) if i != -1), default=len(html))
    return html[start:end]


def test_ended_terms_are_shown_as_ended(site: Path, content) -> None:
    """A body whose term has ended says so on both county pages (issue #13): the
    status is computed from the build date, never written by hand."""
    from datetime import date

    from kb.content.freshness import period_status
    from support.fixture import BUILD_DATE

    today = date.fromisoformat(BUILD_DATE)
    seen = {"ended": 0, "current": 0}
    for region_id, region in content.regions.items():
        pages = {
            lang: (site / prefix / "alueet" / region_id / "index.html").read_text(encoding="utf-8")
            for lang, prefix in (("fi", ""), ("sv", "sv/"))
        }
        for structure in region.structures:
            status = period_status(structure, today)
            for lang, html in pages.items():
                part = _section(html, structure.id)
                if status is None:
                    assert "kb-period" not in part, f"{region_id}/{structure.id}"
                    continue
                assert f"kb-period--{status}" in part, f"{region_id}/{structure.id} ({lang})"
                words = STATUS_WORDS[lang].get(status)
                if words:
                    assert words in part, f"{region_id}/{structure.id} ({lang})"
            if status in seen:
                seen[status] += 1
    assert seen["ended"] >= 5 and seen["current"] >= 1, seen


def test_grant_programmes_say_who_decides_with_a_date_or_that_it_is_not_known(site: Path, content) -> None:
    for region_id, region in content.regions.items():
        html = (site / "alueet" / region_id / "index.html").read_text(encoding="utf-8")
        for structure in region.structures:
            if structure.type != "grant_programme":
                continue
            part = _section(html, structure.id)
            assert "Päättää:" in part, f"{region_id}/{structure.id}"
            if structure.decided_by:
                assert "(tilanne " in part, f"{region_id}/{structure.id}: no date beside the body"
            else:
                assert "ei tiedossa" in part, f"{region_id}/{structure.id}: the unknown body is not said"


def test_county_pages_cite_no_front_page(site: Path, content) -> None:
    """Every source on a county page opens the page that holds the fact: a site's front
    page is linked only as a website (the county's, a structure's or a contact's `url`)
    or as a listed exception."""
    from kb.content.model import FRONT_PAGE_SOURCES, is_front_page

    for region_id, region in content.regions.items():
        items = [*region.structures, *region.contacts]
        allowed = {region.website, region.website_sv} | {item.url for item in items}
        for prefix in ("", "sv/"):
            path = site / prefix / "alueet" / region_id / "index.html"
            for link in parse(path).links:
                href = link.get("href", "")
                if not href.startswith(("http://", "https://")) or not is_front_page(href):
                    continue
                host = re.sub(r"^https?://([^/?#]+).*", r"\1", href)
                assert href in allowed or host in FRONT_PAGE_SOURCES, f"{path}: front page {href}"
