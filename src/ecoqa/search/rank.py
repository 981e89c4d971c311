"""Scoring: BM25F per term, dis-max per concept, a soft coverage factor; and what each word added.

A concept counts its best variant plus ``TIE_BREAKER`` of the others; concepts add up; an
entry that covers more of the query, and better, keeps more of its score.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import operator
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import NamedTuple

from ecoqa.models import Match
from ecoqa.search.analysis import TOPIC_PREFIX, analysis_signature
from ecoqa.search.expand import EXPANSION_WEIGHTS, Concept, Variant
from ecoqa.search.index import Index, index_signature

K1 = 1.2
#: A concept scores its best variant plus this share of the others (dis-max).
TIE_BREAKER = 0.1
#: An entry's score is multiplied by (its coverage of the query / the most any entry covers) ** this.
COVERAGE = 1.0


def ranking_signature() -> str:
    """A digest of every parameter and rule the stored index depends on.

    The persistent index keys its file on this, so a changed weight, stop word or token
    pattern is never answered from stale postings, whatever the version number says.
    """
    parts = (
        analysis_signature(),
        index_signature(),
        K1,
        sorted(EXPANSION_WEIGHTS.items()),
        TIE_BREAKER,
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def _term_scores(index: Index, term: str, idf_cap: float | None = None) -> dict[int, float]:
    """BM25 of one term in every entry that has it: Lucene's idf (never negative, as bm25s'
    ``method="lucene"``, Kamphuis et al. 2020) times the saturated BM25F pseudo frequency."""
    docs, tfs = index.postings[term]
    idf = _capped_idf(index, term, idf_cap)
    return {doc: idf * tf * (K1 + 1) / (tf + K1) for doc, tf in zip(docs, tfs, strict=True)}


def _capped_idf(index: Index, term: str, cap: float | None) -> float:
    """A term's idf, no higher than *cap* (None: its own; see ``_idf_cap`` for which terms get one)."""
    return index.idf(term) if cap is None else min(index.idf(term), cap)


def _cap_for(variant: Variant, cap: float | None) -> float | None:
    """Exact and alias variants (loose ones too) keep their own idf; expansions count no rarer than
    the typed word."""
    return None if variant.kind in ("exact", "alias", "loose alias") else cap


class Scores(NamedTuple):
    """Per entry position (dense: 0 where nothing matched), the score, and how much of the query
    the entry covers: per concept, its value there as a share of the concept's best value in any
    entry (1 where it matches as well as anywhere, a fraction where it matches only weakly)."""

    totals: list[float]
    covered: list[float]


def score_concepts(index: Index, found: Sequence[Concept], allowed: Collection[int] | None) -> Scores:
    """Every entry's score: per concept its best variant plus ``TIE_BREAKER`` of the others, summed,
    times its share of the query's coverage (``_coverage``).

    Scores are a list as long as the corpus, added to once per posting: a common word has a
    posting in most entries, and a list indexed by position is cheaper than dictionaries merged
    per variant. Coverage is worked out from each concept's values once its
    postings are added (``_covered``); which words matched (``explain``) afterwards, for the
    entries shown only.
    """
    size = len(index.ids)
    scores = [0.0] * size
    tops = [top for concept in found if (top := _add_concept(index, concept, scores))]
    covered = _covered(tops, size)
    if allowed is not None:
        scores, covered = _only(allowed, scores), _only(allowed, covered)
    return Scores(_coverage(scores, covered), covered)


def _only(allowed: Collection[int], values: list[float]) -> list[float]:
    kept = [0.0] * len(values)
    for position in allowed:
        kept[position] = values[position]
    return kept


def _covered(tops: list[list[float]], size: int) -> list[float]:
    """Per entry, the sum over concepts of its value as a share of the concept's best value in any
    entry: exactly 1.0 where it matches as well as anywhere, one concept's worth.

    C-level ``map`` chained over the concepts and made a list once: this runs over every entry
    of the corpus, per concept.
    """
    shares = [map(operator.truediv, top, itertools.repeat(best)) for top in tops if (best := max(top))]
    if not shares:
        return [0.0] * size
    total = shares[0]
    for more in shares[1:]:
        total = map(operator.add, total, more)
    return list(total)


def _coverage(scores: list[float], covered: list[float]) -> list[float]:
    """Each score times (its coverage / the most any entry covers) ** ``COVERAGE``: entries that
    match more of the query, and match it better, rank higher (a soft coordination factor).

    A concept counts by how well it matches, not only whether: "common" found in a passing
    phrase covers less than the word an answer is about. The share is taken of the most any entry
    covers, so a word the corpus lacks ("ordinary") lowers no entry below another; while no
    entry covers more than one concept's worth, scores stand as they are.
    """
    most = max(covered, default=0.0)
    if most <= 1.0 or not COVERAGE:
        return scores
    shares: Iterator[float] = map(operator.mul, covered, itertools.repeat(1.0 / most))
    if COVERAGE != 1.0:
        shares = map(pow, shares, itertools.repeat(COVERAGE))
    return list(map(operator.mul, scores, shares))


def _add_concept(index: Index, concept: Concept, scores: list[float]) -> list[float]:
    """Add one concept's best variant and ``TIE_BREAKER`` of its others to each entry's score;
    return the best variant's value per entry (empty when the corpus lacks the word in every form).

    One pass, kept true after every variant: score = best + TIE_BREAKER * (sum - best). A value
    above the best so far becomes the best, and the old best counts as one of the others.
    """
    if not concept.variants:
        return []
    top = [0.0] * len(scores)  # this concept's best value so far, per entry
    demoted = 1 - TIE_BREAKER
    cap = _idf_cap(index, concept)
    first, *others = concept.variants
    for doc, value in _variant_values(index, first, cap):  # nothing to compare with yet
        top[doc] = value
        scores[doc] += value
    for variant in others:
        for doc, value in _variant_values(index, variant, cap):
            old = top[doc]
            if value > old:
                top[doc] = value
                scores[doc] += value - demoted * old
            else:
                scores[doc] += TIE_BREAKER * value
    return top


def _variant_values(index: Index, variant: Variant, cap: float | None) -> Iterable[tuple[int, float]]:
    """A variant's weighted score per entry; a phrase counts only where all of its words occur.

    Expansions count no rarer than the word as typed (see ``_idf_cap``); exact and alias keep
    their own idf.
    """
    cap = _cap_for(variant, cap)
    if len(variant.terms) == 1:
        term = variant.terms[0]
        docs, tfs = index.postings[term]
        factor = variant.weight * _capped_idf(index, term, cap) * (K1 + 1)
        return zip(docs, [factor * tf / (tf + K1) for tf in tfs], strict=True)
    parts = [_term_scores(index, term, cap) for term in variant.terms]
    shared = set(parts[0]).intersection(*parts[1:])
    return [(doc, variant.weight * sum(part[doc] for part in parts)) for doc in shared]


def explain(index: Index, found: Sequence[Concept], position: int) -> tuple[Match, ...]:
    """What each query concept's variants added to one entry's score, largest first."""
    matches: list[Match] = []
    for concept in found:
        cap = _idf_cap(index, concept)
        values = []
        for variant in concept.variants:
            value = _value_at(index, variant, cap, position)
            if value:
                values.append((value, variant))
        values.sort(key=lambda pair: -pair[0])
        matches += _explained(index, concept.text, values[:3])
    return tuple(sorted(matches, key=lambda m: -m.score))


def _value_at(index: Index, variant: Variant, cap: float | None, position: int) -> float:
    """One variant's weighted value for one entry, found by bisection in the sorted postings."""
    cap = _cap_for(variant, cap)
    total = 0.0
    for term in variant.terms:
        docs, tfs = index.postings[term]
        at = bisect.bisect_left(docs, position)
        if at == len(docs) or docs[at] != position:
            return 0.0
        total += _capped_idf(index, term, cap) * tfs[at] * (K1 + 1) / (tfs[at] + K1)
    return total * variant.weight


def _idf_cap(index: Index, concept: Concept) -> float | None:
    """When the word itself is in the corpus, its expansions count as rare as it is, not rarer.

    Otherwise a rare prefix or compound match (``innovatiesysteem``) would outscore the common
    word the user actually typed (``innovaties``).
    """
    exact = [index.idf(t) for v in concept.variants if v.kind == "exact" for t in v.terms]
    return max(exact) if exact else None


def _explained(index: Index, query: str, values: list[tuple[float, Variant]]) -> list[Match]:
    """What each variant added; variants that read the same (two stems of a word) merge."""
    merged: dict[tuple[str, str], Match] = {}
    for position, (value, variant) in enumerate(values):
        share = value if position == 0 else TIE_BREAKER * value
        term = " ".join(_readable(index, t) for t in variant.terms)
        earlier = merged.get((term, variant.kind))
        total = share + (earlier.score if earlier else 0.0)
        merged[(term, variant.kind)] = Match(query, term, variant.kind, variant.weight, round(total, 3))
    return list(merged.values())


def _readable(index: Index, term: str) -> str:
    if term.startswith(TOPIC_PREFIX):
        return "topic " + term[len(TOPIC_PREFIX) :]
    return index.term_surface.get(term, term)
