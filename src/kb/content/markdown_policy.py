"""Markdown written by editors: friendly per-line hints, anchors and site links.

`check_markdown` reads a body line by line and names, at the right line, the
mistakes editors make (raw HTML, a heading without a permanent anchor, a link
to a county that does not exist). The gate for what may be *published* is the
HTML allow-list in html_policy.py, which judges the HTML the Markdown actually
becomes; these hints make its findings easy to fix.
"""

from __future__ import annotations

import re
from pathlib import Path

from .links import (
    CALENDAR_PAGE_ANCHORS,
    CALENDAR_SCHEME,
    LAYOUT_ANCHORS,
    LINK_SCHEMES,
    OPEN_DATA_FILES,
    OPEN_DATA_SCHEME,
    REPOSITORY_PAGES,
    REPOSITORY_SCHEME,
    SITE_LINK,
)
from .model import Content
from .problems import Problems, did_you_mean

ALLOWED_HTML_TAGS = {"abbr", "br", "sub", "sup"}

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_TAG = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9-]*)[^>]*>")
_EVENT_ATTR = re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE)
_BAD_SCHEME = re.compile(r"(?:javascript|vbscript)\s*:", re.IGNORECASE)
_DATA_LINK = re.compile(r"\]\(\s*<?\s*data\s*:", re.IGNORECASE)
_ATTR_LIST = re.compile(
    r"\{:?\s*((?:[#.][^\s}]+|[A-Za-z-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]+))"
    r"(?:\s+(?:[#.][^\s}]+|[A-Za-z-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]+)))*)\s*\}"
)
_ATTR_OK = re.compile(r"^(?:#[a-z0-9]+(?:-[a-z0-9]+)*|\.[A-Za-z0-9_-]+|lang=[\"']?(?:fi|sv|en|se)[\"']?)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_HEADING_ID = re.compile(r"\{\s*#([a-z0-9]+(?:-[a-z0-9]+)*)\s*\}\s*$")


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


def check_markdown(
    body: str, first_line: int, path: Path, problems: Problems, content: Content | None = None
) -> list[str]:
    """Check one Markdown body; return the explicit heading anchors in order."""
    anchors: list[str] = []
    for offset, line in enumerate(_prose_lines(body)):
        n = first_line + offset
        for match in _TAG.finditer(line):
            tag = match.group(1).lower()
            if tag not in ALLOWED_HTML_TAGS:
                problems.add(
                    path,
                    n,
                    f"raw HTML <{tag}> is not allowed; use Markdown instead "
                    f"(allowed HTML tags: {', '.join(sorted(ALLOWED_HTML_TAGS))})",
                )
        if _EVENT_ATTR.search(line):
            problems.add(path, n, "event attributes such as onclick= are not allowed")
        if _BAD_SCHEME.search(line) or _DATA_LINK.search(line):
            problems.add(
                path,
                n,
                "javascript:, vbscript: and data: links are not allowed; "
                "links must start with https://, or be alue:, ukk:, aihe: or kalenteri: links",
            )
        for match in _ATTR_LIST.finditer(line):
            for token in match.group(1).split():
                if not _ATTR_OK.match(token):
                    problems.add(
                        path,
                        n,
                        f'"{{{match.group(1)}}}": only {{#anchor-id}}, '
                        "{.class} and {lang=sv} / {lang=fi} are allowed in braces",
                    )
                    break
        heading = _HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            if level == 1:
                problems.add(
                    path,
                    n,
                    "a level-1 heading (# …) is not allowed: the question or "
                    "front-matter title is the page title; start at ##",
                )
            found = _HEADING_ID.search(heading.group(2))
            if not found:
                problems.add(
                    path,
                    n,
                    "a heading needs a permanent anchor at its end, for example "
                    "## Kuka päättää? {#kuka-paattaa} (lower-case a-z, 0-9, -)",
                )
            else:
                anchors.append(found.group(1))
        if content is not None:
            _check_links(line, n, path, problems, content)
    for anchor in {a for a in anchors if anchors.count(a) > 1}:
        problems.add(path, first_line, f'the anchor "#{anchor}" is used by two headings')
    for anchor in LAYOUT_ANCHORS.intersection(anchors):
        problems.add(
            path, first_line, f'the anchor "#{anchor}" is reserved for the page layout; choose another'
        )
    return anchors


def _check_links(line: str, n: int, path: Path, problems: Problems, content: Content) -> None:
    for match in SITE_LINK.finditer(line):
        scheme, target = match.group(1), match.group(2)
        if scheme in ("http", "https", "mailto"):
            continue
        if scheme == OPEN_DATA_SCHEME:
            _check_open_data_link(target, n, path, problems)
            continue
        if scheme == CALENDAR_SCHEME:
            _check_calendar_link(match, n, path, problems, content)
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
            continue
        known = getattr(content, LINK_SCHEMES[scheme])
        if target == "" and scheme in ("alue", "ukk"):
            continue  # the county list or the FAQ index
        if known and target not in known:
            problems.add(
                path,
                n,
                f"{scheme}:{target} points to no {LINK_TARGET_NAMES[scheme]}.{did_you_mean(target, known)}",
            )


LINK_TARGET_NAMES = {"alue": "county", "ukk": "answer", "aihe": "topic"}


def _check_calendar_link(
    match: re.Match[str], n: int, path: Path, problems: Problems, content: Content
) -> None:
    """kalenteri: is the one calendar page; kalenteri:#auki one of its sections or events."""
    target, anchor = match.group(2), (match.group(3) or "").lstrip("#")
    if target:
        problems.add(
            path, n, f"kalenteri:{target}: the calendar is one page; write kalenteri: or kalenteri:#auki"
        )
        return
    known = sorted(CALENDAR_PAGE_ANCHORS | set(content.events))
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
