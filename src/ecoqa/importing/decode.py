"""Bytes to text for imported sources: a BOM first, then a declared HTML charset, then UTF-8.

UTF-8 with a few Windows-1252 bytes among it (text pasted from a Windows program into a UTF-8
file, or files of both kinds joined) is read as UTF-8, each stray byte as Windows-1252. Anything
else is read in the encoding charset-normalizer finds most likely. Both with a warning: a file
saved by Excel or an old CMS (cp1252, latin-1) should import, but the user should know the text
was guessed.
"""

from __future__ import annotations

import codecs
import re

from ecoqa.messages import count, msg

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def decode(raw: bytes, name: str) -> tuple[str, list[str]]:
    """The text of *raw* and any warnings about how it was read."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace"), []
    declared = _declared_charset(raw)
    if declared:
        try:
            return raw.decode(declared), []
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall through to UTF-8 and detection
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    mixed = _utf8_with_stray_bytes(raw)
    if mixed is not None:
        text, strays = mixed
        return text, [
            msg(
                "{name}: UTF-8 with {bytes} of Windows-1252 among it, read as such. Check accented letters "
                "in the output.",
                name=name,
                bytes=count(strays, "{n} byte", "{n} bytes"),
            )
        ]
    return _detected(raw, name)


def looks_binary(raw: bytes) -> bool:
    """NUL bytes near the start, without a UTF-16/32 byte order mark: an image, an archive, a program."""
    return b"\x00" in raw[:8192] and not any(raw.startswith(bom) for bom, _ in _BOMS)


def _declared_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB (the limit browsers use too)."""
    found = _CHARSET.search(raw[:4096])
    if not found:
        return None
    label = found.group(1).decode("ascii", "replace").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page whose <meta> could be read as ASCII is not UTF-16 or UTF-32, whatever it says;
    # browsers read it as UTF-8 (the HTML standard's rule for a declared UTF-16).
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


_STRAY = re.compile("[\udc80-\udcff]")


def _utf8_with_stray_bytes(raw: bytes) -> tuple[str, int] | None:
    """The text of UTF-8 *raw* with the bytes that are not UTF-8 read as Windows-1252, and how many
    there were; None unless a quarter or more of the letters beyond ASCII are UTF-8 (two at least).
    Text in a legacy encoding hardly ever forms a UTF-8 sequence, so it is left to detection."""
    text = raw.decode("utf-8", errors="surrogateescape")
    strays = len(_STRAY.findall(text))
    beyond_ascii = sum(1 for c in text if ord(c) > 0x7F)
    utf8 = beyond_ascii - strays
    if utf8 < 2 or utf8 * 4 < beyond_ascii:
        return None
    return _STRAY.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", errors="replace"), text), strays


def _detected(raw: bytes, name: str) -> tuple[str, list[str]]:
    from charset_normalizer import from_bytes

    matches = from_bytes(raw)
    best = matches.best()
    encoding = best.encoding if best is not None else "cp1252"
    if any("cp1252" in match.could_be_from_charset for match in matches):
        encoding = "cp1252"  # what Excel and Windows editors write for Dutch and English text
    try:
        text = raw.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        encoding = "cp1252"
        text = raw.decode(encoding, errors="replace")
    return text, [
        msg(
            "{name}: not UTF-8; read as {encoding} (detected). Check accented letters in the output.",
            name=name,
            encoding=encoding,
        )
    ]
