"""No published file of the real site holds an element, attribute or link scheme outside
the allow-list (kb/content/html_policy.py): every page's article, the open data (JSON
string values, CSV cells), the feeds and the sitemap (tests/support/published.py). And
every anchor validation accepts in an editor's link exists on the page it names."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from kb.content import read_and_check
from kb.content.rules import link_targets
from kb.pages import urls
from support.fixture import BUILD_DATE, ROOT
from support.htmltools import parse
from support.published import published_problems

SITE_URL = "http://127.0.0.1:8000/"  # the session's build (tests/conftest.py) uses the default


def test_nothing_published_is_outside_the_allow_list(site: Path) -> None:
    assert published_problems(site, SITE_URL) == []


def test_the_check_finds_what_it_is_for(site: Path, tmp_path: Path) -> None:
    """The same check on a copy of the site with one forbidden thing in each kind of file."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind", "*.gz", "*.br"))
    page = copy / "ukk" / "hakuajat" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", '<img src="https://evil.example/x.png"></article>', 1))
    other = copy / "sv" / "ukk" / "hakuajat" / "index.html"
    html = other.read_text(encoding="utf-8")
    other.write_text(html.replace("</article>", '<p style="color:red">x</p></article>', 1))
    faq = copy / "data" / "faq.json"
    data = json.loads(faq.read_text(encoding="utf-8"))
    data["answers"][0]["fi"]["body_markdown"] += "\n\n[x](javascript:alert(1))"
    faq.write_text(json.dumps(data), encoding="utf-8")
    rounds = copy / "data" / "grant-rounds.json"
    data = json.loads(rounds.read_text(encoding="utf-8"))
    data["grant_rounds"][0]["name"]["fi"] += "<script>x</script>"
    rounds.write_text(json.dumps(data), encoding="utf-8")
    feed = copy / "kalenteri" / "avustushaut.ics"
    ics = feed.read_text(encoding="utf-8")
    feed.write_text(ics.replace("SUMMARY:", "SUMMARY:<b>x</b> ", 1), encoding="utf-8")
    table = copy / "data" / "regions.csv"
    table.write_text(table.read_text(encoding="utf-8") + "=HYPERLINK(1),x\r\n", encoding="utf-8")
    found = published_problems(copy, SITE_URL)
    assert {p.split(":")[0] for p in found} == {
        "sv/ukk/hakuajat/index.html",
        "ukk/hakuajat/index.html",
        "data/faq.json",
        "data/grant-rounds.json",
        "data/regions.csv",
        "kalenteri/avustushaut.ics",
    }, found


def test_every_anchor_a_link_may_name_exists(site: Path) -> None:
    """Validation accepts alue:x#a, ukk:x#a and aihe:x#a for the anchors of
    kb/content/rules.link_targets; each one is an id on the built page, in both languages."""
    content, problems = read_and_check(ROOT, date.fromisoformat(BUILD_DATE))
    assert not problems
    checked = 0
    for scheme, pages in link_targets(content).pages.items():
        for target, anchors in pages.items():
            for prefix in urls.LANGUAGE_PREFIX.values():
                path = urls.link_path(scheme, target)
                assert path is not None
                ids = set(parse(site / prefix / urls.page_dir(path) / "index.html").ids)
                assert anchors <= ids, f"{scheme}:{target} ({prefix or 'fi'}): {sorted(anchors - ids)}"
                checked += len(anchors)
    assert checked > 500
