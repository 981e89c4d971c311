"""Write a realistic synthetic corpus of N entries, built from the bundled corpus's own text.

usage: python benchmarks/make_corpus.py N OUT.json [--seed S] [--bare]

Each entry has a Dutch question and answer, their English translations (sentences of the same
source entries, so both languages say related things), one to three key points in both languages,
one to three of 50 declared topics (with labels and aliases), and principles: 20 declared, each
with verbatim evidence quotes from the answers that carry it. Answers also get a few new
compound words (two corpus words joined, as Dutch does), so the vocabulary grows with the corpus
as a real one would. ``--bare`` writes only id, question and answer (the old benchmark corpus).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
TOPICS = 50
PRINCIPLES = 20


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.findall(text) if len(s.split()) >= 3]


def make(count: int, seed: int = 7, *, bare: bool = False) -> dict[str, Any]:
    source = json.loads((ROOT / "data" / "qa.json").read_text(encoding="utf-8"))["questions"]
    rng = random.Random(seed)
    words = sorted({w for q in source for w in re.findall(r"[a-zë]{5,}", q["answer"].lower())})
    topics = [
        {
            "id": f"onderwerp-{n:02d}",
            "label": f"{rng.choice(words).capitalize()} en {rng.choice(words)}",
            "label_en": f"Topic {n}",
            "aliases": [f"{rng.choice(words)}{rng.choice(words)}", f"thema {n}"],
        }
        for n in range(1, TOPICS + 1)
    ]
    entries = [_entry(i, source, words, topics, rng, bare) for i in range(1, count + 1)]
    if bare:
        return {"schema_version": 1, "questions": entries}
    principles = _principles(entries, rng)
    return {"schema_version": 1, "topics": topics, "principles": principles, "questions": entries}


def _entry(
    number: int, source: list[dict[str, Any]], words: list[str], topics: list[dict[str, Any]], rng: random.Random,
    bare: bool,
) -> dict[str, Any]:  # fmt: skip
    picked = rng.sample(source, 3)
    answer = [
        s
        for q in picked
        for s in rng.sample(sentences(q["answer"]), min(rng.randint(1, 2), len(sentences(q["answer"]))))
    ]
    compounds = " ".join(rng.choice(words) + rng.choice(words) for _ in range(rng.randint(1, 3)))
    entry: dict[str, Any] = {
        "id": number,
        "question": picked[0]["question"],
        "answer": " ".join(answer) + f" {compounds.capitalize()}.",
    }
    if bare:
        return entry
    answer_en = [s for q in picked for s in sentences(q["answer_en"])[: rng.randint(1, 2)]]
    points = [p for q in picked for p in q["key_points"]]
    points_en = [p for q in picked for p in q["key_points_en"]]
    chosen = rng.sample(range(len(points)), rng.randint(1, min(3, len(points))))
    entry |= {
        "question_en": picked[0]["question_en"],
        "answer_en": " ".join(answer_en),
        "key_points": [points[i] for i in chosen],
        "key_points_en": [points_en[i] for i in chosen],
        "topics": [t["id"] for t in rng.sample(topics, rng.randint(1, 3))],
    }
    return entry


def _principles(entries: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    """Twenty principles, each quoting a sentence from the answers of the entries that carry it."""
    principles = []
    for n in range(1, PRINCIPLES + 1):
        carriers = rng.sample(entries, min(len(entries), max(1, len(entries) // 200)))
        evidence = []
        for entry in carriers:
            quote = rng.choice(sentences(entry["answer"]) or [entry["answer"]])
            evidence.append({"question": entry["id"], "quote": quote})
            entry.setdefault("principles", []).append(f"principe-{n:02d}")
        principles.append(
            {
                "id": f"principe-{n:02d}",
                "title": f"Principe {n}",
                "title_en": f"Principle {n}",
                "summary": "Een afgeleid principe.",
                "summary_en": "A derived principle.",
                "evidence": evidence,
            }
        )
    return principles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--bare", action="store_true", help="id, question and answer only")
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(make(args.count, args.seed, bare=args.bare), ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
