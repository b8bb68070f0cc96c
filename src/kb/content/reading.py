"""Read content files safely: bounded size, strict UTF-8, YAML without surprises.

Content arrives in pull requests from anyone, so loading is defensive:

* a file larger than `MAX_FILE_BYTES` is refused before it is parsed;
* bytes must be UTF-8;
* YAML anchors and aliases are refused outright, so an "alias bomb"
  (billion laughs) can never be expanded;
* duplicate keys, which PyYAML silently accepts, are errors;
* there is no YAML 1.1 implicit typing: every plain scalar is a string
  (the postal code 00100 stays "00100", a phone number 0401234567 stays a
  string, `no` stays "no"). Only an empty value or `null`/`~` means "no value".
  Dates are parsed on purpose by the model, not by YAML.

Every value's line number is kept beside the data in a `Positions` map, so
later checks can point editors at `path:line`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from .positions import Key, Positions

MAX_FILE_BYTES = 200_000
MAX_NODES = 20_000
MAX_DEPTH = 12  # the deepest real content is 5 levels; deeper is a mistake or an attack
MAX_LINE_CHARS = 5_000  # a folded paragraph is one long line; 5,000 characters is ~15 of them


class ContentLoadError(Exception):
    """A file that cannot be read at all; carries the line to report."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class YamlDocument:
    data: Any
    positions: Positions


# Characters that have no place in content and can hide what a text says: NUL and
# other C0/C1 controls (tab, line feed and carriage return are fine), and the
# bidirectional overrides and isolates that can make text display in another order
# than it is stored ("Trojan Source").
_FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")


def _character_name(char: str) -> str:
    if char == "\x00":
        return "a NUL byte"
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return f"the bidirectional control character U+{ord(char):04X}"
    return f"the control character U+{ord(char):04X}"


def check_characters(text: str) -> None:
    """Refuse invisible controls and over-long lines, naming the first line with one."""
    found = _FORBIDDEN_CHARACTERS.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise ContentLoadError(
            line,
            f"the text contains {_character_name(found.group())}, "
            "which is not allowed in content; delete it (it may be "
            "invisible: retype the line)",
        )
    for number, line_text in enumerate(text.split("\n"), start=1):
        if len(line_text) > MAX_LINE_CHARS:
            raise ContentLoadError(
                number,
                f"the line is {len(line_text):,} characters long; "
                f"lines may be at most {MAX_LINE_CHARS:,} characters "
                "(break the text into lines or paragraphs)",
            )


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Return the file's text, refusing huge, empty and non-UTF-8 files, symbolic
    links, invisible control characters and over-long lines."""
    if path.is_symlink():
        raise ContentLoadError(
            1, "the file is a symbolic link; content files must be ordinary files in the repository"
        )
    if not path.is_file():
        raise ContentLoadError(1, "the file is missing")
    size = path.stat().st_size
    if size > max_bytes:
        raise ContentLoadError(
            1, f"the file is {size:,} bytes; content files may be at most {max_bytes:,} bytes"
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise ContentLoadError(
            line,
            "the file is not UTF-8 text; save it with UTF-8 encoding (byte "
            f"0x{raw[err.start]:02x} cannot be read)",
        ) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ContentLoadError(1, "the file is empty")
    check_characters(text)
    return text


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader without implicit types, anchors or aliases, and with bounded depth
    (its composer is recursive: a deeply nested text would exhaust Python's stack)."""

    _depth = 0

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        event = self.peek_event()
        if self._depth >= MAX_DEPTH:
            raise ContentLoadError(_line(event.start_mark), _TOO_DEEP)
        if isinstance(event, yaml.AliasEvent):
            raise ContentLoadError(
                _line(event.start_mark),
                f"YAML aliases (*{event.anchor}) are not allowed in content files; "
                "write the value out in full",
            )
        if getattr(event, "anchor", None):
            raise ContentLoadError(
                _line(event.start_mark),
                f"YAML anchors (&{event.anchor}) are not allowed in content files; "
                "write the value out in full",
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _line(mark: Any) -> int:
    return mark.line + 1 if mark is not None else 1


_TOO_DEEP = (
    f"the values are nested more than {MAX_DEPTH} levels deep; content files are "
    "never that deep (check the indentation and the brackets)"
)

# No implicit resolvers except "empty or null means no value".
_StrictLoader.yaml_implicit_resolvers = {}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)

_STR, _NULL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null"
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"

# PyYAML's wording, translated for editors.
_SYNTAX_HINTS: list[tuple[str, str]] = [
    ("'\\t'", "a tab character is not allowed in YAML; indent with spaces only"),
    ("while scanning a quoted scalar", "a quotation mark is opened but never closed"),
    (
        "mapping values are not allowed here",
        "unexpected colon: check the indentation, or put a value that contains ': ' in quotes",
    ),
    (
        "expected <block end>",
        "the indentation is wrong: keys of the same list or mapping must start in the same column",
    ),
    ("did not find expected key", "the indentation is wrong, or a quoted value is followed by extra text"),
    (
        "did not find expected '-' indicator",
        "the indentation of a list is wrong: every item must start with '- ' in the same column",
    ),
]


def _syntax_message(err: yaml.MarkedYAMLError) -> str:
    text = f"{err.context or ''} {err.problem or ''}"
    for needle, hint in _SYNTAX_HINTS:
        if needle in text:
            return f"YAML syntax error: {hint}"
    return f"YAML syntax error: {(err.problem or err.context or 'cannot parse').strip()}"


# Speed (make bench): libyaml parses ~10x faster than the pure-Python loader, but
# only the pure-Python one can refuse anchors and aliases as they are read. So
# libyaml composes only texts that cannot hold them (no & or *); every other
# text, and every text libyaml fails on, goes through _StrictLoader, whose
# error messages the hints above translate. Same nodes, same checks after.
_FastLoader = None
if getattr(yaml, "__with_libyaml__", False):

    class _FastLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        yaml_implicit_resolvers = _StrictLoader.yaml_implicit_resolvers


_BRACKET = re.compile(r"[\[\]{}]")


def _flow_depth(text: str) -> int:
    """How deep [ and { nest in the text (brackets in quoted values count too: an
    over-estimate, which only sends the text to the strict loader)."""
    depth = deepest = 0
    for found in _BRACKET.finditer(text):
        depth = depth + 1 if found.group() in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest


def _fast_node(text: str) -> yaml.Node | Literal[False] | None:
    """The document's node via libyaml, or False when the strict loader must parse it.
    libyaml's composer recurses in C: deeply nested flow collections ([[[[…) would
    crash the process, so they go to the strict loader, which refuses them in time."""
    if _FastLoader is None or "&" in text or "*" in text or _flow_depth(text) > MAX_DEPTH:
        return False
    loader = _FastLoader(text)
    try:
        return loader.get_single_node()
    except yaml.YAMLError:
        return False
    finally:
        loader.dispose()


def parse_yaml(text: str, line_offset: int = 0) -> YamlDocument:
    """Parse one YAML document into plain Python values plus positions."""
    fast = _fast_node(text)
    node = _strict_node(text, line_offset) if fast is False else fast
    positions = Positions(offset=line_offset)
    if node is None:
        return YamlDocument(None, positions)
    counter = [0]
    data = _construct(node, (), positions, counter, line_offset)
    return YamlDocument(data, positions)


def _strict_node(text: str, line_offset: int) -> yaml.Node | None:
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
    except ContentLoadError as err:
        err.line += line_offset
        raise
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if err.context_mark and "quoted scalar" in (err.context or ""):
            mark = err.context_mark  # where the quote was opened, not the end of file
        line = (mark.line + 1 if mark else 1) + line_offset
        raise ContentLoadError(line, _syntax_message(err)) from None
    except yaml.YAMLError as err:
        raise ContentLoadError(1 + line_offset, f"YAML syntax error: {err}") from None
    finally:
        loader.dispose()
    return node


def _construct(node: yaml.Node, key: Key, positions: Positions, counter: list[int], offset: int) -> Any:
    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise ContentLoadError(
            node.start_mark.line + 1 + offset, f"the file has more than {MAX_NODES:,} values; split it up"
        )
    if len(key) > MAX_DEPTH:
        raise ContentLoadError(node.start_mark.line + 1 + offset, _TOO_DEEP)
    positions.lines.setdefault(key, node.start_mark.line + 1)
    if isinstance(node, yaml.ScalarNode):
        _check_escaped_characters(node, offset)
        if node.tag == _NULL:
            return None
        if node.tag != _STR:
            raise ContentLoadError(
                node.start_mark.line + 1 + offset,
                f"YAML tags such as {node.tag.replace('tag:yaml.org,2002:', '!!')} "
                "are not allowed; write plain values",
            )
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(child, (*key, i), positions, counter, offset) for i, child in enumerate(node.value)
        ]
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP:
            raise ContentLoadError(node.start_mark.line + 1 + offset, "YAML tags are not allowed")
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (_STR, _NULL):
                raise ContentLoadError(line + offset, "a key must be a plain word")
            _check_escaped_characters(key_node, offset)
            name = key_node.value
            if name == "<<":
                raise ContentLoadError(line + offset, "YAML merge keys (<<) are not allowed")
            if name in seen:
                raise ContentLoadError(
                    line + offset,
                    f'the key "{name}" appears twice (first on line {seen[name] + offset}); keep only one',
                )
            seen[name] = line
            positions.lines[(*key, name)] = line
            result[name] = _construct(value_node, (*key, name), positions, counter, offset)
        return result
    raise ContentLoadError(node.start_mark.line + 1 + offset, "unsupported YAML")


def _check_escaped_characters(node: yaml.ScalarNode, offset: int) -> None:
    """The file's characters were checked as read; a double-quoted YAML value can still
    write one as an escape ("\\0", "\\u202e"), so each value is checked as parsed."""
    found = _FORBIDDEN_CHARACTERS.search(node.value)
    if found:
        raise ContentLoadError(
            node.start_mark.line + 1 + offset,
            f"the value contains {_character_name(found.group())}, written as an escape in quotes "
            "(such as \\0 or \\u202e); it is not allowed in content: delete it",
        )


def load_yaml_file(path: Path) -> YamlDocument:
    return parse_yaml(read_text(path))


@dataclass
class MarkdownDocument:
    front: YamlDocument
    body: str
    body_line: int  # line number of the first body line


_FENCE = "---"


def load_markdown_file(path: Path) -> MarkdownDocument:
    """Split `---` front matter from the Markdown body."""
    text = read_text(path)
    lines = text.splitlines()
    if not lines or lines[0].strip() != _FENCE:
        raise ContentLoadError(
            1, "the file must start with front matter: a line '---', the fields, and another line '---'"
        )
    for index in range(1, len(lines)):
        if lines[index].strip() == _FENCE:
            front_text = "\n".join(lines[1:index])
            doc = parse_yaml(front_text, line_offset=1)
            body = "\n".join(lines[index + 1 :])
            return MarkdownDocument(doc, body, index + 2)
    raise ContentLoadError(1, "the front matter is not closed: add a line '---' after the fields")
