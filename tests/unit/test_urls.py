"""The URL contract (src/kb/pages/urls.py, docs/decisions/0002-urls.md), as tables.

Each row is a published address or a link between published pages; a row that
changes is a link that breaks (or, for relative links, a page that would link
to nothing). The expected values are written from the contract, by hand.
"""

from __future__ import annotations

import pytest

from kb.pages import urls

BASE = "https://example.org/kanta/"


@pytest.mark.parametrize(
    "call, expected",
    [
        (urls.region_path(), "alueet/index.md"),
        (urls.region_path("pirkanmaa"), "alueet/pirkanmaa/index.md"),
        (urls.answer_path(), "ukk/index.md"),
        (urls.answer_path("hakuajat"), "ukk/hakuajat/index.md"),
        (urls.link_path("alue", "lappi"), "alueet/lappi/index.md"),
        (urls.link_path("alue", ""), "alueet/index.md"),
        (urls.link_path("ukk", "hakuajat"), "ukk/hakuajat/index.md"),
        (urls.link_path("aihe", "avustukset"), "ukk/avustukset/index.md"),
        (urls.link_path("https", "x"), None),
        (urls.calendar_path(), "kalenteri/index.md"),
        (urls.link_path("kalenteri", ""), "kalenteri/index.md"),
        (urls.calendar_feed(), "kalenteri/avustushaut.ics"),
        (urls.calendar_feed("lappi"), "kalenteri/lappi.ics"),
        (urls.site_path("sv", urls.calendar_feed("lappi")), "sv/kalenteri/lappi.ics"),
        (urls.glossary_path(), "sanasto/index.md"),
    ],
)
def test_page_paths(call, expected) -> None:
    assert call == expected


@pytest.mark.parametrize(
    "path, directory",
    [
        ("ukk/hakuajat/index.md", "ukk/hakuajat/"),
        ("alueet/index.md", "alueet/"),
        ("index.md", ""),
        ("tietoa.md", "tietoa/"),
        ("kaannokset.md", "kaannokset/"),
    ],
)
def test_page_dir(path: str, directory: str) -> None:
    assert urls.page_dir(path) == directory


@pytest.mark.parametrize(
    "lang, path, absolute",
    [
        ("fi", "index.md", "https://example.org/kanta/"),
        ("sv", "index.md", "https://example.org/kanta/sv/"),
        ("fi", "ukk/hakuajat/index.md", "https://example.org/kanta/ukk/hakuajat/"),
        ("sv", "alueet/pirkanmaa/index.md", "https://example.org/kanta/sv/alueet/pirkanmaa/"),
        ("sv", "tietoa.md", "https://example.org/kanta/sv/tietoa/"),
        ("sv", "ukk/x/", "https://example.org/kanta/sv/ukk/x/"),
        ("fi", "feed.xml", "https://example.org/kanta/feed.xml"),
        ("sv", "feed.xml", "https://example.org/kanta/sv/feed.xml"),
    ],
)
def test_absolute_addresses(lang: str, path: str, absolute: str) -> None:
    assert urls.page_url(BASE, lang, path) == absolute
    assert urls.page_url(BASE.rstrip("/"), lang, path) == absolute


@pytest.mark.parametrize("lang, root", [("fi", BASE), ("sv", BASE + "sv/")])
def test_language_roots(lang: str, root: str) -> None:
    assert urls.language_root(BASE, lang) == root


@pytest.mark.parametrize(
    "from_path, to_path, link",
    [
        ("ukk/hakuajat/index.md", "alueet/lappi/index.md", "../../alueet/lappi/index.md"),
        ("ukk/hakuajat/index.md", "ukk/raportointi/index.md#lahteet", "../raportointi/index.md#lahteet"),
        ("index.md", "alueet/index.md", "alueet/index.md"),
        ("tietoa.md", "ukk/index.md", "ukk/index.md"),
        ("alueet/index.md", "alueet/kainuu/index.md", "kainuu/index.md"),
    ],
)
def test_relative_links_between_pages(from_path: str, to_path: str, link: str) -> None:
    assert urls.rel(from_path, to_path) == link


@pytest.mark.parametrize(
    "path, lang, site_root, language_root",
    [
        ("index.md", "fi", "", ""),
        ("index.md", "sv", "../", ""),
        ("ukk/hakuajat/index.md", "fi", "../../", "../../"),
        ("ukk/hakuajat/index.md", "sv", "../../../", "../../"),
        ("tietoa.md", "sv", "../../", "../"),
    ],
)
def test_steps_up_to_the_roots(path: str, lang: str, site_root: str, language_root: str) -> None:
    assert urls.to_site_root(path, lang) == site_root
    assert urls.to_language_root(path) == language_root


@pytest.mark.parametrize(
    "path, from_lang, to_lang, link",
    [
        ("alueet/pirkanmaa/index.md", "sv", "fi", "../../../alueet/pirkanmaa/"),
        ("alueet/pirkanmaa/index.md", "fi", "sv", "../../sv/alueet/pirkanmaa/"),
        ("index.md", "sv", "fi", "../"),
        ("index.md", "fi", "sv", "sv/"),
        ("tietoa.md", "sv", "fi", "../../tietoa/"),
    ],
)
def test_the_same_page_in_the_other_language(path: str, from_lang: str, to_lang: str, link: str) -> None:
    assert urls.cross_language(path, from_lang, to_lang) == link


@pytest.mark.parametrize(
    "markdown, from_path, lang, base, expected",
    [
        ("[Lappi](alue:lappi)", "ukk/x/index.md", "fi", None, "[Lappi](../../alueet/lappi/index.md)"),
        (
            "[Lappi](alue:lappi#yhteystiedot)",
            "ukk/x/index.md",
            "sv",
            None,
            "[Lappi](../../alueet/lappi/index.md#yhteystiedot)",
        ),
        ("[kaikki](alue:)", "index.md", "fi", None, "[kaikki](alueet/index.md)"),
        (
            "[vastaus](ukk:raportointi)",
            "alueet/lappi/index.md",
            "fi",
            None,
            "[vastaus](../../ukk/raportointi/index.md)",
        ),
        ("[aihe](aihe:avustukset)", "ukk/x/index.md", "fi", None, "[aihe](../avustukset/index.md)"),
        ("[Lappi](alue:lappi)", "", "sv", BASE, "[Lappi](https://example.org/kanta/sv/alueet/lappi/)"),
        (
            "[data](avoindata:regions.json)",
            "tietoa.md",
            "sv",
            None,
            '<a href="../../data/regions.json">data</a>',
        ),
        (
            "[data](avoindata:regions.json)",
            "",
            "fi",
            BASE,
            '<a href="https://example.org/kanta/data/regions.json">data</a>',
        ),
        ("[ulkoinen](https://stm.fi/x)", "index.md", "fi", None, "[ulkoinen](https://stm.fi/x)"),
        (
            "[kalenteri](kalenteri:#auki)",
            "ukk/hakuajat/index.md",
            "fi",
            None,
            "[kalenteri](../../kalenteri/index.md#auki)",
        ),
        ("[kalender](kalenteri:)", "", "sv", BASE, "[kalender](https://example.org/kanta/sv/kalenteri/)"),
        (
            '[Lappi](alue:lappi#kunnat "Lapin kunnat")',
            "index.md",
            "fi",
            None,
            '[Lappi](alueet/lappi/index.md#kunnat "Lapin kunnat")',
        ),
    ],
)
def test_editors_links(markdown: str, from_path: str, lang: str, base: str | None, expected: str) -> None:
    assert urls.resolve_links(markdown, from_path, lang, base) == expected


REPO = "https://github.com/jarjestot/kb"


@pytest.mark.parametrize(
    "markdown, repository, expected",
    [
        (
            "[ilmoitus](repositorio:issues/new)",
            REPO,
            "[ilmoitus](https://github.com/jarjestot/kb/issues/new)",
        ),
        (
            "[ilmoitukset](repositorio:issues)",
            REPO + "/",
            "[ilmoitukset](https://github.com/jarjestot/kb/issues)",
        ),
        ("[lähdekoodi](repositorio:)", REPO, "[lähdekoodi](https://github.com/jarjestot/kb)"),
        # Without a repository address (open data) the link is left as written.
        ("[ilmoitus](repositorio:issues)", "", "[ilmoitus](repositorio:issues)"),
    ],
)
def test_repository_links_follow_the_setting(markdown: str, repository: str, expected: str) -> None:
    assert urls.resolve_links(markdown, "tietoa.md", "fi", repository_url=repository) == expected


def test_hand_written_pages_cannot_take_the_sites_own_addresses() -> None:
    """docs/<lang>/<slug>.md becomes /<slug>/: validation refuses the slugs the site uses
    itself (kb/content/links.py), which must be exactly these."""
    from kb.content.links import RESERVED_PAGE_SLUGS
    from kb.pages.editors import TRANSLATIONS_PATH

    own = {
        urls.region_path().split("/")[0],
        urls.answer_path().split("/")[0],
        urls.calendar_path().split("/")[0],
        urls.comparison_path().split("/")[0],
        urls.glossary_path().split("/")[0],
        urls.document_path("x").split("/")[0],
        urls.page_dir(TRANSLATIONS_PATH).strip("/"),
        urls.OPEN_DATA_DIR,
        urls.SEARCH_BUNDLE,
        "assets",  # the theme's files (src/kb/theme/overrides/assets, Material's own)
    }
    own |= {prefix.strip("/") for prefix in urls.LANGUAGE_PREFIX.values() if prefix}
    assert own == RESERVED_PAGE_SLUGS
