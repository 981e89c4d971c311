"""Fix the terminal for every test and offer a CLI runner and small corpora."""

from __future__ import annotations

import atexit
import functools
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

os.environ.update({"COLUMNS": "100", "LINES": "40", "TERM": "dumb", "_TYPER_FORCE_DISABLE_TERMINAL": "1"})
# The developer's own settings never reach a test, and no test writes where the developer keeps
# things: every ECOQA_* variable (``ECOQA_LANG``, ``ECOQA_DEBUG``, ``ECOQA_CACHE_MB``, ...) and the
# colour and pager variables are unset; the config file is one that does not exist; indexes of
# large test corpora go to a temporary cache; HOME and the XDG folders are temporary ones too.
_CACHE = tempfile.mkdtemp(prefix="ecoqa-test-cache-")
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
_TEST_KNOBS = ("ECOQA_PROPERTY_EXAMPLES",)  # how hard the tests try, not a setting of ecoqa
for name in [n for n in os.environ if n.startswith(("ECOQA_", "_ECOQA_")) and n not in _TEST_KNOBS] + [
    "FORCE_COLOR",
    "NO_COLOR",
    "GITHUB_ACTIONS",
    "PY_COLORS",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "CLICOLOR_FORCE",
    "PAGER",
    "LESS",
]:
    os.environ.pop(name, None)
os.environ["ECOQA_CACHE_DIR"] = _CACHE
os.environ["ECOQA_CONFIG"] = os.path.join(_CACHE, "no-config", "config")
os.environ["HOME"] = os.path.join(_CACHE, "home")
for name, folder in (("XDG_CONFIG_HOME", ".config"), ("XDG_CACHE_HOME", ".cache"), ("XDG_DATA_HOME", ".local/share")):
    os.environ[name] = os.path.join(_CACHE, "home", folder)
os.makedirs(os.environ["HOME"])
# Hypothesis keeps its files (example database, Unicode tables) in the temporary folder, not in the checkout.
from hypothesis import configuration as _hypothesis  # noqa: E402

_hypothesis.set_hypothesis_home_dir(os.path.join(_CACHE, "hypothesis"))

# Typer's test runner turns the app into a Click command on every invoke, a third of what a short
# command costs in a test; the app does not change during a run, so it is turned into one once.
# ecoqa's app becomes the group the console script runs (``click_app``: commands made when used).
import typer.main  # noqa: E402
import typer.testing  # noqa: E402

from ecoqa.cli.options import app as _ecoqa_app  # noqa: E402
from ecoqa.cli.options import click_app as _click_app  # noqa: E402


@functools.cache
def _command_of(typer_app: typer.Typer) -> object:
    return _click_app() if typer_app is _ecoqa_app else typer.main.get_command(typer_app)


typer.testing._get_command = _command_of  # type: ignore[attr-defined]

ROOT = Path(__file__).resolve().parents[1]
QA_JSON = ROOT / "data" / "qa.json"

HOSTILE_TEXT = "Wat is [inaudible] en [/] en [bold]vet[/bold] :warning: \x1b[31mrood\x1b[0m?"


#: Devices of the system that a test run as root could replace by writing "onto" them (#31: an
#: export with ``-o /dev/null --force`` once made it a regular file); tests use private nodes.
SYSTEM_DEVICES = (Path("/dev/null"), Path("/dev/zero"), Path("/dev/full"))


def not_a_character_device(path: Path) -> str | None:
    """What is wrong with *path* as a character device (None: it is one)."""
    try:
        mode = path.lstat().st_mode
    except OSError as error:
        return f"{path}: {error.strerror}"
    return None if stat.S_ISCHR(mode) else f"{path} is no longer a character device (mode {oct(mode)})"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """After the whole suite (also with -x or after failures): the system's devices are still
    devices, or the run fails."""
    if os.name != "posix":
        return
    problems = [p for p in map(not_a_character_device, SYSTEM_DEVICES) if p is not None]
    if problems:
        session.config.get_terminal_writer().line("\n" + "\n".join(problems), red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each test starts without colour or language settings and with a config file of its own."""
    for name in (
        "FORCE_COLOR",
        "NO_COLOR",
        "ECOQA_DATA",
        "GITHUB_ACTIONS",
        "TTY_COMPATIBLE",
        "ECOQA_LANG",
        "ECOQA_COLOR",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ECOQA_CONFIG", str(tmp_path / "ecoqa-config"))


@pytest.fixture
def runner() -> Any:
    from typer.testing import CliRunner

    return CliRunner()


def no_internal_error(result: Any) -> Any:
    """Every CLI run in the tests: a bug of ecoqa's (exit 70, "internal error") fails the test."""
    assert result.exit_code != 70, result.stderr
    assert "internal error" not in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    return result


@pytest.fixture
def invoke(runner: Any) -> Callable[..., Any]:
    """Run ecoqa with arguments; stdout and stderr stay apart; an internal error fails the test."""
    from ecoqa.cli import app

    def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Any:
        return no_internal_error(runner.invoke(app, list(args), env=env, input=input))

    return run


def write_corpus(path: Path, questions: list[dict[str, Any]], **extra: Any) -> Path:
    path.write_text(json.dumps({"schema_version": 1, **extra, "questions": questions}), encoding="utf-8")
    return path


@pytest.fixture
def corpus_file() -> Callable[..., Path]:
    """``corpus_file(path, questions, **sections)`` writes a corpus and returns its path."""
    return write_corpus


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    """Three entries with markup, emoji codes and an escape character in their text."""
    return write_corpus(
        tmp_path / "tiny.json",
        [
            {
                "id": 1,
                "question": HOSTILE_TEXT,
                "answer": "Antwoord met [/] en list[int] en :thumbs_up: 10:30:00.",
                "topics": ["[mkb|zzp]"],
            },
            {
                "id": 2,
                "question": "Hoe werkt financiering?",
                "answer": "Financiering komt van fondsen.\n\n- een\n- twee",
            },
            {
                "id": 3,
                "question": "Wie is de burger?",
                "answer": "De burger doet mee. \x1b]8;;http://evil\x07klik\x1b]8;;\x07",
            },
        ],
    )


@pytest.fixture
def qa() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(QA_JSON.read_text(encoding="utf-8"))
    return data
