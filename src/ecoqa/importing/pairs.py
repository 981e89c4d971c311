"""Find the questions and answers in a page's blocks, whatever front-end read the page.

The forms, tried in an order each front-end chooses:

- ``labelled``: ``Vraag:``/``Antwoord:``, ``Q:``/``A:``, ``Question 3:``/``Answer:``;
- ``terms``: definition lists and ``<details><summary>`` (HTML);
- ``numbered``: the longest run of numbered items of one shape counting up by one, each
  followed by some text (a numbered list inside an answer has another shape, or breaks the run);
- ``headings``: one heading per question (Markdown: any heading with text below it but the
  document's title; HTML and text: headings ending in a question mark);
- ``paragraphs``: paragraphs or list items ending in a question mark, each followed by an answer.

An answer runs to the next question. After the last one, the page's own furniture ends it: a
heading (navigation and "related" blocks follow Q&A on most pages) or a closing credit line
such as "Dit webinar werd georganiseerd door ...", which becomes ``webinar.organizer_line``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ecoqa.importing.blocks import Block, Link, compose, number_prefix

_QUESTION_LABEL = re.compile(
    r"^(?:(?:vraag|question)(?:\s+(?P<n>\d{1,4}))?\s*[:.)]|(?:q|v)(?P<m>\d{1,4})?\s*:)\s*(?P<rest>.*)$", re.I
)
_ANSWER_LABEL = re.compile(r"^(?:(?:antwoord|answer)(?:\s+\d{1,4})?\s*[:.)]|a\s*:)\s*(?P<rest>.*)$", re.I)
CREDIT = re.compile(
    r"^(?:dit|deze|this|the|our)\s+(?:webinar|evenement|event|bijeenkomst|sessie|session|meeting|seminar|"
    r"workshop|q&a|pagina|page)\b.{0,200}?\b(?:georganiseerd|organi[sz]ed|hosted|mogelijk gemaakt)\b",
    re.I,
)


@dataclass(frozen=True)
class Pair:
    question: str
    answer: str
    number: int | None = None
    topics: tuple[str, ...] = ()
    references: tuple[Link, ...] = ()


@dataclass
class Found:
    """What the recogniser found in one page."""

    pairs: list[Pair]
    form: str = ""
    intro: list[Block] = field(default_factory=list)
    closing: str | None = None
    first: int = 0  # where the first question is among the blocks
    skipped: list[str] = field(default_factory=list)  # questions without an answer


def recognise(blocks: Sequence[Block], order: Sequence[str]) -> Found:
    """The first form in *order* that finds questions with answers, or an empty ``Found``."""
    for name in order:
        if name == "labelled":
            entries = _labelled(blocks) if any(_ANSWER_LABEL.match(b.text) for b in blocks) else None
        else:
            starts = FORMS[name](blocks)
            entries = _between(blocks, starts) if starts else None
        if entries:
            found = _finish(blocks, entries, name)
            if found.pairs:
                return found
    return Found([])


Entry = tuple[int, "int | None", str, "list[Block]"]  # (position, number, question, answer blocks)


def _between(blocks: Sequence[Block], starts: list[tuple[int, int | None, str]]) -> list[Entry]:
    """Each question's answer is the blocks up to the next question."""
    ends = [at for at, _, _ in starts[1:]] + [len(blocks)]
    return [
        (at, number, question, list(blocks[at + 1 : end]))
        for (at, number, question), end in zip(starts, ends, strict=True)
    ]


def _finish(blocks: Sequence[Block], entries: list[Entry], form: str) -> Found:
    """Pairs from the entries: headings inside answers dropped, the last answer cut at furniture."""
    first = entries[0][0]
    found = Found([], form=form, intro=[b for b in blocks[:first] if b.kind != "heading"], first=first)
    for n, (_, number, question, body) in enumerate(entries):
        if n == len(entries) - 1:
            body, found.closing = _until_furniture(body)
        else:
            body = [_kept_heading(b) for b in body]
            body = [b for b in body if b.kind != "heading"]
        _add(found, question, number, body)
    if found.closing is None:
        found.closing = next((b.text for b in found.intro if CREDIT.match(b.text)), None)
    found.intro = [b for b in found.intro if b.text != found.closing]
    return found


def _kept_heading(block: Block) -> Block:
    """A heading guessed from a short text line stays answer text; a real heading is structure."""
    if block.kind == "heading" and block.level == 0:
        return Block("paragraph", block.text, links=block.links)
    return block


def _until_furniture(body: list[Block]) -> tuple[list[Block], str | None]:
    for n, block in enumerate(body):
        if block.kind == "heading":
            credit = next((b.text for b in body[n:] if CREDIT.match(b.text)), None)
            return body[:n], credit
        if block.kind == "paragraph" and CREDIT.match(block.text):
            return body[:n], block.text
    return body, None


def _add(found: Found, question: str, number: int | None, body: list[Block]) -> None:
    answer = compose(body)
    question = " ".join(question.split())
    if not question:
        return  # a label with nothing after it, and nothing on the lines below
    if not answer:
        found.skipped.append(question)
        return
    links = tuple(dict.fromkeys(link for b in body for link in b.links))
    found.pairs.append(Pair(question, answer, number, references=links))


def _labelled(blocks: Sequence[Block]) -> list[Entry]:
    """``Vraag:`` starts a question (its text may go on over the next lines), ``Antwoord:`` its answer."""
    entries: list[Entry] = []
    question: list[str] = []
    in_answer = False
    for at, block in enumerate(blocks):
        asked = _QUESTION_LABEL.match(block.text)
        answered = _ANSWER_LABEL.match(block.text)
        if asked:
            question = [asked.group("rest")] if asked.group("rest") else []
            given = asked.group("n") or asked.group("m")
            entries.append((at, int(given) if given else None, "", []))
            in_answer = False
        elif not entries:
            continue
        elif answered and not in_answer:
            in_answer = True
            if answered.group("rest"):
                entries[-1][3].append(block.with_text(answered.group("rest")))
        elif in_answer:
            entries[-1][3].append(block)
        else:
            question.append(block.text)
        at0, number, _, body = entries[-1]
        entries[-1] = (at0, number, " ".join(question), body)
    return entries


def _terms(blocks: Sequence[Block]) -> list[tuple[int, int | None, str]] | None:
    starts: list[tuple[int, int | None, str]] = [(at, None, b.text) for at, b in enumerate(blocks) if b.kind == "term"]
    return starts or None


def _numbered(blocks: Sequence[Block]) -> list[tuple[int, int | None, str]] | None:
    """The longest chain of numbered items of one shape counting up by one, with text between.

    A chain starts at a 1 (or at the lowest number, for an excerpt) that has text after it, so a
    numbered list above the questions (an agenda, say) does not hide the questions' own
    numbering; of two chains as long, the one that steps over fewer items of its shape wins.
    """
    best: list[int] = []
    best_score = (0, 0)
    for shape in dict.fromkeys(b.shape for b in blocks if b.kind == "numbered"):
        candidates = [at for at, b in enumerate(blocks) if b.kind == "numbered" and b.shape == shape]
        by_number: dict[int, list[int]] = {}
        for at in candidates:
            by_number.setdefault(blocks[at].number, []).append(at)
        first = (1, min(by_number))
        for start in (at for at in candidates if blocks[at].number in first and _has_text_after(blocks, at)):
            chain = _chain(blocks, by_number, start)
            skipped = bisect.bisect_left(candidates, chain[-1]) - bisect.bisect_right(candidates, chain[0])
            score = (len(chain), -(skipped - (len(chain) - 2)))
            if score > best_score:
                best, best_score = chain, score
    if len(best) < 2:
        return None
    return [(at, blocks[at].number, blocks[at].text) for at in best]


def _chain(blocks: Sequence[Block], by_number: dict[int, list[int]], start: int) -> list[int]:
    """From *start*, each next number's first item that has text before and after it."""
    chain = [start]
    while True:
        later = by_number.get(blocks[chain[-1]].number + 1, [])
        found = next(
            (
                at
                for at in later[bisect.bisect_right(later, chain[-1]) :]
                if _has_text_between(blocks, chain[-1], at) and _has_text_after(blocks, at)
            ),
            None,
        )
        if found is None:
            return chain
        chain.append(found)


def _has_text_between(blocks: Sequence[Block], start: int, end: int) -> bool:
    return any(b.kind in ("paragraph", "item", "code") for b in blocks[start + 1 : end])


def _has_text_after(blocks: Sequence[Block], at: int) -> bool:
    return at + 1 < len(blocks) and blocks[at + 1].kind in ("paragraph", "item", "code")


def _question_headings(blocks: Sequence[Block]) -> list[tuple[int, int | None, str]] | None:
    """Headings ending in a question mark, each with text below it."""
    starts = [
        _heading_start(at, b)
        for at, b in enumerate(blocks)
        if b.kind == "heading" and b.text.rstrip().endswith("?") and _has_text_after(blocks, at)
    ]
    return starts if len(starts) >= 2 else None


def _markdown_headings(blocks: Sequence[Block]) -> list[tuple[int, int | None, str]] | None:
    """Markdown: every heading with text below it is a question, at any level, except the
    document's title (the one heading at the top level, above deeper ones)."""
    headings = [at for at, b in enumerate(blocks) if b.kind == "heading"]
    top = min((blocks[at].level for at in headings), default=0)
    at_top = [at for at in headings if blocks[at].level == top]
    title = at_top[0] if len(at_top) == 1 and len(headings) > 1 and at_top[0] == headings[0] else None
    starts = [_heading_start(at, blocks[at]) for at in headings if at != title and _has_text_after(blocks, at)]
    return starts or None


def _heading_start(at: int, block: Block) -> tuple[int, int | None, str]:
    numbered = number_prefix(block.text)
    if numbered:
        return at, numbered[0], numbered[2]
    return at, None, block.text


def _question_paragraphs(blocks: Sequence[Block]) -> list[tuple[int, int | None, str]] | None:
    starts: list[tuple[int, int | None, str]] = [
        (at, None, b.text)
        for at, b in enumerate(blocks)
        if b.kind in ("paragraph", "numbered", "item")
        and b.text.endswith("?")
        and at + 1 < len(blocks)
        and blocks[at + 1].kind in ("paragraph", "item")
        and not blocks[at + 1].text.endswith("?")
    ]
    return starts if len(starts) >= 2 else None


FORMS: dict[str, Callable[[Sequence[Block]], list[tuple[int, int | None, str]] | None]] = {
    "terms": _terms,
    "numbered": _numbered,
    "question headings": _question_headings,
    "headings": _markdown_headings,
    "paragraphs": _question_paragraphs,
}

#: Human names of the forms, for messages.
FORM_NAMES = {
    "labelled": "labelled questions (Vraag:/Antwoord:, Q:/A:)",
    "terms": "question-and-answer lists (<dl>, <details>)",
    "numbered": "numbered questions",
    "question headings": "headings ending in '?'",
    "headings": "one heading per question",
    "paragraphs": "lines ending in '?' followed by answers",
}
