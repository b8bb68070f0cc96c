"""sitemap.xml (with hreflang alternates) and robots.txt pointing at it.

Every page exists in every language (validation refuses a missing twin), so each
<url> lists all its language versions as <xhtml:link rel="alternate">, the form
search engines read for multilingual sites. One sitemap at the site root covers
both languages; the per-language sitemaps MkDocs writes are replaced by it.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

from kb.config import SiteConfig
from kb.content.model import DEFAULT_LANGUAGE, LANGUAGES
from kb.pages import urls

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
SITEMAP_FILE = "sitemap.xml"


def sitemap_xml(paths: list[str], config: SiteConfig) -> bytes:
    """`paths`: the page paths of one language tree (the same in every language)."""
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    for lang in LANGUAGES:
        for path in sorted(paths):
            entry = ET.SubElement(root, f"{{{SITEMAP}}}url")
            ET.SubElement(entry, f"{{{SITEMAP}}}loc").text = urls.page_url(config.site_url, lang, path)
            for other in LANGUAGES:
                ET.SubElement(
                    entry,
                    f"{{{XHTML}}}link",
                    {
                        "rel": "alternate",
                        "hreflang": other,
                        "href": urls.page_url(config.site_url, other, path),
                    },
                )
            ET.SubElement(
                entry,
                f"{{{XHTML}}}link",
                {
                    "rel": "alternate",
                    "hreflang": "x-default",
                    "href": urls.page_url(config.site_url, DEFAULT_LANGUAGE, path),
                },
            )
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def robots_txt(config: SiteConfig) -> str:
    return f"User-agent: *\nAllow: /\nSitemap: {config.site_url}{SITEMAP_FILE}\n"


def run(site: Path, paths: list[str], config: SiteConfig) -> bool:
    for lang in LANGUAGES:
        for name in (SITEMAP_FILE, SITEMAP_FILE + ".gz"):
            (site / urls.LANGUAGE_PREFIX[lang] / name).unlink(missing_ok=True)
    (site / SITEMAP_FILE).write_bytes(sitemap_xml(paths, config))
    (site / "robots.txt").write_text(robots_txt(config), encoding="utf-8")
    return True
