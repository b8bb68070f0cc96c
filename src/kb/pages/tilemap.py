"""The 22 organisers as a tile map of Finland: one tile per county, roughly where it lies.

Not a real map (no boundary data is shipped): a CSS grid of links, a tile's row and
column set by classes (kb-home.css; the CSP forbids style attributes). The tiles are
an ordered list in the order of reading the map row by row, so without CSS, and for a
screen reader, it is the same list as text. A county without a place below (a new one,
or the test fixture's) gets a tile in a row of its own after the map.
"""

from __future__ import annotations

from kb.content.hyphenation import breakable

from . import urls
from .render import PageRenderer, attribute, html_text

# region id -> (row, column) of the tile: north at the top, the west coast on the left.
PLACES: dict[str, tuple[int, int]] = {
    "lappi": (1, 3),
    "pohjois-pohjanmaa": (2, 3),
    "kainuu": (2, 4),
    "keski-pohjanmaa": (3, 2),
    "pohjois-savo": (3, 4),
    "pohjois-karjala": (3, 5),
    "pohjanmaa": (4, 1),
    "etela-pohjanmaa": (4, 2),
    "keski-suomi": (4, 3),
    "etela-savo": (4, 4),
    "satakunta": (5, 1),
    "pirkanmaa": (5, 2),
    "paijat-hame": (5, 3),
    "kymenlaakso": (5, 4),
    "etela-karjala": (5, 5),
    "varsinais-suomi": (6, 1),
    "kanta-hame": (6, 2),
    "keski-uusimaa": (6, 3),
    "ita-uusimaa": (6, 4),
    "lansi-uusimaa": (7, 2),
    "vantaa-kerava": (7, 3),
    "helsinki": (8, 3),
}
ROWS = max(row for row, _ in PLACES.values())


def tile_map(r: PageRenderer, path: str) -> str:
    """The map as raw HTML: a labelled list of links, each showing the short name (and
    the brand name), the full name in its accessible name."""
    regions = list(r.content.regions.values())
    placed = sorted(
        (PLACES.get(region.id, (ROWS + 1, 1 + i)), region.id, region) for i, region in enumerate(regions)
    )
    items = []
    for (row, column), _, region in placed:
        full = region.name.get(r.lang)
        short = region.short_name.get(r.lang) if region.short_name else full
        brand = (
            f'<span class="kb-tile__brand">{html_text(region.brand_name)}</span>' if region.brand_name else ""
        )
        # The full name for screen readers after the visible one: the link's name begins
        # with what it shows (WCAG 2.5.3) and says which organiser it is.
        hidden = f'<span class="kb-visually-hidden">: {html_text(full)}</span>' if short != full else ""
        items.append(
            f'<li class="kb-tile kb-row-{min(row, ROWS + 1)} kb-col-{min(column, 5)}">'
            f'<a href="{urls.html_href(path, urls.region_path(region.id))}">'
            f'<span class="kb-tile__name">{html_text(breakable(short))}</span>{hidden}{brand}</a></li>'
        )
    label = attribute(r.raw("home.map.label"))
    return f'<ol class="kb-tilemap" aria-label="{label}">\n' + "\n".join(items) + "\n</ol>\n\n"
