"""Measurements of the rendered page for the phone-width tests (tests/browser/test_phone_layout.py).

WORDS_BROKEN_JS finds every word of a heading that the browser broke across lines
without a hyphen: for each word it takes the box of every character (Range client
rects), and where one character is on a lower line than the character before it,
the break must follow a hyphen, a dash, a slash or a soft hyphen (shown as "-" at the
line's end). A word wider than its heading (it overflows) is reported too.
"""

from __future__ import annotations

from playwright.sync_api import Page

WORDS_BROKEN_JS = r"""(selector) => {
  const problems = [];
  const allowed = new Set(["-", "\u2010", "\u2011", "\u2013", "\u2014", "/", "\u00ad"]);
  for (const heading of document.querySelectorAll(selector)) {
    if (heading.scrollWidth > heading.clientWidth + 1) {
      problems.push(`${heading.tagName} is wider than its box: ${heading.textContent.trim()}`);
    }
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data;
      const words = /[^\s]+/g;
      for (let m = words.exec(text); m; m = words.exec(text)) {
        let previousTop = null, previous = "";
        let between = "";
        for (let i = m.index; i < m.index + m[0].length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rects = [...range.getClientRects()].filter(r => r.width > 0);
          const ch = text[i];
          if (!rects.length) { between += ch; continue; }  // an unbroken soft hyphen
          const top = rects[rects.length - 1].top;  // a char after a break also has a box on the line before
          if (previousTop !== null && top > previousTop + 2 &&
              !allowed.has(previous) && ![...between].some(c => allowed.has(c))) {
            const word = m[0].replace(/\u00ad/g, "");
            problems.push(`"${word}" broken without a hyphen in ${heading.tagName}`);
            break;
          }
          previousTop = top; previous = ch; between = "";
        }
      }
    }
  }
  return problems;
}"""

# Headings of the article and the site name in the header.
HEADINGS = "article :is(h1, h2, h3, h4), .md-header__topic:first-child .md-ellipsis"

SIDEWAYS_JS = """() => {
  const doc = document.documentElement;
  const wide = doc.scrollWidth > doc.clientWidth;
  return wide ? [`the page is ${doc.scrollWidth} px wide in ${doc.clientWidth} px`] : [];
}"""


def phone_problems(page: Page) -> list[str]:
    """What goes wrong on this page at the current viewport width."""
    return page.evaluate(SIDEWAYS_JS) + page.evaluate(WORDS_BROKEN_JS, HEADINGS)
