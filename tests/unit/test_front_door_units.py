"""Pure pieces of the front door: cutting the home page's text into its sections, the
directory links of raw HTML, and where a tile's long name may break."""

from __future__ import annotations

import pytest

from kb.content.hyphenation import breakable
from kb.pages.home import sections
from kb.pages.urls import html_href


def test_sections_keep_every_line_and_name_each_by_its_anchor() -> None:
    body = "Intro.\n\n## Find {#oma-alue}\n\nText.\n\n## Topics {#aiheet}\n\n- a\n"
    cut = sections(body)
    assert [anchor for anchor, _ in cut] == ["", "oma-alue", "aiheet"]
    assert "".join(text for _, text in cut).split() == body.split()
    assert sections("Only text.") == [("", "Only text.\n\n")]
    assert [a for a, _ in sections("## First {#eka}\n\nx\n")] == ["eka"]


@pytest.mark.parametrize(
    "source, target, expected",
    [
        ("index.md", "alueet/lappi/index.md", "alueet/lappi/"),
        ("alueet/index.md", "alueet/lappi/index.md", "lappi/"),
        ("alueet/lappi/index.md", "index.md", "../../"),
        ("ukk/x/index.md", "ukk/index.md", "../"),
        ("index.md", "index.md", "./"),
        ("index.md", "alueet/lappi/index.md#avustushaut", "alueet/lappi/#avustushaut"),
    ],
)
def test_html_href_is_a_relative_directory_url(source: str, target: str, expected: str) -> None:
    assert html_href(source, target) == expected


def test_long_names_break_only_between_the_parts_of_a_compound() -> None:
    assert breakable("Österbotten") == "Öster\u00adbotten"
    assert breakable("Norra Österbotten") == "Norra Öster\u00adbotten"
    assert breakable("Kymmenedalen") == "Kymmene\u00addalen"
    assert breakable("Etelä-Pohjanmaa") == "Etelä-Pohjan\u00admaa"
    assert breakable("Lappi") == "Lappi"
    assert breakable("Kainuu") == "Kainuu"  # no compound ending it knows
    assert breakable("Lappland") == "Lappland"  # shorter than a break is worth
    assert breakable("Satakunta") == "Sata\u00adkunta"
    assert breakable("Helsingfors") == "Helsing\u00adfors"
    assert breakable("Birkaland") == "Birka\u00adland"
