"""The command line as a newcomer meets it: every verb has --help, `kb move-answer`
renames an answer without breaking its address, synthetic content validates, and
`kb serve` runs the real pipeline (search, data, redirects) and reloads."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kb.cli import parser
from support.fixture import ROOT, build, edit, environment, run_kb

VERBS = [
    "validate",
    "build",
    "serve",
    "schemas",
    "translations",
    "stale",
    "new-answer",
    "new-structure",
    "move-answer",
    "links",
    "bench",
    "search-eval",
]


def test_every_verb_is_there_with_help() -> None:
    verbs = parser()._subparsers._group_actions[0].choices  # argparse keeps them here
    assert set(VERBS) <= set(verbs)
    for verb in VERBS:
        result = subprocess.run(
            [sys.executable, "-m", "kb", verb, "--help"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=environment(),
        )
        assert result.returncode == 0 and result.stdout.startswith("usage: kb"), verb


def test_make_targets_call_the_command() -> None:
    result = subprocess.run(
        ["make", "-n", "build", "validate", "serve", "move-answer", "OLD=a", "NEW=b"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    commands = [line.split("/")[-1] for line in result.stdout.splitlines() if "bin/kb" in line]
    assert commands == ["kb --root . build", "kb validate", "kb serve", 'kb move-answer "a" "b" --topic ""']


def test_move_answer_keeps_the_old_address(project: Path, tmp_path: Path) -> None:
    (project / "docs" / "fi" / "index.md").write_text(
        (project / "docs" / "fi" / "index.md").read_text(encoding="utf-8")
        + "\n[Vastaus](ukk:vastaus#lisaa)\n",
        encoding="utf-8",
    )
    result = run_kb(project, "move-answer", "vastaus", "uusi-vastaus")
    assert result.returncode == 0, result.stderr
    assert not list(project.glob("content/faq/aihe/vastaus.*.md"))
    for lang in ("fi", "sv"):
        text = (project / f"content/faq/aihe/uusi-vastaus.{lang}.md").read_text(encoding="utf-8")
        assert re.search(r"^id: uusi-vastaus$", text, re.M)
        assert re.search(r"^aliases: \[vastaus\]$", text, re.M)
    assert "(ukk:uusi-vastaus#lisaa)" in (project / "docs/fi/index.md").read_text(encoding="utf-8")
    site = tmp_path / "site"
    assert build(project, site).returncode == 0
    stub = (site / "sv" / "ukk" / "vastaus" / "index.html").read_text(encoding="utf-8")
    assert 'content="0; url=../uusi-vastaus/"' in stub
    assert "/ukk/vastaus/ /ukk/uusi-vastaus/ 301" in (site / "_redirects").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "old, new, words",
    [
        ("ei-ole", "x", 'there is no answer with the id "ei-ole"'),
        ("vastaus", "aihe", 'the id "aihe" is already taken by topic aihe'),
        ("vastaus", "Iso", 'NEW "Iso": must be an id'),
    ],
)
def test_move_answer_refuses_and_changes_nothing(project: Path, old: str, new: str, words: str) -> None:
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    result = run_kb(project, "move-answer", old, new)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("Nothing was changed: ") and words in result.stderr
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_synthetic_content_validates(tmp_path: Path) -> None:
    from kb.tools import synthetic

    synthetic.generate(tmp_path / "s", 40, source_root=ROOT)
    result = run_kb(tmp_path / "s", "validate")
    assert result.returncode == 0, result.stderr
    assert "40 answers" in result.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(test, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if test():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError("the preview did not get there in time")


def test_serve_runs_the_whole_pipeline_and_rebuilds(project: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "kb", "--root", str(project), "serve", "--port", str(port)],
        cwd=project,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for(lambda: fetch(base + "/__kb/version") == "0")
        page = fetch(base + "/ukk/vastaus/")
        assert '<script src="/__kb/reload.js"></script></body>' in page
        assert "pagefind-entry.json" not in page and fetch(base + "/pagefind/pagefind-entry.json")
        assert '"regions"' in fetch(base + "/data/regions.json")
        assert f'href="{base}/sv/ukk/vastaus/"' in page, "absolute alternates use the preview's address"
        assert "reload" in fetch(base + "/__kb/reload.js")
        edit("content/faq/aihe/vastaus.fi.md", "Teksti.", "Muutettu teksti.")(project)
        wait_for(lambda: fetch(base + "/__kb/version") == "1")
        assert "Muutettu teksti." in fetch(base + "/ukk/vastaus/")
        assert (
            not (project / "site" / "ukk" / "vastaus" / "index.html")
            .read_text(encoding="utf-8")
            .count("__kb/reload.js")
        ), "the files in site/ are not changed"
    finally:
        process.terminate()
        process.wait(10)


def test_build_date_must_be_a_date(project: Path) -> None:
    result = run_kb(project, "validate", KB_BUILD_DATE="3.12.2026")
    assert result.returncode == 2
    assert result.stderr.strip() == 'kb: KB_BUILD_DATE must be a date written YYYY-MM-DD (got "3.12.2026")'


DOCUMENT = """title: Alkuperäinen otsikko
publisher: Testijulkaisija ry
published: 2021-08
language: fi
kept: {fi: Perustamisaineistossa., sv: I grundmaterialet.}
summary: {fi: Teksti kertoo asiasta., sv: Texten berättar om saken.}
"""


def test_a_source_without_an_address_opens_its_page_on_the_site(project: Path, tmp_path: Path) -> None:
    """A founding text with no web address is cited as `document:`; its page describes it."""
    (project / "content" / "sources").mkdir()
    (project / "content" / "sources" / "testiteksti.yml").write_text(DOCUMENT, encoding="utf-8")
    edit(
        "content/regions/testialue.yml",
        "  - title: Testilähde\n    url: https://example.org/lahde\n",
        "  - title: Alkuperäinen otsikko\n    document: testiteksti\n",
    )(project)
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    for prefix, facts in (
        ("", "Julkaisija: Testijulkaisija ry, 8/2021"),
        ("sv/", "Utgivare: Testijulkaisija ry, 8/2021"),
    ):
        page = (site / prefix / "lahteet" / "testiteksti" / "index.html").read_text(encoding="utf-8")
        assert facts in page
        county = (site / prefix / "alueet" / "testialue" / "index.html").read_text(encoding="utf-8")
        assert '<a href="../../lahteet/testiteksti/">Alkuperäinen otsikko</a>' in county
    assert '<span lang="fi">Alkuperäinen otsikko</span>' in (
        site / "sv" / "lahteet" / "testiteksti" / "index.html"
    ).read_text(encoding="utf-8")


def test_a_source_needs_an_address_or_a_document(project: Path) -> None:
    edit(
        "content/regions/testialue.yml",
        "  - title: Testilähde\n    url: https://example.org/lahde\n",
        "  - title: Testilähde\n    document: ei-ole\n",
    )(project)
    result = run_kb(project, "validate")
    assert result.returncode == 1
    assert 'document: "ei-ole" is not a copy in content/sources/. Allowed: none yet' in result.stderr


TERMS = {  # the fixture's term -> its status on BUILD_DATE and the words on both pages
    ("2023", "2025"): ("ended", "Kausi 2023–2025, päättynyt", "Perioden 2023–2025 har gått ut"),
    ("2025", "2027"): ("current", "Kausi 2025–2027, käynnissä", "Perioden 2025–2027 pågår"),
    ("2027", "2029"): (
        "upcoming",
        "Kausi 2027–2029, ei vielä alkanut",
        "Perioden 2027–2029 har inte börjat ännu",
    ),
}


@pytest.mark.parametrize("term", list(TERMS), ids=[v[0] for v in TERMS.values()])
def test_a_term_is_shown_with_its_status_on_the_build_date(
    project: Path, tmp_path: Path, term: tuple[str, str]
) -> None:
    """The fixture's neuvottelukunta has a term; its page says where the build date is in
    it, so that an ended term is never shown as current."""
    (valid_from, valid_until), (status, fi, sv) = term, TERMS[term]
    edit(
        "content/regions/testialue.yml",
        "    valid_from: '2023'\n    valid_until: '2025'\n",
        f"    valid_from: '{valid_from}'\n    valid_until: '{valid_until}'\n",
    )(project)
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    for prefix, words in (("", fi), ("sv/", sv)):
        page = (site / prefix / "alueet" / "testialue" / "index.html").read_text(encoding="utf-8")
        assert f'<p class="kb-period kb-period--{status}">{words}</p>' in page
        assert page.count("kb-period--") == 1
