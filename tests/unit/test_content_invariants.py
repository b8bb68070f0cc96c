"""Invariants of the real content, so that a future edit that breaks them fails CI.

The reference tables in tests/data/ are copies of the project's research
(regions.csv and municipalities.csv, 2026; sources in their `source` columns).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"

ANSWER_IDS = {
    "hyvinvointialueet": [
        "alueet-ja-helsinki",
        "vastuu-siirtyi-2023",
        "hus-yhtyma",
        "ahvenanmaa",
        "kaksikieliset-alueet",
        "hyte-vastuu",
        "rahoitus-ja-hyte-kerroin",
        "vanhat-nimet",
        "aluevaalit",
    ],
    "yhteistyo-ja-vaikuttaminen": [
        "yhteistyovelvoite",
        "vaikuttamisen-keinot",
        "vaikuttamistoimielimet",
        "jarjestoneuvottelukunta",
        "jarjestoyhdyshenkilo",
        "yhteistyoasiakirja",
        "esteellisyys",
        "tilat-jarjestojen-kayttoon",
        "tilannekuva",
    ],
    "avustukset": [
        "avustustyypit",
        "kumppanuusavustus",
        "hakijan-kotipaikka",
        "useamman-kunnan-alue",
        "jasentoiminta",
        "paallekkainen-rahoitus",
        "lakisaateiset-tehtavat",
        "pienet-jarjestot",
        "lahella-ja-ptv",
        "hakuajat",
        "raportointi",
        "ostopalvelu-vai-avustus",
        "kuntien-avustukset-2023",
        "avustusbudjetit",
    ],
    "valtakunnallinen-tuki": [
        "stea-avustukset",
        "stea-leikkaukset",
        "sote-muutostuki",
        "verkostojarjestot-mave",
    ],
}


def reference_regions() -> list[dict[str, str]]:
    with open(DATA / "regions-2026.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_all_22_organisers_exist_with_reference_names(content) -> None:
    reference = {row["id"]: row for row in reference_regions()}
    assert set(content.regions) == set(reference)
    for region_id, region in content.regions.items():
        row = reference[region_id]
        assert region.name.fi == row["name_fi"]
        assert region.name.sv == row["name_sv"]
        assert region.name.en == row["name_en"]
        assert region.statfi_code == row["statfi_code"]
        assert region.kind == ("city" if region_id == "helsinki" else "county")


def test_municipality_counts_equal_the_reference(content) -> None:
    expected = {row["id"]: int(row["municipalities_2026"]) for row in reference_regions()}
    counts = Counter(m.region for m in content.municipalities)
    assert dict(counts) == expected
    assert len(content.municipalities) == 292


def test_municipality_table_matches_statistics_finland_copy(content) -> None:
    with open(DATA / "municipalities-2026.csv", encoding="utf-8") as f:
        reference = {row["municipality_code"]: row for row in csv.DictReader(f)}
    assert {m.code for m in content.municipalities} == set(reference)
    for m in content.municipalities:
        row = reference[m.code]
        assert (m.name_fi, m.name_sv or "", m.region) == (
            row["name_fi"],
            row["name_sv"].strip(),
            row["region_id"],
        )


def test_language_status_of_counties_follows_municipalities(content) -> None:
    for region_id, region in content.regions.items():
        bilingual = any(m.language != "fi" for m in content.municipalities_of(region_id))
        assert (region.language != "fi") == bilingual, region_id


def test_every_fixed_answer_exists_in_both_languages_under_its_topic(content) -> None:
    """The answers published so far stay, under their topics (editors may add more:
    CONTRIBUTING.md). Removing or moving one is deliberate: change ANSWER_IDS then."""
    expected = {answer_id: topic for topic, ids in ANSWER_IDS.items() for answer_id in ids}
    assert set(expected) <= set(content.answers), sorted(set(expected) - set(content.answers))
    for answer_id, topic in expected.items():
        assert content.answers[answer_id].topic == topic, answer_id
    for answer_id, answer in content.answers.items():
        assert set(answer.texts) == {"fi", "sv"}, answer_id


EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z.]{2,}")
PHONE = re.compile(r"(?<![\d.])(?:\+358|0)\s?\d{1,3}[\s-]?\d{3}[\s-]?\d{3,4}(?!\d)")


def test_no_personal_contact_data_anywhere_in_content() -> None:
    """No e-mail address or phone number in any content file or page (roles only).

    If a public organisational address is ever added, it belongs in a contact's
    `email` field and this test should then allow that field only.
    """
    files = [
        *ROOT.glob("content/**/*.yml"),
        *ROOT.glob("content/**/*.md"),
        *ROOT.glob("docs/fi/*.md"),
        *ROOT.glob("docs/sv/*.md"),
    ]
    assert len(files) > 90
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not EMAIL.search(text), f"{path}: e-mail address {EMAIL.search(text).group()}"
        assert not PHONE.search(text), f"{path}: phone number {PHONE.search(text).group()}"


def test_pertunmaa_merger_is_recorded_for_etela_savo(content) -> None:
    mantyharju = next(m for m in content.municipalities if m.name_fi == "Mäntyharju")
    assert mantyharju.region == "etela-savo"
    assert [c.name.fi for c in mantyharju.former] == ["Pertunmaa"]


def test_pohjanmaa_is_swedish_majority(content) -> None:
    assert content.regions["pohjanmaa"].language == "sv+fi"
