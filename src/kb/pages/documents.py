"""Sources that have no web address (content/sources/<id>.yml), each with a page so that
a source citing it opens: /lahteet/<id>/ in each language. The page says who published
the text and when, where it is kept, and what it says that the site uses."""

from __future__ import annotations

from kb.content import layout
from kb.content.model import SourceDocument

from . import urls
from .render import PageRenderer, RenderedPage


def render_document(r: PageRenderer, document_id: str, document: SourceDocument) -> RenderedPage:
    path = urls.document_path(document_id)
    out = [
        r.front_matter(
            path, document.title, r.raw("document.description"), layout.source_document_file(document_id)
        ),
        f"# {r.span(document.title, document.language)} {{#otsikko}}\n\n",
        _facts(r, document),
        "\n{: .kb-document__facts}\n\n",
        r.heading(2, r.raw("document.summary"), "sisalto"),
        r.resolve(document.summary.get(r.lang), path),
        "\n\n",
        r.heading(2, r.raw("document.kept"), "saatavuus"),
        r.resolve(document.kept.get(r.lang), path),
        "\n",
    ]
    return RenderedPage(path, "".join(out))


def _facts(r: PageRenderer, document: SourceDocument) -> str:
    if document.published is None:
        return r.label("document.publisher", publisher=document.publisher)
    return r.label("document.facts", publisher=document.publisher, date=r.partial_date(document.published))
