"""The layer rules of ARCHITECTURE.md, enforced on the source (imports read with ast).

    kb.content   imports no other part of kb: content files -> the checked model
    kb.pages     kb.content, kb.config
    kb.outputs   kb.content, kb.pages, kb.config, kb.processes
    kb.build     everything but kb.tools and kb.cli
    kb.tools     everything but kb.cli
No module imports MkDocs, Material or an i18n plugin (MkDocs runs in its own
processes, started by kb.build.mkdocs), and no module imports the tests.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "kb"
FRAMEWORKS = {"mkdocs", "material", "mkdocs_static_i18n", "properdocs", "zensical"}
ALLOWED = {
    "content": {"content"},
    "pages": {"content", "pages", "config"},
    "outputs": {"content", "pages", "outputs", "config", "processes"},
    "build": {"content", "pages", "outputs", "build", "config", "processes"},
    "tools": {"content", "pages", "outputs", "build", "tools", "config", "processes"},
}


def modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def imported(path: Path) -> set[str]:
    """Every module name `path` imports (relative imports made absolute)."""
    package = ".".join(path.relative_to(SRC.parent).with_suffix("").parts[:-1])
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                names.add(f"{base}.{node.module}" if node.module else base)
            elif node.module:
                names.add(node.module)
    return names


def layer(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if parts[0] == "kb" and len(parts) > 1 else None


def test_the_package_has_its_layers() -> None:
    assert {p.name for p in SRC.iterdir() if p.is_dir() and (p / "__init__.py").exists()} >= set(ALLOWED) - {
        "config",
        "processes",
    }
    assert len(modules()) > 30


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.relative_to(SRC).as_posix())
def test_each_module_keeps_to_its_layer(path: Path) -> None:
    own = path.relative_to(SRC).parts[0]
    names = imported(path)
    frameworks = {n for n in names if n.split(".")[0] in FRAMEWORKS}
    assert not frameworks, f"imports {frameworks}: only MkDocs' own processes load it"
    assert not {n for n in names if n.split(".")[0] in {"tests", "support", "conftest"}}
    if own in ALLOWED:
        wrong = {n for n in names if layer(n) and layer(n) not in ALLOWED[own]}
        assert not wrong, f"kb.{own} may not import {sorted(wrong)}"


def test_committed_schemas_are_current() -> None:
    from kb.content.schemas import SCHEMAS, render_schema

    root = SRC.parents[1]
    for name, model in SCHEMAS.items():
        committed = (root / "schemas" / name).read_text(encoding="utf-8")
        assert committed == render_schema(model), f"{name} is stale: run `make schemas`"
