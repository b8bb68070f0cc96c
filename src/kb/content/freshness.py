"""Freshness: content whose `reviewed` date is older than a given number of months.

Facts about counties change (boards are renamed, grant rounds move), so every
county file and answer carries the date it was last checked. Readers see it on
the page ("Tiedot tarkistettu …"); `make stale` lists what is due for a check.
Each language file of an answer has its own date and is reported on its own.

Nothing here imports MkDocs.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .model import AnswerText, Content
from .problems import display_path


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day when it has fewer days)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class StaleItem:
    path: Path
    reviewed: date
    line: int  # of `reviewed:` in the file

    def describe(self, cutoff: date) -> str:
        return (
            f"{display_path(self.path)}:{self.line}: reviewed "
            f"{self.reviewed.isoformat()} is before {cutoff.isoformat()}; check the facts "
            "against the sources, update them and set reviewed to the date of the check"
        )


def stale_items(content: Content, cutoff: date) -> list[StaleItem]:
    """County files and answer files reviewed before `cutoff` (see months_before),
    oldest first."""
    items = [
        StaleItem(
            content.region_paths[rid], region.reviewed, content.region_positions[rid].line_of(("reviewed",))
        )
        for rid, region in content.regions.items()
        if region.reviewed < cutoff
    ]
    items += [
        StaleItem(text.path, text.meta.reviewed, text.positions.line_of(("reviewed",)))
        for answer in content.answers.values()
        for text in answer.texts.values()
        if text.meta.reviewed < cutoff
    ]
    return sorted(items, key=lambda i: (i.reviewed, i.path.as_posix()))


def recently_reviewed(content: Content, lang: str, limit: int) -> list[AnswerText]:
    """The most recently reviewed answers of one language, newest first (home page, feeds)."""
    texts = sorted(
        (a.texts[lang] for a in content.answers.values()),
        key=lambda t: (t.meta.reviewed, t.meta.id),
        reverse=True,
    )
    return texts[:limit]
