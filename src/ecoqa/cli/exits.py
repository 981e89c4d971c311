"""Exit codes, and the one map from whatever ended a command to its exit code and stderr line.

Every command runs inside ``handled`` (its ``--color`` colours the line); ``ended`` does the same
for what happens outside a command: usage errors, help, the version. Both ask ``exit_for``.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import IntEnum, unique
from typing import Any

import typer

from ecoqa.errors import CorpusError, EcoqaError, IndexDamaged, NoMatchError, OutputError
from ecoqa.messages import Message, msg, system_reason


@unique
class ExitCode(IntEnum):
    """Documented exit codes (README, ``--help``)."""

    OK = 0  # success, also when the reader of a pipe stopped reading (as ripgrep)
    NO_MATCH = 1  # a search or a filtered list found nothing
    USAGE = 2  # bad arguments, an unknown id, topic or principle, an empty query
    CORPUS = 3  # the corpus file is missing, unreadable or invalid
    INTERNAL = 70  # a bug in ecoqa (sysexits' EX_SOFTWARE)
    OUTPUT = 74  # output could not be written: a full disk, a closed stream (EX_IOERR)
    INDEX = 75  # the search index was found damaged during the command and removed: run it again (EX_TEMPFAIL)
    HUNG_UP = 129  # SIGHUP: the terminal closed (128 + 1), after removing any temporary file
    INTERRUPTED = 130  # Ctrl-C (128 + 2)
    TERMINATED = 143  # SIGTERM: a kill (128 + 15), after removing any temporary file


EXIT_CODES_HELP = (
    "Exit codes: 0 success, 1 nothing found, 2 usage error, 3 corpus error, 70 internal error, 74 output error, "
    "75 damaged index removed (run again), 129 hung up, 130 interrupted, 143 terminated."
)

#: The domain errors, most specific first; any other ``EcoqaError`` is a usage error.
_DOMAIN: tuple[tuple[type[EcoqaError], ExitCode], ...] = (
    (NoMatchError, ExitCode.NO_MATCH),
    (CorpusError, ExitCode.CORPUS),
    (OutputError, ExitCode.OUTPUT),
    (IndexDamaged, ExitCode.INDEX),
)


def exit_for(error: BaseException) -> tuple[int, str | None]:
    """The exit code for *error* and the line to show for it (None: nothing to say)."""
    from ecoqa.errors import interrupted, stopped_by

    if isinstance(error, EcoqaError):
        return next((code for kind, code in _DOMAIN if isinstance(error, kind)), ExitCode.USAGE), error.message
    if isinstance(error, OSError) and (isinstance(error, BrokenPipeError) or error.errno == errno.EPIPE):
        return ExitCode.OK, None  # the reader of a pipe stopped reading
    if isinstance(error, OSError):  # a write to stdout failed (full disk, I/O error)
        return ExitCode.OUTPUT, msg("cannot write output ({reason}).", reason=system_reason(error))
    stop = stopped_by(error)
    if stop is not None:  # a kill or hang-up (also wrapped in another error): say it, unlike Ctrl-C
        return 128 + stop.number, msg("stopped by {signal}.", signal=stop.name)
    if interrupted(error) or isinstance(error, typer.Abort):  # Ctrl-C, also wrapped in another error
        return ExitCode.INTERRUPTED, None
    usage = _usage_line(error)
    if usage is not None:
        return usage
    from ecoqa.text import one_line

    message = msg(
        "internal error ({kind}: {error}); set ECOQA_DEBUG=1 for details and please report it.",
        kind=type(error).__name__,
        error=one_line(str(error), 200),
    )
    return ExitCode.INTERNAL, message


def _usage_line(error: BaseException) -> tuple[int, Message] | None:
    """Click's usage errors as one line in ecoqa's words (see ``usage``); Click's own take three."""
    from typer._click.exceptions import ClickException

    if not isinstance(error, ClickException):
        return None
    from ecoqa.cli.usage import usage_message

    return error.exit_code, usage_message(error)


def _report(error: BaseException, color: str | None) -> int:
    """Say what ended the command (once, on stderr) and give its exit code."""
    code, message = exit_for(error)
    if code == ExitCode.INTERNAL and os.environ.get("ECOQA_DEBUG"):
        raise error
    if code == ExitCode.OK:
        quiet_pipe()
    if message is not None:
        from ecoqa.messages import say
        from ecoqa.output import write_error_line

        write_error_line(say(message), color_setting(color))
    return code


@contextmanager
def handled(
    color: str | None = None, lang: str | None = None, data: object = None, *, corpus: bool = True
) -> Iterator[None]:
    """A command's errors become one line on stderr (in its --color and language) and a documented
    exit code; until the command knows its language, it is the one ``early_language`` gives. A kill
    or hang-up is one of them (``stop_on_signals``; the console script sets it before the command
    line is read, this for a command run in-process)."""
    from ecoqa.errors import stop_on_signals
    from ecoqa.messages import begin, forget
    from ecoqa.output import prepare_streams

    begin(lambda: early_language(lang, data, corpus=corpus))
    _warned.clear()
    prepare_streams()
    try:
        with stop_on_signals():
            yield
    except typer.Exit:
        raise
    except (Exception, KeyboardInterrupt) as error:
        raise typer.Exit(_report(error, color)) from None
    finally:
        forget()


def ended(call: Callable[[], Any], early: Callable[[], str]) -> int:
    """Run the command line through *call* and return its exit code; what fails outside a command
    (a usage error, help written to a full disk) is mapped as a command's errors are, in the
    language *early* gives."""
    from ecoqa.messages import begin, forget

    begin(early)
    try:
        result = call()
    except (Exception, KeyboardInterrupt) as error:
        return _report(error, None)
    finally:
        forget()
    return result if isinstance(result, int) else ExitCode.OK


@contextmanager
def reader_gone_is_done() -> Iterator[None]:
    """Help or the version written into a pipe whose reader left ends as a command's output does:
    quietly, exit 0 (Typer's own broken-pipe path, which they would reach, exits 1)."""
    try:
        yield
    except OSError as error:
        if error.errno != errno.EPIPE:
            raise
        quiet_pipe()
        raise typer.Exit(ExitCode.OK) from None


def early_language(option: str | None, data: object = None, *, corpus: bool = True) -> str:
    """The language of what is said before a command knows its corpus: --lang, ECOQA_LANG or the
    config file's ``lang``, else the language the corpus says it is written in (*data*: --data,
    else ECOQA_DATA or the config file's ``data``, else the bundled corpus), where ecoqa speaks it,
    else English; English for a command that reads no corpus (*corpus* False: import, before it
    has read its sources). A bad setting or a config file that cannot be read is not asked (the
    command says what is wrong with it)."""
    from ecoqa.config import resolve

    for origin in (option, None):
        try:
            setting = resolve("lang", origin)
        except EcoqaError:  # a bad --lang or ECOQA_LANG, an unreadable config file: ask the next
            continue
        if setting.origin != "default":
            return setting.value
        break
    return _corpus_language(data) if corpus else "en"


def _corpus_language(data: object) -> str:
    from pathlib import Path

    from ecoqa.config import SETTINGS, resolve
    from ecoqa.corpus import stated_language

    if data is None:
        try:
            data = resolve("data").value or None
        except EcoqaError:
            return "en"
    language = stated_language(None if data is None else Path(str(data)))
    return language if language in SETTINGS["lang"][0] else "en"


def color_setting(option: str | None) -> str:
    """--color, else ECOQA_COLOR or the config file, else auto; a bad setting means auto here."""
    from ecoqa.config import resolve

    try:
        return resolve("color", option).value
    except EcoqaError:
        return "auto"


#: the warnings the running command has given (each is given once)
_warned: set[str] = set()


def warn(message: str, /, **values: object) -> None:
    """One warning line on stderr (*message*: English with ``{placeholders}`` for *values*), each once
    per command, in the language of the first time."""
    from ecoqa.messages import say
    from ecoqa.output import write_error_line

    said = message if isinstance(message, Message) and not values else Message(message, **values)
    if said not in _warned:
        _warned.add(said)
        write_error_line(say("warning: {message}", message=said))


def quiet_pipe() -> None:
    """The reader closed the pipe: point stdout at devnull so the final flush is silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass
