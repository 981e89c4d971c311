"""Ranking: folding, tokens, stemming, a field-weighted BM25 index, query expansion, snippets.

English and Dutch queries over a Dutch corpus with English translations. A query is folded and
split into concepts (the longest alias phrase first); each concept expands into weighted corpus
terms (exact stem, alias, prefix, family, typo, compound, compound part); each term is scored with BM25F;
a concept counts its best variant plus a little of the others; concepts add up. rapidfuzz is
imported only when a word needs fuzzy matching, to keep start-up short. Parameters below.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
import operator
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple

import Stemmer

from ecoqa.errors import UsageError
from ecoqa.models import Corpus, Entry, GlossaryTerm, Hit, Match, Posting, Principle, Snippet, Topic
from ecoqa.names import closest, topic_names
from ecoqa.text import fold

# ---------------------------------------------------------------------------- parameters

K1 = 1.2
#: Weight of an expansion kind relative to an exact stem match.
EXPANSION_WEIGHTS = {
    "exact": 1.0,
    "plural": 0.95,
    "alias": 0.9,
    "loose alias": 0.8,
    "prefix": 0.85,
    "typo1": 0.8,
    "typo2": 0.6,
    "family": 0.75,
    "compound": 0.7,
    "part": 0.55,
    "infix": 0.5,
}
#: A concept scores its best variant plus this share of the others (dis-max).
TIE_BREAKER = 0.1
PREFIX_MIN = 4
TYPO_MIN = 4
TYPO_TWO_EDITS_MIN = 8
PREFIX_CAP = 50
COMPOUND_MIN = 5
COMPOUND_PART_MIN = 4
SUGGEST_CUTOFF = 0.7
#: A suggestion this alike (and of five letters or more) is searched at once when nothing matched.
CORRECT_CUTOFF = 0.75
TOPIC_CUTOFF = 75.0
#: Results scoring below this share of the best result are noise, not answers.
RELATIVE_CUTOFF = 0.2
#: An entry's score is multiplied by (its coverage of the query / the most any entry covers) ** this.
COVERAGE = 1.0
#: Dutch derivations stripped to find a word's family (longest first; twice, so -schap then -er).
FAMILY_SUFFIXES = (
    "iseringen", "isering", "iseren", "schappen", "eringen", "ering", "eren", "aties", "atie", "ingen", "heden",
    "heid", "schap", "ende", "ing", "ers", "end", "er", "en", "e",
)  # fmt: skip
FAMILY_MIN = 4
SNIPPET_CONTEXT = 120
STEMMER_VERSION = f"pystemmer-{Stemmer.version()}"
TOPIC_PREFIX = "@topic:"


class FieldSpec(NamedTuple):
    name: str
    weight: float
    b: float
    lang: str  # "nl", "en" or "both"


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
#: Fields a snippet may come from; the renderers label them in the reader's language.
SNIPPET_FIELDS = ("question", "answer", "key_points", "question_en", "answer_en", "key_points_en")
#: A query is searched on its first words, each on its first letters: a pasted page must not stall.
MAX_QUERY_WORDS = 32
#: Raised when a rule of building the index changes that no parameter here names (2: alias phrases
#: lose their function words; 3: not where one word would be left; 4: and repeated words), so no
#: stored index built by an old rule is ever read.
INDEX_RULES = 4
MAX_WORD = 40

DUTCH_STOP_WORDS = frozenset(
    """de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem
    dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe
    heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer doen
    toen moet ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen kunnen
    ons zelf tegen na reeds wil kon niets uw iemand geweest andere jullie wij we waar waarom wanneer welke
    welk""".split()
)
ENGLISH_STOP_WORDS = frozenset(
    """a an the and or of to in on for with by at from is are was were be been being as it its this
    that these those what which who whom how why when where do does did can could should would will
    shall may might must about between versus vs into than then there their they them we you your i
    me my our us he she his her not no if so but also very just some any all etc whether rather am has have
    had having doing done mine ours yours its theirs yet ever still much many most such too own same other
    each both again once only even anyone someone something anything everyone get gets getting got""".split()
)
STOP_WORDS = DUTCH_STOP_WORDS | ENGLISH_STOP_WORDS

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_HYPHENATED = re.compile(r"(?<![^\W_])[^\W_]+(?:-[^\W_]+)+")  # the look-behind stops quadratic retries
# Letters joined by "&" (R&D, R&D&I) make words of their own: "rd", "rdi".
_AMPERSAND = re.compile(r"(?<![^\W_])[^\W_](?:&[^\W_])+(?![^\W_])")
# The same patterns for text that folds to ASCII: several times faster on the indexing path.
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_ASCII_HYPHENATED = re.compile(r"(?<![a-z0-9])[a-z0-9]+(?:-[a-z0-9]+)+")
_ASCII_TAIL = re.compile(r"(?<=[a-z0-9])(?:'[a-z0-9]+)+")  # regio's -> regio
_ASCII_KEPT = re.compile(r"[a-z0-9]{2,}|[0-9]")
# Typographic punctuation to its ASCII twin, so the same words come out; U+2019 is an apostrophe.
_ASCII_PUNCTUATION = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": " ",
        "\u2014": " ",
        "\u2026": ".",
        "\u2022": " ",
        "\u00a0": " ",
    }
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)


def ranking_signature() -> str:
    """A digest of every parameter and rule the stored index depends on.

    The persistent index keys its file on this, so a changed weight, stop word or token
    pattern is never answered from stale postings, whatever the version number says.
    """
    import hashlib

    parts = (
        STEMMER_VERSION,
        K1,
        FIELDS,
        sorted(EXPANSION_WEIGHTS.items()),
        TIE_BREAKER,
        sorted(STOP_WORDS),
        _WORD.pattern,
        _HYPHENATED.pattern,
        _AMPERSAND.pattern,
        _ASCII_WORD.pattern,
        TOPIC_PREFIX,
        INDEX_RULES,
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


# ---------------------------------------------------------------------------- text to terms


class Token(NamedTuple):
    word: str  # folded surface form
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """Folded word tokens with their spans in *text*: the words of ``index_words`` and where they stand.

    ``regio's`` gives ``regio``; ``mkb-bedrijven`` gives its parts and the joined form.
    Single letters are dropped, digits kept. The text is folded once with a map from each folded
    character to the original one (folding can turn one character into several, as NFKD does with a fraction),
    and the same patterns as ``index_words`` run over it, so both find the very same words.
    """
    folded, origin = _folded_with_origin(text)
    ascii_only = folded.isascii()
    found: list[Token] = []

    def span(start: int, end: int) -> tuple[int, int]:
        return origin[start], origin[end - 1] + 1

    for match in (_ASCII_WORD if ascii_only else _WORD).finditer(folded):
        word = match.group()
        if "'" in word:
            word = word.split("'", 1)[0]
        if len(word) > 1 or word.isdigit():
            found.append(Token(word, *span(match.start(), match.end())))
    if "-" in folded:
        for match in (_ASCII_HYPHENATED if ascii_only else _HYPHENATED).finditer(folded):
            found.append(Token(match.group().replace("-", ""), *span(match.start(), match.end())))
    if "&" in folded:
        for match in _AMPERSAND.finditer(folded):
            found += [Token(word, *span(match.start(), match.end())) for word in _ampersand_words(match.group())]
    return found


def _folded_with_origin(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` with typographic punctuation made ASCII, and each folded character's source index."""
    if text.isascii():
        return text.casefold(), list(range(len(text)))
    pieces: list[str] = []
    origin: list[int] = []
    for position, char in enumerate(text):
        piece = fold(char).translate(_ASCII_PUNCTUATION)
        pieces.append(piece)
        origin.extend([position] * len(piece))
    return "".join(pieces), origin


def _ampersand_words(chain: str) -> list[str]:
    """``r&d&i`` -> ``rd``, ``rdi``: every chain of two letters or more from the start."""
    letters = chain.replace("&", "")
    return [letters[:end] for end in range(2, len(letters) + 1)]


def index_words(text: str) -> list[str]:
    """The words of ``tokens(text)`` without spans: fold once, then one regex pass (indexing hot path)."""
    # No key of _ASCII_PUNCTUATION is ASCII and fold() of ASCII is its casefold, so an ASCII text
    # (most of a corpus) skips the translate: a dict lookup per character, 0.4 s at 10k entries.
    folded = text.casefold() if text.isascii() else fold(text).translate(_ASCII_PUNCTUATION)
    ascii_only = folded.isascii()
    if ascii_only:  # the common case in one C pass: drop "'s"-like tails, keep words of 2+ or digits
        words = _ASCII_KEPT.findall(_ASCII_TAIL.sub("", folded) if "'" in folded else folded)
    else:
        words = []
        for word in _WORD.findall(folded):
            if "'" in word:
                word = word.split("'", 1)[0]
            if len(word) > 1 or word.isdigit():
                words.append(word)
    if "-" in folded:
        joined = (_ASCII_HYPHENATED if ascii_only else _HYPHENATED).findall(folded)
        words += [word.replace("-", "") for word in joined]
    if "&" in folded:
        words += [word for chain in _AMPERSAND.findall(folded) for word in _ampersand_words(chain)]
    return words


@lru_cache(maxsize=2)
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(language)


#: Stems already computed, per language; filled in batches while indexing.
_STEMS: dict[str, dict[str, str]] = {"nl": {}, "en": {}}


def stem(word: str, lang: str) -> str:
    """The Snowball stem of a folded word in ``"nl"`` or ``"en"``; numbers stay as they are."""
    cache = _STEMS[lang]
    found = cache.get(word)
    if found is None:
        found = cache[word] = word if word.isdigit() else _stemmer(_LANGUAGES[lang]).stemWord(word)
    return found


_LANGUAGES = {"nl": "dutch", "en": "english"}
#: Which of ``_stem_both``'s terms a one-language field uses: the Dutch stem first, the English last.
_PICK = {"nl": 0, "en": -1}


def _stem_both(words: list[str], into: dict[str, tuple[str, ...]]) -> None:
    """``terms_of(word, "both")`` for new words, with one batch call per language: the Dutch stem
    first, the English one last (one term when they agree). The index builder keeps only this
    table, not the per-language caches of ``stem``: at 100,000 entries those held tens of MB."""
    dutch = _stemmer(_LANGUAGES["nl"]).stemWords(words)
    english = _stemmer(_LANGUAGES["en"]).stemWords(words)
    for word, nl, en in zip(words, dutch, english, strict=True):
        if word.isdigit():
            into[word] = (word,)
        else:
            into[word] = (nl,) if nl == en else (nl, en)


def terms_of(word: str, lang: str) -> tuple[str, ...]:
    if lang == "both":
        return tuple(dict.fromkeys((stem(word, "nl"), stem(word, "en"))))
    return (stem(word, lang),)


# ---------------------------------------------------------------------------- the index


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


@dataclass
class Index:
    """An inverted index with BM25F pseudo term frequencies precomputed per (term, entry).

    ``postings``, ``surface_terms`` and ``term_surface`` may be lazy mappings (see
    ``ecoqa.store``) so that a large corpus answers a query without loading everything.
    """

    size: int
    ids: Sequence[int]  # entry id per position, for deterministic tie-breaks
    postings: Mapping[str, Posting]
    # the sorted folded surface words, newline-joined (for C-speed scans), or a reader of them:
    # a stored index reads them only when a search needs them, not for ``show``
    words: str | Callable[[], str] = field(repr=False)
    surface_terms: Mapping[str, tuple[str, ...]]
    term_surface: Mapping[str, str]  # a readable surface word for each term
    aliases: Mapping[tuple[str, ...], list[tuple[str, ...]]]
    max_alias_words: int = 1
    language: str = "nl"  # the language of the original fields (question, answer, key points)
    _fuzzy: list[str] | None = field(default=None, repr=False)

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
        them (splitting 150,000 words into a list cost more than the search that needed ten)."""
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

    def surface_df(self, surface: str) -> int:
        """How many entries the commonest term of a surface word occurs in (orders prefix matches)."""
        known = getattr(self.surface_terms, "df", None)
        if known is not None:
            return int(known(surface))
        return max((self.df(t) for t in self.surface_terms.get(surface, ())), default=0)

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
    joined = {w.replace("-", "") for w in _HYPHENATED.findall(fold(phrase))}
    parts = [w for w in words if w not in joined] or words
    content = list(dict.fromkeys(_content_words(parts)))  # each word once, as in a query
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


def original_language(declared: str) -> str:
    """How the original fields are stemmed: English for a corpus that says it is English, else Dutch."""
    return "en" if declared.strip().lower().startswith("en") else "nl"


def build_index(corpus: Corpus, progress: Callable[[int, int], None] | None = None) -> Index:
    """Index every entry; milliseconds for the bundled corpus, seconds for 100,000 entries."""
    builder = IndexBuilder(original_language(corpus.webinar.language if corpus.webinar else ""))
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


#: Four bytes per (term, entry, field) while entries < 2**20 and counts < 256: at 100,000 entries
#: these integers are most of a build's memory. A larger corpus or count widens them, once.
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


#: Stems a counting worker keeps between batches (the common words' stems, without every rare word's).
WORKER_STEMS = 10_000


class WordBatch(NamedTuple):
    """Entries whose words a worker counts: the first one's position and each one's field texts."""

    first: int
    packing: Packing
    texts: list[dict[str, list[str]]]


class CountedBatch(NamedTuple):
    """A worker's counts for a ``WordBatch``: packed occurrences per term (as bytes), each new
    term's first spelling, the stems it found for words new to it, and the field lengths."""

    first: int
    packing: Packing
    triples: dict[str, bytes]
    surfaces: dict[str, str]
    stems: list[tuple[str, tuple[str, ...]]]
    lengths: bytes


class IndexBuilder:
    """Builds the index one entry at a time, so that a large corpus can stream through it.

    Counts are kept as packed (entry, field, count) integers per term until the average field
    lengths are known; the "principles" field waits for the principles, which a file may list
    after its questions.
    """

    def __init__(self, language: str = "nl", packing: Packing = NARROW) -> None:
        self.language = language
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
        self.first = 0  # the first entry of ``lengths``: a worker counts a batch that starts later

    def add(self, entry: Entry) -> None:
        self.add_texts(self.place(entry), field_texts(entry))

    def place(self, entry: Entry) -> int:
        """Give *entry* its position, topics and principles; its words follow (``add_texts``), here
        or in a worker whose counts are merged in entry order (``merge``)."""
        doc = self.size
        self._fit(doc)
        self.size += 1
        self.ids.append(entry.id)
        self.lengths.extend(self.zeros)
        for topic_id in dict.fromkeys(entry.topics):
            self._append(TOPIC_PREFIX + topic_id, (doc << self.packing.doc_shift) | 1, topic_id)
        if entry.principles and self.principle_field is not None:
            self.carried.append((doc, self.principle_sets.setdefault(entry.principles, entry.principles)))
        return doc

    def add_texts(self, doc: int, texts: Mapping[str, Sequence[str]]) -> None:
        """Count the words of one entry's fields (``field_texts``)."""
        self._fit(doc)
        for f, spec in self.text_fields:
            lang = self.language if spec.lang == "nl" else spec.lang
            self._add_words(doc, f, lang, [w for t in texts.get(spec.name, ()) for w in index_words(t)])

    def _fit(self, doc: int) -> None:
        if self.packing is NARROW and doc >= 1 << (32 - NARROW.doc_shift):
            self._widen()

    def _add_words(self, doc: int, f: int, lang: str, words: list[str]) -> None:
        words = [w for w in words if w not in STOP_WORDS]
        self.lengths[(doc - self.first) * self.width + f] = len(words)
        surface_terms = self.surface_terms
        new = [w for w in dict.fromkeys(words) if w not in surface_terms]
        if new:
            _stem_both(new, surface_terms)
        counts = Counter(words)
        if self.packing is NARROW and counts and max(counts.values()) > NARROW.count_mask:
            self._widen()
        packing = self.packing
        base = (doc << packing.doc_shift) | (f << packing.field_shift)
        triples = self.triples
        pick = _PICK.get(lang)  # None for "both"
        for word, n in counts.items():
            packed = base | (n if n < packing.count_mask else packing.count_mask)
            both = surface_terms[word]
            for term in both if pick is None else (both[pick],):
                flat = triples.get(term)
                if flat is None:
                    flat = triples[term] = array(packing.typecode)
                    self.term_surface[term] = word
                flat.append(packed)

    def _widen(self) -> None:
        """Repack every occurrence in the wide layout (a corpus past 2**20 entries, or a count > 255)."""
        for term, flat in self.triples.items():
            self.triples[term] = _widened(flat)
        self.packing = WIDE

    def count_batch(self, batch: WordBatch) -> CountedBatch:
        """A worker's part of a parallel build: count the words of a batch of entries, with a
        builder of its own whose stems it keeps from batch to batch."""
        if len(self.surface_terms) > WORKER_STEMS:
            self.surface_terms.clear()  # a worker's memory stays flat; a word seen again is stemmed again
        known = len(self.surface_terms)
        self.packing = NARROW if batch.packing == NARROW else WIDE  # by identity from here on
        self.first, self.triples, self.term_surface = batch.first, {}, {}
        self.lengths = self.zeros * len(batch.texts)
        for doc, texts in enumerate(batch.texts, batch.first):
            self.add_texts(doc, texts)
        stems = list(itertools.islice(self.surface_terms.items(), known, None))  # new to this worker
        triples = {term: flat.tobytes() for term, flat in self.triples.items()}
        return CountedBatch(batch.first, self.packing, triples, self.term_surface, stems, self.lengths.tobytes())

    def merge(self, counted: CountedBatch) -> None:
        """Add a worker's counts for the entries ``place`` gave positions, batches in entry order:
        the postings, lengths and first spellings come out as one process makes them."""
        if counted.packing != self.packing and self.packing is NARROW:
            self._widen()
        widen = counted.packing != self.packing  # a batch counted narrow, before this builder widened
        start = counted.first * self.width
        lengths = array("i", counted.lengths)
        self.lengths[start : start + len(lengths)] = lengths
        self.surface_terms.update(counted.stems)
        triples = self.triples
        for term, data in counted.triples.items():
            part = array(counted.packing.typecode, data)
            if widen:
                part = _widened(part)  # now in this builder's layout, as it is when not widened
            flat = triples.get(term)
            if flat is None:
                triples[term] = part
                self.term_surface[term] = counted.surfaces[term]
            else:
                flat.extend(part)

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
        for term, flat in self.triples.items():
            if len(flat) != before.get(term, 0):
                self.triples[term] = array(self.packing.typecode, sorted(flat))  # back in entry order

    def postings(self) -> Iterator[tuple[str, array[int], array[float]]]:
        """Each term's postings, one at a time; the counts behind them are freed as they go."""
        return _weighted_postings(self.triples, self.lengths, self.size, self.packing)

    def finish(
        self, topics: Sequence[Topic], principles: Sequence[Principle], glossary: Sequence[GlossaryTerm]
    ) -> Index:
        self.add_principles(principles)
        postings: dict[str, Posting] = {term: (docs, tfs) for term, docs, tfs in self.postings()}
        surfaces = sorted(self.surface_terms)
        aliases = alias_table(topics, glossary)
        return Index(
            size=self.size,
            ids=self.ids,
            postings=postings,
            words="\n".join(surfaces),
            surface_terms=self.surface_terms,
            term_surface=self.term_surface,
            aliases=aliases,
            max_alias_words=max((len(k) for k in aliases), default=1),
            language=self.language,
        )


def _weighted_postings(
    triples: dict[str, array[int]], lengths: array[int], total: int, packing: Packing
) -> Iterator[tuple[str, array[int], array[float]]]:
    """Turn packed (entry, field, count) integers into BM25F pseudo term frequencies per entry.

    Each (entry, field) gets its factor weight / length norm once; a term's entries come in
    order, so fields of one entry add up to one pseudo frequency.
    """
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
    doc_shift, field_shift, count_mask, _ = packing
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


# ---------------------------------------------------------------------------- query expansion


class Variant(NamedTuple):
    """Corpus terms one query concept may stand for, with how much a match counts."""

    terms: tuple[str, ...]
    kind: str
    weight: float


class Concept(NamedTuple):
    text: str
    variants: tuple[Variant, ...]


def _prefetch(mapping: Mapping[str, object], keys: list[str]) -> None:
    """Let a store-backed mapping read many keys at once (plain dicts have nothing to fetch)."""
    fetch = getattr(mapping, "prefetch", None)
    if fetch is not None and len(keys) > 1:
        fetch(keys)


def _known(index: Index, terms: Iterable[str]) -> tuple[str, ...]:
    return tuple(t for t in dict.fromkeys(terms) if t in index.postings)


def _exact(index: Index, word: str) -> list[Variant]:
    # A corpus word's own terms first (a store then knows which postings must exist), else its stems.
    found = _known(index, index.surface_terms.get(word) or terms_of(word, "both"))
    variants = [Variant((t,), "exact", EXPANSION_WEIGHTS["exact"]) for t in found]
    if len(word) >= 4 and word.endswith("s"):
        # Plurals the stemmers keep, as of acronyms: SMEs -> sme, NGOs -> ngo.
        singular = _known(index, terms_of(word[:-1], "both"))
        variants += [Variant((t,), "plural", EXPANSION_WEIGHTS["plural"]) for t in singular if t not in found]
    return variants


def _prefix(index: Index, word: str) -> list[Variant]:
    """Corpus words that start with *word* (``financ`` -> ``financiering``)."""
    if len(word) < PREFIX_MIN:
        return []
    words = [surface for surface in index.starting_with(word) if surface != word]
    _prefetch(index.surface_terms, words)
    words.sort(key=lambda s: -index.surface_df(s))
    return _variants_for(index, words[:PREFIX_CAP], "prefix")


def _variants_for(index: Index, words: Iterable[str], kind: str) -> list[Variant]:
    weight = EXPANSION_WEIGHTS[kind]
    seen: set[str] = set()
    out = []
    words = list(words)
    _prefetch(index.surface_terms, words)
    _prefetch(index.postings, [t for surface in words for t in index.surface_terms.get(surface, ())])
    for surface in words:
        for term in _known(index, index.surface_terms.get(surface, ())):
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

    ``str.find`` jumps from one occurrence to the next at C speed; a regular expression tried at
    every line start was the slowest step of a search on a large vocabulary.
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
    """Compounds that contain *word* (``fonds`` -> ``groeifonds``), and parts of a compound query."""
    variants: list[Variant] = []
    if len(word) >= COMPOUND_MIN:
        suffix: list[str] = []
        infix: list[str] = []
        ending = (word, stem(word, "nl"))
        for surface in _containing(index.blob, word):
            found = suffix if surface.endswith(ending) else infix
            if len(found) < PREFIX_CAP:
                found.append(surface)
            elif len(suffix) == len(infix) == PREFIX_CAP:
                break  # the first ones of each kind, in word order, are all that is used
        variants += _variants_for(index, suffix, "compound")
        variants += _variants_for(index, infix, "infix")
    return variants + _compound_parts(index, word)


def _compound_parts(index: Index, word: str) -> list[Variant]:
    """A query compound the corpus lacks, matched by its parts (``samenwerkingsverband``).

    Both parts together count as a compound; each part alone counts less, and a rare part (high
    idf) counts more than a common one by BM25 itself. Linking ``s``, ``e`` and ``en`` are allowed.
    """
    if len(word) < 2 * COMPOUND_PART_MIN or _known(index, terms_of(word, "both")):
        return []
    best: tuple[int, list[Variant], list[Variant]] | None = None
    for cut in range(len(word) - COMPOUND_PART_MIN, COMPOUND_PART_MIN - 1, -1):
        tail = _part(index, word[cut:])
        for link in ("", "s", "e", "en"):
            head_word = word[:cut]
            if link:
                if not head_word.endswith(link):
                    continue
                head_word = head_word[: -len(link)]
            if len(head_word) < COMPOUND_PART_MIN:
                continue
            head = _part(index, head_word)
            known = len(word[:cut]) * bool(head) + len(word[cut:]) * bool(tail)
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
    variants += _compound(index, word)
    return _dedupe(variants)


def _dedupe(variants: list[Variant]) -> list[Variant]:
    best: dict[tuple[str, ...], Variant] = {}
    for variant in variants:
        if variant.terms not in best or variant.weight > best[variant.terms].weight:
            best[variant.terms] = variant
    return sorted(best.values(), key=lambda v: -v.weight)


def query_words(query: str) -> list[str]:
    """Folded query words, stop words dropped unless nothing else is left."""
    longest: dict[tuple[int, int], str] = {}  # one word per span: "r&d&i" is "rdi", not also "rd"
    query = query[: MAX_QUERY_WORDS * (MAX_WORD + 1) * 4]
    for token in tokens(query):
        span = (token.start, token.end)
        if len(token.word) > len(longest.get(span, "")):
            longest[span] = token.word
    words = _without_joined(query, [longest[span] for span in sorted(longest, key=lambda s: (s[0], -s[1]))])
    return list(dict.fromkeys(w[:MAX_WORD] for w in _content_words(words)))[:MAX_QUERY_WORDS]


def _content_words(words: list[str]) -> list[str]:
    """The words that are not stop words, or all of them when nothing else is left (``the who``)."""
    return [w for w in words if w not in STOP_WORDS] or words


def _without_joined(query: str, words: list[str]) -> list[str]:
    """Hyphenated query words count once, as their parts (``triple-helix`` -> triple, helix)."""
    joined = {fold(m.group()).replace("-", "") for m in _HYPHENATED.finditer(query)}
    return [w for w in words if w not in joined]


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
                literal = tuple(t for w in phrase for t in _known(index, (stem(w, "nl"), stem(w, "en")))[:1])
                extra = [Variant(literal, "exact", 1.0)] if len(literal) == size else []
                found.append(Concept(" ".join(phrase), tuple(_dedupe(extra + aliases))))
                position += size
                break
        else:
            word = words[position]
            found.append(Concept(word, tuple(expand_word(index, word))))
            position += 1
    return found


# ---------------------------------------------------------------------------- scoring


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
    posting in most entries, and lists indexed by position cost a third of the dictionaries
    merged per variant they replace. Coverage is worked out from each concept's values once its
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
    of the corpus, per concept (about 8 ms at 100,000 entries); a list per concept costs a
    quarter more.
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


# ---------------------------------------------------------------------------- snippets


def _matched_terms(index: Index, found: Sequence[Concept]) -> dict[str, tuple[int, float]]:
    """Term -> (concept number, weight), to score sentences for snippets."""
    weights: dict[str, tuple[int, float]] = {}
    for number, concept in enumerate(found):
        for variant in concept.variants:
            for term in variant.terms:
                value = variant.weight * index.idf(term)
                if term not in weights or weights[term][1] < value:
                    weights[term] = (number, value)
    return weights


def make_snippet(
    entry: Entry,
    weights: dict[str, tuple[int, float]],
    lang: str,
    topic_names: Mapping[str, tuple[str, ...]] | None = None,
    original: str = "nl",
) -> Snippet:
    """The sentence that carries the most matched weight, preferring the language asked for."""
    best: tuple[float, str, str, list[tuple[int, int]]] | None = None  # (value, field, sentence, spans)
    texts = {
        "question": entry.question,
        "answer": entry.answer,
        "key_points": "\n".join(entry.key_points),
        "question_en": entry.question_en,
        "answer_en": entry.answer_en,
        "key_points_en": "\n".join(entry.key_points_en),
    }
    for name, text in texts.items():
        spec_lang = "en" if name.endswith("_en") else original
        if not text or not any(t in weights for w in index_words(text) for t in terms_of(w, spec_lang)):
            continue
        # The asked-for language first, and the source text before derived key points.
        preference = (1.0 if spec_lang == lang else 0.6) * (0.8 if name.startswith("key_points") else 1.0)
        for found in _SENTENCE.finditer(text):
            sentence = found.group()
            spans, value = _sentence_matches(sentence, spec_lang, weights)
            value *= preference
            if value > 0 and (best is None or value > best[0]):
                best = (value, name, sentence, spans)
    if best is None:
        return _topic_snippet(entry, weights, topic_names or {})
    _, name, sentence, spans = best
    return _trim(name, sentence, spans)


def _topic_snippet(
    entry: Entry, weights: dict[str, tuple[int, float]], names: Mapping[str, tuple[str, ...]]
) -> Snippet:
    """Matched only through topics (an alias, a label): name those topics (shown name first)."""
    matched = [
        topic
        for topic in entry.topics
        if TOPIC_PREFIX + topic in weights
        or any(t in weights for name in names.get(topic, ()) for w in index_words(name) for t in terms_of(w, "both"))
    ]
    return Snippet("topics", ", ".join(names.get(t, (t,))[0] for t in matched or entry.topics))


def _sentence_matches(
    sentence: str, lang: str, weights: dict[str, tuple[int, float]]
) -> tuple[list[tuple[int, int]], float]:
    """Spans of matched words, and the sentence's value: the best match per query concept, summed."""
    spans: list[tuple[int, int]] = []
    per_concept: dict[int, float] = {}
    for token in tokens(sentence):
        hit = [weights[t] for t in terms_of(token.word, lang) if t in weights]
        if hit:
            spans.append((token.start, token.end))
            for concept, value in hit:
                per_concept[concept] = max(per_concept.get(concept, 0.0), value)
    return _merge(spans), sum(per_concept.values())


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _trim(name: str, sentence: str, spans: list[tuple[int, int]]) -> Snippet:
    """Cut a long sentence to about ``SNIPPET_CONTEXT`` characters around its first match."""
    lead = len(sentence) - len(sentence.lstrip())
    text = sentence.strip()
    spans = [(s - lead, e - lead) for s, e in spans]
    start, end = 0, len(text)
    if spans and len(text) > 2 * SNIPPET_CONTEXT:
        start = max(0, spans[0][0] - SNIPPET_CONTEXT // 2)
        end = min(len(text), start + 2 * SNIPPET_CONTEXT)
    cut = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    kept = tuple((s + shift, e + shift) for s, e in spans if s >= start and e <= end)
    return Snippet(name, prefix + cut + suffix, kept)


# ---------------------------------------------------------------------------- the search


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
    words = query_words(query)
    if not words:
        raise UsageError("the query has no words to search for; try a word such as 'financiering'.")
    if all(w in STOP_WORDS for w in words):
        raise UsageError(
            f"the query has only common words ({', '.join(words[:5])}); add a word that says what you look for."
        )
    index = index or build_index(corpus)
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
    weights = _matched_terms(index, found)
    shown_names = {t.id: (t.name(lang), t.label, t.label_en) for t in corpus.topics}
    hits = tuple(
        Hit(
            entry=corpus.entries[doc],
            score=round(-negative, 3),
            snippet=make_snippet(corpus.entries[doc], weights, lang, shown_names, index.language) if snippets else None,
            matches=explain(index, found, doc) if explain_hits else (),
        )
        for negative, _, doc in ranked
    )
    return SearchResult(query, hits, total=total)


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
