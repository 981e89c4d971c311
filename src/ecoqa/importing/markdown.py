"""Markdown documents as blocks, the way renderers show them.

Read with markdown-it-py, the CommonMark parser rich already depends on, so it costs no new
dependency and reads wrapped paragraphs, nested lists and links the way renderers do. What the
renderers of documentation sites add is read for what it is: front matter is metadata (its
``title`` is the document's), heading attributes (``{#id}``) and table-of-contents markers
(``{:toc}``, ``[TOC]``) are dropped, admonition fences (``:::note``) are dropped and their text
kept, images show no alt text, and HTML blocks (headings, ``<details>``, tables) are read as HTML.
Definition lists (a term line, then ``: its definition``, as Pandoc, PHP Markdown Extra, kramdown
and Hugo write them) are read with markdown-it's own plugin: each term is a term, as in a ``<dl>``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ecoqa.importing.blocks import Block, Link, is_divider, line_block
from ecoqa.importing.questions import ANSWER_LABEL, BOLD, LEAD, QUESTION_LABEL, asks, bold_heading

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\n(?P<body>.*?\n)?(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)", re.S
)
_TITLE = re.compile(r"""^title\s*[:=]\s*["']?(?P<title>.*?)["']?\s*$""", re.M)
_MARKER_LINE = re.compile(r"(?m)^[ \t]*(?:\{:[^}\n]*\}|\[TOC\]|\[\[_TOC_\]\]|:::+.*)[ \t]*$")
#: An empty link target written on a heading's line (``<a id="x"></a> ### Question``): the
#: heading is the line's content, the anchor only where a link lands.
ANCHOR_BEFORE_HEADING = re.compile(
    r"""(?mi)^[ \t]*<a\s+(?:id|name)\s*=\s*["']?[^"'>\s]*["']?\s*>\s*</a>[ \t]*(?=#{1,6}[ \t])"""
)
_TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)")
#: Element names of HTML: inline tags with other names ("<project name>", "cargo <command>") are
#: placeholders written in angle brackets, kept as text.
_HTML_ELEMENTS = frozenset(
    "a abbr acronym address area article aside audio b bdi bdo big blockquote body br button canvas caption "
    "center cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset "
    "figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label "
    "legend li link main map mark meta meter nav noscript object ol optgroup option output p param picture pre "
    "progress q rp rt ruby s samp script section select small source span strike strong style sub summary sup "
    "svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr".split()
)
_ATTRIBUTES = re.compile(r"\s*\{[#.:][^{}]*\}\s*$")


def front_matter(text: str) -> tuple[str | None, str]:
    """The front matter's title (if it has one) and the document without its front matter."""
    found = _FRONT_MATTER.match(text)
    if not found:
        return None, text
    title = _TITLE.search(found.group("body") or "")
    rest = "\n" * found.group().count("\n") + text[found.end() :]  # keep line numbers
    return (" ".join(title.group("title").split()) or None) if title else None, rest


@cache
def _parser() -> MarkdownIt:
    """One CommonMark parser for the whole import: making one costs more than parsing a table cell."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.deflist import deflist_plugin

    return MarkdownIt("commonmark").enable("table").use(deflist_plugin)


#: An MkDocs/Python-Markdown admonition: "!!! note", '??? question "How do I …?"' over an indented body.
_ADMONITION = re.compile(r'^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$')


def _admonitions(text: str) -> str:
    """Admonitions as what they show: their title as a bold line, their body as text (indented four
    spaces under the marker, which CommonMark would take for code)."""
    if "!!!" not in text and "???" not in text:
        return text
    for _ in range(4):  # an admonition inside one comes out at the next pass
        text, before = _admonitions_once(text), text
        if text == before:
            break
    return text


def _admonitions_once(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    body = ""  # the indent of the admonition body being read
    for line in lines:
        if body and (not line.strip() or line.startswith(body)):
            out.append(line[len(body) :] if line.strip() else line)
            continue
        body = ""
        found = _ADMONITION.match(line)
        if found is None:
            out.append(line)
            continue
        body = found.group("indent") + "    "
        out.extend([f"**{found.group('title')}**" if found.group("title") else "", ""])
    return "\n".join(out)


def markdown_blocks(text: str) -> list[Block]:
    """The blocks of a Markdown document (front matter already taken off)."""
    text = ANCHOR_BEFORE_HEADING.sub("", _MARKER_LINE.sub("", text))
    tokens = _parser().parse(_admonitions(text))
    blocks: list[Block] = []
    lists: list[list[int]] = []  # per open list: [ordered, next number]
    item_open = False
    heading = 0
    term = False  # inside a definition list's term
    rows: list[list[str]] | None = None  # the cells of a pipe table being read
    for token in tokens:
        if token.type == "table_open":
            rows = []
        elif token.type == "table_close" and rows is not None:
            blocks.extend(_table_blocks(rows))
            rows = None
        elif token.type == "tr_open" and rows is not None:
            rows.append([])
        elif token.type == "inline" and rows is not None:
            rows[-1].append(" ".join(" ".join(_lines(token)[0]).split()))
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            start = token.attrGet("start")
            lists.append([token.type == "ordered_list_open", int(start) if start else 1])
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "list_item_open":
            item_open = True
        elif token.type == "heading_open":
            heading = int(token.tag[1])
        elif token.type in ("dt_open", "dt_close"):
            term = token.type == "dt_open"
        elif token.type == "inline" and term:
            lines, links, _, _ = _lines(token)
            blocks.append(Block("term", " ".join(" ".join(lines).split()), links=tuple(links)))
        elif token.type == "inline":
            blocks.extend(_inline_blocks(token, heading, lists if item_open else []))
            if item_open and lists and lists[-1][0]:
                lists[-1][1] += 1
            item_open, heading = False, 0
        elif token.type in ("fence", "code_block") and token.content.strip():
            blocks.append(Block("code", token.content.rstrip("\n")))
        elif token.type == "html_block":
            blocks.extend(_html_blocks(token.content))
    return blocks


def _table_blocks(rows: list[list[str]]) -> list[Block]:
    """A pipe table. A table of questions and answers (its header names them, or most cells of its
    first column ask) gives a bold question per row with its answer under it; any other table
    keeps a row per line ("Debug | 3200"), as text of the answer it stands in."""
    from ecoqa.importing.columns import header_columns

    if len(rows) < 2 or len(rows[0]) < 2:
        return [Block("paragraph", " | ".join(row)) for row in rows if any(row)]
    header, body = rows[0], rows[1:]
    columns, _ = header_columns(header)
    question, answer = columns.get("question"), columns.get("answer")
    if question is None or answer is None:
        asking = sum(1 for row in body if row and asks(row[0]))
        if asking * 2 < len(body):
            return [Block("paragraph", " | ".join(row)) for row in rows if any(row)]
        question = 0
        answer = max(range(1, len(header)), key=lambda at: sum(len(row[at]) for row in body if at < len(row)))
    blocks: list[Block] = []
    for row in body:
        if max(question, answer) < len(row) and row[question] and row[answer]:
            blocks += [Block("heading", row[question], level=BOLD), Block("paragraph", row[answer])]
    return blocks


def _html_blocks(html: str) -> list[Block]:
    """An HTML block inside Markdown read as HTML: a ``<h3>`` is a heading like ``###``."""
    if not re.search(r"<(?!!--)[a-zA-Z]", html):
        return []  # a comment or a closing tag
    from ecoqa.importing.html import fragment_blocks

    return fragment_blocks(html)


def _inline_blocks(token: Token, heading: int, lists: list[list[int]]) -> list[Block]:
    """An inline run as blocks: one per hard break, and one per line that starts with a label.

    Bold text that asks, opening a paragraph or a list item with more text after it (on the same
    line or the next), is a question with its answer: ``**Can I share results?**`` then the answer,
    or ``- **How do I cancel?** Open Settings …``. It becomes a bold heading, the rest its answer.
    """
    lines, links, bold, lead = _lines(token)
    asked: list[Block] = []
    joined = "\n".join(lines)  # the bold question may be wrapped onto the next line, as hard-wrapped text is
    opens = bool(lead.strip()) and bool(lines) and joined.startswith(lead) and asks(lead)
    if not heading and opens and len(" ".join(lines).strip()) > len(lead.strip()):
        asked = [Block("heading", " ".join(lead.split()), level=BOLD, shape=LEAD)]
        rest = joined[len(lead) :].split("\n")
        rest[0] = rest[0].strip()
        lines, bold, lists = [line for n, line in enumerate(rest) if n or line], [False], []
    blocks: list[Block] = []
    current: list[str] = []
    for line in [*lines, None]:
        starts_label = line is not None and bool(QUESTION_LABEL.match(line) or ANSWER_LABEL.match(line))
        if (line is None or line == "\f" or starts_label) and current:
            if not is_divider(" ".join(current)):  # "▬▬▬▬", "═══": drawn, though CommonMark has no such rule
                blocks.append(_block(" ".join(current), heading, lists, tuple(links) if not blocks else ()))
            current = []
        if line is not None and line != "\f":
            current.append(line)
    alone = len(blocks) == 1 and not asked and not heading and not lists
    if all(bold) and alone and bold_heading(blocks[0].text) and not ANSWER_LABEL.match(blocks[0].text):
        return [Block("heading", blocks[0].text, level=BOLD, links=blocks[0].links)]
    return [*asked, *blocks]


def _block(text: str, heading: int, lists: list[list[int]], links: tuple[Link, ...]) -> Block:
    text = " ".join(text.split())
    if heading:
        return Block("heading", _ATTRIBUTES.sub("", text), level=heading, links=links)
    if lists:
        ordered, number = lists[-1]
        if ordered:
            return Block("numbered", text, number=number, shape=f"md{len(lists)}", links=links)
        return Block("item", text, links=links, depth=len(lists) - 1)
    block = line_block(text, text_headings=False) or Block("paragraph", text)
    return Block(block.kind, block.text, number=block.number, shape=f"p:{block.shape}", path=block.path, links=links)


def _lines(token: Token) -> tuple[list[str], list[Link], list[bool], str]:
    """The inline text split at soft breaks (kept as lines) and hard breaks ("\\f"), its links, for
    each kept line whether all of its text is bold, and the bold text that opens the first line."""
    lines: list[str] = [""]
    plain: list[bool] = [False]  # per line: some text outside bold
    links: list[Link] = []
    link: tuple[str, int] | None = None  # (href, where its text starts in the last line)
    strong = 0
    lead = ""  # bold text at the start of the first line, before any plain text
    leading = True
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            if leading and (strong or not child.content.strip()):
                lead += child.content
            else:
                leading = False
            lines[-1] += child.content
            plain[-1] = plain[-1] or (not strong and bool(child.content.strip()))
        elif child.type == "softbreak":
            lines.append("")
            plain.append(False)
            lead += "\n" if leading and strong else ""
            leading = leading and bool(strong)
        elif child.type == "html_inline":
            tag = _TAG_NAME.match(child.content)
            if tag and tag.group(1).lower() == "br":
                lines.extend(["\f", ""])
                plain.extend([False, False])
                leading = False
            elif not tag or tag.group(1).lower() not in _HTML_ELEMENTS:  # "<project name>": text, not a tag
                lines[-1] += child.content
                plain[-1] = plain[-1] or not strong
                leading = leading and bool(strong)
                lead += child.content if leading else ""
        elif child.type == "hardbreak":
            lines.extend(["\f", ""])
            plain.extend([False, False])
            leading = False
        elif child.type == "strong_open":
            strong += 1
        elif child.type == "strong_close":
            strong -= 1
        elif child.type == "link_open":
            link = (str(child.attrGet("href") or ""), len(lines[-1]))
            leading = False
        elif child.type == "link_close" and link:
            text = " ".join(lines[-1][link[1] :].split())
            if text and link[0] and not link[0].startswith("#"):
                links.append(Link(text, link[0]))
            link = None
    kept = [(line, not text_outside) for line, text_outside in zip(lines, plain, strict=True) if line.strip()]
    return [line for line, _ in kept], links, [bold for _, bold in kept], lead if lines[0].strip() else ""
