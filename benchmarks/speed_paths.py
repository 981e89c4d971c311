"""What each hand-written speed path of the search and the store saves, against the plain code it replaces.

usage: python benchmarks/speed_paths.py CORPUS.json [--runs N]

Each row times the path ecoqa keeps and the plainest code with the same result (checked equal
first), in this one process, as the median of N alternated runs; the ratio is plain / kept, so
a ratio near 1.0 means the path saves nothing and its lines could go. Make a corpus with
``python benchmarks/make_corpus.py 100000 c100k.json``: the paths are for large corpora, and on
the bundled 24 entries every row is microseconds.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import json
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any


def timed(call: Callable[[], Any], runs: int) -> float:
    start = time.perf_counter()
    for _ in range(runs):
        call()
    return (time.perf_counter() - start) / runs


def compare(name: str, kept: Callable[[], Any], plain: Callable[[], Any], runs: int) -> None:
    assert kept() == plain(), f"{name}: the plain code gives another result"
    pairs = [(timed(kept, 1), timed(plain, 1)) for _ in range(runs)]
    k, p = statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs)
    print(f"| {name} | {k * 1000:.1f} ms | {p * 1000:.1f} ms | {p / k:.2f}x |", flush=True)


def texts(corpus: Any) -> list[str]:
    return [text for entry in corpus.entries for text in (entry.question, entry.answer, entry.answer_en)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from ecoqa.corpus import parse_corpus
    from ecoqa.search import analysis, expand, rank
    from ecoqa.search.index import Index, _first_line_from
    from ecoqa.store.read import stored_json

    corpus = parse_corpus(args.corpus.read_bytes(), str(args.corpus))
    sample = texts(corpus)[:30000]
    print(f"{len(corpus.entries)} entries; {len(sample)} field texts in the word rows\n")
    print("| path | kept | plain | plain / kept |\n|---|---:|---:|---:|")
    compare(
        "index_words: ASCII fast path (vs tokens())",
        lambda: [analysis.index_words(t) for t in sample],
        lambda: [[token.word for token in analysis.tokens(t)] for t in sample],
        args.runs,
    )
    words = sorted({w for t in texts(corpus) for w in analysis.index_words(t)} - analysis.STOP_WORDS)
    blob = "\n".join(words)
    print(f"| (vocabulary: {len(words)} words, {len(blob) / 2**20:.1f} MB) | | | |")

    def prefix_in_blob(prefix: str) -> list[str]:
        index = Index(0, [], {}, blob, {}, {}, {})  # type: ignore[arg-type]
        return list(index.starting_with(prefix))

    def prefix_in_list(prefix: str) -> list[str]:
        surfaces = blob.split("\n")  # what a stored index pays once per command to have the list
        at = bisect.bisect_left(surfaces, prefix)
        return list(itertools.takewhile(lambda s: s.startswith(prefix), surfaces[at:]))

    compare("prefix scan: bisection in the text (vs split + bisect)", lambda: prefix_in_blob("financ"),
            lambda: prefix_in_list("financ"), args.runs)  # fmt: skip
    surfaces = blob.split("\n")
    compare(
        "compound scan: str.find in the text (vs a scan of the list)",
        lambda: list(expand._containing(blob, "fonds")),
        lambda: [s for s in surfaces if "fonds" in s[1:]],
        args.runs,
    )
    assert _first_line_from(blob, "financ") >= 0
    headings = [json.dumps([entry.id, entry.question, entry.question_en]) for entry in corpus.entries]
    compare("stored heading: the C scanner (vs json.loads)", lambda: [stored_json(h) for h in headings],
            lambda: [json.loads(h) for h in headings], args.runs)  # fmt: skip
    size = len(corpus.entries)
    tops = [[float((i * k) % 7) for i in range(size)] for k in (1, 2, 3)]
    compare("coverage shares: map chains (vs a loop)", lambda: rank._covered(tops, size),
            lambda: _covered_loop(tops, size), args.runs)  # fmt: skip
    compare(
        "identity map: one look-up (vs hashing the file)",
        lambda: len(hashlib.sha256(str(args.corpus.stat()).encode()).hexdigest()),
        lambda: len(_file_hash(args.corpus)),
        args.runs,
    )


def _covered_loop(tops: list[list[float]], size: int) -> list[float]:
    total = [0.0] * size
    for top in tops:
        best = max(top)
        if best:
            for position, value in enumerate(top):
                total[position] += value / best
    return total


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in _chunks(handle):
            digest.update(chunk)
    return digest.hexdigest()


def _chunks(handle: Any) -> Iterator[bytes]:
    return iter(lambda: handle.read(1 << 20), b"")


if __name__ == "__main__":
    main()
