"""A persistent search index for large user corpora, kept in the user's cache folder.

Why SQLite: a query touches a handful of terms, so postings are read lazily per term (one
indexed look-up each) instead of loading or unpickling the whole index; entries are fetched
only for the hits shown, and by id for ``show``. Nothing proportional to the corpus is read to
answer one command: no corpus file (a small map from the file's identity to its content hash
finds the index), no vocabulary table (words are looked up as needed).

The index is a cache: right or gone. Its name depends on the corpus content, the ecoqa version,
the ranking parameters and the store layout. Whether it is used is decided here, once, when a
command opens it: one that fails the checks made then is said once, removed and rebuilt; one
that cannot be saved (a full disk, a read-only folder) leaves the command to answer from memory.
Damage met later ends the command with one line (``IndexDamaged``), see ``read``.

The package by concern: ``cache`` (the folder and its housekeeping), ``layout`` (the tables),
``build`` (writing an index), ``read`` (the lazy views of an open one).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ecoqa.corpus import corpus_from_document, decode_json, read_corpus_bytes
from ecoqa.errors import CorpusError, IndexDamaged, StoreError
from ecoqa.messages import msg, reason_of, system_reason
from ecoqa.models import Corpus
from ecoqa.store.build import Progress, build_store
from ecoqa.store.cache import (
    MIN_BYTES,
    cache_dir,
    cache_key,
    content_hash,
    evict,
    file_identity,
    index_path,
    key_of,
    known_files,
    regular,
    remember,
    remove,
    touch,
    wants_index,
)
from ecoqa.store.read import open_store

if TYPE_CHECKING:
    from ecoqa.search.index import Index

__all__ = [
    "MIN_BYTES",
    "Progress",
    "cache_dir",
    "cache_key",
    "index_path",
    "load_indexed",
    "open_indexed",
    "wants_index",
]


Warn = Callable[[str], None]


def _no_warning(message: str) -> None:
    """Callers that pass no ``warn`` accept silent fallbacks."""


def open_indexed(
    path: Path, source: str, progress: Progress | None = None, warn: Warn = _no_warning
) -> tuple[Corpus, Index]:
    """The corpus at *path* and its index, from the cache, or built (streaming) and stored first:
    the one place that decides whether the index is used (see above). A file seen before is found
    by its identity without being read; a new or changed file is hashed, and indexed if no index
    of that content exists yet. A file that changes while it is read is an error: the index
    would hold neither the old content nor the new.
    """
    directory = cache_dir()
    try:
        identity = file_identity(path)
    except OSError as error:
        raise CorpusError("{path}: cannot read ({reason}).", path=path, reason=system_reason(error)) from None
    content = known_files(directory).get(identity)
    if content is not None:
        found = _open_key(directory, key_of(content), source, warn)
        if found is not None:
            return found
    content = content_hash(path)
    key = key_of(content)
    found = _open_key(directory, key, source, warn)
    if found is None:
        target = index_path(directory, key)
        try:
            build_store(path, source, key, target, progress)
        except StoreError as error:
            warn(
                msg(
                    "cannot save the search index in {folder} ({reason}); "
                    "searching without it costs time, not results.",
                    folder=directory,
                    reason=reason_of(error),
                )
            )
            return _in_memory(path, source, progress)
        _unchanged_since(path, identity, target)
        evict(directory, keep=target)
        found = _open_key(directory, key, source, warn)
        if found is None:
            return _in_memory(path, source, progress)
    remember(directory, identity, content)
    return found


def _unchanged_since(path: Path, identity: str, built: Path) -> None:
    """The file still is what was hashed before the build read it; else the index goes."""
    try:
        unchanged = file_identity(path) == identity
    except OSError:
        unchanged = False
    if not unchanged:
        remove(built)
        raise CorpusError("{path}: the file changed while ecoqa read it; run the command again.", path=path)


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
    if not regular(path):  # SQLite would wait on a FIFO, or read a device
        warn(msg("the search index {path} is not a regular file; rebuilding it.", path=path))
        remove(path)
        return None
    try:
        found = open_store(path, key, source)
    except (StoreError, IndexDamaged, ValueError, KeyError, TypeError) as error:  # the last: a header made by hand
        reason = error.reason if isinstance(error, IndexDamaged) else reason_of(error)
        warn(msg("the search index {path} is unusable ({reason}); rebuilding it.", path=path, reason=reason))
        remove(path)
        return None
    touch(path)
    return found


def _in_memory(path: Path, source: str, progress: Progress | None) -> tuple[Corpus, Index]:
    """The corpus and its index built in memory, for when no index can be saved."""
    from ecoqa.search.index import build_index

    if progress:
        progress("validating", 0, 0)
    corpus = corpus_from_document(decode_json(read_corpus_bytes(path), source), source)
    return corpus, build_index(corpus)
