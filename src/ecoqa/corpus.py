"""Locate, read and decode a corpus file, then check and build it (see ``ecoqa.schema``).

``check_corpus`` lists every problem (for ``ecoqa validate``); ``parse_corpus`` raises the first
one; ``load_corpus`` adds the file I/O. Nothing here prints or exits.
"""

from __future__ import annotations

import codecs
import errno
import json
import math
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ecoqa.bundled import bundled_corpus as bundled_corpus
from ecoqa.errors import CorpusError
from ecoqa.messages import Message, msg, system_reason
from ecoqa.models import Corpus, Entry
from ecoqa.schema import SECTIONS, Checker, Document, convert
from ecoqa.shapes import NonFinite, Pairs, Problem, kind_of
from ecoqa.text import clean_text, one_line

#: Files larger than this are refused before reading, with a message that names the limit.
MAX_BYTES = 200 * 1024 * 1024
#: Files at least this large are read as a stream, never whole (and get a persistent index).
STREAM_BYTES = 256 * 1024


def _object_with_duplicates(pairs: list[tuple[str, Any]]) -> Pairs:
    obj = Pairs()
    seen: list[str] = []
    for key, value in pairs:
        if key in obj:
            seen.append(key)
        obj[key] = value
    obj.duplicates = tuple(seen)
    return obj


def _non_finite(name: str) -> NonFinite:
    return NonFinite(math.nan)


def read_corpus_bytes(path: Path, *, hint: str = "--data or ECOQA_DATA") -> bytes:
    """Read a user's corpus file, refusing directories, devices and files over ``MAX_BYTES``.

    *hint* names where the path came from, so that "file not found" says what to check.
    """
    read_corpus_bytes_checked(path, hint=hint)
    return read_bounded(path, msg("a corpus file"))


def read_bounded(path: Path, what: Message) -> bytes:
    """At most ``MAX_BYTES`` of *path*, read whole; more (a file that grew, or a pipe, whose size
    only reading tells) is a ``CorpusError`` naming *what* the limit is for. Callers check first
    what kind of file they accept (a corpus must be a regular file; an import source may be a pipe)."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise CorpusError("{path}: cannot read ({reason}).", path=path, reason=system_reason(error)) from None
    if len(raw) > MAX_BYTES:
        raise CorpusError(
            "{path}: larger than the {limit} MB limit for {what}.", path=path, limit=MAX_BYTES // 2**20, what=what
        )
    return raw


def read_corpus_bytes_checked(path: Path, *, hint: str = "--data or ECOQA_DATA") -> os.stat_result:
    """The file's status, or a ``CorpusError`` saying why it cannot be a corpus (nothing is read)."""
    name = str(path)
    try:
        status = os.stat(path)
    except OSError as error:
        raise CorpusError(_stat_problem(name, error, hint)) from None
    import stat

    if stat.S_ISDIR(status.st_mode):
        raise CorpusError("{path}: is a directory, not a corpus file.", path=name)
    if not stat.S_ISREG(status.st_mode):
        raise CorpusError("{path}: not a regular file (a device or pipe cannot be a corpus).", path=name)
    if status.st_size > MAX_BYTES:
        limit = MAX_BYTES // 2**20
        raise CorpusError(
            "{path}: larger than the {limit} MB limit for {what}.", path=name, limit=limit, what=msg("a corpus file")
        )
    if not os.access(path, os.R_OK):
        raise CorpusError("{path}: cannot read ({reason}).", path=name, reason=msg("Permission denied"))
    return status


def _stat_problem(name: str, error: OSError, hint: str) -> Message:
    if error.errno == errno.ENOENT:
        return msg("{path}: file not found; check the path given with {option}.", path=name, option=msg(hint))
    if error.errno == errno.ELOOP:
        return msg("{path}: too many levels of symbolic links (a link that points to itself?).", path=name)
    return msg("{path}: cannot read ({reason}).", path=name, reason=system_reason(error))


def load_corpus(path: Path | None = None) -> Corpus:
    """Load the corpus at *path*, or the bundled one when *path* is None."""
    if path is None:
        return parse_corpus(bundled_corpus().read_bytes(), "qa.json")
    return parse_corpus(read_corpus_bytes(path), str(path))


# ---------------------------------------------------------------------------- decoding


#: Python's JSON messages that end in "at" (it would add where): said whole, where is file:line:column.
_JSON_MESSAGES = {
    "Unterminated string starting at": msg("a string is never closed"),
    "Invalid control character at": msg(
        "a control character inside a string (write a line break as \\n, a tab as \\t)"
    ),
}


def syntax_error(source: str, line: int, column: int, message: str, at_end: bool) -> CorpusError:
    """A JSON syntax error as ``file:line:column: what``; an error at the end of the file, or a
    string that runs into it, says the file may be cut off (a partial download or copy)."""
    what = _JSON_MESSAGES.get(message) or msg(message)  # Python's words, in the catalogue as JSON_SYNTAX
    if at_end or message.startswith("Unterminated string"):
        return CorpusError(
            "{source}:{line}:{column}: {what}; the file ends before its JSON does (is it cut off?)",
            source=source,
            line=line,
            column=column,
            what=what,
        )
    return CorpusError("{source}:{line}:{column}: {what}", source=source, line=line, column=column, what=what)


def decode_json(raw: bytes, source: str) -> Any:
    """Bytes to a JSON value; every failure is a ``CorpusError`` naming line and column."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorpusError(
            "{source}: not valid UTF-8 (byte {byte}); save the file as UTF-8.", source=source, byte=error.start
        ) from None
    if not text.strip():
        raise CorpusError(
            "{source}: the file is empty; a corpus is a JSON object with a 'questions' list.", source=source
        )
    try:
        return json.loads(text, object_pairs_hook=_object_with_duplicates, parse_constant=_non_finite)
    except json.JSONDecodeError as error:
        raise syntax_error(source, error.lineno, error.colno, error.msg, error.pos >= len(text.rstrip())) from None
    except (RecursionError, ValueError) as error:
        raise _not_decoded(source, error) from None


def _not_decoded(source: str, error: RecursionError | ValueError) -> CorpusError:
    """What the decoder could not make of valid JSON syntax: nesting too deep for Python, or a number
    with more digits than Python converts (4,300)."""
    if isinstance(error, RecursionError):
        return CorpusError("{source}: JSON nested too deeply to be a corpus.", source=source)
    detail = msg("a number has too many digits") if "digits" in str(error) else one_line(str(error), 120)
    return CorpusError("{source}: {detail}; a corpus has ids up to 2147483647.", source=source, detail=detail)


# ---------------------------------------------------------------------------- checking


def check_corpus(raw: bytes, source: str) -> list[Problem]:
    """Every problem in corpus bytes; a syntax error is the only problem when the JSON is broken."""
    return _checked(raw, source)[0]


def _checked(raw: bytes, source: str) -> tuple[list[Problem], dict[str, Any]]:
    """``check_corpus``, and the document's top-level values ({} when it is no JSON object)."""
    try:
        doc = decode_json(raw, source)
    except CorpusError as error:
        return [Problem("", error.message)], {}
    return convert(doc, source)[1], doc if isinstance(doc, dict) else {}


def corpus_from_document(doc: Any, source: str) -> Corpus:
    """A decoded document to a ``Corpus``, or a ``CorpusError`` naming the first problem."""
    corpus, problems = convert(doc, source)
    if corpus is None:
        raise too_many_problems(problems, source)
    return corpus


def too_many_problems(problems: Sequence[Problem], source: str) -> CorpusError:
    """The error for a corpus with *problems*: the first, how many more, and how to see them all."""
    if not problems:
        return CorpusError("{source}: not a corpus; run 'ecoqa validate {source}' for the full list.", source=source)
    first = problems[0].said()
    if len(problems) > 1:
        return CorpusError(
            "{problem} (and {more} more); run 'ecoqa validate {source}' for the full list.",
            problem=first,
            more=len(problems) - 1,
            source=source,
        )
    return CorpusError("{problem}; run 'ecoqa validate {source}' for the full list.", problem=first, source=source)


def parse_corpus(raw: bytes, source: str) -> Corpus:
    """Bytes to a ``Corpus``, or a ``CorpusError`` naming the first problem."""
    return corpus_from_document(decode_json(raw, source), source)


# ---------------------------------------------------------------------------- streaming a large file


class JsonStream:
    """A corpus file read in chunks: top-level keys and values, and the questions one at a time.

    A 200 MB file never sits in memory as one object tree: each question is decoded (by the
    C decoder) and handed on, then dropped. Errors carry the same ``file:line:column`` as
    ``decode_json``. Kept over ijson's faster C backend, whose objects drop the duplicate keys
    ``validate`` reports and whose errors have no line and column (``benchmarks/json_stream.py``).
    """

    CHUNK = 1 << 20

    def __init__(self, handle: Any, source: str, read: Callable[[int], None] | None = None) -> None:
        self.handle = handle
        self.read = read  # told the bytes read so far after each chunk (a build's progress)
        self.source = source
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.json = json.JSONDecoder(object_pairs_hook=_object_with_duplicates, parse_constant=_non_finite)
        self.buffer = ""
        self.pos = 0
        self.eof = False
        self.consumed_lines = 0  # newlines in text already dropped from the buffer
        self.consumed_chars_in_line = 0
        self.bytes_read = 0
        self.first = True

    def _fill(self, at_least: int = 0) -> None:
        """Read more text; keep what is not yet parsed."""
        dropped = self.buffer[: self.pos]
        newlines = dropped.count("\n")
        self.consumed_lines += newlines
        self.consumed_chars_in_line = (
            len(dropped) - dropped.rfind("\n") - 1 if newlines else self.consumed_chars_in_line + len(dropped)
        )
        self.buffer = self.buffer[self.pos :]
        self.pos = 0
        size = max(self.CHUNK, at_least)
        chunk = self.handle.read(size)
        try:
            if self.first:
                chunk = chunk.removeprefix(codecs.BOM_UTF8)
                self.first = False
            text = self.decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            raise CorpusError(
                "{source}: not valid UTF-8 (byte {byte}); save the file as UTF-8.",
                source=self.source,
                byte=self.bytes_read + error.start,
            ) from None
        self.bytes_read += len(chunk)
        if self.read is not None:
            self.read(self.bytes_read)
        self.eof = not chunk
        self.buffer += text

    def _where(self, position: int) -> tuple[int, int]:
        before = self.buffer[:position]
        newlines = before.count("\n")
        line = self.consumed_lines + newlines + 1
        column = position - before.rfind("\n") if newlines else self.consumed_chars_in_line + position + 1
        return line, column

    def _skip_space(self) -> str:
        """The next significant character (not consumed), or "" at the end."""
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buffer) or self.eof:
                return self.buffer[self.pos : self.pos + 1]
            self._fill()

    def _fail(self, message: str) -> CorpusError:
        line, column = self._where(self.pos)
        return syntax_error(self.source, line, column, message, self.eof and self.pos >= len(self.buffer))

    def _expect(self, char: str, message: str) -> None:
        if self._skip_space() != char:
            raise self._fail(message)
        self.pos += 1

    def value(self) -> Any:
        """Decode the next JSON value, reading more of the file until it is whole."""
        self._skip_space()
        while True:
            try:
                value, end = self.json.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as error:
                if self.eof:
                    line, column = self._where(error.pos)
                    at_end = error.pos >= len(self.buffer.rstrip())
                    raise syntax_error(self.source, line, column, error.msg, at_end) from None
                # read as much again as is pending: a long value is re-parsed a few times, not forever
                self._fill(len(self.buffer) - self.pos)
                continue
            except (RecursionError, ValueError) as error:
                raise _not_decoded(self.source, error) from None
            if end == len(self.buffer) and not self.eof:  # a number may go on in the next chunk
                self._fill()
                continue
            self.pos = end
            return value

    def events(self) -> Iterator[tuple[str, Any]]:
        """("key", name) for each top-level key, ("section", (name, value)) for each value but the
        questions, ("question", item) for each question, ("list", None) for a bare list of questions."""
        first = self._skip_space()
        if not first:
            raise CorpusError(
                "{source}: the file is empty; a corpus is a JSON object with a 'questions' list.", source=self.source
            )
        if first == "[":
            yield "list", None
            yield from self._questions()
        elif first == "{":
            self.pos += 1
            yield from self._members()
        else:
            yield "section", ("", self.value())  # not an object: the checker says so
        if self._skip_space():
            raise self._fail("Extra data")

    def _members(self) -> Iterator[tuple[str, Any]]:
        if self._skip_space() == "}":
            self.pos += 1
            return
        while True:
            if self._skip_space() != '"':
                raise self._fail("Expecting property name enclosed in double quotes")
            name = self.value()
            yield "key", name
            self._expect(":", "Expecting ':' delimiter")
            if name == "questions" and self._skip_space() == "[":
                yield from self._questions()
            else:
                yield "section", (name, self.value())
            if self._closed_by("}"):
                return

    def _questions(self) -> Iterator[tuple[str, Any]]:
        self._expect("[", "Expecting value")
        if self._skip_space() == "]":
            self.pos += 1
            yield "empty", None
            return
        while True:
            yield "question", self.value()
            if self._closed_by("]"):
                return

    def _closed_by(self, close: str) -> bool:
        """Past the ',' before the next item (False) or the *close* that ends the list or object (True)."""
        following = self._skip_space()
        if following not in (",", close):
            raise self._fail("Expecting ',' delimiter")
        self.pos += 1
        return following == close


def check_stream(
    path: Path, source: str, on_entry: Callable[[Entry, Any], None] | None = None,
    answers: Callable[[Sequence[int]], dict[int, str]] | None = None, checker: Checker | None = None,
    read: Callable[[int], None] | None = None,
) -> tuple[Checker, Document | None, list[Problem]]:  # fmt: skip
    """Check a corpus file as a stream of questions, handing each good entry to *on_entry*.

    The answers that evidence quotes cite come from *answers* (a store being built), or from a
    second pass over the file. *read* is told how many bytes have been read, as they are.
    """
    checker = checker or Checker(source)
    seen: set[str] = set()
    questions = False
    try:
        with open(path, "rb") as handle:
            for kind, value in JsonStream(handle, source, read).events():
                if kind == "key":
                    checker.key(value, value in seen)
                    seen.add(value)
                    questions = questions or value == "questions"
                elif kind == "list":
                    questions = True
                elif kind == "section":
                    _section(checker, *value)
                elif kind == "empty":
                    checker.head.add("questions", "the list is empty; a corpus needs at least one question")
                else:
                    entry = checker.question(value)
                    if entry is not None and on_entry is not None:
                        on_entry(entry, value)
    except OSError as error:
        raise CorpusError("{path}: cannot read ({reason}).", path=source, reason=system_reason(error)) from None
    if not questions and not checker.head.problems:
        checker.head.add(None, "missing required field 'questions' (a list of {id, question, answer})")
    parts, problems = checker.finish(answers or (lambda ids: _answers_of(path, source, ids)))
    return checker, parts, problems


def _section(checker: Checker, name: str, value: Any) -> None:
    if name == "":
        checker.head.add(None, msg("must be an object, not {kind}", kind=kind_of(value)))
    elif name == "questions":
        checker.head.add("questions", msg("must be a list of objects, not {kind}", kind=kind_of(value)))
    elif name in SECTIONS:
        checker.section(name, value)


def _answers_of(path: Path, source: str, ids: Sequence[int]) -> dict[int, str]:
    """A second pass over a large file for the answers that evidence quotes cite."""
    wanted = set(ids)
    found: dict[int, str] = {}
    with open(path, "rb") as handle:
        for kind, value in JsonStream(handle, source).events():
            is_wanted = kind == "question" and isinstance(value, dict) and value.get("id") in wanted
            if is_wanted and isinstance(value.get("answer"), str):
                found[value["id"]] = clean_text(value["answer"])
    return found


def check_file(path: Path) -> list[Problem]:
    """Every problem in a corpus file: small files at once, large ones as a stream (bounded memory)."""
    return checked_file(path)[0]


def checked_file(path: Path) -> tuple[list[Problem], dict[str, Any]]:
    """``check_file``, and the file's top-level values but the questions (``schema.version_note``
    asks them), from the same one reading of the file."""
    try:
        large = path.stat().st_size >= STREAM_BYTES
    except OSError:
        large = False
    if not large:
        return _checked(read_corpus_bytes(path, hint="the command line"), str(path))
    read_corpus_bytes_checked(path, hint="the command line")
    try:
        checker, _, problems = check_stream(path, str(path))
    except CorpusError as error:
        return [Problem("", error.message)], {}
    return problems, checker.sections


# ---------------------------------------------------------------------------- its language, before it is read


def stated_language(path: Path | None) -> str:
    """The language a corpus file says it is written in (its "collection", or version 1's "webinar"),
    read from the top of the file up to its questions, nothing after them checked or kept: what is
    said before a command has read its corpus speaks the corpus's language. "" when the file does
    not say it before its questions, or is no corpus that can be read (the command says why later).
    *path* None is the bundled corpus."""
    import stat

    try:
        if path is not None and not stat.S_ISREG(os.stat(path).st_mode):
            return ""  # a pipe or device: never read twice, nor waited on
        with (bundled_corpus() if path is None else path).open("rb") as handle:
            for kind, value in JsonStream(handle, str(path)).events():
                if kind in ("question", "list", "empty"):
                    return ""
                name, block = value if kind == "section" else ("", None)
                if name in ("collection", "webinar") and isinstance(block, dict):
                    language = block.get("language")
                    return language if isinstance(language, str) else ""
    except (OSError, CorpusError, ValueError, RecursionError):
        return ""
    return ""
