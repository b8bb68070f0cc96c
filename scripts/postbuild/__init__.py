"""Steps that run on the HTML MkDocs wrote, before the site is swapped into place.

Order matters: redirect stubs and data files first, then the search index
(it indexes the final HTML), then compression of the finished text files.
Each step is `run(site: Path) -> bool`; False (after printing why) fails the build.
"""

from __future__ import annotations

from pathlib import Path

from sitegen.model import Content

from . import compress, headers, opendata, redirects, search

# The content root this site was built from (build_site.py --root); steps that
# need the content model (open data, feeds) load it from here.
CONTENT_ROOT: Path = Path(__file__).resolve().parents[2]
CONTENT: Content | None = None   # what build_site.py validated for this build, if any


def run_all(site: Path) -> bool:
    for step in (redirects.run, opendata.run, headers.run, search.run, compress.run):
        if not step(site):
            return False
    return True
