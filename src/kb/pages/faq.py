"""FAQ pages: the index of topics, one page per topic, one page per answer.

ukk/index.md               /ukk/
ukk/<topic-id>/index.md    /ukk/<topic-id>/ (answers' old ids anchor here too)
ukk/<answer-id>/index.md   /ukk/<answer-id>/ (topic and answer ids never collide)
"""

from __future__ import annotations

from kb.content import layout, translations
from kb.content.markdown import to_plain_text
from kb.content.model import Answer, Topic

from . import urls
from .regions import keywords_line
from .render import PageRenderer, RenderedPage, html_text


def answers_of(r: PageRenderer, topic_id: str) -> list[Answer]:
    return sorted((a for a in r.content.answers.values() if a.topic == topic_id), key=lambda a: a.id)


def render_faq_index(r: PageRenderer) -> RenderedPage:
    path = urls.answer_path()
    out = [
        r.front_matter(path, r.raw("faq.title"), r.raw("faq.description"), layout.TOPICS),
        r.heading(1, r.raw("faq.title"), "otsikko"),
        r.markdown("faq.intro"),
        "\n\n",
    ]
    for topic in r.content.topics.values():
        out.append(
            f"## {r.link(topic.name.get(r.lang), path, urls.answer_path(topic.id))} "
            f"{{#{topic.id}}}\n\n{r.resolve(topic.description.get(r.lang), path)}\n\n"
        )
        for answer in answers_of(r, topic.id):
            question = answer.texts[r.lang].meta.question
            out.append(f"- {r.link(question, path, urls.answer_path(answer.id))}\n")
        out.append("\n")
    return RenderedPage(path, "".join(out))


def alias_anchors(answer: Answer) -> str:
    """Empty elements carrying the old ids, for the answer's heading on its topic page:
    /ukk/<topic>/#<old-id> keeps landing on the answer. Aliases are validated slugs."""
    return "".join(f'<span id="{alias}"></span>' for alias in answer.aliases)


def render_topic(r: PageRenderer, topic: Topic) -> RenderedPage:
    path = urls.answer_path(topic.id)
    name, description = topic.name.get(r.lang), topic.description.get(r.lang)
    out = [
        r.front_matter(path, name, to_plain_text(description), layout.TOPICS),
        r.breadcrumbs(path, [(r.raw("faq.title"), urls.answer_path())]),
        r.heading(1, name, "otsikko"),
        r.resolve(description, path),
        "\n\n",
    ]
    for answer in answers_of(r, topic.id):
        meta = answer.texts[r.lang].meta
        out.append(
            f"## {alias_anchors(answer)}{r.link(meta.question, path, urls.answer_path(answer.id))}"
            f" {{#{answer.id}}}\n\n{r.resolve(meta.answer, path)}\n\n"
        )
    return RenderedPage(path, "".join(out))


def render_answer(r: PageRenderer, answer: Answer) -> RenderedPage:
    text = answer.texts[r.lang]
    meta = text.meta
    path = urls.answer_path(answer.id)
    topic = r.content.topics[answer.topic]
    out = [
        r.front_matter(
            path,
            meta.question,
            to_plain_text(meta.answer),
            r.content.source_path(text.path),
            kb_answer=answer.id,
            kb_keywords=", ".join(meta.keywords),
            kb_copylink=True,
        ),
        r.breadcrumbs(
            path,
            [(r.raw("faq.title"), urls.answer_path()), (topic.name.get(r.lang), urls.answer_path(topic.id))],
        ),
        r.heading(1, meta.question, "otsikko"),
        r.reviewed(meta.reviewed),
        outdated_notice(r, answer),
        f"{r.resolve(meta.answer, path)}\n{{: .kb-lead #vastaus}}\n\n",
        keywords_line(meta.keywords),
        r.resolve(text.body.strip(), path) + "\n\n",
    ]
    if answer.regions:
        out.append(r.heading(2, r.raw("answer.regions"), "alueet"))
        for region_id in answer.regions:
            region = r.content.regions[region_id]
            out.append(f"- {r.link(region.name.get(r.lang), path, urls.region_path(region_id))}\n")
        out.append("\n")
    out.append(r.heading(2, r.raw("answer.sources"), "lahteet") + r.sources(meta.sources, path) + "\n\n")
    out.append(
        f"{r.label('answer.topic')}: {r.link(topic.name.get(r.lang), path, urls.answer_path(topic.id))}\n\n"
    )
    return RenderedPage(path, "".join(out))


def outdated_notice(r: PageRenderer, answer: Answer) -> str:
    """On a translation whose Finnish original changed since it was checked
    (kb/content/translations.py), tell readers and link the Finnish page."""
    if r.lang == "fi" or translations.answer_status(answer) != translations.OUTDATED:
        return ""
    # Raw HTML: a link into the other language's tree, which this MkDocs project does not know.
    path = urls.answer_path(answer.id)
    link = (
        f'<a href="{urls.cross_language(path, r.lang, "fi")}" hreflang="fi">'
        f"{html_text(r.raw('translation.outdated_link'))}</a>"
    )
    # Markdown does not read inside the <p>: the label's text is escaped as HTML.
    text = html_text(r.raw("translation.outdated")).replace("{link}", link)
    return f'<p class="kb-translation-outdated" role="note">{text}</p>\n\n'
