"""Rank quality of ecoqa's search on graded query files, overall and per kind of query.

usage: python benchmarks/search_quality.py [QUERIES.json ...] [--data FILE] [--show-misses]

Runs the search in-process (the same function ``ecoqa search`` calls, limit 10) over each file's
cases ({query, relevant, kind?}) and prints MRR@10, hit@1, hit@3 and recall@5, then the same per
kind. Without files: the three query sets kept in tests/data.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILES = [
    ROOT / "tests" / "data" / name for name in ("dev_queries.json", "extra_queries.json", "own_queries.json")
]


def ranked_ids(corpus: Any, index: Any, query: str) -> list[int]:
    from ecoqa.errors import EcoqaError
    from ecoqa.search.engine import search

    try:
        return [hit.entry.id for hit in search(corpus, query, limit=10, index=index, snippets=False).hits]
    except EcoqaError:
        return []


def metrics(rows: list[tuple[list[int], set[int]]]) -> dict[str, float]:
    totals = defaultdict(float)
    for ranked, relevant in rows:
        first = next((i for i, qid in enumerate(ranked[:10]) if qid in relevant), None)
        totals["mrr"] += 0 if first is None else 1 / (first + 1)
        totals["hit1"] += first == 0
        totals["hit3"] += first is not None and first < 3
        totals["rec5"] += len(relevant & set(ranked[:5])) / min(len(relevant), 5)
    return {key: value / max(len(rows), 1) for key, value in totals.items()}


def evaluate(path: Path, corpus: Any, index: Any, show_misses: bool) -> dict[str, float]:
    cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    by_kind: dict[str, list[tuple[list[int], set[int]]]] = defaultdict(list)
    every = []
    for case in cases:
        row = (ranked_ids(corpus, index, case["query"]), set(case["relevant"]))
        every.append(row)
        by_kind[case.get("kind", "all")].append(row)
        if show_misses and (not row[0] or row[0][0] not in row[1]):
            print(f"  miss: {case['query']!r} -> {row[0][:5]} (want {sorted(row[1])})")
    print(f"{path.name}: {len(cases)} queries")
    print(f"  {'kind':<15} {'n':>3}  MRR@10  hit@1  hit@3  rec@5")
    groups = {"all": every} | (dict(by_kind) if len(by_kind) > 1 else {})
    for kind, rows in groups.items():
        m = metrics(rows)
        print(f"  {kind:<15} {len(rows):>3}  {m['mrr']:6.3f} {m['hit1']:6.3f} {m['hit3']:6.3f} {m['rec5']:6.3f}")
    return metrics(every)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--data", type=Path, help="corpus file (default: the bundled corpus)")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    from ecoqa.corpus import load_corpus
    from ecoqa.search.index import build_index

    corpus = load_corpus(args.data)
    index = build_index(corpus)
    for path in args.files:
        evaluate(path, corpus, index, args.show_misses)


if __name__ == "__main__":
    main()
