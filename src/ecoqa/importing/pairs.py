"""Questions and answers from a page's blocks, whatever front-end read the page.

``ecoqa.importing.structure`` chooses the structure that holds the questions; this module cuts
the answers out along it. Headings below the questions' rank stay in their answer as text;
headings above it are sections, which name the topic of the questions under them. After the
last answer, the page's own furniture ends it: a heading of a kind no other answer holds
(navigation and "related" blocks follow Q&A on most pages), or a closing credit line such as
"Dit webinar werd georganiseerd door ...", which becomes ``webinar.organizer_line``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ecoqa.importing.blocks import Block, Link, asked_and_answered, compose
from ecoqa.importing.candidates import Candidate
from ecoqa.importing.questions import ANSWER_LABEL, BOLD, CONTENT, QUESTION_LABEL, asks, heading_rank, question_text
from ecoqa.importing.structure import choose
from ecoqa.messages import Message, count, msg
from ecoqa.text import fold

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
    left_out: list[Message] = field(default_factory=list)  # what was not taken, and why (for the dry run)


def recognise(blocks: Sequence[Block]) -> Found:
    """The questions of the structure that explains the page best, or an empty ``Found``."""
    blocks = asked_and_answered(list(blocks))
    candidate = choose(blocks)
    if candidate is None:
        return Found([])
    return _cut(blocks, candidate)


def _cut(blocks: Sequence[Block], candidate: Candidate) -> Found:
    first = candidate.starts[0].at
    named_here = {_plain(blocks[at].text) for at in candidate.sections} | {_plain(s.question) for s in candidate.starts}
    intro = [b for b in blocks[:first] if b.kind not in ("heading", "code") and not _furniture(b, named_here)]
    found = Found([], form=candidate.name, intro=intro, first=first)
    sections = sorted(candidate.sections)
    named = {at: " ".join(blocks[at].text.split()) for at in sections}
    use_topics = len({named[at] for at in sections if at < candidate.starts[-1].at}) >= 2
    inner_ranks = {
        heading_rank(b) for first_at, end in candidate.spans[:-1] for b in blocks[first_at:end] if b.kind == "heading"
    }
    if len(candidate.starts) == 1 and candidate.starts[0].stop:  # one question: its sub-headings are its own
        inner_ranks = set(range(candidate.starts[0].stop + 1, 8))
    kept_headings = 0
    spans = _shared(candidate)
    for n, (start, (begin, end)) in enumerate(zip(candidate.starts, spans, strict=True)):
        body = list(blocks[begin:end])
        if body and (start.answer_from or QUESTION_LABEL.match(blocks[start.at].text)):
            body = _without_answer_label(body)  # "A:" under a question labelled "Q:" is a label too
        if n == len(candidate.starts) - 1:
            body, found.closing = _until_furniture(body, inner_ranks)
        kept_headings += sum(1 for b in body if b.kind == "heading")
        body = [_as_text(b) for b in body]
        topic = _topic(blocks, sections, start.at, start.stop) if use_topics else None
        _add(found, start.question, start.number, body, (topic,) if topic else ())
    if found.closing is None:
        found.closing = next((b.text for b in found.intro if CREDIT.match(b.text)), None)
    found.intro = [b for b in found.intro if b.text != found.closing]
    found.left_out = _left_out(blocks, candidate, kept_headings)
    return found


CONTENTS = re.compile(r"^(?:table of contents|contents|inhoud|inhoudsopgave|toc|on this page|op deze pagina)$")


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(question_text(text)[0])))


def _furniture(block: Block, named_here: set[str]) -> bool:
    """A line of a table of contents (it names a question or section of the page), or ASCII art."""
    plain = _plain(block.text)
    letters = sum(1 for c in block.text if c.isalpha())
    return plain in named_here or bool(CONTENTS.match(plain)) or letters * 2 < len("".join(block.text.split()))


def _shared(candidate: Candidate) -> list[tuple[int, int]]:
    """Questions asked one after the other with nothing between them share the answer after the last."""
    spans = list(candidate.spans)
    for n in range(len(spans) - 2, -1, -1):
        begin, end = spans[n]
        if begin == end == candidate.starts[n + 1].at:
            spans[n] = spans[n + 1]
    return spans


def _without_answer_label(body: list[Block]) -> list[Block]:
    label = ANSWER_LABEL.match(body[0].text)
    if not label:
        return body
    rest = label.group("rest").strip()
    # what follows the label is the answer's text, even a line short enough to pass for a heading ("A: /TOPIC <tab>")
    return [_as_text(body[0]).with_text(rest), *body[1:]] if rest else body[1:]


def _as_text(block: Block) -> Block:
    """A heading inside an answer stays there as a paragraph of its own."""
    return Block("paragraph", block.text, links=block.links) if block.kind in ("heading", "term") else block


def _topic(blocks: Sequence[Block], sections: list[int], at: int, stop: int) -> str | None:
    """The nearest section heading above a question (of a higher rank than the question, if it has one);
    *sections* in order, searched from the question up (not scanned whole for each question)."""
    for index in range(bisect.bisect_left(sections, at) - 1, -1, -1):
        place = sections[index]
        rank = heading_rank(blocks[place])
        if not stop or not rank or rank < stop:
            return " ".join(blocks[place].text.split())
    return None


def _until_furniture(body: list[Block], inner_ranks: set[int]) -> tuple[list[Block], str | None]:
    for n, block in enumerate(body):
        if _emphasis_in_answer(body, n):
            continue
        if block.kind == "heading" and (block.level == 0 or block.level not in inner_ranks):
            credit = next((b.text for b in body[n:] if CREDIT.match(b.text)), None)
            return body[:n], credit
        if block.kind == "paragraph" and CREDIT.match(block.text):
            return body[:n], block.text
    return body, None


def _emphasis_in_answer(body: list[Block], n: int) -> bool:
    """A bold line that does not ask, between text of the answer above and below it ("**Tests
    running in watch mode**" in a README's last answer): emphasis, not the page's furniture."""
    block = body[n]
    return (
        block.kind == "heading"
        and block.level == BOLD
        and not asks(block.text)
        and any(b.kind in CONTENT for b in body[:n])
        and n + 1 < len(body)
        and body[n + 1].kind in CONTENT
    )


def _add(found: Found, question: str, number: int | None, body: list[Block], topics: tuple[str, ...]) -> None:
    answer = compose(body)
    question = " ".join(question.split())
    if not question:
        return  # a label with nothing after it, and nothing on the lines below
    if not answer:
        found.skipped.append(question)
        return
    links = tuple(dict.fromkeys(link for b in body for link in b.links))
    found.pairs.append(Pair(question, answer, number, topics=topics, references=links))


def _left_out(blocks: Sequence[Block], candidate: Candidate, kept: int) -> list[Message]:
    """What the chosen structure did not take as questions, in words a person can check."""
    notes = []
    first = candidate.starts[0].at
    asked = {fold(s.question) for s in candidate.starts}
    before = [b for b in blocks[:first] if b.kind == "heading" and fold(b.text) not in asked]
    sections = [at for at in candidate.sections if at > first]
    if before:
        headings = count(len(before), "{n} heading", "{n} headings")
        notes.append(msg("{headings} above the first question: the title and introduction", headings=headings))
    if sections:
        headings = count(len(sections), "{n} heading", "{n} headings")
        notes.append(msg("{headings} between questions taken as sections (topics), not questions", headings=headings))
    if kept:
        notes.append(msg("{headings} kept inside answers", headings=count(kept, "{n} sub-heading", "{n} sub-headings")))
    return notes
