"""iCalendar feeds (RFC 5545) of grant rounds and events, made with the `icalendar` library.

    /kalenteri/avustushaut.ics, /sv/kalenteri/avustushaut.ics   the whole country
    /kalenteri/<region-id>.ics, /sv/kalenteri/<region-id>.ics   one county

(paths: kb/pages/urls.py `calendar_feed`; docs/decisions/0002-urls.md). Each feed holds
every opening and closing day of a grant round as an all-day entry (DTEND is the next
day: the end is exclusive) and every event, timed in Europe/Helsinki with its
VTIMEZONE (an event whose source gives only the day is an all-day entry). A county's
feed holds its own rounds and the events that name it, like its page.

Subscribers must not get duplicates and builds must be byte-identical for the same
build date, so UIDs come from ids (county, round, event) and DTSTAMP is the declared
build date, never the clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone, TimezoneDaylight, TimezoneStandard, vDuration
from icalendar import Event as CalendarEvent

from kb.config import SiteConfig
from kb.content import calendar as cal
from kb.content.markdown import to_plain_text
from kb.content.model import LANGUAGES, Content, Event, GrantRound, Region
from kb.pages import urls
from kb.pages.calendar import clock, event_place, kinds, window
from kb.pages.render import PageRenderer

TIME_ZONE = "Europe/Helsinki"
HELSINKI = ZoneInfo(TIME_ZONE)
PRODUCT = "-//Jarjestot ja hyvinvointialueet//kb grant calendar//FI"
REFRESH = timedelta(days=1)  # the site is rebuilt every morning


def feeds(content: Content, lang: str, config: SiteConfig) -> dict[str, bytes]:
    """Every feed of one language, by its path from the language's root."""
    found = {urls.calendar_feed(): calendar_feed(content, lang, config)}
    for region_id in content.regions:
        found[urls.calendar_feed(region_id)] = calendar_feed(
            content, lang, config, content.regions[region_id]
        )
    return found


def calendar_feed(content: Content, lang: str, config: SiteConfig, region: Region | None = None) -> bytes:
    r = PageRenderer(content, lang, config)
    title = r.raw("calendar.title")
    name = f"{title} – {region.name.get(lang)}" if region else f"{r.raw('site.name')}: {title}"
    page = urls.region_path(region.id) if region else urls.calendar_path()
    feed = Calendar()
    feed.add("prodid", PRODUCT)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("name", name)  # RFC 7986
    feed.add("x-wr-calname", name)  # the same for clients that read only this
    feed.add("x-wr-timezone", TIME_ZONE)
    feed.add("url", urls.page_url(config.site_url, lang, page))
    feed.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    feed.add("x-published-ttl", vDuration(REFRESH))  # the same for older clients
    entries = list(_round_entries(r, region)) + list(_event_entries(r, region))
    if any(isinstance(entry.decoded("dtstart"), datetime) for entry in entries):
        feed.add_component(helsinki_time_zone())
    for entry in entries:
        feed.add_component(entry)
    return feed.to_ical()


def helsinki_time_zone() -> Timezone:
    """Helsinki's VTIMEZONE as two yearly rules: summer time from 03:00 EET on the last
    Sunday of March, back at 04:00 EEST on the last Sunday of October (the EU rule that
    Finland has followed since 1996; every event here is later). Written as rules, the
    form calendar clients read best; icalendar's generated form (a list of dates) puts
    the March change an hour late. tests/unit/test_calendar_rules.py checks these rules against
    the IANA database for every half hour of 1997-2037."""
    zone = Timezone()
    zone.add("tzid", TIME_ZONE)
    for part, name, start, before, after, month in (
        (TimezoneStandard(), "EET", datetime(1996, 10, 27, 4, 0), 3, 2, 10),
        (TimezoneDaylight(), "EEST", datetime(1996, 3, 31, 3, 0), 2, 3, 3),
    ):
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", timedelta(hours=before))
        part.add("tzoffsetto", timedelta(hours=after))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(part)
    return zone


def _stamp(config: SiteConfig) -> datetime:
    return datetime.combine(config.build_date, time(), UTC)


def _uid(config: SiteConfig, *parts: str) -> str:
    """Stable across builds and languages: made of ids only, at the site's host."""
    host = urlsplit(config.site_url).hostname or "localhost"
    return ".".join(parts) + f"@{host}"  # slugs have no dots: never ambiguous


def _round_entries(r: PageRenderer, only: Region | None) -> Iterator[CalendarEvent]:
    for row in cal.county_rounds(r.content):
        if only is None or row.region.id == only.id:
            yield from _round(r, row.region, row.round)


def _round(r: PageRenderer, region: Region, grant_round: GrantRound) -> Iterator[CalendarEvent]:
    lang, config = r.lang, r.config
    names = {"round": grant_round.name.get(lang), "region": region.name.get(lang)}
    page = urls.page_url(config.site_url, lang, urls.region_path(region.id)) + f"#{grant_round.id}"
    lines = [
        f"{r.raw('round.grant_year')}: {grant_round.grant_year}",
        f"{r.raw('round.kinds')}: {kinds(r, grant_round)}",
        f"{r.raw('round.window')}: {window(r, grant_round)}",
    ]
    if grant_round.decided_by:
        lines.append(f"{r.raw('round.decided_by')}: {grant_round.decided_by.get(lang)}")
    lines += [f"{r.raw('round.url')}: {grant_round.url}", r.raw("ical.more").format(url=page)]
    description = "\n".join(lines)
    if grant_round.opens:
        summary = r.raw("ical.opens").format(**names)
        yield _all_day(
            config, grant_round.opens, summary, description, page, region.id, grant_round.id, "opens"
        )
    if grant_round.closes_time:
        at = r.raw("time.at").format(time=clock(grant_round.closes_time))
        summary = r.raw("ical.closes_at").format(time=at, **names)
    else:
        summary = r.raw("ical.closes").format(**names)
    yield _all_day(
        config, grant_round.closes, summary, description, page, region.id, grant_round.id, "closes"
    )


def _all_day(
    config: SiteConfig, day: date, summary: str, description: str, url: str, *ids: str
) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", _uid(config, "grant-round", *ids))
    entry.add("dtstamp", _stamp(config))
    entry.add("dtstart", day)
    entry.add("dtend", day + timedelta(days=1))  # exclusive: the entry covers `day` only
    entry.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    entry.add("summary", summary)
    entry.add("description", description)
    entry.add("url", url)
    return entry


def _event_entries(r: PageRenderer, only: Region | None) -> Iterator[CalendarEvent]:
    events = (
        cal.region_events(r.content, only.id)
        if only
        else sorted(r.content.events.items(), key=lambda item: (cal.start_day(item[1]), item[0]))
    )
    for event_id, event in events:
        yield _event(r, event_id, event)


def _event(r: PageRenderer, event_id: str, event: Event) -> CalendarEvent:
    lang, config = r.lang, r.config
    page = urls.page_url(config.site_url, lang, urls.calendar_path()) + f"#{event_id}"
    entry = CalendarEvent()
    entry.add("uid", _uid(config, "event", event_id))
    entry.add("dtstamp", _stamp(config))
    if isinstance(event.starts, datetime):
        entry.add("dtstart", event.starts.replace(tzinfo=HELSINKI))
        if isinstance(event.ends, datetime):
            entry.add("dtend", event.ends.replace(tzinfo=HELSINKI))
    else:
        entry.add("dtstart", event.starts)
        entry.add("dtend", cal.last_day(event) + timedelta(days=1))  # exclusive
    entry.add("summary", event.title.get(lang))
    entry.add("location", event_place(r, event))
    lines = [
        to_plain_text(event.description.get(lang)),
        f"{r.raw('event.organiser')}: {event.organiser.get(lang)}",
    ]
    if event.url:
        lines.append(f"{r.raw('event.url')}: {event.url}")
    lines.append(r.raw("ical.more").format(url=page))
    entry.add("description", "\n".join(lines))
    entry.add("url", event.url or page)
    return entry


def run(site: Path, content: Content, config: SiteConfig) -> bool:
    for lang in LANGUAGES:
        for path, data in feeds(content, lang, config).items():
            target = site / urls.site_path(lang, path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return True
