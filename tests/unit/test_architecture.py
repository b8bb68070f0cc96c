"""The content layer must not depend on MkDocs (the site can move to another generator)."""

from __future__ import annotations

import ast
from pathlib import Path

CONTENT_LAYER = Path(__file__).resolve().parents[2] / "scripts" / "sitegen"


def test_content_layer_imports_nothing_from_mkdocs() -> None:
    modules = sorted(CONTENT_LAYER.glob("*.py"))
    assert len(modules) >= 8
    for path in modules:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                root = name.split(".")[0]
                assert root not in {"mkdocs", "material", "mkdocs_static_i18n", "properdocs"}, \
                    f"{path.name} imports {name}"


def test_committed_schemas_are_current() -> None:
    from sitegen.schemas import SCHEMAS, SCHEMA_DIR, render_schema
    root = CONTENT_LAYER.parents[1]
    for name, model in SCHEMAS.items():
        committed = (root / SCHEMA_DIR / name).read_text(encoding="utf-8")
        assert committed == render_schema(model), f"{name} is stale: run `make schemas`"
