"""Where grant rounds and events stand on a given day: pure functions, no I/O.

The site is static, so "open", "closing soon" and "closed" are computed when it is
built, for the build date (`SiteConfig.build_date`; tests set KB_BUILD_DATE). A
scheduled workflow rebuilds the site every morning, so the status stays true.

    upcoming       the round opens after the build date
    open           the build date is within the application period
    closing_soon   open, and in its last CLOSING_SOON_DAYS days (the last day included)
    closed         the last day has passed

A round whose grant year has passed is described in the past tense (`year_passed`).
"Recently closed" rounds are closed rounds of the current grant year or a later one;
a county "has no round for the coming grant year" when none of its rounds is for the
year after the build date's (docs/decisions/0007-grant-calendar.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from .model import Content, Event, GrantRound, Region

RoundStatus = Literal["upcoming", "open", "closing_soon", "closed"]
ROUND_STATUSES: tuple[RoundStatus, ...] = ("upcoming", "open", "closing_soon", "closed")
CLOSING_SOON_DAYS = 14


def round_status(grant_round: GrantRound, today: date) -> RoundStatus:
    """The round's status on `today`. A round without an opening day must have closed
    (validation refuses it otherwise: an open window cannot be told from an unknown one)."""
    if today > grant_round.closes:
        return "closed"
    if grant_round.opens is None:
        raise ValueError(f"the round {grant_round.id} has no opening day and has not closed")
    if today < grant_round.opens:
        return "upcoming"
    if days_left(grant_round, today) <= CLOSING_SOON_DAYS:
        return "closing_soon"
    return "open"


def days_left(grant_round: GrantRound, today: date) -> int:
    """Application days left on `today`, today included (1 on the last day, 0 after it)."""
    return max((grant_round.closes - today).days + 1, 0)


def year_passed(grant_round: GrantRound, today: date) -> bool:
    """The grant year is over: the round is history, told in the past tense."""
    return grant_round.grant_year < today.year


def coming_grant_year(today: date) -> int:
    """The grant year whose rounds NGOs watch for: the next calendar year."""
    return today.year + 1


@dataclass(frozen=True)
class CountyRound:
    region: Region
    round: GrantRound


def county_rounds(content: Content) -> list[CountyRound]:
    """Every round of every county, in closing-date order (then county and round id)."""
    found = [CountyRound(region, r) for region in content.regions.values() for r in region.grant_rounds]
    return sorted(found, key=lambda cr: (cr.round.closes, cr.region.id, cr.round.id))


def open_rounds(content: Content, today: date) -> list[CountyRound]:
    return [cr for cr in county_rounds(content) if round_status(cr.round, today) in ("open", "closing_soon")]


def upcoming_rounds(content: Content, today: date) -> list[CountyRound]:
    return [cr for cr in county_rounds(content) if round_status(cr.round, today) == "upcoming"]


def recently_closed_rounds(content: Content, today: date) -> list[CountyRound]:
    """Closed rounds for the current grant year or a later one, the latest closing first."""
    closed = [
        cr
        for cr in county_rounds(content)
        if round_status(cr.round, today) == "closed" and cr.round.grant_year >= today.year
    ]
    return list(reversed(closed))


def latest_round(region: Region) -> GrantRound | None:
    """The county's most recent round: of its latest grant year, the one that closes last."""
    return max(region.grant_rounds, key=lambda r: (r.grant_year, r.closes, r.id), default=None)


def rounds_for_year(region: Region, year: int) -> list[GrantRound]:
    return [r for r in region.grant_rounds if r.grant_year == year]


def counties_without_round(content: Content, year: int) -> list[Region]:
    """Counties with no round published for the grant year `year` (the stale list)."""
    return [region for region in content.regions.values() if not rounds_for_year(region, year)]


def counties_with_round(content: Content, year: int) -> list[Region]:
    return [region for region in content.regions.values() if rounds_for_year(region, year)]


# --- events --------------------------------------------------------------------------


def start_day(event: Event) -> date:
    return event.starts.date() if isinstance(event.starts, datetime) else event.starts


def last_day(event: Event) -> date:
    end = event.ends or event.starts
    return end.date() if isinstance(end, datetime) else end


def has_time(event: Event) -> bool:
    return isinstance(event.starts, datetime)


def event_is_past(event: Event, today: date) -> bool:
    """An event is past the day after its last day (on the day itself it is still coming:
    the status is computed for a day, not an hour)."""
    return last_day(event) < today


def _event_order(item: tuple[str, Event]) -> tuple[date, str, str]:
    event_id, event = item
    start = event.starts.strftime("%H:%M") if isinstance(event.starts, datetime) else ""
    return start_day(event), start, event_id


def upcoming_events(content: Content, today: date, region_id: str | None = None) -> list[tuple[str, Event]]:
    """Events still to come (today's included), soonest first; with `region_id`, only
    the events that name that county."""
    found = [
        (event_id, event)
        for event_id, event in content.events.items()
        if not event_is_past(event, today) and (region_id is None or region_id in event.regions)
    ]
    return sorted(found, key=_event_order)


def past_events(content: Content, today: date, region_id: str | None = None) -> list[tuple[str, Event]]:
    """The archive: events that are over, the latest first."""
    found = [
        (event_id, event)
        for event_id, event in content.events.items()
        if event_is_past(event, today) and (region_id is None or region_id in event.regions)
    ]
    return sorted(found, key=_event_order, reverse=True)


def region_events(content: Content, region_id: str) -> list[tuple[str, Event]]:
    """Every event that names the county, in time order."""
    found = [(i, e) for i, e in content.events.items() if region_id in e.regions]
    return sorted(found, key=_event_order)
