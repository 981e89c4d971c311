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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ecoqa.errors import CorpusError
from ecoqa.models import Corpus
from ecoqa.schema import NonFinite, Pairs, Problem, convert
from ecoqa.text import one_line

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

#: Files larger than this are refused before reading (documented in the README).
MAX_BYTES = 200 * 1024 * 1024


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


# ---------------------------------------------------------------------------- locating


def bundled_corpus() -> Traversable:
    """The corpus shipped with ecoqa: the packaged copy, else the checkout's ``data/qa.json``."""
    beside = Path(__file__).with_name("data") / "qa.json"  # an installed wheel, found without importlib
    if beside.is_file():
        return beside
    from importlib import resources

    packaged = resources.files("ecoqa").joinpath("data/qa.json")  # zipped or unusual installs
    if packaged.is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "data" / "qa.json"
    if checkout.is_file():
        return checkout
    raise CorpusError("Bundled corpus not found; reinstall ecoqa or pass --data FILE.")


def read_corpus_bytes(path: Path, *, hint: str = "--data or ECOQA_DATA") -> bytes:
    """Read a user's corpus file, refusing directories, devices and files over ``MAX_BYTES``.

    *hint* names where the path came from, so that "file not found" says what to check.
    """
    name = str(path)
    try:
        status = os.stat(path)
    except OSError as error:
        raise CorpusError(_stat_problem(name, error, hint)) from None
    import stat

    if stat.S_ISDIR(status.st_mode):
        raise CorpusError(f"{name}: is a directory, not a corpus file.")
    if not stat.S_ISREG(status.st_mode):
        raise CorpusError(f"{name}: not a regular file (a device or pipe cannot be a corpus).")
    if status.st_size > MAX_BYTES:
        raise CorpusError(f"{name}: larger than the {MAX_BYTES // 2**20} MB limit for a corpus file.")
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise CorpusError(f"{name}: cannot read ({one_line(error.strerror or str(error))}).") from None
    if len(raw) > MAX_BYTES:
        raise CorpusError(f"{name}: larger than the {MAX_BYTES // 2**20} MB limit for a corpus file.")
    return raw


def _stat_problem(name: str, error: OSError, hint: str) -> str:
    if error.errno == errno.ENOENT:
        return f"{name}: file not found; check the path given with {hint}."
    if error.errno == errno.ELOOP:
        return f"{name}: too many levels of symbolic links (a link that points to itself?)."
    return f"{name}: cannot read ({one_line(error.strerror or str(error))})."


def load_corpus(path: Path | None = None) -> Corpus:
    """Load the corpus at *path*, or the bundled one when *path* is None."""
    if path is None:
        return parse_corpus(bundled_corpus().read_bytes(), "qa.json")
    return parse_corpus(read_corpus_bytes(path), str(path))


# ---------------------------------------------------------------------------- decoding


def decode_json(raw: bytes, source: str) -> Any:
    """Bytes to a JSON value; every failure is a ``CorpusError`` naming line and column."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorpusError(f"{source}: not valid UTF-8 (byte {error.start}); save the file as UTF-8.") from None
    if not text.strip():
        raise CorpusError(f"{source}: the file is empty; a corpus is a JSON object with a 'questions' list.")
    try:
        return json.loads(text, object_pairs_hook=_object_with_duplicates, parse_constant=_non_finite)
    except json.JSONDecodeError as error:
        raise CorpusError(f"{source}:{error.lineno}:{error.colno}: {error.msg}") from None
    except RecursionError:
        raise CorpusError(f"{source}: JSON nested too deeply to be a corpus.") from None
    except ValueError as error:  # a number with more digits than Python converts (4,300)
        detail = "a number has too many digits" if "digits" in str(error) else one_line(str(error), 120)
        raise CorpusError(f"{source}: {detail}; a corpus has ids up to 2147483647.") from None


# ---------------------------------------------------------------------------- checking


def check_corpus(raw: bytes, source: str) -> list[Problem]:
    """Every problem in corpus bytes; a syntax error is the only problem when the JSON is broken."""
    try:
        doc = decode_json(raw, source)
    except CorpusError as error:
        return [Problem("", error.message)]
    return convert(doc, source)[1]


def corpus_from_document(doc: Any, source: str) -> Corpus:
    """A decoded document to a ``Corpus``, or a ``CorpusError`` naming the first problem."""
    corpus, problems = convert(doc, source)
    if corpus is None:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise CorpusError(f"{one_line(str(problems[0]))}{more}; run 'ecoqa validate {source}' for the full list.")
    return corpus


def parse_corpus(raw: bytes, source: str) -> Corpus:
    """Bytes to a ``Corpus``, or a ``CorpusError`` naming the first problem."""
    return corpus_from_document(decode_json(raw, source), source)
