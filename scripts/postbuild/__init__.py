"""Steps that run on the HTML MkDocs wrote, before the site is swapped into place.

Order matters: redirect stubs and data files first, then the search index
(it indexes the final HTML), then compression of the finished text files.
Each step is `run(site: Path) -> bool`; False (after printing why) fails the build.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sitegen.model import Content

from . import compress, headers, opendata, redirects, search

# The content root this site was built from (build_site.py --root); steps that
# need the content model (open data, feeds) load it from here.
CONTENT_ROOT: Path = Path(__file__).resolve().parents[2]
CONTENT: Content | None = None   # what build_site.py validated for this build, if any


def run_all(site: Path) -> bool:
    for step in (redirects.run, opendata.run, headers.run):
        if not step(site):
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
