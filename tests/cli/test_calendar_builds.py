"""The grant calendar of the fixture project, built by `kb build` for chosen build dates:
what the calendar page, the county section and the feeds say as the round moves from
upcoming to closing soon to history. The fixture has one round (20.11.–10.12.2026 at
16.00, grant year 2027) and one event (8.12.2026 13.00–14.30, online)."""

from __future__ import annotations

import re
from pathlib import Path

import icalendar
import pytest

from support.fixture import build
from support.htmltools import section, text_of

ROUND = "avustukset-2027"


def section_text(html: str, anchor: str) -> str:
    """The text of one h2 section of a built page: from its heading to the next h2."""
    return text_of(section(html, anchor))


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    """The fixture built for three days: before the round opens, in its last 14 days, and
    after its grant year."""
    from support.fixture import copy_fixture

    root = copy_fixture(tmp_path_factory.mktemp("calendar") / "project")
    sites = {}
    for day in ("2026-11-10", "2026-12-03", "2028-01-02"):
        site = root.parent / f"site-{day}"
        result = build(root, site, KB_BUILD_DATE=day)
        assert result.returncode == 0, result.stdout + result.stderr
        sites[day] = site
    return sites


def page(site: Path, *parts: str) -> str:
    return site.joinpath(*parts, "index.html").read_text(encoding="utf-8")


def test_before_the_round_opens_it_is_upcoming(builds) -> None:
    html = page(builds["2026-11-10"], "kalenteri")
    assert 'id="tilanne"' in html and '<time datetime="2026-11-10">10.11.2026</time>' in html
    assert "Yhtään hakua ei ole auki 10.11.2026." in section_text(html, "auki")
    upcoming = section_text(html, "tulossa")
    assert "Testiavustukset 2027" in upcoming and "20.11.2026–10.12.2026 klo 16.00" in upcoming
    assert "Testi-info" in section_text(html, "tapahtumat")
    county = page(builds["2026-11-10"], "alueet", "testialue")
    assert "Vuoden 2027 avustusten haku aukeaa 20.11.2026 ja päättyy 10.12.2026 klo 16.00." in text_of(county)


def test_in_its_last_days_the_round_is_open_and_closing_soon(builds) -> None:
    html = page(builds["2026-12-03"], "kalenteri")
    open_now = section_text(html, "auki")
    assert "Testiavustukset 2027" in open_now and "Päättyy pian" in open_now
    assert "Yhdenkään tulevan haun ajankohtaa ei ole vielä julkaistu." in section_text(html, "tulossa")
    assert 'href="../alueet/testialue/#avustukset-2027"' in html
    # The county has a round for the coming grant year: it is not on the stale list.
    assert "Kaikilta alueilta on tieto vähintään yhdestä vuoden 2027 hausta." in section_text(
        html, "ei-tietoa"
    )
    sv = text_of(page(builds["2026-12-03"], "sv", "alueet", "testialue"))
    assert "Läget den 3.12.2026" in sv
    assert (
        "Ansökningstiden för understöd för 2027 går snart ut: "
        "sista ansökningsdag är den 10.12.2026 kl. 16.00, och det återstår 8 dagar." in sv
    )


def test_after_its_grant_year_the_round_is_history(builds) -> None:
    site = builds["2028-01-02"]
    html = page(site, "kalenteri")
    # Closed, and of a past grant year: neither open nor recently closed any more.
    assert "Testiavustukset" not in section_text(html, "auki") + section_text(html, "paattyneet")
    stale = section_text(html, "ei-tietoa")
    assert "vuoden 2029" in stale and "Testiavustukset 2027 (avustusvuosi 2027)" in stale
    assert "Testi-info" in section_text(html, "menneet-tapahtumat")
    assert "Tulevia tapahtumia ei ole tiedossa." in section_text(html, "tapahtumat")
    county = text_of(page(site, "alueet", "testialue"))
    assert "Mennyt avustusvuosi" in county
    assert "Vuoden 2027 avustuksia haettiin 20.11.2026–10.12.2026 klo 16.00." in county
    assert "Alueen vuoden 2029 avustushausta ei ole vielä tietoa tällä sivustolla." in county


# --- the home page's "grant rounds now" (kb/pages/home.py, from the same calendar rules) ----


def test_the_home_page_lists_the_rounds_open_on_the_build_date(builds) -> None:
    now = section_text(page(builds["2026-12-03"], ""), "avustushaut-nyt")
    assert "Tilanne 3.12.2026" in now
    assert "Testiavustukset 2027" in now and "haku päättyy 10.12.2026" in now and "Päättyy pian" in now
    assert "Yhtään hakua ei ole auki" not in now
    home = page(builds["2026-12-03"], "")
    assert 'href="alueet/testialue/#avustukset-2027"' in home and 'href="kalenteri/"' in home
    sv = section_text(page(builds["2026-12-03"], "sv"), "avustushaut-nyt")
    assert "Läget den 3.12.2026" in sv and "ansökningstiden går ut 10.12.2026" in sv


def test_when_none_is_open_the_home_page_says_so_and_shows_the_next(builds) -> None:
    before = section_text(page(builds["2026-11-10"], ""), "avustushaut-nyt")
    assert "Yhtään hakua ei ole auki 10.11.2026." in before
    assert "Seuraavaksi alkavat haut:" in before and "Testiavustukset 2027" in before
    assert "haku alkaa 20.11.2026" in before
    after = section_text(page(builds["2028-01-02"], ""), "avustushaut-nyt")
    assert "Yhtään hakua ei ole auki 2.1.2028." in after
    assert "Yhdenkään tulevan haun ajankohtaa ei ole vielä julkaistu." in after
    assert "Testiavustukset" not in after


def feed_entries(site: Path, path: str) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical((site / path).read_bytes())
    return {str(entry["UID"]): entry for entry in calendar.walk("VEVENT")}


@pytest.mark.parametrize("path", ["kalenteri/avustushaut.ics", "sv/kalenteri/testialue.ics"])
def test_uids_are_stable_between_builds_and_dtstamp_is_the_build_date(builds, path: str) -> None:
    by_day = {day: feed_entries(site, path) for day, site in builds.items()}
    uids = {day: set(entries) for day, entries in by_day.items()}
    assert len({frozenset(u) for u in uids.values()}) == 1, "the same UIDs whatever the build date"
    assert uids["2026-12-03"] == {
        f"grant-round.testialue.{ROUND}.opens@127.0.0.1",
        f"grant-round.testialue.{ROUND}.closes@127.0.0.1",
        "event.testi-info@127.0.0.1",
    }
    for day, entries in by_day.items():
        stamps = {entry.decoded("dtstamp").isoformat() for entry in entries.values()}
        assert stamps == {f"{day}T00:00:00+00:00"}, "DTSTAMP is the declared build date, not the clock"


def test_the_feed_is_linked_from_the_pages(builds) -> None:
    site = builds["2026-12-03"]
    for parts, feed in [
        (("kalenteri",), "kalenteri/avustushaut.ics"),
        (("sv", "alueet", "testialue"), "sv/kalenteri/testialue.ics"),
    ]:
        html = page(site, *parts)
        (subscribe,) = re.findall(r'<p class="kb-subscribe">(.*?)</p>', html)
        assert f'href="webcal://127.0.0.1:8000/{feed}"' in subscribe
        download = re.search(r'<a class="md-button" href="([^"]+)" download', subscribe).group(1)
        assert (site.joinpath(*parts) / download).resolve() == (site / feed).resolve()
        assert f"<code>http://127.0.0.1:8000/{feed}</code>" in html, "the address to paste is shown"
