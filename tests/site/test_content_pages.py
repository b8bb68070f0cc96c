"""What readers get from the glossary, the PRH figures on county pages, the 2021
situational survey and the feedback links: read from the real built site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support.htmltools import parse, text_of

UUSIMAA = ["ita-uusimaa", "keski-uusimaa", "lansi-uusimaa", "vantaa-kerava", "helsinki"]


def article(site: Path, url: str) -> str:
    html = (site / url.strip("/") / "index.html").read_text(encoding="utf-8")
    match = re.search(r"<article[^>]*>(.*)</article>", html, re.S)
    assert match, f"{url}: no article"
    return match.group(1)


def section(html: str, anchor: str) -> str:
    """The HTML from the heading with id=anchor to the next heading of the same level."""
    match = re.search(rf'<h([1-6])[^>]*id="{anchor}"[^>]*>(.*?)(?=<h\1[ >]|\Z)', html, re.S)
    assert match, f"no heading #{anchor}"
    return match.group(0)


# --- the glossary ------------------------------------------------------------------


@pytest.mark.parametrize("lang, prefix", [("fi", ""), ("sv", "sv/")])
def test_glossary_has_a_linkable_section_per_term(site: Path, content, lang: str, prefix: str) -> None:
    html = article(site, f"/{prefix}sanasto/")
    other = "sv" if lang == "fi" else "fi"
    assert len(content.glossary) >= 30
    for term in content.glossary:
        part = section(html, term.id)
        heading = re.search(r"<h2[^>]*>(.*?)</h2>", part, re.S)
        assert heading and term.term.get(lang) in text_of(heading.group(1)), term.id
        # The other two languages' forms carry their own language (WCAG 3.1.2).
        assert f'<span lang="{other}">{term.term.get(other)}</span>' in part.replace("&amp;", "&"), term.id
        assert f'<span lang="en">{term.term.en}</span>' in part, term.id
        for source in term.sources:
            assert source.url in part.replace("&amp;", "&"), term.id


def test_glossary_uses_the_statutory_swedish_terms(site: Path) -> None:
    text = text_of(article(site, "/sv/sanasto/"))
    for term in (
        "välfärdsområdesstyrelsen",
        "nationalspråksnämnd",
        "Suomi.fi-servicedatalagret (SDL)",
        "Social- och hälsoorganisationernas understödscentral (STEA)",
        "social- och hälsoorganisation",
        "organisationssakkunnig",
        "takorganisation",
    ):
        assert term in text, term


def test_glossary_is_sorted_as_the_alphabet(site: Path) -> None:
    ids = [i for i in parse(site / "sanasto" / "index.html").ids]
    # Finnish order: ... kumppanuusavustus ... vaalikelpoisuus ..., ä and ö after z.
    assert ids.index("kumppanuusavustus") < ids.index("vaalikelpoisuus")
    sv_headings = re.findall(r"<h2[^>]*>(.*?)<", article(site, "/sv/sanasto/"))
    names = [text_of(h) for h in sv_headings]
    assert names.index("allmännyttig") < names.index("välfärdsområde") < names.index("äldreråd")


@pytest.mark.parametrize("prefix", ["", "sv/"])
def test_glossary_is_in_the_navigation(site: Path, prefix: str) -> None:
    links = parse(site / prefix / "index.html").links
    assert any(link.get("href") == "sanasto/" and "md-nav__link" in link.get("class", "") for link in links)


# --- registered associations on county pages -----------------------------------------------


@pytest.mark.parametrize(
    "region_id, count, social",
    [
        ("kainuu", "2\u00a0027", "119"),
        ("helsinki", "32\u00a0272", "2\u00a0746"),
        ("pirkanmaa", "9\u00a0306", "759"),
    ],
)
def test_county_page_shows_prh_figure_with_its_date_and_source(
    site: Path, region_id: str, count: str, social: str
) -> None:
    facts = section(article(site, f"/alueet/{region_id}/"), "perustiedot").replace("&nbsp;", "\u00a0")
    assert f"{count} rekisteröityä yhdistystä, joista {social} on sosiaali- ja terveysalan" in facts
    assert "tilanne 2.1.2025" in facts
    assert "laskee yhdistykset maakunnittain, ei hyvinvointialueittain" in facts
    assert 'href="https://prh.fi/fi/yhdistysrekisteri/yhdistysrekisterintilastoja/' in facts
    sv = section(article(site, f"/sv/alueet/{region_id}/"), "perustiedot").replace("&nbsp;", "\u00a0")
    assert f"{count} registrerade föreningar, varav {social} är föreningar inom social- och hälsovården" in sv
    assert "räknar föreningarna per landskap, inte per välfärdsområde" in sv


def test_every_county_page_has_its_region_figure(site: Path, content) -> None:
    for region_id in content.regions:
        region = content.associations_of(region_id)
        assert region is not None, region_id
        facts = text_of(section(article(site, f"/alueet/{region_id}/"), "perustiedot"))
        assert f"{region.name.fi}:" in facts, region_id


@pytest.mark.parametrize("region_id", UUSIMAA)
def test_uusimaa_counties_share_one_figure_and_say_so(site: Path, region_id: str) -> None:
    facts = section(article(site, f"/alueet/{region_id}/"), "perustiedot")
    assert "Uusimaa: 32&nbsp;272" in facts or "Uusimaa: 32\u00a0272" in facts
    assert "Luku koskee koko maakuntaa" in facts
    for other in UUSIMAA:
        if other != region_id:
            assert f'href="../{other}/"' in facts, other


def test_a_county_alone_in_its_region_names_no_neighbours(site: Path) -> None:
    assert "Luku koskee koko maakuntaa" not in section(article(site, "/alueet/kainuu/"), "perustiedot")


# --- the 2021 situational survey ------------------------------------------------------------


@pytest.mark.parametrize(
    "prefix, words",
    [
        ("", ["3,3 asteikolla 1–5", "Pohjois-Pohjanmaalla ja Pohjois-Karjalassa", "heikoimmaksi Kainuussa"]),
        ("sv/", ["3,3 på skalan 1–5", "Norra Österbotten och Norra Karelen", "svagast i Kajanaland"]),
    ],
)
def test_tilannekuva_answers_with_the_2021_survey_and_its_sources(site: Path, prefix: str, words) -> None:
    html = article(site, f"/{prefix}ukk/tilannekuva/")
    survey = text_of(section(html, "arvio-2021"))
    for word in [*words, "3,2"]:  # the bulletin's earlier figure is named as such
        assert word in survey, word
    sources = section(html, "lahteet")
    assert "https://www.jelli.fi/2021/09/03/kysely-suomessa-isoja-alueittaisia-eroja" in sources
    assert 'href="../../lahteet/soste-muutostuki-katsaus-2021/"' in sources
    # The answer shown first already gives the figure.
    assert "3,3" in text_of(section(html, "otsikko") + html.split('id="vastaus"', 1)[1][:600])


# --- the feedback channel --------------------------------------------------------------------


@pytest.mark.parametrize("page", ["tietoa", "sv/tietoa", "saavutettavuus", "sv/saavutettavuus"])
def test_feedback_links_go_to_the_repository_issues(site: Path, content, page: str) -> None:
    hrefs = {link.get("href") for link in parse(site / page / "index.html").links}
    assert content.site["repository_url"].rstrip("/") + "/issues/new" in hrefs


def test_no_front_page_links_on_the_hand_written_pages(site: Path) -> None:
    for page in ("tietoa", "saavutettavuus", "tietosuoja", "sv/tietoa", "sv/saavutettavuus", "sv/tietosuoja"):
        for href in re.findall(r'href="(https?://[^"]+)"', article(site, f"/{page}/")):
            assert re.sub(r"^https?://[^/]+", "", href) not in ("", "/"), f"{page}: {href}"
