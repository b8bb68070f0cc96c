"""Markdown written by editors: friendly per-line hints, anchors and site links.

`check_markdown` reads a text line by line and names, at the right line, the
mistakes editors make (raw HTML, a heading without a permanent anchor, a link to a
county, answer, topic or anchor that does not exist). The gate for what may be
*published* is the HTML allow-list in html_policy.py, which judges the HTML the
Markdown actually becomes. `check_body` runs both on a Markdown body: where a hint
about markup already names a line, the policy's finding on that line is not
repeated in other words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .html_policy import MARKDOWN, RAW_HTML_ELEMENTS, finding_line, judge_markdown
from .links import (
    CALENDAR_SCHEME,
    LAYOUT_ANCHORS,
    LINK_SCHEMES,
    OPEN_DATA_FILES,
    OPEN_DATA_SCHEME,
    REPOSITORY_PAGES,
    REPOSITORY_SCHEME,
    SITE_LINK,
)
from .problems import Problems, allowed_list, did_you_mean

ALLOWED_HTML_TAGS = set(RAW_HTML_ELEMENTS)  # the HTML editors may write (html_policy.py)

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
# A start tag (an end tag belongs to one): its name ends at white space, "/" or ">", so
# <https://…> and <kirjaamo@…> are autolinks, not tags.
_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^>]*>")
_EVENT_ATTR = re.compile(r"(?:<[^>]*|\{[^}]*)\bon[a-z]+\s*=", re.IGNORECASE)
# Only where an address is: the word "JavaScript:" in a sentence is prose.
_BAD_SCHEME = re.compile(
    r"""(?:\]\(\s*<?|<|\bhref\s*=\s*["']?)\s*(?:javascript|vbscript|data)\s*:""", re.IGNORECASE
)
_BAD_SCHEMES = ("javascript", "vbscript", "data")
_ATTR_LIST = re.compile(
    r"\{:?\s*((?:[#.][^\s}]+|[A-Za-z-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]+))"
    r"(?:\s+(?:[#.][^\s}]+|[A-Za-z-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]+)))*)\s*\}"
)
_ATTR_OK = re.compile(r"^(?:#[a-z0-9]+(?:-[a-z0-9]+)*|lang=[\"']?(?:fi|sv|en|se)[\"']?)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_HEADING_ID = re.compile(r"\{\s*#([a-z0-9]+(?:-[a-z0-9]+)*)\s*\}\s*$")


@dataclass
class LinkTargets:
    """What editors' site links may point to: for each scheme, each id and its anchors
    (the "" id of alue: and ukk: is the county list and the FAQ index)."""

    pages: Mapping[str, Mapping[str, frozenset[str]]] = field(default_factory=dict)
    calendar: frozenset[str] = frozenset()  # the calendar page's sections and events


@dataclass
class Hints:
    anchors: list[str] = field(default_factory=list)  # explicit heading anchors, in order
    flagged: set[int] = field(default_factory=set)  # lines with a hint about markup


def _prose_lines(body: str) -> list[str]:
    """Body lines with code blocks and code spans blanked (line numbers kept)."""
    out: list[str] = []
    in_fence = False
    for line in body.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append("")
            continue
        out.append("" if in_fence else _CODE_SPAN.sub(lambda m: " " * len(m.group()), line))
    return out


def heading_anchors(body: str) -> list[str]:
    """The explicit {#anchors} of a text's headings, in order."""
    anchors = []
    for line in _prose_lines(body):
        heading = _HEADING.match(line)
        found = _HEADING_ID.search(heading.group(2)) if heading else None
        if found:
            anchors.append(found.group(1))
    return anchors


def check_body(
    body: str, first_line: int, path: Path, problems: Problems, targets: LinkTargets | None = None
) -> list[str]:
    """A Markdown body: the hints, then the HTML policy (not repeated on a line a hint
    about markup names). Returns the explicit heading anchors."""
    hints = check_markdown(body, first_line, path, problems, targets)
    finding = judge_markdown(body, MARKDOWN)
    if finding:
        line = first_line + finding_line(body, finding)
        if line not in hints.flagged:
            problems.add(path, line, finding.message)
    return hints.anchors


def _markup_hints(line: str) -> list[str]:
    """What is wrong with the markup of one line, friendliest first."""
    hints = []
    for match in _TAG.finditer(line):
        tag = match.group(1).lower()
        if tag not in ALLOWED_HTML_TAGS:
            hints.append(
                f"raw HTML <{tag}> is not allowed; use Markdown instead "
                f"(allowed HTML tags: {', '.join(sorted(ALLOWED_HTML_TAGS))})"
            )
    for match in _ATTR_LIST.finditer(line):
        if not all(_ATTR_OK.match(token) for token in match.group(1).split()):
            hints.append(
                f'"{{{match.group(1)}}}": only {{#anchor-id}} and {{lang=sv}} / {{lang=fi}} '
                "are allowed in braces"
            )
    if _EVENT_ATTR.search(line):
        hints.append("event attributes such as onclick= are not allowed")
    if _BAD_SCHEME.search(line):
        hints.append(
            "javascript:, vbscript: and data: links are not allowed; "
            "links must start with https://, or be alue:, ukk:, aihe: or kalenteri: links"
        )
    return hints


def check_markdown(
    body: str, first_line: int, path: Path, problems: Problems, targets: LinkTargets | None = None
) -> Hints:
    """Check one Markdown text line by line (links only when `targets` are given)."""
    hints = Hints()
    for offset, line in enumerate(_prose_lines(body)):
        n = first_line + offset
        markup = _markup_hints(line)
        heading = _HEADING.match(line)
        if heading and len(heading.group(1)) == 1:
            markup.insert(
                0,
                "a level-1 heading (# …) is not allowed: the question or "
                "front-matter title is the page title; start at ##",
            )
        if markup:  # one mistake, one message: the first of what this line gets wrong
            problems.add(path, n, markup[0])
            hints.flagged.add(n)
        if heading:
            found = _HEADING_ID.search(heading.group(2))
            if not found:
                problems.add(
                    path,
                    n,
                    "a heading needs a permanent anchor at its end, for example "
                    "## Kuka päättää? {#kuka-paattaa} (lower-case a-z, 0-9, -)",
                )
            else:
                hints.anchors.append(found.group(1))
        if targets is not None:
            _check_links(line, n, path, problems, targets=targets, flagged=hints.flagged)
    anchors = hints.anchors
    for anchor in sorted({a for a in anchors if anchors.count(a) > 1}):
        problems.add(path, first_line, f'the anchor "#{anchor}" is used by two headings')
    for anchor in sorted(LAYOUT_ANCHORS.intersection(anchors)):
        problems.add(
            path, first_line, f'the anchor "#{anchor}" is reserved for the page layout; choose another'
        )
    return hints


LINK_TARGET_NAMES = {"alue": "county", "ukk": "answer", "aihe": "topic"}


def _check_links(
    line: str, n: int, path: Path, problems: Problems, *, targets: LinkTargets, flagged: set[int]
) -> None:
    for match in SITE_LINK.finditer(line):
        scheme, target, anchor = match.group(1), match.group(2), (match.group(3) or "")[1:]
        if scheme in ("http", "https", "mailto", "tel") or scheme in _BAD_SCHEMES:
            continue  # the HTML policy judges addresses; the bad ones have a hint already
        if scheme == OPEN_DATA_SCHEME:
            _check_open_data_link(target, n, path, problems)
            continue
        if scheme == CALENDAR_SCHEME:
            _check_calendar_link(target, anchor, n, path, problems, targets=targets)
            continue
        if scheme == REPOSITORY_SCHEME:
            _check_repository_link(target + (match.group(3) or ""), n, path, problems)
            continue
        if scheme not in LINK_SCHEMES:
            problems.add(
                path,
                n,
                f'unknown link type "{scheme}:"; use https://…, '
                "alue:<county-id>, ukk:<answer-id>, aihe:<topic-id> or kalenteri:",
            )
            flagged.add(n)
            continue
        known = targets.pages.get(scheme, {})
        if target not in known:
            ids = [i for i in known if i]
            problems.add(
                path,
                n,
                f"{scheme}:{target} points to no {LINK_TARGET_NAMES[scheme]}.{did_you_mean(target, ids)}",
            )
        elif anchor and anchor not in known[target]:
            problems.add(
                path,
                n,
                f"{scheme}:{target}#{anchor} points to no anchor on that page."
                f"{did_you_mean(anchor, known[target])} Anchors there: {allowed_list(known[target])}",
            )


def _check_calendar_link(
    target: str, anchor: str, n: int, path: Path, problems: Problems, *, targets: LinkTargets
) -> None:
    """kalenteri: is the one calendar page; kalenteri:#auki one of its sections or events."""
    if target:
        problems.add(
            path, n, f"kalenteri:{target}: the calendar is one page; write kalenteri: or kalenteri:#auki"
        )
        return
    known = sorted(targets.calendar)
    if anchor and anchor not in known:
        problems.add(
            path,
            n,
            f'kalenteri:#{anchor}: the calendar page has no section or event "#{anchor}".'
            f"{did_you_mean(anchor, known)} Allowed: {', '.join(known)}",
        )


def _check_repository_link(target: str, n: int, path: Path, problems: Problems) -> None:
    """repositorio:<page> links to the project's repository; hand-written pages only."""
    if "docs" not in Path(path).parts:
        problems.add(path, n, f"{REPOSITORY_SCHEME}: links are only allowed on the pages in docs/")
    elif target not in REPOSITORY_PAGES:
        allowed = ", ".join(f"{REPOSITORY_SCHEME}:{page}" for page in REPOSITORY_PAGES)
        problems.add(path, n, f"{REPOSITORY_SCHEME}:{target} is not a repository page. Allowed: {allowed}")


def _check_open_data_link(target: str, n: int, path: Path, problems: Problems) -> None:
    """avoindata:<file> links to site/data/; rendered on the hand-written pages only."""
    if "docs" not in Path(path).parts:
        problems.add(path, n, "avoindata: links are only allowed on the pages in docs/")
    elif target not in OPEN_DATA_FILES:
        problems.add(
            path, n, f"avoindata:{target} is not an open data file. Allowed: {', '.join(OPEN_DATA_FILES)}"
        )
