"""Scaffolding (`make new-answer`, `make new-structure`) and editor support.

A skeleton must be complete (filling in the placeholders gives valid content),
must not validate while a placeholder is empty (nothing half-written is
published), and must never take an id that is or was in use.
"""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from support.fixture import BUILD_DATE, ROOT, run_kb

REGION = "content/regions/testialue.yml"


def scaffold(root: Path, kind: str, *args: str) -> subprocess.CompletedProcess:
    """`kb new-answer …` or `kb new-structure …`."""
    return run_kb(root, f"new-{kind}", *args)


def files(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted((root / "content").rglob("*"))
        if p.is_file()
    }


def problems(root: Path) -> list[tuple[str, int, str]]:
    result = run_kb(root, "validate")
    out = []
    for line in result.stderr.splitlines()[:-1]:
        path, number, message = line.split(":", 2)
        out.append((path, int(number), message.strip()))
    assert result.returncode == (1 if out else 0), result.stdout + result.stderr
    return out


def fill(path: Path, values: dict[str, str]) -> None:
    """Replace each placeholder line `<key>: ""  # …` (by key, in order) as an editor would."""
    text = path.read_text(encoding="utf-8")
    for key, value in values.items():
        text, count = re.subn(
            rf'^(\s*(?:- )?{key}): (""|\[\])  #.*$', rf"\1: {value}", text, count=1, flags=re.M
        )
        assert count == 1, f"no placeholder for {key}"
    path.write_text(text, encoding="utf-8")


# --- new answer ---------------------------------------------------------------------------


def test_new_answer_creates_both_files_that_fail_until_filled(project: Path) -> None:
    result = scaffold(project, "answer", "--topic", "aihe", "--id", "uusi-vastaus")
    assert result.returncode == 0, result.stderr
    fi = project / "content/faq/aihe/uusi-vastaus.fi.md"
    sv = project / "content/faq/aihe/uusi-vastaus.sv.md"
    assert f"created {fi.relative_to(project).as_posix()}" in result.stdout
    today = BUILD_DATE
    for path in (fi, sv):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("---\nid: uusi-vastaus\ntopic: aihe\n")
        assert f"reviewed: {today}" in text and f"checked: {today}" in text
    found = problems(project)
    no_text = "the answer has no text"
    assert {(p, m.split(":")[0]) for p, _, m in found} == {
        (path.relative_to(project).as_posix(), field)
        for path in (fi, sv)
        for field in ("question", "answer", "keywords", "sources[0].title", "sources[0].url", no_text)
    }
    for path_text, line, message in found:  # each problem points at its placeholder line
        text = (project / path_text).read_text(encoding="utf-8").splitlines()[line - 1]
        if message.startswith(no_text):
            assert text == "---", (path_text, line, message)  # the text goes below it
        else:
            field = message.split(":")[0].split(".")[-1].split("[")[0]
            assert text.lstrip(" -").startswith(f"{field}:"), (path_text, line, message)
    for path, lang in ((fi, "fi"), (sv, "sv")):
        fill(
            path,
            {
                "question": f"Kysymys {lang}?",
                "answer": f"Vastaus {lang}.",
                "keywords": "[sana]",
                "title": "Lähde",
                "url": "https://example.org/sivu",
            },
        )
    assert [(p, m.split(":")[0]) for p, _, m in problems(project)] == [
        (path.relative_to(project).as_posix(), no_text) for path in (fi, sv)
    ]
    for path, lang in ((fi, "fi"), (sv, "sv")):
        path.write_text(path.read_text(encoding="utf-8") + f"Teksti {lang}.\n", encoding="utf-8")
    assert problems(project) == []


def test_new_answer_in_a_topic_without_a_folder_yet(project: Path) -> None:
    topics = project / "content/faq/topics.yml"
    topics.write_text(
        topics.read_text(encoding="utf-8")
        + """  - id: uusi-aihe
    name: {fi: Uusi aihe, sv: Nytt ämne}
    description: {fi: Uusi aihe., sv: Nytt ämne.}
""",
        encoding="utf-8",
    )
    assert not (project / "content/faq/uusi-aihe").exists()
    result = scaffold(project, "answer", "--topic", "uusi-aihe", "--id", "ensimmainen")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    for lang in ("fi", "sv"):
        text = (project / f"content/faq/uusi-aihe/ensimmainen.{lang}.md").read_text(encoding="utf-8")
        assert text.startswith("---\nid: ensimmainen\ntopic: uusi-aihe\n")


@pytest.mark.parametrize(
    "topic,answer_id,words",
    [
        ("aihe", "vastaus", 'the id "vastaus" is already taken by the answer'),
        ("aihe", "aihe", 'the id "aihe" is already taken by the topic aihe'),
        ("aihe", "vanha-osoite", "is already taken by an earlier id (alias) of the answer vastaus"),
        ("aihee", "uusi", 'unknown TOPIC "aihee". Did you mean "aihe"? Allowed: aihe'),
        ("", "uusi", "give the TOPIC. Allowed: aihe"),
        ("aihe", "", "give the ID"),
        ("aihe", "Uusi vastaus", 'ID "Uusi vastaus": must be an id of lower-case letters'),
        ("aihe", "äänestys", "no ä, ö, å"),
    ],
)
def test_new_answer_refuses(project: Path, topic: str, answer_id: str, words: str) -> None:
    for lang in ("fi", "sv"):  # an old id of the answer, kept so its old address redirects
        path = project / f"content/faq/aihe/vastaus.{lang}.md"
        path.write_text(
            path.read_text(encoding="utf-8").replace("aliases: []", "aliases: [vanha-osoite]"),
            encoding="utf-8",
        )
    before = files(project)
    result = scaffold(project, "answer", "--topic", topic, "--id", answer_id)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("Nothing was created: ") and words in result.stderr
    assert files(project) == before


def test_make_targets_call_the_scaffold() -> None:
    result = subprocess.run(
        ["make", "-n", "new-answer", "TOPIC=aihe", "ID=x", "new-structure", "REGION=r", "ID=x", "TYPE=forum"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert 'kb new-answer --topic "aihe" --id "x"' in result.stdout
    assert 'kb new-structure --region "r" --id "x" --type "forum"' in result.stdout


# --- new structure ------------------------------------------------------------------------


def _inserted(before: str, after: str) -> list[str]:
    """The lines added, checking that every existing line is kept, in order."""
    old, new = before.split("\n"), after.split("\n")
    start = next(i for i, (a, b) in enumerate(zip(old, new)) if a != b)
    added = len(new) - len(old)
    assert new[:start] == old[:start] and new[start + added :] == old[start:]
    return new[start : start + added]


def test_new_structure_is_appended_and_fails_until_filled(project: Path) -> None:
    path = project / REGION
    before = path.read_text(encoding="utf-8")
    result = scaffold(project, "structure", "--region", "testialue", "--id", "foorumi", "--type", "forum")
    assert result.returncode == 0, result.stderr
    added = _inserted(before, path.read_text(encoding="utf-8"))
    assert added[0] == "  - id: foorumi" and added[1] == "    type: forum"
    assert path.read_text(encoding="utf-8").split("\n").index("contacts: []") == before.split("\n").index(
        "contacts: []"
    ) + len(added)  # the end of structures:
    assert f"checked: {BUILD_DATE}" in added[-1]
    found = problems(project)
    assert [m.split(":")[0] for _, _, m in found] == [
        "structures[1].name.fi",
        "structures[1].name.sv",
        "structures[1].description.fi",
        "structures[1].description.sv",
        "structures[1].sources[0].title",
        "structures[1].sources[0].url",
    ]
    assert all(p == REGION for p, _, _ in found)
    fill(path, {"fi": "Foorumi", "sv": "Forum"})
    fill(path, {"fi": "Kuvaus.", "sv": "Beskrivning.", "title": "Lähde", "url": "https://example.org/sivu"})
    assert problems(project) == []


def test_grant_programme_skeleton_asks_who_decides(project: Path) -> None:
    before = (project / REGION).read_text(encoding="utf-8")
    assert (
        scaffold(
            project, "structure", "--region", "testialue", "--id", "avustukset", "--type", "grant_programme"
        ).returncode
        == 0
    )
    added = _inserted(before, (project / REGION).read_text(encoding="utf-8"))
    assert any(line.strip().startswith("decided_by:") for line in added)
    assert "structures[1].decided_by.fi" in [m.split(":")[0] for _, _, m in problems(project)]


def test_second_structure_can_be_added_before_the_first_is_filled(project: Path) -> None:
    for structure_id in ("eka", "toka"):
        assert (
            scaffold(
                project, "structure", "--region", "testialue", "--id", structure_id, "--type", "forum"
            ).returncode
            == 0
        )
    text = (project / REGION).read_text(encoding="utf-8")
    assert text.index("- id: neuvottelukunta") < text.index("- id: eka") < text.index("- id: toka")


@pytest.mark.parametrize("layout", ["empty list", "no key"])
def test_new_structure_in_a_county_without_structures(project: Path, layout: str) -> None:
    path = project / REGION
    text = path.read_text(encoding="utf-8")
    start, end = text.index("structures:\n"), text.index("contacts: []")
    path.write_text(
        text[:start] + ("structures: []\n" if layout == "empty list" else "") + text[end:], encoding="utf-8"
    )
    assert (
        scaffold(
            project, "structure", "--region", "testialue", "--id", "foorumi", "--type", "forum"
        ).returncode
        == 0
    )
    assert [m.split(":")[0].split(".")[0] for _, _, m in problems(project)] == ["structures[0]"] * 6


@pytest.mark.parametrize(
    "region,structure_id,kind,words",
    [
        ("testialue", "neuvottelukunta", "forum", 'the id "neuvottelukunta" is already used in'),
        ("testialue", "lahteet", "forum", 'the id "lahteet" is reserved for the page layout'),
        ("testialue", "uusi", "foorumi", 'unknown TYPE "foorumi". Did you mean "forum"?'),
        ("testialue", "uusi", "", "give the TYPE. Allowed: advisory_board"),
        ("testialu", "uusi", "forum", 'unknown REGION "testialu". Did you mean "testialue"?'),
        ("municipalities", "uusi", "forum", 'unknown REGION "municipalities"'),
        ("testialue", "Uusi", "forum", 'ID "Uusi": must be an id of lower-case letters'),
    ],
)
def test_new_structure_refuses(project: Path, region, structure_id, kind, words) -> None:
    before = files(project)
    result = scaffold(project, "structure", "--region", region, "--id", structure_id, "--type", kind)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert words in result.stderr, result.stderr
    assert files(project) == before


def test_new_structure_refuses_a_contact_id(project: Path) -> None:
    path = project / REGION
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "contacts: []",
            """contacts:
  - id: koordinaattori
    role: {fi: Koordinaattori, sv: Koordinator}
    organisation: {fi: Alue, sv: Område}
    sources: [{title: T, url: "https://example.org/sivu", checked: 2026-01-01}]""",
        ),
        encoding="utf-8",
    )
    result = scaffold(
        project, "structure", "--region", "testialue", "--id", "koordinaattori", "--type", "forum"
    )
    assert result.returncode == 1 and "already used" in result.stderr


def test_every_real_county_file_can_take_a_new_structure(tmp_path: Path) -> None:
    """The insertion works on the real files' layouts (and keeps their text)."""
    from kb.content.load import region_files
    from kb.content.reading import parse_yaml
    from kb.tools.scaffold import insert_structure, structure_skeleton

    for path in region_files(ROOT / "content" / "regions"):
        before = path.read_text(encoding="utf-8")
        after = insert_structure(
            before, lambda indent: structure_skeleton("uusi-testirakenne", "forum", date(2026, 1, 1), indent)
        )
        _inserted(before, after)
        structures = parse_yaml(after).data["structures"]
        assert structures[-1]["id"] == "uusi-testirakenne", path.name


# --- editor support -----------------------------------------------------------------------

SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/region.schema.json"


def test_every_county_file_names_its_schema_on_the_first_line() -> None:
    from kb.content.load import region_files

    for path in region_files(ROOT / "content" / "regions"):
        assert path.read_text(encoding="utf-8").split("\n", 1)[0] == SCHEMA_LINE, path.name
    assert (ROOT / "content" / "regions" / SCHEMA_LINE.split("=")[1]).resolve().is_file()


def test_editor_settings_point_at_existing_schemas() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    for schema, globs in settings["yaml.schemas"].items():
        assert (ROOT / schema).is_file(), schema
        positive = [g for g in globs if not g.startswith("!")]
        assert any(ROOT.glob(positive[0])), f"{positive[0]} matches no file"
    editorconfig = (ROOT / ".editorconfig").read_text(encoding="utf-8")
    assert "charset = utf-8" in editorconfig and "indent_style = space" in editorconfig


# --- CONTRIBUTING.md: the commands and templates work as written ----------------------------


def _blocks(name: str, lang: str) -> list[str]:
    text = (ROOT / name).read_text(encoding="utf-8")
    return re.findall(rf"^```{lang}\n(.*?)^```$", text, re.M | re.S)


def test_contributing_commands_and_templates_give_valid_content(tmp_path: Path) -> None:
    import shutil

    from kb.tools.scaffold import insert_structure

    root = tmp_path / "repo"
    for name in ("content", "docs"):
        shutil.copytree(ROOT / name, root / name)
    region = root / "content/regions/pirkanmaa.yml"
    original = region.read_text(encoding="utf-8")
    commands = [c for block in _blocks("CONTRIBUTING.md", "sh") for c in block.split("\n") if c]
    assert commands == [c for block in _blocks("CONTRIBUTING.sv.md", "sh") for c in block.split("\n") if c], (
        "the two guides differ"
    )
    for command in commands:  # make new-answer TOPIC=… ID=… / make new-structure …
        target, *assignments = command.split()[1:]
        values = dict(a.split("=", 1) for a in assignments)
        args = (
            ["answer", "--topic", values["TOPIC"], "--id", values["ID"]]
            if target == "new-answer"
            else ["structure", "--region", values["REGION"], "--id", values["ID"], "--type", values["TYPE"]]
        )
        result = scaffold(root, *args)
        assert result.returncode == 0, f"{command}: {result.stderr}"
    # The templates, pasted over the scaffolded files, are complete and valid.
    (fi_answer,), (sv_answer,) = (
        _blocks("CONTRIBUTING.md", "markdown"),
        _blocks("CONTRIBUTING.sv.md", "markdown"),
    )
    answer_id = re.search(r"^id: (\S+)$", fi_answer, re.M).group(1)
    for lang, template in (("fi", fi_answer), ("sv", sv_answer)):
        (root / f"content/faq/avustukset/{answer_id}.{lang}.md").write_text(template, encoding="utf-8")
    structure, decided_by, grant_round, event = _blocks("CONTRIBUTING.md", "yaml")
    lines = structure.rstrip("\n").split("\n")
    lines[1] = "    type: grant_programme"
    at = next(i for i, line in enumerate(lines) if line.startswith("    since:"))
    lines[at:at] = decided_by.rstrip("\n").split("\n")
    text = insert_structure(original, lambda indent: lines)
    # The grant round template: its item goes first in the county's grant_rounds list.
    head, item = grant_round.split("\n", 1)
    assert head == "grant_rounds:" and "\ngrant_rounds:\n" in text
    text = text.replace("\ngrant_rounds:\n", "\ngrant_rounds:\n" + item, 1)
    region.write_text(text, encoding="utf-8")
    (root / "content/events/infotilaisuus.yml").write_text(event, encoding="utf-8")
    result = run_kb(root, "validate")
    assert result.returncode == 0, result.stderr
