"""The reading every import front-end produces: a page as a flat list of blocks.

HTML, Markdown and plain text all become headings, paragraphs, list items and numbered items,
so one recogniser (``ecoqa.importing.pairs``) finds the questions in all of them, and one
composer writes answers in the corpus format that ``ecoqa.text.blocks`` reads back.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from typing import Literal

from ecoqa.text import fenced

Kind = Literal["heading", "paragraph", "item", "numbered", "term", "code"]


def asks(text: str) -> bool:
    """Whether *text* ends in a question mark (closing quotes, brackets or emphasis after it allowed):
    the one rule of every reader and recogniser for a line, heading or cell that asks. A function's
    signature does not ask: in ``ky.get(input, options?)`` the mark says a parameter is optional,
    as TypeScript and the API references of JavaScript libraries write it."""
    return bool(_ASKS.search(text)) and not _SIGNATURE.match(text)


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class Block:
    """One unit of a page. ``shape`` tells numbered items of one list style from another."""

    kind: Kind
    text: str
    level: int = 0  # headings: 1-6 as marked up; 0 when guessed from a short line of text
    number: int = 0  # numbered items
    shape: str = ""
    links: tuple[Link, ...] = field(default=())
    path: tuple[int, ...] = ()  # dotted numbers: 3.12 -> (3, 12)
    written: str = ""  # dotted numbers as written, kept when the item stays in an answer
    depth: int = 0  # list items: how deep the item's list is nested in other lists (0: not nested)

    def with_text(self, text: str) -> Block:
        return replace(self, text=text)


#: ``Vraag 3:``, ``Q:``, ``Q3a:``, ``Question:`` before a question (German ``Frage:``, ``F:``; ``F`` only with a
#: colon, as ``F.`` opens the sixth item of a lettered list); ``Antwoord:``, ``Antwort:``, ``A:`` before its answer.
QUESTION_LABEL = re.compile(
    r"^(?:(?:vraag|question|frage)(?:\s+(?P<n>\d{1,4}))?\s*[:.)]|(?:q|v)(?:(?P<m>\d{1,4})[a-z]?)?\s*[:.)]|f\s*:)\s*"
    r"(?P<rest>.*)$",
    re.I,
)
ANSWER_LABEL = re.compile(
    r"^(?:(?:antwoord|answer|antwort)(?:\s+\d{1,4})?\s*[:.)]|a(?:\d{1,4}[a-z]?)?\s*[:.)])\s*(?P<rest>.*)$", re.I
)
#: The question marks of the scripts Q&A is written in: Latin and others, full-width (Chinese,
#: Japanese), Arabic (also Persian, Urdu).
QUESTION_MARKS = "?？؟"
_ASKS = re.compile(rf"[{QUESTION_MARKS}][\s\"'”’)\]*_]*$")
#: A call signature, its optional parameters marked ``?`` (``got(url?, options?)``, ``ky.retry(options?)``,
#: ``new Client(config?)``), in code marks or emphasis or not: a name with its parameters, no words.
_SIGNATURE = re.compile(
    r"^[`*_\s]*(?:new\s+)?[\w$.]+\(\s*(?:\.{3})?[\w$]+\??(?:\s*,\s*(?:\.{3})?[\w$]+\??)*\s*\)[`*_\s]*$"
)
#: A line drawn to divide, not text: one sign repeated (``-----``, ``▬▬▬▬``, ``═══``), spaced (``* * *``)
#: or a pair of signs repeated (``-=-=-=``).
_RULE = re.compile(r"^(?:([^\w\s])\1{2,}|([^\w\s])(?: \2){2,}|([^\w\s]{2})\3{2,}[^\w\s]?)$")
_NUMBERED = re.compile(r"^(?P<prefix>(?:\d{1,5}[.)]\s+)+)(?P<rest>\S.*)$")
_DOTTED = re.compile(r"^(?P<prefix>\d{1,3}(?:\.\d{1,3}){1,3})\.?\s+(?P<rest>\S.*)$")
#: A section letter and a number, as Usenet-style FAQs number their questions: ``A1)``, ``G12)``.
_LETTERED = re.compile(r"^(?P<prefix>(?P<letter>[A-Z])(?P<n>\d{1,3})\))\s+(?P<rest>\S.*)$")
#: A bullet: a mark, or an arrow drawn in text ("-> question", "=> question"), then a space and the text.
_BULLET = re.compile(r"^(?P<mark>[•·▪◦‣∙●○■□➢➤►→⇒–—*+-]|--?>|==?>)\s+(?P<rest>\S.*)$")
_BOXED = re.compile(r"^([*|#])(?:\s+(.*?))?\s+\1$")
#: How a sentence ends: its full stop, question mark (any script's) or closing mark; the full-width
#: forms (Chinese, Japanese) and the Arabic full stop (Urdu) too.
_SENTENCE_END = re.compile(rf"[.!:;…)\"'”’。！：；）」』۔{QUESTION_MARKS}]$")
#: A line this short without a sentence ending is a heading in a page saved as text ("Ons werk").
HEADING_WORDS = 6


@dataclass(frozen=True)
class Numbering:
    """A number a line starts with: ``1.``, ``2)``, ``1. 12.`` (the last counts), dotted ``3.12`` or
    lettered ``B2)`` (section B, question 2)."""

    path: tuple[int, ...]
    shape: str  # the numbers as "#": "#.", "#)", "#.#"
    rest: str
    written: str


def numbering(text: str) -> Numbering | None:
    dotted = _DOTTED.match(text)
    if dotted:
        prefix = dotted.group("prefix")
        path = tuple(int(n) for n in prefix.split("."))
        return Numbering(path, ".".join("#" * len(path)).replace("#", "#"), dotted.group("rest"), prefix)
    lettered = _LETTERED.match(text)
    if lettered:
        path = (ord(lettered.group("letter")) - ord("A") + 1, int(lettered.group("n")))
        return Numbering(path, "A#)", lettered.group("rest"), lettered.group("prefix"))
    found = _NUMBERED.match(text)
    if not found:
        return None
    prefix = found.group("prefix")
    number = int(re.findall(r"\d+", prefix)[-1])
    return Numbering((number,), re.sub(r"\d+", "#", " ".join(prefix.split())), found.group("rest"), prefix.strip())


def is_divider(text: str) -> bool:
    """True for a line drawn between sections or entries rather than written."""
    return bool(_RULE.match(text.strip()))


def bullet_text(text: str) -> str | None:
    found = _BULLET.match(text)
    return found.group("rest") if found else None


def looks_like_heading(text: str) -> bool:
    """A short line with no sentence ending: how headings survive a page saved as plain text."""
    return 0 < len(text.split()) <= HEADING_WORDS and not _SENTENCE_END.search(text)


def line_block(line: str, *, text_headings: bool, margin: int | None = None) -> Block | None:
    """The block one line of text stands for; None for a blank line.

    *margin*: the indent of the page's outermost text. A short line indented past it is part of the
    text it is indented with (an answer's list of short points), not a heading guessed from its length.
    """
    text = " ".join(line.split())
    if not text or _RULE.match(text):
        return None  # blank, or a rule drawn under a title or between sections
    boxed = _BOXED.match(text)
    if boxed:  # a line of a box drawn with the same character at both ends: text, not a bullet
        return Block("paragraph", boxed.group(2)) if boxed.group(2) else None
    numbered = numbering(text)
    if numbered:
        indent = indent_of(line)
        dotted = len(numbered.path) > 1
        return Block(
            "numbered",
            numbered.rest,
            number=numbered.path[-1],
            shape=f"{indent // 3}:{numbered.shape}",  # right-aligned numbers (" 9.", "10.") are one list
            path=numbered.path,
            written=numbered.written if dotted else "",
        )
    item = _BULLET.match(text)
    if item is not None:  # its indent and mark tell a list of questions from a list inside an answer
        return Block("item", item.group("rest"), shape=f"{indent_of(line)}:{item.group('mark')}")
    indented = margin is not None and indent_of(line) > margin
    if text_headings and not indented and looks_like_heading(text):
        return Block("heading", text)  # level 0: guessed, not marked up
    return Block("paragraph", text)


def text_blocks(text: str, *, text_headings: bool = True) -> list[Block]:
    """A page saved as text: one paragraph per line (as browsers save pages), or hard-wrapped
    paragraphs separated by blank lines, which are joined first. Lines indented past the text
    around them, set apart by a blank line or a colon, are preformatted (commands, code, drawings):
    a code block, line for line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines, references = _dumped_links(lines)
    runs = preformatted_runs(lines)
    inside = {at for start, end in runs for at in range(start, end)}
    prose = [line for at, line in enumerate(lines) if at not in inside]
    wrapped = _hard_wrapped(prose)
    margin = min((indent_of(line) for line in prose if line.strip()), default=0)
    blocks: list[Block] = []
    at = 0
    for start, end in [*runs, (len(lines), len(lines))]:
        joined = _unwrapped(lines[at:start]) if wrapped else _continued(lines[at:start])
        read = (line_block(line, text_headings=text_headings, margin=margin) for line in joined)
        blocks += [_linked(block, references) if references else block for block in read if block]
        if start < end:
            blocks.append(Block("code", "\n".join(dedented(lines[start:end]))))
        at = end
    return blocks


#: The list a text browser's dump ends with (``lynx -dump``, ``links -dump``): "References" or
#: "Visible links", then one numbered address a line ("[1] https://…", "1. https://…").
_REFERENCES = re.compile(r"^\s*(?:references|visible links)\s*:?\s*$", re.I)
_REFERENCE = re.compile(r"^\s*(?:\[(?P<n>\d+)\]|(?P<m>\d+)\.)\s+(?P<url>[a-z][\w+.-]*:\S+)\s*$", re.I)
#: Where the dump marked a link in the text: its number in brackets before the link's text ("[2]tmux").
_LINK_MARK = re.compile(r"\[(\d+)\](?=\S)")


def _dumped_links(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """A text browser's dump without its closing list of links, and that list by number."""
    for at in range(len(lines) - 1, -1, -1):
        if _REFERENCES.match(lines[at]):
            listed = [_REFERENCE.match(line) for line in lines[at + 1 :] if line.strip()]
            if listed and all(listed):
                return lines[:at], {m.group("n") or m.group("m"): m.group("url") for m in listed if m}
            break
    return lines, {}


def _linked(block: Block, references: dict[str, str]) -> Block:
    """A block with the dump's link marks taken out of its text and kept as links to the text they marked."""
    links: list[Link] = []

    def unmark(found: re.Match[str]) -> str:
        url = references.get(found.group(1))
        if url is None:
            return found.group(0)
        marked = block.text[found.end() :].split(maxsplit=1)
        links.append(Link(marked[0].rstrip(",.;:!?)") or url if marked else url, url))
        return ""

    text = _LINK_MARK.sub(unmark, block.text)
    return replace(block, text=text, links=(*block.links, *links)) if links else block


def indent_of(line: str) -> int:
    """How far *line* is indented, in columns: a tab reaches the next multiple of eight (as docutils,
    Pod::Simple, Org and a terminal count it; Markdown's own reader counts four, CommonMark's rule)."""
    if "\t" in line:
        line = line.expandtabs(8)
    return len(line) - len(line.lstrip())


def preformatted_runs(lines: list[str]) -> list[tuple[int, int]]:
    """Where lines are preformatted: (start, end) of each run of lines indented past the page's
    text, that opens after a blank line or a line ending in a colon and holds no prose.

    The page's text indent is the one most of its text is written at (answers indented under their
    questions are text), and so is the column where a labelled, numbered or bulleted entry's text
    starts. A run goes on while lines are as deep as its first, or past the text and not at such a
    column, and ends at a blank line or such a column; a line that
    goes on from the one above it does not open one. A run that reads as prose (sentences of words,
    an indented quotation) or holds a list is text.
    """
    text_indent = _text_indent(lines)
    hanging = _hanging_indents(lines)
    runs: list[tuple[int, int]] = []
    at = 0
    while at < len(lines):
        before = lines[at - 1].strip() if at else ""
        opens = not before or before.endswith(":") or _RULE.match(before)
        if not (opens and _deeper(lines[at], text_indent)) or indent_of(lines[at]) in hanging:
            at += 1
            continue
        depth = indent_of(lines[at])
        end = at + 1
        while end < len(lines) and (
            _goes_on(lines[end], depth, text_indent, hanging)
            or (
                not lines[end].strip()
                and end + 1 < len(lines)
                and _goes_on(lines[end + 1], depth, text_indent, hanging)
            )
        ):
            end += 1
        after = lines[end] if end < len(lines) else ""
        ends = not after.strip() or indent_of(after) in hanging  # not cut short by a line of its drawing
        wraps_on = after.strip()[:1].islower() and not _SENTENCE_END.search(lines[end - 1].strip())
        if ends and not wraps_on and not _prose_or_list(lines[at:end]):
            runs.append((at, end))
        at = end
    return runs


#: Signs that code, commands and drawings use and running text seldom does.
_CODE_SIGNS = re.compile(r"[=/\\{}()<>;$|#@_`\[\]*&~^%+]")


#: A web or mail address alone on its line: a link to follow, set apart, not code.
_ADDRESS = re.compile(r"^<?(?:(?:https?|ftp)://\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>?$")


def _prose_or_list(lines: list[str]) -> bool:
    """True for lines that read as text: a list, addresses, or sentences of words (few code signs,
    ending in a full stop, five words a line or more)."""
    texts = [line.strip() for line in lines if line.strip()]
    if any(_starts_block(text) for text in texts) or all(_ADDRESS.match(text) for text in texts):
        return True
    joined = " ".join(texts)
    words = len(joined.split())
    signs = len(_CODE_SIGNS.findall(joined))
    return joined.rstrip("\"')").endswith((".", "!", "?")) and signs * 50 <= len(joined) and words >= 5 * len(texts)


def _goes_on(line: str, depth: int, text_indent: int, hanging: set[int]) -> bool:
    """A line of a preformatted run: as deep as its first line, or past the text and not where an
    entry's text goes on."""
    return _deeper(line, depth - 1) or (_deeper(line, text_indent) and indent_of(line) not in hanging)


def _deeper(line: str, indent: int) -> bool:
    return bool(line.strip()) and indent_of(line) > indent


def _starts_block(text: str) -> bool:
    """A number, a bullet or a ``Q:``/``A:`` label: the start of an item or an entry."""
    return bool(
        numbering(text) or bullet_text(text) is not None or QUESTION_LABEL.match(text) or ANSWER_LABEL.match(text)
    )


def _hanging_indents(lines: list[str]) -> set[int]:
    """The columns where the text of labelled, numbered and bulleted entries starts ("A. The answer"
    at 3): lines indented to one of them go on that text (" 3. Remove" / "    and delete …")."""
    columns = set()
    for line in lines:
        rest = _entry_text(line.strip())
        if rest:
            columns.add(len(line.expandtabs(8)) - len(rest))
    return columns


def _entry_text(text: str) -> str | None:
    """The text after a line's number, bullet or label, if it starts an entry."""
    found = numbering(text)
    if found:
        return found.rest
    label = QUESTION_LABEL.match(text) or ANSWER_LABEL.match(text)
    if label:
        return label.group("rest")
    return bullet_text(text)


def _text_indent(lines: list[str]) -> int:
    """The indent most of the page's text (counted in characters) is written at."""
    written: dict[int, int] = {}
    for line in lines:
        if line.strip():
            written[indent_of(line)] = written.get(indent_of(line), 0) + len(line.strip())
    return max(written, key=lambda indent: (written[indent], -indent), default=0)


def dedented(lines: list[str]) -> list[str]:
    """Lines of code moved left by the indent they share, in columns (tabs expanded as ``indent_of``
    counts them), without the spaces they end with."""
    lines = [line.expandtabs(8).rstrip() for line in lines]
    margin = min((indent_of(line) for line in lines if line), default=0)
    return [line[margin:] for line in lines]


def _continued(lines: list[str]) -> list[str]:
    """Lines joined where one stops mid-sentence and the next goes on in lower case: a paragraph
    wrapped once in a page that is not wrapped throughout ("… follow the" / "steps in the wizard.")."""
    joined: list[str] = []
    for line in lines:
        text = line.strip()
        before = joined[-1].strip() if joined else ""
        goes_on = before and _runs_on(before, text) and not (numbering(text) or bullet_text(text) is not None)
        if goes_on and not _RULE.match(before):
            joined[-1] = f"{joined[-1].rstrip()} {text}"
        else:
            joined.append(line)
    return joined


def _hard_wrapped(lines: list[str]) -> bool:
    """True when text lines run on into the next: 40-100 characters, no sentence end, more text after.

    Pages saved by a browser put each paragraph on one line, so such lines are rare there; in
    notes wrapped at 70-80 columns most lines that are followed by text are like that.
    """
    stripped = [line.strip() for line in lines]
    followed = [
        a for a, b in itertools.pairwise(stripped) if a and b and not (numbering(b) or bullet_text(b) is not None)
    ]
    running = sum(1 for a in followed if 40 <= len(a) <= 100 and not _SENTENCE_END.search(a))
    return running >= 2 and running * 2 >= len(followed)


def _unwrapped(lines: list[str]) -> list[str]:
    """Hard-wrapped lines joined into paragraphs. A number, a bullet or a ``Q:``/``A:`` label starts a
    new one, a rule line (``-----``) ends one, and a labelled question ends at its question mark:
    what follows it is the answer, labelled or not."""
    joined: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        text = "" if _RULE.match(line.strip()) else line.strip()
        if not text or _starts_block(text) or _below_outline_heading(current, line):
            if current:
                joined.append(" ".join(current))
            current = [line.rstrip()] if text else []  # its indent tells its list from an outer one
            if not text:
                joined.append("")
        else:
            current.append(text if current else line.rstrip())  # a paragraph keeps its first line's indent
        if current and asks(text) and QUESTION_LABEL.match(current[0].strip()):
            joined.append(" ".join(current))
            current = []
    return joined


def _below_outline_heading(current: list[str], line: str) -> bool:
    """True when *line* is the first line of text under a numbered heading indented past it
    ("          2.1   What is Sguil?" / "      Sguil is …"): an outline's heading ends at its line,
    unless the line only goes on with it (a heading wrapped mid-sentence, going on in lower case)."""
    if not current or not numbering(current[0].strip()) or indent_of(line) >= indent_of(current[0]):
        return False
    return not _runs_on(current[-1], line.strip())


def _runs_on(before: str, text: str) -> bool:
    """True when *text* goes on with the line *before* it: that line stops mid-sentence and this one
    goes on in lower case."""
    return text[:1].islower() and not _SENTENCE_END.search(before)


#: A line that asks and answers itself: "What uptime do I get? - We offer 99.99% uptime."
_ASKED_AND_ANSWERED = re.compile(
    rf"^(?P<question>[^{QUESTION_MARKS}]{{3,300}}[{QUESTION_MARKS}])\s+[-–—:]\s+(?P<answer>\S.*)$"
)


def asked_and_answered(blocks: list[Block]) -> list[Block]:
    """Lines that each ask and answer (``Question? - Answer``), when most of the page's paragraphs
    are such lines, as a question and its answer; one such line among other text stays as it is."""
    lines = [b.kind in ("paragraph", "item") and bool(_ASKED_AND_ANSWERED.match(b.text)) for b in blocks]
    paragraphs = sum(1 for b in blocks if b.kind in ("paragraph", "item"))
    if sum(lines) < 3 or sum(lines) * 2 < paragraphs:
        return blocks
    split: list[Block] = []
    for block, asked in zip(blocks, lines, strict=True):
        found = _ASKED_AND_ANSWERED.match(block.text) if asked else None
        if found is None:
            split.append(block)
            continue
        split += [
            Block("paragraph", found.group("question")),
            Block("paragraph", found.group("answer"), links=block.links),
        ]
    return split


def compose(blocks: list[Block]) -> str:
    """Blocks as corpus text: paragraphs apart by a blank line, list items as ``- `` lines (two spaces
    before for each level an item is nested deeper than the first item of its list), code fenced.

    The inverse of ``ecoqa.text.blocks``. Numbered items inside an answer keep their number.
    """
    parts: list[str] = []
    items: list[str] = []
    depth = start = 0  # the last item's depth, counted from the depth of the first item of its list
    for block in blocks:
        if block.kind == "item":
            start = block.depth if not items else start
            depth = min(max(block.depth - start, 0), depth + 1 if items else 0)  # a level deeper at most
            items.append("  " * depth + f"- {block.text}")
            continue
        if items:
            parts.append("\n".join(items))
            items = []
        if block.kind == "code":
            parts.append(fenced(block.text))
        else:
            parts.append(_numbered_text(block) if block.kind == "numbered" else block.text)
    if items:
        parts.append("\n".join(items))
    return "\n\n".join(part for part in parts if part.strip())


def _numbered_text(block: Block) -> str:
    return f"{block.written} {block.text}" if block.written else f"{block.number}. {block.text}"
