"""Shared fixtures: the real site built once per session, served on localhost,
a headless Chromium driven by Playwright, and copies of the fixture project.

With CI=true a missing browser is a failure, never a skip.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from localsite import CHROMIUM, CHROMIUM_ARGS, serving  # noqa: E402,F401  (bench, search_eval too)

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


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the minimal fixture project (see tests/fixtureproject.py).

    Here rather than in tests/unit/conftest.py: with a single conftest module,
    `from conftest import …` (scripts/search_eval.py, scripts/bench.py) always finds
    this one, whichever test folders pytest loaded first."""
    from fixtureproject import copy_fixture
    return copy_fixture(tmp_path / "project")


@pytest.fixture(scope="session")
def renamed_with_alias(tmp_path_factory):
    """The real content with one answer renamed and its old id kept in `aliases`, built
    once for the link contract (tests/site/) and the browser (tests/browser/)."""
    from linkfixtures import build_renamed
    return build_renamed(tmp_path_factory.mktemp("alias"), keep_alias=True)


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
    if not Path(CHROMIUM).is_file():      # the very binary launched below
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
