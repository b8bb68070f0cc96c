"""Shared fixtures: the real site built once per session, served on localhost,
and a headless Chromium driven by Playwright.

With CI=true a missing browser is a failure, never a skip.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def content():
    from sitegen.content import load_content
    loaded, problems = load_content(ROOT)
    assert not problems, "\n".join(map(str, problems))
    return loaded


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built from the repository's content by the real build."""
    import build_site
    out = tmp_path_factory.mktemp("site") / "site"
    assert build_site.main(["--site-dir", str(out)]) == 0, "the site build failed"
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


@contextlib.contextmanager
def serving(directory: Path):
    """Serve a directory on 127.0.0.1 (a free port); yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def server(site: Path):
    """Serve the built site on 127.0.0.1 (a free port); yields the base URL."""
    with serving(site) as url:
        yield url


@pytest.fixture(scope="session")
def serve():
    """For sites built from fixtures: `with serve(directory) as base_url: …`."""
    return serving


@pytest.fixture(scope="session")
def browser():
    in_ci = os.environ.get("CI", "").lower() == "true"
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        message = f"Chromium not found at {CHROMIUM}: run `make test` (installs it through apt)"
        if in_ci:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(server, browser):
    # server (and so the site build) first: once Playwright runs, its event loop
    # is running and the build's search step (asyncio.run) would fail.
    context = browser.new_context(base_url=server, locale="fi-FI")
    tab = context.new_page()
    yield tab
    context.close()
