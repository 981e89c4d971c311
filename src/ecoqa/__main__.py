"""Run ecoqa as ``python -m ecoqa``; ``main`` is also the ``ecoqa`` console script.

This module imports nothing heavy itself, so that Ctrl-C while the rest loads still ends
quietly with exit code 130 instead of a traceback. A Ctrl-C that lands outside ``main``'s
``try`` (while the launcher imports this module and calls ``main``, or while Python exits) ends
the process by the signal, as Ctrl-C does, without a traceback: the hooks below are set when this
module is imported, which both launchers (the console script and ``python -m``) do first. Only a
Ctrl-C in Python's own start-up, before any line of ecoqa runs, is beyond them. A kill (SIGTERM)
or hang-up (SIGHUP) is answered from the first line of ``main`` on: the command cleans up, says
"stopped by SIGTERM." and exits 128 + the signal's number; before that line it ends the process by
the signal, with nothing written. (No ``from __future__ import``: it would load a module before the
hooks are set.)
"""

import errno
import os
import sys
from types import TracebackType


def _quiet_interrupt(kind: type[BaseException], value: BaseException, traceback: TracebackType | None, /) -> None:
    """``sys.excepthook``: an uncaught KeyboardInterrupt prints nothing (Python then ends the
    process by SIGINT, which the shell shows as 130); anything else is shown as before."""
    if issubclass(kind, KeyboardInterrupt):
        return
    _previous_excepthook(kind, value, traceback)


def _ignore_lost_interrupt(unraisable: "sys.UnraisableHookArgs", /) -> None:
    """``sys.unraisablehook``: a Ctrl-C that lands in code that cannot raise (a weakref callback of
    the import system, a ``__del__``) is lost to Python; say nothing rather than "Exception ignored"
    and a traceback. The command goes on and ends as it would have (a kill or hang-up too: the file
    it writes is then complete); other errors are shown as before."""
    if issubclass(unraisable.exc_type, KeyboardInterrupt):
        return
    _previous_unraisablehook(unraisable)


_previous_excepthook, sys.excepthook = sys.excepthook, _quiet_interrupt
_previous_unraisablehook, sys.unraisablehook = sys.unraisablehook, _ignore_lost_interrupt


def main() -> None:
    try:
        from ecoqa.errors import stop_on_signals

        with stop_on_signals():  # from here on a kill or hang-up cleans up and says so (128 + its number)
            if "_ECOQA_COMPLETE" in os.environ and _completed():
                return
            from ecoqa.cli import run

            code = run()
    except KeyboardInterrupt as error:
        code = _stopped(error)
    except Exception as error:  # Ctrl-C inside an import can surface wrapped in another error
        from ecoqa.errors import interrupted

        if not interrupted(error):
            raise
        code = _stopped(error)
    sys.exit(_flushed(code))


def _stopped(error: BaseException) -> int:
    """Ctrl-C outside a command: 130, quietly; a kill or hang-up there (while ecoqa loads): 128 + its
    number and the line a command says for it (in English: no command has settled a language)."""
    from ecoqa.errors import stopped_by
    from ecoqa.messages import say

    stop = stopped_by(error)
    if stop is None:
        return 130
    _say(say("stopped by {signal}.", signal=stop.name))
    return 128 + stop.number


def _flushed(code: int) -> int:
    """Flush stdout and stderr before Python's own exit does: a write that fails there (a full
    disk, ``> /dev/full``) would print "Exception ignored" and exit 120. Here it is the output
    error it is (74, one line) and the stream is pointed at devnull so the last flush is quiet."""
    for stream, number in ((sys.stdout, 1), (sys.stderr, 2)):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError) as error:
            _silence(number)
            if number == 1 and code == 0:
                code = _mapped(error if isinstance(error, OSError) else OSError(errno.EBADF, str(error)))
    return code


def _mapped(error: OSError) -> int:
    """The exit code the one map (``ecoqa.cli.exits.exit_for``) gives a failed write, its line said:
    74 for a full disk or a closed stream, 0 for a reader that left."""
    from ecoqa.cli.exits import exit_for

    code, message = exit_for(error)
    if message is not None:
        _say(message)
    return code


def _silence(number: int) -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, number)
        os.close(devnull)
    except OSError:
        pass


def _say(message: str) -> None:
    try:
        sys.stderr.write(f"ecoqa: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        _silence(2)


def _completed() -> bool:
    """A value for the shell's TAB, answered without loading Typer (see ``ecoqa.completion``)."""
    from ecoqa.completion import answer

    text = answer(os.environ)
    if text is None:
        return False
    sys.stdout.write(text + "\n")
    return True


if __name__ == "__main__":
    main()
