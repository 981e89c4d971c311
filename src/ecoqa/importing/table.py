"""Spreadsheets saved as CSV or TSV: the delimiter, the rows, and a pair per row.

Which column holds the questions and which the answers is ``importing/columns.py``'s to say. A
table of two columns without a header is read as question, answer. Cells are read as people type
them: a line break is a soft wrap, a blank line a new paragraph, ``- `` lines a list, Markdown
links and HTML (``<a>``, ``<br>``, ``<ul>``) for what they are (``importing/cells.py``). Excel's
quoting (``""`` in a quoted cell) is always honoured.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from ecoqa.importing.cells import cell_text
from ecoqa.importing.columns import (
    Choice,
    columns_without_names,
    first_row_is_data,
    header_columns,
    numbered_choice,
    two_columns,
    unnamed_column_by_shape,
    unnamed_columns,
    usual_width,
    whole_number,
)
from ecoqa.importing.pairs import Found, Pair
from ecoqa.messages import count, msg

_DELIMITERS = ",;\t|"


#: Excel's first line naming the delimiter of the rows below it: "sep=;".
_EXCEL_SEPARATOR = re.compile(r"\A\ufeff?sep=(?P<delimiter>[^\r\n])[ \t]*(?:\r\n|\r|\n)")


def _without_separator_line(text: str) -> tuple[str, str | None]:
    """The table without Excel's ``sep=;`` line, and the delimiter it names."""
    found = _EXCEL_SEPARATOR.match(text)
    return (text[found.end() :], found.group("delimiter")) if found else (text, None)


def dialect_of(text: str) -> csv.Dialect | type[csv.Dialect] | None:
    """The dialect of a delimited table (Excel quoting always), else None."""
    text, named = _without_separator_line(text)
    sample = text[:65536].replace("\r\n", "\n").replace("\r", "\n")  # any line ending
    first = sample.split("\n", 1)[0]
    if not any(d in first for d in _DELIMITERS):
        return None
    lines = [line for line in sample.splitlines()[:20] if line.strip()]
    steady = [d for d in _DELIMITERS if len({line.count(d) for line in lines}) == 1 and first.count(d)]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        delimiter = max(_DELIMITERS, key=first.count)
    if delimiter not in first:  # the Sniffer guessed one the first row does not use
        delimiter = max(_DELIMITERS, key=first.count)
    if steady and len(lines) > 1:  # every line split alike: that delimiter, the most often used one
        delimiter = max(steady, key=first.count)
    delimiter = named or delimiter

    class Excel(csv.excel):
        pass

    Excel.delimiter = delimiter
    Excel.doublequote = True  # the Sniffer often guesses False, which cuts a cell at its first ""
    return Excel


def sniff(text: str) -> str | None:
    """ "named" when *text* is a table whose header names a question and an answer column, "shaped"
    when it is a table of two columns (or of rows all as wide), else None."""
    dialect = dialect_of(text)
    if dialect is None:
        return None
    text = _without_separator_line(text)[0]
    try:
        rows = list(_rows(text[:65536], dialect))
    except csv.Error:
        return None
    if len(rows) < 2:
        return None
    columns, _ = header_columns(rows[0], in_words=False)
    if "question" in columns and "answer" in columns:
        return "named"
    widths = {len(row) for row in rows[:-1]}  # the last row of a sample may be cut off
    if (widths == {2} and two_columns(rows)) or (len(widths) == 1 and min(widths) >= 2 and len(rows) >= 3):
        return "shaped"
    return None


def _rows(text: str, dialect: csv.Dialect | type[csv.Dialect]) -> list[list[str]]:
    return [row for _, row in _numbered_rows(text, dialect)]


def _numbered_rows(
    text: str, dialect: csv.Dialect | type[csv.Dialect], first_line: int = 1
) -> list[tuple[int, list[str]]]:
    """The rows that hold something, each with the line of the file it starts on (a quoted cell
    may span lines; blank rows are left out but still counted). A cell may be as long as the whole
    text: the csv module's own limit (131,072 characters) would refuse a table for one long answer."""
    with _cells_as_long_as(text):
        reader = csv.reader(io.StringIO(text, newline=""), dialect)
        numbered: list[tuple[int, list[str]]] = []
        start = 1
        for row in reader:
            if any(c.strip() for c in row):
                numbered.append((start + first_line - 1, row))
            start = reader.line_num + 1
        return numbered


@contextmanager
def _cells_as_long_as(text: str) -> Iterator[None]:
    """Let the csv module read a cell as long as *text* (its own limit is 131,072 characters)."""
    limit = csv.field_size_limit()
    csv.field_size_limit(max(len(text), limit))
    try:
        yield
    finally:
        csv.field_size_limit(limit)


def _unclosed_quote_line(text: str, last_row_line: int, dialect: csv.Dialect | type[csv.Dialect]) -> int | None:
    """*last_row_line* when a quoted cell opened in the last row (starting on that line of *text*)
    is never closed: the csv module then reads the rest of the file into that one cell, silently."""
    if dialect.quotechar is None:
        return None
    tail = "".join(io.StringIO(text, newline="").readlines()[last_row_line - 1 :])
    if dialect.quotechar not in tail:
        return None
    try:
        with _cells_as_long_as(tail):
            for _ in csv.reader(io.StringIO(tail, newline=""), dialect, strict=True):
                pass
    except csv.Error as error:
        return last_row_line if "unexpected end of data" in str(error) else None
    return None


@dataclass(frozen=True)
class Unreadable:
    """A file the csv module cannot read, and its reason."""

    reason: str


@dataclass(frozen=True)
class UnclosedQuote:
    """A quoted cell never closed: the csv module would read the rest of the file into it."""

    line: int


@dataclass(frozen=True)
class Table:
    """What a table holds: its rows as pairs, warnings about rows left out, its header row (for
    messages about a table whose columns are not recognised), and why it could not be read."""

    found: Found
    warnings: list[str]
    header: tuple[str, ...] = ()
    problem: Unreadable | UnclosedQuote | None = None


def read_table(text: str, choice: Choice | None = None) -> Table:
    """The rows as pairs, warnings about skipped rows, and the header; a file the csv module
    cannot read yields no pairs, and the problem."""
    numbered = _parsed_rows(text)
    if isinstance(numbered, Table):
        return numbered
    warnings: list[str] = []
    numbered = _from_the_header(numbered, choice, warnings)
    rows = [row for _, row in numbered]
    if not rows:
        return Table(Found([]), warnings)
    header = rows[0]
    columns, languages = header_columns(header, choice)
    body = rows[1:]
    if numbered_choice(choice) and "answer" in columns and first_row_is_data(rows, columns["answer"]):
        body = rows  # columns named by number in a table without a header
    columns = unnamed_column_by_shape(columns, header, body, usual_width(rows), warnings)
    form: str = msg("a table with question and answer columns")
    if "question" not in columns or "answer" not in columns:
        inferred = unnamed_columns(rows)
        if inferred is None:
            return Table(Found([]), [], tuple(header))
        columns, body, asked = inferred
        form = (
            msg("a table without names: the column that asks, and the longest one")
            if asked
            else msg("a table without names: a column of short titles, and the longest one")
        )
        warnings += columns_without_names(columns, len(header))
    if len(languages) > 1:
        chosen = next((lang for lang in languages if header[columns["question"]].lower().endswith(lang)), languages[0])
        warnings.append(
            msg(
                "columns in {languages}: read the '{chosen}' ones (choose with --lang)",
                languages=", ".join(languages),
                chosen=chosen,
            )
        )
    lines = [line for line, _ in numbered[len(rows) - len(body) :]]
    lines, body = _whole_rows(body, lines, columns, max(len(header), usual_width(rows)), warnings)
    pairs = _pairs(body, columns, lines, warnings)
    return Table(Found(pairs, form=form), warnings, tuple(header))


def _parsed_rows(text: str) -> list[tuple[int, list[str]]] | Table:
    """The rows with the line each starts on; a ``Table`` that says why when the csv module
    cannot read them or a quote is never closed."""
    dialect = dialect_of(text) or csv.excel
    table = _without_separator_line(text)[0]
    first_line = 1 if len(table) == len(text) else 2  # Excel's sep= line is line 1
    try:
        numbered = _numbered_rows(table, dialect, first_line)
    except csv.Error as error:
        return Table(Found([]), [], problem=Unreadable(str(error)))
    unclosed = numbered and _unclosed_quote_line(table, numbered[-1][0] - first_line + 1, dialect)
    if unclosed:
        return Table(Found([]), [], problem=UnclosedQuote(unclosed + first_line - 1))
    return numbered


def _from_the_header(
    numbered: list[tuple[int, list[str]]], choice: Choice | None, warnings: list[str]
) -> list[tuple[int, list[str]]]:
    """The rows from the header on; the rows above it are left out, and said (a title, an address)."""
    above = _rows_above_the_header(numbered, choice)
    if above:
        warnings.append(
            msg(
                "{rows} above the header row left out (line {lines})",
                rows=count(above, "{n} row", "{n} rows"),
                lines=", ".join(str(line) for line, _ in numbered[:above]),
            )
        )
    return numbered[above:]


def _whole_rows(
    body: list[list[str]], lines: list[int], columns: dict[str, int], width: int, warnings: list[str]
) -> tuple[list[int], list[list[str]]]:
    """The rows and their lines without those repeating an earlier row; rows with more cells than
    the table is wide, and repeated rows, are said."""
    overflowing = _overflowing(body, lines, width)
    if overflowing:
        warnings.append(
            msg(
                "{count} with more cells than the table has columns, the cells beyond them left out (line {lines})",
                count=count(len(overflowing), "{n} row", "{n} rows"),
                lines=_some_lines(overflowing),
            )
        )
    repeated = _repeated_rows(body, lines, columns)
    if not repeated:
        return lines, body
    warnings.append(
        msg(
            "{count} repeating an earlier row cell for cell, left out (line {lines})",
            count=count(len(repeated), "{n} row", "{n} rows"),
            lines=_some_lines(repeated),
        )
    )
    left_out = set(repeated)
    kept = [(line, row) for line, row in zip(lines, body, strict=True) if line not in left_out]
    return [line for line, _ in kept], [row for _, row in kept]


def _some_lines(lines: list[int]) -> str:
    """The first five line numbers, and "…" when there are more."""
    return ", ".join(map(str, lines[:5])) + (" …" if len(lines) > 5 else "")


def _rows_above_the_header(numbered: list[tuple[int, list[str]]], choice: Choice | None) -> int:
    """How many rows stand above a header that names a question and an answer column, when the
    first row names neither: a title or the address the table came from (a Google Sheets export),
    or the ``Column1,Column2`` names an Excel query gives its columns. At most three rows."""
    if choice and (choice.question or choice.answer):
        return 0  # the user names the columns: their header is the first row
    rows = [row for _, row in numbered[:4]]
    first, _ = header_columns(rows[0], in_words=False) if rows else ({}, [])
    if "question" in first or "answer" in first:
        return 0
    for at, row in enumerate(rows[1:], start=1):
        columns, _ = header_columns(row, in_words=False)
        if "question" in columns and "answer" in columns:
            return at
    return 0


def _repeated_rows(body: list[list[str]], lines: list[int], columns: dict[str, int]) -> list[int]:
    """The lines of rows with a question and an answer that repeat an earlier row cell for cell: a
    question pasted under every group of a sheet, or two exports joined. One entry is enough; a
    question repeated with another answer, topic or id is a row of its own."""
    seen: set[tuple[str, ...]] = set()
    repeated: list[int] = []
    for line, row in zip(lines, body, strict=True):
        cells = tuple(" ".join(cell.split()) for cell in row)
        filled = all(columns[name] < len(row) and cells[columns[name]] for name in ("question", "answer"))
        if filled and cells in seen:
            repeated.append(line)
        seen.add(cells)
    return repeated


def _pairs(body: list[list[str]], columns: dict[str, int], lines: list[int], warnings: list[str]) -> list[Pair]:
    """A pair per row (*lines*: the line of the file each row starts on, for messages). A row with
    an answer and an empty question cell goes with the row above: it is the answer of a question
    left without one (its cell moved a row down), or else more of the answer above it (a merged
    cell exported as rows). A question cell without a letter (a page or step number) is empty.
    The rows left out are said in one warning for each reason."""
    no_answer: list[int] = []
    no_question: list[int] = []
    pairs: list[Pair] = []
    waiting: tuple[int, dict[str, str]] | None = None  # a row whose question has no answer yet
    for line, row in zip(lines, body, strict=True):
        cell = {name: row[at].strip() if at < len(row) else "" for name, at in columns.items()}
        if cell.get("lead"):  # the answer's first part, in a column of its own
            cell["answer"] = f"{cell['lead']}\n\n{cell['answer']}" if cell["answer"] else cell["lead"]
        if not any(c.isalpha() for c in cell["question"]):
            cell["question"] = ""
        if not cell["question"] and cell["answer"] and waiting is not None:
            cell = {**waiting[1], "answer": cell["answer"]}
        elif not cell["question"] and cell["answer"] and pairs:
            more, links = cell_text(cell["answer"])
            pairs[-1] = replace(
                pairs[-1], answer=f"{pairs[-1].answer}\n\n{more}", references=pairs[-1].references + links
            )
            continue
        elif waiting is not None:
            no_answer.append(waiting[0])
        waiting = (line, cell) if cell["question"] and not cell["answer"] else None
        if not cell["question"] or not cell["answer"]:
            if waiting is None:
                no_question.append(line)
            continue
        number = whole_number(cell.get("id", ""))
        topics = tuple(t.strip() for t in re.split(r"[;,|]", cell.get("topics", "")) if t.strip())
        answer, links = cell_text(cell["answer"])
        question = " ".join(cell_text(cell["question"])[0].split())
        if question and answer:
            pairs.append(Pair(question, answer, number, topics=topics, references=links))
    if waiting is not None:
        no_answer.append(waiting[0])
    warnings += _skipped(sorted(no_answer), msg("no answer"), "{count} without an answer, skipped (line {lines})")
    warnings += _skipped(no_question, msg("no question"), "{count} without a question, skipped (line {lines})")
    return pairs


def _skipped(lines: list[int], missing: str, template: str) -> list[str]:
    """One warning for the rows left out for one reason: the line of one, or how many and the first lines."""
    if len(lines) == 1:
        return [msg("line {line}: {missing}; skipped", line=lines[0], missing=missing)]
    if not lines:
        return []
    return [msg(template, count=count(len(lines), "{n} row", "{n} rows"), lines=_some_lines(lines))]


def _overflowing(body: list[list[str]], lines: list[int], width: int) -> list[int]:
    """The lines of rows with text in cells beyond the table's columns (a delimiter typed in a
    cell, or two records run together): that text is read by no column."""
    return [line for line, row in zip(lines, body, strict=True) if any(c.strip() for c in row[width:])]
