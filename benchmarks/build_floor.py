"""How fast could a first build be in Python? The floor of the work no build can skip, beside FTS5.

usage: python benchmarks/build_floor.py CORPUS.json

Measures, in one run:

- FTS5: ``fts5_baseline.py build`` (JSON parse and FTS5 indexing of the same text) as its own
  process, wall time;
- validation: ``json.loads`` of the whole file (C, and more memory than a build may use), then
  ecoqa's checker over every question, which a build must do before it stores one;
- the floor: for every checked entry and every field the index reads (``field_texts``) ecoqa's own
  tokeniser (``index_words``), a ``Counter`` of the words and one packed posting appended per
  distinct word: no stemming, no storing, no weighting, no writing; a real build does all of that
  on top.

It prints the floor's CPU time with and without validation, that time spread perfectly over every
core (no build can be faster than this on this machine), and the issue's target (1.5 x FTS5): what
is left between the spread floor and the target is all a build may spend on stemming, storing the
entries, weighting and writing the index.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from array import array
from collections import Counter
from pathlib import Path

from ecoqa.schema import Checker
from ecoqa.search.analysis import index_words
from ecoqa.search.index import field_texts

HERE = Path(__file__).resolve().parent


def fts5_seconds(corpus: Path) -> float:
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "floor.fts5"
        started = time.perf_counter()
        command = [sys.executable, str(HERE / "fts5_baseline.py"), "build", str(corpus), str(database)]
        subprocess.run(command, check=True)
        return time.perf_counter() - started


def floor_cpu_seconds(corpus: Path) -> tuple[float, float, int]:
    """CPU seconds of tokenising, counting and appending one posting per distinct word; CPU
    seconds of parsing and validating every question; the number of distinct words."""
    started = time.process_time()
    checker = Checker(str(corpus))
    entries = [checker.question(value) for value in json.loads(corpus.read_bytes())["questions"]]
    validated = time.process_time()
    postings: dict[str, array[int]] = {}
    for position, entry in enumerate(entries):
        if entry is None:
            continue
        for field, parts in enumerate(field_texts(entry).values()):
            counts = Counter(word for part in parts for word in index_words(part))
            for word, count in counts.items():
                found = postings.get(word)
                if found is None:
                    found = postings[word] = array("Q")
                found.append(position << 12 | field << 8 | min(count, 255))
    return time.process_time() - validated, validated - started, len(postings)


def main() -> None:
    corpus = Path(sys.argv[1])
    fts5 = fts5_seconds(corpus)
    floor, validation, words = floor_cpu_seconds(corpus)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    print(f"corpus                      {corpus} ({corpus.stat().st_size / 2**20:.0f} MB, {words:,} distinct words)")
    print(f"FTS5 build (wall)           {fts5:6.1f} s")
    print(f"target: 1.5 x FTS5          {1.5 * fts5:6.1f} s")
    print(f"floor (CPU, one core)       {floor:6.1f} s = {floor / fts5:.2f} x FTS5")
    print(f"floor over {cores} cores (ideal)  {floor / cores:6.1f} s = {floor / cores / fts5:.2f} x FTS5")
    print(f"validation (CPU)            {validation:6.1f} s")
    both = (floor + validation) / cores
    print(f"both over {cores} cores (ideal)   {both:6.1f} s = {both / fts5:.2f} x FTS5")
    left = 1.5 * fts5 - both
    print(f"left for all else (ideal)   {left:6.1f} s of wall time, {cores * left:.1f} s of CPU")


if __name__ == "__main__":
    main()
