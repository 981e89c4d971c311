"""Where output goes: the streams, colour, width, the pager, and one-line messages on stderr.

One ``Output`` per command invocation holds the whole policy, as httpie's ``Environment``
does: colour (``--color`` beats ``NO_COLOR``, which beats ``FORCE_COLOR`` and the terminal
check), width (``COLUMNS`` or the terminal, never below ``MIN_WIDTH``), and paging (output
taller than the terminal goes through ``ECOQA_PAGER``, ``PAGER`` or ``less``, only when stdout
is a terminal that is not ``TERM=dumb``; less always gets ``R``, so colours show as colours).
rich is imported only when a view is printed.
"""

from __future__ import annotations

import errno
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any

from ecoqa.errors import EcoqaError, OutputError, Stopped

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

#: Narrower terminals (or COLUMNS=0) are drawn at this width rather than not at all.
MIN_WIDTH = 20
MAX_WIDTH = 1000


def _number(name: str) -> int | None:
    try:
        value = int(os.environ.get(name, ""))
    except ValueError:
        return None
    return value if value > 0 else None


def _is_tty(stream: IO[str] | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError):  # a closed file
        return False


def stdout_is_terminal() -> bool:
    """Whether standard output goes to a terminal (not a pipe or a file)."""
    return _is_tty(sys.stdout)


def prepare_streams() -> None:
    """Never crash on a narrow encoding (cp1252, cp437, ascii): replace what cannot be shown."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


class ClosedStream:
    """Stands in for a closed stdout (``>&-``): every write fails, as on a full disk."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        """Nothing was written; the interpreter's final flush must not fail."""

    def isatty(self) -> bool:
        return False


def stdout() -> IO[str]:
    """Standard output, or an ``OutputError`` when it is closed (``>&-``)."""
    if sys.stdout is None:
        raise OutputError("cannot write output: standard output is closed.")
    return sys.stdout


def write_chunks(chunks: Iterable[str | bytes]) -> None:
    """Text, or text already encoded as UTF-8, on stdout as it comes. Bytes go straight to the
    stream's byte layer where it has one (a file or a pipe gets the document's own UTF-8, which
    an HTML page declares, whatever the locale's encoding); text goes through the stream."""
    out = stdout()
    binary: IO[bytes] | None = getattr(out, "buffer", None)
    text_pending = False
    for chunk in chunks:
        if not isinstance(chunk, bytes):
            out.write(chunk)
            text_pending = True
        elif binary is None:
            out.write(chunk.decode("utf-8"))
        else:
            if text_pending:  # text written before must come first
                out.flush()
                text_pending = False
            binary.write(chunk)
    out.flush()


def write_error_line(text: str, color: str = "auto") -> None:
    """One message line on stderr; when stderr is closed or full, the exit code still tells."""
    if sys.stderr is None:
        return
    try:
        from rich.text import Text

        from ecoqa.render import error_line

        line: Text = error_line(text)
        make_console(color, stderr=True).print(line, soft_wrap=True)
    except OSError:
        pass


def write_note_line(text: str, /, **values: object) -> None:
    """One plain line on stderr saying what a command did (as clig.dev asks), never coloured as an error;
    *text* is English with ``{placeholders}`` for *values*, said in the command's language."""
    if sys.stderr is None:
        return
    try:
        from ecoqa.messages import say
        from ecoqa.text import one_line

        sys.stderr.write(f"ecoqa: {one_line(say(text, **values), None)}\n")  # names in it may hold escape sequences
        sys.stderr.flush()
    except OSError:
        pass


def make_console(color: str, *, stderr: bool = False, file: IO[str] | None = None, width: int | None = None) -> Console:
    """A rich console: never markup, emoji or highlighting on data; colour as decided above."""
    from functools import partial

    make = partial(
        _quiet_console_class(),
        stderr=stderr,
        file=file,
        width=width,
        emoji=False,
        highlight=False,
        markup=False,
    )
    console: Console
    if color == "never":
        console = make(color_system=None, no_color=True)
    elif color == "always":
        console = make(force_terminal=True, no_color=False)
        if not console.color_system:  # under TERM=dumb rich detects no colours; "always" still means colour
            console = make(force_terminal=True, no_color=False, color_system="standard")
    elif file is not None:  # a pager: colour when the terminal behind it has colour
        console = make(force_terminal=_is_tty(sys.stdout) and not os.environ.get("NO_COLOR"))
    else:
        console = make()
    return console


_CONSOLE_CLASS: Any = None


def _quiet_console_class() -> Any:
    """rich's Console, except that a closed pipe raises ``BrokenPipeError`` instead of exiting 1."""
    global _CONSOLE_CLASS
    if _CONSOLE_CLASS is None:
        from rich.console import Console

        class PipeAwareConsole(Console):
            def on_broken_pipe(self) -> None:
                self.quiet = True
                raise BrokenPipeError

        _CONSOLE_CLASS = PipeAwareConsole
    return _CONSOLE_CLASS


def terminal_width() -> int:
    """``COLUMNS``, else the terminal's width, else 80; never below ``MIN_WIDTH``."""
    return max(MIN_WIDTH, min(_terminal_size("COLUMNS", 0, 80), MAX_WIDTH))


def terminal_height() -> int:
    """``LINES``, else the terminal's height, else 24; never below 2."""
    return max(_terminal_size("LINES", 1, 24), 2)


def _terminal_size(variable: str, at: int, default: int) -> int:
    """The number *variable* holds, else the terminal's size (*at*: 0 its columns, 1 its lines), else *default*."""
    size = _number(variable)
    if size is None:
        try:
            size = os.get_terminal_size(sys.__stdout__.fileno())[at] if sys.__stdout__ else default
        except (OSError, ValueError):
            size = default
    return size or default


def pager_command() -> str:
    """As git: ``ECOQA_PAGER``, the config file's ``pager``, ``PAGER``, else ``less``.

    An empty value or ``cat`` turns paging off.
    """
    if "ECOQA_PAGER" in os.environ:
        return os.environ["ECOQA_PAGER"].strip()
    from ecoqa.config import read_file

    try:
        configured = read_file().get("pager")
    except EcoqaError:
        configured = None
    if configured is not None:
        return configured
    return os.environ.get("PAGER", "less").strip()


class Output:
    """Output policy for one command: text to stdout, views through rich, long output paged."""

    def __init__(self, color: str = "auto", *, paging: bool = True) -> None:
        self.color = color
        self.tty = _is_tty(sys.stdout)
        dumb = os.environ.get("TERM") == "dumb"  # less would stop at "terminal is not fully functional"
        self.paging = paging and self.tty and not dumb and pager_command() not in ("", "cat")
        self.width = terminal_width()
        self._sink: _Sink | None = None

    @property
    def sink(self) -> _Sink:
        if self._sink is None:
            self._sink = _Sink(stdout(), self.paging, terminal_height())
        return self._sink

    def write(self, text: str) -> None:
        """Plain text (JSON, tab-separated rows) as it is produced."""
        self.sink.write(text)

    def console(self) -> Console:
        """A console for rich views, drawing into stdout or the pager."""
        sink = self.sink
        if sink.paging:
            return make_console(self.color, file=sink, width=self.width)  # type: ignore[arg-type]
        console = make_console(self.color, width=self.width)
        if not self.tty:  # a file or a pipe gets no padding after the last character of a line
            console.file = _Trimmed(stdout())  # type: ignore[assignment]
        return console

    def print(self, renderable: RenderableType, *, crop: bool = True) -> None:
        """Draw *renderable*; ``crop=False`` leaves a line wider than the screen whole (the terminal wraps it)."""
        self.console().print(renderable, crop=crop)

    def close(self) -> None:
        """Flush what is buffered; wait for the pager, if one was started."""
        if self._sink is not None:
            self._sink.close()


class _Trimmed:
    """A stream whose lines lose the spaces rich pads them with (piped ``--table``, a view in a file)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.encoding = getattr(stream, "encoding", None) or "utf-8"

    def write(self, text: str) -> int:
        self.stream.write(_PADDING.sub("\n", text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self.stream.fileno()


_PADDING = re.compile(r" +\n")


class _Sink:
    """Text to stdout, or to a pager once the text is taller than the terminal.

    Lines are held until they fill the screen; only then is the pager started, so short
    output never flickers through it and long output streams into it as it is produced.
    """

    def __init__(self, stream: IO[str], paging: bool, height: int) -> None:
        self.stream = stream
        self.paging = paging
        self.height = height
        self.held: list[str] = []
        self.lines = 0
        self.pager: subprocess.Popen[str] | None = None

    # rich treats the sink as a file
    encoding = "utf-8"

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        raise OSError("a pager sink has no file descriptor")

    def write(self, text: str) -> int:
        if self.pager is not None:
            _send(self.pager, text)
        elif self.paging:
            self.held.append(text)
            self.lines += text.count("\n")
            if self.lines >= self.height:
                self._start_pager()
        else:
            self.stream.write(text)
        return len(text)

    def flush(self) -> None:
        if self.pager is None and not self.paging:
            self.stream.flush()

    def _start_pager(self) -> None:
        held, self.held = "".join(self.held), []
        command = pager_command()
        environment = dict(os.environ)
        if "LESS" not in environment:
            environment["LESS"] = "FRX"  # as git: raw colours, no screen clearing
        elif "R" not in environment["LESS"] and _program(command) == "less":
            environment["LESS"] += " -R"  # as bat: the user's LESS, and colours that show as colours
        environment.setdefault("LV", "-c")
        try:
            self.pager = subprocess.Popen(
                shlex.split(command),
                stdin=subprocess.PIPE,
                env=environment,
                text=True,
                encoding=getattr(self.stream, "encoding", None) or "utf-8",
                errors="replace",
            )
        except (OSError, ValueError):  # no such pager: print as if there were none
            self.paging = False
            self.stream.write(held)
            return
        _send(self.pager, held)

    def close(self) -> None:
        if self.pager is not None:
            try:
                if self.pager.stdin:
                    self.pager.stdin.close()
            except BrokenPipeError:
                pass
            finally:
                _wait(self.pager)
        elif self.held:
            self.stream.write("".join(self.held))
            self.held = []
            self.stream.flush()
        else:
            self.stream.flush()


def _program(command: str) -> str:
    """The program a pager command runs (``less`` for ``/usr/bin/less -S``)."""
    try:
        words = shlex.split(command)
    except ValueError:
        return ""
    return os.path.basename(words[0]) if words else ""


def _send(pager: subprocess.Popen[str], text: str) -> None:
    if pager.stdin is None:
        raise BrokenPipeError
    pager.stdin.write(text)


def _wait(pager: subprocess.Popen[str]) -> None:
    while True:
        try:
            pager.wait()
            return
        except Stopped:  # a kill or hang-up stops ecoqa, pager or not
            raise
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager while it runs (less keeps running)
            continue


@contextmanager
def index_progress() -> Iterator[Callable[[str, int, int], None] | None]:
    """While a large index builds: a progress bar on stderr with the phase it is in, then one line
    with the time of each phase. Nothing when stderr is not a terminal."""
    if not _is_tty(sys.stderr):
        yield None
        return
    import time

    from rich.progress import Progress

    from ecoqa.messages import say

    phases: dict[str, float] = {}
    with Progress(console=make_console("auto", stderr=True), transient=True) as bar:
        task = bar.add_task(say("indexing"), total=None)

        def update(stage: str, done: int, total: int) -> None:  # stage: English, said in the catalogue's words
            phases.setdefault(stage, time.monotonic())
            bar.update(task, description=say(stage), completed=done, total=total or None)

        yield update
    if phases:
        starts = [*phases.values(), time.monotonic()]
        took = ", ".join(
            f"{say(stage)} {end - start:.1f} s"
            for stage, start, end in zip(phases, starts[:-1], starts[1:], strict=True)
        )
        seconds = f"{starts[-1] - starts[0]:.1f}"
        write_note_line(
            "built the search index in {seconds} s ({took}); later commands use it.", seconds=seconds, took=took
        )
