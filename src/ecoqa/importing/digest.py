"""A Usenet digest read as a page: the form news.answers FAQs are posted in (RFC 1153).

A digest is a run of messages, each after a separator line of 30 hyphens (70 after the preamble) and
opening with mail headers (``Subject:``, ``From:``, ``Date:``; a header may go on over indented lines). A message's
``Subject:`` is its title, a heading; its headers are not text; the rest is read as text. What comes
before the first message (the posting's own headers and its preamble) is read as text too, its
``Subject:`` the page's title. FAQ maintainers mark a changed, new or deleted entry with ``!``,
``+`` or ``-`` by its number (``!01.02``, ``01.02 !``), as the digest's legend says; the mark is not title.
"""

from __future__ import annotations

import re

from ecoqa.importing.blocks import Block, text_blocks

#: RFC 1153's separators, on a line of their own: 70 hyphens after the preamble, 30 between messages.
_SEPARATOR = re.compile(r"^(?:-{30}|-{70})[ \t]*$")
_HEADER = re.compile(r"^(?P<name>[A-Za-z][\w-]*):[ \t]*(?P<value>.*)$")
_CHANGE_MARK = re.compile(r"^[!+-](?=\d)|(?<=^\d)(?P<number>[\d.]*\s+)[!+](?=\S)")
#: A subject drawn between runs of one sign ("01.00 ***** Introduction *****"): the words are the title.
_DRAWN = re.compile(r"(?:^|\s)([*=#~-])\1{2,}(?=\s|$)")
#: Fewer messages than this is a text that quotes a mail or two, not a digest.
_MESSAGES = 3


def is_digest(text: str) -> bool:
    return len(_messages(_lines(text))) >= _MESSAGES


def digest_blocks(text: str) -> list[Block] | None:
    """The digest's blocks, or None when *text* is not a digest."""
    lines = _lines(text)
    messages = _messages(lines)
    if len(messages) < _MESSAGES:
        return None
    preamble_end = messages[0][0]
    preamble = lines[:preamble_end]
    title, preamble = _headed(preamble)
    blocks = [Block("heading", _title(title), level=1)] if title else []
    blocks += text_blocks("\n".join(preamble))
    for start, end in messages:
        subject, body = _headed(lines[start + 1 : end])
        if subject:
            blocks.append(Block("heading", _title(subject), level=2))
        blocks += text_blocks("\n".join(body))
    return blocks


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _messages(lines: list[str]) -> list[tuple[int, int]]:
    """(separator line, end) of each message that opens with a ``Subject:`` header."""
    separators = [at for at, line in enumerate(lines) if _SEPARATOR.match(line)]
    found = []
    for n, at in enumerate(separators):
        end = separators[n + 1] if n + 1 < len(separators) else len(lines)
        if _headed(lines[at + 1 : end])[0] is not None:
            found.append((at, end))
    return found


def _headed(lines: list[str]) -> tuple[str | None, list[str]]:
    """The ``Subject:`` of the header block *lines* open with (after blank lines), and the lines after it.
    Without a ``Subject:`` among the headers, (None, the lines as they are)."""
    at = 0
    while at < len(lines) and not lines[at].strip():
        at += 1
    subject = None
    headers = 0
    while at < len(lines):
        header = _HEADER.match(lines[at])
        if header:
            headers += 1
            if header.group("name").lower() == "subject":
                subject = header.group("value")
        elif not (headers and lines[at][:1] in (" ", "\t") and lines[at].strip()):
            break  # a header goes on over indented lines; anything else ends the headers
        at += 1
    if subject is None:
        return None, lines
    return subject, lines[at:]


def _title(subject: str) -> str:
    subject = _CHANGE_MARK.sub(lambda found: found.group("number") or "", subject.strip())
    return " ".join(_DRAWN.sub(" ", subject).split())
