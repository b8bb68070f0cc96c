"""YAML is read without YAML 1.1 surprises: codes and numbers stay strings."""

from __future__ import annotations

import pytest

from kb.content.reading import ContentLoadError, parse_yaml, read_text


@pytest.mark.parametrize(
    "text,expected",
    [
        ("postal_code: 00100", "00100"),  # PyYAML safe_load gives 64
        ("phone: 0401234567", "0401234567"),  # safe_load gives an octal integer
        ("code: 020", "020"),  # safe_load gives 16
        ("answer: no", "no"),  # safe_load gives False
        ("time: 1:30", "1:30"),  # safe_load gives 90
        ("date: 2025-01-31", "2025-01-31"),  # dates are parsed on purpose by the model
    ],
)
def test_plain_scalars_stay_strings(text: str, expected: str) -> None:
    key = text.split(":", maxsplit=1)[0]
    assert parse_yaml(text).data == {key: expected}


def test_empty_and_null_mean_no_value() -> None:
    assert parse_yaml("a:\nb: null\nc: ~").data == {"a": None, "b": None, "c": None}


def test_positions_point_at_each_value() -> None:
    doc = parse_yaml("id: x\nlist:\n  - a\n  - name: b\n", line_offset=1)
    assert doc.positions.line_of(("id",)) == 2
    assert doc.positions.line_of(("list", 1, "name")) == 5
    assert doc.positions.line_of(("list", 1, "missing")) == 5


@pytest.mark.parametrize("text", ["a: !!int 5", "a: !!python/object:os.system x"])
def test_tags_are_refused(text: str) -> None:
    with pytest.raises(ContentLoadError):
        parse_yaml(text)


def test_alias_bomb_is_refused_before_expansion() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    with pytest.raises(ContentLoadError) as err:
        parse_yaml("\n".join(lines))
    assert "anchors" in err.value.message


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("a: x\nb: y\x00z\n", 2, "a NUL byte"),
        ("a: x\nb: \u202eevil\n", 2, "the bidirectional control character U+202E"),
        ("a: \u2066x\u2069\n", 1, "the bidirectional control character U+2066"),
        ("a: x\x07\n", 1, "the control character U+0007"),
        ("a: " + "x" * 6000 + "\n", 1, "the line is 6,003 characters long"),
    ],
)
def test_invisible_characters_and_long_lines_are_refused(tmp_path, text: str, line: int, words: str) -> None:
    path = tmp_path / "f.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentLoadError) as err:
        read_text(path)
    assert err.value.line == line and words in err.value.message


def test_tabs_line_feeds_and_finnish_text_pass(tmp_path) -> None:
    path = tmp_path / "f.md"
    path.write_text("otsikko\tä ö å — “lainaus” €\r\nseuraava\n", encoding="utf-8")
    assert read_text(path).startswith("otsikko")


def test_a_symbolic_link_is_refused(tmp_path) -> None:
    (tmp_path / "real.yml").write_text("a: b\n", encoding="utf-8")
    (tmp_path / "link.yml").symlink_to(tmp_path / "real.yml")
    with pytest.raises(ContentLoadError) as err:
        read_text(tmp_path / "link.yml")
    assert "symbolic link" in err.value.message


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 40 + "]" * 40,  # libyaml's path
        "x: '&'\na: " + "[" * 3000 + "]" * 3000,  # the strict path (no recursion error)
        "x: '&'\na:\n" + "- " * 2000 + "x",
    ],
)
def test_deep_nesting_is_refused_with_a_line(text: str) -> None:
    with pytest.raises(ContentLoadError) as err:
        parse_yaml(text)
    assert "nested more than" in err.value.message
