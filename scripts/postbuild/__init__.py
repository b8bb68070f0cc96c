"""Steps that run on the HTML MkDocs wrote, before the site is swapped into place.

Order matters: redirect stubs and data files first, then the search index
(it indexes the final HTML), then compression of the finished text files.
Each step returns False (after printing why) to fail the build. Steps that need
the content get the model the build validated, and the site's address.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sitegen.model import Content

from . import compress, headers, opendata, redirects, search

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def site_base_url(site: Path) -> str:
    """The site's address, from the built home page, so it always matches site_url."""
    match = CANONICAL.search((site / "index.html").read_text(encoding="utf-8"))
    if not match:
        raise ValueError("site/index.html has no canonical link; is site_url set?")
    return match.group(1)


def run_all(site: Path, content: Content) -> bool:
    base_url = site_base_url(site)
    if not (redirects.run(site, content, base_url) and opendata.run(site, content, base_url)
            and headers.run(site)):
        return False
    # The search index and the compression of the pages both only read the
    # finished pages, so they run side by side (make bench: the machine has two
    # cores); the index's own files are compressed once it is written.
    with ThreadPoolExecutor(max_workers=1) as pool:
        indexing = pool.submit(search.run, site)
        pages_compressed = compress.run(site, skip=search.BUNDLE_DIR)
        if not indexing.result():
            return False
    return pages_compressed and compress.run(site, part=search.BUNDLE_DIR)
