"""`python -m kb` is the `kb` command (kb/cli.py)."""

from kb.cli import main

raise SystemExit(main())
