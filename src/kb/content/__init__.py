"""The content layer: content files -> the checked content model. Imports no framework.

    content, problems = read_and_check(root, today)

reads every file under content/ and docs/ (load.py, each file on its own) and
then applies the rules across files (rules.py). Problems are `path:line: message`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .load import load_content, symlink_problems
from .model import Content
from .problems import Problems
from .rules import check_content


def read_and_check(root: Path, today: date) -> tuple[Content, Problems]:
    """All content under `root`, and every problem in it (`today`: the build date)."""
    links = symlink_problems(root)
    if links:  # nothing is read through a link (it could point anywhere, or loop)
        return Content(root=root), links
    content, problems = load_content(root)
    check_content(content, problems, today=today, partial=bool(problems))
    return content, problems
