"""The content layer's commands. Content problems print as `path:line: message`
on stderr and exit with status 1, never with a traceback."""

from __future__ import annotations

import argparse
import sys
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sitegen", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("."), help="project root")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check all content without building")
    sub.add_parser("schemas", help="regenerate schemas/*.schema.json from the model")
    args = parser.parse_args(argv)
    commands = {"validate": cmd_validate, "schemas": cmd_schemas}
    return commands[args.command](args)
