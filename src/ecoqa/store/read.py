"""Reading an index: the open file and the lazy, read-only views the search and the commands
use (entries, headings, postings, vocabulary, memberships, evidence, related questions), so that
nothing proportional to the corpus is read to answer one command.

Every row is checked against its checksum where it is read. Damage met after the command began
ends it (``IndexDamaged``) and removes the file, so that the command run again rebuilds it;
nothing is healed in the middle of a command."""

from __future__ import annotations

import bisect
import json
import json.scanner
import weakref
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, NoReturn, TypeVar, overload

from ecoqa.errors import IndexDamaged, StoreError
from ecoqa.messages import msg
from ecoqa.models import Corpus, Entry, Evidence, Heading, Posting
from ecoqa.related import RELATED_SHOWN
from ecoqa.schema import DOCUMENT, QUESTION, corpus_of
from ecoqa.store.cache import remove
from ecoqa.store.layout import EVIDENCE, RELATED, STORE_LAYOUT, TEXTS, crc

if TYPE_CHECKING:
    from ecoqa.search.index import Index


_T = TypeVar("_T")
_V = TypeVar("_V")
HEADINGS_KEPT = 20_000  # headings a long export keeps for its related lines (a few MB)


class Store:
    """The open index, read-only: every row checked, damage ending the command (see above)."""

    def __init__(self, path: Path) -> None:
        import sqlite3

        self.path = path
        # as_uri() escapes "#", "?" and "%" in the path, which SQLite would read as URI syntax.
        # check_same_thread=False: the garbage collector may free this store in any thread;
        # only the thread that opened it reads through the connection.
        uri = f"{path.resolve().as_uri()}?mode=ro"
        try:
            self.connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        except sqlite3.Error as error:
            raise StoreError(str(error)) from None
        weakref.finalize(self, self.connection.close)  # sqlite3 warns about open ones

    def rows(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[Any]:
        """Whole rows (their checksum last), each checked against its checksum."""
        found = self.query(sql, parameters)
        for row in found:
            if crc(row[:-1]) != row[-1]:
                self.damaged("a row does not match its checksum")
        return found

    def query(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[Any]:
        import sqlite3

        try:
            return self.connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            self.damaged(str(error))

    def parsed(self, parse: Callable[[Any], _T], value: Any) -> _T:
        """*value*, a row's field, read by *parse*; a field that cannot be read is damage."""
        try:
            return parse(value)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            self.damaged("a row cannot be read")

    def blob(self, name: str) -> bytes:
        rows = self.rows("SELECT * FROM blobs WHERE name = ?", (name,))
        if len(rows) != 1 or not isinstance(rows[0][1], bytes):
            self.damaged(f"its {name} are missing")
        data: bytes = rows[0][1]
        return data

    def damaged(self, reason: str) -> NoReturn:
        self.connection.close()
        remove(self.path)
        raise IndexDamaged(self.path, reason)


def open_store(path: Path, key: str, source: str) -> tuple[Corpus, Index]:
    """The corpus and index of the store at *path*, after the checks made when opening it: the
    header is this corpus's and this ecoqa's, and no entry is missing at either end."""
    from ecoqa.search.index import Index

    store = Store(path)
    rows = store.rows("SELECT * FROM meta")
    meta = store.parsed(json.loads, rows[0][1]) if len(rows) == 1 else None
    if not isinstance(meta, dict) or meta.get("key") != key or meta.get("layout") != STORE_LAYOUT:
        raise StoreError(msg("it belongs to another corpus or version"))
    size = int(meta["size"])
    # one subquery each: SQLite answers a lone MIN or MAX from the key, MIN and MAX together by a scan
    ends = store.query("SELECT " + ", ".join(f"(SELECT {m}(position) FROM {t})" for t in TEXTS for m in ("MIN", "MAX")))
    ids = array("i")
    ids.frombytes(store.blob("ids"))
    if len(ids) != size or (size and ends[0] != (0, size - 1) * len(TEXTS)):
        store.damaged("entries are missing")
    vocabulary = _Vocabulary(store)
    postings = _Postings(store, vocabulary)
    index = Index(
        size=size,
        ids=ids,
        postings=postings,
        words=lambda: store.blob("surfaces").decode(),
        surface_terms=vocabulary,
        term_surface=_Surfaces(postings),
        aliases={tuple(k): [tuple(t) for t in v] for k, v in meta["aliases"]},
        max_alias_words=int(meta["max_alias_words"]),
        language=str(meta.get("language", "nl")),
        other_languages=tuple(map(str, meta.get("other_languages", ()))),
    )
    entries = _LazyEntries(store, ids, bool(meta.get("ids_ascending")), int(meta["sources"]))
    try:  # checked when the store was built, and guarded by its checksum since
        parts = DOCUMENT.rebuild({**meta["header"], "questions": []})
    except (TypeError, KeyError, AttributeError):
        raise StoreError(msg("its header does not match this ecoqa")) from None
    principles = tuple(p._replace(evidence=_LazyEvidence(store, p.id)) for p in parts.principles or ())
    return corpus_of(parts._replace(principles=principles), entries, source), index


class _LazyEvidence(Sequence[Evidence]):
    """A principle's evidence quotes, read from the store when first shown (``show`` needs one
    principle's quotes for one question, not every quote of every principle)."""

    def __init__(self, store: Store, principle: str) -> None:
        self.store = store
        self.principle = principle
        self._items: tuple[Evidence, ...] | None = None

    @property
    def items(self) -> tuple[Evidence, ...]:
        if self._items is None:
            data = self.store.blob(EVIDENCE + self.principle)
            self._items = self.store.parsed(lambda d: tuple(Evidence(int(q), str(t)) for q, t in json.loads(d)), data)
        return self._items

    def __len__(self) -> int:
        return len(self.items)

    @overload
    def __getitem__(self, index: int) -> Evidence: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Evidence]: ...

    def __getitem__(self, index: int | slice) -> Evidence | Sequence[Evidence]:
        return self.items[index]

    def __iter__(self) -> Iterator[Evidence]:
        return iter(self.items)


class _Table(Generic[_V]):
    """One of the store's tables by key (its first column), read as a search needs it: a key at a
    time, or many in a few queries when told them ahead (``search.index.Table``)."""

    def __init__(self, store: Store, table: str, key: str) -> None:
        self.store = store
        self.select = f"SELECT * FROM {table} WHERE {key} IN "
        self.cache: dict[str, _V | None] = {}

    def value(self, row: Any) -> _V:
        raise NotImplementedError

    def missing(self, key: str) -> None:
        """*key* has no row: nothing to say, unless the table must have one."""

    def prefetch(self, keys: Iterable[str]) -> None:
        wanted = [key for key in dict.fromkeys(keys) if key not in self.cache]
        for start in range(0, len(wanted), 500):  # SQLite takes 999 parameters at least
            chunk = tuple(wanted[start : start + 500])
            for row in self.store.rows(f"{self.select}({','.join('?' * len(chunk))})", chunk):
                self.cache[row[0]] = self.store.parsed(self.value, row)
            for key in chunk:
                if key not in self.cache:
                    self.missing(key)
                    self.cache[key] = None

    def get(self, key: str, /) -> _V | None:
        if key not in self.cache:
            self.prefetch((key,))
        return self.cache[key]

    def __getitem__(self, key: str, /) -> _V:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object, /) -> bool:
        return isinstance(key, str) and self.get(key) is not None


class _Vocabulary(_Table[tuple[str, ...]]):
    """Surface word -> its terms, and the entry count of its commonest term; remembers which
    terms must have postings."""

    def __init__(self, store: Store) -> None:
        super().__init__(store, "vocabulary", "surface")
        self.expected: set[str] = set()
        self.counts: dict[str, int] = {}

    def value(self, row: Any) -> tuple[str, ...]:
        surface, terms, df, _ = row
        split = tuple(terms.split("\t"))
        self.expected.update(split)
        self.counts[surface] = int(df)
        return split

    def df(self, surface: str) -> int:
        return self.counts.get(surface, 0) if surface in self else 0


class _Postings(_Table[Posting]):
    """Term -> its posting list; a term the vocabulary named must have one. Keeps each term's
    readable word (``term_surface``)."""

    def __init__(self, store: Store, vocabulary: _Vocabulary) -> None:
        super().__init__(store, "postings", "term")
        self.vocabulary = vocabulary
        self.surfaces: dict[str, str] = {}

    def value(self, row: Any) -> Posting:
        term, surface, docs, tfs, _ = row
        self.surfaces[term] = surface
        return array("i", docs), array("f", tfs)

    def missing(self, key: str) -> None:
        if key in self.vocabulary.expected:
            self.store.damaged("a posting list is missing")


class _Surfaces(Mapping[str, str]):
    """A readable word per term, from the rows of its postings."""

    def __init__(self, postings: _Postings) -> None:
        self.postings = postings

    def __getitem__(self, term: str) -> str:
        self.postings.get(term)
        return self.postings.surfaces[term]

    def __iter__(self) -> Iterator[str]:
        return iter(self.postings.surfaces)

    def __len__(self) -> int:
        return len(self.postings.surfaces)


# the decoder's own C scanner; typeshed types make_scanner's argument as the scanner class itself
_scan: Callable[[str, int], tuple[Any, int]] = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]


def stored_json(text: str) -> Any:
    """A JSON text the store wrote (compact, nothing around the value), parsed by the decoder's
    C scanner alone: ``json.loads`` adds two white-space matches and three calls per text, a third
    of the cost of a stored heading. Anything else, or anything after the value, is a ValueError."""
    try:
        value, end = _scan(text, 0)
    except StopIteration:  # what the scanner raises where no value starts
        raise ValueError("not JSON") from None
    if end != len(text):
        raise ValueError("text after the value")
    return value


def _heading(text: str) -> Heading:
    number, question, question_en = stored_json(text)
    return Heading(int(number), str(question), str(question_en))


def _entry(text: str) -> Entry:
    entry: Entry = QUESTION.rebuild(stored_json(text))  # checked and cleaned when the store was built
    return entry


def _whole(text: str) -> str:
    """An entry's JSON text as kept (``compact_json``), checked to be an object, not parsed."""
    if not (text.startswith("{") and text.endswith("}")):
        raise ValueError("not an object")
    return text


class _LazyEntries:
    """Entries fetched by position when shown (the store's implementation of ``models.Entries``)."""

    def __init__(self, store: Store, ids: Sequence[int], ascending: bool, sources: int) -> None:
        self.store = store
        self.size = len(ids)
        self._ids = ids
        self.ascending = ascending
        self.sources = sources
        self.cache: dict[int, Entry] = {}
        self.headings_seen: dict[int, Heading] = {}
        self.memberships: dict[tuple[str, str], Sequence[int]] = {}
        self.related: array[int] | None = None

    def __len__(self) -> int:
        return self.size

    def source_count(self) -> int:
        return self.sources

    def ids(self) -> Sequence[int]:
        return self._ids

    def position(self, entry_id: int) -> int | None:
        """The position of the entry with *entry_id*: found by halving when the ids are in order,
        else by an indexed look-up (never a map of all ids)."""
        if self.ascending:
            at = bisect.bisect_left(self._ids, entry_id)
            return at if at < self.size and self._ids[at] == entry_id else None
        rows = self.store.rows("SELECT * FROM entries WHERE id = ? LIMIT 1", (entry_id,))
        if not rows:
            return None
        position = int(rows[0][0])
        self.cache[position] = self.store.parsed(_entry, rows[0][2])
        return position

    def members(self, kind: str, key: str) -> Sequence[int]:
        if (kind, key) not in self.memberships:
            positions = array("i")
            for row in self.store.rows("SELECT * FROM members WHERE kind = ? AND key = ?", (kind, key)):
                self.store.parsed(positions.frombytes, row[2])
            self.memberships[(kind, key)] = positions
        return self.memberships[(kind, key)]

    def kept_related(self) -> Sequence[int]:
        """Related positions per entry as counted when the store was built (values are checked
        where they are used: ``Corpus.related_positions``)."""
        if self.related is None:
            kept = array("i")
            self.store.parsed(kept.frombytes, self.store.blob(RELATED))
            if len(kept) != self.size * RELATED_SHOWN:
                self.store.damaged("its related questions have the wrong length")
            self.related = kept
        return self.related

    def __getitem__(self, position: int) -> Entry:
        if position < 0:
            position += self.size
        if not 0 <= position < self.size:
            raise IndexError(position)
        if position not in self.cache:
            self.cache[position] = self._at("entries", position, _entry)
        return self.cache[position]

    def _at(self, table: str, position: int, read: Callable[[str], _T]) -> _T:
        """*read* applied to the stored text of one entry in *table* (entries or headings)."""
        rows = self.store.rows(f"SELECT * FROM {table} WHERE position = ?", (position,))
        if not rows:
            self.store.damaged("an entry is missing")
        return self.store.parsed(read, rows[0][-2])

    def heading(self, position: int) -> Heading:
        """One entry's id and question, without its answer (a related-question line)."""
        if position in self.cache:
            return self.cache[position].heading
        if position not in self.headings_seen:  # related lines name the same few entries again and again
            if len(self.headings_seen) >= HEADINGS_KEPT:
                self.headings_seen.clear()
            self.headings_seen[position] = self._at("headings", position, _heading)
        return self.headings_seen[position]

    def headings(self) -> Iterator[Heading]:
        """Every entry's id and question in order, read in batches (a table of contents)."""
        return self._in_order("headings", 4096, _heading)

    def __iter__(self) -> Iterator[Entry]:
        """Every entry in order, read in batches (not kept)."""
        return self._in_order("entries", 512, _entry)

    def documents(self) -> Iterator[str]:
        """Every entry in order as the JSON text the store keeps (``compact_json``), checked, not parsed."""
        return self._in_order("entries", 512, _whole)

    def _in_order(self, table: str, batch: int, read: Callable[[str], _T]) -> Iterator[_T]:
        """*read* applied to the stored text of every entry in *table*, in order, in batches."""
        position = 0
        while position < self.size:
            rows = self.store.rows(
                f"SELECT * FROM {table} WHERE position >= ? ORDER BY position LIMIT ?",
                (position, min(batch, self.size - position)),
            )
            if not rows:
                self.store.damaged("entries are missing")
            for row in rows:
                if row[0] != position:
                    self.store.damaged("an entry is missing")
                yield self.store.parsed(read, row[-2])
                position += 1
