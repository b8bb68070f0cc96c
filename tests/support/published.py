"""What a built site publishes, judged by the same allow-list editors' texts are
(kb/content/html_policy.py): no published file holds an element, attribute or link
scheme outside it.

- HTML: the <article> of every page (the theme's markup around it is not editor
  content), judged as editors' Markdown is, plus the little markup the pages and the
  theme add themselves (listed below, each with its reason); and on the whole page, no
  image, style sheet or script from another host, no <base>, no refresh outside the
  redirect stubs.
- JSON (regions.json, faq.json, datapackage.json): Markdown values rendered and judged,
  every other string plain text, every address an allowed link.
- CSV: plain text, and no cell a spreadsheet would read as a formula.
- Atom feeds and the sitemap: plain text and https addresses of the site.
- iCalendar feeds: every text property plain text, every address an allowed link.
"""

from __future__ import annotations

import csv
import json
import re
import typing
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

import icalendar

from kb.content.calendar import ROUND_STATUSES
from kb.content.freshness import PeriodStatus
from kb.content.html_policy import (
    ATTRIBUTES,
    CLASSES,
    MARKDOWN,
    Policy,
    judge_html,
    link_problem,
    plain_text_problem,
)
from kb.content.markdown import to_html

# The site's own markup inside <article>, beside what editors' Markdown becomes.
PUBLISHED = Policy(
    MARKDOWN.elements
    | {"h1"}  # the page title (kb/pages/render.py heading)
    | {"time"}  # the review date
    | {"span"}  # another language's name (lang=), old answer ids (id=), the edit label
    | {"svg", "path"}  # the theme's edit icon
    | {"div"}  # the comparison table's scrolling box (kb/pages/compare.py)
    # The front door (kb/pages/finder.py, tilemap.py, regions.py, render.py): the finder's
    # search box and collapsed lists, the breadcrumbs
    | {"nav", "details", "summary", "label", "input"},
    "the editors' allow-list and the site's own markup",
    attributes={
        **ATTRIBUTES,
        # rel=edit (theme), hreflang (outdated notice), download/type (the calendar file)
        "a": ATTRIBUTES["a"] | {"rel", "hreflang", "download", "type"},
        "time": frozenset({"datetime"}),
        # keywords, translation notice; the finder's live count (aria-live)
        "p": frozenset({"hidden", "data-pagefind-weight", "role", "aria-live"}),
        # the comparison table: its name, sort labels; each cell's column name and sort key
        "table": frozenset({"aria-labelledby", "data-kb-sortable", "data-lang"})
        | {f"data-sort-{key}" for key in ("hint", "ascending", "descending")},
        "th": ATTRIBUTES["th"] | {"scope", "data-label", "data-sort"},
        "td": ATTRIBUTES["td"] | {"data-label", "data-sort"},
        # the translation status list; the finder's results (aria-label)
        "ul": frozenset({"data-pagefind-ignore", "aria-label"}),
        # the finder: its labels for the script, its box and live count; the tile map's name
        "div": frozenset({"data-pagefind-body", "role", "aria-labelledby", "tabindex", "hidden"})
        | {"data-kb-finder", "data-pagefind-ignore", "data-none", "data-one", "data-many"},
        "li": frozenset({"data-terms"}),
        "ol": ATTRIBUTES["ol"] | {"aria-label"},
        "nav": frozenset({"aria-label", "data-pagefind-ignore"}),
        "label": frozenset({"for"}),
        "input": frozenset({"type", "autocomplete", "spellcheck", "aria-describedby"}),
        "svg": frozenset({"xmlns", "viewBox", "viewbox"}),
        "path": frozenset({"d"}),
    },
    classes={
        **CLASSES,
        "p": CLASSES["p"]
        | {"kb-reviewed", "kb-lead", "kb-keywords", "kb-type", "kb-translation-outdated"}
        | {"kb-status", "kb-status-date", "kb-subscribe", "kb-document__facts", "kb-period"}
        | {"kb-finder__hint", "kb-finder__count"}
        | {f"kb-status--{status}" for status in ROUND_STATUSES}
        | {f"kb-period--{status}" for status in typing.get_args(PeriodStatus)},
        "div": CLASSES["div"] | {"kb-compare", "kb-finder", "kb-finder__search", "kb-table-wrap"},
        "table": frozenset({"kb-compare__table"}),
        "a": frozenset({"md-content__button", "md-icon", "md-button", "md-button--primary", "kb-card__name"}),
        "span": frozenset({"kb-edit-label", "kb-finder__note", "kb-tile__name", "kb-tile__brand"})
        | {"kb-visually-hidden"},
        # the front door: finder, tile map (a tile's row and column), cards, breadcrumbs
        "ul": frozenset({"kb-finder__results", "kb-finder__list", "kb-cards"}),
        "ol": frozenset({"kb-tilemap"}),
        "li": frozenset({"kb-tile", "kb-card"})
        | {f"kb-row-{n}" for n in range(1, 10)}
        | {f"kb-col-{n}" for n in range(1, 6)},
        "dl": frozenset({"kb-card__facts"}),
        "details": frozenset({"kb-finder__all", "kb-municipalities"}),
        "label": frozenset({"kb-finder__label"}),
        "input": frozenset({"kb-finder__input"}),
        "nav": frozenset({"kb-breadcrumbs"}),
    },
)

ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.S)
# Elements that load something: only the site's own files (relative addresses).
LOADS = re.compile(
    r"<(img|script|link|iframe|source|video|audio|object|embed)\b[^>]*?\s(src|href)=\"([^\"]*)\""
)
MARKDOWN_KEYS = {"summary", "description", "answer", "body_markdown", "note"}  # open data: Markdown values
JSON_FILES = ("regions.json", "faq.json", "grant-rounds.json", "events.json", "datapackage.json")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _own(text: str, site_url: str) -> str:
    """The site's own absolute addresses as relative ones (they are its pages)."""
    # the calendar subscription (webcal://) is the site's own file over http(s)
    webcal = "webcal://" + site_url.split("://", 1)[1]
    text = text.replace(f'"{webcal}', '"./')
    return text.replace(f'"{site_url}', '"./').replace(f"({site_url}", "(./")


def html_problems(site: Path, site_url: str) -> Iterator[str]:
    for path in sorted(site.rglob("*.html")):
        if "pagefind" in path.parts:
            continue
        rel = path.relative_to(site).as_posix()
        page = path.read_text(encoding="utf-8")
        for tag, attribute, address in LOADS.findall(page):
            if address.startswith(site_url):
                continue
            if re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", address, re.I) and not address.startswith("data:"):
                yield f"{rel}: <{tag} {attribute}={address}> loads from another host"
        if re.search(r"<base\b", page, re.I):
            yield f"{rel}: <base>"
        refresh = re.search(r"http-equiv=\"?refresh", page, re.I)
        if refresh and ARTICLE.search(page):  # redirect stubs are refresh pages without an article
            yield f"{rel}: a refresh on a page with content"
        found = ARTICLE.search(page)
        if found:
            finding = judge_html(_own(found.group(1), site_url), PUBLISHED, reserved_ids=frozenset())
            if finding:
                yield f"{rel}: {finding.message}"


def _strings(value: object, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _strings(item, name if name not in ("fi", "sv", "en") else key)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, key)


def _value_problem(key: str, value: str, site_url: str) -> str | None:
    if value.startswith(site_url):
        return None
    if key in MARKDOWN_KEYS:
        finding = judge_html(to_html(_own(value, site_url)), MARKDOWN, reserved_ids=frozenset())
        return finding.message if finding else None
    if re.match(r"^[a-z][a-z0-9+.-]*:", value) and key not in ("title", "name", "question"):
        return link_problem(value)
    return plain_text_problem(value)


def data_problems(site: Path, site_url: str) -> Iterator[str]:
    for name in JSON_FILES:
        data = json.loads((site / "data" / name).read_text(encoding="utf-8"))
        for key, value in _strings(data):
            if name == "datapackage.json" and key not in ("title", "path", "homepage"):
                continue  # the package's descriptions are the code's, not content
            problem = _value_problem(key, value, site_url)
            if problem:
                yield f"data/{name}: {key}: {value[:60]!r}: {problem}"
    for path in sorted((site / "data").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    if cell.startswith(FORMULA_START):
                        yield f"data/{path.name}: {cell!r} would be read as a formula"
                    problem = link_problem(cell) if cell.startswith("https:") else plain_text_problem(cell)
                    if problem and cell:
                        yield f"data/{path.name}: {cell[:60]!r}: {problem}"


def feed_problems(site: Path, site_url: str) -> Iterator[str]:
    for path in [*sorted(site.rglob("feed.xml")), site / "sitemap.xml"]:
        rel = path.relative_to(site).as_posix()
        for element in ET.parse(path).iter():
            if element.text and element.text.strip():
                text = element.text.strip()
                if text.startswith(site_url):
                    continue
                problem = link_problem(text) if text.startswith("http") else plain_text_problem(text)
                if problem:
                    yield f"{rel}: {text[:60]!r}: {problem}"
            href = element.get("href")
            if href is not None and not href.startswith(site_url):
                yield f"{rel}: {href} is not an address of the site"


ICAL_TEXTS = ("SUMMARY", "DESCRIPTION", "LOCATION", "NAME", "X-WR-CALNAME", "CATEGORIES")


def calendar_problems(site: Path, site_url: str) -> Iterator[str]:
    """The iCalendar feeds (kb/outputs/ical.py): texts plain, addresses allowed links."""
    for path in sorted(site.rglob("*.ics")):
        rel = path.relative_to(site).as_posix()
        for component in icalendar.Calendar.from_ical(path.read_bytes()).walk():
            for name, value in component.property_items(recursive=False, sorted=False):
                raw = value.to_ical() if hasattr(value, "to_ical") else str(value)
                text = raw.decode() if isinstance(raw, bytes) else raw
                if name == "URL" and not text.startswith(site_url):
                    problem = link_problem(text)
                elif name in ICAL_TEXTS:  # a description has lines: each one plain text
                    problem = next(filter(None, map(plain_text_problem, str(value).split("\n"))), None)
                else:
                    continue
                if problem:
                    yield f"{rel}: {name}: {text[:60]!r}: {problem}"


def published_problems(site: Path, site_url: str) -> list[str]:
    """Everything in the built `site` outside the allow-list (empty: all is well)."""
    return [
        *html_problems(site, site_url),
        *data_problems(site, site_url),
        *feed_problems(site, site_url),
        *calendar_problems(site, site_url),
    ]
