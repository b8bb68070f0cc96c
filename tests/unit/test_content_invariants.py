"""Invariants of the real content, so that a future edit that breaks them fails CI.

The reference tables in tests/data/ are copies of the project's research
(regions.csv and municipalities.csv, 2026; sources in their `source` columns).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from support.fixture import BUILD_DATE

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
# An organisation's mailbox or number is named after its role, never after a person:
# the local part of every e-mail and the role of every contact with a number must
# contain one of these words (kirjaamo@…, avustukset.kanslia@…, "Vaihde").
ROLE_MAILBOX = re.compile(r"kirjaamo|registratur|avustukset|toimisto|info|neuvonta")
ROLE_NUMBER = re.compile(r"kirjaamo|vaihde|neuvonta|asiakaspalvelu", re.IGNORECASE)


def _digits(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return "0" + digits[3:] if phone.strip().startswith("+358") else digits


def test_no_personal_contact_data_anywhere_in_content(content) -> None:
    """No e-mail address or phone number in any content file or page, except an
    organisation's own in a county file's contact (`email`, `phone`): roles only."""
    allowed_emails: dict[str, set[str]] = {}
    allowed_phones: dict[str, set[str]] = {}
    for region_id, region in content.regions.items():
        path = f"content/regions/{region_id}.yml"
        allowed_emails[path] = {c.email for c in region.contacts if c.email}
        allowed_phones[path] = {_digits(c.phone) for c in region.contacts if c.phone}
    files = [
        *ROOT.glob("content/**/*.yml"),
        *ROOT.glob("content/**/*.md"),
        *ROOT.glob("docs/fi/*.md"),
        *ROOT.glob("docs/sv/*.md"),
    ]
    assert len(files) > 90
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        for found in (m.rstrip(".") for m in EMAIL.findall(text)):
            assert found in allowed_emails.get(rel, set()), f"{rel}: e-mail address {found} outside a contact"
        for found in PHONE.findall(text):
            assert _digits(found) in allowed_phones.get(rel, set()), (
                f"{rel}: phone number {found} outside a contact"
            )


def test_contact_addresses_and_numbers_belong_to_roles(content) -> None:
    for region_id, region in content.regions.items():
        for contact in region.contacts:
            if contact.email:
                local = contact.email.split("@")[0].lower()
                assert ROLE_MAILBOX.search(local), (
                    f"{region_id}/{contact.id}: {contact.email} is not a role mailbox"
                )
            if contact.phone:
                assert ROLE_NUMBER.search(contact.role.fi), (
                    f"{region_id}/{contact.id}: a number only for a switchboard, registry or service line"
                )


def test_every_county_can_be_reached(content) -> None:
    """Each of the 22 has at least one contact point a reader can use: a page, a mailbox,
    a number or a postal address (issue #13)."""
    for region_id, region in content.regions.items():
        reachable = [c for c in region.contacts if c.url or c.email or c.phone or c.postal_address]
        assert reachable, f"{region_id}: no contact with a page, e-mail, phone or postal address"


def test_every_county_says_who_decides_grants_or_that_it_is_not_known(content) -> None:
    """Every county has a grant programme; its deciding body carries the date of its
    newest source. Without decided_by, the page says the body is not known."""
    for region_id, region in content.regions.items():
        grants = [s for s in region.structures if s.type == "grant_programme"]
        assert grants, f"{region_id}: no grant_programme"
        for structure in grants:
            if structure.decided_by:
                assert structure.decided_by_as_of, f"{region_id}/{structure.id}: decided_by without a date"


def test_bilingual_counties_list_their_national_language_committee(content) -> None:
    """Every bilingual county has a kansalliskielilautakunta by law, and Lappi a Sámi
    language committee; the county page describes it (Helsinki is a city)."""
    for region_id, region in content.regions.items():
        committees = {s.id for s in region.structures if s.type == "language_committee"}
        if region.kind == "county" and region.language != "fi":
            assert "kansalliskielilautakunta" in committees, region_id
    assert "saamen-kielen-lautakunta" in {s.id for s in content.regions["lappi"].structures}


def test_no_source_is_a_front_page(content) -> None:
    """Every source is the page that holds the fact (validation enforces it; this keeps
    the exceptions list honest: each listed site is used)."""
    from kb.content.model import FRONT_PAGE_SOURCES, is_front_page

    sources = [s for r in content.regions.values() for s in r.sources]
    sources += [
        s for r in content.regions.values() for item in [*r.structures, *r.contacts] for s in item.sources
    ]
    sources += [s for a in content.answers.values() for t in a.texts.values() for s in t.meta.sources]
    front_pages = {urlsplit(s.url).hostname for s in sources if s.url and is_front_page(s.url)}
    assert front_pages <= set(FRONT_PAGE_SOURCES)
    assert set(FRONT_PAGE_SOURCES) <= front_pages, "an exception no source needs any more: remove it"


def test_no_ended_term_is_current_on_the_build_date(content) -> None:
    """Structures with a term: the terms that have ended are the ones `make stale` lists."""
    from kb.content.freshness import expired_items, period_status

    today = date.fromisoformat(BUILD_DATE)
    ended = {(i.path.stem, i.structure_id) for i in expired_items(content, today)}
    for region_id, region in content.regions.items():
        for structure in region.structures:
            status = period_status(structure, today)
            assert (status == "ended") == ((region_id, structure.id) in ended)
    assert ended, "the content has ended terms (e.g. Kanta-Häme 2023–2025); the test would prove nothing"


def test_pertunmaa_merger_is_recorded_for_etela_savo(content) -> None:
    mantyharju = next(m for m in content.municipalities if m.name_fi == "Mäntyharju")
    assert mantyharju.region == "etela-savo"
    assert [c.name.fi for c in mantyharju.former] == ["Pertunmaa"]


def test_pohjanmaa_is_swedish_majority(content) -> None:
    assert content.regions["pohjanmaa"].language == "sv+fi"
