"""Which column of a table holds the questions and which the answers: by name, by the user's
choice, or by the shape of its cells.

Columns are found by their header names in English and Dutch (``question``/``vraag``/``query``/
``q``/``title``, ``answer``/``antwoord``/``response``/``a``/``body``) and the words for question and
answer in German, French, Spanish, Italian and Portuguese, with a language suffix in any language
(``q_en``, ``question_fr``, ``antwort_de``) chosen by ``--lang``; ``--question-column``/``--answer-column`` name
them when the header uses other words. A table that names neither is read by the shape of its
cells: the column that asks, or short titles, beside the longest text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ecoqa.errors import CorpusError
from ecoqa.importing.questions import asks
from ecoqa.messages import msg
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


def numbered_choice(choice: Choice | None) -> bool:
    """Whether the user named the columns by their numbers only (``--question-column 1``), as for a
    table without a header."""
    named = [name for name in (choice.question, choice.answer) if name is not None] if choice else []
    return bool(named) and all(name.isdigit() for name in named)


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

    textual = [at for at in candidates if varied(at) and any(not whole_number(c) for c in cells(at))]
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


def unnamed_column_by_shape(
    columns: dict[str, int], header: list[str], body: list[list[str]], width: int, warnings: list[str]
) -> dict[str, int]:
    """*columns* with the question or the answer column the header does not name found by the
    shape of its cells, and said."""
    if "answer" in columns and "question" not in columns:
        at = _question_column_by_shape(body, columns, width)
        if at is not None:
            columns = {**columns, "question": at}
            warnings.append(
                msg(
                    "no question column named: read '{name}' as the questions (name another with --question-column)",
                    name=header[at],
                )
            )
    if "question" in columns and "answer" not in columns:
        at = _answer_column_by_shape(body, columns, width)
        if at is not None:
            columns = {**columns, "answer": at}
            warnings.append(
                msg(
                    "no answer column named: read '{name}' as the answers (name another with --answer-column)",
                    name=header[at],
                )
            )
    return columns


def unnamed_columns(rows: list[list[str]]) -> tuple[dict[str, int], list[list[str]], bool] | None:
    """A table whose header names no question column: the column whose cells mostly ask holds the
    questions (a first row that does not ask is a header), else a column of short titles (topics,
    problems stated) beside much longer text; the column with the longest text holds the answers.
    The last value says whether the questions were found by asking (else they are titles)."""
    width = usual_width(rows)
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
        len(first) > question and not asks(first[question]) if asked else not first_row_is_data(rows, answer)
    )
    return columns, rows[1:] if header_row else rows, asked


def columns_without_names(columns: dict[str, int], width: int) -> list[str]:
    """What a table without column names was read as, when it had a choice (a lead column, or
    more than two columns)."""
    if "lead" in columns:
        return [
            msg(
                "no column names: read column {question} as the questions and columns {lead} and {answer} "
                "as the answers (name others with --question-column/--answer-column)",
                question=columns["question"] + 1,
                lead=columns["lead"] + 1,
                answer=columns["answer"] + 1,
            )
        ]
    if width > 2:
        return [
            msg(
                "no column names: read column {question} as the questions and column {answer} as the answers "
                "(name others with --question-column/--answer-column)",
                question=columns["question"] + 1,
                answer=columns["answer"] + 1,
            )
        ]
    return []


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


def first_row_is_data(rows: list[list[str]], answer: int) -> bool:
    """Whether a table's first row is a row of data rather than its header: its answer cell is a
    sentence (more than three words, or over 40 characters), not a column's name of a word or two."""
    first = rows[0][answer].strip() if answer < len(rows[0]) else ""
    return len(first) > 40 or len(first.split()) > 3


def usual_width(rows: list[list[str]]) -> int:
    """The number of cells most rows have."""
    return Counter(len(row) for row in rows).most_common(1)[0][0]


def two_columns(rows: list[list[str]]) -> bool:
    """A headerless question-and-answer table: most cells of its first column ask."""
    asking = sum(1 for row in rows if asks(row[0]))
    return asking * 2 >= len(rows)


def _mean_length(rows: list[list[str]], at: int) -> float:
    """The mean length of a column's filled cells."""
    cells = [row[at].strip() for row in rows if at < len(row) and row[at].strip()]
    return sum(len(cell) for cell in cells) / len(cells) if cells else 0.0


def whole_number(cell: str) -> int | None:
    """An id cell's number: ASCII digits only (``²`` and ``①`` are digits to Python, not to int())."""
    return int(cell) if cell.isascii() and cell.isdigit() and len(cell) <= 10 else None
