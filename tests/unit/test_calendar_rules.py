"""Where a grant round stands on a build date, the window and grant-year rules, the
stale rule, and the Helsinki time zone the feeds carry: pure functions, in-process."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from kb.content import calendar as cal
from kb.content.model import Content, Event, GrantRound, Region
from kb.content.rules import event_problems, grant_round_problems
from kb.outputs.ical import helsinki_time_zone

SOURCE = {"title": "Lähde", "url": "https://example.org/haku", "checked": "2026-11-01"}


def grant_round(**fields: object) -> GrantRound:
    data: dict[str, object] = {
        "id": "avustukset-2027",
        "grant_year": "2027",
        "kinds": ["general"],
        "name": {"fi": "Avustukset", "sv": "Understöd"},
        "opens": "2026-10-01",
        "closes": "2026-10-31",
        "url": "https://example.org/haku",
        "sources": [SOURCE],
        **fields,
    }
    return GrantRound.model_validate({k: v for k, v in data.items() if v is not None})


def event(**fields: object) -> Event:
    data: dict[str, object] = {
        "title": {"fi": "Info", "sv": "Info"},
        "description": {"fi": "Kuvaus.", "sv": "Beskrivning."},
        "starts": "2026-10-05 13:00",
        "ends": "2026-10-05 14:30",
        "online": "true",
        "organiser": {"fi": "Alue", "sv": "Område"},
        "sources": [SOURCE],
        **fields,
    }
    return Event.model_validate({k: v for k, v in data.items() if v is not None})


# --- status on a build date ---------------------------------------------------------------


@pytest.mark.parametrize(
    "today, status, days",
    [
        ("2026-09-30", "upcoming", 32),  # the day before it opens
        ("2026-10-01", "open", 31),  # the first day
        ("2026-10-17", "open", 15),  # 15 days left: not yet "closing soon"
        ("2026-10-18", "closing_soon", 14),  # the last 14 days, the last day included
        ("2026-10-31", "closing_soon", 1),  # the last day
        ("2026-11-01", "closed", 0),  # the day after
    ],
)
def test_status_on_chosen_build_dates(today: str, status: str, days: int) -> None:
    subject = grant_round()
    day = date.fromisoformat(today)
    assert cal.round_status(subject, day) == status
    assert cal.days_left(subject, day) == days


def test_a_round_whose_grant_year_has_passed_is_history() -> None:
    subject = grant_round(grant_year="2027", opens="2026-10-01", closes="2026-10-31")
    assert not cal.year_passed(subject, date(2027, 12, 31))
    assert cal.year_passed(subject, date(2028, 1, 1))
    assert cal.round_status(subject, date(2028, 1, 1)) == "closed"


def test_a_round_without_an_opening_day_has_a_status_only_once_closed() -> None:
    subject = grant_round(opens=None, closes="2025-10-31", grant_year="2026")
    assert cal.round_status(subject, date(2025, 11, 1)) == "closed"
    with pytest.raises(ValueError):
        cal.round_status(subject, date(2025, 10, 31))  # validation refuses this case


def test_the_coming_grant_year_is_the_next_calendar_year() -> None:
    assert cal.coming_grant_year(date(2026, 12, 3)) == 2027
    assert cal.coming_grant_year(date(2027, 1, 1)) == 2028


# --- the stale rule and the lists of the calendar page ---------------------------------------


def region(region_id: str, rounds: list[GrantRound]) -> Region:
    return Region.model_validate(
        {
            "id": region_id,
            "statfi_code": "01",
            "kind": "county",
            "name": {"fi": region_id, "sv": region_id, "en": region_id},
            "website": "https://example.org",
            "language": "fi",
            "grant_rounds": [r.model_dump() for r in rounds],
            "sources": [SOURCE],
            "reviewed": "2026-11-01",
        }
    )


def sample_content() -> Content:
    old = grant_round(id="avustukset-2025", grant_year="2025", opens="2024-10-01", closes="2024-10-31")
    current = grant_round(id="avustukset-2026", grant_year="2026", opens="2025-10-01", closes="2025-10-31")
    second = grant_round(id="kumppanuus-2026", grant_year="2026", opens="2025-12-01", closes="2026-01-08")
    coming = grant_round(id="avustukset-2027", grant_year="2027", opens="2026-11-20", closes="2026-12-10")
    later = grant_round(id="kerta-2027", grant_year="2027", opens="2027-01-10", closes="2027-02-10")
    return Content(
        regions={
            "a": region("a", [old, current, second]),
            "b": region("b", [coming, later]),
            "c": region("c", []),
        }
    )


def test_counties_without_a_round_for_the_coming_year_are_the_stale_list() -> None:
    content = sample_content()
    assert [r.id for r in cal.counties_without_round(content, 2027)] == ["a", "c"]
    assert [r.id for r in cal.counties_with_round(content, 2027)] == ["b"]
    latest = cal.latest_round(content.regions["a"])
    assert latest is not None and latest.id == "kumppanuus-2026", "the latest grant year, then closing"
    assert cal.latest_round(content.regions["c"]) is None


def test_rounds_by_status_in_closing_date_order() -> None:
    content = sample_content()
    today = date(2026, 12, 3)
    assert [row.round.id for row in cal.open_rounds(content, today)] == ["avustukset-2027"]
    assert [row.round.id for row in cal.upcoming_rounds(content, today)] == ["kerta-2027"]
    # Closed rounds of this grant year or later, the latest closing first; 2025 is history.
    assert [row.round.id for row in cal.recently_closed_rounds(content, today)] == [
        "kumppanuus-2026",
        "avustukset-2026",
    ]


def test_events_are_coming_until_their_last_day_is_over() -> None:
    subject = event(starts="2026-10-05 13:00", ends="2026-10-05 14:30")
    assert not cal.event_is_past(subject, date(2026, 10, 5))
    assert cal.event_is_past(subject, date(2026, 10, 6))
    whole_days = event(starts="2026-10-05", ends="2026-10-06")
    assert not cal.has_time(whole_days)
    assert cal.last_day(whole_days) == date(2026, 10, 6)
    assert not cal.event_is_past(whole_days, date(2026, 10, 6))


# --- validation of a window --------------------------------------------------------------------


TODAY = date(2026, 12, 3)


def problems(subject: GrantRound, today: date = TODAY) -> list[tuple[tuple, str]]:
    return grant_round_problems(subject, today)


def test_a_window_that_fits_its_grant_year_is_fine() -> None:
    assert problems(grant_round()) == []
    # Rounds of the grant year itself (Itä-Uusimaa, Keusote) and of the year before.
    assert problems(grant_round(grant_year="2025", opens="2025-08-01", closes="2025-09-01")) == []
    assert problems(grant_round(grant_year="2026", opens="2025-12-09", closes="2026-01-08")) == []
    assert problems(grant_round(grant_year="2026", opens=None, closes="2025-10-31")) == []


def test_closes_before_opens() -> None:
    assert problems(grant_round(opens="2026-10-31", closes="2026-10-01")) == [
        (
            ("closes",),
            "closes: 2026-10-01 is before opens (2026-10-31); the application period must close "
            "on or after the day it opens",
        )
    ]


@pytest.mark.parametrize(
    "year, opens, closes",
    [
        ("2028", "2026-10-01", "2026-10-31"),  # opens two years before
        ("2026", "2026-10-01", "2027-01-05"),  # closes after the grant year
        ("2026", None, "2024-10-31"),  # closes two years before
    ],
)
def test_a_grant_year_that_does_not_fit_the_window(year: str, opens: str | None, closes: str) -> None:
    subject = grant_round(grant_year=year, opens=opens, closes=closes)
    (found,) = [message for place, message in problems(subject) if place == ("grant_year",)]
    window = f"opens {opens} and closes {closes}" if opens else f"closes {closes}"
    y = int(year)
    assert found == (
        f"grant_year: {y} does not fit the application period (this round {window}): a round for "
        f"the grant year {y} opens in {y - 1} or {y} and closes by {y}-12-31"
    )


def test_the_opening_day_may_be_left_out_only_once_the_round_has_closed() -> None:
    subject = grant_round(opens=None, closes="2026-12-10")
    assert problems(subject) == [
        (
            (),
            "opens: is missing; a round that has not closed by the build date (2026-12-03) needs "
            "the first day of its application period (opens: YYYY-MM-DD). Leave opens out only for "
            "a closed round whose opening day was not published",
        )
    ]
    assert problems(subject, date(2026, 12, 11)) == []


def test_an_event_must_end_after_it_starts_and_be_written_alike() -> None:
    assert event_problems("info", event()) == []
    assert event_problems("info", event(ends="2026-10-05 13:00")) == [
        (
            ("ends",),
            "ends: 2026-10-05 13:00 is not after starts (2026-10-05 13:00); an event must end "
            "after it starts",
        )
    ]
    assert event_problems("info", event(ends="2026-10-06"))[0][1].startswith("ends: write it like starts")
    assert event_problems("info", event(starts="2026-10-05", ends="2026-10-05")) == []
    assert event_problems("tilaa", event())[0][1].startswith('the file name "tilaa" is reserved')


# --- the time zone of the feeds ------------------------------------------------------------------


def test_helsinki_time_zone_rules_match_the_iana_database() -> None:
    """The feeds' VTIMEZONE (two yearly rules) against zoneinfo, hour by hour around every
    change and at noon on every other day, 1997-2037."""
    rules = helsinki_time_zone().to_tz()
    helsinki = ZoneInfo("Europe/Helsinki")
    moment = datetime(1997, 1, 1, 12, tzinfo=UTC)
    checked = 0
    while moment.year < 2038:
        near_change = moment.month in (3, 10) and moment.day >= 24
        step = timedelta(hours=1) if near_change else timedelta(days=1)
        assert moment.astimezone(rules).utcoffset() == moment.astimezone(helsinki).utcoffset(), moment
        moment += step
        checked += 1
    assert checked > 30_000
