"""What ``show`` and ``info`` say of where an imported corpus comes from: its one source named
once, each source of a merged corpus named with its questions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Invoke = Callable[..., Any]

pytestmark = pytest.mark.usefixtures("english")


def imported(invoke: Invoke, tmp_path: Path, *documents: tuple[str, str]) -> Path:
    """A corpus imported from *documents* (file name, text)."""
    for name, text in documents:
        (tmp_path / name).write_text(text, encoding="utf-8")
    target = tmp_path / "corpus.json"
    result = invoke("import", *(str(tmp_path / name) for name, _ in documents), "-o", str(target))
    assert result.exit_code == 0, result.stderr
    return target


FREE = ("faq.md", "# FAQ\n\n## Is it free?\n\nYes, always.\n\n## Who made it?\n\nA small team.\n")
OPEN = ("more.md", "# More\n\n## Is it open source?\n\nYes, MIT.\n\n## Where is the code?\n\nOn GitHub.\n")


def test_a_corpus_of_one_source_names_it_once(invoke: Invoke, tmp_path: Path) -> None:
    """Before, the question's facts said 'Source faq.md' and the closing line 'Source FAQ'."""
    corpus = imported(invoke, tmp_path, FREE)
    shown = invoke("--data", str(corpus), "show", "1", env={"COLUMNS": "100"}).stdout
    assert [line for line in shown.splitlines() if "Source" in line] == ["Source  FAQ, faq.md"]
    assert shown.count("faq.md") == 1


def test_a_merged_corpus_names_each_questions_source_with_it(invoke: Invoke, tmp_path: Path) -> None:
    corpus = imported(invoke, tmp_path, FREE, OPEN)
    first = invoke("--data", str(corpus), "show", "1", env={"COLUMNS": "100"}).stdout
    third = invoke("--data", str(corpus), "show", "3", env={"COLUMNS": "100"}).stdout
    assert "faq.md" in first and "more.md" not in first
    assert "more.md" in third and "faq.md" not in third


def test_info_says_the_corpus_language(invoke: Invoke, tmp_path: Path) -> None:
    """As the code --lang takes; before, neither the rows nor the panel said it."""
    from io import StringIO

    from rich.console import Console

    from ecoqa.corpus import load_corpus
    from ecoqa.overview import info_view

    corpus = imported(invoke, tmp_path, FREE)
    rows = invoke("--data", str(corpus), "info").stdout.splitlines()
    assert "language\ten" in rows
    console = Console(file=StringIO(), width=80)
    console.print(info_view(load_corpus(corpus), "en"))
    panel = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    label = next(n for n, line in enumerate(panel) if line.strip("│ ") == "language")
    assert panel[label + 1].strip("│ ") == "en"


def test_the_record_of_an_import_names_only_fields_the_corpus_has(invoke: Invoke, tmp_path: Path) -> None:
    """A merged import of two English FAQs has no speakers and no glossary: its provenance lists
    neither (before, it listed speakers[].name and speakers[].role as copied word for word)."""
    import json

    document = json.loads(imported(invoke, tmp_path, FREE, OPEN).read_text(encoding="utf-8"))
    assert "speakers" not in document and "glossary" not in document
    listed = " ".join(document["provenance"]["verbatim"] + document["provenance"]["derived"])
    assert "speakers[]" not in listed and "glossary" not in listed
