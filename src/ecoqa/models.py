"""Immutable records for the corpus and search results (no I/O, no third-party imports).

Records are ``NamedTuple`` rather than frozen dataclasses: a command builds only a few of
them, but defines all of them at start-up, where a dataclass costs ten times more.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

#: A term's postings in a search index: entry positions and their BM25F pseudo term frequencies.
Posting = tuple[Sequence[int], Sequence[float]]


class Reference(NamedTuple):
    """Something an answer points to; ``link_missing`` marks a "vind je hier" without a link."""

    name: str
    kind: str = ""
    url: str | None = None
    link_missing: bool = False
    note: str = ""
    note_en: str = ""


class Entry(NamedTuple):
    """One question and its answer; only ``id``, ``question`` and ``answer`` are required."""

    id: int
    question: str
    answer: str
    question_en: str = ""
    answer_en: str = ""
    key_points: tuple[str, ...] = ()
    key_points_en: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    principles: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()

    def text(self, lang: str) -> tuple[str, str]:
        """Question and answer in *lang*, falling back to the original where no translation exists."""
        if lang == "en" and self.question_en and self.answer_en:
            return self.question_en, self.answer_en
        return self.question, self.answer

    def points(self, lang: str) -> tuple[str, ...]:
        return self.key_points_en if lang == "en" and self.key_points_en else self.key_points


class Topic(NamedTuple):
    id: str
    label: str
    label_en: str = ""
    aliases: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return self.label_en if lang == "en" and self.label_en else self.label


class Evidence(NamedTuple):
    question: int
    quote: str


class Principle(NamedTuple):
    id: str
    title: str
    title_en: str = ""
    summary: str = ""
    summary_en: str = ""
    evidence: tuple[Evidence, ...] = ()

    def name(self, lang: str) -> str:
        return self.title_en if lang == "en" and self.title_en else self.title

    def about(self, lang: str) -> str:
        return self.summary_en if lang == "en" and self.summary_en else self.summary

    @property
    def questions(self) -> tuple[int, ...]:
        return tuple(sorted({e.question for e in self.evidence}))


class Speaker(NamedTuple):
    id: str
    name: str
    role: str = ""
    role_en: str = ""
    organization: str = ""


class Person(NamedTuple):
    """Someone an answer mentions, with the questions that mention them."""

    id: str
    name: str
    note: str = ""
    note_en: str = ""
    questions: tuple[int, ...] = ()


class Organization(NamedTuple):
    name: str
    aliases: tuple[str, ...] = ()
    questions: tuple[int, ...] = ()


class Related(NamedTuple):
    title: str
    kind: str = ""
    title_en: str = ""
    date: str | None = None
    url: str | None = None
    summary: str = ""
    summary_en: str = ""


class Contact(NamedTuple):
    name: str
    areas: tuple[str, ...] = ()
    areas_en: tuple[str, ...] = ()


class Webinar(NamedTuple):
    title: str = ""
    date: str = ""
    language: str = ""
    organizers: tuple[str, ...] = ()
    summary: str = ""
    summary_en: str = ""
    audience: str = ""
    audience_en: str = ""
    interests: tuple[str, ...] = ()
    interests_en: tuple[str, ...] = ()
    contact: Contact | None = None
    related: tuple[Related, ...] = ()
    recording_note: str = ""
    recording_note_en: str = ""


class GlossaryTerm(NamedTuple):
    """A Dutch term and its English translations, used to expand English queries."""

    nl: str
    en: tuple[str, ...]


class Corpus:
    """The whole corpus; ``entries`` keep file order (a lazy sequence for large indexed corpora).

    Read-only by convention: attributes are set once, here.
    """

    def __init__(
        self,
        entries: Sequence[Entry],
        *,
        source: str = "",
        webinar: Webinar | None = None,
        speakers: tuple[Speaker, ...] = (),
        people: tuple[Person, ...] = (),
        organizations: tuple[Organization, ...] = (),
        topics: tuple[Topic, ...] = (),
        principles: tuple[Principle, ...] = (),
        glossary: tuple[GlossaryTerm, ...] = (),
        attribution: str = "",
        attribution_en: str = "",
        derived_note: str = "",
        derived_note_en: str = "",
    ) -> None:
        self.entries = entries
        self.source = source
        self.webinar = webinar
        self.speakers = speakers
        self.people = people
        self.organizations = organizations
        self.topics = topics
        self.principles = principles
        self.glossary = glossary
        self.attribution = attribution
        self.attribution_en = attribution_en
        self.derived_note = derived_note
        self.derived_note_en = derived_note_en
        self._positions: dict[int, int] = {}

    def with_entries(self, entries: Sequence[Entry], ids: Sequence[int] | None = None) -> Corpus:
        """The same corpus over other entries (a lazy sequence, say), whose *ids* may be known already."""
        copy = Corpus(entries)
        copy.__dict__.update({k: v for k, v in self.__dict__.items() if k not in ("entries", "_positions")})
        if ids is not None:
            copy._positions = {entry_id: position for position, entry_id in enumerate(ids)}
        return copy

    def _ids(self) -> dict[int, int]:
        """Entry id -> position; built on first use (a lazy corpus brings it along)."""
        if not self._positions:
            self._positions.update((entry.id, position) for position, entry in enumerate(self.entries))
        return self._positions

    def get(self, entry_id: int) -> Entry | None:
        position = self._ids().get(entry_id)
        return None if position is None else self.entries[position]

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def principle(self, principle_id: str) -> Principle | None:
        return next((p for p in self.principles if p.id == principle_id), None)

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def related(self, entry: Entry, limit: int = 3) -> tuple[Entry, ...]:
        """Other entries sharing the most topics and principles with *entry*, then by id."""
        mine = set(entry.topics) | {"principle:" + p for p in entry.principles}
        if not mine:
            return ()
        scored: list[tuple[int, int, Entry]] = []
        for other in self.entries:
            shared = len(mine & (set(other.topics) | {"principle:" + p for p in other.principles}))
            if shared and other.id != entry.id:
                scored.append((-shared, other.id, other))
        return tuple(e for _, _, e in sorted(scored, key=lambda t: t[:2])[:limit])

    def id_range(self) -> str:
        """The valid ids as the user should read them, e.g. "1-24"."""
        ids = sorted(self._ids())
        if not ids:
            return "none"
        if ids == list(range(ids[0], ids[-1] + 1)):
            return f"{ids[0]}-{ids[-1]}"
        return ", ".join(map(str, ids[:10])) + (", …" if len(ids) > 10 else "")


class Match(NamedTuple):
    """One query word matched to one corpus term, and how much it counted."""

    query: str
    term: str
    kind: str
    weight: float
    score: float


class Snippet(NamedTuple):
    """The passage that matched, with character spans to highlight."""

    field: str
    text: str
    spans: tuple[tuple[int, int], ...] = ()


class Hit(NamedTuple):
    entry: Entry
    score: float
    snippet: Snippet | None = None
    matches: tuple[Match, ...] = ()


def plain(value: Any) -> Any:
    """Records as JSON-ready dicts and lists, recursively."""
    if hasattr(value, "_asdict"):
        return {key: plain(item) for key, item in value._asdict().items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value
