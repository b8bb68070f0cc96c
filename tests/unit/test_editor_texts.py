"""Every editor-written text is found by its type, in any model: a new model that uses
Localized, LocalizedPlain, PlainText, MarkdownText or Source is checked without a list
of field names anywhere (kb/content/model.py, rules.py)."""

from __future__ import annotations

import typing
from datetime import date

import pytest
from pydantic import BaseModel, Field, ValidationError

from kb.content import model, read_and_check
from kb.content.model import (
    MARKDOWN_TEXT,
    PLAIN_TEXT,
    SENTENCE_TEXT,
    Closed,
    Localized,
    LocalizedPlain,
    MarkdownSentence,
    PlainText,
    Sources,
    Url,
    editor_texts,
    models_in,
)
from support.fixture import BUILD_DATE, ROOT, copy_fixture


class GrantRound(Closed):
    """A model as another engineer might add one: only the shared types."""

    name: LocalizedPlain
    description: Localized
    summary: MarkdownSentence
    tags: list[PlainText] = Field(default_factory=list)
    url: Url | None = None
    sources: Sources


class Event(Closed):
    title: PlainText
    rounds: list[GrantRound]


SOURCE = {"title": "T", "url": "https://example.org/a", "checked": "2026-01-01"}


def grant_round(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": {"fi": "Haku", "sv": "Ansökan"},
        "description": {"fi": "Kuvaus.", "sv": "Beskrivning."},
        "summary": "Yksi virke.",
        "tags": ["a", "b"],
        "sources": [SOURCE],
    }
    data.update(changes)
    return data


def test_texts_are_found_by_type_in_a_new_model() -> None:
    event = Event.model_validate({"title": "Tapahtuma", "rounds": [grant_round()]})
    found = {place: kind for place, kind, _ in editor_texts(event)}
    assert found == {
        ("title",): PLAIN_TEXT,
        ("rounds", 0, "name", "fi"): PLAIN_TEXT,
        ("rounds", 0, "name", "sv"): PLAIN_TEXT,
        ("rounds", 0, "description", "fi"): MARKDOWN_TEXT,
        ("rounds", 0, "description", "sv"): MARKDOWN_TEXT,
        ("rounds", 0, "summary"): SENTENCE_TEXT,
        ("rounds", 0, "tags", 0): PLAIN_TEXT,
        ("rounds", 0, "tags", 1): PLAIN_TEXT,
        ("rounds", 0, "sources", 0, "title"): PLAIN_TEXT,
    }
    sources = [place for place, item in models_in(event) if isinstance(item, model.Source)]
    assert sources == [("rounds", 0, "sources", 0)]


@pytest.mark.parametrize(
    "changes, loc, words",
    [
        ({"description": {"fi": "<script>x</script>", "sv": "x"}}, ("description", "fi"), "<script>"),
        ({"summary": "Yksi.\n\nKaksi."}, ("summary",), "more than one paragraph"),
        ({"name": {"fi": "a &lt; b", "sv": "x"}}, ("name", "fi"), "character reference"),
        ({"tags": ["a", "A"]}, ("tags",), "is listed twice"),
        ({"sources": [SOURCE, SOURCE]}, ("sources",), "is listed twice"),
        ({"url": "http://example.org/"}, ("url",), "not http://"),
    ],
)
def test_a_new_model_is_judged_by_its_types(changes: dict[str, object], loc: tuple, words: str) -> None:
    with pytest.raises(ValidationError) as err:
        GrantRound.model_validate(grant_round(**changes))
    (error,) = err.value.errors()
    assert error["loc"][: len(loc)] == loc and words in error["msg"]


# The string types of the content model: each is checked by a validator. A field typed
# plain `str` would be neither escaped on purpose nor judged: it must not exist.
CHECKED_TYPES = {
    "Slug", "Text", "PlainText", "MarkdownText", "MarkdownSentence", "PartialDate", "Url", "Email",
    "Phone", "StatfiCode", "MunicipalityCode", "Fingerprint", "BranchName",
}  # fmt: skip


def _bare_strings(annotation: object, metadata: typing.Iterable[object]) -> bool:
    """True when `annotation` is `str` with no validator, anywhere inside it."""
    if annotation is str:
        return not any(hasattr(m, "func") for m in metadata)
    if typing.get_origin(annotation) is typing.Annotated:
        inner, *extra = typing.get_args(annotation)
        return _bare_strings(inner, extra)
    if typing.get_origin(annotation) is typing.Literal:
        return False
    return any(_bare_strings(arg, ()) for arg in typing.get_args(annotation))


def content_models() -> list[type[BaseModel]]:
    return [
        value
        for value in vars(model).values()
        if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == model.__name__
    ]


@pytest.mark.parametrize("cls", content_models(), ids=lambda c: c.__name__)
def test_no_content_field_is_an_unchecked_string(cls: type[BaseModel]) -> None:
    for name, info in cls.model_fields.items():
        assert not _bare_strings(info.annotation, info.metadata), f"{cls.__name__}.{name} is a bare str"
    assert {name for name in CHECKED_TYPES if not hasattr(model, name)} == set()


def _models(value: object) -> typing.Iterator[BaseModel]:
    if isinstance(value, BaseModel):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _models(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _models(item)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from _models(getattr(value, name))


@pytest.mark.parametrize("which", ["content", "fixture"])
def test_every_model_read_is_a_document_the_rules_walk(which: str, tmp_path) -> None:
    """The rules check what content.files holds: every model the loader made is in it
    (a new loader that forgets load.read_model fails here)."""
    root = ROOT if which == "content" else copy_fixture(tmp_path / "project")
    content, problems = read_and_check(root, date.fromisoformat(BUILD_DATE))
    assert not problems
    walked = {id(m) for doc in content.files for _, m in models_in(doc.model)}
    fields = {name: getattr(content, name) for name in content.__dataclass_fields__ if name != "documents"}
    reachable = [m for m in _models(fields) if not isinstance(m, model.UiString)]  # labels: labels.py
    assert reachable and all(id(m) in walked for m in reachable)
