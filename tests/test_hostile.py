"""Hostile corpora and queries: markup, escapes, controls and bidi never reach the terminal."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
PAYLOADS = {
    "markup": "[bold]vet[/bold] [/] [/red] [inaudible] list[int] [mkb|zzp]",
    "link": "[link=http://evil.example]klik[/link]",
    "emoji": ":warning: :thumbs_up: 10:30:00",
    "ansi": "\x1b[31mrood\x1b[0m \x1b[2J",
    "osc8": "\x1b]8;;http://evil.example\x07klik\x1b]8;;\x07",
    "c1": "\x9b31m \x9d0;title\x9c",
    "controls": "nul\x00 bel\x07 bs\x08 del\x7f",
    "bidi": "\u202eesrever\u202c \u2066iso\u2069",
    "surrogate": "lone \ud800 half",
    "backslash": "C:\\pad\\[x] \\",
}
COMMANDS = [
    ["show", "1"],
    ["list"],
    ["search", "financiering"],
    ["principles"],
    ["principles", "p"],
    ["topics"],
    ["speakers"],
    ["info"],
    ["show", "1", "--lang", "en"],
    ["export", "-f", "md"],
    ["export", "-f", "html", "--lang", "en"],
]


def hostile_corpus(write_corpus: Any, path: Path, payload: str) -> Path:
    entry = {
        "id": 1,
        "question": f"Vraag over financiering {payload}?",
        "answer": f"Antwoord over financiering. {payload}\n\n- punt {payload}",
        "question_en": f"Question {payload}",
        "answer_en": f"Answer {payload}",
        "key_points": [f"punt {payload}"],
        "topics": ["t"],
        "principles": ["p"],
        "people": ["x"],
        "references": [{"name": f"ref {payload}", "url": None, "link_missing": True}],
    }
    return write_corpus(
        path,
        [entry, {"id": 2, "question": "Tweede vraag?", "answer": "Tweede antwoord."}],
        topics=[{"id": "t", "label": f"label {payload}", "aliases": [payload]}],
        principles=[{"id": "p", "title": f"titel {payload}", "evidence": [{"question": 1, "quote": "Antwoord over"}]}],
        people=[{"id": "x", "name": f"naam {payload}", "questions": [1]}],
        speakers=[{"id": "s", "name": f"spreker {payload}"}],
        webinar={"title": f"titel {payload}", "summary": payload},
    )


def visible(payload: str) -> list[str]:
    """Parts of the payload that must show literally (markup-like text)."""
    return [
        part
        for part in ("[/]", "[bold]", "[inaudible]", "list[int]", "[mkb|zzp]", ":warning:", "[link=")
        if part in payload
    ]


@pytest.mark.parametrize("name", sorted(PAYLOADS))
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_hostile_corpus_by_command(
    invoke: Any, corpus_file: Any, tmp_path: Path, name: str, command: list[str]
) -> None:
    path = hostile_corpus(corpus_file, tmp_path / "c.json", PAYLOADS[name])
    result = invoke(*command, "--data", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert not CONTROL.search(result.stdout), repr(result.stdout)
    if command[0] in ("show", "list"):
        for part in visible(PAYLOADS[name]):
            assert part in result.stdout.replace("\n", ""), part


@pytest.mark.parametrize("name", sorted(PAYLOADS))
@pytest.mark.parametrize("command", [["show", "1"], ["list"], ["search", "financiering"], ["principles"]], ids=" ".join)
def test_hostile_corpus_json(invoke: Any, corpus_file: Any, tmp_path: Path, name: str, command: list[str]) -> None:
    path = hostile_corpus(corpus_file, tmp_path / "c.json", PAYLOADS[name])
    result = invoke(*command, "--json", "--data", str(path), env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0
    assert result.stdout.isascii()
    json.loads(result.stdout)


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_hostile_corpus_forced_colour_has_only_style_escapes(
    invoke: Any, corpus_file: Any, tmp_path: Path, name: str
) -> None:
    path = hostile_corpus(corpus_file, tmp_path / "c.json", PAYLOADS[name])
    result = invoke("show", "1", "--data", str(path), "--color", "always")
    assert result.exit_code == 0
    assert "\x1b[" in result.stdout  # colour is on
    without_styles = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    assert not CONTROL.search(without_styles), repr(without_styles)
    assert "\x1b]8;" not in result.stdout


@pytest.mark.parametrize("form", ["md", "html"])
def test_a_hostile_file_name_in_an_export_title_is_cleaned(
    invoke: Any, corpus_file: Any, tmp_path: Path, form: str
) -> None:
    """A corpus without a title is named after its file, which is not checked text: cleaned too."""
    path = corpus_file(tmp_path / "c\x1b[31m\u202e.json", [{"id": 1, "question": "Vraag?", "answer": "a"}])
    result = invoke("export", "-f", form, "--data", str(path))
    assert result.exit_code == 0, result.stderr
    assert "x1b" in result.stdout  # shown, escaped
    assert not CONTROL.search(result.stdout), repr(result.stdout[:200])


def test_exact_bytes_for_a_hostile_question(invoke: Any, corpus_file: Any, tmp_path: Path) -> None:
    path = corpus_file(tmp_path / "c.json", [{"id": 1, "question": "[bold]x[/] \x1b[31m:warning:", "answer": "a"}])
    result = invoke("list", "--plain", "--data", str(path))
    assert result.stdout == "1\t[bold]x[/] \\x1b[31m:warning:\n"


@pytest.mark.parametrize("query", ["[/]", "[bold]", "\x1b[31m", ":warning:", "\u202e", "[link=x]", "\\", "\x07x"])
def test_hostile_queries(invoke: Any, query: str) -> None:
    result = invoke("search", query, "--explain")
    assert result.exit_code in (0, 1, 2)
    if result.exit_code:
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("ecoqa: ")
    else:
        assert result.stderr == ""
    assert not CONTROL.search(result.stdout + result.stderr)


def test_hostile_path_in_error_message(invoke: Any, tmp_path: Path) -> None:
    result = invoke("list", "--data", str(tmp_path / "[WIP] \x1b[31m[/].json"))
    assert result.exit_code == 3
    assert "[WIP]" in result.stderr and "\x1b" not in result.stderr


def test_help_texts_with_brackets_render(invoke: Any) -> None:

    result = invoke("list", "--help")
    assert result.exit_code == 0
    assert "[PRINCIPLE]" in invoke("principles", "--help").stdout


# ---------------------------------------------------------------------------- property tests

TOKENS = [
    "[/]",
    "[bold]",
    "[link=http://x]",
    "\x1b",
    "\x07",
    "\x9b",
    "\u202e",
    "\ud800",
    "\\",
    "jíj",
    "[",
    "]",
    ":warning:",
    "\n",
    "a" * 300,
]
hostile_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=20)), max_size=8).map("".join)
words = st.text(alphabet=string.ascii_letters + "[]/\\:\x1b éï", min_size=0, max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(question=hostile_text, answer=hostile_text, query=words)
def test_property_no_crash_no_control(invoke: Any, tmp_path: Path, question: str, answer: str, query: str) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"questions": [{"id": 1, "question": question or "q", "answer": answer or "a"}]}))
    for args in (["show", "1"], ["list"], ["search", query]):
        result = invoke(*args, "--data", str(path))
        assert result.exit_code in (0, 1, 2, 3), (args, result.exception)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert not CONTROL.search(result.stdout)
        assert not CONTROL.search(result.stderr)
        as_json = invoke(*args, "--json", "--data", str(path))
        if as_json.stdout:
            json.loads(as_json.stdout)


@settings(max_examples=100, deadline=None)
@given(raw=st.binary(max_size=200))
def test_property_loader_gives_corpus_or_corpus_error(raw: bytes) -> None:
    from ecoqa.corpus import parse_corpus
    from ecoqa.errors import CorpusError

    try:
        corpus = parse_corpus(raw, "x.json")
    except CorpusError as error:
        assert error.message.startswith("x.json")
    else:
        assert corpus.entries


@settings(max_examples=100, deadline=None)
@given(
    doc=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(["id", "question", "answer", "questions", "topics", "principles", "evidence", "quote"]),
                inner,
                max_size=4,
            )
        ),
        max_leaves=12,
    )
)
def test_property_any_json_document_validates_cleanly(doc: Any) -> None:
    from ecoqa.corpus import check_corpus, parse_corpus
    from ecoqa.errors import CorpusError

    raw = json.dumps(doc).encode()
    found = check_corpus(raw, "x.json")
    try:
        parse_corpus(raw, "x.json")
        assert found == []
    except CorpusError:
        assert found
