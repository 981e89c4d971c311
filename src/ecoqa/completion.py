"""Shell completion of values, answered before Typer loads, so that a TAB never waits for it.

The completion script sends the words typed so far (``_ECOQA_COMPLETE=complete_bash`` with
``COMP_WORDS``/``COMP_CWORD``; zsh sends ``_TYPER_COMPLETE_ARGS``; fish is left to Typer). When the word being
completed is a value this module knows (an id, a topic, a principle, a language, a colour, a
format, a setting or its value) it answers from the corpus in use, read as plain JSON; command
and option names, with their help, come from ``ecoqa.completion_table``, generated from the app.
Only what it cannot place (a shortcut such as ``ecoqa 10 --l``) is left to Typer.

The corpus in use is the one a command would read: ``--data FILE`` among the words typed, else
``ECOQA_DATA``, else the config file's ``data``, else the bundled corpus. Each candidate is a
whole value, quoted as the shell needs (bash inserts what it is given), one per topic or
principle: its id, or the label or alias that matches what was typed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ecoqa.completion_table import COMMANDS, OPTIONS

#: Larger corpus files are not read for completion: a TAB must not wait for them.
MAX_BYTES = 16 * 1024 * 1024
#: At most this many ids are offered.
MAX_IDS = 200

LANGUAGES = (("nl", "Nederlands"), ("en", "English"))
COLORS = (("auto", "follow the terminal"), ("always", "always colour"), ("never", "never colour"))
FORMATS = (("markdown", "Markdown"), ("md", "Markdown"), ("html", "HTML page"), ("json", "JSON corpus"))

Candidates = list[tuple[str, str]]


class Words:
    """The words typed before the cursor, and the one being completed (as typed, quotes included)."""

    def __init__(self, before: Sequence[str], current: str) -> None:
        self.before = list(before)
        self.current = current

    def value_of(self, *names: str) -> str | None:
        """The last value given to an option among *names* (``--data FILE`` or ``--data=FILE``)."""
        found = None
        for position, word in enumerate(self.before):
            name, equals, value = word.partition("=")
            if name in names and equals:
                found = value
            elif word in names and position + 1 < len(self.before):
                found = self.before[position + 1]
        return _unquoted(found) if found is not None else None

    def command(self) -> str | None:
        """The command word: the first word that is neither an option nor an option's value."""
        skip = False
        for word in self.before[1:]:
            if skip:
                skip = False
            elif word.startswith("-"):
                skip = word in _GROUP_VALUE_OPTIONS
            else:
                return word
        return None

    def arguments(self) -> list[str]:
        """The command's words before the current one that are not options (nor their values)."""
        found: list[str] = []
        skip = False
        seen_command = False
        for word in self.before[1:]:
            if skip:
                skip = False
            elif word.startswith("-"):
                skip = word in _VALUE_OPTIONS or word in _GROUP_VALUE_OPTIONS
            elif not seen_command:
                seen_command = True
            else:
                found.append(word)
        return found


def _unquoted(word: str) -> str:
    """What the shell will pass for *word*: without its quotes and backslashes."""
    import shlex

    try:
        parts = shlex.split(word)
    except ValueError:  # an open quote: the word is being typed
        parts = shlex.split(word + word[0]) if word[:1] in "'\"" else [word.replace("\\", "")]
    return " ".join(parts)


# ---------------------------------------------------------------------------- the corpus in use


def corpus_path(words: Words, environ: Mapping[str, str]) -> Path | None:
    """``--data`` typed on the line, else ``ECOQA_DATA``, else the config file's ``data``; None: bundled."""
    typed = words.value_of("--data")
    if typed:
        return Path(os.path.expanduser(typed))
    if environ.get("ECOQA_DATA"):
        return Path(environ["ECOQA_DATA"])
    try:
        from ecoqa.config import read_file

        configured = read_file().get("data")
    except Exception:  # a broken config file: no corpus from it, never an error in the shell
        configured = None
    return Path(configured) if configured else None


def read_document(path: Path | None) -> dict[str, Any]:
    """The corpus file as JSON, without checking it; {} when it cannot be read quickly."""
    import json

    try:
        if path is None:
            from ecoqa.bundled import bundled_corpus

            raw = bundled_corpus().read_bytes()
        elif not path.is_file() or path.stat().st_size > MAX_BYTES:  # a device would never end
            return {}
        else:
            raw = path.read_bytes()
        document = json.loads(raw)
    except Exception:  # completion must never print a traceback into the shell
        return {}
    return document if isinstance(document, dict) else {}


def _records(document: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    found = document.get(key)
    return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []


# ---------------------------------------------------------------------------- candidates


def _as_typed(name: str, typed: str) -> str | None:
    """*name* if it starts with *typed*; in any case, it is spelt with the letters typed (the shell
    keeps what was typed and only adds); None if it does not start with *typed* at all."""
    if name.startswith(typed):
        return name
    if name.casefold().startswith(typed.casefold()) and len(name.casefold()) == len(name):
        return typed + name[len(typed) :]
    return None


def ids(document: Mapping[str, Any], typed: str) -> Candidates:
    """The ids that start with *typed*, in numeric order, each with its question."""
    found = [
        (str(q.get("id")), " ".join(str(q.get("question", "")).split())[:120])
        for q in _records(document, "questions")
        if str(q.get("id")).startswith(typed.strip())
    ]
    return sorted(found, key=lambda candidate: (len(candidate[0]), candidate[0]))[:MAX_IDS]


def named(
    records: Iterable[Mapping[str, Any]], typed: str, title: str, others: Callable[[Mapping[str, Any]], list[str]]
) -> Candidates:
    """One candidate per record: its id, else the first of its other names that starts with *typed*."""
    found: Candidates = []
    for record in records:
        names = [name for name in (str(record.get("id", "")), *others(record)) if name]
        match = next((name for name in names if name.startswith(typed)), None)
        match = match or next((as_typed for name in names if (as_typed := _as_typed(name, typed))), None)
        if match is not None:
            found.append((match, " ".join(str(record.get(title) or record.get("id", "")).split())))
    return found


def topics(document: Mapping[str, Any], typed: str) -> Candidates:
    def others(topic: Mapping[str, Any]) -> list[str]:
        aliases = topic.get("aliases")
        return [
            str(topic.get("label", "")),
            str(topic.get("label_en", "")),
            *(aliases if isinstance(aliases, list) else []),
        ]

    return named(_records(document, "topics"), typed, "label", others)


def principles(document: Mapping[str, Any], typed: str) -> Candidates:
    records = _records(document, "principles")
    numbered = [
        (str(n), str(p.get("title", ""))) for n, p in enumerate(records, start=1) if typed and str(n).startswith(typed)
    ]
    return numbered + named(records, typed, "title", lambda p: [str(p.get("title", "")), str(p.get("title_en", ""))])


def fixed(choices: Iterable[tuple[str, str]], typed: str) -> Candidates:
    return [(shown, help_) for value, help_ in choices if (shown := _as_typed(value, typed))]


def settings() -> dict[str, tuple[str, ...]]:
    from ecoqa.config import SETTINGS

    return {key: allowed for key, (allowed, _default, _variable) in SETTINGS.items()}


#: option -> what its values are (None: the corpus's ids, topics or principles, by name)
_VALUE_OPTIONS: dict[str, str] = {
    "--topic": "topics",
    "-t": "topics",
    "--principle": "principles",
    "-p": "principles",
    "--lang": "languages",
    "-l": "languages",
    "--color": "colors",
    "--format": "formats",
    "-f": "formats",
    "--data": "files",
    "--output": "files",
    "-o": "files",
    "--limit": "number",
    "-n": "number",
    "--title": "text",
    "--terms": "files",
}
_GROUP_VALUE_OPTIONS = {"--lang", "-l", "--color", "--data"}
#: command -> what its arguments are
_ARGUMENTS = {"show": "ids", "export": "ids", "principles": "principles"}


def candidates(words: Words, environ: Mapping[str, str]) -> Candidates | None:
    """What to offer for the current word, or None when it is not a value this module knows."""
    previous = words.before[-1] if words.before else ""
    if previous == "=" and len(words.before) > 1:  # bash splits '--lang=en' at '='
        previous = words.before[-2]
    typed = _unquoted(words.current) if words.current else ""
    kind = _VALUE_OPTIONS.get(previous)
    if kind is None and words.current.startswith("-"):
        return option_names(words, words.current)
    if kind is None:
        command = words.command()
        if command is None:
            return [(name, help_) for name, help_ in COMMANDS.items() if name.startswith(typed)]
        if command == "config":
            return _config_values(words.arguments(), typed)
        if command not in COMMANDS:  # a shortcut ('ecoqa 10 …'): Typer resolves it
            return None
        kind = _ARGUMENTS.get(command)
        if kind is None or (kind == "principles" and words.arguments()):
            return []  # words, files or nothing: the shell offers file names
    if kind in ("languages", "colors", "formats"):
        return fixed({"languages": LANGUAGES, "colors": COLORS, "formats": FORMATS}[kind], typed)
    if kind in ("files", "number", "text"):
        return []
    document = read_document(corpus_path(words, environ))
    return {"ids": ids, "topics": topics, "principles": principles}[kind](document, typed)


def _config_values(arguments: Sequence[str], typed: str) -> Candidates | None:
    known = settings()
    if not arguments:
        return fixed(((key, "setting") for key in known), typed)
    allowed = known.get(arguments[0], ())
    if len(arguments) == 1 and allowed:
        return fixed(((value, "") for value in allowed), typed)
    return None


def option_names(words: Words, typed: str) -> Candidates | None:
    """The names of the options of ``ecoqa`` or of its command that start with *typed*, as Click
    offers them: in their order, without those given already unless they repeat; None when the
    command is not one of ours (a shortcut such as ``ecoqa 10 --l``: Typer resolves it)."""
    command = words.command()
    if command is not None and command not in OPTIONS:
        return None
    own = words.before[1:] if command is None else words.before[words.before.index(command) + 1 :]
    given = {word.partition("=")[0] for word in own if word.startswith("-")}
    found: Candidates = []
    for names, help_, repeats in OPTIONS[command or ""]:
        if repeats or not given.intersection(names):
            found += [(name, help_) for name in names if name.startswith(typed)]
    return found


# ---------------------------------------------------------------------------- the shells

_UNSAFE = re.compile(r"([^\w@%+=:,./-])")


def for_bash(value: str, current: str) -> str:
    """*value* as bash must insert it in place of *current*: in its quote, or with backslashes."""
    if current[:1] in ("'", '"'):
        quote = current[0]
        inner = value.replace("'", "'\\''") if quote == "'" else re.sub(r'(["\\$`])', r"\\\1", value)
        return f"{quote}{inner}{quote}"
    return _UNSAFE.sub(r"\\\1", value)


def answer(environ: Mapping[str, str]) -> str | None:
    """The completion script's answer for a value, or None to let Typer answer."""
    import shlex

    shell = environ.get("_ECOQA_COMPLETE", "")
    if shell == "complete_bash":
        typed = environ.get("COMP_WORDS", "").split("\n")
        try:
            position = int(environ.get("COMP_CWORD", ""))
        except ValueError:
            return None
        words = Words(typed[:position], typed[position] if position < len(typed) else "")
    elif shell == "complete_zsh":
        line = environ.get("_TYPER_COMPLETE_ARGS", "")
        try:
            split = shlex.split(line)
        except ValueError:
            split = line.split()
        ends_word = line.endswith(" ") or not split
        words = Words(split if ends_word else split[:-1], "" if ends_word else split[-1])
    else:
        return None
    found = candidates(words, environ)
    if found is None:
        return None
    if shell == "complete_bash":
        return "\n".join(_bash(found, words.current, environ.get("COLUMNS", "")))
    return _zsh(found)


def _bash(found: Candidates, current: str, columns: str) -> list[str]:
    """Candidates for bash; numbers (ids) come with what they stand for when bash will list them.

    Bash shows no descriptions of its own, so a list of numbers is offered as 'number  text' lines
    (as cobra does): the values differ within their digits, so what bash inserts for the common
    part of the list is never any of the text, and one candidate left is inserted bare.
    """
    values = [for_bash(value, current) for value, _help in found]
    if len(found) < 2 or not all(value.isdigit() and help_ for value, help_ in found):
        return values
    width = max(map(len, values))
    room = int(columns) - 1 if columns.isdigit() and int(columns) > 20 else 79
    return [f"{value:<{width}}  {help_}"[:room].rstrip() for value, (_v, help_) in zip(values, found, strict=True)]


def _zsh(found: Candidates) -> str:
    """Candidates for zsh, which evaluates what it is given: ``_describe -V`` keeps their order
    (ids as numbers, 1 2 … 10, as bash gets them), where ``_arguments`` would sort them as text."""

    def quoted(text: str) -> str:
        return "'" + text.replace("'", "'\\''") + "'"

    if not found:
        return "_files"
    rows = " ".join(
        quoted(value.replace("\\", "\\\\").replace(":", "\\:") + (f":{help_}" if help_ else ""))
        for value, help_ in found
    )
    return f"local -a _ecoqa_values; _ecoqa_values=({rows}); _describe -V -t values value _ecoqa_values"
