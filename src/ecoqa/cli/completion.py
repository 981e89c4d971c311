"""Completion through Typer (fish, and what ``ecoqa.completion`` leaves to Typer): the same
candidates from the same corpus in use as the fast path gives bash and zsh. ``ecoqa.completion``
loads only when a TAB asks, so that it costs no command's start-up."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import typer
from typer import _completion_shared

if TYPE_CHECKING:
    from types import ModuleType

#: The bash script ``--install-completion`` writes: Typer's, passing the screen width (ids are
#: listed with their question, cut to fit) and keeping ecoqa's order (ids as numbers, not 1 10 11 2).
BASH_SCRIPT = """
%(complete_func)s() {
    local IFS=$'\\n'
    COMPREPLY=( $( env COMP_WORDS="${COMP_WORDS[*]}" \\
                   COMP_CWORD=$COMP_CWORD \\
                   COLUMNS=$COLUMNS \\
                   %(autocomplete_var)s=complete_bash $1 ) )
    return 0
}

complete -o default -o nosort -F %(complete_func)s %(prog_name)s 2>/dev/null \\
    || complete -o default -F %(complete_func)s %(prog_name)s
"""
_completion_shared._completion_scripts["bash"] = BASH_SCRIPT

Candidates = list[tuple[str, str]]
Finder = Callable[[Mapping[str, Any], str], Candidates]


def _from_corpus(pick: Callable[[ModuleType], Finder]) -> Callable[[typer.Context, str], Candidates]:
    def complete(ctx: typer.Context, incomplete: str) -> Candidates:
        from ecoqa import completion

        given = [str(value) for value in (ctx.params.get("data"), ctx.find_root().params.get("data")) if value]
        words = completion.Words(["ecoqa", "--data", given[0]] if given else ["ecoqa"], incomplete)
        return pick(completion)(completion.read_document(completion.corpus_path(words, os.environ)), incomplete)

    return complete


def _fixed(pick: Callable[[ModuleType], tuple[tuple[str, str], ...]]) -> Callable[[str], Candidates]:
    def complete(incomplete: str) -> Candidates:
        from ecoqa import completion

        return completion.fixed(pick(completion), incomplete)

    return complete


complete_ids = _from_corpus(lambda completion: completion.ids)
complete_topics = _from_corpus(lambda completion: completion.topics)
complete_principles = _from_corpus(lambda completion: completion.principles)
complete_languages = _fixed(lambda completion: completion.LANGUAGES)
complete_colors = _fixed(lambda completion: completion.COLORS)
complete_formats = _fixed(lambda completion: completion.FORMATS)
