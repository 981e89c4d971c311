"""What the commands share: the corpus in use, the language, the output, names given to --topic/--principle."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ecoqa.cli.exits import warn
from ecoqa.errors import NotFoundError, UsageError
from ecoqa.messages import Message, joined, msg

if TYPE_CHECKING:
    from ecoqa.models import Corpus, Entry
    from ecoqa.output import Output
    from ecoqa.search.index import Index


@contextmanager
def opened_output(color: str | None, *, paging: bool = True) -> Iterator[Output]:
    from ecoqa.config import resolve
    from ecoqa.output import Output

    output = Output(resolve("color", color, warn).value, paging=paging)
    try:
        yield output
    finally:
        output.close()


def chosen_lang(lang: str | None, corpus: Corpus) -> str:
    """--lang on the command, else on ``ecoqa`` itself, else ECOQA_LANG, the config file, else the
    corpus's own language where ecoqa speaks it, else English."""
    return spoken_for(lang, corpus.language)


def spoken_for(lang: str | None, written_in: str) -> str:
    """The interface language from here on: *lang* (--lang), ECOQA_LANG, the config file, else
    *written_in* (the language of what the command read) where ecoqa speaks it, else English."""
    from ecoqa.config import interface_language
    from ecoqa.messages import settle

    language = interface_language(lang, written_in, warn)
    settle(language)
    return language


def exclusive(**flags: bool) -> None:
    given = [name for name, on in flags.items() if on]
    if len(given) > 1:
        raise UsageError("--{one} and --{other} cannot be combined; choose one.", one=given[0], other=given[1])


def rows_as_text(output: Output, plain: bool, table: bool) -> bool:
    """Tab-separated rows when asked, or when stdout is not a terminal (as gh); --table keeps the table."""
    exclusive(plain=plain, table=table)
    return plain or (not table and not output.tty)


def data_path(data: Path | None) -> Path | None:
    """--data or ECOQA_DATA, else the config file's ``data``; None means the bundled corpus."""
    if data is not None:
        return data
    from ecoqa.config import resolve

    configured = resolve("data", None, warn).value
    return Path(configured) if configured else None


def command_prefix(data: Path | None) -> str:
    """How a hint names the next command so that it works when pasted: ``ecoqa`` on the bundled
    corpus, ``ecoqa --data FILE`` on a corpus of the user's own."""
    import shlex

    path = data_path(data)
    return "ecoqa" if path is None else f"ecoqa --data {shlex.quote(str(path))}"


def open_corpus(data: Path | None) -> tuple[Corpus, Index | None]:
    """The corpus, with a persistent index when it is a large user file (see ``ecoqa.store``)."""
    from ecoqa.corpus import load_corpus, read_corpus_bytes_checked

    path = data_path(data)
    if path is None:
        return load_corpus(None), None
    from ecoqa import store

    if not store.wants_index(path):
        return load_corpus(path), None
    read_corpus_bytes_checked(path)
    from ecoqa.output import index_progress

    with index_progress() as progress:
        return store.open_indexed(path, str(path), progress, warn=warn)


def load(data: Path | None) -> Corpus:
    return open_corpus(data)[0]


def topic_ids(corpus: Corpus, names: Sequence[str], prefix: str) -> list[str]:
    """The topic id for each name given to --topic; an unknown name is an error with suggestions
    (*prefix*: how the hint names a command on this corpus, see ``command_prefix``)."""
    from ecoqa.names import closest, find_topic, topic_names

    if names and not corpus.topics:
        raise NotFoundError("this corpus has no topics; {hint}", hint=_hint((), prefix, "list"))
    ids = []
    for name in names:
        topic = find_topic(corpus, name)
        if topic is None:
            hint = _hint(closest(name, topic_names(corpus)), prefix, "topics")
            raise NotFoundError("unknown topic {name}; {hint}", name=quoted(name), hint=hint)
        ids.append(topic.id)
    return ids


def principle_ids(corpus: Corpus, names: Sequence[str], prefix: str) -> list[str]:
    from ecoqa.names import closest, find_principle, parse_id, principle_names

    if names and not corpus.principles:
        raise NotFoundError("this corpus has no principles; {hint}", hint=_hint((), prefix, "list"))
    ids = []
    for name in names:
        principle = find_principle(corpus, name)
        if principle is None:
            if parse_id(name) is not None:
                valid = f"1-{len(corpus.principles)}"
                raise NotFoundError(
                    "no principle number {name}; valid numbers are {valid}.", name=quoted(name), valid=valid
                )
            close = closest(name, principle_names(corpus))
            raise NotFoundError(
                "unknown principle {name}; {hint}", name=quoted(name), hint=_hint(close, prefix, "principles")
            )
        ids.append(principle.id)
    return ids


def quoted(name: str) -> str:
    from ecoqa.text import one_line

    return repr(one_line(name, 60))


def _hint(close: Sequence[str], prefix: str, listing: str) -> Message:
    if close:
        return msg("did you mean {names}?", names=joined(close, " or "))
    return msg("see '{prefix} {listing}'.", prefix=prefix, listing=listing)


def selected(corpus: Corpus, topics: Sequence[str], principles: Sequence[str], prefix: str) -> list[int] | None:
    """Positions of entries with every named topic and principle; None when nothing narrows."""
    topics_named = topic_ids(corpus, topics, prefix)
    principles_named = principle_ids(corpus, principles, prefix)
    if not topics_named and not principles_named:
        return None
    positions = corpus.on_topics(topics_named) if topics_named else list(range(len(corpus.entries)))
    for principle in principles_named:
        members = set(corpus.entries.members("principle", principle))
        positions = [p for p in positions if p in members]
    return positions


def filter_words(topics: Sequence[str], principles: Sequence[str]) -> Message:
    parts = [msg("topic {name}", name=t) for t in topics] + [msg("principle {name}", name=p) for p in principles]
    return joined(parts, " and ")


def find_entry(corpus: Corpus, raw: str, prefix: str) -> Entry:
    from ecoqa.names import parse_id

    number = parse_id(raw)
    entry = corpus.get(number) if number is not None else None
    if entry is None:
        if any(c.isalpha() for c in raw):
            raise NotFoundError(
                "no question {id}; valid ids are {ids}. (to search, use: {prefix} search {id})",
                id=quoted(raw),
                ids=corpus.id_range(),
                prefix=prefix,
            )
        raise NotFoundError("no question {id}; valid ids are {ids}.", id=quoted(raw), ids=corpus.id_range())
    return entry
