"""Search analyses each corpus (and each question of a merged corpus) in its own language: Dutch
rules for Dutch, English for English, Snowball stems for another language Snowball knows, and
plain folding for a language without rules (``und``): no Dutch stems, no Dutch stop words."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ecoqa import store
from ecoqa.corpus import parse_corpus
from ecoqa.models import Collection, Corpus, Entry, Source
from ecoqa.search import analysis
from ecoqa.search.engine import search
from ecoqa.search.index import build_index

IMPORT = Path(__file__).resolve().parent / "data" / "import"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """``imported("sheets6/ctu-faq.tsv")``: the file imported with ``ecoqa import``, once per module."""
    from typer.testing import CliRunner

    from ecoqa.cli import app

    folder = tmp_path_factory.mktemp("imported")
    done: dict[str, Path] = {}

    def make(name: str) -> Path:
        if name not in done:
            out = folder / (Path(name).stem + ".json")
            result = CliRunner().invoke(app, ["import", str(IMPORT / name), "-o", str(out)])
            assert result.exit_code == 0, result.stderr
            done[name] = out
        return done[name]

    return make


def _ids(invoke: Callable[..., Any], corpus: Path, query: str) -> list[int]:
    result = invoke("--data", str(corpus), "search", query, "--json", "--limit", "5")
    assert result.exit_code == 0, result.stderr
    return [hit["id"] for hit in json.loads(result.stdout)["results"]]


def _question(corpus: Path, entry_id: int) -> str:
    questions = json.loads(corpus.read_text(encoding="utf-8"))["questions"]
    return str(next(q["question"] for q in questions if q["id"] == entry_id))


def test_an_undetermined_language_keeps_words_dutch_and_english_lists_drop(
    imported: Callable[[str], Path], invoke: Callable[..., Any]
) -> None:
    """Vietnamese (imported as ``vi``: no Snowball rules, so only folded, as ``und`` is) folds 'hệ'
    to 'he' and 'thẻ' to 'the': English stop words, once dropped from the index and the query, so
    'hệ thống' (system) was searched as 'thống' and found the questions on information technology
    ('công nghệ thông tin') first."""
    corpus = imported("sheets6/ctu-faq.tsv")
    assert json.loads(corpus.read_text(encoding="utf-8"))["collection"]["language"] == "vi"
    first = _ids(invoke, corpus, "hệ thống")[0]
    assert _question(corpus, first).startswith("Hệ thống báo hết chỗ")
    assert _ids(invoke, corpus, "thẻ")  # once refused: "the query has only common words (the)"


def test_german_is_not_stemmed_by_dutch_rules(imported: Callable[[str], Path], invoke: Callable[..., Any]) -> None:
    """Dutch rules strip 'ge-' and '-en': 'gewährt' (granted), 'während' (during) and 'wahr' (true)
    all became 'wahr', so a search for 'gewährt' listed the question whose answer begins 'Während
    der Projektlaufzeit'. German rules keep them apart."""
    corpus = imported("sheets6/vdi-foerderung-faqs.csv")
    found = _ids(invoke, corpus, "gewährt")
    texts = json.loads(corpus.read_text(encoding="utf-8"))["questions"]
    answers = {q["id"]: q["question"] + " " + q["answer"] for q in texts}
    assert found
    assert all("gewähr" in answers[i].lower() for i in found), [answers[i][:80] for i in found]


def test_french_keeps_words_the_dutch_and_english_lists_drop(
    imported: Callable[[str], Path], invoke: Callable[..., Any]
) -> None:
    """'an' (a year) is an English stop word and 'tôt' folds to the Dutch 'tot': a French corpus
    keeps both, and a query of them is searched, not refused as common words."""
    corpus = imported("sheets6/coach-civique-faq.csv")
    assert json.loads(corpus.read_text(encoding="utf-8"))["collection"]["language"] == "fr"
    assert _ids(invoke, corpus, "an")


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        *[("nl", "nl"), ("en", "en"), ("en-GB", "en"), ("de", "de"), ("pt-BR", "pt"), ("fr", "fr"), ("und", "und")],
        *[("zh", "und"), ("ja", "und"), ("ko", "und"), ("th", "und"), ("vi", "und"), ("", "nl")],
    ],
)
def test_each_language_gets_its_own_analysis(declared: str, expected: str) -> None:
    assert analysis.analysis_language(declared) == expected


def test_a_language_without_rules_is_neither_stemmed_nor_thinned() -> None:
    assert analysis.stem("gebouwen", "und") == "gebouwen"
    assert analysis.stop_words("und") == frozenset()
    assert analysis.stop_words("de") == frozenset()
    assert analysis.stem("gebouwen", "nl") == analysis.stem("gebouw", "nl")  # Dutch as before
    assert analysis.stem("hauser", "de") == analysis.stem("haus", "de")  # Häuser, Haus


def test_each_question_of_a_merged_corpus_is_analysed_in_its_own_language() -> None:
    """A Dutch corpus that took in a German source: the German question's words get German terms."""
    german = Source(file="de.csv", language="de")
    corpus = Corpus(
        entries=(
            Entry(1, "Wat kost de aanvraag?", "De gebouwen worden betaald."),
            Entry(2, "Wann wird die Zuwendung gewährt?", "Nach der Prüfung.", source=german),
            Entry(3, "Was gilt während der Laufzeit?", "Die Regeln des Vertrags.", source=german),
        ),
        collection=Collection(kind="faq", language="nl"),
    )
    index = build_index(corpus)
    assert index.language == "nl" and index.other_languages == ("de",)
    assert [hit.entry.id for hit in search(corpus, "gewährt", index=index).hits] == [2]
    assert [hit.entry.id for hit in search(corpus, "gebouw", index=index).hits] == [1]  # Dutch stems stay


def test_a_stored_index_is_built_in_the_corpus_language(
    imported: Callable[[str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A German corpus large enough for the on-disk index: it is built with German rules (its key
    names the rules, so an index of the old Dutch analysis is never read), and answers as memory does."""
    monkeypatch.setenv("ECOQA_CACHE_DIR", str(tmp_path / "cache"))
    document = json.loads(imported("sheets6/vdi-foerderung-faqs.csv").read_text(encoding="utf-8"))
    questions = document["questions"]
    copies = [
        {**q, "id": n * 1000 + q["id"], "question": f"{q['question']} ({n})"} for n in range(8) for q in questions
    ]
    raw = json.dumps({**document, "questions": copies}).encode()
    assert len(raw) > store.MIN_BYTES
    corpus, index = store.load_indexed(raw, "big.json")
    assert index.language == "de"
    memory = parse_corpus(raw, "big.json")
    expected = [h.entry.id for h in search(memory, "gewährt", index=build_index(memory)).hits]
    assert [h.entry.id for h in search(corpus, "gewährt", index=index).hits] == expected
    key = store.cache_key(raw)
    monkeypatch.setattr(analysis, "SNOWBALL", {**analysis.SNOWBALL, "de": "dutch"})
    assert store.cache_key(raw) != key


def test_english_keeps_words_only_the_dutch_list_drops(
    imported: Callable[[str], Path], invoke: Callable[..., Any]
) -> None:
    """'die' is a Dutch stop word, not an English one: the procmail FAQ's question on stale
    processes that 'just won't die' is found by it (once refused as common words), and first for
    'processes that never die'."""
    corpus = imported("heldout3/procmail-FAQ.txt")
    assert json.loads(corpus.read_text(encoding="utf-8"))["collection"]["language"] == "en"
    (found,) = _ids(invoke, corpus, "die")
    assert "_locktst" in _question(corpus, found)
    assert _ids(invoke, corpus, "processes that never die")[0] == found
