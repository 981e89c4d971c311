"""Text analysis shared by the index and the query: folding, word tokens, stop words and stems.

One set of patterns serves both sides, so a query word and the corpus word it names come out
the same. Each language is analysed by its own rules: Snowball stems (PyStemmer) for a language
Snowball knows, the Dutch and English stop words for Dutch and English text; any other language
(``und`` included) neutrally, folded and split into words but neither stemmed nor thinned.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import Stemmer

from ecoqa.text import fold

STEMMER_VERSION = f"pystemmer-{Stemmer.version()}"
TOPIC_PREFIX = "@topic:"
#: A query is searched on its first words, each on its first letters: a pasted page must not stall.
MAX_QUERY_WORDS = 32
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
#: The words dropped from text in each language that has a stop list. Dutch text drops the English
#: list as well: a Dutch corpus quotes English terms, and its queries come in either language. An
#: English corpus keeps 'door', 'men' and 'die'.
STOP_LISTS: dict[str, frozenset[str]] = {"nl": STOP_WORDS, "en": ENGLISH_STOP_WORDS}
NO_STOP_WORDS: frozenset[str] = frozenset()
#: Snowball's algorithm for each language code it has one for (PyStemmer ships them all, compiled).
SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german", "el": "greek",
    "en": "english", "es": "spanish", "et": "estonian", "eu": "basque", "fi": "finnish", "fr": "french",
    "ga": "irish", "hi": "hindi", "hu": "hungarian", "hy": "armenian", "id": "indonesian", "it": "italian",
    "lt": "lithuanian", "ne": "nepali", "nl": "dutch", "no": "norwegian", "nb": "norwegian", "nn": "norwegian",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "sv": "swedish", "ta": "tamil",
    "tr": "turkish",
}  # fmt: skip
#: The analysis of a language without Snowball rules: folding only.
NEUTRAL = "und"

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
HYPHENATED = re.compile(r"(?<![^\W_])[^\W_]+(?:-[^\W_]+)+")  # the look-behind stops quadratic retries
# Letters joined by "&" (R&D, R&D&I) make words of their own: "rd", "rdi".
_AMPERSAND = re.compile(r"(?<![^\W_])[^\W_](?:&[^\W_])+(?![^\W_])")
# The same patterns for text that folds to ASCII, the common case on the indexing path.
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


#: A run of Han or kana: Chinese and Japanese are written without spaces, so such a run is no word but
#: a sentence or a phrase. It is indexed (and a query read) as its overlapping pairs of characters,
#: the usual unit of CJK search, so that a word inside a sentence is found ('受控' in '的受控组件中').
_UNSPACED_RUN = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


def _pieces(word: str) -> list[tuple[str, int, int]]:
    """A word of ``_WORD`` as the words it holds, each with its span in *word*: a run of Han or kana
    as its pairs of characters (a run of one as that character), the letters between runs as words."""
    pieces: list[tuple[str, int, int]] = []
    at = 0
    for run in _UNSPACED_RUN.finditer(word):
        if run.start() > at:
            pieces.append((word[at : run.start()], at, run.start()))
        chars = run.group()
        pairs = range(max(len(chars) - 1, 1))
        pieces += [(chars[i : i + 2], run.start() + i, run.start() + min(i + 2, len(chars))) for i in pairs]
        at = run.end()
    if at < len(word):
        pieces.append((word[at:], at, len(word)))
    return pieces


def _kept(word: str) -> bool:
    """Single letters are no words; digits and a lone Han or kana character are."""
    return len(word) > 1 or word.isdigit() or _UNSPACED_RUN.match(word) is not None


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

    unspaced = not ascii_only and _UNSPACED_RUN.search(folded) is not None
    for match in (_ASCII_WORD if ascii_only else _WORD).finditer(folded):
        word = match.group()
        if "'" in word:
            word = word.split("'", 1)[0]
        if unspaced and _UNSPACED_RUN.search(word):
            at = match.start()
            found += [Token(piece, *span(at + start, at + end)) for piece, start, end in _pieces(word) if _kept(piece)]
        elif len(word) > 1 or word.isdigit():
            found.append(Token(word, *span(match.start(), match.end())))
    if "-" in folded:
        for match in (_ASCII_HYPHENATED if ascii_only else HYPHENATED).finditer(folded):
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
    # (most of a corpus) skips the translate, a dict lookup per character.
    folded = text.casefold() if text.isascii() else fold(text).translate(_ASCII_PUNCTUATION)
    ascii_only = folded.isascii()
    if ascii_only:  # the common case in one C pass: drop "'s"-like tails, keep words of 2+ or digits
        words = _ASCII_KEPT.findall(_ASCII_TAIL.sub("", folded) if "'" in folded else folded)
    else:
        words = []
        unspaced = _UNSPACED_RUN.search(folded) is not None
        for word in _WORD.findall(folded):
            if "'" in word:
                word = word.split("'", 1)[0]
            if unspaced and _UNSPACED_RUN.search(word):
                words += [piece for piece, _, _ in _pieces(word) if _kept(piece)]
            elif len(word) > 1 or word.isdigit():
                words.append(word)
    if "-" in folded:
        joined = (_ASCII_HYPHENATED if ascii_only else HYPHENATED).findall(folded)
        words += [word.replace("-", "") for word in joined]
    if "&" in folded:
        words += [word for chain in _AMPERSAND.findall(folded) for word in _ampersand_words(chain)]
    return words


def analysis_language(declared: str) -> str:
    """How text said to be in *declared* is analysed: its language code where Snowball has rules
    for it (``pt-BR`` -> ``pt``), else ``NEUTRAL``. A corpus that names no language is Dutch, as
    the first corpus format was."""
    code = declared.strip().lower().replace("_", "-").split("-")[0]
    if not code:
        return "nl"
    return code if code in SNOWBALL else NEUTRAL


def stop_words(lang: str) -> frozenset[str]:
    """The words dropped from text in analysis language *lang* (none for a language without a list)."""
    return STOP_LISTS.get(lang, NO_STOP_WORDS)


@lru_cache(maxsize=8)
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(language)


#: Stems already computed, per language; filled in batches while indexing.
_STEMS: dict[str, dict[str, str]] = {}


def stem(word: str, lang: str) -> str:
    """The Snowball stem of a folded word in analysis language *lang*; numbers, and every word of
    a language without Snowball rules, stay as they are."""
    cache = _STEMS.setdefault(lang, {})
    found = cache.get(word)
    if found is None:
        algorithm = SNOWBALL.get(lang)
        found = cache[word] = word if word.isdigit() or algorithm is None else _stemmer(algorithm).stemWord(word)
    return found


def _stems(words: list[str], lang: str) -> list[str]:
    algorithm = SNOWBALL.get(lang)
    return list(words) if algorithm is None else _stemmer(algorithm).stemWords(words)


def stem_pair(words: list[str], lang: str, into: dict[str, tuple[str, ...]]) -> None:
    """``terms_of(word, (lang, "en"))`` for new words, with one batch call per language: the stem
    in *lang* first, the English one last (one term when they agree). The index builder keeps only
    this table, not the per-language caches of ``stem``, so a large build holds each word's stems once."""
    own = _stems(words, lang)
    english = _stems(words, "en")
    for word, first, en in zip(words, own, english, strict=True):
        if word.isdigit():
            into[word] = (word,)
        else:
            into[word] = (first,) if first == en else (first, en)


def terms_of(word: str, languages: tuple[str, ...]) -> tuple[str, ...]:
    """A folded word's terms in each analysis language of *languages*, in that order, each once."""
    if len(languages) == 1:
        return (stem(word, languages[0]),)
    return tuple(dict.fromkeys(stem(word, lang) for lang in languages))


def query_words(query: str, dropped: frozenset[str] = STOP_WORDS) -> list[str]:
    """Folded query words, the *dropped* stop words left out unless nothing else is left."""
    longest: dict[tuple[int, int], str] = {}  # one word per span: "r&d&i" is "rdi", not also "rd"
    query = query[: MAX_QUERY_WORDS * (MAX_WORD + 1) * 4]
    for token in tokens(query):
        span = (token.start, token.end)
        if len(token.word) > len(longest.get(span, "")):
            longest[span] = token.word
    words = _without_joined(query, [longest[span] for span in sorted(longest, key=lambda s: (s[0], -s[1]))])
    return list(dict.fromkeys(w[:MAX_WORD] for w in content_words(words, dropped)))[:MAX_QUERY_WORDS]


def content_words(words: list[str], dropped: frozenset[str] = STOP_WORDS) -> list[str]:
    """The words that are not stop words, or all of them when nothing else is left (``the who``)."""
    return [w for w in words if w not in dropped] or words


def _without_joined(query: str, words: list[str]) -> list[str]:
    """Hyphenated query words count once, as their parts (``triple-helix`` -> triple, helix)."""
    joined = {fold(m.group()).replace("-", "") for m in HYPHENATED.finditer(query)}
    return [w for w in words if w not in joined]


def analysis_signature() -> tuple[object, ...]:
    """The parameters of analysis a stored index depends on (see ``rank.ranking_signature``)."""
    return (
        STEMMER_VERSION,
        sorted(STOP_WORDS),
        sorted((lang, sorted(words)) for lang, words in STOP_LISTS.items()),
        sorted(SNOWBALL.items()),
        NEUTRAL,
        _WORD.pattern,
        HYPHENATED.pattern,
        _AMPERSAND.pattern,
        _ASCII_WORD.pattern,
        _UNSPACED_RUN.pattern,
        TOPIC_PREFIX,
    )
