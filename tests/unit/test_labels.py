"""The labels' contract (src/kb/content/labels.py): content/ui.yml has exactly the declared
labels, and every label the code asks for is declared."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kb.content.labels import LABELS, MARKDOWN, TEXT, label_problem, placeholders_in

SRC = Path(__file__).resolve().parents[2] / "src" / "kb"
LOOKUPS = {"raw", "label", "markdown"}  # PageRenderer's label methods


def asked_for() -> tuple[set[str], set[str]]:
    """Label keys the code names literally, and the prefixes of keys it builds
    (r.label("language." + status) asks for some key starting "language.")."""
    keys, prefixes = set(), set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            arg = None
            if (
                isinstance(node, ast.Call)
                and node.args
                and (
                    (isinstance(node.func, ast.Attribute) and node.func.attr in LOOKUPS)
                    or (isinstance(node.func, ast.Name) and node.func.id in LOOKUPS)
                )
            ):
                arg = node.args[0]
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "startswith"
                and isinstance(node.args[0], ast.Constant)
                and str(node.args[0].value).endswith(".")
            ):
                prefixes.add(node.args[0].value)  # for key in content.ui if key.startswith("search.")
            elif (
                isinstance(node, ast.Subscript)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "ui"
            ):
                arg = node.slice
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                keys.add(arg.value)
            elif isinstance(arg, ast.BinOp) and isinstance(arg.left, ast.Constant):
                prefixes.add(arg.left.value)
            elif isinstance(arg, ast.JoinedStr) and isinstance(arg.values[0], ast.Constant):
                prefixes.add(arg.values[0].value)
    return keys, prefixes


def test_every_label_the_code_names_is_declared() -> None:
    keys, prefixes = asked_for()
    assert len(keys) > 50, "the scan found too few lookups to mean anything"
    assert keys - set(LABELS) == set()
    for prefix in prefixes:
        assert any(key.startswith(prefix) for key in LABELS), prefix


def test_every_declared_label_is_used() -> None:
    keys, prefixes = asked_for()
    unused = {key for key in LABELS if key not in keys and not key.startswith(tuple(prefixes))}
    assert unused == set()


def test_ui_yml_holds_exactly_the_declared_labels(content) -> None:
    assert set(content.ui) == set(LABELS)


@pytest.mark.parametrize(
    "text, names",
    [
        ("Tiedot tarkistettu {date}", {"date"}),
        ("{d}.{m}.{y}", {"d", "m", "y"}),
        ("ei paikanvaraajia", set()),
        ("kirjaimellinen {{aaltosulku}}", set()),
        ("avaamaton {", {"{"}),
    ],
)
def test_placeholders_are_read_as_str_format_does(text: str, names: set[str]) -> None:
    assert placeholders_in(text) == names


@pytest.mark.parametrize(
    "key, text, problem",
    [
        ("reviewed", "Tiedot tarkistettu {date}", None),
        (
            "reviewed",
            "Tiedot tarkistettu {paiva}",
            'the fi text of "reviewed" must use exactly the '
            "placeholders {date} (found {paiva}); keep them as they are in the other language",
        ),
        (
            "reviewed",
            "Tiedot tarkistettu",
            'the fi text of "reviewed" must use exactly the '
            "placeholders {date} (found none); keep them as they are in the other language",
        ),
        (
            "faq.title",
            "Kysymykset {x}",
            'the fi text of "faq.title" takes no placeholders (found {x}); write a literal brace as {{ or }}',
        ),
        (
            "faq.title",
            "Kysymykset {",
            'the fi text of "faq.title" has an unmatched { or }; '
            "placeholders are written {name}, and a literal brace as {{ or }}",
        ),
    ],
)
def test_label_problems(key: str, text: str, problem: str | None) -> None:
    assert label_problem(key, "fi", text) == problem


def test_kinds() -> None:
    assert LABELS["home.regions_text"].kind == MARKDOWN
    assert LABELS["site.name"].kind == TEXT
    assert {key for key in LABELS if key.startswith("structure_type.")} >= {
        "structure_type.advisory_board",
        "structure_type.grant_programme",
    }
