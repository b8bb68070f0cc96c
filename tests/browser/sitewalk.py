"""Walk every built page in one browser context: shared by the accessibility,
privacy and keyboard tests (one context for ~150 pages keeps them fast)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from htmltools import pages, url_of

# Collects Content-Security-Policy violations from the first byte of every page
# (an init script runs before the page's own scripts).
CSP_LISTENER = """
window.__kbCsp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__kbCsp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}` +
                      (e.sourceFile ? ` (${e.sourceFile}:${e.lineNumber})` : ""));
});
"""


def every_url(site: Path) -> list[str]:
    """Every page of both languages, and the 404 page (served for unknown paths)."""
    return [url_of(site, path) for path in pages(site)] + ["/404.html"]


def walk(page, urls: list[str], check: Callable[[str], list[str]]) -> Iterator[str]:
    """Open each URL in the same tab and yield 'url: problem' lines from check(url)."""
    for url in urls:
        response = page.goto(url, wait_until="load")
        if response is None or not response.ok and url != "/404.html":
            yield f"{url}: HTTP {response.status if response else 'no response'}"
            continue
        for problem in check(url):
            yield f"{url}: {problem}"
