"""Run the tests that start processes, send signals or use timers again and again, under load.

usage: python benchmarks/flake_loop.py [--runs 20] [--busy auto|N] [--logs FOLDER] [-- PYTEST ARGS]

Each run is ``python -m pytest -m process -x`` (the ``process`` marker is given by the rule in
``tests/conftest.py``) while the other cores are busy, as on a loaded machine: with ``--busy auto``
(the default) an endless loop at the lowest priority runs beside a run that starts while the load
average is below the number of cores (other work keeps them busy otherwise); ``--busy N`` always
runs N loops. Stops at the first failing run, whose output is kept in
``--logs``, and prints how many runs passed in a row, the time of each, the load average and the
commit; exits 1 when a run failed. Extra arguments after ``--`` go to pytest (e.g. ``-k signal``).

On a machine shared with other sessions, lower this session's priority first (Linux with
autogroup, where ``nice`` alone does nothing across sessions): ``echo 10 > /proc/$$/autogroup``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUSY_LOOP = "while True: pass"


def loops_wanted(busy: str) -> int:
    """How many endless loops the next run needs beside it (see ``--busy``)."""
    if busy != "auto":
        return int(busy)
    return 1 if os.getloadavg()[0] < (os.cpu_count() or 1) else 0


@contextlib.contextmanager
def busy_loops(count: int) -> Iterator[None]:
    """*count* endless loops at the lowest priority for as long as the block runs."""
    loops = [subprocess.Popen([sys.executable, "-c", BUSY_LOOP], preexec_fn=lambda: os.nice(19)) for _ in range(count)]
    try:
        yield
    finally:
        for loop in loops:
            loop.kill()
            loop.wait()


def commit() -> str:
    result = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True, check=False
    )
    return result.stdout.strip() or "unknown"


def load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--busy", default="auto", help="endless loops beside the tests: auto (default) or a number")
    parser.add_argument("--logs", type=Path, default=None, help="folder for each run's output (default: temporary)")
    parser.add_argument("pytest_args", nargs="*", help="after --: more pytest arguments")
    options = parser.parse_args()
    logs = options.logs or Path(tempfile.mkdtemp(prefix="ecoqa-flake-loop-"))
    logs.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "pytest", "-m", "process", "-x", "-q", "-p", "no:cacheprovider"]
    command += options.pytest_args
    print(f"commit {commit()}, {options.runs} runs of: {' '.join(command[1:])}; logs in {logs}", flush=True)
    passed = 0
    times: list[float] = []
    for run in range(1, options.runs + 1):
        loops, before = loops_wanted(options.busy), load()
        start = time.monotonic()
        with busy_loops(loops):
            result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        times.append(time.monotonic() - start)
        (logs / f"run{run}.log").write_text(result.stdout + result.stderr, encoding="utf-8")
        print(
            f"run {run}: exit {result.returncode}, {times[-1]:.0f} s, load {before} -> {load()}, "
            f"{loops} busy loop(s): {last_line(result.stdout)}",
            flush=True,
        )
        if result.returncode != 0:
            print(f"run {run} failed; its output: {logs / f'run{run}.log'}")
            break
        passed += 1
    mean = sum(times) / len(times) if times else 0.0
    print(f"{passed} of {options.runs} runs passed in a row; {mean:.0f} s per run on average")
    return 0 if passed == options.runs else 1


if __name__ == "__main__":
    sys.exit(main())
