"""Spreadsheets saved as CSV or TSV: a question and an answer column, found by name or by shape.

Columns are found by their header names in English and Dutch (``question``/``vraag``/``query``/
``q``/``title``, ``answer``/``antwoord``/``response``/``a``/``body``) and the words for question and
answer in German, French, Spanish, Italian and Portuguese, with a language suffix in any language
(``q_en``, ``question_fr``, ``antwort_de``) chosen by ``--lang``; ``--question-column``/``--answer-column`` name
them when the header uses other words. A table of two columns without a header is read as
question, answer. Cells are read as people type them: a line break is a soft wrap, a blank line
a new paragraph, ``- `` lines a list, Markdown links and HTML (``<a>``, ``<br>``, ``<ul>``) for
what they are (``importing/cells.py``). Excel's quoting (``""`` in a quoted cell) is always honoured.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from ecoqa.errors import CorpusError
from ecoqa.importing.cells import cell_text
from ecoqa.importing.pairs import Found, Pair
from ecoqa.importing.questions import asks
from ecoqa.messages import count, msg
from ecoqa.text import fold

#: Header names, folded, for each column ecoqa reads.
COLUMNS = {
    "question": (
        "question",
        "questions",
        "vraag",
        "vragen",
        "query",
        "q",
        "title",
        "onderwerp",
        "faq",
        "vraagstelling",
        # the same word in German, French, Spanish, Italian and Portuguese (accents folded)
        "frage",
        "fragen",
        "pregunta",
        "preguntas",
        "domanda",
        "domande",
        "pergunta",
        "perguntas",
    ),
    "answer": (
        "answer",
        "answers",
        "antwoord",
        "antwoorden",
        "response",
        "a",
        "body",
        "reply",
        "responses",
        "antwoordtekst",
        "antwort",
        "antworten",
        "reponse",
        "reponses",
        "respuesta",
        "respuestas",
        "risposta",
        "risposte",
        "resposta",
        "respostas",
    ),
    "topics": (
        "topics",
        "topic",
        "onderwerpen",
        "tags",
        "tag",
        "category",
        "categories",
        "categorie",
        "thema",
        "rubriek",
    ),
    "id": ("id", "nr", "no", "number", "nummer", "#"),
}
_DELIMITERS = ",;\t|"
_SUFFIX = re.compile(r"^(?P<base>.+?)[\s_.\-(\[]+(?P<lang>[a-z]{2})[)\]]?$")


@dataclass(frozen=True)
class Choice:
    """Which columns the user named (``--question-column``/``--answer-column``) and which language to take."""

    question: str | None = None
    answer: str | None = None
    lang: str | None = None


def _key(name: str) -> str:
    return fold(name).strip().strip(":").strip()


def header_columns(
    header: list[str], choice: Choice | None = None, *, in_words: bool = True
) -> tuple[dict[str, int], list[str]]:
    """Which column holds what, and the languages of suffixed question/answer columns found.

    *in_words*: a name among other words ("Antwoord of oplossing") counts too; telling a table from
    text by its first line takes exact names only.

    Of language-suffixed columns (``q_en``/``a_en``, ``question_fr``/``answer_fr``) the language
    chosen with ``--lang`` is read, else the first; naming one language's question (or answer)
    column with ``--question-column`` reads the same language's other column too, in any language.
    """
    choice = choice or Choice()
    keys = [_key(name) for name in header]
    found: dict[str, int] = {}
    for column, names in COLUMNS.items():
        at = next((at for at, key in enumerate(keys) if key in names), None)
        if at is not None:
            found[column] = at
    for column in ("question", "answer") if in_words else ():
        if column not in found:
            at = _column_named_in_words(keys, column, set(found.values()))
            if at is not None:
                found[column] = at
    by_lang = _suffixed_columns(keys)
    languages: list[str] = []
    if "question" not in found or "answer" not in found:
        languages = [lang for lang, cols in by_lang.items() if len(cols) == 2]
        wanted = {"question", "answer"} - set(found)
        if not languages:  # one column per language, the other shared: question_en, question_ur, answer
            languages = [lang for lang, cols in by_lang.items() if wanted <= set(cols)]
        if languages:
            lang = next((code for code in _language_and_primary(choice.lang) if code in languages), languages[0])
            found.update(by_lang[lang] if len(by_lang[lang]) == 2 else {c: by_lang[lang][c] for c in wanted})
    named = {
        column: getattr(choice, column) for column in ("question", "answer") if getattr(choice, column) is not None
    }
    for column, name in named.items():
        found[column] = _named_column(header, name, column)
        suffixed = _SUFFIX.match(keys[found[column]])
        other = "answer" if column == "question" else "question"
        if suffixed and other not in named and other in by_lang.get(suffixed.group("lang"), {}):
            found[other] = by_lang[suffixed.group("lang")][other]
    return found, languages


def _language_and_primary(tag: str | None) -> list[str]:
    """``--lang pt-br`` looks for ``_pt-br`` columns, then ``_pt``."""
    return [tag, tag.split("-")[0]] if tag else []


def _column_named_in_words(keys: list[str], column: str, taken: set[int]) -> int | None:
    """A header that says what it holds among other words: "Antwoord of oplossing", "Answer text",
    "Vraag van de klant". Only whole words of four letters or more count ("a", "q" and "faq" do
    not), in a name of at most four words, and a column already taken is not taken again."""
    names = {name for name in COLUMNS[column] if len(name) >= 4 and name != "faq"}
    for at, key in enumerate(keys):
        words = re.findall(r"\w+", key)
        named = len(words) <= 4 and len(key) <= 40  # a column's name, not a sentence that says "answer"
        if at not in taken and named and names & set(words) and not set(words) & set(COLUMNS["id"]):
            return at  # and not "Question ID"
    return None


def _question_column_by_shape(body: list[list[str]], columns: dict[str, int], width: int) -> int | None:
    """With the answers' column named and none named for the questions: of the other columns, the
    one whose cells most often ask, else the one with the longest cells that differ from row to row
    (a question is a sentence; keywords, categories and page numbers are short or repeat)."""
    taken = set(columns.values())
    candidates = [at for at in range(width) if at not in taken]
    rows = [row for row in body if len(row) >= width]
    if not candidates or not rows:
        return None

    def cells(at: int) -> list[str]:
        return [row[at].strip() for row in rows if row[at].strip()]

    def varied(at: int) -> bool:
        values = cells(at)
        return len(values) * 2 >= len(rows) and len(set(values)) * 4 >= len(values) * 3

    def asking(at: int) -> int:
        return sum(1 for cell in cells(at) if asks(cell))

    def length(at: int) -> float:
        values = cells(at)
        return sum(len(v) for v in values) / len(values) if values else 0.0

    textual = [at for at in candidates if varied(at) and any(not _whole_number(c) for c in cells(at))]
    if not textual:
        return None
    best = max(textual, key=lambda at: (asking(at) * 2 >= len(rows), length(at)))
    return best


def _answer_column_by_shape(body: list[list[str]], columns: dict[str, int], width: int) -> int | None:
    """With the questions' column named and none named for the answers (``document_text``,
    ``explanation``): the other column with the longest text, filled in half the rows or more and
    longer than the questions on average (ids, categories and keywords are shorter)."""
    taken = set(columns.values())
    rows = [row for row in body if len(row) >= width]
    if not rows:
        return None
    length = {at: _mean_length(rows, at) for at in range(width) if at not in taken}
    filled = [at for at in length if sum(1 for row in rows if row[at].strip()) * 2 >= len(rows)]
    if not filled:
        return None
    best = max(filled, key=lambda at: length[at])
    return best if length[best] > _mean_length(rows, columns["question"]) else None


def _suffixed_columns(keys: list[str]) -> dict[str, dict[str, int]]:
    """Question and answer columns by the language their name ends in: ``q_de`` -> {"de": {"question": at}}."""
    by_lang: dict[str, dict[str, int]] = {}
    for at, key in enumerate(keys):
        suffixed = _SUFFIX.match(key)
        if not suffixed:
            continue
        for column in ("question", "answer"):
            if suffixed.group("base") in COLUMNS[column]:
                by_lang.setdefault(suffixed.group("lang"), {}).setdefault(column, at)
    return by_lang


def _named_column(header: list[str], name: str, column: str) -> int:
    keys = [_key(h) for h in header]
    if _key(name) in keys:
        return keys.index(_key(name))
    if name.isdigit() and 1 <= int(name) <= len(header):
        return int(name) - 1
    raise CorpusError(
        "no column '{name}' for --{column}-column; the header has: {header}.",
        name=name,
        column=column,
        header=", ".join(header[:12]) or msg("nothing"),
    )


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
    if (widths == {2} and _two_columns(rows)) or (len(widths) == 1 and min(widths) >= 2 and len(rows) >= 3):
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


def _usual_width(rows: list[list[str]]) -> int:
    """The number of cells most rows have."""
    return Counter(len(row) for row in rows).most_common(1)[0][0]


def _two_columns(rows: list[list[str]]) -> bool:
    """A headerless question-and-answer table: most cells of its first column ask."""
    asking = sum(1 for row in rows if asks(row[0]))
    return asking * 2 >= len(rows)


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
    warnings: list[str] = []
    above = _rows_above_the_header(numbered, choice)
    if above:
        warnings.append(
            msg(
                "{rows} above the header row left out (line {lines})",
                rows=count(above, "{n} row", "{n} rows"),
                lines=", ".join(str(line) for line, _ in numbered[:above]),
            )
        )
        numbered = numbered[above:]
    rows = [row for _, row in numbered]
    if not rows:
        return Table(Found([]), warnings)
    header = rows[0]
    columns, languages = header_columns(header, choice)
    body = rows[1:]
    if _numbered_choice(choice) and "answer" in columns and _first_row_is_data(rows, columns["answer"]):
        body = rows  # columns named by number in a table without a header
    form: str = msg("a table with question and answer columns")
    if "answer" in columns and "question" not in columns:
        at = _question_column_by_shape(body, columns, _usual_width(rows))
        if at is not None:
            columns = {**columns, "question": at}
            warnings.append(
                msg(
                    "no question column named: read '{name}' as the questions (name another with --question-column)",
                    name=header[at],
                )
            )
    if "question" in columns and "answer" not in columns:
        at = _answer_column_by_shape(body, columns, _usual_width(rows))
        if at is not None:
            columns = {**columns, "answer": at}
            warnings.append(
                msg(
                    "no answer column named: read '{name}' as the answers (name another with --answer-column)",
                    name=header[at],
                )
            )
    if "question" not in columns or "answer" not in columns:
        inferred = _unnamed_columns(rows)
        if inferred is None:
            return Table(Found([]), [], tuple(header))
        columns, body, asked = inferred
        form = (
            msg("a table without names: the column that asks, and the longest one")
            if asked
            else msg("a table without names: a column of short titles, and the longest one")
        )
        if "lead" in columns:
            warnings.append(
                msg(
                    "no column names: read column {question} as the questions and columns {lead} and {answer} "
                    "as the answers (name others with --question-column/--answer-column)",
                    question=columns["question"] + 1,
                    lead=columns["lead"] + 1,
                    answer=columns["answer"] + 1,
                )
            )
        elif len(header) > 2:
            warnings.append(
                msg(
                    "no column names: read column {question} as the questions and column {answer} as the answers "
                    "(name others with --question-column/--answer-column)",
                    question=columns["question"] + 1,
                    answer=columns["answer"] + 1,
                )
            )
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
    overflowing = _overflowing(body, lines, max(len(header), _usual_width(rows)))
    if overflowing:
        warnings.append(
            msg(
                "{count} with more cells than the table has columns, the cells beyond them left out (line {lines})",
                count=count(len(overflowing), "{n} row", "{n} rows"),
                lines=", ".join(map(str, overflowing[:5])) + (" …" if len(overflowing) > 5 else ""),
            )
        )
    repeated = _repeated_rows(body, lines, columns)
    if repeated:
        warnings.append(
            msg(
                "{count} repeating an earlier row cell for cell, left out (line {lines})",
                count=count(len(repeated), "{n} row", "{n} rows"),
                lines=", ".join(map(str, repeated[:5])) + (" …" if len(repeated) > 5 else ""),
            )
        )
        left_out = set(repeated)
        kept = [(line, row) for line, row in zip(lines, body, strict=True) if line not in left_out]
        lines, body = [line for line, _ in kept], [row for _, row in kept]
    pairs = _pairs(body, columns, lines, warnings)
    return Table(Found(pairs, form=form), warnings, tuple(header))


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
        number = _whole_number(cell.get("id", ""))
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
    shown = ", ".join(map(str, lines[:5])) + (" …" if len(lines) > 5 else "")
    return [msg(template, count=count(len(lines), "{n} row", "{n} rows"), lines=shown)]


def _unnamed_columns(rows: list[list[str]]) -> tuple[dict[str, int], list[list[str]], bool] | None:
    """A table whose header names no question column: the column whose cells mostly ask holds the
    questions (a first row that does not ask is a header), else a column of short titles (topics,
    problems stated) beside much longer text; the column with the longest text holds the answers.
    The last value says whether the questions were found by asking (else they are titles)."""
    width = _usual_width(rows)
    if width < 2:
        return None
    body = [row for row in rows if len(row) >= width]
    asking = [sum(1 for row in body if asks(row[at])) for at in range(width)]
    length = [_mean_length(body, at) for at in range(width)]
    question = max(range(width), key=lambda at: asking[at])
    asked = asking[question] * 2 >= len(body)
    if not asked:
        titles = _title_column(body, width, length)
        if titles is None:
            return None
        question = titles
    answer = max((at for at in range(width) if at != question), key=lambda at: length[at])
    columns = {"question": question, "answer": answer}
    lead = _answer_lead_column(body, columns, length)
    if lead is not None:
        columns["lead"] = lead
    first = rows[0]
    header_row = (  # a first row that does not ask, or that holds no sentence, is a header
        len(first) > question and not asks(first[question]) if asked else not _first_row_is_data(rows, answer)
    )
    return columns, rows[1:] if header_row else rows, asked


def _overflowing(body: list[list[str]], lines: list[int], width: int) -> list[int]:
    """The lines of rows with text in cells beyond the table's columns (a delimiter typed in a
    cell, or two records run together): that text is read by no column."""
    return [line for line, row in zip(lines, body, strict=True) if any(c.strip() for c in row[width:])]


def _numbered_choice(choice: Choice | None) -> bool:
    """Whether the user named the columns by their numbers only (``--question-column 1``), as for a
    table without a header."""
    named = [name for name in (choice.question, choice.answer) if name is not None] if choice else []
    return bool(named) and all(name.isdigit() for name in named)


def _mean_length(rows: list[list[str]], at: int) -> float:
    """The mean length of a column's filled cells."""
    cells = [row[at].strip() for row in rows if at < len(row) and row[at].strip()]
    return sum(len(cell) for cell in cells) / len(cells) if cells else 0.0


def _title_column(body: list[list[str]], width: int, length: list[float]) -> int | None:
    """The leftmost column of titles: filled in nine rows of ten, each different, with letters, short
    (60 characters on average at most) and a third of the longest column's length at most. A table
    of topics and texts ("Opening hours | We are open ...") or of problems and their solutions."""
    if len(body) < 3:
        return None
    longest = max(length)
    for at in range(width):
        cells = [row[at].strip() for row in body if row[at].strip()]
        filled = len(cells) * 10 >= len(body) * 9
        different = len(set(cells)) * 10 >= len(cells) * 9
        worded = all(any(c.isalpha() for c in cell) for cell in cells)
        if filled and different and worded and length[at] <= 60 and length[at] * 3 <= longest:
            return at
    return None


def _answer_lead_column(body: list[list[str]], columns: dict[str, int], length: list[float]) -> int | None:
    """A column of text between the questions and the answers, as long as half the answers or
    more, filled in a third of the rows or more: the first part of the answer ("Explanation" before
    "Solution", "Cause" before "Fix")."""
    question, answer = columns["question"], columns["answer"]
    for at in range(question + 1, answer):
        filled = sum(1 for row in body if row[at].strip()) * 3 >= len(body)
        if filled and length[at] >= 40 and length[at] * 2 >= length[answer]:
            return at
    return None


def _first_row_is_data(rows: list[list[str]], answer: int) -> bool:
    """Whether a table's first row is a row of data rather than its header: its answer cell is a
    sentence (more than three words, or over 40 characters), not a column's name of a word or two."""
    first = rows[0][answer].strip() if answer < len(rows[0]) else ""
    return len(first) > 40 or len(first.split()) > 3


def _whole_number(cell: str) -> int | None:
    """An id cell's number: ASCII digits only (``²`` and ``①`` are digits to Python, not to int())."""
    return int(cell) if cell.isascii() and cell.isdigit() and len(cell) <= 10 else None
