"""Every kind of editor mistake gives exactly the right `path:line: message` lines, exit
status 1 and no traceback; a failed build leaves site/ untouched. And the reverse:
ordinary good input (autolinks, link titles, quotes, "JavaScript:" in prose …) passes.

Each case copies the valid fixture project (tests/fixtures/minimal), changes one or
two files and runs `kb validate`. The expected lines are the whole report, word for
word, so a change of wording shows in review. Most cases run the command in-process
(fast) under a guard against hanging; the last tests run it as the editor does, in a
subprocess, and build.

The bad inputs cover every kind of field: YAML text fields (plain and Markdown),
Markdown bodies, the one-sentence answer, topic descriptions, page titles, ui.yml
labels, site.yml values, URLs, e-mail addresses, dates, rows of municipalities.csv,
file names, symbolic links, NUL and bidirectional characters, and pathological texts
that would make a renderer recurse or run for minutes.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest

from kb.cli import main
from support.fixture import BUILD_DATE, ROOT, Change, build, delete, edit, run_kb, write
from support.htmltools import parse

REGION = "content/regions/testialue.yml"
EVENT = "content/events/testi-info.yml"
ASSOCIATIONS = "content/regions/associations.yml"
GLOSSARY = "content/glossary.yml"
PAGE_FI = "docs/fi/index.md"
ANSWER_FI = "content/faq/aihe/vastaus.fi.md"
ANSWER_SV = "content/faq/aihe/vastaus.sv.md"
HANG_SECONDS = 30  # not a speed target: a guard against inputs that make the validator hang


def second_answer(answer_id: str, extra: str = "", topic: str = "aihe") -> Change:
    """Another answer (both languages) made from the fixture's, with the given id."""

    def apply(root: Path) -> None:
        if topic != "aihe":
            topics = root / "content/faq/topics.yml"
            topics.write_text(
                topics.read_text(encoding="utf-8")
                + f"""  - id: {topic}
    name: {{fi: Toinen, sv: Annat}}
    description: {{fi: Toinen., sv: Annat.}}
""",
                encoding="utf-8",
            )
        source = (root / ANSWER_FI).read_text(encoding="utf-8")
        for lang in ("fi", "sv"):
            text = (
                source.replace("id: vastaus", f"id: {answer_id}")
                .replace("aliases: []", f"aliases: [{extra}]")
                .replace("topic: aihe", f"topic: {topic}")
            )
            write(f"content/faq/{topic}/{answer_id}.{lang}.md", text)(root)

    return apply


def both(*changes: Change) -> Change:
    def apply(root: Path) -> None:
        for change in changes:
            change(root)

    return apply


@dataclass(frozen=True)
class Case:
    name: str
    change: Change
    expected: tuple[str, ...]  # every problem line of the report, in order


def case(name: str, change: Change, *expected: str) -> Case:
    return Case(name, change, expected)


def symlink(rel: str, target: str) -> Change:
    def apply(root: Path) -> None:
        (root / rel).symlink_to(target)

    return apply


def body(text: str, lang: str = "fi") -> Change:
    """The answer's text below its heading ("Teksti." on line 19) replaced by `text`."""
    return edit(ANSWER_FI if lang == "fi" else ANSWER_SV, "Teksti.", text)


def summary(fi: str, sv: str = "Sammandrag.") -> Change:
    """A county summary (line 10: fi, line 11: sv), written as YAML double-quoted strings."""
    return edit(REGION, "language: fi+sv", f"summary:\n  fi: {fi}\n  sv: {sv}\nlanguage: fi+sv")


def both_pages(name: str, text: str = "---\ntitle: Sivu\n---\nTeksti.\n") -> Change:
    return both(write(f"docs/fi/{name}", text), write(f"docs/sv/{name}", text))


ALIAS_BOMB = "lol: &a [x, x, x, x, x, x, x, x, x]\nlol2: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
FRONT_PAGE = (
    "is a site's front page: give the address of the page that holds the fact (a press "
    "release, a decision, the county's page on the matter), so that a reader can open it. If "
    "the front page itself holds the fact, add the site to FRONT_PAGE_SOURCES in "
    "src/kb/content/model.py with the reason"
)
R, FI, SV, A, G = REGION, ANSWER_FI, ANSWER_SV, ASSOCIATIONS, GLOSSARY
SECOND_REGION = """  - name:
      fi: Toinen maakunta
      sv: Andra landskapet
    total: 10
    social_health: 1
    counties: [testialue]
"""
TOPICS, UI, SITE, CSV = (
    "content/faq/topics.yml",
    "content/ui.yml",
    "content/site.yml",
    ("content/regions/municipalities.csv"),
)
MARKDOWN_ALLOWED = (
    "Markdown formatting (paragraphs, lists, tables, ## headings, **bold**, *italic*, links) "
    "and the HTML elements <abbr>, <br>, <sub>, <sup>"
)
SENTENCE_ALLOWED = (
    "one paragraph with Markdown formatting (**bold**, *italic*, links) and the HTML elements "
    "<abbr>, <br>, <sub>, <sup>"
)
LINKS_ALLOWED = (
    "https://…, mailto:… (an organisation's address), alue:, ukk:, aihe:, kalenteri:, avoindata:, "
    "repositorio: and relative links"
)


def ui_line(key: str, lang: str) -> int:
    """The line of a label's text in content/ui.yml (the fixture uses the real file)."""
    lines = (ROOT / UI).read_text(encoding="utf-8").splitlines()
    start = lines.index(f"{key}:")
    return next(n for n, line in enumerate(lines[start:], start + 1) if line.startswith(f"  {lang}:"))


CASES = [
    case(
        "bad indentation",
        edit(R, "  fi: Testialueen", " fi: Testialueen"),
        f"{R}:7: YAML syntax error: unexpected colon: check the indentation, or put a value "
        "that contains ': ' in quotes",
    ),
    case(
        "tab character",
        edit(R, "  en: Test", "\ten: Test"),
        f"{R}:8: YAML syntax error: a tab character is not allowed in YAML; indent with spaces only",
    ),
    case(
        "unclosed quote",
        edit(R, "website: https://example.org", 'website: "https://example.org'),
        f"{R}:9: YAML syntax error: a quotation mark is opened but never closed",
    ),
    case(
        "duplicate key",
        edit(R, "language: fi+sv", "language: fi+sv\nlanguage: fi"),
        f'{R}:11: the key "language" appears twice (first on line 10); keep only one',
    ),
    case(
        "unknown field",
        edit(R, "website:", "webstie:"),
        f'{R}:2: the field "website" is missing; it is required',
        f'{R}:9: unknown field "webstie". Did you mean "website"? Allowed fields here: id, '
        "statfi_code, kind, name, short_name, brand_name, other_names, website, website_sv, language, "
        "summary, structures, contacts, grant_rounds, eligibility, sources, reviewed, sv_source_hash",
    ),
    case(
        "wrong type",
        edit(FI, "keywords: [testi]", "keywords: testi"),
        f'{FI}:7: keywords: must be a list: put each item on its own line starting with "- "',
    ),
    case("missing Swedish twin", delete(SV), f"{FI}:1: the sv twin is missing: create {SV} with the same id"),
    case(
        "unknown region in answer",
        edit(FI, "regions: [testialue]", "regions: [testialue, testialu]"),
        f'{FI}:6: regions: unknown county id "testialu". Did you mean "testialue"? Allowed: testialue',
        f"{SV}:6: regions differs from the Finnish file (testialue, testialu); both language "
        "versions must have the same regions",
    ),
    case(
        "duplicate answer id",
        second_answer("vastaus", topic="aihe2"),
        'content/faq/aihe2/vastaus.fi.md:2: the answer id "vastaus" is already used by '
        f"{FI}; ids must be unique",
        'content/faq/aihe2/vastaus.sv.md:2: the answer id "vastaus" is already used by '
        f"{SV}; ids must be unique",
    ),
    case(
        "empty answer file",
        write("content/faq/aihe/toinen.fi.md", ""),
        "content/faq/aihe/toinen.fi.md:1: the file is empty",
    ),
    case(
        "id equal to another answer's alias",
        second_answer("toinen", extra="vastaus"),
        'content/faq/aihe/toinen.fi.md:13: the alias "vastaus" is already taken by vastaus; '
        "every id and alias must be unique across all answers and topics",
    ),
    # The reverse: a new answer takes an id that an existing answer keeps as an alias
    # (an old address that must keep redirecting there). Reported where the alias is.
    case(
        "id that is another answer's alias",
        both(
            second_answer("vanha"),
            edit(FI, "aliases: []", "aliases: [vanha]"),
            edit(SV, "aliases: []", "aliases: [vanha]"),
        ),
        f'{FI}:13: the alias "vanha" is already taken by vanha; every id and alias must be '
        "unique across all answers and topics",
    ),
    case(
        "invalid URL",
        edit(R, "url: https://example.org/a", "url: example.org/a"),
        f"{R}:24: structures[0].sources[0].url: must be a full web address starting with "
        'https:// (got "example.org/a")',
    ),
    # A source must be the page that holds the fact, not a site's front page
    # (FRONT_PAGE_SOURCES in kb/content/model.py lists the deliberate exceptions).
    case(
        "front page as a source",
        edit(R, "url: https://example.org/a", "url: https://example.org/"),
        f'{R}:24: structures[0].sources[0].url: "https://example.org/" {FRONT_PAGE}',
    ),
    case(
        "bare domain as a source",
        edit(R, "url: https://example.org/lahde", "url: https://example.org"),
        f'{R}:29: sources[0].url: "https://example.org" {FRONT_PAGE}',
    ),
    # A term (valid_from / valid_until) and the date beside a deciding body.
    case(
        "term that ends before it begins",
        edit(R, "valid_until: '2025'", "valid_until: '2022'"),
        f"{R}:21: structures[0].valid_until: 2022 is before valid_from 2023; a term must end after it begins",
    ),
    case(
        "term without an end",
        edit(R, "    valid_until: '2025'\n", ""),
        f"{R}:20: structures[0].valid_from: a term needs its end too: add valid_until, written "
        "as a year (2025), a month (2025-05) or a date (2025-05-31). If this is when the "
        "structure was founded, write it as since instead",
    ),
    case(
        "impossible end of term",
        edit(R, "valid_until: '2025'", "valid_until: '2025-13'"),
        f'{R}:21: structures[0].valid_until: "2025-13" is not a real calendar date',
    ),
    case(
        "deciding body without its date",
        edit(R, "    valid_from:", "    decided_by: {fi: Lautakunta, sv: Nämnden}\n    valid_from:"),
        f"{R}:20: structures[0].decided_by: add decided_by_as_of: the date, month or year of the "
        "newest source that names this body as the one deciding (for example 2025-10-30), so "
        "that readers see how current it is",
    ),
    case(
        "date of a deciding body in the future",
        edit(
            R,
            "    valid_from:",
            "    decided_by: {fi: Lautakunta, sv: Nämnden}\n    decided_by_as_of: '2027-01'\n    valid_from:",
        ),
        f"{R}:21: structures[0].decided_by_as_of: 2027-01 is in the future",
    ),
    case(
        "date without a deciding body",
        edit(R, "    valid_from:", "    decided_by_as_of: '2025-10-30'\n    valid_from:"),
        f"{R}:20: structures[0].decided_by_as_of: belongs with decided_by: add the deciding "
        "body, or remove this line",
    ),
    case(
        "invalid e-mail",
        edit(
            R,
            "contacts: []",
            "contacts:\n  - id: yhteys\n    role: {fi: R, sv: R}\n"
            "    organisation: {fi: O, sv: O}\n    email: ei-osoite\n"
            "    sources: [{title: T, url: 'https://example.org/a', checked: 2026-01-01}]",
        ),
        f'{R}:30: contacts[0].email: must be an e-mail address such as kirjaamo@example.fi (got "ei-osoite")',
    ),
    case(
        "invalid date",
        edit(FI, "reviewed: 2026-01-01", "reviewed: 1.1.2026"),
        f'{FI}:8: reviewed: must be a date written YYYY-MM-DD, for example 2026-11-22 (got "1.1.2026")',
    ),
    case(
        "impossible date",
        edit(FI, "reviewed: 2026-01-01", "reviewed: 2026-02-30"),
        f'{FI}:8: reviewed: "2026-02-30" is not a real calendar date (YYYY-MM-DD)',
    ),
    case(
        "script tag",
        edit(FI, "Teksti.", "<script>alert(1)</script>"),
        f"{FI}:19: raw HTML <script> is not allowed; use Markdown instead (allowed HTML tags: "
        "abbr, br, sub, sup)",
    ),
    case(
        "onclick attribute",
        edit(FI, "Teksti.", "*klikkaa*{onclick=alert(1)}"),
        f'{FI}:19: "{{onclick=alert(1)}}": only {{#anchor-id}} and {{lang=sv}} / {{lang=fi}} are '
        "allowed in braces",
    ),
    case(
        "javascript link",
        edit(FI, "Teksti.", "[linkki](javascript:alert(1))"),
        f"{FI}:19: javascript:, vbscript: and data: links are not allowed; links must start "
        "with https://, or be alue:, ukk:, aihe: or kalenteri: links",
    ),
    case(
        "iframe",
        edit(FI, "Teksti.", '<iframe src="https://example.org"></iframe>'),
        f"{FI}:19: raw HTML <iframe> is not allowed; use Markdown instead (allowed HTML tags: "
        "abbr, br, sub, sup)",
    ),
    case(
        "heading without anchor",
        edit(FI, "## Lisää {#lisaa}", "## Lisää"),
        f"{FI}:17: a heading needs a permanent anchor at its end, for example ## Kuka päättää? "
        "{#kuka-paattaa} (lower-case a-z, 0-9, -)",
        f"{SV}:15: the Finnish and Swedish versions must have the same heading anchors; differs: #lisaa",
    ),
    case(
        "not UTF-8",
        write(R, "id: testialue\nname: Testil\xe4\n".encode("latin-1")),
        f"{R}:2: the file is not UTF-8 text; save it with UTF-8 encoding (byte 0xe4 cannot be read)",
    ),
    case("empty file", write(R, ""), f"{R}:1: the file is empty"),
    case(
        "huge file",
        write(R, "# x\n" + ("a" * 99 + "\n") * 3000),
        f"{R}:1: the file is 300,004 bytes; content files may be at most 200,000 bytes",
    ),
    case(
        "alias bomb",
        write(R, ALIAS_BOMB),
        f"{R}:1: YAML anchors (&a) are not allowed in content files; write the value out in full",
    ),
    case(
        "unknown link target",
        edit(FI, "alue:testialue", "alue:testi"),
        f'{FI}:15: alue:testi points to no county. Did you mean "testialue"?',
    ),
    case(
        "a label is missing",
        edit("content/ui.yml", "region.basic:\n  fi: Perustiedot\n  sv: Grundfakta\n", ""),
        'content/ui.yml:LINE: the label "region.basic" is missing; add it here (keys are in '
        "alphabetical order) with its fi and sv texts",
    ),
    # --- grant rounds (the fixture's round is at the end of the county file) and events ---
    case(
        "grant round closes before it opens",
        edit(R, "    closes: 2026-12-10", "    closes: 2026-11-10"),
        f"{R}:40: closes: 2026-11-10 is before opens (2026-11-20); the application period must "
        "close on or after the day it opens",
    ),
    case(
        "grant year that does not fit the window",
        edit(R, "grant_year: 2027", "grant_year: 2029"),
        f"{R}:34: grant_year: 2029 does not fit the application period (this round opens "
        "2026-11-20 and closes 2026-12-10): a round for the grant year 2029 opens in 2028 or "
        "2029 and closes by 2029-12-31",
    ),
    case(
        "grant year that is not a year",
        edit(R, "grant_year: 2027", "grant_year: ensi vuosi"),
        f"{R}:34: grant_rounds[0].grant_year: must be a year written with four digits, for "
        'example "2027" (got "ensi vuosi")',
    ),
    case(
        "unknown kind of grant",
        edit(R, "kinds: [general, partnership]", "kinds: [general, partnrship]"),
        f'{R}:35: grant_rounds[0].kinds[1]: "partnrship" is not allowed. Did you mean '
        '"partnership"? Allowed: general, partnership, project, targeted, one_off',
    ),
    case(
        "grant round without a source",
        edit(
            R,
            "    sources:\n      - title: Testilähde\n        url: https://example.org/avustukset\n"
            "        checked: 2026-11-01\n",
            "    sources: []\n",
        ),
        f"{R}:52: grant_rounds[0].sources: at least one source (title, url, checked) is required",
    ),
    case(
        "unknown condition of a grant",
        edit(R, "rule: registered-in-area", "rule: registered"),
        f'{R}:57: eligibility[0].rule: "registered" is not allowed. Did you mean "registered-in-area"? '
        "Allowed: registered-in-area, multi-municipality, open-to-non-members, service-listing",
    ),
    case(
        "condition neither true nor false",
        edit(R, "required: true", "required: kyllä"),
        f'{R}:58: eligibility[0].required: must be true or false (got "kyllä")',
    ),
    case(
        "condition stated twice for one grant year",
        lambda root: (root / R).write_text(
            (root / R).read_text(encoding="utf-8")
            + "  - rule: registered-in-area\n    required: false\n    grant_year: 2027\n"
            "    sources:\n      - title: Toinen\n        url: https://example.org/toinen\n"
            "        checked: 2026-11-01\n",
            encoding="utf-8",
        ),
        f"{R}:67: eligibility[1]: registered-in-area for 2027 is already stated in eligibility[0]; "
        "one statement per condition and grant year (merge the sources)",
    ),
    case(
        "grant round id used twice",
        edit(
            R,
            "eligibility:\n",
            '  - id: avustukset-2027\n    grant_year: "2026"\n    name: {fi: Toinen, sv: Annan}\n'
            "    closes: 2025-10-31\n    url: https://example.org/toinen\n"
            "    sources: [{title: T, url: 'https://example.org/toinen', checked: 2026-11-01}]\n"
            "eligibility:\n",
        ),
        f'{R}:56: the id "avustukset-2027" is already used in this county file; structure, '
        "contact and grant round ids become anchors and must be unique",
    ),
    case(
        "closing time not HH:MM",
        edit(R, "closes_time: 16:00", "closes_time: 16.00"),
        f"{R}:41: grant_rounds[0].closes_time: must be a time of day written HH:MM in Helsinki "
        'time, for example "16:00" (got "16.00")',
    ),
    case(
        "open round without an opening day",
        edit(R, "    opens: 2026-11-20\n", ""),
        f"{R}:33: opens: is missing; a round that has not closed by the build date (2026-12-03) "
        "needs the first day of its application period (opens: YYYY-MM-DD). Leave opens out "
        "only for a closed round whose opening day was not published",
    ),
    case(
        "decision written two ways",
        edit(R, "      expected: 2027-02", "      expected: 2027-02\n      made: 2027-02-15"),
        f"{R}:45: grant_rounds[0].decision: write exactly one of made (when the decisions were "
        "made), expected (a year, month or day they were expected) or expected_text (the "
        "expected time in words)",
    ),
    case(
        "event that ends before it starts",
        edit(EVENT, "ends: 2026-12-08 14:30", "ends: 2026-12-08 12:00"),
        f"{EVENT}:9: ends: 2026-12-08 12:00 is not after starts (2026-12-08 13:00); an event "
        "must end after it starts",
    ),
    case(
        "event time written the Finnish way",
        edit(EVENT, "starts: 2026-12-08 13:00", "starts: 8.12.2026 klo 13"),
        f"{EVENT}:8: starts: must be a date and a time in Helsinki time written YYYY-MM-DD HH:MM, "
        'for example "2021-08-25 13:00", or only the date when no time is published (got '
        '"8.12.2026 klo 13")',
    ),
    case(
        "event for an unknown county",
        edit(EVENT, "regions: [testialue]", "regions: [testialu]"),
        f'{EVENT}:16: regions: unknown county id "testialu". Did you mean "testialue"? Allowed: testialue',
    ),
    case(
        "event online neither true nor false",
        edit(EVENT, "online: true", "online: kyllä"),
        f'{EVENT}:10: online: must be true or false (got "kyllä")',
    ),
    case(
        "event file named like a calendar section",
        lambda root: (root / "content/events/tapahtumat.yml").write_text(
            (root / EVENT).read_text(encoding="utf-8"), encoding="utf-8"
        ),
        'content/events/tapahtumat.yml:2: the file name "tapahtumat" is reserved for the calendar '
        "page layout; rename the file",
    ),
    case(
        "calendar link to a section that does not exist",
        edit(FI, "Teksti.", "[Haut](kalenteri:#auk)"),
        f'{FI}:19: kalenteri:#auk: the calendar page has no section or event "#auk". Did you mean '
        '"auki"? Allowed: auki, ei-tietoa, menneet-tapahtumat, otsikko, paattyneet, tapahtumat, '
        "testi-info, tilaa, tilanne, tulossa",
    ),
    case(
        "associations: unknown county",
        edit(A, "counties: [testialue]", "counties: [testialu]"),
        f'{A}:8: the county "testialue" is in no region; add its id to the counties of the region '
        "(maakunta) it lies in",
        f'{A}:14: counties: unknown county id "testialu". Did you mean "testialue"? Allowed: testialue',
    ),
    case(
        "associations: a county in two regions",
        write(
            A,
            (Path(__file__).parents[1] / "fixtures/minimal" / ASSOCIATIONS).read_text("utf-8")
            + SECOND_REGION,
        ),
        f'{A}:20: the county "testialue" is already in the region Testimaakunta; each county lies '
        "in exactly one region",
    ),
    case(
        "associations: part larger than the total",
        edit(A, "social_health: 678", "social_health: 99999"),
        f"{A}:9: regions[0]: social_health (99999) cannot be larger than total (12345)",
    ),
    case(
        "associations: a count written with a space",
        edit(A, "total: 12345", "total: 12 345"),
        f"{A}:12: regions[0].total: must be a whole number written with digits only, for example "
        '2027 (got "12 345")',
    ),
    case(
        "glossary: two terms with one id",
        edit(G, "id: aakkosjarjestys", "id: testitermi"),
        f'{G}:15: the id "testitermi" is used by two terms; term ids become anchors and must be unique',
    ),
    case(
        "glossary: an id the layout uses",
        edit(G, "id: testitermi", "id: otsikko"),
        f'{G}:3: the id "otsikko" is reserved for the page layout; choose another',
    ),
    case(
        "glossary: the English form is missing",
        edit(G, "      en: vote\n", ""),
        f'{G}:16: the field "terms[1].term.en" is missing; it is required',
    ),
    case(
        "repository link outside the hand-written pages",
        edit(FI, "Teksti.", "[Ilmoita](repositorio:issues)"),
        f"{FI}:19: repositorio: links are only allowed on the pages in docs/",
    ),
    case(
        "repository link to a page that is not offered",
        edit(PAGE_FI, "Tervetuloa.", "[Koodi](repositorio:pulls)"),
        f"{PAGE_FI}:4: repositorio:pulls is not a repository page. Allowed: repositorio:, "
        "repositorio:issues, repositorio:issues/new",
    ),
    # --- plain-text fields: no markup, no character references, no controls -------------
    case(
        "markup in a structure name",
        edit(R, "fi: Neuvottelukunta", "fi: Neuvottelukunta <b>x</b>"),
        f"{R}:15: structures[0].name.fi: must be plain text without HTML (< and > are not allowed here)",
    ),
    case(
        "character reference in a structure name",
        edit(R, "fi: Neuvottelukunta", "fi: Neuvottelu&lt;kunta"),
        f"{R}:15: structures[0].name.fi: must be plain text: write the character itself instead of "
        'the HTML character reference "&lt;"',
    ),
    case(
        "markup in a question",
        edit(FI, "question: Testikysymys fi?", "question: Testikysymys <script>?"),
        f"{FI}:4: question: must be plain text without HTML (< and > are not allowed here)",
    ),
    case(
        "markup in a page title",
        edit("docs/fi/index.md", "title: Koti fi", "title: Koti <b>fi</b>"),
        "docs/fi/index.md:2: title: must be plain text without HTML (< and > are not allowed here)",
    ),
    case(
        "character reference in a page title",
        edit("docs/fi/index.md", "title: Koti fi", "title: Koti &amp; fi"),
        "docs/fi/index.md:2: title: must be plain text: write the character itself instead of the "
        'HTML character reference "&amp;"',
    ),
    case(
        "markup in a TEXT label",
        edit(UI, "fi: Järjestöt ja hyvinvointialueet", "fi: <b>Järjestöt</b> ja hyvinvointialueet"),
        f'{UI}:{ui_line("site.name", "fi")}: the fi text of "site.name" must be plain text without '
        "HTML (< and > are not allowed here)",
    ),
    case(
        "markup in a municipality name",
        edit(CSV, "002,Toinen,,fi,testialue", "002,Toinen<b>x</b>,,fi,testialue"),
        f"{CSV}:3: name_fi: must be plain text without HTML (< and > are not allowed here)",
    ),
    case(
        "character reference in a Swedish municipality name",
        edit(CSV, "Testby", "Test&amp;by"),
        f"{CSV}:2: name_sv: must be plain text: write the character itself instead of the HTML "
        'character reference "&amp;"',
    ),
    case(
        "NUL written as a YAML escape",
        edit(R, "fi: Neuvottelukunta", 'fi: "Neuvottelu\\0kunta"'),
        f"{R}:15: the value contains a NUL byte, written as an escape in quotes (such as \\0 or "
        "\\u202e); it is not allowed in content: delete it",
    ),
    case(
        "bidirectional override written as a YAML escape",
        edit(R, "fi: Neuvottelukunta", 'fi: "Neuvottelu\\u202ekunta"'),
        f"{R}:15: the value contains the bidirectional control character U+202E, written as an escape "
        "in quotes (such as \\0 or \\u202e); it is not allowed in content: delete it",
    ),
    case(
        "bidirectional override in a body",
        body("Teksti \u202e käänteinen."),
        f"{FI}:19: the text contains the bidirectional control character U+202E, which is not allowed "
        "in content; delete it (it may be invisible: retype the line)",
    ),
    # --- Markdown in YAML fields: judged on the HTML it becomes -----------------------------
    case(
        "script in a structure description",
        edit(R, "fi: Testikuvaus.", "fi: Testikuvaus <script>alert(1)</script>"),
        f"{R}:18: structures[0].description.fi: a script (<script>) is not allowed here; allowed: "
        f"{MARKDOWN_ALLOWED}",
    ),
    case(
        "meta refresh in a county summary",
        summary('\'<meta http-equiv="refresh" content="0;url=https://example.org/">\''),
        f"{R}:11: summary.fi: a <meta> element is not allowed here; allowed: {MARKDOWN_ALLOWED}",
    ),
    case(
        "javascript: written with a character reference",
        edit(R, "fi: Testikuvaus.", 'fi: "[x](jav&#x61;script:alert(1))"'),
        f'{R}:18: structures[0].description.fi: the link type "javascript:" is not allowed here; '
        f"allowed: {LINKS_ALLOWED}",
    ),
    case(
        "javascript&colon; in a topic description",
        edit(TOPICS, "fi: Testiaihe.", 'fi: "[x](javascript&colon;alert(1))"'),
        f'{TOPICS}:7: topics[0].description.fi: the link type "javascript:" is not allowed here; '
        f"allowed: {LINKS_ALLOWED}",
    ),
    case(
        "a tab inside the scheme",
        edit(TOPICS, "fi: Testiaihe.", 'fi: "[x](java\\tscript:alert(1))"'),
        f'{TOPICS}:7: topics[0].description.fi: the link type "javascript:" is not allowed here; '
        f"allowed: {LINKS_ALLOWED}",
    ),
    case(
        "an image from another site",
        edit(R, "fi: Testikuvaus.", 'fi: "![kuva](https://evil.example/x.png)"'),
        f"{R}:18: structures[0].description.fi: an image (<img>) is not allowed here; allowed: "
        f"{MARKDOWN_ALLOWED}",
    ),
    case(
        "a style attribute with url()",
        summary("'*x*{style=\"background:url(https://evil.example/x)\"}'"),
        f'{R}:11: summary.fi: the attribute style="background:url(https://evil.example/x)" on <em> '
        "is not allowed here; allowed on <em>: id, lang",
    ),
    case(
        "too many < in a description",
        edit(R, "fi: Testikuvaus.", "fi: '" + "<" * 3000 + "'"),
        f"{R}:18: structures[0].description.fi: a paragraph with 3,000 [ and < characters is not "
        "allowed here; allowed: at most 100 in one paragraph (split it, or use fewer links)",
    ),
    case(
        "two paragraphs in the one-sentence answer",
        edit(FI, "answer: Testivastaus fi.", 'answer: "Yksi.\\n\\nKaksi."'),
        f"{FI}:5: answer: more than one paragraph (a blank line, a list or a heading) is not allowed "
        f"here; allowed: {SENTENCE_ALLOWED}",
    ),
    case(
        "an image in the one-sentence answer",
        edit(FI, "answer: Testivastaus fi.", "answer: Vastaus <img src=x onerror=alert(1)>"),
        f"{FI}:5: answer: an image (<img>) is not allowed here; allowed: {SENTENCE_ALLOWED}",
    ),
    case(
        "a script in a MARKDOWN label",
        edit(UI, "fi: Vastaukset on ryhmitelty", "fi: Vastaukset <script>alert(1)</script> on ryhmitelty"),
        f'{UI}:{ui_line("faq.intro", "fi")}: the fi text of "faq.intro": a script (<script>) is not '
        f"allowed here; allowed: {SENTENCE_ALLOWED}",
    ),
    case(
        "a changed placeholder in a label",
        edit(UI, 'fi: "{d}.{m}.{y}"', 'fi: "{d}.{m}.{vuosi}"'),
        f'{UI}:{ui_line("date.format", "fi")}: the fi text of "date.format" must use exactly the '
        "placeholders {d}, {m}, {y} (found {d}, {m}, {vuosi}); keep them as they are in the other language",
    ),
    # --- Markdown bodies: the policy where the line-based hints cannot see -------------------
    case(
        "a tag split over two lines",
        body('<iframe\nsrc="https://example.org/"></iframe>'),
        f"{FI}:19: <iframe> is not allowed here; allowed: {MARKDOWN_ALLOWED}",
    ),
    case(
        "a script between fence lines (not a code block in this Markdown)",
        body("```\n\n<script>alert(1)</script>\n\n```"),
        f"{FI}:21: a script (<script>) is not allowed here; allowed: {MARKDOWN_ALLOWED}",
    ),
    case(
        "a site link written as a reference",
        body("[Alue][a]\n\n[a]: alue:testialue"),
        f'{FI}:21: the link "alue:testialue" is not allowed here; allowed: alue: links written in the '
        "text as [text](alue:…) on one line",
    ),
    case(
        "a link to another site without https:",
        body("[x](//evil.example/)"),
        f'{FI}:19: the link address "//evil.example/" (another site, without https:) is not allowed '
        f"here; allowed: {LINKS_ALLOWED}",
    ),
    case(
        "an http link",
        body("[x](http://example.org/)"),
        f'{FI}:19: the link address "http://example.org/" is not allowed here; allowed: https:// (use '
        "the page's https:// address)",
    ),
    case(
        "a personal address as a mailto autolink",
        body("<matti.meikalainen@example.fi>"),
        f'{FI}:19: the e-mail link "mailto:matti.meikalainen@example.fi" is not allowed here; allowed: '
        "mailto: with an organisation's role or service address, such as kirjaamo@… or avustukset@… "
        "(not a person's firstname.lastname@…)",
    ),
    case(
        "an HTML comment",
        body("<!-- muistiinpano -->"),
        f"{FI}:19: an HTML comment <!-- … --> is not allowed here; allowed: text that readers see "
        "(notes for other editors belong in the pull request)",
    ),
    case(
        "a layout anchor on a paragraph",
        body("Kappale.\n{: #vastaus}"),
        f'{FI}:20: the id "vastaus" is not allowed here: it is reserved for the page layout; allowed: '
        "any other id, written {#anchor-id}",
    ),
    # One mistake, one message: the hint names the line, the policy's finding there is not repeated.
    case(
        "a level-1 heading",
        both(body("# Otsikko {#oma-otsikko}"), body("# Rubrik {#oma-otsikko}", "sv")),
        f"{FI}:19: a level-1 heading (# …) is not allowed: the question or front-matter title is the "
        "page title; start at ##",
        f"{SV}:19: a level-1 heading (# …) is not allowed: the question or front-matter title is the "
        "page title; start at ##",
    ),
    case(
        "an unknown link type",
        body("[x](ftp://example.org/)"),
        f'{FI}:19: unknown link type "ftp:"; use https://…, alue:<county-id>, ukk:<answer-id>, '
        "aihe:<topic-id> or kalenteri:",
    ),
    case(
        "a base element",
        body('<base href="https://evil.example/">'),
        f"{FI}:19: raw HTML <base> is not allowed; use Markdown instead (allowed HTML tags: abbr, br, "
        "sub, sup)",
    ),
    # --- bounded work: answered at once, not after minutes --------------------------------------
    case(
        "thousands of [ in a paragraph",
        body("[" * 4000),
        f"{FI}:19: a paragraph with 4,000 [ and < characters is not allowed here; allowed: at most "
        "100 in one paragraph (split it, or use fewer links)",
    ),
    case(
        "thousands of > (nested quotes)",
        body(">" * 4000),
        f"{FI}:19: nesting 4000 levels deep (quotes > and lists inside each other) is not allowed "
        "here; allowed: at most 10 levels",
    ),
    case(
        "lists nested eleven deep",
        body("\n".join("    " * i + "- x" for i in range(12))),
        f"{FI}:29: nesting 11 levels deep (quotes > and lists inside each other) is not allowed "
        "here; allowed: at most 10 levels",
    ),
    case(
        "deeply nested YAML flow collections",
        write(TOPICS, "topics:\n" + ("  " + "[" * 4000 + "\n") * 25),
        f"{TOPICS}:2: the values are nested more than 12 levels deep; content files are never that "
        "deep (check the indentation and the brackets)",
    ),
    # --- links to what does not exist ----------------------------------------------------------
    case(
        "a link to a missing anchor of a county",
        edit(FI, "alue:testialue#yhteistyorakenteet", "alue:testialue#olematon"),
        f"{FI}:15: alue:testialue#olematon points to no anchor on that page. Anchors there: "
        "avustukset-2027, avustushaut, avustusten-ehdot, kunnat, lahteet, neuvottelukunta, otsikko, "
        "perustiedot, tarkistettu, yhteistyorakenteet, yhteystiedot",
    ),
    case(
        "a link to a missing anchor of an answer, in a county text",
        edit(R, "fi: Testikuvaus.", 'fi: "Katso [vastaus](ukk:vastaus#ennen-hakua)."'),
        f"{R}:18: ukk:vastaus#ennen-hakua points to no anchor on that page. Anchors there: alueet, "
        "lahteet, lisaa, otsikko, tarkistettu, vastaus",
    ),
    case(
        "a link to a missing answer, in a topic description",
        edit(TOPICS, "fi: Testiaihe.", 'fi: "Katso [x](ukk:olematon)."'),
        f"{TOPICS}:7: ukk:olematon points to no answer.",
    ),
    # --- addresses --------------------------------------------------------------------------
    case(
        "a URL with a user name and password",
        edit(R, "url: https://example.org/a", "url: https://user:salasana@example.org/a"),
        f"{R}:24: structures[0].sources[0].url: must not contain a user name or password before the "
        'host (got "https://user:salasana@example.org/a")',
    ),
    case(
        "a URL with a space",
        edit(R, "url: https://example.org/a", 'url: "https://example.org/a b"'),
        f"{R}:24: structures[0].sources[0].url: must not contain a space (copy the address from the "
        'browser\'s address bar; got "https://example.org/a b")',
    ),
    case(
        "a URL with a character reference",
        edit(R, "url: https://example.org/a", "url: https://example.org/a?x=1&amp;y=2"),
        f'{R}:24: structures[0].sources[0].url: must not contain the HTML character reference "&amp;": '
        'write the character itself (got "https://example.org/a?x=1&amp;y=2")',
    ),
    case(
        "a javascript: URL",
        edit(R, "url: https://example.org/a", "url: javascript:alert(1)"),
        f"{R}:24: structures[0].sources[0].url: must be a full web address starting with https:// "
        '(got "javascript:alert(1)")',
    ),
    case(
        "an http URL",
        edit(R, "url: https://example.org/a", "url: http://example.org/a"),
        f"{R}:24: structures[0].sources[0].url: must start with https://, not http:// (use the page's "
        'https:// address; got "http://example.org/a")',
    ),
    case(
        "a URL without a dot in its host",
        edit(R, "url: https://example.org/a", "url: https://intranet/a"),
        f"{R}:24: structures[0].sources[0].url: must name a host with a dot, such as www.example.fi "
        '(got "https://intranet/a")',
    ),
    case(
        "a personal e-mail address",
        edit(
            R,
            "contacts: []",
            "contacts:\n  - id: yhteys\n    role: {fi: R, sv: R}\n"
            "    organisation: {fi: O, sv: O}\n    email: etunimi.sukunimi@example.fi\n"
            "    sources: [{title: T, url: 'https://example.org/a', checked: 2026-01-01}]",
        ),
        f'{R}:30: contacts[0].email: "etunimi.sukunimi@example.fi" looks like a person\'s address '
        "(firstname.lastname@…); the site names roles, not people: use the organisation's role or "
        "service address, such as kirjaamo@… or avustukset@…",
    ),
    # --- site.yml -----------------------------------------------------------------------------
    case(
        "an http repository address",
        edit(SITE, "repository_url: https://", "repository_url: http://"),
        f"{SITE}:6: repository_url: must start with https://, not http:// (use the page's https:// "
        'address; got "http://github.com/OWNER/REPOSITORY")',
    ),
    case(
        "an unknown setting",
        edit(SITE, "branch: main", "branch: main\nbrnach: x"),
        f'{SITE}:8: unknown field "brnach". Did you mean "branch"? Allowed fields here: '
        "repository_url, branch",
    ),
    case(
        "markup in the branch name",
        edit(SITE, "branch: main", 'branch: main"><script>'),
        f'{SITE}:7: branch: must be a branch name of letters, digits, ".", "_", "/" and "-" '
        '(got "main"><script>")',
    ),
    # --- dates ----------------------------------------------------------------------------------
    case(
        "a source checked after the build date",
        edit(FI, "    checked: 2026-01-01", "    checked: 2027-01-01"),
        f"{FI}:12: checked: 2027-01-01 is after the build date 2026-12-03; write the day the source "
        "was compared with the fact",
    ),
    case(
        "a source published after the build date",
        edit(FI, "    checked: 2026-01-01", "    checked: 2026-01-01\n    published: 2027"),
        f"{FI}:13: published: 2027 is after the build date 2026-12-03",
    ),
    # --- duplicates in lists --------------------------------------------------------------------
    case(
        "a keyword twice",
        edit(FI, "keywords: [testi]", "keywords: [testi, Testi]"),
        f'{FI}:7: keywords: "Testi" is listed twice; keep it once',
    ),
    case(
        "a county twice",
        both(
            edit(FI, "regions: [testialue]", "regions: [testialue, testialue]"),
            edit(SV, "regions: [testialue]", "regions: [testialue, testialue]"),
        ),
        f'{FI}:6: regions: "testialue" is listed twice; keep it once',
        f'{SV}:6: regions: "testialue" is listed twice; keep it once',
    ),
    case(
        "an alias twice",
        both(
            edit(FI, "aliases: []", "aliases: [vanha, vanha]"),
            edit(SV, "aliases: []", "aliases: [vanha, vanha]"),
        ),
        f'{FI}:13: aliases: "vanha" is listed twice; keep it once',
        f'{SV}:13: aliases: "vanha" is listed twice; keep it once',
    ),
    case(
        "another name twice",
        edit(R, "language: fi+sv", "other_names: [Testi, Testi]\nlanguage: fi+sv"),
        f'{R}:10: other_names: "Testi" is listed twice; keep it once',
    ),
    case(
        "a source twice",
        edit(
            FI,
            "aliases: []",
            "  - title: Testilähde\n    url: https://example.org/lahde\n    checked: 2026-01-01\naliases: []",
        ),
        f'{FI}:9: sources: "Testilähde, https://example.org/lahde" is listed twice; keep it once',
    ),
    # --- rows of municipalities.csv ---------------------------------------------------------------
    case(
        "a municipality row with a value too many",
        edit(CSV, "002,Toinen,,fi,testialue", "002,Toinen,,fi,testialue,x"),
        f"{CSV}:3: each row must have 5 values separated by commas",
    ),
    case(
        "a municipality row with a huge quoted value",
        edit(CSV, "002,Toinen,", '002,"' + ("x" * 4000 + "\n") * 40 + '",'),
        f"{CSV}:3: the table cannot be read as CSV here (field larger than field limit (131072))",
    ),
    # --- file names and symbolic links ------------------------------------------------------------
    case(
        "a page that takes a generated page's address",
        both_pages("alueet.md"),
        'docs/fi/alueet.md:1: the page name "alueet" is taken: /alueet/ is a page or folder the site '
        "makes itself; rename the file (taken: "
        "alueet, assets, data, kaannokset, kalenteri, lahteet, pagefind, sanasto, sv, ukk, vertailu)",
        'docs/sv/alueet.md:1: the page name "alueet" is taken: /alueet/ is a page or folder the site '
        "makes itself; rename the file (taken: "
        "alueet, assets, data, kaannokset, kalenteri, lahteet, pagefind, sanasto, sv, ukk, vertailu)",
    ),
    case(
        "a page that takes the Swedish root",
        write("docs/fi/sv.md", "---\ntitle: Sivu\n---\nTeksti.\n"),
        'docs/fi/sv.md:1: the page name "sv" is taken: /sv/ is a page or folder the site makes itself; '
        "rename the file (taken: "
        "alueet, assets, data, kaannokset, kalenteri, lahteet, pagefind, sanasto, sv, ukk, vertailu)",
    ),
    case(
        "a page name with capitals and a space",
        both_pages("Tietoa meistä.md"),
        'docs/fi/Tietoa meistä.md:1: the page name "Tietoa meistä" must be lower-case letters a-z, '
        "digits and single hyphens (it becomes the page's address): rename the file",
        'docs/sv/Tietoa meistä.md:1: the page name "Tietoa meistä" must be lower-case letters a-z, '
        "digits and single hyphens (it becomes the page's address): rename the file",
    ),
    case(
        "a file that is not a page in docs/fi",
        write("docs/fi/kuva.png", b"\x89PNG"),
        "docs/fi/kuva.png:1: only pages (<name>.md files) belong in docs/fi/",
    ),
    case(
        "a symbolic link to a folder in docs",
        symlink("docs/fi/linkki", "../sv"),
        "docs/fi/linkki:1: this is a symbolic link; content files and folders must be ordinary files "
        "and folders of the repository (replace the link with the file or folder itself)",
    ),
    case(
        "a symbolic link to a file in content",
        symlink("content/faq/aihe/linkki.fi.md", "vastaus.fi.md"),
        "content/faq/aihe/linkki.fi.md:1: this is a symbolic link; content files and folders must be "
        "ordinary files and folders of the repository (replace the link with the file or folder itself)",
    ),
    case(
        "a symbolic link that loops",
        symlink("content/faq/silmukka", "."),
        "content/faq/silmukka:1: this is a symbolic link; content files and folders must be ordinary "
        "files and folders of the repository (replace the link with the file or folder itself)",
    ),
]


class Hang(Exception):
    pass


@contextlib.contextmanager
def hang_guard(seconds: int) -> Iterator[None]:
    def stop(signum: int, frame: object) -> None:
        raise Hang(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def validate_in_process(root: Path) -> tuple[int, list[str]]:
    """`kb validate` in ROOT as the editor runs it, in this process: (status, stderr lines)."""
    err = io.StringIO()
    cwd = os.getcwd()
    os.environ["KB_BUILD_DATE"] = BUILD_DATE
    os.chdir(root)
    try:
        with (
            hang_guard(HANG_SECONDS),
            contextlib.redirect_stderr(err),
            contextlib.redirect_stdout(io.StringIO()),
        ):
            status = main(["--root", ".", "validate"])
    finally:
        os.chdir(cwd)
    return status, err.getvalue().splitlines()


def line_of(root: Path, rel: str, text: str) -> int:
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(text))


def test_fixture_is_valid(project: Path) -> None:
    assert validate_in_process(project) == (0, [])


@pytest.mark.parametrize("bad", CASES, ids=[c.name for c in CASES])
def test_bad_input_gives_exactly_these_messages(project: Path, bad: Case) -> None:
    bad.change(project)
    status, lines = validate_in_process(project)
    assert status == 1
    count = len(bad.expected)
    assert lines[-1] == f"{count} problem{'s' if count != 1 else ''} found; nothing was built."
    expected = [
        line.replace(":LINE:", f":{line_of(project, 'content/ui.yml', 'region.calendar:')}:")
        for line in bad.expected
    ]
    assert lines[:-1] == expected


# --- good input: ordinary texts that must pass as written ---------------------------------------

GOOD = {
    "an autolink": body("Lisätietoja: <https://example.org/a?b=1&c=2>."),
    "an e-mail autolink": body("Kirjoita osoitteeseen <kirjaamo@example.fi>."),
    "a link with a title": body('[Lähde](https://example.org/ "Lähteen otsikko")'),
    "double quotes in the one-sentence answer": edit(
        FI, "answer: Testivastaus fi.", "answer: 'Vastaus \"lainaus\" & heitto fi.'"
    ),
    'the word "JavaScript:" in prose': body("JavaScript: kieli, jota sivusto ei tarvitse."),
    "a < b in prose": body("Jos a < b ja c > d, vertailu on selvä."),
    "character references in prose": body("Tom &amp; Jerry, &lt;b&gt; ja &#60; näkyvät merkkeinä."),
    "a {lang=sv} span": body("*gemensamma*{lang=sv} tarkoittaa yhteistä."),
    "a table with alignment": body("| a | b | c |\n|:--|--:|:-:|\n| 1 | 2 | 3 |"),
    "a definition list": body("Termi\n:   Määritelmä."),
    "an admonition": body("!!! note\n    Huomio."),
    "braces, stars and brackets in a structure name": edit(
        R, "fi: Neuvottelukunta", "fi: 'Neuvottelukunta {#x} {.y} *z* [w] | q'"
    ),
    "quotes and an ampersand in a question": edit(
        FI, "question: Testikysymys fi?", "question: 'Mikä on \"STEA\" & miksi?'"
    ),
    "organisational e-mail addresses": both(
        edit(
            R,
            "contacts: []",
            "contacts:\n  - id: yhteys\n    role: {fi: R, sv: R}\n"
            "    organisation: {fi: O, sv: O}\n    email: kirjaamo.hyvinvointialue@example.fi\n"
            "    sources: [{title: T, url: 'https://example.org/a', checked: 2026-01-01}]",
        ),
        body("[Kirjaamo](mailto:helsinki.kirjaamo@example.fi), <avustukset.kanslia@example.fi>"),
    ),
    "site links to anchors": body(
        "[Neuvottelukunta](alue:testialue#neuvottelukunta), [lisää](ukk:vastaus#lisaa), "
        "[aihe](aihe:aihe#vastaus), [kunnat](alue:#kunta-alue-haku), [UKK](ukk:#aihe)"
    ),
    "a site link with a title": body('[Testialue](alue:testialue "Testialueen sivu")'),
    "abbr, sub and sup": body(
        '<abbr title="Sosiaali- ja terveys">sote</abbr>, CO<sub>2</sub>, m<sup>2</sup>'
    ),
    "markup inside code spans": body("Kirjoita `<script>` tai `[x](javascript:y)` koodina."),
    "a numbered list from 3": body("3. kolmas\n4. neljäs"),
    "a source published this month": edit(
        FI, "    checked: 2026-01-01", "    checked: 2026-01-01\n    published: 2026-12"
    ),
    "an address with parentheses and ä": edit(
        R, "url: https://example.org/a", "url: https://fi.wikipedia.org/wiki/Hyvinvointialue_(Suomi)/ä"
    ),
    "a link to an anchor of the page": body("[Ylös](#lisaa)"),
    "a phone link": body("[09 123 4567](tel:+35891234567)"),
    "a relative link": body("[Tietoa](../../tietoa/)"),
}


@pytest.mark.parametrize("good", GOOD.values(), ids=list(GOOD))
def test_good_input_passes(project: Path, good: Change) -> None:
    good(project)
    assert validate_in_process(project) == (0, [])


# --- the command as the editor runs it ------------------------------------------------------


def test_bad_input_exits_1_without_traceback(project: Path) -> None:
    edit(FI, "keywords: [testi]", "keywords: testi")(project)
    result = run_kb(project, "validate")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith(f"{FI}:7: keywords: must be a list")


def test_failed_build_leaves_previous_site_untouched(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    edit(FI, "keywords: [testi]", "keywords: testi")(project)
    result = build(project, site)
    assert result.returncode == 1
    assert "keywords: must be a list" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"], "a temporary folder was left"
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]


def test_broken_internal_link_fails_the_strict_build(project: Path, tmp_path: Path) -> None:
    """A relative link to a page that does not exist is caught by MkDocs' strict mode."""
    for lang in ("fi", "sv"):
        page = project / "docs" / lang / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n[Rikki](olematon.md)\n", encoding="utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 1
    assert "olematon.md" in result.stdout + result.stderr
    assert not site.exists()
    assert list(tmp_path.iterdir()) == [project], "a temporary folder was left"


def test_fixture_site_builds(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "ukk" / "vastaus" / "index.html").is_file()
    assert (site / "sv" / "ukk" / "vastaus" / "index.html").is_file()


# Bad inputs that were published before, or crashed the build: `kb build` refuses them
# with the same report, no traceback, and the previous site stays as it was.
BUILD_CASES = [
    c
    for c in CASES
    if c.name
    in {
        "meta refresh in a county summary",
        "a script between fence lines (not a code block in this Markdown)",
        "a page that takes the Swedish root",
        "a symbolic link that loops",
        "NUL written as a YAML escape",
        "a script in a MARKDOWN label",
        "deeply nested YAML flow collections",
    }
]


def test_the_build_cases_are_in_the_table() -> None:
    assert len(BUILD_CASES) == 7


@pytest.mark.slow
@pytest.mark.parametrize("bad", BUILD_CASES, ids=[c.name for c in BUILD_CASES])
def test_bad_input_is_not_built(project: Path, tmp_path: Path, bad: Case) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    bad.change(project)
    result = build(project, site, timeout=HANG_SECONDS)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr.splitlines()[:-1] == list(bad.expected)
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"], "a temporary folder was left"


@pytest.mark.slow
def test_good_inputs_are_published_as_written(project: Path, tmp_path: Path) -> None:
    """Several good inputs at once, built: they reach the page as the editor meant them, and
    the whole built site passes the published-file check (tests/support/published.py)."""
    from support.published import published_problems

    for name in (
        "braces, stars and brackets in a structure name",
        "double quotes in the one-sentence answer",
    ):
        GOOD[name](project)
    edit(
        SV,
        "Teksti.",
        'Se <https://example.org/a?b=1&c=2>, *gemensamma*{lang=sv} och [R](alue:testialue "Titel").',
    )(project)
    site = tmp_path / "site"
    result = build(project, site, SITE_URL="https://example.org/")
    assert result.returncode == 0, result.stdout + result.stderr
    region = parse(site / "alueet" / "testialue" / "index.html")
    headings = [attrs for tag, attrs in region.elements if tag == "h3"]
    assert {"id": "neuvottelukunta"} in headings, "the structure lost its permanent anchor"
    html = (site / "alueet" / "testialue" / "index.html").read_text(encoding="utf-8")
    shown = re.search(r'<h3 id="neuvottelukunta">([^<]*)</h3>', html)
    assert shown and unescape(shown.group(1)).replace("\u00ad", "") == "Neuvottelukunta {#x} {.y} *z* [w] | q"
    answer = (site / "sv" / "ukk" / "vastaus" / "index.html").read_text(encoding="utf-8")
    assert '<a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>' in answer
    assert '<em lang="sv">gemensamma</em>' in answer
    assert '<a href="../../alueet/testialue/" title="Titel">R</a>' in answer
    lead = (site / "ukk" / "vastaus" / "index.html").read_text(encoding="utf-8")
    assert '<p class="kb-lead" id="vastaus">Vastaus "lainaus" &amp; heitto fi.</p>' in lead
    assert published_problems(site, "https://example.org/") == []
