"""The search: rank entries for a query, correct a query that found nothing, suggest alternatives.

English and Dutch queries over a Dutch corpus with English translations. A query is folded and
split into concepts (``expand``), scored (``rank``) and shown with a snippet (``snippets``).
rapidfuzz is imported only when a word needs fuzzy matching, to keep start-up short.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Mapping, Sequence
from typing import NamedTuple

from ecoqa.errors import UsageError
from ecoqa.models import Corpus, Entry, Hit, Snippet
from ecoqa.names import closest, topic_names
from ecoqa.search.analysis import query_words
from ecoqa.search.expand import concepts
from ecoqa.search.index import Index, build_index, entry_language
from ecoqa.search.rank import explain, score_concepts
from ecoqa.search.snippets import make_snippet, matched_terms

SUGGEST_CUTOFF = 0.7
#: A suggestion this alike (and of five letters or more) is searched at once when nothing matched.
CORRECT_CUTOFF = 0.75
#: Results scoring below this share of the best result are noise, not answers.
RELATIVE_CUTOFF = 0.2


class SearchResult(NamedTuple):
    query: str
    hits: tuple[Hit, ...]
    suggestions: tuple[str, ...] = ()
    total: int = 0  # results above the relative cut-off, before the limit
    corrected: str = ""  # the query actually searched, when the typed one found nothing


def search(
    corpus: Corpus,
    query: str,
    *,
    limit: int = 10,
    allowed: Collection[int] | None = None,
    lang: str = "nl",
    index: Index | None = None,
    snippets: bool = True,
    explain: bool = True,
) -> SearchResult:
    """Rank entries for *query*; an empty result carries "did you mean" suggestions.

    *allowed* limits the search to entry positions (a topic filter); ``snippets=False`` skips
    finding the matched passages (the browser's result list needs none), ``explain=False``
    what each word added (only ``--explain`` shows it).
    """
    if not query_words(query):
        raise UsageError("the query has no words to search for; try a word such as 'financiering'.")
    index = index or build_index(corpus)
    words = query_words(query, index.stop_words)  # the stop words of the corpus's languages
    if all(w in index.stop_words for w in words):
        raise UsageError(
            "the query has only common words ({words}); add a word that says what you look for.",
            words=", ".join(words[:5]),
        )
    explain_hits = snippets and explain
    result = _ranked(corpus, index, query, words, limit, allowed, lang, explain_hits, snippets)
    if result.hits or not result.suggestions:
        return result
    # Nothing matched: search the best correction at once, as a web search engine does.
    corrected = result.suggestions[0]
    if not _confident(words, corrected.split(), index):
        return result
    again = _ranked(corpus, index, corrected, corrected.split(), limit, allowed, lang, explain_hits, snippets)
    if not again.hits:
        return result
    return again._replace(query=query, corrected=corrected, suggestions=result.suggestions)


def _confident(words: Sequence[str], corrected: Sequence[str], index: Index) -> bool:
    """A correction worth searching unasked: corpus words of five letters or more, each at least
    ``CORRECT_CUTOFF`` alike (``imleementaation`` -> ``implementation``); shorter words only suggest."""
    if list(corrected) == list(words) or len(corrected) != len(words):
        return False
    from rapidfuzz.distance import OSA

    for typed, word in zip(words, corrected, strict=True):
        if typed == word:
            continue
        if word not in index.surface_terms or len(typed) < 5:
            return False
        if OSA.normalized_similarity(typed, word) < CORRECT_CUTOFF:
            return False
    return True


def _ranked(
    corpus: Corpus,
    index: Index,
    query: str,
    words: Sequence[str],
    limit: int,
    allowed: Collection[int] | None,
    lang: str,
    explain_hits: bool,
    snippets: bool,
) -> SearchResult:
    found = concepts(index, words)
    scores = score_concepts(index, found, allowed)
    if not any(scores.covered):
        return SearchResult(query, (), suggest(index, corpus, words))
    totals = scores.totals
    threshold = RELATIVE_CUTOFF * max(totals)
    ranked, total = _top(totals, index.ids, threshold, limit)
    weights = matched_terms(index, found)
    shown_names = {t.id: (t.name(lang), t.label, t.label_en) for t in corpus.topics}
    hits = tuple(
        Hit(
            entry=corpus.entries[doc],
            score=round(-negative, 3),
            snippet=_snippet(corpus.entries[doc], weights, lang, shown_names, index) if snippets else None,
            matches=explain(index, found, doc) if explain_hits else (),
        )
        for negative, _, doc in ranked
    )
    return SearchResult(query, hits, total=total)


def _snippet(
    entry: Entry, weights: dict[str, tuple[int, float]], lang: str, names: Mapping[str, tuple[str, ...]], index: Index
) -> Snippet:
    return make_snippet(entry, weights, lang, names, entry_language(entry, index.language))


def _top(
    totals: list[float], ids: Sequence[int], threshold: float, limit: int
) -> tuple[list[tuple[float, int, int]], int]:
    """The *limit* best (-score, id, position) at or above *threshold* (> 0), ties by id; and how many pass.

    Only entries scoring at least the limit-th best value become tuples: for a common word that
    is a few dozen, not every entry.
    """
    passing = [doc for doc, value in enumerate(totals) if value >= threshold]
    if not passing:
        return [], 0
    floor = max(threshold, heapq.nlargest(limit, totals)[-1])
    candidates = [(-totals[doc], ids[doc], doc) for doc in passing if totals[doc] >= floor]
    return heapq.nsmallest(limit, candidates), len(passing)


def suggest(index: Index, corpus: Corpus, words: Sequence[str]) -> tuple[str, ...]:
    """Corrected queries and topics close to what was typed."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    corrected = []
    for word in words:
        if word in index.surface_terms:
            corrected.append(word)
            continue
        # Same first letter, as for typos: "pays" should not become "ways".
        candidates = [s for s in index.surfaces if s[:1] == word[:1]] if len(word) > 3 else []
        best = process.extractOne(word, candidates, scorer=OSA.normalized_similarity, score_cutoff=SUGGEST_CUTOFF)
        corrected.append(best[0] if best else "")
    out: list[str] = []
    if all(corrected) and corrected != list(words):
        out.append(" ".join(corrected))
    out += closest(" ".join(words), topic_names(corpus))
    return tuple(dict.fromkeys(out))[:5]
