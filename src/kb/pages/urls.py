"""The URL contract in one place (docs/decisions/0002-urls.md).

Where each page lives, how a language is prefixed, and where editors' site
links (`alue:`, `ukk:`, `aihe:`, `kalenteri:`, `avoindata:`; their syntax: kb/content/links.py)
point. The pages (relative links between generated pages), open data and feeds
(absolute URLs) and redirects all ask this module, so a path is never spelt twice.

Page paths are the generated Markdown files' paths relative to a language
root ("ukk/hakuajat/index.md"); `page_dir` turns one into the directory URL
the reader sees ("ukk/hakuajat/").
"""

from __future__ import annotations

import posixpath

from kb.content.links import REPOSITORY_SCHEME, resolve_site_links
from kb.content.model import DEFAULT_LANGUAGE, LANGUAGES

# "" for the default language at the site root, "sv/" for the others. The only
# place that knows where each language lives.
LANGUAGE_PREFIX: dict[str, str] = {lang: "" if lang == DEFAULT_LANGUAGE else f"{lang}/" for lang in LANGUAGES}


OPEN_DATA_DIR = "data"  # site/data/: the open-data files (kb/outputs/opendata.py)
SEARCH_BUNDLE = "pagefind"  # site/pagefind/: the search index of every language (kb/outputs/search.py)


def region_path(region_id: str = "") -> str:
    """A county page, or the county list when no id is given."""
    return f"alueet/{region_id}/index.md" if region_id else "alueet/index.md"


def answer_path(answer_or_topic_id: str = "") -> str:
    """An answer or a topic page (they share /ukk/), or the FAQ index."""
    return f"ukk/{answer_or_topic_id}/index.md" if answer_or_topic_id else "ukk/index.md"


def calendar_path() -> str:
    """The national calendar of grant rounds and events."""
    return "kalenteri/index.md"


def comparison_path() -> str:
    """The comparison across counties (kb/pages/compare.py)."""
    return "vertailu/index.md"


def calendar_feed(region_id: str = "") -> str:
    """An iCalendar feed, from a language's root: the whole country
    ('kalenteri/avustushaut.ics') or one county ('kalenteri/<region-id>.ics')."""
    return f"kalenteri/{region_id or NATIONAL_FEED}.ics"


NATIONAL_FEED = "avustushaut"  # no county has this id (county ids are the counties' names)


def document_path(document_id: str) -> str:
    """The page of a source's copy published on this site (content/sources/<id>.md)."""
    return f"lahteet/{document_id}/index.md"


def glossary_path() -> str:
    """The glossary: every recurring term in fi, sv and en (kb/pages/glossary.py)."""
    return "sanasto/index.md"


def link_path(scheme: str, target: str) -> str | None:
    """The page an editor's `scheme:target` link points to, or None for other schemes."""
    if scheme == "alue":
        return region_path(target)
    if scheme in ("ukk", "aihe"):
        return answer_path(target)
    if scheme == "kalenteri":
        return calendar_path()
    return None


def page_dir(path: str) -> str:
    """'ukk/hakuajat/index.md' -> 'ukk/hakuajat/'; 'tietoa.md' -> 'tietoa/'; 'index.md' -> ''."""
    if path.endswith("index.md"):
        return path.removesuffix("index.md")
    return path.removesuffix(".md") + "/"


def rel(from_path: str, to_path: str) -> str:
    """Relative Markdown link between two generated files; keeps a #anchor."""
    target_file, _, anchor = to_path.partition("#")
    start = posixpath.dirname(from_path) or "."
    return posixpath.relpath(target_file, start) + (f"#{anchor}" if anchor else "")


def html_href(from_path: str, to_path: str) -> str:
    """A directory URL between two generated pages, for raw HTML (MkDocs does not
    rewrite links there): ('index.md', 'alueet/x/index.md#y') -> 'alueet/x/#y'."""
    target, _, anchor = to_path.partition("#")
    start = page_dir(from_path).rstrip("/") or "."
    relative = posixpath.relpath(page_dir(target).rstrip("/") or ".", start)
    return ("./" if relative == "." else relative + "/") + (f"#{anchor}" if anchor else "")


def to_language_root(from_path: str) -> str:
    """'../' steps from the page of `from_path` up to its language's root."""
    return "../" * page_dir(from_path).count("/")


def to_site_root(from_path: str, lang: str) -> str:
    """'../' steps from the page of `from_path` in `lang` up to the site root."""
    depth = page_dir(from_path).count("/") + LANGUAGE_PREFIX[lang].count("/")
    return "../" * depth


def page_url(base_url: str, lang: str, path: str) -> str:
    """Absolute URL of a page path ('ukk/hakuajat/index.md' or 'ukk/hakuajat/') in one language."""
    return base_url.rstrip("/") + "/" + site_path(lang, path)


def site_path(lang: str, path: str) -> str:
    """A page's path from the site root: ('sv', 'ukk/x/index.md') -> 'sv/ukk/x/'."""
    directory = page_dir(path) if path.endswith(".md") else path
    return LANGUAGE_PREFIX[lang] + directory


def language_root(base_url: str, lang: str) -> str:
    """The absolute address of a language's home page (its site_url)."""
    return base_url.rstrip("/") + "/" + LANGUAGE_PREFIX[lang]


def cross_language(path: str, from_lang: str, to_lang: str) -> str:
    """Relative link from a page in `from_lang` to the same page in `to_lang`
    ('alueet/x/index.md', 'sv', 'fi' -> '../../../alueet/x/')."""
    return to_site_root(path, from_lang) + site_path(to_lang, path)


def relative_site_path(from_path: str, lang: str, target: str) -> str:
    """Relative link from a page in `lang` to a path from the site root ('data/x.json')."""
    return to_site_root(from_path, lang) + target


def repository_url_of(repository_url: str, page: str) -> str:
    """A page of the project's repository: ("https://github.com/o/r", "issues") ->
    "https://github.com/o/r/issues"; "" is the repository itself."""
    base = repository_url.rstrip("/")
    return f"{base}/{page}" if page else base


def resolve_links(
    markdown: str, from_path: str, lang: str, base_url: str | None = None, repository_url: str = ""
) -> str:
    """Editors' site links rewritten as real links (kb/content/links.py, shared with the
    HTML policy, which judges the text rewritten the same way).

    Relative links between generated pages by default (so MkDocs checks them
    in --strict mode), or absolute URLs when `base_url` is given (open data).
    `repositorio:` links become addresses under `repository_url` (the build's setting);
    without one (open data) they are left as written.
    """

    def page_address(scheme: str, target: str) -> str | None:
        if scheme == REPOSITORY_SCHEME:
            return repository_url_of(repository_url, target) if repository_url else None
        path = link_path(scheme, target)
        if path is None:
            return None
        return page_url(base_url, lang, path) if base_url else rel(from_path, path)

    def data_url(name: str) -> str:
        root = base_url.rstrip("/") + "/" if base_url else to_site_root(from_path, lang)
        return f"{root}{OPEN_DATA_DIR}/{name}"

    return resolve_site_links(markdown, page_address, data_url)
