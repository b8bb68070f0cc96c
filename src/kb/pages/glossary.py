"""The glossary page: the terms of content/glossary.yml in Finnish, Swedish and English.

sanasto/index.md    /sanasto/ and /sv/sanasto/, one section per term at #<term-id>

Terms are in the page language's alphabetical order; each heading carries the term's
permanent id, so staff can link one term. The other two languages' forms carry their
own lang attribute (WCAG 3.1.2).
"""

from __future__ import annotations

from kb.content import layout
from kb.content.model import GlossaryTerm

from . import urls
from .render import PageRenderer, RenderedPage, Safe, alphabetical, other_lang


def render_glossary(r: PageRenderer) -> RenderedPage:
    path = urls.glossary_path()
    out = [
        r.front_matter(
            path, r.raw("glossary.title"), r.raw("glossary.description"), layout.GLOSSARY, kb_copylink=True
        ),
        r.heading(1, r.raw("glossary.title"), "otsikko"),
        r.markdown("glossary.intro"),
        "\n\n",
    ]
    terms = sorted(r.content.glossary, key=lambda t: alphabetical(t.term.get(r.lang)))
    out += [_term(r, term, path) for term in terms]
    return RenderedPage(path, "".join(out))


def _term(r: PageRenderer, term: GlossaryTerm, path: str) -> str:
    other = other_lang(r.lang)
    forms = r.label(
        "glossary.forms",
        other=Safe(r.span(term.term.get(other), other)),
        en=Safe(r.span(term.term.en, "en")),
    )
    out = [
        r.heading(2, term.term.get(r.lang), term.id),
        f"{forms}\n\n",
        r.resolve(term.explanation.get(r.lang), path) + "\n\n",
    ]
    if term.sources:
        out.append(f"{r.label('glossary.sources')}:\n\n{r.sources(term.sources, path)}\n\n")
    return "".join(out)
