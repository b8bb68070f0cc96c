"""site/_headers: HTTP security headers for static hosts that read the file.

Netlify and Cloudflare Pages read `_headers` at the site root. Some protections
exist only as HTTP headers: a <meta> Content-Security-Policy cannot carry
frame-ancestors (clickjacking), and nosniff has no <meta> form at all. The
policy is the one every page carries in its <meta> (kb/pages/head.py), so the
two never disagree. GitHub Pages, the deploy target, reads no _headers: there
the page's own <meta> policy and referrer applies (docs/decisions/0004-quality-gates.md
says what a host with header support adds).
"""

from __future__ import annotations

from pathlib import Path

from kb.pages.head import CONTENT_SECURITY_POLICY, REFERRER_POLICY

HEADERS_FILE = "_headers"
HEADER_ONLY = "frame-ancestors 'none'"
EXTRA_HEADERS = [
    "X-Content-Type-Options: nosniff",
    "X-Frame-Options: DENY",  # frame-ancestors for old browsers
    f"Referrer-Policy: {REFERRER_POLICY}",
    "Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()",
]


def headers_file() -> str:
    lines = ["/*", f"  Content-Security-Policy: {CONTENT_SECURITY_POLICY}; {HEADER_ONLY}"]
    lines += [f"  {header}" for header in EXTRA_HEADERS]
    return "\n".join(lines) + "\n"


def run(site: Path) -> bool:
    (site / HEADERS_FILE).write_text(headers_file(), encoding="utf-8")
    return True
