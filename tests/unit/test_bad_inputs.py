"""Every kind of editor mistake gives `path:line: message`, exit status 1,
no traceback, and leaves site/ untouched.

Each case copies the valid fixture project (tests/fixtures/minimal), breaks
one file, runs the real command and checks the exact line and the wording.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fixtureproject import run_sitegen

ROOT = Path(__file__).resolve().parents[2]
REGION = "content/regions/testialue.yml"
ANSWER_FI = "content/faq/aihe/vastaus.fi.md"
ANSWER_SV = "content/faq/aihe/vastaus.sv.md"


def _edit(rel: str, old: str, new: str):
    def apply(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture text not found: {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def _write(rel: str, data: str | bytes):
    def apply(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return apply


def _delete(rel: str):
    return lambda root: (root / rel).unlink()


def _second_answer(answer_id: str, extra: str = "", topic: str = "aihe"):
    def apply(root: Path) -> None:
        if topic != "aihe":
            topics = root / "content/faq/topics.yml"
            topics.write_text(topics.read_text(encoding="utf-8") + f"""  - id: {topic}
    name: {{fi: Toinen, sv: Annat}}
    description: {{fi: Toinen., sv: Annat.}}
""", encoding="utf-8")
        source = (root / ANSWER_FI).read_text(encoding="utf-8")
        for lang in ("fi", "sv"):
            text = source.replace("id: vastaus", f"id: {answer_id}").replace(
                "aliases: []", f"aliases: [{extra}]").replace("topic: aihe", f"topic: {topic}")
            _write(f"content/faq/{topic}/{answer_id}.{lang}.md", text)(root)
    return apply


ALIAS_BOMB = "lol: &a [x, x, x, x, x, x, x, x, x]\nlol2: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"

# (case, change, expected file, expected line, words the message must contain)
CASES = [
    ("bad indentation", _edit(REGION, "  fi: Testialueen", " fi: Testialueen"), REGION, 7,
     "indentation"),
    ("tab character", _edit(REGION, "  en: Test", "\ten: Test"), REGION, 8, "tab character"),
    ("unclosed quote", _edit(REGION, "website: https://example.org",
                             'website: "https://example.org'), REGION, 9, "never closed"),
    ("duplicate key", _edit(REGION, "language: fi+sv", "language: fi+sv\nlanguage: fi"),
     REGION, 11, 'key "language" appears twice'),
    ("unknown field", _edit(REGION, "website:", "webstie:"), REGION, 9,
     'unknown field "webstie". Did you mean "website"?'),
    ("wrong type", _edit(ANSWER_FI, "keywords: [testi]", "keywords: testi"), ANSWER_FI, 7,
     "keywords: must be a list"),
    ("missing Swedish twin", _delete(ANSWER_SV), ANSWER_FI, 1,
     "the sv twin is missing: create content/faq/aihe/vastaus.sv.md"),
    ("unknown region in answer", _edit(ANSWER_FI, "regions: [testialue]",
                                       "regions: [testialue, testialu]"), ANSWER_FI, 6,
     'unknown county id "testialu"'),
    ("duplicate answer id", _second_answer("vastaus", topic="aihe2"), "content/faq/aihe2/vastaus.fi.md",
     2, 'the answer id "vastaus" is already used by'),
    ("empty answer file", _write("content/faq/aihe/toinen.fi.md", ""), "content/faq/aihe/toinen.fi.md",
     1, "the file is empty"),
    ("id equal to another answer's alias", _second_answer("toinen", extra="vastaus"),
     "content/faq/aihe/toinen.fi.md", 13, 'alias "vastaus" is already taken by vastaus'),
    # The reverse: a new answer takes an id that an existing answer keeps as an alias
    # (an old address that must keep redirecting there). Reported where the alias is.
    ("id that is another answer's alias",
     lambda root: (_second_answer("vanha")(root),
                   _edit(ANSWER_FI, "aliases: []", "aliases: [vanha]")(root),
                   _edit(ANSWER_SV, "aliases: []", "aliases: [vanha]")(root)),
     ANSWER_FI, 13, 'the alias "vanha" is already taken by vanha'),
    ("invalid URL", _edit(REGION, "url: https://example.org/a", "url: example.org/a"), REGION, 22,
     "must be a full web address starting with https://"),
    ("invalid e-mail", _edit(REGION, "contacts: []", "contacts:\n  - id: yhteys\n    role: {fi: R, sv: R}\n"
                             "    organisation: {fi: O, sv: O}\n    email: ei-osoite\n"
                             "    sources: [{title: T, url: 'https://example.org', accessed: 2026-01-01}]"),
     REGION, 28, "must be an e-mail address"),
    ("invalid date", _edit(ANSWER_FI, "reviewed: 2026-01-01", "reviewed: 1.1.2026"), ANSWER_FI, 8,
     "must be a date written YYYY-MM-DD"),
    ("impossible date", _edit(ANSWER_FI, "reviewed: 2026-01-01", "reviewed: 2026-02-30"), ANSWER_FI,
     8, "is not a real calendar date"),
    ("script tag", _edit(ANSWER_FI, "Teksti.", "<script>alert(1)</script>"), ANSWER_FI, 19,
     "raw HTML <script> is not allowed"),
    ("onclick attribute", _edit(ANSWER_FI, "Teksti.", "*klikkaa*{onclick=alert(1)}"), ANSWER_FI, 19,
     "event attributes such as onclick= are not allowed"),
    ("javascript link", _edit(ANSWER_FI, "Teksti.", "[linkki](javascript:alert(1))"), ANSWER_FI, 19,
     "javascript:, vbscript: and data: links are not allowed"),
    ("iframe", _edit(ANSWER_FI, "Teksti.", '<iframe src="https://example.org"></iframe>'), ANSWER_FI,
     19, "raw HTML <iframe> is not allowed"),
    ("heading without anchor", _edit(ANSWER_FI, "## Lisää {#lisaa}", "## Lisää"), ANSWER_FI, 17,
     "a heading needs a permanent anchor"),
    ("not UTF-8", _write(REGION, "id: testialue\nname: Testil\xe4\n".encode("latin-1")), REGION, 2,
     "not UTF-8"),
    ("empty file", _write(REGION, ""), REGION, 1, "the file is empty"),
    ("huge file", _write(REGION, "# x\n" + "a" * 300_000), REGION, 1, "content files may be at most"),
    ("alias bomb", _write(REGION, ALIAS_BOMB), REGION, 1, "YAML anchors (&a) are not allowed"),
    ("unknown link target", _edit(ANSWER_FI, "alue:testialue", "alue:testi"), ANSWER_FI, 15,
     "alue:testi points to no region"),
]


# `project` (a writable copy of the fixture) comes from tests/unit/conftest.py.

def run_validate(root: Path) -> subprocess.CompletedProcess:
    return run_sitegen(root, "validate")


def test_fixture_is_valid(project: Path) -> None:
    result = run_validate(project)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("case,change,path,line,words", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_reported(project: Path, case, change, path, line, words) -> None:
    change(project)
    result = run_validate(project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[-1].endswith("nothing was built."), lines
    prefix = f"{path}:{line}: "
    matching = [text for text in lines if text.startswith(prefix)]
    assert matching, f"no problem reported at {prefix!r}; got:\n{result.stderr}"
    assert any(words in text for text in matching), f"{words!r} not in {matching}"


def test_failed_build_leaves_previous_site_untouched(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    _edit(ANSWER_FI, "keywords: [testi]", "keywords: testi")(project)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_site.py"),
                             "--root", str(project), "--site-dir", str(site)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "keywords: must be a list" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]


def test_broken_internal_link_fails_the_strict_build(project: Path, tmp_path: Path) -> None:
    """A relative link to a page that does not exist is caught by MkDocs' strict mode."""
    for lang in ("fi", "sv"):
        page = project / "docs" / lang / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n[Rikki](olematon.md)\n",
                        encoding="utf-8")
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_site.py"),
                             "--root", str(project), "--site-dir", str(site)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "olematon.md" in result.stdout + result.stderr
    assert not site.exists()


def test_fixture_site_builds(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_site.py"),
                             "--root", str(project), "--site-dir", str(site)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "ukk" / "vastaus" / "index.html").is_file()
    assert (site / "sv" / "ukk" / "vastaus" / "index.html").is_file()
