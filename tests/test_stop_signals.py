"""A kill (SIGTERM) or a hang-up (SIGHUP): ecoqa cleans up, says so in one line on stderr and exits
128 + the signal's number (143, 129), leaving any file it was writing as it was.

The signals are sent at a known moment (while ``import`` reads its source, before ecoqa has loaded
its command line), from inside the process, so that each test is exact under load;
``benchmarks/kill_loop.py`` sends them at random moments from outside.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGTERM/SIGHUP to send here")

#: Runs ecoqa's console script (``ecoqa.__main__.main``) with sys.argv[2:], after arranging that the
#: process signals itself with sys.argv[1] where ``PLANT`` says: "read" once ``import`` has read a
#: source (it then parses it), "load" as ecoqa starts to read its command line, "parse" while Typer
#: parses it (choosing the command).
PLANT = """
import os, signal, sys
number = getattr(signal, sys.argv[1])
where = os.environ["PLANT"]
if where == "read":
    import ecoqa.corpus as corpus
    read = corpus.read_bounded
    def read_then_signalled(*args, **kwargs):
        data = read(*args, **kwargs)
        os.kill(os.getpid(), number)
        return data
    corpus.read_bounded = read_then_signalled
elif where == "load":
    import ecoqa.cli
    def signalled(argv=None):
        os.kill(os.getpid(), number)
        raise AssertionError("the signal did not stop ecoqa")
    ecoqa.cli.run = signalled
elif where == "parse":
    from ecoqa.cli.options import EcoqaGroup
    resolve = EcoqaGroup.resolve_command
    def resolve_signalled(self, ctx, args):
        os.kill(os.getpid(), number)
        return resolve(self, ctx, args)
    EcoqaGroup.resolve_command = resolve_signalled
from ecoqa.__main__ import main
sys.argv = ["ecoqa", *sys.argv[2:]]
main()
"""


def page(entries: int) -> str:
    """An FAQ page of *entries* numbered questions."""
    parts = ["<html><head><title>FAQ</title></head><body>"]
    for n in range(1, entries + 1):
        parts.append(f"<h2>{n}. How does question {n} get its answer?</h2><p>It is answer {n}, plainly.</p>")
    return "".join(parts) + "</body></html>\n"


def as_a_terminal_starts_it() -> None:
    """In the child: SIGTERM and SIGHUP as a shell leaves them, whatever this test run inherited
    (started under nohup, it ignores SIGHUP, and ecoqa would rightly keep ignoring it)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


def signalled(
    folder: Path, name: str, where: str, *args: str, preexec: Callable[[], None] = as_a_terminal_starts_it
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ECOQA_")}
    env |= {"PLANT": where, "ECOQA_CONFIG": str(folder / "no-config"), "ECOQA_CACHE_DIR": str(folder / "cache")}
    return subprocess.run(
        [sys.executable, "-c", PLANT, name, *args], cwd=folder, env=env, capture_output=True, text=True,
        timeout=120, check=False, preexec_fn=preexec,
    )  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder holding a page to import and an earlier corpus that an import would replace."""
    (tmp_path / "faq.html").write_text(page(300), encoding="utf-8")
    (tmp_path / "out.json").write_text("the earlier corpus\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGHUP", 129)])
def test_a_kill_while_import_reads_writes_nothing_and_says_so(folder: Path, name: str, code: int) -> None:
    """Before, the process ended by the signal itself (-15: no line, the shell's 143 unexplained)."""
    result = signalled(folder, name, "read", "import", "faq.html", "-o", "out.json", "--force")
    assert (result.returncode, result.stderr, result.stdout) == (code, f"ecoqa: stopped by {name}.\n", "")
    assert (folder / "out.json").read_text(encoding="utf-8") == "the earlier corpus\n"
    assert sorted(p.name for p in folder.iterdir()) == ["faq.html", "out.json"]  # no temporary file


@pytest.mark.parametrize("where", ["load", "parse"])
def test_a_kill_before_the_command_runs_is_said_too(folder: Path, where: str) -> None:
    """Outside any command (ecoqa loading, Typer parsing the command line): the same line and code
    (Typer's main ended a kill there as a silent 130)."""
    result = signalled(folder, "SIGTERM", where, "--lang", "en", "import", "faq.html", "-o", "out.json", "--force")
    assert (result.returncode, result.stderr) == (143, "ecoqa: stopped by SIGTERM.\n")
    assert (folder / "out.json").read_text(encoding="utf-8") == "the earlier corpus\n"


def test_a_hang_up_ignored_at_start_stays_ignored(folder: Path) -> None:
    """``nohup ecoqa import ...``: the terminal closing does not stop the import."""
    result = signalled(
        folder, "SIGHUP", "read", "import", "faq.html", "-o", "out.json", "--force",
        preexec=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert '"questions"' in (folder / "out.json").read_text(encoding="utf-8")


class _TestStopped(Exception):
    """What SIGTERM raises in this test process if ecoqa sets no handler of its own (the test fails
    instead of the test run ending)."""


def test_a_kill_in_a_command_run_in_process_is_said_in_its_language(
    invoke: Any, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A command run in-process (CliRunner, ``ecoqa.cli.run``) answers a kill the same way, in the
    command's language."""
    import ecoqa.corpus as corpus

    read = corpus.read_bounded

    def read_then_signalled(*args: Any, **kwargs: Any) -> bytes:
        data = read(*args, **kwargs)
        signal.raise_signal(signal.SIGTERM)
        return data

    def fail(number: int, frame: object) -> None:
        raise _TestStopped

    monkeypatch.setattr(corpus, "read_bounded", read_then_signalled)
    monkeypatch.chdir(folder)
    previous = signal.signal(signal.SIGTERM, fail)
    try:
        result = invoke("--lang", "nl", "import", "faq.html", "-o", "out.json", "--force")
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert (result.exit_code, result.stderr) == (143, "ecoqa: gestopt door SIGTERM.\n")
    assert (folder / "out.json").read_text(encoding="utf-8") == "the earlier corpus\n"
    assert signal.getsignal(signal.SIGTERM) is previous  # the command put the handler back
