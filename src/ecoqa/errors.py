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


def interrupted(error: BaseException | None) -> bool:
    """True when *error* is, or was raised while handling, a KeyboardInterrupt (Ctrl-C in an import)."""
    seen = 0
    while error is not None and seen < 20:
        if isinstance(error, KeyboardInterrupt):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


@contextlib.contextmanager
def terminate_cleanly() -> Iterator[None]:
    """While writing, SIGTERM unwinds like Ctrl-C (so ``finally`` runs: a temporary file is
    removed) and exits 143, instead of stopping at once."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(number: int, frame: object) -> None:
        raise SystemExit(128 + number)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def interrupts_deferred() -> Iterator[None]:
    """SIGINT and SIGTERM that arrive inside the block wait (pending) until it ends: for making a
    temporary file and noting its name, which a signal must not cut in two. Use it inside the
    ``try`` whose ``finally`` removes the file, so the signal, delivered on leaving, unwinds there."""
    import signal
    import threading

    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
