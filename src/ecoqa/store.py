"""A persistent search index for large user corpora, kept in the user's cache directory.

Why SQLite: a query touches a handful of terms, so postings are read lazily per term (one
indexed look-up each) instead of loading or unpickling the whole index; entries are fetched
only for the hits shown, and by id for ``show``. Nothing proportional to the corpus is read to
answer one command: no corpus file (a small map from the file's identity to its content hash
finds the index), no vocabulary table (words are looked up as needed).

The index is built in one streaming pass over the file: each question is checked, indexed and
written, then dropped, so that memory stays bounded whatever the corpus size.

The index is a cache: right or gone. The file is keyed by the corpus content hash, the ecoqa
version, the ranking parameters and the store layout; it is written under a unique temporary
name and renamed into place. Whether it is used is decided once, when a command opens it: one
that fails the checks made then is said once, removed and rebuilt; one that cannot be saved (a
full disk, a read-only folder) leaves the command to answer from memory. Every row carries a
checksum, checked where it is read: damage met later ends the command with one line
(``IndexDamaged``) and removes the file, so that the command run again rebuilds it; it never
answers from a damaged row. Temporary files of interrupted builds are swept, and the least
recently used indexes are evicted when the cache grows past its limit (``ECOQA_CACHE_MB``).
"""

from __future__ import annotations

import bisect
import contextlib
import importlib.util
import itertools
import json
import json.scanner
import os
import re
import stat
import time
import weakref
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn, TypeVar, overload

from ecoqa.corpus import check_stream, corpus_from_document, decode_json, read_corpus_bytes
from ecoqa.errors import CorpusError, IndexDamaged, StoreError, terminate_cleanly
from ecoqa.models import Corpus, Entry, Evidence, Heading, Posting, compact_json, plain
from ecoqa.related import RELATED_SHOWN, Sharing, sharing_keys
from ecoqa.schema import DOCUMENT, QUESTION, corpus_of
from ecoqa.text import one_line
from ecoqa.version import ecoqa_version

if TYPE_CHECKING:
    import sqlite3

    from ecoqa.schema import Checker
    from ecoqa.search.index import Index, IndexBuilder

#: Corpus files at least this large get a persistent index; smaller ones are indexed in memory.
MIN_BYTES = 256 * 1024
STORE_LAYOUT = 10
_T = TypeVar("_T")
_K = TypeVar("_K")
HEADINGS_KEPT = 20_000  # headings a long export keeps for its related lines (a few MB)
#: Default size limit of the cache folder; the least recently used indexes go first.
CACHE_LIMIT_MB = 1024
#: A temporary identity map nobody has written to for this long was left by a killed run.
STALE_SECONDS = 600
#: Every file the cache makes carries this mark in its name; nothing else in the folder is touched.
MARK = "ecoqa-"
_INDEX_NAME = re.compile(r"ecoqa-[0-9a-f]{64}\.sqlite3")
_BUILD_NAME = re.compile(r"\.ecoqa-[0-9a-f]{64}\.sqlite3\.[^/]+\.tmp(-journal)?")
_MAP_NAME = re.compile(r"\.ecoqa-files\.json\.[^/]+\.tmp")
#: Files remembered in the identity map (``files.json``); the oldest are forgotten first.
KNOWN_FILES = 200
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


def _signature() -> str:
    from ecoqa.search.rank import ranking_signature

    return f"|{ecoqa_version()}|{ranking_signature()}|{STORE_LAYOUT}"


def cache_key(raw: bytes) -> str:
    """What the index depends on: the corpus bytes, ecoqa, every ranking parameter, the layout."""
    import hashlib

    return _key_of(hashlib.sha256(raw).hexdigest())


def _key_of(content: str) -> str:
    import hashlib

    return hashlib.sha256(f"{content}{_signature()}".encode()).hexdigest()


def wants_index(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size >= MIN_BYTES
    except OSError:
        return False


def _no_warning(message: str) -> None:
    """Callers that pass no ``warn`` accept silent fallbacks."""


# ---------------------------------------------------------------------------- finding the index


def _identity(path: Path) -> str:
    """What changes whenever the file's content may have: its place, size and change times.

    The change time (ctime) moves on every write and cannot be set back by a user, so an edit
    that restores the modification time is still noticed.
    """
    status = os.stat(path)
    parts = (
        os.path.realpath(path),
        status.st_dev,
        status.st_ino,
        status.st_size,
        status.st_mtime_ns,
        status.st_ctime_ns,
    )
    return "|".join(map(str, parts))


def _content_hash(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as error:
        raise CorpusError(f"{path}: cannot read ({one_line(error.strerror or str(error))}).") from None
    return digest.hexdigest()


def _known_files(directory: Path) -> dict[str, str]:
    try:
        path = directory / f"{MARK}files.json"
        if not _regular(path):  # a FIFO or a device would block or never end
            return {}
        found = json.loads(path.read_text(encoding="utf-8"))
        return found if isinstance(found, dict) else {}
    except (OSError, ValueError):
        return {}


def _remember(directory: Path, identity: str, content: str) -> None:
    """Note that a file with this identity has this content hash (atomically; failures are harmless)."""
    import tempfile

    known = _known_files(directory)
    known.pop(identity, None)
    known[identity] = content
    while len(known) > KNOWN_FILES:
        known.pop(next(iter(known)))
    with contextlib.suppress(OSError):
        directory.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=directory, prefix=f".{MARK}files.json.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(known, stream)
            os.replace(name, directory / f"{MARK}files.json")
        finally:
            _remove(Path(name))


def index_path(directory: Path, key: str) -> Path:
    """Where the index of *key* lives in the cache folder (a name only ecoqa gives a file)."""
    return directory / f"{MARK}{key}.sqlite3"


def open_indexed(
    path: Path, source: str, progress: Progress | None = None, warn: Warn = _no_warning
) -> tuple[Corpus, Index]:
    """The corpus at *path* and its index, from the cache, or built (streaming) and stored first.

    This is the one place that decides whether the index is used: an index that cannot be
    opened or fails the checks made when opening it is said once, removed and rebuilt; an index
    that cannot be saved leaves the command to answer from memory. A file seen before is found
    by its identity without being read; a new or changed file is hashed, and indexed if no index
    of that content exists yet. A file that changes while it is read is an error: the index
    would hold neither the old content nor the new.
    """
    directory = cache_dir()
    try:
        identity = _identity(path)
    except OSError as error:
        raise CorpusError(f"{path}: cannot read ({one_line(error.strerror or str(error))}).") from None
    content = _known_files(directory).get(identity)
    if content is not None:
        found = _open_key(directory, _key_of(content), source, warn)
        if found is not None:
            return found
    content = _content_hash(path)
    key = _key_of(content)
    found = _open_key(directory, key, source, warn)
    if found is None:
        target = index_path(directory, key)
        try:
            _build(path, source, key, target, progress)
        except StoreError as error:
            warn(
                f"cannot save the search index in {directory} ({error}); searching without it costs time, not results."
            )
            return _in_memory(path, source, progress)
        _unchanged_since(path, identity, target)
        _evict(directory, keep=target)
        found = _open_key(directory, key, source, warn)
        if found is None:
            return _in_memory(path, source, progress)
    _remember(directory, identity, content)
    return found


def _unchanged_since(path: Path, identity: str, built: Path) -> None:
    """The file still is what was hashed before the build read it; else the index goes."""
    try:
        unchanged = _identity(path) == identity
    except OSError:
        unchanged = False
    if not unchanged:
        _remove(built)
        raise CorpusError(f"{path}: the file changed while ecoqa read it; run the command again.")


def _regular(path: Path) -> bool:
    """True for a regular file itself (not a link, FIFO, device or folder): what may be opened
    without blocking or reading forever."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def load_indexed(
    raw: bytes, source: str, progress: Progress | None = None, warn: Warn = _no_warning
) -> tuple[Corpus, Index]:
    """The same for corpus bytes already read (tests, library use): written to a file first."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="ecoqa-") as folder:
        path = Path(folder) / "corpus.json"
        path.write_bytes(raw)
        return open_indexed(path, source, progress, warn)


def _open_key(directory: Path, key: str, source: str, warn: Warn) -> tuple[Corpus, Index] | None:
    """The index of *key*, if it is there and passes the checks made when opening it; an
    unusable one is said once and removed (the caller rebuilds it)."""
    path = index_path(directory, key)
    if not os.path.lexists(path) or path.is_dir():
        return None
    if not _regular(path):  # SQLite would wait on a FIFO, or read a device
        warn(f"the search index {path} is not a regular file; rebuilding it.")
        _remove(path)
        return None
    try:
        found = _open(path, key, source)
    except (StoreError, IndexDamaged, ValueError, KeyError, TypeError) as error:  # the last: a header made by hand
        reason = error.reason if isinstance(error, IndexDamaged) else str(error)
        warn(f"the search index {path} is unusable ({reason}); rebuilding it.")
        _remove(path)
        return None
    _touch(path)
    return found


def _in_memory(path: Path, source: str, progress: Progress | None) -> tuple[Corpus, Index]:
    """The corpus and its index built in memory, for when no index can be saved."""
    from ecoqa.search.index import build_index

    if progress:
        progress("validating", 0, 0)
    corpus = corpus_from_document(decode_json(read_corpus_bytes(path), source), source)
    return corpus, build_index(corpus)


# ---------------------------------------------------------------------------- building

#: Every table's last column is a checksum of the row's other columns (``_crc``), checked
#: wherever a row is read (``_Store.rows``): damage never reads as a smaller or different corpus.
_SCHEMA = """
CREATE TABLE meta (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE blobs (name TEXT PRIMARY KEY, data BLOB NOT NULL, crc INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE entries (position INTEGER PRIMARY KEY, id INTEGER NOT NULL, item TEXT NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE headings (position INTEGER PRIMARY KEY, heading TEXT NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE postings (
    term TEXT PRIMARY KEY, surface TEXT NOT NULL, docs BLOB NOT NULL, tfs BLOB NOT NULL, crc INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE vocabulary (
    surface TEXT PRIMARY KEY, terms TEXT NOT NULL, df INTEGER NOT NULL, crc INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE members (kind TEXT, key TEXT, positions BLOB NOT NULL, crc INTEGER NOT NULL, PRIMARY KEY (kind, key))
    WITHOUT ROWID;
"""
#: Entries written per transaction batch while streaming.
BATCH = 2000


def _crc(values: Iterable[object]) -> int:
    """The checksum of a row's values (bytes as they are, anything else as its text)."""
    value = 0
    for part in values:
        value = zlib.crc32(part if isinstance(part, bytes) else str(part).encode(), value)
        value = zlib.crc32(b"\x1f", value)
    return value


def _sealed(*row: object) -> tuple[object, ...]:
    """A row as it is written: its values, then their checksum."""
    return (*row, _crc(row))


def _build(path: Path, source: str, key: str, target: Path, progress: Progress | None) -> None:
    """Stream the corpus file once into a new store under a temporary name, then rename it.

    A corpus problem is a ``CorpusError`` (nothing is kept); a store that cannot be written is
    a ``StoreError`` (the caller answers from memory).
    """
    import sqlite3

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _sweep(target.parent)
        if target.is_dir():
            raise StoreError(f"{target} is a directory")
        handle, temporary = _claimed_temporary(target)
    except OSError as error:
        raise StoreError(error.strerror or str(error)) from None
    try:
        with terminate_cleanly():
            language = None
            while True:
                temporary.write_bytes(b"")
                connection = sqlite3.connect(temporary)
                try:
                    connection.execute("PRAGMA journal_mode = OFF")  # a half-written file is thrown away anyway
                    connection.execute("PRAGMA synchronous = OFF")
                    connection.executescript(_SCHEMA)
                    _fill(connection, path, source, key, progress, language)
                    connection.execute("CREATE INDEX entries_by_id ON entries (id)")
                    connection.commit()
                    break
                except _LanguageLater as late:  # the file named its language after its questions
                    language = late.language
                finally:
                    connection.close()
            os.replace(temporary, target)
    except (OSError, sqlite3.Error) as error:
        raise StoreError(str(getattr(error, "strerror", None) or error)) from None
    finally:  # every way out, Ctrl-C and kill included, leaves no temporary file behind
        _remove(temporary)
        _remove(Path(f"{temporary}-journal"))
        os.close(handle)


def _claimed_temporary(target: Path) -> tuple[int, Path]:
    """A new temporary file beside *target*, locked for as long as this process holds the
    returned descriptor: a sweep tells the leftovers of a killed build by their free lock."""
    import tempfile

    while True:
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        if _lock(handle, wait=True) and os.fstat(handle).st_ino == _inode(name):
            return handle, Path(name)
        os.close(handle)  # swept between its making and its lock: make another


def _inode(name: str) -> int | None:
    try:
        return os.stat(name).st_ino
    except OSError:
        return None


def _lock(handle: int, *, wait: bool) -> bool:
    """An exclusive lock on an open file (released when the process ends, however it ends);
    False where another process holds it. Where there are no such locks, always True."""
    try:
        import fcntl
    except ImportError:  # Windows: a leftover is known by its age alone
        return True
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def _reading(progress: Progress, size: int) -> Callable[[int], None]:
    """The first phase of a build, as the bytes of the file read so far."""
    progress("checking and indexing", 0, size)
    return lambda done: progress("checking and indexing", done, size)


class _LanguageLater(Exception):
    def __init__(self, language: str) -> None:
        self.language = language


def _fill(
    connection: sqlite3.Connection,
    path: Path,
    source: str,
    key: str,
    progress: Progress | None,
    language: str | None,
) -> None:
    """Stream the file into the store. The original fields are stemmed in the language the file
    declares before its questions (as ecoqa writes files); a file that declares it only after
    them is read a second time."""
    from ecoqa.schema import Checker
    from ecoqa.search.index import original_language

    checker = Checker(source)
    size = max(1, os.path.getsize(path))
    filling = _Filling(connection, checker, language)
    read = None if progress is None else _reading(progress, size)
    checker, parts, problems = check_stream(path, source, filling.take, filling.answers, checker, read)
    if problems or parts is None:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        first = one_line(str(problems[0])) if problems else f"{source}: not a corpus"
        raise CorpusError(f"{first}{more}; run 'ecoqa validate {source}' for the full list.")
    filling.flush()
    corpus = checker.corpus(parts, (), source)
    wanted = original_language(corpus.language)
    builder = filling.builder(wanted)
    if builder.language != wanted:
        raise _LanguageLater(wanted)
    if progress:
        progress("saving the index", 0, 0)
    builder.add_principles(corpus.principles)
    _write_index(connection, key, corpus, builder, filling.memberships)
    related = _related_of_every_entry(builder.size, builder.ids, filling.memberships, filling.shared)
    connection.execute("INSERT INTO blobs VALUES (?, ?, ?)", _sealed(_RELATED, related))


_RELATED = "related"  # RELATED_SHOWN positions per entry, -1 where it has fewer


def _related_of_every_entry(
    size: int, ids: Sequence[int], memberships: dict[tuple[str, str], array[int]], shared: list[tuple[Any, ...]]
) -> bytes:
    """Every entry's related questions, counted once at build so that no command counts them again."""
    sharing = Sharing(size, ids, lambda kind, key: memberships.get((kind, key), ()))
    kept = array("i")
    for entry_id, keys in zip(ids, shared, strict=True):
        found = sharing.related(entry_id, keys, RELATED_SHOWN)
        kept.extend(found + [-1] * (RELATED_SHOWN - len(found)))
    return kept.tobytes()


class _Filling:
    """One pass of a corpus file into a new store: entries in batches, the index built alongside."""

    def __init__(self, connection: sqlite3.Connection, checker: Checker, language: str | None) -> None:
        self.connection = connection
        self.checker = checker
        self.language = language
        self.index: IndexBuilder | None = None
        self.memberships: dict[tuple[str, str], array[int]] = {}
        self.shared: list[tuple[tuple[str, str], ...]] = []  # per entry: what its related questions share
        self.combinations: dict[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]] = {}  # one copy each
        self.batch: list[tuple[object, ...]] = []
        self.headings: list[tuple[object, ...]] = []

    def builder(self, fallback: str | None = None) -> IndexBuilder:
        """The index builder, made at the first entry in the language declared so far."""
        from ecoqa.search.index import IndexBuilder

        if self.index is None:
            self.index = IndexBuilder(self.language or fallback or self._declared())
        return self.index

    def _declared(self) -> str:
        from ecoqa.search.index import original_language

        sections = self.checker.sections
        described = sections.get("collection", sections.get("webinar"))
        value = described.get("language") if isinstance(described, dict) else None
        return original_language(value if isinstance(value, str) else "")

    def take(self, entry: Entry, item: Any) -> None:
        builder = self.builder()
        position = builder.size
        builder.add(entry)
        for kind, names in (("topic", entry.topics), ("principle", entry.principles)):
            for name in dict.fromkeys(names):
                self.memberships.setdefault((kind, name), array("i")).append(position)
        keys = sharing_keys(entry.topics, entry.principles)
        self.shared.append(self.combinations.setdefault(keys, keys))  # entries share few combinations
        text = compact_json(entry)  # the checked, cleaned entry: read back without checks, copied by exports
        heading = json.dumps(list(entry.heading))  # id and question alone, for contents and related lines
        self.batch.append(_sealed(position, entry.id, text))
        self.headings.append(_sealed(position, heading))
        if len(self.batch) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            self.connection.executemany("INSERT INTO entries VALUES (?, ?, ?, ?)", self.batch)
            self.connection.executemany("INSERT INTO headings VALUES (?, ?, ?)", self.headings)
            self.batch.clear()
            self.headings.clear()

    def answers(self, ids: Sequence[int]) -> dict[int, str]:
        """The answers that evidence quotes cite, read back from the entries written so far."""
        self.flush()
        wanted = set(ids)  # a few cited ids: no map of every id to its position (10 MB at 100,000)
        positions = {
            entry_id: at for at, entry_id in enumerate(self.index.ids if self.index else ()) if entry_id in wanted
        }
        found = {}
        for entry_id in ids:
            if entry_id in positions:
                row = self.connection.execute(
                    "SELECT item FROM entries WHERE position = ?", (positions[entry_id],)
                ).fetchone()
                if row:
                    found[entry_id] = QUESTION.rebuild(json.loads(row[0])).answer
        return found


def _write_index(
    connection: sqlite3.Connection,
    key: str,
    corpus: Corpus,
    builder: IndexBuilder,
    memberships: dict[tuple[str, str], array[int]],
) -> None:
    """Write postings as the builder releases them, so the whole index is never held at once."""
    from ecoqa.search.index import alias_table

    counts: dict[str, int] = {}

    def posting_rows() -> Iterator[tuple[object, ...]]:
        for term, docs, tfs in builder.postings():
            counts[term] = len(docs)
            d, t = docs.tobytes(), tfs.tobytes()
            yield _sealed(term, builder.term_surface.get(term, term), d, t)

    connection.executemany("INSERT INTO postings VALUES (?, ?, ?, ?, ?)", posting_rows())
    connection.executemany(
        "INSERT INTO vocabulary VALUES (?, ?, ?, ?)", _vocabulary_rows(builder.surface_terms, counts)
    )
    aliases = alias_table(corpus.topics, corpus.glossary)
    header = {
        "schema_version": 2,
        "collection": corpus.collection,
        "speakers": corpus.speakers,
        "people": corpus.people,
        "organizations": corpus.organizations,
        "topics": corpus.topics,  # derived topics too: they are not in the file
        "principles": [p._replace(evidence=()) for p in corpus.principles],  # quotes: in blobs, read when shown
        "glossary": corpus.glossary,
        "provenance": corpus.provenance,
    }
    surfaces = "\n".join(sorted(builder.surface_terms)).encode()
    ids = builder.ids.tobytes()
    body = json.dumps(
        {
            "key": key,
            "layout": STORE_LAYOUT,
            "size": builder.size,
            "header": _document(header),
            "aliases": [[list(k), [list(t) for t in v]] for k, v in aliases.items()],
            "max_alias_words": max((len(k) for k in aliases), default=1),
            "language": builder.language,
            "ids_ascending": all(a < b for a, b in itertools.pairwise(builder.ids)),
            "terms": len(counts),
        }
    )
    connection.execute("INSERT INTO meta VALUES (?, ?, ?)", _sealed(1, body))
    blobs = [("surfaces", surfaces), ("ids", ids)]
    blobs += [(_EVIDENCE + p.id, json.dumps([list(e) for e in p.evidence]).encode()) for p in corpus.principles]
    connection.executemany("INSERT INTO blobs VALUES (?, ?, ?)", (_sealed(n, d) for n, d in blobs))
    connection.executemany(
        "INSERT INTO members VALUES (?, ?, ?, ?)",
        (_sealed(kind, name, positions.tobytes()) for (kind, name), positions in memberships.items()),
    )


def _vocabulary_rows(surface_terms: dict[str, tuple[str, ...]], counts: dict[str, int]) -> Iterator[tuple[object, ...]]:
    """(surface, its terms that have postings, the largest of their entry counts, checksum), in
    key order, so that SQLite appends to its B-tree instead of splitting pages."""
    for surface in sorted(surface_terms):
        terms = surface_terms[surface]
        known = [t for t in terms if t in counts]
        if known:
            joined, df = "\t".join(known), max(counts[t] for t in known)
            yield _sealed(surface, joined, df)


def _document(value: Any) -> Any:
    """Records as the JSON the schema reads back: absent values left out, not written as null."""
    found = plain(value)
    if isinstance(found, dict):
        return {k: _document(v) for k, v in found.items() if v is not None}
    if isinstance(found, list):
        return [_document(v) for v in found]
    return found


# ---------------------------------------------------------------------------- housekeeping


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _touch(path: Path) -> None:
    """Record a use, for least-recently-used eviction (access times are often not kept)."""
    with contextlib.suppress(OSError):
        os.utime(path)


def _sweep(directory: Path) -> None:
    """Remove what killed runs left in the cache: a build's temporary file once no process holds
    its lock, an identity map's once stale. Only files whose names ecoqa gives are looked at."""
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(directory):
            if _BUILD_NAME.fullmatch(entry.name):
                if not entry.name.endswith("-journal"):
                    _remove_unlocked(Path(entry.path))
                elif not os.path.lexists(entry.path.removesuffix("-journal")):
                    _remove(Path(entry.path))
            elif _MAP_NAME.fullmatch(entry.name):
                with contextlib.suppress(OSError):
                    if now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
                        os.unlink(entry.path)


def _remove_unlocked(path: Path) -> None:
    """Delete a build's temporary file unless a live build holds its lock (see ``_claimed_temporary``)."""
    if not _regular(path):
        return
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return
    try:
        if _lock(handle, wait=False) and (_has_locks() or time.time() - os.fstat(handle).st_mtime > STALE_SECONDS):
            _remove(path)
    finally:
        os.close(handle)


def _has_locks() -> bool:
    return importlib.util.find_spec("fcntl") is not None


def _evict(directory: Path, keep: Path) -> None:
    """Delete the least recently used indexes until the cache fits its limit (never *keep*).
    Only ecoqa's own indexes count and go: a user's files in a shared folder stay."""
    limit = cache_limit()
    with contextlib.suppress(OSError):
        files = []
        for entry in os.scandir(directory):
            if _INDEX_NAME.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
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


class _Store:
    """The open index, read-only. Every row is checked against its checksum where it is read;
    damage found after the command began ends it (``IndexDamaged``), the file removed so that
    the next command rebuilds it. Nothing is healed in the middle of a command."""

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
            if _crc(row[:-1]) != row[-1]:
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
        _remove(self.path)
        raise IndexDamaged(self.path, reason)


_TEXTS = ("entries", "headings")  # the tables with a row per entry


def _open(path: Path, key: str, source: str) -> tuple[Corpus, Index]:
    """The corpus and index of the store at *path*, after the checks made when opening it: the
    header is this corpus's and this ecoqa's, and no entry is missing at either end."""
    from ecoqa.search.index import Index

    store = _Store(path)
    rows = store.rows("SELECT * FROM meta")
    meta = store.parsed(json.loads, rows[0][1]) if len(rows) == 1 else None
    if not isinstance(meta, dict) or meta.get("key") != key or meta.get("layout") != STORE_LAYOUT:
        raise StoreError("it belongs to another corpus or version")
    size = int(meta["size"])
    # one subquery each: SQLite answers a lone MIN or MAX from the key, MIN and MAX together by a scan
    ends = store.query(
        "SELECT " + ", ".join(f"(SELECT {m}(position) FROM {t})" for t in _TEXTS for m in ("MIN", "MAX"))
    )
    ids = array("i")
    ids.frombytes(store.blob("ids"))
    if len(ids) != size or (size and ends[0] != (0, size - 1) * len(_TEXTS)):
        store.damaged("entries are missing")
    vocabulary = _LazyVocabulary(store)
    postings = _LazyPostings(store, vocabulary)
    index = Index(
        size=size,
        ids=ids,
        postings=postings,
        words=lambda: store.blob("surfaces").decode(),
        surface_terms=vocabulary,
        term_surface=_LazySurfaces(postings),
        aliases={tuple(k): [tuple(t) for t in v] for k, v in meta["aliases"]},
        max_alias_words=int(meta["max_alias_words"]),
        language=str(meta.get("language", "nl")),
    )
    entries = _LazyEntries(store, ids, bool(meta.get("ids_ascending")))
    try:  # checked when the store was built, and guarded by its checksum since
        parts = DOCUMENT.rebuild({**meta["header"], "questions": []})
    except (TypeError, KeyError, AttributeError):
        raise StoreError("its header does not match this ecoqa") from None
    principles = tuple(p._replace(evidence=_LazyEvidence(store, p.id)) for p in parts.principles or ())
    return corpus_of(parts._replace(principles=principles), entries, source), index


class _KeptRelated:
    """The related questions the store kept, read when first needed."""

    def __init__(self, store: _Store, size: int) -> None:
        self.store = store
        self.size = size
        self.found: array[int] | None = None

    def __call__(self) -> Sequence[int]:
        if self.found is None:
            self.found = self.store.parsed(self._parse, self.store.blob(_RELATED))
        return self.found

    def _parse(self, data: bytes) -> array[int]:
        kept = array("i")
        kept.frombytes(data)
        if len(kept) != self.size * RELATED_SHOWN:  # values are checked where read (Corpus.related_positions)
            raise ValueError("its related questions have the wrong length")
        return kept


_EVIDENCE = "evidence:"  # + a principle id: the blob of its quotes, as JSON [[question, quote], ...]


class _LazyEvidence(Sequence[Evidence]):
    """A principle's evidence quotes, read from the store when first shown (``show`` needs one
    principle's quotes for one question, not every quote of every principle)."""

    def __init__(self, store: _Store, principle: str) -> None:
        self.store = store
        self.principle = principle
        self._items: tuple[Evidence, ...] | None = None

    @property
    def items(self) -> tuple[Evidence, ...]:
        if self._items is None:
            data = self.store.blob(_EVIDENCE + self.principle)
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


class _Members:
    """Topic and principle memberships, read from the store."""

    def __init__(self, store: _Store) -> None:
        self.store = store
        self.cache: dict[tuple[str, str], Sequence[int]] = {}

    def __call__(self, kind: str, key: str) -> Sequence[int]:
        if (kind, key) not in self.cache:
            positions = array("i")
            for row in self.store.rows("SELECT * FROM members WHERE kind = ? AND key = ?", (kind, key)):
                self.store.parsed(positions.frombytes, row[2])
            self.cache[(kind, key)] = positions
        return self.cache[(kind, key)]


def _chunks(keys: Sequence[_K], size: int = 500) -> Iterator[tuple[_K, ...]]:
    """Keys in groups small enough for one SQL ``IN (...)`` (SQLite allows 999 parameters or more)."""
    for start in range(0, len(keys), size):
        yield tuple(keys[start : start + size])


class _LazyVocabulary(Mapping[str, tuple[str, ...]]):
    """Surface word -> its terms, looked up as needed; remembers which terms must have postings."""

    def __init__(self, store: _Store) -> None:
        self.store = store
        self.cache: dict[str, tuple[tuple[str, ...], int] | None] = {}
        self.expected: set[str] = set()

    def row(self, surface: str) -> tuple[tuple[str, ...], int] | None:
        if surface not in self.cache:
            self.prefetch((surface,))
        return self.cache[surface]

    def prefetch(self, surfaces: Iterable[str]) -> None:
        """Look up many surfaces in a few queries instead of one each (compound and family scans)."""
        missing = [s for s in dict.fromkeys(surfaces) if s not in self.cache]
        for chunk in _chunks(missing):
            marks = ",".join("?" * len(chunk))
            for surface, terms, df, _ in self.store.rows(f"SELECT * FROM vocabulary WHERE surface IN ({marks})", chunk):
                split = tuple(str(terms).split("\t"))
                self.expected.update(split)
                self.cache[surface] = (split, int(df))
            for surface in chunk:
                self.cache.setdefault(surface, None)

    def df(self, surface: str) -> int:
        found = self.row(surface)
        return 0 if found is None else found[1]

    def __getitem__(self, surface: str) -> tuple[str, ...]:
        found = self.row(surface)
        if found is None:
            raise KeyError(surface)
        return found[0]

    def __contains__(self, surface: object) -> bool:
        return isinstance(surface, str) and self.row(surface) is not None

    def __iter__(self) -> Iterator[str]:
        return iter([])  # never listed whole: the surfaces blob serves scans

    def __len__(self) -> int:
        return 0


class _Row(NamedTuple):
    posting: Posting
    surface: str


class _LazyPostings(Mapping[str, Posting]):
    """Postings read per term on first use; a term the vocabulary promised must have them."""

    def __init__(self, store: _Store, vocabulary: _LazyVocabulary) -> None:
        self.store = store
        self.vocabulary = vocabulary
        self.cache: dict[str, _Row | None] = {}

    def row(self, term: str) -> _Row | None:
        if term not in self.cache:
            self.prefetch((term,))
            if term not in self.cache and term in self.vocabulary.expected:
                self.store.damaged("a posting list is missing")
            self.cache.setdefault(term, None)
        return self.cache[term]

    def prefetch(self, terms: Iterable[str]) -> None:
        """Read many posting lists in a few queries instead of one each."""
        missing = [t for t in dict.fromkeys(terms) if t not in self.cache]
        for chunk in _chunks(missing):
            marks = ",".join("?" * len(chunk))
            rows = self.store.rows(f"SELECT * FROM postings WHERE term IN ({marks})", chunk)
            for term, surface, docs, tfs, _ in rows:
                posting = self.store.parsed(lambda d: (array("i", d[0]), array("f", d[1])), (docs, tfs))
                self.cache[term] = _Row(posting, surface)

    def __getitem__(self, term: str) -> Posting:
        found = self.row(term)
        if found is None:
            raise KeyError(term)
        return found.posting

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self.row(term) is not None

    def __iter__(self) -> Iterator[str]:
        return iter([])

    def __len__(self) -> int:
        return 0


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


# the decoder's own C scanner; typeshed types make_scanner's argument as the scanner class itself
_scan: Callable[[str, int], tuple[Any, int]] = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]


def _stored_json(text: str) -> Any:
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
    number, question, question_en = _stored_json(text)
    return Heading(int(number), str(question), str(question_en))


def _entry(text: str) -> Entry:
    entry: Entry = QUESTION.rebuild(_stored_json(text))  # checked and cleaned when the store was built
    return entry


def _whole(text: str) -> str:
    """An entry's JSON text as kept (``compact_json``), checked to be an object, not parsed."""
    if not (text.startswith("{") and text.endswith("}")):
        raise ValueError("not an object")
    return text


class _LazyEntries(Sequence[Entry]):
    """Entries fetched by position when shown (the store's implementation of ``models.Entries``)."""

    def __init__(self, store: _Store, ids: Sequence[int], ascending: bool) -> None:
        self.store = store
        self.size = len(ids)
        self._ids = ids
        self.ascending = ascending
        self.members = _Members(store)
        self.kept_related = _KeptRelated(store, self.size)
        self.cache: dict[int, Entry] = {}
        self.headings_seen: dict[int, Heading] = {}

    def __len__(self) -> int:
        return self.size

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
