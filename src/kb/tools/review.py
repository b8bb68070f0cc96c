"""The key pages a reviewer looks at (issue 14): the same set for `kb screenshots`
and `kb lighthouse`, chosen from the content, so a renamed county or answer never
leaves a tool pointing at a missing page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kb.config import today_in_helsinki
from kb.content import read_and_check
from kb.pages import urls
from kb.pages.urls import LANGUAGE_PREFIX


@dataclass(frozen=True)
class KeyPage:
    name: str  # a short file-name-safe label: "home", "county", ...
    lang: str
    path: str  # from the site root: "/", "/sv/alueet/pirkanmaa/"


def key_paths(root: Path) -> dict[str, str]:
    """name -> page path (urls.py form) of home, county index, one county, one answer,
    the calendar. The county and the answer are the first ones in the content."""
    content, problems = read_and_check(root, today_in_helsinki())
    if problems or not content.regions or not content.answers:
        raise SystemExit("the content does not validate: run `make validate`")
    return {
        "home": "index.md",
        "counties": urls.region_path(),
        "county": urls.region_path(sorted(content.regions)[0]),
        "answer": urls.answer_path(sorted(content.answers)[0]),
        "calendar": urls.calendar_path(),
    }


def key_pages(root: Path, names: tuple[str, ...] | None = None) -> list[KeyPage]:
    """Every key page in every language (optionally only the given names)."""
    paths = key_paths(root)
    return [
        KeyPage(name, lang, "/" + urls.site_path(lang, path))
        for lang in LANGUAGE_PREFIX
        for name, path in paths.items()
        if names is None or name in names
    ]
