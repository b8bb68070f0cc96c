"""The grant calendar of the real site, built for the fixed build date 3.12.2026: the
calendar page and every county's section in both languages, the iCalendar feeds (read
by `icalendar` and by the independent `ical` package) and the calendar's open data."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import jsonschema
import pytest
from ical.calendar_stream import IcsCalendarStream

from kb.content import calendar as cal
from support.fixture import BUILD_DATE
from support.htmltools import html_of, parse, resolve, section, text_of, webcal_path

TODAY = date.fromisoformat(BUILD_DATE)
LANGS = [("fi", ""), ("sv", "sv/")]


# A data cell, with the column name the build gives it for phones (kb/content/table_labels.py).
CELL = r'(?: data-label="[^"]*")?'


# --- the calendar page -------------------------------------------------------------------------


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_the_calendar_says_for_which_day_the_status_was_computed(site: Path, lang: str, prefix: str) -> None:
    html = html_of(site, f"/{prefix}kalenteri/")
    status = re.search(r'<p class="kb-status-date" id="tilanne">(.*?)</p>', html).group(1)
    assert '<time datetime="2026-12-03">3.12.2026</time>' in status
    nav = parse(resolve(site, f"/{prefix}"))
    assert any(link.get("href", "").endswith("kalenteri/") for link in nav.links), (
        "the calendar is in the nav"
    )


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_every_county_is_on_the_calendar(site: Path, content, lang: str, prefix: str) -> None:
    """Each of the 22 organisers appears with a sourced round or on the "no round for the
    coming year" list, with its latest known round and a link to its section."""
    html = html_of(site, f"/{prefix}kalenteri/")
    coming = cal.coming_grant_year(TODAY)
    stale = section(html, "ei-tietoa")
    assert str(coming) in text_of(stale[: stale.index("</h2>")])
    without = cal.counties_without_round(content, coming)
    for region in content.regions.values():
        link = f'href="../alueet/{region.id}/'  # the same language's page
        assert link in html, f"{region.id} is not on the calendar"
        if region in without:
            row = re.search(rf'<tr>\s*<td{CELL}><a {re.escape(link)}#avustushaut">.*?</tr>', stale, re.S)
            assert row, f"{region.id} is not on the list of counties without a {coming} round"
            latest = cal.latest_round(region)
            assert latest is not None and latest.name.get(lang) in text_of(row.group(0))
    rows = re.findall(rf"<tr>\s*<td{CELL}>", stale)
    assert len(rows) == len(without)


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_rounds_are_grouped_by_status_in_closing_date_order(
    site: Path, content, lang: str, prefix: str
) -> None:
    html = html_of(site, f"/{prefix}kalenteri/")
    up = "../"
    for anchor, rows in [
        ("auki", cal.open_rounds(content, TODAY)),
        ("tulossa", cal.upcoming_rounds(content, TODAY)),
        ("paattyneet", cal.recently_closed_rounds(content, TODAY)),
    ]:
        listed = re.findall(rf'<tr>\s*<td{CELL}><a href="([^"]+)"', section(html, anchor))
        assert listed == [f"{up}alueet/{row.region.id}/#{row.round.id}" for row in rows], anchor
    closed = cal.recently_closed_rounds(content, TODAY)
    assert closed, "the 2026 rounds have closed by 3.12.2026"
    assert [row.round.closes for row in closed] == sorted((row.round.closes for row in closed), reverse=True)
    assert all(row.round.grant_year >= TODAY.year for row in closed)


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_events_are_archived_when_they_are_over(site: Path, content, lang: str, prefix: str) -> None:
    html = html_of(site, f"/{prefix}kalenteri/")
    coming = re.findall(r'<h3 id="([^"]+)"', section(html, "tapahtumat"))
    past = re.findall(r'<h3 id="([^"]+)"', section(html, "menneet-tapahtumat"))
    assert coming == [event_id for event_id, _ in cal.upcoming_events(content, TODAY)]
    assert past == [event_id for event_id, _ in cal.past_events(content, TODAY)]
    assert len(coming) + len(past) == len(content.events) > 20
    webinar = section(html, "menneet-tapahtumat")
    start = webinar.index('id="hyvinvointialueet-tulevat-webinaari-2021"')
    webinar = text_of(webinar[start : webinar.find("<h3", start + 1)])
    assert ("25.8.2021 klo 13.00–15.00" if lang == "fi" else "25.8.2021 kl. 13.00–15.00") in webinar
    assert "Järjestöjen sote-muutostuki" in webinar
    assert 'href="../lahteet/soste-webinaari-2021-08-25/"' in html


# --- the county pages -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_every_county_page_has_its_rounds_and_events(site: Path, content, lang: str, prefix: str) -> None:
    coming = cal.coming_grant_year(TODAY)
    for region in content.regions.values():
        html = html_of(site, f"/{prefix}alueet/{region.id}/")
        own = section(html, "avustushaut")
        assert '<time datetime="2026-12-03">3.12.2026</time>' in own
        assert re.findall(r'<h3 id="([^"]+)"', own) == [
            r.id for r in sorted(region.grant_rounds, key=lambda r: (r.closes, r.id), reverse=True)
        ] + (["avustushaut-tapahtumat"] if cal.region_events(content, region.id) else [])
        if not cal.rounds_for_year(region, coming):
            assert str(coming) in text_of(own[: own.index("<h3")] if "<h3" in own else own)
        for event_id, _ in cal.region_events(content, region.id):
            assert f'kalenteri/#{event_id}"' in own
        (subscribe,) = re.findall(r'<p class="kb-subscribe">(.*?)</p>', own)
        webcal, download = re.findall(r'href="([^"]+)"', subscribe)
        assert webcal_path(site, webcal) == f"/{prefix}kalenteri/{region.id}.ics"
        assert resolve(site, webcal_path(site, webcal)), webcal
        assert (resolve(site, f"/{prefix}alueet/{region.id}/").parent / download).resolve().is_file()


@pytest.mark.parametrize(
    "url, expected",
    [
        # A closed round of the current grant year: closed, in the past tense.
        ("/alueet/pirkanmaa/", ["Haku päättynyt", "Vuoden 2026 avustusten haku päättyi 9.11.2025."]),
        # A round of a past grant year: history.
        (
            "/sv/alueet/pohjanmaa/",
            ["Tidigare understödsår", "Understöd för 2024 söktes 1.11.2023–30.11.2023."],
        ),
        # The closing time, and a window whose opening day was not published.
        (
            "/alueet/etela-savo/",
            ["Vuoden 2023 avustuksia haettiin viimeistään 16.12.2022 klo 16.00."],
        ),
        ("/sv/alueet/helsinki/", ["Understöd för 2025 söktes 2.5.2024–3.6.2024 kl. 16.00."]),
    ],
)
def test_rounds_are_told_in_the_tense_of_the_build_date(site: Path, url: str, expected: list[str]) -> None:
    text = text_of(section(html_of(site, url), "avustushaut"))
    for phrase in expected:
        assert phrase in text, phrase


# --- the iCalendar feeds ----------------------------------------------------------------------------


def feeds(content) -> list[tuple[str, str | None]]:
    paths: list[tuple[str, str | None]] = []
    for _, prefix in LANGS:
        paths.append((f"{prefix}kalenteri/avustushaut.ics", None))
        paths += [(f"{prefix}kalenteri/{region_id}.ics", region_id) for region_id in content.regions]
    return paths


def expected_entries(content, region_id: str | None) -> int:
    rounds = [r for r in cal.county_rounds(content) if region_id in (None, r.region.id)]
    events = content.events if region_id is None else dict(cal.region_events(content, region_id))
    return sum(2 if r.round.opens else 1 for r in rounds) + len(events)


def test_feeds_parse_with_two_parsers_and_hold_every_date(site: Path, content) -> None:
    for path, region_id in feeds(content):
        text = (site / path).read_text(encoding="utf-8")
        ours = icalendar.Calendar.from_ical(text)
        theirs = IcsCalendarStream.calendar_from_ics(text)
        entries = ours.walk("VEVENT")
        count = expected_entries(content, region_id)
        assert len(entries) == len(theirs.events) == count, path
        uids = [str(e["UID"]) for e in entries]
        assert len(set(uids)) == len(uids), f"{path}: duplicate UIDs"
        assert set(uids) == {e.uid for e in theirs.events}, path
        assert {e.decoded("dtstamp") for e in entries} <= {datetime(2026, 12, 3, tzinfo=UTC)}, path
    national = icalendar.Calendar.from_ical((site / "kalenteri/avustushaut.ics").read_bytes())
    assert len(national.walk("VEVENT")) > 100


def test_fi_and_sv_feeds_hold_the_same_entries(site: Path, content) -> None:
    for name in ["avustushaut", *content.regions]:
        fi = icalendar.Calendar.from_ical((site / f"kalenteri/{name}.ics").read_bytes())
        sv = icalendar.Calendar.from_ical((site / f"sv/kalenteri/{name}.ics").read_bytes())
        assert {str(e["UID"]) for e in fi.walk("VEVENT")} == {str(e["UID"]) for e in sv.walk("VEVENT")}
    summaries = {str(e["SUMMARY"]) for e in sv.walk("VEVENT")}
    assert any(s.startswith("Ansökan stänger") for s in summaries)


def test_all_day_entries_end_on_the_next_day(site: Path, content) -> None:
    """RFC 5545: DTEND of an all-day entry is exclusive, the day after its last day."""
    text = (site / "kalenteri/avustushaut.ics").read_text(encoding="utf-8")
    theirs = {e.uid: e for e in IcsCalendarStream.calendar_from_ics(text).events}
    all_day = 0
    for entry in icalendar.Calendar.from_ical(text).walk("VEVENT"):
        start = entry.decoded("dtstart")
        if isinstance(start, datetime):
            continue
        all_day += 1
        assert entry["DTSTART"].params.get("VALUE") == "DATE"
        uid = str(entry["UID"])
        if uid.startswith("grant-round."):
            assert entry.decoded("dtend") == start + timedelta(days=1), uid
        else:
            event = content.events[uid.removeprefix("event.").split("@")[0]]
            assert entry.decoded("dtend") == cal.last_day(event) + timedelta(days=1), uid
        assert theirs[uid].dtend == entry.decoded("dtend"), uid
    assert all_day > 80


def test_timed_events_are_in_helsinki_time(site: Path, content) -> None:
    text = (site / "sv/kalenteri/avustushaut.ics").read_text(encoding="utf-8")
    ours = icalendar.Calendar.from_ical(text)
    assert [str(z["TZID"]) for z in ours.walk("VTIMEZONE")] == ["Europe/Helsinki"]
    timed = [e for e in ours.walk("VEVENT") if isinstance(e.decoded("dtstart"), datetime)]
    assert len(timed) == sum(1 for e in content.events.values() if cal.has_time(e))
    for entry in timed:
        assert entry["DTSTART"].params["TZID"] == "Europe/Helsinki"
    theirs = {e.uid: e for e in IcsCalendarStream.calendar_from_ics(text).events}
    # 13.00 in Helsinki summer time (EEST, UTC+3) and 18.00 in winter (EET, UTC+2).
    webinar = theirs["event.hyvinvointialueet-tulevat-webinaari-2021@127.0.0.1"]
    assert webinar.dtstart.astimezone(UTC) == datetime(2021, 8, 25, 10, 0, tzinfo=UTC)
    assert webinar.dtend.astimezone(UTC) == datetime(2021, 8, 25, 12, 0, tzinfo=UTC)
    soite = theirs["event.soite-avustusinfo-2024-01@127.0.0.1"]
    assert soite.dtstart.astimezone(UTC) == datetime(2024, 1, 10, 16, 0, tzinfo=UTC)


# --- the README's figures -------------------------------------------------------------------------


def test_readme_figures_match_the_calendar(content) -> None:
    from support.fixture import ROOT

    text = (ROOT / "README.md").read_text(encoding="utf-8").replace("\n", " ")
    figures = re.search(r"\*\*Grant calendar\*\* \(`/kalenteri/`, built for ([\d.]+)\)(.*?)checks", text)
    assert figures and figures.group(1) == "3.12.2026"
    said = figures.group(2)
    assert f"**{len(cal.county_rounds(content))} grant rounds**" in said
    assert f"**{len(content.events)} events**" in said
    for which, year in (("current", TODAY.year), ("coming", cal.coming_grant_year(TODAY))):
        count = len(cal.counties_with_round(content, year))
        assert f"{which} grant year {year}, **{count} of {len(content.regions)}**" in said, which


# --- open data -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["grant-rounds.json", "events.json"])
def test_calendar_data_follows_its_published_schema(site: Path, name: str) -> None:
    data = json.loads((site / "data" / name).read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / data["$schema"]).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["status_date"] == BUILD_DATE


def test_calendar_data_holds_every_round_and_event(site: Path, content) -> None:
    rounds = json.loads((site / "data" / "grant-rounds.json").read_text(encoding="utf-8"))["grant_rounds"]
    assert [(r["region"], r["id"]) for r in rounds] == [
        (row.region.id, row.round.id) for row in cal.county_rounds(content)
    ]
    assert {r["status"] for r in rounds} == {"closed"}, "nothing is open on 3.12.2026"
    events = json.loads((site / "data" / "events.json").read_text(encoding="utf-8"))["events"]
    assert {e["id"] for e in events} == set(content.events)
    webinar = next(e for e in events if e["id"] == "hyvinvointialueet-tulevat-webinaari-2021")
    assert webinar["starts"] == "2021-08-25T13:00:00+03:00" and webinar["past"] is True
    for record in [*rounds, *events]:
        for url in record["pages"].values():
            path, anchor = url.split("#")
            html = html_of(site, "/" + path.split("/", 3)[3])
            assert f'id="{anchor}"' in html, url
