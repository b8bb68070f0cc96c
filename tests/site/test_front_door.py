"""The front door (issue 14) of the real site, read as HTML: the home page's finder, tile
map and open grant rounds, the county list's cards and collapsed tables, the navigation's
labels, the breadcrumbs and the task bar. Expected values come from the content files
(the `content` fixture), never from the output."""

from __future__ import annotations

import html as htmllib
import re
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import pytest

from kb.content.model import Content, Region
from support.fixture import BUILD_DATE
from support.htmltools import PageParser, html_of, parse, resolve, section, text_of

TODAY = date.fromisoformat(BUILD_DATE)
LANGS = [("fi", "/"), ("sv", "/sv/")]

FINDER_ITEM = re.compile(r'<li data-terms="([^"]*)"><a href="([^"]*)">(.*?)</a></li>', re.S)


def article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def finder_items(html: str, page_url: str) -> list[tuple[set[str], str, str]]:
    """(the names an entry is found by, the absolute path it links to, its text)."""
    inside = html[html.index('class="kb-finder__list"') :]
    inside = inside[: inside.index("</ul>")]
    return [
        ({htmllib.unescape(t) for t in terms.split(" | ")}, urljoin(page_url, href), text_of(text))
        for terms, href, text in FINDER_ITEM.findall(inside)
    ]


def county_of(items: list[tuple[set[str], str, str]], name: str) -> set[str]:
    return {target for terms, target, _ in items if name in terms}


def region_url(prefix: str, region: Region) -> str:
    return f"{prefix}alueet/{region.id}/"


# --- the finder --------------------------------------------------------------------------


def merged(content: Content, name: str) -> Region:
    """The county of the municipality a former municipality `name` merged into."""
    for m in content.municipalities:
        if any(change.name.fi == name for change in m.former):
            return content.regions[m.region]
    raise AssertionError(f"{name} is not a former municipality in content/regions/municipalities.yml")


def by_swedish_name(content: Content, name: str) -> Region:
    found = [m for m in content.municipalities if m.name_sv == name]
    assert len(found) == 1, name
    return content.regions[found[0].region]


def by_other_name(content: Content, name: str) -> Region:
    found = [r for r in content.regions.values() if name == r.brand_name or name in r.other_names]
    assert len(found) == 1, name
    return found[0]


@pytest.mark.parametrize("lang, prefix", LANGS)
@pytest.mark.parametrize("page", ["", "alueet/"])
def test_the_finder_gives_the_county_of_a_former_a_swedish_and_a_brand_name(
    site: Path, content: Content, lang: str, prefix: str, page: str
) -> None:
    url = prefix + page
    items = finder_items(html_of(site, url), url)
    for name, region in [
        ("Pertunmaa", merged(content, "Pertunmaa")),
        ("Borgå", by_swedish_name(content, "Borgå")),
        ("Eksote", by_other_name(content, "Eksote")),
    ]:
        assert county_of(items, name) == {region_url(prefix, region)}, f"{url}: {name}"


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_the_finder_knows_every_name(site: Path, content: Content, lang: str, prefix: str) -> None:
    """Every municipality in both languages, every former municipality, every county in
    both languages with its short, brand and other names, each linking to its county."""
    items = finder_items(html_of(site, prefix), prefix)
    expected: dict[str, set[str]] = {}

    def want(name: str | None, region: Region) -> None:
        if name:
            expected.setdefault(name, set()).add(region_url(prefix, region))

    for m in content.municipalities:
        region = content.regions[m.region]
        for name in (m.name_fi, m.name_sv, *(n for c in m.former for n in (c.name.fi, c.name.sv))):
            want(name, region)
    for region in content.regions.values():
        names = [region.name.fi, region.name.sv, region.brand_name, *region.other_names]
        if region.short_name:
            names += [region.short_name.fi, region.short_name.sv]
        for name in names:
            want(name, region)
    assert len(expected) > len(content.municipalities)
    for name, targets in expected.items():
        assert county_of(items, name) == targets, name
    assert all(resolve(site, target) for _, target, _ in items)


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_the_finder_without_javascript_is_a_list_and_its_box_waits_for_the_script(
    site: Path, lang: str, prefix: str
) -> None:
    html = html_of(site, prefix)
    parsed = PageParser()
    parsed.feed(html)
    # the finder's parts by class: their attributes, in whatever order they are written
    elements = {a["class"]: a for _, a in parsed.elements if a.get("class", "").startswith("kb-finder")}
    assert "hidden" in elements["kb-finder__search"], "the box does nothing without the script"
    assert re.search(r'<details class="kb-finder__all">\s*<summary>', html)
    label = re.search(r'<label for="kb-finder-input"[^>]*>([^<]+)</label>', html)
    assert label and label.group(1).strip(), "the input has a visible label"
    count = elements["kb-finder__count"]
    assert count.get("role") == "status" and count.get("aria-live") == "polite", "the count is announced"
    assert re.search(r'<script src="[^"]*assets/kb-finder\.js"', html), "the page loads the finder's script"
    # the finder comes first: in the "find your county" section, before the tile map
    assert html.index('id="oma-alue"') < html.index("data-kb-finder") < html.index('id="alueet"')


# --- the tile map --------------------------------------------------------------------------


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_the_tile_map_has_one_link_per_organiser(
    site: Path, content: Content, lang: str, prefix: str
) -> None:
    html = html_of(site, prefix)
    tiles = html[html.index('<ol class="kb-tilemap"') :]
    tiles = tiles[: tiles.index("</ol>")]
    assert re.search(r'<ol class="kb-tilemap" aria-label="[^"]+"', tiles), "the map has a name"
    links = re.findall(r'<a href="([^"]+)">(.*?)</a>', tiles, re.S)
    assert len(links) == len(content.regions) == 22
    targets = {urljoin(prefix, href) for href, _ in links}
    assert targets == {region_url(prefix, region) for region in content.regions.values()}
    by_target = {urljoin(prefix, href): text_of(inner.replace("\u00ad", "")) for href, inner in links}
    for region in content.regions.values():
        name = by_target[region_url(prefix, region)]
        short = region.short_name.get(lang) if region.short_name else region.name.get(lang)
        assert name.startswith(short), "the link's name begins with what it shows (WCAG 2.5.3)"
        assert region.name.get(lang) in name, "the full name is in the link's name"


# --- grant rounds open now ------------------------------------------------------------------


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_open_rounds_are_those_of_the_build_date(
    site: Path, content: Content, lang: str, prefix: str
) -> None:
    html = section(html_of(site, prefix), "avustushaut-nyt")
    assert f'<time datetime="{TODAY.isoformat()}">{TODAY.day}.{TODAY.month}.{TODAY.year}</time>' in html
    links = {urljoin(prefix, href) for href in re.findall(r'<a href="([^"]+)"', html)}
    assert f"{prefix}kalenteri/" in links, "the section links to the calendar"
    # From the data by the plain rule (a window holding the day), not by kb.content.calendar.
    windows = [(region, gr) for region in content.regions.values() for gr in region.grant_rounds]
    open_now = {
        f"{region_url(prefix, region)}#{gr.id}"
        for region, gr in windows
        if gr.opens is not None and gr.opens <= TODAY <= gr.closes
    }
    coming = {
        f"{region_url(prefix, region)}#{gr.id}" for region, gr in windows if gr.opens and gr.opens > TODAY
    }
    listed = {link for link in links if "#" in link}
    if open_now:
        assert listed == open_now
    else:  # the next ones to open (at most three), or none
        assert listed <= coming and len(listed) == min(3, len(coming))
    none = content.ui["calendar.open.none"].get(lang).format(date=f"{TODAY.day}.{TODAY.month}.{TODAY.year}")
    assert (none in text_of(html)) == (not open_now), "says so in words when no round is open"


# --- the county list -------------------------------------------------------------------------


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_the_county_list_is_cards_and_collapsed_tables(
    site: Path, content: Content, lang: str, prefix: str
) -> None:
    url = f"{prefix}alueet/"
    html = article(html_of(site, url))
    cards = re.findall(r'<li class="kb-card">(.*?)</li>', html, re.S)
    assert len(cards) == len(content.regions)
    for region in content.regions.values():
        card = next(c for c in cards if f'href="{region.id}/"' in c)
        text = text_of(card)
        assert region.name.get(lang) in text
        assert content.ui[f"language.{region.language}"].get(lang) in text
        assert re.search(rf"\b{len(content.municipalities_of(region.id))}\b", text)
        if region.brand_name:
            assert region.brand_name in text
    tables = re.findall(r'<details class="kb-municipalities">(.*?)</details>', html, re.S)
    assert len(tables) == len(content.regions), "one collapsed table per county"
    assert sum(t.count("<tr>") - 1 for t in tables) == len(content.municipalities)
    for table in tables:  # on a phone each row is a card: every cell names its column
        columns = [text_of(th) for th in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)]
        for row in re.findall(r"<tbody>(.*?)</tbody>", table, re.S)[0].split("</tr>")[:-1]:
            assert re.findall(r'<td data-label="([^"]*)"', row) == columns, row
    assert "<details open" not in html
    positions = [
        html.index(f'id="{anchor}"') for anchor in ("otsikko", "kunta-alue-haku", "luettelo", "kunnat")
    ]
    assert positions == sorted(positions), "the finder first, then the cards, then the tables"


# --- navigation, breadcrumbs, the task bar -----------------------------------------------------


def nav_labels(html: str) -> list[str]:
    """The navigation's entries: its links to pages, not the current page's table of
    contents (links to #anchors, which Material nests in the navigation for phones)."""
    primary = html[html.index('class="md-nav md-nav--primary"') : html.index("md-sidebar--secondary")]
    links = re.findall(r'<a href="([^"]*)" class="md-nav__link[^"]*">(.*?)</a>', primary, re.S)
    return [text_of(text) for href, text in links if not href.startswith("#")]


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_every_navigation_entry_reads_differently(
    site: Path, content: Content, lang: str, prefix: str
) -> None:
    labels = nav_labels(html_of(site, f"{prefix}kalenteri/"))
    assert len(labels) >= 8
    assert len(labels) == len(set(labels)), labels
    assert content.ui["nav.regions"].get(lang) in labels, "the county list has its own label"
    assert all(topic.name.get(lang) in labels for topic in content.topics.values())


def breadcrumb_links(site: Path, url: str) -> list[tuple[str, str]]:
    html = article(html_of(site, url))
    found = re.search(r'<nav class="kb-breadcrumbs" aria-label="([^"]+)"[^>]*>(.*?)</nav>', html, re.S)
    assert found, f"{url}: no breadcrumbs"
    return [
        (urljoin(url, href), text_of(text))
        for href, text in re.findall(r'<a href="([^"]+)">(.*?)</a>', found.group(2))
    ]


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_breadcrumbs_on_county_topic_and_answer_pages(
    site: Path, content: Content, lang: str, prefix: str
) -> None:
    home = (prefix, content.ui["breadcrumbs.home"].get(lang))
    faq = (f"{prefix}ukk/", content.ui["faq.title"].get(lang))
    for region in content.regions.values():
        assert breadcrumb_links(site, region_url(prefix, region)) == [
            home,
            (f"{prefix}alueet/", content.ui["nav.regions"].get(lang)),
        ]
    for topic in content.topics.values():
        assert breadcrumb_links(site, f"{prefix}ukk/{topic.id}/") == [home, faq]
    for answer in content.answers.values():
        topic = content.topics[answer.topic]
        assert breadcrumb_links(site, f"{prefix}ukk/{answer.id}/") == [
            home,
            faq,
            (f"{prefix}ukk/{topic.id}/", topic.name.get(lang)),
        ]


@pytest.mark.parametrize("lang, prefix", LANGS)
@pytest.mark.parametrize("page", ["", "alueet/pirkanmaa/", "ukk/hakuajat/", "kalenteri/", "tietoa/"])
def test_the_primary_tasks_are_on_every_page(
    site: Path, content: Content, lang: str, prefix: str, page: str
) -> None:
    url = prefix + page
    html = html_of(site, url)
    bar = re.search(r'<nav class="kb-tasks" aria-label="([^"]+)">(.*?)</nav>', html, re.S)
    assert bar and bar.group(1) == content.ui["tasks.label"].get(lang)
    links = [
        (urljoin(url, href), text_of(t)) for href, t in re.findall(r'href="([^"]+)">(.*?)</a>', bar.group(2))
    ]
    assert [target for target, _ in links] == [f"{prefix}#oma-alue", f"{prefix}kalenteri/", f"{prefix}ukk/"]
    assert [text for _, text in links] == [
        content.ui[f"tasks.{k}"].get(lang) for k in ("region", "calendar", "faq")
    ]
    home = parse(resolve(site, prefix))
    assert "oma-alue" in home.ids
