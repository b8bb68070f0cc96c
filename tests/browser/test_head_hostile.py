"""The page head is a trust boundary: hostile values in every field that reaches <head>
(title, description, JSON-LD, the site's name) run no script and navigate nowhere, in
Chromium, served as GitHub Pages serves the site: without _headers, so only each
page's own CSP <meta> protects it.

The values are ones validation accepts on purpose (quotes, ampersands, markup written
as character references, which a reader sees as text); values with real markup are
refused before anything is built (tests/cli/test_bad_inputs.py). Before this change
the theme printed the description unescaped, before the CSP <meta>.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from support.browsertools import context_page
from support.fixture import build, copy_fixture, edit

pytestmark = pytest.mark.browser

# As entities in Markdown (the reader sees the characters), and plain quotes.
PAYLOAD = (
    "&quot;&gt;&lt;/title&gt;&lt;script&gt;window.__kbPwned=1&lt;/script&gt;"
    "&lt;meta http-equiv=&quot;refresh&quot; content=&quot;0;url=https://example.org/&quot;&gt;"
)
SHOWN = (
    '"></title><script>window.__kbPwned=1</script>'
    '<meta http-equiv="refresh" content="0;url=https://example.org/">'
)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = copy_fixture(tmp_path_factory.mktemp("hostile") / "project")
    fi, sv = "content/faq/aihe/vastaus.fi.md", "content/faq/aihe/vastaus.sv.md"
    for path in (fi, sv):
        edit(path, "answer: Testivastaus", f"answer: >-\n  Vastaus {PAYLOAD} loppu")(root)
        edit(path, "question: Testi", "question: >-\n  Kysymys \"lainaus\" & 'heitto' Testi")(root)
    edit("content/faq/topics.yml", "fi: Testiaihe.", f"fi: 'Aihe {PAYLOAD}'")(root)
    edit(
        "content/regions/testialue.yml",
        "website: https://example.org",
        f"website: https://example.org\nsummary:\n  fi: 'Tiivistelmä {PAYLOAD}'\n"
        f"  sv: 'Sammandrag {PAYLOAD}'",
    )(root)
    edit(
        "content/regions/testialue.yml",
        "fi: Testialueen hyvinvointialue",
        "fi: 'Testialueen \"hyvinvointialue\" & muut'",
    )(root)
    edit("docs/fi/index.md", "title: Koti fi", "title: 'Koti \"fi\" & muut'")(root)
    edit(
        "content/ui.yml",
        "fi: Järjestöt ja hyvinvointialueet",
        "fi: 'Järjestöt \"ja\" hyvinvointialueet & muut'",
    )(root)
    site = root / "site"
    result = build(root, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.mark.parametrize(
    "path, description",
    [
        ("/ukk/vastaus/", f"Vastaus {SHOWN} loppu fi."),
        ("/sv/ukk/vastaus/", f"Vastaus {SHOWN} loppu sv."),
        ("/ukk/aihe/", f"Aihe {SHOWN}"),
        ("/alueet/testialue/", f"Tiivistelmä {SHOWN}"),
        ("/sv/alueet/testialue/", f"Sammandrag {SHOWN}"),
        ("/", 'Koti "fi" & muut'),
        ("/404.html", None),
    ],
)
def test_no_script_runs_and_nothing_navigates(
    browser, serve, hostile_site: Path, path: str, description: str | None
) -> None:
    with serve(hostile_site) as base, context_page(browser) as page:
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(base + path)
        page.wait_for_timeout(600)  # a refresh of 0 s would have happened by now
        assert page.url == base + path, "the page navigated away"
        assert page.evaluate("window.__kbPwned") is None, "a script from content ran"
        assert dialogs == []
        head = page.locator("head > *")
        assert head.nth(0).get_attribute("charset") == "utf-8"
        assert head.nth(1).get_attribute("http-equiv") == "Content-Security-Policy"
        assert page.locator("meta[http-equiv=refresh]").count() == 0
        if description is not None:
            expect(page.locator("meta[name=description]")).to_have_attribute("content", description)
        assert page.locator("head script:not([src]):not([type$=json])").count() == 0


def test_titles_and_structured_data_keep_their_text(browser, serve, hostile_site: Path) -> None:
    with serve(hostile_site) as base, context_page(browser) as page:
        page.goto(base + "/ukk/vastaus/")
        assert page.title() == (
            'Kysymys "lainaus" & \'heitto\' Testikysymys fi? – Järjestöt "ja" hyvinvointialueet & muut'
        )
        data = page.evaluate(
            "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)"
        )
        assert data["mainEntity"][0]["acceptedAnswer"]["text"] == f"Vastaus {SHOWN} loppu fi."
        page.goto(base + "/alueet/testialue/")
        assert page.title().startswith('Testialueen "hyvinvointialue" & muut – ')
        # The text a reader sees: the soft hyphens of long words (kb/content/hyphenation.py)
        # show only at a line break.
        shown = page.locator("h1").inner_text().replace("\u00ad", "")
        assert shown == 'Testialueen "hyvinvointialue" & muut'
