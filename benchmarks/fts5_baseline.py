"""The SQLite FTS5 baseline: index a corpus's text, or answer one bm25-ranked top-10 query.

usage: python benchmarks/fts5_baseline.py build CORPUS.json DB
       python benchmarks/fts5_baseline.py query DB WORD

``build`` parses the JSON file and puts the same text ecoqa indexes (question, answer, their
English translations and the key points) into an FTS5 table (unicode61, diacritics removed);
``query`` opens the database and prints the ids of the ten best matches. Both run as separate
processes, start-up included, so that they compare with an ``ecoqa`` command.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path


def build(corpus: Path, database: Path) -> None:
    doc = json.loads(corpus.read_text(encoding="utf-8"))
    questions = doc["questions"] if isinstance(doc, dict) else doc
    database.unlink(missing_ok=True)
    connection = sqlite3.connect(database)
    connection.execute(
        "CREATE VIRTUAL TABLE qa USING fts5(id UNINDEXED, question, answer, question_en, answer_en, points,"
        " tokenize='unicode61 remove_diacritics 2')"
    )
    connection.executemany(
        "INSERT INTO qa VALUES (?, ?, ?, ?, ?, ?)",
        (
            (
                q["id"],
                q["question"],
                q["answer"],
                q.get("question_en", ""),
                q.get("answer_en", ""),
                "\n".join(q.get("key_points", []) + q.get("key_points_en", [])),
            )
            for q in questions
        ),
    )
    connection.commit()
    connection.close()


def query(database: Path, word: str) -> None:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    rows = connection.execute(
        "SELECT id FROM qa WHERE qa MATCH ? ORDER BY bm25(qa, 0, 3.0, 1.0, 2.5, 0.8, 1.5) LIMIT 10",
        ('"' + word.replace('"', '""') + '"',),
    ).fetchall()
    sys.stdout.write(" ".join(str(r[0]) for r in rows) + "\n")
    connection.close()


if __name__ == "__main__":
    if sys.argv[1] == "build":
        build(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        query(Path(sys.argv[2]), sys.argv[3])
