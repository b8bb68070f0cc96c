"""Where each value of a content file is: its line number, kept beside the data.

The reader (reading.py) records a line for every value while it parses; checks
anywhere later ask `line_of(("structures", 2, "id"))` to point editors at
`path:line`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Key = tuple[str | int, ...]


@dataclass
class Positions:
    """Line numbers of values, keyed by their path in the document."""

    lines: dict[Key, int] = field(default_factory=dict)
    offset: int = 0  # added to every line (front matter starts on line 2)

    def line_of(self, key: Key) -> int:
        """The line of `key`, or of its closest recorded ancestor."""
        key = tuple(key)
        while key:
            if key in self.lines:
                return self.lines[key] + self.offset
            key = key[:-1]
        return self.lines.get((), 1) + self.offset

    def top_keys(self) -> list[str]:
        """The document's own keys (of a mapping), in file order."""
        keys = [path[0] for path in self.lines if len(path) == 1 and isinstance(path[0], str)]
        return sorted(keys, key=lambda k: self.lines[(k,)])

    def sub(self, key: str | int) -> Positions:
        """Positions of a nested value, re-keyed so that it looks like a document."""
        nested = Positions(offset=self.offset)
        for path, line in self.lines.items():
            if path[:1] == (key,):
                nested.lines[path[1:]] = line
        return nested
