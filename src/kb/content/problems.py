"""Problems found in content, reported like a compiler: `path:line: message`.

Editors are not programmers. Every problem names the file, the line and, in
plain language, what is wrong and what is allowed. The content layer never
raises a Python traceback for a content mistake: it collects `Problem`s and
the command-line front end prints them all and exits with status 1.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Problems:
    """An ordered, de-duplicated collection of problems."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: Path | str, line: int, message: str) -> None:
        problem = Problem(display_path(path), max(line, 1), message)
        if problem not in self.items:
            self.items.append(problem)

    def extend(self, other: Iterable[Problem]) -> None:
        for problem in other:
            if problem not in self.items:
                self.items.append(problem)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(self.items))

    def __len__(self) -> int:
        return len(self.items)


def display_path(path: Path | str) -> str:
    """Show paths relative to the working directory, as editors see them."""
    p = Path(path)
    try:
        # the folder resolved, not the file: a symbolic link is shown as itself
        return (p.parent.resolve() / p.name).relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return p.as_posix()


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' Did you mean "x"?' suffix, or '' when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' Did you mean "{close[0]}"?' if close else ""


def allowed_list(choices: Iterable[str], limit: int = 25) -> str:
    items = sorted(choices)
    shown = ", ".join(items[:limit])
    return shown + (f" … ({len(items)} in all)" if len(items) > limit else "")
