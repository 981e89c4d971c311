"""One schema table checks and builds: anything ``validate`` accepts, every command can use.

The property test mutates a complete document at any declared path (every key of the table,
``fields_of``) with any JSON value; whenever the result validates, it must build, render in
both languages, index, search, store, export and list without an exception.
"""

from __future__ import annotations

import copy
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecoqa import export, overview, payloads, render, schema, store
from ecoqa.corpus import check_corpus, parse_corpus
from ecoqa.errors import CorpusError
from ecoqa.models import MAX_ID

FULL: dict[str, Any] = {
    "schema_version": 2,
    "provenance": {
        "source": "bron",
        "source_en": "source",
        "attribution": "a",
        "attribution_en": "a",
        "derived_note": "d",
        "derived_note_en": "d",
        "verbatim": ["questions[].question"],
        "derived": ["*_en"],
    },
    "collection": {
        "kind": "webinar",
        "title": "T",
        "title_en": "T",
        "date": "2021-02-17",
        "language": "nl",
        "organizers": ["TNO"],
        "organizer_line": "Door TNO.",
        "opening": "Gemist?",
        "summary": "s",
        "summary_en": "s",
        "audience": "a",
        "audience_en": "a",
        "interests": ["i"],
        "interests_en": ["i"],
        "contact": {"name": "Lotte", "areas": ["x"], "areas_en": ["x"]},
        "related": [
            {
                "title": "r",
                "title_en": "r",
                "kind": "k",
                "kind_en": "k",
                "date": "2021-02-10",
                "url": None,
                "summary": "s",
                "summary_en": "s",
            }
        ],
        "recording": {"url": None, "link_missing": True, "note": "n", "note_en": "n"},
        "url": "https://example.org/webinar",
    },
    "speakers": [{"id": "s", "name": "Spreker", "role": "r", "role_en": "r", "organization": "o"}],
    "people": [{"id": "p", "name": "Persoon", "note": "n", "note_en": "n", "questions": [1]}],
    "organizations": [{"name": "TNO", "aliases": ["T"], "questions": [1], "note": "n", "note_en": "n"}],
    "topics": [{"id": "geld", "label": "Geld", "label_en": "Money", "aliases": ["fonds"]}],
    "principles": [
        {
            "id": "p1",
            "title": "P",
            "title_en": "P",
            "summary": "s",
            "summary_en": "s",
            "evidence": [{"question": 1, "quote": "financiering"}],
        }
    ],
    "glossary": [{"nl": "financiering", "en": ["financing"]}],
    "questions": [
        {
            "id": 1,
            "question": "Hoe werkt financiering?",
            "answer": "Over financiering.\n\n- een\n- twee",
            "question_en": "How does financing work?",
            "answer_en": "About financing.",
            "key_points": ["k"],
            "key_points_en": ["k"],
            "topics": ["geld"],
            "principles": ["p1"],
            "people": ["p"],
            "references": [{"name": "r", "kind": "k", "url": None, "link_missing": True, "note": "n", "note_en": "n"}],
            "source": {"file": "f.html", "url": None, "date": "2021-02-17", "title": "Pagina", "language": "nl"},
        },
        {"id": 2, "question": "Tweede?", "answer": "Ook geld en fonds."},
    ],
}


def version_1(doc: dict[str, Any]) -> dict[str, Any]:
    """*doc* as version 1 wrote it: the collection was a "webinar" block, without kind or address."""
    old = {k: v for k, v in doc.items() if k != "collection"}
    described = {k: v for k, v in doc["collection"].items() if k not in ("kind", "url")}
    return {**old, "schema_version": 1, "webinar": described}


def test_the_full_document_is_valid_and_declares_every_key() -> None:
    assert check_corpus(json.dumps(FULL).encode(), "c.json") == []
    assert check_corpus(json.dumps(version_1(FULL)).encode(), "c.json") == []
    declared = {path for path, _ in schema.fields_of()}
    used = set(paths(FULL)) | set(paths(version_1(FULL)))
    assert declared == used, declared ^ used


def test_version_1_reads_as_before_and_upgrades_to_the_same_corpus() -> None:
    """A version-1 file keeps working; its "webinar" names a webinar only where it lists speakers
    (ecoqa's import wrote that block for every page), and the upgrade builds the same corpus."""
    old = version_1(FULL)
    corpus = parse_corpus(json.dumps(old).encode(), "c.json")
    assert corpus.collection is not None and corpus.collection.kind == "webinar"
    assert corpus.collection.title == "T" and corpus.language == "nl"
    faq = parse_corpus(json.dumps({**old, "speakers": []}).encode(), "c.json")
    assert faq.collection is not None and faq.collection.kind == "" and not faq.collection.is_event
    upgraded = schema.upgrade(old)
    assert upgraded["schema_version"] == 2 and "webinar" not in upgraded
    assert list(upgraded) == [{"webinar": "collection"}.get(key, key) for key in old]  # the order is kept
    assert parse_corpus(json.dumps(upgraded).encode(), "c.json").collection == corpus.collection
    assert schema.upgrade(FULL) is FULL


@pytest.mark.parametrize(
    ("doc", "problem"),
    [
        ({**FULL, "webinar": {"title": "T"}}, "c.json: webinar: version 2 describes the corpus in 'collection' only"),
        ({**version_1(FULL), "schema_version": 2}, "c.json: webinar: version 2 calls this block 'collection'"),
        ({**FULL, "schema_version": 1}, "c.json: collection: 'collection' needs schema_version 2"),
    ],
)
def test_the_two_versions_do_not_mix(doc: dict[str, Any], problem: str) -> None:
    found = [str(p) for p in check_corpus(json.dumps(doc).encode(), "c.json")]
    assert len(found) == 1 and found[0].startswith(problem), found


def paths(value: Any, prefix: str = "") -> list[str]:
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{prefix}.{key}" if prefix else key
            found.append(here)
            found += paths(item, here)
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        found += paths(value[0], prefix + "[]")
    return found


def use_everything(raw: bytes, tmp_path: Path) -> None:
    """Everything a command does with a corpus; none of it may raise."""
    from rich.console import Console

    from ecoqa.search.engine import search
    from ecoqa.search.index import build_index

    corpus = parse_corpus(raw, "c.json")
    console = Console(file=io.StringIO(), width=60, color_system=None)
    for lang in ("nl", "en"):
        for entry in corpus.entries:
            console.print(render.entry_view(entry, corpus, lang, corpus.related(entry), 60))
            console.print(render.entry_view(entry, corpus, lang, corpus.related(entry), 30))
        for row in render.entry_rows(corpus.entries, corpus, lang, 60):
            console.print(row)
        for view in (
            overview.topics_view(corpus, lang, 40),
            overview.topics_view(corpus, lang, 100),
            overview.speakers_view(corpus, lang, 40),
            overview.speakers_view(corpus, lang, 100),
            overview.principles_view(corpus.principles, corpus, lang, detail=False, width=100),
            overview.principles_view(corpus.principles, corpus, lang, detail=True, width=40),
            overview.info_view(corpus, lang, 60),
            overview.overview(corpus, lang, "1", [("ecoqa list", "x")]),
        ):
            console.print(view)
        index = build_index(corpus)
        for query in ("financiering", "fonds", "Money", "xyz"):
            result = search(corpus, query, index=index, lang=lang)
            for row in render.hit_rows(result.hits, lang, explain=True, shown=len(result.hits), total=result.total):
                console.print(row)
        doc = export.Document(corpus, lang, ("topic: x",), "1", "2026-01-01")
        b"".join(export.to_markdown(corpus.entries, doc)).decode("utf-8")
        b"".join(export.to_html(corpus.entries, doc)).decode("utf-8")
        json.loads("".join(export.corpus_json(corpus.entries, corpus)))
        for rows in (
            payloads.topic_rows(corpus, lang),
            payloads.speaker_rows(corpus, lang),
            payloads.info_rows(corpus, lang),
        ):
            "".join(payloads.tsv(rows))
    warnings: list[str] = []
    store.load_indexed(raw, "c.json", warn=warnings.append)
    reopened, reopened_index = store.load_indexed(raw, "c.json", warn=warnings.append)
    assert warnings == []
    assert [e.id for e in reopened.entries] == [e.id for e in corpus.entries]
    assert search(reopened, "financiering", index=reopened_index).hits == search(corpus, "financiering").hits


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.sampled_from([0, 1, 2, MAX_ID, MAX_ID + 1, -1])
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["", " ", "[/]", "\x1b[31m", "geld", "p1", "p", "https://example.org/x", "javascript:x"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)
DECLARED = sorted(path for path, _ in schema.fields_of())


def mutate(doc: dict[str, Any], path: str, value: Any, action: str) -> None:
    """Set (or delete, or add an unknown key beside) the value at *path*, first list items only."""
    *parents, last = path.replace("[]", ".[]").split(".")
    target: Any = doc
    for part in parents:
        if part == "[]":
            if not isinstance(target, list) or not target:
                return
            target = target[0]
        else:
            if not isinstance(target, dict) or part not in target:
                return
            target = target[part]
    if not isinstance(target, dict):
        return
    if action == "delete":
        target.pop(last, None)
    elif action == "unknown":
        target[last + "_x"] = value
    else:
        target[last] = value


@pytest.mark.slow
@settings(
    max_examples=int(os.environ.get("ECOQA_PROPERTY_EXAMPLES", "250")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    path=st.sampled_from(DECLARED),
    value=json_values,
    action=st.sampled_from(["set", "set", "set", "delete", "unknown"]),
)
def test_property_whatever_validates_works_everywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str, value: Any, action: str
) -> None:
    monkeypatch.setenv("ECOQA_CACHE_DIR", str(tmp_path / "cache"))
    doc = copy.deepcopy(FULL)
    mutate(doc, path, value, action)
    raw = json.dumps(doc).encode()
    problems = check_corpus(raw, "c.json")
    if problems:
        with pytest.raises(CorpusError):
            parse_corpus(raw, "c.json")
    else:
        use_everything(raw, tmp_path)


# ---------------------------------------------------------------------------- the code review's cases


def problems_of(doc: Any) -> list[str]:
    return [str(p) for p in check_corpus(json.dumps(doc).encode(), "c.json")]


GOOD = [{"id": 1, "question": "q?", "answer": "a"}]


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (
            {"questions": GOOD, "people": [{"id": "x", "questions": 5}]},
            ["c.json: people[0].questions: must be a list of whole numbers, not a number"],
        ),
        (
            {"questions": GOOD, "collection": {"contact": {"name": "x", "areas_en": 5}}},
            ["c.json: collection.contact.areas_en: must be a list of strings, not a number"],
        ),
        (
            {"questions": [GOOD[0] | {"references": [{"name": "r", "link_missing": "yes"}]}]},
            ["c.json: questions[0] (id 1).references[0].link_missing: must be true or false, not a string"],
        ),
        (
            {"questions": GOOD, "collection": {"recording": 5}},
            ["c.json: collection.recording: must be an object, not a number"],
        ),
        (
            {"questions": [GOOD[0] | {"quesiton": "typo"}]},
            ["c.json: questions[0] (id 1): unknown field \"quesiton\"; did you mean 'question'?"],
        ),
        (
            {"questions": [GOOD[0] | {"references": [{"name": "r", "url": "javascript:alert(1)"}]}]},
            [
                "c.json: questions[0] (id 1).references[0].url: "
                "must be an http:// or https:// address without spaces or control characters"
            ],
        ),
    ],
)
def test_what_used_to_crash_or_pass_silently(doc: dict[str, Any], expected: list[str]) -> None:
    assert problems_of(doc) == expected


def test_problems_in_named_lists_are_reported_once() -> None:
    """The old validator walked topics, principles and people twice."""
    raw = '{"questions": [{"id": 1, "question": "q", "answer": "a"}], "topics": [5, {"id": "a", "id": "b"}],'
    raw += ' "principles": ["p"], "people": [7]}'
    found = [str(p) for p in check_corpus(raw.encode(), "c.json")]
    assert found == [
        "c.json: people[0]: must be an object, not a number",
        "c.json: topics[0]: must be an object, not a number",
        'c.json: topics[1]: duplicate key "id"',
        "c.json: principles[0]: must be an object, not a string",
    ]
    assert len(found) == len(set(found))


def test_published_json_schema_matches_the_table() -> None:
    """schema/qa.schema.json is generated from the table; regenerate with the command in its description."""
    published = json.loads((Path(__file__).parents[1] / "schema" / "qa.schema.json").read_text(encoding="utf-8"))
    assert published == schema.json_schema()


def test_json_schema_accepts_the_bundled_corpus() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    bundled = json.loads((Path(__file__).parents[1] / "data" / "qa.json").read_text(encoding="utf-8"))
    jsonschema.validate(bundled, schema.json_schema())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"questions": [{"id": 1, "question": "q"}]}, schema.json_schema())


def test_a_large_corpus_keeps_one_copy_of_each_list_of_names() -> None:
    """The checker remembers every question's topics, principles and people until the sections
    are known, and the index builder every question's principles: 100,000 questions name few
    different lists, so each is kept once (about 15 MB less at 100,000), not once per question."""
    from ecoqa.schema import Checker
    from ecoqa.search.index import IndexBuilder

    checker, builder = Checker("c.json"), IndexBuilder()
    for number in range(40):
        item = {"id": number + 1, "question": "Q?", "answer": "A.", "topics": ["mkb", "regio"][: 1 + number % 2]}
        entry = checker.question(json.loads(json.dumps(item | {"principles": ["p1"], "people": ["x"]})))
        assert entry is not None
        builder.add(entry)
    assert len({id(names) for ref in checker.refs for names in ref[2:]}) == 4  # 2 topic lists, principles, people
    assert [ref[2] for ref in checker.refs[:2]] == [("mkb",), ("mkb", "regio")]
    assert len({id(principles) for _, principles in builder.carried}) == 1
