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
import re
from pathlib import Path

import brotli

from kb.pages.urls import LANGUAGE_PREFIX
from kb.processes import worker_pool

LANGUAGE_DIRS = {prefix.rstrip("/") for prefix in LANGUAGE_PREFIX.values() if prefix}

TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv", ".map", ".ics"}
MIN_BYTES = 256  # below this, headers cost more than compression saves
# Levels (measured on 19 MB of pages, 2026-12): brotli 4 and gzip 5 compress
# pages to 23 % at 70 % of the CPU time of brotli 5 and gzip 6 (22 %). Brotli's top
# quality costs ~50x that for ~2 % on pages, but ~10 % on the CSS and JS every
# reader downloads first; only those get it.
PAGE_QUALITY, GZIP_LEVEL = 4, 5
FIRST_VISIT = re.compile(r"/assets/(?:stylesheets/[^/]+\.css|javascripts/bundle\.[^/]+\.js|kb[^/]*)$")


def compressible(site: Path, skip: str | None = None) -> list[Path]:
    """Text files worth compressing (all but those under the top-level folder `skip`)."""
    return [
        p
        for p in sorted(site.rglob("*"))
        if p.suffix in TEXT_SUFFIXES
        and p.is_file()
        and p.stat().st_size >= MIN_BYTES
        and not (skip and p.relative_to(site).parts[0] == skip)
    ]


def compress_file(path: Path) -> int:
    """Write path.gz and path.br; returns the number of bytes written."""
    data = path.read_bytes()
    written = 0
    quality = 11 if FIRST_VISIT.search(path.as_posix()) else PAGE_QUALITY
    for suffix, packed in (
        (".gz", gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)),
        (".br", brotli.compress(data, quality=quality)),
    ):
        target = path.with_name(path.name + suffix)
        if len(packed) < len(data):
            target.write_bytes(packed)
            written += len(packed)
        elif target.exists():
            target.unlink()
    return written


def _twins(files: list[Path], site: Path) -> dict[Path, Path]:
    """Files that are byte for byte a file of the default language's tree (each language
    has its own copy of the theme's assets): copy -> original. Compressed once."""
    twins = {}
    for path in files:
        parts = path.relative_to(site).parts
        if len(parts) > 1 and parts[0] in LANGUAGE_DIRS:
            original = site.joinpath(*parts[1:])
            if (
                original.is_file()
                and original.stat().st_size == path.stat().st_size
                and original.read_bytes() == path.read_bytes()
            ):
                twins[path] = original
    return twins


def run(site: Path, files: list[Path]) -> bool:
    """Compress `files` (see compressible) in worker processes: brotli holds the GIL."""
    twins = _twins(files, site)
    unique = [p for p in files if p not in twins]
    with worker_pool() as pool:
        total = sum(pool.imap(compress_file, unique, chunksize=32))
    for copy, original in twins.items():
        for suffix in (".gz", ".br"):
            packed = original.with_name(original.name + suffix)
            if packed.exists():
                copy.with_name(copy.name + suffix).write_bytes(packed.read_bytes())
    print(f"Compressed {len(files)} text files (.gz and .br, {total / 1e6:.1f} MB)")
    return True
