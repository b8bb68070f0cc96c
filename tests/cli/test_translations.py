"""Translation status and freshness: `make translations`, `make stale`, the
/kaannokset/ page and the notice on outdated Swedish answers.

The fixture project's Swedish answer and county file start without a
fingerprint ("not yet tracked"); each test records or changes texts the way an
editor would and runs the real commands (and, for pages, the real build).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from kb.content.freshness import months_before, stale_items
from kb.content.load import load_content
from kb.content.translations import CURRENT, MISSING, OUTDATED, answer_item, fingerprint, translation_items
from support.fixture import BUILD_DATE, build, copy_fixture, run_kb

ANSWER_FI = "content/faq/aihe/vastaus.fi.md"
ANSWER_SV = "content/faq/aihe/vastaus.sv.md"
REGION = "content/regions/testialue.yml"
HASH_LINE = re.compile(r"^(\S+):(\d+): (.*?)(?:add|set) ((?:sv_)?source_hash): ([0-9a-f]+)$")


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def report(root: Path) -> dict[str, tuple[int, str, str, str]]:
    """`kb translations` as {path: (line, message, field, hash to paste)}."""
    result = run_kb(root, "translations")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    found = {}
    for line in result.stdout.splitlines()[:-1]:
        match = HASH_LINE.match(line)
        assert match, f"not a path:line: message with a value to paste: {line}"
        found[match.group(1)] = (int(match.group(2)), match.group(3), match.group(4), match.group(5))
    return found


def record_current(root: Path) -> None:
    """What a translator does: paste the line the report shows into each file."""
    for rel, (_, _, field, value) in report(root).items():
        if rel.endswith(".md"):
            edit(root, rel, "aliases: []\n---", f"aliases: []\n{field}: {value}\n---")
        else:
            path = root / rel
            path.write_text(
                path.read_text(encoding="utf-8").rstrip("\n") + f"\n{field}: {value}\n", encoding="utf-8"
            )


def statuses(root: Path) -> dict[str, str]:
    content, problems = load_content(root)
    assert not problems, [str(p) for p in problems]
    return {f"{i.kind}:{i.id}": i.status for i in translation_items(content)}


ALL_CURRENT = {"region:testialue": CURRENT, "answer:vastaus": CURRENT}


# --- the fingerprint ----------------------------------------------------------------------


def test_fingerprint_ignores_layout_but_not_words() -> None:
    base = fingerprint({"body": "Hyvinvointialue päättää avustuksista."})
    assert fingerprint({"body": "Hyvinvointialue päättää\n  avustuksista.  "}) == base
    # The same letters as a decomposed ä (NFD) are the same text.
    assert fingerprint({"body": "Hyvinvointialue pa\u0308a\u0308tta\u0308a\u0308 avustuksista."}) == base
    assert fingerprint({"body": "Hyvinvointialue päättää avustuksesta."}) != base
    assert fingerprint({"question": "Hyvinvointialue päättää avustuksista."}) != base


# --- the report ----------------------------------------------------------------------------


def test_untracked_files_are_listed_with_the_value_to_paste(project: Path) -> None:
    found = report(project)
    assert set(found) == {ANSWER_SV, REGION}
    line, message, field, value = found[ANSWER_SV]
    assert (line, field) == (1, "source_hash") and "not yet tracked" in message
    assert found[REGION][2] == "sv_source_hash"
    assert len(value) == 12


def test_pasting_the_value_makes_the_translation_current(project: Path) -> None:
    record_current(project)
    assert statuses(project) == ALL_CURRENT
    result = run_kb(project, "translations")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "Translations: 2 up to date, 0 outdated, 0 not yet tracked, 0 missing (2 counties and answers)."
    ]
    assert run_kb(project, "validate").returncode == 0


@pytest.mark.parametrize(
    "rel,old,new",
    [
        (ANSWER_FI, "Teksti.", "Uusi teksti."),  # the body
        (ANSWER_FI, "Testivastaus fi.", "Toinen vastaus fi."),  # the one-sentence answer
        (ANSWER_FI, "Testikysymys fi?", "Toinen kysymys fi?"),  # the question
    ],
)
def test_a_change_in_the_finnish_answer_makes_the_swedish_outdated(project: Path, rel, old, new) -> None:
    record_current(project)
    recorded = report_value_after(project, ANSWER_SV)
    edit(project, rel, old, new)
    found = report(project)
    assert set(found) == {ANSWER_SV}
    line, message, _, value = found[ANSWER_SV]
    assert "outdated" in message and recorded in message  # what the file says now
    assert value != recorded  # and what to paste instead
    assert (project / ANSWER_SV).read_text(encoding="utf-8").splitlines()[
        line - 1
    ] == f"source_hash: {recorded}"


def report_value_after(root: Path, rel: str) -> str:
    text = (root / rel).read_text(encoding="utf-8")
    return re.search(r"^(?:sv_)?source_hash: (\w+)$", text, re.M).group(1)


@pytest.mark.parametrize(
    "rel,old,new",
    [
        (ANSWER_SV, "Teksti.", "Ny text."),  # Swedish text
        (ANSWER_FI, "keywords: [testi]", "keywords: [testi, koe]"),  # Finnish keywords
        (ANSWER_FI, "Teksti.", "Teksti.\n"),  # layout only
        (REGION, "      sv: Testbeskrivning.", "      sv: Ny beskrivning."),  # Swedish county text
        (REGION, "reviewed: 2026-01-01", "reviewed: 2026-02-01"),  # not a text
    ],
)
def test_changes_that_do_not_outdate_a_translation(project: Path, rel, old, new) -> None:
    record_current(project)
    edit(project, rel, old, new)
    assert statuses(project) == ALL_CURRENT


def test_a_change_in_a_finnish_county_text_outdates_the_county(project: Path) -> None:
    record_current(project)
    edit(project, REGION, "      fi: Testikuvaus.", "      fi: Uusi kuvaus.")
    assert statuses(project) == {"region:testialue": OUTDATED, "answer:vastaus": CURRENT}
    line, message, field, _ = report(project)[REGION]
    assert field == "sv_source_hash" and "outdated" in message
    assert (
        (project / REGION).read_text(encoding="utf-8").splitlines()[line - 1].startswith("sv_source_hash: ")
    )


def test_a_missing_twin_is_reported_and_the_command_fails(project: Path) -> None:
    (project / ANSWER_SV).unlink()
    result = run_kb(project, "translations")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{ANSWER_SV}:1: missing: the sv version does not exist yet" in result.stdout
    assert "run `make validate`" in result.stderr
    content, _ = load_content(project)
    assert answer_item(content.answers["vastaus"]).status == MISSING


# --- pages: the status page and the notice -------------------------------------------------


@pytest.fixture(scope="module")
def outdated_site(tmp_path_factory) -> Path:
    """The fixture project with an outdated Swedish answer, built by the real build."""
    root = copy_fixture(tmp_path_factory.mktemp("outdated") / "project")
    record_current(root)
    edit(root, ANSWER_FI, "Teksti.", "Uusi teksti.")
    site = root / "site"
    result = build(root, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _ui(site: Path):
    """content.t(key, lang) of the project the site was built from (content/ui.yml)."""
    content, problems = load_content(site.parent)
    assert not problems, [str(p) for p in problems]
    return content.t


def test_outdated_swedish_answer_tells_readers_and_links_the_finnish_page(outdated_site) -> None:
    t = _ui(outdated_site)
    sv_page = outdated_site / "sv" / "ukk" / "vastaus" / "index.html"
    fi_page = outdated_site / "ukk" / "vastaus" / "index.html"
    notice = re.search(
        r'<p class="kb-translation-outdated" role="note">(.*?)</p>', sv_page.read_text(encoding="utf-8"), re.S
    )
    assert notice, "no notice on the outdated Swedish page"
    before_link = t("translation.outdated", "sv").split("{link}")[0]
    assert before_link.strip() and before_link in notice.group(1)
    link = re.search(
        r'<a href="([^"]+)" hreflang="fi">' + re.escape(t("translation.outdated_link", "sv")) + "</a>",
        notice.group(1),
    )
    assert link, notice.group(1)
    assert (sv_page.parent / link.group(1) / "index.html").resolve() == fi_page.resolve()
    assert fi_page.is_file()
    assert "kb-translation-outdated" not in fi_page.read_text(encoding="utf-8")


def test_only_outdated_swedish_answers_have_the_notice(site: Path, content) -> None:
    for answer in content.answers.values():
        html = (site / "sv" / "ukk" / answer.id / "index.html").read_text(encoding="utf-8")
        expected = answer_item(answer).status == OUTDATED
        assert ("kb-translation-outdated" in html) == expected, answer.id


@pytest.mark.parametrize("lang,prefix", [("fi", ""), ("sv", "sv/")])
def test_status_page_lists_outdated_and_untracked_in_both_languages(outdated_site, lang, prefix) -> None:
    t = _ui(outdated_site)
    page = outdated_site / prefix / "kaannokset" / "index.html"
    html = page.read_text(encoding="utf-8")
    text = _text(html)
    assert t("translations.title", lang) in text
    outdated = re.search(r'id="vanhentuneet".*?(<ul.*?</ul>)', html, re.S).group(1)
    assert "content/faq/aihe/vastaus.sv.md" in outdated
    content, _ = load_content(outdated_site.parent)
    expected = answer_item(content.answers["vastaus"]).expected
    assert f"source_hash: {expected}" in outdated
    assert t("translations.paste", lang) in outdated
    targets = {
        (page.parent / href / "index.html").resolve()
        for href in re.findall(r'<a href="(\.\./[^"]*)"', outdated)
    }
    assert (outdated_site / prefix / "ukk" / "vastaus" / "index.html").resolve() in targets
    assert re.search(
        r'id="seuraamattomat".*?<p>' + re.escape(t("translations.none", lang)) + "</p>", html, re.S
    )


def test_status_page_is_not_in_the_navigation(site: Path) -> None:
    for prefix in ("", "sv/"):
        assert (site / prefix / "kaannokset" / "index.html").is_file()
        home = (site / prefix / "index.html").read_text(encoding="utf-8")
        assert "kaannokset" not in home


def test_status_page_of_the_real_site_lists_what_needs_a_translator(site: Path, content) -> None:
    html = (site / "kaannokset" / "index.html").read_text(encoding="utf-8")
    for item in translation_items(content):
        source = content.source_path(item.path)
        assert (source in html) == (item.status != CURRENT), source
        if item.status != CURRENT:
            assert f"{item.field}: {item.expected}" in html, source


# --- freshness -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day,months,expected",
    [
        (date(2026, 11, 22), 12, date(2025, 11, 22)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2024, 3, 31), 1, date(2024, 2, 29)),
        (date(2026, 1, 15), 1, date(2025, 12, 15)),
        (date(2026, 1, 15), 25, date(2023, 12, 15)),
    ],
)
def test_months_before(day, months, expected) -> None:
    assert months_before(day, months) == expected


def test_stale_lists_old_files_with_the_line_of_reviewed(project: Path) -> None:
    old = (date.fromisoformat(BUILD_DATE) - timedelta(days=400)).isoformat()
    recent = (date.fromisoformat(BUILD_DATE) - timedelta(days=10)).isoformat()
    edit(project, REGION, "reviewed: 2026-01-01", f"reviewed: {old}")
    edit(project, ANSWER_FI, "reviewed: 2026-01-01", f"reviewed: {old}")
    edit(project, ANSWER_SV, "reviewed: 2026-01-01", f"reviewed: {recent}")
    result = run_kb(project, "stale", "--months", "12")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(": ")[0] for line in lines[:2]] == [f"{ANSWER_FI}:8", f"{REGION}:31"]
    assert f"reviewed {old} is before" in lines[0]
    assert lines[2].startswith("2 file(s) reviewed before")
    result = run_kb(project, "stale", "--months", "14")
    assert result.stdout.splitlines()[0].startswith("0 file(s)")


def test_stale_lists_ended_terms_with_the_line_of_valid_until(project: Path) -> None:
    """The fixture's neuvottelukunta has the term 2023–2025: on the build date it has ended."""
    result = run_kb(project, "stale")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-2:] == [
        f"{REGION}:21: the term of neuvottelukunta ended (valid_until 2025); check whether a new "
        "term has begun and describe it with its valid_from and valid_until, or keep the ended "
        "term, written in the past tense",
        f"1 term(s) ended before {BUILD_DATE} (valid_until).",
    ]
    edit(project, REGION, "valid_until: '2025'", "valid_until: '2026-12'")
    result = run_kb(project, "stale")
    assert result.stdout.splitlines()[-1] == f"0 term(s) ended before {BUILD_DATE} (valid_until)."


def test_stale_items_uses_the_given_cutoff(project: Path) -> None:
    content, _ = load_content(project)
    paths = {i.path.name for i in stale_items(content, months_before(date(2027, 1, 2), 12))}
    assert paths == {"testialue.yml", "vastaus.fi.md", "vastaus.sv.md"}
    assert stale_items(content, months_before(date(2027, 1, 1), 12)) == []


def test_stale_rejects_a_non_positive_age(project: Path) -> None:
    result = run_kb(project, "stale", "--months", "0")
    assert result.returncode == 2 and "1 or more" in result.stderr
