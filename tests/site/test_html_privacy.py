"""The Content-Security-Policy in the built HTML, without a browser: every page
carries it before anything it governs, and the HTML needs nothing it forbids (no
inline script, event handler or style attribute). That the browser enforces it on
every page is tested in tests/browser/test_privacy.py."""

from __future__ import annotations

import re
from pathlib import Path

from support.htmltools import parse

EXPECTED_CSP = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
]


def every_html_page(site: Path) -> list[Path]:
    """Pages, the 404 page and the redirect stubs: everything a browser may open."""
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def test_every_page_carries_the_policy_first(site: Path) -> None:
    """A <meta> policy governs only what follows it: it is the first element after
    <meta charset>, on every page, the 404 page and the redirect stubs included."""
    for path in every_html_page(site):
        elements = parse(path).elements
        head = [(tag, attrs) for tag, attrs in elements[:4]]
        assert [tag for tag, _ in head] == ["html", "head", "meta", "meta"], path
        assert head[2][1] == {"charset": "utf-8"}, path
        policy = head[3][1]
        assert policy.get("http-equiv") == "Content-Security-Policy", path
        directives = [d.strip() for d in policy["content"].split(";")]
        assert set(EXPECTED_CSP) <= set(directives), path


INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)
DATA_BLOCK = re.compile(r'type="application/(?:ld\+)?json"')


def test_no_inline_script_handler_or_style_in_built_html(site: Path) -> None:
    """Only data blocks (Material's JSON config, our JSON-LD) may be inline."""
    problems = []
    for path in site.rglob("*.html"):
        if "pagefind" in path.parts:
            continue
        html = path.read_text(encoding="utf-8")
        rel = path.relative_to(site)
        problems += [
            f"{rel}: inline <script{m.group(1)}>"
            for m in INLINE_SCRIPT.finditer(html)
            if not DATA_BLOCK.search(m.group(1))
        ]
        problems += [f"{rel}: inline event handler" for _ in EVENT_HANDLER.finditer(html)]
        problems += [f"{rel}: style attribute" for _ in STYLE_ATTRIBUTE.finditer(html)]
    assert not problems, "\n".join(sorted(problems)[:50])


def test_headers_file_for_static_hosts(site: Path) -> None:
    """frame-ancestors and friends only work as HTTP headers: site/_headers has them."""
    headers = (site / "_headers").read_text(encoding="utf-8")
    assert "frame-ancestors 'none'" in headers
    assert "X-Content-Type-Options: nosniff" in headers
