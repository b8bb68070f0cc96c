"""Post-build step: an HTML page at every old answer address, in both languages.

An answer whose id had to change keeps the old id in `aliases`. The content
layer lists a row per alias and language (scripts/sitegen/redirects.py); this
step turns each row into site/[sv/]ukk/<alias>/index.html:

- the right `lang`, a <title>, `<link rel="canonical">` to the new absolute URL;
- `<meta http-equiv="refresh">` and a visible plain link, so it works without
  JavaScript. Both are relative, so a preview copy of the site redirects
  within itself;
- kb-links.js with data-redirect, loaded *before* the refresh tag: it goes to
  the new address keeping the #anchor, which a refresh would drop.

Why not mkdocs-redirects: docs/decisions/0003-redirects.md. A stub never
overwrites a real page: validation already refuses an alias equal to an id,
and this step fails the build if the file exists anyway.
"""

from __future__ import annotations

import html
import posixpath
import sys
from pathlib import Path

from sitegen.model import Content
from sitegen.redirects import Redirect, redirect_table
from sitegen.urls import LANGUAGE_PREFIX, page_url

SCRIPT = "assets/kb-links.js"      # theme asset, at the site root only

STUB = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title}</title>
<link rel="canonical" href="{canonical}">
<script src="{script}" data-redirect="{target}"></script>
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>{moved} <a href="{target}">{title}</a></p>
</body>
</html>
"""


def stub_html(row: Redirect, canonical: str) -> str:
    source = LANGUAGE_PREFIX[row.lang] + row.source
    depth = source.rstrip("/").count("/") + 1
    target = posixpath.relpath(row.target, row.source) + "/"
    return STUB.format(lang=row.lang, title=html.escape(row.title), canonical=html.escape(canonical),
                       script="../" * depth + SCRIPT, target=html.escape(target),
                       moved=html.escape(row.moved))


def write_stub(site: Path, row: Redirect, base_url: str) -> str | None:
    """Write one stub; returns a problem instead when it must not be written."""
    prefix = LANGUAGE_PREFIX[row.lang]
    stub = site / prefix / row.source / "index.html"
    target = site / prefix / row.target / "index.html"
    old, new = f"/{prefix}{row.source}", f"/{prefix}{row.target}"
    if stub.exists():
        return (f"the alias {old} would overwrite a real page; an old id must never be "
                "the id of an existing page: remove it from `aliases`")
    if not target.is_file():
        return f"the alias {old} points to {new}, which was not built"
    stub.parent.mkdir(parents=True, exist_ok=True)
    stub.write_text(stub_html(row, page_url(base_url, row.lang, row.target)), encoding="utf-8")
    return None


def write_stubs(site: Path, rows: list[Redirect], base_url: str) -> bool:
    problems = [p for p in (write_stub(site, row, base_url) for row in rows) if p]
    for problem in problems:
        print(f"redirects: {problem}", file=sys.stderr)
    if rows and not problems:
        print(f"Redirects: wrote {len(rows)} stubs for old answer addresses")
    return not problems


def run(site: Path, content: Content, base_url: str) -> bool:
    return write_stubs(site, redirect_table(content), base_url)
