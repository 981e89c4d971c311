"""Shell completion: ids, topics and principles of the corpus in use, each once, quoted for the shell."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ecoqa.models import Corpus


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
