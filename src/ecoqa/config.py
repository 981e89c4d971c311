"""Settings a user sets once: environment variables, then a small file in the user's config folder.

Precedence, highest first: a command-line option, ``ECOQA_LANG`` / ``ECOQA_COLOR`` /
``ECOQA_PAGER`` / ``ECOQA_DATA``, the config file (``ecoqa config KEY VALUE`` writes it), the
built-in default. The file holds ``key = value`` lines; ``ECOQA_CONFIG`` points at another file
(tests, several profiles).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ecoqa.errors import EcoqaError, OutputError, UsageError
from ecoqa.messages import clause, msg, system_reason

#: key -> (allowed values or () for any text, default, environment variable)
SETTINGS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "lang": (("nl", "en"), "nl", "ECOQA_LANG"),
    "color": (("auto", "always", "never"), "auto", "ECOQA_COLOR"),
    "pager": ((), "", "ECOQA_PAGER"),
    "data": ((), "", "ECOQA_DATA"),
}
#: Spellings accepted for languages, any case.
LANGUAGES = {"nl": "nl", "dutch": "nl", "nederlands": "nl", "en": "en", "english": "en", "engels": "en"}


def config_path() -> Path:
    configured = os.environ.get("ECOQA_CONFIG")
    if configured:
        return Path(configured)
    import platformdirs

    return platformdirs.user_config_path("ecoqa") / "config"


class Setting(NamedTuple):
    key: str
    value: str
    origin: str  # "option", an environment variable, the config file's path, or "default"


def normalise(key: str, value: str) -> str:
    """A value as stored: languages by their code, in lower case; an error for an unknown value."""
    allowed = SETTINGS[key][0]
    text = value.strip()
    if key == "lang":
        text = LANGUAGES.get(text.casefold(), text.casefold())
    elif allowed:
        text = text.casefold()
    if allowed and text not in allowed:
        raise UsageError(
            "{key} must be one of {allowed}, not {value}.", key=key, allowed=", ".join(allowed), value=repr(value)
        )
    return text


def read_file(path: Path | None = None) -> dict[str, str]:
    """The settings in the config file; a missing file has none, a broken line is an error."""
    return dict(_read(path or config_path()))


#: A config file holds a few short lines; anything larger is not one.
MAX_CONFIG_BYTES = 64 * 1024


@lru_cache(maxsize=4)
def _read(path: Path) -> dict[str, str]:
    """Read once per process: one command asks for several settings."""
    text = _config_text(path)
    if text is None:
        return {}
    found: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        key = key.strip()
        if not sep or key not in SETTINGS:
            keys = ", ".join(SETTINGS)
            raise UsageError(
                "{path}:{line}: expected 'key = value' with a key out of {keys}.", path=path, line=number, keys=keys
            )
        found[key] = normalise(key, value)
    return found


def _config_text(path: Path) -> str | None:
    """The config file's text; None when there is none (a missing file or folder).

    Only a regular file is read, and only its first ``MAX_CONFIG_BYTES``: a device or FIFO named
    as the config file would block every command or never end.
    """
    import stat

    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise UsageError(
                "{path}: the config file is not a regular file (a device or pipe cannot be one).", path=path
            )
        with path.open("rb") as handle:
            raw = handle.read(MAX_CONFIG_BYTES + 1)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise UsageError(
            "{path}: cannot read the config file ({reason}).", path=path, reason=system_reason(error)
        ) from None
    if len(raw) > MAX_CONFIG_BYTES:
        limit = MAX_CONFIG_BYTES // 1024
        raise UsageError("{path}: the config file is larger than {limit} KB; it cannot be one.", path=path, limit=limit)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UsageError(
            "{path}: the config file is not valid UTF-8 (byte {byte}).", path=path, byte=error.start + 1
        ) from None


def resolve(key: str, option: str | None = None, warn: Callable[[str], None] | None = None) -> Setting:
    """The value of *key* and where it came from.

    A config file that cannot be read or has a bad line is skipped with a warning (through
    *warn*) rather than stopping a command that does not need it; without *warn* it is an error.
    """
    if option is not None:
        return Setting(key, normalise(key, option), "option")
    variable = SETTINGS[key][2]
    if os.environ.get(variable):
        return Setting(key, normalise(key, os.environ[variable]), variable)
    try:
        stored = read_file()
    except EcoqaError as error:
        if warn is None:
            raise
        warn(msg("{problem}; using the defaults.", problem=clause(error.message)))
        stored = {}
    if key in stored:
        return Setting(key, stored[key], str(config_path()))
    return Setting(key, SETTINGS[key][1], "default")


def language(option: str | None = None, warn: Callable[[str], None] | None = None) -> str:
    return resolve("lang", option, warn).value


def interface_language(option: str | None, corpus_language: str, warn: Callable[[str], None] | None = None) -> str:
    """The language ecoqa speaks: the one set (option, ECOQA_LANG, config file), else the corpus's own
    where ecoqa speaks it, else English."""
    setting = resolve("lang", option, warn)
    if setting.origin != "default":
        return setting.value
    return corpus_language if corpus_language in SETTINGS["lang"][0] else "en"


def save(key: str, value: str | None) -> Path:
    """Set *key* to *value* in the config file (None removes it); written atomically."""
    from ecoqa.files import check_target, write_atomic  # only here: reading settings stays light

    if key not in SETTINGS:
        raise UsageError("unknown setting {key}; settings are {keys}.", key=repr(key), keys=", ".join(SETTINGS))
    path = config_path()
    check_target(path, force=True)  # a file installed with ecoqa, a directory: refused before reading
    stored = {} if _names_a_stream(path) else read_file(path)  # a FIFO or device: written into, never read
    if value is None:
        stored.pop(key, None)
    elif key == "data":  # a corpus file, wherever the next command runs
        stored[key] = str(Path(value.strip()).expanduser().resolve())
    else:
        stored[key] = normalise(key, value)
    lines = ["# ecoqa settings; change them with: ecoqa config KEY VALUE\n"]
    lines += [f"{k} = {v}\n" for k, v in sorted(stored.items())]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError("cannot write {path}: {reason}.", path=path, reason=system_reason(error)) from None
    with _reader_of_pipe_held(path):
        write_atomic(path, lines, force=True)
    _read.cache_clear()
    return path


@contextmanager
def _reader_of_pipe_held(path: Path, seconds: float = 2.0) -> Iterator[None]:
    """For a FIFO as config file: wait up to *seconds* for a program that reads it, and keep a
    write end open meanwhile (its reader sees no end before the settings); with none, refuse,
    as writing would block ``ecoqa config`` for ever. Anything else: nothing to do."""
    import errno
    import stat
    import time

    deadline = time.monotonic() + seconds
    while True:
        try:
            if not stat.S_ISFIFO(os.stat(path).st_mode):
                yield
                return
            held = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError as error:
            if error.errno != errno.ENXIO:
                yield  # missing, unreadable ...: the write says why
                return
            if time.monotonic() > deadline:
                raise OutputError("cannot write {path}: no program is reading that pipe.", path=path) from None
            time.sleep(0.02)
    try:
        yield
    finally:
        os.close(held)


def _names_a_stream(path: Path) -> bool:
    from ecoqa.files import is_stream

    try:
        return is_stream(os.stat(path).st_mode)
    except OSError:
        return False
