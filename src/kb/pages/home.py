"""The home page (index.md, /): a tool first, the hand-written text around it.

The text is docs/<lang>/index.md, written by editors; its sections keep their anchors
(#oma-alue, #aiheet, #linkita, #ehdota-korjausta). Generated parts go after the section
they belong to, or at the end when a project's text lacks that section:

    after #oma-alue   the municipality and county finder (finder.py); the tile map of
                      the 22 organisers (#alueet, tilemap.py); grant rounds open now
                      and closing soon (#avustushaut-nyt, from kb/content/calendar.py)
    after #aiheet     recently checked answers (#viimeksi-tarkistetut) and counties
                      (#viimeksi-tarkistetut-alueet)
"""

from __future__ import annotations

import re

from kb.content import calendar as cal
from kb.content.calendar import CountyRound
from kb.content.freshness import recently_reviewed
from kb.content.model import Page

from . import urls
from .calendar import region_round_path, status_line
from .finder import finder
from .render import PageRenderer, RenderedPage, Safe, esc
from .tilemap import tile_map

LATEST_COUNT = 8  # answers
LATEST_REGIONS = 5
NEXT_ROUNDS = 3  # upcoming rounds shown when none is open

PATH = "index.md"
_SECTION = re.compile(r"^## .*\{#([a-z0-9-]+)\}\s*$", re.M)


def sections(body: str) -> list[tuple[str, str]]:
    """The text cut before each `## … {#anchor}` heading: (anchor, text); the part
    before the first heading has the anchor ""."""
    starts = [(m.start(), m.group(1)) for m in _SECTION.finditer(body)]
    cuts = [(0, ""), *starts] if not starts or starts[0][0] > 0 else starts
    ends = [start for start, _ in cuts[1:]] + [len(body)]
    return [
        (anchor, body[start:end].strip() + "\n\n") for (start, anchor), end in zip(cuts, ends, strict=True)
    ]


def render_home(r: PageRenderer, page: Page) -> RenderedPage:
    generated = {"oma-alue": _find(r), "aiheet": _latest(r)}
    out = [
        r.front_matter(PATH, page.title, page.title, r.content.source_path(page.path), kb_finder=True),
        r.heading(1, page.title, "otsikko"),
    ]
    for anchor, text in sections(r.resolve(page.body.strip(), PATH)):
        out.append(text)
        out.append(generated.pop(anchor, ""))
    out += generated.values()  # the sections this project's text does not have
    return RenderedPage(PATH, "".join(out))


def _find(r: PageRenderer) -> str:
    return "".join(
        [
            finder(r, PATH),
            r.heading(2, r.raw("home.regions"), "alueet"),
            tile_map(r, PATH),
            r.markdown("home.regions_text", link=Safe(urls.rel(PATH, urls.region_path()))) + "\n\n",
            _rounds(r),
        ]
    )


def _rounds(r: PageRenderer) -> str:
    """Grant rounds open on the build date, closing first; when none is open, that said
    in words and the next ones to open. The page says which day this was computed for."""
    today = r.config.build_date
    out = [r.heading(2, r.raw("home.rounds.title"), "avustushaut-nyt"), status_line(r)]
    open_now = cal.open_rounds(r.content, today)
    if open_now:
        out.append(_round_list(r, open_now))
    else:
        out.append(r.label("calendar.open.none", date=r.date(today)) + "\n\n")
        upcoming = cal.upcoming_rounds(r.content, today)[:NEXT_ROUNDS]
        if upcoming:
            out.append(r.label("home.rounds.next") + "\n\n" + _round_list(r, upcoming))
        else:
            out.append(r.label("calendar.upcoming.none") + "\n\n")
    out.append(r.markdown("home.rounds.all", link=Safe(urls.rel(PATH, urls.calendar_path()))) + "\n\n")
    return "".join(out)


def _round_list(r: PageRenderer, rows: list[CountyRound]) -> str:
    today = r.config.build_date
    items = []
    for row in rows:
        grant_round = row.round
        status = cal.round_status(grant_round, today)
        if status == "upcoming" and grant_round.opens:
            when = r.label("home.rounds.opens", date=r.date(grant_round.opens))
        else:
            when = r.label("home.rounds.closes", date=r.date(grant_round.closes))
        if status == "closing_soon":
            when += f" – **{r.label('status.closing_soon')}**"
        link = r.link(grant_round.name.get(r.lang), PATH, region_round_path(row.region, grant_round))
        items.append(f"- {link} ({esc(row.region.name.get(r.lang))}): {when}\n")
    return "".join(items) + "\n"


def _latest(r: PageRenderer) -> str:
    out = [r.heading(2, r.raw("home.latest"), "viimeksi-tarkistetut")]
    for text in recently_reviewed(r.content, r.lang, LATEST_COUNT):
        meta = text.meta
        out.append(f"- {r.link(meta.question, PATH, urls.answer_path(meta.id))} – {r.date(meta.reviewed)}\n")
    out.append("\n" + r.heading(2, r.raw("home.latest_regions"), "viimeksi-tarkistetut-alueet"))
    regions = sorted(r.content.regions.values(), key=lambda x: (x.reviewed, x.id), reverse=True)
    for region in regions[:LATEST_REGIONS]:
        link = r.link(region.name.get(r.lang), PATH, urls.region_path(region.id))
        out.append(f"- {link} – {r.date(region.reviewed)}\n")
    return "".join(out) + "\n"
