"""The corpus schema as one table: it checks a decoded document and builds the models.

Every field is declared once, below, with its kind; one pass over a document both collects
every problem (for ``ecoqa validate``) and builds the records. Because checking and building
read the same table, anything ``validate`` accepts can be built, and so shown, searched,
indexed and exported. ``json_schema()`` publishes the same table as a JSON Schema.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from ecoqa.messages import Message, msg
from ecoqa.models import (
    Collection,
    Contact,
    Corpus,
    Entries,
    Entry,
    Evidence,
    GlossaryTerm,
    Organization,
    Person,
    Principle,
    Provenance,
    Recording,
    Reference,
    Related,
    Source,
    Speaker,
    Topic,
)
from ecoqa.shapes import (
    INVALID,
    Field,
    Flag,
    Id,
    Many,
    Maybe,
    Node,
    Obj,
    OptionalText,
    Problem,
    Report,
    Text,
    Url,
    Where,
    is_id,
    kind_of,
    unknown_field,
)
from ecoqa.text import one_line

SCHEMA_VERSION = 2
#: Versions this ecoqa reads: version 1 described every corpus as a webinar ("webinar" block).
READ_VERSIONS = (1, 2)


class Version(Node):
    def convert(self, value: Any, where: Where, report: Report) -> Any:
        if value not in READ_VERSIONS or isinstance(value, bool):
            report.add(
                where,
                msg("unsupported value {value}; this ecoqa reads versions 1 and 2", value=one_line(repr(value), 40)),
            )
            return INVALID
        return value

    def describe(self) -> dict[str, Any]:
        return {"enum": list(READ_VERSIONS)}


# ---------------------------------------------------------------------------- the table

TEXT = Text()
TEXTS = Many(Text(nonempty=True))
IDS = Many(Id())

REFERENCE = Obj(
    "reference",
    [
        Field("name", Text(nonempty=True), required=True),
        Field("kind", TEXT),
        Field("url", Url()),
        Field("link_missing", Flag()),
        Field("note", TEXT),
        Field("note_en", TEXT),
    ],
    Reference,
)
SOURCE = Obj(
    "source",
    [Field("file", TEXT), Field("url", Url()), Field("date", TEXT), Field("title", TEXT), Field("language", TEXT)],
    Source,
)
QUESTION = Obj(
    "question",
    [
        Field("id", Id(), required=True),
        Field("question", Text(nonempty=True, doc="verbatim"), required=True),
        Field(
            "answer",
            Text(
                nonempty=True,
                doc="verbatim; paragraphs by a blank line, list items as '- ' (two spaces before it for each level "
                "of a nested list), code between two lines of three or more backticks (kept line for line), a "
                "table as two or more one-line paragraphs of as many cells each, separated by ' | ', its header first",
            ),
            True,
        ),
        Field("question_en", TEXT),
        Field("answer_en", TEXT),
        Field("key_points", TEXTS),
        Field("key_points_en", TEXTS),
        Field("topics", TEXTS),
        Field("principles", TEXTS),
        Field("people", TEXTS),
        Field("references", Many(REFERENCE)),
        Field("source", Maybe(SOURCE)),
    ],
    Entry,
)
TOPIC = Obj(
    "topic",
    [
        Field("id", Text(nonempty=True), required=True),
        Field("label", TEXT),
        Field("label_en", TEXT),
        Field("aliases", TEXTS),
    ],
    lambda **f: Topic(label=f.pop("label", "") or f["id"], **f),
)
EVIDENCE = Obj(
    "evidence",
    [Field("question", Id(), required=True), Field("quote", Text(nonempty=True), required=True)],
    Evidence,
)
PRINCIPLE = Obj(
    "principle",
    [
        Field("id", Text(nonempty=True), required=True),
        Field("title", TEXT),
        Field("title_en", TEXT),
        Field("summary", TEXT),
        Field("summary_en", TEXT),
        Field("evidence", Many(EVIDENCE)),
    ],
    lambda **f: Principle(title=f.pop("title", "") or f["id"], **f),
)
SPEAKER = Obj(
    "speaker",
    [
        Field("id", Text(nonempty=True), required=True),
        Field("name", TEXT),
        Field("role", TEXT),
        Field("role_en", TEXT),
        Field("organization", TEXT),
    ],
    lambda **f: Speaker(name=f.pop("name", "") or f["id"], **f),
)
PERSON = Obj(
    "person",
    [
        Field("id", Text(nonempty=True), required=True),
        Field("name", TEXT),
        Field("note", TEXT),
        Field("note_en", TEXT),
        Field("questions", IDS),
    ],
    lambda **f: Person(name=f.pop("name", "") or f["id"], **f),
)
ORGANIZATION = Obj(
    "organization",
    [
        Field("name", Text(nonempty=True), required=True),
        Field("aliases", TEXTS),
        Field("questions", IDS),
        Field("note", TEXT),
        Field("note_en", TEXT),
    ],
    Organization,
)
GLOSSARY = Obj("glossary term", [Field("nl", Text(nonempty=True), required=True), Field("en", TEXTS)], GlossaryTerm)
RELATED = Obj(
    "related item",
    [
        Field("title", Text(nonempty=True), required=True),
        Field("title_en", TEXT),
        Field("kind", TEXT),
        Field("kind_en", TEXT),
        Field("date", OptionalText()),
        Field("url", Url()),
        Field("summary", TEXT),
        Field("summary_en", TEXT),
    ],
    Related,
)
CONTACT = Obj(
    "contact",
    [Field("name", Text(nonempty=True), required=True), Field("areas", TEXTS), Field("areas_en", TEXTS)],
    Contact,
)
RECORDING = Obj(
    "recording",
    [Field("url", Url()), Field("link_missing", Flag()), Field("note", TEXT), Field("note_en", TEXT)],
    Recording,
)
_DESCRIPTION = [
    Field("title", TEXT),
    Field("title_en", TEXT),
    Field("date", TEXT),
    Field("language", TEXT),
    Field("organizers", TEXTS),
    Field("organizer_line", TEXT),
    Field("opening", TEXT),
    Field("summary", TEXT),
    Field("summary_en", TEXT),
    Field("audience", TEXT),
    Field("audience_en", TEXT),
    Field("interests", TEXTS),
    Field("interests_en", TEXTS),
    Field("contact", CONTACT),
    Field("related", Many(RELATED)),
    Field("recording", RECORDING),
]
COLLECTION = Obj(
    "collection",
    [
        Field("kind", Text(doc="what the collection is: webinar, faq, interview, notes …")),
        *_DESCRIPTION,
        Field("url", Url()),
    ],
    Collection,
)
WEBINAR = Obj("webinar", _DESCRIPTION, Collection)  # version 1's description: kind decided by ``described``
PROVENANCE = Obj(
    "provenance",
    [
        Field("source", TEXT),
        Field("source_en", TEXT),
        Field("attribution", TEXT),
        Field("attribution_en", TEXT),
        Field("derived_note", TEXT),
        Field("derived_note_en", TEXT),
        Field("verbatim", TEXTS),
        Field("derived", TEXTS),
    ],
    Provenance,
)


class Document(NamedTuple):
    """A checked document's parts, before the cross-references are checked."""

    questions: tuple[Entry, ...] = ()
    schema_version: int | None = None
    collection: Collection | None = None
    webinar: Collection | None = None
    speakers: tuple[Speaker, ...] = ()
    people: tuple[Person, ...] | None = None
    organizations: tuple[Organization, ...] = ()
    topics: tuple[Topic, ...] | None = None
    principles: tuple[Principle, ...] | None = None
    glossary: tuple[GlossaryTerm, ...] = ()
    provenance: Provenance | None = None


DOCUMENT = Obj(
    "corpus",
    [
        Field("schema_version", Version()),
        Field("provenance", PROVENANCE),
        Field("collection", COLLECTION),
        Field("webinar", WEBINAR),
        Field("speakers", Many(SPEAKER)),
        Field("people", Many(PERSON)),
        Field("organizations", Many(ORGANIZATION)),
        Field("topics", Many(TOPIC)),
        Field("principles", Many(PRINCIPLE)),
        Field("glossary", Many(GLOSSARY)),
        Field("questions", Many(QUESTION, label="id"), required=True),
    ],
    Document,
)


# ---------------------------------------------------------------------------- the whole document


#: The sections of a document besides its questions, in the order their problems are reported.
SECTIONS = tuple(key for key in DOCUMENT.fields if key != "questions")


def described(parts: Document) -> Collection | None:
    """What the corpus says it is. A version-1 "webinar" block names a webinar only where the
    corpus lists speakers (ecoqa's import wrote that block for any page); otherwise its kind is unknown."""
    if parts.collection is not None or parts.webinar is None:
        return parts.collection
    return parts.webinar._replace(kind="webinar" if parts.speakers else "")


def corpus_of(parts: Document, entries: Entries | tuple[Entry, ...] | list[Entry], source: str) -> Corpus:
    """The corpus around *entries*, with the sections of a checked (or rebuilt) document."""
    return Corpus(
        entries,
        source=source,
        collection=described(parts),
        speakers=parts.speakers,
        people=parts.people or (),
        organizations=parts.organizations,
        topics=parts.topics or (),
        principles=parts.principles or (),
        glossary=parts.glossary,
        provenance=parts.provenance,
    )


def _question_at(number: int, entry_id: int) -> str:
    """Where a question is, as problems name it: ``questions[3] (id 4)``."""
    return f"questions[{number}] (id {entry_id})"


class Checker:
    """Checks a document section by section and question by question, as a stream may deliver it.

    ``ecoqa validate``, the loader of a small file (``convert``) and the builder of a large
    file's index (``ecoqa.store``) all use it, so they agree on every problem. Questions are
    kept only as far as the cross-references need them; answers for the evidence quotes are
    asked for at the end (*answers*), from memory or from a store.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.head = Report(source)  # the document itself
        self.body = Report(source)  # the questions
        self.sections: dict[str, Any] = {}
        self.count = 0
        self.first: dict[int, int] = {}  # id -> the number of the question that has it first
        self.duplicates: list[tuple[str, int]] = []
        # (question number, id, topics, principles, people) of questions that refer to sections;
        # numbers, not path strings: a large corpus keeps one of these per question
        self.refs: list[tuple[int, int, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = []
        self.same: dict[tuple[str, ...], tuple[str, ...]] = {}  # one copy of each list of names: few differ
        self.used_topics: dict[str, None] = {}

    def key(self, key: str, seen_before: bool) -> None:
        """A top-level key, in file order."""
        if seen_before:
            self.head.add(None, msg("duplicate key {key}", key=json.dumps(one_line(key, 60))))
        elif key not in DOCUMENT.fields:
            self.head.add(None, unknown_field(key, DOCUMENT.fields))

    def section(self, key: str, value: Any) -> None:
        self.sections[key] = value

    def question(self, value: Any) -> Entry | None:
        """Check one question (in file order); its entry, or None when it has a problem."""
        number = self.count
        self.count += 1
        at = Where(None, f"questions[{number}]")
        if isinstance(value, dict) and is_id(value.get("id")):
            at = Where(None, _question_at(number, value["id"]))
            entry_id = value["id"]
            if entry_id in self.first:
                self.duplicates.append((str(at), entry_id))
            else:
                self.first[entry_id] = number
        entry = QUESTION.convert(value, at, self.body)
        if entry is INVALID:
            return None
        if entry.topics or entry.principles or entry.people:
            same = self.same.setdefault
            self.refs.append(
                (number, entry.id, same(entry.topics, entry.topics), same(entry.principles, entry.principles),
                 same(entry.people, entry.people))
            )  # fmt: skip
        self.used_topics.update(dict.fromkeys(entry.topics))
        return entry  # type: ignore[no-any-return]

    def finish(self, answers: Callable[[Sequence[int]], dict[int, str]]) -> tuple[Document | None, list[Problem]]:
        """The document's parts (without questions) and every problem, in the order validate lists them."""
        sections = Report(self.source)
        parts = DOCUMENT.convert({**self.sections, "questions": []}, Where(None, ""), sections)
        problems = self.head.problems + sections.problems + self.body.problems
        tail = Report(self.source)
        for at, entry_id in self.duplicates:
            tail.add(
                at,
                msg(
                    "duplicate id {id}, first used at {where}",
                    id=entry_id,
                    where=_question_at(self.first[entry_id], entry_id),
                ),
            )
        if not problems and parts is not INVALID:
            _check_version(parts, tail)
            self._cross_check(parts, tail, answers)
        problems += tail.problems
        return (None if problems or parts is INVALID else parts), problems

    def _cross_check(self, parts: Document, report: Report, answers: Callable[[Sequence[int]], dict[int, str]]) -> None:
        """What one field cannot know alone: references between sections."""
        _named("speakers", parts.speakers, "speaker", report)
        for key, items, what, column in (
            ("topics", parts.topics, "topic", 2),
            ("principles", parts.principles, "principle", 3),
            ("people", parts.people, "person", 4),
        ):
            if items is None:
                continue
            known = _named(key, items, what, report)
            for ref in self.refs:
                for index, value in enumerate(ref[column]):  # type: ignore[arg-type]
                    if value not in known:
                        where = _question_at(ref[0], ref[1])
                        report.add(
                            f"{where}.{key}[{index}]",
                            msg("unknown {what} {name}", what=msg(what), name=json.dumps(one_line(value, 60))),
                        )
        cited = sorted({e.question for p in parts.principles or () for e in p.evidence if e.question in self.first})
        found = answers(cited) if cited else {}
        for number, principle in enumerate(parts.principles or ()):
            for index, evidence in enumerate(principle.evidence):
                at = f"principles[{number}].evidence[{index}]"
                if evidence.question not in self.first:
                    report.add(f"{at}.question", msg("no question with id {id}", id=evidence.question))
                elif evidence.quote not in found.get(evidence.question, ""):
                    report.add(
                        f"{at}.quote", msg("not found verbatim in the answer of question {id}", id=evidence.question)
                    )
        listings: tuple[tuple[str, Sequence[Person | Organization]], ...] = (
            ("people", parts.people or ()),
            ("organizations", parts.organizations),
        )
        for key, listed in listings:
            for number, item in enumerate(listed):
                for index, question in enumerate(item.questions):
                    if question not in self.first:
                        report.add(f"{key}[{number}].questions[{index}]", msg("no question with id {id}", id=question))

    def corpus(self, parts: Document, entries: tuple[Entry, ...] | list[Entry], source: str) -> Corpus:
        """The corpus of a checked document; topics used but not declared get their id as label."""
        topics = parts.topics
        if topics is None:
            topics = tuple(Topic(id=t, label=t) for t in self.used_topics)
        return corpus_of(parts._replace(topics=topics), entries, source)


def convert(doc: Any, source: str) -> tuple[Corpus | None, list[Problem]]:
    """Check a decoded document and build its corpus; the corpus is None when there are problems."""
    checker = Checker(source)
    if isinstance(doc, list):  # a bare list of questions
        doc = {"questions": doc}
    if not isinstance(doc, dict):
        checker.head.add(None, msg("must be an object, not {kind}", kind=kind_of(doc)))
        return None, checker.head.problems
    for key in getattr(doc, "duplicates", ()):
        checker.key(key, True)
    for key in doc:
        checker.key(key, False)
    for key in SECTIONS:
        if key in doc:
            checker.section(key, doc[key])
    questions = doc.get("questions")
    entries: list[Entry] = []
    if "questions" not in doc:
        checker.head.add(None, msg("missing required field 'questions' (a list of {id, question, answer})"))
    elif not isinstance(questions, list):
        checker.head.add("questions", msg("must be a list of objects, not {kind}", kind=kind_of(questions)))
    elif not questions:
        checker.head.add("questions", msg("the list is empty; a corpus needs at least one question"))
    else:
        entries = [e for e in map(checker.question, questions) if e is not None]
    answers = {e.id: e.answer for e in entries}
    parts, problems = checker.finish(lambda ids: {i: answers[i] for i in ids if i in answers})
    if parts is None:
        return None, problems
    return checker.corpus(parts, tuple(entries), source), []


def _check_version(parts: Document, report: Report) -> None:
    """Version 1 describes the corpus in "webinar", version 2 in "collection"; never both."""
    if parts.collection is not None and parts.webinar is not None:
        report.add("webinar", msg("version 2 describes the corpus in 'collection' only; remove 'webinar'"))
    elif parts.webinar is not None and parts.schema_version == 2:
        report.add("webinar", msg("version 2 calls this block 'collection' (with a 'kind'); rename it"))
    elif parts.collection is not None and parts.schema_version == 1:
        report.add("collection", msg("'collection' needs schema_version 2"))


def upgrade(doc: dict[str, Any]) -> dict[str, Any]:
    """A version-1 document as version 2, keys in their order: "webinar" becomes "collection", with
    the kind ``described`` gives it, and provenance paths follow. Any other document is returned as is."""
    if not (doc.get("schema_version") == 1 or "webinar" in doc) or "collection" in doc:
        return doc
    upgraded: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    for key, value in doc.items():
        if key == "webinar" and isinstance(value, dict):
            kind = {"kind": "webinar"} if doc.get("speakers") else {}
            upgraded["collection"] = {**kind, **value}
        elif key == "provenance" and isinstance(value, dict):
            upgraded[key] = {k: _renamed_paths(v) if k in ("verbatim", "derived") else v for k, v in value.items()}
        elif key != "schema_version":
            upgraded[key] = value
    return upgraded


def _renamed_paths(paths: Any) -> Any:
    if not isinstance(paths, list):
        return paths
    return [
        f"collection.{p[len('webinar.') :]}" if isinstance(p, str) and p.startswith("webinar.") else p for p in paths
    ]


def version_note(top: Mapping[str, Any], path: Path) -> Message | None:
    """For a valid corpus file of version 1 (*top*: its top-level values, ``corpus.checked_file``):
    how to bring it to version 2 (None for any other)."""
    if top.get("schema_version") == 1 or "webinar" in top:
        return msg(
            " (version 1; it reads as before; 'ecoqa --data {path} export -f json -o NEW.json' writes it as version 2)",
            path=path,
        )
    return None


def _named(where: str, items: Sequence[Any], what: str, report: Report) -> set[str]:
    ids: set[str] = set()
    for number, item in enumerate(items):
        if item.id in ids:
            report.add(
                f"{where}[{number}].id",
                msg("duplicate {what} id {id}", what=msg(what), id=json.dumps(one_line(item.id, 60))),
            )
        ids.add(item.id)
    return ids


def fields_of(node: Node = DOCUMENT, path: str = "") -> Iterator[tuple[str, Node]]:
    """Every declared path and its kind (``questions[].answer``), for tests and documentation."""
    if isinstance(node, Obj):
        for key, spec in node.fields.items():
            here = f"{path}.{key}" if path else key
            yield here, spec.node
            yield from fields_of(spec.node, here)
    elif isinstance(node, Many):
        yield from fields_of(node.item, path + "[]")
    elif isinstance(node, Maybe):
        yield from fields_of(node.node, path)


def json_schema() -> dict[str, Any]:
    """The table as a JSON Schema (draft 2020-12), for people who write their own corpus."""
    schema = DOCUMENT.describe()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "ecoqa corpus",
        "description": "A Q&A corpus for ecoqa. Only questions[].id, question and answer are required.",
        **schema,
    }


if __name__ == "__main__":  # python -m ecoqa.schema > schema/qa.schema.json
    import sys

    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
