"""Post-build step: site/_headers, HTTP security headers for static hosts.

Netlify and Cloudflare Pages read `_headers` at the site root. Some protections
exist only as HTTP headers: a <meta> Content-Security-Policy cannot carry
frame-ancestors (clickjacking), and nosniff has no <meta> form at all.
GitHub Pages sets no custom headers; there the <meta> policy of every page
still applies (docs/decisions/0004-quality-gates.md).

The policy is read from the built home page's <meta> (partials/kb-head.html),
so the header and the meta can never disagree.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
HEADER_ONLY = "frame-ancestors 'none'"
EXTRA_HEADERS = [
    "X-Content-Type-Options: nosniff",
    "X-Frame-Options: DENY",                     # frame-ancestors for old browsers
    "Referrer-Policy: strict-origin-when-cross-origin",
    "Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()",
]


def headers_file(policy: str) -> str:
    lines = ["/*", f"  Content-Security-Policy: {policy}; {HEADER_ONLY}"]
    lines += [f"  {header}" for header in EXTRA_HEADERS]
    return "\n".join(lines) + "\n"


def run(site: Path) -> bool:
    match = META_CSP.search((site / "index.html").read_text(encoding="utf-8"))
    if not match:
        print("headers: site/index.html has no Content-Security-Policy <meta>", file=sys.stderr)
        return False
    (site / "_headers").write_text(headers_file(match.group(1)), encoding="utf-8")
    return True
