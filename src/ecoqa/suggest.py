"""The commands the overview suggests: each one works when pasted, on the corpus in use.

A corpus other than the bundled one is named with ``--data`` in every command, and the search
example uses a word of that corpus that the search finds (never a common word it refuses).
"""

from __future__ import annotations

import re
import shlex
from typing import TYPE_CHECKING

from ecoqa.errors import EcoqaError
from ecoqa.labels import label
from ecoqa.models import Corpus

if TYPE_CHECKING:
    from ecoqa.search.index import Index

#: How many of the first questions offer words for the search example.
QUESTIONS_TRIED = 5


def examples(corpus: Corpus, lang: str, data: str | None) -> list[tuple[str, str]]:
    """Up to three (command, why) pairs; *data* is the corpus file as the user named it (None: bundled)."""
    if not corpus.entries:
        return []
    prefix = "ecoqa" if data is None else f"ecoqa --data {shlex.quote(data)}"
    tried: list[tuple[str, str]] = []
    if data is None:  # the bundled webinar: English words find its Dutch answers
        tried.append((f"{prefix} search financing", label(lang, "example_search")))
    else:
        word = searchable_word(corpus, lang)
        if word:
            tried.append((f"{prefix} search {shlex.quote(word)}", label(lang, "example_search_own")))
    tried.append((f"{prefix} show {corpus.entries[0].id}", label(lang, "example_show")))
    if corpus.topics:
        tried.append((f"{prefix} list --topic {shlex.quote(corpus.topics[0].id)}", label(lang, "example_list")))
    return tried


def searchable_word(corpus: Corpus, lang: str, index: Index | None = None) -> str:
    """A word of the first questions that the search finds, the longest first ("" if none is);
    *index*: the corpus's index when it has one already (a large corpus's store)."""
    from ecoqa.search.engine import search

    text = " ".join(corpus.entries[i].question for i in range(min(QUESTIONS_TRIED, len(corpus.entries))))
    words: list[str] = sorted(
        dict.fromkeys(w.lower() for w in re.findall(r"[^\W\d_]{4,}", text)), key=len, reverse=True
    )
    for word in words[:12]:
        try:
            if search(corpus, word, limit=1, lang=lang, index=index, snippets=False, explain=False).hits:
                return word
        except EcoqaError:  # a common word the search refuses
            continue
    return ""
