"""Write a synthetic corpus of N entries built from the bundled corpus's own sentences.

usage: python benchmarks/make_corpus.py N OUT.json [--seed S]

Minimal schema (id, question, answer): questions are sentences of the real questions, answers
three to six sentences of the real answers, shuffled deterministically.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def sentences(texts: list[str]) -> list[str]:
    return [s.strip() for text in texts for s in SENTENCE.findall(text) if len(s.split()) >= 3]


def make(count: int, seed: int = 7) -> dict[str, object]:
    source = json.loads((ROOT / "data" / "qa.json").read_text(encoding="utf-8"))["questions"]
    questions = sentences([q["question"] for q in source])
    answers = sentences([q["answer"] for q in source])
    rng = random.Random(seed)
    entries = [
        {"id": i, "question": rng.choice(questions), "answer": " ".join(rng.sample(answers, rng.randint(3, 6)))}
        for i in range(1, count + 1)
    ]
    return {"schema_version": 1, "questions": entries}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(make(args.count, args.seed), ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
