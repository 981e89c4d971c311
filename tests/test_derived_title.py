"""A title the corpus marks as derived is shown as derived wherever it is shown (issue #29).

The bundled page gives its webinar no title; "Orchestrating Innovation" is the compilers' name for it,
listed under ``provenance.derived``. The overview, a question's source panel (also the browser's),
``info`` and every export must say so; a corpus whose title is its source's own shows no mark.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from ecoqa.corpus import load_corpus, parse_corpus
from ecoqa.models import Corpus, Provenance
from ecoqa.render import entry_view, source_note

ROOT = Path(__file__).resolve().parents[1]
MARK = {"nl": "titel afgeleid, niet letterlijk van de pagina", "en": "title derived, not verbatim from the page"}


def _flat(text: str) -> str:
    """Terminal text with panel borders and line breaks folded away, so a wrapped mark still reads whole."""
    return " ".join(text.replace("│", " ").replace("╭", " ").replace("╰", " ").split())


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    "args",
    [(), ("show", "1"), ("info",), ("info", "--plain")],
    ids=["overview", "show", "info", "info-plain"],
)
def test_the_bundled_title_is_marked_derived(invoke: Any, args: tuple[str, ...], lang: str) -> None:
    result = invoke(*args, "--lang", lang) if args else invoke(env={"ECOQA_LANG": lang})
    assert result.exit_code == 0, result.stderr
    shown = _flat(result.stdout)
    assert "Orchestrating Innovation" in shown
    assert MARK[lang] in shown
    assert "“Orchestrating Innovation”" not in shown  # not quoted as if it were the webinar's name


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_exported_documents_mark_the_title(invoke: Any, fmt: str) -> None:
    result = invoke("export", "--format", fmt, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    heading = next(line for line in result.stdout.splitlines() if "Orchestrating Innovation" in line)
    assert MARK["en"] in heading


def test_the_browser_source_panel_marks_the_title() -> None:
    corpus = load_corpus()
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(entry_view(corpus.entries[0], corpus, "en", ()), source_note(corpus, "en", corpus.entries[:1]))
    shown = _flat(console.export_text())
    assert f"Orchestrating Innovation ({MARK['en']})" in shown


def test_a_title_from_the_source_is_not_marked(invoke: Any, tmp_path: Path) -> None:
    doc = json.loads((ROOT / "data" / "qa.json").read_text(encoding="utf-8"))
    derived = doc["provenance"]["derived"]
    own_title = ("webinar.title", "collection.title")
    doc["provenance"]["derived"] = [path for path in derived if not path.startswith(own_title)]
    own = tmp_path / "own.json"
    own.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    for args in (("--data", str(own)), ("show", "1", "--data", str(own)), ("info", "--data", str(own))):
        result = invoke(*args, "--lang", "en")
        assert result.exit_code == 0, result.stderr
        assert "Orchestrating Innovation" in result.stdout and MARK["en"] not in _flat(result.stdout), args


@pytest.mark.parametrize(
    ("paths", "derived"),
    [
        (("webinar.title (the page gives none)",), True),
        (("webinar.title_en",), True),
        (("collection.title",), True),
        (("webinar.related[].title",), False),
        (("principles (except the evidence quotes)", "webinar.date"), False),
        ((), False),
    ],
)
def test_which_provenance_paths_make_the_title_derived(paths: tuple[str, ...], derived: bool) -> None:
    corpus = Corpus([], provenance=Provenance(derived=paths))
    assert corpus.title_is_derived() is derived


def test_the_bundled_corpus_lists_its_title_as_derived() -> None:
    corpus = parse_corpus((ROOT / "data" / "qa.json").read_bytes(), "qa.json")
    assert corpus.title_is_derived()
