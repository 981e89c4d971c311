"""Time ecoqa against the Typer floor and measure growth with corpus size.

usage: python benchmarks/run.py [--runs N] [--sizes 1000,10000,100000] [--ecoqa PATH]

Every figure is a median over alternated runs in this one process, so the floor and ecoqa see
the same machine state; ratios are against the floor app (benchmarks/floor_app.py: a two-command
Typer app printing one line with rich). Peak memory is the child's max RSS (os.wait4).
Synthetic corpora come from benchmarks/make_corpus.py; the index cache goes to a temporary dir.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time in seconds and peak RSS in MB of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss // 1024


def alternated(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, tuple[float, int]]:
    times: dict[str, list[float]] = {name: [] for name in commands}
    memory: dict[str, int] = dict.fromkeys(commands, 0)
    for command in commands.values():  # warm the file cache once
        run(command, env)
    for _ in range(runs):
        for name, command in commands.items():
            elapsed, rss = run(command, env)
            times[name].append(elapsed)
            memory[name] = max(memory[name], rss)
    return {name: (statistics.median(values), memory[name]) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--ecoqa", default=str(Path(sys.executable).with_name("ecoqa")))
    args = parser.parse_args()
    python, ecoqa = sys.executable, args.ecoqa
    work = Path(tempfile.mkdtemp(prefix="ecoqa-bench-"))
    try:
        measure(work, args.runs, args.sizes, python, ecoqa)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # the 100,000-entry corpus and its index take 150 MB


def measure(work: Path, runs: int, sizes: str, python: str, ecoqa: str) -> None:
    env = {**os.environ, "ECOQA_CACHE_DIR": str(work / "cache"), "COLUMNS": "100"}
    # Installed packages run from compiled bytecode (pip compiles it); let the warm-up runs write it
    # for an editable checkout too, or every run would pay for compiling ecoqa's sources.
    for name in ("FORCE_COLOR", "ECOQA_DATA", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    floor = [python, str(HERE / "floor_app.py"), "hello"]

    print(f"bundled corpus, median of {runs} alternated runs\n")
    base = alternated(
        {"floor": floor, "show": [ecoqa, "show", "10"], "search": [ecoqa, "search", "financing"]}, runs, env
    )
    floor_time = base["floor"][0]
    print("| command | median ms | × floor | peak MB |\n| --- | ---: | ---: | ---: |")
    for name, label in (("floor", "floor app"), ("show", "ecoqa show 10"), ("search", "ecoqa search financing")):
        seconds, rss = base[name]
        print(f"| {label} | {seconds * 1000:.0f} | {seconds / floor_time:.2f} | {rss} |")

    print("\nsynthetic corpora (--data), `ecoqa search financiering`\n")
    print("| entries | file MB | first search s | first peak MB | repeated ms | × floor | repeated peak MB |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in (int(s) for s in sizes.split(",")):
        corpus = work / f"c{size}.json"
        subprocess.run([python, str(HERE / "make_corpus.py"), str(size), str(corpus)], check=True)
        search = [ecoqa, "search", "financiering", "--data", str(corpus)]
        first, first_rss = run(search, env)
        timings = alternated({"floor": floor, "search": search}, max(5, runs // 2), env)
        repeated, rss = timings["search"]
        ratio = repeated / timings["floor"][0]
        mb = corpus.stat().st_size / 2**20
        print(f"| {size:,} | {mb:.1f} | {first:.2f} | {first_rss} | {repeated * 1000:.0f} | {ratio:.2f} | {rss} |")


if __name__ == "__main__":
    main()
