"""How long a TAB takes: each kind of completion against a bare ``python -c pass``, as ratios.

    python benchmarks/completion_speed.py [--runs N] [--ecoqa PATH]

Runs the ``ecoqa`` console script the way the installed bash script does (``_ECOQA_COMPLETE=
complete_bash`` with ``COMP_WORDS``/``COMP_CWORD``), alternating the cases with the floor so that
load on a shared machine hits them alike, and prints the median of each and its ratio to the floor.
The goal (issue #28) is under 0.15 s a TAB; the ratio is what stays comparable between machines.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

CASES = {
    "command name": ["ecoqa", "se"],
    "option name": ["ecoqa", "list", "--"],
    "id": ["ecoqa", "show", "1"],
    "topic": ["ecoqa", "list", "--topic", "mk"],
}


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--ecoqa", default=shutil.which("ecoqa") or "ecoqa")
    args = parser.parse_args()
    floor: list[float] = []
    times: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(args.runs):
        for name, words in CASES.items():
            floor.append(timed([sys.executable, "-c", "pass"], dict(os.environ)))
            env = {
                **os.environ,
                "_ECOQA_COMPLETE": "complete_bash",
                "COMP_WORDS": "\n".join(words),
                "COMP_CWORD": str(len(words) - 1),
            }
            times[name].append(timed([args.ecoqa], env))
    base = statistics.median(floor)
    print(f"python -c pass: {base * 1000:.0f} ms (median of {len(floor)}; load {os.getloadavg()[0]:.1f})")
    for name, runs in times.items():
        median = statistics.median(runs)
        print(f"{name:>13}: {median * 1000:4.0f} ms  {median / base:4.1f}x the floor")


if __name__ == "__main__":
    main()
