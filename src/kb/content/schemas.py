"""JSON Schemas for editors, generated from the content model.

Committed under schemas/ and associated with the content files (the
`# yaml-language-server: $schema=` line and .vscode/settings.json), so editors get
completion and inline errors. `make schemas` regenerates them; a test fails
when they are out of date.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, RootModel

from . import layout
from .model import AnswerFrontMatter, AssociationsFile, Event, GlossaryFile, Region, TopicsFile, UiString


class UiFile(RootModel[dict[str, UiString]]):
    """content/ui.yml: every label key with its fi and sv text."""


SCHEMAS: dict[str, type[BaseModel]] = {
    "region.schema.json": Region,
    "event.schema.json": Event,
    "faq.schema.json": AnswerFrontMatter,
    "topics.schema.json": TopicsFile,
    "ui.schema.json": UiFile,
    "associations.schema.json": AssociationsFile,
    "glossary.schema.json": GlossaryFile,
}


def render_schema(model: type[BaseModel]) -> str:
    schema = model.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def write_schemas(root: Path) -> list[Path]:
    out = root / layout.SCHEMAS
    out.mkdir(exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = out / name
        path.write_text(render_schema(model), encoding="utf-8")
        written.append(path)
    return written
