"""A user's own Dutch-English term pairs (``ecoqa import --terms FILE``), for the corpus's glossary.

The file is a table of two or more columns: a Dutch term, then its English words (one per
column, or several in one cell separated by ';' or '|'). Commas, semicolons or tabs separate
the columns; a first row naming the languages (nl/en, Dutch/English) is a header.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from ecoqa.errors import CorpusError
from ecoqa.importing.decode import decode, looks_binary
from ecoqa.messages import msg, system_reason

_DUTCH = {"nl", "dutch", "nederlands", "nl term", "dutch term"}
_ENGLISH = {"en", "english", "engels", "en terms", "english terms"}


def read_terms(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The glossary entries of a term file, and warnings about how it was read."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CorpusError("cannot read {path}: {reason}.", path=path, reason=system_reason(error)) from None
    if looks_binary(raw):
        raise CorpusError("{path}: a binary file; a term list is a table of Dutch and English terms.", path=path)
    text, warnings = decode(raw, str(path))
    rows = [row for row in csv.reader(text.splitlines(), _dialect(text)) if any(cell.strip() for cell in row)]
    if rows and rows[0][0].strip().casefold() in _DUTCH and len(rows[0]) > 1:
        rows = rows[1:]
    terms: list[dict[str, Any]] = []
    for number, row in enumerate(rows, start=1):
        dutch = " ".join(row[0].split()) if row else ""
        english = [w for cell in row[1:] for w in (" ".join(p.split()) for p in re.split(r"[;|]", cell)) if w]
        if not dutch or not english:
            warnings.append(
                msg("{path}: row {number} has no Dutch term or no English word; skipped", path=path, number=number)
            )
            continue
        terms.append({"nl": dutch, "en": english})
    if not terms:
        raise CorpusError("{path}: no term pairs found; write one Dutch term and its English words per row.", path=path)
    return terms, warnings


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """The file's separator: a tab, a semicolon or a comma, whichever its first line uses."""
    first = text.split("\n", 1)[0]
    for separator in ("\t", ";"):
        if separator in first:
            return _with_separator(separator)
    return csv.excel


def _with_separator(separator: str) -> type[csv.Dialect]:
    class Dialect(csv.excel):
        delimiter = separator

    return Dialect
