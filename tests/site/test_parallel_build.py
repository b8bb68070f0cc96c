"""The languages are built by separate MkDocs processes (scripts/mkdocs_language_build.py).

That relies on two attributes of mkdocs-static-i18n; this test proves the result is
the plugin's own: every page, the 404 page and the sitemap are identical to a plain
sequential `mkdocs build` of the same generated Markdown.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import build_site

ROOT = Path(__file__).resolve().parents[2]


def _html_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in site.rglob("*.html") if "pagefind" not in p.parts}


def test_parallel_language_builds_equal_the_plugins_sequential_build(site: Path, tmp_path: Path) -> None:
    sequential = tmp_path / "sequential"
    with build_site.build_lock():
        content = build_site.generate(ROOT)
        assert content is not None
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                                 "--site-dir", str(sequential)],
                                cwd=ROOT, env=build_site.mkdocs_environment(content),
                                capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    expected = _html_files(sequential)
    built = _html_files(site)
    assert len(expected) > 100
    stubs = {name for name, data in built.items() if b'http-equiv="refresh"' in data}
    assert set(built) - stubs == set(expected), "the parallel build made other pages"
    for name, data in expected.items():
        assert built[name] == data, f"{name} differs from the sequential build"
    assert (site / "sitemap.xml").read_bytes() == (sequential / "sitemap.xml").read_bytes()
