"""Soft hyphens in the long words of headings, so a phone breaks them with a hyphen;
and (`breakable`) in the short county names of the home page's tile map.

Finnish and Swedish compounds ("välfärdsområdesfullmäktige", "järjestöneuvottelukunta")
are wider than a phone's screen in a heading. CSS `hyphens: auto` hyphenates them only
where the browser has a dictionary for the language, and many have none (Debian's
Chromium, some Android browsers): the word is then cut anywhere or pushes the page
sideways. A soft hyphen (U+00AD) is invisible unless the line breaks there, and then
shows as a hyphen, in every browser. Screen readers and search ignore it.

Only headings get them (HeadingHyphens, a Markdown extension the site's MkDocs
configuration enables per language: kb/content/markdown.py), only words of at least
LONG letters, never within MIN_PART letters of either end.

* Finnish: its syllable rules, which are regular (Finnish hyphenates by syllable):
  a break before the last consonant of a run that is followed by a vowel
  ("kan-sal-lis-kie-li"), and between two vowels that are neither a long vowel nor
  a diphthong ("hyvin-voin-ti-alu-eet").
* Swedish: the LibreOffice Swedish patterns that pyphen ships (MPL/LGPL), which know
  compound joints ("väl-färds-om-rå-des-full-mäk-tige").
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

SOFT_HYPHEN = "\u00ad"
LONG = 13  # letters: shorter words fit a phone's heading line
MIN_PART = 3  # letters kept together at each end of a word
HEADINGS = {"h1", "h2", "h3", "h4"}

_WORD = re.compile(rf"[^\W\d_]{{{LONG},}}")
_VOWELS = set("aeiouyäöå")
_DIPHTHONGS = {
    "ai", "ei", "oi", "ui", "yi", "äi", "öi", "au", "eu", "iu", "ou",
    "ey", "iy", "äy", "öy", "ie", "uo", "yö",
}  # fmt: skip


def finnish_breaks(word: str) -> list[int]:
    """Positions (before index i) where a Finnish word may break."""
    low = word.lower()
    breaks = []
    for i in range(1, len(low)):
        before, here = low[i - 1], low[i]
        after = low[i + 1] if i + 1 < len(low) else ""
        seen_vowel = any(c in _VOWELS for c in low[:i])
        if here not in _VOWELS and after in _VOWELS and seen_vowel:
            breaks.append(i)  # before a consonant that starts a syllable
        elif (
            before in _VOWELS
            and here in _VOWELS
            and before != here
            and before + here not in _DIPHTHONGS
            and (i < 2 or low[i - 2] != before)  # not after a long vowel (the "ee" of "alueet")
        ):
            breaks.append(i)
    return breaks


@functools.cache
def _swedish() -> Any:
    import pyphen  # type: ignore[import-untyped]  # no type hints shipped

    return pyphen.Pyphen(lang="sv", left=MIN_PART, right=MIN_PART)


def swedish_breaks(word: str) -> list[int]:
    return list(_swedish().positions(word))


def hyphenate_word(word: str, lang: str) -> str:
    breaks = finnish_breaks(word) if lang == "fi" else swedish_breaks(word) if lang == "sv" else []
    keep = [i for i in breaks if MIN_PART <= i <= len(word) - MIN_PART]
    parts = [word[a:b] for a, b in zip([0, *keep], [*keep, len(word)], strict=True)]
    return SOFT_HYPHEN.join(parts)


def hyphenate(text: str, lang: str) -> str:
    """Soft hyphens in every word of at least LONG letters (parts of "Suomi.fi-palvelu"
    and "sosiaali-" are words of their own: the break after a hyphen is the browser's)."""
    return _WORD.sub(lambda match: hyphenate_word(match.group(0), lang), text)


# Where a long name may break on a narrow tile (a soft hyphen before the last part of a
# compound: Öster-botten, Kymmene-dalen): browsers without hyphenation dictionaries
# would otherwise break the word anywhere. Presentation only; the text is unchanged.
_COMPOUND_ENDS = ("botten", "dalen", "land", "fors", "savolax", "maa", "laakso", "kunta")
_MIN_BREAK_LENGTH = 9


def breakable(name: str) -> str:
    """A short name for a narrow box (the home page's tile map): a soft hyphen before
    the last part of a compound it knows (_COMPOUND_ENDS), in parts of at least
    _MIN_BREAK_LENGTH letters, in either language."""
    words = []
    for word in name.split(" "):
        parts = word.split("-")
        for i, part in enumerate(parts):
            end = next(
                (e for e in _COMPOUND_ENDS if part.lower().endswith(e) and len(part) > len(e) + 2), None
            )
            if end and len(part) >= _MIN_BREAK_LENGTH:
                parts[i] = part[: -len(end)] + SOFT_HYPHEN + part[-len(end) :]
        words.append("-".join(parts))
    return " ".join(words)


class _HeadingHyphens(Treeprocessor):
    def __init__(self, md: Markdown, lang: str) -> None:
        super().__init__(md)
        self.lang = lang

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag in HEADINGS:
                self._fill(element, element.get("lang") or self.lang)

    def _fill(self, element: etree.Element, lang: str) -> None:
        if element.tag == "code":
            return
        if element.text:
            element.text = hyphenate(element.text, lang)
        for child in element:
            self._fill(child, child.get("lang") or lang)
            if child.tail:
                child.tail = hyphenate(child.tail, lang)


class HeadingHyphens(Extension):
    """`{"kb.content.hyphenation": {"lang": "fi"}}` in markdown_extensions."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"lang": ["", "the page's language: fi or sv (other values: no hyphens)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's name
        # After toc (priority 5): the table of contents and the page title keep plain words.
        md.treeprocessors.register(_HeadingHyphens(md, str(self.getConfig("lang"))), "kb_hyphens", 4)


def makeExtension(**kwargs: Any) -> HeadingHyphens:  # the name Python-Markdown looks up
    return HeadingHyphens(**kwargs)
