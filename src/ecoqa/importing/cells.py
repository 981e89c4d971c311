"""A spreadsheet cell as answer text, read as people type cells: a line break is a soft wrap, a
blank line a new paragraph, ``- `` lines a list, Markdown links and HTML (``<a>``, ``<br>``,
``<ul>``) for what they are; phone service codes (``*321*1#``) are text, not emphasis."""

from __future__ import annotations

import re

from ecoqa.importing.blocks import Block, Link

_HTML = re.compile(r"</?(?:a|p|br|ul|ol|li|b|strong|i|em|div|span|h[1-6]|table|code|pre)\b[^>]*>", re.I)
_MD_LINK = re.compile(r"\[(?P<text>[^\]\n]+)\]\((?P<url>[^)\s]+)\)")
#: A run of digits, capitals (a placeholder such as ``PIN``), ``*`` and ``#`` with a ``*`` in it,
#: standing alone.
_STARRED_RUN = re.compile(r"(?<![\w*\\])[\dA-Z*#]*\*[\dA-Z*#]*(?![\w*])")


def cell_text(cell: str) -> tuple[str, tuple[Link, ...]]:
    """A cell as answer text: soft-wrapped lines joined, blank lines as paragraphs, HTML read as HTML."""
    from ecoqa.importing.blocks import compose

    if _HTML.search(cell):
        from ecoqa.importing.html import fragment_blocks

        html = _MD_LINK.sub(lambda m: f'<a href="{m.group("url")}">{m.group("text")}</a>', cell)
        paragraphs = re.split(r"\n[ \t]*\n", html.replace("\r\n", "\n").replace("\r", "\n"))
        blocks = [b for part in paragraphs for b in fragment_blocks(part)]
    else:
        from ecoqa.importing.markdown import markdown_blocks

        blocks = markdown_blocks(_codes_kept(cell).replace("\r\n", "\n").replace("\r", "\n"))
    blocks = [Block("paragraph", b.text, links=b.links) if b.kind == "heading" else b for b in blocks]
    return compose(blocks), tuple(dict.fromkeys(link for b in blocks for link in b.links))


def _codes_kept(cell: str) -> str:
    """*cell* with the asterisks of phone service codes (``*321*1#``, ``*904#``, ``*888*PIN#``) and
    products (``2*3``) escaped, so that Markdown does not read them as emphasis and drop them. A
    run of digits, capitals and asterisks is such a code when it holds a ``#`` or an asterisk
    between two digits; ``**5**`` and ``*NOTE*`` stay emphasis."""

    def kept(run: re.Match[str]) -> str:
        code = run.group()
        return code.replace("*", "\\*") if "#" in code or re.search(r"\d\*\d", code) else code

    return _STARRED_RUN.sub(kept, cell)
