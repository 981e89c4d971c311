"""What each expansion rule (and scoring rule) is worth: every rule off in turn, on every query set.

usage: python benchmarks/ablation.py [QUERIES.json ...] [--data FILE]

Runs the search in-process (as ``benchmarks/search_quality.py`` does) with the full ranking, then
once per rule with that rule turned off, and prints MRR@10 and hit@3 per query file and pooled
over the held-out files (every file but the development sets). Without files: every
``tests/data/*_queries.json`` and the shared development set ``../shared/eval/dev_queries.json``
when it is there. A rule whose row equals the full ranking's to the third decimal adds nothing
on these queries; it is marked ``= full``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED_DEV = ROOT.parent / "shared" / "eval" / "dev_queries.json"
#: Query sets used to tune the ranking: reported, but not pooled with the held-out sets.
DEVELOPMENT = {"dev_queries.json", "eval/dev_queries.json"}


def _quality() -> Any:
    spec = importlib.util.spec_from_file_location("search_quality", ROOT / "benchmarks" / "search_quality.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _nothing(*args: Any, **kwargs: Any) -> list[Any]:
    return []


def ablations() -> dict[str, list[tuple[Any, str, Any]]]:
    """Rule name -> the (module, attribute, replacement) patches that turn it off."""
    from ecoqa.search import expand, rank

    def no_loose(index: Any, words: Any, kind: str = "alias") -> list[Any]:
        return [] if kind == "loose alias" else alias(index, words, kind)

    alias = expand._alias
    rules: dict[str, list[tuple[Any, str, Any]]] = {
        "aliases and glossary": [(expand, "_alias", _nothing)],
        "loose alias": [(expand, "_alias", no_loose)],
        "prefix": [(expand, "_prefix", _nothing)],
        "family": [(expand, "_family", _nothing)],
        "typo": [(expand, "_typo", _nothing)],
        "compounds ending in the word": [(expand, "_compound", _nothing)],
        "compound parts": [(expand, "_compound_parts", _nothing)],
    }
    rules |= {
        "tie-breaker (pure max)": [(rank, "TIE_BREAKER", 0.0)],
        "coverage factor": [(rank, "COVERAGE", 0.0)],
        "idf cap": [(rank, "_idf_cap", lambda *args: None)],
    }
    return rules


@contextlib.contextmanager
def patched(patches: list[tuple[Any, str, Any]]) -> Iterator[None]:
    saved = [(module, name, getattr(module, name)) for module, name, _ in patches]
    try:
        for module, name, value in patches:
            setattr(module, name, value)
        yield
    finally:
        for module, name, value in reversed(saved):
            setattr(module, name, value)


def measure(
    quality: Any, corpus: Any, index: Any, sets: dict[str, list[dict[str, Any]]]
) -> dict[str, dict[str, float]]:
    """Per query file, and pooled over the held-out ones: MRR@10 and hit@3."""
    rows = {
        name: [(quality.ranked_ids(corpus, index, case["query"]), set(case["relevant"])) for case in cases]
        for name, cases in sets.items()
    }
    held = [row for name, file_rows in rows.items() if name not in DEVELOPMENT for row in file_rows]
    return {name: quality.metrics(file_rows) for name, file_rows in (rows | {"held-out": held}).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--data", type=Path, help="corpus file (default: the bundled corpus)")
    args = parser.parse_args()
    files = args.files or [*sorted((ROOT / "tests" / "data").glob("*_queries.json")), SHARED_DEV]
    files = [path for path in files if path.exists()]
    from ecoqa.corpus import load_corpus
    from ecoqa.search.index import build_index

    quality = _quality()
    corpus = load_corpus(args.data)
    index = build_index(corpus)
    sets = {}
    for path in files:
        name = path.name if path.parent.name == "data" else f"{path.parent.name}/{path.name}"
        sets[name] = json.loads(path.read_text(encoding="utf-8"))["cases"]
    columns = [*sets, "held-out"]
    short = {name: name.removesuffix("_queries.json") for name in columns}
    count = sum(map(len, sets.values()))
    print(f"MRR@10 / hit@3 per query set ({count} queries; held-out: all but {', '.join(sorted(DEVELOPMENT))})")
    print(f"{'rule off':<30} " + " ".join(f"{short[c]:>13}" for c in columns))
    full = measure(quality, corpus, index, sets)

    def line(label: str, figures: dict[str, dict[str, float]], note: str = "") -> str:
        cells = " ".join(f"{figures[c]['mrr']:6.3f}/{figures[c]['hit3']:.3f}" for c in columns)
        return f"{label:<30} {cells}{note}"

    print(line("(none: the full ranking)", full))
    shown = {c: (f"{full[c]['mrr']:.3f}", f"{full[c]['hit3']:.3f}") for c in columns}
    for rule, patches in ablations().items():
        with patched(patches):
            figures = measure(quality, corpus, index, sets)
        same = all((f"{figures[c]['mrr']:.3f}", f"{figures[c]['hit3']:.3f}") == shown[c] for c in columns)
        print(line(rule, figures, "  = full" if same else ""))


if __name__ == "__main__":
    main()
