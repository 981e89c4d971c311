"""What an index file holds: its tables, and the checksum every row carries."""

from __future__ import annotations

import zlib
from collections.abc import Iterable

STORE_LAYOUT = 11

#: Every table's last column is a checksum of the row's other columns (``crc``), checked
#: wherever a row is read (``Store.rows``): damage never reads as a smaller or different corpus.
SCHEMA = """
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


def crc(values: Iterable[object]) -> int:
    """The checksum of a row's values (bytes as they are, anything else as its text)."""
    value = 0
    for part in values:
        value = zlib.crc32(part if isinstance(part, bytes) else str(part).encode(), value)
        value = zlib.crc32(b"\x1f", value)
    return value


def sealed(*row: object) -> tuple[object, ...]:
    """A row as it is written: its values, then their checksum."""
    return (*row, crc(row))


RELATED = "related"  # RELATED_SHOWN positions per entry, -1 where it has fewer

TEXTS = ("entries", "headings")  # the tables with a row per entry

EVIDENCE = "evidence:"  # + a principle id: the blob of its quotes, as JSON [[question, quote], ...]
