"""Translation status: which Swedish texts are missing, outdated or not yet tracked.

"Outdated" means the Finnish text changed after the Swedish text was last
checked against it. Dates cannot tell that (a typo fix in Finnish and a new
paragraph look the same), so the Swedish side records a fingerprint of the
Finnish texts it was checked against:

* an answer's Swedish file has `source_hash:` in its front matter;
* a county file has `sv_source_hash:` (all its Finnish texts in one hash).

The fingerprint is a short SHA-256 of the *normalised* Finnish texts:
Unicode NFC, runs of white space collapsed, so re-wrapping a paragraph does
not mark a translation outdated but changing a word does. Keywords and
sources are not translated (each language has its own), so they are not part
of the fingerprint.

When the field is missing the translation is "not yet tracked": it is
reported (by `make translations` and on the /kaannokset/ page) but readers
see no notice, because nothing is known to be wrong. A new answer starts
untracked; the translator pastes the current value after checking the text.

Nothing here imports MkDocs.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from .model import DEFAULT_LANGUAGE, LANGUAGES, Answer, Content, Region
from .positions import Positions
from .problems import display_path

HASH_LENGTH = 12
ANSWER_FIELD = "source_hash"
REGION_FIELD = "sv_source_hash"

CURRENT, OUTDATED, UNTRACKED, MISSING = "current", "outdated", "untracked", "missing"
STATUSES = (OUTDATED, UNTRACKED, MISSING, CURRENT)  # report order: most urgent first


def normalize(text: str) -> str:
    """The text as far as translation is concerned (layout-only changes vanish)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def fingerprint(parts: dict[str, str]) -> str:
    """A short hash of labelled texts; labels keep 'a|b' and 'ab|' apart."""
    joined = "\n".join(f"{label}\t{normalize(parts[label])}" for label in sorted(parts))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def answer_hash(answer: Answer) -> str | None:
    """Fingerprint of the Finnish answer (question, one-sentence answer, body)."""
    text = answer.texts.get(DEFAULT_LANGUAGE)
    if text is None:
        return None
    return fingerprint({"question": text.meta.question, "answer": text.meta.answer, "body": text.body})


def _finnish_texts(value: object, label: str, out: dict[str, str]) -> None:
    """Collect every translated text's Finnish side, labelled by its place (ids, not
    list positions, so reordering structures does not count as a change)."""
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        if "fi" in fields and "sv" in fields:
            out[label] = value.fi  # type: ignore[attr-defined]
            return
        for name in fields:
            _finnish_texts(getattr(value, name), f"{label}.{name}" if label else name, out)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            key = getattr(item, "id", None) or str(index)
            _finnish_texts(item, f"{label}[{key}]", out)


# Grant rounds are dated records, each written in both languages at once with its own
# sources; adding next year's round must not mark the county's translation outdated
# (docs/decisions/0007-grant-calendar.md). The short name is a pair of place names
# (Etelä-Karjala / Södra Karelen), not a translation of a text. The hash covers the
# county's other texts.
UNTRACKED_REGION_FIELDS = frozenset({"grant_rounds", "short_name"})


def region_hash(region: Region) -> str:
    texts: dict[str, str] = {}
    for name in type(region).model_fields:
        if name not in UNTRACKED_REGION_FIELDS:
            _finnish_texts(getattr(region, name), name, texts)
    return fingerprint(texts)


@dataclass(frozen=True)
class TranslationItem:
    """One translatable unit (an answer or a county file) and its status."""

    kind: str  # "answer" or "region"
    id: str
    status: str
    path: Path  # the file a translator edits (the Swedish answer, the county file)
    field: str  # the fingerprint field in that file
    expected: str | None  # the current fingerprint of the Finnish texts
    recorded: str | None  # what the file says
    line: int = 1  # the line of `field` in that file (1 while it is not there)
    missing_lang: str | None = None

    def title(self, content: Content, lang: str) -> str:
        if self.kind == "region":
            return content.regions[self.id].name.get(lang)
        texts = content.answers[self.id].texts
        return (texts.get(lang) or next(iter(texts.values()))).meta.question


def _status(expected: str | None, recorded: str | None) -> str:
    if recorded is None:
        return UNTRACKED
    return CURRENT if recorded == expected else OUTDATED


def _field_line(positions: Positions, field: str) -> int:
    return positions.line_of((field,)) if (field,) in positions.lines else 1


def answer_item(answer: Answer) -> TranslationItem:
    expected = answer_hash(answer)
    for lang in LANGUAGES:
        if lang not in answer.texts:
            return TranslationItem(
                "answer",
                answer.id,
                MISSING,
                answer.path_for(lang),
                ANSWER_FIELD,
                expected,
                None,
                missing_lang=lang,
            )
    sv = answer.texts["sv"]
    recorded = sv.meta.source_hash
    return TranslationItem(
        "answer",
        answer.id,
        _status(expected, recorded),
        sv.path,
        ANSWER_FIELD,
        expected,
        recorded,
        line=_field_line(sv.positions, ANSWER_FIELD),
    )


def answer_status(answer: Answer) -> str:
    return answer_item(answer).status


def region_item(content: Content, region_id: str) -> TranslationItem:
    region = content.regions[region_id]
    expected = region_hash(region)
    recorded = region.sv_source_hash
    return TranslationItem(
        "region",
        region_id,
        _status(expected, recorded),
        content.region_paths[region_id],
        REGION_FIELD,
        expected,
        recorded,
        line=_field_line(content.region_positions[region_id], REGION_FIELD),
    )


def translation_items(content: Content) -> list[TranslationItem]:
    """Every county and answer, most urgent status first, then by file."""
    items = [region_item(content, region_id) for region_id in content.regions]
    items += [answer_item(answer) for answer in content.answers.values()]
    return sorted(items, key=lambda i: (STATUSES.index(i.status), i.path.as_posix()))


def describe(item: TranslationItem) -> str:
    """One report line for an item that needs a translator (path:line: message)."""
    where = f"{display_path(item.path)}:{item.line}"
    if item.status == MISSING:
        return f"{where}: missing: the {item.missing_lang} version does not exist yet"
    paste = f"{item.field}: {item.expected}"
    if item.status == OUTDATED:
        return (
            f"{where}: outdated: the Finnish text changed after the Swedish text was "
            f"checked ({item.field} is {item.recorded}); update the Swedish text, "
            f"then set {paste}"
        )
    return f"{where}: not yet tracked: check the Swedish text against the Finnish one, then add {paste}"
