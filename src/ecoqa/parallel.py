"""Work shared among forked processes, results in order: a large export renders on every core.

Rendering 100,000 entries is pure Python, so threads would take turns; processes do not. The
workers are forked, so they start with everything the parent has read (the contents' headings,
the corpus's tables) without pickling it, and only their results travel back. Where ``fork``
is not safe (macOS) or does not exist (Windows), ``workers()`` says 1 and callers run serially.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from ecoqa.errors import terminate_cleanly

_Item = TypeVar("_Item")
_Result = TypeVar("_Result")

MAX_WORKERS = 2
"""Each worker adds its own memory (about 80 MB resident, half of it shared, at 100,000 entries):
two keep an export's processes under 300 MB together, and beyond a few the parent, which writes
every result, becomes the bottleneck."""

# What the forked workers inherit: set by ``ordered`` just before the pool forks.
_inherited: tuple[Callable[[Any, Any], Any], Any] | None = None


def workers() -> int:
    """How many processes may share the work here: the cores this process may use, or 1."""
    if sys.platform != "linux":  # fork is unsafe on macOS (system frameworks) and absent on Windows
        return 1
    return max(1, min(len(os.sched_getaffinity(0)), MAX_WORKERS))


def ordered(
    work: Callable[[Any, _Item], _Result],
    items: Sequence[_Item],
    state: Any,
    count: int,
    prepare: Callable[[Any], None],
) -> Iterator[_Result]:
    """``work(state, item)`` for every item, in *count* forked processes, yielded in the items' order.

    *prepare(state)* runs once in each worker before its first item (to open what must not be
    shared across a fork, such as a database connection). Ctrl-C reaches the parent only (the
    workers ignore it), and closing this iterator early, or an error in a worker, which is
    raised here, ends the workers.
    """
    with Pipeline(work, state, count, prepare) as pipeline:
        yield from pipeline.pool.imap(_run, items)


#: Held back from a worker between its fork and its own handlers (see ``_start``).
_HELD = frozenset({signal.SIGINT, signal.SIGTERM})


def _start(prepare: Callable[[Any], None]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent answers Ctrl-C and ends the pool
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's unwinding: the pool ends a worker so
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)  # a SIGTERM sent meanwhile ends it now
    assert _inherited is not None
    prepare(_inherited[1])


def _run(item: Any) -> Any:
    assert _inherited is not None
    work, state = _inherited
    return work(state, item)


def _nothing(state: Any) -> None:
    """No preparation: a worker uses only what it inherited."""


class Pipeline:
    """``work(state, item)`` in *count* forked processes for items handed in as they come
    (``put``), the results in the items' order: a producer that streams, such as an index build.

    At most two items per worker wait at a time, so a slow worker holds the producer back instead
    of letting the queue grow. Leaving the ``with`` block ends the workers, an error included.
    *prepare(state)* runs once in each worker, as for ``ordered``, which starts its pool here too.
    """

    def __init__(
        self, work: Callable[[Any, Any], Any], state: Any, count: int, prepare: Callable[[Any], None] = _nothing
    ) -> None:
        self.work, self.state, self.count, self.prepare = work, state, count, prepare
        self.waiting: deque[Any] = deque()
        self.stack = contextlib.ExitStack()

    def __enter__(self) -> Pipeline:
        import multiprocessing

        global _inherited
        with contextlib.ExitStack() as stack:  # a pool that fails to start leaves nothing behind
            _inherited = (self.work, self.state)
            stack.callback(_forget)
            stack.enter_context(terminate_cleanly())  # a kill ends the workers, before they find no parent
            context = multiprocessing.get_context("fork")
            with _held_in_workers():
                self.pool = stack.enter_context(context.Pool(self.count, initializer=_start, initargs=(self.prepare,)))
            self.stack = stack.pop_all()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stack.close()

    def put(self, item: Any) -> list[Any]:
        """Hand *item* to the workers; the results that are ready, in order."""
        self.waiting.append(self.pool.apply_async(_run, (item,)))
        ready = []
        while self.waiting and (self.waiting[0].ready() or len(self.waiting) > 2 * self.count):
            ready.append(self.waiting.popleft().get())
        return ready

    def rest(self) -> Iterator[Any]:
        """Every result still to come, in order."""
        while self.waiting:
            yield self.waiting.popleft().get()


@contextlib.contextmanager
def _held_in_workers() -> Iterator[None]:
    """Fork the workers with SIGINT and SIGTERM blocked; each unblocks them once it has its own
    handlers. Otherwise a pool ended at once (an error in the first items, ``| head``) may signal a
    worker still starting: Python clears a signal that arrives before its after-fork setup, and
    its after-fork hooks ignore the parent's handler's SystemExit; either way the worker lives on
    and the pool waits for it forever (seen: a hang within 250-500 quick pools, the other core busy).
    The pool's own thread, which forks replacements, starts here and keeps the mask."""
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def _forget() -> None:
    global _inherited
    _inherited = None
