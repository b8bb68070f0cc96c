"""County pages: the county index with its municipality lookup, and one page per county.

alueet/index.md               /alueet/
alueet/<region-id>/index.md   /alueet/<region-id>/ (sections: kb/content/links.py; the
                              grant rounds' section #avustushaut: kb/pages/calendar.py)
"""

from __future__ import annotations

from kb.content import layout
from kb.content.comparison import answer_key
from kb.content.freshness import period_status
from kb.content.markdown import to_plain_text
from kb.content.model import (
    Contact,
    CooperationStructure,
    Municipality,
    MunicipalityChange,
    Region,
    Source,
)

from . import urls
from .calendar import county_section
from .finder import finder
from .render import PageRenderer, RenderedPage, Safe, alphabetical, attribute, esc, html_text, other_lang


def render_region_index(r: PageRenderer) -> RenderedPage:
    """Scannable on a phone: the finder first (kb/pages/finder.py), the counties as
    cards, and the complete municipality table grouped by county, each part collapsed."""
    content, lang = r.content, r.lang
    path = urls.region_path()
    regions = sorted(content.regions.values(), key=lambda x: alphabetical(x.name.get(lang)))
    out = [
        r.front_matter(
            path, r.raw("regions.title"), r.raw("regions.description"), layout.MUNICIPALITIES, kb_finder=True
        ),
        r.heading(1, r.raw("regions.title"), "otsikko"),
        r.markdown("regions.intro"),
        "\n\n",
        r.heading(2, r.raw("regions.lookup.title"), "kunta-alue-haku"),
        r.markdown("regions.finder.intro") + "\n\n",
        finder(r, path),
        r.heading(2, r.raw("regions.cards.title"), "luettelo"),
        '<ul class="kb-cards">\n',
        "".join(_card(r, region, path) for region in regions),
        "</ul>\n\n",
        r.heading(2, r.raw("regions.table.title"), "kunnat"),
        r.markdown("regions.lookup.intro") + "\n\n",
        "".join(_municipality_table(r, region) for region in regions),
        "\n",
    ]
    for m in content.municipalities:
        for change in m.former:
            out.append(merged_note(r, change, m, path) + "\n\n")
    return RenderedPage(path, "".join(out))


def _card(r: PageRenderer, region: Region, path: str) -> str:
    """One county: its name as a link, then its short name, language status and
    municipality count as a description list (raw HTML: escaped here)."""
    facts = []
    if region.brand_name:
        facts.append((r.raw("regions.col.brand"), region.brand_name))
    facts.append((r.raw("regions.col.language"), r.raw("language." + region.language)))
    facts.append((r.raw("regions.col.municipalities"), str(len(r.content.municipalities_of(region.id)))))
    dl = "".join(f"<div><dt>{html_text(k)}</dt><dd>{html_text(v)}</dd></div>" for k, v in facts)
    link = urls.html_href(path, urls.region_path(region.id))
    return (
        f'<li class="kb-card"><a class="kb-card__name" href="{link}">'
        f'{html_text(region.name.get(r.lang))}</a><dl class="kb-card__facts">{dl}</dl></li>\n'
    )


def _municipality_table(r: PageRenderer, region: Region) -> str:
    """A county's municipalities in a <details> (closed): the table is complete without
    a script and the page stays short."""
    lang = r.lang
    municipalities = sorted(r.content.municipalities_of(region.id), key=lambda m: alphabetical(m.name(lang)))
    columns = [
        r.raw("regions.col.municipality"),
        r.raw("regions.col.municipality_other"),
        r.raw("regions.col.language"),
    ]
    head = "".join(f'<th scope="col">{html_text(text)}</th>' for text in columns)
    # Each cell names its column (data-label), as kb/content/table_labels.py does for the
    # Markdown tables: on a phone the rows are cards (kb.css). Raw HTML: it does not pass there.
    labels = [f' data-label="{attribute(text)}"' for text in columns]
    rows = []
    for m in municipalities:
        other = m.name(other_lang(lang))
        other_cell = (
            f'<span lang="{other_lang(lang)}">{html_text(other)}</span>' if other != m.name(lang) else ""
        )
        rows.append(
            f"<tr><td{labels[0]}>{html_text(m.name(lang))}</td><td{labels[1]}>{other_cell}</td>"
            f"<td{labels[2]}>{html_text(r.raw('language.' + m.language))}</td></tr>"
        )
    summary = r.raw("regions.table.summary").format(
        region=region.name.get(lang), count=str(len(municipalities))
    )
    return (
        f'<details class="kb-municipalities"><summary>{html_text(summary)}</summary>\n'
        f'<div class="kb-table-wrap"><table><thead><tr>{head}</tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table></div></details>\n"
    )


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |\n"


def merged_note(
    r: PageRenderer, change: MunicipalityChange, municipality: Municipality, from_path: str
) -> str:
    region = r.content.regions[municipality.region]
    return r.markdown(
        "municipality.merged",
        old=change.name.get(r.lang),
        new=municipality.name(r.lang),
        date=r.date(change.date),
        region=Safe(r.link(region.name.get(r.lang), from_path, urls.region_path(region.id))),
    )


def render_region(r: PageRenderer, region: Region) -> RenderedPage:
    lang = r.lang
    path = urls.region_path(region.id)
    name = region.name.get(lang)
    description = to_plain_text(region.summary.get(lang)) if region.summary else name
    out = [
        r.front_matter(
            path, name, description, layout.region_file(region.id), kb_region=region.id, kb_copylink=True
        ),
        r.breadcrumbs(path, [(r.raw("nav.regions"), urls.region_path())]),
        r.heading(1, name, "otsikko"),
        r.reviewed(region.reviewed),
        keywords_line([n for n in [region.brand_name, *region.other_names] if n]),
    ]
    if region.summary:
        out.append(r.resolve(region.summary.get(lang), path) + "\n\n")
    out.append(_basic_facts(r, region, path))
    out.append(_municipalities(r, region, path))
    out.append(r.heading(2, r.raw("region.structures"), "yhteistyorakenteet"))
    if not region.structures:
        out.append(r.markdown("region.no_structures") + "\n\n")
    out += [_structure(r, structure, path) for structure in region.structures]
    out.append(county_section(r, region, path))
    out.append(eligibility_section(r, region, path))
    out.append(r.heading(2, r.raw("region.contacts"), "yhteystiedot"))
    if not region.contacts:
        out.append(r.markdown("region.no_contacts") + "\n\n")
    out += [_contact(r, contact, path) for contact in region.contacts]
    out.append(r.heading(2, r.raw("region.sources"), "lahteet"))
    out.append(r.sources(region.sources, path) + "\n")
    return RenderedPage(path, "".join(out))


# Keywords are chosen by editors for the page: a match counts twice a body word.
KEYWORD_WEIGHT = 2


def keywords_line(words: list[str]) -> str:
    """Search words for Pagefind (kb/outputs/search.py): base forms, compound parts,
    other names. Hidden from everyone (the hidden attribute and kb.css), so screen
    readers do not read a word list either. Placed before the first h2, so a match on
    them links to the top of the page rather than to its last section."""
    if not words:
        return ""
    return (
        f'<p class="kb-keywords" hidden data-pagefind-weight="{KEYWORD_WEIGHT}">'
        f"{esc(', '.join(words))}</p>\n\n"
    )


def _basic_facts(r: PageRenderer, region: Region, path: str) -> str:
    rows = [
        (r.label("region.field.name_fi"), r.span(region.name.fi, "fi")),
        (r.label("region.field.name_sv"), r.span(region.name.sv, "sv")),
        (r.label("region.field.name_en"), r.span(region.name.en, "en")),
    ]
    if region.brand_name:
        rows.append((r.label("region.field.brand"), esc(region.brand_name)))
    if region.other_names:
        rows.append((r.label("region.field.other_names"), ", ".join(esc(n) for n in region.other_names)))
    rows.append((r.label("region.field.kind"), r.label("kind." + region.kind)))
    rows.append((r.label("region.field.language"), r.label("language." + region.language)))
    rows.append((r.label("region.field.website"), f"[{esc(region.website)}]({region.website})"))
    if region.website_sv:
        rows.append((r.label("region.field.website_sv"), f"[{esc(region.website_sv)}]({region.website_sv})"))
    associations = _associations(r, region, path)
    if associations:
        rows.append((r.label("region.field.associations"), associations))
    body = "".join(f"{label}\n:   {value}\n\n" for label, value in rows)
    return r.heading(2, r.raw("region.basic"), "perustiedot") + body


def _associations(r: PageRenderer, region: Region, path: str) -> str:
    """PRH's count of registered associations in the county's region (maakunta), with the
    caveat that PRH counts by region: counties sharing one region share its figure."""
    table, area = r.content.associations, r.content.associations_of(region.id)
    if table is None or area is None:
        return ""
    text = r.markdown(
        "region.associations",
        region=area.name.get(r.lang),
        total=_count(area.total),
        social_health=_count(area.social_health),
        date=r.date(table.as_of),
        source=Safe(_source_link(table.source, path)),
    )
    others = [r.content.regions[c] for c in area.counties if c != region.id and c in r.content.regions]
    if others:
        links = ", ".join(r.link(o.name.get(r.lang), path, urls.region_path(o.id)) for o in others)
        text += " " + r.markdown("region.associations_shared", others=Safe(links))
    return text


def _count(value: int) -> str:
    """A count as Finnish and Swedish write it: 32 272 (a no-break space between groups)."""
    return f"{value:,}".replace(",", "\u00a0")


def _source_link(source: Source, path: str) -> str:
    target = source.url or urls.rel(path, urls.document_path(str(source.document)))
    return f"[{esc(source.title)}]({target})"


def _municipalities(r: PageRenderer, region: Region, path: str) -> str:
    lang = r.lang
    municipalities = sorted(r.content.municipalities_of(region.id), key=lambda m: alphabetical(m.name(lang)))
    out = [
        r.heading(2, r.raw("region.municipalities"), "kunnat"),
        r.label("region.municipality_count", count=str(len(municipalities))) + "\n\n",
    ]
    for m in municipalities:
        other = m.name_fi if lang == "sv" else m.name_sv
        extra = f" ({r.span(other, other_lang(lang))})" if other and other != m.name(lang) else ""
        status = "" if m.language == "fi" else f" – {r.label('language.' + m.language)}"
        out.append(f"- {esc(m.name(lang))}{extra}{status}\n")
    for m in municipalities:
        for change in m.former:
            out.append("\n" + merged_note(r, change, m, path) + "\n")
    return "".join(out) + "\n"


def eligibility_section(r: PageRenderer, region: Region, path: str) -> str:
    """#avustusten-ehdot: the conditions of the county's grants its sources state (the
    comparison page links here), or that none is recorded."""
    out = [r.heading(2, r.raw("region.eligibility"), "avustusten-ehdot")]
    if not region.eligibility:
        return "".join(out) + r.markdown("region.eligibility.none") + "\n\n"
    for item in sorted(region.eligibility, key=lambda e: (e.rule, -e.grant_year)):
        answer = r.label(f"eligibility.answer.{answer_key(item)}", year=str(item.grant_year))
        note = f" {r.resolve(item.note.get(r.lang), path)}" if item.note else ""
        out.append(f"- **{r.label('eligibility.' + item.rule)}:** {answer}.{note}\n")
    out.append("\n" + r.label("structure.sources") + ":\n\n")
    sources = [source for item in region.eligibility for source in item.sources]
    unique = list({(s.title, s.url, s.document): s for s in sources}.values())
    out.append(r.sources(unique, path) + "\n\n")
    return "".join(out)


def _structure(r: PageRenderer, structure: CooperationStructure, path: str) -> str:
    lang = r.lang
    out = [
        r.heading(3, structure.name.get(lang), structure.id),
        f'<p class="kb-type">{r.label("structure_type." + structure.type)}</p>\n\n',
        _period(r, structure),
        r.resolve(structure.description.get(lang), path) + "\n\n",
    ]
    facts = []
    if structure.decided_by:
        body = esc(structure.decided_by.get(lang))
        if structure.decided_by_as_of:  # validation requires it; the page never drops the body
            body += " " + r.label("structure.as_of", date=r.partial_date(structure.decided_by_as_of))
        facts.append(f"- {r.label('structure.decided_by')}: {body}")
    elif structure.type == "grant_programme":
        facts.append(f"- {r.label('structure.decided_by')}: {r.label('structure.decided_by_unknown')}")
    if structure.since:
        facts.append(f"- {r.label('structure.since')}: {r.partial_date(structure.since)}")
    if structure.url:
        facts.append(f"- {r.label('structure.url')}: [{esc(structure.url)}]({structure.url})")
    if facts:
        out.append("\n".join(facts) + "\n\n")
    out.append(f"{r.label('structure.sources')}:\n\n{r.sources(structure.sources, path)}\n\n")
    return "".join(out)


def _period(r: PageRenderer, structure: CooperationStructure) -> str:
    """The term of a structure and where the build date is in it, said in words
    ("Kausi 2023–2025, päättynyt"), so that an ended term never reads as current."""
    status = period_status(structure, r.config.build_date)
    if status is None or structure.valid_until is None:
        return ""
    until = r.partial_date(structure.valid_until)
    if structure.valid_from:
        period = f"{r.partial_date(structure.valid_from)}–{until}"
    else:
        period = r.raw("structure.period.until").format(date=until)
    words = r.label("structure.period." + status, period=period)
    return f'<p class="kb-period kb-period--{status}">{words}</p>\n\n'


def _contact(r: PageRenderer, contact: Contact, path: str) -> str:
    lang = r.lang
    out = [
        r.heading(3, contact.role.get(lang), contact.id),
        f"- {r.label('contact.organisation')}: {esc(contact.organisation.get(lang))}\n",
    ]
    if contact.url:
        out.append(f"- {r.label('contact.page')}: [{esc(contact.url)}]({contact.url})\n")
    if contact.email:
        out.append(f"- {r.label('contact.email')}: [{esc(contact.email)}](mailto:{contact.email})\n")
    if contact.phone:
        tel = contact.phone.replace(" ", "")
        out.append(f"- {r.label('contact.phone')}: [{esc(contact.phone)}](tel:{tel})\n")
    if contact.postal_address:
        out.append(f"- {r.label('contact.postal_address')}: {esc(contact.postal_address)}\n")
    out.append(f"\n{r.label('structure.sources')}:\n\n{r.sources(contact.sources, path)}\n\n")
    return "".join(out)
