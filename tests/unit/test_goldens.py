"""Golden files: what each stage emits from the minimal fixture project, word for word.

tests/golden/minimal/ holds the generated Markdown of both languages with its
front matter, the navigation, the open-data files, the feeds (Atom and iCalendar), the sitemap and the
redirects file, and the error report of a broken copy. A change to any renderer
or output shows here as a diff to review; `make goldens` rewrites the files from
the code as it is (then read the diff before committing it).
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from kb.config import SiteConfig
from kb.content import read_and_check
from kb.content.model import LANGUAGES
from kb.outputs import feeds, ical, opendata, redirects, sitemap
from kb.pages.site import language_site
from support.fixture import BUILD_DATE, copy_fixture, edit

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "minimal"
CONFIG = SiteConfig(
    site_url="https://example.org/",
    repository_url="https://github.com/OWNER/REPOSITORY",
    branch="main",
    build_date=date.fromisoformat(BUILD_DATE),
)


def emitted(root: Path) -> dict[str, str]:
    """Every file the stages emit for the project at `root`, by its golden path."""
    content, problems = read_and_check(root, CONFIG.build_date)
    assert not problems, "\n".join(map(str, problems))
    files: dict[str, str] = {}
    sites = [language_site(content, lang, CONFIG) for lang in LANGUAGES]
    for site in sites:
        for page in site.pages:
            files[f"pages/{site.lang}/{page.path}"] = page.markdown
        files[f"pages/{site.lang}.json"] = (
            json.dumps(
                {
                    "name": site.name,
                    "description": site.description,
                    "url": site.url,
                    "nav": site.nav,
                    "theme": site.theme,
                },
                ensure_ascii=False,
                indent=1,
            )
            + "\n"
        )
    for name, text in opendata.data_files(content, CONFIG).items():
        files[f"data/{name}"] = text
    for lang in LANGUAGES:
        files[f"feeds/{lang}.xml"] = feeds.atom_feed(content, lang, CONFIG).decode()
        for path, data in ical.feeds(content, lang, CONFIG).items():
            files[f"ical/{lang}/{path}"] = data.decode()
    files["sitemap.xml"] = sitemap.sitemap_xml([p.path for p in sites[0].pages], CONFIG).decode()
    files["_redirects"] = redirects.redirects_file(redirects.redirect_table(content))
    return files


def broken_report(tmp: Path) -> str:
    """`kb validate` on a copy with several mistakes in several files."""
    from kb.build.pipeline import report

    root = copy_fixture(tmp / "broken")
    edit("content/regions/testialue.yml", "website:", "webstie:")(root)
    edit("content/faq/aihe/vastaus.fi.md", "Teksti.", "<script>alert(1)</script>")(root)
    edit("content/faq/aihe/vastaus.sv.md", "reviewed: 2026-01-01", "reviewed: 1.1.2026")(root)
    edit("content/faq/topics.yml", "topics:", "topics:\n\t- x")(root)
    _, problems = read_and_check(root, CONFIG.build_date)
    out = io.StringIO()
    with contextlib.redirect_stderr(out):
        report(problems)
    return out.getvalue().replace(str(root) + "/", "")


@pytest.fixture(scope="module")
def actual(tmp_path_factory) -> dict[str, str]:
    root = copy_fixture(tmp_path_factory.mktemp("golden") / "project")
    files = emitted(root)
    files["errors.txt"] = broken_report(tmp_path_factory.mktemp("broken"))
    return files


def test_goldens_are_what_the_code_emits(actual: dict[str, str], update_goldens: bool) -> None:
    if update_goldens:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, text in actual.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_bytes(text.encode("utf-8"))
    stored = {
        p.relative_to(GOLDEN).as_posix(): p.read_bytes().decode("utf-8")
        for p in sorted(GOLDEN.rglob("*"))
        if p.is_file()
    }
    assert sorted(stored) == sorted(actual), "files added or gone: run `make goldens`"
    for name, text in actual.items():
        assert text == stored[name], (
            f"{name} differs from tests/golden/minimal/{name}: "
            "if the change is intended, run `make goldens` and review the diff"
        )
