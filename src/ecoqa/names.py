"""Names a user types for corpus items: question ids, topics, principles, and "did you mean".

Kept apart from ranking: an unknown topic needs no stemmer, only a close name.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ecoqa.models import MAX_ID, Corpus, Principle, Topic
from ecoqa.text import fold

#: A typed name is compared on its first characters only, so a pasted page cannot stall a lookup.
MAX_NAME = 100


def name_key(name: str) -> str:
    """How a typed name compares: case, accents, apostrophes, hyphens and spacing aside."""
    folded = fold(name[: MAX_NAME * 2]).replace("'", "").replace("\u2019", "").replace("-", " ")
    return " ".join(folded.split())[:MAX_NAME]


def parse_id(raw: str) -> int | None:
    """A question id typed by a user: ASCII digits (``03``, `` 3 ``, ``+3``), within range, else None.

    ``int()`` alone would accept ``٣`` and reject ``²`` with an error; ids are plain numbers.
    """
    text = raw.strip().removeprefix("+")
    if not (text.isascii() and text.isdigit()) or len(text) > 12:
        return None
    value = int(text)
    return value if value <= MAX_ID else None


def find_topic(corpus: Corpus, name: str) -> Topic | None:
    """The topic whose id, label, English label or alias is *name*, ignoring case and accents."""
    key = name_key(name)
    return next((t for t in corpus.topics if any(name_key(n) == key for n in t.names)), None)


def find_principle(corpus: Corpus, name: str) -> Principle | None:
    """The principle with id, title (Dutch or English) or number (1-based, as listed) *name*."""
    number = parse_id(name)
    if number is not None:
        return corpus.principles[number - 1] if 1 <= number <= len(corpus.principles) else None
    key = name_key(name)
    return next((p for p in corpus.principles if any(name_key(n) == key for n in p.names)), None)


class _Candidate(NamedTuple):
    key: str
    target: str


def closest(typed: str, names: Iterable[tuple[str, str]], limit: int = 3) -> list[str]:
    """Targets whose name is close to *typed*: a prefix of a name or of one of its words, or a few edits away.

    *names* are (name, target) pairs, e.g. every topic name with its topic id. Edits count a
    transposition as one (``mbk`` -> ``mkb``); short names allow fewer edits than long ones.
    """
    key = name_key(typed)
    if not key:
        return []
    candidates = [_Candidate(name_key(name), target) for name, target in names]
    ranked: list[tuple[float, str]] = []
    for candidate in candidates:
        if len(key) >= 3 and (candidate.key.startswith(key) or any(w.startswith(key) for w in candidate.key.split())):
            ranked.append((0.0, candidate.target))
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    keys = [c.key for c in candidates]
    for _, distance, position in process.extract(key, keys, scorer=OSA.distance, score_cutoff=3, limit=None):
        if distance <= _allowed_edits(min(len(key), len(keys[position]))):
            ranked.append((float(distance), candidates[position].target))
    ranked.sort(key=lambda pair: pair[0])
    return list(dict.fromkeys(target for _, target in ranked))[:limit]


def _allowed_edits(length: int) -> int:
    if length < 3:
        return 0
    if length <= 5:
        return 1
    return 2 if length <= 10 else 3


def topic_names(corpus: Corpus) -> list[tuple[str, str]]:
    return [(name, topic.id) for topic in corpus.topics for name in topic.names]


def principle_names(corpus: Corpus) -> list[tuple[str, str]]:
    return [(name, principle.id) for principle in corpus.principles for name in principle.names]
