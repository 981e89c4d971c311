"""Kill ecoqa at a random moment, again and again, and check that nothing hangs or is left behind.

usage: python benchmarks/kill_loop.py [--runs 1000] [--entries 1500] [--seed 1] [--timeout 60] [--ecoqa PATH]
                                     [--only import] [--page-entries N]

Each run starts one of three operations on a corpus large enough to get a persistent index
(``store.MIN_BYTES``): an index build (``search`` with an empty ``ECOQA_CACHE_DIR``), an export
(Markdown, HTML or JSON, ``-o out --force`` over an existing file) or an import (``-o out.json
--force`` over an existing file; ``--page-entries`` sets the page's size, 1,500 by default, about
1 MB), and sends it SIGINT (to its process group, as Ctrl-C does), SIGTERM, SIGHUP or SIGKILL
after a random delay between 0 and 1.2 times the operation's own duration (``--only`` picks
operations by the start of their names). Checked for every run:

- no hang: the process (and every process of its group) ends within ``--timeout`` seconds;
- the exit code: 130 after SIGINT, 143 after SIGTERM, 129 after SIGHUP, killed after SIGKILL, or 0
  if it was done; a SIGTERM or SIGHUP before ecoqa's first line (in Python's start-up) or after
  its last (in Python's exit, the command done and said) ends the process by the signal itself:
  such runs are counted apart as "by the signal", before (nothing on stderr) or after, with the
  longest delay after which one came before;
- what ecoqa says: after SIGTERM or SIGHUP answered by ecoqa, exactly the one line
  ``ecoqa: stopped by SIGTERM.`` (SIGHUP; or its Dutch) on stderr;
- the output is the old file or the complete new one (byte for byte as an undisturbed run writes it);
- no leftover: after SIGINT, SIGTERM or SIGHUP, as soon as ecoqa has ended; after SIGKILL, which
  leaves no chance to clean up, after the next run (an undisturbed run of the same command, which
  must succeed and give the same output; with ``--next-run-after-sigkill-only``, run after SIGKILL
  only). A leftover is a temporary file beside the output or in the cache, or anything but the
  indexes and their map (``ecoqa-*.sqlite3``, ``ecoqa-files.json``) in the cache.

A SIGINT during Python's own start-up, before the first line of ecoqa runs (the interpreter
importing ``site``, ``runpy`` or the console script's ``import re``, or importing ecoqa's files),
makes Python print a traceback (and exit 1 or by the signal) that no code in ecoqa can prevent:
such runs are counted apart as "start-up", recognised by a traceback without a frame in ecoqa's
source. Every other traceback, "Exception ignored" or "internal error" is a failure.

Prints a table of outcomes per operation and signal, and a JSON line with the totals; exits 1
when any run failed a check.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

SIGNALS = {"SIGINT": signal.SIGINT, "SIGTERM": signal.SIGTERM, "SIGHUP": signal.SIGHUP, "SIGKILL": signal.SIGKILL}
#: 130/143/129: ecoqa ended itself (128 + the signal's number); the negative code: the signal came
#: before ecoqa could take it (during Python's start-up), which ends the process as the shell's
#: 130/143/129 says, with nothing written (counted apart, see BY_THE_SIGNAL).
EXPECTED = {
    "SIGINT": (130, -signal.SIGINT),
    "SIGTERM": (143,),
    "SIGHUP": (129,),
    "SIGKILL": (-signal.SIGKILL,),
}
#: what ecoqa says when it answers a kill or a hang-up: one line, in English or (before the command
#: runs, in the bundled corpus's language) Dutch
SAID = {
    name: (f"ecoqa: stopped by {name}.\n".encode(), f"ecoqa: gestopt door {name}.\n".encode())
    for name in ("SIGTERM", "SIGHUP")
}


@dataclass
class Operation:
    name: str
    args: list[str]
    output: str | None  # the file written, relative to the work folder; None: the index in the cache
    seconds: float = 1.0  # an undisturbed run's duration, measured once
    reference: bytes = b""  # what an undisturbed run writes (or prints, for the build)


def page(entries: int) -> str:
    """An FAQ page of *entries* numbered questions: an import with real work to do."""
    rng = random.Random(5)
    words = "financiering fonds innovatie ecosysteem regio kennis burger overheid samenwerking".split()
    parts = ["<html><head><title>FAQ</title></head><body>"]
    for n in range(1, entries + 1):
        question = " ".join(rng.choice(words) for _ in range(8)).capitalize()
        answer = " ".join(rng.choice(words) for _ in range(60))
        parts.append(f"<h2>{n}. {question}?</h2><p>{answer}.</p>")
    return "".join(parts) + "</body></html>\n"


class Loop:
    def __init__(
        self,
        folder: Path,
        ecoqa: list[str],
        entries: int,
        timeout: float,
        only: str,
        page_entries: int,
        next_every_time: bool = True,
    ) -> None:
        from make_corpus import make

        self.folder, self.ecoqa, self.timeout = folder, ecoqa, timeout
        self.codes: Counter[tuple[str, str, int]] = Counter()  # (operation, signal, exit code) -> runs
        self.next_every_time = next_every_time
        corpus = folder / "corpus.json"
        corpus.write_text(json.dumps(make(entries), ensure_ascii=False), encoding="utf-8")
        (folder / "page.html").write_text(page(page_entries), encoding="utf-8")
        data = ["--data", str(corpus)]
        self.operations = [
            Operation("build", [*data, "search", "financiering innovatie", "--json"], None),
            Operation("export md", [*data, "export", "-f", "md", "-o", "out.md", "--force"], "out.md"),
            Operation("export html", [*data, "export", "-f", "html", "-o", "out.html", "--force"], "out.html"),
            Operation("export json", [*data, "export", "-f", "json", "-o", "out.json", "--force"], "out.json"),
            Operation("import", ["import", "page.html", "-o", "imported.json", "--force"], "imported.json"),
        ]
        self.operations = [operation for operation in self.operations if operation.name.startswith(only)]
        for operation in self.operations:
            self.measure(operation)

    def environment(self, cache: Path) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("ECOQA_", "PYTHONUNBUFFERED"))}
        return env | {"ECOQA_CACHE_DIR": str(cache), "ECOQA_CONFIG": str(self.folder / "no-config")}

    def run(self, operation: Operation, cache: Path) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [*self.ecoqa, *operation.args], cwd=self.folder, env=self.environment(cache),
            capture_output=True, timeout=self.timeout * 4, check=False,
        )  # fmt: skip

    def measure(self, operation: Operation) -> None:
        cache = Path(tempfile.mkdtemp(dir=self.folder, prefix="cache-"))
        started = time.monotonic()
        done = self.run(operation, cache)
        operation.seconds = time.monotonic() - started
        if done.returncode != 0:
            raise SystemExit(f"{operation.name} fails undisturbed: {done.stderr.decode(errors='replace')}")
        operation.reference = done.stdout if operation.output is None else (self.folder / operation.output).read_bytes()
        shutil.rmtree(cache)

    def once(self, operation: Operation, name: str, rng: random.Random) -> list[str]:
        """One killed run and the undisturbed run after it; the problems seen (none: all well), and
        BY_THE_SIGNAL with the delay when the signal ended the process before ecoqa could answer it."""
        cache = Path(tempfile.mkdtemp(dir=self.folder, prefix="cache-"))
        target = self.folder / operation.output if operation.output else None
        old = f"old content {rng.random()}\n".encode()
        if target is not None:
            target.write_bytes(old)
        process = subprocess.Popen(
            [*self.ecoqa, *operation.args], cwd=self.folder, env=self.environment(cache),
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
        )  # fmt: skip
        delay = rng.uniform(0, 1.2 * operation.seconds)
        time.sleep(delay)
        try:
            if name == "SIGINT":
                os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole foreground group
            else:
                process.send_signal(SIGNALS[name])
        except ProcessLookupError:
            pass
        problems = []
        try:
            _, stderr = process.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            problems.append("hang")
            os.killpg(process.pid, signal.SIGKILL)
            _, stderr = process.communicate()
        if _group_alive(process.pid):
            problems.append("processes left running")
            os.killpg(process.pid, signal.SIGKILL)
        code = process.returncode
        self.codes[(operation.name, name, code)] += 1
        if in_python_start_up(stderr):
            problems.append(START_UP)
        elif name in SAID and code == -SIGNALS[name]:  # before ecoqa's first line, or after its last
            if b"Traceback" in stderr or b"internal error" in stderr:
                problems.append("traceback when ended by the signal")
            problems.append(f"{BY_THE_SIGNAL} {'after' if stderr else 'before'} {delay:.3f}")
        else:
            if code not in (0, *EXPECTED[name]) and "hang" not in problems:
                problems.append(f"exit {code}")
            if name in SAID and code == EXPECTED[name][0] and stderr not in SAID[name]:
                problems.append(f"said {stderr[:160]!r}")
            if any(sign in stderr for sign in (b"Traceback", b"internal error", b"Exception ignored")):
                last = stderr.decode(errors="replace").strip().splitlines()[-1:]
                problems.append(f"traceback ({last[0][:160] if last else ''})")
        if target is not None and target.read_bytes() not in (old, operation.reference):
            problems.append("output neither old nor new")
        if name != "SIGKILL":  # Ctrl-C and kill clean up before ecoqa ends, not the next run
            problems += [f"left after the signal {n}" for n in self.leftovers(cache)]
            if not self.next_every_time:
                shutil.rmtree(cache, ignore_errors=True)
                return problems
        after = self.run(operation, cache)
        if after.returncode != 0:
            problems.append(f"next run exit {after.returncode}")
        got = after.stdout if target is None else target.read_bytes()
        if got != operation.reference:
            problems.append("next run differs")
        problems += [f"leftover {n}" for n in self.leftovers(cache)]
        shutil.rmtree(cache, ignore_errors=True)
        return problems

    def leftovers(self, cache: Path) -> list[str]:
        beside = [p.name for p in self.folder.iterdir() if p.name.startswith(".")]
        inside = [p.name for p in cache.iterdir() if not CACHE_FILE.fullmatch(p.name)]
        return beside + [f"cache/{n}" for n in inside]


#: What the cache holds between runs: indexes and the map of files to them, named by ecoqa.
CACHE_FILE = re.compile(r"ecoqa-([0-9a-f]{64}\.sqlite3|files\.json)")
START_UP = "start-up"
BY_THE_SIGNAL = "by the signal"
#: A frame in one of ecoqa's own source files (not the console script, which is Python's launcher).
ECOQA_FRAME = re.compile(rb'File "[^"]*/ecoqa/[^"]*\.py", line')


def in_python_start_up(stderr: bytes) -> bool:
    """A traceback printed before any line of ecoqa ran: Python's, not ecoqa's (see the docstring)."""
    return (b"Traceback" in stderr or b"Fatal Python error" in stderr) and not ECOQA_FRAME.search(stderr)


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=1500, help="corpus entries (1,500: about 2.7 MB)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds after the signal that count as a hang")
    parser.add_argument("--ecoqa", default=None, help="the ecoqa command (default: this Python's -m ecoqa)")
    parser.add_argument("--only", default="", help="only the operations whose names start so: import, export, build")
    parser.add_argument("--page-entries", type=int, default=1500, help="questions on the page to import (1,500: ~1 MB)")
    parser.add_argument(
        "--next-run-after-sigkill-only",
        action="store_true",
        help="the undisturbed run after SIGKILL only (it sweeps what SIGKILL left); others are checked as they end",
    )
    options = parser.parse_args()
    ecoqa = [options.ecoqa] if options.ecoqa else [sys.executable, "-m", "ecoqa"]
    rng = random.Random(options.seed)
    folder = Path(tempfile.mkdtemp(prefix="ecoqa-kill-loop-"))
    try:
        loop = Loop(
            folder, ecoqa, options.entries, options.timeout, options.only, options.page_entries,
            next_every_time=not options.next_run_after_sigkill_only,
        )  # fmt: skip
        source = (folder / "page.html").stat().st_size / 1e6
        for operation in loop.operations:
            print(f"{operation.name:12} undisturbed {operation.seconds:.2f} s", flush=True)
        print(f"page to import: {source:.1f} MB", flush=True)
        runs: Counter[tuple[str, str]] = Counter()
        failed: Counter[tuple[str, str, str]] = Counter()
        start_up: Counter[tuple[str, str]] = Counter()
        by_signal: Counter[tuple[str, str, str]] = Counter()  # (operation, signal, before or after ecoqa ran)
        latest = 0.0  # the longest delay after which a signal still ended the process before ecoqa ran
        for number in range(1, options.runs + 1):
            operation, name = rng.choice(loop.operations), rng.choice(sorted(SIGNALS))
            runs[(operation.name, name)] += 1
            for problem in loop.once(operation, name, rng):
                if problem == START_UP:
                    start_up[(operation.name, name)] += 1
                    continue
                if problem.startswith(BY_THE_SIGNAL):
                    when, delay = problem.split()[-2:]
                    by_signal[(operation.name, name, when)] += 1
                    if when == "before":
                        latest = max(latest, float(delay))
                    continue
                kind = problem.rsplit(" ", 1)[0] if problem.startswith(("leftover", "left after")) else problem
                failed[(operation.name, name, kind)] += 1
                print(f"run {number}: {operation.name} {name}: {problem}", flush=True)
            if number % 100 == 0:
                print(f"{number} runs, {sum(failed.values())} problems", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("\nby signal: runs ended by the signal itself, before ecoqa's first line / after its last")
    print(f"{'operation':12} {'signal':8} {'runs':>5} {'start-up':>8} {'by signal':>9}  exit codes; problems")
    for (operation_name, name), count in sorted(runs.items()):
        seen = {p: n for (o, s, p), n in failed.items() if (o, s) == (operation_name, name)}
        listed = ", ".join(f"{p} x{n}" for p, n in seen.items()) or "-"
        exits = " ".join(f"{c}:{n}" for (o, s, c), n in sorted(loop.codes.items()) if (o, s) == (operation_name, name))
        ended = "/".join(str(by_signal[(operation_name, name, when)]) for when in ("before", "after"))
        print(
            f"{operation_name:12} {name:8} {count:5} {start_up[(operation_name, name)]:8} {ended:>9}  {exits}; {listed}"
        )
    kinds: Counter[str] = Counter()
    for (_, _, problem), count in failed.items():
        kinds[problem] += count
    totals = {"runs": sum(runs.values()), "problems": sum(failed.values()), "by_kind": kinds}
    totals |= {"python_start_up_tracebacks": sum(start_up.values())}
    for when in ("before", "after"):
        totals[f"ended_by_the_signal_{when}_ecoqa_ran"] = sum(n for (_, _, w), n in by_signal.items() if w == when)
    print(json.dumps(totals | {"latest_delay_ended_by_the_signal_before_ecoqa_ran_s": round(latest, 3)}))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
