"""Markdown notes: one heading per question, or ``Q:``/``A:`` and ``**Vraag:**``/``**Antwoord:**`` lines.

Read with markdown-it-py, the CommonMark parser rich already depends on, so it costs no new
dependency and reads wrapped paragraphs, nested lists and links the way renderers do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ecoqa.importing.blocks import Block, Link, line_block
from ecoqa.importing.pairs import _ANSWER_LABEL, _QUESTION_LABEL

if TYPE_CHECKING:
    from markdown_it.token import Token

ORDER = ("labelled", "headings", "numbered", "paragraphs")


def markdown_blocks(text: str) -> list[Block]:
    """The blocks of a Markdown document."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    blocks: list[Block] = []
    lists: list[list[int]] = []  # per open list: [ordered, next number]
    item_open = False
    heading = 0
    for at, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            start = token.attrGet("start")
            lists.append([token.type == "ordered_list_open", int(start) if start else 1])
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "list_item_open":
            item_open = True
        elif token.type == "heading_open":
            heading = int(token.tag[1])
        elif token.type == "inline":
            blocks.extend(_inline_blocks(token, heading, lists if item_open else [], at))
            if item_open and lists and lists[-1][0]:
                lists[-1][1] += 1
            item_open, heading = False, 0
        elif token.type in ("fence", "code_block") and token.content.strip():
            blocks.append(Block("code", token.content.rstrip("\n")))
    return blocks


def _inline_blocks(token: Token, heading: int, lists: list[list[int]], at: int) -> list[Block]:
    """An inline run as blocks: one per hard break, and one per line that starts with a label."""
    lines, links = _lines(token)
    blocks: list[Block] = []
    current: list[str] = []
    for line in [*lines, None]:
        starts_label = line is not None and bool(_QUESTION_LABEL.match(line) or _ANSWER_LABEL.match(line))
        if (line is None or line == "\f" or starts_label) and current:
            blocks.append(_block(" ".join(current), heading, lists, tuple(links) if not blocks else ()))
            current = []
        if line is not None and line != "\f":
            current.append(line)
    return blocks


def _block(text: str, heading: int, lists: list[list[int]], links: tuple[Link, ...]) -> Block:
    text = " ".join(text.split())
    if heading:
        return Block("heading", text, level=heading, links=links)
    if lists:
        ordered, number = lists[-1]
        if ordered:
            return Block("numbered", text, number=number, shape=f"md{len(lists)}", links=links)
        return Block("item", text, links=links)
    block = line_block(text, text_headings=False) or Block("paragraph", text)
    return Block(block.kind, block.text, number=block.number, shape=f"p:{block.shape}", links=links)


def _lines(token: Token) -> tuple[list[str], list[Link]]:
    """The inline text split at soft breaks (kept as lines) and hard breaks ("\\f"), with its links."""
    lines: list[str] = [""]
    links: list[Link] = []
    link: tuple[str, int] | None = None  # (href, where its text starts in the last line)
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            lines[-1] += child.content
        elif child.type == "softbreak":
            lines.append("")
        elif child.type == "hardbreak":
            lines.extend(["\f", ""])
        elif child.type == "link_open":
            link = (str(child.attrGet("href") or ""), len(lines[-1]))
        elif child.type == "link_close" and link:
            text = " ".join(lines[-1][link[1] :].split())
            if text and link[0].startswith(("http://", "https://", "mailto:")):
                links.append(Link(text, link[0]))
            link = None
        elif child.type == "image":
            lines[-1] += child.content
    return [line for line in lines if line.strip()], links
