"""Loading and validating corpus files: every failure is a clean CorpusError with a location."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ecoqa import corpus as corpus_module
from ecoqa.corpus import check_corpus, load_corpus, parse_corpus
from ecoqa.errors import CorpusError
from ecoqa.names import find_principle, find_topic

GOOD = {"id": 1, "question": "Vraag?", "answer": "Antwoord over fondsen."}


def problems(text: str | bytes) -> list[str]:
    raw = text.encode() if isinstance(text, str) else text
    return [str(p) for p in check_corpus(raw, "c.json")]


def test_bundled_corpus_loads() -> None:
    corpus = load_corpus()
    assert len(corpus.entries) == 24
    assert corpus.get(12) is not None and corpus.get(99) is None
    assert corpus.id_range() == "1-24"


def test_bundled_corpus_is_valid() -> None:
    assert check_corpus(corpus_module.bundled_corpus().read_bytes(), "qa.json") == []


def test_the_bundled_corpus_is_found_by_path_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """An installed wheel's copy, or a checkout's data/qa.json (an editable install), is found as a
    plain path: importlib.resources, whose first use costs more than reading the corpus, is asked
    only when neither exists (zipped installs)."""
    import importlib.resources

    from ecoqa import bundled

    def asked(*args: Any) -> Any:
        raise AssertionError("importlib.resources was asked")

    monkeypatch.setattr(importlib.resources, "files", asked)
    beside = Path(bundled.__file__).with_name("data") / "qa.json"
    expected = beside if beside.is_file() else Path(__file__).resolve().parents[1] / "data" / "qa.json"
    assert Path(str(bundled.bundled_corpus())) == expected.resolve()


def test_bare_list_and_minimal_schema() -> None:
    corpus = parse_corpus(json.dumps([GOOD]).encode(), "c.json")
    assert corpus.entries[0].question == "Vraag?"
    assert corpus.topics == ()


def test_bom_is_accepted() -> None:
    raw = b"\xef\xbb\xbf" + json.dumps({"questions": [GOOD]}).encode()
    assert parse_corpus(raw, "c.json").entries[0].id == 1


CUT_OFF = "; the file ends before its JSON does (is it cut off?)"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "c.json: the file is empty; a corpus is a JSON object with a 'questions' list."),
        (b"  \n", "c.json: the file is empty; a corpus is a JSON object with a 'questions' list."),
        (b'{"questions":\n  [1 2]}', "c.json:2:6: Expecting ',' delimiter"),
        (b'{"questions": [{"id": 1, "question": "Hoe', f"c.json:1:38: a string is never closed{CUT_OFF}"),
        (b'{"questions": [1, 2\n\n', f"c.json:3:1: Expecting ',' delimiter{CUT_OFF}"),
        (b'{"questions": ', f"c.json:1:15: Expecting value{CUT_OFF}"),
        (b'{"questions": [{"id": 1,', f"c.json:1:25: Expecting property name enclosed in double quotes{CUT_OFF}"),
        (
            b'{"questions": [{"id": 1, "question": "a\tb", "answer": "x"}]}',
            "c.json:1:40: a control character inside a string (write a line break as \\n, a tab as \\t)",
        ),
        (b'{"questions": "\xff"}', "c.json: not valid UTF-8 (byte 15); save the file as UTF-8."),
        (b"[" * 100_000 + b"]" * 100_000, "c.json: JSON nested too deeply to be a corpus."),
    ],
)
def test_unreadable_json(raw: bytes, message: str) -> None:
    assert problems(raw) == [message]
    with pytest.raises(CorpusError) as caught:
        parse_corpus(raw, "c.json")
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ({}, "c.json: missing required field 'questions' (a list of {id, question, answer})"),
        ({"questions": []}, "c.json: questions: the list is empty; a corpus needs at least one question"),
        ({"questions": [{"id": 1, "question": "q"}]}, "c.json: questions[0] (id 1): missing required field 'answer'"),
        (
            {"questions": [{"id": 1, "question": " ", "answer": "a"}]},
            "c.json: questions[0] (id 1).question: must not be empty",
        ),
        (
            {"questions": [{"id": "1", "question": "q", "answer": "a"}]},
            "c.json: questions[0].id: must be a whole number, not a string",
        ),
        (
            {"questions": [{"id": True, "question": "q", "answer": "a"}]},
            "c.json: questions[0].id: must be a whole number, not a boolean",
        ),
        ({"questions": [GOOD, GOOD]}, "c.json: questions[1] (id 1): duplicate id 1, first used at questions[0] (id 1)"),
        (
            {"questions": [GOOD | {"topics": ["x"]}], "topics": [{"id": "y"}]},
            'c.json: questions[0] (id 1).topics[0]: unknown topic "x"',
        ),
        (
            {"questions": [GOOD | {"principles": ["x"]}], "principles": []},
            'c.json: questions[0] (id 1).principles[0]: unknown principle "x"',
        ),
        (
            {"questions": [GOOD], "principles": [{"id": "p", "evidence": [{"question": 1, "quote": "niet hier"}]}]},
            "c.json: principles[0].evidence[0].quote: not found verbatim in the answer of question 1",
        ),
        (
            {"questions": [GOOD | {"key_points": "x"}]},
            "c.json: questions[0] (id 1).key_points: must be a list of strings, not a string",
        ),
        (
            {"questions": [GOOD], "schema_version": 3},
            "c.json: schema_version: unsupported value 3; this ecoqa reads versions 1 and 2",
        ),
        (
            {"questions": [GOOD | {"question": "[/]\u001b"}, "oops"]},
            "c.json: questions[1]: must be an object, not a string",
        ),
    ],
)
def test_schema_errors_name_entry_and_field(doc: dict[str, Any], expected: str) -> None:
    assert problems(json.dumps(doc)) == [expected]


def test_duplicate_keys_and_nan_are_reported_with_location() -> None:
    raw = (
        '{"questions": [{"id": 1, "question": "q", "answer": "a", "answer": "b"},'
        ' {"id": NaN, "question": "q", "answer": "a"}]}'
    )
    assert problems(raw) == [
        'c.json: questions[0] (id 1): duplicate key "answer"',
        "c.json: questions[1].id: NaN and Infinity are not allowed",
    ]


def test_all_problems_are_listed_and_the_loader_names_the_first() -> None:
    raw = json.dumps({"questions": [{"id": 1}, {"id": 1, "question": "", "answer": 3}]})
    assert len(problems(raw)) == 5
    with pytest.raises(CorpusError) as caught:
        parse_corpus(raw.encode(), "c.json")
    assert str(caught.value) == (
        "c.json: questions[0] (id 1): missing required field 'question' (and 4 more); "
        "run 'ecoqa validate c.json' for the full list."
    )


def test_bad_values_are_sanitised_in_messages() -> None:
    raw = json.dumps({"questions": [GOOD | {"topics": ["\u001b[31m[/]"]}], "topics": []})
    (message,) = problems(raw)
    assert "\x1b" not in message and "\\x1b" in message


def test_text_is_cleaned_at_load() -> None:
    doc = {"questions": [GOOD | {"question": "a\u001b[31m b\u202e c\ud800 d\r\ne"}]}
    corpus = parse_corpus(json.dumps(doc).encode(), "c.json")
    assert corpus.entries[0].question == "a\\x1b[31m b\\u202e c\ufffd d\ne"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing.json", "file not found"),
        (lambda tmp: tmp, "is a directory, not a corpus file."),
        (lambda tmp: Path("/dev/zero"), "not a regular file (a device or pipe cannot be a corpus)."),
    ],
)
def test_paths_that_are_not_corpus_files(tmp_path: Path, make: Any, message: str) -> None:
    with pytest.raises(CorpusError) as caught:
        load_corpus(make(tmp_path))
    assert message in str(caught.value)


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(corpus_module.MAX_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(CorpusError) as caught:
        load_corpus(path)
    assert str(caught.value) == f"{path}: larger than the 200 MB limit for a corpus file."


def test_topic_and_principle_lookup() -> None:
    corpus = load_corpus()
    for name in ("mkb", "MKB", "SMEs", "midden- en kleinbedrijf", "Midden-  EN kleinbedrijf"):
        topic = find_topic(corpus, name)
        assert topic is not None and topic.id == "mkb", name
    assert find_topic(corpus, "nope") is None
    principle = find_principle(corpus, "Temporary ownership")
    assert principle is not None and principle.id == "tijdelijk-eigenaarschap"
    assert find_principle(corpus, "2") == principle


def test_related_questions_share_the_most_topics_and_principles_then_the_lowest_id() -> None:
    """The bit-set counting gives what counting by hand gives, for every bundled question."""
    corpus = load_corpus()

    def by_hand(entry: Any) -> list[int]:
        mine = set(entry.topics) | {("p", p) for p in entry.principles}
        shared = [
            (-len(mine & (set(other.topics) | {("p", p) for p in other.principles})), other.id)
            for other in corpus.entries
            if other.id != entry.id
        ]
        return [entry_id for count, entry_id in sorted(shared) if count < 0][:3]

    for entry in corpus.entries:
        assert [e.id for e in corpus.related(entry)] == by_hand(entry), entry.id


def test_cut_at_word_keeps_whole_words_and_counts_wide_characters() -> None:
    from ecoqa.text import cut_at_word

    assert cut_at_word("geen Nederlandse vertaling", 26) == "geen Nederlandse vertaling"
    assert cut_at_word("geen Nederlandse vertaling", 25) == "geen Nederlandse…"
    assert cut_at_word("geen Nederlandse vertaling", 17) == "geen Nederlandse…"
    assert cut_at_word("one; two", 7) == "one…"  # no dangling punctuation before the "…"
    assert cut_at_word("Nederlandse", 6) == "Neder…"  # one word wider than the room: cut where it ends
    assert cut_at_word("日本語の質問 です", 9) == "日本語の…"  # wide characters take two columns
