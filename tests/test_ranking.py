"""The ranking maths, pinned: a change to idf, k1, b, a field weight, the dis-max share, the relative
cut-off, the compound rules or the typo guard turns one of these red (the quality floors cannot see them)."""

from __future__ import annotations

import bisect
import math
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecoqa.corpus import load_corpus
from ecoqa.models import Corpus, Entry
from ecoqa.search import analysis, engine, expand, rank, snippets
from ecoqa.search import index as search_index


def bm25f_by_hand(corpus: Corpus, term: str, position: int) -> float:
    """The documented formula, written out independently of ecoqa's index (Lucene idf, BM25F)."""
    fields = {spec.name: spec for spec in search_index.FIELDS}
    texts = {
        "question": lambda e: [e.question],
        "question_en": lambda e: [e.question_en],
        "answer": lambda e: [e.answer],
        "answer_en": lambda e: [e.answer_en],
    }

    def words(entry: Entry, name: str) -> list[str]:
        found = [w for t in texts[name](entry) for w in analysis.index_words(t) if w not in analysis.STOP_WORDS]
        return [analysis.stem(w, fields[name].lang) for w in found]

    lengths = {name: [len(words(e, name)) for e in corpus.entries] for name in texts}
    averages = {name: max(sum(v) / len(v), 1.0) for name, v in lengths.items()}
    containing = sum(any(term in words(e, name) for name in texts) for e in corpus.entries)
    entry = corpus.entries[position]
    pseudo = 0.0
    for name in texts:
        spec = fields[name]
        count = words(entry, name).count(term)
        norm = 1 - spec.b + spec.b * lengths[name][position] / averages[name]
        pseudo += spec.weight * count / norm
    n = len(corpus.entries)
    idf = math.log(1 + (n - containing + 0.5) / (containing + 0.5))
    return idf * pseudo * (rank.K1 + 1) / (pseudo + rank.K1)


PINNED = Corpus(
    entries=(
        Entry(1, "Hoe werkt financiering?", "Financiering komt van fondsen en banken.", "How does financing work?",
              "Financing comes from funds and banks."),
        Entry(2, "Wat doet een fonds?", "Een fonds financiering geven, soms veel financiering, vaak niet.",
              "What does a fund do?", "A fund gives financing."),
        Entry(3, "Over regio's", "De regio werkt samen met de burger en de overheid aan een lang verhaal over niets.",
              "About regions", "The region works together."),
        Entry(4, "Iets heel anders", "Niets over geld.", "Something else", "Nothing about money."),
    )
)  # fmt: skip


@pytest.mark.parametrize("word", ["financiering", "fonds", "regio", "werkt"])
def test_term_scores_equal_the_formula_by_hand(word: str) -> None:
    index = search_index.build_index(PINNED)
    term = analysis.stem(word, "nl")
    scores = rank._term_scores(index, term)
    assert scores
    for position, value in scores.items():
        assert value == pytest.approx(bm25f_by_hand(PINNED, term, position), rel=1e-5), (word, position)


def test_the_pinned_scores_themselves() -> None:
    """A second guard: the numbers as they stand (k1 1.2, Lucene idf, question weight 3, answer 1, b 0.5/0.75)."""
    result = engine.search(PINNED, "financiering")
    assert [(h.entry.id, h.score) for h in result.hits] == [(1, 1.165), (2, 0.871)]


def test_bm25_core_matches_bm25s() -> None:
    """Differential check: one field, weight 1, b 0.75 gives bm25s' Lucene scores times (k1 + 1)."""
    bm25s = pytest.importorskip("bm25s")
    import numpy as np

    corpus = Corpus(entries=tuple(Entry(e.id, "", e.answer) for e in load_corpus().entries))
    saved_fields, saved_texts = search_index.FIELDS, search_index.field_texts
    try:
        search_index.FIELDS = (
            search_index.FieldSpec("topics", 4.0, 0.3, "both"),
            search_index.FieldSpec("answer", 1.0, 0.75, "nl"),
        )
        search_index.field_texts = lambda entry: {"answer": [entry.answer]}  # type: ignore[assignment]
        index = search_index.build_index(corpus)
        docs = [
            [analysis.stem(w, "nl") for w in analysis.index_words(e.answer) if w not in analysis.STOP_WORDS]
            for e in corpus.entries
        ]
        vocab = {t: i for i, t in enumerate(sorted({t for d in docs for t in d}))}
        retriever = bm25s.BM25(method="lucene", k1=rank.K1, b=0.75)
        tokenized = bm25s.tokenization.Tokenized(ids=[[vocab[t] for t in d] for d in docs], vocab=dict(vocab))
        retriever.index(tokenized, show_progress=False)
        worst = 0.0
        for term, number in vocab.items():
            ours = rank._term_scores(index, term)
            theirs = retriever.get_scores([number])
            assert set(ours) == set(np.nonzero(theirs)[0].tolist()), term
            worst = max(worst, max(abs(v / (rank.K1 + 1) - theirs[d]) for d, v in ours.items()))
        assert worst < 1e-5
        assert len(vocab) > 500
    finally:
        search_index.FIELDS, search_index.field_texts = saved_fields, saved_texts


def test_a_concept_counts_its_best_variant_and_a_tenth_of_the_rest() -> None:
    corpus = Corpus(entries=(Entry(1, "fonds en fondsen", "pensioenfonds"), Entry(2, "niets", "anders")))
    index = search_index.build_index(corpus)
    found = expand.concepts(index, ["fonds"])
    total = rank.score_concepts(index, found, None).totals[0]
    cap = rank._idf_cap(index, found[0])
    raw = sorted((rank._value_at(index, v, cap, 0) for v in found[0].variants), reverse=True)
    raw = [v for v in raw if v]
    assert len(raw) >= 2
    assert total == pytest.approx(raw[0] + rank.TIE_BREAKER * sum(raw[1:]), rel=1e-9)
    shown = rank.explain(index, found, 0)
    assert sum(m.score for m in shown) == pytest.approx(total, abs=0.01)


def test_results_below_a_fifth_of_the_best_are_left_out() -> None:
    short = tuple(Entry(i, f"vraag{i}", f"kort{i}") for i in range(3, 23))
    corpus = Corpus(
        entries=(
            Entry(1, "fonds fonds fonds", "fonds " * 30),
            Entry(2, "iets", "fonds " + "woord " * 2000),
            *short,
        )
    )
    index = search_index.build_index(corpus)
    scores = rank._term_scores(index, analysis.stem("fonds", "nl"))
    assert scores[1] < engine.RELATIVE_CUTOFF * scores[0]  # the corpus is built for the rule
    assert [h.entry.id for h in engine.search(corpus, "fonds", index=index).hits] == [1]


def test_typos_keep_the_first_letter() -> None:
    """People rarely mistype the first letter: 'pays' is one edit from 'ways' but does not find it."""
    corpus = Corpus(entries=(Entry(1, "ways", "ways"), Entry(2, "iets", "anders")))
    index = search_index.build_index(corpus)
    assert expand._typo(index, "pays") == []
    assert expand._typo(index, "wyas")  # a transposition, same first letter: found


def test_typos_allow_one_edit_below_eight_letters() -> None:
    corpus = Corpus(entries=(Entry(1, "working", "working"), Entry(2, "iets", "anders")))
    index = search_index.build_index(corpus)
    assert expand._typo(index, "warning") == []  # two edits from "working"
    assert expand._typo(index, "workign")


def test_short_words_are_never_fuzzed() -> None:
    corpus = Corpus(entries=(Entry(1, "mkb", "mkb"), Entry(2, "iets", "anders")))
    index = search_index.build_index(corpus)
    assert expand._typo(index, "mkv") == []


def test_hyphenated_query_words_count_once() -> None:
    assert analysis.query_words("triple-helix") == ["triple", "helix"]


prose = st.text(alphabet=string.ascii_letters + string.digits + " -'’&.,éïÿ½ﬁŀ\u00a0–", max_size=60)


@settings(max_examples=400, deadline=None)
@given(text=prose)
def test_the_two_tokenisers_agree(text: str) -> None:
    """``tokens`` (spans, for queries and snippets) and ``index_words`` (indexing) give the same words."""
    from collections import Counter

    assert Counter(t.word for t in analysis.tokens(text)) == Counter(analysis.index_words(text))


def test_a_compound_that_ends_in_the_word_is_found_one_that_holds_it_inside_is_not() -> None:
    corpus = Corpus(entries=(Entry(1, "groeifonds", "x"), Entry(2, "pensioenfondsbeheer", "y"), Entry(3, "a", "b")))
    index = search_index.build_index(corpus)
    found = {v.terms: v.kind for v in expand.expand_word(index, "fonds")}
    assert found == {(analysis.stem("groeifonds", "nl"),): "compound"}


@pytest.mark.parametrize(
    ("head_word", "tail_word", "query"),
    [
        ("samenwerking", "verband", "samenwerkingsverband"),
        ("boek", "kast", "boekenkast"),
        ("student", "huis", "studentenhuis"),
    ],
)
def test_a_compound_query_is_matched_by_its_parts_across_a_linking_letter(
    head_word: str, tail_word: str, query: str
) -> None:
    """A linking s or en stays on the head, where the Dutch stemmer takes it off, so both parts
    match and together count as the compound."""
    entries = (Entry(1, f"Over {head_word}", "tekst"), Entry(2, f"Een {tail_word}", "iets"), Entry(3, "x", "y"))
    index = search_index.build_index(Corpus(entries=entries))
    found = {v.terms: v.kind for v in expand.expand_word(index, query)}
    head, tail = analysis.stem(head_word, "nl"), analysis.stem(tail_word, "nl")
    assert found == {(head, tail): "compound", (head,): "part", (tail,): "part"}


@pytest.mark.parametrize(("word", "relative"), [("grenzen", "grens"), ("verven", "verf"), ("werking", "werken")])
def test_a_word_family_shares_one_root(word: str, relative: str) -> None:
    """Derivations go and a voiced last letter is written as it sounds (grenzen/grens, verven/verf)."""
    assert expand.family_root(word) == expand.family_root(relative)


def test_long_sentences_are_trimmed_around_the_match() -> None:
    sentence = "woord " * 80 + "financiering " + "woord " * 80 + "."
    corpus = Corpus(entries=(Entry(1, "Vraag?", sentence), Entry(2, "x", "y")))
    hit = engine.search(corpus, "financiering").hits[0]
    assert hit.snippet is not None
    text = hit.snippet.text
    assert text.startswith("…") and text.endswith("…")
    assert len(text) <= 2 * snippets.SNIPPET_CONTEXT + 2
    (start, end), *_ = hit.snippet.spans
    assert text[start:end] == "financiering"


def test_the_match_in_the_question_is_highlighted() -> None:
    from ecoqa.render import STYLES, hit_rows

    corpus = Corpus(entries=(Entry(1, "Hoe werkt financiering?", "Antwoord."), Entry(2, "x", "y")))
    hit = engine.search(corpus, "financiering").hits[0]
    assert hit.snippet is not None and hit.snippet.field == "question"
    from rich.console import Console

    console = Console(record=True, width=80, color_system="standard", force_terminal=True)
    for row in hit_rows([hit], "nl"):
        console.print(row)
    styled = console.export_text(styles=True)
    assert "\x1b[1;30;43mfinanciering\x1b[0m" in styled  # bold black on yellow, the word only
    assert STYLES["match"] == "bold black on yellow"


def test_an_entry_matching_more_of_the_query_ranks_first() -> None:
    """Coverage: one 'fonds' and one 'regio' beat three times 'fonds' (which BM25 alone prefers)."""
    entries = [
        Entry(1, "Vraag een?", "Het fonds, het fonds en nog eens het fonds."),
        Entry(2, "Vraag twee?", "Het fonds voor de regio."),
        *(Entry(n, f"Vraag {n}?", "Iets over de regio.") for n in range(3, 9)),
    ]
    hits = engine.search(Corpus(entries=tuple(entries)), "fonds regio").hits
    assert [h.entry.id for h in hits[:2]] == [2, 1]


def test_a_word_family_member_matches_as_family() -> None:
    """'regelgeving' (the -ing noun) finds 'regelgever' (the -er agent), which stemming keeps apart."""
    corpus = Corpus(entries=(Entry(1, "Wat doet de regelgever?", "Hij handhaaft."), Entry(2, "Anders?", "Ja.")))
    hits = engine.search(corpus, "regelgeving").hits
    assert [h.entry.id for h in hits] == [1]
    assert [m.kind for m in hits[0].matches] == ["family"]


def test_narrow_and_wide_packing_give_the_same_postings() -> None:
    """Occurrences start packed in 32 bits and widen once a count (or a corpus) outgrows them;
    the postings are the same as when packed wide from the start."""
    corpus = load_corpus()
    repeated = Entry(99, "Hoe vaak?", " ".join(["financiering"] * 300), answer_en="Often.")

    def built(packing: search_index.Packing, extra: tuple[Entry, ...] = ()) -> search_index.IndexBuilder:
        builder = search_index.IndexBuilder(packing=packing)
        for entry in [*corpus.entries[:12], *extra, *corpus.entries[12:]]:
            builder.add(entry)
        builder.add_principles(corpus.principles)
        return builder

    def postings(builder: search_index.IndexBuilder) -> dict[str, tuple[list[int], list[float]]]:
        return {t: (list(d), list(f)) for t, d, f in builder.postings()}

    plain = built(search_index.NARROW)
    assert plain.packing is search_index.NARROW and next(iter(plain.triples.values())).itemsize == 4
    assert postings(plain) == postings(built(search_index.WIDE))
    widened = built(search_index.NARROW, (repeated,))
    assert widened.packing is search_index.WIDE  # 300 repeats do not fit in 8 bits
    assert postings(widened) == postings(built(search_index.WIDE, (repeated,)))


def test_a_corpus_past_the_narrow_entry_limit_widens(monkeypatch: pytest.MonkeyPatch) -> None:
    """The narrow layout holds 2**20 entries; past that the builder widens. Shown with a layout
    that holds 16 entries (the bundled corpus has 24), against packing wide from the start."""
    corpus = load_corpus()
    tiny = search_index.Packing(28, 24, (1 << 8) - 1, "I")
    monkeypatch.setattr(search_index, "NARROW", tiny)

    def postings(
        packing: search_index.Packing,
    ) -> tuple[search_index.Packing, dict[str, tuple[list[int], list[float]]]]:
        builder = search_index.IndexBuilder(packing=packing)
        for entry in corpus.entries:
            builder.add(entry)
        builder.add_principles(corpus.principles)
        return builder.packing, {t: (list(d), list(f)) for t, d, f in builder.postings()}

    widened, found = postings(tiny)
    assert widened is search_index.WIDE
    assert found == postings(search_index.WIDE)[1]


def scores_by_hand(
    index: search_index.Index, found: list[expand.Concept], allowed: set[int] | None
) -> dict[int, tuple[float, float]]:
    """Per entry: the documented sum (per concept its best variant plus TIE_BREAKER of the rest)
    times (its coverage / the most any entry covers) when that most exceeds one concept's worth,
    where coverage sums per concept the entry's best variant over the concept's best in any entry;
    worked out one entry at a time from ``_value_at``."""
    every = range(len(index.ids))
    best_values = []
    for concept in found:
        cap = rank._idf_cap(index, concept)
        best_values.append(
            [max((rank._value_at(index, v, cap, p) for v in concept.variants), default=0.0) for p in every]
        )
    out = {}
    for position in every:
        if allowed is not None and position not in allowed:
            continue
        total, covered = 0.0, 0.0
        for concept, best in zip(found, best_values, strict=True):
            cap = rank._idf_cap(index, concept)
            values = [v for v in (rank._value_at(index, variant, cap, position) for variant in concept.variants) if v]
            if values:
                total += max(values) + rank.TIE_BREAKER * (sum(values) - max(values))
                covered += best[position] / max(best)
        if covered:
            out[position] = (total, covered)
    most = max((covered for _, covered in out.values()), default=0.0)
    return {p: (total * (covered / most if most > 1 else 1.0), covered) for p, (total, covered) in out.items()}


@pytest.mark.parametrize(
    "query",
    ["financiering fonds", "ecosysteem innovatie financiering", "regio mkb samenwerking kennis", "samenwerking"],
)
@pytest.mark.parametrize("subset", ["all", "odd positions"])
def test_scores_of_every_entry_equal_the_sum_worked_out_per_entry(query: str, subset: str) -> None:
    corpus = load_corpus()
    index = search_index.build_index(corpus)
    found = expand.concepts(index, analysis.query_words(query))
    allowed = None if subset == "all" else set(range(1, len(corpus.entries), 2))
    scores = rank.score_concepts(index, found, allowed)
    expected = scores_by_hand(index, found, allowed)
    assert len(expected) > 2
    assert {p: c for p, c in enumerate(scores.covered) if c} == pytest.approx({p: c for p, (_, c) in expected.items()})
    assert {p for p, v in enumerate(scores.totals) if v} == set(expected)
    for position, (total, _) in expected.items():
        assert scores.totals[position] == pytest.approx(total, rel=1e-12)


@given(st.lists(st.text(alphabet="abcé-", min_size=1, max_size=6), max_size=40), st.text(alphabet="abcé-", max_size=4))
@settings(max_examples=300, deadline=None)
def test_words_starting_with_a_prefix_are_found_by_bisecting_the_text(words: list[str], prefix: str) -> None:
    """``Index.starting_with`` bisects the newline-joined sorted words: it finds what a list would."""
    ordered = sorted(set(words))
    blob = "\n".join(ordered)
    at = search_index._first_line_from(blob, prefix)
    assert (blob[at:].split("\n") if at < len(blob) else []) == ordered[bisect.bisect_left(ordered, prefix) :]
    index = search_index.Index(0, [], {}, blob, {}, {}, {})
    assert list(index.starting_with(prefix)) == [w for w in ordered if w.startswith(prefix)]


def test_compounds_are_the_first_in_word_order() -> None:
    """The first ``PREFIX_CAP`` words that end in the query word, in word order; words that hold it
    inside count for nothing."""
    heads = [a + b for a in "bcdfghkl" for b in "aeiou"][:60]
    ends = [f"{head}fonds" for head in heads]  # 60 compounds that end in "fonds"
    inside = [f"{head}fondsbeheer" for head in heads]
    words = ends + inside
    corpus = Corpus(entries=tuple(Entry(i + 1, f"vraag {w}", f"antwoord {w}") for i, w in enumerate(words)))
    index = search_index.build_index(corpus)
    found = [index.term_surface[v.terms[0]] for v in expand._compound(index, "fonds")]
    assert found == sorted(ends)[: expand.PREFIX_CAP]


@pytest.mark.parametrize("kind", ["exact", "alias", "loose alias", "prefix", "family", "compound"])
def test_only_expansions_are_capped_at_the_typed_words_idf(kind: str) -> None:
    """Exact and alias variants keep their own idf; every expansion counts no rarer than the word typed."""
    index = search_index.build_index(PINNED)
    term = analysis.stem("fonds", "nl")
    cap = index.idf(term) / 4
    variant = expand.Variant((term,), kind, 1.0)
    own = kind in ("exact", "alias", "loose alias")
    expected = {
        d: (index.idf(term) if own else cap) * v / index.idf(term) for d, v in rank._term_scores(index, term).items()
    }
    values = dict(rank._variant_values(index, variant, cap))
    assert values == pytest.approx(expected, rel=1e-12)
    for position, value in expected.items():
        assert rank._value_at(index, variant, cap, position) == pytest.approx(value, rel=1e-12)
