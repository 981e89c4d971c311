"""The ``ecoqa`` command: Typer options, output streams, exit codes. No ranking or parsing here."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum, IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from ecoqa.errors import CorpusError, EcoqaError, NotFoundError, UsageError

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from ecoqa.models import Corpus, Entry
    from ecoqa.search import Index, SearchResult


class ExitCode(IntEnum):
    """Documented exit codes (README, ``--help``)."""

    OK = 0
    NO_MATCH = 1
    USAGE = 2
    CORPUS = 3


class Lang(str, Enum):
    nl = "nl"
    en = "en"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class Format(str, Enum):
    markdown = "markdown"
    html = "html"
    json = "json"


EXIT_CODES_HELP = "Exit codes: 0 success, 1 search found nothing, 2 usage error, 3 corpus error."

app = typer.Typer(
    name="ecoqa",
    help="Explore the Q&A of the TNO / InnovationQuarter webinar 'Orchestrating Innovation' "
    "(17 February 2021), in Dutch or English.\n\n" + EXIT_CODES_HELP,
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Examples:\n\n\b\n  ecoqa search financing\n  ecoqa show 10 --lang en\n  ecoqa list --topic mkb",
)


# ---------------------------------------------------------------------------- completion


def _completion_corpus() -> Corpus | None:
    """The corpus for shell completion; never raises into the user's shell."""
    try:
        from ecoqa.corpus import load_corpus

        data = os.environ.get("ECOQA_DATA")
        return load_corpus(Path(data) if data else None)
    except Exception:  # completion must never print a traceback into the shell
        return None


def complete_ids(incomplete: str) -> list[tuple[str, str]]:
    corpus = _completion_corpus()
    if corpus is None:
        return []
    return [(str(e.id), e.question[:60]) for e in corpus.entries if str(e.id).startswith(incomplete)][:200]


def complete_topics(incomplete: str) -> list[tuple[str, str]]:
    corpus = _completion_corpus()
    if corpus is None:
        return []
    names = [(name, t.label) for t in corpus.topics for name in (t.id, *t.aliases)]
    return [(n, help_) for n, help_ in names if n.lower().startswith(incomplete.lower())]


def complete_principles(incomplete: str) -> list[tuple[str, str]]:
    corpus = _completion_corpus()
    if corpus is None:
        return []
    return [(p.id, p.title) for p in corpus.principles if p.id.startswith(incomplete.lower())]


# ---------------------------------------------------------------------------- shared options

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        envvar="ECOQA_DATA",
        show_default=False,
        metavar="FILE",
        help="Corpus file to use instead of the bundled one (also ECOQA_DATA).",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print plain JSON on stdout.")]
LangOption = Annotated[Lang, typer.Option("--lang", "-l", help="Language of the text shown.")]
ColorOption = Annotated[Color, typer.Option("--color", help="Colour: auto (terminal, NO_COLOR), always, never.")]
TopicOption = Annotated[
    list[str] | None,
    typer.Option("--topic", "-t", help="Topic id, label or alias; repeat to narrow.", autocompletion=complete_topics),
]
PlainOption = Annotated[bool, typer.Option("--plain", help="One line per result, tab-separated, no table.")]


# ---------------------------------------------------------------------------- output


def _prepare_streams() -> None:
    """Never crash on a narrow encoding (cp1252, cp437, ascii): replace what cannot be shown."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def _console(color: Color, *, stderr: bool = False) -> Console:
    """A console per invocation: ``--color`` beats NO_COLOR, which beats FORCE_COLOR and the TTY check."""
    from functools import partial

    from rich.console import Console

    make = partial(Console, stderr=stderr, emoji=False, highlight=False, markup=False)
    if color is Color.never:
        return make(color_system=None, no_color=True)
    if color is Color.always:
        console = make(force_terminal=True, no_color=False)
        # Under TERM=dumb rich detects no colours; "always" still means colour.
        return console if console.color_system else make(force_terminal=True, no_color=False, color_system="standard")
    return make()


def _print(renderable: RenderableType, color: Color) -> None:
    _console(color).print(renderable)


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _fail(message: str, code: ExitCode) -> NoReturn:
    from ecoqa.render import error_line

    _console(Color.auto, stderr=True).print(error_line(message), soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def _handled() -> Iterator[None]:
    """Map ecoqa errors to one line on stderr and an exit code; end quietly on a closed pipe."""
    _prepare_streams()
    try:
        yield
    except CorpusError as error:
        _fail(error.message, ExitCode.CORPUS)
    except EcoqaError as error:  # unknown id, topic or principle; empty query
        _fail(error.message, ExitCode.USAGE)
    except BrokenPipeError:
        # Python docs recipe: point stdout at devnull so the interpreter's final flush is silent.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(ExitCode.NO_MATCH) from None
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except Exception as error:  # a bug: one line for the user, the traceback only with ECOQA_DEBUG=1
        if os.environ.get("ECOQA_DEBUG"):
            raise
        _fail(
            f"internal error ({type(error).__name__}: {error}); set ECOQA_DEBUG=1 for details and please report it.",
            ExitCode.NO_MATCH,
        )


def _load(data: Path | None) -> Corpus:
    """The corpus; a large user file comes from its persistent index once that exists."""
    return _searchable(data)[0]


def _topic_ids(corpus: Corpus, names: Sequence[str]) -> list[str]:
    """The topic id for each name given to --topic; an unknown name is an error with suggestions."""
    from ecoqa.corpus import find_topic

    ids = []
    for name in names:
        topic = find_topic(corpus, name)
        if topic is None:
            from ecoqa.search import closest_topics

            close = closest_topics(corpus, name)
            hint = f"did you mean {' or '.join(close)}?" if close else "see 'ecoqa topics'."
            raise NotFoundError(f"unknown topic {name!r}; {hint}")
        ids.append(topic.id)
    return ids


def _entries_for_topics(corpus: Corpus, names: Sequence[str]) -> list[Entry]:
    """Entries carrying every named topic (all entries when no name is given)."""
    wanted = _topic_ids(corpus, names)
    return [e for e in corpus.entries if all(t in e.topics for t in wanted)]


def _version_callback(value: bool) -> None:
    if value:
        from ecoqa.version import ecoqa_version

        _write(f"ecoqa {ecoqa_version()}\n")
        raise typer.Exit()


# ---------------------------------------------------------------------------- commands


@app.callback(invoke_without_command=True)
def main(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version_callback, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Explore the webinar Q&A. Without a command: a short overview."""
    if ctx.invoked_subcommand is not None:
        return
    with _handled():
        data = os.environ.get("ECOQA_DATA")
        corpus = _load(Path(data) if data else None)
        from ecoqa.render import overview
        from ecoqa.version import ecoqa_version

        _print(overview(corpus, "nl", ecoqa_version()), Color.auto)


@app.command("list")
def list_(
    topic: TopicOption = None,
    principle: Annotated[
        list[str] | None,
        typer.Option("--principle", "-p", help="Principle id or title.", autocompletion=complete_principles),
    ] = None,
    lang: LangOption = Lang.nl,
    json_: JsonOption = False,
    plain: PlainOption = False,
    data: DataOption = None,
    color: ColorOption = Color.auto,
) -> None:
    """List questions, optionally filtered by topic and principle.

    \b
    Examples:
      ecoqa list --topic mkb
      ecoqa list --topic SMEs --lang en
      ecoqa list --principle tijdelijk-eigenaarschap --json
    """
    with _handled():
        corpus = _load(data)
        entries = _entries_for_topics(corpus, topic or [])
        for name in principle or []:
            entries = _filter_principle(corpus, entries, name)
        _emit_entries(entries, corpus, lang.value, json_=json_, plain=plain, color=color)


def _filter_principle(corpus: Corpus, entries: list[Entry], name: str) -> list[Entry]:
    from ecoqa.corpus import find_principle

    found = find_principle(corpus, name)
    if found is None:
        raise NotFoundError(f"unknown principle {name!r}; see 'ecoqa principles'.")
    return [e for e in entries if found.id in e.principles]


def _emit_entries(
    entries: Sequence[Entry], corpus: Corpus, lang: str, *, json_: bool, plain: bool, color: Color
) -> None:
    if json_:
        from ecoqa.export import dumps, list_payload

        _write(dumps(list_payload(entries)))
    elif plain:
        from ecoqa.text import one_line

        _write("".join(f"{e.id}\t{one_line(e.text(lang)[0], 10_000)}\n" for e in entries))
    else:
        from ecoqa.render import entries_table

        console = _console(color)
        console.print(entries_table(entries, corpus, lang, width=console.width))


@app.command()
def show(
    ids: Annotated[
        list[str],
        typer.Argument(metavar="ID", help="Question numbers.", autocompletion=complete_ids, show_default=False),
    ],
    lang: LangOption = Lang.nl,
    json_: JsonOption = False,
    data: DataOption = None,
    color: ColorOption = Color.auto,
) -> None:
    """Show questions with their answer, key points, principles, topics, references and source.

    \b
    Examples:
      ecoqa show 10
      ecoqa show 3 5 --lang en
      ecoqa show 12 --json
    """
    with _handled():
        corpus = _load(data)
        entries = [_entry(corpus, raw) for raw in ids]
        if json_:
            from ecoqa.export import JSON_VERSION, dumps, entry_payload

            _write(dumps({"version": JSON_VERSION, "results": [entry_payload(e, corpus) for e in entries]}))
            return
        from rich.console import Group

        from ecoqa.render import entry_view

        _print(Group(*(entry_view(e, corpus, lang.value, corpus.related(e)) for e in entries)), color)


def _entry(corpus: Corpus, raw: str) -> Entry:
    entry = corpus.get(int(raw)) if raw.strip().lstrip("-").isdigit() else None
    if entry is None:
        from ecoqa.text import one_line

        raise NotFoundError(f"no question {one_line(raw, 40)!r}; valid ids are {corpus.id_range()}.")
    return entry


@app.command()
def search(
    query: Annotated[
        list[str], typer.Argument(metavar="QUERY", help="Words to search for, Dutch or English.", show_default=False)
    ],
    topic: TopicOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000, help="Show at most this many results.")] = 10,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show which words matched and how much each counted.")
    ] = False,
    lang: LangOption = Lang.nl,
    json_: JsonOption = False,
    plain: PlainOption = False,
    data: DataOption = None,
    color: ColorOption = Color.auto,
) -> None:
    """Search questions and answers; English words find Dutch text, typos and word parts too.

    \b
    Examples:
      ecoqa search financing
      ecoqa search "tijdelijk eigenaarschap" --explain
      ecoqa search SMEs --lang en --limit 3
      ecoqa search fonds --topic overheid --json
    """
    with _handled():
        text = " ".join(query)
        if not text.strip():
            raise UsageError("empty query; give a word to search for, e.g. 'ecoqa search financing'.")
        corpus, index = _searchable(data)
        allowed = {e.id for e in _entries_for_topics(corpus, topic)} if topic else None
        from ecoqa.search import search as run_search

        result = run_search(corpus, text, limit=limit, allowed_ids=allowed, lang=lang.value, index=index)
        _emit_hits(result, lang.value, explain=explain, json_=json_, plain=plain, color=color)
        if not result.hits:
            _no_match(text, result.suggestions)


def _searchable(data: Path | None) -> tuple[Corpus, Index | None]:
    """The corpus, with a persistent index when it is a large user file (see ``ecoqa.index``)."""
    from ecoqa.corpus import load_corpus, read_corpus_bytes

    if data is None:
        return load_corpus(None), None
    from ecoqa import index as store

    if not store.wants_index(data):
        return load_corpus(data), None

    raw = read_corpus_bytes(data)
    with _progress() as progress:
        return store.load_indexed(raw, str(data), progress)


@contextmanager
def _progress() -> Iterator[Callable[[str, int, int], None] | None]:
    """A progress bar on stderr while a large index builds; nothing when stderr is not a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(console=_console(Color.auto, stderr=True), transient=True) as bar:
        task = bar.add_task("indexing", total=None)

        def update(stage: str, done: int, total: int) -> None:
            bar.update(task, description=stage, completed=done, total=total or None)

        yield update


def _emit_hits(result: SearchResult, lang: str, *, explain: bool, json_: bool, plain: bool, color: Color) -> None:
    if json_:
        from ecoqa.export import dumps, hits_payload

        _write(dumps(hits_payload(result.query, result.hits, result.suggestions, explain=explain)))
    elif plain:
        from ecoqa.text import one_line

        _write(
            "".join(f"{h.entry.id}\t{h.score:.2f}\t{one_line(h.entry.text(lang)[0], 10_000)}\n" for h in result.hits)
        )
    elif result.hits:
        from ecoqa.render import hits_table

        _print(hits_table(result.hits, lang, explain=explain), color)


def _no_match(query: str, suggestions: Sequence[str]) -> NoReturn:
    from ecoqa.text import one_line

    hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else "; try fewer or other words."
    _fail(f"no matches for {one_line(query, 80)!r}{hint}", ExitCode.NO_MATCH)


def _listing(
    data: Path | None,
    json_: bool,
    color: Color,
    payload: Callable[[Any, Corpus], dict[str, Any]],
    view: Callable[[Any, Corpus], RenderableType],
) -> None:
    """Load the corpus, then print it as JSON or as a view; export and render load only when used."""
    with _handled():
        corpus = _load(data)
        if json_:
            from ecoqa import export

            _write(export.dumps(payload(export, corpus)))
            return
        from ecoqa import render

        _print(view(render, corpus), color)


@app.command()
def topics(
    lang: LangOption = Lang.nl, json_: JsonOption = False, data: DataOption = None, color: ColorOption = Color.auto
) -> None:
    """List topics with their aliases and questions.

    \b
    Example:
      ecoqa topics --lang en
    """
    _listing(
        data,
        json_,
        color,
        lambda export, c: export.topics_payload(c),
        lambda render, c: render.topics_table(c, lang.value),
    )


@app.command()
def speakers(
    lang: LangOption = Lang.nl, json_: JsonOption = False, data: DataOption = None, color: ColorOption = Color.auto
) -> None:
    """List the webinar's speakers, then the people the answers mention.

    \b
    Example:
      ecoqa speakers --lang en
    """
    _listing(
        data,
        json_,
        color,
        lambda export, c: export.speakers_payload(c),
        lambda render, c: render.speakers_view(c, lang.value),
    )


@app.command()
def principles(
    principle: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]", help="One principle (id or title).", autocompletion=complete_principles, show_default=False
        ),
    ] = None,
    lang: LangOption = Lang.nl,
    json_: JsonOption = False,
    data: DataOption = None,
    color: ColorOption = Color.auto,
) -> None:
    """List the key principles (derived), or one with its questions and verbatim evidence.

    \b
    Examples:
      ecoqa principles
      ecoqa principles tijdelijk-eigenaarschap --lang en
    """
    with _handled():
        corpus = _load(data)
        chosen = list(corpus.principles)
        if principle is not None:
            from ecoqa.corpus import find_principle

            found = find_principle(corpus, principle)
            if found is None:
                raise NotFoundError(f"unknown principle {principle!r}; see 'ecoqa principles'.")
            chosen = [found]
        if json_:
            from ecoqa.export import JSON_VERSION, dumps, principle_payload

            _write(dumps({"version": JSON_VERSION, "principles": [principle_payload(p) for p in chosen]}))
            return
        from ecoqa.render import principles_view

        _print(principles_view(chosen, corpus, lang.value, detail=principle is not None), color)


@app.command()
def info(
    lang: LangOption = Lang.nl, json_: JsonOption = False, data: DataOption = None, color: ColorOption = Color.auto
) -> None:
    """Webinar details, audience, related items, contact and corpus counts.

    \b
    Example:
      ecoqa info --lang en
    """
    _listing(
        data, json_, color, lambda export, c: export.info_payload(c), lambda render, c: render.info_view(c, lang.value)
    )


@app.command()
def validate(
    path: Annotated[Path, typer.Argument(metavar="FILE", help="Corpus file to check.", show_default=False)],
    json_: JsonOption = False,
) -> None:
    """Check a corpus file and list every problem with its location; exit 0 if valid, 3 if not.

    \b
    Example:
      ecoqa validate my-corpus.json
    """
    with _handled():
        from ecoqa.corpus import check_corpus, read_corpus_bytes

        problems = check_corpus(read_corpus_bytes(path), str(path))
        if json_:
            from ecoqa.export import JSON_VERSION, dumps

            _write(
                dumps(
                    {
                        "version": JSON_VERSION,
                        "file": str(path),
                        "valid": not problems,
                        "problems": [{"where": p.where, "message": p.message} for p in problems],
                    }
                )
            )
        else:
            from ecoqa.text import one_line

            _write("".join(one_line(str(p), 500) + "\n" for p in problems) or f"{path}: valid\n")
        if problems:
            raise typer.Exit(ExitCode.CORPUS)


@app.command()
def export(
    format_: Annotated[Format, typer.Option("--format", "-f", help="Document format.")] = Format.markdown,
    topic: TopicOption = None,
    lang: LangOption = Lang.nl,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write here, not to stdout.")
    ] = None,
    data: DataOption = None,
) -> None:
    """Export the corpus, or the questions on a topic, as Markdown, HTML or JSON.

    \b
    Examples:
      ecoqa export --format markdown -o qa.md
      ecoqa export --format html --lang en --topic mkb -o mkb.html
    """
    with _handled():
        corpus = _load(data)
        entries = _entries_for_topics(corpus, topic or [])
        from ecoqa import export as documents

        render = {Format.markdown: documents.to_markdown, Format.html: documents.to_html}.get(format_)
        text = (
            render(entries, corpus, lang.value)
            if render
            else documents.dumps(documents.corpus_payload(entries, corpus))
        )
        if output is None:
            _write(text)
            return
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as error:
            raise UsageError(f"cannot write {output}: {error.strerror or error}") from None


@app.command()
def browse(
    topic: TopicOption = None,
    lang: LangOption = Lang.nl,
    data: DataOption = None,
) -> None:
    """Browse and search interactively in a full-screen terminal app (q quits).

    \b
    Example:
      ecoqa browse --lang en
    """
    with _handled():
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise UsageError("browse needs an interactive terminal; in scripts use 'ecoqa search' or 'ecoqa list'.")
        corpus, index = _searchable(data)
        from ecoqa.browse import run

        run(corpus, _topic_ids(corpus, topic or []), lang.value, index)
