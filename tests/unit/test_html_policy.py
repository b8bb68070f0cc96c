"""The HTML policy (kb/content/html_policy.py) and the address rules (addresses.py), pure:
what an editor's text may become, judged on the HTML it becomes."""

from __future__ import annotations

import time

import pytest

from kb.content.addresses import email_problem, normalise_url, scheme_of, url_problem
from kb.content.html_policy import (
    MARKDOWN,
    MAX_NESTING,
    SENTENCE,
    Finding,
    finding_line,
    first_difference,
    judge_html,
    judge_markdown,
    link_problem,
    nesting,
    plain_text_problem,
    sanitise,
    tokens,
)


def message(text: str, policy=MARKDOWN) -> str | None:
    finding = judge_markdown(text, policy)
    return finding.message if finding else None


@pytest.mark.parametrize(
    "text",
    [
        "Tavallinen kappale, jossa on **lihavointia**, *kursiivia* ja `koodia`.",
        "<https://example.org/a?b=1&c=2>",
        "<kirjaamo@example.fi>",
        '[Lähde](https://example.org/ "Otsikko")',
        "JavaScript: ohjelmointikieli.",
        "a < b ja c > d, a<b",
        "&amp; &lt;script&gt; &#60;",
        "*samarbete*{lang=sv}",
        "| a | b |\n|:--|--:|\n| 1 | 2 |",
        "Termi\n:   Määritelmä",
        "!!! warning\n    Huomio.",
        "## Otsikko {#otsikko-2}\n\nTeksti.",
        "[alue](alue:pirkanmaa#yhteystiedot), [ukk](ukk:), [aihe](aihe:x), [data](avoindata:faq.json)",
        '[alue](alue:pirkanmaa "Pirkanmaa")',
        "[ylös](#otsikko-2), [tietoa](../tietoa/)",
        '<abbr title="Suomen sosiaali- ja terveysjärjestöjen avustuskeskus">STEA</abbr>, H<sub>2</sub>O',
        "`<script>alert(1)</script>` on esimerkki",
        "1. yksi\n2. kaksi\n    - sisempi",
        "> Lainaus\n>\n> > sisempi",
        "[soita](tel:+358912345), [kirjaamo](mailto:kirjaamo@example.fi?subject=Avustus)",
    ],
)
def test_good_markdown_passes(text: str) -> None:
    assert message(text) is None


@pytest.mark.parametrize(
    "text, start",
    [
        ("<script>alert(1)</script>", "a script (<script>) is not allowed here"),
        ("<scr\nipt>alert(1)</script>", "<scr> is not allowed here"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "a <meta> element"),
        ('<base href="https://evil.example/">', "<base> is not allowed here"),
        ('<link rel="stylesheet" href="https://evil.example/x.css">', "a linked file (<link>)"),
        ('<img src="https://evil.example/x.png">', "an image (<img>)"),
        ("![x](https://evil.example/x.png)", "an image (<img>)"),
        ("<style>body{background:url(https://evil.example/)}</style>", "a style sheet (<style>)"),
        ('*x*{style="color:red"}', 'the attribute style="color:red" on <em>'),
        ('<abbr title="x" onclick="alert(1)">x</abbr>', 'the attribute onclick="alert(1)" on <abbr>'),
        ("*x*{.luokka}", 'the attribute class="luokka" on <em>'),
        ("*x*{lang=de}", 'the language lang="de"'),
        ("[x](jav&#x61;script:alert(1))", 'the link type "javascript:"'),
        ("[x](javascript&colon;alert(1))", 'the link type "javascript:"'),
        ("[x](java\tscript:alert(1))", 'the link type "javascript:"'),
        ("[x](JAVASCRIPT:alert(1))", 'the link type "javascript:"'),
        ('<a href="java&#9;script:alert(1)">x</a>', 'the link type "javascript:"'),
        ("[x](vbscript:msgbox)", 'the link type "vbscript:"'),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", 'the link type "data:"'),
        ("[x](//evil.example/)", 'the link address "//evil.example/" (another site'),
        ('<a href="\\\\evil.example/">x</a>', 'the link address "\\\\evil.example/" (another site'),
        ("[x](\\\\evil.example/)", 'the link address "\\evil.example/" (from the server root'),
        ("[x](/ukk/)", 'the link address "/ukk/" (from the server root'),
        ("[x](http://example.org/)", 'the link address "http://example.org/" is not allowed'),
        ("[x](https://www.pirha.fi@evil.example/)", "the link address"),
        ("[x](mailto:matti.meikalainen@example.fi)", 'the e-mail link "mailto:matti.meikalainen@example.fi"'),
        ("[x](tel:soita)", 'the phone link "tel:soita"'),
        ("[x][r]\n\n[r]: ukk:hakuajat", 'the link "ukk:hakuajat" is not allowed here'),
        ("<!-- piilossa -->", "an HTML comment"),
        ("# Pääotsikko", "a level-1 heading"),
        ("Kappale\n{: #vastaus}", 'the id "vastaus" is not allowed here: it is reserved'),
        ("<svg><script>alert(1)</script></svg>", "<svg> is not allowed here"),
        ("<iframe src=https://example.org/></iframe>", "<iframe> is not allowed here"),
        ("<form action=https://evil.example/><input></form>", "<form> is not allowed here"),
    ],
)
def test_bad_markdown_is_named(text: str, start: str) -> None:
    found = message(text)
    assert found is not None and found.startswith(start), found
    assert " is not allowed here" in found


def test_the_message_says_what_is_allowed() -> None:
    assert message("<div><script>x</script></div>") == (
        "a script (<script>) is not allowed here; allowed: Markdown formatting (paragraphs, lists, "
        "tables, ## headings, **bold**, *italic*, links) and the HTML elements <abbr>, <br>, <sub>, <sup>"
    )


def test_the_sentence_is_one_paragraph_of_inline_markdown() -> None:
    assert message('Vastaus "lainauksin" ja [linkki](ukk:x).', SENTENCE) is None
    assert message("Yksi.\n\nKaksi.", SENTENCE).startswith("more than one paragraph")
    assert message("- lista", SENTENCE).startswith("<ul> is not allowed here; allowed: one paragraph")
    assert message("## Otsikko {#x}", SENTENCE).startswith("<h2> is not allowed here")


def test_the_comparison_reads_tokens_not_bytes() -> None:
    """<br /> and <br>, &#109; and m, attribute order: the same HTML to a browser."""
    assert (
        first_difference(
            tokens('<p>a<br />b <a title="t" href="x">&#109;</a></p>'),
            tokens('<p>a<br>b <a href="x" title="t">m</a></p>'),
        )
        is None
    )
    produced = tokens("<p>a<script>x</script>b</p>")
    kept = tokens(sanitise("<p>a<script>x</script>b</p>", MARKDOWN))
    token, _ = first_difference(produced, kept)
    assert (token.kind, token.name) == ("start", "script")


def test_judge_html_keeps_the_sites_own_ids_when_told() -> None:
    assert judge_html('<p id="vastaus">x</p>') is not None
    assert judge_html('<p id="vastaus">x</p>', reserved_ids=frozenset()) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Järjestöt & hyvinvointialueet", None),
        ('Mikä on "STEA"?', None),
        ("Neuvottelukunta {#x} *y* [z]", None),
        ("R&D; AT&T", None),  # not character references
        ("a <b>", "must be plain text without HTML (< and > are not allowed here)"),
        (
            "a &lt; b",
            'must be plain text: write the character itself instead of the HTML character reference "&lt;"',
        ),
        (
            "a &#60 b",
            'must be plain text: write the character itself instead of the HTML character reference "&#60"',
        ),
        ("rivi\nrivi", "must be one line of plain text without control characters (found U+000A)"),
        ("a\tb", "must be one line of plain text without control characters (found U+0009)"),
    ],
)
def test_plain_text(text: str, expected: str | None) -> None:
    assert plain_text_problem(text) == expected


@pytest.mark.parametrize(
    "value, normal, scheme",
    [
        ("jav&#x61;script:alert(1)", "javascript:alert(1)", "javascript"),
        ("javascript&colon;x", "javascript:x", "javascript"),
        (" java\tscript\n:x", "javascript:x", "javascript"),
        ("JavaScript:x", "javascript:x", "javascript"),
        ("\u200bhttps://a.fi", "https://a.fi", "https"),
        ("../tietoa/", "../tietoa/", None),
        ("a/b:c", "a/b:c", None),
    ],
)
def test_addresses_are_judged_as_a_browser_reads_them(value: str, normal: str, scheme: str | None) -> None:
    assert normalise_url(value) == normal
    assert scheme_of(value) == scheme


@pytest.mark.parametrize(
    "value, problem",
    [
        ("https://www.pirha.fi/a", None),
        ("https://fi.wikipedia.org/wiki/Hyvinvointialue_(Suomi)", None),
        ("https://x.fi:8443/ä?a=1&b=2#c", None),
        ("http://www.pirha.fi/", "must start with https://, not http://"),
        ("HTTP://www.pirha.fi/", "must start with https://, not http://"),
        ("ftp://a.fi/", "must be a full web address starting with https://"),
        ("www.pirha.fi", "must be a full web address starting with https://"),
        ("https://a.fi/a b", "must not contain a space"),
        ("https://a.fi/<x>", 'must not contain "<"'),
        ("https://a.fi/\u202e", "must not contain U+202E"),
        ("https://a.fi/?a=1&amp;b=2", 'must not contain the HTML character reference "&amp;"'),
        ("https://user:pass@a.fi/", "must not contain a user name or password"),
        ("https://www.pirha.fi@evil.example/", "must not contain a user name or password"),
        ("https://localhost/", "must name a host with a dot"),
        ("https://a.fi./", "must name a host with a dot"),
        ("https://a.fi/x(y", "has unbalanced parentheses"),
    ],
)
def test_url_fields(value: str, problem: str | None) -> None:
    found = url_problem(value)
    assert (found is None) if problem is None else (found is not None and found.startswith(problem)), found


@pytest.mark.parametrize(
    "value, personal",
    [
        ("kirjaamo@pirha.fi", False),
        ("kirjaamo.hyvinvointialue@kainuu.fi", False),
        ("helsinki.kirjaamo@hel.fi", False),
        ("avustukset.kanslia@hel.fi", False),
        ("toimisto@ekyhdistykset.fi", False),
        ("info@a.fi", False),
        ("jarjesto-yhteistyo@a.fi", False),
        ("matti.meikalainen@a.fi", True),
        ("etunimi.sukunimi@itauusimaa.fi", True),
        ("anna-liisa.virtanen@a.fi", True),
        ("Matti.Meikalainen@a.fi", True),
    ],
)
def test_email_fields_are_organisational(value: str, personal: bool) -> None:
    problem = email_problem(value)
    assert (problem is not None and "looks like a person's address" in problem) == personal
    if not personal:
        assert problem is None


def test_malformed_email() -> None:
    assert (
        email_problem("ei-osoite")
        == 'must be an e-mail address such as kirjaamo@example.fi (got "ei-osoite")'
    )


def test_link_problem_names_the_scheme_after_decoding() -> None:
    assert link_problem("https://a.fi/") is None
    assert link_problem("../x/") is None
    assert link_problem("#ankkuri") is None
    assert "javascript:" in (link_problem("\tjavascript:x") or "")


@pytest.mark.parametrize(
    "line, depth",
    [("x", 0), ("- x", 1), ("    - x", 2), ("> > x", 2), ("- - - x", 3), ("> - 1. x", 3), ("\t\t- x", 3)],
)
def test_nesting(line: str, depth: int) -> None:
    assert nesting(line) == depth


@pytest.mark.parametrize(
    "text",
    [
        "[" * 5000,
        "\n".join(["[" * 99] * 2) + "\n\n" + "![" * 200,
        "> " * 2000 + "x",
        "- " * 2000 + "x",
        "\n".join("    " * i + "- x" for i in range(MAX_NESTING + 2)),
    ],
)
def test_pathological_texts_are_refused_before_rendering(text: str) -> None:
    started = time.process_time()
    finding = judge_markdown(text)
    assert finding is not None and finding.offset is not None
    assert time.process_time() - started < 0.5  # refused by counting, not by rendering


def test_the_line_of_a_finding() -> None:
    text = "Rivi yksi `<script>` koodina.\n\nRivi kolme <br> ja <b>lihava</b>."
    finding = judge_markdown(text)
    assert finding is not None and finding_line(text, finding) == 2
    link = "[a](alue:x#y)\n\n[b][r]\n\n[r]: alue:x"
    assert finding_line(link, judge_markdown(link)) == 4
    assert finding_line("x", Finding("m", offset=7)) == 7


def test_a_text_too_slow_to_render_is_stopped(monkeypatch) -> None:
    """The CPU-time guard: thousands of headings with one id make Python-Markdown's toc
    quadratic; with the limit lowered the check stops and says why, and the next text is
    rendered by a fresh renderer."""
    from kb.content import html_policy

    monkeypatch.setattr(html_policy, "RENDER_SECONDS", 0.05)
    started = time.process_time()
    finding = judge_markdown("\n".join(["## x {#a}"] * 5000))
    assert finding is not None
    assert finding.message.startswith("a text that takes more than 0.05 s to check is not allowed here")
    assert time.process_time() - started < 1
    assert judge_markdown("*kunnossa*") is None


def test_a_long_ordinary_paragraph_passes() -> None:
    """200 KB of prose in one paragraph (the file limit) is ordinary, and fast."""
    assert judge_markdown("\n".join(["sana " * 999] * 40)) is None
