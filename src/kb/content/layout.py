"""Where the content lives: every source path of the repository, spelt once.

Paths are POSIX strings relative to the project root (the folder holding
content/ and docs/), so they serve both for reading (`root / REGIONS`) and for
"edit this page" links, which point at the same file in the repository.
See CONTRIBUTING.md for what editors put in each file.
"""

from __future__ import annotations

CONTENT = "content"
SITE_SETTINGS = "content/site.yml"  # repository address, branch
LABELS = "content/ui.yml"  # every label of the generated pages, fi and sv
REGIONS = "content/regions"  # one <id>.yml per county and Helsinki
MUNICIPALITIES = "content/regions/municipalities.csv"
MUNICIPALITY_NOTES = "content/regions/municipalities.yml"  # the table's source; mergers
ASSOCIATIONS = "content/regions/associations.yml"  # PRH's registered associations by region
GLOSSARY = "content/glossary.yml"  # the terms fi / sv / en (the /sanasto/ page)
TOPICS = "content/faq/topics.yml"
FAQ = "content/faq"  # <topic>/<id>.fi.md and <id>.sv.md
EVENTS = "content/events"  # one <id>.yml per event
SOURCES = "content/sources"  # copies of texts that have no web address
PAGES = "docs"  # hand-written pages: docs/<lang>/<slug>.md
SCHEMAS = "schemas"  # JSON Schemas for editors (generated)


def region_file(region_id: str) -> str:
    return f"{REGIONS}/{region_id}.yml"


def answer_file(topic_id: str, answer_id: str, lang: str) -> str:
    return f"{FAQ}/{topic_id}/{answer_id}.{lang}.md"


def page_file(lang: str, slug: str) -> str:
    """A hand-written page; the home page's slug is ""."""
    return f"{PAGES}/{lang}/{slug or 'index'}.md"


def event_file(event_id: str) -> str:
    return f"{EVENTS}/{event_id}.yml"


def source_document_file(document_id: str) -> str:
    return f"{SOURCES}/{document_id}.yml"
