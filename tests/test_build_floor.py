"""``benchmarks/build_floor.py``: the floor a first build cannot go below does the work it names."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

from ecoqa.search import index_words

ROOT = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_floor", ROOT / "benchmarks" / "build_floor.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_floor_tokenises_every_indexed_field_of_every_question() -> None:
    corpus = ROOT / "data" / "qa.json"
    questions = json.loads(corpus.read_text(encoding="utf-8"))["questions"]
    texts = [q[name] for q in questions for name in ("question", "question_en", "answer", "answer_en")]
    texts += [point for q in questions for name in ("key_points", "key_points_en") for point in q[name]]
    counted, validated, words = _script().floor_cpu_seconds(corpus)
    assert words == len({word for text in texts for word in index_words(text)})
    assert counted >= 0 and validated >= 0
