"""The one family of errors ecoqa shows to users; the CLI maps each class to an exit code."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from ecoqa.messages import Message, msg


class EcoqaError(Exception):
    """An error whose message is written for the user: one line, saying what to try next.

    It is given as English with ``{placeholders}`` and their values (a ``Message``), so that it is
    said in the command's language when printed; ``message`` is its English text."""

    def __init__(self, message: str, /, **values: object) -> None:
        said = message if isinstance(message, Message) and not values else Message(message, **values)
        super().__init__(said)
        self.message: Message = said


class CorpusError(EcoqaError):
    """The corpus file is missing, unreadable or invalid."""


class UsageError(EcoqaError):
    """The user asked for something that does not exist (an id, a topic) or gave an empty query."""


class NotFoundError(UsageError):
    """A named item (question id, topic, principle) is not in the corpus."""


class NoMatchError(EcoqaError):
    """A search or a filtered list found nothing: not a failure of the tool, but worth an exit code."""


class OutputError(EcoqaError):
    """Output could not be written: a full disk, a closed stream, a file that may not be replaced."""


class IndexDamaged(EcoqaError):
    """The search index was found damaged after a command began to use it. It has been removed:
    the same command, run again, rebuilds it."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(
            msg(
                "the search index {path} is damaged ({reason}); it has been removed: run the command again.",
                path=path,
                reason=reason,
            )
        )
        self.reason = reason


class StoreError(Exception):
    """The persistent index cannot be used (unreadable, corrupt, unwritable).

    Never shown as an error: the store falls back to the in-memory path and says so once.
    """


class Stopped(KeyboardInterrupt):
    """A kill (SIGTERM) or a hang-up (SIGHUP) while ecoqa runs (see ``stop_on_signals``).

    It is a KeyboardInterrupt so that it unwinds as Ctrl-C does: code that catches ``Exception``
    (ecoqa's, a library's, an event loop's) lets it pass, and every ``finally`` runs, removing a
    temporary file. The command then ends with 128 + the signal's number and one line saying so."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number

    @property
    def name(self) -> str:
        """The signal's name, as ``kill -l`` and the shell say it: SIGTERM, SIGHUP."""
        import signal

        return signal.Signals(self.number).name


def interrupted(error: BaseException | None) -> bool:
    """True when *error* is, or was raised while handling, a KeyboardInterrupt (Ctrl-C in an import)."""
    return _in_chain(error, KeyboardInterrupt) is not None


def stopped_by(error: BaseException | None) -> Stopped | None:
    """The kill or hang-up that *error* is, or was raised while handling; None for anything else."""
    found = _in_chain(error, Stopped)
    return found if isinstance(found, Stopped) else None


def _in_chain(error: BaseException | None, kind: type[BaseException]) -> BaseException | None:
    seen = 0
    while error is not None and seen < 20:
        if isinstance(error, kind):
            return error
        error = error.__cause__ or error.__context__
        seen += 1
    return None


def stop_signals() -> tuple[int, ...]:
    """The signals that ask ecoqa to stop and that it answers by cleaning up: a kill and a hang-up."""
    import signal

    return tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Inside the block, SIGTERM and SIGHUP raise ``Stopped`` instead of ending the process at once:
    it unwinds like Ctrl-C (so ``finally`` runs and a temporary file is removed), then the command
    exits 128 + the signal's number with one line on stderr. A signal that was ignored when ecoqa
    started stays ignored (``nohup ecoqa import ...`` goes on when its terminal closes)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(number: int, frame: object) -> None:
        raise Stopped(number)

    previous = {number: signal.getsignal(number) for number in stop_signals()}
    for number, handler in previous.items():
        if handler is not signal.SIG_IGN:
            signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            if handler is not None:  # None: set outside Python, cannot be put back
                signal.signal(number, handler)


@contextlib.contextmanager
def interrupts_deferred() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP that arrive inside the block wait (pending) until it ends: for making a
    temporary file and noting its name, which a signal must not cut in two. Use it inside the
    ``try`` whose ``finally`` removes the file, so the signal, delivered on leaving, unwinds there."""
    import signal
    import threading

    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, *stop_signals()})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
