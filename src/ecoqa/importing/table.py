"""Spreadsheets saved as CSV or TSV: a header row names the question and answer columns."""

from __future__ import annotations

import csv
import io
import re

from ecoqa.importing.blocks import compose, text_blocks
from ecoqa.importing.pairs import Found, Pair
from ecoqa.text import fold

#: Header names, folded, for each column ecoqa reads.
COLUMNS = {
    "question": ("question", "questions", "vraag", "vragen", "q"),
    "answer": ("answer", "answers", "antwoord", "antwoorden", "a"),
    "topics": ("topics", "topic", "onderwerp", "onderwerpen", "tags", "tag", "category", "categorie", "thema"),
    "id": ("id", "nr", "no", "number", "nummer", "#"),
}
_DELIMITERS = ",;\t|"


def header_columns(header: list[str]) -> dict[str, int]:
    """Which column holds what, by its header name (case, accents and spaces ignored)."""
    found: dict[str, int] = {}
    for at, name in enumerate(header):
        key = fold(name).strip().strip(":").strip()
        for column, names in COLUMNS.items():
            if key in names and column not in found:
                found[column] = at
    return found


def sniff(text: str) -> csv.Dialect | type[csv.Dialect] | None:
    """The dialect of a table whose first row names a question and an answer column, else None."""
    sample = text[:65536]
    first = sample.split("\n", 1)[0]
    if not any(d in first for d in _DELIMITERS):
        return None
    try:
        dialect: csv.Dialect | type[csv.Dialect] = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS)
    except csv.Error:
        delimiter = max(_DELIMITERS, key=first.count)
        dialect = csv.excel_tab if delimiter == "\t" else csv.excel
    try:
        header = next(csv.reader(io.StringIO(first), dialect), [])
    except csv.Error:
        return None
    columns = header_columns(header)
    return dialect if "question" in columns and "answer" in columns else None


def read_table(text: str) -> tuple[Found, list[str], str]:
    """The rows as pairs, warnings about skipped rows, and what the header was (for messages).

    A file the csv module cannot read yields no pairs, and the reason in place of the header.
    """
    dialect = sniff(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect or csv.excel))
    except csv.Error as error:
        return Found([]), [], f"unreadable as CSV ({error})"
    header = rows[0] if rows else []
    columns = header_columns(header)
    if "question" not in columns or "answer" not in columns:
        return Found([]), [], ", ".join(header[:8])
    pairs: list[Pair] = []
    warnings: list[str] = []
    for line, row in enumerate(rows[1:], start=2):
        cell = {name: row[at].strip() if at < len(row) else "" for name, at in columns.items()}
        if not any(row):
            continue
        if not cell["question"] or not cell["answer"]:
            warnings.append(f"row {line}: no {'question' if not cell['question'] else 'answer'}; skipped")
            continue
        number = _whole_number(cell.get("id", ""))
        topics = tuple(t.strip() for t in re.split(r"[;,|]", cell.get("topics", "")) if t.strip())
        answer = compose(text_blocks(cell["answer"], text_headings=False))
        pairs.append(Pair(" ".join(cell["question"].split()), answer, number, topics=topics))
    return Found(pairs, form="a table with question and answer columns"), warnings, ", ".join(header[:8])


def _whole_number(cell: str) -> int | None:
    """An id cell's number: ASCII digits only (``²`` and ``①`` are digits to Python, not to int())."""
    return int(cell) if cell.isascii() and cell.isdigit() and len(cell) <= 10 else None
