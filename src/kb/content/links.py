"""The link syntax editors write, and the anchors the page layout keeps for itself.

    [text](alue:pirkanmaa#yhteystiedot)   a county page (or alue: for the county list)
    [text](ukk:hakuajat)                  an answer (or ukk: for the FAQ index)
    [text](aihe:avustukset)               a topic page
    [text](avoindata:regions.json)        an open-data file (hand-written pages only)
    [text](kalenteri:#auki)               the grant calendar (optionally one of its sections)
    [text](repositorio:issues)            the project's repository on its forge: issues,
                                          a new issue, or the repository itself
                                          (hand-written pages only)

Validation (rules.py) checks that each link points at something that exists;
kb/pages/urls.py turns them into real addresses.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Group 1 the scheme, 2 the id (empty for an index page), 3 the optional #anchor,
# 4 the optional link title (` "Pirkanmaa"`).
SITE_LINK = re.compile(r'\]\(\s*<?([a-z]+):([^)\s>#]*)(#[^)\s>"]*)?>?(\s+"[^"\n]*")?\s*\)')
# The content collection each page-link scheme refers to.
LINK_SCHEMES = {"alue": "regions", "ukk": "answers", "aihe": "topics"}
CALENDAR_SCHEME = "kalenteri"  # the one calendar page: no id, only an optional #anchor
OPEN_DATA_SCHEME = "avoindata"
OPEN_DATA_LINK = re.compile(r"\[([^\]\n]+)\]\(\s*avoindata:([A-Za-z0-9._-]+)\s*\)")
# The files of site/data/ that editors may link to (kb/outputs/opendata.py writes them;
# a test checks that each one exists in the built site).
OPEN_DATA_FILES = (
    "regions.json",
    "regions.csv",
    "municipalities.csv",
    "faq.json",
    "datapackage.json",
    "regions.schema.json",
    "faq.schema.json",
    "grant-rounds.json",
    "grant-rounds.csv",
    "grant-rounds.schema.json",
    "events.json",
    "events.csv",
    "events.schema.json",
    "comparison.csv",
)

# The calendar page's own anchors (kb/pages/calendar.py): its sections; each event
# has its id as its anchor there, so event file names must not take these.
CALENDAR_PAGE_ANCHORS = frozenset(
    {
        "otsikko",
        "tilanne",  # the date the status was computed for
        "tilaa",  # subscribe / download
        "auki",
        "tulossa",
        "paattyneet",
        "ei-tietoa",  # counties with no round for the coming grant year
        "tapahtumat",
        "menneet-tapahtumat",
    }
)
# The comparison page's own anchors (kb/pages/compare.py).
COMPARE_PAGE_ANCHORS = frozenset({"otsikko", "taulukko", "huomiot"})
# The repository the site is built from (content/site.yml `repository_url`, or the build's
# REPOSITORY_URL): hand-written pages link to it with `repositorio:<page>`, so a link
# follows the setting. The pages editors may link to, relative to the repository address:
REPOSITORY_SCHEME = "repositorio"
REPOSITORY_PAGES = ("", "issues", "issues/new")

# Anchors the page layout itself uses (kb/pages): county sections, the answer
# sentence, the review date, the page title, home-page sections, the calendar and
# comparison pages.
# Editors' heading, structure, contact and grant round ids must not take them.
LAYOUT_ANCHORS = (
    CALENDAR_PAGE_ANCHORS
    | COMPARE_PAGE_ANCHORS
    | frozenset(
        {
            "otsikko",
            "tarkistettu",
            "perustiedot",
            "kunnat",
            "yhteistyorakenteet",
            "yhteystiedot",
            "lahteet",
            "alueet",
            "vastaus",
            "kunta-alue-haku",
            "viimeksi-tarkistetut",
            "avustusten-ehdot",  # a county's conditions of its grants (kb/pages/regions.py)
            "sisalto",  # a source document's page (kb/pages/documents.py)
            "saatavuus",
            "avustushaut",  # a county's grant rounds and events
            "avustushaut-tapahtumat",
        }
    )
)
# The layout anchors each kind of page has (links to them are valid).
REGION_PAGE_ANCHORS = frozenset(
    {
        "otsikko",
        "tarkistettu",
        "perustiedot",
        "kunnat",
        "yhteistyorakenteet",
        "avustushaut",
        "avustusten-ehdot",
        "yhteystiedot",
        "lahteet",
    }
)
ANSWER_PAGE_ANCHORS = frozenset({"otsikko", "tarkistettu", "vastaus", "alueet", "lahteet"})
# (a county page also has its structures' and contacts' ids, an answer page its headings')
TOPIC_PAGE_ANCHORS = frozenset({"otsikko"})  # + an anchor per answer of the topic and its aliases
REGION_INDEX_ANCHORS = frozenset({"otsikko", "kunta-alue-haku"})  # alue: (the county list)
FAQ_INDEX_ANCHORS = frozenset({"otsikko"})  # ukk: (the FAQ index) + an anchor per topic

# The first path segments the site itself uses (kb/pages/urls.py, the theme, the outputs):
# a hand-written page docs/<lang>/<slug>.md may not take one, or its address would
# collide with a generated page, a language root or a folder of the build
# (tests/unit/test_urls.py checks the list against kb/pages/urls.py).
RESERVED_PAGE_SLUGS = frozenset(
    {
        "alueet",
        "ukk",
        "kalenteri",
        "vertailu",
        "sanasto",
        "lahteet",
        "kaannokset",
        "sv",
        "data",
        "pagefind",
        "assets",
    }
)


def resolve_site_links(
    markdown: str,
    page_url: Callable[[str, str], str | None],
    data_url: Callable[[str], str],
) -> str:
    """Editors' site links rewritten, the one way both the pages and the HTML policy do it.

    `page_url(scheme, id)` gives the address of an alue:/ukk:/aihe: link (None leaves
    the link as written: https:, mailto: …); `data_url(file)` the address of an
    avoindata: link, which becomes a raw <a> element (site/data/ is written after
    MkDocs, so a Markdown link to it would fail --strict).
    """

    def page_link(match: re.Match[str]) -> str:
        url = page_url(match.group(1), match.group(2))
        if url is None:
            return match.group(0)
        return f"]({url}{match.group(3) or ''}{match.group(4) or ''})"

    def data_link(match: re.Match[str]) -> str:
        return f'<a href="{data_url(match.group(2))}">{match.group(1)}</a>'

    return SITE_LINK.sub(page_link, OPEN_DATA_LINK.sub(data_link, markdown))
