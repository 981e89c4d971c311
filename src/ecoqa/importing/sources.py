"""Read import sources: decode, tell what kind of document each is by its content, and find its Q&A."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ecoqa.errors import CorpusError, UsageError
from ecoqa.importing.blocks import Block, asked_and_answered, text_blocks
from ecoqa.importing.columns import Choice
from ecoqa.importing.decode import decode, looks_binary
from ecoqa.importing.pairs import Found, recognise
from ecoqa.messages import Message, clause, count, joined, msg, system_reason
from ecoqa.text import one_line

KINDS = {
    "html": msg("HTML page"),
    "markdown": msg("Markdown document"),
    "rst": msg("reStructuredText document"),
    "org": msg("Org document"),
    "asciidoc": msg("AsciiDoc document"),
    "pod": msg("POD document"),
    "mediawiki": msg("MediaWiki page"),
    "wiki": msg("Creole/DokuWiki page"),
    "table": msg("CSV/TSV table"),
    "text": msg("text page"),
    "corpus": msg("ecoqa corpus"),
}
RECOGNISED = msg(
    "questions as headings, numbered (1., 1), 1.1) or labelled (Vraag:/Antwoord:, Q:/A:), lines ending in '?', "
    "schema.org FAQPage/QAPage markup, <dl>/<details> lists, or a CSV/TSV table with question and answer columns"
)


@dataclass(frozen=True)
class Options:
    """How to read the sources: columns named by the user, the language to take, the links' base."""

    choice: Choice = field(default_factory=Choice)
    base_url: str | None = None


@dataclass
class Source:
    """One imported file and what was found in it."""

    name: str
    kind: str
    found: Found
    title: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)
    base: str | None = None  # what relative links are resolved against
    corpus: dict[str, Any] | None = None  # an ecoqa corpus file (an export, or version 1), read whole


def read_source(path: Path, options: Options | None = None) -> Source:
    """Read, decode and recognise one source; a file with no Q&A in it is a ``CorpusError``."""
    name = str(path)
    raw = _source_bytes(path, name)
    if looks_binary(raw):
        raise CorpusError(
            "{name}: a binary file, not a web page, Markdown or a table; ecoqa recognises {recognised}.",
            name=name,
            recognised=RECOGNISED,
        )
    text, warnings = decode(raw, name)
    document = _corpus_document(text, name)
    if document is not None:
        return Source(name, "corpus", Found([]), warnings=warnings, corpus=document)
    options = options or Options()
    kind = detect(text, path.suffix.lower())
    if kind != "table" and _columns_named(options) and _delimited(text):
        kind = "table"  # the user names its columns: a table, whatever else it might also be read as
    source = _recognised(text, kind, name, options)
    source.warnings[:0] = warnings
    if not source.found.pairs:
        raise CorpusError(
            "{name}: no questions and answers found in this {kind} ({seen}); ecoqa recognises {recognised}.",
            name=name,
            kind=KINDS[kind],
            seen=_seen(text, kind, options),
            recognised=RECOGNISED,
        )
    for question in source.found.skipped:
        source.warnings.append(
            msg("{name}: question without an answer skipped: {question}", name=name, question=question[:60])
        )
    return source


def _columns_named(options: Options) -> bool:
    return options.choice.question is not None or options.choice.answer is not None


def _delimited(text: str) -> bool:
    from ecoqa.importing.table import dialect_of

    return dialect_of(text) is not None


def check_columns_used(sources: list[Source], options: Options) -> None:
    """--question-column/--answer-column name a table's columns: with no table among the sources
    they would be ignored without a word, so that is a usage error."""
    if not _columns_named(options) or any(source.kind in ("table", "corpus") for source in sources):
        return
    option = "--question-column" if options.choice.question is not None else "--answer-column"
    raise UsageError(
        "{option} names a column of a CSV/TSV table, and no source is one ({sources}).",
        option=option,
        sources=joined([msg("{name}: {kind}", name=s.name, kind=KINDS[s.kind]) for s in sources[:3]], ", "),
    )


def _corpus_document(text: str, name: str) -> dict[str, Any] | None:
    """The document of an ecoqa corpus file (an object with a list of questions), else None. A
    corpus file that is not whole JSON (cut off, or with bytes after its end) is a ``CorpusError``
    saying where, not text to look for questions in (its lines would import as junk)."""
    if not text.lstrip().startswith("{"):
        return None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        if _A_CORPUS.match(text) and any(key in text for key in ('"questions"', '"schema_version"')):
            from ecoqa.corpus import syntax_error

            at_end = error.pos >= len(text.rstrip())
            raise syntax_error(name, error.lineno, error.colno, error.msg, at_end) from None
        return None
    except (ValueError, RecursionError):
        return None
    questions = document.get("questions") if isinstance(document, dict) else None
    return document if isinstance(questions, list) else None


#: the start of a JSON object: a brace, then a quoted key
_A_CORPUS = re.compile(r'\s*\{\s*"')


def _source_bytes(path: Path, name: str) -> bytes:
    """A source's bytes: a file, or a pipe (``ecoqa import <(curl …)``), up to the corpus size
    limit; a directory or a device (``/dev/zero`` would never end) is refused before reading."""
    import stat

    from ecoqa.corpus import read_bounded

    try:
        mode = path.stat().st_mode
    except OSError as error:
        raise CorpusError("cannot read {path}: {reason}.", path=name, reason=system_reason(error)) from None
    if stat.S_ISDIR(mode):
        raise CorpusError("{name}: is a directory; give the files in it.", name=name)
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
        raise CorpusError("{name}: a device, not a web page, Markdown or a table.", name=name)
    return read_bounded(path, msg("an import source"))


def read_sources(paths: list[Path], options: Options, *, skip_unreadable: bool) -> tuple[list[Source], list[str]]:
    """Every source read, or a ``CorpusError`` that says why the first that cannot be read cannot,
    and names the others that cannot either (each is read, so that one run names them all); with
    *skip_unreadable*, the readable ones and a note naming each of the others."""
    sources: list[Source] = []
    failed: list[tuple[Path, CorpusError]] = []
    for path in paths:
        try:
            sources.append(read_source(path, options))
        except CorpusError as error:
            failed.append((path, error))
    if len(paths) == 1 and failed:
        raise failed[0][1]
    if failed and (not skip_unreadable or not sources):
        raise CorpusError(_unreadable(failed, len(paths), skip_unreadable))
    return sources, [msg("skipped: {problem}", problem=error.message) for _, error in failed]


def _unreadable(failed: list[tuple[Path, CorpusError]], total: int, skipping: bool) -> Message:
    """One line for the sources that cannot be read: why the first cannot, the names of the others."""
    first = clause(failed[0][1].message)
    others = [str(path) for path, _ in failed[1:]]
    problem = first
    if others:
        problem = msg("{problem}; {others} cannot be read either", problem=first, others=joined(others, ", "))
    if skipping:
        return msg("none of the {n} sources could be read: {problem}; nothing written.", n=total, problem=problem)
    return msg("{problem}; pass --skip-unreadable to import the others.", problem=problem)


_MARKDOWN_SIGNS = re.compile(r"(?m)^#{1,6}[ \t]+\S|^```|^~~~|\[[^\]\n]+\]\([^)\s]+\)|^\*\*(?:vraag|question|q)\b", re.I)
_HTML_SIGNS = re.compile(
    r"</?(?:body|p|div|span|a|h[1-6]|ul|ol|li|dl|dt|dd|details|table|tr|td|section|article|br|b|strong|em|i|code|pre|img)\b[^>]*>",
    re.I,
)


#: The extensions of Markdown files (MDX is Markdown with JSX components).
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")


def detect(text: str, suffix: str) -> str:
    """The kind of a source, by its content; the extension decides only what the content leaves open."""
    from ecoqa.importing.digest import is_digest
    from ecoqa.importing.markdown import ANCHOR_BEFORE_HEADING, front_matter
    from ecoqa.importing.markup import looks_like
    from ecoqa.importing.rst import looks_like_rst
    from ecoqa.importing.table import sniff

    head = text.lstrip()[:4096].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return "html"
    sample = ANCHOR_BEFORE_HEADING.sub("", text[:200_000])  # a heading's link target is not HTML
    markdown = len(_MARKDOWN_SIGNS.findall(sample))
    if front_matter(text)[0] is not None or text.lstrip("\ufeff").startswith(("---\n", "+++\n")):
        markdown += 10
    html = len(_HTML_SIGNS.findall(sample))
    html = html if html * 300 >= len(sample) else 0  # a page of markup, not text that mentions a tag
    table = sniff(text)
    if table == "named":
        return "table"
    if is_digest(text):
        return "text"  # mail messages: a program or a markup they quote does not make the whole one
    markup = looks_like(text)
    if markup:
        return markup
    if looks_like_rst(text) and not re.search(r"(?m)^#{1,6}[ \t]+\S|^```", text):
        return "rst"
    # A file named as Markdown that shows Markdown (or a static site's page, with front matter) is Markdown
    # however much HTML it holds: Markdown passes raw HTML (``<details>``, ``<br>``, ``<div align>``) through,
    # as READMEs and site pages use it.
    named_markdown = suffix in _MARKDOWN_SUFFIXES and (bool(markdown) or front_matter(text)[1] is not text)
    if html >= 3 and html > markdown and re.search(r"</\w+>", text) and not named_markdown:
        return "html"
    if markdown >= 3 or (markdown and suffix in _MARKDOWN_SUFFIXES):
        return "markdown"
    if table:
        return "table"
    by_suffix = {
        ".html": "html",
        ".htm": "html",
        ".xhtml": "html",
        ".md": "markdown",
        ".markdown": "markdown",
        ".mdx": "markdown",
        ".rst": "rst",
        ".csv": "table",
        ".tsv": "table",
        ".org": "org",
        ".adoc": "asciidoc",
        ".pod": "pod",
        ".mediawiki": "mediawiki",
        ".wiki": "mediawiki",
        ".creole": "wiki",
        ".txt": "text",
        ".text": "text",
    }
    if suffix in by_suffix:
        return by_suffix[suffix]
    if html >= 1 and re.search(r"</\w+>", text):
        return "html"
    return "markdown" if markdown else "text"


def _recognised(text: str, kind: str, name: str, options: Options) -> Source:
    if kind == "html":
        from ecoqa.importing.html import HtmlPage

        page = HtmlPage(text, name)
        return Source(name, kind, page.found(), page.title, page.url, base=page.base)
    if kind == "table":
        from ecoqa.importing.table import read_table

        table = read_table(text, options.choice)
        return Source(
            name, kind, table.found, warnings=[msg("{name}: {warning}", name=name, warning=w) for w in table.warnings]
        )
    blocks, title = _blocks(text, kind)
    blocks = asked_and_answered(
        blocks
    )  # as recognise reads them, so the title is looked for above the same first question
    found = recognise(blocks)
    return Source(name, kind, found, title=title or _top_title(blocks, found))


def _blocks(text: str, kind: str) -> tuple[list[Block], str | None]:
    """The blocks of a Markdown, reStructuredText or text source, and a title its metadata gives."""
    if kind == "markdown":
        from ecoqa.importing.markdown import front_matter, markdown_blocks
        from ecoqa.importing.templates import rendered

        title, body = front_matter(text)
        site_page = body is not text  # front matter: a static site's page, which runs its template tags
        return markdown_blocks(rendered(body) if site_page else body), title
    if kind == "rst":
        from ecoqa.importing.rst import rst_blocks

        return rst_blocks(text), None
    if kind in ("org", "asciidoc", "pod", "mediawiki", "wiki"):
        from ecoqa.importing.markdown import markdown_blocks
        from ecoqa.importing.markup import to_markdown

        markdown, title = to_markdown(text, kind)
        return markdown_blocks(markdown), title
    from ecoqa.importing.digest import digest_blocks

    return digest_blocks(text) or text_blocks(text), None


def _top_title(blocks: list[Block], found: Found) -> str | None:
    """The highest heading above the first question, when the questions are not all headings of it
    and it is not the first of several sections: a heading whose level recurs in the document and
    under which the first question stands ('## Definitions' before '## How do I...?') is a section,
    not the document's title."""
    headings = [(at, b) for at, b in enumerate(blocks[: found.first]) if b.kind == "heading" and b.level]
    if not headings:
        return None
    at, top = min(headings, key=lambda found_at: found_at[1].level)
    recurs = sum(1 for b in blocks if b.kind == "heading" and b.level == top.level) > 1
    holds_first = not any(b.level and b.level <= top.level for later, b in headings if later > at)
    return None if recurs and holds_first else top.text


def _seen(text: str, kind: str, options: Options) -> Message:
    """What a source without Q&A holds, so the user can tell what went wrong."""
    if kind == "table":
        from ecoqa.importing.columns import COLUMNS
        from ecoqa.importing.table import UnclosedQuote, Unreadable, read_table

        table = read_table(text, options.choice)
        if isinstance(table.problem, UnclosedQuote):
            return msg("a quoted cell opened on line {line} is never closed", line=table.problem.line)
        if isinstance(table.problem, Unreadable):
            return msg("unreadable as CSV ({reason})", reason=one_line(table.problem.reason, 120))
        header = ", ".join(table.header[:12])
        if not header.strip():
            return msg("it is empty")
        return msg(
            "its columns are: {header}; a question column is named {questions} (or with a language, as q_en, "
            "vraag_nl), an answer column {answers}; or name them with --question-column and --answer-column",
            header=one_line(header, 120),
            questions="/".join(COLUMNS["question"][:7]),
            answers="/".join(COLUMNS["answer"][:7]),
        )
    if kind == "html":
        from ecoqa.importing.html import HtmlPage

        blocks = HtmlPage(text).blocks()
    else:
        blocks = _blocks(text, kind)[0]
    if not blocks:
        return msg("no text")
    counts = Counter(b.kind for b in blocks)
    names = {
        "heading": ("{n} heading", "{n} headings"),
        "paragraph": ("{n} paragraph", "{n} paragraphs"),
        "item": ("{n} list item", "{n} list items"),
        "numbered": ("{n} numbered item", "{n} numbered items"),
    }
    found = [count(n, *names.get(k, (f"{{n}} {k}", f"{{n}} {k}s"))) for k, n in counts.most_common()]
    return msg("found {blocks}", blocks=joined(found, ", "))
