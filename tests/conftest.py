"""Shared fixtures: the real site built once per session by the real command, served
on localhost, a headless Chromium driven by Playwright, and copies of the fixture
project. Helpers live in tests/support/ (one module per job).

The tiers: tests/unit (pure, in-process, seconds), tests/cli (the command in
subprocesses, fixture builds), tests/site (the real built site), tests/browser
(Chromium). With CI=true a missing browser is a failure, never a skip.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from kb.tools.browser import CHROMIUM, chromium, have_chromium, serving
from support.fixture import BUILD_DATE, ROOT, build, copy_fixture


@pytest.fixture(scope="session")
def content():
    from kb.content import read_and_check

    loaded, problems = read_and_check(ROOT, date.fromisoformat(BUILD_DATE))
    assert not problems, "\n".join(map(str, problems))
    return loaded


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built from the repository's content by `kb build`."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = build(ROOT, out)
    assert result.returncode == 0, f"the site build failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the minimal fixture project (tests/support/fixture.py)."""
    return copy_fixture(tmp_path / "project")


@pytest.fixture(scope="session")
def renamed_with_alias(tmp_path_factory):
    """The real content with one answer renamed by `kb move-answer`, built once for the
    link contract (tests/site/) and the browser (tests/browser/)."""
    from support.renamed import build_renamed

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
    if not have_chromium():  # the very binary launched below
        message = f"Chromium not found at {CHROMIUM}: run `make test` (installs it through apt)"
        if in_ci:
            pytest.fail(message)
        pytest.skip(message)
    with chromium() as instance:
        yield instance


@pytest.fixture
def page(server, browser):
    context = browser.new_context(base_url=server, locale="fi-FI")
    tab = context.new_page()
    yield tab
    context.close()


def pytest_addoption(parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite tests/golden/ from what the code emits now (review the diff)",
    )


@pytest.fixture(scope="session")
def update_goldens(request) -> bool:
    return bool(request.config.getoption("--update-goldens"))
