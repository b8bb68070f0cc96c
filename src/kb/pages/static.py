"""Hand-written pages (docs/<lang>/<slug>.md): about, accessibility, privacy, and the
home page, whose text kb/pages/home.py puts around the finder and the generated lists."""

from __future__ import annotations

from kb.content.model import Page

from .home import render_home
from .render import PageRenderer, RenderedPage


def page_path(page: Page) -> str:
    return "index.md" if page.slug == "" else f"{page.slug}.md"


def render_page(r: PageRenderer, page: Page) -> RenderedPage:
    if page.slug == "":
        return render_home(r, page)
    path = page_path(page)
    out = [
        r.front_matter(path, page.title, page.title, r.content.source_path(page.path)),
        r.heading(1, page.title, "otsikko"),
        r.resolve(page.body.strip(), path),
        "\n\n",
    ]
    return RenderedPage(path, "".join(out))
