"""Click's usage errors in ecoqa's words, said in the interface language.

Click raises one exception per kind of mistake on the command line (an unknown option, a value
that does not convert, a missing argument, an option without its value); each becomes ecoqa's own
message, built from what the exception carries (the option, the parameter, the value), never from
Click's English sentence. The two Click reports only as text (an unknown command, arguments left
over) are raised by ecoqa's group and commands as the exceptions below. The line ends with where
the command's help is, or with the one close name when there is one.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

from typer._click.exceptions import BadOptionUsage, BadParameter, ClickException, MissingParameter, NoSuchOption
from typer._click.exceptions import UsageError as ClickUsageError

from ecoqa.messages import Message, clause, count, joined, msg


class UnknownCommand(ClickUsageError):
    """``ecoqa exprt``: a word close to a command's name, not a command (other words are searched)."""

    def __init__(self, name: str, close: Sequence[str], ctx: Any) -> None:
        super().__init__(f"No such command {name!r}.", ctx)
        self.name = name
        self.close = list(close)


class ExtraArguments(ClickUsageError):
    """Arguments a command does not take (``ecoqa config lang en fr``)."""

    def __init__(self, extra: Sequence[str], ctx: Any) -> None:
        super().__init__(f"Got unexpected extra argument(s) ({' '.join(extra)})", ctx)
        self.extra = list(extra)


def usage_message(error: ClickException) -> Message:
    """The line for *error*: what is wrong, then the close name or where the help is."""
    context = error.ctx if isinstance(error, ClickUsageError) else None
    if isinstance(error, (NoSuchOption, UnknownCommand)):
        close = _close_names(error, context)
        if close:
            return msg(
                "{problem}; did you mean {names}?", problem=_problem(error, context), names=joined(close, " or ")
            )
    problem = _problem(error, context)
    if context is None:
        return msg("{problem}.", problem=problem)
    return msg("{problem}; see '{command} --help'.", problem=problem, command=context.command_path)


def _problem(error: ClickException, context: Any) -> Message | str:
    """What is wrong, without a full stop."""
    if isinstance(error, NoSuchOption):
        if context is not None and _a_command_option(context, error.option_name):
            return msg("{option} goes after the command, e.g. 'ecoqa show 10 {option}'", option=error.option_name)
        command = context.command_path if context is not None else "ecoqa"
        return msg("'{command}' has no option {option}", command=command, option=error.option_name)
    if isinstance(error, UnknownCommand):
        return msg("no command {name}", name=repr(error.name))
    if isinstance(error, ExtraArguments):
        names = joined([repr(arg) for arg in error.extra], " ")
        return msg(
            "{what} {names}", what=count(len(error.extra), "unexpected argument", "unexpected arguments"), names=names
        )
    if isinstance(error, MissingParameter) and error.param is not None:
        name = _name_of(error.param)
        if error.param.param_type_name == "argument":
            return msg("missing argument {name}", name=name)
        return msg("missing option {name}", name=name)
    if isinstance(error, BadParameter):
        name = _name_of(error.param) if error.param is not None else ""
        return msg("invalid value for {name}: {reason}", name=name, reason=_reason(error))
    if isinstance(error, BadOptionUsage):
        if _a_flag(context, error.option_name):
            return msg("{option} takes no value", option=error.option_name)
        return msg("{option} needs a value", option=error.option_name)
    return error.format_message().strip().rstrip(".")  # a kind ecoqa does not know: Click's words


def _reason(error: BadParameter) -> Message | str:
    """Why a value was refused: ecoqa's own message from a check it made, else what the value is
    not (a number that does not convert), else the converter's words."""
    if isinstance(error.message, Message):
        return clause(error.message)
    from pydantic import ValidationError

    cause = error.__cause__
    if isinstance(cause, ValidationError) and cause.errors():
        first = cause.errors()[0]
        if first["type"].startswith("int_"):
            return msg("{value} is not a whole number", value=repr(first["input"]))
    return error.message.rstrip(".")


def _name_of(param: Any) -> str:
    """An option by its first long name (``--limit``), an argument as the help shows it (``ID...``)."""
    if param.param_type_name == "argument":
        return str(param.metavar or (param.name or "").upper())
    names = [name for name in param.opts if name.startswith("--")] or list(param.opts)
    return str(names[0])


def _options_of(context: Any) -> list[Any]:
    return [param for param in context.command.params if param.param_type_name == "option"]


def _a_flag(context: Any, option: str) -> bool:
    """True when *option* of the command is a flag (``--json``), which takes no value."""
    if context is None:
        return False
    return any(option in (*p.opts, *p.secondary_opts) and p.is_flag for p in _options_of(context))


def _close_names(error: ClickException, context: Any) -> list[str]:
    """The one option or command whose name is close to what was typed (``--jsn``: ``--json``),
    closer than Click's own guess (which offers ``--data`` for ``--table``)."""
    if isinstance(error, UnknownCommand):
        return [f"'ecoqa {name}'" for name in error.close]
    if context is None or not isinstance(error, NoSuchOption) or not error.option_name.startswith("--"):
        return []
    names = [name for param in _options_of(context) for name in param.opts if name.startswith("--")]
    return difflib.get_close_matches(error.option_name, names, n=1, cutoff=0.75)


def _a_command_option(context: Any, option: str) -> bool:
    """True when *option*, given to ``ecoqa`` itself, is an option of its commands (``ecoqa --json 10``)."""
    from typer.core import TyperGroup

    group = context.command
    return (
        context.parent is None
        and isinstance(group, TyperGroup)
        and any(option in param.opts for command in group.commands.values() for param in command.params)
    )
