"""Frozen data classes for the corpus and search results (no I/O, no third-party imports)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Reference:
    """Something an answer points to; ``link_missing`` marks a "vind je hier" without a link."""

    name: str
    kind: str = ""
    url: str | None = None
    link_missing: bool = False
    note: str = ""
    note_en: str = ""


@dataclass(frozen=True)
class Entry:
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


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    label_en: str = ""
    aliases: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return self.label_en if lang == "en" and self.label_en else self.label


@dataclass(frozen=True)
class Evidence:
    question: int
    quote: str


@dataclass(frozen=True)
class Principle:
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


@dataclass(frozen=True)
class Speaker:
    id: str
    name: str
    role: str = ""
    role_en: str = ""
    organization: str = ""


@dataclass(frozen=True)
class Person:
    """Someone an answer mentions, with the questions that mention them."""

    id: str
    name: str
    note: str = ""
    note_en: str = ""
    questions: tuple[int, ...] = ()


@dataclass(frozen=True)
class Organization:
    name: str
    aliases: tuple[str, ...] = ()
    questions: tuple[int, ...] = ()


@dataclass(frozen=True)
class Related:
    title: str
    kind: str = ""
    title_en: str = ""
    date: str | None = None
    url: str | None = None
    summary: str = ""
    summary_en: str = ""


@dataclass(frozen=True)
class Contact:
    name: str
    areas: tuple[str, ...] = ()
    areas_en: tuple[str, ...] = ()


@dataclass(frozen=True)
class Webinar:
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


@dataclass(frozen=True)
class GlossaryTerm:
    """A Dutch term and its English translations, used to expand English queries."""

    nl: str
    en: tuple[str, ...]


@dataclass(frozen=True)
class Corpus:
    """The whole corpus; ``entries`` keep file order."""

    entries: tuple[Entry, ...]
    source: str = ""
    webinar: Webinar | None = None
    speakers: tuple[Speaker, ...] = ()
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    topics: tuple[Topic, ...] = ()
    principles: tuple[Principle, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    attribution: str = ""
    attribution_en: str = ""
    derived_note: str = ""
    derived_note_en: str = ""
    _by_id: dict[int, Entry] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update((entry.id, entry) for entry in self.entries)

    def get(self, entry_id: int) -> Entry | None:
        return self._by_id.get(entry_id)

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def principle(self, principle_id: str) -> Principle | None:
        return next((p for p in self.principles if p.id == principle_id), None)

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def related(self, entry: Entry, limit: int = 3) -> tuple[Entry, ...]:
        """Other entries sharing the most topics and principles with *entry*, then by id."""
        mine = set(entry.topics) | {"principle:" + p for p in entry.principles}
        scored: list[tuple[int, int, Entry]] = []
        for other in self.entries:
            shared = len(mine & (set(other.topics) | {"principle:" + p for p in other.principles}))
            if shared and other.id != entry.id:
                scored.append((-shared, other.id, other))
        return tuple(e for _, _, e in sorted(scored, key=lambda t: t[:2])[:limit])

    def id_range(self) -> str:
        """The valid ids as the user should read them, e.g. "1-24"."""
        ids = sorted(self._by_id)
        if not ids:
            return "none"
        if ids == list(range(ids[0], ids[-1] + 1)):
            return f"{ids[0]}-{ids[-1]}"
        return ", ".join(map(str, ids[:10])) + (", …" if len(ids) > 10 else "")


@dataclass(frozen=True)
class Match:
    """One query word matched to one corpus term, and how much it counted."""

    query: str
    term: str
    kind: str
    weight: float
    score: float


@dataclass(frozen=True)
class Snippet:
    """The passage that matched, with character spans to highlight."""

    field: str
    text: str
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: float
    snippet: Snippet | None = None
    matches: tuple[Match, ...] = ()
