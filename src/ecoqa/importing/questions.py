"""What a question looks like: it asks, starts with a question word, or carries a label or a number."""

from __future__ import annotations

import re

from ecoqa.importing.blocks import ANSWER_LABEL as ANSWER_LABEL  # the labels live with the text reader
from ecoqa.importing.blocks import QUESTION_LABEL as QUESTION_LABEL
from ecoqa.importing.blocks import Block, numbering
from ecoqa.importing.blocks import asks as asks  # the one rule, kept with the readers that use it too

#: The rank of a heading made of one bold line (below every real heading level).
BOLD = 7
#: The shape of a bold question that opens its own answer's paragraph ("**Can I pay later?** Yes, …"),
#: as against a bold line standing alone.
LEAD = "lead"
#: Blocks that are text of an answer.
CONTENT = ("paragraph", "item", "numbered", "code", "term")
#: A question word, but not one that opens a clause with its subject right after it ("How it
#: works", "What you might do if you're clever", "Wat je moet weten" are section titles; "How
#: does it work" and "Can I" ask).
QUESTION_WORD = re.compile(
    r"^(?:(?:how|what|why|when|where|who|whom|whose|which|hoe|wat|waarom|wanneer|waar|wie|welke|welk|waarvoor|"
    r"waarmee|hoeveel)\b(?!\s+(?:i|you|we|they|he|she|it|ik|je|jij|wij|ze|zij|hij|het)\b)|"
    r"(?:can|could|do|does|did|is|are|was|were|should|shall|will|would|may|might|must|has|have|kan|kun|kunt|"
    r"kunnen|mag|moet|moeten|zijn|heb|hebben|heeft|wordt|worden|krijg|krijgt|ben|zal|zou)\b)",
    re.I,
)


_STATEMENT = re.compile(r"(?<!\.)[.。][\"'”’)\]」』]*$")


def bold_heading(text: str) -> bool:
    """Whether a paragraph all in bold reads as a heading: not one ending as a sentence does
    ("**As of 2016, crates.io rejects such packages.**", "**有区别。…。**" is an emphasised answer, not a title)."""
    return len(text) <= 300 and not _STATEMENT.search(text)


def question_text(text: str) -> tuple[str, int | None]:
    """The question without its numbering (``1.``, ``1.1``, ``Q3:``, ``Vraag 3:``), and the number."""
    found = numbering(text)
    if found:
        return found.rest, found.path[-1]
    label = QUESTION_LABEL.match(text)
    if label and label.group("rest"):
        given = label.group("n") or label.group("m")
        return label.group("rest"), int(given) if given else None
    return text, None


def likelihood(text: str, *, asking_page: bool) -> float:
    """How likely a heading or line is a question: it asks or carries a question label (``Q:``,
    ``Vraag 3:``; a labelled problem stated as a sentence is a question too), it starts with a
    question word, else the page decides."""
    label = QUESTION_LABEL.match(text)
    if asks(text) or (label and label.group("rest")):
        return 0.95
    if QUESTION_WORD.match(question_text(text)[0]):
        return 0.85
    return 0.3 if asking_page else 0.7


def heading_rank(block: Block) -> int:
    """A heading's rank (1-6, bold lines 7); 0 for anything else, guessed text headings included."""
    return block.level if block.kind == "heading" else 0
