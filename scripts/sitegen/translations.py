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

from .model import Answer, Content, Region

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
    text = answer.texts.get("fi")
    if text is None:
        return None
    return fingerprint({"question": text.meta.question, "answer": text.meta.answer,
                        "body": text.body})


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


def region_hash(region: Region) -> str:
    texts: dict[str, str] = {}
    _finnish_texts(region, "", texts)
    return fingerprint(texts)


@dataclass(frozen=True)
class TranslationItem:
    """One translatable unit (an answer or a county file) and its status."""

    kind: str            # "answer" or "region"
    id: str
    status: str
    path: Path           # the file a translator edits (the Swedish answer, the county file)
    field: str           # the fingerprint field in that file
    expected: str | None  # the current fingerprint of the Finnish texts
    recorded: str | None  # what the file says
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


def answer_item(answer: Answer) -> TranslationItem:
    expected = answer_hash(answer)
    for lang in ("fi", "sv"):
        if lang not in answer.texts:
            other = next(iter(answer.texts.values())).path
            return TranslationItem("answer", answer.id, MISSING,
                                   other.with_name(f"{answer.id}.{lang}.md"), ANSWER_FIELD,
                                   expected, None, missing_lang=lang)
    sv = answer.texts["sv"]
    recorded = sv.meta.source_hash
    return TranslationItem("answer", answer.id, _status(expected, recorded), sv.path,
                           ANSWER_FIELD, expected, recorded)


def answer_status(answer: Answer) -> str:
    return answer_item(answer).status


def region_item(content: Content, region_id: str) -> TranslationItem:
    region = content.regions[region_id]
    expected = region_hash(region)
    recorded = region.sv_source_hash
    return TranslationItem("region", region_id, _status(expected, recorded),
                           content.region_paths[region_id], REGION_FIELD, expected, recorded)


def translation_items(content: Content) -> list[TranslationItem]:
    """Every county and answer, most urgent status first, then by file."""
    items = [region_item(content, region_id) for region_id in content.regions]
    items += [answer_item(answer) for answer in content.answers.values()]
    return sorted(items, key=lambda i: (STATUSES.index(i.status), i.path.as_posix()))


def field_line(path: Path, field: str) -> int:
    """Line of a top-level `field:` in a YAML file or front matter (1 if absent)."""
    if not path.is_file():
        return 1
    pattern = re.compile(rf"^{re.escape(field)}\s*:")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1


def describe(item: TranslationItem) -> str:
    """One report line for an item that needs a translator (path:line: message)."""
    from .problems import display_path
    where = f"{display_path(item.path)}:{field_line(item.path, item.field)}"
    if item.status == MISSING:
        return f"{where}: missing: the {item.missing_lang} version does not exist yet"
    paste = f"{item.field}: {item.expected}"
    if item.status == OUTDATED:
        return (f"{where}: outdated: the Finnish text changed after the Swedish text was "
                f"checked ({item.field} is {item.recorded}); update the Swedish text, "
                f"then set {paste}")
    return (f"{where}: not yet tracked: check the Swedish text against the Finnish one, "
            f"then add {paste}")


# --- one-off: record fingerprints where none are recorded yet ----------------------------

def fill_missing_hashes(content: Content) -> list[Path]:
    """Write the current fingerprint into every untracked file; never touch a recorded
    one (that would hide an outdated translation). Returns the files changed."""
    changed = []
    for item in translation_items(content):
        if item.status != UNTRACKED or item.expected is None:
            continue
        if item.kind == "answer":
            _insert_front_matter_field(item.path, item.field, item.expected)
        else:
            _append_top_level_field(item.path, item.field, item.expected)
        changed.append(item.path)
    return changed


def _insert_front_matter_field(path: Path, field: str, value: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    closing = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    lines.insert(closing, f"{field}: {value}")
    path.write_text("\n".join(lines), encoding="utf-8")


def _append_top_level_field(path: Path, field: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(f"{text}{field}: {value}\n", encoding="utf-8")
