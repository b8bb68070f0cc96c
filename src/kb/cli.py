"""`kb`: the one command of the project. Every job has a verb (`kb --help`); the make
targets are thin calls of these (`make build` is `kb build`).

Content problems print as `path:line: message` on stderr with exit status 1, never
as a traceback (an error in kb itself prints one line and exits 2; KB_DEBUG=1 shows
its traceback). Settings come from the environment (kb/config.py: SITE_URL,
REPOSITORY_URL, KB_BUILD_DATE) and are read here, once.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from kb.config import ConfigError, build_date_from
from kb.content import read_and_check

Command = Callable[[argparse.Namespace], int]


def cmd_validate(args: argparse.Namespace) -> int:
    from kb.build.pipeline import report

    content, problems = read_and_check(args.root, build_date_from(os.environ))
    if problems:
        report(problems)
        return 1
    print(
        f"Content OK: {len(content.regions)} counties, {len(content.municipalities)} "
        f"municipalities, {len(content.answers)} answers in {len(content.topics)} topics."
    )
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from kb.build.pipeline import build

    return build(args.root, args.site_dir or args.root / "site", generate_only=args.generate_only)


def cmd_serve(args: argparse.Namespace) -> int:
    from kb.build.serve import serve

    return serve(args.root, args.port)


def cmd_schemas(args: argparse.Namespace) -> int:
    from kb.content.schemas import write_schemas

    for path in write_schemas(args.root):
        print(f"wrote {path}")
    return 0


def _incomplete(problem_count: int) -> int:
    if problem_count:
        print(
            f"Note: the content has {problem_count} other problem(s), so this list may be "
            "incomplete; run `make validate` to see them.",
            file=sys.stderr,
        )
        return 1
    return 0


def cmd_translations(args: argparse.Namespace) -> int:
    from kb.content.translations import CURRENT, MISSING, OUTDATED, UNTRACKED, describe, translation_items

    content, problems = read_and_check(args.root, build_date_from(os.environ))
    items = translation_items(content)
    for item in items:
        if item.status != CURRENT:
            print(describe(item))
    counts = {
        status: sum(1 for i in items if i.status == status)
        for status in (CURRENT, OUTDATED, UNTRACKED, MISSING)
    }
    print(
        f"Translations: {counts[CURRENT]} up to date, {counts[OUTDATED]} outdated, "
        f"{counts[UNTRACKED]} not yet tracked, {counts[MISSING]} missing "
        f"({len(items)} counties and answers)."
    )
    return _incomplete(len(problems))


def cmd_stale(args: argparse.Namespace) -> int:
    from kb.content.freshness import expired_items, months_before, stale_items

    if args.months < 1:
        print("--months must be a whole number of months, 1 or more", file=sys.stderr)
        return 2
    today = build_date_from(os.environ)
    content, problems = read_and_check(args.root, today)
    cutoff = months_before(today, args.months)
    items = stale_items(content, cutoff)
    for item in items:
        print(item.describe(cutoff))
    print(f"{len(items)} file(s) reviewed before {cutoff.isoformat()} (older than {args.months} months).")
    expired = expired_items(content, today)
    for expired_item in expired:
        print(expired_item.describe())
    print(f"{len(expired)} term(s) ended before {today.isoformat()} (valid_until).")
    return _incomplete(len(problems))


def cmd_new_answer(args: argparse.Namespace) -> int:
    from kb.tools.scaffold import main_answer

    return main_answer(args.root, args.topic, args.id)


def cmd_new_structure(args: argparse.Namespace) -> int:
    from kb.tools.scaffold import main_structure

    return main_structure(args.root, args.region, args.id, args.type)


def cmd_move_answer(args: argparse.Namespace) -> int:
    from kb.tools.move import main_move

    return main_move(args.root, args.old, args.new, args.topic)


def cmd_links(args: argparse.Namespace) -> int:
    from kb.tools.linkcheck import CONTRACT, main_links

    return main_links(
        args.site or args.root / "site", args.contract or args.root / CONTRACT, write=args.write
    )


def cmd_bench(args: argparse.Namespace) -> int:
    from kb.tools.bench import main_bench

    return main_bench(args.root, args.sizes, args.keep)


def cmd_search_eval(args: argparse.Namespace) -> int:
    from kb.tools.search_eval import main_search_eval

    return main_search_eval(args.root, args.site or args.root / "site", args.compare, args.misses)


def cmd_stress(args: argparse.Namespace) -> int:
    from kb.tools.stress import main_stress

    return main_stress(args.root, args.builds, args.busy)


def cmd_screenshots(args: argparse.Namespace) -> int:
    from kb.tools.screenshots import OUT, main_screenshots

    return main_screenshots(args.root, args.site or args.root / "site", args.out or args.root / OUT)


def cmd_lighthouse(args: argparse.Namespace) -> int:
    from kb.tools.lighthouse import OUT, main_lighthouse

    return main_lighthouse(args.root, args.site or args.root / "site", args.out or args.root / OUT, args.runs)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="kb", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    top.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        help="the project folder holding content/ and docs/ (default: .)",
    )
    verbs = top.add_subparsers(dest="verb", required=True, metavar="VERB")

    def verb(name: str, command: Command, help_text: str) -> argparse.ArgumentParser:
        sub = verbs.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(command=command)
        return sub

    verb("validate", cmd_validate, "check all content without building (path:line: message)")
    build = verb(
        "build",
        cmd_build,
        "validate and build the site into site/ (the previous site stays until the new one is complete)",
    )
    build.add_argument("--site-dir", type=Path, help="where to put the site (default: ROOT/site)")
    build.add_argument(
        "--generate-only",
        action="store_true",
        help="write the Markdown and MkDocs configuration into build/ only",
    )
    serve = verb(
        "serve",
        cmd_serve,
        "build, serve the site on 127.0.0.1 and rebuild when "
        "content/ or docs/ change (the same pipeline as build)",
    )
    serve.add_argument("--port", type=int, default=8000)
    verb("schemas", cmd_schemas, "regenerate schemas/*.schema.json from the content model")
    verb("translations", cmd_translations, "list missing, outdated and untracked translations")
    stale = verb(
        "stale",
        cmd_stale,
        "list content reviewed more than N months ago, and facts whose validity has run out",
    )
    stale.add_argument("--months", type=int, default=12)
    answer = verb("new-answer", cmd_new_answer, "create a new answer in both languages")
    answer.add_argument("--topic", default="")
    answer.add_argument("--id", default="")
    structure = verb("new-structure", cmd_new_structure, "add a cooperation structure to a county file")
    structure.add_argument("--region", default="")
    structure.add_argument("--id", default="")
    structure.add_argument("--type", default="")
    move = verb(
        "move-answer",
        cmd_move_answer,
        "rename an answer (its files, id and links), "
        "keeping the old id as an alias so its address keeps working",
    )
    move.add_argument("old")
    move.add_argument("new")
    move.add_argument("--topic", default="", help="also move it to this topic")
    links = verb(
        "links",
        cmd_links,
        "check the built site against the link contract "
        "(tests/link-contract.txt), or rewrite it with --write",
    )
    links.add_argument("--write", action="store_true")
    links.add_argument("--site", type=Path)
    links.add_argument("--contract", type=Path)
    bench = verb("bench", cmd_bench, "build-time benchmark: the real site and synthetic content")
    bench.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[500, 2000],
        help="answers per language of the synthetic builds",
    )
    bench.add_argument("--keep", type=Path, help="keep the outputs in this folder")
    stress = verb(
        "stress",
        cmd_stress,
        "many full builds in a row with the CPU busy: every one must pass and give the same bytes",
    )
    stress.add_argument("--builds", type=int, default=20)
    stress.add_argument("--busy", type=int, default=2, help="processes keeping the CPU busy")
    evaluation = verb(
        "search-eval",
        cmd_search_eval,
        "measure search quality (recall@1/3, MRR) on tests/search_queries.yml in headless Chromium",
    )
    evaluation.add_argument("--site", type=Path)
    evaluation.add_argument(
        "--no-compare",
        dest="compare",
        action="store_false",
        help="skip the comparison with Material's built-in search",
    )
    evaluation.add_argument("--misses", action="store_true", help="list the queries missed")
    shots = verb(
        "screenshots",
        cmd_screenshots,
        "PNG screenshots of the key pages at 390 and 1280 px in both languages (for review)",
    )
    shots.add_argument("--site", type=Path)
    shots.add_argument("--out", type=Path, help="where to write them (default: build/screenshots)")
    lighthouse = verb(
        "lighthouse",
        cmd_lighthouse,
        "Lighthouse (npm, Debian Chromium) over the key pages in both languages: the median of each category",
    )
    lighthouse.add_argument("--site", type=Path)
    lighthouse.add_argument("--out", type=Path, help="the JSON summary (default: build/lighthouse.json)")
    lighthouse.add_argument("--runs", type=int, default=3, help="runs per page (the median is reported)")
    return top


def main(argv: list[str] | None = None) -> int:
    # Progress lines appear as they happen, also when the output goes to a CI log.
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(line_buffering=True)
    args = parser().parse_args(argv)
    try:
        return int(args.command(args))
    except ConfigError as err:
        print(f"kb: {err}", file=sys.stderr)
        return 2
    except Exception as err:  # never a traceback for editors: content reaches none on purpose
        if os.environ.get("KB_DEBUG"):
            raise
        print(
            f"kb: internal error ({type(err).__name__}: {str(err)[:300]}); this is a bug in kb, not "
            "in the content: please report it with the change you made (KB_DEBUG=1 shows the details)",
            file=sys.stderr,
        )
        return 2
