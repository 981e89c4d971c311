"""The cache folder: where an index lives, what its name depends on, and the housekeeping that
keeps the folder bounded and clean (the identity map, locks of running builds, sweeping what
killed runs left, evicting the least recently used indexes). Only files whose names ecoqa gives
(``ecoqa-…``) are ever touched."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import stat
import time
from pathlib import Path

from ecoqa.errors import CorpusError
from ecoqa.messages import system_reason
from ecoqa.store.layout import STORE_LAYOUT
from ecoqa.version import ecoqa_version

#: Corpus files at least this large get a persistent index; smaller ones are indexed in memory.
MIN_BYTES = 256 * 1024

#: Default size limit of the cache folder; the least recently used indexes go first.
CACHE_LIMIT_MB = 1024

#: A temporary identity map nobody has written to for this long was left by a killed run.
STALE_SECONDS = 600

#: Every file the cache makes carries this mark in its name; nothing else in the folder is touched.
MARK = "ecoqa-"

_INDEX_NAME = re.compile(r"ecoqa-[0-9a-f]{64}\.sqlite3")

_BUILD_NAME = re.compile(r"\.ecoqa-[0-9a-f]{64}\.sqlite3\.[^/]+\.tmp(-journal)?")

_MAP_NAME = re.compile(r"\.ecoqa-files\.json\.[^/]+\.tmp")

#: Files remembered in the identity map (``files.json``); the oldest are forgotten first.
KNOWN_FILES = 200


def cache_dir() -> Path:
    """``ECOQA_CACHE_DIR``, else the platform's user cache directory for ecoqa."""
    configured = os.environ.get("ECOQA_CACHE_DIR")
    if configured:
        return Path(configured)
    import platformdirs

    return platformdirs.user_cache_path("ecoqa") / "index"


def cache_limit() -> int:
    """The cache size limit in bytes (``ECOQA_CACHE_MB``, default 1024)."""
    try:
        return max(0, int(os.environ.get("ECOQA_CACHE_MB", CACHE_LIMIT_MB))) * 2**20
    except ValueError:
        return CACHE_LIMIT_MB * 2**20


def _signature() -> str:
    from ecoqa.search.rank import ranking_signature

    return f"|{ecoqa_version()}|{ranking_signature()}|{STORE_LAYOUT}"


def cache_key(raw: bytes) -> str:
    """What the index depends on: the corpus bytes, ecoqa, every ranking parameter, the layout."""
    import hashlib

    return key_of(hashlib.sha256(raw).hexdigest())


def key_of(content: str) -> str:
    import hashlib

    return hashlib.sha256(f"{content}{_signature()}".encode()).hexdigest()


def wants_index(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size >= MIN_BYTES
    except OSError:
        return False


def file_identity(path: Path) -> str:
    """What changes whenever the file's content may have: its place, size and change times.

    The change time (ctime) moves on every write and cannot be set back by a user, so an edit
    that restores the modification time is still noticed.
    """
    status = os.stat(path)
    parts = (
        os.path.realpath(path),
        status.st_dev,
        status.st_ino,
        status.st_size,
        status.st_mtime_ns,
        status.st_ctime_ns,
    )
    return "|".join(map(str, parts))


def content_hash(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as error:
        raise CorpusError("{path}: cannot read ({reason}).", path=path, reason=system_reason(error)) from None
    return digest.hexdigest()


def known_files(directory: Path) -> dict[str, str]:
    try:
        path = directory / f"{MARK}files.json"
        if not regular(path):  # a FIFO or a device would block or never end
            return {}
        found = json.loads(path.read_text(encoding="utf-8"))
        return found if isinstance(found, dict) else {}
    except (OSError, ValueError, RecursionError):  # unreadable, not JSON, nested too deep: forgotten
        return {}


def remember(directory: Path, identity: str, content: str) -> None:
    """Note that a file with this identity has this content hash (atomically; failures are harmless)."""
    import tempfile

    known = known_files(directory)
    known.pop(identity, None)
    known[identity] = content
    while len(known) > KNOWN_FILES:
        known.pop(next(iter(known)))
    with contextlib.suppress(OSError):
        directory.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=directory, prefix=f".{MARK}files.json.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(known, stream)
            os.replace(name, directory / f"{MARK}files.json")
        finally:
            remove(Path(name))


def index_path(directory: Path, key: str) -> Path:
    """Where the index of *key* lives in the cache folder (a name only ecoqa gives a file)."""
    return directory / f"{MARK}{key}.sqlite3"


def regular(path: Path) -> bool:
    """True for a regular file itself (not a link, FIFO, device or folder): what may be opened
    without blocking or reading forever."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def claimed_temporary(target: Path) -> tuple[int, Path]:
    """A new temporary file beside *target*, locked for as long as this process holds the
    returned descriptor: a sweep tells the leftovers of a killed build by their free lock."""
    import tempfile

    while True:
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        if _lock(handle, wait=True) and os.fstat(handle).st_ino == _inode(name):
            return handle, Path(name)
        os.close(handle)  # swept between its making and its lock: make another


def _inode(name: str) -> int | None:
    try:
        return os.stat(name).st_ino
    except OSError:
        return None


def _lock(handle: int, *, wait: bool) -> bool:
    """An exclusive lock on an open file (released when the process ends, however it ends);
    False where another process holds it. Where there are no such locks, always True."""
    try:
        import fcntl
    except ImportError:  # Windows: a leftover is known by its age alone
        return True
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def touch(path: Path) -> None:
    """Record a use, for least-recently-used eviction (access times are often not kept)."""
    with contextlib.suppress(OSError):
        os.utime(path)


def sweep(directory: Path) -> None:
    """Remove what killed runs left in the cache: a build's temporary file once no process holds
    its lock, an identity map's once stale. Only files whose names ecoqa gives are looked at."""
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(directory):
            if _BUILD_NAME.fullmatch(entry.name):
                if not entry.name.endswith("-journal"):
                    _remove_unlocked(Path(entry.path))
                elif not os.path.lexists(entry.path.removesuffix("-journal")):
                    remove(Path(entry.path))
            elif _MAP_NAME.fullmatch(entry.name):
                with contextlib.suppress(OSError):
                    if now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
                        os.unlink(entry.path)


def _remove_unlocked(path: Path) -> None:
    """Delete a build's temporary file unless a live build holds its lock (see ``claimed_temporary``)."""
    if not regular(path):
        return
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return
    try:
        if _lock(handle, wait=False) and (_has_locks() or time.time() - os.fstat(handle).st_mtime > STALE_SECONDS):
            remove(path)
    finally:
        os.close(handle)


def _has_locks() -> bool:
    return importlib.util.find_spec("fcntl") is not None


def evict(directory: Path, keep: Path) -> None:
    """Delete the least recently used indexes until the cache fits its limit (never *keep*).
    Only ecoqa's own indexes count and go: a user's files in a shared folder stay."""
    limit = cache_limit()
    with contextlib.suppress(OSError):
        files = []
        for entry in os.scandir(directory):
            if _INDEX_NAME.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                status = entry.stat(follow_symlinks=False)
                files.append((status.st_mtime, status.st_size, Path(entry.path)))
        total = sum(size for _, size, _ in files)
        for _, size, path in sorted(files):
            if total <= limit:
                break
            if path != keep:
                remove(path)
                total -= size
