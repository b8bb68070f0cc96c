"""Pydantic's validation errors, rewritten for editors as `path:line: message` lines.

Editors are not programmers: every line names the field, says in plain language
what is wrong, and what is allowed ("unknown field "webstie". Did you mean
"website"? Allowed fields here: …").
"""

from __future__ import annotations

import re
import typing
from pathlib import Path

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .positions import Positions
from .problems import Problems, did_you_mean


def _field_model(annotation: object) -> type[BaseModel] | None:
    """The BaseModel inside `list[X]`, `X | None`, `Annotated[X, …]`, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _field_model(arg)
        if found:
            return found
    return None


def _model_at(cls: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    current: type[BaseModel] | None = cls
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _field_model(info.annotation)
    return current


def _label(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def model_problems(err: ValidationError, cls: type[BaseModel], path: Path, positions: Positions) -> Problems:
    problems = Problems()
    for error in err.errors(include_url=False):
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        kind = error["type"]
        field = _label(loc)
        if kind == "missing":
            owner = _model_at(cls, loc[:-1])
            hint = ""
            if owner is not None and loc[-1] in owner.model_fields:
                hint = _describe(owner.model_fields[loc[-1]].description)
            problems.add(
                path, positions.line_of(loc[:-1]), f'the field "{field}" is missing; it is required{hint}'
            )
        elif kind == "extra_forbidden":
            owner = _model_at(cls, loc[:-1])
            names = list(owner.model_fields) if owner else []
            problems.add(
                path,
                positions.line_of(loc),
                f'unknown field "{field}".{did_you_mean(str(loc[-1]), names)} '
                f"Allowed fields here: {', '.join(names)}",
            )
        else:
            problems.add(path, positions.line_of(loc), f"{field or 'the file'}: {_message(error)}")
    return problems


def _describe(description: str | None) -> str:
    return f" ({description.rstrip('.')})" if description else ""


def _message(error: ErrorDetails) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "content":
        return error["msg"]
    if kind == "string_type":
        return "must be text, not a list or a group of fields"
    if kind == "list_type":
        return 'must be a list: put each item on its own line starting with "- "'
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return 'must be a group of fields ("name: value" lines, indented under it)'
    if kind == "literal_error":
        expected = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        got = str(error.get("input"))
        return f'"{got}" is not allowed.{did_you_mean(got, expected)} Allowed: {", ".join(expected)}'
    if kind == "too_short":
        if error["loc"] and error["loc"][-1] == "sources":
            return "at least one source (title, url, checked) is required"
        return f"must have at least {ctx.get('min_length', 1)} item(s)"
    return error["msg"]
