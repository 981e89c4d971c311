"""Which structure of a page holds its questions, judged by how well each explains the page.

Every way a page can mark its questions is a candidate: a heading level, headings that ask
(end in "?"), the deepest headings of each branch, a numbering scheme counting up (``1.``,
``1)``, ``1.1``), ``Q:``/``A:`` labels, paragraphs that ask, ``<dl>``/``<details>`` terms. Each
candidate cuts the page into entries; an entry is worth its share of the page's text, counted
for when its question looks like one (a question mark, a question word, a number in a run) and
against when it does not in a page whose other questions ask. The candidate worth most wins,
so a small structure inside one answer never outranks the structure of the whole page.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ecoqa.importing.blocks import Block, numbering
from ecoqa.text import fold

#: The rank of a heading made of one bold line (below every real heading level).
BOLD = 7
_CONTENT = ("paragraph", "item", "numbered", "code", "term")
_QUESTION_WORD = re.compile(
    r"^(?:how|what|why|when|where|who|whom|whose|which|can|could|do|does|did|is|are|was|were|should|shall|"
    r"will|would|may|might|must|has|have|hoe|wat|waarom|wanneer|waar|wie|welke|welk|kan|kun|kunt|kunnen|mag|"
    r"moet|moeten|is|zijn|heb|hebben|heeft|wordt|worden|krijg|krijgt|ben|zal|zou|waarvoor|waarmee|hoeveel)\b",
    re.I,
)
_ASKS = re.compile(r"\?[\s\"'”’)\]*_]*$")
_QUESTION_LABEL = re.compile(
    r"^(?:(?:vraag|question)(?:\s+(?P<n>\d{1,4}))?\s*[:.)]|(?:q|v)(?P<m>\d{1,4})?\s*[:.)])\s*(?P<rest>.*)$", re.I
)
_ANSWER_LABEL = re.compile(r"^(?:(?:antwoord|answer)(?:\s+\d{1,4})?\s*[:.)]|a\s*[:.)])\s*(?P<rest>.*)$", re.I)


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


def asks(text: str) -> bool:
    return bool(_ASKS.search(text))


def question_text(text: str) -> tuple[str, int | None]:
    """The question without its numbering (``1.``, ``1.1``, ``Q3:``, ``Vraag 3:``), and the number."""
    found = numbering(text)
    if found:
        return found.rest, found.path[-1]
    label = _QUESTION_LABEL.match(text)
    if label and label.group("rest"):
        given = label.group("n") or label.group("m")
        return label.group("rest"), int(given) if given else None
    return text, None


def likelihood(text: str, *, asking_page: bool) -> float:
    """How likely a heading or line is a question: it asks, it starts with a question word, else the page decides."""
    if asks(text):
        return 0.95
    if _QUESTION_WORD.match(question_text(text)[0]):
        return 0.85
    return 0.3 if asking_page else 0.7


def heading_rank(block: Block) -> int:
    """A heading's rank (1-6, bold lines 7); 0 for anything else, guessed text headings included."""
    return block.level if block.kind == "heading" else 0


def choose(blocks: Sequence[Block]) -> Candidate | None:
    """The candidate that explains the page best, or None when no structure holds two questions.

    A page with a section named for its questions ("FAQ", "Veelgestelde vragen", "Q&A") is read
    in that section when it holds questions: a README's FAQ, not its installation steps.
    """
    section = _questions_section(blocks)
    if section is not None:
        begin, end = section
        inside = _best(blocks[begin:end])
        if inside is not None and len(inside.starts) >= 2:
            return _shifted(inside, begin)
    return _best(blocks)


_QUESTIONS_SECTION = re.compile(
    r"^(?:faqs?|frequently asked questions|veel ?gestelde vragen|vragen(?: en antwoorden)?|"
    r"q ?(?:&|and|en) ?a|questions(?: and answers)?|vraag en antwoord)\b",
    re.I,
)


def _questions_section(blocks: Sequence[Block]) -> tuple[int, int] | None:
    for at, block in enumerate(blocks):
        if block.kind == "heading" and block.level and _QUESTIONS_SECTION.match(block.text.strip()):
            end = next((n for n in range(at + 1, len(blocks)) if 0 < heading_rank(blocks[n]) <= block.level), None)
            return at + 1, end if end is not None else len(blocks)
    return None


def _shifted(candidate: Candidate, offset: int) -> Candidate:
    starts = [
        Start(s.at + offset, s.question, s.number, s.stop, s.likely, s.answer_from + offset if s.answer_from else 0)
        for s in candidate.starts
    ]
    sections = frozenset(at + offset for at in candidate.sections)
    shifted = Candidate(candidate.name, starts, sections, candidate.score)
    shifted.spans = [(first + offset, end + offset) for first, end in candidate.spans]
    return shifted


def _best(blocks: Sequence[Block]) -> Candidate | None:
    title = _title_at(blocks)
    found = [c for c in _candidates(blocks, title) if c.starts]
    if not found:
        return None
    total = sum(len(b.text) for at, b in enumerate(blocks) if at != title) or 1
    all_starts = [frozenset(s.at for s in c.starts) for c in found]
    for candidate, own in zip(found, all_starts, strict=True):
        candidate.spans = spans(blocks, candidate)
        others = frozenset().union(*(s for s in all_starts if s != own))
        candidate.score = _worth(blocks, candidate, others) / total
    best = max(found, key=lambda c: c.score)
    return best if best.score > 0 else None


def spans(blocks: Sequence[Block], candidate: Candidate) -> list[tuple[int, int]]:
    """(first, end) of each answer's blocks: up to the next question, a section, or a heading of its rank."""
    positions = sorted({s.at for s in candidate.starts} | candidate.sections)
    result = []
    for start in candidate.starts:
        later = bisect.bisect_right(positions, start.at)
        end = positions[later] if later < len(positions) else len(blocks)
        if start.stop:
            end = next(
                (at for at in range(start.at + 1, end) if 0 < heading_rank(blocks[at]) <= start.stop),
                end,
            )
        result.append((start.answer_from or start.at + 1, end))
    return result


def _worth(blocks: Sequence[Block], candidate: Candidate, others: frozenset[int]) -> float:
    """The text the candidate's entries cover, counted for or against by how likely each is a question."""
    repeated = Counter(fold(s.question) for s in candidate.starts)
    value = 0.0
    for start, (first, end) in zip(candidate.starts, candidate.spans, strict=True):
        answer = list(blocks[first:end])
        if not any(_is_text(b) for b in answer):
            continue
        likely = 0.1 if repeated[fold(start.question)] > 1 else start.likely
        weight = 2 * likely - 1
        inner = sum(1 for at in range(first, end) if at in others)
        asking_inside = any(heading_rank(b) and asks(b.text) for b in answer)
        if weight > 0 and (inner >= 2 or asking_inside):
            weight *= 0.5  # an entry holding questions or a structure of its own is more likely a section
        value += weight * (len(start.question) + sum(len(b.text) for b in answer))
    return value


# ----------------------------------------------------------------------------- candidates


def _title_at(blocks: Sequence[Block]) -> int | None:
    """The document's title: a first heading alone at the top level, above deeper ones."""
    headings = [at for at, b in enumerate(blocks) if b.kind == "heading" and b.level]
    if len(headings) < 2:
        return None
    top = min(blocks[at].level for at in headings)
    at_top = [at for at in headings if blocks[at].level == top]
    return at_top[0] if len(at_top) == 1 and at_top[0] == headings[0] and top < BOLD else None


def _candidates(blocks: Sequence[Block], title: int | None) -> Iterator[Candidate]:
    headed = [at for at, b in enumerate(blocks) if heading_rank(b) and at != title and _opens_text(blocks, at)]
    asking_page = _asking(blocks, headed)
    yield from _heading_levels(blocks, headed, title, asking_page)
    yield _leaf_headings(blocks, headed, title, asking_page)
    yield _asking_headings(blocks, headed, title)
    yield from _numbered(blocks, asking_page)
    yield _labelled(blocks)
    yield _asking_paragraphs(blocks)
    yield _items_with_text(blocks, asking_page)
    yield _terms(blocks, asking_page)
    if title is not None and asks(blocks[title].text) and _opens_text(blocks, title):
        # a page that answers the one question its title asks; its sub-headings belong to the answer
        yield Candidate("the question the title asks", [_start(blocks[title], title, blocks[title].level, True)])


def _asking(blocks: Sequence[Block], headed: list[int]) -> bool:
    """Whether the page's questions ask: then a heading that does not is likely a section."""
    lines = headed + [at for at, b in enumerate(blocks) if b.kind == "numbered" and _content_after(blocks, at)]
    asking = sum(1 for at in lines if asks(blocks[at].text))
    return asking >= 2 and asking >= 0.2 * len(lines)


def _opens_text(blocks: Sequence[Block], at: int) -> bool:
    """A heading with text under it, or one of questions asked together above one answer."""
    while at + 1 < len(blocks) and asks(blocks[at].text) and blocks[at + 1].kind == "heading":
        if blocks[at + 1].level != blocks[at].level or not asks(blocks[at + 1].text):
            break
        at += 1
    return _content_after(blocks, at)


def _content_after(blocks: Sequence[Block], at: int) -> bool:
    """Whether text follows: a block of content that is not another line numbered like this one."""
    if at + 1 >= len(blocks) or not _is_text(blocks[at + 1]):
        return False
    this, after = blocks[at], blocks[at + 1]
    return not (after.kind == "numbered" and _shape(after) == _shape(this))


def _is_text(block: Block) -> bool:
    """Content, or a short line of text only guessed to be a heading ("Yes", "Ons werk")."""
    return block.kind in _CONTENT or (block.kind == "heading" and not block.level)


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
        starts = [_start(blocks[at], at, rank, asking_page) for at in headed if blocks[at].level == rank]
        yield Candidate(f"level-{rank} headings", starts, _sections_above(blocks, title, rank))


def _leaf_headings(blocks: Sequence[Block], headed: list[int], title: int | None, asking_page: bool) -> Candidate:
    """The deepest heading of each branch, with text under it: a troubleshooting page's problems."""
    starts = []
    for at in headed:
        rank = blocks[at].level
        end = next((n for n in range(at + 1, len(blocks)) if 0 < heading_rank(blocks[n]) <= rank), len(blocks))
        if not any(heading_rank(blocks[n]) > rank for n in range(at + 1, end)):
            starts.append(_start(blocks[at], at, rank, asking_page))
    sections = frozenset(at for at, b in enumerate(blocks) if heading_rank(b) and at != title) - {s.at for s in starts}
    return Candidate("the deepest headings", starts, sections)


def _asking_headings(blocks: Sequence[Block], headed: list[int], title: int | None) -> Candidate:
    """Headings that ask, at whatever level; their rank's other headings among them are questions too.

    A heading of that rank before the first question or after the last is an introduction or a
    closing section (it ends the answer above it) unless it starts with a question word.
    """
    asking = [at for at in headed if asks(blocks[at].text)]
    if len(asking) < 2:
        return Candidate("headings ending in '?'", [])
    rank = Counter(blocks[at].level for at in asking).most_common(1)[0][0]
    chosen = set(asking)
    for at in headed:
        among = asking[0] < at < asking[-1]
        if blocks[at].level == rank and (among or _QUESTION_WORD.match(question_text(blocks[at].text)[0])):
            chosen.add(at)
    starts = [_start(blocks[at], at, min(rank, blocks[at].level), True) for at in sorted(chosen)]
    sections = frozenset(
        at for at, b in enumerate(blocks) if 0 < heading_rank(b) <= rank and at not in chosen and at != title
    )
    return Candidate("headings ending in '?'", starts, sections)


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
        if len(chain) < 2:
            continue
        sections = _numbered_sections(blocks, chain)
        stop = heading_rank(blocks[chain[0]])
        starts = [_start(blocks[at], at, stop, asking_page, floor=0.85) for at in chain]
        yield Candidate("numbered questions", starts, sections)


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
    best: list[int] = []
    best_key = (0, 0)
    used: set[int] = set()
    for first_index, first in enumerate(usable):
        if first in used:
            continue
        chain = [first]
        for at in usable[first_index + 1 :]:
            if _follows(_path(blocks[chain[-1]]), _path(blocks[at])):
                chain.append(at)
        used.update(chain)
        inside = bisect.bisect_right(places, chain[-1]) - bisect.bisect_left(places, chain[0])
        key = (len(chain), len(chain) - inside)
        if key > best_key:
            best, best_key = chain, key
    return best


def _follows(before: tuple[int, ...], after: tuple[int, ...]) -> bool:
    if len(before) != len(after) or not before:
        return False
    if before[:-1] == after[:-1]:
        return 0 < after[-1] - before[-1] <= 2
    return after[:-1] > before[:-1] and after[-1] <= 2 and after[-2] - before[-2] <= 2


def _numbered_sections(blocks: Sequence[Block], chain: list[int]) -> frozenset[int]:
    """For dotted numbers, each section's own numbered line: the nearest one above its first question."""
    sections = set()
    seen: set[tuple[int, ...]] = set()
    for at in chain:
        parent = _path(blocks[at])[:-1]
        if not parent or parent in seen:
            continue
        seen.add(parent)
        above = next((n for n in range(at - 1, -1, -1) if _path(blocks[n]) == parent), None)
        if above is not None:
            sections.add(above)
    return frozenset(sections)


def _labelled(blocks: Sequence[Block]) -> Candidate:
    """``Vraag:`` starts a question (which may go on over the next lines), ``Antwoord:`` its answer."""
    if not any(_ANSWER_LABEL.match(b.text) for b in blocks):
        return Candidate("labelled questions", [])
    starts: list[Start] = []
    at = 0
    while at < len(blocks):
        asked = _QUESTION_LABEL.match(blocks[at].text)
        if not asked:
            at += 1
            continue
        question = [asked.group("rest")] if asked.group("rest") else []
        given = asked.group("n") or asked.group("m")
        answer = at + 1
        while answer < len(blocks) and not _ANSWER_LABEL.match(blocks[answer].text):
            if _QUESTION_LABEL.match(blocks[answer].text) or len(question) > 3:
                break
            question.append(blocks[answer].text)
            answer += 1
        if answer < len(blocks) and _ANSWER_LABEL.match(blocks[answer].text):
            text = " ".join(question)
            starts.append(Start(at, text, int(given) if given else None, 0, 0.95, answer_from=answer))
        at = answer
    return Candidate("labelled questions", starts)


def _asking_paragraphs(blocks: Sequence[Block]) -> Candidate:
    """Paragraphs or list items that ask, each followed by an answer that does not."""
    starts = [
        Start(at, b.text, None, BOLD, 0.9)
        for at, b in enumerate(blocks)
        if b.kind in ("paragraph", "numbered", "item")
        and asks(b.text)
        and _content_after(blocks, at)
        and not asks(blocks[at + 1].text)
    ]
    return Candidate("paragraphs ending in '?'", starts if len(starts) >= 2 else [])


def _items_with_text(blocks: Sequence[Block], asking_page: bool) -> Candidate:
    """List items each followed by paragraphs of their own: a question per bullet, its answer below."""
    starts = [
        _start(b, at, BOLD, asking_page)
        for at, b in enumerate(blocks)
        if b.kind == "item" and at + 1 < len(blocks) and blocks[at + 1].kind != "item" and _is_text(blocks[at + 1])
    ]
    return Candidate("list items followed by text", starts if len(starts) >= 2 else [])


def _terms(blocks: Sequence[Block], asking_page: bool) -> Candidate:
    starts = [_start(b, at, 0, asking_page) for at, b in enumerate(blocks) if b.kind == "term"]
    return Candidate("question-and-answer lists (<dl>, <details>)", starts)
