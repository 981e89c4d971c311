"""Writing an index: one streaming pass over the corpus file, each question checked, indexed and
written, then dropped, so that memory stays bounded whatever the corpus size. The file is
written under a temporary name of its own (locked while the build runs) and renamed into place."""

from __future__ import annotations

import itertools
import json
import os
from array import array
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ecoqa.corpus import check_stream, too_many_problems
from ecoqa.errors import StoreError, stop_on_signals
from ecoqa.models import Corpus, Entry, compact_json, plain
from ecoqa.related import RELATED_SHOWN, Sharing, sharing_keys
from ecoqa.schema import QUESTION
from ecoqa.store.cache import claimed_temporary, remove, sweep
from ecoqa.store.layout import EVIDENCE, RELATED, SCHEMA, STORE_LAYOUT, sealed

if TYPE_CHECKING:
    import sqlite3

    from ecoqa.schema import Checker
    from ecoqa.search.index import IndexBuilder


Progress = Callable[[str, int, int], None]

#: Entries written per transaction batch while streaming.
BATCH = 2000


def build_store(path: Path, source: str, key: str, target: Path, progress: Progress | None) -> None:
    """Stream the corpus file once into a new store under a temporary name, then rename it.

    A corpus problem is a ``CorpusError`` (nothing is kept); a store that cannot be written is
    a ``StoreError`` (the caller answers from memory).
    """
    import sqlite3

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        sweep(target.parent)
        if target.is_dir():
            raise StoreError(f"{target} is a directory")
    except OSError as error:
        raise StoreError(error.strerror or str(error)) from None
    from ecoqa.errors import interrupts_deferred

    claimed: tuple[int, Path] | None = None
    try:
        with stop_on_signals():
            with interrupts_deferred():  # a signal while the file is made waits until it can be removed
                claimed = claimed_temporary(target)
            temporary = claimed[1]
            language = None
            while True:
                temporary.write_bytes(b"")
                connection = sqlite3.connect(temporary)
                try:
                    connection.execute("PRAGMA journal_mode = OFF")  # a half-written file is thrown away anyway
                    connection.execute("PRAGMA synchronous = OFF")
                    connection.executescript(SCHEMA)
                    fill(connection, path, source, key, progress, language)
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
        if claimed is not None:
            remove(claimed[1])
            remove(Path(f"{claimed[1]}-journal"))
            os.close(claimed[0])


def _reading(progress: Progress, size: int) -> Callable[[int], None]:
    """The first phase of a build, as the bytes of the file read so far."""
    progress("checking and indexing", 0, size)
    return lambda done: progress("checking and indexing", done, size)


class _LanguageLater(Exception):
    def __init__(self, language: str) -> None:
        self.language = language


def fill(
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
    from ecoqa.search.analysis import analysis_language

    checker = Checker(source)
    size = max(1, os.path.getsize(path))
    filling = _Filling(connection, checker, language)
    read = None if progress is None else _reading(progress, size)
    checker, parts, problems = check_stream(path, source, filling.take, filling.answers, checker, read)
    if problems or parts is None:
        raise too_many_problems(problems, source)
    filling.flush()
    corpus = checker.corpus(parts, (), source)
    wanted = analysis_language(corpus.language)
    builder = filling.builder(wanted)
    if builder.language != wanted:
        raise _LanguageLater(wanted)
    if progress:
        progress("saving the index", 0, 0)
    builder.add_principles(corpus.principles)
    _write_index(connection, key, corpus, builder, filling.memberships, len(filling.source_files))
    related = _related_of_every_entry(builder.size, builder.ids, filling.memberships, filling.shared)
    connection.execute("INSERT INTO blobs VALUES (?, ?, ?)", sealed(RELATED, related))


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
        self.source_files: set[str] = set()  # the files the entries name (a merged import names several)

    def builder(self, fallback: str | None = None) -> IndexBuilder:
        """The index builder, made at the first entry in the language declared so far."""
        from ecoqa.search.index import IndexBuilder

        if self.index is None:
            self.index = IndexBuilder(self.language or fallback or self._declared())
        return self.index

    def _declared(self) -> str:
        from ecoqa.search.analysis import analysis_language

        sections = self.checker.sections
        described = sections.get("collection", sections.get("webinar"))
        value = described.get("language") if isinstance(described, dict) else None
        return analysis_language(value if isinstance(value, str) else "")

    def take(self, entry: Entry, item: Any) -> None:
        builder = self.builder()
        position = builder.size
        builder.add(entry)
        if entry.source is not None:
            self.source_files.add(entry.source.file)
        for kind, names in (("topic", entry.topics), ("principle", entry.principles)):
            for name in dict.fromkeys(names):
                self.memberships.setdefault((kind, name), array("i")).append(position)
        keys = sharing_keys(entry.topics, entry.principles)
        self.shared.append(self.combinations.setdefault(keys, keys))  # entries share few combinations
        text = compact_json(entry)  # the checked, cleaned entry: read back without checks, copied by exports
        heading = json.dumps(list(entry.heading))  # id and question alone, for contents and related lines
        self.batch.append(sealed(position, entry.id, text))
        self.headings.append(sealed(position, heading))
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
    source_files: int,
) -> None:
    """Write postings as the builder releases them, so the whole index is never held at once."""
    counts: dict[str, int] = {}

    def posting_rows() -> Iterator[tuple[object, ...]]:
        for term, docs, tfs in builder.postings():
            counts[term] = len(docs)
            d, t = docs.tobytes(), tfs.tobytes()
            yield sealed(term, builder.term_surface.get(term, term), d, t)

    connection.executemany("INSERT INTO postings VALUES (?, ?, ?, ?, ?)", posting_rows())
    connection.executemany(
        "INSERT INTO vocabulary VALUES (?, ?, ?, ?)", _vocabulary_rows(builder.surface_terms, counts)
    )
    body = _meta(key, corpus, builder, terms=len(counts), source_files=source_files)
    connection.execute("INSERT INTO meta VALUES (?, ?, ?)", sealed(1, body))
    blobs = [("surfaces", "\n".join(sorted(builder.surface_terms)).encode()), ("ids", builder.ids.tobytes())]
    blobs += [(EVIDENCE + p.id, json.dumps([list(e) for e in p.evidence]).encode()) for p in corpus.principles]
    connection.executemany("INSERT INTO blobs VALUES (?, ?, ?)", (sealed(n, d) for n, d in blobs))
    connection.executemany(
        "INSERT INTO members VALUES (?, ?, ?, ?)",
        (sealed(kind, name, positions.tobytes()) for (kind, name), positions in memberships.items()),
    )


def _meta(key: str, corpus: Corpus, builder: IndexBuilder, *, terms: int, source_files: int) -> str:
    """The index's meta row: what it was built from, how to read it, and the corpus's header."""
    from ecoqa.search.index import alias_table

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
    return json.dumps(
        {
            "key": key,
            "layout": STORE_LAYOUT,
            "size": builder.size,
            "header": _document(header),
            "aliases": [[list(k), [list(t) for t in v]] for k, v in aliases.items()],
            "max_alias_words": max((len(k) for k in aliases), default=1),
            "language": builder.language,
            "other_languages": list(builder.other_languages),
            "ids_ascending": all(a < b for a, b in itertools.pairwise(builder.ids)),
            "terms": terms,
            "sources": max(1, source_files),
        }
    )


def _vocabulary_rows(surface_terms: dict[str, tuple[str, ...]], counts: dict[str, int]) -> Iterator[tuple[object, ...]]:
    """(surface, its terms that have postings, the largest of their entry counts, checksum), in
    key order, so that SQLite appends to its B-tree instead of splitting pages."""
    for surface in sorted(surface_terms):
        terms = surface_terms[surface]
        known = [t for t in terms if t in counts]
        if known:
            joined, df = "\t".join(known), max(counts[t] for t in known)
            yield sealed(surface, joined, df)


def _document(value: Any) -> Any:
    """Records as the JSON the schema reads back: absent values left out, not written as null."""
    found = plain(value)
    if isinstance(found, dict):
        return {k: _document(v) for k, v in found.items() if v is not None}
    if isinstance(found, list):
        return [_document(v) for v in found]
    return found
