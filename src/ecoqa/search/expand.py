"""Query expansion: each query word or alias phrase becomes a concept, a set of weighted corpus terms.

A word matches as itself (its stems), an alias, a prefix, a word of its Dutch family, a typo,
a compound that contains it, or by the parts of a compound the corpus lacks. Every rule runs
against the vocabulary, never against entries.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from ecoqa.search.analysis import stem, terms_of
from ecoqa.search.index import Index

#: Weight of an expansion kind relative to an exact stem match.
EXPANSION_WEIGHTS = {
    "exact": 1.0,
    "alias": 0.9,
    "loose alias": 0.8,
    "prefix": 0.85,
    "typo1": 0.8,
    "typo2": 0.6,
    "family": 0.75,
    "compound": 0.7,
    "part": 0.55,
}
PREFIX_MIN = 4
TYPO_MIN = 4
TYPO_TWO_EDITS_MIN = 8
PREFIX_CAP = 50
COMPOUND_MIN = 5
COMPOUND_PART_MIN = 4
#: Dutch derivations stripped to find a word's family (longest first; twice, so -schap then -er).
FAMILY_SUFFIXES = (
    "iseringen", "isering", "iseren", "schappen", "eringen", "ering", "eren", "aties", "atie", "ingen", "heden",
    "heid", "schap", "ende", "ing", "ers", "end", "er", "en", "e",
)  # fmt: skip
FAMILY_MIN = 4


class Variant(NamedTuple):
    """Corpus terms one query concept may stand for, with how much a match counts."""

    terms: tuple[str, ...]
    kind: str
    weight: float


class Concept(NamedTuple):
    text: str
    variants: tuple[Variant, ...]


def _known(index: Index, terms: Iterable[str]) -> tuple[str, ...]:
    return tuple(t for t in dict.fromkeys(terms) if t in index.postings)


def _exact(index: Index, word: str) -> list[Variant]:
    """The word's own terms: a corpus word's (a store then knows which postings must exist), else its stems."""
    found = _known(index, index.surface_terms.get(word) or terms_of(word, index.languages))
    return [Variant((t,), "exact", EXPANSION_WEIGHTS["exact"]) for t in found]


def _prefix(index: Index, word: str) -> list[Variant]:
    """Corpus words that start with *word* (``financ`` -> ``financiering``)."""
    if len(word) < PREFIX_MIN:
        return []
    words = [surface for surface in index.starting_with(word) if surface != word]
    index.surface_terms.prefetch(words)
    words.sort(key=lambda s: -index.surface_terms.df(s))  # the commonest first
    return _variants_for(index, words[:PREFIX_CAP], "prefix")


def _variants_for(index: Index, words: Iterable[str], kind: str) -> list[Variant]:
    weight = EXPANSION_WEIGHTS[kind]
    seen: set[str] = set()
    out = []
    words = list(words)
    index.surface_terms.prefetch(words)
    index.postings.prefetch([t for surface in words for t in index.surface_terms.get(surface) or ()])
    for surface in words:
        for term in _known(index, index.surface_terms.get(surface) or ()):
            if term not in seen:
                seen.add(term)
                out.append(Variant((term,), kind, weight))
    return out


def _typo(index: Index, word: str) -> list[Variant]:
    """Corpus words within 1 edit (4-7 letters) or 2 (8+) that start with the same letter.

    Short words are never fuzzed, and people rarely mistype the first letter: both rules keep
    ``warning`` from turning into ``working``.
    """
    if len(word) < TYPO_MIN:
        return []
    limit = 1 if len(word) < TYPO_TWO_EDITS_MIN else 2
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    found = process.extract(word, index.fuzzy_vocabulary(), scorer=OSA.distance, score_cutoff=limit, limit=10)
    variants: list[Variant] = []
    for surface, distance, _ in found:
        if distance == 0 or surface[0] != word[0]:
            continue
        kind = "typo1" if distance == 1 else "typo2"
        variants += _variants_for(index, [surface], kind)
        # A misspelled alias still expands, at the product of both weights.
        variants += [v._replace(weight=v.weight * EXPANSION_WEIGHTS[kind]) for v in _alias(index, [surface])]
    return variants


def family_root(word: str) -> str:
    """The root a Dutch word shares with its family: ``werking``, ``werken`` -> ``werk``.

    Strips the productive derivations (-ing, -er, -en, -atie/-eren, -isering, -heid, -schap) at
    most twice and writes doubled letters once (``duurzaam``/``duurzame``, ``wetenschapper``); a root
    shorter than ``FAMILY_MIN`` letters is no root.
    """
    root = word
    for _ in range(2):
        # The leftmost suffix that leaves FAMILY_MIN letters is the longest: one search, not a loop.
        found = _FAMILY_SUFFIX.search(root, FAMILY_MIN)
        if found is None:
            break
        root = _undoubled(root[: found.start()])
    root = root if root != word and len(root) >= FAMILY_MIN else _undoubled(word)
    return root[:-1] + _VOICED.get(root[-1], root[-1])  # grenzen/grens, verven/verf


def _undoubled(word: str) -> str:
    """Each doubled letter written once (``duurzaam`` -> ``durzam``); the group is taken by a C
    callable, not a ``\\1`` template, which Python 3.11 expands in Python for every match."""
    return _DOUBLED.sub(_FIRST_GROUP, word)


_DOUBLED = re.compile(r"(.)\1")
_FIRST_GROUP = operator.itemgetter(1)
_FAMILY_SUFFIX = re.compile(f"(?:{'|'.join(FAMILY_SUFFIXES)})$")
_VOICED = {"z": "s", "v": "f"}


def _family(index: Index, word: str) -> list[Variant]:
    """Corpus words of the same Dutch family (an -ing noun finds the -en verb and the -er agent)."""
    if len(word) < FAMILY_MIN + 1 or not word.isalpha():
        return []
    root = family_root(word)
    prefix = word[: min(5, len(root) - 1)]  # a family shares its first letters, not always the root's last
    scanned = itertools.islice(index.starting_with(prefix), 2000)
    related = [surface for surface in scanned if surface != word and family_root(surface) == root]
    return _variants_for(index, related, "family")


def _containing(blob: str, word: str) -> Iterator[str]:
    """The lines of *blob* (one surface word each) that contain *word* after their first letter.

    ``str.find`` jumps from one occurrence to the next at C speed, so a large vocabulary is not
    tried word by word.
    """
    at = blob.find(word, 1)
    while at >= 0:
        start = blob.rfind("\n", 0, at) + 1
        end = blob.find("\n", at)
        end = len(blob) if end < 0 else end
        if at > start:
            yield blob[start:end]
            at = blob.find(word, end + 1)
        else:
            at = blob.find(word, at + 1)


def _compound(index: Index, word: str) -> list[Variant]:
    """Corpus compounds that end in *word* (``fonds`` -> ``groeifonds``), the first ``PREFIX_CAP``
    in word order."""
    if len(word) < COMPOUND_MIN:
        return []
    ending = (word, stem(word, index.language))
    compounds = (surface for surface in _containing(index.blob, word) if surface.endswith(ending))
    return _variants_for(index, itertools.islice(compounds, PREFIX_CAP), "compound")


def _compound_parts(index: Index, word: str) -> list[Variant]:
    """A query compound the corpus lacks, matched by its parts (``samenwerkingsverband``).

    Both parts together count as a compound; each part alone counts less, and a rare part (high
    idf) counts more than a common one by BM25 itself. A linking s, e or en stays on the head, where
    the Dutch stemmer or the word family takes it off (``samenwerkings`` -> ``samenwerk``).
    """
    if len(word) < 2 * COMPOUND_PART_MIN or _known(index, terms_of(word, index.languages)):
        return []
    best: tuple[int, list[Variant], list[Variant]] | None = None
    for cut in range(len(word) - COMPOUND_PART_MIN, COMPOUND_PART_MIN - 1, -1):
        head, tail = _part(index, word[:cut]), _part(index, word[cut:])
        known = cut * bool(head) + (len(word) - cut) * bool(tail)
        if known and (best is None or known > best[0]):
            best = (known, head, tail)
    if best is None:
        return []
    known, head, tail = best
    if 2 * known < len(word) and all(v.kind == "prefix" for v in head + tail):
        return []  # the start of some longer word, for less than half of this one: chance, not a part
    variants = [v._replace(kind="part", weight=EXPANSION_WEIGHTS["part"]) for v in head + tail]
    exact_head = [v for v in head if v.kind == "exact"]
    exact_tail = [v for v in tail if v.kind == "exact"]
    if exact_head and exact_tail:
        variants.append(Variant(exact_head[0].terms + exact_tail[0].terms, "compound", EXPANSION_WEIGHTS["compound"]))
    return variants


def _part(index: Index, word: str) -> list[Variant]:
    """How one part of a compound matches: as a word, a word of its family, or (5+ letters) a prefix."""
    found = _exact(index, word)
    if not found:
        found = _family(index, word)
    if not found and len(word) >= COMPOUND_MIN:
        found = _prefix(index, word)
    return found


def _alias(index: Index, words: Sequence[str], kind: str = "alias") -> list[Variant]:
    keys = {tuple(words), tuple(stem(w, "en") for w in words), tuple(stem(w, "nl") for w in words)}
    table = index.aliases if kind == "alias" else index.loose_aliases
    variants = []
    for key in keys:
        for target in table.get(key, ()):
            known = tuple(t for t in target if t in index.postings)
            if known and len(known) == len(target):
                variants.append(Variant(known, kind, EXPANSION_WEIGHTS[kind]))
    return variants


def expand_word(index: Index, word: str) -> list[Variant]:
    """Every way one query word can match the corpus, best first."""
    variants = _exact(index, word) + _alias(index, [word]) + _prefix(index, word) + _family(index, word)
    if not variants:
        variants += _typo(index, word)
    variants += _compound(index, word) + _compound_parts(index, word)
    return _dedupe(variants)


def _dedupe(variants: list[Variant]) -> list[Variant]:
    best: dict[tuple[str, ...], Variant] = {}
    for variant in variants:
        if variant.terms not in best or variant.weight > best[variant.terms].weight:
            best[variant.terms] = variant
    return sorted(best.values(), key=lambda v: -v.weight)


def concepts(index: Index, words: Sequence[str]) -> list[Concept]:
    """Group words into concepts, matching the longest alias phrase first."""
    found: list[Concept] = []
    position = 0
    while position < len(words):
        sizes = range(min(index.max_alias_words, len(words) - position), 1, -1)
        for size, kind in [(size, "alias") for size in sizes] + [(size, "loose alias") for size in sizes]:
            phrase = words[position : position + size]
            aliases = _alias(index, phrase, kind)
            if aliases:
                literal = tuple(t for w in phrase for t in _known(index, terms_of(w, index.languages))[:1])
                extra = [Variant(literal, "exact", 1.0)] if len(literal) == size else []
                found.append(Concept(" ".join(phrase), tuple(_dedupe(extra + aliases))))
                position += size
                break
        else:
            word = words[position]
            found.append(Concept(word, tuple(expand_word(index, word))))
            position += 1
    return found
