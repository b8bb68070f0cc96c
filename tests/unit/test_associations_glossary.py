"""The models of content/regions/associations.yml (PRH's registered associations by
region) and content/glossary.yml, and the pure helpers that render them. The numbers
and terms below are written by hand; the real files are checked by `kb validate`."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from kb.content.model import AssociationsFile, Content, GlossaryFile
from kb.content.reading import parse_yaml
from kb.pages.regions import _count
from kb.pages.render import alphabetical

TABLE = """
as_of: 2025-01-02
source:
  title: "PRH: Yhdistysten määrät tarkoitusluokittain (pääluokittain) eri maakunnissa"
  url: https://prh.fi/fi/yhdistysrekisteri/yhdistysrekisterintilastoja/yhdistysten_maarat_maakunnittain.html
  published: 2025-01-02
  checked: 2026-12-03
regions:
  - name: {fi: Uusimaa, sv: Nyland}
    total: 32272
    social_health: 2746
    counties: [ita-uusimaa, helsinki]
  - name: {fi: Kainuu, sv: Kajanaland}
    total: 2027
    social_health: 119
    counties: [kainuu]
"""


def table(text: str = TABLE) -> AssociationsFile:
    # Read as the loader reads it: no implicit YAML types, so the counts arrive as text.
    return AssociationsFile.model_validate(parse_yaml(text).data)


def test_the_table_reads_counts_and_dates_from_plain_text() -> None:
    parsed = table()
    assert parsed.as_of == date(2025, 1, 2)
    assert [(r.name.fi, r.total, r.social_health) for r in parsed.regions] == [
        ("Uusimaa", 32272, 2746),
        ("Kainuu", 2027, 119),
    ]


def test_a_county_finds_its_region_and_shares_it() -> None:
    content = Content(associations=table())
    assert content.associations_of("helsinki") is content.associations_of("ita-uusimaa")
    region = content.associations_of("kainuu")
    assert region is not None and region.name.sv == "Kajanaland"
    assert content.associations_of("lappi") is None
    assert Content().associations_of("kainuu") is None


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "social_health: 119",
            "social_health: 3000",
            "social_health (3000) cannot be larger than total (2027)",
        ),
        (
            "total: 2027",
            "total: -1",
            'must be a whole number written with digits only, for example 2027 (got "-1")',
        ),
        ("total: 2027", "total: 2 027", '(got "2 027")'),
        ("total: 2027", "total: 20.27", '(got "20.27")'),
        ("counties: [kainuu]", "counties: []", "at least 1 item"),
        ("as_of: 2025-01-02", "as_of: 2.1.2025", "must be a date written YYYY-MM-DD"),
    ],
)
def test_the_table_refuses_what_cannot_be_a_count(old: str, new: str, message: str) -> None:
    assert old in TABLE
    with pytest.raises(ValidationError) as err:
        table(TABLE.replace(old, new, 1))
    assert message in str(err.value)


def test_a_region_needs_its_source_and_names_in_both_languages() -> None:
    with pytest.raises(ValidationError) as err:
        table(TABLE.replace("name: {fi: Kainuu, sv: Kajanaland}", "name: {fi: Kainuu}"))
    assert [(e["loc"], e["type"]) for e in err.value.errors()] == [(("regions", 1, "name", "sv"), "missing")]
    with pytest.raises(ValidationError) as err:
        AssociationsFile.model_validate({"as_of": "2025-01-02", "regions": []})
    assert {e["loc"][0] for e in err.value.errors()} == {"source", "regions"}


GLOSSARY = """
terms:
  - id: aluehallitus
    term: {fi: aluehallitus, sv: välfärdsområdesstyrelsen, en: county executive}
    explanation: {fi: Hyvinvointialueen hallitus., sv: Välfärdsområdets styrelse.}
    sources:
      - title: "Östra Nylands välfärdsområde: § 246"
        url: https://itauusimaa.cloudnc.fi/sv-FI/Organ/x
        checked: 2026-12-03
  - id: jarjesto
    term: {fi: järjestö, sv: organisation, en: NGO}
    explanation: {fi: Yhdistys., sv: Förening.}
"""


def test_a_glossary_term_has_three_languages_and_optional_sources() -> None:
    terms = GlossaryFile.model_validate(parse_yaml(GLOSSARY).data).terms
    assert [(t.id, t.term.sv, t.term.en, len(t.sources)) for t in terms] == [
        ("aluehallitus", "välfärdsområdesstyrelsen", "county executive", 1),
        ("jarjesto", "organisation", "NGO", 0),
    ]


@pytest.mark.parametrize(
    "old, new",
    [
        ("en: NGO}", "}"),  # the English form is required
        ("id: jarjesto", "id: Järjestö"),  # the id is an anchor: a-z, 0-9, hyphens
        ("explanation: {fi: Yhdistys., sv: Förening.}", "explanation: {fi: Yhdistys.}"),
    ],
)
def test_a_glossary_term_refuses_a_missing_form(old: str, new: str) -> None:
    with pytest.raises(ValidationError):
        GlossaryFile.model_validate(parse_yaml(GLOSSARY.replace(old, new, 1)).data)


def test_terms_sort_as_the_finnish_and_swedish_alphabets_do() -> None:
    words = ["öljy", "ääni", "Åbo", "zeta", "avustus", "Ohjelma"]
    assert sorted(words, key=alphabetical) == ["avustus", "Ohjelma", "zeta", "Åbo", "ääni", "öljy"]


@pytest.mark.parametrize(
    "value, text", [(0, "0"), (999, "999"), (2027, "2\u00a0027"), (32272, "32\u00a0272")]
)
def test_counts_are_grouped_with_no_break_spaces(value: int, text: str) -> None:
    assert _count(value) == text
