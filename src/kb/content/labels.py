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
from .model import EligibilityRuleId, EventLanguage, GrantKind, LanguageStatus, StructureType

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
breadcrumbs.home
breadcrumbs.label
budget.appropriation        {amount} {year}
budget.granted              {amount} {year}
calendar.closed.intro       {year}
calendar.closed.none
calendar.closed.title
calendar.col.decided_by
calendar.col.latest
calendar.col.link
calendar.col.region
calendar.col.round
calendar.col.window
calendar.description
calendar.download
calendar.events.none
calendar.events.title
calendar.intro              markdown
calendar.latest             {year} {name}
calendar.no_round
calendar.open.none          {date}
calendar.open.title
calendar.open_data
calendar.past_events.intro
calendar.past_events.none
calendar.past_events.title
calendar.stale.intro        {year}  markdown
calendar.stale.none         {year}
calendar.stale.title        {year}
calendar.status             {date}
calendar.subscribe
calendar.subscribe.help     {url}  markdown
calendar.subscribe.region
calendar.subscribe.title
calendar.title
calendar.upcoming.none
calendar.upcoming.title
compare.col.budget
compare.col.decided_by
compare.col.kinds
compare.col.network
compare.col.ngo_body
compare.col.region
compare.col.window
compare.csv
compare.description
compare.ended
compare.intro               markdown
compare.note.conditions     markdown
compare.note.money          markdown
compare.note.residents      markdown
compare.notes
compare.status              {date}
compare.sort.ascending      {column}
compare.sort.descending     {column}
compare.sort.hint
compare.table
compare.title
compare.unknown
compare.year                {year}
contact.email
contact.organisation
contact.page
contact.phone
contact.postal_address
copylink.button
copylink.copied
copylink.failed
date.format                 {d} {m} {y}
date.month_format           {m} {y}
document.description
document.facts              {publisher} {date}
document.kept
document.publisher          {publisher}
document.summary
eligibility.answer.no        {year}
eligibility.answer.yes       {year}
event.languages
event.languages_unknown
event.national
event.no_time
event.online
event.organiser
event.place
event.place_and_online      {place}
event.place_unknown
event.regions
event.url
event.when
faq.description
faq.intro                   markdown
faq.title
finder.all
finder.former               {new}
finder.hint
finder.label
finder.many                 {count}
finder.none
finder.one
finder.results
glossary.description
glossary.forms              {other} {en}
glossary.intro              markdown
glossary.sources
glossary.title
home.latest
home.regions
home.regions_text           {link}  markdown
home.latest_regions
home.map.label
home.rounds.all             {link}  markdown
home.rounds.closes          {date}
home.rounds.next
home.rounds.opens           {date}
home.rounds.title
ical.closes                 {round} {region}
ical.closes_at              {time} {round} {region}
ical.more                   {url}
ical.opens                  {round} {region}
kind.city
kind.county
money.format                {amount}
municipality.merged         {old} {new} {date} {region}  markdown
nav.regions
notfound.home
notfound.text               {link}
notfound.title
redirect.moved
region.associations          {region} {total} {social_health} {date} {source}  markdown
region.associations_shared   {others}  markdown
region.basic
region.calendar
region.calendar.all         {link}  markdown
region.calendar.none        markdown
region.calendar.not_yet     {year}  markdown
region.contacts
region.eligibility
region.eligibility.none     markdown
region.events
region.field.associations
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
regions.description
regions.intro               markdown
regions.lookup.intro        markdown
regions.lookup.title
regions.title
regions.cards.title
regions.finder.intro        markdown
regions.table.summary       {count} {region}
regions.table.title
reviewed                    {date}
round.budget
round.closes_by             {closes}
round.decided_by
round.decision
round.decision.expected     {when}
round.decision.made         {date}
round.grant_year
round.kinds
round.kinds_unstated
round.sentence.closed       {year} {closes}
round.sentence.closing_soon {year} {closes} {days}
round.sentence.last_day     {year} {closes}
round.sentence.open         {year} {closes}
round.sentence.past         {year} {window}
round.sentence.upcoming     {year} {opens} {closes}
round.url
round.window
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
status.closed
status.closing_soon
status.open
status.upcoming
status.year_passed
structure.as_of             {date}
structure.decided_by
structure.decided_by_unknown
structure.period.current    {period}
structure.period.ended      {period}
structure.period.until      {date}
structure.period.upcoming   {period}
structure.since
structure.sources
structure.url
tasks.calendar
tasks.faq
tasks.label
tasks.region
time.at                     {time}
time.from                   {time}
time.range                  {start} {end}
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
unknown
""")


def _one_per(prefix: str, values: typing.Iterable[str]) -> dict[str, LabelSpec]:
    """A label for each value of a closed vocabulary of the model (a new value needs one)."""
    return {f"{prefix}.{value}": LabelSpec(frozenset()) for value in values}


LABELS: dict[str, LabelSpec] = {
    **_FIXED,
    **_one_per("language", typing.get_args(LanguageStatus)),
    **_one_per("structure_type", typing.get_args(StructureType)),
    **_one_per("eligibility", typing.get_args(EligibilityRuleId)),
    **_one_per("grant_kind", typing.get_args(GrantKind)),
    **_one_per("event_language", typing.get_args(EventLanguage)),
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
