"""The ``ecoqa`` command: Typer options, exit codes, and which view each command prints.

Ranking, parsing and rendering live elsewhere; a command here loads, selects, and emits.
Errors are mapped to exit codes in one place (``_handled``), which every command shares
through the ``command`` decorator; ``run`` does the same for what happens outside a command
(help, version, usage errors) and is the console-script entry point.
"""

from __future__ import annotations

import errno
import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from enum import Enum, IntEnum, unique
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from ecoqa.errors import CorpusError, EcoqaError, NoMatchError, NotFoundError, OutputError, UsageError

if TYPE_CHECKING:
    from ecoqa.models import Corpus, Entry, Heading
    from ecoqa.output import Output
    from ecoqa.search.engine import SearchResult
    from ecoqa.search.index import Index


@unique
class ExitCode(IntEnum):
    """Documented exit codes (README, ``--help``)."""

    OK = 0  # success, also when the reader of a pipe stopped reading (as ripgrep)
    NO_MATCH = 1  # a search or a filtered list found nothing
    USAGE = 2  # bad arguments, an unknown id, topic or principle, an empty query
    CORPUS = 3  # the corpus file is missing, unreadable or invalid
    INTERNAL = 70  # a bug in ecoqa (sysexits' EX_SOFTWARE)
    OUTPUT = 74  # output could not be written: a full disk, a closed stream (EX_IOERR)
    INTERRUPTED = 130  # Ctrl-C


class Format(str, Enum):
    markdown = "markdown"
    md = "md"
    html = "html"
    json = "json"


EXIT_CODES_HELP = (
    "Exit codes: 0 success, 1 nothing found, 2 usage error, 3 corpus error, 70 internal error, 74 output error, "
    "130 interrupted."
)


class EcoqaGroup(TyperGroup):
    """Commands, plus two shortcuts: ``ecoqa 10`` shows question 10, ``ecoqa financing`` searches."""

    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in self.commands:
            from ecoqa.names import parse_id

            if all(parse_id(a) is not None for a in args):
                return "show", self.commands["show"], args
            import difflib

            if not difflib.get_close_matches(name, list(self.commands), n=1, cutoff=0.75):
                return "search", self.commands["search"], args
        return super().resolve_command(ctx, args)


class EcoqaCommand(TyperCommand):
    """Help that reads like gh's and ripgrep's: ``ID...`` and ``[PRINCIPLE]``, never Python types."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = param.metavar or (param.name or "").upper()
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments = [
            (param.metavar or (param.name or "").upper(), getattr(param, "help", None) or "")
            for param in self.get_params(ctx)
            if param.param_type_name == "argument"
        ]
        options = [r for p in self.get_params(ctx) if p.param_type_name == "option" and (r := p.get_help_record(ctx))]
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


app = typer.Typer(
    name="ecoqa",
    cls=EcoqaGroup,
    help="Read, search and share the Q&A of the TNO / InnovationQuarter webinar on innovation ecosystems "
    "(17 February 2021), in Dutch or English. Without a command: an overview. 'ecoqa 10' shows "
    "question 10; 'ecoqa WORDS' searches.\n\n" + EXIT_CODES_HELP,
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Examples:\n\n\b\n  ecoqa search financing\n  ecoqa show 10 --lang en\n  ecoqa list --topic mkb\n"
    "  ecoqa config lang en      # English from now on",
)

F = TypeVar("F", bound=Callable[..., Any])


def command(name: str | None = None, *, short: str, hidden: bool = False) -> Callable[[F], F]:
    """Register a command whose errors become one line on stderr and a documented exit code."""

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            _inherit(kwargs)
            with _handled(kwargs.get("color")):
                return function(*args, **kwargs)

        app.command(name, cls=EcoqaCommand, short_help=short, hidden=hidden)(wrapper)
        return function

    return decorate


def _inherit(kwargs: dict[str, Any]) -> None:
    """Options given to ``ecoqa`` itself (``ecoqa --lang en list``) are the command's defaults."""
    ctx = kwargs.get("ctx")
    defaults = (ctx.find_root().obj or {}) if ctx is not None else {}
    for key in ("lang", "data", "color"):
        if key in kwargs and kwargs[key] is None and defaults.get(key) is not None:
            kwargs[key] = defaults[key]


# ---------------------------------------------------------------------------- completion


def _completion_corpus() -> Corpus | None:
    """The corpus for shell completion; never raises into the user's shell."""
    try:
        from ecoqa.corpus import load_corpus

        data = os.environ.get("ECOQA_DATA")
        return load_corpus(Path(data) if data else None)
    except Exception:  # completion must never print a traceback into the shell
        return None


def _completions(names: Iterable[tuple[str, str]], incomplete: str) -> list[tuple[str, str]]:
    """Names that start with what was typed, any case.

    bash inserts a completion as it is, so spaces in a name (``midden- en kleinbedrijf``) are
    escaped for bash; zsh and fish quote what they insert themselves.
    """
    typed = incomplete.replace("\\", "").strip("'\"")
    escape = os.environ.get("_ECOQA_COMPLETE", "").endswith("bash")
    found: dict[str, str] = {}
    for name, help_ in names:
        if name.casefold().startswith(typed.casefold()):
            value = typed + name[len(typed) :]  # keeps the letters as typed: Typer matches case-sensitively
            if escape:
                value = value.replace(" ", "\\ ").replace("'", "\\'")
            found.setdefault(value, help_)
    return list(found.items())


def complete_ids(incomplete: str) -> list[tuple[str, str]]:
    corpus = _completion_corpus()
    if corpus is None:
        return []
    found = [(str(e.id), e.question[:60]) for e in corpus.entries if str(e.id).startswith(incomplete.strip())]
    return sorted(found, key=lambda pair: int(pair[0]))[:200]


def complete_topics(incomplete: str) -> list[tuple[str, str]]:
    corpus = _completion_corpus()
    if corpus is None:
        return []
    ids = [(t.id, t.label) for t in corpus.topics]
    others = [(name, t.label) for t in corpus.topics for name in t.names if name != t.id]
    canonical = _completions(ids, incomplete)
    return canonical + [pair for pair in _completions(others, incomplete) if pair[0] not in dict(canonical)]


def complete_principles(incomplete: str) -> list[tuple[str, str]]:
    corpus = _completion_corpus()
    if corpus is None:
        return []
    return _completions(((p.id, p.title) for p in corpus.principles), incomplete)


# ---------------------------------------------------------------------------- shared options

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        envvar="ECOQA_DATA",
        show_default=False,
        show_envvar=True,
        metavar="FILE",
        readable=False,  # ecoqa says why it cannot read a file, with exit code 3
        help="Corpus file to use instead of the bundled one.",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON on stdout (stable keys, never coloured).")]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        "-l",
        metavar="nl|en",
        show_default=False,
        help="Language: nl or en (default: ECOQA_LANG, config, nl).",
    ),
]
ColorOption = Annotated[
    str | None,
    typer.Option(
        "--color",
        metavar="auto|always|never",
        show_default=False,
        help="Color: auto follows the terminal and NO_COLOR (default: ECOQA_COLOR, config, auto).",
    ),
]
TopicOption = Annotated[
    list[str] | None,
    typer.Option(
        "--topic",
        "-t",
        metavar="TOPIC",
        show_default=False,
        help="Topic id, label or alias; repeat to narrow.",
        autocompletion=complete_topics,
    ),
]
PrincipleOption = Annotated[
    list[str] | None,
    typer.Option(
        "--principle",
        "-p",
        metavar="PRINCIPLE",
        show_default=False,
        help="Principle id, title or number; repeat to narrow.",
        autocompletion=complete_principles,
    ),
]
PlainOption = Annotated[bool, typer.Option("--plain", help="Tab-separated lines, no table (the default when piped).")]
TableOption = Annotated[bool, typer.Option("--table", help="A table even when piped.")]
PagerOption = Annotated[bool, typer.Option("--no-pager", help="Never page long output.")]


def _at_least_one(value: int | None) -> int | None:
    if value is not None and value < 1:
        raise typer.BadParameter("must be 1 or more.")
    return value


def _limit_option(default: int | None, text: str) -> Any:
    return typer.Option(
        "--limit", "-n", metavar="N", show_default=default is not None, callback=_at_least_one, help=text
    )


# ---------------------------------------------------------------------------- errors and output


def _fail(message: str, code: ExitCode, color: str | None = None) -> NoReturn:
    from ecoqa.output import write_error_line

    write_error_line(message, _color(color))
    raise typer.Exit(code)


def _color(option: str | None) -> str:
    """--color, else ECOQA_COLOR or the config file, else auto; a bad setting means auto here."""
    from ecoqa.config import resolve

    try:
        return resolve("color", option).value
    except EcoqaError:
        return "auto"


def _warn(message: str, _said: set[str] = set()) -> None:  # noqa: B006 - one process, one command
    """One warning line on stderr, each message once."""
    from ecoqa.output import write_error_line

    if message not in _said:
        _said.add(message)
        write_error_line("warning: " + message)


def _quiet_pipe() -> None:
    """The reader closed the pipe: point stdout at devnull so the final flush is silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def exit_code_for(error: EcoqaError) -> ExitCode:
    if isinstance(error, NoMatchError):
        return ExitCode.NO_MATCH
    if isinstance(error, CorpusError):
        return ExitCode.CORPUS
    if isinstance(error, OutputError):
        return ExitCode.OUTPUT
    return ExitCode.USAGE


@contextmanager
def _handled(color: str | None = None) -> Iterator[None]:
    """Map errors to one line on stderr and an exit code; a closed pipe ends quietly."""
    from ecoqa.output import prepare_streams

    prepare_streams()
    try:
        yield
    except EcoqaError as error:
        _fail(error.message, exit_code_for(error), color)
    except BrokenPipeError:
        _quiet_pipe()
        raise typer.Exit(ExitCode.OK) from None
    except OSError as error:  # a write to stdout failed (full disk, I/O error)
        if error.errno == errno.EPIPE:
            _quiet_pipe()
            raise typer.Exit(ExitCode.OK) from None
        _fail(f"cannot write output ({error.strerror or error}).", ExitCode.OUTPUT, color)
    except KeyboardInterrupt:
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as error:  # a bug: one line for the user, the traceback only with ECOQA_DEBUG=1
        from ecoqa.errors import interrupted

        if interrupted(error):  # Ctrl-C during an import can arrive wrapped in another error
            raise typer.Exit(ExitCode.INTERRUPTED) from None
        if os.environ.get("ECOQA_DEBUG"):
            raise
        from ecoqa.text import one_line

        _fail(
            f"internal error ({type(error).__name__}: {one_line(str(error), 200)}); "
            "set ECOQA_DEBUG=1 for details and please report it.",
            ExitCode.INTERNAL,
        )


@contextmanager
def _output(color: str | None, *, paging: bool = True) -> Iterator[Output]:
    from ecoqa.config import resolve
    from ecoqa.output import Output

    output = Output(resolve("color", color, _warn).value, paging=paging)
    try:
        yield output
    finally:
        output.close()


def _lang(ctx: typer.Context, lang: str | None, corpus: Corpus) -> str:
    """--lang on the command, else on ``ecoqa`` itself, else ECOQA_LANG, the config file, else the
    corpus's own language where ecoqa speaks it, else English."""
    from ecoqa.config import interface_language

    return interface_language(lang, corpus.language, _warn)


def _exclusive(**flags: bool) -> None:
    given = [name for name, on in flags.items() if on]
    if len(given) > 1:
        raise UsageError(f"--{given[0]} and --{given[1]} cannot be combined; choose one.")


def _rows_as_text(output: Output, plain: bool, table: bool) -> bool:
    """Tab-separated rows when asked, or when stdout is not a terminal (as gh); --table keeps the table."""
    _exclusive(plain=plain, table=table)
    return plain or (not table and not output.tty)


# ---------------------------------------------------------------------------- the corpus


def _data_path(ctx: typer.Context, data: Path | None) -> Path | None:
    return data


def _open(ctx: typer.Context, data: Path | None) -> tuple[Corpus, Index | None]:
    """The corpus, with a persistent index when it is a large user file (see ``ecoqa.store``)."""
    from ecoqa.corpus import load_corpus, read_corpus_bytes_checked

    path = _data_path(ctx, data)
    if path is None:
        return load_corpus(None), None
    from ecoqa import store

    if not store.wants_index(path):
        return load_corpus(path), None
    read_corpus_bytes_checked(path)
    with _progress() as progress:
        return store.open_indexed(path, str(path), progress, warn=_warn)


def _load(ctx: typer.Context, data: Path | None) -> Corpus:
    return _open(ctx, data)[0]


@contextmanager
def _progress() -> Iterator[Callable[[str, int, int], None] | None]:
    """While a large index builds: a progress bar on stderr with the phase it is in, then one line
    with the time of each phase. Nothing when stderr is not a terminal."""
    from ecoqa.output import _is_tty, make_console, write_note_line

    if not _is_tty(sys.stderr):
        yield None
        return
    import time

    from rich.progress import Progress

    phases: dict[str, float] = {}
    with Progress(console=make_console("auto", stderr=True), transient=True) as bar:
        task = bar.add_task("indexing", total=None)

        def update(stage: str, done: int, total: int) -> None:
            phases.setdefault(stage, time.monotonic())
            bar.update(task, description=stage, completed=done, total=total or None)

        yield update
    if phases:
        starts = [*phases.values(), time.monotonic()]
        took = ", ".join(
            f"{stage} {end - start:.1f} s" for stage, start, end in zip(phases, starts[:-1], starts[1:], strict=True)
        )
        write_note_line(f"built the search index in {starts[-1] - starts[0]:.1f} s ({took}); later commands use it.")


def _topic_ids(corpus: Corpus, names: Sequence[str]) -> list[str]:
    """The topic id for each name given to --topic; an unknown name is an error with suggestions."""
    from ecoqa.names import closest, find_topic, topic_names

    ids = []
    for name in names:
        topic = find_topic(corpus, name)
        if topic is None:
            raise NotFoundError(f"unknown topic {_shown(name)}; {_hint(closest(name, topic_names(corpus)), 'topics')}")
        ids.append(topic.id)
    return ids


def _principle_ids(corpus: Corpus, names: Sequence[str]) -> list[str]:
    from ecoqa.names import closest, find_principle, parse_id, principle_names

    ids = []
    for name in names:
        principle = find_principle(corpus, name)
        if principle is None:
            if parse_id(name) is not None:
                valid = f"1-{len(corpus.principles)}" if corpus.principles else "none"
                raise NotFoundError(f"no principle number {_shown(name)}; valid numbers are {valid}.")
            close = closest(name, principle_names(corpus))
            raise NotFoundError(f"unknown principle {_shown(name)}; {_hint(close, 'principles')}")
        ids.append(principle.id)
    return ids


def _shown(name: str) -> str:
    from ecoqa.text import one_line

    return repr(one_line(name, 60))


def _hint(close: Sequence[str], listing: str) -> str:
    return f"did you mean {' or '.join(close)}?" if close else f"see 'ecoqa {listing}'."


def _selected(corpus: Corpus, topics: Sequence[str], principles: Sequence[str]) -> list[int] | None:
    """Positions of entries with every named topic and principle; None when nothing narrows."""
    topic_ids = _topic_ids(corpus, topics)
    principle_ids = _principle_ids(corpus, principles)
    if not topic_ids and not principle_ids:
        return None
    positions = corpus.on_topics(topic_ids) if topic_ids else list(range(len(corpus.entries)))
    for principle in principle_ids:
        members = set(corpus.members("principle", principle))
        positions = [p for p in positions if p in members]
    return positions


def _filter_words(topics: Sequence[str], principles: Sequence[str]) -> str:
    parts = [f"topic {t}" for t in topics] + [f"principle {p}" for p in principles]
    return " and ".join(parts)


def _version_callback(value: bool) -> None:
    if value:
        from ecoqa.output import stdout
        from ecoqa.version import ecoqa_version

        out = stdout()
        out.write(f"ecoqa {ecoqa_version()}\n")
        out.flush()
        raise typer.Exit()


# ---------------------------------------------------------------------------- commands


@app.callback(invoke_without_command=True)
def main(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version_callback, is_eager=True, help="Show the version and exit."),
    ] = False,
    lang: LangOption = None,
    data: DataOption = None,
    color: ColorOption = None,
) -> None:
    """Explore the webinar Q&A. Without a command: a short overview."""
    ctx.obj = {"lang": lang, "data": data, "color": color}
    if ctx.invoked_subcommand is not None:
        return
    with _handled(color), _output(color) as out:
        corpus = _load(ctx, data)
        language = _lang(ctx, lang, corpus)
        from ecoqa.render import overview
        from ecoqa.suggest import examples
        from ecoqa.version import ecoqa_version

        path = _data_path(ctx, data)
        tried = examples(corpus, language, None if path is None else str(path))
        out.print(overview(corpus, language, ecoqa_version(), tried))


@command("list", short="List questions, by topic or principle.")
def list_(
    ctx: typer.Context,
    topic: TopicOption = None,
    principle: PrincipleOption = None,
    limit: Annotated[int | None, _limit_option(None, "Show at most N questions.")] = None,
    lang: LangOption = None,
    json_: JsonOption = False,
    plain: PlainOption = False,
    table: TableOption = False,
    data: DataOption = None,
    color: ColorOption = None,
    no_pager: PagerOption = False,
) -> None:
    """List questions, optionally filtered by topic and principle.

    Piped, each question is one tab-separated line (id, question); --table keeps the table.

    \b
    Examples:
      ecoqa list --topic mkb
      ecoqa list --topic SMEs --lang en
      ecoqa list --principle tijdelijk-eigenaarschap --json
      ecoqa list | grep -i ondernemerschap
    """
    _exclusive(json=json_, plain=plain)
    corpus = _load(ctx, data)
    language = _lang(ctx, lang, corpus)
    positions = _selected(corpus, topic or [], principle or [])
    if positions is not None and not positions:
        raise NoMatchError(f"no question has {_filter_words(topic or [], principle or [])}.")
    total = len(corpus.entries) if positions is None else len(positions)
    chosen: Sequence[int] = range(total) if positions is None else positions
    chosen = chosen[:limit] if limit else chosen
    entries = _entries_at(corpus, chosen, whole=positions is None)
    with _output(color, paging=not no_pager) as out:
        if json_:
            from ecoqa.export import list_item, streamed

            for chunk in streamed({"version": 2, "total": total}, "results", (list_item(e) for e in entries)):
                out.write(chunk)
        elif _rows_as_text(out, plain, table):
            from ecoqa.export import entry_rows, tsv

            for line in tsv(entry_rows(entries, language)):
                out.write(line)
        else:
            from ecoqa.render import entry_rows as rows

            console = out.console()
            for row in rows(entries, corpus, language, out.width):
                console.print(row)


def _entries_at(corpus: Corpus, positions: Sequence[int], *, whole: bool) -> Iterator[Entry]:
    """Entries at *positions*, read in order; a whole prefix streams from the store in batches."""
    if whole:
        for position, entry in enumerate(corpus.entries):
            if position >= len(positions):
                return
            yield entry
    else:
        for position in positions:
            yield corpus.entries[position]


@command(short="Show questions with answer, key points and sources.")
def show(
    ctx: typer.Context,
    ids: Annotated[
        list[str],
        typer.Argument(metavar="ID...", help="Question numbers.", autocompletion=complete_ids, show_default=False),
    ],
    lang: LangOption = None,
    json_: JsonOption = False,
    plain: Annotated[bool, typer.Option("--plain", help="Question and answer as clean text, to paste.")] = False,
    data: DataOption = None,
    color: ColorOption = None,
    no_pager: PagerOption = False,
) -> None:
    """Show questions with their answer, key points, principles, topics, references and source.

    \b
    Examples:
      ecoqa show 10
      ecoqa show 3 5 --lang en
      ecoqa show 12 --json
      ecoqa show 10 --plain      # the answer as text to paste
    """
    _exclusive(json=json_, plain=plain)
    corpus = _load(ctx, data)
    language = _lang(ctx, lang, corpus)
    entries = [_entry(corpus, raw) for raw in ids]
    with _output(color, paging=not no_pager) as out:
        if json_:
            from ecoqa.export import dumps, entry_payload

            out.write(dumps({"version": 2, "results": [entry_payload(e, corpus) for e in entries]}))
        elif plain:
            from ecoqa.export import plain_entry

            out.write("\n".join(plain_entry(e, language) for e in entries))
        else:
            from ecoqa.render import content_note, entry_view

            console = out.console()
            for entry in entries:
                console.print(entry_view(entry, corpus, language, corpus.related_headings(entry), out.width))
            note = content_note(corpus, entries, language)
            if note is not None:
                console.print(note)


def _entry(corpus: Corpus, raw: str) -> Entry:
    from ecoqa.names import parse_id

    number = parse_id(raw)
    entry = corpus.get(number) if number is not None else None
    if entry is None:
        hint = f" (to search, use: ecoqa search {_shown(raw)})" if any(c.isalpha() for c in raw) else ""
        raise NotFoundError(f"no question {_shown(raw)}; valid ids are {corpus.id_range()}.{hint}")
    return entry


@command(short="Search questions and answers, Dutch or English.")
def search(
    ctx: typer.Context,
    query: Annotated[
        list[str], typer.Argument(metavar="QUERY...", help="Words to search for, Dutch or English.", show_default=False)
    ],
    topic: TopicOption = None,
    principle: PrincipleOption = None,
    limit: Annotated[int, _limit_option(10, "Show at most N results.")] = 10,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show scores, which words matched and how much each counted.")
    ] = False,
    lang: LangOption = None,
    json_: JsonOption = False,
    plain: PlainOption = False,
    table: TableOption = False,
    data: DataOption = None,
    color: ColorOption = None,
    no_pager: PagerOption = False,
) -> None:
    """Search questions and answers; English words find Dutch text, typos and word parts too.

    Piped, each result is one tab-separated line (id, score, question); --table keeps the view.

    \b
    Examples:
      ecoqa search financing
      ecoqa search "tijdelijk eigenaarschap" --explain
      ecoqa search SMEs --lang en --limit 3
      ecoqa search fonds --topic overheid --json
    """
    _exclusive(json=json_, plain=plain)
    _exclusive(plain=plain, explain=explain)
    text = " ".join(query)
    if not text.strip():
        raise UsageError("empty query; give a word to search for, e.g. 'ecoqa search financing'.")
    corpus, index = _open(ctx, data)
    language = _lang(ctx, lang, corpus)
    allowed = _selected(corpus, topic or [], principle or [])
    from ecoqa.search.engine import search as run_search

    result = run_search(corpus, text, limit=limit, allowed=allowed, lang=language, index=index, explain=explain)
    if result.corrected:
        from ecoqa.output import write_note_line

        write_note_line(f"no matches for {_shown(text)}; showing results for {_shown(result.corrected)}.")
    with _output(color, paging=not no_pager) as out:
        _emit_hits(out, result, language, explain=explain, json_=json_, plain=plain, table=table)
    if not result.hits:
        _no_match(corpus, index, text, result, allowed, topic or [], principle or [], language)


def _emit_hits(
    out: Output, result: SearchResult, lang: str, *, explain: bool, json_: bool, plain: bool, table: bool
) -> None:
    if json_:
        from ecoqa.export import JSON_VERSION, hit_item, streamed

        head = {"version": JSON_VERSION, "query": result.query, "total": result.total}
        tail = {"suggestions": list(result.suggestions), "corrected": result.corrected}
        for chunk in streamed(head, "results", (hit_item(h, explain=explain) for h in result.hits), tail):
            out.write(chunk)
    elif _rows_as_text(out, plain, table):
        from ecoqa.export import hit_rows, tsv

        for line in tsv(hit_rows(result.hits, lang)):
            out.write(line)
    elif result.hits:
        from ecoqa.render import hit_rows as rows

        console = out.console()
        for row in rows(result.hits, lang, explain=explain, shown=len(result.hits), total=result.total):
            console.print(row)


def _no_match(
    corpus: Corpus,
    index: Index | None,
    text: str,
    result: SearchResult,
    allowed: list[int] | None,
    topics: Sequence[str],
    principles: Sequence[str],
    lang: str,
) -> NoReturn:
    if allowed is not None:
        from ecoqa.search.engine import search as run_search

        unfiltered = run_search(corpus, text, limit=1, lang=lang, index=index, snippets=False)
        if unfiltered.total:
            raise NoMatchError(
                f"no matches for {_shown(text)} with {_filter_words(topics, principles)}; "
                f"{unfiltered.total} without the filter."
            )
    hint = f"did you mean: {', '.join(result.suggestions)}?" if result.suggestions else "try other words."
    raise NoMatchError(f"no matches for {_shown(text)}; {hint}")


def _emit_listing(
    out: Output,
    *,
    json_: bool,
    rows: bool,
    payload: Callable[[], dict[str, Any]],
    text: Callable[[], Iterable[Sequence[object]]],
    view: Callable[[], Any],
) -> None:
    """One listing as JSON, as tab-separated rows, or as a view; export and render load only when used."""
    if json_:
        from ecoqa.export import dumps

        out.write(dumps(payload()))
    elif rows:
        from ecoqa.export import tsv

        for line in tsv(text()):
            out.write(line)
    else:
        out.print(view())


@command(short="List topics with their aliases and questions.")
def topics(
    ctx: typer.Context,
    lang: LangOption = None,
    json_: JsonOption = False,
    plain: PlainOption = False,
    table: TableOption = False,
    data: DataOption = None,
    color: ColorOption = None,
    no_pager: PagerOption = False,
) -> None:
    """List topics with their aliases and questions.

    \b
    Example:
      ecoqa topics --lang en
    """
    _exclusive(json=json_, plain=plain)
    corpus = _load(ctx, data)
    language = _lang(ctx, lang, corpus)
    from ecoqa import export, render

    with _output(color, paging=not no_pager) as out:
        _emit_listing(
            out,
            json_=json_,
            rows=_rows_as_text(out, plain, table),
            payload=lambda: export.topics_payload(corpus),
            text=lambda: export.topic_rows(corpus, language),
            view=lambda: render.topics_view(corpus, language, out.width),
        )


@command(short="List the speakers and the people mentioned.")
def speakers(
    ctx: typer.Context,
    lang: LangOption = None,
    json_: JsonOption = False,
    plain: PlainOption = False,
    table: TableOption = False,
    data: DataOption = None,
    color: ColorOption = None,
    no_pager: PagerOption = False,
) -> None:
    """List the webinar's speakers, then the people the answers mention.

    \b
    Example:
      ecoqa speakers --lang en
    """
    _exclusive(json=json_, plain=plain)
    corpus = _load(ctx, data)
    language = _lang(ctx, lang, corpus)
    from ecoqa import export, render

    with _output(color, paging=not no_pager) as out:
        _emit_listing(
            out,
            json_=json_,
            rows=_rows_as_text(out, plain, table),
            payload=lambda: export.speakers_payload(corpus),
            text=lambda: export.speaker_rows(corpus, language),
            view=lambda: render.speakers_view(corpus, language, out.width),
        )


@command(short="List key principles, or show one with its quotes.")
def principles(
    ctx: typer.Context,
    principle: Annotated[
        str | None,
        typer.Argument(
            metavar="PRINCIPLE",
            help="One principle: its number, id or title.",
            autocompletion=complete_principles,
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    json_: JsonOption = False,
    plain: PlainOption = False,
    table: TableOption = False,
    data: DataOption = None,
    color: ColorOption = None,
    no_pager: PagerOption = False,
) -> None:
    """List the key principles (derived), or one with its questions and verbatim evidence.

    \b
    Examples:
      ecoqa principles
      ecoqa principles 2
      ecoqa principles tijdelijk-eigenaarschap --lang en
    """
    _exclusive(json=json_, plain=plain)
    corpus = _load(ctx, data)
    language = _lang(ctx, lang, corpus)
    chosen = list(corpus.principles)
    if principle is not None:
        wanted = _principle_ids(corpus, [principle])[0]
        chosen = [p for p in corpus.principles if p.id == wanted]
    numbers = {p.id: n for n, p in enumerate(corpus.principles, start=1)}
    from ecoqa import export, render

    with _output(color, paging=not no_pager) as out:
        _emit_listing(
            out,
            json_=json_,
            rows=_rows_as_text(out, plain, table) and principle is None,
            payload=lambda: {
                "version": export.JSON_VERSION,
                "principles": [export.principle_payload(p, numbers[p.id]) for p in chosen],
            },
            text=lambda: export.principle_rows(chosen, corpus, language),
            view=lambda: render.principles_view(
                chosen, corpus, language, detail=principle is not None, width=out.width
            ),
        )


@command(short="Webinar details, audience, contact and counts.")
def info(
    ctx: typer.Context,
    lang: LangOption = None,
    json_: JsonOption = False,
    plain: PlainOption = False,
    data: DataOption = None,
    color: ColorOption = None,
    no_pager: PagerOption = False,
) -> None:
    """Webinar details, audience, related items, contact and corpus counts.

    \b
    Example:
      ecoqa info --lang en
    """
    _exclusive(json=json_, plain=plain)
    corpus = _load(ctx, data)
    language = _lang(ctx, lang, corpus)
    from ecoqa import export, render

    with _output(color, paging=not no_pager) as out:
        _emit_listing(
            out,
            json_=json_,
            rows=plain,
            payload=lambda: export.info_payload(corpus),
            text=lambda: export.info_rows(corpus, language),
            view=lambda: render.info_view(corpus, language, out.width),
        )


@command(short="Check a corpus file and list every problem.")
def validate(
    path: Annotated[
        Path, typer.Argument(metavar="FILE", help="Corpus file to check.", show_default=False, readable=False)
    ],
    json_: JsonOption = False,
) -> None:
    """Check a corpus file and list every problem with its location; exit 0 if valid, 3 if not.

    \b
    Example:
      ecoqa validate my-corpus.json
    """
    from ecoqa.corpus import check_file
    from ecoqa.output import stdout

    problems = check_file(path)
    out = stdout()
    if json_:
        from ecoqa.export import JSON_VERSION, dumps

        report = {
            "version": JSON_VERSION,
            "file": str(path),
            "valid": not problems,
            "problems": [{"where": p.where, "message": p.message} for p in problems],
        }
        out.write(dumps(report))
    else:
        from ecoqa.schema import version_note
        from ecoqa.text import one_line

        out.write("".join(one_line(str(p), 500) + "\n" for p in problems) or f"{one_line(str(path), None)}: valid\n")
        note = "" if problems else version_note(path)
        if note:
            _warn(note)
    out.flush()
    if problems:
        raise typer.Exit(ExitCode.CORPUS)


_EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".json": "json"}


@command(short="Export questions as Markdown, HTML or JSON.")
def export(
    ctx: typer.Context,
    ids: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="ID...",
            help="Questions to export (default: all).",
            autocompletion=complete_ids,
            show_default=False,
        ),
    ] = None,
    format_: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            case_sensitive=False,
            show_default=False,
            help="markdown (md), html or json; default: from the -o extension, else markdown.",
        ),
    ] = None,
    topic: TopicOption = None,
    principle: PrincipleOption = None,
    lang: LangOption = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", show_default=False, help="Write here ('-' for stdout)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    data: DataOption = None,
) -> None:
    """Export the corpus, chosen questions, or the questions on a topic, as a document to share.

    \b
    Examples:
      ecoqa export -o qa.html
      ecoqa export 10 12 -f md
      ecoqa export --lang en --topic mkb -o mkb.html
      ecoqa export -f json -o - | jq '.results | length'
    """
    corpus = _load(ctx, data)
    language = _lang(ctx, lang, corpus)
    chosen = _selected(corpus, topic or [], principle or [])
    positions: Sequence[int] = range(len(corpus.entries)) if chosen is None else chosen
    if ids:
        wanted = [_entry(corpus, raw).id for raw in ids]
        keep = set(positions)
        positions = [p for p in (corpus.position(i) for i in dict.fromkeys(wanted)) if p is not None and p in keep]
    if not positions:
        raise NoMatchError(f"no question has {_filter_words(topic or [], principle or [])}.")
    target = None if output is None or str(output) == "-" else output
    kind = _export_format(format_, target)
    from ecoqa import export as documents
    from ecoqa.version import ecoqa_version

    entries = _LazySelection(corpus, positions)
    filters = _filter_names(corpus, topic or [], principle or [], language)
    if ids:
        from ecoqa.labels import label

        filters.append(label(language, "selection", ids=", ".join(map(str, dict.fromkeys(wanted)))))
    import datetime

    doc = documents.Document(corpus, language, tuple(filters), ecoqa_version(), datetime.date.today().isoformat())
    chunks: Iterable[str | bytes]
    if kind == "markdown":
        chunks = documents.to_markdown(entries, doc)
    elif kind == "html":
        chunks = documents.to_html(entries, doc)
    else:
        chunks = documents.corpus_json(entries, corpus)
    if target is None:
        from ecoqa.output import write_chunks

        write_chunks(chunks)
        return
    from ecoqa.files import write_atomic

    protected = [p for p in (_data_path(ctx, data),) if p is not None]
    write_atomic(target, chunks, force=force, protected=protected)
    from ecoqa.output import write_note_line

    count = f"{len(positions)} question{'s' if len(positions) != 1 else ''}"
    write_note_line(f"wrote {count} ({kind}) to {target}")


class _LazySelection(Sequence["Entry"]):
    """Entries at chosen positions, read when iterated (twice: contents, then the entries)."""

    def __init__(self, corpus: Corpus, positions: Sequence[int]) -> None:
        self.corpus = corpus
        self.positions = positions

    def __len__(self) -> int:
        return len(self.positions)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self.corpus.entries[p] for p in self.positions[index]]
        return self.corpus.entries[self.positions[index]]

    @property
    def whole(self) -> bool:
        return isinstance(self.positions, range) and len(self.positions) == len(self.corpus.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.corpus.entries) if self.whole else (self.corpus.entries[p] for p in self.positions)

    def headings(self) -> Iterator[Heading]:
        """Ids and questions for the contents, without reading the answers."""
        corpus = self.corpus
        return corpus.headings(corpus.entries) if self.whole else (corpus.heading_at(p) for p in self.positions)

    def documents(self) -> Iterator[str] | None:
        """The entries as the JSON text a store keeps, when they are all of a store's entries."""
        read = getattr(self.corpus.entries, "documents", None)
        return read() if read is not None and self.whole else None


def _export_format(format_: Format | None, target: Path | None) -> str:
    if format_ is not None:
        return "markdown" if format_ is Format.md else format_.value
    if target is not None and target.suffix.lower() in _EXTENSIONS:
        return _EXTENSIONS[target.suffix.lower()]
    return "markdown"


def _filter_names(corpus: Corpus, topics: Sequence[str], principles: Sequence[str], lang: str) -> list[str]:
    from ecoqa.labels import label

    names = []
    topic_ids = _topic_ids(corpus, topics)
    if topic_ids:
        shown = ", ".join(t.name(lang) for t in (corpus.topic(i) for i in topic_ids) if t)
        names.append(label(lang, "topic_filter", names=shown))
    principle_ids = _principle_ids(corpus, principles)
    if principle_ids:
        shown = ", ".join(p.name(lang) for p in (corpus.principle(i) for i in principle_ids) if p)
        names.append(label(lang, "principle_filter", names=shown))
    return names


class CorpusLanguage(str, Enum):
    nl = "nl"
    en = "en"


@command("import", short="Make a corpus from Q&A pages, FAQ markup, Markdown or CSV.")
def import_(
    sources: Annotated[
        list[Path],
        typer.Argument(
            metavar="SOURCE...",
            help="Files to read: HTML or text pages, Markdown, CSV/TSV.",
            show_default=False,
            readable=False,  # ecoqa says why it cannot read a file, with exit code 3
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", show_default=False, help="Corpus to write ('-' for stdout)."),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", metavar="TEXT", show_default=False, help="Title, if the page has none.")
    ] = None,
    corpus_lang: Annotated[
        CorpusLanguage | None,
        typer.Option("--lang", metavar="nl|en", show_default=False, help="Language of the Q&A (default: detected)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Show what would be imported; write nothing.")
    ] = False,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            metavar="URL",
            show_default=False,
            help="Resolve relative links against URL (default: the page's address).",
        ),
    ] = None,
    question_column: Annotated[
        str | None,
        typer.Option(
            "--question-column",
            metavar="NAME",
            show_default=False,
            help="Table column of the questions (name or number).",
        ),
    ] = None,
    answer_column: Annotated[
        str | None,
        typer.Option(
            "--answer-column", metavar="NAME", show_default=False, help="Table column of the answers (name or number)."
        ),
    ] = None,
    skip_unreadable: Annotated[
        bool, typer.Option("--skip-unreadable", help="Import the readable sources; name the others on stderr.")
    ] = False,
) -> None:
    """Turn Q&A pages, FAQ pages, Markdown notes and spreadsheets into a corpus for --data.

    Recognised: numbered or labelled questions (Vraag:/Antwoord:, Q:/A:), one heading per
    question, schema.org FAQPage/QAPage markup (JSON-LD or microdata), <dl> and <details>
    lists, and CSV/TSV with question and answer columns. Several sources merge into one
    corpus, numbered in order; each question records its source file.

    \b
    Examples:
      ecoqa import faq.html -o mine.json
      ecoqa import notes.md questions.csv -o mine.json --title "Our FAQ"
      ecoqa import page.txt --dry-run
      ecoqa --data mine.json search funding
    """
    from ecoqa.files import check_target
    from ecoqa.importing.build import build, summary_lines
    from ecoqa.importing.sources import Options, read_sources
    from ecoqa.importing.table import Choice
    from ecoqa.version import ecoqa_version

    to_stdout = output is not None and str(output) == "-"
    if output is None and not dry_run:
        raise UsageError("say where to write the corpus with -o FILE ('-' for stdout), or look first with --dry-run.")
    if base_url is not None and not base_url.lower().startswith(("http://", "https://")):
        raise UsageError(f"--base-url takes a web address (http:// or https://), not '{base_url}'.")
    if output is not None and not to_stdout and not dry_run:
        check_target(output, force=force, protected=sources)
    lang = corpus_lang.value if corpus_lang else None
    options = Options(Choice(question_column, answer_column, lang), base_url)
    read, skipped = read_sources(sources, options, skip_unreadable=skip_unreadable)
    built = build(read, title=title, lang=lang, version=ecoqa_version(), base_url=base_url)
    text = _checked_corpus(built.document)
    for note in [*skipped, *built.notes]:
        _warn(note)
    from ecoqa.output import stdout, write_note_line

    if dry_run:
        out = stdout()
        out.write("".join(line + "\n" for line in summary_lines(read, built)))
        out.flush()
        return
    count = len(built.document["questions"])
    if to_stdout:
        out = stdout()
        out.write(text)
        out.flush()
        return
    from ecoqa.files import write_atomic

    assert output is not None
    write_atomic(output, [text], force=force, protected=sources)
    write_note_line(
        f"wrote {count} question{'s' if count != 1 else ''} to {output}; try: ecoqa --data {output} search WORDS"
    )


def _checked_corpus(document: dict[str, Any]) -> str:
    """The corpus as JSON text, checked by the same schema ``validate`` uses (a failure is our bug)."""
    import json

    from ecoqa.corpus import check_corpus

    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    problems = check_corpus(text.encode(), "imported corpus")
    if problems:
        raise RuntimeError(f"import made an invalid corpus: {problems[0]}")
    return text


@command(short="Browse and search in a full-screen app.")
def browse(
    ctx: typer.Context,
    topic: TopicOption = None,
    principle: PrincipleOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Browse and search interactively in a full-screen terminal app: type to search, Ctrl-Q quits.

    \b
    Example:
      ecoqa browse --lang en
    """
    from ecoqa.output import _is_tty

    if not (_is_tty(sys.stdin) and _is_tty(sys.stdout)):
        raise UsageError("browse needs an interactive terminal; in scripts use 'ecoqa search' or 'ecoqa list'.")
    corpus, index = _open(ctx, data)
    language = _lang(ctx, lang, corpus)
    from ecoqa.browse import run as run_browser

    topic_ids = _topic_ids(corpus, topic or [])
    narrowed = _selected(corpus, [], principle or [])
    run_browser(corpus, topic_ids, language, index, narrowed)


@command(short="Show or change settings (language, colour, pager).")
def config(
    key: Annotated[str | None, typer.Argument(metavar="KEY", help="lang, color or pager.", show_default=False)] = None,
    value: Annotated[str | None, typer.Argument(metavar="VALUE", help="The new value.", show_default=False)] = None,
    unset: Annotated[bool, typer.Option("--unset", help="Remove KEY from the config file.")] = False,
) -> None:
    """Show settings and where each comes from, or set one in the config file.

    \b
    Examples:
      ecoqa config                # every setting and its origin
      ecoqa config lang en        # English from now on
      ecoqa config --unset lang
    """
    from ecoqa import config as settings
    from ecoqa.output import stdout

    if key is not None and key not in settings.SETTINGS:
        raise UsageError(f"unknown setting {_shown(key)}; settings are {', '.join(settings.SETTINGS)}.")
    if unset or value is not None:
        if key is None:
            raise UsageError("give a setting to change, e.g. 'ecoqa config lang en'.")
        path = settings.save(key, None if unset else value)
        from ecoqa.text import one_line

        stdout().write(f"{key} {'removed from' if unset else 'saved in'} {one_line(str(path), None)}\n")
        return
    out = stdout()
    for name in [key] if key else list(settings.SETTINGS):
        found = settings.resolve(name)
        out.write(f"{name}\t{found.value or '-'}\t({found.origin})\n")
    out.flush()


@command("help", short="Help for ecoqa or one command.", hidden=True)
def help_(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(metavar="COMMAND", show_default=False)] = None,
) -> None:
    """Show help for ecoqa, or for one command (as 'ecoqa COMMAND --help')."""
    from ecoqa.output import stdout

    root = ctx.find_root()
    group = root.command
    assert isinstance(group, TyperGroup)
    if name is None:
        stdout().write(root.get_help() + "\n")
        return
    target = group.get_command(root, name)
    if target is None:
        raise UsageError(f"no command {_shown(name)}; see 'ecoqa --help'.")
    with type(root)(target, info_name=name, parent=root) as sub:
        stdout().write(target.get_help(sub) + "\n")


# ---------------------------------------------------------------------------- entry point


def _click_exceptions() -> tuple[Any, Any]:
    """Click's usage-error class and Typer's abort, wherever this Typer keeps Click (0.26+ vendor it)."""
    from typer._click.exceptions import ClickException

    return ClickException, typer.Abort


def run(argv: Sequence[str] | None = None) -> int:
    """Run ecoqa and return its exit code; what fails outside a command is mapped here too."""
    click_error, abort = _click_exceptions()
    if sys.stdout is None:  # started with stdout closed: every write fails with a clear message
        from ecoqa.output import ClosedStream

        sys.stdout = ClosedStream()
    try:
        result = typer.main.get_command(app).main(args=argv, prog_name="ecoqa", standalone_mode=False)
    except click_error as error:  # a usage error: one message, exit 2, even if stderr is full
        with suppress(OSError):
            error.show()
        return int(error.exit_code)
    except abort:
        return ExitCode.INTERRUPTED
    except EcoqaError as error:
        from ecoqa.output import write_error_line

        write_error_line(error.message)
        return exit_code_for(error)
    except BrokenPipeError:
        _quiet_pipe()
        return ExitCode.OK
    except OSError as error:  # help or version could not be written
        if error.errno == errno.EPIPE:
            _quiet_pipe()
            return ExitCode.OK
        from ecoqa.output import write_error_line

        write_error_line(f"cannot write output ({error.strerror or error}).")
        return ExitCode.OUTPUT
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    return result if isinstance(result, int) else ExitCode.OK
