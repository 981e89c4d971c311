"""The interactive and housekeeping commands: browse, config, help."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from ecoqa.cli.common import chosen_lang, command_prefix, open_corpus, quoted, selected, topic_ids
from ecoqa.cli.options import DataOption, LangOption, PrincipleOption, TopicOption, argument, command
from ecoqa.errors import UsageError
from ecoqa.messages import say, settle


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
        prefix = command_prefix(data)
        raise UsageError(
            "browse needs an interactive terminal; in scripts use '{prefix} search' or '{prefix} list'.", prefix=prefix
        )
    corpus, index = open_corpus(data)
    language = chosen_lang(lang, corpus)
    from ecoqa.browse import run as run_browser

    prefix = command_prefix(data)
    narrowed = selected(corpus, [], principle or [], prefix)
    run_browser(corpus, topic_ids(corpus, topic or [], prefix), language, index, narrowed)


@command(short="Show or change settings (language, colour, pager).")
def config(
    key: Annotated[str | None, argument("KEY", "lang, color, pager or data.")] = None,
    value: Annotated[str | None, argument("VALUE", "The new value.")] = None,
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
        raise UsageError(
            "unknown setting {key}; settings are {keys}.", key=quoted(key), keys=", ".join(settings.SETTINGS)
        )
    if unset:
        _unset(key)
        return
    if key is not None and value is not None:  # Click gives KEY before VALUE: never a VALUE alone
        saved = _shown_path(settings.save(key, value))
        if key == "lang":  # said in the language just chosen
            settle(settings.normalise(key, value))
        stdout().write(say("{key} saved in {path}", key=key, path=saved) + "\n")
        return
    out = stdout()
    for name in [key] if key else list(settings.SETTINGS):
        found = settings.resolve(name)
        origin = say(found.origin) if found.origin in ("default", "option") else _shown_path(found.origin)
        shown = _shown_path(found.value) if found.value else "-"  # a value or origin may hold escapes
        out.write(f"{name}\t{shown}\t({origin})\n")
    if key is None:  # where the file is, also before anything was set (as 'gh config' does)
        path = settings.config_path()
        state = say("exists") if path.is_file() else say("not created yet")
        out.write(f"file\t{_shown_path(path)}\t({state})\n")
    out.flush()


def _unset(key: str | None) -> None:
    """Remove *key* from the config file, or say that it was not set there."""
    from ecoqa import config as settings
    from ecoqa.output import stdout

    if key is None:
        raise UsageError("give the setting to remove, e.g. 'ecoqa config --unset lang'.")
    path = settings.config_path()
    if key not in settings.read_file():
        stdout().write(say("{key} is not set in {path}", key=key, path=_shown_path(path)) + "\n")
        return
    stdout().write(say("{key} removed from {path}", key=key, path=_shown_path(settings.save(key, None))) + "\n")


def _shown_path(path: Path | str) -> str:
    """A path or setting on one line, its control characters made visible (it may hold escape sequences)."""
    from ecoqa.text import one_line

    return one_line(str(path), None)


@command("help", short="Help for ecoqa or one command.", hidden=True)
def help_(
    ctx: typer.Context,
    name: Annotated[str | None, argument("COMMAND", "")] = None,
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
        raise UsageError("no command {name}; see 'ecoqa --help'.", name=quoted(name))
    with type(root)(target, info_name=name, parent=root) as sub:
        stdout().write(target.get_help(sub) + "\n")
