"""YAML is read without YAML 1.1 surprises: codes and numbers stay strings."""

from __future__ import annotations

import pytest

from kb.content.reading import ContentLoadError, parse_yaml


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
