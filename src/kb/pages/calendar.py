"""The grant calendar: one national page, and a section on every county page.

kalenteri/index.md        /kalenteri/ (its anchors: kb/content/links.py CALENDAR_PAGE_ANCHORS)
alueet/<id>/#avustushaut  the county's rounds (each at #<round-id>) and events

Where each round stands is computed for the build date (kb/content/calendar.py), and
both pages say which date that was. Tables are in closing-date order; they need no
script. The iCalendar feeds they link to are written by kb/outputs/ical.py.
"""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlsplit

from kb.content import calendar as cal
from kb.content.calendar import CountyRound
from kb.content.model import Budget, Event, GrantRound, Region

from . import urls
from .render import PageRenderer, RenderedPage, Safe, alphabetical, attribute, esc, html_text

OPEN_DATA = ("grant-rounds.csv", "grant-rounds.json", "events.csv", "events.json")


def render_calendar(r: PageRenderer) -> RenderedPage:
    path = urls.calendar_path()
    today = r.config.build_date
    coming = cal.coming_grant_year(today)
    title = r.raw("calendar.title")
    out = [
        r.front_matter(path, title, r.raw("calendar.description"), None, kb_copylink=True),
        r.heading(1, title, "otsikko"),
        status_line(r, "tilanne"),
        r.markdown("calendar.intro") + "\n\n",
        r.heading(2, r.raw("calendar.subscribe.title"), "tilaa"),
        subscribe(r, path),
        _open_data(r, path),
        r.heading(2, r.raw("calendar.open.title"), "auki"),
        _rounds_or(
            r, path, cal.open_rounds(r.content, today), r.label("calendar.open.none", date=r.date(today))
        ),
        r.heading(2, r.raw("calendar.upcoming.title"), "tulossa"),
        _rounds_or(r, path, cal.upcoming_rounds(r.content, today), r.label("calendar.upcoming.none")),
        r.heading(2, r.raw("calendar.closed.title"), "paattyneet"),
        r.label("calendar.closed.intro", year=str(today.year)) + "\n\n",
        _rounds_or(r, path, cal.recently_closed_rounds(r.content, today), r.label("calendar.closed.none")),
        r.heading(2, _filled(r.raw("calendar.stale.title"), year=str(coming)), "ei-tietoa"),
        _stale(r, path, coming),
        r.heading(2, r.raw("calendar.events.title"), "tapahtumat"),
    ]
    upcoming = cal.upcoming_events(r.content, today)
    if not upcoming:
        out.append(r.label("calendar.events.none") + "\n\n")
    out += [_event(r, path, event_id, event) for event_id, event in upcoming]
    out.append(r.heading(2, r.raw("calendar.past_events.title"), "menneet-tapahtumat"))
    past = cal.past_events(r.content, today)
    out.append(
        (r.label("calendar.past_events.intro") if past else r.label("calendar.past_events.none")) + "\n\n"
    )
    out += [_event(r, path, event_id, event) for event_id, event in past]
    return RenderedPage(path, "".join(out))


def _filled(text: str, **values: str) -> str:
    """A plain-text label's text with its placeholders filled, unescaped (for headings,
    which escape their text themselves)."""
    for name, value in values.items():
        text = text.replace(f"{{{name}}}", value)
    return text


# --- pieces both pages share ---------------------------------------------------------


def status_line(r: PageRenderer, anchor: str | None = None) -> str:
    """The date the status was computed for, as a <time> (raw HTML: the label is escaped)."""
    day = r.config.build_date
    when = f'<time datetime="{day.isoformat()}">{r.date(day)}</time>'
    text = html_text(r.raw("calendar.status")).replace("{date}", when)
    id_attribute = f' id="{anchor}"' if anchor else ""
    return f'<p class="kb-status-date"{id_attribute}>{text}</p>\n\n'


def subscribe(r: PageRenderer, from_path: str, region: Region | None = None) -> str:
    """The subscribe (webcal:) and download links of a feed, and how to add it.
    Raw links: the .ics files are written after MkDocs, which would not find them."""
    feed = urls.calendar_feed(region.id if region else "")
    address = urls.page_url(r.config.site_url, r.lang, feed).removesuffix("/")
    webcal = "webcal://" + address.split("://", 1)[1]
    download = urls.rel(from_path, feed)
    subscribe_text = r.raw("calendar.subscribe.region") if region else r.raw("calendar.subscribe")
    links = (
        f'<p class="kb-subscribe"><a class="md-button md-button--primary" href="{attribute(webcal)}">'
        f"{html_text(subscribe_text)}</a> "
        f'<a class="md-button" href="{attribute(download)}" download type="text/calendar">'
        f"{html_text(r.raw('calendar.download'))}</a></p>\n\n"
    )
    return links + r.markdown("calendar.subscribe.help", url=Safe(f"`{address}`")) + "\n\n"


def _open_data(r: PageRenderer, from_path: str) -> str:
    root = urls.to_site_root(from_path, r.lang)
    links = ", ".join(f'<a href="{root}{urls.OPEN_DATA_DIR}/{name}">{name}</a>' for name in OPEN_DATA)
    return f"<p>{html_text(r.raw('calendar.open_data'))} {links}</p>\n\n"


def clock(value: str) -> str:
    """'16:00' as the reader writes it: 16.00."""
    hour, minute = value.split(":")
    return f"{int(hour)}.{minute}"


def closing(r: PageRenderer, grant_round: GrantRound) -> str:
    """The last day, with the closing time where published."""
    day = r.date(grant_round.closes)
    if grant_round.closes_time:
        return f"{day} {r.raw('time.at').replace('{time}', clock(grant_round.closes_time))}"
    return day


def window(r: PageRenderer, grant_round: GrantRound) -> str:
    """The application period as plain text: 13.10.2025–9.11.2025 klo 16.00."""
    if grant_round.opens is None:
        return r.raw("round.closes_by").replace("{closes}", closing(r, grant_round))
    return f"{r.date(grant_round.opens)}–{closing(r, grant_round)}"


def budget_text(r: PageRenderer, budget: Budget) -> str:
    """330 000 € (määräraha vuodelle 2026): the amount, its basis and its year, as plain text."""
    amount = r.raw("money.format").replace("{amount}", f"{budget.amount_eur:,}".replace(",", "\u00a0"))
    return r.raw(f"budget.{budget.basis}").replace("{amount}", amount).replace("{year}", str(budget.year))


def kinds(r: PageRenderer, grant_round: GrantRound) -> str:
    if not grant_round.kinds:
        return r.raw("round.kinds_unstated")
    return ", ".join(r.raw(f"grant_kind.{kind}") for kind in grant_round.kinds)


def link_text(url: str) -> str:
    """A link's text that says where it goes: the site's name (pirha.fi)."""
    return urlsplit(url).netloc.removeprefix("www.")


def region_round_path(region: Region, grant_round: GrantRound) -> str:
    return f"{urls.region_path(region.id)}#{grant_round.id}"


# --- the national page ------------------------------------------------------------------


def _rounds_or(r: PageRenderer, path: str, rows: list[CountyRound], empty: str) -> str:
    if not rows:
        return empty + "\n\n"
    out = [
        _row(
            r.label("calendar.col.region"),
            r.label("calendar.col.round"),
            r.label("calendar.col.window"),
            r.label("calendar.col.decided_by"),
            r.label("calendar.col.link"),
        ),
        "|---|---|---|---|---|\n",
    ]
    today = r.config.build_date
    for row in rows:
        grant_round = row.round
        status = cal.round_status(grant_round, today)
        when = esc(window(r, grant_round))
        if status == "closing_soon":
            when += f"<br>{r.label('status.closing_soon')}"
        out.append(
            _row(
                r.link(row.region.name.get(r.lang), path, region_round_path(row.region, grant_round)),
                f"{esc(grant_round.name.get(r.lang))}<br>{esc(kinds(r, grant_round))}",
                when,
                esc(grant_round.decided_by.get(r.lang)) if grant_round.decided_by else r.label("unknown"),
                f"[{esc(link_text(grant_round.url))}]({grant_round.url})",
            )
        )
    return "".join(out) + "\n"


def _stale(r: PageRenderer, path: str, year: int) -> str:
    without = cal.counties_without_round(r.content, year)
    regions = sorted(without, key=lambda x: alphabetical(x.name.get(r.lang)))
    if not regions:
        return r.label("calendar.stale.none", year=str(year)) + "\n\n"
    out = [
        r.markdown("calendar.stale.intro", year=str(year)) + "\n\n",
        _row(r.label("calendar.col.region"), r.label("calendar.col.latest"), r.label("calendar.col.window")),
        "|---|---|---|\n",
    ]
    for region in regions:
        latest = cal.latest_round(region)
        target = f"{urls.region_path(region.id)}#avustushaut"
        if latest is None:
            cells = (r.label("calendar.no_round"), "")
        else:
            cells = (
                r.label("calendar.latest", year=str(latest.grant_year), name=latest.name.get(r.lang)),
                esc(window(r, latest)),
            )
        out.append(_row(r.link(region.name.get(r.lang), path, target), *cells))
    return "".join(out) + "\n"


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |\n"


# --- events ------------------------------------------------------------------------------


def event_time(r: PageRenderer, event: Event) -> str:
    """25.8.2021 klo 13.00–15.00; 10.1.2024 klo 18.00 alkaen; 12.10.2023 (no time)."""
    starts, ends = event.starts, event.ends
    if not isinstance(starts, datetime):
        first = r.date(starts)
        if ends is not None and ends != starts:
            return f"{first}–{r.date(ends)}"
        return first
    start = f"{starts.hour}.{starts.minute:02d}"
    if not isinstance(ends, datetime):
        return f"{r.date(starts.date())} {r.raw('time.from').replace('{time}', start)}"
    end = f"{ends.hour}.{ends.minute:02d}"
    if ends.date() == starts.date():
        span = r.raw("time.range").replace("{start}", start).replace("{end}", end)
        return f"{r.date(starts.date())} {span}"
    first = f"{r.date(starts.date())} {r.raw('time.at').replace('{time}', start)}"
    return f"{first} – {r.date(ends.date())} {r.raw('time.at').replace('{time}', end)}"


def event_place(r: PageRenderer, event: Event) -> str:
    if event.place and event.online:
        return r.raw("event.place_and_online").replace("{place}", event.place.get(r.lang))
    if event.place:
        return event.place.get(r.lang)
    return r.raw("event.online") if event.online else r.raw("event.place_unknown")


def _event(r: PageRenderer, path: str, event_id: str, event: Event) -> str:
    lang = r.lang
    when = esc(event_time(r, event))
    if not cal.has_time(event):
        when += f" ({r.label('event.no_time')})"
    languages = ", ".join(r.raw(f"event_language.{code}") for code in event.languages)
    regions = [r.content.regions[i] for i in event.regions if i in r.content.regions]
    region_links = ", ".join(
        r.link(region.name.get(lang), path, f"{urls.region_path(region.id)}#avustushaut-tapahtumat")
        for region in regions
    )
    facts = [
        (r.label("event.when"), when),
        (r.label("event.place"), esc(event_place(r, event))),
        (r.label("event.organiser"), esc(event.organiser.get(lang))),
        (r.label("event.languages"), esc(languages) if languages else r.label("event.languages_unknown")),
        (r.label("event.regions"), region_links or r.label("event.national")),
    ]
    if event.url:
        facts.append((r.label("event.url"), f"[{esc(link_text(event.url))}]({event.url})"))
    out = [
        r.heading(3, event.title.get(lang), event_id),
        "".join(f"- {label}: {value}\n" for label, value in facts) + "\n",
        r.resolve(event.description.get(lang), path) + "\n\n",
        f"{r.label('structure.sources')}:\n\n{r.sources(event.sources, path)}\n\n",
    ]
    return "".join(out)


# --- the county page's section -------------------------------------------------------------


def county_section(r: PageRenderer, region: Region, path: str) -> str:
    """#avustushaut on the county page: the status date, the feed, every round (newest
    first, each at its own anchor) and the events that name the county."""
    today = r.config.build_date
    coming = cal.coming_grant_year(today)
    out = [r.heading(2, r.raw("region.calendar"), "avustushaut"), status_line(r)]
    if not region.grant_rounds:
        out.append(r.markdown("region.calendar.none") + "\n\n")
    elif not cal.rounds_for_year(region, coming):
        out.append(r.markdown("region.calendar.not_yet", year=str(coming)) + "\n\n")
    calendar_link = Safe(urls.rel(path, urls.calendar_path()))
    out.append(r.markdown("region.calendar.all", link=calendar_link) + "\n\n")
    out.append(subscribe(r, path, region))
    rounds = sorted(region.grant_rounds, key=lambda x: (x.closes, x.id), reverse=True)
    out += [_round(r, grant_round, path, today) for grant_round in rounds]
    events = cal.region_events(r.content, region.id)
    if events:
        out.append(r.heading(3, r.raw("region.events"), "avustushaut-tapahtumat"))
        for event_id, event in events:
            target = f"{urls.calendar_path()}#{event_id}"
            out.append(
                f"- {esc(event_time(r, event))}: {r.link(event.title.get(r.lang), path, target)}"
                f" ({esc(event_place(r, event))})\n"
            )
        out.append("\n")
    return "".join(out)


def _sentence(r: PageRenderer, grant_round: GrantRound, today: date) -> str:
    """The window as a sentence in the right tense for the build date."""
    year = str(grant_round.grant_year)
    status = cal.round_status(grant_round, today)
    if status == "closed":
        if cal.year_passed(grant_round, today):
            return r.label("round.sentence.past", year=year, window=window(r, grant_round))
        return r.label("round.sentence.closed", year=year, closes=closing(r, grant_round))
    if status == "upcoming":
        opens = r.date(grant_round.opens) if grant_round.opens else ""
        return r.label("round.sentence.upcoming", year=year, opens=opens, closes=closing(r, grant_round))
    days = cal.days_left(grant_round, today)
    if days == 1:
        return r.label("round.sentence.last_day", year=year, closes=closing(r, grant_round))
    if status == "closing_soon":
        return r.label(
            "round.sentence.closing_soon", year=year, closes=closing(r, grant_round), days=str(days)
        )
    return r.label("round.sentence.open", year=year, closes=closing(r, grant_round))


def status_text(r: PageRenderer, grant_round: GrantRound, today: date) -> str:
    """The round's status as a word; a closed round of a past grant year is history."""
    status = cal.round_status(grant_round, today)
    if status == "closed" and cal.year_passed(grant_round, today):
        return r.raw("status.year_passed")
    return r.raw("status." + status)


def _round(r: PageRenderer, grant_round: GrantRound, path: str, today: date) -> str:
    lang = r.lang
    status = cal.round_status(grant_round, today)
    facts = [
        (r.label("round.grant_year"), str(grant_round.grant_year)),
        (r.label("round.kinds"), esc(kinds(r, grant_round))),
        (r.label("round.window"), esc(window(r, grant_round))),
        (
            r.label("round.decided_by"),
            esc(grant_round.decided_by.get(lang)) if grant_round.decided_by else r.label("unknown"),
        ),
    ]
    if grant_round.decision:
        facts.append((r.label("round.decision"), _decision(r, grant_round)))
    if grant_round.budget:
        facts.append((r.label("round.budget"), esc(budget_text(r, grant_round.budget))))
    facts.append((r.label("round.url"), f"[{esc(link_text(grant_round.url))}]({grant_round.url})"))
    badge = html_text(status_text(r, grant_round, today))
    out = [
        r.heading(3, grant_round.name.get(lang), grant_round.id),
        f'<p class="kb-status kb-status--{status}">{badge}</p>\n\n',
        _sentence(r, grant_round, today) + "\n\n",
        "".join(f"- {label}: {value}\n" for label, value in facts) + "\n",
    ]
    if grant_round.note:
        out.append(r.resolve(grant_round.note.get(lang), path) + "\n\n")
    out.append(f"{r.label('structure.sources')}:\n\n{r.sources(grant_round.sources, path)}\n\n")
    return "".join(out)


def _decision(r: PageRenderer, grant_round: GrantRound) -> str:
    decision = grant_round.decision
    assert decision is not None
    if decision.made:
        return r.label("round.decision.made", date=r.partial_date(decision.made))
    if decision.expected:
        return r.label("round.decision.expected", when=r.partial_date(decision.expected))
    assert decision.expected_text is not None
    return r.label("round.decision.expected", when=decision.expected_text.get(r.lang))
