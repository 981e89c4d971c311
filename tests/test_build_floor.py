"""``benchmarks/build_floor.py``: the floor a first build cannot go below does the work it names."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from ecoqa.corpus import load_corpus
from ecoqa.search.analysis import index_words
from ecoqa.search.index import field_texts

ROOT = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_floor", ROOT / "benchmarks" / "build_floor.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_floor_tokenises_every_indexed_field_of_every_question() -> None:
    corpus = ROOT / "data" / "qa.json"
    texts = [text for entry in load_corpus(corpus).entries for parts in field_texts(entry).values() for text in parts]
    counted, validated, words = _script().floor_cpu_seconds(corpus)
    assert words == len({word for text in texts for word in index_words(text)})
    assert counted >= 0 and validated >= 0
