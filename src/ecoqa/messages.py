"""Every message ecoqa writes for a user (errors, warnings, notes, reports) in English and Dutch.

A message is made where something happens, as its English template and values (``Message``), and
said where it is printed, in the language settled for the command (``say``). The English template is
the key of the Dutch catalogue (``catalogue.DUTCH``), so a call site reads as the English it prints.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence

#: the language settled for the running command (one process, one command): set by ``settle``
_settled: list[str] = []
#: how to find the language before the command settles it (see ``begin``)
_early: list[Callable[[], str]] = []


class Message(str):
    """The English text of a message, which knows its template and values so that ``said`` can give
    it in Dutch. Values that are messages themselves are said in the same language."""

    template: str
    values: dict[str, object]
    clause: bool

    def __new__(cls, template: str, /, **values: object) -> Message:
        self = super().__new__(cls, _filled(template, values, "en"))
        self.template = template
        self.values = values
        self.clause = False
        return self

    def said(self, lang: str) -> str:
        """This message in *lang* (English for a language without a catalogue, or a template missing from it)."""
        text = str(self)
        if lang != "en":
            with contextlib.suppress(KeyError, IndexError, ValueError):  # a translation that does not fit: English
                text = _filled(_template(self.template, lang), self.values, lang)
        return text.rstrip(".") if self.clause else text


def msg(template: str, /, **values: object) -> Message:
    """A message to say later: *template* is the English text with ``{placeholders}`` for *values*."""
    return Message(template, **values)


def clause(message: str) -> Message:
    """*message* without its final full stop, to be part of a longer message ("…; using the defaults.")."""
    part = message if isinstance(message, Message) else Message(message)
    copy = Message(part.template, **part.values)
    copy.clause = True
    return copy


def count(n: int, one: str, many: str) -> Message:
    """A number and its noun in the right form: ``count(n, "{n} question", "{n} questions")``."""
    return Message(one if n == 1 else many, n=n)


def joined(items: Sequence[str], separator: str) -> Message:
    """*items* (messages or names) joined by *separator* (" and ", " or "), each said in the same language."""
    template = "{separator}".join(f"{{item{number}}}" for number in range(len(items)))
    return Message(template, separator=Message(separator), **{f"item{n}": item for n, item in enumerate(items)})


def system_reason(error: OSError) -> str:
    """Why the system refused (a file not found, a full disk), as a message: its words are the
    system's English ("No such file or directory"), said in Dutch where the catalogue has them."""
    return Message(error.strerror) if error.strerror else " ".join(str(error).split())[:300]


def reason_of(error: BaseException) -> str:
    """Why *error* happened, as a message where ecoqa wrote it (else the library's or system's words)."""
    first = error.args[0] if error.args else None
    return first if isinstance(first, Message) else str(error)


def say(text: str, /, **values: object) -> str:
    """*text* (a ``Message``, or a template filled with *values*) in the language settled for the command."""
    message = text if isinstance(text, Message) and not values else Message(text, **values)
    return message.said(spoken())


def settle(lang: str) -> None:
    """The command has settled its interface language (from --lang, ECOQA_LANG, config or the corpus)."""
    _settled[:] = [lang]


def begin(early: Callable[[], str]) -> None:
    """A command begins: nothing is settled yet; until it is, *early* gives the language (asked once,
    when a message is said: --lang, ECOQA_LANG or the config file, else English)."""
    _settled.clear()
    _early[:] = [early]


def forget() -> None:
    """The command has ended: what is said next (library use, the next command) starts unsettled."""
    _settled.clear()
    _early.clear()


def spoken() -> str:
    """The language to say things in: the one settled for the command, else the early one, else English."""
    if not _settled:
        _settled.append(_early[0]() if _early else "en")
    return _settled[0]


def _template(template: str, lang: str) -> str:
    from ecoqa.catalogue import DUTCH

    return DUTCH.get(template, template) if lang == "nl" else template


def _filled(template: str, values: dict[str, object], lang: str) -> str:
    said = {k: v.said(lang) if isinstance(v, Message) else v for k, v in values.items()}
    return template.format(**said) if values else template
