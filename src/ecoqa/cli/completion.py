"""Completion through Typer (fish, and what ``ecoqa.completion`` leaves to Typer): the same
candidates from the same corpus in use as the fast path gives bash and zsh."""

from __future__ import annotations

import os
from collections.abc import Callable

import typer

from ecoqa import completion

Candidates = list[tuple[str, str]]


def _from_corpus(kind: Callable[[dict[str, object], str], Candidates]) -> Callable[[typer.Context, str], Candidates]:
    def complete(ctx: typer.Context, incomplete: str) -> Candidates:
        given = [str(value) for value in (ctx.params.get("data"), ctx.find_root().params.get("data")) if value]
        words = completion.Words(["ecoqa", "--data", given[0]] if given else ["ecoqa"], incomplete)
        return kind(completion.read_document(completion.corpus_path(words, os.environ)), incomplete)

    return complete


complete_ids = _from_corpus(completion.ids)
complete_topics = _from_corpus(completion.topics)
complete_principles = _from_corpus(completion.principles)


def complete_languages(incomplete: str) -> Candidates:
    return completion.fixed(completion.LANGUAGES, incomplete)


def complete_colors(incomplete: str) -> Candidates:
    return completion.fixed(completion.COLORS, incomplete)


def complete_formats(incomplete: str) -> Candidates:
    return completion.fixed(completion.FORMATS, incomplete)
