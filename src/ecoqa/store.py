"""A persistent search index for large user corpora, kept in the user's cache directory.

Why SQLite: a query touches a handful of terms, so postings are read lazily per term (one
indexed look-up each) instead of loading or unpickling the whole index; entries are fetched
only for the hits shown.

The store may cost speed, never correctness. The file is keyed by the corpus content hash, the
ecoqa version, the ranking parameters and the store layout; it is written under a unique
temporary name and renamed into place. Every row carries a checksum. Whenever the file cannot
be opened, read or written (a corrupt page, a deleted row, a full disk, a read-only folder),
ecoqa says so in one line and answers from an index built in memory instead. Temporary files
of interrupted builds are swept once stale, and the least recently used indexes are evicted
when the cache grows past its limit (``ECOQA_CACHE_MB``).
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import weakref
import zlib
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, overload

from ecoqa.corpus import corpus_from_document, decode_json
from ecoqa.errors import StoreError
from ecoqa.models import Corpus, Entry, Posting, plain
from ecoqa.schema import DOCUMENT, INVALID, QUESTION, Report, Where
from ecoqa.version import ecoqa_version

if TYPE_CHECKING:
    import sqlite3

    from ecoqa.search import Index

#: Corpus files at least this large get a persistent index; smaller ones are indexed in memory.
MIN_BYTES = 256 * 1024
STORE_LAYOUT = 3
#: Default size limit of the cache folder; the least recently used indexes go first.
CACHE_LIMIT_MB = 1024
#: A temporary file nobody has written to for this long belongs to an interrupted build.
STALE_SECONDS = 600
Progress = Callable[[str, int, int], None]
Warn = Callable[[str], None]


def cache_dir() -> Path:
    """``ECOQA_CACHE_DIR``, else the platform's user cache directory for ecoqa."""
    configured = os.environ.get("ECOQA_CACHE_DIR")
    if configured:
        return Path(configured)
    import platformdirs

    return platformdirs.user_cache_path("ecoqa") / "index"


def cache_limit() -> int:
    """The cache size limit in bytes (``ECOQA_CACHE_MB``, default 1024)."""
    try:
        return max(0, int(os.environ.get("ECOQA_CACHE_MB", CACHE_LIMIT_MB))) * 2**20
    except ValueError:
        return CACHE_LIMIT_MB * 2**20


def cache_key(raw: bytes) -> str:
    """What the index depends on: the corpus bytes, ecoqa, every ranking parameter, the layout."""
    import hashlib

    from ecoqa.search import ranking_signature

    digest = hashlib.sha256(raw)
    digest.update(f"|{ecoqa_version()}|{ranking_signature()}|{STORE_LAYOUT}".encode())
    return digest.hexdigest()


def wants_index(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size >= MIN_BYTES
    except OSError:
        return False


def _no_warning(message: str) -> None:
    """Callers that pass no ``warn`` accept silent fallbacks."""


def load_indexed(
    raw: bytes, source: str, progress: Progress | None = None, warn: Warn = _no_warning
) -> tuple[Corpus, Index]:
    """The corpus and its index from the cache, building and storing them first if needed."""
    key = cache_key(raw)
    directory = cache_dir()
    path = directory / f"{key}.sqlite3"
    rescue = _Rescue(raw, source)
    if os.path.lexists(path) and not path.is_dir():
        try:
            found = _open(path, key, source, rescue, warn)
            _touch(path)
            return found
        except StoreError as error:
            warn(f"the search index {path} is unusable ({error}); rebuilding it.")
            _remove(path)
    corpus, index = rescue.build(progress)
    if progress:
        progress("saving index", 0, 0)
    try:
        _write(path, key, corpus, index)
    except StoreError as error:
        warn(f"cannot save the search index in {directory} ({error}); searching without it costs time, not results.")
    else:
        _evict(directory, keep=path)
    return corpus, index


class _Rescue:
    """The in-memory corpus and index, built from the corpus bytes on first need."""

    def __init__(self, raw: bytes, source: str) -> None:
        self.raw = raw
        self.source = source
        self.built: tuple[Corpus, Index] | None = None

    def build(self, progress: Progress | None = None) -> tuple[Corpus, Index]:
        if self.built is None:
            from ecoqa.search import build_index

            if progress:
                progress("validating", 0, 0)  # no total: an indeterminate bar
            corpus = corpus_from_document(decode_json(self.raw, self.source), self.source)
            total = len(corpus.entries)
            report = (lambda done, all_: progress("indexing", done, all_)) if progress else None
            self.built = corpus, build_index(corpus, report)
            if progress:
                progress("indexing", total, total)
        return self.built


# ---------------------------------------------------------------------------- writing

_SCHEMA = """
CREATE TABLE meta (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE entries (position INTEGER PRIMARY KEY, item TEXT NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE postings (
    term TEXT PRIMARY KEY, surface TEXT NOT NULL, docs BLOB NOT NULL, tfs BLOB NOT NULL, crc INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE members (kind TEXT, key TEXT, positions BLOB NOT NULL, crc INTEGER NOT NULL, PRIMARY KEY (kind, key))
    WITHOUT ROWID;
"""


def _crc(*parts: bytes) -> int:
    value = 0
    for part in parts:
        value = zlib.crc32(part, value)
    return value


def _write(path: Path, key: str, corpus: Corpus, index: Index) -> None:
    """Write the store under a unique temporary name, then rename it into place (atomic)."""
    import sqlite3
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _sweep(path.parent)
        if path.is_dir():
            raise StoreError(f"{path} is a directory")
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        os.close(handle)
    except OSError as error:
        raise StoreError(error.strerror or str(error)) from None
    temporary = Path(name)
    try:
        with _terminate_cleanly():
            connection = sqlite3.connect(temporary)
            try:
                with connection:
                    _fill(connection, key, corpus, index)
            finally:
                connection.close()
            os.replace(temporary, path)
    except (OSError, sqlite3.Error) as error:
        raise StoreError(str(getattr(error, "strerror", None) or error)) from None
    finally:  # every way out, Ctrl-C and kill included, leaves no temporary file behind
        _remove(temporary)
        _remove(Path(f"{temporary}-journal"))


@contextlib.contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """While writing, SIGTERM unwinds like Ctrl-C (so ``finally`` runs) instead of stopping at once."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(number: int, frame: object) -> None:
        raise SystemExit(128 + number)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _fill(connection: sqlite3.Connection, key: str, corpus: Corpus, index: Index) -> None:
    connection.executescript(_SCHEMA)
    header = {
        "schema_version": 1,
        "webinar": corpus.webinar,
        "speakers": plain(corpus.speakers),
        "people": plain(corpus.people),
        "organizations": plain(corpus.organizations),
        "topics": plain(corpus.topics),  # derived topics too: they are not in the file
        "principles": plain(corpus.principles),
        "glossary": plain(corpus.glossary),
        "provenance": plain(corpus.provenance),
    }
    body = json.dumps(
        {
            "key": key,
            "layout": STORE_LAYOUT,
            "size": index.size,
            "ids": array("i", index.ids).tobytes().hex(),
            "header": _document(header),
            "aliases": [[list(k), [list(t) for t in v]] for k, v in index.aliases.items()],
            "max_alias_words": index.max_alias_words,
            # only terms with postings, so that a term listed here and missing there is damage
            "vocabulary": {s: [t for t in terms if t in index.postings] for s, terms in index.surface_terms.items()},
            "pseudo_terms": sorted(t for t in index.postings if t.startswith("@")),
        }
    )
    connection.execute("INSERT INTO meta VALUES (1, ?, ?)", (body, _crc(body.encode())))
    items = (json.dumps(_document(e)) for e in corpus.entries)
    rows = ((i, item, _crc(item.encode())) for i, item in enumerate(items))
    connection.executemany("INSERT INTO entries VALUES (?, ?, ?)", rows)
    connection.executemany(
        "INSERT INTO postings VALUES (?, ?, ?, ?, ?)",
        (
            (term, surface, docs, tfs, _crc(term.encode(), docs, tfs))
            for term, surface, docs, tfs in (
                (term, index.term_surface.get(term, term), _blob("i", docs), _blob("f", tfs))
                for term, (docs, tfs) in index.postings.items()
            )
        ),
    )
    memberships = [("topic", t.id) for t in corpus.topics] + [("principle", p.id) for p in corpus.principles]
    connection.executemany(
        "INSERT INTO members VALUES (?, ?, ?, ?)",
        (
            (kind, name, blob, _crc(kind.encode(), name.encode(), blob))
            for kind, name, blob in ((k, n, _blob("i", corpus.members(k, n))) for k, n in memberships)
        ),
    )


def _document(value: Any) -> Any:
    """Records as the JSON the schema reads back: absent values left out, not written as null."""
    found = plain(value)
    if isinstance(found, dict):
        return {k: _document(v) for k, v in found.items() if v is not None}
    if isinstance(found, list):
        return [_document(v) for v in found]
    return found


def _blob(kind: str, values: Sequence[Any]) -> bytes:
    return values.tobytes() if isinstance(values, array) else array(kind, values).tobytes()


# ---------------------------------------------------------------------------- housekeeping


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _touch(path: Path) -> None:
    """Record a use, for least-recently-used eviction (access times are often not kept)."""
    with contextlib.suppress(OSError):
        os.utime(path)


def _sweep(directory: Path) -> None:
    """Remove temporary files of builds that were killed (nobody has written them for a while)."""
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(directory):
            if entry.name.startswith(".") and (entry.name.endswith(".tmp") or entry.name.endswith(".tmp-journal")):
                with contextlib.suppress(OSError):
                    if now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
                        os.unlink(entry.path)


def _evict(directory: Path, keep: Path) -> None:
    """Delete the least recently used indexes until the cache fits its limit (never *keep*)."""
    limit = cache_limit()
    with contextlib.suppress(OSError):
        files = []
        for entry in os.scandir(directory):
            if entry.name.endswith(".sqlite3") and entry.is_file(follow_symlinks=False):
                status = entry.stat(follow_symlinks=False)
                files.append((status.st_mtime, status.st_size, Path(entry.path)))
        total = sum(size for _, size, _ in files)
        for _, size, path in sorted(files):
            if total <= limit:
                break
            if path != keep:
                _remove(path)
                total -= size


# ---------------------------------------------------------------------------- reading


class _Healing:
    """The open store; after any failed read, the in-memory index answers instead (said once)."""

    def __init__(self, path: Path, rescue: _Rescue, warn: Warn) -> None:
        import sqlite3

        self.path = path
        self.rescue = rescue
        self.warn = warn
        self.failed = False
        self.errors: tuple[type[BaseException], ...] = (sqlite3.Error, OSError, ValueError, KeyError, TypeError)
        self.opening = True  # while opening, a failure means "rebuild", not "answer from memory"
        try:
            # as_uri() escapes "#", "?" and "%" in the path, which SQLite would read as URI syntax
            self.connection: sqlite3.Connection | None = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        except self.errors as error:
            raise StoreError(str(error)) from None
        weakref.finalize(self, self.connection.close)  # sqlite3 warns about connections left open

    def rows(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[Any] | None:
        """All rows of a query, or None once the store has failed."""
        if self.failed or self.connection is None:
            return None
        try:
            return self.connection.execute(sql, parameters).fetchall()
        except self.errors as error:
            if self.opening:
                raise StoreError(str(error)) from None
            self.fail(str(error))
            return None

    def fail(self, reason: str) -> None:
        if self.opening:
            raise StoreError(reason)
        if self.failed:
            return
        self.failed = True
        self.close()
        self.warn(f"the search index {self.path} is damaged ({reason}); answering without it.")
        _remove(self.path)

    def memory(self) -> tuple[Corpus, Index]:
        return self.rescue.build()

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def _open(path: Path, key: str, source: str, rescue: _Rescue, warn: Warn) -> tuple[Corpus, Index]:
    store = _Healing(path, rescue, warn)
    try:
        found = _read(store, key, source)
    except (StoreError, *store.errors) as error:  # type: ignore[misc]
        store.close()
        raise StoreError(str(error)) from None
    store.opening = False
    return found


def _read(store: _Healing, key: str, source: str) -> tuple[Corpus, Index]:
    from ecoqa.search import Index

    rows = store.rows("SELECT body, crc FROM meta") or []
    if len(rows) != 1 or not isinstance(rows[0][0], str) or _crc(rows[0][0].encode()) != rows[0][1]:
        raise StoreError("its header is missing or damaged")
    meta = json.loads(rows[0][0])
    if meta.get("key") != key or meta.get("layout") != STORE_LAYOUT:
        raise StoreError("it belongs to another corpus or version")
    size = int(meta["size"])
    last = store.rows("SELECT MAX(position), MIN(position) FROM entries") or [(None, None)]
    if size and last[0] != (size - 1, 0):
        raise StoreError("entries are missing")
    ids = array("i")
    ids.frombytes(bytes.fromhex(meta["ids"]))
    vocabulary = {surface: tuple(terms) for surface, terms in meta["vocabulary"].items()}
    surfaces = sorted(vocabulary)
    terms = frozenset(t for found in vocabulary.values() for t in found).union(meta["pseudo_terms"])
    postings = _LazyPostings(store, terms)
    index = Index(
        size=size,
        ids=ids,
        postings=postings,
        surfaces=surfaces,
        surface_terms=vocabulary,
        term_surface=_LazySurfaces(postings),
        aliases={tuple(k): [tuple(t) for t in v] for k, v in meta["aliases"]},
        blob="\n".join(surfaces),
        max_alias_words=int(meta["max_alias_words"]),
    )
    corpus = _header_corpus(meta["header"], source, _LazyEntries(store, size), ids, _Members(store))
    return corpus, index


def _header_corpus(
    header: dict[str, Any], source: str, entries: Sequence[Entry], ids: Sequence[int], members: _Members
) -> Corpus:
    """The corpus around lazily read entries, from the header the store wrote (already checked)."""
    report = Report(source)
    parts = DOCUMENT.convert({**header, "questions": []}, Where(None, ""), report)
    if parts is INVALID:
        raise StoreError("its header does not match this ecoqa")
    return Corpus(
        entries,
        source=source,
        webinar=parts.webinar,
        speakers=parts.speakers,
        people=parts.people or (),
        organizations=parts.organizations,
        topics=parts.topics or (),
        principles=parts.principles or (),
        glossary=parts.glossary,
        provenance=parts.provenance,
        ids=ids,
        members=members,
    )


class _Members:
    """Topic and principle memberships, read from the store (or memory, once it failed)."""

    def __init__(self, store: _Healing) -> None:
        self.store = store
        self.cache: dict[tuple[str, str], Sequence[int]] = {}

    def __call__(self, kind: str, key: str) -> Sequence[int]:
        if (kind, key) not in self.cache:
            rows = self.store.rows("SELECT positions, crc FROM members WHERE kind = ? AND key = ?", (kind, key))
            if rows and _crc(kind.encode(), key.encode(), rows[0][0]) != rows[0][1]:
                self.store.fail("a topic list does not match its checksum")
            if self.store.failed:
                return self.store.memory()[0].members(kind, key)
            positions = array("i")
            if rows:
                positions.frombytes(rows[0][0])
            self.cache[(kind, key)] = positions
        return self.cache[(kind, key)]


class _Row(NamedTuple):
    posting: Posting
    surface: str


class _LazyPostings(Mapping[str, Posting]):
    """Postings read per term on first use, each checked against its checksum."""

    def __init__(self, store: _Healing, terms: frozenset[str]) -> None:
        self.store = store
        self.terms = terms  # every term of the index, from the vocabulary
        self.cache: dict[str, _Row | None] = {}

    def row(self, term: str) -> _Row | None:
        if term in self.cache:
            return self.cache[term]
        found: _Row | None = None
        rows = self.store.rows("SELECT docs, tfs, surface, crc FROM postings WHERE term = ?", (term,))
        if rows:
            docs, tfs, surface, crc = rows[0]
            if _crc(term.encode(), docs, tfs) == crc and len(docs) == len(tfs):
                found = _Row((array("i", docs), array("f", tfs)), surface)
            else:
                self.store.fail("a posting list does not match its checksum")
        elif rows is not None and term in self.terms:
            self.store.fail("a posting list is missing")
        if found is None and self.store.failed:
            found = self._from_memory(term)
        self.cache[term] = found
        return found

    def _from_memory(self, term: str) -> _Row | None:
        index = self.store.memory()[1]
        posting = index.postings.get(term)
        return None if posting is None else _Row(posting, index.term_surface.get(term, term))

    def __getitem__(self, term: str) -> Posting:
        found = self.row(term)
        if found is None:
            raise KeyError(term)
        return found.posting

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self.row(term) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.terms))

    def __len__(self) -> int:
        return len(self.terms)


class _LazySurfaces(Mapping[str, str]):
    """A readable word per term, from the same rows as the postings."""

    def __init__(self, postings: _LazyPostings) -> None:
        self.postings = postings

    def __getitem__(self, term: str) -> str:
        found = self.postings.row(term)
        if found is None:
            raise KeyError(term)
        return found.surface

    def __iter__(self) -> Iterator[str]:
        return iter(self.postings)

    def __len__(self) -> int:
        return len(self.postings)


class _LazyEntries(Sequence[Entry]):
    """Entries fetched by position when shown, each checked; from memory once the store failed."""

    def __init__(self, store: _Healing, size: int) -> None:
        self.store = store
        self.size = size
        self.cache: dict[int, Entry] = {}

    def __len__(self) -> int:
        return self.size

    @overload
    def __getitem__(self, position: int) -> Entry: ...

    @overload
    def __getitem__(self, position: slice) -> Sequence[Entry]: ...

    def __getitem__(self, position: int | slice) -> Entry | Sequence[Entry]:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(self.size))]
        if position < 0:
            position += self.size
        if not 0 <= position < self.size:
            raise IndexError(position)
        if position not in self.cache:
            rows = self.store.rows("SELECT position, item, crc FROM entries WHERE position = ?", (position,))
            entry = self._entry(rows[0]) if rows else None
            if entry is None:
                self.store.fail("an entry is missing")
                return self.store.memory()[0].entries[position]
            self.cache[position] = entry
        return self.cache[position]

    def _entry(self, row: tuple[int, str, int]) -> Entry | None:
        _, item, crc = row
        if not isinstance(item, str) or _crc(item.encode()) != crc:
            self.store.fail("an entry does not match its checksum")
            return None
        entry = QUESTION.convert(json.loads(item), Where(None, "entry"), Report(""))
        if entry is INVALID:
            self.store.fail("an entry cannot be read")
            return None
        return entry  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[Entry]:
        """Every entry in order, read in batches; a gap or a bad row hands over to memory."""
        position = 0
        while position < self.size:
            rows = self.store.rows(
                "SELECT position, item, crc FROM entries WHERE position >= ? ORDER BY position LIMIT 512", (position,)
            )
            for row in rows or ():
                entry = self._entry(row) if row[0] == position else None
                if entry is None:
                    self.store.fail("an entry is missing")
                    break
                yield entry
                position += 1
            if self.store.failed or not rows:
                if position < self.size:
                    self.store.fail("entries are missing")
                    yield from self.store.memory()[0].entries[position:]
                return
