"""The last resorts behind "no traceback for any input": an error in kb itself is one
line (exit 2), and a traceback from MkDocs is shown as its last line only. (Content
problems never get this far: tests/cli/test_bad_inputs.py.)"""

from __future__ import annotations

import argparse

import pytest

from kb import cli
from kb.build.mkdocs import _without_tracebacks


def test_an_internal_error_is_one_line(monkeypatch, capsys) -> None:
    def broken(args: argparse.Namespace) -> int:
        raise KeyError("x")

    monkeypatch.delenv("KB_DEBUG", raising=False)
    monkeypatch.setattr(cli, "cmd_validate", broken)
    assert cli.main(["validate"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kb: internal error (KeyError: 'x'); this is a bug in kb, not in the content")
    assert "Traceback" not in err and len(err.splitlines()) == 1


def test_kb_debug_shows_the_traceback(monkeypatch) -> None:
    def broken(args: argparse.Namespace) -> int:
        raise KeyError("x")

    monkeypatch.setenv("KB_DEBUG", "1")
    monkeypatch.setattr(cli, "cmd_validate", broken)
    with pytest.raises(KeyError):
        cli.main(["validate"])


def test_mkdocs_tracebacks_are_reduced_to_their_error() -> None:
    output = [
        "WARNING -  a warning",
        "Traceback (most recent call last):",
        '  File "/x/mkdocs/__main__.py", line 1, in <module>',
        "    main()",
        "",
        "KeyError: 'nav'",
        "ERROR -  Aborted",
    ]
    assert _without_tracebacks(output) == ["WARNING -  a warning", "KeyError: 'nav'", "ERROR -  Aborted"]
