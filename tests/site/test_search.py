"""Search (issue 5) in the built site's files: what Pagefind indexes and what every
page carries. The engine itself is tested in tests/browser/test_search_browser.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

from support.htmltools import absolute, language_of_url, pages, parse, resolve, url_of


def test_every_page_has_the_search_box_and_its_bundle_exists(site: Path) -> None:
    for path in [*pages(site), site / "404.html"]:
        url = "/" if path.name == "404.html" else url_of(site, path)
        boxes = [a for tag, a in parse(path).elements if "data-kb-search" in a]
        assert len(boxes) == 1, f"{url}: {len(boxes)} search boxes"
        labels = json.loads(boxes[0]["data-labels"])
        assert labels.get("label") and labels.get("many"), f"{url}: search labels missing"
        bundle = absolute(url, boxes[0]["data-bundle"])
        assert resolve(site, bundle), f"{url}: {bundle} does not exist"


def test_labels_are_in_the_page_language(site: Path, content) -> None:
    for lang, home in (("fi", site / "index.html"), ("sv", site / "sv" / "index.html")):
        labels = json.loads(next(a for _, a in parse(home).elements if "data-kb-search" in a)["data-labels"])
        assert labels["label"] == content.t("search.label", lang), lang


def test_only_the_article_is_indexed(site: Path) -> None:
    for path in pages(site):
        html = path.read_text(encoding="utf-8")
        article = html[html.index("<article") : html.index("</article>")]
        assert html.count("data-pagefind-body") == 1, url_of(site, path)
        assert "data-pagefind-body" in article, f"{url_of(site, path)}: body outside <article>"


def test_one_index_per_language_with_every_page(site: Path) -> None:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    counts = {lang: info["page_count"] for lang, info in entry["languages"].items()}
    urls = [url_of(site, p) for p in pages(site)]
    expected = {lang: sum(1 for u in urls if language_of_url(u) == lang) for lang in ("fi", "sv")}
    assert counts == expected


def test_keywords_are_indexed_hidden_and_at_the_top(site: Path) -> None:
    """Answers' keywords (and counties' brand names) are in the indexed article, hidden
    from everyone, before the first h2 so a match links to the page, not a section."""
    checked = 0
    for path in pages(site):
        html = path.read_text(encoding="utf-8")
        match = re.search(r'<p class="kb-keywords"([^>]*)>', html)
        if not match:
            continue
        checked += 1
        assert " hidden" in match.group(1), url_of(site, path)
        first_h2 = html.find("<h2", html.index("data-pagefind-body"))
        assert first_h2 < 0 or match.start() < first_h2, url_of(site, path)
    assert checked > 40


def test_material_search_is_not_built(site: Path) -> None:
    assert not (site / "search" / "search_index.json").exists()
    assert 'data-md-component="search"' not in (site / "index.html").read_text(encoding="utf-8")
