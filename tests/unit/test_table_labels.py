"""Every published table's data cells carry their column's name (kb/content/table_labels.py),
for the phone's card layout; the checks' renderer adds none."""

from __future__ import annotations

import markdown

from kb.content.markdown import TABLE_LABELS, mkdocs_extensions, to_html

TABLE = (
    "| Alue | Hakuaika |\n|---|---|\n| [Pirkanmaa](https://pirha.fi/) | 1.10.–31.10.2025 |\n| Vantaa | |\n"
)


def published(text: str) -> str:
    extensions = mkdocs_extensions("fi")
    names = [e if isinstance(e, str) else next(iter(e)) for e in extensions]
    configs = {k: v for e in extensions if isinstance(e, dict) for k, v in e.items()}
    return markdown.Markdown(extensions=names, extension_configs=configs).convert(text)


def test_each_cell_gets_its_column_name() -> None:
    html = published(TABLE)
    assert html.count('data-label="Alue"') == 2 and html.count('data-label="Hakuaika"') == 2
    assert "<th data-label" not in html


def test_the_checks_render_tables_without_labels() -> None:
    assert TABLE_LABELS in [e for e in mkdocs_extensions("sv") if isinstance(e, str)]
    assert "data-label" not in to_html(TABLE) and TABLE_LABELS not in mkdocs_extensions()
