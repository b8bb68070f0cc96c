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

from .model import Content
from .translations import field_line


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

    def describe(self, cutoff: date) -> str:
        from .problems import display_path
        return (f"{display_path(self.path)}:{field_line(self.path, 'reviewed')}: reviewed "
                f"{self.reviewed.isoformat()} is before {cutoff.isoformat()}; check the facts "
                "against the sources, update them and set reviewed to the date of the check")


def stale_items(content: Content, months: int, today: date | None = None) -> list[StaleItem]:
    """County files and answer files reviewed before `today` minus `months`, oldest first."""
    cutoff = months_before(today or date.today(), months)
    items = [StaleItem(content.region_paths[rid], region.reviewed)
             for rid, region in content.regions.items() if region.reviewed < cutoff]
    items += [StaleItem(text.path, text.meta.reviewed)
              for answer in content.answers.values() for text in answer.texts.values()
              if text.meta.reviewed < cutoff]
    return sorted(items, key=lambda i: (i.reviewed, i.path.as_posix()))
