"""Web and e-mail addresses as editors write them: decoded, normalised, then judged.

One place for what an address may be, used by the model (Url and Email fields) and
by the HTML policy (links inside Markdown):

* web addresses are `https://` only, with a host that has a dot, no user name or
  password, and nothing a browser or a Markdown link would read differently
  (spaces, control characters, HTML character references, < > " and friends);
* e-mail addresses are organisational: a role or service mailbox, never a
  person's `firstname.lastname@` (the site names roles, not people).

Addresses are judged on what a browser would make of them: character references
decoded, control characters and white space removed (browsers drop tabs and line
breaks inside URLs, so `java\tscript:` is `javascript:`), case folded.
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import urlsplit

# What a browser removes from a URL before it reads the scheme (WHATWG URL: C0 controls
# and space at the ends, tab and line breaks anywhere); we remove every control and
# white-space character anywhere, which is stricter.
_INVISIBLE = re.compile(
    r"[\x00-\x20\x7f-\x9f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]"
)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);?", re.IGNORECASE)
# Characters RFC 3986 does not allow in a URL, and that Markdown or HTML would read
# as syntax around a link destination.
_NOT_IN_URL = set(' <>"\\^`{|}[]')
_HOST = re.compile(r"^[^.:]+(?:\.[^.:]+)+$")  # labels and dots: www.example.fi


def normalise_url(value: str) -> str:
    """The address as a browser reads it: references decoded, invisible characters
    removed, lower case (for judging only; never published)."""
    return _INVISIBLE.sub("", html.unescape(value)).lower()


def scheme_of(value: str) -> str | None:
    """The scheme of an address after normalising ("javascript" for "jav&#x61;script:…"),
    or None for a relative address."""
    found = _SCHEME.match(normalise_url(value))
    return found.group(1) if found else None


def _unusable_character(value: str) -> str | None:
    for char in value:
        if char in _NOT_IN_URL or unicodedata.category(char)[0] in "CZ":
            return "a space" if char == " " else f'"{char}"' if char.isprintable() else f"U+{ord(char):04X}"
    return None


# Sites whose page holding a fact was found only at an http:// address (the stored copy
# the fact was checked against). A source must be the page that holds the fact, so for
# these the http:// address is kept rather than an https:// one nobody has opened.
# Add a site only with a comment saying which page and why. Keys are host names.
HTTP_ONLY_SOURCES: dict[str, str] = {
    # Varsinais-Suomen Järjestöfoorumi: the roadmap and the chair of its järjestöjaosto are
    # on the site's front page, stored at http:// only (research 2026-12-03).
    "www.järjestöfoorumi.fi": "Varsinais-Suomen Järjestöfoorumi",
}


def url_problem(value: str) -> str | None:
    """Why `value` cannot be a web-address field (a source, a website), or None."""
    scheme = scheme_of(value)
    if scheme == "http" and (urlsplit(value).hostname or "") in HTTP_ONLY_SOURCES:
        value = "https" + value[len("http") :]  # judged as the https:// address; kept as written
        scheme = "https"
    if scheme == "http":
        return f'must start with https://, not http:// (use the page\'s https:// address; got "{value}")'
    if not value.startswith("https://"):
        return f'must be a full web address starting with https:// (got "{value}")'
    character = _unusable_character(value)
    if character:
        return (
            f'must not contain {character} (copy the address from the browser\'s address bar; got "{value}")'
        )
    reference = _CHARACTER_REFERENCE.search(value)
    if reference and html.unescape(reference.group()) != reference.group():
        return (
            f'must not contain the HTML character reference "{reference.group()}": write the '
            f'character itself (got "{value}")'
        )
    parts = urlsplit(value)
    if "@" in parts.netloc:
        return f'must not contain a user name or password before the host (got "{value}")'
    host = parts.hostname or ""
    if not _HOST.match(host):
        return f'must name a host with a dot, such as www.example.fi (got "{value}")'
    if value.count("(") != value.count(")"):
        return f'has unbalanced parentheses; write ( as %28 and ) as %29 (got "{value}")'
    return None


_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")

# Words that make a mailbox a role or a service, not a person: `kirjaamo.pirha@`,
# `helsinki.kirjaamo@`, `avustukset.kanslia@` are organisational although they look like
# `firstname.lastname@`. ASCII, as in addresses (ä -> a, ö -> o, å -> a). Add a word
# here when a real organisational address is refused; never a person's name.
ROLE_WORDS = frozenset(
    " ".join(
        (
            "kirjaamo kirjaamot registratur registraturen",  # registry offices
            "avustukset avustus avustuspalvelut bidrag understod",  # grants
            "jarjesto jarjestot jarjestoyhteistyo jarjestotoiminta organisation organisationer",
            "yhteistyo samarbete kumppanuus partnerskap osallisuus delaktighet",  # cooperation
            "hyte hyvinvointi valfard hyvinvointialue valfardsomrade kunta kommun kaupunki stad",
            "info palaute respons feedback asiakaspalvelu kundservice kundtjanst",  # services
            "vaihde vaxel neuvonta radgivning tuki stod support asiointi",
            "kanslia kansli toimisto kontor office yhteystiedot kontakt contact",  # offices
            "viestinta kommunikation tiedotus media press hallinto forvaltning",
            "koordinaattori koordinator sihteeri sekreterare noreply reply",  # roles
        )
    ).split()
)
# Two or three alphabetic parts joined by dots or hyphens: anna.virtanen, anna-liisa.virtanen.
_PERSONAL = re.compile(r"^[a-z]{2,}(?:[.-][a-z]{2,}){1,2}$", re.IGNORECASE)


def email_problem(value: str) -> str | None:
    """Why `value` cannot be a contact's e-mail address, or None."""
    if not _EMAIL.match(value):
        return f'must be an e-mail address such as kirjaamo@example.fi (got "{value}")'
    local = value.split("@", 1)[0]
    words = re.split(r"[.-]", local.lower())
    if _PERSONAL.match(local) and not ROLE_WORDS.intersection(words):
        return (
            f'"{value}" looks like a person\'s address (firstname.lastname@…); the site names '
            "roles, not people: use the organisation's role or service address, such as "
            "kirjaamo@… or avustukset@…"
        )
    return None
