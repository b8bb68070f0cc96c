"""The security policy every page carries in its <head> (src/kb/theme/overrides/main.html)
and that kb/outputs/headers.py repeats as HTTP headers for hosts that read _headers.

The policy the whole site satisfies (tests check every page in a browser):
scripts and styles only from this site, no inline script or style attribute
('wasm-unsafe-eval' is for Pagefind's WebAssembly, not for JavaScript eval),
images from this site or data: URIs (Material's CSS icons), no plugins, no
foreign form targets. frame-ancestors cannot be set in a <meta>: see
docs/decisions/0004-quality-gates.md.
"""

from __future__ import annotations

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)
REFERRER_POLICY = "strict-origin-when-cross-origin"
