"""The inverted index: BM25F pseudo term frequencies per (term, entry), the vocabulary and aliases.

``IndexBuilder`` builds it one entry at a time, so that a large corpus can stream through it;
``build_index`` builds it at once for a corpus in memory.
"""

from __future__ import annotations

import bisect
import heapq
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple, Protocol, TypeVar

from ecoqa.models import Corpus, Entry, GlossaryTerm, Posting, Principle, Topic
from ecoqa.search.analysis import (
    HYPHENATED,
    STOP_WORDS,
    TOPIC_PREFIX,
    analysis_language,
    content_words,
    index_words,
    stem,
    stem_pair,
    stop_words,
)
from ecoqa.text import fold


class FieldSpec(NamedTuple):
    name: str
    weight: float
    b: float
    lang: str  # "nl" (the original: the corpus's or the entry's language), "en" or "both" (the original and "en")


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("topics", 4.0, 0.3, "both"),  # topic tags (TOPIC_PREFIX terms), reached through aliases
    FieldSpec("question", 3.0, 0.5, "nl"),
    FieldSpec("question_en", 2.5, 0.5, "en"),
    FieldSpec("principles", 1.5, 0.5, "both"),
    FieldSpec("key_points", 1.5, 0.5, "nl"),
    FieldSpec("key_points_en", 1.2, 0.5, "en"),
    FieldSpec("answer", 1.0, 0.75, "nl"),
    FieldSpec("answer_en", 0.8, 0.75, "en"),
)
#: Raised whenever a rule of building the index changes that no parameter here names, so no stored
#: index built by an old rule is ever read (docs/search.md lists what each raise was for).
INDEX_RULES = 5


def field_texts(entry: Entry) -> dict[str, list[str]]:
    """The text of each field but "principles" (added once the principles are known, see
    ``IndexBuilder.finish``); "topics" holds no words, only the entry's topic tags.

    Topic labels are not indexed as words: a label such as "Government" on every tagged entry
    would saturate BM25 and outrank the entry that is actually about government. Labels and
    aliases reach the tags through the alias table instead.
    """
    return {
        "question": [entry.question],
        "question_en": [entry.question_en],
        "key_points": list(entry.key_points),
        "key_points_en": list(entry.key_points_en),
        "answer": [entry.answer],
        "answer_en": [entry.answer_en],
    }


_V = TypeVar("_V", covariant=True)
_T = TypeVar("_T")


class Table(Protocol[_V]):
    """An index table by key: a dict in memory (``Held``), or a store's table read as a search
    needs it (``ecoqa.store``), which reads many keys in a few queries when told them ahead."""

    def __contains__(self, key: object, /) -> bool: ...

    def __getitem__(self, key: str, /) -> _V: ...

    def get(self, key: str, /) -> _V | None: ...

    def prefetch(self, keys: Iterable[str]) -> None:
        """Read *keys* now, together, where reading them one by one costs more."""


class Vocabulary(Table[tuple[str, ...]], Protocol):
    """Surface word -> its terms, and how many entries its commonest term occurs in."""

    def df(self, surface: str) -> int: ...


class Held(dict[str, _T]):
    """An index table held whole in memory."""

    def prefetch(self, keys: Iterable[str]) -> None:
        """Nothing to read: everything is here."""


class HeldVocabulary(Held[tuple[str, ...]]):
    """The vocabulary held in memory, counting a surface's entries from the postings when asked."""

    def __init__(self, terms: dict[str, tuple[str, ...]], postings: Table[Posting]) -> None:
        super().__init__(terms)
        self.postings = postings

    def df(self, surface: str) -> int:
        counts = (len(posting[0]) for posting in map(self.postings.get, self.get(surface) or ()) if posting)
        return max(counts, default=0)


@dataclass
class Index:
    """An inverted index with BM25F pseudo term frequencies precomputed per (term, entry).

    ``postings`` and ``surface_terms`` are ``Table``s, ``term_surface`` a mapping: held in memory,
    or read from a store (``ecoqa.store``) so that a large corpus answers a query without
    loading everything.
    """

    size: int
    ids: Sequence[int]  # entry id per position, for deterministic tie-breaks
    postings: Table[Posting]
    # the sorted folded surface words, newline-joined (for C-speed scans), or a reader of them:
    # a stored index reads them only when a search needs them, not for ``show``
    words: str | Callable[[], str] = field(repr=False)
    surface_terms: Vocabulary
    term_surface: Mapping[str, str]  # a readable surface word for each term
    aliases: Mapping[tuple[str, ...], list[tuple[str, ...]]]
    max_alias_words: int = 1
    language: str = "nl"  # the analysis language of the original fields (question, answer, key points)
    #: the analysis languages of entries whose own source is in another language (a merged corpus)
    other_languages: tuple[str, ...] = ()
    _fuzzy: list[str] | None = field(default=None, repr=False)

    @cached_property
    def languages(self) -> tuple[str, ...]:
        """Every analysis language of the index's terms: the original's, English, and any other."""
        return tuple(dict.fromkeys((self.language, "en", *self.other_languages)))

    @cached_property
    def stop_words(self) -> frozenset[str]:
        """The words a query drops: those the original fields dropped, in each of their languages."""
        return frozenset().union(*(stop_words(lang) for lang in (self.language, *self.other_languages)))

    @cached_property
    def blob(self) -> str:
        """The surface words, one per line."""
        return self.words if isinstance(self.words, str) else self.words()

    @cached_property
    def surfaces(self) -> list[str]:
        """The surface words, sorted (for prefix and neighbour scans)."""
        return self.blob.split("\n") if self.blob else []

    def starting_with(self, prefix: str) -> Iterator[str]:
        """The surface words that start with *prefix*, in order; found by bisection in the text of
        them, so a search that needs ten words does not split the whole vocabulary into a list."""
        blob = self.blob
        at = _first_line_from(blob, prefix) if blob else 1
        while at <= len(blob):
            end = blob.find("\n", at)
            end = len(blob) if end < 0 else end
            line = blob[at:end]
            if not line.startswith(prefix):
                return
            yield line
            at = end + 1

    def fuzzy_vocabulary(self) -> list[str]:
        """Corpus words plus one-word alias keys: what a misspelled word may have meant."""
        if self._fuzzy is None:  # the surfaces are sorted already: merge in the few alias keys
            surfaces = self.surfaces
            extra = sorted({k[0] for k in self.aliases if len(k) == 1 and not _in_sorted(surfaces, k[0])})
            self._fuzzy = list(heapq.merge(surfaces, extra)) if extra else list(surfaces)
        return self._fuzzy

    @cached_property
    def loose_aliases(self) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
        """Alias phrases of three words or more, each without one of its inner words: a query
        that leaves a word out ("small and medium enterprises" for "small and medium-sized
        enterprises") still reaches the phrase, as a phrase search with a slop of one would.
        First and last words stay: they carry the phrase. Never a key an alias has itself."""
        loose: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for key, targets in self.aliases.items():
            for inner in range(1, len(key) - 1):
                shorter = key[:inner] + key[inner + 1 :]
                if shorter in self.aliases:
                    continue
                bucket = loose.setdefault(shorter, [])
                bucket.extend(target for target in targets if target not in bucket)
        return loose

    def df(self, term: str) -> int:
        posting = self.postings.get(term)
        return len(posting[0]) if posting else 0

    def idf(self, term: str) -> float:
        df = self.df(term)
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))


def _alias_key(phrase: str) -> tuple[str, ...]:
    """The words of an alias phrase as a query has them: a hyphenated word counts as its parts, and
    function words go (``small and medium-sized enterprises`` is small, medium, sized, enterprises),
    and a repeated word counts once.

    Not where one word would be left: "the public" is not "public", "handed over" not "handed";
    such a phrase keeps its function words (and a query, which drops them, does not reach it).
    """
    words = index_words(phrase)
    joined = {w.replace("-", "") for w in HYPHENATED.findall(fold(phrase))}
    parts = [w for w in words if w not in joined] or words
    content = list(dict.fromkeys(content_words(parts)))  # each word once, as in a query
    return tuple(content if len(content) > 1 else parts)


def alias_table(
    topics: Sequence[Topic], glossary: Sequence[GlossaryTerm]
) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """Folded phrase -> alternative term tuples, from topic labels/aliases and the glossary."""
    table: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)

    def add(key_phrase: str, target: tuple[str, ...]) -> None:
        words = _alias_key(key_phrase)
        if not words or not target:
            return
        # as typed, and as stems in both languages: "betaalt" finds the alias "betalen", "pays" finds "pay"
        for key in {words, tuple(stem(w, "en") for w in words), tuple(stem(w, "nl") for w in words)}:
            if target not in table[key]:
                table[key].append(target)

    for topic in topics:
        for name in (topic.id, topic.label, topic.label_en, *topic.aliases):
            add(name, (TOPIC_PREFIX + topic.id,))
    for term in glossary:
        dutch = tuple(stem(word, "nl") for word in _alias_key(term.nl))
        for english in term.en:
            english_terms = tuple(stem(word, "en") for word in _alias_key(english))
            add(english, dutch)
            add(term.nl, english_terms)
    return dict(table)


def entry_language(entry: Entry, primary: str) -> str:
    """The analysis language of an entry's original fields: its own source's language in a merged
    corpus, else the corpus's (*primary*)."""
    own = entry.source.language if entry.source else ""
    return analysis_language(own) if own else primary


def build_index(corpus: Corpus, progress: Callable[[int, int], None] | None = None) -> Index:
    """Index every entry of a corpus held in memory (*progress* hears every thousandth)."""
    builder = IndexBuilder(analysis_language(corpus.language))
    total = len(corpus.entries)
    for entry in corpus.entries:
        builder.add(entry)
        if progress and builder.size % 1000 == 0:
            progress(builder.size, total)
    return builder.finish(corpus.topics, corpus.principles, corpus.glossary)


class Packing(NamedTuple):
    """How an occurrence is packed: ``(entry << doc_shift) | (field << field_shift) | count``."""

    doc_shift: int
    field_shift: int
    count_mask: int  # the largest count it holds (a larger one is capped at this)
    typecode: str  # the array type of the packed integers


#: Four bytes per (term, entry, field) while entries < 2**20 and counts < 256: these integers are
#: most of a large build's memory. A larger corpus or count widens them, once.
NARROW = Packing(12, 8, (1 << 8) - 1, "I")
WIDE = Packing(24, 20, (1 << 20) - 1, "q")


def _widened(flat: array[int]) -> array[int]:
    """Narrow packed occurrences in the wide layout."""
    old, new = NARROW, WIDE
    field_mask = (1 << (old.doc_shift - old.field_shift)) - 1
    return array(
        new.typecode,
        (
            (p >> old.doc_shift) << new.doc_shift
            | ((p >> old.field_shift) & field_mask) << new.field_shift
            | (p & old.count_mask)
            for p in flat
        ),
    )


class IndexBuilder:
    """Builds the index one entry at a time, so that a large corpus can stream through it.

    Counts are kept as packed (entry, field, count) integers per term until the average field
    lengths are known; the "principles" field waits for the principles, which a file may list
    after its questions.
    """

    def __init__(self, language: str = "nl", packing: Packing = NARROW) -> None:
        self.language = language
        self.other_languages: dict[str, None] = {}  # entries' own languages other than *language*, in order
        self.extra_terms: dict[str, dict[str, None]] = {}  # surface -> its terms in those languages
        # per field language, the words left out: the English translations of a Dutch corpus drop
        # the Dutch list too, as its English queries do
        self.dropped: dict[str, frozenset[str]] = {}
        self.picks: dict[str, int | None] = {language: 0, "en": -1, "both": None}  # a term's place in its pair
        self.width = len(FIELDS)
        self.size = 0
        self.ids: array[int] = array("i")
        self.lengths: array[int] = array("i")
        self.triples: dict[str, array[int]] = {}
        self.packing = packing
        self.surface_terms: dict[str, tuple[str, ...]] = {}
        self.term_surface: dict[str, str] = {}
        self.carried: list[tuple[int, tuple[str, ...]]] = []  # (position, principle ids)
        self.principle_sets: dict[tuple[str, ...], tuple[str, ...]] = {}  # one copy of each: few differ
        self.text_fields = [(f, spec) for f, spec in enumerate(FIELDS) if spec.name not in ("topics", "principles")]
        self.principle_field = next((f for f, spec in enumerate(FIELDS) if spec.name == "principles"), None)
        self.zeros = array("i", [0]) * self.width

    def add(self, entry: Entry) -> None:
        """Give *entry* the next position and count its topics, principles and words."""
        doc = self.size
        self._fit(doc)
        self.size += 1
        self.ids.append(entry.id)
        self.lengths.extend(self.zeros)
        for topic_id in dict.fromkeys(entry.topics):
            self._append(TOPIC_PREFIX + topic_id, (doc << self.packing.doc_shift) | 1, topic_id)
        if entry.principles and self.principle_field is not None:
            self.carried.append((doc, self.principle_sets.setdefault(entry.principles, entry.principles)))
        texts = field_texts(entry)
        original = entry_language(entry, self.language)
        if original != self.language:
            self.other_languages[original] = None
        for f, spec in self.text_fields:
            lang = original if spec.lang == "nl" else spec.lang
            self._add_words(doc, f, lang, [w for t in texts.get(spec.name, ()) for w in index_words(t)])

    def _fit(self, doc: int) -> None:
        if self.packing is NARROW and doc >= 1 << (32 - NARROW.doc_shift):
            self._widen()

    def _add_words(self, doc: int, f: int, lang: str, words: list[str]) -> None:
        dropped = self.dropped.get(lang)
        if dropped is None:  # the corpus's own stop words and the field's language's (see ``__init__``)
            own = stop_words(self.language) | stop_words(lang)
            dropped = self.dropped[lang] = STOP_WORDS if lang == "both" else own
        words = [w for w in words if w not in dropped]
        self.lengths[doc * self.width + f] = len(words)
        surface_terms = self.surface_terms
        new = [w for w in dict.fromkeys(words) if w not in surface_terms]
        if new:
            stem_pair(new, self.language, surface_terms)
        counts = Counter(words)
        if self.packing is NARROW and counts and max(counts.values()) > NARROW.count_mask:
            self._widen()
        packing = self.packing
        base = (doc << packing.doc_shift) | (f << packing.field_shift)
        triples = self.triples
        pick = self.picks.get(lang, lang)  # else: an entry's own language
        for word, n in counts.items():
            packed = base | (n if n < packing.count_mask else packing.count_mask)
            both = surface_terms[word]
            for term in both if pick is None else (self._term(word, both, pick),):
                flat = triples.get(term)
                if flat is None:
                    flat = triples[term] = array(packing.typecode)
                    self.term_surface[term] = word
                flat.append(packed)

    def _term(self, word: str, pair: tuple[str, ...], pick: int | str) -> str:
        """The term of *word* in one language: a place in its (original, English) *pair*, or another
        language, whose stem the vocabulary gets as well (``merge_extra_terms``)."""
        if isinstance(pick, int):
            return pair[pick]
        term = stem(word, pick)
        if term not in pair:
            self.extra_terms.setdefault(word, {})[term] = None
        return term

    def merge_extra_terms(self) -> None:
        """Give each word its terms in the entries' own languages too, so a query word finds them."""
        for word, extra in self.extra_terms.items():
            self.surface_terms[word] = tuple(dict.fromkeys((*self.surface_terms[word], *extra)))
        self.extra_terms = {}

    def _widen(self) -> None:
        """Repack every occurrence in the wide layout (a corpus past 2**20 entries, or a count > 255)."""
        for term, flat in self.triples.items():
            self.triples[term] = _widened(flat)
        self.packing = WIDE

    def _append(self, term: str, packed: int, surface: str) -> None:
        flat = self.triples.get(term)
        if flat is None:
            flat = self.triples[term] = array(self.packing.typecode)
            self.term_surface[term] = surface
        flat.append(packed)

    def add_principles(self, principles: Sequence[Principle]) -> None:
        """Index the principle titles of the entries that carry them (once the principles are known)."""
        titles = {p.id: f"{p.title} {p.title_en}" for p in principles}
        before = {t: len(flat) for t, flat in self.triples.items()}
        for doc, carried in self.carried:
            words = [w for p in carried if p in titles for w in index_words(titles[p])]
            self._add_words(doc, self.principle_field or 0, "both", words)
        self.carried = []
        self.merge_extra_terms()
        for term, flat in self.triples.items():
            if len(flat) != before.get(term, 0):
                self.triples[term] = array(self.packing.typecode, sorted(flat))  # back in entry order

    def postings(self) -> Iterator[tuple[str, array[int], array[float]]]:
        """Each term's postings, one at a time, as BM25F pseudo term frequencies per entry; the
        packed (entry, field, count) integers behind them are freed as they go.

        Each (entry, field) gets its factor weight / length norm once; a term's entries come in
        order, so fields of one entry add up to one pseudo frequency.
        """
        triples, lengths, total = self.triples, self.lengths, self.size
        width = len(FIELDS)
        averages = [max(sum(lengths[f::width]) / max(total, 1), 1.0) for f in range(width)]
        factors = array(
            "d",
            (
                spec.weight / (1 - spec.b + spec.b * lengths[doc * width + f] / averages[f])
                for doc in range(total)
                for f, spec in enumerate(FIELDS)
            ),
        )
        doc_shift, field_shift, count_mask, _ = self.packing
        for term in sorted(triples):  # in key order: the store appends to its B-tree instead of splitting pages
            flat = triples.pop(term)
            docs: array[int] = array("i")
            tfs: array[float] = array("f")
            last = -1
            value = 0.0
            for packed in flat:
                doc = packed >> doc_shift
                weighted = factors[doc * width + ((packed >> field_shift) & 15)] * (packed & count_mask)
                if doc == last:
                    value += weighted
                else:
                    if last >= 0:
                        docs.append(last)
                        tfs.append(value)
                    last, value = doc, weighted
            docs.append(last)
            tfs.append(value)
            yield term, docs, tfs

    def finish(
        self, topics: Sequence[Topic], principles: Sequence[Principle], glossary: Sequence[GlossaryTerm]
    ) -> Index:
        self.add_principles(principles)
        postings = Held[Posting]((term, (docs, tfs)) for term, docs, tfs in self.postings())
        surfaces = sorted(self.surface_terms)
        aliases = alias_table(topics, glossary)
        return Index(
            size=self.size,
            ids=self.ids,
            postings=postings,
            words="\n".join(surfaces),
            surface_terms=HeldVocabulary(self.surface_terms, postings),
            term_surface=self.term_surface,
            aliases=aliases,
            max_alias_words=max((len(k) for k in aliases), default=1),
            language=self.language,
            other_languages=tuple(self.other_languages),
        )


def _first_line_from(blob: str, key: str) -> int:
    """Where the first line of *blob* (sorted lines) that is not less than *key* starts, or past the end."""
    low, high = 0, len(blob)  # lines starting before low are less than key; the one at high is not
    while low < high:
        middle = (low + high) // 2
        start = blob.rfind("\n", low, middle) + 1 or low
        end = blob.find("\n", start)
        end = len(blob) if end < 0 else end
        if blob[start:end] < key:
            low = end + 1
        else:
            high = start
    return low


def _in_sorted(items: Sequence[str], item: str) -> bool:
    at = bisect.bisect_left(items, item)
    return at < len(items) and items[at] == item


def index_signature() -> tuple[object, ...]:
    """The parameters of the index a stored index depends on (see ``rank.ranking_signature``)."""
    return (FIELDS, INDEX_RULES)
