"""Writing a user's files safely: atomically, never over the corpus being read, never by surprise."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ecoqa.errors import OutputError, UsageError, terminate_cleanly


def same_file(a: Path, b: Path) -> bool:
    """True when *a* and *b* name one file, however spelled (``./x``, a symlink, a hard link)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_target(path: Path, *, force: bool, protected: Iterable[Path] = ()) -> Path:
    """The file to write for *path* (symlinks followed), or a usage error saying why not."""
    for source in protected:
        if same_file(path, source):
            raise UsageError(f"{path} is the corpus being read; write the output to another file.")
    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise UsageError(f"{path} is a directory; give a file name.")
    if os.path.lexists(path) and not force:
        raise UsageError(f"{path} exists; pass --force to replace it.")
    return target


def write_atomic(
    path: Path, chunks: Iterable[str | bytes], *, force: bool = False, protected: Iterable[Path] = ()
) -> None:
    """Write *chunks* (text, or text already encoded as UTF-8) to *path* through a temporary file
    in the same folder, then rename it.

    A full disk, a kill or Ctrl-C leaves the old file as it was and no partial file.
    """
    target = check_target(path, force=force, protected=protected)
    with terminate_cleanly():
        _write_through_temporary(path, target, chunks)


def _write_through_temporary(path: Path, target: Path, chunks: Iterable[str | bytes]) -> None:
    try:
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}.") from None
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.writelines(chunk if isinstance(chunk, bytes) else chunk.encode("utf-8") for chunk in chunks)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}.") from None
    finally:
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
