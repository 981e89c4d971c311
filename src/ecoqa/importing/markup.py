"""Org, AsciiDoc, POD and MediaWiki documents as Markdown, for the Markdown reader.

Each is rewritten line by line into the Markdown it stands for: headings (``**``, ``==``,
``=head2``, ``== Title ==``) as ``#`` headings, source and literal blocks as fenced code, links as Markdown
links, a description-list term (``Question?::``) as a bold line, which the structure finder
reads like a heading; metadata lines, drawers, anchors and block attributes are left out. The
title a document declares (``#+title:``, ``= Title``) comes back separately.
"""

from __future__ import annotations

import html
import re

from ecoqa.importing.blocks import dedented

_ORG_HEADING = re.compile(r"^(\*+)\s+(?:(?:TODO|DONE)\s+)?(.*?)(?:\s+:[\w@#%:]+:)?\s*$")
_ORG_LINK = re.compile(r"\[\[(?P<url>[^\]]+)\](?:\[(?P<text>[^\]]+)\])?\]")
_ORG_BLOCK = re.compile(r"^\s*#\+(begin|end)_(\w+)", re.I)
_ADOC_HEADING = re.compile(r"^(={1,6})\s+(\S.*)$")
_ADOC_LINK = re.compile(
    r"(?:link:)?(?P<url>(?:https?://|mailto:)[^\s\[]+)\[(?P<text>[^\]]*)\]|link:(?P<path>[^\s\[]+)\[(?P<label>[^\]]*)\]"
)
_ADOC_XREF = re.compile(r"<<[^,>]+,\s*([^>]+)>>|<<([^>]+)>>|xref:[^\[]+\[([^\]]*)\]")
_ORG_DESCRIPTION = re.compile(r"^\s*[-+] (?P<term>\S.*?) :: (?P<rest>.*)$")
_ADOC_BLOCK_TITLE = re.compile(r"(?m)^\.([^\s.].*)$")
_ADOC_TERM = re.compile(r"^(?P<term>\S.*?)(?::{2,4}|;;)\s*(?P<rest>.*)$")
_WIKI_HEADING = re.compile(r"^(={1,6})[ \t]*([^=\s].*?)[ \t]*\1[ \t]*$")
_WIKI_SIGNS = re.compile(
    r"\[\[[^\]\n]+\]\]|'{3}|__(?:NO)?TOC__|<nowiki>|\{\{[^}\n]+\}\}|\[(?:https?|ftp)://\S+ [^\]\n]+\]"
)
_LIST_LINE = re.compile(r"^\s*(?:-|1\.) ")
#: What WikiCreole and DokuWiki write and neither MediaWiki nor Markdown does: a forced line break ``\\``
#: ending a line, ``//italic//`` (not a URL's ``://``), DokuWiki's ``{{tag>…}}``, ``{{topic>…}}``, ``~~NOTOC~~``
#: and its page title and sections, headings of six and five ``=`` signs.
_CREOLE_SIGNS = re.compile(
    r"(?m)\\\\[ \t]*$|(?<![:/\w])//[^\s/][^/\n]*//|\{\{(?:tag|topic)>|~~NOTOC~~|^={5,6}[ \t]*[^=\s].*?={5,6}[ \t]*$"
)
#: Markdown's own signs: a ``#`` heading, a fence, a ``[text](url)`` link.
_MARKDOWN_SIGNS = re.compile(r"(?m)^#{1,6}[ \t]+\S|^```|\]\([^)\s]+\)")
#: MediaWiki's bold and italic quotes, which Creole and DokuWiki do not write.
_MEDIAWIKI_QUOTES = re.compile(r"'''|(?<!')''[^'\n]+''(?!')")
_POD_CODE = {"C": "`{}`", "B": "**{}**", "I": "*{}*", "F": "{}", "S": "{}", "X": "", "Z": ""}


def looks_like(text: str) -> str | None:
    """ "org", "asciidoc", "pod", "mediawiki" or "wiki" (Creole, DokuWiki) when the text is written in
    one of them, else None."""
    if re.search(r"(?m)^=(?:head[1-4]|pod|over|item)\b", text):
        return "pod"
    wiki_headings = sum(1 for line in text.splitlines() if _WIKI_HEADING.match(line))
    if (
        (wiki_headings or re.search(r"\[\[[^\]\n]+\|[^\]\n]+\]\]", text))
        and _CREOLE_SIGNS.search(text)
        and not _MEDIAWIKI_QUOTES.search(text)
        and not _MARKDOWN_SIGNS.search(text)
    ):
        return "wiki"
    if wiki_headings >= 2 and _WIKI_SIGNS.search(text):
        return "mediawiki"
    if re.search(r"(?mi)^#\+(?:title|startup|options|begin_src)\b", text) or (
        len(re.findall(r"(?m)^\*{2,} \S", text)) >= 2 and re.search(r"\[\[[^\]]+\]\[", text)
    ):
        return "org"
    if len(re.findall(r"(?m)^={2,6} \S", text)) >= 2 or re.search(r"(?m)^\[(?:source|NOTE|TIP)[,\]]", text):
        return "asciidoc"
    if re.match(r"\s*= \S.*(?<!=)\n", text) and len(_ADOC_BLOCK_TITLE.findall(text)) >= 2:
        return "asciidoc"  # a document title ("= FAQ") over block titles (".How do I …?")
    return None


def to_markdown(text: str, kind: str) -> tuple[str, str | None]:
    """The document as Markdown, and the title it declares."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if kind == "org":
        return _org(lines)
    if kind == "asciidoc":
        return _asciidoc(lines)
    if kind == "mediawiki":
        return _mediawiki(lines), None
    if kind == "wiki":
        return _creole(lines), None
    return _pod(lines), None


def _org(lines: list[str]) -> tuple[str, str | None]:
    out = _OrgLines()
    title = None
    code: list[str] | None = None  # the lines of an open source or example block
    language = ""
    hidden = False  # inside a comment or export block
    drawer = False
    for line in [*_org_headlines_unwrapped(lines), ""]:
        fixed = re.match(r"^\s*:(?: (.*)|$)", line)  # ": output", a fixed-width line shown as written
        if fixed and code is None and not drawer and not hidden:
            out.fixed.append(fixed.group(1) or "")
            continue
        out.end_fixed()
        block = _ORG_BLOCK.match(line)
        if block:
            name, opens = block.group(2).lower(), block.group(1).lower() == "begin"
            if name in ("src", "example") and opens:
                code, language = [], _org_language(line)
            elif name in ("src", "example"):
                out.code(_code(code or []), language)
                code = None
            elif name in ("comment", "export"):
                hidden = opens
            continue
        if code is not None:
            code.append(line)
            continue
        stripped = line.strip()
        if hidden:
            continue
        if re.match(r"^:[A-Z_]+:$", stripped):
            drawer = stripped != ":END:"
            continue
        if drawer:
            continue
        keyword = re.match(r"^#\+(\w+):\s*(.*)$", stripped)
        if keyword:
            if keyword.group(1).lower() == "title":
                title = keyword.group(2).strip() or None
            continue
        heading = _ORG_HEADING.match(line)
        if heading and line.startswith("*"):
            out.prose.extend(["", "#" * min(len(heading.group(1)), 6) + " " + heading.group(2), ""])
            continue
        described = _ORG_DESCRIPTION.match(line)
        if described:  # "- Term :: its description": a term (a question, in a FAQ) and its text
            out.term(html.escape(_org_plain(described.group("term"))))
            out.prose.extend(["", described.group("rest"), ""])
            continue
        out.prose.append(re.sub(r"^\+ ", "- ", stripped))
    return out.text(), title


class _OrgLines:
    """An Org document's lines as Markdown: prose is read for Org's inline markup a paragraph at a
    time (a link or a code span may be wrapped onto the next line); code and HTML lines are not."""

    def __init__(self) -> None:
        self.done: list[str] = []
        self.prose: list[str] = []
        self.fixed: list[str] = []

    def code(self, lines: list[str], language: str = "") -> None:
        self._end_prose()
        self.done.extend(["", "```" + language, *lines, "```", ""])

    def end_fixed(self) -> None:
        if self.fixed:
            self.code(self.fixed)
            self.fixed = []

    def term(self, term: str) -> None:
        self._end_prose()
        self.done.extend(["", f"<dl><dt>{term}</dt></dl>"])

    def text(self) -> str:
        self._end_prose()
        return "\n".join(self.done)

    def _end_prose(self) -> None:
        if self.prose:
            self.done.append(_org_inline("\n".join(self.prose)))
            self.prose = []


def _org_language(begin: str) -> str:
    found = re.match(r"^\s*#\+begin_src[ \t]+([\w+#.-]+)", begin, re.I)
    return found.group(1) if found else ""


def _org_emphasis(markers: str, body: str) -> re.Pattern[str]:
    """Org's emphasis with one of *markers*: after a space, a line's start or an opening sign; a
    *body* that neither starts nor ends with a space; the same marker before a space, a line's end
    or a punctuation mark."""
    return re.compile(
        rf"(?<![^\s\-('\"{{\[])(?P<mark>[{markers}])(?P<body>{body})(?P=mark)(?=[\s\-.,;:!?'\")}}\]]|$)", re.M
    )


#: Code and verbatim: any text, a marker inside it too (``=HOME=$HOME=``), wrapped onto one more line at most.
_ORG_CODE = _org_emphasis("~=", r"(?!(?P=mark))\S(?:[^\n]*?(?:\n[^\n]*?)?\S)??")
#: Italic, underlined and struck-through text; italic text holds no "/" ("/usr/bin/" is a path).
_ORG_ITALIC = _org_emphasis("/", r"[^\s/](?:[^/\n]*(?:\n[^/\n]+)?[^\s/])?")
_ORG_UNDERLINE = _org_emphasis("_+", r"[^\s_+](?:[^_+\n]*(?:\n[^_+\n]+)?[^\s_+])?")


#: How many lines a wrapped headline may run on before its property drawer.
_WRAPPED_HEADLINE_LINES = 2


def _org_headlines_unwrapped(lines: list[str]) -> list[str]:
    """The lines with each wrapped headline joined into one: a headline's property drawer follows it
    directly, so text between a headline and its ``:PROPERTIES:`` line is the headline going on
    (writers that wrap long lines, as pandoc's Org writer does, wrap headlines too)."""
    joined: list[str] = []
    at = 0
    while at < len(lines):
        line = lines[at]
        at += 1
        if _ORG_HEADING.match(line) and line.startswith("*"):
            rest = lines[at : at + _WRAPPED_HEADLINE_LINES + 1]
            wrapped = next((n for n, after in enumerate(rest) if after.strip().upper() == ":PROPERTIES:"), 0)
            if all(after.strip() and not after.startswith("*") for after in rest[:wrapped]):
                line = " ".join([line.rstrip(), *(after.strip() for after in rest[:wrapped])])
                at += wrapped
        joined.append(line)
    return joined


def _org_inline(text: str) -> str:
    """Org's links and inline markup as Markdown: ``[[url][text]]`` a link (a link of another kind
    its text), ``~code~``/``=verbatim=`` a code span, ``/italic/`` emphasis, ``_underline_`` and
    ``+strike+`` their text, ``[fn:1]`` footnote marks left out. ``*bold*`` is Markdown already."""

    def link(found: re.Match[str]) -> str:
        url, label = found.group("url"), found.group("text")
        if re.match(r"https?://", url):
            return f"[{label or url}]({url})"
        return label or url.split(":", 1)[-1]

    text = _ORG_LINK.sub(link, text)
    text = _ORG_CODE.sub(lambda found: "`" + found.group("body") + "`", text)
    spans = re.split(r"(`[^`]*`)", text)  # code spans keep their text as written
    for at in range(0, len(spans), 2):
        plain = _ORG_ITALIC.sub(lambda found: "*" + found.group("body") + "*", spans[at])
        plain = _ORG_UNDERLINE.sub(lambda found: found.group("body"), plain)
        spans[at] = re.sub(r"\[fn:[\w-]+\]", "", plain)
    return "".join(spans)


def _org_plain(text: str) -> str:
    """Org inline markup as plain text, for a term written as HTML."""
    return re.sub(r"`([^`]*)`|\*([^*\s][^*]*)\*", lambda m: m.group(1) or m.group(2), _org_inline(text))


def _asciidoc(lines: list[str]) -> tuple[str, str | None]:
    out: list[str] = []
    markers: list[str] = []  # the markers of the list items open above, outermost first
    title = None
    fence: str | None = None
    for previous, line in zip(["", *lines], lines, strict=False):
        stripped = line.strip()
        if fence is not None:
            if stripped == fence:
                out.append("```")
                fence = None
            else:
                out.append(line)
            continue
        if re.match(r"^(?:-{4,}|\.{4,})$", stripped):
            fence = stripped
            out.append("```")
            continue
        if re.match(r"^(?:={4,}|\*{4,}|_{4,}|\+)$", stripped) or re.match(r"^\[.*\]$", stripped):
            out.append("")  # a block delimiter, attribute line or list continuation: a paragraph break
            continue
        if re.match(r"^:[\w-]+:", stripped) or stripped.startswith("//"):
            continue
        heading = _ADOC_HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            if level == 1 and title is None:
                title = heading.group(2).strip()
            out.extend(["", "#" * level + " " + _adoc_inline(heading.group(2)), ""])
            continue
        term = _ADOC_TERM.match(line)
        if term and not line.startswith((" ", "\t", "*", "-")):
            out.extend(["", f"<dl><dt>{html.escape(_adoc_inline(term.group('term')))}</dt></dl>", ""])
            if term.group("rest"):
                out.append(_adoc_inline(term.group("rest")))
            continue
        titled = _ADOC_BLOCK_TITLE.match(line)
        if titled:  # a block title: the title of the paragraph under it (a question, in a FAQ)
            out.extend(["", f"**{_adoc_inline(titled.group(1).strip())}**"])
            continue
        listed = re.match(r"^(\*+|\.+)\s+(\S.*)$", stripped)
        if listed:  # "**" or "..": an item of a list nested in the item above, indented under its text
            marker = "1." if listed.group(1).startswith(".") else "-"
            del markers[len(listed.group(1)) - 1 :]
            out.append(" " * sum(len(m) + 1 for m in markers) + f"{marker} {_adoc_inline(listed.group(2))}")
            markers.append(marker)
            continue
        if stripped and not (markers and previous.strip()):
            markers = []  # text after a blank line ends the list; a line right under an item goes on its text
        out.append(_adoc_inline(stripped.removesuffix(" +")))  # " +" ending a line breaks it: a sign, not text
    return _adoc_strong_wrapped("\n".join(out)), title


#: Strong text wrapped onto the next line of its paragraph (``*I'd like to … contribute.`` / ``What do
#: I do next?*``), which the line-by-line reading above leaves as two lone stars.
_ADOC_STRONG_WRAPPED = re.compile(r"(?<![\w*\]\\])\*(?=[^\s*])([^*\n]*\n[^*\n]*?[^\s*])\*(?![\w*])")


def _adoc_strong_wrapped(markdown: str) -> str:
    parts = re.split(r"(^```.*?^```$)", markdown, flags=re.M | re.S)  # code as written
    return "".join(part if at % 2 else _ADOC_STRONG_WRAPPED.sub(r"**\1**", part) for at, part in enumerate(parts))


def _adoc_link(found: re.Match[str]) -> str:
    """``url[text]`` or ``link:path[text]`` as a Markdown link (a relative one is resolved later, or
    counted); a caret that ends the text asks for a new window, and is not text."""
    url = found.group("url") or found.group("path")
    text = (found.group("text") or found.group("label") or "").removesuffix("^").rstrip()
    return f"[{text or url}]({url})"


#: AsciiDoc's inline macros and marks that only style their text: ``btn:[Save]``, ``menu:File[Save]``,
#: ``pass:[…]``, ``^super^``, ``~sub~``, ``[.role]#highlight#``, ``#mark#``, ``footnote:[…]``.
_ADOC_STYLED = (
    (re.compile(r"\b(?:btn|pass)(?::\w+)?:\[([^\]]*)\]"), r"\1"),
    (re.compile(r"\bmenu:([^\[\s]+)\[([^\]]*)\]"), lambda m: " > ".join([m.group(1), *m.group(2).split(">")])),
    (re.compile(r"\^([^\s^]+)\^"), r"\1"),  # super- and subscript, inside a word too: x^2^, H~2~O
    (re.compile(r"~([^\s~/]+)~"), r"\1"),
    (re.compile(r"(?:\[\.[\w-]+(?:\.[\w-]+)*\])?(?<![\w#])#([^\s#](?:[^#]*?[^\s#])?)#(?![\w#])"), r"\1"),
    (re.compile(r"\bfootnote:(?:[\w-]+)?\[([^\]]+)\]"), r" (\1)"),
)


#: AsciiDoc's constrained strong text, ``*word*`` (Markdown's ``**word**``; to Markdown ``*word*`` is emphasis):
#: not inside a word, nor after a role (``[.term]*word*``).
_ADOC_STRONG = re.compile(r"(?<![\w*\]\\])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])")
#: An inline anchor, which marks a place and shows nothing: ``anchor:id[]``, ``[[id]]`` in a line.
_ADOC_ANCHOR = re.compile(r"anchor:[\w:.-]+\[([^\]]*)\]|\[\[[\w:.-]+(?:,[^\]]*)?\]\]")


def _adoc_inline(text: str) -> str:
    text = _ADOC_LINK.sub(_adoc_link, text)
    text = _ADOC_ANCHOR.sub(lambda m: m.group(1) or "", text)
    spans = re.split(r"(`[^`]*`)", text)  # code spans keep their text as written
    text = "".join(span if at % 2 else _ADOC_STRONG.sub(r"**\1**", span) for at, span in enumerate(spans))
    for pattern, shown in _ADOC_STYLED:
        text = pattern.sub(shown, text)
    return _ADOC_XREF.sub(lambda m: next(g for g in m.groups() if g) if any(m.groups()) else "", text)


def _pod(lines: list[str]) -> str:
    out: list[str] = []
    verbatim: list[str] = []
    for line in [*lines, ""]:
        if verbatim and line and not line[0].isspace():
            out.extend(["```", *_code(verbatim), "```", ""])
            verbatim = []
        if (line[:1].isspace() and line.strip()) or (verbatim and not line.strip()):
            verbatim.append(line)
            continue
        command = re.match(r"^=(\w+)\s*(.*)$", line)
        if command:
            name, rest = command.group(1), command.group(2).strip()
            if name.startswith("head") and name[4:].isdigit():
                out.extend(["", "#" * int(name[4:]) + " " + _pod_inline(rest), ""])
            elif name == "item":
                item = re.sub(r"^(?:\*|\d+\.?)\s*", "", rest)
                out.append(f"- {_pod_inline(item)}" if item else "")
            continue
        out.append(_pod_inline(line))
    return "\n".join(out)


def _code(lines: list[str]) -> list[str]:
    """The lines of a code block, moved left as a whole (``dedented``), without the blank lines after it."""
    code = dedented(lines)
    while code and not code[-1]:
        code.pop()
    return code


def _pod_inline(text: str) -> str:
    """POD formatting codes (``C<code>``, ``L<text|url>``, ``E<gt>``) as Markdown, innermost first."""
    escapes = {"gt": ">", "lt": "<", "verbar": "|", "sol": "/"}
    for _ in range(4):
        text = re.sub(r"E<(\w+)>", lambda m: escapes.get(m.group(1), ""), text)
        text = re.sub(r"L<([^<>|]+)\|(https?://[^<>]+)>", r"[\1](\2)", text)
        text = re.sub(r"L<(https?://[^<>|]+)>", r"[\1](\1)", text)
        text = re.sub(r"L<([^<>|]+)\|[^<>]+>", r"\1", text)  # L<text|name>: its text
        text = re.sub(r"L<([^<>]+)>", lambda m: _pod_link_name(m.group(1)), text)
        text = re.sub(r"([CBIFSXZ])<+\s*([^<>]*?)\s*>+", lambda m: _POD_CODE[m.group(1)].format(m.group(2)), text)
    return text


def _pod_link_name(name: str) -> str:
    """What a POD link without a text shows, as perldoc shows it: a section of another page as
    ``"section" in Page``, a section of this page as ``"section"``, a page by its name."""
    page, slash, section = name.partition("/")
    if not slash:
        return page
    section = section.strip().strip('"')
    return f'"{section}" in {page}' if page else f'"{section}"'


def _mediawiki(lines: list[str]) -> str:
    """MediaWiki markup: ``= Title =`` headings, ``*``/``#`` lists, lines that start with a space and
    ``<pre>`` blocks as code, wiki and external links, bold and italic quotes; comments, magic
    words (``__TOC__``) and templates left out."""
    text = re.sub(r"<!--.*?-->", "", "\n".join(lines), flags=re.S)
    out: list[str] = []
    code: list[str] | None = None  # the lines of an open <pre> block
    spaced: list[str] = []  # lines that start with a space: preformatted text
    for line in text.split("\n"):
        if code is not None:
            before, closed, _ = line.partition("</pre>")
            code.append(before)
            if closed:
                out.extend(["", "```", *[html.unescape(c) for c in code if c.strip()], "```", ""])
                code = None
            continue
        if line.startswith(" ") and line.strip():
            spaced.append(html.unescape(line[1:]))  # the wiki shows entities as characters in code too
            continue
        if spaced:
            out.extend(["", "```", *spaced, "```", ""])
            spaced = []
        converted = _wiki_line(line.strip(), code_opens := line.strip().lower().startswith("<pre>"))
        if out and _LIST_LINE.match(out[-1]) and converted[0] and not _LIST_LINE.match(converted[0]):
            out.append("")  # a wiki list ends at the next line of text; Markdown would run on
        out.extend(converted)
        if code_opens:
            opened, closed, _ = line.strip()[5:].partition("</pre>")
            if closed:  # <pre>one line</pre>
                out.extend(["", "```", html.unescape(opened), "```", ""])
            else:
                code = [opened]
    if spaced:
        out.extend(["", "```", *spaced, "```"])
    return "\n".join(out)


def _wiki_line(line: str, opens_code: bool) -> list[str]:
    """One MediaWiki line as Markdown lines."""
    if opens_code or re.fullmatch(r"__[A-Z]+__|\{\{[^}]*\}\}|-{4,}", line):
        return [""]
    heading = _WIKI_HEADING.match(line)
    if heading:
        return ["", "#" * len(heading.group(1)) + " " + _wiki_inline(heading.group(2)), ""]
    listed = re.match(r"^([*#:;]+)\s*(.*)$", line)
    if not listed:
        return [_wiki_inline(line)]
    marks, rest = listed.group(1), _wiki_inline(listed.group(2))
    if marks[-1] == "*":
        return ["   " * (len(marks) - 1) + f"- {rest}"]
    if marks[-1] == "#":
        return ["   " * (len(marks) - 1) + f"1. {rest}"]
    if marks[-1] == ";":
        return ["", f"**{rest}**", ""]  # ";term"
    return ["", re.sub(r"^(#{1,6})(?=\s|$)", r"\\\1", rest), ""]  # ":indented text", a "# comment" in it too


def _wiki_inline(text: str) -> str:
    text = re.sub(r"\[\[(?:File|Image|Category|Media):[^\]]*\]\]", "", text, flags=re.I)
    text = re.sub(r"\[\[[^\]|]*\|([^\]]+)\]\]", r"\1", text)
    text = re.sub(r"\[\[([^\]]+)\]\]", lambda m: m.group(1).split("#")[0] or m.group(1), text)
    text = re.sub(r"\[((?:https?|ftp)://[^\s\]]+)\s+([^\]]+?)\s*\]", r"[\2](\1)", text)
    text = re.sub(r"\[((?:mailto|irc|ircs|news):[^\s\]]+)\s+([^\]]+?)\s*\]", r"[\2](\1)", text)  # [mailto:x Tim]
    text = re.sub(r"\[((?:https?|ftp)://[^\s\]]+)\]", r"<\1>", text)
    text = re.sub(r"<(code|tt|kbd|samp)>(.*?)</\1>", lambda m: f"`{_unwiki(m.group(2))}`", text, flags=re.I)
    text = re.sub(r"\{\{[^}]*\}\}", "", _unwiki(text))
    text = re.sub(r"'{3}(.+?)'{3}", r"**\1**", text)
    return re.sub(r"'{2}(.+?)'{2}", r"*\1*", text)


def _unwiki(text: str) -> str:
    return re.sub(r"</?nowiki\s*/?>", "", text, flags=re.I)


#: A Creole or DokuWiki heading: ``== Title ==``, its closing signs optional in Creole.
_CREOLE_HEADING = re.compile(r"^\s*(={1,6})\s*([^=\s].*?)\s*=*\s*$")
#: Where code opens: Creole's ``{{{`` on a line of its own, DokuWiki's ``<code>`` (``<file>``), its code may
#: start on the same line and end on its last, before ``</code>``.
_CREOLE_CODE = re.compile(r"^\s*(?:\{\{\{\s*$|<(?P<tag>code|file)\b[^>]*>(?P<rest>.*)$)")
#: DokuWiki code inside a line of text: ``<code>ls</code> lists the files``.
_INLINE_CODE = re.compile(r"<(code|file)\b[^>]*>(.*?)</\1>(?=.*\S)")
_CREOLE_CODE_END = re.compile(r"^\s*\}\}\}\s*$|(?P<before>.*)</(?:code|file)>\s*$")
#: A list item: Creole's ``*``/``#`` at the line's start (``**`` nested), DokuWiki's ``*``/``-`` indented.
_CREOLE_LIST = re.compile(r"^(?P<indent>\s*)(?P<marks>[*#]+|-)\s+(?P<rest>\S.*)$")


def _creole(lines: list[str]) -> str:
    """WikiCreole and DokuWiki, which share their inline markup: ``**bold**``, ``//italic//``, ``\\\\`` a
    forced line break, ``[[target|text]]`` links, ``{{…}}`` images and plugins (left out). Headings are
    ``=`` signs around the title: in Creole their number is the level; DokuWiki counts down from six
    (``======`` is the page's title, ``=====`` its sections), which a page with a heading of five or six
    signs is taken to be. Code is ``{{{ … }}}`` (Creole) or ``<code> … </code>`` (DokuWiki)."""
    headings = [found for line in lines if line.strip()[:1] == "=" and (found := _CREOLE_HEADING.match(line))]
    dokuwiki = max((len(found.group(1)) for found in headings), default=0) >= 5
    out: list[str] = []
    code: list[str] | None = None
    for line in lines:
        opening = _CREOLE_CODE.match(line) if code is None and not _INLINE_CODE.search(line) else None
        if opening:
            code, line = [], opening.group("rest") or ""
            out.append("")
            if not line.strip():
                continue
        if code is not None:
            closing = _CREOLE_CODE_END.match(line)
            if closing and (closing.group("before") or "").strip():
                code.append(closing.group("before"))
            elif not closing:
                code.append(line)
            if closing:
                out.extend(["```", *code, "```", ""])
                code = None
            continue
        stripped = line.strip()
        if re.fullmatch(r"-{4,}|~~NOTOC~~|\{\{[^{}]*\}\}", stripped):
            out.append("")
            continue
        heading = _CREOLE_HEADING.match(line)
        if heading and stripped.startswith("="):
            signs = len(heading.group(1))
            level = max(7 - signs, 1) if dokuwiki else signs
            out.extend(["", "#" * level + " " + _creole_inline(heading.group(2)), ""])
            continue
        listed = _CREOLE_LIST.match(line)
        if listed and not re.match(r"\*\*\S", stripped):  # "**bold** text" opens a line, not a nested item
            marks = listed.group("marks")
            depth = len(marks) - 1 if marks != "-" else max(len(listed.group("indent")) // 2 - 1, 0)
            ordered = marks[-1] == "#" or marks == "-"
            out.append("   " * depth + ("1. " if ordered else "- ") + _creole_inline(listed.group("rest")))
            continue
        out.append(_creole_inline(stripped))
    if code is not None:
        out.extend(["```", *code, "```"])
    return "\n".join(out)


def _creole_link(found: re.Match[str]) -> str:
    """``[[target|text]]``: a web address as a Markdown link; a wiki page (``:ns:page``, an interwiki
    ``wp>Page``) as the text it shows, its text or else its name."""
    target, _, text = found.group(1).partition("|")
    target = target.strip()
    if re.match(r"(?:https?|ftp|mailto):", target):
        return f"[{text.strip() or target}]({target})"
    return text.strip() or re.sub(r"^[\w.-]+>", "", target).lstrip(":").split("#")[0]


def _creole_inline(text: str) -> str:
    """A line's Creole/DokuWiki inline markup as Markdown."""
    text = re.sub(r"\{\{\{(.*?)\}\}\}", lambda m: f"`{m.group(1)}`", text)  # Creole's inline code
    text = re.sub(r"\{\{[^{}]*\}\}", "", text)  # an image or a plugin's call
    text = re.sub(r"''(.+?)''", lambda m: f"`{m.group(1)}`", text)  # DokuWiki's monospace
    text = re.sub(r"<(code|file)\b[^>]*>(.*?)</\1>", lambda m: f"`{m.group(2)}`", text)
    text = re.sub(r"%%(.*?)%%", r"\1", text)  # DokuWiki's unformatted text
    text = re.sub(r"\[\[([^\]]+)\]\]", _creole_link, text)
    text = re.sub(r"(?<![:/\w])//([^\s/](?:[^/]*?[^\s/])?)//", r"*\1*", text)
    text = re.sub(r"\\\\[ \t]*$", "\\\\", text)  # a forced line break ending the line: Markdown's "\"
    return re.sub(r"\\\\\s+", "\\\\\n", text)  # one within the line: the line ends there
