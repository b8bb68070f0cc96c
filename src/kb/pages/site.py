"""One language of the site: every page, the navigation, and what the templates need.

`language_site` is what the site generator (kb/build/mkdocs.py) gets for each
language: Markdown pages and plain data, nothing generator-specific.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from kb.config import SiteConfig
from kb.content.model import LANGUAGES, Content

from . import urls
from .calendar import render_calendar
from .compare import render_comparison
from .documents import render_document
from .editors import render_translation_status
from .faq import render_answer, render_faq_index, render_topic
from .glossary import render_glossary
from .head import CONTENT_SECURITY_POLICY, REFERRER_POLICY
from .regions import render_region, render_region_index
from .render import PageRenderer, RenderedPage
from .static import page_path, render_page

NavEntry = str | dict[str, str]  # a page path (titled by its page), or {label: path}


@dataclass(frozen=True)
class LanguageSite:
    lang: str
    name: str
    description: str
    url: str  # the language's home, absolute (its site_url)
    pages: list[RenderedPage]
    nav: list[NavEntry]  # page paths (or {label: path}), in order
    theme: dict[str, Any] = field(default_factory=dict)  # for the templates: config.extra.kb


def render_language(content: Content, lang: str, config: SiteConfig) -> list[RenderedPage]:
    r = PageRenderer(content, lang, config)
    pages = [render_region_index(r), render_calendar(r), render_comparison(r), render_faq_index(r)]
    pages += [render_region(r, region) for region in content.regions.values()]
    pages += [render_topic(r, topic) for topic in content.topics.values()]
    pages += [render_answer(r, answer) for answer in content.answers.values()]
    pages += [render_page(r, page) for (page_lang, _), page in content.pages.items() if page_lang == lang]
    pages += [render_document(r, key, document) for key, document in content.documents.items()]
    if content.glossary:  # a project without content/glossary.yml has no glossary page
        pages.append(render_glossary(r))
    pages.append(render_translation_status(r))
    return pages


def navigation(content: Content, lang: str) -> list[NavEntry]:
    """The site navigation: small by design. Answers are listed on topic pages.
    The county list has a label of its own: its title ("Hyvinvointialueet") is also
    the name of an FAQ topic, and two entries must never read the same."""
    regions = {str(content.ui["nav.regions"].get(lang)): urls.region_path()}
    nav: list[NavEntry] = [
        "index.md",
        regions,
        urls.calendar_path(),
        urls.comparison_path(),
        urls.answer_path(),
    ]
    nav += [urls.answer_path(topic_id) for topic_id in content.topics]
    if content.glossary:
        nav.append(urls.glossary_path())
    nav += [page_path(page) for (lang, slug), page in content.pages.items() if lang == LANGUAGES[0] and slug]
    return nav


def theme_data(content: Content, lang: str, config: SiteConfig) -> dict[str, Any]:
    """Everything the templates (src/kb/theme/overrides) print besides the page itself; plain
    values, escaped by the templates."""

    def label(key: str, language: str = lang) -> str:
        return str(getattr(content.ui[key], language))

    search = {key.removeprefix("search."): label(key) for key in content.ui if key.startswith("search.")}
    return {
        "lang": lang,
        "csp": CONTENT_SECURITY_POLICY,
        "referrer": REFERRER_POLICY,
        "feed": "feed.xml",  # from this language's root (kb/outputs/feeds.py)
        "pagefind": urls.to_site_root("index.md", lang) + f"{urls.SEARCH_BUNDLE}/pagefind.js",
        "copylink": {key: label(f"copylink.{key}") for key in ("button", "copied", "failed")},
        # The primary tasks, one tap away on every page (partials/kb-tasks.html).
        "tasks": {
            "label": label("tasks.label"),
            "items": [
                # Directory URLs from the language root (the template's `url` filter
                # makes them relative); the finder is at the home page's #oma-alue.
                {"text": label("tasks.region"), "url": "./", "anchor": "#oma-alue"},  # the home page
                {"text": label("tasks.calendar"), "url": urls.page_dir(urls.calendar_path()), "anchor": ""},
                {"text": label("tasks.faq"), "url": urls.page_dir(urls.answer_path()), "anchor": ""},
            ],
        },
        # One JSON string (kb-search.js reads it from a data attribute).
        "search_labels": json.dumps(search, ensure_ascii=False, sort_keys=True),
        # The 404 page speaks every language: static hosts serve one for the whole site.
        "notfound": [
            {
                "lang": other,
                "title": label("notfound.title", other),
                "text": label("notfound.text", other),
                "home": label("notfound.home", other),
                "url": urls.language_root(config.site_url, other),
            }
            for other in LANGUAGES
        ],
        "languages": [
            {
                "lang": other,
                "name": label("site.language_name", other),
                "url": urls.language_root(config.site_url, other),
            }
            for other in LANGUAGES
        ],
    }


def language_site(content: Content, lang: str, config: SiteConfig) -> LanguageSite:
    return LanguageSite(
        lang=lang,
        name=content.ui["site.name"].get(lang),
        description=content.ui["site.description"].get(lang),
        url=urls.language_root(config.site_url, lang),
        pages=render_language(content, lang, config),
        nav=navigation(content, lang),
        theme=theme_data(content, lang, config),
    )
