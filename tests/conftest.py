"""Fix the terminal for every test and offer a CLI runner and small corpora."""

from __future__ import annotations

import ast
import atexit
import contextlib
import functools
import inspect
import json
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
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
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """An English interface (ECOQA_LANG=en), for tests about what a message says rather than its
    language (the bundled corpus is Dutch, and ecoqa speaks a corpus's own language by default)."""
    monkeypatch.setenv("ECOQA_LANG", "en")


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
    """Run ecoqa with arguments; stdout and stderr stay apart; an internal error fails the test.
    Each run starts as a new process would: what ecoqa keeps for the one command of a process
    (the config file it read, the warnings it gave) is forgotten first."""
    from ecoqa import config
    from ecoqa.cli import app, exits

    def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Any:
        config._read.cache_clear()
        exits._warned.clear()  # the warnings given by the last run
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


# ------------------------------------------------------------------ the process/signal/timer tests
# A test that starts processes, sends or handles signals, or waits on timers, threads, FIFOs or
# sockets is the kind that can fail under load; such tests carry the ``process`` marker, given here
# by a rule rather than by hand, so ``pytest -m process`` (and ``benchmarks/flake_loop.py``, which
# repeats them with the other core busy) selects every one, including tests written later. The rule:
# the test function, a fixture it uses or a function of the test suite that either of them names
# (followed through the suite's own helpers) refers to one of these modules or functions.
PROCESS_MODULES = frozenset({"subprocess", "signal", "threading", "_thread", "socket", "pty", "multiprocessing"})
_OS_PROCESS_FUNCTIONS = frozenset({"fork", "forkpty", "kill", "killpg", "mkfifo", "mknod", "posix_spawn", "system"})
PROCESS_FUNCTIONS = {"os": _OS_PROCESS_FUNCTIONS, "posix": _OS_PROCESS_FUNCTIONS, "time": frozenset({"sleep"})}
TESTS = Path(__file__).resolve().parent


@functools.cache
def _function_nodes(filename: str) -> dict[int, ast.FunctionDef | ast.AsyncFunctionDef]:
    """Every function of a file by the line its code object starts on (its first decorator's)."""
    tree = ast.parse(Path(filename).read_text(encoding="utf-8"))
    return {
        min([node.lineno, *(d.lineno for d in node.decorator_list)]): node
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    }


def _suite_function(value: object) -> Any:
    """*value* unwrapped if it is a function written in the test suite, else None."""
    if not callable(value):
        return None
    function = inspect.unwrap(value)  # type: ignore[arg-type]
    code = getattr(function, "__code__", None)
    return function if code is not None and Path(code.co_filename).parent == TESTS else None


def _is_process_thing(value: object, attribute: str | None = None) -> bool:
    """A module of PROCESS_MODULES or anything of one, or one of PROCESS_FUNCTIONS (as
    ``module.attribute``, or imported by name: ``from time import sleep``)."""
    if inspect.ismodule(value):
        module, name = value.__name__, attribute
    else:
        module, name = getattr(value, "__module__", None), getattr(value, "__name__", None)
    return module in PROCESS_MODULES or name in PROCESS_FUNCTIONS.get(module or "", ())


def _uses_processes(function: Any, seen: set[Any]) -> bool:
    """Whether *function*, or a suite function it names, refers to a process module or function."""
    if function in seen:
        return False
    seen.add(function)
    node = _function_nodes(function.__code__.co_filename).get(function.__code__.co_firstlineno)
    if node is None:
        return False
    scope = function.__globals__
    for child in ast.walk(node):
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            modules = [child.module or ""] if isinstance(child, ast.ImportFrom) else [a.name for a in child.names]
            if any(module.partition(".")[0] in PROCESS_MODULES for module in modules):
                return True
        elif isinstance(child, ast.Attribute) and isinstance(child.value, ast.Name):
            if _is_process_thing(scope.get(child.value.id), child.attr):
                return True
        elif isinstance(child, ast.Name) and child.id in scope:
            value = scope[child.id]
            if not inspect.ismodule(value) and _is_process_thing(value):  # a module: by its attributes above
                return True
            helper = _suite_function(value)
            if helper is not None and _uses_processes(helper, seen):
                return True
    return False


def starts_processes(item: pytest.Item) -> bool:
    """Whether the test, or a fixture of the suite it uses, starts processes, signals or timers."""
    if not isinstance(item, pytest.Function):
        return False
    fixtures = [definitions[-1].func for definitions in item._fixtureinfo.name2fixturedefs.values() if definitions]
    return _any_uses_processes(tuple(filter(None, map(_suite_function, [item.function, *fixtures]))))


@functools.cache
def _any_uses_processes(functions: tuple[Any, ...]) -> bool:
    """Once for all the cases of a parametrised test."""
    seen: set[Any] = set()
    return any(_uses_processes(function, seen) for function in functions)


_collected: list[pytest.Item] = []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Runs before ``-k`` and ``-m`` select, so ``-m process`` sees the marker."""
    _collected[:] = items
    for item in items:
        if starts_processes(item):
            item.add_marker(pytest.mark.process)


@pytest.fixture
def collected_tests() -> list[pytest.Item]:
    """Every test collected in this run, before ``-k`` or ``-m`` left some out."""
    return _collected


# What the rule above must not miss is also watched while each test runs: a test without the
# marker that starts a process, sends a signal or opens a socket fails, naming what it did, so the
# rule cannot quietly fall behind the tests (threads, sleeps and FIFOs raise no audit event).
WATCHED_EVENTS = frozenset(
    {"subprocess.Popen", "os.fork", "os.forkpty", "os.posix_spawn", "os.spawn", "os.system", "os.exec"}
    | {"os.kill", "os.killpg", "pty.spawn", "socket.bind", "socket.connect"}
)
_unmarked_events: list[str] | None = None  # a list while a test without the marker runs


def _watch(event: str, arguments: tuple[Any, ...]) -> None:
    if _unmarked_events is not None and event in WATCHED_EVENTS:
        if event in ("os.kill", "os.killpg") and arguments[1] == 0:
            return  # signal 0 only asks whether a process is alive (ecoqa's sweeping does)
        _unmarked_events.append(event)


sys.addaudithook(_watch)


@contextlib.contextmanager
def _watching(item: pytest.Item) -> Iterator[None]:
    global _unmarked_events
    _unmarked_events = None if item.get_closest_marker("process") else []
    try:
        yield
    finally:
        seen, _unmarked_events = _unmarked_events, None
    if seen:
        pytest.fail(
            f"{item.nodeid} did {', '.join(sorted(set(seen)))} but has no 'process' marker: "
            "extend the rule in tests/conftest.py (starts_processes) so that it finds this test",
            pytrace=False,
        )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    """Fixtures a test sets up are watched too (finalizers are not: a module's last test may run them)."""
    with _watching(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    with _watching(item):
        return (yield)
