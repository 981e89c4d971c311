"""Make untrusted text safe to show in a terminal (stdlib only).

rich passes ESC, C1 controls and bidi overrides straight through, even inside ``Text``, so
every string that came from data is cleaned before it is stored or rendered.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
# and lone surrogates (which cannot be encoded and would crash output).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def clean_text(value: str) -> str:
    """Return *value* with line endings unified, NFC-normalised, and unsafe characters made visible."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _UNSAFE.sub(_visible, value)
    return unicodedata.normalize("NFC", value)


def one_line(value: str, limit: int | None = 300) -> str:
    """Clean *value* and fold it onto a single line, cut to *limit* characters (None: never)."""
    return flatten(clean_text(value), limit)


def flatten(value: str, limit: int | None = 300) -> str:
    """Fold *value*, already clean, onto a single line, cut to *limit* characters (None: never)."""
    flat = " ".join(value.split())
    return flat if limit is None or len(flat) <= limit else flat[: limit - 1] + "…"


def cells(value: str) -> int:
    """How many terminal columns *value* takes: wide (East Asian) characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in value)


def cut_at_word(value: str, width: int) -> str:
    """*value* whole when it fits *width* columns, else cut after its last whole word that fits,
    with "…" (a single word wider than the room is cut where the room ends)."""
    if cells(value) <= width:
        return value
    room = width - 1
    kept = ""
    for char in value:
        if cells(kept + char) > room:
            break
        kept += char
    space = kept.rfind(" ") if value[len(kept)] != " " else len(kept)
    if space > 0:
        kept = kept[:space]
    return kept.rstrip(" ,;:·—-") + "…"


# Combining marks left by NFKD: diacritics, extended, supplement, for symbols, half marks.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Case- and accent-fold: ``Geïnteresseerd`` -> ``geinteresseerd``; one rule for corpus and queries."""
    if text.isascii():
        return text.casefold()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


def blocks(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """An answer's blocks: ``("paragraph", (text,))``, ``("list", items)``, ``("code", (code,))``
    or ``("table", rows)``.

    The one reading of the corpus's answer format, shared by every renderer: blocks are
    separated by a blank line; a block whose lines all start with ``- `` is a list, a line
    indented two spaces per level before its ``- `` an item of a list nested in the one above
    (the item keeps those spaces: ``item_level`` tells its depth and text); a block that
    opens with a line of three or more backticks and runs to the same line again is code, kept
    line for line (blank lines included); two or more one-line paragraphs in a row whose cells,
    separated by `` | ``, are as many in each (two or more) are the rows of a table, its header
    first (``table_cells`` splits a row). *text* is a corpus's answer, cleaned once when the
    corpus was read (``schema.Text``), so not again here.
    """
    found: list[tuple[str, tuple[str, ...]]] = []
    lines = text.split("\n")
    prose: list[str] = []
    at = 0
    while at < len(lines):
        fence = _FENCE.match(lines[at]) if not prose or not prose[-1] else None
        close = _closing_fence(lines, at, fence.group(1)) if fence else None
        if close is None:
            prose.append(lines[at])
            at += 1
            continue
        found.extend(_prose_blocks(prose))
        found.append(("code", ("\n".join(lines[at + 1 : close]),)))
        prose, at = [], close + 1
    found.extend(_prose_blocks(prose))
    return _with_tables(found)


def table_cells(row: str) -> list[str]:
    """The cells of a table's row as the answer format writes it: ``Debug | 3200``; an empty cell
    stays (``a | | c``, a row ending in `` |``)."""
    return [cell.strip() for cell in f" {row} ".split(" | ")]


def _with_tables(found: list[tuple[str, tuple[str, ...]]]) -> list[tuple[str, tuple[str, ...]]]:
    """*found* with each run of table rows (see ``blocks``) made one ``("table", rows)``."""
    merged: list[tuple[str, tuple[str, ...]]] = []
    run: list[str] = []

    def end_run() -> None:
        merged.extend([("table", tuple(run))] if len(run) > 1 else [("paragraph", (row,)) for row in run])
        run.clear()

    for kind, lines in found:
        width = len(table_cells(lines[0])) if kind == "paragraph" and "\n" not in lines[0] else 0
        if run and width != len(table_cells(run[0])):
            end_run()
        if width > 1:
            run.append(lines[0])
        else:
            merged.append((kind, lines))
    end_run()
    return merged


_FENCE = re.compile(r"^(`{3,})[^`]*$")


def _closing_fence(lines: list[str], start: int, fence: str) -> int | None:
    return next((at for at in range(start + 1, len(lines)) if lines[at].rstrip() == fence), None)


#: A list item's line: two spaces for each level it is nested, "- ", its text.
_ITEM = re.compile(r"^((?:  )*)- ")


def _prose_blocks(lines: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    found: list[tuple[str, tuple[str, ...]]] = []
    for block in "\n".join(lines).split("\n\n"):
        block = block.strip("\n")
        items = block.split("\n")
        if block and items[0].startswith("- ") and all(_ITEM.match(line) for line in items):
            found.append(("list", tuple(_ITEM.sub(r"\1", line, count=1) for line in items)))
        elif block.strip():
            found.append(("paragraph", (block,)))
    return found


def item_level(item: str) -> tuple[int, str]:
    """How deep a list item of ``blocks`` is nested (0: not nested), and its text."""
    text = item.lstrip(" ")
    return (len(item) - len(text)) // 2, text


def fenced(code: str) -> str:
    """*code* as an answer's code block: fenced by more backticks than any line of it starts with."""
    longest = max((len(m.group()) for m in re.finditer(r"(?m)^`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{code}\n{fence}"


#: Characters of scripts written without spaces between words (Han, kana, their punctuation and
#: full-width forms): a line may break between two of them, as between a word of them and a Latin one.
_UNSPACED = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]"
)
#: Never at the start of a line (closing brackets, stops, small kana; kinsoku shori) ...
_NO_LINE_START = frozenset(
    "、。，．・：；？！ー）」』】〕〉》｝〙〗〟ゝゞヽヾ々〻"
    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ‐゠〜%),.:;!?]}’”"
)
#: ... and never at its end (opening brackets).
_NO_LINE_END = frozenset("（「『【〔〈《｛〘〖〝([{‘“")


def wrap_starts(line: str) -> list[int]:
    """Where the pieces start that a wrap of *line* keeps whole: a word and the spaces after it, as
    rich wraps them, and in Chinese or Japanese every character on its own, except that closing
    punctuation stays with the character before it and opening punctuation with the one after."""
    starts = [0] if line else []
    indent = len(line) - len(line.lstrip())  # a line's indent stays with its first word
    for at in range(indent + 1, len(line)):
        before, char = line[at - 1], line[at]
        if char.isspace():
            continue
        if before.isspace() or (
            (_UNSPACED.match(before) or _UNSPACED.match(char))
            and char not in _NO_LINE_START
            and before not in _NO_LINE_END
        ):
            starts.append(at)
    return starts


def unspaced(text: str) -> bool:
    """Whether *text* has characters of a script written without spaces between words."""
    return _UNSPACED.search(text) is not None


def hanging_rows(line: str, width: int) -> list[str]:
    """*line* wrapped at words to *width* columns for a terminal, its further rows indented under its
    text: under the words after a number ('  12. '), else two columns deeper than the line."""
    if cells(line) <= width:
        return [line]
    numbered = re.match(r" *\d+\. ", line)
    hang = len(numbered.group()) if numbered else len(line) - len(line.lstrip(" ")) + 2
    return textwrap.wrap(line, width, subsequent_indent=" " * min(hang, width // 2), break_on_hyphens=False) or [line]
