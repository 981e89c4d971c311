"""Time every ecoqa command against the Typer floor and an SQLite FTS5 baseline, at several sizes.

usage: python benchmarks/run.py [--runs N] [--sizes 1000,10000,100000] [--ecoqa PATH]

Every figure is a median over runs alternated in this one process, so the floor, FTS5 and
ecoqa see the same machine state (commands that take seconds: at most three runs each).
Ratios: against the floor app (benchmarks/floor_app.py, a two-command Typer app printing one
line with rich) and, for searches and the first build,
against FTS5 (benchmarks/fts5_baseline.py: building an FTS5 table of the same text from the
JSON file; a bm25-ranked top-10 query in a fresh process). Peak memory is the child's max RSS
(os.wait4; for pipelines, the largest process). Corpora come from benchmarks/make_corpus.py
(50 topics, principles, translations, key points); the index cache goes to a temporary dir.
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


def run(command: list[str], env: dict[str, str], shell: bool = False) -> tuple[float, int]:
    """Wall time in seconds and peak RSS in MB of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(
        " ".join(command) if shell else command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        shell=shell,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1) and not shell:
        sys.exit(f"failed ({code}): {' '.join(command)}")
    if shell:  # the shell's own peak says nothing about the pipeline's commands
        return elapsed, 0
    return elapsed, usage.ru_maxrss // 1024


def alternated(
    commands: dict[str, tuple[list[str], bool]], runs: int, env: dict[str, str]
) -> dict[str, tuple[float, int]]:
    times: dict[str, list[float]] = {name: [] for name in commands}
    memory: dict[str, int] = dict.fromkeys(commands, 0)
    for command, shell in commands.values():  # warm the file cache and the bytecode once
        run(command, env, shell)
    for _ in range(runs):
        for name, (command, shell) in commands.items():
            elapsed, rss = run(command, env, shell)
            times[name].append(elapsed)
            memory[name] = max(memory[name], rss)
    return {name: (statistics.median(values), memory[name]) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--ecoqa", default=str(Path(sys.executable).with_name("ecoqa")))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ecoqa-bench-"))
    try:
        measure(work, args.runs, [int(s) for s in args.sizes.split(",")], sys.executable, args.ecoqa)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure(work: Path, runs: int, sizes: list[int], python: str, ecoqa: str) -> None:
    env = {**os.environ, "ECOQA_CACHE_DIR": str(work / "cache"), "COLUMNS": "100", "ECOQA_PAGER": ""}
    # Installed packages run from compiled bytecode (pip compiles it); let the warm-up runs write it
    # for an editable checkout too, or every run would pay for compiling ecoqa's sources.
    for name in ("FORCE_COLOR", "ECOQA_DATA", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    floor = [python, str(HERE / "floor_app.py"), "hello"]
    print(f"medians of {runs} alternated runs; floor = {' '.join(Path(a).name for a in floor)}\n")
    base = alternated({"floor": (floor, False), "show": ([ecoqa, "show", "10"], False),
                       "search": ([ecoqa, "search", "financing"], False)}, runs, env)  # fmt: skip
    print("bundled corpus\n\n| command | median ms | × floor | peak MB |\n| --- | ---: | ---: | ---: |")
    for name, label in (("floor", "floor app"), ("show", "ecoqa show 10"), ("search", "ecoqa search financing")):
        seconds, rss = base[name]
        print(f"| {label} | {seconds * 1000:.0f} | {seconds / base['floor'][0]:.2f} | {rss} |")
    for size in sizes:
        sized(work, size, runs, python, ecoqa, floor, env)


def sized(work: Path, size: int, runs: int, python: str, ecoqa: str, floor: list[str], env: dict[str, str]) -> None:
    corpus = work / f"c{size}.json"
    subprocess.run([python, str(HERE / "make_corpus.py"), str(size), str(corpus)], check=True)
    database = work / f"c{size}.fts5"
    fts_build, fts_build_rss = run([python, str(HERE / "fts5_baseline.py"), "build", str(corpus), str(database)], env)
    shutil.rmtree(work / "cache", ignore_errors=True)
    first, first_rss = run([ecoqa, "search", "financiering", "--data", str(corpus)], env)
    data = ["--data", str(corpus)]
    commands = {
        "floor": (floor, False),
        "fts5 query (common word)": (
            [python, str(HERE / "fts5_baseline.py"), "query", str(database), "ecosysteem"],
            False,
        ),
        "show N": ([ecoqa, "show", str(size // 2), *data], False),
        "list (all, piped)": ([ecoqa, "list", *data], False),
        "list | head -1": ([ecoqa, "list", *data, "|", "head", "-1"], True),
        "list --table | head -40": ([ecoqa, "list", "--table", *data, "|", "head", "-40"], True),
        "search rare (electrolyzers)": ([ecoqa, "search", "electrolyzers", *data], False),
        "search common (ecosysteem)": ([ecoqa, "search", "ecosysteem", *data], False),
        "search multi-word": ([ecoqa, "search", "ecosysteem innovatie financiering", *data], False),
        "search typo (finaciering)": ([ecoqa, "search", "finaciering", *data], False),
        "topics": ([ecoqa, "topics", *data], False),
        "export markdown": ([ecoqa, "export", "-f", "md", *data], False),
        "export html": ([ecoqa, "export", "-f", "html", *data], False),
        "export json": ([ecoqa, "export", "-f", "json", *data], False),
        "validate": ([ecoqa, "validate", str(corpus)], False),
    }
    slow = {"list (all, piped)", "export markdown", "export html", "export json", "validate"}
    quick = {name: spec for name, spec in commands.items() if name not in slow}
    found = alternated(quick, runs, env)  # the floor varies between runs: many runs where they are cheap
    found |= alternated({name: commands[name] for name in commands if name in slow}, min(runs, 3), env)
    found = {name: found[name] for name in commands}
    floor_time = found["floor"][0]
    fts_query = found["fts5 query (common word)"][0]
    mb = corpus.stat().st_size / 2**20
    print(f"\n{size:,} entries ({mb:.0f} MB)\n")
    print("| command | median ms | × floor | × FTS5 | peak MB |\n| --- | ---: | ---: | ---: | ---: |")
    print(f"| first build (first search) | {first * 1000:.0f} | {first / floor_time:.1f} | "
          f"{first / fts_build:.2f} (FTS5 build {fts_build:.1f} s, {fts_build_rss} MB) | {first_rss} |")  # fmt: skip
    for name, (seconds, rss) in found.items():
        versus = f"{seconds / fts_query:.2f}" if name.startswith(("search", "fts5")) else ""
        print(f"| {name} | {seconds * 1000:.0f} | {seconds / floor_time:.2f} | {versus} | {rss or '-'} |")


if __name__ == "__main__":
    main()
