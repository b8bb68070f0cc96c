"""The HTML policy: what an editor's text may become, judged on the HTML it becomes.

Every Markdown text editors write (answer and page bodies, the one-sentence answer,
every `Localized` text, the Markdown labels of ui.yml) is rendered with the site's
own Markdown configuration (markdown.py, the one MkDocs uses), with its site links
rewritten as the pages rewrite them (links.resolve_site_links), and the HTML that
comes out is judged against an explicit allow-list of elements, attributes and URL
schemes. The judge is nh3 (Ammonia): whatever it would remove or change is not
allowed, and the first difference between what Markdown produced and what nh3 keeps
(compared as html.parser token streams, attribute values decoded) is reported as
`<what> is not allowed here; allowed: …`.

Line-based hints (markdown_policy.py) say the same for common mistakes in friendlier
words; this is the gate, because it reads the text exactly as the browser will: a
tag split over lines, hidden by a code-span trick, or a `jav&#x61;script:` link
written with character references is what it is.

Plain-text fields (names, titles, TEXT labels) are escaped when rendered and may not
contain markup at all (`plain_text_problem`).

Rendering is bounded: nesting depth and the number of `[` and `<` in a paragraph are
checked before Python-Markdown (which recurses, and is quadratic in brackets) sees
the text, and rendering one text runs under a CPU-time guard.
"""

from __future__ import annotations

import contextlib
import html
import re
import signal
import threading
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser

import nh3

from . import markdown as site_markdown
from .addresses import email_problem, normalise_url, scheme_of, url_problem
from .links import (
    CALENDAR_SCHEME,
    LAYOUT_ANCHORS,
    LINK_SCHEMES,
    OPEN_DATA_SCHEME,
    REPOSITORY_SCHEME,
    resolve_site_links,
)

# --- bounds ---------------------------------------------------------------------------

RENDER_SECONDS = 1.0  # CPU time to check one text; real texts take milliseconds
MAX_NESTING = 10  # quotes and lists inside each other; real content uses 2
MAX_OPENERS = 100  # [ and < in one paragraph (Python-Markdown is quadratic in them); real: 15

# --- the allow-list -------------------------------------------------------------------

INLINE_ELEMENTS = frozenset({"a", "abbr", "br", "code", "em", "strong", "sub", "sup"})
BLOCK_ELEMENTS = frozenset(
    {"p", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "hr"}
    | {"table", "thead", "tbody", "tr", "th", "td"}  # tables (alignment as align=)
    | {"h2", "h3", "h4", "h5", "h6"}  # the page title is the only h1
    | {"div"}  # admonitions (!!! note), with their classes only
)
# HTML editors may write themselves (Markdown has no syntax for these).
RAW_HTML_ELEMENTS = ("abbr", "br", "sub", "sup")

ATTRIBUTES: Mapping[str, frozenset[str]] = {
    "*": frozenset({"id", "lang"}),  # {#anchor-id} and {lang=sv} (attr_list)
    "a": frozenset({"href", "title"}),
    "abbr": frozenset({"title"}),
    "ol": frozenset({"start"}),
    "th": frozenset({"align"}),
    "td": frozenset({"align"}),
}
# Classes only where an extension puts them: admonitions.
ADMONITION_TYPES = frozenset(
    {"note", "abstract", "info", "tip", "success", "question", "warning", "failure", "danger"}
    | {"bug", "example", "quote", "attention", "caution", "error", "hint", "important"}
)
CLASSES: Mapping[str, frozenset[str]] = {
    "div": frozenset({"admonition"}) | ADMONITION_TYPES,
    "p": frozenset({"admonition-title"}),
}
LANGUAGE_CODES = frozenset({"fi", "sv", "en", "se"})  # {lang=…}: the site's languages, English, Sami
ALIGNMENTS = frozenset({"left", "right", "center"})
URL_SCHEMES = frozenset({"https", "mailto", "tel"})  # and relative links (site links resolved)
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PHONE_LINK = re.compile(r"^\+?[0-9]{5,20}$")

_RAW = ", ".join(f"<{name}>" for name in RAW_HTML_ELEMENTS)
# Every scheme of the site's own links (kb/content/links.py); resolved before judging.
SITE_SCHEMES = (*LINK_SCHEMES, CALENDAR_SCHEME, OPEN_DATA_SCHEME, REPOSITORY_SCHEME)
_SITE_SCHEMES = ", ".join(f"{scheme}:" for scheme in SITE_SCHEMES)
LINKS_ALLOWED = f"https://…, mailto:… (an organisation's address), {_SITE_SCHEMES} and relative links"


@dataclass(frozen=True)
class Policy:
    """One allow-list: the elements, and a description of them for messages."""

    elements: frozenset[str]
    allowed: str
    one_paragraph: bool = False
    attributes: Mapping[str, frozenset[str]] = field(default_factory=lambda: ATTRIBUTES)
    classes: Mapping[str, frozenset[str]] = field(default_factory=lambda: CLASSES)


# Bodies and `Localized` texts: block Markdown.
MARKDOWN = Policy(
    INLINE_ELEMENTS | BLOCK_ELEMENTS,
    "Markdown formatting (paragraphs, lists, tables, ## headings, **bold**, *italic*, links) "
    f"and the HTML elements {_RAW}",
)
# The one-sentence answer and the Markdown labels: one paragraph of inline Markdown.
SENTENCE = Policy(
    INLINE_ELEMENTS | {"p"},
    f"one paragraph with Markdown formatting (**bold**, *italic*, links) and the HTML elements {_RAW}",
    one_paragraph=True,
)


@dataclass(frozen=True)
class Finding:
    """The first thing in a text that is not allowed, and where to look for it."""

    message: str
    needles: tuple[str, ...] = ()  # text to find in the source (its first line with one)
    patterns: tuple[str, ...] = ()  # else a regular expression for the Markdown that made it
    offset: int | None = None  # the line within the text, when known
    url: bool = False  # needles are normalised addresses (found in normalised lines)


# --- addresses in links ------------------------------------------------------------------


def link_problem(value: str) -> str | None:
    """Why a link address (an href, decoded) may not be published, or None."""
    shown = value.strip()
    scheme = scheme_of(value)
    if scheme is None:
        address = normalise_url(value).replace("\\", "/")
        if address.startswith("//"):
            return (
                f'the link address "{shown}" (another site, without https:) is not allowed here; '
                f"allowed: {LINKS_ALLOWED}"
            )
        if address.startswith("/"):
            return (
                f'the link address "{shown}" (from the server root: the site may live in a folder) '
                f"is not allowed here; allowed: {LINKS_ALLOWED}"
            )
        return None
    rest = normalise_url(value)[len(scheme) + 1 :]
    if scheme == "https":
        if url_problem("https:" + rest) is None:
            return None
        return (
            f'the link address "{shown}" is not allowed here; allowed: a full https:// address with '
            "a host name, without spaces, character references, a user name or password"
        )
    if scheme == "http" and url_problem(shown) is None:
        return None  # a source kept at its http:// address (addresses.HTTP_ONLY_SOURCES)
    if scheme == "http":
        return (
            f'the link address "{shown}" is not allowed here; allowed: https:// '
            "(use the page's https:// address)"
        )
    if scheme == "mailto":
        if email_problem(rest.split("?", 1)[0]) is None:
            return None
        return (
            f'the e-mail link "{shown}" is not allowed here; allowed: mailto: with an organisation\'s '
            "role or service address, such as kirjaamo@… or avustukset@… (not a person's "
            "firstname.lastname@…)"
        )
    if scheme == "tel":
        if _PHONE_LINK.match(rest):
            return None
        return (
            f'the phone link "{shown}" is not allowed here; allowed: tel: with digits, such as tel:+358912345'
        )
    if scheme in SITE_SCHEMES:
        return (
            f'the link "{shown}" is not allowed here; allowed: {scheme}: links written in the text '
            f"as [text]({scheme}:…) on one line"
        )
    return f'the link type "{scheme}:" is not allowed here; allowed: {LINKS_ALLOWED}'


def _value_problem(element: str, attribute: str, value: str, reserved_ids: frozenset[str]) -> str | None:
    """Why an allowed attribute's value is not, or None."""
    if attribute == "href":
        return link_problem(value)
    if attribute == "id":
        if not _ID.match(value):
            return (
                f'the id "{value}" is not allowed here; allowed: ids of lower-case letters a-z, '
                "digits and single hyphens, written {#anchor-id}"
            )
        if value in reserved_ids:
            return (
                f'the id "{value}" is not allowed here: it is reserved for the page layout; '
                "allowed: any other id, written {#anchor-id}"
            )
    if attribute == "lang" and value not in LANGUAGE_CODES:
        codes = ", ".join(f"{{lang={code}}}" for code in sorted(LANGUAGE_CODES))
        return f'the language lang="{value}" is not allowed here; allowed: {codes}'
    if attribute == "align" and value not in ALIGNMENTS:
        return f'align="{value}" is not allowed here; allowed: left, right, center (|:--|, |--:|, |:-:|)'
    if attribute == "start" and not value.isdigit():
        return f'start="{value}" is not allowed here; allowed: a list number'
    return None


def _attribute_message(element: str, attribute: str, value: str, policy: Policy) -> str:
    names = sorted(policy.attributes.get(element, frozenset()) | policy.attributes.get("*", frozenset()))
    shown = f'{attribute}="{value}"' if value else attribute
    allowed = ", ".join(names)
    if element in policy.classes:
        allowed += ", class (" + ", ".join(sorted(policy.classes[element])) + ")"
    return f"the attribute {shown} on <{element}> is not allowed here; allowed on <{element}>: {allowed}"


# --- the judge ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: str  # start, end, text, comment, other
    name: str  # the element, or the text
    attributes: tuple[tuple[str, str], ...] = ()


_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "base", "col", "area", "wbr", "source"})


class _Tokens(HTMLParser):
    """An HTML fragment as a token stream: attribute values and text decoded, attributes
    sorted, `<br />` and `<br>` the same."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[_Token] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(_Token("start", tag, tuple(sorted((k, v or "") for k, v in attrs))))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.tokens.append(_Token("end", tag))

    def handle_endtag(self, tag: str) -> None:
        self.tokens.append(_Token("end", tag))

    def handle_data(self, data: str) -> None:
        if self.tokens and self.tokens[-1].kind == "text":
            self.tokens[-1] = _Token("text", self.tokens[-1].name + data)
        else:
            self.tokens.append(_Token("text", data))

    def handle_comment(self, data: str) -> None:
        self.tokens.append(_Token("comment", data))

    def handle_decl(self, decl: str) -> None:
        self.tokens.append(_Token("other", f"<!{decl}>"))

    def handle_pi(self, data: str) -> None:
        self.tokens.append(_Token("other", f"<?{data}>"))

    def unknown_decl(self, data: str) -> None:
        self.tokens.append(_Token("other", f"<![{data}]>"))


def tokens(fragment: str) -> list[_Token]:
    parser = _Tokens()
    parser.feed(fragment)
    parser.close()
    return [t for t in parser.tokens if not (t.kind == "text" and not t.name)]


def sanitise(fragment: str, policy: Policy, reserved_ids: frozenset[str] = LAYOUT_ANCHORS) -> str:
    """What nh3 keeps of `fragment` under `policy` (the allow-list applied)."""

    def keep(element: str, attribute: str, value: str) -> str | None:
        if attribute == "class":
            return value
        return None if _value_problem(element, attribute, value, reserved_ids) else value

    return str(
        nh3.clean(
            fragment,
            tags=set(policy.elements),
            clean_content_tags={"script", "style"} - policy.elements,
            attributes={k: set(v) for k, v in policy.attributes.items()},
            attribute_filter=keep,
            strip_comments=True,
            link_rel=None,
            # http too, so that link_problem (via keep) judges it: only the sources kept at
            # their http:// address pass (addresses.HTTP_ONLY_SOURCES)
            url_schemes=set(URL_SCHEMES) | {"http"},
            allowed_classes={k: set(v) for k, v in policy.classes.items()},
        )
    )


def judge_html(
    fragment: str, policy: Policy = MARKDOWN, reserved_ids: frozenset[str] = LAYOUT_ANCHORS
) -> Finding | None:
    """The first element, attribute or address of `fragment` the allow-list does not keep."""
    sanitised = sanitise(fragment, policy, reserved_ids)
    if sanitised == fragment and not policy.one_paragraph:
        return None  # nh3 kept every byte: nothing to compare (the usual case, and fast)
    produced = tokens(fragment)
    difference = first_difference(produced, tokens(sanitised))
    if difference is not None:
        token, other = difference
        return _explain(token, other, policy, reserved_ids)
    if policy.one_paragraph:
        return _paragraphs(produced, policy)
    return None


def first_difference(produced: list[_Token], kept: list[_Token]) -> tuple[_Token, _Token | None] | None:
    """The first produced token the sanitiser did not keep as it was (and what it kept
    there). Text on both sides of a removed element is one text in `kept`: it is matched
    piece by piece; white space between elements does not count."""
    position, rest = 0, None  # the next kept token; what is left of a kept text
    for token in produced:
        while position < len(kept):
            ahead = rest or kept[position]
            if ahead.kind != "text" or ahead.name.strip() or (token.kind == "text" and token == ahead):
                break
            position, rest = position + 1, None
        other = (rest or kept[position]) if position < len(kept) else None
        if token == other:
            position, rest = position + 1, None
        elif token.kind == "text" and not token.name.strip():
            continue
        elif token.kind == "text" and other is not None and other.kind == "text":
            text, wanted = other.name.lstrip(), token.name.strip()
            if not text.startswith(wanted):
                return token, other
            rest = _Token("text", text[len(wanted) :])
        else:
            return token, other
    leftover = [rest] if rest else []
    leftover += kept[position + (1 if rest else 0) :]
    if any(t.kind != "text" or t.name.strip() for t in leftover):
        return leftover[0], None
    return None


def _explain(token: _Token, kept: _Token | None, policy: Policy, reserved_ids: frozenset[str]) -> Finding:
    if token.kind in ("start", "end") and token.name not in policy.elements:
        return Finding(
            f"{_element_name(token.name)} is not allowed here; allowed: {policy.allowed}",
            needles=(f"<{token.name}",),
            patterns=_MARKDOWN_FORMS.get(token.name, ()),
        )
    if token.kind == "start" and kept is not None and kept.kind == "start" and kept.name == token.name:
        remaining = dict(kept.attributes)
        for name, value in token.attributes:
            if remaining.get(name) == value:
                continue
            allowed_here = name in policy.attributes.get(token.name, ()) or name in policy.attributes.get(
                "*", ()
            )
            problem = _value_problem(token.name, name, value, reserved_ids) if allowed_here else None
            if problem and name == "href":
                address = normalise_url(value)
                # an autolink <kirjaamo@…> shows the address without its scheme
                return Finding(problem, needles=(address, address.partition(":")[2]), url=True)
            if problem:
                return Finding(problem, needles=(f"#{value}", f"{name}={value}", value))
            return Finding(_attribute_message(token.name, name, value, policy), needles=(f"{name}=", name))
    if token.kind == "comment":
        return Finding(
            "an HTML comment <!-- … --> is not allowed here; allowed: text that readers see "
            "(notes for other editors belong in the pull request)",
            needles=("<!--",),
        )
    if token.kind == "other":
        return Finding(
            f"{token.name[:20]} is not allowed here; allowed: {policy.allowed}", needles=(token.name[:5],)
        )
    if token.kind == "end":
        return Finding(
            f"a stray </{token.name}> is not allowed here; allowed: {policy.allowed}",
            needles=(f"</{token.name}",),
        )
    shown = token.name.strip()[:40]
    return Finding(
        f'the markup around "{shown}" is not allowed here; allowed: {policy.allowed}', needles=(shown[:20],)
    )


def _paragraphs(produced: list[_Token], policy: Policy) -> Finding | None:
    depth = top = 0
    for token in produced:
        if token.kind == "start" and token.name not in _VOID:
            top += depth == 0
            depth += 1
        elif token.kind == "end":
            depth -= 1
        elif token.kind == "text" and depth == 0 and token.name.strip():
            top += 1
    if top > 1:
        return Finding(
            "more than one paragraph (a blank line, a list or a heading) is not allowed here; "
            f"allowed: {policy.allowed}"
        )
    return None


_ELEMENT_NAMES = {
    "img": "an image (<img>)",
    "h1": "a level-1 heading (# … or <h1>)",
    "script": "a script (<script>)",
    "style": "a style sheet (<style>)",
    "link": "a linked file (<link>)",
    "meta": "a <meta> element",
}
# Markdown that makes an element, to find the line of one Markdown made.
_MARKDOWN_FORMS = {"img": (r"!\[",), "h1": (r"^ {0,3}#(?!#)", r"^=+\s*$")}


def _element_name(element: str) -> str:
    return _ELEMENT_NAMES.get(element, f"<{element}>")


# --- rendering, bounded -------------------------------------------------------------------


class _TooSlow(BaseException):
    """Not an Exception: nothing in Python-Markdown may catch it on the way out."""


@contextlib.contextmanager
def _cpu_time_limit(seconds: float) -> Iterator[None]:
    """Raise _TooSlow after `seconds` of CPU time. A virtual timer (SIGVTALRM), so the
    real-time alarm of a caller (a test's guard, `timeout`) is left alone. Signals work
    in the main thread only; elsewhere the bounds before rendering must do."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise _TooSlow

    previous = signal.signal(signal.SIGVTALRM, stop)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


# Leading quote and list markers of a line: each opens one level.
_MARKERS = re.compile(r"(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))")


def nesting(line: str) -> int:
    """How deep a line is nested: its quote and list markers, and its indentation (four
    spaces a level, as Python-Markdown nests lists)."""
    depth, position = 0, 0
    while True:
        found = _MARKERS.match(line, position)
        if not found or found.end() == position:
            break
        depth += 1
        position = found.end()
    indent = len(line) - len(line.lstrip(" \t"))
    return depth + len(line[:indent].expandtabs(4)) // 4


def bounds_finding(text: str) -> Finding | None:
    """A text too deep or too bracket-heavy to render in bounded time, or None."""
    lines = text.split("\n")
    for offset, line in enumerate(lines):
        depth = nesting(line)
        if depth > MAX_NESTING:
            return Finding(
                f"nesting {depth} levels deep (quotes > and lists inside each other) is not allowed "
                f"here; allowed: at most {MAX_NESTING} levels",
                offset=offset,
            )
    start, count = 0, 0
    for offset, line in enumerate([*lines, ""]):
        if not line.strip():
            if count > MAX_OPENERS:
                return Finding(
                    f"a paragraph with {count:,} [ and < characters is not allowed here; allowed: "
                    f"at most {MAX_OPENERS} in one paragraph (split it, or use fewer links)",
                    offset=start,
                )
            start, count = offset + 1, 0
        else:
            count += line.count("[") + line.count("<")
    return None


def _placeholder_page(scheme: str, target: str) -> str | None:
    """A stand-in address of the right shape: which page it names is checked elsewhere
    (rules.py, markdown_policy.py); here only that it becomes an ordinary relative link."""
    return f"../{scheme}/{target}/" if scheme in SITE_SCHEMES and scheme != OPEN_DATA_SCHEME else None


def render(text: str) -> str:
    """`text` as the site publishes it (site links resolved to relative addresses)."""
    resolved = resolve_site_links(text, _placeholder_page, lambda name: f"../data/{name}")
    return site_markdown.to_html(resolved)


def judge_markdown(text: str, policy: Policy = MARKDOWN) -> Finding | None:
    """The first thing in an editor's Markdown `text` that may not be published, or None."""
    bounded = bounds_finding(text)
    if bounded:
        return bounded
    try:
        with _cpu_time_limit(RENDER_SECONDS):
            return judge_html(render(text), policy)
    except _TooSlow:
        site_markdown.shared_renderer.cache_clear()  # it stopped half-way: start afresh
        return Finding(
            f"a text that takes more than {RENDER_SECONDS:g} s to check is not allowed here; allowed: "
            "ordinary Markdown (split it up; fewer brackets, links or headings in one text)",
            offset=0,
        )
    except RecursionError:
        site_markdown.shared_renderer.cache_clear()
        return Finding(
            f"nesting this deep is not allowed here; allowed: at most {MAX_NESTING} levels", offset=0
        )


def finding_line(text: str, finding: Finding) -> int:
    """The line of `text` (0-based) the finding is about: the first with its needle,
    preferring lines where it is not inside a `code span`."""
    if finding.offset is not None:
        return finding.offset
    lines = text.split("\n")
    for needle in finding.needles:
        if not needle:
            continue
        # "<b" must not find "<br", nor "alue:x" find "alue:x#y": a needle ends where a word
        # or an address does
        end = r"(?=$|[\s)>\"'])" if finding.url else r"(?![a-z0-9-])" if needle[-1].isalnum() else ""
        pattern = re.compile(re.escape(needle.lower()) + end)
        hits = []
        for offset, line in enumerate(lines):
            haystack = normalise_url(line) if finding.url else line.lower()
            if pattern.search(haystack):
                hits.append(offset)
        outside = [o for o in hits if pattern.search(_CODE_SPAN.sub("", lines[o]).lower())]
        if outside or hits:
            return (outside or hits)[0]
    for expression in finding.patterns:
        for offset, line in enumerate(lines):
            if re.search(expression, line):
                return offset
    return 0


_CODE_SPAN = re.compile(r"`[^`\n]*`")


# --- plain text ---------------------------------------------------------------------------

_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*;)")


def plain_text_problem(text: str) -> str | None:
    """Why `text` cannot be plain text (a name, a title, a TEXT label), or None. Plain text
    is escaped wherever it is shown, so markup would show as it is written."""
    if "<" in text or ">" in text:
        return "must be plain text without HTML (< and > are not allowed here)"
    for found in _REFERENCE.finditer(text):
        if html.unescape(found.group()) != found.group():
            return (
                f"must be plain text: write the character itself instead of the HTML character "
                f'reference "{found.group()}"'
            )
    for char in text:
        if unicodedata.category(char) == "Cc" or char in "\u2028\u2029":
            return f"must be one line of plain text without control characters (found U+{ord(char):04X})"
    return None
