"""Locate, read, validate and parse a corpus file into models.

``check_corpus`` lists every problem (for ``ecoqa validate``); ``parse_corpus`` raises the first
one; ``load_corpus`` adds the file I/O. Nothing here prints or exits.
"""

from __future__ import annotations

import codecs
import json
import math
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ecoqa.errors import CorpusError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
from ecoqa.models import (
    Contact,
    Corpus,
    Entry,
    Evidence,
    GlossaryTerm,
    Organization,
    Person,
    Principle,
    Reference,
    Related,
    Speaker,
    Topic,
    Webinar,
)
from ecoqa.text import clean_text, fold, one_line

#: Files larger than this are refused before reading (documented in the README).
MAX_BYTES = 200 * 1024 * 1024
SCHEMA_VERSION = 1
#: Number of problems a corpus error message lists at most.
SHOWN_PROBLEMS = 20


class Problem(NamedTuple):
    """One thing wrong with a corpus: where (``line:col`` or a JSON path) and what."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class _Pairs(dict[str, Any]):
    """A JSON object that remembers keys it saw more than once."""

    duplicates: tuple[str, ...] = ()


class _NonFinite(float):
    """Stands in for NaN/Infinity so validation can name where they occur."""


def _object_with_duplicates(pairs: list[tuple[str, Any]]) -> _Pairs:
    obj = _Pairs()
    seen: list[str] = []
    for key, value in pairs:
        if key in obj:
            seen.append(key)
        obj[key] = value
    obj.duplicates = tuple(seen)
    return obj


def _non_finite(name: str) -> _NonFinite:
    return _NonFinite(math.nan)


# ---------------------------------------------------------------------------- locating


def bundled_corpus() -> Traversable:
    """The corpus shipped with ecoqa: the packaged copy, else the checkout's ``data/qa.json``."""
    beside = Path(__file__).with_name("data") / "qa.json"  # an installed wheel, found without importlib
    if beside.is_file():
        return beside
    from importlib import resources

    packaged = resources.files("ecoqa").joinpath("data/qa.json")  # zipped or unusual installs
    if packaged.is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "data" / "qa.json"
    if checkout.is_file():
        return checkout
    raise CorpusError("Bundled corpus not found; reinstall ecoqa or pass --data FILE.")


def read_corpus_bytes(path: Path) -> bytes:
    """Read a user's corpus file, refusing directories, devices and files over ``MAX_BYTES``."""
    name = str(path)
    try:
        if not path.exists():
            raise CorpusError(f"{name}: file not found; check the path given with --data or ECOQA_DATA.")
        if path.is_dir():
            raise CorpusError(f"{name}: is a directory, not a corpus file.")
        if not path.is_file():
            raise CorpusError(f"{name}: not a regular file (a device or pipe cannot be a corpus).")
        if path.stat().st_size > MAX_BYTES:
            raise CorpusError(f"{name}: larger than the {MAX_BYTES // 2**20} MB limit for a corpus file.")
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise CorpusError(f"{name}: cannot read ({one_line(error.strerror or str(error))}).") from None
    if len(raw) > MAX_BYTES:
        raise CorpusError(f"{name}: larger than the {MAX_BYTES // 2**20} MB limit for a corpus file.")
    return raw


def load_corpus(path: Path | None = None) -> Corpus:
    """Load the corpus at *path*, or the bundled one when *path* is None."""
    if path is None:
        bundled = bundled_corpus()
        return parse_corpus(bundled.read_bytes(), "qa.json")
    return parse_corpus(read_corpus_bytes(path), str(path))


# ---------------------------------------------------------------------------- decoding


def decode_json(raw: bytes, source: str) -> Any:
    """Bytes to a JSON value; every failure is a ``CorpusError`` naming line and column."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorpusError(f"{source}: not valid UTF-8 (byte {error.start}); save the file as UTF-8.") from None
    if not text.strip():
        raise CorpusError(f"{source}: the file is empty; a corpus is a JSON object with a 'questions' list.")
    try:
        return json.loads(text, object_pairs_hook=_object_with_duplicates, parse_constant=_non_finite)
    except json.JSONDecodeError as error:
        raise CorpusError(f"{source}:{error.lineno}:{error.colno}: {error.msg}") from None
    except RecursionError:
        raise CorpusError(f"{source}: JSON nested too deeply to be a corpus.") from None


# ---------------------------------------------------------------------------- validating


class _Checker:
    """Collects problems while walking a decoded corpus."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def add(self, where: str, message: str) -> None:
        self.problems.append(Problem(f"{self.source}: {where}" if where else self.source, message))

    def object(self, value: Any, where: str, *, duplicates: bool = True) -> bool:
        if not isinstance(value, dict):
            self.add(where, f"must be an object, not {_kind(value)}")
            return False
        if duplicates:
            self.duplicate_keys(value, where)
        return True

    def duplicate_keys(self, value: dict[str, Any], where: str) -> None:
        for key in getattr(value, "duplicates", ()):
            self.add(where, f"duplicate key {json.dumps(one_line(key, 60))}")

    def string(self, obj: dict[str, Any], key: str, where: str, *, required: bool = False) -> None:
        if key not in obj:
            if required:
                self.add(where, f"missing required field '{key}'")
            return
        value = obj[key]
        if not isinstance(value, str):
            self.add(f"{where}.{key}", f"must be a string, not {_kind(value)}")
        elif required and not value.strip():
            self.add(f"{where}.{key}", "must not be empty")

    def optional_string_or_null(self, obj: dict[str, Any], key: str, where: str) -> None:
        if obj.get(key) is not None:
            self.string(obj, key, where)

    def strings(self, obj: dict[str, Any], key: str, where: str) -> list[str]:
        value = obj.get(key, [])
        if not isinstance(value, list):
            self.add(f"{where}.{key}", f"must be a list of strings, not {_kind(value)}")
            return []
        good = []
        for index, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                good.append(item)
            else:
                self.add(f"{where}.{key}[{index}]", f"must be a non-empty string, not {_kind(item)}")
        return good

    def integer(self, obj: dict[str, Any], key: str, where: str, *, required: bool = False) -> int | None:
        if key not in obj:
            if required:
                self.add(where, f"missing required field '{key}'")
            return None
        value = obj[key]
        if isinstance(value, _NonFinite):
            self.add(f"{where}.{key}", "NaN and Infinity are not allowed")
        elif not isinstance(value, int) or isinstance(value, bool):
            self.add(f"{where}.{key}", f"must be a whole number, not {_kind(value)}")
        elif value < 0:
            self.add(f"{where}.{key}", "must not be negative")
        else:
            return value
        return None

    def items(
        self, obj: dict[str, Any], key: str, where: str, *, duplicates: bool = True
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """Yield (path, object) for each object in the list at *key*."""
        value = obj.get(key, [])
        if not isinstance(value, list):
            self.add(f"{where}.{key}" if where else key, f"must be a list, not {_kind(value)}")
            return
        for index, item in enumerate(value):
            path = f"{where}.{key}[{index}]" if where else f"{key}[{index}]"
            if self.object(item, path, duplicates=duplicates):
                yield path, item


def _kind(value: Any) -> str:
    if isinstance(value, _NonFinite):
        return "NaN/Infinity"
    names = {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    }
    return names.get(type(value), "a " + type(value).__name__)


_QUESTION_STRINGS = ("question_en", "answer_en")
_QUESTION_LISTS = ("key_points", "key_points_en", "topics", "principles", "people")


#: Valid questions by id, each with its location for messages.
_Questions = dict[int, tuple[str, dict[str, Any]]]


def _check_questions(check: _Checker, doc: dict[str, Any]) -> _Questions:
    """Check every question; return (location, question) by id."""
    if "questions" not in doc:
        check.add("", "missing required field 'questions' (a list of {id, question, answer})")
        return {}
    if isinstance(doc["questions"], list) and not doc["questions"]:
        check.add("questions", "the list is empty; a corpus needs at least one question")
    by_id: dict[int, tuple[str, dict[str, Any]]] = {}
    for path, item in check.items(doc, "questions", "", duplicates=False):
        entry_id = check.integer(item, "id", path, required=True)
        where = f"{path} (id {entry_id})" if entry_id is not None else path
        check.duplicate_keys(item, where)
        check.string(item, "question", where, required=True)
        check.string(item, "answer", where, required=True)
        for key in _QUESTION_STRINGS:
            check.string(item, key, where)
        for key in _QUESTION_LISTS:
            check.strings(item, key, where)
        for ref_path, ref in check.items(item, "references", where):
            check.string(ref, "name", ref_path, required=True)
            for key in ("kind", "note", "note_en"):
                check.string(ref, key, ref_path)
            check.optional_string_or_null(ref, "url", ref_path)
        if entry_id is None:
            continue
        if entry_id in by_id:
            check.add(where, f"duplicate id {entry_id}, first used at {by_id[entry_id][0]}")
            continue
        by_id[entry_id] = (where, item)
    return by_id


def _check_named_list(check: _Checker, doc: dict[str, Any], key: str, extra: tuple[str, ...]) -> set[str]:
    """Check a list of {id, ...} objects (topics, principles, speakers, people); return their ids."""
    ids: set[str] = set()
    for path, item in check.items(doc, key, ""):
        check.string(item, "id", path, required=True)
        for field_name in extra:
            check.string(item, field_name, path)
        item_id = item.get("id")
        if isinstance(item_id, str) and item_id.strip():
            if item_id in ids:
                check.add(f"{path}.id", f"duplicate {key[:-1]} id {json.dumps(one_line(item_id, 60))}")
            ids.add(item_id)
    return ids


def _check_references(check: _Checker, questions: _Questions, key: str, known: set[str]) -> None:
    for where, item in questions.values():
        values = item.get(key, [])
        if not isinstance(values, list):
            continue
        for index, value in enumerate(values):
            if isinstance(value, str) and value not in known:
                check.add(
                    f"{where}.{key}[{index}]",
                    f"unknown {key[:-1]} {json.dumps(one_line(value, 60))}",
                )


def _check_principles(check: _Checker, doc: dict[str, Any], questions: _Questions) -> set[str]:
    ids = _check_named_list(check, doc, "principles", ("title", "title_en", "summary", "summary_en"))
    for path, item in check.items(doc, "principles", ""):
        for ev_path, evidence in check.items(item, "evidence", path):
            number = check.integer(evidence, "question", ev_path, required=True)
            check.string(evidence, "quote", ev_path, required=True)
            quote = evidence.get("quote")
            if number is None or not isinstance(quote, str):
                continue
            target = questions.get(number, ("", {}))[1]
            if number not in questions:
                check.add(f"{ev_path}.question", f"no question with id {number}")
            elif isinstance(target.get("answer"), str) and quote not in target["answer"]:
                check.add(f"{ev_path}.quote", f"not found verbatim in the answer of question {number}")
    return ids


def _check_people(check: _Checker, doc: dict[str, Any], questions: _Questions) -> set[str]:
    ids = _check_named_list(check, doc, "people", ("name", "note", "note_en"))
    for key in ("people", "organizations"):
        for path, item in check.items(doc, key, ""):
            if key == "organizations":
                check.string(item, "name", path, required=True)
            for index, number in enumerate(item.get("questions", [])):
                if not isinstance(number, int) or isinstance(number, bool) or number not in questions:
                    check.add(f"{path}.questions[{index}]", f"no question with id {one_line(repr(number), 40)}")
    return ids


def _check_webinar(check: _Checker, doc: dict[str, Any]) -> None:
    if "webinar" not in doc or not check.object(doc["webinar"], "webinar"):
        return
    webinar = doc["webinar"]
    for key in ("title", "title_en", "date", "language", "summary", "summary_en", "audience", "audience_en"):
        check.string(webinar, key, "webinar")
    for key in ("organizers", "interests", "interests_en"):
        check.strings(webinar, key, "webinar")
    if "contact" in webinar and check.object(webinar["contact"], "webinar.contact"):
        check.string(webinar["contact"], "name", "webinar.contact", required=True)
        check.strings(webinar["contact"], "areas", "webinar.contact")
    for path, item in check.items(webinar, "related", "webinar"):
        check.string(item, "title", path, required=True)
        for key in ("kind", "summary", "summary_en", "title_en"):
            check.string(item, key, path)
        for key in ("date", "url"):
            check.optional_string_or_null(item, key, path)


def _check_glossary(check: _Checker, doc: dict[str, Any]) -> None:
    for path, item in check.items(doc, "glossary", ""):
        check.string(item, "nl", path, required=True)
        check.strings(item, "en", path)


def check_document(doc: Any, source: str) -> list[Problem]:
    """Every problem in a decoded corpus, in file order where possible."""
    check = _Checker(source)
    if isinstance(doc, list):
        doc = {"questions": doc}
    if not check.object(doc, ""):
        return check.problems
    version = doc.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION or isinstance(version, bool):
        check.add("schema_version", f"unsupported value {one_line(repr(version), 40)}; this ecoqa reads version 1")
    questions = _check_questions(check, doc)
    if "topics" in doc:
        topics = _check_named_list(check, doc, "topics", ("label", "label_en"))
        for path, item in check.items(doc, "topics", ""):
            check.strings(item, "aliases", path)
        _check_references(check, questions, "topics", topics)
    if "principles" in doc:
        _check_references(check, questions, "principles", _check_principles(check, doc, questions))
    if "people" in doc:
        _check_references(check, questions, "people", _check_people(check, doc, questions))
    elif "organizations" in doc:
        _check_people(check, doc, questions)
    _check_named_list(check, doc, "speakers", ("name", "role", "role_en", "organization"))
    _check_webinar(check, doc)
    _check_glossary(check, doc)
    return check.problems


def check_corpus(raw: bytes, source: str) -> list[Problem]:
    """Every problem in corpus bytes; a syntax error is the only problem when the JSON is broken."""
    try:
        doc = decode_json(raw, source)
    except CorpusError as error:
        return [Problem("", error.message)]
    return check_document(doc, source)


def validated_document(raw: bytes, source: str) -> Any:
    """Bytes to a JSON document that passed every check, or a ``CorpusError`` naming the first problem."""
    doc = decode_json(raw, source)
    problems = check_document(doc, source)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise CorpusError(f"{one_line(str(problems[0]))}{more}; run 'ecoqa validate {source}' for the full list.")
    return doc


def parse_corpus(raw: bytes, source: str) -> Corpus:
    """Bytes to a ``Corpus``, or a ``CorpusError`` naming the first problem."""
    return build_corpus(validated_document(raw, source), source)


# ---------------------------------------------------------------------------- building


def _s(obj: dict[str, Any], key: str) -> str:
    value = obj.get(key)
    return clean_text(value) if isinstance(value, str) else ""


def _ss(obj: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(clean_text(v) for v in obj.get(key, []) if isinstance(v, str))


def _many(obj: dict[str, Any], key: str, make: Callable[[dict[str, Any]], Any]) -> tuple[Any, ...]:
    return tuple(make(item) for item in obj.get(key, []))


def entry_from_item(item: dict[str, Any]) -> Entry:
    """An ``Entry`` from one validated question object, its text cleaned."""
    return Entry(
        id=item["id"],
        question=_s(item, "question"),
        answer=_s(item, "answer"),
        question_en=_s(item, "question_en"),
        answer_en=_s(item, "answer_en"),
        key_points=_ss(item, "key_points"),
        key_points_en=_ss(item, "key_points_en"),
        topics=tuple(item.get("topics", ())),
        principles=tuple(item.get("principles", ())),
        people=tuple(item.get("people", ())),
        references=_many(item, "references", _reference),
    )


def _reference(item: dict[str, Any]) -> Reference:
    url = item.get("url")
    return Reference(
        name=_s(item, "name"),
        kind=_s(item, "kind"),
        url=clean_text(url) if isinstance(url, str) else None,
        link_missing=item.get("link_missing") is True,
        note=_s(item, "note"),
        note_en=_s(item, "note_en"),
    )


def _topic(item: dict[str, Any]) -> Topic:
    return Topic(
        id=item["id"],
        label=_s(item, "label") or clean_text(item["id"]),
        label_en=_s(item, "label_en"),
        aliases=_ss(item, "aliases"),
    )


def _principle(item: dict[str, Any]) -> Principle:
    evidence = tuple(Evidence(e["question"], clean_text(e["quote"])) for e in item.get("evidence", []))
    return Principle(
        id=item["id"],
        title=_s(item, "title") or clean_text(item["id"]),
        title_en=_s(item, "title_en"),
        summary=_s(item, "summary"),
        summary_en=_s(item, "summary_en"),
        evidence=evidence,
    )


def _webinar(item: dict[str, Any]) -> Webinar:
    contact = item.get("contact")
    recording: dict[str, Any] = item["recording"] if isinstance(item.get("recording"), dict) else {}
    return Webinar(
        title=_s(item, "title"),
        date=_s(item, "date"),
        language=_s(item, "language"),
        organizers=_ss(item, "organizers"),
        summary=_s(item, "summary"),
        summary_en=_s(item, "summary_en"),
        audience=_s(item, "audience"),
        audience_en=_s(item, "audience_en"),
        interests=_ss(item, "interests"),
        interests_en=_ss(item, "interests_en"),
        contact=Contact(_s(contact, "name"), _ss(contact, "areas"), _ss(contact, "areas_en"))
        if isinstance(contact, dict)
        else None,
        related=_many(
            item,
            "related",
            lambda r: Related(
                title=_s(r, "title"),
                kind=_s(r, "kind"),
                title_en=_s(r, "title_en"),
                date=_s(r, "date") or None,
                url=_s(r, "url") or None,
                summary=_s(r, "summary"),
                summary_en=_s(r, "summary_en"),
            ),
        ),
        recording_note=_s(recording, "note"),
        recording_note_en=_s(recording, "note_en"),
    )


def build_corpus(doc: Any, source: str) -> Corpus:
    """Models from a validated document; topics used but not declared get their id as label."""
    if isinstance(doc, list):
        doc = {"questions": doc}
    entries = _many(doc, "questions", entry_from_item)
    topics = _many(doc, "topics", _topic)
    if "topics" not in doc:
        used = dict.fromkeys(t for e in entries for t in e.topics)
        topics = tuple(Topic(id=t, label=clean_text(t)) for t in used)
    provenance = doc.get("provenance") if isinstance(doc.get("provenance"), dict) else {}
    return Corpus(
        entries=entries,
        source=source,
        webinar=_webinar(doc["webinar"]) if isinstance(doc.get("webinar"), dict) else None,
        speakers=_many(
            doc,
            "speakers",
            lambda s: Speaker(
                id=s["id"],
                name=_s(s, "name") or clean_text(s["id"]),
                role=_s(s, "role"),
                role_en=_s(s, "role_en"),
                organization=_s(s, "organization"),
            ),
        ),
        people=_many(
            doc,
            "people",
            lambda p: Person(
                id=p["id"],
                name=_s(p, "name") or clean_text(p["id"]),
                note=_s(p, "note"),
                note_en=_s(p, "note_en"),
                questions=tuple(p.get("questions", ())),
            ),
        ),
        organizations=_many(
            doc,
            "organizations",
            lambda o: Organization(
                name=_s(o, "name"), aliases=_ss(o, "aliases"), questions=tuple(o.get("questions", ()))
            ),
        ),
        topics=topics,
        principles=_many(doc, "principles", _principle),
        glossary=_many(doc, "glossary", lambda g: GlossaryTerm(_s(g, "nl"), _ss(g, "en"))),
        attribution=_s(provenance, "attribution"),
        attribution_en=_s(provenance, "attribution_en"),
        derived_note=_s(provenance, "derived_note"),
        derived_note_en=_s(provenance, "derived_note_en"),
    )


def _name_key(name: str) -> str:
    """How a typed name compares: case, accents, apostrophes, hyphens and spacing aside."""
    return " ".join(fold(name).replace("'", "").replace("\u2019", "").replace("-", " ").split())


def _same(a: str, b: str) -> bool:
    return _name_key(a) == _name_key(b)


def find_topic(corpus: Corpus, name: str) -> Topic | None:
    """The topic whose id, label, English label or alias is *name*, ignoring case and accents."""
    for topic in corpus.topics:
        if any(_same(name, candidate) for candidate in (topic.id, topic.label, topic.label_en, *topic.aliases)):
            return topic
    return None


def find_principle(corpus: Corpus, name: str) -> Principle | None:
    """The principle with id, title (Dutch or English) or position (1-based) *name*."""
    if name.strip().isdigit() and 1 <= int(name) <= len(corpus.principles):
        return corpus.principles[int(name) - 1]
    for principle in corpus.principles:
        if any(
            _same(name, candidate) for candidate in (principle.id, principle.title, principle.title_en) if candidate
        ):
            return principle
    return None
