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
from collections.abc import Sequence

from ecoqa.importing.blocks import Block
from ecoqa.importing.candidates import INTRODUCTION, Candidate, Start, candidates, is_text, opens_text, title_at
from ecoqa.importing.questions import BOLD, LEAD, QUESTION_WORD, asks, heading_rank, question_text
from ecoqa.text import fold


def choose(blocks: Sequence[Block]) -> Candidate | None:
    """The candidate that explains the page best, or None when no structure holds two questions.

    A page with a section named for its questions ("FAQ", "Veelgestelde vragen", "Q&A") is read
    in that section when it holds questions (one that asks will do): a README's FAQ, not its installation steps; a
    troubleshooting section beside it holds entries too (a problem stated, then its fix).
    """
    section = _questions_section(blocks)
    if section is not None:
        begin, end = section
        inside = _best(blocks[begin:end])
        if inside is not None and (len(inside.starts) >= 2 or _one_question_asked(inside)):
            chosen = _with_questions_outside(blocks, _shifted(inside, begin), begin, end)
            return _without_closing_call(
                blocks, _with_troubleshooting(blocks, _with_topic_entries(blocks, chosen), begin - 1)
            )
    best = _best(blocks)
    return _without_closing_call(blocks, _with_topic_entries(blocks, best)) if best is not None else None


def _one_question_asked(candidate: Candidate) -> bool:
    """A questions section of one entry that asks (a README's FAQ of one question): the page's other
    headings (Installation, Usage) are not questions because its FAQ is short."""
    return len(candidate.starts) == 1 and asks(candidate.starts[0].question)


#: A closing call to get in touch, written as a question ("More questions?", "Nog vragen?",
#: "Still need help?", "Staat uw vraag er niet bij?"), or to subscribe ("Blijf op de hoogte …",
#: "Sign up for our newsletter"): it addresses the reader, it is not one of the questions.
_CLOSING_CALL = re.compile(
    r"^(?:(?:any|more|other|further|still|have|got|do you|nog|een|andere|meer|overige|heeft|heb|hebt|u|je)\s+)*"
    r"(?:questions?|vragen|vraag)\W*$"
    r"|^still need help\b|^need (?:more )?help\b|^(?:didn.t|did not|can.t|cannot) find (?:your|an|the) answer"
    r"|^(?:staat|zit) (?:uw|je|jouw) vraag (?:er )?niet (?:bij|tussen)|^(?:geen|niet het) antwoord gevonden"
    r"|^vraag niet gevonden"
    r"|^(?:blijf|stay)\b.{0,40}\b(?:hoogte|up to date|informed|tuned|in touch)\b"
    r"|^(?:subscribe|sign up|schrijf je in|abonneer|meld je aan)\b|\b(?:newsletter|nieuwsbrief)\b",
    re.I,
)


def _without_closing_call(blocks: Sequence[Block], candidate: Candidate) -> Candidate:
    """The candidate without a closing call to get in touch or subscribe after its last question: that heading
    ends the answer above it (a section), and what it says is not an answer. On a page whose entries ask,
    a closing run of entries named in a few words that do not ("Authorship", "Disclaimer and copyright")
    is its back matter too (a last section of such entries: "12 Legal issues")."""
    starts = list(candidate.starts)
    while len(starts) > 2 and _CLOSING_CALL.match(_DECORATION.sub("", " ".join(fold(starts[-1].question).split()))):
        starts.pop()
    starts = starts[: len(starts) - _closing_section_of_titles(blocks, candidate, starts)]
    if len(starts) == len(candidate.starts):
        return candidate
    dropped = frozenset(s.at for s in candidate.starts[len(starts) :])
    trimmed = Candidate(candidate.name, starts, candidate.sections | dropped, candidate.score)
    trimmed.spans = spans(blocks, trimmed)
    return trimmed


def _closing_section_of_titles(blocks: Sequence[Block], candidate: Candidate, starts: list[Start]) -> int:
    """How many entries at the end make a last section of titles, on a page whose entries ask: two
    or more, all of one section that starts after the last question ("12 Legal issues": "12.1
    Authorship", "12.2 Feedback is invited"), each named in a few words that do not ask; else 0."""
    asking = sum(1 for s in starts if asks(s.question))
    if asking < 4 or asking < 0.8 * len(starts):
        return 0
    run = 0
    while run < len(starts) - 2 and _named_in_a_few_words(starts[-1 - run].question):
        run += 1
    if run < 2:
        return 0
    before, first, last = starts[-run - 1].at, starts[-run].at, starts[-1].at
    sections = sorted(candidate.sections)
    if any(first < at < last for at in sections):
        return 0  # the titles are not one section's
    if len({(blocks[s.at].kind, blocks[s.at].level, blocks[s.at].path[:-1]) for s in starts[-run:]}) > 1:
        return 0  # not alike: not the entries of one section
    new_section = any(before < at < first for at in sections) or (
        blocks[first].path[:-1] != () and blocks[first].path[:-1] != blocks[before].path[:-1]
    )
    return run if new_section else 0


def _named_in_a_few_words(question: str) -> bool:
    """A title, not a question: three words or fewer, no question word, no question mark."""
    words = question_text(question)[0]
    return len(words.split()) <= 3 and not asks(words) and not QUESTION_WORD.match(words)


def _with_topic_entries(blocks: Sequence[Block], candidate: Candidate) -> Candidate:
    """The candidate with the topic entries above its first question: a heading with text of its own
    and no sub-headings, under a section that holds questions ("History", "Features", then "Future ?"
    under "hledger & Ledger"; "Selenoid in Kubernetes" beside topics of questions under "Frequently
    Asked Questions") answers its topic as the questions do. Under the page's title (unless the title
    names the questions), such headings are the introduction ("Install", "Usage" in a README), and
    so are headings named as one ("Introduction", "Contents")."""
    title = title_at(blocks)
    starts = sorted(s.at for s in candidate.starts)
    parents: dict[int, int] = {}  # rank -> the last heading of that rank so far
    runs: dict[int, bool] = {}  # a leaf -> whether its run of leaves goes on with questions
    entries = []
    for at in range(starts[0]):
        rank = heading_rank(blocks[at])
        if not rank:
            continue
        parent = max((n for r, n in parents.items() if r < rank), default=None)
        parents = {r: n for r, n in parents.items() if r < rank} | {rank: at}
        if parent is None or at == title or not _leaf(blocks, at, starts):
            continue
        if parent == title and not _names_questions(blocks[parent].text):
            continue  # under the page's title: its introduction ("Install", "Usage")
        if not INTRODUCTION.match(" ".join(blocks[at].text.split())) and _run_goes_on_asking(blocks, at, starts, runs):
            entries.append(Start(at, question_text(blocks[at].text)[0], None, rank, 0.5))
    if not entries:
        return candidate
    added = frozenset(s.at for s in entries)
    merged = Candidate(candidate.name, [*entries, *candidate.starts], candidate.sections - added, candidate.score)
    merged.spans = spans(blocks, merged)
    return merged


def _run_goes_on_asking(blocks: Sequence[Block], at: int, starts: list[int], runs: dict[int, bool]) -> bool:
    """Whether the leaf at *at* is one of a run of leaves (same rank, same section) that goes on with a
    question or a section of questions; *runs* keeps the answer for the leaves passed over."""
    rank = heading_rank(blocks[at])
    passed = [at]
    outcome = False
    for sibling in range(at + 1, len(blocks)):
        sibling_rank = heading_rank(blocks[sibling])
        if not sibling_rank or sibling_rank > rank:
            continue
        if sibling in runs:
            outcome = runs[sibling]
            break
        if sibling_rank < rank:
            break  # the section ends first
        if _holds(starts, sibling, sibling + 1) or _section_of_questions(blocks, sibling, starts):
            outcome = True
            break
        if not _leaf(blocks, sibling, starts):
            break
        passed.append(sibling)
    runs.update(dict.fromkeys(passed, outcome))
    return outcome


def _leaf(blocks: Sequence[Block], at: int, starts: list[int]) -> bool:
    """A heading with text of its own and no sub-headings, and no question (a term, a label) in that text."""
    if at + 1 >= len(blocks) or not is_text(blocks[at + 1]):
        return False
    following = next((n for n in range(at + 1, len(blocks)) if heading_rank(blocks[n])), len(blocks))
    if following < len(blocks) and heading_rank(blocks[following]) > heading_rank(blocks[at]):
        return False
    return not _holds(starts, at + 1, following)


def _section_of_questions(blocks: Sequence[Block], at: int, starts: list[int]) -> bool:
    """Whether the heading at *at* is a section: no text of its own, questions under it."""
    rank = heading_rank(blocks[at])
    if at + 1 >= len(blocks) or not heading_rank(blocks[at + 1]):
        return False
    end = next((n for n in range(at + 1, len(blocks)) if 0 < heading_rank(blocks[n]) <= rank), len(blocks))
    return _holds(starts, at, end)


def _holds(starts: list[int], begin: int, end: int) -> bool:
    """Whether a question starts at *begin* or after it, before *end* (*starts* in order)."""
    found = bisect.bisect_left(starts, begin)
    return found < len(starts) and starts[found] < end


def _with_questions_outside(blocks: Sequence[Block], chosen: Candidate, begin: int, end: int) -> Candidate:
    """The questions section's questions, and the headings elsewhere that ask and open text (a
    README's bug-report checklist, a question asked right after its FAQ); the other headings
    outside the section are sections, so an answer ends at them."""
    asked = [
        at
        for at, b in enumerate(blocks)
        if not begin <= at < end and heading_rank(b) and asks(b.text) and opens_text(blocks, at)
    ]
    if not asked:
        return chosen
    extra = [Start(at, question_text(blocks[at].text)[0], None, heading_rank(blocks[at]), 0.95) for at in asked]
    taken = set(asked)
    outside = frozenset(
        at for at, b in enumerate(blocks) if not begin <= at < end and heading_rank(b) and at not in taken
    )
    merged = Candidate(chosen.name, sorted([*chosen.starts, *extra], key=lambda s: s.at), chosen.sections | outside)
    merged.score = chosen.score
    merged.spans = spans(blocks, merged)
    return merged


#: A heading that is the name of a questions section and nothing more ("FAQ", "Veelgestelde vragen:");
#: "Questions about jobs" is one category of questions among others, not the section that holds them.
_QUESTIONS_SECTION = re.compile(
    r"^(?:faqs?|frequently asked questions|veel ?gestelde vragen|vragen(?: en antwoorden)?|"
    r"q ?(?:&|and|en) ?a|questions(?: and answers)?|vraag en antwoord|"
    r"häufig gestellte fragen|häufige fragen|fragen (?:und|&) antworten|foire aux questions|questions fréquentes|"
    r"preguntas frecuentes|perguntas frequentes|常见问题|常見問題|よくある(?:ご)?質問)\s*(?:\(faqs?\))?\s*[:.!]?$",
    re.I,
)
#: What may stand before a section's name: an emoji or sign ("🙋 FAQ", "❓ 常见问题").
_DECORATION = re.compile(r"^[^\w(]+")


def _names_questions(heading: str) -> bool:
    """Whether a heading is the name of a questions section, an emoji or sign before it or not."""
    return bool(_QUESTIONS_SECTION.match(_DECORATION.sub("", heading.strip())))


#: A section of problems and their fixes, named as READMEs and manuals name it.
_TROUBLESHOOTING = re.compile(
    r"^(?:troubleshooting|known (?:issues|problems)|common (?:issues|problems|errors)|problemen oplossen|"
    r"bekende problemen|veelvoorkomende problemen)\s*[:.]?$",
    re.I,
)


def _with_troubleshooting(blocks: Sequence[Block], chosen: Candidate, heading: int) -> Candidate:
    """The questions section's questions, and the entries of a troubleshooting section at its level
    (a README's "## FAQ" and "## Troubleshooting"): its highest headings, each a problem stated,
    with what is under it (steps, deeper headings) its answer."""
    level = blocks[heading].level
    taken = {start.at for start in chosen.starts}  # those that ask are taken already, as questions outside
    extra: list[Start] = []
    inside: set[int] = set()
    for at, block in enumerate(blocks):
        if at == heading or block.kind != "heading" or block.level != level:
            continue
        if not _TROUBLESHOOTING.match(" ".join(block.text.split())):
            continue
        end = next((n for n in range(at + 1, len(blocks)) if 0 < heading_rank(blocks[n]) <= level), len(blocks))
        headed = [n for n in range(at + 1, end) if heading_rank(blocks[n])]
        rank = min((heading_rank(blocks[n]) for n in headed), default=0)
        entries = [n for n in headed if heading_rank(blocks[n]) == rank and opens_text(blocks, n)]
        if len(entries) < 2:
            continue
        extra += [Start(n, question_text(blocks[n].text)[0], None, rank, 0.95) for n in entries if n not in taken]
        inside |= set(range(at + 1, end))
    if not extra:
        return chosen
    merged = Candidate(
        chosen.name, sorted([*chosen.starts, *extra], key=lambda s: s.at), chosen.sections - inside, chosen.score
    )
    merged.spans = spans(blocks, merged)
    return merged


def _questions_section(blocks: Sequence[Block]) -> tuple[int, int] | None:
    for at, block in enumerate(blocks):
        if block.kind == "heading" and block.level and _names_questions(block.text):
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
    title = title_at(blocks)
    found = [c for c in candidates(blocks, title) if c.starts]
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
        later = bisect.bisect_right(positions, max(start.at, start.answer_from - 1))  # questions sharing an answer
        end = positions[later] if later < len(positions) else len(blocks)
        if start.stop:
            end = next(
                (at for at in range(start.at + 1, end) if 0 < heading_rank(blocks[at]) <= start.stop),
                end,
            )
        result.append((start.answer_from or start.at + 1, end))
    return result


def _worth(blocks: Sequence[Block], candidate: Candidate, others: frozenset[int]) -> float:
    """The text the candidate's entries cover, counted for or against by how likely each is a question.

    A question asked again over other text is unlikely one (a menu repeated over other links); one
    asked again over the same opening text is the page repeating an entry (its FAQ shown twice, or
    written out again), which counts as the entry does."""
    answers: dict[str, set[str]] = {}
    for start, (first, end) in zip(candidate.starts, candidate.spans, strict=True):
        answers.setdefault(fold(start.question), set()).add(blocks[first].text if first < end else "")
    value = 0.0
    for start, (first, end) in zip(candidate.starts, candidate.spans, strict=True):
        answer = list(blocks[first:end])
        if not any(is_text(b) for b in answer):
            continue
        likely = 0.1 if len(answers[fold(start.question)]) > 1 else start.likely
        weight = 2 * likely - 1
        inner = sum(1 for at in range(first, end) if at in others)
        asking_inside = any(_asks_as_heading(b, blocks[start.at]) for b in answer)
        if weight > 0 and (inner >= 2 or asking_inside):
            weight *= 0.5  # an entry holding questions or a structure of its own is more likely a section
        value += weight * (len(start.question) + sum(len(b.text) for b in answer))
    return value


def _asks_as_heading(block: Block, question: Block) -> bool:
    """A heading that asks inside an answer; under a question that is a heading, a bold line that asks
    is the answer's emphasis (a follow-up it takes up), not a question of its own."""
    rank = heading_rank(block)
    emphasis = rank == BOLD and block.shape != LEAD and 0 < heading_rank(question) < BOLD
    return bool(rank) and asks(block.text) and not emphasis
