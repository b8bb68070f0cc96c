"""Hand-written pages (docs/<lang>/<slug>.md): about, accessibility, privacy, and the
home page, which also gets generated lists."""

from __future__ import annotations

from kb.content.freshness import recently_reviewed
from kb.content.model import Page

from . import urls
from .render import PageRenderer, RenderedPage, Safe

LATEST_COUNT = 8


def page_path(page: Page) -> str:
    return "index.md" if page.slug == "" else f"{page.slug}.md"


def render_page(r: PageRenderer, page: Page) -> RenderedPage:
    path = page_path(page)
    out = [
        r.front_matter(path, page.title, page.title, r.content.source_path(page.path)),
        r.heading(1, page.title, "otsikko"),
        r.resolve(page.body.strip(), path),
        "\n\n",
    ]
    if page.slug == "":
        out.append(_home_extras(r, path))
    return RenderedPage(path, "".join(out))


def _home_extras(r: PageRenderer, path: str) -> str:
    out = [
        r.heading(2, r.raw("home.regions"), "alueet"),
        r.markdown("home.regions_text", link=Safe(urls.rel(path, urls.region_path()))) + "\n\n",
        r.heading(2, r.raw("home.latest"), "viimeksi-tarkistetut"),
    ]
    for text in recently_reviewed(r.content, r.lang, LATEST_COUNT):
        meta = text.meta
        out.append(f"- {r.link(meta.question, path, urls.answer_path(meta.id))} – {r.date(meta.reviewed)}\n")
    return "".join(out) + "\n"
