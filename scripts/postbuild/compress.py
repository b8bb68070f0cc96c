"""Post-build step: precompressed .gz and .br copies of every text file.

Hosts that serve precompressed files (nginx gzip_static/brotli_static, Caddy
`precompressed`, Netlify, Cloudflare Pages …) send these instead of compressing
on each request; GitHub Pages ignores them and compresses itself. This runs
last, on the finished site. Output is deterministic (gzip mtime 0), so an
unchanged page gives an unchanged .gz.

A copy is kept only when it is smaller than the original; tiny files often
are not, and a host then simply serves the original.
"""

from __future__ import annotations

import gzip
import os
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import brotli

TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv", ".map"}
MIN_BYTES = 256      # below this, headers cost more than compression saves
# Brotli's top quality costs ~50x the time of quality 5 for ~2 % on pages, but
# ~10 % on the CSS and JS every reader downloads first; only those get it
# (Material's unused lunr files stay at 5: search is Pagefind's).
FIRST_VISIT = re.compile(r"/assets/(?:stylesheets/[^/]+\.css|javascripts/bundle\.[^/]+\.js|kb[^/]*)$")


def compressible(site: Path, part: str | None = None, skip: str | None = None) -> list[Path]:
    """Text files worth compressing: all, only those under `part`, or all but `skip`."""
    root = site / part if part else site
    return [p for p in sorted(root.rglob("*"))
            if p.suffix in TEXT_SUFFIXES and p.is_file() and p.stat().st_size >= MIN_BYTES
            and not (skip and p.relative_to(site).parts[0] == skip)]


def compress_file(path: Path) -> int:
    """Write path.gz and path.br; returns the number of bytes written."""
    data = path.read_bytes()
    written = 0
    quality = 11 if FIRST_VISIT.search(path.as_posix()) else 5
    for suffix, packed in ((".gz", gzip.compress(data, compresslevel=6, mtime=0)),
                           (".br", brotli.compress(data, quality=quality))):
        target = path.with_name(path.name + suffix)
        if len(packed) < len(data):
            target.write_bytes(packed)
            written += len(packed)
        elif target.exists():
            target.unlink()
    return written


def run(site: Path, part: str | None = None, skip: str | None = None) -> bool:
    files = compressible(site, part, skip)
    # Processes, not threads: brotli holds the GIL. Chunks keep the overhead low.
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        total = sum(pool.map(compress_file, files, chunksize=64))
    print(f"Compressed {len(files)} text files (.gz and .br, {total / 1e6:.1f} MB)")
    return True
