"""The labels of the generated pages: which exist, and which {placeholders} each takes.

content/ui.yml holds every label's Finnish and Swedish text; this module declares
the contract the code relies on, once. `check_labels` compares the two, so a
deleted label, an unknown one, a renamed placeholder or an empty text is a
`content/ui.yml:LINE: …` problem in `make validate`, never a crash in the build.
(tests/unit/test_labels.py also checks that every label the code and the
templates ask for is declared here.)

Two kinds of label:

* TEXT: plain text. It is escaped wherever it is used (page text, attributes,
  <title>), so it may not contain markup (html_policy.plain_text_problem).
* MARKDOWN: one paragraph of inline Markdown (a link, emphasis) rendered like the
  editors' texts and judged by the same HTML policy (html_policy.SENTENCE), with
  each {placeholder} standing for the link or text the page puts there.
"""

from __future__ import annotations

import re
import string
import typing
from dataclasses import dataclass

from . import html_policy
from .model import LanguageStatus, StructureType

TEXT, MARKDOWN = "text", "markdown"


@dataclass(frozen=True)
class LabelSpec:
    placeholders: frozenset[str]
    kind: str = TEXT


def _declare(table: str) -> dict[str, LabelSpec]:
    """One label a line: `key  {placeholder} {placeholder}  [markdown]`."""
    labels = {}
    for line in table.strip().splitlines():
        key, *rest = line.split()
        kind = MARKDOWN if "markdown" in rest else TEXT
        names = frozenset(word.strip("{}") for word in rest if word.startswith("{"))
        labels[key] = LabelSpec(names, kind)
    return labels


_FIXED = _declare("""
answer.regions
answer.sources
answer.topic
contact.email
contact.organisation
contact.page
contact.phone
copylink.button
copylink.copied
copylink.failed
date.format                 {d} {m} {y}
date.month_format           {m} {y}
faq.description
faq.intro                   markdown
faq.title
home.latest
home.regions
home.regions_text           {link}  markdown
kind.city
kind.county
municipality.merged         {old} {new} {date} {region}  markdown
notfound.home
notfound.text               {link}
notfound.title
redirect.moved
region.basic
region.contacts
region.field.brand
region.field.kind
region.field.language
region.field.name_en
region.field.name_fi
region.field.name_sv
region.field.other_names
region.field.website
region.field.website_sv
region.municipalities
region.municipality_count   {count}
region.no_contacts          markdown
region.no_structures        markdown
region.sources
region.structures
regions.col.brand
regions.col.language
regions.col.municipalities
regions.col.municipality
regions.col.municipality_other
regions.col.name
regions.col.region
regions.description
regions.intro               markdown
regions.lookup.intro        markdown
regions.lookup.title
regions.title
reviewed                    {date}
search.error
search.label
search.many                 {count} {query}
search.none                 {query}
search.one                  {query}
search.placeholder
search.results
search.searching
site.description
site.language_name
site.name
source.checked              {date}
source.published            {date}
structure.decided_by
structure.since
structure.sources
structure.url
translation.outdated        {link}
translation.outdated_link
translations.description
translations.intro          markdown
translations.missing
translations.none
translations.outdated
translations.paste
translations.summary        {current} {missing} {outdated} {untracked}  markdown
translations.title
translations.untracked
""")


def _one_per(prefix: str, values: typing.Iterable[str]) -> dict[str, LabelSpec]:
    """A label for each value of a closed vocabulary of the model (a new value needs one)."""
    return {f"{prefix}.{value}": LabelSpec(frozenset()) for value in values}


LABELS: dict[str, LabelSpec] = {
    **_FIXED,
    **_one_per("language", typing.get_args(LanguageStatus)),
    **_one_per("structure_type", typing.get_args(StructureType)),
}


def placeholders_in(text: str) -> set[str]:
    """The {names} a label text uses (str.format syntax; {{ and }} are literal braces)."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"{"}  # an unbalanced brace: never equal to a declared set


def label_problem(key: str, lang: str, text: str) -> str | None:
    """Why one language's text of a declared label breaks the contract, or None."""
    spec = LABELS[key]
    used = placeholders_in(text)
    if used == {"{"}:
        return (
            f'the {lang} text of "{key}" has an unmatched {{ or }}; placeholders are written '
            "{name}, and a literal brace as {{ or }}"
        )
    if used != spec.placeholders:
        found = ", ".join(f"{{{p}}}" for p in sorted(used)) or "none"
        if not spec.placeholders:
            return (
                f'the {lang} text of "{key}" takes no placeholders (found {found}); '
                "write a literal brace as {{ or }}"
            )
        expected = ", ".join(f"{{{p}}}" for p in sorted(spec.placeholders))
        return (
            f'the {lang} text of "{key}" must use exactly the placeholders {expected} '
            f"(found {found}); keep them as they are in the other language"
        )
    if spec.kind == TEXT:
        problem = html_policy.plain_text_problem(text)
        return f'the {lang} text of "{key}" {problem}' if problem else None
    # A placeholder becomes a relative link or escaped text: judge a neutral word there.
    finding = html_policy.judge_markdown(_PLACEHOLDER.sub("kb-placeholder", text), html_policy.SENTENCE)
    return f'the {lang} text of "{key}": {finding.message}' if finding else None


_PLACEHOLDER = re.compile(r"\{[A-Za-z_]+\}")
