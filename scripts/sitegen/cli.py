"""The content layer's commands. Content problems print as `path:line: message`
on stderr and exit with status 1, never with a traceback."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .content import load_content
from .model import Content


def load_or_report(root: Path) -> Content | None:
    content, problems = load_content(root)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        count = len(problems)
        print(f"{count} problem{'s' if count != 1 else ''} found; nothing was built.",
              file=sys.stderr)
        return None
    return content


def cmd_validate(args: argparse.Namespace) -> int:
    content = load_or_report(args.root)
    if content is None:
        return 1
    print(f"Content OK: {len(content.regions)} counties, {len(content.municipalities)} "
          f"municipalities, {len(content.answers)} answers in {len(content.topics)} topics.")
    return 0


def cmd_schemas(args: argparse.Namespace) -> int:
    from .schemas import write_schemas
    for path in write_schemas(args.root):
        print(f"wrote {path}")
    return 0


def _load_for_report(root: Path) -> tuple[Content, int]:
    """Reports also work on content with problems (a missing twin is one), on what
    could be loaded; the caller says the report may be incomplete."""
    content, problems = load_content(root)
    return content, len(problems)


def _incomplete(problem_count: int) -> int:
    if problem_count:
        print(f"Note: the content has {problem_count} other problem(s), so this list may be "
              "incomplete; run `make validate` to see them.", file=sys.stderr)
        return 1
    return 0


def cmd_translations(args: argparse.Namespace) -> int:
    from .translations import CURRENT, MISSING, OUTDATED, UNTRACKED, describe, translation_items
    content, problem_count = _load_for_report(args.root)
    items = translation_items(content)
    for item in items:
        if item.status != CURRENT:
            print(describe(item))
    counts = {status: sum(1 for i in items if i.status == status)
              for status in (CURRENT, OUTDATED, UNTRACKED, MISSING)}
    print(f"Translations: {counts[CURRENT]} up to date, {counts[OUTDATED]} outdated, "
          f"{counts[UNTRACKED]} not yet tracked, {counts[MISSING]} missing "
          f"({len(items)} counties and answers).")
    return _incomplete(problem_count)


def cmd_stale(args: argparse.Namespace) -> int:
    from .freshness import months_before, stale_items
    if args.months < 1:
        print("--months must be a whole number of months, 1 or more", file=sys.stderr)
        return 2
    content, problem_count = _load_for_report(args.root)
    cutoff = months_before(date.today(), args.months)
    items = stale_items(content, cutoff)
    for item in items:
        print(item.describe(cutoff))
    print(f"{len(items)} file(s) reviewed before {cutoff.isoformat()} "
          f"(older than {args.months} months).")
    return _incomplete(problem_count)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sitegen", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("."), help="project root")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check all content without building")
    sub.add_parser("schemas", help="regenerate schemas/*.schema.json from the model")
    sub.add_parser("translations", help="list missing, outdated and untracked translations")
    stale = sub.add_parser("stale", help="list content reviewed more than N months ago")
    stale.add_argument("--months", type=int, default=12)
    args = parser.parse_args(argv)
    commands = {"validate": cmd_validate, "schemas": cmd_schemas,
                "translations": cmd_translations, "stale": cmd_stale}
    return commands[args.command](args)
