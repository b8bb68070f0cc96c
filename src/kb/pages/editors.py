"""The translation status page, for editors and translators: /kaannokset/ (not in the
navigation). Which Swedish texts are outdated, not yet tracked or missing, each with
a link to the file and the fingerprint to paste (kb/content/translations.py)."""

from __future__ import annotations

from kb.content import layout, translations
from kb.content.translations import TranslationItem

from . import urls
from .render import PageRenderer, RenderedPage, attribute, html_text

TRANSLATIONS_PATH = "kaannokset.md"
SECTIONS = (
    (translations.OUTDATED, "vanhentuneet"),
    (translations.UNTRACKED, "seuraamattomat"),
    (translations.MISSING, "puuttuvat"),
)


def render_translation_status(r: PageRenderer) -> RenderedPage:
    items = translations.translation_items(r.content)
    counts = {s: str(sum(1 for i in items if i.status == s)) for s in translations.STATUSES}
    out = [
        r.front_matter(
            TRANSLATIONS_PATH, r.raw("translations.title"), r.raw("translations.description"), layout.LABELS
        ),
        r.heading(1, r.raw("translations.title"), "otsikko"),
        r.markdown("translations.intro"),
        "\n\n",
        r.markdown("translations.summary", **counts),
        "\n\n",
    ]
    for status, anchor in SECTIONS:
        out.append(r.heading(2, r.raw("translations." + status), anchor))
        chosen = [i for i in items if i.status == status]
        out.append(_translation_list(r, chosen) if chosen else f"{r.label('translations.none')}\n\n")
    return RenderedPage(TRANSLATIONS_PATH, "".join(out))


def _translation_list(r: PageRenderer, items: list[TranslationItem]) -> str:
    """Raw HTML so that data-pagefind-ignore keeps questions listed here out of search
    results (readers should find the answer itself, not this page). Markdown does not
    read inside it: texts are HTML-escaped, links are site paths."""
    rows = []
    for item in items:
        source = r.content.source_path(item.path)
        page = urls.region_path(item.id) if item.kind == "region" else urls.answer_path(item.id)
        title = html_text(item.title(r.content, r.lang))
        if item.status != translations.MISSING:  # a missing page cannot be linked
            href = urls.html_href(TRANSLATIONS_PATH, page)
            title = f'<a href="{href}">{title}</a>'
        paste = (
            f" – {html_text(r.raw('translations.paste'))}: "
            f"<code>{html_text(item.field)}: {html_text(item.expected or '')}</code>"
            if item.expected and item.status != translations.MISSING
            else ""
        )
        rows.append(
            f'<li>{title} – <a href="{attribute(r.config.edit_url(source))}">'
            f"<code>{html_text(source)}</code></a>{paste}</li>"
        )
    return '<ul data-pagefind-ignore="all">\n' + "\n".join(rows) + "\n</ul>\n\n"
