"""reStructuredText as blocks: underlined titles, paragraphs, lists, literal and code blocks.

A small reader of the parts of reStructuredText that FAQs use, not a full parser: section
titles (underlined, optionally overlined; the levels in the order the document first uses each
adornment, as docutils assigns them), paragraphs, bullet and enumerated lists, ``::`` literal
blocks and ``code-block`` directives as code, admonitions (``.. note::``) as their text, and
inline markup reduced to its text (roles, ``code``, emphasis, hyperlink references with their
URLs as links). Comments, labels, substitutions and other directives are left out.
"""

from __future__ import annotations

import csv
import itertools
import re

from ecoqa.importing.blocks import ANSWER_LABEL, QUESTION_LABEL, Block, Link, asks, dedented, indent_of, line_block

_ADORNMENT = re.compile(r"^([=\-~^\"'`#*+<>:._])\1{2,}\s*$")
_DIRECTIVE = re.compile(r"^\.\.\s+(?:(?P<name>[\w:-]+)::\s*(?P<arg>.*)|(?P<other>.*))$")
_CODE_DIRECTIVES = frozenset(
    "code-block code sourcecode literalinclude parsed-literal doctest testcode testoutput ipython prompt math".split()
)
#: Directives whose body is text of the page: admonitions, and the boxes, tabs and cards of Sphinx
#: themes and extensions (sphinx-tabs, sphinx-design), each shown with its title.
_TEXT_DIRECTIVES = frozenset(
    "note warning tip hint important caution attention danger error admonition seealso versionadded "
    "versionchanged deprecated topic sidebar rubric container only tabs tab group-tab tab-set tab-item "
    "dropdown card grid grid-item grid-item-card hlist glossary centered epigraph pull-quote highlights "
    "compound class figure ifconfig details".split()
)
#: Text directives whose argument is not text (a version, a condition, class names, an image's path).
_ARGUMENT_NOT_SHOWN = frozenset(
    "versionadded versionchanged only container tabs tab-set grid hlist glossary compound class figure ifconfig".split()
)
#: Directives that describe an object of a program (Sphinx's domains and autodoc): the object's
#: signature, shown as code, over its description. Autodoc takes the description from the source
#: code, so an FAQ shows at least what it documents.
_OBJECT_DIRECTIVE = re.compile(
    r"^(?:(?:py|c|cpp|js|rst|std):)?(?:auto)?(?:function|class|method|classmethod|staticmethod|attribute|"
    r"property|data|exception|decorator|decoratormethod|macro|member|type|var|enum|option|envvar|describe|object|"
    r"confval|directive|role)$"
)
_TABLE_DIRECTIVES = frozenset({"list-table", "csv-table"})
_BULLET = re.compile(r"^([-*+•])\s+(?P<rest>\S.*)$")
_ENUMERATED = re.compile(r"^(?P<n>\d{1,4}|#)[.)]\s+(?P<rest>\S.*)$")
_LINK = re.compile(r"`(?P<text>[^`<]*?)\s*<(?P<url>[^`>]+)>`__?")
_ROLE = re.compile(r":(?P<role>[\w:+-]+):`(?P<text>[^`<]*?)(?P<target>\s*<[^`>]*>)?`")
#: Roles that Sphinx shows with their kind in front when given only a number (``:pep:`544``` is "PEP 544").
_NUMBERED_ROLES = {"pep": "PEP", "rfc": "RFC"}
_INLINE = (
    (re.compile(r"``(.+?)``"), r"\1"),
    (re.compile(r"`([^`]+)`_{0,2}"), r"\1"),
    (re.compile(r"\*\*(.+?)\*\*"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"\|([^|\s][^|]*)\|_{0,2}"), r"\1"),
)


def looks_like_rst(text: str) -> bool:
    """Two or more titles underlined the reStructuredText way, or its directives. The last line
    inside a box drawn of one sign ("* and derivatives. *" over "*****") is not a title."""
    lines = text.replace("\r\n", "\n").split("\n")
    titles = sum(
        1
        for above, line in itertools.pairwise(lines)
        if _ADORNMENT.match(line)
        and above.strip()
        and not _ADORNMENT.match(above)
        and len(line.rstrip()) >= len(above.rstrip())
        and not _boxed(above.strip(), line.strip()[0])
    )
    directives = len(re.findall(r"(?m)^\.\. [\w-]+::", text))
    return titles >= 2 or (titles >= 1 and directives >= 1)


def _boxed(line: str, sign: str) -> bool:
    """A line between the sides of a box drawn with *sign*: it starts and ends with it."""
    return len(line) > 2 and line[0] == sign and line[-1] == sign


def rst_blocks(text: str) -> list[Block]:
    lines = [line.expandtabs(8).rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    reader = _Reader(lines)
    reader.read()
    return reader.blocks


class _Reader:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.blocks: list[Block] = []
        self.styles: list[tuple[str, bool]] = []  # adornments in the order first used: their levels
        self.bullets: list[int] = []  # the indents of the bullet items open above: a list nested in one

    def read(self) -> None:
        at = 0
        while at < len(self.lines):
            at = self._one(at)

    def _one(self, at: int) -> int:
        line = self.lines[at]
        if not line.strip():
            return at + 1
        title = self._title(at)
        if title:
            return title
        directive = _DIRECTIVE.match(line)
        if directive:
            return self._directive(at, directive)
        indent = indent_of(line)
        if line.strip() == ".." or line.strip().startswith(".. "):  # a comment or a link target: not text
            return self._indented_end(at + 1, indent) if at + 1 < len(self.lines) else at + 1
        bullet = _BULLET.match(line.strip())
        enumerated = _ENUMERATED.match(line.strip())
        if not (bullet or enumerated) and self._defines(at, indent):
            return self._definition(at, indent)
        end = self._paragraph_end(at, indent, listed=bool(bullet or enumerated))
        text = " ".join(part.strip() for part in self.lines[at:end])
        literal = text.endswith("::")
        if literal:
            text = text[:-2].rstrip() + (":" if text[:-2].strip() and not text[:-2].endswith(" ") else "")
        if bullet:
            while self.bullets and self.bullets[-1] >= indent:
                self.bullets.pop()
            self._add("item", text[2:].strip(), depth=len(self.bullets))
            self.bullets.append(indent)
        elif enumerated:
            number = enumerated.group("n")
            rest = text.split(None, 1)[1] if " " in text else ""
            self._add("numbered", rest, number=int(number) if number.isdigit() else 0)
        elif text.strip():
            self._add("paragraph", text)
        if literal:
            return self._literal(end, indent)
        return end

    def _defines(self, at: int, indent: int) -> bool:
        """A definition list item: one line, the next one right under it indented deeper (not a
        comment, nor a ``Q:``/``A:`` line whose wrapped text hangs under its label)."""
        after = at + 1
        term = self.lines[at].strip()
        if term.startswith("..") or QUESTION_LABEL.match(term) or ANSWER_LABEL.match(term):
            return False
        return (
            after < len(self.lines)
            and bool(self.lines[after].strip())
            and indent_of(self.lines[after]) > indent
            and not self.lines[at].rstrip().endswith("::")
            and not (after + 1 < len(self.lines) and _ADORNMENT.match(self.lines[after + 1]))
        )

    def _definition(self, at: int, indent: int) -> int:
        """``Term`` and its indented definition: a term (a question, in a FAQ) and the text under it."""
        end = self._indented_end(at + 1, indent)
        self._add("term", self.lines[at].strip())
        inner = _Reader(dedented(self.lines[at + 1 : end]))
        inner.styles = self.styles
        inner.read()
        self.blocks.extend(inner.blocks)
        return end

    def _title(self, at: int) -> int | None:
        """An underlined (or over- and underlined) title: the index after it, or None."""
        lines = self.lines
        over = _ADORNMENT.match(lines[at])
        if over and at + 2 < len(lines) and lines[at + 1].strip() and _ADORNMENT.match(lines[at + 2]):
            text, char, end = lines[at + 1].strip(), lines[at][0], at + 3
            overlined = True
        elif at + 1 < len(lines) and lines[at].strip() and not over and _ADORNMENT.match(lines[at + 1]):
            if indent_of(lines[at]) or len(lines[at + 1].rstrip()) < min(len(lines[at].rstrip()), 4):
                return None
            text, char, end = lines[at].strip(), lines[at + 1][0], at + 2
            overlined = False
        else:
            return None
        style = (char, overlined)
        if style not in self.styles:
            self.styles.append(style)
        self.blocks.append(Block("heading", _inline(text)[0], level=min(self.styles.index(style) + 1, 6)))
        return end

    def _directive(self, at: int, found: re.Match[str]) -> int:
        end = self._indented_end(at + 1, 0)
        name = (found.group("name") or "").lower()
        body = dedented(self.lines[at + 1 : end])
        if name in _CODE_DIRECTIVES:
            code = "\n".join(line for line in _without_options(body)).strip("\n")
            if code.strip():
                self.blocks.append(Block("code", code))
        elif _OBJECT_DIRECTIVE.match(name) and found.group("arg").strip():
            self.blocks.append(Block("code", found.group("arg").strip()))
            self._read_inside(_without_options(body))
        elif name in _TABLE_DIRECTIVES:
            if found.group("arg").strip():
                self._add("paragraph", found.group("arg"))
            for row in _table_rows(name, _without_options(body)):
                self._add("paragraph", " | ".join(row))
        elif name in _TEXT_DIRECTIVES:
            body = _without_options(body)
            if found.group("arg") and name not in _ARGUMENT_NOT_SHOWN:
                if body and body[0].strip():  # ".. note:: Be careful how you set" goes on on the next line
                    body = [f"{found.group('arg').strip()} {body[0].strip()}", *body[1:]]
                else:
                    self._add("paragraph", found.group("arg"))
            self._read_inside(body)
        return end

    def _read_inside(self, body: list[str]) -> None:
        """The text of a directive's body, read as the document is (its titles at the document's levels)."""
        inner = _Reader(body)
        inner.styles = self.styles
        inner.read()
        self.blocks.extend(inner.blocks)

    def _paragraph_end(self, at: int, indent: int, *, listed: bool) -> int:
        """Where a paragraph ends: a blank line, a directive, a title, a list item of its list, or a
        ``Q:``/``A:`` label (a labelled question also ends at its question mark)."""
        end = at + 1
        labelled = bool(QUESTION_LABEL.match(self.lines[at].strip()))
        while end < len(self.lines) and self.lines[end].strip():
            line = self.lines[end]
            if (
                (labelled and asks(self.lines[end - 1]))
                or QUESTION_LABEL.match(line.strip())
                or ANSWER_LABEL.match(line.strip())
            ):
                break
            if _DIRECTIVE.match(line) or (_ADORNMENT.match(line) and end + 1 >= len(self.lines)):
                break
            if (
                listed
                and indent_of(line) <= indent
                and (_BULLET.match(line.strip()) or _ENUMERATED.match(line.strip()))
            ):
                break
            if end + 1 < len(self.lines) and _ADORNMENT.match(self.lines[end + 1]) and not indent_of(line):
                break  # the next line is a title
            end += 1
        return end

    def _indented_end(self, at: int, indent: int) -> int:
        """The end of the block indented deeper than *indent* that starts at *at* (blank lines inside)."""
        end = at
        last = at
        while end < len(self.lines):
            line = self.lines[end]
            if line.strip():
                if indent_of(line) <= indent:
                    break
                last = end + 1
            end += 1
        return last

    def _literal(self, at: int, indent: int) -> int:
        start = at
        while start < len(self.lines) and not self.lines[start].strip():
            start += 1
        if start >= len(self.lines) or indent_of(self.lines[start]) <= indent:
            return at
        end = self._indented_end(start, indent)
        code = "\n".join(dedented(self.lines[start:end])).strip("\n")
        if code.strip():
            self.blocks.append(Block("code", code))
        return end

    def _add(self, kind: str, text: str, number: int = 0, depth: int = 0) -> None:
        plain, links = _inline(text)
        if not plain:
            return
        if kind == "paragraph":
            block = line_block(plain, text_headings=False) or Block("paragraph", plain)
            self.blocks.append(
                Block(
                    block.kind, block.text, number=block.number, shape=f"p:{block.shape}", path=block.path, links=links
                )
            )
        elif kind == "numbered":
            self.blocks.append(Block("numbered", plain, number=number, shape="rst", links=links))
        elif kind == "term":
            self.blocks.append(Block("term", plain, links=links))
        else:
            self.blocks.append(Block("item", plain, links=links, depth=depth))


def _table_rows(name: str, body: list[str]) -> list[list[str]]:
    """The rows of a ``list-table`` (``* - cell`` then ``  - cell`` lines) or a ``csv-table``."""
    lines = [line for line in body if line.strip()]
    if name == "csv-table":
        return [[cell.strip() for cell in row] for row in csv.reader(line.strip() for line in lines) if row]
    rows: list[list[str]] = []
    for line in lines:
        cell = re.match(r"^\s*(\*\s+)?-\s+(.*)$", line)
        if cell is None:
            if rows and rows[-1]:
                rows[-1][-1] += " " + line.strip()  # a cell's text wrapped onto the next line
            continue
        if cell.group(1) or not rows:
            rows.append([])
        rows[-1].append(cell.group(2).strip())
    return rows


def _without_options(lines: list[str]) -> list[str]:
    """A directive's body without its ``:option: value`` lines."""
    at = 0
    while at < len(lines) and re.match(r"^:[\w-]+:", lines[at]):
        at += 1
    return lines[at:]


def _role_text(role: str, target: str, titled: bool) -> str:
    """What a role shows: its text; for a cross-reference written ``~module.Class.method`` (Sphinx's
    short form) only the last part, ``method``; a leading ``!`` (no link) is not shown; a PEP or RFC
    given by its number is named as one ("PEP 544")."""
    kind = _NUMBERED_ROLES.get(role.rsplit(":", 1)[-1])
    if kind and not titled:
        return f"{kind} {target}"
    if target.startswith("~"):
        return target[1:].rsplit(".", 1)[-1]
    return target.removeprefix("!")


def _inline(text: str) -> tuple[str, tuple[Link, ...]]:
    """Inline markup reduced to its text; hyperlink references kept as links."""
    links = tuple(
        Link(" ".join(m.group("text").split()) or m.group("url"), m.group("url")) for m in _LINK.finditer(text)
    )
    text = _LINK.sub(lambda m: m.group("text") or m.group("url"), text)
    text = _ROLE.sub(lambda m: _role_text(m.group("role"), m.group("text"), bool(m.group("target"))), text)
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return " ".join(text.split()), links
