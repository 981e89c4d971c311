"""ecoqa's streaming JSON reader (``corpus.JsonStream``) against ijson's C backend (yajl2_c).

usage: python benchmarks/json_stream.py CORPUS [--runs N]

Times reading every question of a large corpus file one at a time (what a first index build and
``validate`` of a large file do), alternated, and prints the message each reader gives for the
same broken files. ijson is not a dependency of ecoqa: ``pip install ijson`` to run this.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ecoqa.corpus import JsonStream
from ecoqa.errors import CorpusError


def ours(handle: Any) -> int:
    return sum(1 for kind, _ in JsonStream(handle, "c.json").events() if kind == "question")


def theirs(handle: Any) -> int:
    import ijson

    return sum(1 for _ in ijson.items(handle, "questions.item", use_float=True))


def timed(read: Callable[[Any], int], path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    with path.open("rb") as handle:
        count = read(handle)
    return time.perf_counter() - start, count


def message(read: Callable[[Any], int], data: bytes) -> str:
    try:
        read(io.BytesIO(data))
    except CorpusError as error:
        return error.message
    except Exception as error:  # ijson's own errors
        return f"{type(error).__name__}: {error}"
    return "(no error)"


BROKEN = {
    "cut off in a string": b'{"questions": [{"id": 1, "question": "Hoe',
    "missing comma, line 3": b'{"questions": [\n {"id": 1, "question": "a?", "answer": "b"}\n {"id": 2}]}',
    "a quote left out, line 2": b'{"questions": [\n {"id": 1, "question": "a?, "answer": "b"}]}',
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times: dict[str, list[float]] = {"ecoqa JsonStream": [], "ijson yajl2_c": []}
    counts = set()
    for _ in range(args.runs):
        for name, read in (("ecoqa JsonStream", ours), ("ijson yajl2_c", theirs)):
            seconds, count = timed(read, args.corpus)
            times[name].append(seconds)
            counts.add(count)
    assert len(counts) == 1, counts
    mb = args.corpus.stat().st_size / 2**20
    print(f"{counts.pop():,} questions, {mb:.0f} MB, medians of {args.runs} alternated runs\n")
    print("| reader | median s | MB/s |\n| --- | ---: | ---: |")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"| {name} | {median:.2f} | {mb / median:.0f} |")
    print("\n| broken file | ecoqa | ijson |\n| --- | --- | --- |")
    for name, data in BROKEN.items():
        print(f"| {name} | {message(ours, data)} | {message(theirs, data)} |")


if __name__ == "__main__":
    main()
