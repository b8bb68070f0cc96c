"""The comparison across counties (/vertailu/, /sv/vertailu/, data/comparison.csv) of the
real site: one row per county, each fact the one its county file holds, each cell
linking to the section of the county page that holds the fact and its sources, and a
layout that reads without a script (the browser side: tests/browser/test_comparison_browser.py)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from kb.content.model import GrantRound, Region, partial_date_end
from kb.pages.render import alphabetical
from support.fixture import BUILD_DATE
from support.htmltools import Cell, parse, table_rows

LANGS = [("fi", ""), ("sv", "sv/")]
TODAY = date.fromisoformat(BUILD_DATE)
COLUMNS = 11  # county, deciding body, kinds, window, budget, four conditions, NGO body, network
RULES = ["registered-in-area", "multi-municipality", "open-to-non-members", "service-listing"]


def rows_of(site: Path, prefix: str) -> tuple[list[str], list[list[Cell]]]:
    html = (site / prefix / "vertailu" / "index.html").read_text(encoding="utf-8")
    rows = table_rows(html, "kb-compare__table")
    assert rows, f"/{prefix}vertailu/: no comparison table"
    return [cell.text for cell in rows[0]], rows[1:]


def by_county(site: Path, prefix: str, content) -> dict[str, list[Cell]]:
    """Each row by the county its first cell links to."""
    _, rows = rows_of(site, prefix)
    found = {}
    for row in rows:
        region_id = row[0].links[0].strip("/").split("/")[-1]
        assert region_id in content.regions, row[0].links
        found[region_id] = row
    return found


def ui(content, key: str, lang: str) -> str:
    return content.ui[key].get(lang)


def anchor_of(cell: Cell, region_id: str) -> str:
    """The section a cell links to; it must be on its own county's page."""
    assert len(cell.links) == 1, cell
    page, _, anchor = cell.links[0].partition("#")
    assert page == f"../alueet/{region_id}/", f"{region_id}: {cell.text} links to {cell.links[0]}"
    return anchor


def newer(a: GrantRound, b: GrantRound) -> bool:
    return (a.grant_year, a.closes) > (b.grant_year, b.closes)


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_one_row_per_county_in_alphabetical_order(site: Path, content, lang: str, prefix: str) -> None:
    headers, rows = rows_of(site, prefix)
    assert len(headers) == COLUMNS
    names = [row[0].text for row in rows]
    expected = sorted((region.name.get(lang) for region in content.regions.values()), key=alphabetical)
    assert names == expected
    assert all(row[0].tag == "th" and row[0].attrs.get("scope") == "row" for row in rows)


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_every_cell_names_its_column_for_the_phone_layout(site: Path, lang: str, prefix: str) -> None:
    headers, rows = rows_of(site, prefix)
    for row in rows:
        assert [cell.attrs.get("data-label") for cell in row] == headers, row[0].text


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_each_fact_links_to_its_section_on_the_county_page(
    site: Path, content, lang: str, prefix: str
) -> None:
    unknown = ui(content, "compare.unknown", lang)
    for region_id, row in by_county(site, prefix, content).items():
        ids = set(parse(site / prefix / "alueet" / region_id / "index.html").ids)
        for cell in row[1:]:
            if cell.text == unknown and not cell.links:
                continue  # a condition no source states: nothing to link to
            anchor = anchor_of(cell, region_id)
            assert anchor in ids, f"{region_id}: {cell.text} links to a missing #{anchor}"


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_deciding_body_is_the_one_the_county_file_names(site: Path, content, lang: str, prefix: str) -> None:
    for region_id, row in by_county(site, prefix, content).items():
        region: Region = content.regions[region_id]
        named = [s for s in region.structures if s.type == "grant_programme" and s.decided_by]
        cell = row[1]
        if named:
            assert cell.text.startswith(named[0].decided_by.get(lang)), (region_id, cell.text)
            assert anchor_of(cell, region_id) == named[0].id
        else:
            assert cell.text == ui(content, "compare.unknown", lang), (region_id, cell.text)


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_window_and_budget_come_from_the_newest_rounds(site: Path, content, lang: str, prefix: str) -> None:
    for region_id, row in by_county(site, prefix, content).items():
        rounds = {r.id: r for r in content.regions[region_id].grant_rounds}
        kinds_cell, window_cell, budget_cell = row[2], row[3], row[4]
        if not rounds:
            assert window_cell.text == budget_cell.text == ui(content, "compare.unknown", lang)
            continue
        shown = rounds[anchor_of(window_cell, region_id)]
        assert anchor_of(kinds_cell, region_id) == shown.id
        assert not any(newer(other, shown) for other in rounds.values()), (region_id, shown.id)
        closes = shown.closes
        assert f"{closes.day}.{closes.month}.{closes.year}" in window_cell.text
        assert str(shown.grant_year) in window_cell.text
        budgeted = [r for r in rounds.values() if r.budget]
        if not budgeted:
            assert budget_cell.text == ui(content, "compare.unknown", lang)
            continue
        with_budget = rounds[anchor_of(budget_cell, region_id)]
        assert with_budget.budget and not any(newer(other, with_budget) for other in budgeted)
        amount = f"{with_budget.budget.amount_eur:,}".replace(",", "\u00a0")
        assert amount in budget_cell.text and str(with_budget.budget.year) in budget_cell.text


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_conditions_are_shown_only_where_a_source_states_them(
    site: Path, content, lang: str, prefix: str
) -> None:
    for region_id, row in by_county(site, prefix, content).items():
        eligibility = sorted(content.regions[region_id].eligibility, key=lambda e: e.grant_year)
        stated = {e.rule: e for e in eligibility}  # the newest statement of each
        for rule, cell in zip(RULES, row[5:9], strict=True):
            if rule not in stated:
                assert cell.text == ui(content, "compare.unknown", lang) and not cell.links
                continue
            answer = "yes" if stated[rule].required else "no"
            expected = ui(content, f"eligibility.answer.{answer}", lang).replace(
                "{year}", str(stated[rule].grant_year)
            )
            assert cell.text == expected, (region_id, rule)
            assert anchor_of(cell, region_id) == "avustusten-ehdot"


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_an_ngo_body_whose_term_has_ended_says_so(site: Path, content, lang: str, prefix: str) -> None:
    ended_label = ui(content, "compare.ended", lang)
    seen_ended = False
    for region_id, row in by_county(site, prefix, content).items():
        cell = row[9]
        if cell.text == ui(content, "compare.unknown", lang):
            continue
        anchor = anchor_of(cell, region_id)
        structure = next(s for s in content.regions[region_id].structures if s.id == anchor)
        assert cell.text.startswith(structure.name.get(lang))
        ended = structure.valid_until is not None and partial_date_end(structure.valid_until) < TODAY
        assert (ended_label in cell.text) == ended, (region_id, cell.text)
        seen_ended |= ended
    assert seen_ended, "the content has bodies whose terms ended in 2025: one must show as ended"


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_comparison_is_in_the_navigation_and_links_its_data(site: Path, lang: str, prefix: str) -> None:
    home_links = parse(site / prefix / "index.html").links
    nav = [link.get("href") for link in home_links if "md-nav__link" in link.get("class", "")]
    assert "vertailu/" in nav
    page_links = [link.get("href") for link in parse(site / prefix / "vertailu" / "index.html").links]
    assert ("../" * (2 if prefix else 1)) + "data/comparison.csv" in page_links


def test_csv_holds_the_same_facts_as_the_page(site: Path, content) -> None:
    text = (site / "data" / "comparison.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    by_code = sorted(content.regions, key=lambda region_id: content.regions[region_id].statfi_code)
    assert [row["region"] for row in rows] == by_code
    package = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in package["resources"] if r["path"] == "comparison.csv")
    assert list(rows[0]) == [f["name"] for f in resource["schema"]["fields"]]
    page = by_county(site, "", content)
    for row in rows:
        cells = page[row["region"]]
        assert cells[1].text.startswith(row["decided_by_fi"] or content.ui["compare.unknown"].fi)
        if row["budget_eur"]:
            assert f"{int(row['budget_eur']):,}".replace(",", "\u00a0") in cells[4].text
        if row["round_id"]:
            assert anchor_of(cells[3], row["region"]) == row["round_id"]
        for rule in RULES:
            assert row[rule.replace("-", "_")] in ("", "yes", "no")
