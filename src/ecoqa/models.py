"""Immutable records for the corpus and search results (no I/O, no third-party imports).

Records are ``NamedTuple`` rather than frozen dataclasses: a command builds only a few of
them, but defines all of them at start-up, where a dataclass costs ten times more.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple, Protocol, TypeVar

from ecoqa.related import RELATED_SHOWN, Sharing, sharing_keys

#: A term's postings in a search index: entry positions and their BM25F pseudo term frequencies.
Posting = tuple[Sequence[int], Sequence[float]]
#: The largest question id every layer (index arrays, SQLite, JSON) can hold.
MAX_ID = 2**31 - 1


def in_lang(lang: str, original: str, english: str) -> str:
    """The English text when English is asked for and exists, else the original (Dutch) text."""
    return english if lang == "en" and english else original


class Reference(NamedTuple):
    """Something an answer points to; ``link_missing`` marks a pointer ("vind je hier") without a link."""

    name: str
    kind: str = ""
    url: str | None = None
    link_missing: bool = False
    note: str = ""
    note_en: str = ""

    def note_in(self, lang: str) -> str:
        return in_lang(lang, self.note, self.note_en)


class Source(NamedTuple):
    """Where one entry came from: a file, the page's address, and the date, title and language that
    source gives.

    A merged corpus keeps these per entry, so that no source lends its date, title or language to
    another's questions.
    """

    file: str = ""
    url: str | None = None
    date: str = ""
    title: str = ""
    language: str = ""


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
    source: Source | None = None

    def translated(self, lang: str) -> bool:
        """True when *lang* asks for English and this entry has an English question and answer."""
        return lang == "en" and bool(self.question_en and self.answer_en)

    def text(self, lang: str) -> tuple[str, str]:
        """Question and answer in *lang*, falling back to the original where no translation exists."""
        if self.translated(lang):
            return self.question_en, self.answer_en
        return self.question, self.answer

    def points(self, lang: str) -> tuple[str, ...]:
        return self.key_points_en if lang == "en" and self.key_points_en else self.key_points

    @property
    def heading(self) -> Heading:
        return Heading(self.id, self.question, self.question_en if self.translated("en") else "")


class Heading(NamedTuple):
    """An entry's id and question: what a table of contents or a related-question line shows.

    A store reads these without the entry's answer (``question_en`` only where the entry is
    translated, so that ``question`` is the fallback exactly as in ``Entry.text``).
    """

    id: int
    question: str
    question_en: str = ""

    def text(self, lang: str) -> str:
        return self.question_en if lang == "en" and self.question_en else self.question


class Topic(NamedTuple):
    id: str
    label: str
    label_en: str = ""
    aliases: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return in_lang(lang, self.label, self.label_en)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a user may type for this topic: id, labels and aliases."""
        return tuple(n for n in (self.id, self.label, self.label_en, *self.aliases) if n)


class Evidence(NamedTuple):
    question: int
    quote: str


class Principle(NamedTuple):
    id: str
    title: str
    title_en: str = ""
    summary: str = ""
    summary_en: str = ""
    evidence: Sequence[Evidence] = ()  # a tuple, or a store's lazily read quotes

    def name(self, lang: str) -> str:
        return in_lang(lang, self.title, self.title_en)

    def quotes(self, question: int) -> list[str]:
        """The evidence quotes taken from *question*'s answer."""
        return [e.quote for e in self.evidence if e.question == question]

    def about(self, lang: str) -> str:
        return in_lang(lang, self.summary, self.summary_en)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.id, self.title, self.title_en) if n)

    @property
    def questions(self) -> tuple[int, ...]:
        return tuple(sorted({e.question for e in self.evidence}))


class Speaker(NamedTuple):
    id: str
    name: str
    role: str = ""
    role_en: str = ""
    organization: str = ""

    def role_in(self, lang: str) -> str:
        return in_lang(lang, self.role, self.role_en)

    def described(self, lang: str) -> str:
        """ "Name, role, organisation", leaving out what the corpus does not give."""
        return ", ".join(part for part in (self.name, self.role_in(lang), self.organization) if part)


class Person(NamedTuple):
    """Someone an answer mentions, with the questions that mention them."""

    id: str
    name: str
    note: str = ""
    note_en: str = ""
    questions: tuple[int, ...] = ()

    def note_in(self, lang: str) -> str:
        return in_lang(lang, self.note, self.note_en)


class Organization(NamedTuple):
    name: str
    aliases: tuple[str, ...] = ()
    questions: tuple[int, ...] = ()
    note: str = ""
    note_en: str = ""


class Related(NamedTuple):
    title: str
    kind: str = ""
    kind_en: str = ""
    title_en: str = ""
    date: str | None = None
    url: str | None = None
    summary: str = ""
    summary_en: str = ""


class Contact(NamedTuple):
    name: str
    areas: tuple[str, ...] = ()
    areas_en: tuple[str, ...] = ()


class Recording(NamedTuple):
    url: str | None = None
    link_missing: bool = False
    note: str = ""
    note_en: str = ""


#: Kinds of collection that are events: only these are called by their kind and have speakers.
EVENT_KINDS = frozenset(
    {"webinar", "seminar", "conference", "lecture", "workshop", "meeting", "event", "talk", "panel"}
)


#: Words by which a title or an introduction says what a collection is, and the kind each names
#: (events first: their pages say so).
KIND_WORDS = (
    (re.compile(r"\bwebinars?\b", re.I), "webinar"),
    (re.compile(r"\b(?:seminars?|seminaries?)\b", re.I), "seminar"),
    (re.compile(r"\bworkshops?\b", re.I), "workshop"),
    (re.compile(r"\b(?:conferences?|congres(?:sen)?)\b", re.I), "conference"),
    (re.compile(r"\b(?:lectures?|lezingen?)\b", re.I), "lecture"),
    (re.compile(r"\binterviews?\b", re.I), "interview"),
    (re.compile(r"\b(?:faqs?|frequently asked questions|veel ?gestelde vragen)\b", re.I), "faq"),
)


def kind_named_in(text: str) -> str:
    """The kind of collection *text* names ('faq' for 'Frequently Asked Questions'), or ""."""
    return next((kind for pattern, kind in KIND_WORDS if pattern.search(text)), "")


class Collection(NamedTuple):
    """What a corpus is: its kind (webinar, faq, interview, notes …), title, date, language, organisers,
    address, and what its source page says about it (an event's opening, summary, audience …)."""

    kind: str = ""
    title: str = ""
    title_en: str = ""
    date: str = ""
    language: str = ""
    url: str | None = None
    organizers: tuple[str, ...] = ()
    organizer_line: str = ""
    opening: str = ""
    summary: str = ""
    summary_en: str = ""
    audience: str = ""
    audience_en: str = ""
    interests: tuple[str, ...] = ()
    interests_en: tuple[str, ...] = ()
    contact: Contact | None = None
    related: tuple[Related, ...] = ()
    recording: Recording | None = None

    @property
    def is_event(self) -> bool:
        return self.kind.casefold() in EVENT_KINDS

    def organizers_in(self, lang: str, written_in: str) -> str:
        """Who organised it, for a screen in *lang*: the page's own sentence where the page is in
        that language (*written_in*), else their names ('TNO & InnovationQuarter'), so that an
        English screen gets no Dutch sentence."""
        names = " & ".join(self.organizers)
        return self.organizer_line if self.organizer_line and (lang == written_in or not names) else names


class GlossaryTerm(NamedTuple):
    """A Dutch term and its English translations, used to expand English queries."""

    nl: str
    en: tuple[str, ...] = ()


class Provenance(NamedTuple):
    """What the corpus says about itself: its source, and which fields are quoted or derived."""

    source: str = ""
    source_en: str = ""
    attribution: str = ""
    attribution_en: str = ""
    derived_note: str = ""
    derived_note_en: str = ""
    verbatim: tuple[str, ...] = ()
    derived: tuple[str, ...] = ()


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


_Record = TypeVar("_Record", bound=_Identified)


class Entries(Protocol):
    """Where a corpus keeps its entries, in file order: a tuple in memory (``InMemory``), or a
    SQLite store that reads each entry, heading or list when asked (``ecoqa.store``)."""

    def __len__(self) -> int: ...

    def __getitem__(self, position: int) -> Entry: ...

    def __iter__(self) -> Iterator[Entry]: ...

    def ids(self) -> Sequence[int]:
        """Entry id per position."""

    def position(self, entry_id: int) -> int | None:
        """The position of the entry with *entry_id*, None when there is none."""

    def heading(self, position: int) -> Heading:
        """One entry's id and question (a store reads them without the answer)."""

    def headings(self) -> Iterator[Heading]:
        """Every entry's heading, in order (a table of contents)."""

    def documents(self) -> Iterator[str]:
        """Every entry, in order, as ``compact_json`` text (a store copies what it keeps)."""

    def members(self, kind: str, key: str) -> Sequence[int]:
        """Positions of the entries carrying topic (``kind="topic"``) or principle *key*, in order."""

    def kept_related(self) -> Sequence[int] | None:
        """``RELATED_SHOWN`` related positions per entry (-1 pads), where a store kept them."""

    def source_count(self) -> int:
        """How many source files the entries came from (1 when they name one or none): a merged
        import names each question's own file."""


class InMemory(tuple[Entry, ...]):
    """A corpus's entries held in memory (a tuple: read by position at C speed); ids, positions and
    memberships are counted once, when first asked."""

    _ids: list[int] | None = None
    _positions: dict[int, int] | None = None
    _memberships: dict[tuple[str, str], list[int]] | None = None

    def ids(self) -> Sequence[int]:
        if self._ids is None:
            self._ids = [entry.id for entry in self]
        return self._ids

    def position(self, entry_id: int) -> int | None:
        if self._positions is None:
            self._positions = {entry_id: position for position, entry_id in enumerate(self.ids())}
        return self._positions.get(entry_id)

    def heading(self, position: int) -> Heading:
        return self[position].heading

    def headings(self) -> Iterator[Heading]:
        return (entry.heading for entry in self)

    def documents(self) -> Iterator[str]:
        return map(compact_json, self)

    def members(self, kind: str, key: str) -> Sequence[int]:
        if self._memberships is None:
            table: dict[tuple[str, str], list[int]] = {}
            for position, entry in enumerate(self):
                for topic in dict.fromkeys(entry.topics):
                    table.setdefault(("topic", topic), []).append(position)
                for principle in dict.fromkeys(entry.principles):
                    table.setdefault(("principle", principle), []).append(position)
            self._memberships = table
        return self._memberships.get((kind, key), [])

    def kept_related(self) -> Sequence[int] | None:
        return None

    def source_count(self) -> int:
        """1 unless the first and the last entry name different files, as in a merged import,
        whose sources are numbered in order; then every entry is counted."""
        if not self:
            return 1
        first, last = self[0].source, self[-1].source
        if first is None or last is None or first.file == last.file:
            return 1
        return len({entry.source.file for entry in self if entry.source is not None})


def _held(entries: tuple[Entry, ...] | list[Entry]) -> InMemory:
    return entries if isinstance(entries, InMemory) else InMemory(entries)


class Corpus:
    """The whole corpus: its entries (in memory or in a store, see ``Entries``) and its sections.

    Read-only by convention: attributes are set once, here.
    """

    def __init__(
        self,
        entries: Entries | tuple[Entry, ...] | list[Entry],
        *,
        source: str = "",
        collection: Collection | None = None,
        speakers: tuple[Speaker, ...] = (),
        people: tuple[Person, ...] = (),
        organizations: tuple[Organization, ...] = (),
        topics: tuple[Topic, ...] = (),
        principles: tuple[Principle, ...] = (),
        glossary: tuple[GlossaryTerm, ...] = (),
        provenance: Provenance | None = None,
    ) -> None:
        self.entries: Entries = entries if not isinstance(entries, (tuple, list)) else _held(entries)
        self.source = source
        self.collection = collection
        self.speakers = speakers
        self.people = people
        self.organizations = organizations
        self.topics = topics
        self.principles = principles
        self.glossary = glossary
        self.provenance = provenance or Provenance()
        self._tables: dict[int, tuple[Sequence[Any], dict[str, Any]]] = {}
        self._sharing: Sharing | None = None

    @property
    def language(self) -> str:
        """The language the corpus is written in, as it says ("" when it does not say)."""
        return self.collection.language if self.collection else ""

    def in_one_language(self) -> bool:
        """Whether any one entry says what all are written in (their translations come whole): not
        so in a merged corpus, whose entries keep their own sources' languages (``language_of``)."""
        return self.source_count() < 2

    def language_of(self, entry: Entry) -> str:
        """The language *entry* is written in: its own source's in a merged corpus, else the corpus's."""
        own = entry.source.language if entry.source else ""
        return own or self.language

    def own_title(self, lang: str) -> str:
        """The title the corpus gives itself ("" when it gives none)."""
        collection = self.collection
        return in_lang(lang, collection.title, collection.title_en) if collection else ""

    def title(self, lang: str) -> str:
        """The corpus's name: its own title, else the name of the file it was read from."""
        return self.own_title(lang) or self.source.rsplit("/", 1)[-1] or "ecoqa corpus"

    def source_count(self) -> int:
        """How many source files the entries came from (a store counted them when it was built)."""
        return self.entries.source_count()

    def title_is_derived(self) -> bool:
        """Whether the provenance lists the corpus's own title (``<block>.title``) as derived: a name
        its compilers gave it, not its source's words, so every place that shows it says so."""
        for path in self.provenance.derived:
            block, _, name = path.split(" ", 1)[0].partition(".")
            if name in ("title", "title_en") and block.isidentifier():
                return True
        return False

    def event(self, lang: str) -> str:
        """'Title (date, organisers)', leaving out what the corpus does not give."""
        collection = self.collection
        details = [collection.date, " & ".join(collection.organizers)] if collection else []
        shown = ", ".join(d for d in details if d)
        return f"{self.title(lang)} ({shown})" if shown else self.title(lang)

    def get(self, entry_id: int) -> Entry | None:
        position = self.entries.position(entry_id)
        return None if position is None else self.entries[position]

    def topic(self, topic_id: str) -> Topic | None:
        return self._by_id(self.topics).get(topic_id)

    def principle(self, principle_id: str) -> Principle | None:
        return self._by_id(self.principles).get(principle_id)

    def person(self, person_id: str) -> Person | None:
        return self._by_id(self.people).get(person_id)

    def _by_id(self, items: Sequence[_Record]) -> dict[str, _Record]:
        """*items* by id (the first of a repeated id), made once per list: an export asks per entry."""
        kept = self._tables.get(id(items))
        if kept is None or kept[0] is not items:
            kept = (items, {item.id: item for item in reversed(items)})
            self._tables[id(items)] = kept
        return kept[1]

    def topic_question_ids(self, topic_id: str, limit: int | None = None) -> list[int]:
        """The ids of the questions on a topic, in order (the first *limit* of them)."""
        ids = self.entries.ids()
        return [ids[p] for p in self.entries.members("topic", topic_id)[:limit]]

    def on_topics(self, topic_ids: Sequence[str]) -> list[int]:
        """Positions of the entries carrying every topic in *topic_ids* (all positions for none)."""
        if not topic_ids:
            return list(range(len(self.entries)))
        sets = sorted((self.entries.members("topic", t) for t in dict.fromkeys(topic_ids)), key=len)
        rest = [set(s) for s in sets[1:]]
        return [p for p in sets[0] if all(p in s for s in rest)]

    def related(self, entry: Entry, limit: int = RELATED_SHOWN) -> tuple[Entry, ...]:
        """Other entries sharing the most topics and principles with *entry*, then the lowest ids."""
        return tuple(self.entries[p] for p in self.related_positions(entry, limit))

    def related_headings(self, entry: Entry, limit: int = RELATED_SHOWN) -> tuple[Heading, ...]:
        """The ids and questions of ``related(entry)``, without reading their answers."""
        return tuple(self.entries.heading(p) for p in self.related_positions(entry, limit))

    def related_ids(self, entry: Entry, limit: int = RELATED_SHOWN) -> list[int]:
        """The ids of ``related(entry)``, without reading anything of theirs."""
        ids = self.entries.ids()
        return [ids[p] for p in self.related_positions(entry, limit)]

    def related_positions(self, entry: Entry, limit: int = RELATED_SHOWN) -> list[int]:
        """Positions of ``related(entry)``: as the store kept them when it can, else counted."""
        kept = self.entries.kept_related() if limit <= RELATED_SHOWN else None
        position = self.entries.position(entry.id) if kept is not None else None
        if kept is None or position is None:
            if self._sharing is None:
                self._sharing = Sharing(len(self.entries), self.entries.ids(), self.entries.members)
            return self._sharing.related(entry.id, sharing_keys(entry.topics, entry.principles), limit)
        start, size = position * RELATED_SHOWN, len(self.entries)  # -1 pads; a position out of range is never used
        return [p for p in kept[start : start + limit] if 0 <= p < size]

    def id_range(self) -> str:
        """The valid ids as the user should read them, e.g. "1-24"."""
        ids = sorted(self.entries.ids())
        if not ids:
            return "none"
        if ids[-1] - ids[0] + 1 == len(ids):
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
    """The passage that matched, the field it comes from (``answer_en``), and spans to highlight."""

    field: str
    text: str
    spans: tuple[tuple[int, int], ...] = ()


class Hit(NamedTuple):
    entry: Entry
    score: float
    snippet: Snippet | None = None
    matches: tuple[Match, ...] = ()


def compact_json(value: Any) -> str:
    """Records as one line of pure-ASCII JSON: how ``--json`` lists print an entry, and how a
    store keeps it, so that an export can copy a stored entry without parsing it."""
    return json.dumps(plain(value), ensure_ascii=True, allow_nan=False)


def plain(value: Any) -> Any:
    """Records as JSON-ready dicts and lists, recursively."""
    if isinstance(value, (str, int, float)) or value is None:  # the common case first: no ABC checks
        return value
    if hasattr(value, "_asdict"):
        return {key: plain(item) for key, item in value._asdict().items()}
    if isinstance(value, (list, tuple)) or (isinstance(value, Sequence) and not isinstance(value, bytes)):
        return [plain(item) for item in value]  # a store's lazy evidence is a Sequence too
    return value
