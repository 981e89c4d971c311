"""A persistent search index for large user corpora, kept in the user's cache directory.

Why SQLite: a query touches a handful of terms, so postings are read lazily per term (one
indexed look-up each) instead of loading or unpickling the whole index; entries are fetched
only for the hits shown. The file is keyed by the corpus content hash, the ecoqa version,
the stemmer version and the store layout, written to a temporary name and renamed into
place (atomic), and rebuilt whenever it cannot be read. Small corpora never use it: their
index is built in memory in milliseconds.
"""

from __future__ import annotations

import contextlib
import json
import os
import weakref
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from ecoqa.corpus import build_corpus, entry_from_item, validated_document
from ecoqa.models import Corpus, Entry, Posting, plain
from ecoqa.version import ecoqa_version

if TYPE_CHECKING:
    import sqlite3

    from ecoqa.search import Index

#: Corpus files at least this large get a persistent index; smaller ones are indexed in memory.
MIN_BYTES = 256 * 1024
STORE_LAYOUT = 1
Progress = Callable[[str, int, int], None]


def cache_dir() -> Path:
    """``ECOQA_CACHE_DIR``, else the platform's user cache directory for ecoqa."""
    configured = os.environ.get("ECOQA_CACHE_DIR")
    if configured:
        return Path(configured)
    import platformdirs

    return platformdirs.user_cache_path("ecoqa") / "index"


def cache_key(raw: bytes) -> str:
    """What the index depends on: the corpus bytes, ecoqa, the stemmer and the store layout."""
    import hashlib

    from ecoqa.search import STEMMER_VERSION

    digest = hashlib.sha256(raw)
    digest.update(f"|{ecoqa_version()}|{STEMMER_VERSION}|{STORE_LAYOUT}".encode())
    return digest.hexdigest()


def wants_index(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size >= MIN_BYTES
    except OSError:
        return False


def load_indexed(raw: bytes, source: str, progress: Progress | None = None) -> tuple[Corpus, Index]:
    """The corpus and its index from the cache, building and storing them first if needed."""
    import sqlite3

    key = cache_key(raw)
    path = cache_dir() / f"{key}.sqlite3"
    if path.is_file():
        try:
            return _open(path, key, source)
        except (sqlite3.Error, ValueError, KeyError, json.JSONDecodeError):
            path.unlink(missing_ok=True)  # corrupt or from another layout: rebuild
    corpus, index, header = _build(raw, source, progress)
    if progress:
        progress("saving index", 0, 0)
    with contextlib.suppress(OSError):  # an unwritable cache costs speed, not correctness
        _write(path, key, header, corpus, index)
    return corpus, index


def _build(raw: bytes, source: str, progress: Progress | None) -> tuple[Corpus, Index, dict[str, Any]]:
    """Validate, model and index the corpus; the raw document is dropped as soon as it is modelled."""
    if progress:
        progress("validating", 0, 0)  # no total: an indeterminate bar
    from ecoqa.search import build_index

    doc = validated_document(raw, source)
    header = {} if isinstance(doc, list) else {k: v for k, v in doc.items() if k != "questions"}
    corpus = build_corpus(doc, source)
    del doc
    total = len(corpus.entries)
    if progress:
        progress("indexing", 0, total)
    index = build_index(corpus, (lambda done, all_: progress("indexing", done, all_)) if progress else None)
    if progress:
        progress("indexing", total, total)
    return corpus, index, header


# ---------------------------------------------------------------------------- writing

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (position INTEGER PRIMARY KEY, item TEXT NOT NULL);
CREATE TABLE postings (term TEXT PRIMARY KEY, surface TEXT NOT NULL, docs BLOB NOT NULL, tfs BLOB NOT NULL);
CREATE TABLE vocabulary (surface TEXT PRIMARY KEY, terms TEXT NOT NULL);
"""


def _write(path: Path, key: str, header: dict[str, Any], corpus: Corpus, index: Index) -> None:
    import sqlite3

    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    connection = sqlite3.connect(temporary)
    try:
        with connection:
            connection.executescript(_SCHEMA)
            meta = {
                "key": key,
                "size": str(index.size),
                "ids": array("i", index.ids).tobytes().hex(),
                "header": json.dumps(header),
                "aliases": json.dumps([[list(k), [list(t) for t in v]] for k, v in index.aliases.items()]),
                "max_alias_words": str(index.max_alias_words),
            }
            connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            connection.executemany(
                "INSERT INTO entries VALUES (?, ?)",
                ((i, json.dumps(plain(entry))) for i, entry in enumerate(corpus.entries)),
            )
            connection.executemany(
                "INSERT INTO postings VALUES (?, ?, ?, ?)",
                (
                    (term, index.term_surface.get(term, term), _blob("i", docs), _blob("f", tfs))
                    for term, (docs, tfs) in index.postings.items()
                ),
            )
            connection.executemany(
                "INSERT INTO vocabulary VALUES (?, ?)",
                ((surface, "\t".join(terms)) for surface, terms in index.surface_terms.items()),
            )
    finally:
        connection.close()
    os.replace(temporary, path)


def _blob(kind: str, values: Sequence[Any]) -> bytes:
    return values.tobytes() if isinstance(values, array) else array(kind, values).tobytes()


# ---------------------------------------------------------------------------- reading


class _Store:
    """The open index file, closed once nothing reads from it (sqlite3 warns about open ones)."""

    def __init__(self, path: Path) -> None:
        import sqlite3

        self.connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        weakref.finalize(self, self.connection.close)

    def execute(self, sql: str, parameters: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        return self.connection.execute(sql, parameters)


def _open(path: Path, key: str, source: str) -> tuple[Corpus, Index]:
    store = _Store(path)
    try:
        return _read(store, key, source)
    except BaseException:
        store.connection.close()
        raise


def _read(store: _Store, key: str, source: str) -> tuple[Corpus, Index]:
    from ecoqa.search import Index

    meta = dict(store.execute("SELECT key, value FROM meta"))
    if meta.get("key") != key:
        raise ValueError("index belongs to another corpus")
    size = int(meta["size"])
    ids = array("i")
    ids.frombytes(bytes.fromhex(meta["ids"]))
    vocabulary = {surface: tuple(terms.split("\t")) for surface, terms in store.execute("SELECT * FROM vocabulary")}
    surfaces = sorted(vocabulary)
    aliases = {tuple(k): [tuple(t) for t in v] for k, v in json.loads(meta["aliases"])}
    postings = _LazyPostings(store)
    index = Index(
        size=size,
        ids=ids,
        postings=postings,
        surfaces=surfaces,
        surface_terms=vocabulary,
        term_surface=_LazySurfaces(postings),
        aliases=aliases,
        blob="\n".join(surfaces),
        max_alias_words=int(meta["max_alias_words"]),
    )
    header = json.loads(meta["header"])
    corpus = build_corpus({**header, "questions": []}, source)
    return corpus.with_entries(_LazyEntries(store, size), ids), index


class _LazyPostings(Mapping[str, Posting]):
    """Postings read per term on first use."""

    def __init__(self, store: _Store) -> None:
        self.store = store
        self.cache: dict[str, tuple[Posting, str] | None] = {}

    def row(self, term: str) -> tuple[Posting, str] | None:
        if term not in self.cache:
            found = self.store.execute("SELECT docs, tfs, surface FROM postings WHERE term = ?", (term,)).fetchone()
            if found is None:
                self.cache[term] = None
            else:
                docs, tfs = array("i"), array("f")
                docs.frombytes(found[0])
                tfs.frombytes(found[1])
                self.cache[term] = ((docs, tfs), found[2])
        return self.cache[term]

    def __getitem__(self, term: str) -> Posting:
        found = self.row(term)
        if found is None:
            raise KeyError(term)
        return found[0]

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self.row(term) is not None

    def __iter__(self) -> Iterator[str]:
        return (term for (term,) in self.store.execute("SELECT term FROM postings"))

    def __len__(self) -> int:
        count: int = self.store.execute("SELECT COUNT(*) FROM postings").fetchone()[0]
        return count


class _LazySurfaces(Mapping[str, str]):
    """A readable word per term, from the same rows as the postings."""

    def __init__(self, postings: _LazyPostings) -> None:
        self.postings = postings

    def __getitem__(self, term: str) -> str:
        found = self.postings.row(term)
        if found is None:
            raise KeyError(term)
        return found[1]

    def __iter__(self) -> Iterator[str]:
        return iter(self.postings)

    def __len__(self) -> int:
        return len(self.postings)


class _LazyEntries(Sequence[Entry]):
    """Entries fetched by position when a result shows them."""

    def __init__(self, store: _Store, size: int) -> None:
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
            (item,) = self.store.execute("SELECT item FROM entries WHERE position = ?", (position,)).fetchone()
            self.cache[position] = entry_from_item(json.loads(item))
        return self.cache[position]

    def __iter__(self) -> Iterator[Entry]:
        """Every entry in order; kept once read, so a second pass costs no parsing."""
        if len(self.cache) == self.size:
            yield from (self.cache[i] for i in range(self.size))
            return
        for position, item in self.store.execute("SELECT position, item FROM entries ORDER BY position"):
            if position not in self.cache:
                self.cache[position] = entry_from_item(json.loads(item))
            yield self.cache[position]
