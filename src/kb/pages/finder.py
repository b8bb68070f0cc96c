"""The municipality and county finder: on the home page (#oma-alue) and the county index.

Without JavaScript it is a plain A–Ö list of links, collapsed in a <details>: every
municipality (both its names), every former municipality (the one it merged into) and
every county (its names in both languages, its short, brand and other names), each a
link to the county page. kb-finder.js (src/kb/theme/overrides/assets/) reads that same
list, shows the search box and filters the list as the reader types: one list, one
place. Raw HTML (Markdown does not read there), so every text is escaped here and the
links are directory URLs.
"""

from __future__ import annotations

from dataclasses import dataclass

from kb.content.model import Region

from . import urls
from .render import PageRenderer, alphabetical, attribute, html_text, other_lang


@dataclass(frozen=True)
class FinderEntry:
    name: str  # what the reader looks for, in the page's language
    note: str  # the other names and what the entry is ("" when there is nothing to say)
    note_lang: str | None  # the note's language when it is a name in the other language
    terms: tuple[str, ...]  # every name the entry is found by
    region: Region


def finder_entries(r: PageRenderer) -> list[FinderEntry]:
    """Every name a reader may know their county by, in A–Ö order of the page's language."""
    content, lang = r.content, r.lang
    other = other_lang(lang)
    entries = []
    for m in content.municipalities:
        region = content.regions[m.region]
        second = m.name(other)
        note = second if second != m.name(lang) else ""
        terms = tuple(dict.fromkeys([m.name_fi, m.name_sv or m.name_fi]))
        entries.append(FinderEntry(m.name(lang), note, other if note else None, terms, region))
        for change in m.former:
            old = change.name.get(lang)
            note = r.raw("finder.former").format(new=m.name(lang))
            terms = tuple(dict.fromkeys([change.name.fi, change.name.sv]))
            entries.append(FinderEntry(old, note, None, terms, region))
    for region in content.regions.values():
        names = [region.name.fi, region.name.sv]
        if region.short_name:
            names += [region.short_name.fi, region.short_name.sv]
        extra = [n for n in [region.brand_name, *region.other_names] if n]
        terms = tuple(dict.fromkeys([*names, *extra]))
        entries.append(FinderEntry(region.name.get(lang), ", ".join(extra), None, terms, region))
    return sorted(entries, key=lambda e: (alphabetical(e.name), alphabetical(e.region.name.get(lang))))


def _item(r: PageRenderer, entry: FinderEntry, path: str) -> str:
    region_name = entry.region.name.get(r.lang)
    note = ""
    if entry.note:
        lang = f' lang="{entry.note_lang}"' if entry.note_lang else ""
        note = f' <span class="kb-finder__note"{lang}>({html_text(entry.note)})</span>'
    target = "" if entry.name == region_name else f" – {html_text(region_name)}"
    return (
        f'<li data-terms="{attribute(" | ".join(entry.terms))}">'
        f'<a href="{urls.html_href(path, urls.region_path(entry.region.id))}">'
        f"{html_text(entry.name)}{note}{target}</a></li>"
    )


def finder(r: PageRenderer, path: str) -> str:
    """The finder as raw HTML: the search box (hidden until kb-finder.js shows it), the
    results with a live count, and the complete list in a <details>."""
    entries = finder_entries(r)
    label, hint = html_text(r.raw("finder.label")), html_text(r.raw("finder.hint"))
    data = " ".join(f'data-{key}="{attribute(r.raw("finder." + key))}"' for key in ("none", "one", "many"))
    items = "\n".join(_item(r, entry, path) for entry in entries)
    return (
        # Not in the site search: a query for a municipality finds the county page (its
        # list of municipalities), not this list of every name.
        f'<div class="kb-finder" data-kb-finder data-pagefind-ignore {data}>\n'
        f'<div class="kb-finder__search" hidden>\n'
        f'<label for="kb-finder-input" class="kb-finder__label">{label}</label>\n'
        f'<p id="kb-finder-hint" class="kb-finder__hint">{hint}</p>\n'
        '<input id="kb-finder-input" class="kb-finder__input" type="search" autocomplete="off"'
        ' spellcheck="false" aria-describedby="kb-finder-hint">\n'
        '<p class="kb-finder__count" role="status" aria-live="polite"></p>\n'
        f'<ul class="kb-finder__results" aria-label="{attribute(r.raw("finder.results"))}"></ul>\n'
        "</div>\n"
        f'<details class="kb-finder__all">\n<summary>{html_text(r.raw("finder.all"))}</summary>\n'
        f'<ul class="kb-finder__list">\n{items}\n</ul>\n</details>\n'
        "</div>\n\n"
    )
