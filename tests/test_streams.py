"""ecoqa as a subprocess where the process is what is tested: real pipes (closed early, their
encodings), completion as a shell starts it, tracebacks; colour environments in-process."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ESC = "\x1b"
#: An SGR sequence that sets a foreground colour (30-38, 90-97); NO_COLOR still allows bold and italic.
COLOUR = re.compile(rb"\x1b\[(?:\d+;)*(?:3[0-8]|9[0-7])(?:;\d+)*m")


def env(**extra: str) -> dict[str, str]:
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("FORCE_COLOR", "NO_COLOR", "TERM", "COLUMNS", "ECOQA_DATA", "_TYPER_FORCE_DISABLE_TERMINAL")
    }
    return base | {"COLUMNS": "80"} | extra


def piped(**extra: str) -> dict[str, str | None]:
    """For an in-process run: the environment of a command piped to another (the terminal
    settings the test suite fixes unset), plus *extra*."""
    return {"TERM": None, "_TYPER_FORCE_DISABLE_TERMINAL": None, "COLUMNS": "80"} | extra


def ecoqa(*args: str, cwd: Path | None = None, **extra: str) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run(
        [sys.executable, "-m", "ecoqa", *args], capture_output=True, env=env(**extra), cwd=cwd, timeout=60, check=False
    )
    assert result.returncode != 70 and b"internal error" not in result.stderr, result.stderr
    return result


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.json"
    questions = [
        {"id": i, "question": f"Vraag {i} over financiering?", "answer": "Antwoord over fondsen. " * 20}
        for i in range(1, 4001)
    ]
    path.write_text(json.dumps({"questions": questions}), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--plain"],
        ["list", "--json"],
        ["search", "financiering", "--limit", "1000"],
        ["export"],
        ["show", *map(str, range(1, 200))],
    ],
)
def test_closed_pipe_ends_quietly(big_corpus: Path, args: list[str]) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "ecoqa", *args, "--data", str(big_corpus)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(),
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()
        process.wait(timeout=60)
        stderr = process.stderr.read().decode()
    assert first
    assert stderr == "", stderr
    assert process.returncode == 0  # like ripgrep: a reader that stopped is not a failure


def test_piped_output_has_no_escape_codes() -> None:
    for args in (["show", "10"], ["search", "financing"], ["list"], [], ["info"]):
        result = ecoqa(*args)
        assert result.returncode == 0, result.stderr
        assert ESC.encode() not in result.stdout


@pytest.mark.parametrize(
    ("variables", "args", "coloured"),
    [
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, [], False),
        ({"FORCE_COLOR": "1"}, [], True),
        ({"FORCE_COLOR": "1"}, ["--color", "never"], False),
        ({"NO_COLOR": "1"}, ["--color", "always"], True),
        ({"TERM": "dumb"}, ["--color", "always"], True),
        ({}, [], False),
    ],
)
def test_colour_environment(invoke: Any, variables: dict[str, str], args: list[str], coloured: bool) -> None:
    result = invoke("show", "10", *args, env=piped(**variables))
    assert result.exit_code == 0
    has_colour = COLOUR.search(result.stdout.encode()) is not None
    assert has_colour == coloured


@pytest.mark.parametrize(
    "variables", [{"FORCE_COLOR": "1"}, {"FORCE_COLOR": "0"}, {"NO_COLOR": "1", "TTY_COMPATIBLE": "1"}]
)
def test_json_is_pure_whatever_the_colour_environment(invoke: Any, variables: dict[str, str]) -> None:
    for args in (["search", "financing", "--json"], ["list", "--json"], ["show", "1", "--json"], ["info", "--json"]):
        result = invoke(*args, env=piped(**variables))
        assert ESC not in result.stdout
        json.loads(result.stdout)


NARROW = {"questions": [{"id": 1, "question": "jíj ‘ja’ €5 → ✓ 💡?", "answer": "ĳ … “x”"}]}
NARROW_COMMANDS = (["show", "1"], ["list"], ["search", "jij"], ["list", "--plain"], ["show", "1", "--json"])
EXPORTED = {"questions": [{"id": 1, "question": "Wie betaalt één € 5?", "answer": "ĳ “x” 💡"}]}


def narrow(encoding: str, *args: str) -> Any:
    """ecoqa in-process with standard streams in *encoding*, as ``PYTHONIOENCODING`` or a Windows
    console gives a process (the test below runs one such real process)."""
    from typer.testing import CliRunner

    from ecoqa.cli import app

    return CliRunner(charset=encoding).invoke(app, list(args))


@pytest.mark.parametrize("encoding", ["cp1252", "cp437", "ascii", "latin-1"])
def test_narrow_output_encodings_never_crash(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "e.json"
    path.write_text(json.dumps(NARROW), encoding="utf-8")
    for args in [*([*command, "--data", str(path)] for command in NARROW_COMMANDS), ["show", "12"]]:
        result = narrow(encoding, *args)
        assert result.exit_code == 0, (args, result.stderr, result.exception)
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
@pytest.mark.parametrize("kind", ["md", "html"])
def test_an_exported_document_is_utf8_whatever_the_output_encoding(tmp_path: Path, encoding: str, kind: str) -> None:
    """A Markdown or HTML document piped or redirected is UTF-8 (the page declares it), never
    the locale's encoding with its question marks; the same bytes as an export to a file."""
    path = tmp_path / "e.json"
    path.write_text(json.dumps(EXPORTED))
    result = narrow(encoding, "export", "-f", kind, "--data", str(path))
    assert result.exit_code == 0, result.stderr
    assert "Wie betaalt één € 5?".encode() in result.stdout_bytes and "ĳ “x” 💡".encode() in result.stdout_bytes
    written = tmp_path / f"out.{kind}"
    assert narrow("utf-8", "export", "-f", kind, "--data", str(path), "-o", str(written)).exit_code == 0
    assert result.stdout_bytes == written.read_bytes()


def test_a_real_pipe_in_a_narrow_encoding(tmp_path: Path) -> None:
    """The two tests above in a real process whose ``PYTHONIOENCODING`` makes its pipes ASCII:
    no crash, and a document still goes out as UTF-8, the bytes an export to a file has."""
    path = tmp_path / "e.json"
    path.write_text(json.dumps(NARROW), encoding="utf-8")
    for args in NARROW_COMMANDS[:2]:
        result = ecoqa(*args, "--data", str(path), PYTHONIOENCODING="ascii")
        assert result.returncode == 0, (args, result.stderr)
        assert b"Traceback" not in result.stderr
    path.write_text(json.dumps(EXPORTED))
    written = tmp_path / "out.md"
    assert ecoqa("export", "--data", str(path), "-o", str(written)).returncode == 0
    result = ecoqa("export", "--data", str(path), PYTHONIOENCODING="ascii")
    assert result.returncode == 0, result.stderr
    assert result.stdout == written.read_bytes() and "ĳ “x” 💡".encode() in result.stdout


def test_error_goes_to_stderr_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = ecoqa("list", "--data", str(bad))
    assert result.returncode == 3
    assert result.stdout == b""
    assert result.stderr.decode().count("\n") == 1
    assert b"Traceback" not in result.stderr


def with_a_planted_bug(loader: str, launch: str) -> subprocess.CompletedProcess[bytes]:
    """``ecoqa show 1`` in a fresh Python whose corpus loader is *loader* (its body, which raises),
    started by *launch* (the console script's ``main``, or the Typer app itself)."""
    code = f"import ecoqa.corpus as c\ndef boom(path=None):\n{loader}c.load_corpus = boom\n{launch}\n"
    return subprocess.run(
        [sys.executable, "-c", code, "show", "1", "--lang", "en"], capture_output=True, env=env(), timeout=60,
        check=False,
    )  # fmt: skip


def test_internal_errors_exit_70_with_one_line() -> None:
    result = with_a_planted_bug("    raise RuntimeError('planted bug')\n", "from ecoqa.__main__ import main\nmain()")
    assert result.returncode == 70
    assert result.stdout == b""
    assert result.stderr.decode() == (
        "ecoqa: internal error (RuntimeError: planted bug); set ECOQA_DEBUG=1 for details and please report it.\n"
    )


def test_python_m_uses_the_program_name() -> None:
    result = ecoqa("--help")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("Usage: ecoqa ")


def test_works_from_any_directory(tmp_path: Path) -> None:
    result = ecoqa("search", "financing", "--json", cwd=tmp_path)
    assert json.loads(result.stdout)["results"]


def test_unexpected_errors_do_not_print_locals() -> None:
    loader = "    secret = 'SENTINEL-7f3a'\n    raise RuntimeError('boom')\n"
    result = with_a_planted_bug(loader, "from ecoqa.cli import app\napp(prog_name='ecoqa')")
    assert result.returncode == 70
    assert b"SENTINEL-7f3a" not in result.stderr


def complete(variables: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    """Run ecoqa the way a shell asks it for completions."""
    code = "from ecoqa.cli import app; app(prog_name='ecoqa')"
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, env=env(**variables), timeout=60, check=False
    )


@pytest.mark.parametrize("data", [None, "/nonexistent.json", "/dev/zero"])
@pytest.mark.parametrize("words", ["ecoqa show ", "ecoqa list --topic ", "ecoqa principles "])
def test_completion_never_fails(data: str | None, words: str) -> None:
    variables = {"_ECOQA_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()))}
    if data:
        variables["ECOQA_DATA"] = data
    result = complete(variables)
    assert result.returncode == 0
    assert b"Traceback" not in result.stderr
    if data is None and "show" in words:
        assert b"12" in result.stdout


def test_zsh_completion_offers_questions_as_descriptions() -> None:
    result = complete({"_ECOQA_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "ecoqa show 1"})
    assert result.returncode == 0
    assert "Wat zijn de belangrijkste principes" in result.stdout.decode()


def test_piped_fields_are_never_cut(invoke: Any, corpus_file: Any, tmp_path: Path) -> None:
    """A topic on thousands of questions lists every id when piped (a field was cut at 10,000
    characters, with an ellipsis a script would read as data)."""
    questions = [{"id": n, "question": f"V{n}?", "answer": "a", "topics": ["t"]} for n in range(1, 3001)]
    path = corpus_file(tmp_path / "c.json", questions, topics=[{"id": "t", "label": "T"}])
    result = invoke("topics", "--data", str(path))
    assert result.exit_code == 0, result.stderr
    (line,) = result.stdout.splitlines()
    assert line.split("\t")[2] == ",".join(map(str, range(1, 3001)))


def test_a_table_names_the_first_ids_of_many_and_how_many(invoke: Any, corpus_file: Any, tmp_path: Path) -> None:
    """In a table a topic on thousands of questions shows its first 20 ids and the count, not a
    screenful of numbers per row; the same list piped is complete (above)."""
    questions = [{"id": n, "question": f"V{n}?", "answer": "a", "topics": ["t"]} for n in range(1, 3001)]
    path = corpus_file(tmp_path / "c.json", questions, topics=[{"id": "t", "label": "T"}])
    result = invoke("topics", "--table", "--lang", "en", "--data", str(path), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    shown = ", ".join(map(str, range(1, 21))) + ", … (3000 in all)"
    assert shown in " ".join(result.stdout.replace("│", " ").split())
    few = invoke("topics", "--table", env={"COLUMNS": "200"})  # the bundled corpus: every id shown
    assert few.exit_code == 0 and "in totaal" not in few.stdout


@pytest.mark.parametrize("columns", ["120", "40"])
@pytest.mark.parametrize("command", [["list", "--table"], ["search", "fonds", "--table"]])
def test_long_ids_are_never_cut_in_a_table(
    invoke: Any, corpus_file: Any, tmp_path: Path, command: list[str], columns: str
) -> None:
    """A corpus of 100,000 questions has six-digit ids: a table showed "838…" for 83810 (the id
    column was four or five characters wide, whatever the ids)."""
    questions = [
        {"id": 7, "question": "Wat doet een fonds?", "answer": "Een fonds financiert."},
        {"id": 1234567, "question": "Welk fonds betaalt?", "answer": "Het fonds betaalt."},
    ]
    path = corpus_file(tmp_path / "c.json", questions)
    result = invoke(*command, "--data", str(path), env={"COLUMNS": columns})
    assert result.exit_code == 0, result.stderr
    ids = [line.split()[0] for line in result.stdout.splitlines() if line.strip()[:1].isdigit()]
    assert sorted(ids) == ["1234567", "7"]
    assert "…" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= int(columns)
