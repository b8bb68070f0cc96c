"""Links that never break: the link contract and redirect stubs of old answer ids
(docs/decisions/0002-urls.md, 0003-redirects.md). That the language switcher reaches the same page with the
same anchors is checked in tests/site/test_site.py."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from kb.tools import linkcheck as link_contract
from kb.tools.linkcheck import CONTRACT, HEADER, failure_message, lost_links, published_links, read_contract
from support.htmltools import parse
from support.renamed import Renamed, build_renamed

# renamed_with_alias: a session fixture of tests/conftest.py (the browser tests use it too)


@pytest.fixture(scope="module")
def renamed_without_alias(tmp_path_factory) -> Renamed:
    return build_renamed(tmp_path_factory.mktemp("noalias"), keep_alias=False)


# --- the contract -------------------------------------------------------------------


def test_every_published_link_still_resolves(site: Path) -> None:
    lost = lost_links(site, read_contract())
    assert not lost, failure_message(lost)


def test_contract_file_is_generated_not_hand_edited() -> None:
    text = CONTRACT.read_text(encoding="utf-8")
    assert text.startswith(HEADER), "run `make links` instead of editing the file by hand"
    lines = read_contract()
    assert lines == sorted(set(lines)), "tests/link-contract.txt must be sorted and unique"
    assert all(line.startswith("/") for line in lines)


def test_contract_lists_county_sections_and_answers_in_both_languages(content) -> None:
    lines = set(read_contract())
    region = next(iter(content.regions.values()))
    for prefix in ("/", "/sv/"):
        assert f"{prefix}alueet/{region.id}/#yhteystiedot" in lines
        for item in [*region.structures, *region.contacts]:
            assert f"{prefix}alueet/{region.id}/#{item.id}" in lines
    answer = next(iter(content.answers.values()))
    assert {f"/ukk/{answer.id}/", f"/sv/ukk/{answer.id}/#vastaus"} <= lines


def test_a_new_page_does_not_fail_the_contract(site: Path, content, tmp_path: Path, capsys) -> None:
    """Only losing a link fails. A contract file written before one answer existed (its
    pages, and its anchor on the topic page, are published but not listed) passes."""
    answer = next(iter(content.answers))
    published = published_links(site)
    unlisted = [line for line in published if f"/ukk/{answer}/" in line or line.endswith(f"#{answer}")]
    assert {f"/ukk/{answer}/", f"/sv/ukk/{answer}/#vastaus"} <= set(unlisted)
    contract_file = tmp_path / "link-contract.txt"
    contract_file.write_text(
        HEADER + "\n".join(line for line in published if line not in unlisted) + "\n", "utf-8"
    )
    assert not set(unlisted) & set(read_contract(contract_file))
    assert lost_links(site, read_contract(contract_file)) == []
    assert link_contract.main_links(site, contract_file, write=False) == 0
    assert "still work" in capsys.readouterr().out


def test_a_lost_anchor_is_named_with_the_fix(site: Path) -> None:
    lost = lost_links(site, ["/alueet/pirkanmaa/#ei-ole-olemassa", "/ukk/ei-ole-olemassa/"])
    assert len(lost) == 2
    assert "#ei-ole-olemassa is gone" in lost[0] and "Restore the id" in lost[0]
    assert lost[1].startswith("/ukk/ei-ole-olemassa/: the page is gone") and "aliases" in lost[1]
    assert "make links" in failure_message(lost)


# --- renaming an answer ---------------------------------------------------------------


def test_renaming_an_answer_with_an_alias_keeps_every_link(renamed_with_alias: Renamed) -> None:
    lost = lost_links(renamed_with_alias.site, read_contract())
    assert not lost, failure_message(lost)


def test_renaming_an_answer_without_an_alias_fails_naming_each_lost_link(
    renamed_without_alias: Renamed,
) -> None:
    old = renamed_without_alias.old
    lost = lost_links(renamed_without_alias.site, read_contract())
    named = {line.split(":")[0] for line in lost}
    assert {f"/ukk/{old}/", f"/sv/ukk/{old}/", f"/ukk/{old}/#vastaus", f"/sv/ukk/{old}/#lahteet"} <= named
    assert any(line.startswith(f"/ukk/{old}/: the page is gone") and "aliases" in line for line in lost)


@pytest.mark.parametrize("lang,prefix", [("fi", ""), ("sv", "sv/")])
def test_old_address_is_a_real_redirect_page(
    renamed_with_alias: Renamed, content, lang: str, prefix: str
) -> None:
    site, old, new = renamed_with_alias.site, renamed_with_alias.old, renamed_with_alias.new
    stub = site / prefix / "ukk" / old / "index.html"
    html = stub.read_text(encoding="utf-8")
    parsed = parse(stub)
    target = parse(site / prefix / "ukk" / new / "index.html")
    canonical = next(link["href"] for link in target.links if link.get("rel") == "canonical")
    assert canonical.endswith(f"/{prefix}ukk/{new}/") and canonical.startswith("http")
    assert parsed.html_lang == lang
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<meta http-equiv="refresh" content="0; url=../{new}/">' in html
    title = re.search(r"<title>(.*)</title>", html).group(1)
    assert unescape(title) == content.answers[old].texts[lang].meta.question
    assert f'{content.t("redirect.moved", lang)} <a href="../{new}/">' in html
    scripts = [attrs for tag, attrs in parsed.elements if tag == "script"]
    # /[sv/]ukk/<old>/ -> the language's own theme assets, two levels up
    assert scripts == [{"src": "../../assets/kb-links.js", "data-redirect": f"../{new}/"}]
    assert (site / prefix / "assets" / "kb-links.js").is_file()
    assert html.index("<script") < html.index('http-equiv="refresh"'), "the script must run first"


def test_old_id_still_anchors_the_answer_on_its_topic_page(renamed_with_alias: Renamed, content) -> None:
    site, old = renamed_with_alias.site, renamed_with_alias.old
    topic = content.answers[old].topic
    for prefix in ("", "sv/"):
        ids = parse(site / prefix / "ukk" / topic / "index.html").ids
        assert {old, renamed_with_alias.new} <= set(ids), prefix


def test_a_redirect_never_overwrites_a_real_page(tmp_path: Path, capsys) -> None:
    from kb.config import site_config
    from kb.outputs import redirects

    site = tmp_path / "site"
    for answer in ("olemassa", "toinen"):
        page = site / "ukk" / answer / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text('<link rel="canonical" href="https://x.fi/ukk/toinen/">', "utf-8")
    row = redirects.Redirect(
        lang="fi", source="ukk/olemassa/index.md", target="ukk/toinen/index.md", title="T", moved="M"
    )
    config = site_config({}, {"SITE_URL": "https://x.fi/"})
    assert redirects.write_stubs(site, [row], config) is False
    assert "would overwrite a real page" in capsys.readouterr().err
    assert "refresh" not in (site / "ukk" / "olemassa" / "index.html").read_text("utf-8")


# --- the copy-link script -------------------------------------------------------------


def test_copy_link_script_is_external_and_labelled_from_ui_yml(site: Path, content) -> None:
    """The script is a file (CSP script-src 'self'; no inline JS anywhere is checked in
    test_html_privacy.py); the labels come from content/ui.yml, escaped."""
    for prefix, lang in (("", "fi"), ("sv/", "sv")):
        for page_url in (f"ukk/{next(iter(content.answers))}/", "alueet/pirkanmaa/"):
            html = (site / prefix / page_url / "index.html").read_text(encoding="utf-8")
            assert re.search(r'<script src="(\.\./)+assets/kb-links\.js"', html)
            for key in ("button", "copied", "failed"):
                label = content.t(f"copylink.{key}", lang)
                assert f'data-copylink-{key}="{label}"' in html, (page_url, key)
            assert "kb-copylink__button" not in html, "buttons are added by the script only"
        home = (site / prefix / "index.html").read_text(encoding="utf-8")
        assert "kb-links.js" in home and "data-copylink-button" not in home
