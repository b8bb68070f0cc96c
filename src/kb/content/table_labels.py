"""Each data cell of a published table carries its column's name (data-label), so a
phone can show the table as one card per row, each value after its column's name
(kb.css), from the first paint and without a script. The comparison table
(kb/pages/compare.py) writes its own labels; this does the same for every Markdown
table of the published pages (enabled in kb/content/markdown.py, mkdocs_extensions).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .hyphenation import SOFT_HYPHEN


def _text(element: etree.Element) -> str:
    return " ".join("".join(element.itertext()).replace(SOFT_HYPHEN, "").split())


class _TableLabels(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            head = table.find("thead/tr")
            if head is None:
                continue
            names = [_text(cell) for cell in head]
            for row in table.iterfind("tbody/tr"):
                for cell, name in zip(row, names, strict=False):
                    if cell.tag == "td" and name:
                        cell.set("data-label", name)


class TableLabels(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's name
        md.treeprocessors.register(_TableLabels(md), "kb_table_labels", 3)


def makeExtension(**kwargs: Any) -> TableLabels:  # the name Python-Markdown looks up
    return TableLabels(**kwargs)
