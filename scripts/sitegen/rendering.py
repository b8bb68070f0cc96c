"""Render the content model into Markdown pages, one tree per language.

Output paths are the URL contract (see docs/decisions/0002-urls.md):

    index.md                      home
    alueet/index.md               county index and municipality lookup
    alueet/<region-id>/index.md   a county (or Helsinki)
    ukk/index.md                  all FAQ topics
    ukk/<topic-id>/index.md       a topic and its answers
    ukk/<answer-id>/index.md      one answer
    <page>.md                     hand-written pages (tietoa, saavutettavuus …)

Every label comes from content/ui.yml; anchors come from data ids, never
from heading text. Links between generated pages are relative `.md` links,
so the site generator checks them (`--strict`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date

from .model import LANGUAGES, Answer, AnswerText, Content, Municipality, Region, Source
from . import translations
from .redirects import alias_anchors
from .urls import answer_path, page_dir, region_path, rel, resolve_links, to_site_root

LATEST_COUNT = 8
# Keywords are chosen by editors for the page: a match counts twice a body word.
KEYWORD_WEIGHT = 2


@dataclass(frozen=True)
class RenderedPage:
    path: str        # relative to the language root, e.g. "ukk/avustustyypit/index.md"
    markdown: str


# --- small helpers ----------------------------------------------------------------

def format_date(value: date, content: Content, lang: str) -> str:
    return content.t("date.format", lang).format(d=value.day, m=value.month, y=value.year)


def front_matter(**fields: str) -> str:
    lines = ["---"]
    for key, value in fields.items():
        # JSON strings are valid YAML scalars: safe for any text.
        lines.append(f"{key}: {_yaml_str(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def _yaml_str(value: str) -> str:
    import json
    return json.dumps(value, ensure_ascii=False)


def esc(text: str) -> str:
    """Escape plain text for Markdown/HTML output."""
    return html.escape(text, quote=True).replace("[", "&#91;").replace("]", "&#93;")


def other_lang(lang: str) -> str:
    return next(other for other in LANGUAGES if other != lang)


def span(text: str, text_lang: str, page_lang: str) -> str:
    """Mark text in another language than the page with its own lang (WCAG 3.1.2)."""
    if text_lang == page_lang:
        return esc(text)
    return f'<span lang="{text_lang}">{esc(text)}</span>'


def sources_list(sources: list[Source], content: Content, lang: str) -> str:
    items = []
    for source in sources:
        accessed = content.t("source.accessed", lang).format(
            date=format_date(source.accessed, content, lang))
        items.append(f"- [{esc(source.title)}]({source.url}), {accessed}")
    return "\n".join(items)


def reviewed_line(value: date, content: Content, lang: str) -> str:
    text = content.t("reviewed", lang).format(date=format_date(value, content, lang))
    return f'<p class="kb-reviewed" id="tarkistettu"><time datetime="{value.isoformat()}">' \
           f"{esc(text)}</time></p>\n\n"


def keywords_line(words: list[str]) -> str:
    """Search words for Pagefind (scripts/postbuild/search.py): base forms, compound
    parts, other names. Hidden from everyone (the hidden attribute and kb.css), so
    screen readers do not read a word list either. Placed before the first h2, so a
    match on them links to the top of the page rather than to its last section."""
    if not words:
        return ""
    return (f'<p class="kb-keywords" hidden data-pagefind-weight="{KEYWORD_WEIGHT}">'
            f'{esc(", ".join(words))}</p>\n\n')


def edit_url(content: Content, source: str) -> str:
    base = content.site.get("repository_url", "").rstrip("/")
    branch = content.site.get("branch", "main")
    return f"{base}/edit/{branch}/{source}"


def copylink_meta(content: Content, lang: str) -> dict[str, str]:
    """Labels of the copy-link buttons (kb-links.js), through the front matter
    because templates cannot read ui.yml; kb-scripts.html escapes them."""
    return {f"kb_copylink_{key}": content.t(f"copylink.{key}", lang)
            for key in ("button", "copied", "failed")}


def page_meta(content: Content, title: str, description: str, source: str,
              **extra: str) -> str:
    return front_matter(title=title, description=description,
                        edit_url=edit_url(content, source), **extra)


# --- regions ----------------------------------------------------------------------

def render_region_index(content: Content, lang: str) -> RenderedPage:
    t = lambda key: content.t(key, lang)  # noqa: E731
    path = region_path()
    out = [page_meta(content, t("regions.title"), t("regions.description"),
                     "content/regions/municipalities.csv"),
           f"# {esc(t('regions.title'))} {{#otsikko}}\n\n", f"{t('regions.intro')}\n\n",
           f"| {t('regions.col.name')} | {t('regions.col.brand')} | "
           f"{t('regions.col.language')} | {t('regions.col.municipalities')} |\n",
           "|---|---|---|---:|\n"]
    for region in sorted(content.regions.values(), key=lambda r: r.name.get(lang)):
        out.append(f"| [{esc(region.name.get(lang))}]({rel(path, region_path(region.id))})"
                   f" | {esc(region.brand_name or '')} | {t('language.' + region.language)} | "
                   f"{len(content.municipalities_of(region.id))} |\n")
    out.append(f"\n## {esc(t('regions.lookup.title'))} {{#kunta-alue-haku}}\n\n")
    out.append(f"{t('regions.lookup.intro')}\n\n")
    out.append(f"| {t('regions.col.municipality')} | {t('regions.col.municipality_other')} | "
               f"{t('regions.col.region')} | {t('regions.col.language')} |\n|---|---|---|---|\n")
    for m in sorted(content.municipalities, key=lambda m: m.name(lang)):
        region = content.regions[m.region]
        other = m.name_fi if lang == "sv" else (m.name_sv or "")
        other_md = span(other, other_lang(lang), lang) if other and other != m.name(lang) else ""
        out.append(f"| {esc(m.name(lang))} | {other_md} | "
                   f"[{esc(region.name.get(lang))}]({rel(path, region_path(region.id))}) | "
                   f"{t('language.' + m.language)} |\n")
    for m in content.municipalities:
        for change in m.former:
            out.append("\n" + merged_note(change, m, content, lang, path) + "\n")
    return RenderedPage(path, "".join(out))


def merged_note(change, municipality: Municipality, content: Content, lang: str,
                from_path: str) -> str:
    region = content.regions[municipality.region]
    return content.t("municipality.merged", lang).format(
        old=esc(change.name.get(lang)), new=esc(municipality.name(lang)),
        date=format_date(change.date, content, lang),
        region=f"[{esc(region.name.get(lang))}]({rel(from_path, region_path(region.id))})")


def render_region(region: Region, content: Content, lang: str) -> RenderedPage:
    t = lambda key: content.t(key, lang)  # noqa: E731
    path = region_path(region.id)
    source_file = f"content/regions/{region.id}.yml"
    name = region.name.get(lang)
    description = region.summary.get(lang) if region.summary else name
    out = [page_meta(content, name, plain_text(description), source_file,
                     kb_region=region.id, **copylink_meta(content, lang)),
           f"# {esc(name)} {{#otsikko}}\n\n", reviewed_line(region.reviewed, content, lang),
           keywords_line([n for n in [region.brand_name, *region.other_names] if n])]
    if region.summary:
        out.append(resolve_links(region.summary.get(lang), path, lang) + "\n\n")
    out.append(_region_basic_facts(region, content, lang))
    out.append(_region_municipalities(region, content, lang, path))
    out.append(f"## {esc(t('region.structures'))} {{#yhteistyorakenteet}}\n\n")
    if not region.structures:
        out.append(f"{t('region.no_structures')}\n\n")
    for structure in region.structures:
        out.append(_structure(structure, content, lang, path))
    out.append(f"## {esc(t('region.contacts'))} {{#yhteystiedot}}\n\n")
    if not region.contacts:
        out.append(f"{t('region.no_contacts')}\n\n")
    for contact in region.contacts:
        out.append(_contact(contact, content, lang))
    out.append(f"## {esc(t('region.sources'))} {{#lahteet}}\n\n")
    out.append(sources_list(region.sources, content, lang) + "\n")
    return RenderedPage(path, "".join(out))


def plain_text(markdown: str) -> str:
    text = re.sub(r"\]\([^)]*\)", "]", markdown)
    text = re.sub(r"\{[^}]*\}", "", text)
    return re.sub(r"[*_`\[\]]", "", text).strip()


def _region_basic_facts(region: Region, content: Content, lang: str) -> str:
    t = lambda key: content.t(key, lang)  # noqa: E731
    rows = [(t("region.field.name_fi"), span(region.name.fi, "fi", lang)),
            (t("region.field.name_sv"), span(region.name.sv, "sv", lang)),
            (t("region.field.name_en"), span(region.name.en, "en", lang))]
    if region.brand_name:
        rows.append((t("region.field.brand"), esc(region.brand_name)))
    if region.other_names:
        rows.append((t("region.field.other_names"), ", ".join(esc(n) for n in region.other_names)))
    rows.append((t("region.field.kind"), t("kind." + region.kind)))
    rows.append((t("region.field.language"), t("language." + region.language)))
    rows.append((t("region.field.website"), f"[{esc(region.website)}]({region.website})"))
    if region.website_sv:
        rows.append((t("region.field.website_sv"), f"[{esc(region.website_sv)}]({region.website_sv})"))
    body = "".join(f"{label}\n:   {value}\n\n" for label, value in rows)
    return f"## {esc(t('region.basic'))} {{#perustiedot}}\n\n{body}"


def _region_municipalities(region: Region, content: Content, lang: str, path: str) -> str:
    t = lambda key: content.t(key, lang)  # noqa: E731
    municipalities = sorted(content.municipalities_of(region.id), key=lambda m: m.name(lang))
    out = [f"## {esc(t('region.municipalities'))} {{#kunnat}}\n\n",
           t("region.municipality_count").format(count=len(municipalities)) + "\n\n"]
    for m in municipalities:
        other = m.name_fi if lang == "sv" else m.name_sv
        extra = f" ({span(other, other_lang(lang), lang)})" if other and other != m.name(lang) else ""
        status = "" if m.language == "fi" else f" – {t('language.' + m.language)}"
        out.append(f"- {esc(m.name(lang))}{extra}{status}\n")
    for m in municipalities:
        for change in m.former:
            out.append("\n" + merged_note(change, m, content, lang, path) + "\n")
    return "".join(out) + "\n"


def _structure(structure, content: Content, lang: str, path: str) -> str:
    t = lambda key: content.t(key, lang)  # noqa: E731
    out = [f"### {esc(structure.name.get(lang))} {{#{structure.id}}}\n\n",
           f'<p class="kb-type">{esc(t("structure_type." + structure.type))}</p>\n\n',
           resolve_links(structure.description.get(lang), path, lang) + "\n\n"]
    facts = []
    if structure.decided_by:
        facts.append(f"- {t('structure.decided_by')}: {esc(structure.decided_by.get(lang))}")
    if structure.since:
        facts.append(f"- {t('structure.since')}: {_partial_date(structure.since, content, lang)}")
    if structure.url:
        facts.append(f"- {t('structure.url')}: [{esc(structure.url)}]({structure.url})")
    if facts:
        out.append("\n".join(facts) + "\n\n")
    out.append(f"{t('structure.sources')}:\n\n{sources_list(structure.sources, content, lang)}\n\n")
    return "".join(out)


def _partial_date(value: str, content: Content, lang: str) -> str:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return format_date(date(*parts), content, lang)
    if len(parts) == 2:
        return content.t("date.month_format", lang).format(m=parts[1], y=parts[0])
    return str(parts[0])


def _contact(contact, content: Content, lang: str) -> str:
    t = lambda key: content.t(key, lang)  # noqa: E731
    out = [f"### {esc(contact.role.get(lang))} {{#{contact.id}}}\n\n",
           f"- {t('contact.organisation')}: {esc(contact.organisation.get(lang))}\n"]
    if contact.url:
        out.append(f"- {t('contact.page')}: [{esc(contact.url)}]({contact.url})\n")
    if contact.email:
        out.append(f"- {t('contact.email')}: [{esc(contact.email)}](mailto:{contact.email})\n")
    if contact.phone:
        tel = contact.phone.replace(" ", "")
        out.append(f"- {t('contact.phone')}: [{esc(contact.phone)}](tel:{tel})\n")
    out.append(f"\n{t('structure.sources')}:\n\n{sources_list(contact.sources, content, lang)}\n\n")
    return "".join(out)


# --- FAQ --------------------------------------------------------------------------

def answers_of(content: Content, topic_id: str) -> list[Answer]:
    return sorted((a for a in content.answers.values() if a.topic == topic_id),
                  key=lambda a: a.id)


def render_faq_index(content: Content, lang: str) -> RenderedPage:
    t = lambda key: content.t(key, lang)  # noqa: E731
    path = answer_path()
    out = [page_meta(content, t("faq.title"), t("faq.description"), "content/faq/topics.yml"),
           f"# {esc(t('faq.title'))} {{#otsikko}}\n\n{t('faq.intro')}\n\n"]
    for topic in content.topics.values():
        out.append(f"## [{esc(topic.name.get(lang))}]({rel(path, answer_path(topic.id))}) "
                   f"{{#{topic.id}}}\n\n{resolve_links(topic.description.get(lang), path, lang)}\n\n")
        for answer in answers_of(content, topic.id):
            question = answer.texts[lang].meta.question
            out.append(f"- [{esc(question)}]({rel(path, answer_path(answer.id))})\n")
        out.append("\n")
    return RenderedPage(path, "".join(out))


def render_topic(topic, content: Content, lang: str) -> RenderedPage:
    path = answer_path(topic.id)
    out = [page_meta(content, topic.name.get(lang), plain_text(topic.description.get(lang)),
                     "content/faq/topics.yml"),
           f"# {esc(topic.name.get(lang))} {{#otsikko}}\n\n"
           f"{resolve_links(topic.description.get(lang), path, lang)}\n\n"]
    for answer in answers_of(content, topic.id):
        text = answer.texts[lang]
        out.append(f"## {alias_anchors(answer)}[{esc(text.meta.question)}]"
                   f"({rel(path, answer_path(answer.id))}) {{#{answer.id}}}\n\n"
                   f"{resolve_links(text.meta.answer, path, lang)}\n\n")
    return RenderedPage(path, "".join(out))


def render_answer(answer: Answer, content: Content, lang: str) -> RenderedPage:
    t = lambda key: content.t(key, lang)  # noqa: E731
    text = answer.texts[lang]
    meta = text.meta
    path = answer_path(answer.id)
    topic = content.topics[answer.topic]
    out = [page_meta(content, meta.question, plain_text(meta.answer), content.source_path(text.path),
                     kb_answer=answer.id, kb_keywords=", ".join(meta.keywords),
                     **copylink_meta(content, lang)),
           f"# {esc(meta.question)} {{#otsikko}}\n\n",
           reviewed_line(meta.reviewed, content, lang),
           outdated_notice(answer, content, lang),
           f"{resolve_links(meta.answer, path, lang)}\n{{: .kb-lead #vastaus}}\n\n",
           keywords_line(meta.keywords),
           resolve_links(text.body.strip(), path, lang) + "\n\n"]
    if answer.regions:
        out.append(f"## {esc(t('answer.regions'))} {{#alueet}}\n\n")
        for region_id in answer.regions:
            region = content.regions[region_id]
            out.append(f"- [{esc(region.name.get(lang))}]"
                       f"({rel(path, region_path(region_id))})\n")
        out.append("\n")
    out.append(f"## {esc(t('answer.sources'))} {{#lahteet}}\n\n"
               f"{sources_list(meta.sources, content, lang)}\n\n")
    out.append(f"{t('answer.topic')}: [{esc(topic.name.get(lang))}]"
               f"({rel(path, answer_path(topic.id))})\n\n")
    return RenderedPage(path, "".join(out))


def outdated_notice(answer: Answer, content: Content, lang: str) -> str:
    """On a translation whose Finnish original changed since it was checked
    (translations.py), tell readers and link the Finnish page."""
    if lang == "fi" or translations.answer_status(answer) != translations.OUTDATED:
        return ""
    # Raw HTML: a link into the other language's tree, which MkDocs does not know.
    path = answer_path(answer.id)
    link = (f'<a href="{to_site_root(path, lang)}{page_dir(path)}" '
            f'hreflang="fi">{esc(content.t("translation.outdated_link", lang))}</a>')
    text = content.t("translation.outdated", lang).format(link=link)
    return f'<p class="kb-translation-outdated" role="note">{text}</p>\n\n'


# --- translation status (for editors; not in the navigation) ------------------------

TRANSLATIONS_PATH = "kaannokset.md"


def render_translation_status(content: Content, lang: str) -> RenderedPage:
    t = lambda key: content.t(key, lang)  # noqa: E731
    items = translations.translation_items(content)
    counts = {s: sum(1 for i in items if i.status == s) for s in translations.STATUSES}
    out = [page_meta(content, t("translations.title"), t("translations.description"),
                     "content/ui.yml"),
           f"# {esc(t('translations.title'))} {{#otsikko}}\n\n{t('translations.intro')}\n\n",
           t("translations.summary").format(**counts) + "\n\n"]
    for status, anchor in ((translations.OUTDATED, "vanhentuneet"),
                           (translations.UNTRACKED, "seuraamattomat"),
                           (translations.MISSING, "puuttuvat")):
        out.append(f"## {esc(t('translations.' + status))} {{#{anchor}}}\n\n")
        chosen = [i for i in items if i.status == status]
        out.append(_translation_list(chosen, content, lang) if chosen
                   else f"{esc(t('translations.none'))}\n\n")
    return RenderedPage(TRANSLATIONS_PATH, "".join(out))


def _translation_list(items: list, content: Content, lang: str) -> str:
    """Raw HTML so that data-pagefind-ignore keeps questions listed here out of search
    results (readers should find the answer itself, not this page)."""
    rows = []
    for item in items:
        source = content.source_path(item.path)
        page = region_path(item.id) if item.kind == "region" else answer_path(item.id)
        title = esc(item.title(content, lang))
        if item.status != translations.MISSING:  # a missing page cannot be linked
            title = f'<a href="../{page.removesuffix("index.md")}">{title}</a>'
        paste = (f' – {esc(content.t("translations.paste", lang))}: '
                 f"<code>{esc(item.field)}: {esc(item.expected or '')}</code>"
                 if item.expected and item.status != translations.MISSING else "")
        rows.append(f'<li>{title} – <a href="{esc(edit_url(content, source))}">'
                    f"<code>{esc(source)}</code></a>{paste}</li>")
    return '<ul data-pagefind-ignore="all">\n' + "\n".join(rows) + "\n</ul>\n\n"


# --- hand-written pages -----------------------------------------------------------

def render_page(page, content: Content, lang: str) -> RenderedPage:
    path = "index.md" if page.slug == "" else f"{page.slug}.md"
    out = [page_meta(content, page.title, page.title, content.source_path(page.path)),
           f"# {esc(page.title)} {{#otsikko}}\n\n",
           resolve_links(page.body.strip(), path, lang), "\n\n"]
    if page.slug == "":
        out.append(_home_extras(content, lang, path))
    return RenderedPage(path, "".join(out))


def recently_reviewed(content: Content, lang: str, limit: int) -> list[AnswerText]:
    """The most recently reviewed answers of one language, newest first (home page, feeds)."""
    texts = sorted((a.texts[lang] for a in content.answers.values()),
                   key=lambda t: (t.meta.reviewed, t.meta.id), reverse=True)
    return texts[:limit]


def _home_extras(content: Content, lang: str, path: str) -> str:
    t = lambda key: content.t(key, lang)  # noqa: E731
    out = [f"## {esc(t('home.regions'))} {{#alueet}}\n\n",
           t("home.regions_text").format(link=rel(path, region_path())) + "\n\n",
           f"## {esc(t('home.latest'))} {{#viimeksi-tarkistetut}}\n\n"]
    for text in recently_reviewed(content, lang, LATEST_COUNT):
        meta = text.meta
        out.append(f"- [{esc(meta.question)}]({rel(path, answer_path(meta.id))}) – "
                   f"{format_date(meta.reviewed, content, lang)}\n")
    return "".join(out) + "\n"


# --- the whole site ---------------------------------------------------------------

def render_language(content: Content, lang: str) -> list[RenderedPage]:
    pages = [render_region_index(content, lang), render_faq_index(content, lang)]
    pages += [render_region(r, content, lang) for r in content.regions.values()]
    pages += [render_topic(topic, content, lang) for topic in content.topics.values()]
    pages += [render_answer(a, content, lang) for a in content.answers.values()]
    pages += [render_page(p, content, lang) for (page_lang, _), p in content.pages.items()
              if page_lang == lang]
    pages.append(render_translation_status(content, lang))
    return pages


def navigation(content: Content) -> list[str]:
    """The site navigation: small by design. Answers are listed on topic pages."""
    nav = ["index.md", "alueet/index.md", "ukk/index.md"]
    nav += [answer_path(topic_id) for topic_id in content.topics]
    nav += [f"{slug}.md" for (lang, slug) in content.pages if lang == "fi" and slug]
    return nav
