"""Links that never break, in a real browser: copy-link buttons, the language
switcher keeping the #anchor, and old answer addresses (aliases)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from support.browsertools import clipboard_page, context_page, tab_until
from support.renamed import Renamed

pytestmark = pytest.mark.browser


@pytest.fixture
def clip_page(server, browser):
    with clipboard_page(browser, server, locale="fi-FI") as tab:
        yield tab


def clipboard(page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def status_after(page: Page, heading: str):
    return page.locator(f"{heading} + .kb-copylink [role=status]")


def test_copy_answer_link_with_keyboard_then_open_it(clip_page: Page, server: str, content) -> None:
    answer = next(iter(content.answers.values()))
    clip_page.goto(f"/ukk/{answer.id}/")
    button = "h1 + .kb-copylink button"
    expect(clip_page.locator(button)).to_be_visible()
    status = status_after(clip_page, "h1")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_be_empty()  # the live region exists before it speaks
    tab_until(clip_page, button)
    clip_page.keyboard.press("Enter")
    expect(status).to_have_text(content.t("copylink.copied", "fi"))
    copied = clipboard(clip_page)
    assert copied == f"{server}/ukk/{answer.id}/"  # the page itself: no #anchor
    clip_page.goto(copied)
    question = answer.texts["fi"].meta.question
    expect(clip_page.locator("h1")).to_have_text(question)
    expect(clip_page.locator("h1")).to_be_in_viewport()


def test_copy_structure_link_has_its_anchor(clip_page: Page, server: str, content) -> None:
    region = next(r for r in content.regions.values() if r.structures)
    structure = region.structures[-1]
    clip_page.goto(f"/sv/alueet/{region.id}/")
    button = clip_page.locator(f"h3#{structure.id} + .kb-copylink button")
    expect(button).to_have_accessible_name(
        f"{content.t('copylink.button', 'sv')}: {structure.name.get('sv')}"
    )
    button.focus()
    clip_page.keyboard.press("Space")
    expect(status_after(clip_page, f"h3#{structure.id}")).to_have_text(content.t("copylink.copied", "sv"))
    copied = clipboard(clip_page)
    assert copied == f"{server}/sv/alueet/{region.id}/#{structure.id}"
    clip_page.goto(f"{server}/")
    clip_page.goto(copied)
    expect(clip_page.locator(f"h3#{structure.id}")).to_be_in_viewport()


def test_every_county_section_has_a_copy_button(page: Page, content) -> None:
    region = next(r for r in content.regions.values() if r.structures and r.contacts)
    page.goto(f"/alueet/{region.id}/")
    sections = [
        "perustiedot",
        "kunnat",
        "yhteistyorakenteet",
        "yhteystiedot",
        *(s.id for s in region.structures),
        *(c.id for c in region.contacts),
    ]
    for anchor in sections:
        button = page.locator(f"#{anchor} + .kb-copylink button")
        expect(button).to_have_attribute("data-url", f"{page.url.split('#')[0]}#{anchor}")


def test_switching_language_keeps_the_anchor(page: Page, server: str) -> None:
    page.goto("/alueet/pirkanmaa/#yhteystiedot")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang=sv]").click()
    expect(page).to_have_url(f"{server}/sv/alueet/pirkanmaa/#yhteystiedot")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.locator("h2#yhteystiedot")).to_be_in_viewport()
    # Moving within the page updates the switcher too (hashchange).
    page.evaluate("location.hash = 'kunnat'")
    expect(page.locator("a.md-select__link[hreflang=fi]")).to_have_attribute(
        "href", "../../../alueet/pirkanmaa/#kunnat"
    )


@pytest.mark.parametrize("prefix", ["", "/sv"])
def test_old_address_lands_on_the_answer_with_its_anchor(
    browser, serve, renamed_with_alias: Renamed, prefix: str
) -> None:
    renamed = renamed_with_alias
    with serve(renamed.site) as base, context_page(browser) as tab:
        tab.goto(f"{base}{prefix}/ukk/{renamed.old}/#lahteet")
        expect(tab).to_have_url(f"{base}{prefix}/ukk/{renamed.new}/#lahteet")
        expect(tab.locator("h2#lahteet")).to_be_in_viewport()


def test_old_address_redirects_without_javascript(browser, serve, renamed_with_alias: Renamed) -> None:
    renamed = renamed_with_alias
    with serve(renamed.site) as base, context_page(browser, java_script_enabled=False) as tab:
        tab.goto(f"{base}/sv/ukk/{renamed.old}/")
        expect(tab).to_have_url(f"{base}/sv/ukk/{renamed.new}/")
        expect(tab.locator("html")).to_have_attribute("lang", "sv")


def test_a_browser_that_refuses_to_copy_shows_the_address(page: Page, server: str, content) -> None:
    """No clipboard permission and no copy command: the reader gets the address to copy."""
    page.add_init_script("""
        Object.defineProperty(navigator, 'clipboard', {value: undefined});
        document.execCommand = () => false;""")
    page.goto("/alueet/pirkanmaa/#kunnat")
    page.locator("h2#kunnat + .kb-copylink button").press("Enter")
    expect(page.locator("h2#kunnat + .kb-copylink [role=status]")).to_have_text(
        f"{content.t('copylink.failed', 'fi')} {server}/alueet/pirkanmaa/#kunnat"
    )
    expect(page.locator("h2#kunnat + .kb-copylink button")).to_be_focused()
