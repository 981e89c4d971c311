"""``ecoqa import`` on spreadsheets as people make them: column names per language, Excel's
separator line, rows that continue the one above, column options where there is no table."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ecoqa.importing.sources import Options, read_source
from ecoqa.importing.table import Choice

Invoke = Callable[..., Any]

SUFFIXED = (
    "id,category,question_en,question_ur,question_ur_variants,answer,keywords\n"
    "1,General,What is SafeX?,SafeX kya hai?,SafeX kis cheez ki company hai?; Dar asal kya hai?,"
    '"SafeX is a technology company, working in more than 15 countries.",\n'
    "2,Contact,How can I contact you?,Main aap se kaise contact karoon?,Rabta kaise karain?,"
    '"By email, phone or the contact form on the website.",email; phone\n'
)


def pairs_of(source: Path, choice: Choice | None = None) -> list[tuple[str, str]]:
    return [(p.question, p.answer) for p in read_source(source, Options(choice or Choice(), None)).found.pairs]


def test_one_question_column_per_language_and_one_answer_column(tmp_path: Path) -> None:
    """``question_en``, ``question_ur`` and one ``answer`` column: the questions are the first
    language's (or ``--lang``'s), not the longest other column (``question_ur_variants``)."""
    source = tmp_path / "faqs.csv"
    source.write_text(SUFFIXED, encoding="utf-8")
    assert [q for q, _ in pairs_of(source)] == ["What is SafeX?", "How can I contact you?"]
    urdu = ["SafeX kya hai?", "Main aap se kaise contact karoon?"]
    assert [q for q, _ in pairs_of(source, Choice(lang="ur"))] == urdu
    assert pairs_of(source)[1][1] == "By email, phone or the contact form on the website."


def test_lang_takes_any_language_code_and_records_it(invoke: Invoke, tmp_path: Path) -> None:
    """``--lang de`` chooses the ``frage_de``-style columns of any language and is the corpus's language."""
    source = tmp_path / "faq.csv"
    source.write_text(
        "id;question_en;question_de;answer_en;answer_de\n"
        "1;Is it free?;Ist es kostenlos?;Yes, always.;Ja, immer.\n"
        "2;Who made it?;Wer hat es gemacht?;We did.;Wir.\n",
        encoding="utf-8",
    )
    result = invoke("import", str(source), "-o", "-", "--lang", "DE")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["collection"]["language"] == "de"
    assert [q["question"] for q in document["questions"]] == ["Ist es kostenlos?", "Wer hat es gemacht?"]
    assert "read the 'de' ones" in result.stderr


def test_lang_that_is_not_a_language_code_is_a_usage_error(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "faq.csv"
    source.write_text("question,answer\nIs it free?,Yes.\n", encoding="utf-8")
    result = invoke("import", str(source), "--dry-run", "--lang", "german please")
    assert result.exit_code == 2
    assert result.stderr == "ecoqa: --lang takes a language code such as nl, en or de, not 'german please'.\n"


def test_a_column_option_without_a_table_is_said_not_ignored(invoke: Invoke, tmp_path: Path) -> None:
    """``--question-column 99`` for a Markdown FAQ: one line on stderr, exit 2, nothing written."""
    source = tmp_path / "faq.md"
    source.write_text("# FAQ\n\n## How do I start?\n\nRun it.\n\n## Is it free?\n\nYes.\n", encoding="utf-8")
    target = tmp_path / "out.json"
    result = invoke("import", str(source), "-o", str(target), "--question-column", "99")
    assert result.exit_code == 2
    assert result.stderr == (
        f"ecoqa: --question-column names a column of a CSV/TSV table, and no source is one "
        f"({source}: Markdown document).\n"
    )
    assert not target.exists()


def test_a_column_option_reads_a_delimited_file_as_a_table(tmp_path: Path) -> None:
    """A file of topics and texts under unknown column names is not recognised as a table by
    itself (no cell asks), but naming its columns says it is one."""
    source = tmp_path / "faq.txt"
    source.write_text(
        "Rubriek\tTekst\nOpening hours\tEvery day from nine to five.\nPrices\tTen euros a day.\n", encoding="utf-8"
    )
    assert pairs_of(source, Choice(question="1", answer="2")) == [
        ("Opening hours", "Every day from nine to five."),
        ("Prices", "Ten euros a day."),
    ]


def test_skipped_rows_are_named_by_their_line_in_the_file(invoke: Invoke, tmp_path: Path) -> None:
    """Excel's ``sep=;`` line, blank lines and a cell over two lines all count: the numbers are
    the lines a text editor shows."""
    source = tmp_path / "vragen.csv"
    source.write_bytes(
        b"sep=;\r\nVraag;Antwoord\r\nHoe installeer ik het?;Start het programma.\r\n\r\n"
        b'Werkt het offline?;\r\nKan het?;"Ja,\r\nzeker."\r\nWaarom?;\r\n'
    )
    result = invoke("import", str(source), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert f"{source}: line 5: no answer; skipped" in result.stderr
    assert f"{source}: line 8: no answer; skipped" in result.stderr


def test_a_row_whose_question_cell_is_only_a_number_continues_the_answer_above(tmp_path: Path) -> None:
    """An export of merged cells leaves a step or page number in the question column of the row
    that carries on the answer above: it is more of that answer, not a question "5"."""
    source = tmp_path / "fac.csv"
    source.write_text(
        "ID;Onderwerp;Antwoord\n"
        "7;Hoe maak ik een ticket aan?;1. Open het menu.\n"
        "8;5;6. Vul de toelichting in.\n"
        "9;Waar vind ik mijn tickets?;Onder Overzicht.\n",
        encoding="utf-8",
    )
    assert pairs_of(source) == [
        ("Hoe maak ik een ticket aan?", "1. Open het menu.\n\n6. Vul de toelichting in."),
        ("Waar vind ik mijn tickets?", "Onder Overzicht."),
    ]
