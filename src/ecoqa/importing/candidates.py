"""Every way a page can mark its questions, as candidates for ``ecoqa.importing.structure`` to weigh.

A candidate is a list of question starts (and the section headings above them): a heading level,
headings that ask, the deepest headings of each branch, a numbering scheme counting up (``1.``,
``1)``, ``1.1`` under numbered sections), ``Q:``/``A:`` labels, paragraphs that ask, bullets each
followed by their answer, ``<dl>``/``<details>`` terms, a title that asks.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ecoqa.importing.blocks import Block, numbering
from ecoqa.importing.questions import (
    ANSWER_LABEL,
    BOLD,
    CONTENT,
    LEAD,
    QUESTION_LABEL,
    QUESTION_WORD,
    asks,
    heading_rank,
    likelihood,
    question_text,
)
from ecoqa.messages import msg


@dataclass(frozen=True)
class Start:
    """Where a question starts, what it asks, and what ends its answer."""

    at: int
    question: str
    number: int | None = None
    stop: int = 0  # a heading of this rank or higher ends the answer (0: only the next question or section)
    likely: float = 0.5  # how likely this is a real question
    answer_from: int = 0  # labelled questions: where the answer's blocks begin (0: right after the question)


@dataclass
class Candidate:
    """One reading of the page: its question starts and the section headings above them."""

    name: str
    starts: list[Start]
    sections: frozenset[int] = frozenset()
    score: float = 0.0
    spans: list[tuple[int, int]] = field(default_factory=list)


def title_at(blocks: Sequence[Block]) -> int | None:
    """The document's title: a first heading alone at the top level, above deeper ones."""
    headings = [at for at, b in enumerate(blocks) if b.kind == "heading" and b.level]
    if len(headings) < 2:
        return None
    top = min(blocks[at].level for at in headings)
    at_top = [at for at in headings if blocks[at].level == top]
    return at_top[0] if len(at_top) == 1 and at_top[0] == headings[0] and top < BOLD else None


def candidates(blocks: Sequence[Block], title: int | None) -> Iterator[Candidate]:
    headed = [at for at, b in enumerate(blocks) if heading_rank(b) and at != title and opens_text(blocks, at)]
    asking_page = _asking(blocks, headed)
    yield from _heading_levels(blocks, headed, title, asking_page)
    yield _leaf_headings(blocks, headed, title, asking_page)
    yield _asking_headings(blocks, headed, title)
    yield from _numbered(blocks, asking_page)
    yield _labelled(blocks)
    yield _asking_paragraphs(blocks)
    yield _items_with_text(blocks, asking_page)
    yield _terms(blocks, asking_page)
    if title is not None and asks(blocks[title].text) and opens_text(blocks, title):
        # a page that answers the one question its title asks; its sub-headings belong to the answer
        yield Candidate(msg("the question the title asks"), [_start(blocks[title], title, blocks[title].level, True)])


def _asking(blocks: Sequence[Block], headed: list[int]) -> bool:
    """Whether the page's questions ask: then a heading that does not is likely a section."""
    lines = headed + [at for at, b in enumerate(blocks) if b.kind == "numbered" and _content_after(blocks, at)]
    asking = sum(1 for at in lines if asks(blocks[at].text))
    return asking >= 2 and asking >= 0.2 * len(lines)


def opens_text(blocks: Sequence[Block], at: int) -> bool:
    """A heading with text under it, one of questions asked together above one answer (the first
    may exclaim: "Help! I have never used Linux!", then "How do I use (some Linux command)?"), or a
    question whose answer goes straight into sub-headings that do not ask ("If you can fix it")."""
    while at + 1 < len(blocks) and blocks[at + 1].kind == "heading" and (asks(blocks[at].text) or _pleads(blocks, at)):
        after = blocks[at + 1]
        if after.level > blocks[at].level and not asks(after.text) and _content_after(blocks, at + 1):
            return True
        if after.level != blocks[at].level or not asks(after.text):
            break
        at += 1
    return _content_after(blocks, at) or _opens_with_emphasis(blocks, at)


def _opens_with_emphasis(blocks: Sequence[Block], at: int) -> bool:
    """A heading whose text opens with a bold line that does not ask ("**History:**"), then text."""
    after = at + 1
    return (
        0 < heading_rank(blocks[at]) < BOLD
        and after < len(blocks)
        and heading_rank(blocks[after]) == BOLD
        and not asks(blocks[after].text)
        and _content_after(blocks, after)
    )


def _pleads(blocks: Sequence[Block], at: int) -> bool:
    """A heading that exclaims a problem ("Help! …!"), straight above a question of its level."""
    after = blocks[at + 1]
    return blocks[at].text.rstrip().endswith("!") and after.level == blocks[at].level and asks(after.text)


def _content_after(blocks: Sequence[Block], at: int) -> bool:
    """Whether text follows: a block of content that is not another line numbered like this one."""
    if at + 1 >= len(blocks) or not is_text(blocks[at + 1]):
        return False
    this, after = blocks[at], blocks[at + 1]
    return not (after.kind == "numbered" and _shape(after) == _shape(this))


def is_text(block: Block) -> bool:
    """Content, or a short line of text only guessed to be a heading ("Yes", "Ons werk")."""
    return block.kind in CONTENT or (block.kind == "heading" and not block.level)


def _shape(block: Block) -> str:
    """How a block is numbered: its list and style for numbered items, else the style of its number."""
    if block.kind == "numbered":
        return block.shape
    number = numbering(block.text)
    return f"{block.kind}{block.level}:{number.shape}" if number else ""


def _start(block: Block, at: int, stop: int, asking_page: bool, floor: float = 0.0) -> Start:
    question, number = question_text(block.text)
    if block.kind == "numbered":
        question, number = block.text, block.number  # its number is read already
    return Start(at, question, number, stop, max(floor, likelihood(block.text, asking_page=asking_page)))


def _sections_above(blocks: Sequence[Block], title: int | None, rank: int) -> frozenset[int]:
    return frozenset(at for at, b in enumerate(blocks) if 0 < heading_rank(b) < rank and at != title)


def _heading_levels(
    blocks: Sequence[Block], headed: list[int], title: int | None, asking_page: bool
) -> Iterator[Candidate]:
    """Every heading of one rank is a question; higher ones are sections, lower ones belong to answers."""
    for rank in sorted({blocks[at].level for at in headed}):
        chosen = {at for at in headed if blocks[at].level == rank}
        siblings = _siblings_among(blocks, rank, chosen)
        starts = [
            _start(blocks[at], at, rank, asking_page, _SIBLING * (at in siblings)) for at in sorted(chosen | siblings)
        ]
        named = msg("lines in bold") if rank == BOLD else msg("level-{rank} headings", rank=rank)  # not 'level-7'
        yield Candidate(named, starts, _sections_above(blocks, title, rank))


def _leaf_headings(blocks: Sequence[Block], headed: list[int], title: int | None, asking_page: bool) -> Candidate:
    """The deepest heading of each branch, with text under it: a troubleshooting page's problems; and
    a heading that asks, with text of its own above its follow-up questions. On a page whose
    questions ask, sub-headings deeper than any heading that asks, under a heading with text of
    its own, belong to its answer ("Tearing", then "Windows", "X11/Intel"): that heading is the entry;
    so do bold lines that do not ask under a heading with text of its own (a README's "np hangs",
    then "**Tests running in watch mode**"): on any page they are emphasis in its answer; and, on a
    page whose entries state rather than ask (no level of questions to be deeper than), sub-headings
    none of which asks under a heading that asks with text of its own ("How do I depend on the newest
    client?", then "Spring Cloud Alibaba", "Dubbo"): they divide its answer."""
    starts = []
    inside: set[int] = set()  # sub-headings of an entry's answer
    asking = [at for at in headed if asks(blocks[at].text)]
    rank = Counter(blocks[at].level for at in asking).most_common(1)[0][0] if asking else 0
    asking_ranks = {heading_rank(blocks[at]) for at in asking if not _bold_in_an_answer(blocks, at, rank)}
    question_level = max(asking_ranks) if asking_page and asking_ranks else 0
    for at in headed:
        if at in inside:
            continue
        rank = blocks[at].level
        end = next((n for n in range(at + 1, len(blocks)) if 0 < heading_rank(blocks[n]) <= rank), len(blocks))
        below = [n for n in range(at + 1, end) if heading_rank(blocks[n]) > rank]
        deeper = question_level and all(heading_rank(blocks[n]) > question_level for n in below)
        emphasis = all(heading_rank(blocks[n]) == BOLD and not asks(blocks[n].text) for n in below)
        divided = (
            not question_level
            and asks(blocks[at].text)
            and _content_after(blocks, at)
            and not any(asks(blocks[n].text) for n in below)
        )
        if below and (deeper or emphasis or divided):
            inside.update(below)
            starts.append(_start(blocks[at], at, rank, asking_page))
        elif asks(blocks[at].text) or not below:
            starts.append(_start(blocks[at], at, rank, asking_page))
    headings = frozenset(at for at, b in enumerate(blocks) if heading_rank(b) and at != title)
    sections = headings - {s.at for s in starts} - inside
    return Candidate(msg("the deepest headings"), starts, sections)


#: Words in a heading after the last question that make it a problem stated as a sentence, not a closing section.
_STATED_WORDS = 7
#: After the last question, a problem stated in fewer words is one too ("rustup fails with Windows error 32").
_PROBLEM_WORDS = 4
#: What a heading stating a problem says: something fails, is wrong or is not there.
_PROBLEM = re.compile(
    r"\b(?:not|never|cannot|can't|won't|doesn't|don't|isn't|error|errors|fails?|failed|failing|broken|wrong|"
    r"missing|crash(?:es|ed)?|werkt niet|fout|foutmelding)\b",
    re.I,
)


def _asking_headings(blocks: Sequence[Block], headed: list[int], title: int | None) -> Candidate:
    """Headings that ask, at whatever level; their rank's other headings among them are questions too.

    A heading of that rank before the first question or after the last is an introduction or a
    closing section (it ends the answer above it) unless it starts with a question word, or
    states a problem in a sentence as questions do: after the last, any sentence ("There are
    missing icons on the interface"; a closing section is named in a few words: "Contact", "See
    also") or a few words saying what fails ("rustup fails with Windows error 32"); before the
    first, a sentence saying what fails ("listing directory failed … error on macOS"; an
    introduction does not).
    """
    asking = [at for at in headed if asks(blocks[at].text)]
    if len(asking) < 2:
        return Candidate(msg("headings ending in '?'"), [])
    rank = Counter(blocks[at].level for at in asking).most_common(1)[0][0]
    asking = [at for at in asking if not _bold_in_an_answer(blocks, at, rank)]
    if len(asking) < 2:
        return Candidate(msg("headings ending in '?'"), [])
    chosen = set(asking)
    for at in headed:
        among = asking[0] < at < asking[-1]
        words = question_text(blocks[at].text)[0]
        sentence = len(words.split()) >= _STATED_WORDS
        problem = len(words.split()) >= _PROBLEM_WORDS and bool(_PROBLEM.search(words))
        stated = (at > asking[-1] and (sentence or problem)) or (at < asking[0] and sentence and problem)
        first = at < asking[0] and _first_under_title(blocks, at, rank, title, asking[0])
        asked = QUESTION_WORD.match(words)
        if blocks[at].level == rank and (among or stated or first or asked):
            chosen.add(at)
        elif rank < blocks[at].level < BOLD and among and asked and _follow_up(blocks, at, chosen):
            chosen.add(at)  # "What are the differences between …" among "<h4>" follow-ups that ask
    siblings = _siblings_among(blocks, rank, chosen)
    chosen |= siblings
    starts = [
        _start(blocks[at], at, min(rank, blocks[at].level), True, _SIBLING * (at in siblings)) for at in sorted(chosen)
    ]
    sections = frozenset(
        at for at, b in enumerate(blocks) if 0 < heading_rank(b) <= rank and at not in chosen and at != title
    )
    return Candidate(msg("headings ending in '?'"), starts, sections)


def _follow_up(blocks: Sequence[Block], at: int, chosen: set[int]) -> bool:
    """Whether a heading below the questions' rank is among follow-up questions: under a question, most
    headings of its level ask ("<h4>" questions under an "<h3>" question)."""
    level, parent = blocks[at].level, _parent(blocks, at)
    if parent is None or parent not in chosen:
        return False
    end = next(
        (n for n in range(parent + 1, len(blocks)) if 0 < heading_rank(blocks[n]) <= heading_rank(blocks[parent])),
        len(blocks),
    )
    alike = [n for n in range(parent + 1, end) if heading_rank(blocks[n]) == level]
    return 2 * sum(1 for n in alike if asks(blocks[n].text)) > len(alike)


def _parent(blocks: Sequence[Block], at: int) -> int | None:
    """The nearest heading above *at* of a higher rank."""
    return next((n for n in range(at - 1, -1, -1) if 0 < heading_rank(blocks[n]) < blocks[at].level), None)


#: How likely a heading among the questions, of their rank, is one too: as likely as not, whatever it says.
_SIBLING = 0.5


def _siblings_among(blocks: Sequence[Block], rank: int, chosen: set[int]) -> set[int]:
    """Headings of the questions' rank inside their run, between the first and the last one chosen: siblings of
    the questions, questions too though they neither ask nor state a problem in a sentence ("There is an
    Atheme "0day exploit"?!&%&%@!!" between "Which crypto module should I use?" and "I get a compile error …"),
    or open their answer with a bold line. Not one named as an introduction is, nor one with nothing of its
    own under it, nor one over sub-headings that ask (a section of questions)."""
    first, last = min(chosen), max(chosen)
    siblings = set()
    for at in range(first + 1, last):
        if at in chosen or heading_rank(blocks[at]) != rank or INTRODUCTION.match(" ".join(blocks[at].text.split())):
            continue
        end = next((n for n in range(at + 1, len(blocks)) if 0 < heading_rank(blocks[n]) <= rank), len(blocks))
        under = blocks[at + 1 : end]
        if any(is_text(b) for b in under) and not any(heading_rank(b) and asks(b.text) for b in under):
            siblings.add(at)
    return siblings


def _bold_in_an_answer(blocks: Sequence[Block], at: int, rank: int) -> bool:
    """A bold line that asks inside the answer of an entry, on a page whose questions are headings:
    the answer's own emphasis ("**What about Mininet 2.0.0?**" under "Can I run a GUI …?"), not a
    question; under a section above the questions' rank, bold lines may be the section's questions. A bold
    question that opens a paragraph with its answer after it ("**Wanneer begint het?** In mei.") is asked and
    answered in the page's own form, not emphasis."""
    if rank >= BOLD or heading_rank(blocks[at]) != BOLD or blocks[at].shape == LEAD:
        return False  # a bold question opening its own answer's paragraph is one of the page's forms
    above = next((n for n in range(at - 1, -1, -1) if 0 < heading_rank(blocks[n]) < BOLD), None)
    return above is not None and heading_rank(blocks[above]) >= rank


#: What an introduction, a table of contents or a general heading is called, in English and Dutch.
INTRODUCTION = re.compile(
    r"^(?:intro(?:duction)?|about\b.*|overview|welcome\b.*|contents|table of contents|general|preface|"
    r"inleiding|over\b.*|overzicht|welkom\b.*|inhoud(?:sopgave)?|algemeen)\W*$",
    re.I,
)


def _first_under_title(blocks: Sequence[Block], at: int, rank: int, title: int | None, asked: int) -> bool:
    """The first heading of the questions' rank, straight under the page's title or a section
    heading with no text between ("Frequently Asked Questions", then "The font looks tiny"), or
    at the very start, with the first question the next heading of its rank: the first entry,
    unless it is named as an introduction is."""
    before = [n for n in range(at) if heading_rank(blocks[n])]
    return (
        (at == 0 or (blocks[at - 1].kind == "heading" and 0 < heading_rank(blocks[at - 1]) < rank))
        and all(heading_rank(blocks[n]) < rank for n in before if n != title)
        and not any(0 < heading_rank(blocks[n]) <= rank for n in range(at + 1, asked))
        and not INTRODUCTION.match(" ".join(blocks[at].text.split()))
    )


def _numbered(blocks: Sequence[Block], asking_page: bool) -> Iterator[Candidate]:
    """Per numbering shape, the longest run counting up, each number followed by text.

    Dotted numbers (``3.12``) count up within their section; the sections (``3.``) above them
    end answers and name the topic.
    """
    shapes: dict[str, list[int]] = {}
    for at, block in enumerate(blocks):
        shape = _shape(block)
        if shape:
            shapes.setdefault(shape, []).append(at)
    for places in shapes.values():
        chain = _counting_up(blocks, places)
        if len(chain) < 2 or (len(chain) == 2 and not _next_number(_path(blocks[chain[0]]), _path(blocks[chain[1]]))):
            continue  # two numbers that skip one ("2.0 CPUs", then "4.0 CPUs") are quantities, not a run
        sections = _numbered_sections(blocks, chain)
        # a numbered heading's answer ends at a heading of its rank; a numbered line's at any heading
        stop = heading_rank(blocks[chain[0]]) or BOLD - 1
        starts = [_start(blocks[at], at, stop, asking_page, floor=0.85) for at in chain]
        yield Candidate(msg("numbered questions"), starts, sections)


def _path(block: Block) -> tuple[int, ...]:
    if block.kind == "numbered":
        return block.path or (block.number,)
    found = numbering(block.text)
    return found.path if found else ()


def _counting_up(blocks: Sequence[Block], places: list[int]) -> list[int]:
    """The longest run of numbers counting up (each next one +1 in its last part, or a new section from 1).

    Only numbers followed by text count, so a table of contents above the questions is not one.
    A run may start at any number (an excerpt) and skip one missing number; of two runs as long,
    the one that steps over fewer lines numbered alike wins (an agenda above the questions).
    """
    usable = [at for at in places if _content_after(blocks, at)]
    paths = [_path(blocks[at]) for at in usable]
    indexes: dict[tuple[int, ...], list[int]] = {}  # a path -> its indexes in usable, in order
    for number, path in enumerate(paths):
        indexes.setdefault(path, []).append(number)
    # a list's value="-5": the numbers that may follow are too many to look up, so they are scanned for
    where = None if any(part < 0 for path in paths for part in path) else indexes
    best: list[int] = []
    best_key = (0, 0)
    used: set[int] = set()
    for first_index, first in enumerate(usable):
        if first in used:
            continue
        chain = [first]
        index: int | None = _next_in_run(paths, where, first_index)
        while index is not None:
            chain.append(usable[index])
            index = _next_in_run(paths, where, index)
        used.update(chain)
        inside = bisect.bisect_right(places, chain[-1]) - bisect.bisect_left(places, chain[0])
        key = (len(chain), len(chain) - inside)
        if key > best_key:
            best, best_key = chain, key
    return best


def _next_in_run(
    paths: list[tuple[int, ...]], where: dict[tuple[int, ...], list[int]] | None, index: int
) -> int | None:
    """The first index after *index* whose number follows the one at *index*. The numbers that can
    follow one of one or two parts are few and looked up in *where*, so that a long document with
    many runs (each section numbered from 1) is not scanned to its end for each run; others are scanned."""
    before = paths[index]
    following = _following(before) if where is not None else None
    if following is None or where is None:
        return next((n for n in range(index + 1, len(paths)) if _follows(before, paths[n])), None)
    found = []
    for path in following:
        places = where.get(path, [])
        at = bisect.bisect_right(places, index)
        if at < len(places):
            found.append(places[at])
    return min(found, default=None)


def _following(before: tuple[int, ...]) -> list[tuple[int, ...]] | None:
    """Every number of no negative part that ``_follows`` *before*, when it has one or two parts; else None."""
    if len(before) == 1:
        return [(before[0] + 1,), (before[0] + 2,)]
    if len(before) == 2:
        section, last = before
        following: list[tuple[int, ...]] = [(section, last + 1), (section, last + 2)]
        return following + [(section + step, first) for step in (1, 2) for first in (0, 1, 2)]
    return None


def _next_number(before: tuple[int, ...], after: tuple[int, ...]) -> bool:
    """Whether *after* is the very next number after *before* (``3`` after ``2``; ``2.1`` after ``1.4``)."""
    if len(before) != len(after) or not before:
        return False
    if before[:-1] == after[:-1]:
        return after[-1] == before[-1] + 1
    return after[:-2] == before[:-2] and after[-2] == before[-2] + 1 and after[-1] <= 1


def _follows(before: tuple[int, ...], after: tuple[int, ...]) -> bool:
    if len(before) != len(after) or not before:
        return False
    if before[:-1] == after[:-1]:
        return 0 < after[-1] - before[-1] <= 2
    return after[:-1] > before[:-1] and after[-1] <= 2 and after[-2] - before[-2] <= 2


def _numbered_sections(blocks: Sequence[Block], chain: list[int]) -> frozenset[int]:
    """For dotted numbers, each section's own numbered line: the nearest one above its first question,
    numbered as the section (``3.``) or as its entry 0 (``3.0``, ``03.00``: outline-numbered FAQs head a
    section so)."""
    sections = set()
    seen: set[tuple[int, ...]] = set()
    for at in chain:
        parent = _path(blocks[at])[:-1]
        if not parent or parent in seen:
            continue
        seen.add(parent)
        own = (parent, (*parent, 0))
        above = next((n for n in range(at - 1, -1, -1) if _path(blocks[n]) in own), None)
        if above is not None:
            sections.add(above)
    return frozenset(sections)


def _labelled(blocks: Sequence[Block]) -> Candidate:
    """``Vraag:`` starts a question (which may go on over the next lines), ``Antwoord:`` its answer;
    headings between them are sections."""
    if not any(ANSWER_LABEL.match(b.text) for b in blocks):
        return _labelled_without_answers(blocks)
    starts: list[Start] = []
    at = 0
    while at < len(blocks):
        asked = QUESTION_LABEL.match(blocks[at].text)
        if not asked:
            at += 1
            continue
        question = [asked.group("rest")] if asked.group("rest") else []
        given = asked.group("n") or asked.group("m")
        answer = at + 1
        while answer < len(blocks) and not ANSWER_LABEL.match(blocks[answer].text):
            if QUESTION_LABEL.match(blocks[answer].text) or len(question) > 3:
                break
            question.append(blocks[answer].text)
            answer += 1
        number = int(given) if given else None
        shared = _shared_answer(blocks, answer) if question and asks(question[-1]) else None
        if answer < len(blocks) and ANSWER_LABEL.match(blocks[answer].text):
            starts.append(Start(at, " ".join(question), number, 0, 0.95, answer_from=answer))
        elif shared is not None:  # "Q3a: … ?" "Q3b: … ?" then one "A3:" for both
            starts.append(Start(at, " ".join(question), number, 0, 0.95, answer_from=shared))
        elif len(question) > 1 and asks(question[0]) and not any(map(asks, question[1:])):
            # asked, then answered without the label the other answers have
            starts.append(Start(at, question[0], number, 0, 0.9, answer_from=at + 1))
        elif question and asks(question[-1]) and _mislabelled_answer(blocks, answer):
            # asked, then answered under the next question's label ("Q5: …?" then "Q6: VStar uses …")
            starts.append(Start(at, " ".join(question), number, 0, 0.9, answer_from=answer))
        at = answer
    sections = frozenset(at for at, b in enumerate(blocks) if heading_rank(b))  # they end the answer above
    return Candidate(msg("labelled questions"), starts, sections)


def _labelled_without_answers(blocks: Sequence[Block]) -> Candidate:
    """``Q. …`` lines over unlabelled answers, on a page that labels no answer: each label starts a
    question, asked or stated as a problem ("Q. I get a result of 85C when reading temperatures"),
    and the text under it, up to the next label or heading, is its answer."""
    starts = []
    for at, block in enumerate(blocks):
        asked = QUESTION_LABEL.match(block.text)
        if asked and asked.group("rest") and _content_after(blocks, at):
            given = asked.group("n") or asked.group("m")
            starts.append(Start(at, asked.group("rest"), int(given) if given else None, 0, 0.95))
    sections = frozenset(at for at, b in enumerate(blocks) if heading_rank(b))
    return Candidate(msg("labelled questions"), starts if len(starts) >= 2 else [], sections)


def _mislabelled_answer(blocks: Sequence[Block], at: int) -> bool:
    """Whether the question label at *at* holds an answer: it does not ask, and no answer label
    follows it before the next question label."""
    asked = QUESTION_LABEL.match(blocks[at].text) if at < len(blocks) else None
    if not asked or not asked.group("rest") or asks(asked.group("rest")):
        return False
    for block in blocks[at + 1 :]:
        if ANSWER_LABEL.match(block.text):
            return False
        if QUESTION_LABEL.match(block.text):
            return True
    return True


def _shared_answer(blocks: Sequence[Block], at: int) -> int | None:
    """Where the answer label is that a run of asking question labels from *at* shares, if any."""
    while at < len(blocks):
        asked = QUESTION_LABEL.match(blocks[at].text)
        if not asked or not asks(asked.group("rest")):
            break
        at += 1
    return at if at < len(blocks) and ANSWER_LABEL.match(blocks[at].text) else None


def _asking_paragraphs(blocks: Sequence[Block]) -> Candidate:
    """Paragraphs or list items that ask, each followed by an answer that does not."""
    starts = [
        Start(at, question_text(b.text)[0] if b.kind != "numbered" else b.text, None, BOLD, 0.9)
        for at, b in enumerate(blocks)
        if b.kind in ("paragraph", "numbered", "item")
        and asks(b.text)
        and _content_after(blocks, at)
        and not asks(blocks[at + 1].text)
    ]
    return Candidate(msg("paragraphs ending in '?'"), starts if len(starts) >= 2 else [])


def _items_with_text(blocks: Sequence[Block], asking_page: bool) -> Candidate:
    """List items each followed by paragraphs of their own: a question per bullet, its answer below.

    The questions are one list, marked alike (``* `` flush left in a text FAQ); the last item of a
    list inside an answer (indented ``-``) is followed by text too, but it is answer text.
    """
    starts = [
        _start(b, at, BOLD, asking_page)
        for at, b in enumerate(blocks)
        if b.kind == "item" and at + 1 < len(blocks) and blocks[at + 1].kind != "item" and is_text(blocks[at + 1])
    ]
    if starts:
        mark = Counter(blocks[s.at].shape for s in starts).most_common(1)[0][0]
        starts = [s for s in starts if blocks[s.at].shape == mark]
    return Candidate(msg("list items followed by text"), starts if len(starts) >= 2 else [])


def _terms(blocks: Sequence[Block], asking_page: bool) -> Candidate:
    """Terms of ``<dl>``/``<details>`` lists and AsciiDoc ``Question?::`` lists; headings between are sections."""
    starts = [_start(b, at, 0, asking_page) for at, b in enumerate(blocks) if b.kind == "term"]
    sections = frozenset(at for at, b in enumerate(blocks) if heading_rank(b) and _names_terms(blocks, at))
    return Candidate(msg("question-and-answer lists (<dl>, <details>)"), starts, sections)


def _names_terms(blocks: Sequence[Block], at: int) -> bool:
    """Whether a heading between terms is a section: a real heading is; a line in bold only when
    a term follows it (it names the group below); elsewhere it is emphasis inside an answer
    ("**Voorbeeld**" in a ``<details>`` panel)."""
    if heading_rank(blocks[at]) < BOLD:
        return True
    return at + 1 < len(blocks) and blocks[at + 1].kind == "term"
