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


@pytest.mark.slow
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


# ------------------------------------------------------------------ review 2: pages, links and names (#4, #7, #13, #17)


def imported(invoke: Any, tmp_path: Path, html: str) -> dict[str, Any]:
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    result = invoke("import", str(page), "-o", str(tmp_path / "out.json"), "--force")
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    return document


def rendered_markdown(invoke: Any, corpus: Path) -> str:
    """The Markdown export of *corpus* as a CommonMark renderer shows it (HTML)."""
    from markdown_it import MarkdownIt

    result = invoke("export", "-f", "md", "--data", str(corpus))
    assert result.exit_code == 0, result.stderr
    return str(MarkdownIt("commonmark").render(result.stdout))


def test_a_reference_url_cannot_inject_html_into_the_markdown_export(invoke: Any, tmp_path: Path) -> None:
    """#4: a link whose address holds ``><script>`` is kept percent-encoded; rendered, nothing runs."""
    evil = "https://example.org/x><script>alert(document.domain)</script>"
    link = f'<a href="{evil}">de voorwaarden</a>'
    document = imported(
        invoke, tmp_path, f"<h2>1. Hoe vraag ik aan?</h2><p>Lees {link}.</p><h2>2. Wat?</h2><p>Niets.</p>"
    )
    assert document["questions"][0]["references"][0]["url"] == (
        "https://example.org/x%3E%3Cscript%3Ealert(document.domain)%3C/script%3E"
    )
    assert "<script" not in rendered_markdown(invoke, tmp_path / "out.json")


def test_a_corpus_url_with_angle_brackets_stays_inside_its_markdown_link(
    invoke: Any, corpus_file: Any, tmp_path: Path
) -> None:
    """#4, at the writer: a corpus (not only an import) may hold ``<`` ``>`` ``"`` in a URL."""
    url = 'https://example.org/x><script>alert(1)</script>"<img/src=x/onerror=alert(2)>'
    reference = {"name": "voorwaarden", "url": url}
    corpus = corpus_file(
        tmp_path / "c.json", [{"id": 1, "question": "Vraag?", "answer": "a", "references": [reference]}]
    )
    html = rendered_markdown(invoke, corpus)
    assert "<script" not in html and "<img" not in html


def test_markdown_export_shows_answers_literally(invoke: Any, corpus_file: Any, tmp_path: Path) -> None:
    """#17: underlines, entities, rules, list signs, numbers and indentation in text stay text."""
    answer = "Gewone tekst\n=====\n\n+ geen lijst\n\n---\n\n    geen code\n\n1984. Geen lijst\n\n~~~\n\nKop\n---"
    corpus = corpus_file(tmp_path / "c.json", [{"id": 1, "question": "Wat betekent &copy;?", "answer": answer}])
    html = rendered_markdown(invoke, corpus)
    body = html.split('<a id="q1"></a>', 1)[1]
    for markup in ("<h1", "<hr", "<pre", "<code", "<ol", "<ul", "<li", "<h3"):
        assert markup not in body, (markup, body)
    assert "&amp;copy;" in body and "©" not in body
    for text in ("=====", "+ geen lijst", "---", "geen code", "1984. Geen lijst", "~~~"):
        assert text in body, (text, body)


def test_dry_run_makes_a_pages_escape_sequences_visible(invoke: Any, tmp_path: Path) -> None:
    """#7: a page's OSC 8 link and window-title sequences are shown as text in the dry-run summary."""
    page = tmp_path / "p.html"
    page.write_text(
        "<title>FAQ&#x1b;]0;pwned&#x07;</title><h2>1. Wat is &#x1b;]8;;https://evil.example/&#x1b;\\klik"
        "&#x1b;]8;;&#x1b;\\?</h2><p>A.</p><h2>2. Waarom?</h2><p>B.</p>",
        encoding="utf-8",
    )
    result = invoke("import", str(page), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert not CONTROL.search(result.stdout + result.stderr), repr(result.stdout)
    assert "\\x1b]8;;https://evil.example/" in result.stdout and "pwned\\x07" in result.stdout


NAME = "\x1b]0;pwned\x07"


def test_validate_shows_a_hostile_file_name_visibly(invoke: Any, tmp_path: Path) -> None:
    """#13: ``NAME: valid`` with the name's control characters made visible."""
    path = tmp_path / f"{NAME}.json"
    path.write_bytes((Path(__file__).resolve().parents[1] / "data" / "qa.json").read_bytes())
    result = invoke("validate", str(path))
    assert result.exit_code == 0
    assert not CONTROL.search(result.stdout) and "\\x1b]0;pwned\\x07.json: geldig" in result.stdout  # a Dutch file


@pytest.mark.parametrize("command", ["export", "import", "config"])
def test_notes_show_a_hostile_file_name_visibly(invoke: Any, tmp_path: Path, command: str) -> None:
    """#13: "wrote … to NAME" (export, import) and "saved in NAME" (config) never print a name raw."""
    target = tmp_path / f"{NAME}.out"
    env = None
    if command == "export":
        args = ["export", "3", "-o", str(target)]
    elif command == "import":
        page = tmp_path / "faq.html"
        page.write_text("<h2>1. Hoe werkt het?</h2><p>Zo.</p><h2>2. Waarom?</h2><p>Daarom.</p>", encoding="utf-8")
        args = ["import", str(page), "-o", str(target)]
    else:
        args, env = ["config", "lang", "en"], {"ECOQA_CONFIG": str(target)}
    result = invoke(*args, env=env)
    assert result.exit_code == 0, result.stderr
    assert target.exists()
    assert not CONTROL.search(result.stdout + result.stderr), repr(result.stdout + result.stderr)
    assert "\\x1b]0;pwned\\x07" in result.stdout + result.stderr
