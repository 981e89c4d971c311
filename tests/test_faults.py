"""Faults a user's machine can throw at ecoqa (the reliability reviews' cases).

Kills and interrupts during an index build or export, concurrent builds, damaged, truncated,
read-only and directory-shaped index files, full disks, closed and full output streams, special
files as outputs and inputs, and export onto its own corpus. Where the process is what is tested
(signals, full disks through ``RLIMIT_FSIZE`` in the child, closed or full streams, concurrent
processes, reads that could hang or never end) ecoqa runs as a real process (``ecoqa``,
``run_in``); answers, files and messages are checked in-process (``here``), which costs a tenth
of a process's start. Each test names the defect it guards as the project's
reliability reviews number them (kept with the project's reviews, not in this repository): W = wrong
result or data loss, C = crash, L = leak, H = hang, U = unclear message; "review 2: #N" is a
numbered defect of the second review.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import random
import re
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ecoqa.errors import Stopped

ROOT = Path(__file__).resolve().parents[1]
WORDS = (
    "financiering fonds innovatie ecosysteem regio kennis burger overheid consortium samenwerking "
    "opschaling mkb wetenschap transitie energie zorg geld leiderschap vertrouwen waarde"
).split()


pytestmark = pytest.mark.usefixtures("english")  # these tests read what messages say


def make_corpus(path: Path, count: int, seed: int = 1, *, declared: bool = False) -> Path:
    """A user corpus of *count* entries whose topics are used but (by default) not declared."""
    rng = random.Random(seed)
    questions = [
        {
            "id": i,
            "question": " ".join(rng.choice(WORDS) for _ in range(8)) + "?",
            "answer": " ".join(rng.choice(WORDS) for _ in range(40)) + ".",
            "topics": [rng.choice(["geld", "kennis", "regio", "zorg"])],
        }
        for i in range(1, count + 1)
    ]
    doc: dict[str, Any] = {"questions": questions}
    if declared:
        doc["topics"] = [{"id": t} for t in ("geld", "kennis", "regio", "zorg")]
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Large enough (over 256 KB) to go through the persistent index."""
    path = make_corpus(tmp_path_factory.mktemp("faults") / "big.json", 1500)
    assert path.stat().st_size > 256 * 1024
    return path


def environment(cache: Path | None = None, **extra: str) -> dict[str, str]:
    dropped = ("FORCE_COLOR", "NO_COLOR", "ECOQA_DATA", "TERM", "PYTHONUNBUFFERED")  # buffered, as users run it
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update({"COLUMNS": "80", "ECOQA_CONFIG": os.devnull + ".none"})
    if cache is not None:
        env["ECOQA_CACHE_DIR"] = str(cache)
    return env | extra


def ecoqa(
    *args: str,
    cache: Path | None = None,
    preexec: Callable[[], None] | None = None,
    timeout: float = 120,
    **extra: str,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ecoqa", *args],
        capture_output=True,
        text=True,
        env=environment(cache, **extra),
        preexec_fn=preexec,
        timeout=timeout,
        check=False,
    )


def here(invoke: Any, *args: str, cache: Path | None = None, **extra: str) -> Any:
    """ecoqa run in this process (``invoke``: an internal error fails the test), with *cache* as
    its index cache and *extra* in its environment."""
    return invoke(*args, env=({"ECOQA_CACHE_DIR": str(cache)} if cache is not None else {}) | extra)


def clean(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    """No bug of ours: never exit 70, an "internal error" line or a traceback."""
    assert result.returncode != 70, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    return result


def limit_file_size(size: int) -> Callable[[], None]:
    """A child whose files cannot grow past *size* bytes: a full disk, without mounting one."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return apply


def leftovers(cache: Path) -> list[str]:
    return (
        sorted(p.name for p in cache.iterdir() if p.name.endswith((".tmp", ".tmp-journal"))) if cache.exists() else []
    )


# ------------------------------------------------------------------ writing files (W1, W2, W7, U4)


@pytest.mark.parametrize("spelling", ["same", "dot", "symlink"])
def test_export_never_overwrites_the_corpus_it_reads(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    """W1: export -o onto its own corpus, however spelled, is refused and the corpus stays."""
    corpus = make_corpus(tmp_path / "c.json", 5)
    before = corpus.read_bytes()
    target = {"same": str(corpus), "dot": "./c.json", "symlink": "link.json"}[spelling]
    (tmp_path / "link.json").symlink_to(corpus)
    monkeypatch.chdir(tmp_path)
    result = here(invoke, "export", "--data", str(corpus), "-o", target, "--force")
    assert result.exit_code == 2
    assert result.stderr.endswith("is the corpus being read; write the output to another file.\n")
    assert corpus.read_bytes() == before


def test_export_keeps_an_existing_file_unless_forced(invoke: Any, tmp_path: Path) -> None:
    """W7: an unrelated file is not replaced by surprise."""
    notes = tmp_path / "n.md"
    notes.write_text("notes\n")
    refused = here(invoke, "export", "-o", str(notes))
    assert refused.exit_code == 2
    assert refused.stderr == f"ecoqa: {notes} exists; pass --force to replace it.\n"
    assert notes.read_text() == "notes\n"
    forced = here(invoke, "export", "-o", str(notes), "--force")
    assert forced.exit_code == 0
    assert notes.read_text().startswith("# Orchestrating Innovation")
    assert forced.stderr == f"ecoqa: wrote 24 questions (markdown) to {notes}\n"


def test_export_to_a_full_disk_leaves_the_old_file_and_no_partial_one(tmp_path: Path) -> None:
    """W2: the write goes to a temporary file first; a failure changes nothing."""
    old = tmp_path / "report.html"
    old.write_text("<p>old</p>\n")
    result = clean(ecoqa("export", "-f", "html", "-o", str(old), "--force", preexec=limit_file_size(4096)))
    assert result.returncode == 74
    assert result.stderr.startswith(f"ecoqa: cannot write {old}: ")
    assert old.read_text() == "<p>old</p>\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_an_atomic_write_takes_text_and_utf8_bytes_in_order(tmp_path: Path) -> None:
    """Documents come as UTF-8 bytes (a worker's share), other writers as text: one file, in order."""
    from ecoqa.files import write_atomic

    target = tmp_path / "out.md"
    write_atomic(target, ["één ", "€".encode(), "\n", b"x\r\n"])
    assert target.read_bytes() == "één €\nx\r\n".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="signals cannot be blocked here")
@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM"])
def test_a_signal_just_after_the_temporary_file_is_made_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Ctrl-C or a kill that arrives the moment the temporary file exists, before the code that
    removes it runs (found by the fault harness, which signals as soon as the file appears): the
    old file stays and nothing is left beside it."""
    import tempfile

    from ecoqa import files

    made = tempfile.mkstemp

    def made_then_signalled(*args: Any, **kwargs: Any) -> tuple[int, str]:
        result = made(*args, **kwargs)
        signal.raise_signal(getattr(signal, name))
        return result

    monkeypatch.setattr(files.tempfile, "mkstemp", made_then_signalled)
    target = tmp_path / "out.md"
    target.write_text("old\n")
    # Ctrl-C as in a terminal: a test run started as a background job inherits SIGINT ignored
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt if name == "SIGINT" else Stopped):
            files.write_atomic(target, ["new\n"], force=True)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]
    assert target.read_text() == "old\n"


class SignalledHere(Exception):
    """What SIGTERM raises in this test process where ecoqa has no handler of its own."""


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="signals cannot be blocked here")
@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM"])
def test_a_signal_just_after_the_index_file_is_made_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """The same for an index build: Ctrl-C or a kill the moment its temporary file exists ends as
    ecoqa promises (KeyboardInterrupt; for SIGTERM ``Stopped``, exit 143, not death by the signal) and leaves
    no file in the cache. test_interrupted_build_cleans_up[SIGTERM-143], which signals as soon as
    the file appears, failed now and then under load because of this window."""
    import tempfile

    from ecoqa import store

    made = tempfile.mkstemp

    def made_then_signalled(*args: Any, **kwargs: Any) -> tuple[int, str]:
        result = made(*args, **kwargs)
        if str(kwargs.get("prefix", "")).endswith(".sqlite3."):  # the index's, not the files map's
            signal.raise_signal(getattr(signal, name))
        return result

    def stopped(number: int, frame: object) -> None:
        raise SignalledHere

    monkeypatch.setattr(tempfile, "mkstemp", made_then_signalled)
    monkeypatch.setenv("ECOQA_CACHE_DIR", str(tmp_path / "cache"))
    raw = make_corpus(tmp_path / "c.json", 300).read_bytes()
    previous = signal.signal(signal.SIGINT, signal.default_int_handler), signal.signal(signal.SIGTERM, stopped)
    try:
        with pytest.raises(KeyboardInterrupt if name == "SIGINT" else Stopped) as ended:
            store.load_indexed(raw, "c.json")
    finally:
        signal.signal(signal.SIGINT, previous[0])
        signal.signal(signal.SIGTERM, previous[1])
    assert name == "SIGINT" or (isinstance(ended.value, Stopped) and ended.value.number == signal.SIGTERM)
    assert [p.name for p in (tmp_path / "cache").iterdir()] == []


def test_export_dash_means_stdout(invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """U4: -o - writes to stdout, never a file named '-'."""
    monkeypatch.chdir(tmp_path)
    result = here(invoke, "export", "-f", "json", "-o", "-")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["questions"]) == 24
    assert not (tmp_path / "-").exists()


# ------------------------------------------------------------------ the index gives right answers (W3, W6, C4)


def test_undeclared_topics_survive_the_index(invoke: Any, tmp_path: Path, big: Path) -> None:
    """W3: topics used but not declared are there on the run that builds and on every later run."""
    cache = tmp_path / "cache"
    runs = [here(invoke, "topics", "--json", "--data", str(big), cache=cache) for _ in range(2)]
    assert index_file(cache)
    assert runs[0].stdout == runs[1].stdout
    assert {t["id"] for t in json.loads(runs[1].stdout)["topics"]} == {"geld", "kennis", "regio", "zorg"}
    listed = here(invoke, "list", "--topic", "geld", "--plain", "--data", str(big), cache=cache)
    assert listed.exit_code == 0 and listed.stdout


_REFERENCES: dict[tuple[Path, tuple[str, ...]], str] = {}


def reference(invoke: Any, big: Path, tmp_path: Path, *args: str) -> str:
    """Output of a command answered without any index (a fresh cache that is never written); run
    once per corpus and command, as every test compares with the same answer."""
    if (big, args) not in _REFERENCES:
        blocked = tmp_path / "blocker"
        blocked.write_text("a file, so no cache folder can be made under it")
        answer = here(invoke, *args, "--data", str(big), cache=blocked / "cache")
        assert answer.stderr.startswith("ecoqa: warning: cannot save the search index"), answer.stderr
        _REFERENCES[big, args] = answer.stdout
    return _REFERENCES[big, args]


def indexed(invoke: Any, corpus: Path, cache: Path) -> Path:
    """*cache* as a first run leaves it: the index of *corpus*, which the test then damages. A
    first run builds it once per corpus; each test gets a copy. Returns the index file."""
    built = corpus.parent / "built-cache"
    if not built.exists():
        here(invoke, "search", "x", "--data", str(corpus), cache=built)
    shutil.copytree(built, cache)
    return index_file(cache)


def index_file(cache: Path) -> Path:
    (path,) = cache.glob("*.sqlite3")
    return path


def damage_said_and_gone(result: Any, cache: Path) -> None:
    """Damage met after the command began: it ends with one line and exit 75, the index removed."""
    assert result.exit_code == 75, (result.exit_code, result.stderr)
    assert result.stderr.count("\n") == 1 and "is damaged" in result.stderr, result.stderr
    assert "run the command again" in result.stderr
    assert not list(cache.glob("*.sqlite3"))


def test_rows_deleted_from_the_index_are_noticed(invoke: Any, tmp_path: Path, big: Path) -> None:
    """W6: a store that opens but lost rows is never served as a smaller corpus: the command
    that meets the gap ends with one line (exit 75) and the index goes; run again, it is rebuilt."""
    cache = tmp_path / "cache"
    expected = reference(invoke, big, tmp_path, "list", "--json")
    with sqlite3.connect(indexed(invoke, big, cache)) as connection:
        connection.execute("DELETE FROM entries WHERE position BETWEEN 10 AND 20")
    connection.close()
    damage_said_and_gone(here(invoke, "list", "--json", "--data", str(big), cache=cache), cache)
    result = here(invoke, "list", "--json", "--data", str(big), cache=cache)
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected, "")
    shown = here(invoke, "show", "17", "--json", "--data", str(big), cache=cache)
    assert json.loads(shown.stdout)["results"][0]["id"] == 17


def test_postings_deleted_from_the_index_are_noticed(invoke: Any, tmp_path: Path, big: Path) -> None:
    cache = tmp_path / "cache"
    expected = reference(invoke, big, tmp_path, "search", "financiering", "--json")
    with sqlite3.connect(indexed(invoke, big, cache)) as connection:
        connection.execute("DELETE FROM postings WHERE surface LIKE 'financier%'")
    connection.close()
    damage_said_and_gone(here(invoke, "search", "financiering", "--json", "--data", str(big), cache=cache), cache)
    result = here(invoke, "search", "financiering", "--json", "--data", str(big), cache=cache)
    assert (result.exit_code, result.stdout) == (0, expected)


@pytest.mark.parametrize("trial", range(8))
def test_random_damage_never_gives_a_wrong_answer(invoke: Any, tmp_path: Path, big: Path, trial: int) -> None:
    """C4: corruption past the header is found by SQLite or by the rows' checksums: a command
    either answers right, or ends with one line (exit 75) and the index gone, and then answers
    right when run again. Never a wrong answer."""
    cache = tmp_path / "cache"
    expected = {args: reference(invoke, big, tmp_path, *args) for args in (("search", "financiering", "--json"),
                                                                             ("show", "17", "--json"))}  # fmt: skip
    path = indexed(invoke, big, cache)
    rng = random.Random(trial)
    with path.open("r+b") as handle:
        handle.seek(rng.randrange(4096, path.stat().st_size - 64))
        handle.write(bytes(rng.randrange(256) for _ in range(64)))
    for args, output in expected.items():
        result = here(invoke, *args, "--data", str(big), cache=cache)
        if result.exit_code == 75:
            damage_said_and_gone(result, cache)
            result = here(invoke, *args, "--data", str(big), cache=cache)
        assert result.exit_code == 0
        assert result.stdout == output


@pytest.mark.parametrize("damage", ["truncate-0", "truncate-100", "garbage", "half"])
def test_truncated_or_garbage_index_is_rebuilt(invoke: Any, tmp_path: Path, big: Path, damage: str) -> None:
    cache = tmp_path / "cache"
    expected = reference(invoke, big, tmp_path, "search", "financiering", "--json")
    path = indexed(invoke, big, cache)
    data = path.read_bytes()
    path.write_bytes(
        {"truncate-0": b"", "truncate-100": data[:100], "garbage": b"not sqlite" * 100, "half": data[: len(data) // 2]}[
            damage
        ]
    )
    result = here(invoke, "search", "financiering", "--json", "--data", str(big), cache=cache)
    assert result.stdout == expected
    assert index_file(cache).read_bytes().startswith(b"SQLite format 3")


# ------------------------------------------------------------------ unwritable and full caches (C1, C2, C5, L2)


def test_cache_that_cannot_be_created_costs_speed_not_correctness(invoke: Any, tmp_path: Path, big: Path) -> None:
    """C1: the cache folder cannot be made or written: one warning, the right answer, exit 0."""
    expected = reference(invoke, big, tmp_path, "search", "financiering", "--json")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = here(invoke, "search", "financiering", "--json", "--data", str(big), cache=blocker / "cache")
    assert result.exit_code == 0
    assert result.stdout == expected
    assert result.stderr.startswith("ecoqa: warning: cannot save the search index in ")
    assert result.stderr.count("\n") == 1


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root to become another user")
def test_read_only_cache_as_another_user(invoke: Any, tmp_path: Path, big: Path) -> None:
    """C1, C5: a cache owned by someone else, also with a damaged index in it."""
    import tempfile

    shared = Path(tempfile.mkdtemp(prefix="ecoqa-shared-"))  # /tmp itself, readable by another user
    try:
        os.chmod(shared, 0o755)
        corpus = shared / "big.json"
        shutil.copy(big, corpus)
        os.chmod(corpus, 0o644)
        cache = shared / "cache"
        clean(ecoqa("search", "x", "--data", str(corpus), cache=cache))
        path = index_file(cache)
        path.write_bytes(path.read_bytes()[:100])
        os.chmod(path, 0o644)
        expected = reference(invoke, corpus, tmp_path, "search", "financiering", "--json")
        as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable]
        if subprocess.run([*as_nobody, "-c", "import ecoqa"], capture_output=True, timeout=60).returncode:
            pytest.skip("this interpreter cannot run as another user")
        result = subprocess.run(
            [*as_nobody, "-m", "ecoqa", "search", "financiering", "--json", "--data", str(corpus)],
            capture_output=True, text=True, env=environment(cache, HOME=str(shared)), timeout=60, check=False,
        )  # fmt: skip
        clean(result)
        assert result.returncode == 0
        assert result.stdout == expected
        assert "unusable" in result.stderr and "cannot save the search index" in result.stderr
    finally:
        shutil.rmtree(shared, ignore_errors=True)


def test_full_cache_disk_leaves_nothing_behind(invoke: Any, tmp_path: Path, big: Path) -> None:
    """C2: a full disk while writing the index: a warning, the answer, no temporary file left."""
    cache = tmp_path / "cache"
    expected = reference(invoke, big, tmp_path, "search", "financiering", "--json")
    result = clean(
        ecoqa("search", "financiering", "--json", "--data", str(big), cache=cache, preexec=limit_file_size(64 * 1024))
    )
    assert result.returncode == 0
    assert result.stdout == expected
    assert "cannot save the search index" in result.stderr
    assert leftovers(cache) == [] and not list(cache.glob("*.sqlite3"))


def another_versions_header(path: Path) -> None:
    """The index's header as another layout of the store would write it: whole, its checksum right."""
    from ecoqa.store.layout import crc

    with sqlite3.connect(path) as connection:
        (body,) = connection.execute("SELECT body FROM meta").fetchone()
        other = json.dumps(json.loads(body) | {"layout": -1})
        connection.execute("UPDATE meta SET body = ?, crc = ?", (other, crc((1, other))))
    connection.close()


@pytest.mark.parametrize("damage", ["cut-short", "another-version"])
def test_an_unusable_index_is_removed_even_when_no_new_one_can_be_saved(
    invoke: Any, tmp_path: Path, big: Path, damage: str
) -> None:
    """The index is a cache, right or gone: one found unusable when opened (unreadable, or a header
    that is not this ecoqa's) is deleted at once, not only replaced by the rebuild, so a full disk
    does not leave it to be tried (and warned about) on every later run."""
    cache = tmp_path / "cache"
    path = indexed(invoke, big, cache)
    if damage == "cut-short":
        path.write_bytes(path.read_bytes()[:100])
    else:
        another_versions_header(path)
    expected = reference(invoke, big, tmp_path, "search", "financiering", "--json")
    full_disk = limit_file_size(64 * 1024)
    result = clean(ecoqa("search", "financiering", "--json", "--data", str(big), cache=cache, preexec=full_disk))
    assert (result.returncode, result.stdout) == (0, expected)
    assert "unusable" in result.stderr and "cannot save the search index" in result.stderr
    assert not list(cache.glob("*.sqlite3")) and leftovers(cache) == []


def test_index_path_that_is_a_directory(invoke: Any, tmp_path: Path, big: Path) -> None:
    """L2: one warning per run, no temporary files piling up."""
    from ecoqa import store

    cache = tmp_path / "cache"
    store.index_path(cache, store.cache_key(big.read_bytes())).mkdir(parents=True)
    for _ in range(2):
        result = here(invoke, "search", "financiering", "--data", str(big), cache=cache)
        assert result.exit_code == 0
        assert result.stderr.count("\n") == 1 and "is a directory" in result.stderr
    assert leftovers(cache) == []


# ------------------------------------------------------------------ interrupted and concurrent builds (C3, L1)


def start_build(big: Path, cache: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "ecoqa", "search", "financiering", "--json", "--data", str(big)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment(cache),
        preexec_fn=answer_ctrl_c,
    )  # fmt: skip


def answer_ctrl_c() -> None:
    """In a child: Ctrl-C as a terminal's shell sets it, whatever this test run inherited (a job
    started in the background without job control ignores SIGINT, and so would its children)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def wait_for_temporary_file(cache: Path, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while not leftovers(cache):
        assert process.poll() is None, "the build ended before it wrote its temporary file"
        assert time.monotonic() < deadline
        time.sleep(0.002)


@pytest.fixture(scope="module")
def slow(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus whose index takes long enough to write that a signal lands during the write."""
    return make_corpus(tmp_path_factory.mktemp("slow") / "slow.json", 12000, seed=4)


@pytest.mark.slow
@pytest.mark.parametrize(("name", "code"), [("SIGINT", 130), ("SIGTERM", 143)])
def test_interrupted_build_cleans_up(tmp_path: Path, slow: Path, name: str, code: int) -> None:
    """L1: Ctrl-C or kill during the write: no traceback, no temporary file, the next run is right."""
    cache = tmp_path / "cache"
    process = start_build(slow, cache)
    wait_for_temporary_file(cache, process)
    process.send_signal(getattr(signal, name))
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == code
    assert "Traceback" not in stderr
    assert leftovers(cache) == []
    assert clean(ecoqa("search", "financiering", "--json", "--data", str(slow), cache=cache)).returncode == 0


@pytest.mark.slow
def test_killed_build_is_swept_by_the_next_build(invoke: Any, tmp_path: Path, slow: Path) -> None:
    """L1: SIGKILL cannot clean up; the next build sees that no process holds the leftover's lock
    and removes it at once (however young it is)."""
    cache = tmp_path / "cache"
    process = start_build(slow, cache)
    wait_for_temporary_file(cache, process)
    process.kill()
    process.communicate(timeout=60)
    assert leftovers(cache)
    whole = tmp_path / "whole"
    indexed(invoke, slow, whole)  # as an uninterrupted first build left it
    expected = clean(ecoqa("search", "financiering", "--json", "--data", str(slow), cache=whole)).stdout
    result = clean(ecoqa("search", "financiering", "--json", "--data", str(slow), cache=cache))
    assert result.stdout == expected
    assert leftovers(cache) == []


def test_concurrent_first_builds_agree(tmp_path: Path, big: Path) -> None:
    """C3: several first searches at once (unique temporary names): same answers, one index."""
    cache = tmp_path / "cache"
    processes = [start_build(big, cache) for _ in range(4)]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert all(p.returncode == 0 for p in processes)
    assert len({stdout for stdout, _ in outputs}) == 1
    assert all("Traceback" not in stderr for _, stderr in outputs)
    assert len(list(cache.glob("*.sqlite3"))) == 1 and leftovers(cache) == []


# ------------------------------------------------------------------ cache housekeeping (L3, L4)


def test_least_recently_used_indexes_are_evicted(invoke: Any, tmp_path: Path) -> None:
    """L3: each edit of a corpus adds an index; past the limit the oldest go."""
    cache = tmp_path / "cache"
    corpora = [make_corpus(tmp_path / f"c{i}.json", 1500, seed=10 + i) for i in range(3)]
    for corpus in corpora:
        here(invoke, "search", "fonds", "--data", str(corpus), cache=cache, ECOQA_CACHE_MB="1")
        time.sleep(0.01)
    from ecoqa import store

    kept = [p.name for p in cache.glob("*.sqlite3")]
    assert kept == [store.index_path(cache, store.cache_key(corpora[-1].read_bytes())).name]


def test_cache_path_with_uri_characters_is_reused(invoke: Any, tmp_path: Path, big: Path) -> None:
    """L4: '#', '?' and '%' in the cache path: the index is found again, no stray file appears."""
    cache = tmp_path / "c#1?x=%41"
    here(invoke, "search", "fonds", "--data", str(big), cache=cache)
    path = index_file(cache)
    before = path.stat().st_mtime_ns
    time.sleep(0.01)
    again = here(invoke, "search", "fonds", "--data", str(big), cache=cache)
    assert again.stderr == ""
    assert index_file(cache) == path
    assert path.stat().st_mtime_ns >= before  # touched for eviction, not rewritten
    assert sorted(p.name for p in tmp_path.iterdir()) == [cache.name]


# ------------------------------------------------------------------ odd data and arguments (C6-C9)


@pytest.mark.parametrize("value", [2**31, 2**63, 10**30])
def test_ids_beyond_what_every_layer_holds_are_refused_by_validate(invoke: Any, tmp_path: Path, value: int) -> None:
    """C6: validate and every command agree; no id passes validation that a layer cannot hold."""
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"questions": [{"id": value, "question": "q financiering?", "answer": "a"}]}))
    checked = here(invoke, "validate", str(path))
    assert checked.exit_code == 3
    assert checked.stdout == f"{path}: questions[0].id: must be a whole number from 0 to 2147483647\n"
    assert here(invoke, "search", "financiering", "--data", str(path)).exit_code == 3


def test_the_largest_id_works_through_the_index(invoke: Any, tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    doc = {"questions": [{"id": 2**31 - 1, "question": "q financiering?", "answer": "a" * 300_000}]}
    path.write_text(json.dumps(doc))
    cache = tmp_path / "cache"
    for _ in range(2):
        result = here(invoke, "search", "financiering", "--json", "--data", str(path), cache=cache)
        assert [r["id"] for r in json.loads(result.stdout)["results"]] == [2**31 - 1]
    assert index_file(cache)


def test_id_with_thousands_of_digits(invoke: Any, tmp_path: Path) -> None:
    """C7: more digits than Python converts: a corpus error, not a crash."""
    path = tmp_path / "c.json"
    path.write_text('{"questions":[{"id":' + "1" * 5000 + ',"question":"a?","answer":"b"}]}')
    result = here(invoke, "validate", str(path))
    assert result.exit_code == 3
    assert result.stdout == f"{path}: a number has too many digits; a corpus has ids up to 2147483647.\n"


def test_lone_surrogate_in_a_topic_id_through_the_index(invoke: Any, tmp_path: Path) -> None:
    """C8: text is cleaned at load, ids included, so the index can store it."""
    path = tmp_path / "c.json"
    path.write_text('{"questions":[{"id":1,"question":"q?","answer":"a","topics":["\\ud800x"]}]}' + " " * 262_144)
    cache = tmp_path / "cache"
    for _ in range(2):
        result = here(invoke, "list", "--plain", "--data", str(path), cache=cache)
        assert result.exit_code == 0 and result.stdout == "1\tq?\n"
    assert index_file(cache) and leftovers(cache) == []


@pytest.mark.parametrize(
    "raw", ["²", "①", "--1", "1" * 5000, "٣", "３", "𝟑", "1e3", "0x3", "3.0", " ", "99999999999999"]
)
def test_odd_numbers_are_unknown_ids(invoke: Any, raw: str) -> None:
    """C9: ids are ASCII digits; anything else is 'no question', exit 2 (arguments: in-process)."""
    for command in (["show", "--", raw], ["principles", "--", raw]):
        result = invoke(*command)
        assert result.exit_code == 2, (command, result.stderr)
        assert result.stdout == ""


def test_numbers_people_type_are_understood(invoke: Any) -> None:
    for raw in ("03", "+3", " 3 "):
        assert invoke("show", raw, "--json").exit_code == 0


# ------------------------------------------------------------------ output streams (W4, W5, C10-C12, U3)


def close_fd(number: int) -> Callable[[], None]:
    return lambda: os.close(number)


@pytest.mark.parametrize(
    "args", [["list"], ["list", "--json"], ["search", "financing"], ["show", "3"], ["show", "3", "--json"],
             ["export"], ["--version"], ["--help"], ["info"], ["topics"], ["config"],
             ["validate", str(ROOT / "data" / "qa.json")]]
)  # fmt: skip
def test_full_stdout_is_an_output_error(args: list[str]) -> None:
    """C10, review 2: #8: stdout on /dev/full: one line, exit 74, never 'internal error' or a
    traceback; with Python's usual buffered stdout the last flush fails at exit: still 74, never
    120 with "Exception ignored"."""
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "ecoqa", *args],
            stdout=full, stderr=subprocess.PIPE, text=True, env=environment(), timeout=60, check=False,
        )  # fmt: skip
    assert result.returncode == 74, result.stderr
    assert result.stderr == "ecoqa: cannot write output (No space left on device).\n"


@pytest.mark.parametrize(
    "args", [["list"], ["list", "--json"], ["list", "--plain"], ["show", "3"], ["export"], ["--version"], ["--help"],
             ["validate", str(ROOT / "data" / "qa.json")]]
)  # fmt: skip
def test_closed_stdout_is_an_output_error(args: list[str]) -> None:
    """C11: stdout closed (>&-): one line, exit 74."""
    result = clean(ecoqa(*args, preexec=close_fd(1)))
    assert result.returncode == 74
    assert result.stderr == "ecoqa: cannot write output (standard output is closed).\n"


def test_closed_stderr_still_answers(tmp_path: Path, big: Path) -> None:
    """W4: with stderr closed a large corpus is still searched and the exit code is right."""
    cache = tmp_path / "cache"
    for _ in range(2):
        result = ecoqa("search", "financiering", "--plain", "--data", str(big), cache=cache, preexec=close_fd(2))
        assert result.returncode == 0
        assert result.stdout.count("\n") == 10


@pytest.mark.parametrize(("args", "code"), [(["show", "99"], 2), (["list", "--data", "/nonexistent"], 3),
                                            (["list", "--bogus"], 2), (["search", "zzzzqqq"], 1),
                                            (["search", "x", "--limit", "0"], 2)])  # fmt: skip
def test_exit_codes_hold_when_stderr_is_full(args: list[str], code: int) -> None:
    """U3, review 2: #8: an error that cannot be written still ends with its own exit code, not 120."""
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "ecoqa", *args],
            stdout=subprocess.PIPE, stderr=full, env=environment(), timeout=60, check=False,
        )  # fmt: skip
    assert result.returncode == code


@pytest.mark.parametrize("columns", ["0", "1", "-5", "abc"])
def test_odd_column_counts_still_print(invoke: Any, columns: str) -> None:
    """W5: COLUMNS=0 used to print nothing and exit 0 (the variable is read in-process)."""
    for args in (
        ["search", "financing", "--table"],
        ["show", "3"],
        ["list", "--table"],
        ["info", "--table"],
        ["topics"],
    ):
        result = invoke(*args, env={"COLUMNS": columns, "ECOQA_LANG": "nl"})
        assert result.exit_code == 0
        assert "Waar kunnen we" in result.stdout or "Vraag" in result.stdout or "ecoqa" in result.stdout


def test_browse_with_stdin_closed() -> None:
    """C12: a usage error, not a crash."""
    result = clean(ecoqa("browse", preexec=close_fd(0)))
    assert result.returncode == 2
    assert result.stderr == (
        "ecoqa: browse needs an interactive terminal; in scripts use 'ecoqa search' or 'ecoqa list'.\n"
    )


# ------------------------------------------------------------------ long inputs stay fast (H1-H3)


def test_long_queries_end(invoke: Any) -> None:
    """H1: a 100 KB word and 12,000 words: bounded work, a clean answer (the timeout guards the rest)."""
    rng = random.Random(1)
    words = " ".join("".join(rng.choice("abcdefghijklmnop") for _ in range(8)) for _ in range(12000))
    for query in ("a" * 100_000, words, "financiering " * 5000):
        result = invoke("search", query, "--limit", "1")
        assert result.exit_code in (0, 1)


def test_unknown_topic_among_many(invoke: Any, tmp_path: Path) -> None:
    """H3: a 100 KB topic name among 10,000 topics: a clean 'unknown topic'."""
    path = tmp_path / "t.json"
    topics = [{"id": f"t{i}", "label": f"label {i}", "aliases": [f"alias{i}"]} for i in range(10_000)]
    path.write_text(json.dumps({"topics": topics, "questions": [{"id": 1, "question": "q", "answer": "a"}]}))
    result = here(invoke, "list", "--topic", "x" * 100_000, "--data", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith("ecoqa: unknown topic 'xxxx")


# ------------------------------------------------------------------ messages (U1, U2)


def test_symlink_loop_is_named(invoke: Any, tmp_path: Path) -> None:
    """U1: a link loop is not 'file not found'."""
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    for args in (["list", "--data", str(tmp_path / "a")], ["validate", str(tmp_path / "a")]):
        result = here(invoke, *args)
        assert result.exit_code == 3
        assert (
            result.stderr
            == f"ecoqa: {tmp_path / 'a'}: too many levels of symbolic links (a link that points to itself?).\n"
        )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_corpus_is_a_corpus_error(invoke: Any, tmp_path: Path) -> None:
    """U2: exit 3 as documented, not Click's usage error."""
    path = make_corpus(tmp_path / "c.json", 3)
    path.chmod(0)
    result = here(invoke, "list", "--data", str(path))
    assert result.exit_code == 3
    assert result.stderr == f"ecoqa: {path}: cannot read (Permission denied).\n"


@pytest.mark.slow
@pytest.mark.parametrize(("name", "code"), [("SIGINT", 130), ("SIGTERM", 143)])
def test_a_signal_during_a_large_export_ends_it_quietly(
    invoke: Any, tmp_path: Path, slow: Path, name: str, code: int
) -> None:
    """Ctrl-C (to the whole process group, as a terminal sends it) or a kill while a large export
    is written: the signal's exit code, nothing on stderr after Ctrl-C (the terminal shows it) and
    one line after a kill, no partial or temporary file, and no process left running."""
    cache, target = tmp_path / "cache", tmp_path / "out.md"
    indexed(invoke, slow, cache)  # the index exists, as a first run left it
    process = subprocess.Popen(
        [sys.executable, "-m", "ecoqa", "export", "-f", "md", "--data", str(slow), "-o", str(target)],
        stderr=subprocess.PIPE, text=True, env=environment(cache), start_new_session=True,
        preexec_fn=answer_ctrl_c,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while sum(p.stat().st_size for p in tmp_path.glob(".out.md.*.tmp")) < 2_000_000:  # the entries are coming
        assert process.poll() is None, "the export ended before it was interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.002)
    if name == "SIGINT":
        os.killpg(process.pid, signal.SIGINT)
    else:
        process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert (process.returncode, stderr) == (code, "" if name == "SIGINT" else "ecoqa: stopped by SIGTERM.\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache"]
    while running(str(target)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running(str(target)) == []


def running(argument: str) -> list[int]:
    """The processes whose command line includes *argument* (a forked worker shows its parent's)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and argument.encode() in (entry / "cmdline").read_bytes().split(b"\0"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


@pytest.mark.slow
def test_interrupt_during_a_build_is_quiet(tmp_path: Path, slow: Path) -> None:
    """C13: Ctrl-C once ecoqa runs ends with 130 and no traceback (here: while indexing; once the
    index's temporary file exists, so the signal cannot come before Python starts or after the end)."""
    cache = tmp_path / "cache"
    process = start_build(slow, cache)
    wait_for_temporary_file(cache, process)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr == ""


def python(code: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """Run *code* in a fresh Python whose Ctrl-C behaves as a terminal's."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment(**extra),
        preexec_fn=answer_ctrl_c, timeout=60, check=False,
    )  # fmt: skip


def test_ctrl_c_outside_main_ends_by_the_signal_without_a_traceback() -> None:
    """Ctrl-C after the launcher imported ecoqa.__main__ but outside main()'s try (the console
    script's own lines, Python's exit) ends the process by SIGINT, silently; other errors still show."""
    stopped = python("import ecoqa.__main__\nraise KeyboardInterrupt")
    assert (stopped.returncode, stopped.stderr) == (-signal.SIGINT, "")
    failed = python("import ecoqa.__main__\nraise ValueError('planted')")
    assert failed.returncode == 1 and "ValueError: planted" in failed.stderr


def test_ctrl_c_lost_in_a_callback_prints_nothing() -> None:
    """A Ctrl-C that lands in a weakref callback of the import system cannot be raised; Python
    prints "Exception ignored" and a traceback unless ecoqa says nothing (the command goes on)."""
    code = (
        "import ecoqa.__main__, weakref\n"
        "class Lock: pass\n"
        "def interrupted(_):\n    raise KeyboardInterrupt\n"
        "lock = Lock()\nref = weakref.ref(lock, interrupted)\ndel lock\nprint('went on')\n"
        "class Other: pass\nother = Other()\nref2 = weakref.ref(other, lambda _: 1 / 0)\ndel other\n"
    )
    result = python(code)
    assert (result.returncode, result.stdout) == (0, "went on\n")
    assert "KeyboardInterrupt" not in result.stderr
    assert "ZeroDivisionError" in result.stderr  # other errors in callbacks are still shown


def test_ctrl_c_while_completion_starts_is_130() -> None:
    """Ctrl-C during the completion check, the first thing main() does, is inside its try."""
    code = "import ecoqa.__main__ as m\ndef stop():\n    raise KeyboardInterrupt\nm._completed = stop\nm.main()"
    result = python(code, _ECOQA_COMPLETE="complete_bash")
    assert (result.returncode, result.stderr) == (130, "")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A benchmark corpus (topics, principles with evidence) and an id whose entry cites a principle."""
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks" / "make_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    document = module.make(600)
    path = tmp_path_factory.mktemp("generated") / "generated.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert path.stat().st_size > 256 * 1024
    cited = next(q["id"] for q in document["questions"] if q.get("principles"))
    return path, cited


@pytest.mark.parametrize(
    ("sql", "args"),
    [
        ('UPDATE headings SET heading = \'[17, "Een andere vraag?", ""]\' WHERE position = 16', ("export", "-f", "md")),
        ("UPDATE headings SET heading = 'not json', crc = 0 WHERE position = 3", ("export", "-f", "html")),
        ("DELETE FROM entries WHERE position = 500", ("export", "-f", "md")),
        ("UPDATE blobs SET data = x'00' WHERE name LIKE 'evidence:%'", ("principles", "--json")),
        ("UPDATE blobs SET data = x'00' WHERE name LIKE 'evidence:%'", ("show", "CITED")),
        ("UPDATE blobs SET data = x'00' WHERE name = 'surfaces'", ("search", "financeering", "--json")),
        ("UPDATE blobs SET data = x'00' WHERE name = 'related'", ("export", "-f", "html")),  # JSON has none
        ("UPDATE blobs SET data = x'00' WHERE name = 'related'", ("show", "CITED")),
        ("DELETE FROM blobs WHERE name = 'related'", ("export", "-f", "md")),
    ],
    ids=[
        "heading-changed",
        "heading-garbage",
        "entry-gone",
        "quotes-damaged",
        "quotes-in-show",
        "words-damaged",
        "related-damaged",
        "related-in-show",
        "related-gone",
    ],
)
def test_parts_read_only_when_needed_are_checked_too(
    invoke: Any, tmp_path: Path, generated: tuple[Path, int], sql: str, args: tuple[str, ...]
) -> None:
    """Headings, evidence quotes, related questions and the word list are read after opening: damage there is noticed
    as well, ends the command with one line (exit 75) and removes the index; run again, the answer is identical to
    one without any index."""
    corpus, cited = generated
    args = tuple(str(cited) if a == "CITED" else a for a in args)
    cache = tmp_path / "cache"
    expected = reference(invoke, corpus, tmp_path, *args)
    assert expected
    with sqlite3.connect(indexed(invoke, corpus, cache)) as connection:
        assert connection.execute(sql).rowcount > 0
    connection.close()
    damage_said_and_gone(here(invoke, *args, "--data", str(corpus), cache=cache), cache)
    result = here(invoke, *args, "--data", str(corpus), cache=cache)
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected, "")


@pytest.mark.parametrize(
    "args",
    [
        ("export", "-f", "json"),
        ("export", "-f", "json", "--topic", "onderwerp-07"),
        ("export", "-f", "md", "--lang", "en"),
        ("show", "CITED", "--json"),
    ],
    ids=["json", "json-one-topic", "markdown-en", "show-json"],
)
def test_a_store_answers_as_memory_does(
    invoke: Any, tmp_path: Path, generated: tuple[Path, int], args: tuple[str, ...]
) -> None:
    """Entries copied from the store as the JSON text it keeps, and related questions counted when
    it was built, give byte for byte what a run without any index gives."""
    corpus, cited = generated
    args = tuple(str(cited) if a == "CITED" else a for a in args)
    cache = tmp_path / "cache"
    expected = reference(invoke, corpus, tmp_path, *args)
    if args[:3] == ("export", "-f", "json"):  # a corpus file: the entries as the store keeps them
        assert '"questions": [' in expected
    else:
        assert '"related"' in expected or "Related questions" in expected
    indexed(invoke, corpus, cache)
    result = here(invoke, *args, "--data", str(corpus), cache=cache)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == expected


def test_kept_related_positions_out_of_range_are_never_used(
    invoke: Any, tmp_path: Path, generated: tuple[Path, int]
) -> None:
    """Related positions that pass the checksum but point past the corpus (a file made by hand)
    are left out, never looked up: no crash, no wrong entry."""
    from array import array

    from ecoqa.store.layout import crc

    corpus, cited = generated
    cache = tmp_path / "cache"
    with sqlite3.connect(indexed(invoke, corpus, cache)) as connection:
        (data,) = connection.execute("SELECT data FROM blobs WHERE name = 'related'").fetchone()
        far = (array("i", [10**9]) * (len(data) // 4)).tobytes()
        connection.execute("UPDATE blobs SET data = ?, crc = ? WHERE name = 'related'", (far, crc(("related", far))))
    connection.close()
    for args in (("show", str(cited), "--json"), ("show", *map(str, range(1, 40)), "--json")):
        result = here(invoke, *args, "--data", str(corpus), cache=cache)
        assert (result.exit_code, result.stderr) == (0, "")
        lists = re.findall(r'"related": \[[^\]]*\]', result.stdout)
        assert lists and set(lists) == {'"related": []'}


# ------------------------------------------------------------------ writing onto what is there (review 2: #5, #6, #15)

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")


def private_device(folder: Path, name: str, minor: int) -> Path:
    """A character device of our own (1,3 null, 1,5 zero, 1,7 full): never the system's /dev/null."""
    path = folder / name
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    return path


def run_in(folder: Path, *args: str, timeout: float = 60, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ecoqa", *args],
        capture_output=True, text=True, env=environment(None, **extra), cwd=folder, timeout=timeout, check=False,
    )  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test's own folder as the current directory, where names given to ``-o`` are made."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def page(folder: Path) -> Path:
    path = folder / "faq.html"
    path.write_text("<h2>1. Hoe werkt het?</h2><p>Zo.</p><h2>2. Waarom?</h2><p>Daarom.</p>\n", encoding="utf-8")
    return path


WRITERS = {
    "export": lambda target, folder: ["export", "3", "-o", target],
    "import": lambda target, folder: ["import", str(page(folder)), "-o", target],
}


def read_fifo_in_background(fifo: Path) -> tuple[threading.Thread, list[bytes]]:
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader, received


@contextlib.contextmanager
def socket_receiver(path: Path) -> Iterator[list[bytes]]:
    """A Unix socket listening at PATH; yields the list its one connection's bytes are put in, once done."""
    import socket

    received: list[bytes] = []
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))
        server.listen(1)
        server.settimeout(30)

        def serve() -> None:
            connection, _ = server.accept()
            with connection:
                received.append(b"".join(iter(lambda: connection.recv(65536), b"")))

        listener = threading.Thread(target=serve, daemon=True)
        listener.start()
        yield received
        listener.join(10)


def installed_files() -> list[Path]:
    from ecoqa.corpus import bundled_corpus

    package = Path(importlib.util.find_spec("ecoqa").origin or "").parent  # type: ignore[union-attr]
    return [Path(str(bundled_corpus())), package / "cli.py", package / "data" / "qa.json", package / "new.md"]


@pytest.mark.parametrize("index", range(4))
def test_nothing_installed_with_ecoqa_is_ever_a_target(tmp_path: Path, index: int) -> None:
    """#6: the bundled corpus and the package's own files are refused, even with --force.

    The child cannot grow a file (RLIMIT_FSIZE 0), so a failing test cannot damage the checkout."""
    target = installed_files()[index]
    before = target.read_bytes() if target.exists() else None
    source = str(page(tmp_path))
    for args in (
        ["export", "-f", "json", "-o", str(target), "--force"],
        ["import", source, "-o", str(target), "--force"],
        ["config", "lang", "en"],
    ):
        extra = {"ECOQA_CONFIG": str(target)} if args[0] == "config" else {}
        result = subprocess.run(
            [sys.executable, "-m", "ecoqa", *args], capture_output=True, text=True, env=environment(None, **extra),
            cwd=tmp_path, preexec_fn=limit_file_size(0), timeout=60, check=False,
        )  # fmt: skip
        assert result.returncode == 2, result.stderr
        assert result.stderr == f"ecoqa: {target} belongs to the installed ecoqa; write the output to another file.\n"
    assert (target.read_bytes() if target.exists() else None) == before


def test_an_installed_file_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    """#6, at the source: check_target refuses the bundled corpus with --force."""
    from ecoqa.errors import UsageError
    from ecoqa.files import check_target

    for target in installed_files():
        with pytest.raises(UsageError, match="belongs to the installed ecoqa"):
            check_target(target, force=True)
    assert check_target(tmp_path / "mine.json", force=True) == tmp_path / "mine.json"


def test_config_onto_a_fifo_is_written_into_and_read_never(invoke: Any, tmp_path: Path) -> None:
    """#15: a FIFO as the config file: reading commands warn and use the defaults (no hang);
    ecoqa config writes into it without replacing it."""
    fifo = tmp_path / "config"
    os.mkfifo(fifo)
    listed = here(invoke, "list", "--plain", ECOQA_CONFIG=str(fifo))
    assert listed.exit_code == 0
    assert listed.stderr == (
        f"ecoqa: warning: {fifo}: the config file is not a regular file (a device or pipe cannot be one); "
        "using the defaults.\n"
    )
    reader, received = read_fifo_in_background(fifo)
    saved = here(invoke, "config", "lang", "en", ECOQA_CONFIG=str(fifo))
    reader.join(10)
    assert saved.exit_code == 0, saved.stderr
    assert b"lang = en\n" in received[0]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_config_onto_a_fifo_nobody_reads_is_an_output_error(invoke: Any, tmp_path: Path) -> None:
    """Writing the config into a FIFO without a reader would wait for ever: exit 74, one line."""
    fifo = tmp_path / "config"
    os.mkfifo(fifo)
    saved = here(invoke, "config", "lang", "en", ECOQA_CONFIG=str(fifo))
    assert saved.exit_code == 74
    assert saved.stderr == f"ecoqa: cannot write {fifo}: no program is reading that pipe.\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@needs_root
def test_an_endless_device_as_config_file_is_refused(tmp_path: Path) -> None:
    """#15: a device of zeros as the config file: one warning, the defaults, no runaway read."""
    zero = private_device(tmp_path, "zero", 5)
    result = clean(run_in(tmp_path, "list", "--plain", timeout=30, ECOQA_CONFIG=str(zero)))
    assert result.returncode == 0
    assert result.stderr.count("\n") == 1 and "not a regular file" in result.stderr


def test_config_folder_that_is_a_file_is_an_output_error(invoke: Any, tmp_path: Path) -> None:
    """#20: the config cannot be written: exit 74, one line; the file in the way is kept."""
    (tmp_path / "f").write_text("x\n")
    result = here(invoke, "config", "lang", "en", ECOQA_CONFIG="", XDG_CONFIG_HOME=str(tmp_path / "f"))
    assert result.exit_code == 74
    assert result.stderr.startswith(f"ecoqa: cannot write {tmp_path / 'f' / 'ecoqa'}")
    assert result.stderr.count("\n") == 1
    assert (tmp_path / "f").read_text() == "x\n"


# ----------------------------------------------------------------- every writer onto every kind of file (docs/usage.md)
# "-o onto a symlink replaces the link's target and keeps the link; onto a device, FIFO or socket it
# writes straight into it and never replaces it ... ecoqa config writes alike": export, import and
# config, each onto each kind of file, with and without --force.

EVERY_WRITER = ["export", "export --force", "import", "import --force", "config"]


def write_onto(invoke: Any, folder: Path, writer: str, name: str) -> Any:
    """Run *writer* ('export', 'import --force', 'config') in *folder*, the current directory, with
    *name* in it as its output."""
    command, *force = writer.split()
    if command == "config":
        return here(invoke, "config", "lang", "en", ECOQA_CONFIG=str(folder / name))
    return here(invoke, *WRITERS[command](name, folder), *force)


def looks_written(writer: str, document: str) -> bool:
    """*document* is what *writer* writes: a Markdown export, an imported corpus, the settings."""
    if writer.startswith("export"):
        return document.startswith("# ")
    if writer.startswith("import"):
        return bool(json.loads(document)["questions"])
    return "lang = en\n" in document


def names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.mark.parametrize("writer", ["export --force", "import --force", "config"])
def test_each_writer_to_a_full_disk_leaves_the_old_file_and_no_partial_one(tmp_path: Path, writer: str) -> None:
    """Files are written atomically: a write that fails half-way (here: the disk is full after 40
    bytes, RLIMIT_FSIZE) changes nothing and leaves no temporary file."""
    old = tmp_path / "out"
    old.write_text("lang = nl\n")
    page(tmp_path)
    command, *force = writer.split()
    args = ["config", "lang", "en"] if command == "config" else [*WRITERS[command]("out", tmp_path), *force]
    result = subprocess.run(
        [sys.executable, "-m", "ecoqa", *args], capture_output=True, text=True, cwd=tmp_path, timeout=60,
        env=environment(None, ECOQA_CONFIG=str(old)), preexec_fn=limit_file_size(40), check=False,
    )  # fmt: skip
    assert clean(result).returncode == 74
    assert result.stderr.count("\n") == 1 and "cannot write" in result.stderr, result.stderr
    assert old.read_text() == "lang = nl\n"
    assert names(tmp_path) == {"out", "faq.html"}


@needs_root
@pytest.mark.parametrize("writer", EVERY_WRITER)
def test_each_writer_onto_a_device_writes_into_it(invoke: Any, folder: Path, writer: str) -> None:
    device = private_device(folder, "null", 3)
    before = names(folder)
    result = write_onto(invoke, folder, writer, "null")
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(device.lstat().st_mode) and device.stat().st_rdev == os.makedev(1, 3)
    assert names(folder) - {"faq.html"} == before


@needs_root
@pytest.mark.parametrize("writer", EVERY_WRITER)
def test_each_writer_onto_a_full_device_is_an_output_error(invoke: Any, folder: Path, writer: str) -> None:
    device = private_device(folder, "full", 7)
    before = names(folder)
    result = write_onto(invoke, folder, writer, "full")
    assert result.exit_code == 74
    assert result.stderr.endswith(": No space left on device.\n") and result.stderr.count("\n") == 1
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert names(folder) - {"faq.html"} == before


@pytest.mark.parametrize("writer", EVERY_WRITER)
def test_each_writer_onto_a_fifo_sends_into_it(invoke: Any, folder: Path, writer: str) -> None:
    fifo = folder / "pipe"
    os.mkfifo(fifo)
    before = names(folder)
    reader, received = read_fifo_in_background(fifo)
    result = write_onto(invoke, folder, writer, "pipe")
    reader.join(10)
    assert result.exit_code == 0, result.stderr
    assert looks_written(writer, received[0].decode())
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert names(folder) - {"faq.html"} == before
    assert "--data" not in result.stderr  # a FIFO cannot be read back as a corpus: not suggested


@pytest.mark.parametrize("writer", EVERY_WRITER)
def test_each_writer_onto_a_socket_sends_into_it(invoke: Any, folder: Path, writer: str) -> None:
    path = folder / "sock"
    with socket_receiver(path) as received:
        result = write_onto(invoke, folder, writer, "sock")
    assert result.exit_code == 0, result.stderr
    assert looks_written(writer, received[0].decode())
    assert stat.S_ISSOCK(path.lstat().st_mode)


@pytest.mark.parametrize("dangling", [False, True], ids=["link", "dangling link"])
@pytest.mark.parametrize("writer", EVERY_WRITER)
def test_each_writer_onto_a_symlink_writes_its_target(invoke: Any, folder: Path, writer: str, dangling: bool) -> None:
    """Without --force an existing target (or a link, even one to nothing yet) is kept; with it, or
    for config, the target is written atomically and the link stays a link."""
    target = folder / "sub" / "real"
    target.parent.mkdir()
    if not dangling:
        target.write_text("lang = nl\n")
    (folder / "link").symlink_to(Path("sub") / "real")
    result = write_onto(invoke, folder, writer, "link")
    if writer in ("export", "import"):
        assert result.exit_code == 2 and result.stderr.endswith("exists; pass --force to replace it.\n")
        assert target.exists() is not dangling and (dangling or target.read_text() == "lang = nl\n")
        return
    assert result.exit_code == 0, result.stderr
    assert os.readlink(folder / "link") == str(Path("sub") / "real")
    assert looks_written(writer, target.read_text())
    assert names(target.parent) == {"real"}  # no temporary file left beside the target


@pytest.mark.parametrize("writer", EVERY_WRITER)
def test_each_writer_onto_a_directory_is_refused(invoke: Any, folder: Path, writer: str) -> None:
    (folder / "d").mkdir()
    result = write_onto(invoke, folder, writer, "d")
    assert result.exit_code == 2
    shown = folder / "d" if writer == "config" else "d"  # config names its file in full
    assert result.stderr == f"ecoqa: {shown} is a directory; give a file name.\n"
    assert names(folder / "d") == set()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into any folder")
@pytest.mark.parametrize("writer", EVERY_WRITER)
def test_each_writer_into_an_unwritable_folder_is_an_output_error(invoke: Any, folder: Path, writer: str) -> None:
    locked = folder / "locked"
    locked.mkdir()
    page(folder)
    locked.chmod(0o555)
    try:
        result = write_onto(invoke, folder, writer, "locked/out")
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 74
    assert result.stderr.endswith(": Permission denied.\n") and result.stderr.count("\n") == 1
    assert names(locked) == set()


def test_dev_stdout_as_output_writes_to_the_standard_output(tmp_path: Path) -> None:
    """docs/usage.md's example (Writing files): -o /dev/stdout writes into the process's own output."""
    result = clean(run_in(tmp_path, "export", "3", "-o", "/dev/stdout"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# ")
    assert names(tmp_path) == set()


@pytest.mark.parametrize("content", [b"\xff\xfe\x00binary", b"lang = en\n\x80\n"])
def test_a_config_file_that_is_not_text_is_a_usage_error(invoke: Any, tmp_path: Path, content: bytes) -> None:
    """#20: a config file that is not UTF-8 is a bad setting (exit 2) for ecoqa config, a warning elsewhere."""
    config = tmp_path / "config"
    config.write_bytes(content)
    shown = here(invoke, "config", ECOQA_CONFIG=str(config))
    assert shown.exit_code == 2
    assert shown.stderr.startswith(f"ecoqa: {config}: the config file is not valid UTF-8 (byte ")
    listed = here(invoke, "list", "--plain", ECOQA_CONFIG=str(config))
    assert listed.exit_code == 0 and listed.stderr.startswith("ecoqa: warning: ")


# ------------------------------------------------------------------ pages import (review 2: #3, #9, #10, #12, #21)

TWO_MORE = "<h2>2. Waarom?</h2><p>Daarom.</p>"


def import_page(invoke: Any, tmp_path: Path, text: str, suffix: str = ".html") -> tuple[Any, dict[str, Any]]:
    page = tmp_path / f"page{suffix}"
    page.write_text(text, encoding="utf-8")
    result = invoke("import", str(page), "-o", str(tmp_path / "out.json"), "--force")
    document = json.loads((tmp_path / "out.json").read_text()) if result.exit_code == 0 else {}
    return result, document


@pytest.mark.parametrize(
    ("href", "kept"),
    [("mailto:info@example.org", None), ("https://example.org/café", "https://example.org/caf%C3%A9"),
     ("https://example.org/a b", "https://example.org/a%20b"), ("javascript:alert(1)", None),
     ("https://bücher.example/x?q=é", "https://xn--bcher-kva.example/x?q=%C3%A9")],
)  # fmt: skip
def test_links_of_an_ordinary_page_import(invoke: Any, tmp_path: Path, href: str, kept: str | None) -> None:
    """#3: a contact address or a non-ASCII link no longer makes an invalid corpus (exit 70)."""
    result, document = import_page(
        invoke, tmp_path, f'<h2>1. Hoe bereik ik jullie?</h2><p>Mail <a href="{href}">ons</a>.</p>{TWO_MORE}'
    )
    assert result.exit_code == 0, result.stderr
    first = document["questions"][0]
    assert "ons" in first["answer"]
    assert [r["url"] for r in first.get("references", [])] == ([kept] if kept else [])


@pytest.mark.parametrize("canonical", ["https://example.org/a page", "javascript:alert(1)", "mailto:x@example.org"])
def test_an_odd_canonical_address_imports(invoke: Any, tmp_path: Path, canonical: str) -> None:
    """#3: the page's own address is kept only as an http(s) address the corpus accepts."""
    result, document = import_page(
        invoke, tmp_path, f'<link rel="canonical" href="{canonical}"><h2>1. Hoe?</h2><p>Zo.</p>{TWO_MORE}'
    )
    assert result.exit_code == 0, result.stderr
    assert document["questions"][0]["source"].get("url") in (None, "https://example.org/a%20page")


@pytest.mark.parametrize("cell", ["3000000000", "²", "①", "9" * 5000, "-4"])
def test_an_id_column_the_corpus_cannot_hold_is_renumbered(invoke: Any, tmp_path: Path, cell: str) -> None:
    """#9: ids too large, superscripts, circled digits, 5,000 digits: numbered 1..N, no crash."""
    result, document = import_page(invoke, tmp_path, f"id,question,answer\n{cell},Vraag?,Antwoord.\n", ".csv")
    assert result.exit_code == 0, result.stderr
    assert [q["id"] for q in document["questions"]] == [1]


@pytest.mark.parametrize("list_html", ['<ol start="3000000000">', '<ol start="-7">', "<ol>"])
@pytest.mark.parametrize("value", ["", ' value="-5"', ' value="99999999999"'])
def test_list_numbers_the_corpus_cannot_hold_are_renumbered(
    invoke: Any, tmp_path: Path, list_html: str, value: str
) -> None:
    """#9: ``<ol start>`` and ``<li value>`` beyond what an id holds: numbered 1..N, no crash."""
    page = f"{list_html}<li{value}>Hoe werkt het?<p>Zo.</p></li><li>Waarom?<p>Daarom.</p></li></ol>"
    result, document = import_page(invoke, tmp_path, page)
    assert result.exit_code == 0, result.stderr
    assert all(0 <= q["id"] <= 2**31 - 1 for q in document["questions"])


@pytest.mark.parametrize(("tag", "depth"), [("div", 600), ("section", 1000), ("div", 1400)])
def test_deeply_nested_pages_import(invoke: Any, tmp_path: Path, tag: str, depth: int) -> None:
    """#10: hundreds of nested elements (no RecursionError)."""
    page = f"<{tag}>" * depth + "<h2>1. Hoe?</h2><p>Zo.</p>" + TWO_MORE + f"</{tag}>" * depth
    result, document = import_page(invoke, tmp_path, page)
    assert result.exit_code == 0, result.stderr
    assert [q["question"] for q in document["questions"]] == ["Hoe?", "Waarom?"]


@pytest.mark.parametrize("page", ["<div>" * 100_000 + "<h2>1. Hoe?</h2><p>Zo.</p>", "<ol><li>" * 100_000 + "Hoe?"])
def test_pages_nested_beyond_reason_are_refused_quickly(invoke: Any, folder: Path, page: str) -> None:
    """#10: 100,000 nested elements: exit 3 with one line, before the parser's quadratic time (was
    minutes, or exit 70)."""
    (folder / "deep.html").write_text(page)
    result = here(invoke, "import", "deep.html", "--dry-run")
    assert result.exit_code == 3
    assert result.stderr == "ecoqa: deep.html: elements nested more than 1,500 deep; not a page ecoqa can read.\n"


def test_json_ld_nested_a_thousand_deep_is_ignored(invoke: Any, tmp_path: Path) -> None:
    """#10: JSON-LD the decoder cannot nest that deep is passed over; the page's headings import."""
    script = '<script type="application/ld+json">' + "[" * 1000 + "]" * 1000 + "</script>"
    result, document = import_page(invoke, tmp_path, script + "<h2>1. Hoe?</h2><p>Zo.</p>" + TWO_MORE)
    assert result.exit_code == 0, result.stderr
    assert len(document["questions"]) == 2


@needs_root
@pytest.mark.parametrize(("name", "minor"), [("zero", 5), ("urandom", 9)])
def test_an_endless_device_as_import_source_is_refused(tmp_path: Path, name: str, minor: int) -> None:
    """#12: a device is not a page: exit 3 at once, instead of reading until memory runs out."""
    private_device(tmp_path, name, minor)
    result = clean(run_in(tmp_path, "import", name, "-o", "out.json", timeout=30))
    assert result.returncode == 3
    assert result.stderr == f"ecoqa: {name}: a device, not a web page, Markdown or a table.\n"
    assert not (tmp_path / "out.json").exists()


def test_a_pipe_is_still_an_import_source(invoke: Any, folder: Path) -> None:
    """#12: refusing devices keeps ``ecoqa import <(curl …)`` working: a pipe is read."""
    fifo = folder / "feed"
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "w") as stream:
            stream.write("<h2>1. Hoe?</h2><p>Zo.</p>" + TWO_MORE)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    result = here(invoke, "import", "feed", "--dry-run")
    writer.join(10)
    assert result.exit_code == 0, result.stderr
    assert "2 questions" in result.stdout


@pytest.mark.parametrize("charset", ["utf-16", "UTF-16LE", "utf-32"])
def test_a_utf8_page_that_declares_utf16_is_read_as_utf8(invoke: Any, tmp_path: Path, charset: str) -> None:
    """#21: as browsers do, a declared UTF-16 in an ASCII-readable <meta> means UTF-8."""
    page = f'<html><head><meta charset="{charset}"></head><body><h2>1. Hoe werkt het?</h2><p>Zo.</p>'
    result, document = import_page(invoke, tmp_path, page + "<h2>2. Waarom?</h2><p>Daarom!</p></body></html>\n")
    assert result.exit_code == 0, result.stderr
    assert [q["question"] for q in document["questions"]] == ["Hoe werkt het?", "Waarom?"]


# ------------------------------------------------------------------ unreadable files (review 2: #19)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file; see the test below")
@pytest.mark.parametrize("args", [["validate"], ["import", "--dry-run"]])
def test_an_unreadable_file_is_exit_3_and_one_line(tmp_path: Path, args: list[str]) -> None:
    """#19: validate (and import) of a file the user may not read: exit 3 and ecoqa's own line,
    as ``--data`` says, not Click's four-line usage error."""
    path = make_corpus(tmp_path / "c.json", 3)
    path.chmod(0)
    result = clean(ecoqa(*args[:1], str(path), *args[1:]))
    assert result.returncode == 3, result.stderr
    assert result.stderr.count("\n") == 1 and "Permission denied" in result.stderr


def test_validate_asks_ecoqa_not_click_whether_a_file_is_readable(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """#19, for any user (root too): a file that access() says cannot be read is exit 3, one line."""
    path = make_corpus(tmp_path / "c.json", 3)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == path else real_access(p, mode, **kw))
    result = invoke("validate", str(path))
    assert result.exit_code == 3
    assert result.stderr == f"ecoqa: {path}: cannot read (Permission denied).\n"


def test_a_killed_writers_temporary_file_is_swept_by_the_next_write(invoke: Any, tmp_path: Path) -> None:
    """Kill loop: an export killed with SIGKILL leaves its temporary file; the next write to the
    same file removes it (its process is gone) and leaves alone a user's look-alike and a live one."""
    out = tmp_path / "out.md"
    out.write_text("old\n")
    stale = tmp_path / ".out.md.ecoqa-999999999-abc.tmp"  # no such process
    stale.write_text("partial")
    live = tmp_path / f".out.md.ecoqa-{os.getpid()}-abc.tmp"
    live.write_text("being written")
    mine = tmp_path / ".out.md.notes.tmp"
    mine.write_text("a user's own")
    result = here(invoke, "export", "3", "-o", str(out), "--force")
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, live.name, mine.name])


@pytest.mark.parametrize("args", [["help"], ["--help"], ["--version"], ["search", "--help"], ["-h"], ["export", "-h"]])
def test_a_reader_that_left_before_the_last_flush_is_still_success(args: list[str]) -> None:
    """#8's fix keeps the README's rule: a closed pipe (the reader stopped reading) is exit 0,
    quietly; also for help and the version, which Click writes before any command runs (Typer's
    own broken-pipe path exits 1)."""
    with subprocess.Popen(
        [sys.executable, "-m", "ecoqa", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment()
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # gone before ecoqa writes a byte
        stderr = process.stderr.read()
        assert process.wait(60) == 0
    assert stderr == b""


@pytest.mark.parametrize("kind", ["fifo", "device", "link-to-fifo"])
def test_an_index_file_that_is_not_a_regular_file_never_hangs(
    invoke: Any, tmp_path: Path, big: Path, kind: str
) -> None:
    """A FIFO or a device where the index should be (planted in the cache) is never opened: one
    warning, a rebuild, the right answer; the FIFO or device is never written into."""
    from ecoqa import store

    cache = tmp_path / "cache"
    expected = reference(invoke, big, tmp_path, "search", "financiering", "--json")
    path = store.index_path(cache, store.cache_key(big.read_bytes()))
    cache.mkdir()
    if kind == "device":
        if os.geteuid() != 0:
            pytest.skip("making a device node needs root")
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 5))  # a private /dev/zero
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        os.mkfifo(tmp_path / "fifo")
        path.symlink_to(tmp_path / "fifo")
    result = clean(ecoqa("search", "financiering", "--json", "--data", str(big), cache=cache, timeout=60))
    assert result.stdout == expected
    assert result.stderr.count("\n") == 1 and "not a regular file" in result.stderr
    assert stat.S_ISREG(os.lstat(path).st_mode)
    if kind == "link-to-fifo":
        assert stat.S_ISFIFO(os.stat(tmp_path / "fifo").st_mode)
