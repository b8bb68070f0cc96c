"""Command line: `python -m sitegen <command>` (the Makefile wraps these)."""

from .cli import main

raise SystemExit(main())
