"""Freshness: content whose `reviewed` date is older than a given number of months,
and facts whose validity has run out.

Facts about counties change (boards are renamed, grant rounds move), so every
county file and answer carries the date it was last checked. Readers see it on
the page ("Tiedot tarkistettu …"); `make stale` lists what is due for a check.
Each language file of an answer has its own date and is reported on its own.

A structure with a term (`valid_from` / `valid_until`) is shown with its status
computed from the build date (ended, current, not yet begun), so an ended term is
never presented as current; `make stale` lists the ended ones, to be checked for
a new term. The same module checks that those dates fit together.

Nothing here imports MkDocs.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from .model import AnswerText, Content, CooperationStructure, partial_date_end, partial_date_start
from .problems import display_path

PeriodStatus = Literal["ended", "current", "upcoming"]


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


def period_status(structure: CooperationStructure, today: date) -> PeriodStatus | None:
    """Where `today` is in the structure's term: ended after the last day valid_until
    covers, upcoming before the first day of valid_from; None when it has no term."""
    if structure.valid_until is None:
        return None
    if partial_date_end(structure.valid_until) < today:
        return "ended"
    if structure.valid_from is not None and partial_date_start(structure.valid_from) > today:
        return "upcoming"
    return "current"


def structure_date_problems(structure: CooperationStructure, today: date) -> list[tuple[str, str]]:
    """Why a structure's term or deciding-body dates do not fit: (field, message) pairs;
    the caller puts the path of the field before the message."""
    found = []
    if structure.valid_from and not structure.valid_until:
        found.append(
            (
                "valid_from",
                "a term needs its end too: add valid_until, written as a year (2025), a month "
                "(2025-05) or a date (2025-05-31). If this is when the structure was founded, "
                "write it as since instead",
            )
        )
    if (
        structure.valid_from
        and structure.valid_until
        and partial_date_start(structure.valid_from) > partial_date_end(structure.valid_until)
    ):
        found.append(
            (
                "valid_until",
                f"{structure.valid_until} is before valid_from {structure.valid_from}; a term must "
                "end after it begins",
            )
        )
    if structure.decided_by and not structure.decided_by_as_of:
        found.append(
            (
                "decided_by",
                "add decided_by_as_of: the date, month or year of the newest source that names "
                "this body as the one deciding (for example 2025-10-30), so that readers see how "
                "current it is",
            )
        )
    if structure.decided_by_as_of and not structure.decided_by:
        found.append(
            (
                "decided_by_as_of",
                "belongs with decided_by: add the deciding body, or remove this line",
            )
        )
    if structure.decided_by_as_of and partial_date_start(structure.decided_by_as_of) > today:
        found.append(("decided_by_as_of", f"{structure.decided_by_as_of} is in the future"))
    return found


@dataclass(frozen=True)
class ExpiredItem:
    """A structure whose term (valid_until) has ended."""

    path: Path
    line: int  # of `valid_until:` in the file
    structure_id: str
    valid_until: str

    def describe(self) -> str:
        return (
            f"{display_path(self.path)}:{self.line}: the term of {self.structure_id} ended "
            f"(valid_until {self.valid_until}); check whether a new term has begun and describe it "
            "with its valid_from and valid_until, or keep the ended term, written in the past tense"
        )


def expired_items(content: Content, today: date) -> list[ExpiredItem]:
    """Structures whose term ended before `today`, in file order."""
    items = []
    for rid, region in sorted(content.regions.items()):
        for index, structure in enumerate(region.structures):
            if period_status(structure, today) == "ended" and structure.valid_until:
                line = content.region_positions[rid].line_of(("structures", index, "valid_until"))
                items.append(
                    ExpiredItem(content.region_paths[rid], line, structure.id, structure.valid_until)
                )
    return items


def recently_reviewed(content: Content, lang: str, limit: int) -> list[AnswerText]:
    """The most recently reviewed answers of one language, newest first (home page, feeds)."""
    texts = sorted(
        (a.texts[lang] for a in content.answers.values()),
        key=lambda t: (t.meta.reviewed, t.meta.id),
        reverse=True,
    )
    return texts[:limit]
