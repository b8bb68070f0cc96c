"""The comparison across counties: /vertailu/ (fi) and /sv/vertailu/ (sv).

One row per county and Helsinki, in alphabetical order of the page's language: who
decides the grants, the newest round's kinds and window, the newest sourced budget,
the conditions the county's sources state, its NGO body and its network NGO. Every
cell links to the section of the county page that holds the fact and its sources; a
fact no source states says so. The same facts are in site/data/comparison.csv
(kb/outputs/opendata.py).

The table is HTML written here, not a Markdown table, because each cell carries
what the browser needs without a script: its column's name (data-label: a card per
county on a phone, kb.css) and a sort key (data-sort). kb-sort.js adds sort buttons to
the column headers; without it the table is in alphabetical order and complete.
"""

from __future__ import annotations

from dataclasses import dataclass

from kb.content.comparison import RULES, CountyFacts, answer_key, body_ended, comparison
from kb.content.model import CooperationStructure, Region

from . import urls
from .calendar import budget_text, kinds, window
from .render import PageRenderer, RenderedPage, alphabetical, attribute, html_text

COMPARE_PATH = urls.comparison_path()
TABLE_ID = "taulukko"
NOTES = ("money", "residents", "conditions")  # compare.note.<key>, in this order


@dataclass(frozen=True)
class Cell:
    text: str  # plain text
    href: str | None  # relative link to the county page section holding the fact
    sort: str  # the sort key kb-sort.js uses ("" sorts last: not known)


def _to_region(region: Region, anchor: str = "") -> str:
    """A relative address from the comparison page to a county page (and section)."""
    return urls.html_href(COMPARE_PATH, urls.region_path(region.id) + (f"#{anchor}" if anchor else ""))


def _unknown(r: PageRenderer, region: Region, anchor: str) -> Cell:
    return Cell(r.raw("compare.unknown"), _to_region(region, anchor), "")


def deciding_body(r: PageRenderer, facts: CountyFacts) -> Cell:
    grants = facts.grants
    if grants is None or grants.decided_by is None:
        return _unknown(r, facts.region, grants.id if grants else "yhteistyorakenteet")
    text = grants.decided_by.get(r.lang)
    if grants.decided_by_as_of:
        text += f" ({r.partial_date(grants.decided_by_as_of)})"
    return Cell(text, _to_region(facts.region, grants.id), text)


def newest_round(r: PageRenderer, facts: CountyFacts) -> tuple[Cell, Cell]:
    """(kinds, window) of the newest round, each linking to it."""
    grant_round = facts.newest_round
    if grant_round is None:
        unknown = _unknown(r, facts.region, "avustushaut")
        return unknown, unknown
    href = _to_region(facts.region, grant_round.id)
    year = r.raw("compare.year").replace("{year}", str(grant_round.grant_year))
    kinds_text = kinds(r, grant_round)
    return (
        Cell(kinds_text, href, kinds_text if grant_round.kinds else ""),
        Cell(f"{year}: {window(r, grant_round)}", href, grant_round.closes.isoformat()),
    )


def budget(r: PageRenderer, facts: CountyFacts) -> Cell:
    grant_round = facts.budget_round
    if grant_round is None or grant_round.budget is None:
        return _unknown(r, facts.region, "avustushaut")
    amount = grant_round.budget.amount_eur
    return Cell(
        budget_text(r, grant_round.budget), _to_region(facts.region, grant_round.id), f"{amount:012d}"
    )


def condition(r: PageRenderer, facts: CountyFacts, rule: str) -> Cell:
    item = facts.eligibility.get(rule)
    if item is None:
        return Cell(r.raw("compare.unknown"), None, "")
    text = r.raw(f"eligibility.answer.{answer_key(item)}").replace("{year}", str(item.grant_year))
    return Cell(text, _to_region(facts.region, "avustusten-ehdot"), answer_key(item))


def body(r: PageRenderer, facts: CountyFacts, structure: CooperationStructure | None) -> Cell:
    if structure is None:
        return _unknown(r, facts.region, "yhteistyorakenteet")
    text = structure.name.get(r.lang)
    if body_ended(structure, r.config.build_date):
        text += f" ({r.raw('compare.ended')})"
    return Cell(text, _to_region(facts.region, structure.id), text)


def row(r: PageRenderer, facts: CountyFacts) -> list[Cell]:
    name = facts.region.name.get(r.lang)
    kinds_cell, window_cell = newest_round(r, facts)
    return [
        Cell(name, _to_region(facts.region), name),
        deciding_body(r, facts),
        kinds_cell,
        window_cell,
        budget(r, facts),
        *(condition(r, facts, rule) for rule in RULES),
        body(r, facts, facts.ngo_body),
        body(r, facts, facts.network),
    ]


def headers(r: PageRenderer) -> list[str]:
    names = [r.raw(f"compare.col.{key}") for key in ("region", "decided_by", "kinds", "window", "budget")]
    names += [r.raw(f"eligibility.{rule}") for rule in RULES]
    return [*names, r.raw("compare.col.ngo_body"), r.raw("compare.col.network")]


def _cell_html(cell: Cell, label: str, header: bool) -> str:
    text = html_text(cell.text)
    inner = f'<a href="{attribute(cell.href)}">{text}</a>' if cell.href else text
    tag = "th" if header else "td"
    scope = ' scope="row"' if header else ""
    return f'<{tag}{scope} data-label="{attribute(label)}" data-sort="{attribute(cell.sort)}">{inner}</{tag}>'


def table(r: PageRenderer) -> str:
    """The table as HTML: the county's name is each row's header."""
    names = headers(r)
    head = "".join(f'<th scope="col">{html_text(name)}</th>' for name in names)
    rows = sorted(comparison(r.content), key=lambda facts: alphabetical(facts.region.name.get(r.lang)))
    body_rows = [
        "<tr>" + "".join(_cell_html(cell, names[i], i == 0) for i, cell in enumerate(row(r, facts))) + "</tr>"
        for facts in rows
    ]
    attributes = {
        "class": "kb-compare__table",
        "aria-labelledby": TABLE_ID,
        "data-kb-sortable": "true",
        "data-lang": r.lang,
        **{f"data-sort-{key}": r.raw(f"compare.sort.{key}") for key in ("hint", "ascending", "descending")},
    }
    opening = " ".join(f'{name}="{attribute(value)}"' for name, value in attributes.items())
    return "".join(
        [
            f'<div class="kb-compare" role="region" aria-labelledby="{TABLE_ID}" tabindex="0">\n',
            f"<table {opening}>\n<thead><tr>{head}</tr></thead>\n<tbody>\n",
            "\n".join(body_rows),
            "\n</tbody>\n</table>\n</div>\n\n",
        ]
    )


def render_comparison(r: PageRenderer) -> RenderedPage:
    path = COMPARE_PATH
    data = urls.relative_site_path(path, r.lang, f"{urls.OPEN_DATA_DIR}/comparison.csv")
    out = [
        r.front_matter(path, r.raw("compare.title"), r.raw("compare.description"), None, kb_sort=True),
        r.heading(1, r.raw("compare.title"), "otsikko"),
        r.markdown("compare.intro"),
        "\n\n",
        r.label("compare.status", date=r.date(r.config.build_date)),
        "\n{: .kb-status}\n\n",
        r.heading(2, r.raw("compare.table"), TABLE_ID),
        table(r),
        f'<p><a href="{attribute(data)}">{html_text(r.raw("compare.csv"))}</a></p>\n\n',
        r.heading(2, r.raw("compare.notes"), "huomiot"),
        "".join(f"- {r.markdown(f'compare.note.{key}')}\n" for key in NOTES),
        "\n",
    ]
    return RenderedPage(path, "".join(out))
