"""Soft hyphens in long heading words (kb/content/hyphenation.py): where they go in
Finnish and Swedish, and that only headings of the published pages get them."""

from __future__ import annotations

import markdown
import pytest

from kb.content.hyphenation import SOFT_HYPHEN, hyphenate
from kb.content.markdown import EXTENSIONS, HYPHENATION, mkdocs_extensions, to_html


def shown(text: str) -> str:
    return text.replace(SOFT_HYPHEN, "-")


@pytest.mark.parametrize(
    "word, expected",
    [
        # Finnish syllables: before the consonant that starts one, between vowels that
        # are neither a long vowel nor a diphthong; never within 3 letters of an end.
        ("Hyvinvointialueet", "Hyvin-voin-ti-a-lu-eet"),
        ("järjestöneuvottelukunta", "jär-jes-tö-neu-vot-te-lu-kunta"),
        ("Kansalliskielilautakunta", "Kan-sal-lis-kie-li-lau-ta-kunta"),
        ("Saavutettavuusseloste", "Saa-vu-tet-ta-vuus-se-loste"),
    ],
)
def test_finnish_breaks_between_syllables(word: str, expected: str) -> None:
    assert shown(hyphenate(word, "fi")) == expected


def test_swedish_follows_the_libreoffice_patterns() -> None:
    # pyphen's Swedish patterns: syllables, the joints of compounds among them
    assert shown(hyphenate("välfärdsområdesfullmäktige", "sv")) == "väl-färds-om-rå-des-full-mäk-tige"
    assert shown(hyphenate("Organisationssamarbete", "sv")) == "Orga-ni-sa-tions-sam-ar-bete"


def test_short_words_numbers_and_other_languages_stay_as_they_are() -> None:
    text = "Pirkanmaa 2026 Lähellä.fi-palvelussa sosiaali- ja terveysjärjestöt"
    expected = "Pirkanmaa 2026 Lähellä.fi-palvelussa sosiaali- ja ter-veys-jär-jes-töt"
    assert shown(hyphenate(text, "fi")) == expected  # only the one word of 13+ letters
    assert hyphenate("Hyvinvointialueet", "en") == "Hyvinvointialueet"


def published(text: str, lang: str) -> str:
    extensions = mkdocs_extensions(lang)
    names = [e if isinstance(e, str) else next(iter(e)) for e in extensions]
    configs = {k: v for e in extensions if isinstance(e, dict) for k, v in e.items()}
    return markdown.Markdown(extensions=names, extension_configs=configs).convert(text)


def test_only_headings_of_published_pages_get_soft_hyphens() -> None:
    text = (
        "## Hyvinvointialueet {#alueet}\n\nHyvinvointialueet järjestävät palvelut.\n\n"
        "### `kumppanuusavustukset`"
    )
    html = published(text, "fi")
    heading, paragraph = html.split("</h2>")
    assert SOFT_HYPHEN in heading and 'id="alueet"' in heading
    assert SOFT_HYPHEN not in paragraph  # running text, and code, keep their words
    # A part in the other language is hyphenated by its own rules.
    assert "Väl-färds-om-rå-des-full-mäk-tige" in shown(
        published("# Välfärdsområdesfullmäktige {lang=sv}", "fi")
    )
    # The checks (the HTML policy) render without it: what they judge is the same markup.
    assert HYPHENATION not in EXTENSIONS and SOFT_HYPHEN not in to_html(text)
