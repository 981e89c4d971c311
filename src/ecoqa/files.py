"""Writing a user's files safely: atomically, never over the corpus being read, never by surprise.

What is at the named path decides how it is written:

- a regular file, or no file yet: through a temporary file in the same folder, renamed over it;
- a symlink: its target is written that way, and the link stays;
- a character device, FIFO or socket (``/dev/null``, ``/dev/stdout``, a named pipe): the output is
  written straight into it; nothing is created, renamed or replaced, so ``--force`` is not needed;
- a directory, a block device, the corpus being read, or a file installed with ecoqa: refused.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ecoqa.errors import OutputError, UsageError, interrupts_deferred, stop_on_signals
from ecoqa.messages import system_reason


def same_file(a: Path, b: Path) -> bool:
    """True when *a* and *b* name one file, however spelled (``./x``, a symlink, a hard link)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def named_file(raw: str) -> Path:
    """The file an ``-o`` value names, or a usage error when it names none: nothing, or a name that
    ends in '/' (a folder, whether or not it exists; a Path would drop the slash and write a file)."""
    if not raw:
        raise UsageError("-o needs a file name ('-' for stdout).")
    if raw.endswith(("/", "/.")) or (os.altsep and raw.endswith(os.altsep)) or raw in (".", ".."):
        raise UsageError("{path} names a folder; give a file name.", path=raw)
    return Path(raw)


def check_folder(path: Path) -> None:
    """An ``OutputError`` at once when *path* could not be written: its folder (a symlink's target's)
    is missing, not a folder, or not writable. Commands ask this before their work, so that a long
    import does not end in that error; a device, FIFO or socket is written into, so needs nothing."""
    mode = _mode_of(path)
    if mode is not None and is_stream(mode):
        return
    folder = Path(os.path.realpath(path)).parent
    try:
        if not stat.S_ISDIR(os.stat(folder).st_mode):
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
    except OSError as error:
        raise OutputError("cannot write {path}: {reason}.", path=path, reason=error.strerror or error) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError("cannot write {path}: {reason}.", path=path, reason=os.strerror(_unwritable_because(folder)))


def _unwritable_because(folder: Path) -> int:
    """EROFS for a folder on a read-only mount, else EACCES (its permissions)."""
    try:
        return errno.EROFS if os.statvfs(folder).f_flag & os.ST_RDONLY else errno.EACCES
    except OSError:
        return errno.EACCES


def check_target(path: Path, *, force: bool, protected: Iterable[Path] = ()) -> Path:
    """The file to write for *path* (symlinks followed), or a usage error saying why not."""
    for source in protected:
        if same_file(path, source):
            raise UsageError("{path} is the corpus being read; write the output to another file.", path=path)
    target = Path(os.path.realpath(path))
    if installed_with_ecoqa(target):
        raise UsageError("{path} belongs to the installed ecoqa; write the output to another file.", path=path)
    mode = _mode_of(path)
    if mode is not None and stat.S_ISDIR(mode):
        raise UsageError("{path} is a directory; give a file name.", path=path)
    if mode is not None and stat.S_ISBLK(mode):
        raise UsageError("{path} is a block device; give a file name.", path=path)
    if mode is not None and is_stream(mode):
        return Path(path)
    if os.path.lexists(path) and not force:
        raise UsageError("{path} exists; pass --force to replace it.", path=path)
    return target


def is_stream(mode: int) -> bool:
    """A character device, FIFO or socket: written into as it is, never replaced."""
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def _mode_of(path: Path) -> int | None:
    """The mode of what *path* names (symlinks followed); None when nothing is there yet."""
    try:
        return os.stat(path).st_mode
    except OSError:
        return None


def installed_with_ecoqa(target: Path) -> bool:
    """True when *target* (resolved) is a file of the installed ecoqa: anything in its package
    folder, any file its installation recorded (scripts, metadata), or the bundled corpus that
    an editable install reads from the checkout."""
    package = Path(__file__).resolve().parent
    if target == package or package in target.parents:
        return True
    return any(same_file(target, installed) for installed in _installed_files())


def _installed_files() -> Iterator[Path]:
    yield Path(__file__).resolve().parents[2] / "data" / "qa.json"  # a checkout's (editable) bundled corpus
    from importlib import metadata

    try:
        recorded = metadata.distribution("ecoqa").files or []
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return
    for name in recorded:
        located = Path(str(name.locate()))
        if located.suffix != ".pth":  # a .pth names the source folder, already covered above
            yield located


def write_atomic(
    path: Path, chunks: Iterable[str | bytes], *, force: bool = False, protected: Iterable[Path] = ()
) -> None:
    """Write *chunks* (text, or text already encoded as UTF-8) to *path*.

    A file is written through a temporary file in the same folder, then renamed: a full disk, a
    kill or Ctrl-C leaves the old file as it was and no partial file. A device, FIFO or socket is
    written straight into (see the module's docstring).
    """
    target = check_target(path, force=force, protected=protected)
    mode = _mode_of(target)
    with stop_on_signals():
        if mode is not None and is_stream(mode):
            _write_into_stream(path, mode, chunks)
        else:
            _write_through_temporary(path, target, chunks)


def _encoded(chunks: Iterable[str | bytes]) -> Iterator[bytes]:
    return (chunk if isinstance(chunk, bytes) else chunk.encode("utf-8") for chunk in chunks)


def _write_into_stream(path: Path, mode: int, chunks: Iterable[str | bytes]) -> None:
    try:
        if stat.S_ISSOCK(mode):
            _send_to_socket(path, chunks)
            return
        handle = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC)  # never O_CREAT, never O_TRUNC
        with os.fdopen(handle, "wb") as stream:
            if stat.S_ISREG(os.fstat(stream.fileno()).st_mode):  # replaced by a file since it was checked
                raise UsageError("{path} changed into a file while ecoqa was writing; nothing was written.", path=path)
            stream.writelines(_encoded(chunks))
    except OSError as error:
        raise OutputError("cannot write {path}: {reason}.", path=path, reason=system_reason(error)) from None


def _send_to_socket(path: Path, chunks: Iterable[str | bytes]) -> None:
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.connect(str(path))
        for chunk in _encoded(chunks):
            connection.sendall(chunk)


def _temporary_prefix(target: Path, pid: int) -> str:
    """The name of a temporary file says it is ecoqa's, for which file, and which process made it."""
    return f".{target.name}.ecoqa-{pid}-"


def _sweep_stale_temporaries(target: Path) -> None:
    """Remove the temporary files for *target* left by an ecoqa process that no longer runs (one
    killed with SIGKILL had no chance to): only names this module makes, never another file."""
    start = f".{target.name}.ecoqa-"
    try:
        names = [n for n in os.listdir(target.parent) if n.startswith(start) and n.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        pid = name[len(start) :].split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            with contextlib.suppress(OSError):
                os.unlink(target.parent / name)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: running
        return True
    return True


def _write_through_temporary(path: Path, target: Path, chunks: Iterable[str | bytes]) -> None:
    _sweep_stale_temporaries(target)
    temporary: Path | None = None
    try:
        with interrupts_deferred():  # a Ctrl-C or kill while the file is made waits until it has a name
            handle, name = tempfile.mkstemp(
                dir=target.parent, prefix=_temporary_prefix(target, os.getpid()), suffix=".tmp"
            )
            temporary = Path(name)
        with os.fdopen(handle, "wb") as stream:
            stream.writelines(_encoded(chunks))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except OSError as error:
        raise OutputError("cannot write {path}: {reason}.", path=path, reason=system_reason(error)) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (0666 less the umask)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
