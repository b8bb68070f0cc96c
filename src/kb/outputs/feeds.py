"""Atom feeds (RFC 4287): the most recently reviewed answers, one feed per language,
at each language's root (/feed.xml, /sv/feed.xml; the page head links them)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from xml.etree import ElementTree as ET

from kb.config import SiteConfig
from kb.content.freshness import recently_reviewed
from kb.content.markdown import renderer, to_plain_text
from kb.content.model import LANGUAGES, Content
from kb.pages import urls

from .opendata import CONTENT_LICENCE_SHORT

ATOM = "http://www.w3.org/2005/Atom"
FEED_FILE = "feed.xml"
FEED_LENGTH = 20


def _timestamp(day: date) -> str:
    return datetime.combine(day, time(), UTC).isoformat().replace("+00:00", "Z")


def atom_feed(content: Content, lang: str, config: SiteConfig) -> bytes:
    ET.register_namespace("", ATOM)
    texts = recently_reviewed(content, lang, FEED_LENGTH)
    home = urls.language_root(config.site_url, lang)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        element.text = text
        return element

    site_name = content.ui["site.name"].get(lang)
    sub(feed, "id", home + FEED_FILE)
    sub(feed, "title", f"{site_name}: {content.ui['home.latest'].get(lang)}")
    sub(feed, "link", rel="self", href=home + FEED_FILE, type="application/atom+xml")
    sub(feed, "link", rel="alternate", href=home, type="text/html")
    # An empty feed is as new as the build (the declared build date, not the clock).
    sub(feed, "updated", _timestamp(max((t.meta.reviewed for t in texts), default=config.build_date)))
    sub(sub(feed, "author"), "name", site_name)
    sub(feed, "rights", CONTENT_LICENCE_SHORT)
    md = renderer()
    for text in texts:
        url = urls.page_url(config.site_url, lang, urls.answer_path(text.meta.id))
        entry = sub(feed, "entry")
        sub(entry, "id", url)
        sub(entry, "title", text.meta.question)
        sub(entry, "link", rel="alternate", href=url, type="text/html")
        sub(entry, "updated", _timestamp(text.meta.reviewed))
        sub(entry, "summary", to_plain_text(text.meta.answer, md))
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def run(site: Path, content: Content, config: SiteConfig) -> bool:
    for lang in LANGUAGES:
        (site / urls.site_path(lang, FEED_FILE)).write_bytes(atom_feed(content, lang, config))
    return True
