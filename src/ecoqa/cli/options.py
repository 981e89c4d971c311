"""The ``ecoqa`` app, its command decorator, and the options several commands share, declared once.

An option that several commands take is one ``Annotated`` alias here; a command lists it as a
parameter. Options given to ``ecoqa`` itself (``ecoqa --lang en list``) are the defaults of the
command that follows.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import itertools
import re
import sys
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from ecoqa.cli.completion import complete_colors, complete_languages, complete_principles, complete_topics
from ecoqa.cli.exits import EXIT_CODES_HELP, early_language, ended, handled, reader_gone_is_done
from ecoqa.messages import msg


class EcoqaGroup(TyperGroup):
    """Commands, plus two shortcuts: ``ecoqa 10`` shows question 10, ``ecoqa financing`` searches."""

    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in self.commands:
            from ecoqa.names import parse_id

            words = list(itertools.takewhile(lambda arg: not arg.startswith("-"), args))
            if all(parse_id(word) is not None for word in words):  # ``ecoqa 10 12 --lang en``
                return "show", self.commands["show"], args
            import difflib

            close = difflib.get_close_matches(name, list(self.commands), n=1, cutoff=0.75)
            if not close:
                return "search", self.commands["search"], args
            from ecoqa.cli.usage import UnknownCommand

            raise UnknownCommand(name, close, ctx)
        return super().resolve_command(ctx, args)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Click's main, with every way it can end mapped by ``exits.ended`` (one line on stderr)."""
        line = list(sys.argv[1:] if args is None else args)
        code = ended(
            lambda: TyperGroup.main(self, args, prog_name, complete_var, False, windows_expand_args, **extra),
            lambda: early_language(given(line, "--lang", "-l"), given(line, "--data")),
        )
        if standalone_mode:
            sys.exit(code)
        return code

    def list_commands(self, ctx: Any) -> list[str]:
        """The names in the order they were registered, without making the commands (``Commands``)."""
        return list(self.commands)

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        """Parsing ``ecoqa``'s own options runs ``--help`` and ``--version``."""
        with reader_gone_is_done(), stops_carried_past_typer():
            return super().make_context(info_name, args, parent, **extra)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        with usage_errors_in(ctx):
            return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        """Invoking parses the command's options, which runs its ``--help``."""
        with reader_gone_is_done(), stops_carried_past_typer():
            return super().invoke(ctx)


class _Stopping(Exception):
    """A kill or hang-up (its ``Stopped`` is the cause) on its way past Typer's main."""


@contextlib.contextmanager
def stops_carried_past_typer() -> Iterator[None]:
    """Typer's main ends every KeyboardInterrupt as a silent exit 130; a kill or hang-up that comes
    while the command line is parsed or a command loads (before the command's own ``handled``)
    passes it as another exception, which ``exits`` maps to 128 + its number and its line."""
    from ecoqa.errors import Stopped

    try:
        yield
    except Stopped as stop:
        raise _Stopping from stop


class EcoqaCommand(TyperCommand):
    """Help that reads like gh's and ripgrep's: ``ID...`` and ``[PRINCIPLE]``, never Python types;
    its usage errors carry what ecoqa says about them (``usage``)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Click's parsing, with arguments left over an error of their own (Click says only text)."""
        allowed, ctx.allow_extra_args = ctx.allow_extra_args, True
        try:
            with usage_errors_in(ctx, list(args)):  # a copy: Click's parser empties the list
                extra: list[str] = super().parse_args(ctx, negative_numbers_as_arguments(self, ctx, args))
        finally:
            ctx.allow_extra_args = allowed
        if extra and not allowed and not ctx.resilient_parsing:
            from ecoqa.cli.usage import ExtraArguments

            raise ExtraArguments(extra, ctx)
        return extra

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


_NEGATIVE_NUMBER = re.compile(r"-\d+")


def negative_numbers_as_arguments(command: Any, ctx: Any, args: list[str]) -> list[str]:
    """*args* with each negative number that is not an option's value moved after ``--``, where
    Click reads it as an argument: no ecoqa option is a number, so ``show -5`` asks for question
    -5 (and is told which ids there are), rather than for an option -5."""
    valued = {
        name for param in command.get_params(ctx) if param.param_type_name == "option" and not param.is_flag
        for name in param.opts
    }  # fmt: skip
    kept: list[str] = []
    moved: list[str] = []
    for position, word in enumerate(args):
        if word == "--":
            return [*kept, "--", *moved, *args[position + 1 :]] if moved else args
        after_option = position > 0 and args[position - 1] in valued
        (moved if _NEGATIVE_NUMBER.fullmatch(word) and not after_option else kept).append(word)
    return [*kept, "--", *moved] if moved else args


@contextlib.contextmanager
def usage_errors_in(ctx: Any, args: Sequence[str] | None = None) -> Iterator[None]:
    """A usage error Click's parser raises without its command (an option without its value)
    gets it, so that its line says where that command's help is. A command's mistake is said in
    the language of its --lang and --data (*args*, which Click may have stopped before reading),
    else those given to ``ecoqa`` itself (``early_language``)."""
    from typer._click.exceptions import UsageError as ClickUsageError

    try:
        yield
    except ClickUsageError as error:
        if error.ctx is None:
            error.ctx, error.cmd = ctx, ctx.command
        if args is not None:
            from ecoqa.messages import begin

            begin(lambda: _command_language(ctx, args))
        raise


def _command_language(ctx: Any, args: Sequence[str]) -> str:
    root = (ctx.find_root().obj or {}) if ctx.parent is not None else {}
    corpus = CORPUS_OF.get(ctx.command.name or "", "data")
    lang = given(args, "--lang", "-l")  # import's: the language of its sources, which it speaks
    data = (given(args, "--data") or root.get("data")) if corpus == "data" else None
    return early_language(lang or root.get("lang"), data, corpus=corpus == "data")


def given(line: Sequence[str], *names: str) -> str | None:
    """The value given to the option *names* on the command *line* (the last one wins), for what
    is said when Click stopped before reading it: ``ecoqa show 10 --bogus --lang nl``."""
    value = None
    for position, word in enumerate(line):
        if word == "--":
            break
        for name in names:
            if word == name and position + 1 < len(line):
                value = line[position + 1]
            elif word.startswith(f"{name}=") and name.startswith("--"):
                value = word.partition("=")[2]
    return value


app = typer.Typer(
    name="ecoqa",
    cls=EcoqaGroup,
    help="Read, search and share Q&A in Dutch or English: the bundled Q&A of the TNO / InnovationQuarter "
    "webinar on innovation ecosystems (17 February 2021), or your own (ecoqa import, then --data FILE). "
    "Without a command: an overview. 'ecoqa 10' shows "
    "question 10; 'ecoqa WORDS' searches.\n\n" + EXIT_CODES_HELP,
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Examples:\n\n\b\n  ecoqa search financing\n  ecoqa show 10 --lang en\n  ecoqa list --topic mkb\n"
    "  ecoqa config lang en      # English from now on",
)

F = TypeVar("F", bound=Callable[..., Any])


class Commands(MutableMapping[str, Any]):
    """The app's commands by name, each made into its click command the first time it is asked for.

    A run uses one command; making every one (Typer reads each parameter from its function's
    signature and annotations) cost a command at start-up more than showing a question does.
    ``--help``, "did you mean" and completion ask for them all and get them all.
    """

    def __init__(self, registered: Sequence[Any], make: Callable[[Any], Any]) -> None:
        name = typer.main.get_command_name
        self._registered = {info.name or name(info.callback.__name__): info for info in registered}
        self._make = make
        self._made: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._made:
            self._made[name] = self._make(self._registered[name])
        return self._made[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._made[name] = command

    def __delitem__(self, name: str) -> None:
        if name not in self:
            raise KeyError(name)
        self._registered.pop(name, None)
        self._made.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self._registered, *self._made]))

    def __len__(self) -> int:
        return len(self._registered.keys() | self._made.keys())

    def made(self) -> set[str]:
        return set(self._made)


def click_app() -> Any:
    """``app`` as the click group that runs it, with its commands made when first used (``Commands``)."""
    bare = copy.copy(app)  # the app's own options and callback, none of its commands
    bare.registered_commands = []
    group = typer.main.get_command(bare)
    make = functools.partial(
        typer.main.get_command_from_info,
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=app.rich_markup_mode,
    )
    group.commands = Commands(app.registered_commands, make)  # type: ignore[attr-defined]
    return group


#: command -> the parameter that names the corpus whose language it speaks until it has read it
#: (``data``, ``validate``'s FILE); None for a command that reads none (``import`` reads sources)
CORPUS_OF: dict[str, str | None] = {}


def command(
    name: str | None = None, *, short: str, hidden: bool = False, corpus: str | None = "data"
) -> Callable[[F], F]:
    """Register a command whose errors become one line on stderr and a documented exit code, said
    in the language of the corpus named by its parameter *corpus* until the command settles it."""

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            _inherit(kwargs)
            data = _given(kwargs, corpus) if corpus is not None else None
            with handled(_given(kwargs, "color"), _given(kwargs, "lang"), data, corpus=corpus is not None):
                return function(*args, **kwargs)

        CORPUS_OF[name or typer.main.get_command_name(function.__name__)] = corpus
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


def _given(kwargs: dict[str, Any], key: str) -> Any:
    """The command's own option *key*, else the one given to ``ecoqa`` itself: a command without a
    --lang of its own (config, help) still speaks the language of ``ecoqa --lang en config``."""
    if kwargs.get(key) is not None:
        return kwargs[key]
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    return ((ctx.find_root().obj or {}) if ctx is not None else {}).get(key)


def valued(*names: str, metavar: str, help: str, **more: Any) -> Any:
    """An option that takes a value: its names, what the value is (``FILE``) and its help; no
    default shown (the help says it where there is one)."""
    return typer.Option(*names, metavar=metavar, show_default=False, help=help, **more)


def argument(metavar: str, help: str, **more: Any) -> Any:
    """An argument as the help shows it: ``ID...``, ``FILE``; no default shown."""
    return typer.Argument(metavar=metavar, help=help, show_default=False, **more)


DataOption = Annotated[
    Path | None,
    valued(
        "--data",
        metavar="FILE",
        help="Corpus file to use instead of the bundled one.",
        envvar="ECOQA_DATA",
        show_envvar=True,
        readable=False,  # ecoqa says why it cannot read a file, with exit code 3
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON on stdout (stable keys, never coloured).")]
LangOption = Annotated[
    str | None,
    valued(
        "--lang",
        "-l",
        metavar="nl|en",
        help="Language: nl or en (default: ECOQA_LANG, config, the corpus's language, else en).",
        autocompletion=complete_languages,
    ),
]
ColorOption = Annotated[
    str | None,
    valued(
        "--color",
        metavar="auto|always|never",
        help="Color: auto follows the terminal and NO_COLOR (default: ECOQA_COLOR, config, auto).",
        autocompletion=complete_colors,
    ),
]
TopicOption = Annotated[
    list[str] | None,
    valued(
        "--topic",
        "-t",
        metavar="TOPIC",
        help="Topic id, label or alias; repeat to narrow.",
        autocompletion=complete_topics,
    ),
]
PrincipleOption = Annotated[
    list[str] | None,
    valued(
        "--principle",
        "-p",
        metavar="PRINCIPLE",
        help="Principle id, title or number; repeat to narrow.",
        autocompletion=complete_principles,
    ),
]
PlainOption = Annotated[bool, typer.Option("--plain", help="Tab-separated lines, no table (the default when piped).")]
TableOption = Annotated[bool, typer.Option("--table", help="A table even when piped.")]
PagerOption = Annotated[bool, typer.Option("--no-pager", help="Never page long output.")]


def at_least_one(value: int | None) -> int | None:
    if value is not None and value < 1:
        raise typer.BadParameter(msg("must be 1 or more."))
    return value


def limit_option(default: int | None, text: str) -> Any:
    return typer.Option(
        "--limit", "-n", metavar="N", show_default=default is not None, callback=at_least_one, help=text
    )
