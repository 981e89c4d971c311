"""``ecoqa import`` around the importer: where it writes, what it does with sources it cannot read,
and limits of size. Every failure is one line on stderr with its documented exit code, and nothing
is written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "data" / "import"
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0
#: root without the capabilities that skip permission checks, so that a folder mode 555 is read-only to it
UNPRIVILEGED = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"] if ROOT_USER else []
pytestmark = pytest.mark.usefixtures("english")

Invoke = Callable[..., Any]


def one_line_and_nothing_written(result: Any, code: int, folder: Path, before: set[str]) -> str:
    """The one stderr line of a failed run, after checking its exit code and that no file appeared."""
    assert result.exit_code == code, result.stderr
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert {p.name for p in folder.iterdir()} == before
    return str(result.stderr)


# ---------------------------------------------------------------------------- where the output goes


@pytest.mark.parametrize("spelling", ["out.json/", "out.json/.", "sub/out.json/"])
@pytest.mark.parametrize("command", ["import", "export"])
def test_an_output_name_ending_in_a_slash_names_a_folder_and_is_refused(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str, command: str
) -> None:
    """``-o out.json/`` wrote the file out.json (a Path drops the slash): the slash names a folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "faq.html").write_bytes((SAMPLES / "faq_jsonld.html").read_bytes())
    before = {p.name for p in tmp_path.iterdir()}
    args = ["import", "faq.html"] if command == "import" else ["export", "-f", "json"]
    result = invoke(*args, "-o", spelling)
    line = one_line_and_nothing_written(result, 2, tmp_path, before)
    assert line == f"ecoqa: {spelling} names a folder; give a file name.\n"
    assert list((tmp_path / "sub").iterdir()) == []


@pytest.mark.parametrize("command", ["import", "export"])
def test_an_empty_output_name_is_refused(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "faq.html").write_bytes((SAMPLES / "faq_jsonld.html").read_bytes())
    args = ["import", "faq.html"] if command == "import" else ["export"]
    result = invoke(*args, "-o", "")
    line = one_line_and_nothing_written(result, 2, tmp_path, {"faq.html"})
    assert line == "ecoqa: -o needs a file name ('-' for stdout).\n"


@pytest.mark.parametrize(
    ("target", "reason"),
    [("nope/out.json", "No such file or directory"), ("faq.html/out.json", "Not a directory")],
)
def test_an_output_folder_that_cannot_hold_the_file_is_said_before_any_source_is_read(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, reason: str
) -> None:
    """Exit 74 at once: a long import does not end in it, and a source that cannot be read is not
    what the user hears first (it was: exit 3 for the source, and after fixing it, 74)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "faq.html").write_bytes((SAMPLES / "faq_jsonld.html").read_bytes())
    result = invoke("import", "faq.html", "missing.md", "-o", target)
    line = one_line_and_nothing_written(result, 74, tmp_path, {"faq.html"})
    assert line == f"ecoqa: cannot write {target}: {reason}.\n"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_an_output_folder_without_write_permission_is_exit_74_and_nothing_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    source = tmp_path / "faq.html"
    source.write_bytes((SAMPLES / "faq_jsonld.html").read_bytes())
    folder.chmod(0o555)
    try:
        result = subprocess.run(
            [*UNPRIVILEGED, sys.executable, "-m", "ecoqa", "import", str(source), "-o", str(folder / "out.json")],
            capture_output=True, text=True, timeout=120, env={**os.environ, "ECOQA_LANG": "en"},
        )  # fmt: skip
    finally:
        folder.chmod(0o755)
    assert (result.returncode, result.stdout) == (74, "")
    assert result.stderr == f"ecoqa: cannot write {folder / 'out.json'}: Permission denied.\n"
    assert list(folder.iterdir()) == []


# ---------------------------------------------------------------------------- several sources


def test_every_source_that_cannot_be_read_is_named_in_one_line(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All of them at once (only the first was named: a user fixed it, ran again, met the next)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "faq.html").write_bytes((SAMPLES / "faq_jsonld.html").read_bytes())
    (tmp_path / "folder").mkdir()
    (tmp_path / "empty.md").write_text("")
    before = {p.name for p in tmp_path.iterdir()}
    result = invoke("import", "faq.html", "missing.md", "folder", "empty.md", "-o", "out.json")
    line = one_line_and_nothing_written(result, 3, tmp_path, before)
    assert line == (
        "ecoqa: cannot read missing.md: No such file or directory; folder, empty.md cannot be read either; "
        "pass --skip-unreadable to import the others.\n"
    )


def test_skip_unreadable_with_no_readable_source_says_why_each_cannot_be_read(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It said only "none of the 2 sources could be read", and for one source "none of the 1 sources"."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    before = {p.name for p in tmp_path.iterdir()}
    both = invoke("import", "missing.md", "folder", "-o", "out.json", "--skip-unreadable")
    assert one_line_and_nothing_written(both, 3, tmp_path, before) == (
        "ecoqa: none of the 2 sources could be read: cannot read missing.md: No such file or directory; "
        "folder cannot be read either; nothing written.\n"
    )
    one = invoke("import", "folder", "-o", "out.json", "--skip-unreadable")
    assert one_line_and_nothing_written(one, 3, tmp_path, before) == (
        "ecoqa: folder: is a directory; give the files in it.\n"
    )


def test_skip_unreadable_imports_the_readable_and_warns_of_each_other(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "faq.html").write_bytes((SAMPLES / "faq_jsonld.html").read_bytes())
    (tmp_path / "folder").mkdir()
    result = invoke("import", "missing.md", "faq.html", "folder", "-o", "out.json", "--skip-unreadable")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[:2] == [
        "ecoqa: warning: skipped: cannot read missing.md: No such file or directory.",
        "ecoqa: warning: skipped: folder: is a directory; give the files in it.",
    ]
    assert len(json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["questions"]) == 3


# ---------------------------------------------------------------------------- sizes and damage


def test_a_spreadsheet_cell_longer_than_the_csv_modules_limit_is_read_whole(invoke: Invoke, tmp_path: Path) -> None:
    """A 200,000-character answer (Python's csv refuses cells over 131,072 by default: the whole
    table was refused as 'unreadable as CSV')."""
    long_answer = "Lees dit. " * 20_000
    table = tmp_path / "faq.csv"
    table.write_text(f'vraag,antwoord\nHoe lang mag het zijn?,"{long_answer}"\nWaarom?,Daarom.\n', encoding="utf-8")
    target = tmp_path / "out.json"
    result = invoke("import", str(table), "-o", str(target))
    assert result.exit_code == 0, result.stderr
    questions = json.loads(target.read_text(encoding="utf-8"))["questions"]
    assert [q["question"] for q in questions] == ["Hoe lang mag het zijn?", "Waarom?"]
    assert questions[0]["answer"] == long_answer.strip()


@pytest.mark.parametrize(
    ("name", "table", "line"),
    [
        ("faq.csv", 'question,answer\n"What?","A tool."\n"Free?","Yes.\nWhere?,Here.\nWho?,Us.\n', 3),
        ("faq.tsv", 'vraag\tantwoord\nWat?\tEen tool.\nGratis?\t"Ja.\nWaar?\tHier.\n', 3),
        ("sep.csv", 'sep=;\r\nvraag;antwoord\r\nWat?;"Een tool.\r\n\r\nWaar?;Hier.\r\n', 3),
    ],
)
def test_a_quoted_cell_never_closed_is_refused_not_read_as_the_rest_of_the_file(
    invoke: Invoke, tmp_path: Path, name: str, table: str, line: int
) -> None:
    """A missing closing quote made the csv module read the rest of the file into one cell: one
    question whose answer held every later row, and exit 0. Now the line it opens on, exit 3."""
    source = tmp_path / name
    source.write_bytes(table.encode("utf-8"))
    result = invoke("import", str(source), "-o", str(tmp_path / "out.json"))
    said = one_line_and_nothing_written(result, 3, tmp_path, {name})
    assert f"a quoted cell opened on line {line} is never closed" in said, said


def test_a_quote_closed_on_a_later_line_is_one_cell_of_several_lines(invoke: Invoke, tmp_path: Path) -> None:
    """The check above does not refuse a cell that spans lines and is closed."""
    source = tmp_path / "faq.csv"
    source.write_text('question,answer\nWhat?,"A tool.\n\nFree, too."\nWhere?,Here.\n', encoding="utf-8")
    target = tmp_path / "out.json"
    result = invoke("import", str(source), "-o", str(target))
    assert result.exit_code == 0, result.stderr
    questions = json.loads(target.read_text(encoding="utf-8"))["questions"]
    assert [q["question"] for q in questions] == ["What?", "Where?"]


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        ("cut", "a string is never closed; the file ends before its JSON does (is it cut off?)"),
        ("trailing", "Extra data"),
        ("NUL", "a control character inside a string"),
    ],
)
def test_a_damaged_corpus_file_as_source_is_a_json_error_not_junk_questions(
    invoke: Invoke, tmp_path: Path, damage: str, expected: str
) -> None:
    """A corpus file cut off, or with bytes after its end, imported its JSON lines as text: 'wrote 10
    questions', each a line of JSON. Now its line and column, exit 3, nothing written."""
    raw = (ROOT / "data" / "qa.json").read_bytes()
    cut = raw.index(b'"answer"', len(raw) // 2) + len(b'"answer": "xx')
    damaged = {"cut": raw[:cut], "trailing": raw + b"\n# notes\n", "NUL": raw[:cut] + b"\x00" + raw[cut:]}[damage]
    source = tmp_path / "corpus.json"
    source.write_bytes(damaged)
    result = invoke("import", str(source), "-o", str(tmp_path / "out.json"))
    line = one_line_and_nothing_written(result, 3, tmp_path, {"corpus.json"})
    assert line.startswith(f"ecoqa: {source}:") and expected in line, line
