"""The commands that read or write whole files: validate, export, import."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ecoqa.cli.common import (
    chosen_lang,
    command_prefix,
    data_path,
    filter_words,
    find_entry,
    load,
    principle_ids,
    selected,
    spoken_for,
    topic_ids,
)
from ecoqa.cli.completion import complete_formats, complete_ids
from ecoqa.cli.exits import ExitCode, warn
from ecoqa.cli.options import (
    DataOption,
    JsonOption,
    LangOption,
    PagerOption,
    PrincipleOption,
    TopicOption,
    argument,
    command,
    valued,
)
from ecoqa.errors import NoMatchError, UsageError
from ecoqa.messages import Message, msg, say
from ecoqa.messages import count as count_of
from ecoqa.text import hanging_rows

if TYPE_CHECKING:
    from ecoqa.export import Document
    from ecoqa.models import Corpus

#: --format names -> the document written
FORMATS = {"markdown": "markdown", "md": "markdown", "html": "html", "json": "json"}


def _known_format(value: str | None) -> str | None:
    if value is None:
        return None
    if value.casefold() not in FORMATS:
        raise typer.BadParameter(
            msg("{value} is not a format ecoqa writes; choose markdown (md), html or json", value=repr(value))
        )
    return FORMATS[value.casefold()]


@command(short="Check a corpus file and list every problem.", corpus="path")
def validate(
    path: Annotated[Path, argument("FILE", "Corpus file to check.", readable=False)],
    json_: JsonOption = False,
) -> None:
    """Check a corpus file and list every problem with its location; exit 0 if valid, 3 if not.

    \b
    Example:
      ecoqa validate my-corpus.json
    """
    from ecoqa.corpus import checked_file
    from ecoqa.output import stdout

    problems, top = checked_file(path)
    out = stdout()
    if json_:
        from ecoqa.payloads import JSON_VERSION, dumps

        report = {
            "version": JSON_VERSION,
            "file": str(path),
            "valid": not problems,
            "problems": [{"where": p.where, "message": p.message} for p in problems],
        }
        out.write(dumps(report))
    else:
        from ecoqa.schema import version_note
        from ecoqa.text import one_line

        valid = say("{path}: valid", path=one_line(str(path), None))
        out.write("".join(one_line(say(p.said()), 500) + "\n" for p in problems) or valid + "\n")
        note = None if problems else version_note(top, path)
        if note is not None:
            warn(note)
    out.flush()
    if problems:
        raise typer.Exit(ExitCode.CORPUS)


@command(short="Export questions as Markdown, HTML or JSON.")
def export(
    ctx: typer.Context,
    ids: Annotated[
        list[str] | None, argument("ID...", "Questions to export (default: all).", autocompletion=complete_ids)
    ] = None,
    format_: Annotated[
        str | None,
        valued(
            "--format",
            "-f",
            metavar="FORMAT",
            help="markdown (md), html or json; default: from the -o extension, else markdown.",
            callback=_known_format,
            autocompletion=complete_formats,
        ),
    ] = None,
    topic: TopicOption = None,
    principle: PrincipleOption = None,
    lang: LangOption = None,
    output: Annotated[str | None, valued("--output", "-o", metavar="FILE", help="Write here ('-' for stdout).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    no_pager: PagerOption = False,
    data: DataOption = None,
) -> None:
    """Export the corpus, chosen questions, or the questions on a topic, as a document to share.

    \b
    Examples:
      ecoqa export -o qa.html
      ecoqa export 10 12 -f md
      ecoqa export --lang en --topic mkb -o mkb.html
      ecoqa export -f json -o - | jq '.questions | length'
    """
    from ecoqa.files import named_file

    target = None if output is None or output == "-" else named_file(output)
    corpus = load(data)
    language = chosen_lang(lang, corpus)
    prefix = command_prefix(data)
    positions, chosen_ids = _chosen_positions(corpus, ids or [], topic or [], principle or [], prefix)
    from ecoqa import export as documents

    kind = format_ or (documents.EXTENSIONS.get(target.suffix.lower(), "markdown") if target else "markdown")
    doc = _described(corpus, language, topic or [], principle or [], chosen_ids, prefix)
    chunks = documents.document(kind, documents.Selection(corpus.entries, positions), doc)
    if target is None:
        _to_stdout(chunks, paging=not no_pager)
    else:
        _to_file(target, chunks, kind=kind, count=len(positions), data=data, force=force)


def _chosen_positions(
    corpus: Corpus, ids: list[str], topics: list[str], principles: list[str], prefix: str
) -> tuple[Sequence[int], list[int]]:
    """The positions of the questions to export (those on the topics and principles, of the *ids*
    when given), and the ids chosen; none is a NoMatchError."""
    chosen = selected(corpus, topics, principles, prefix)
    positions: Sequence[int] = range(len(corpus.entries)) if chosen is None else chosen
    chosen_ids = list(dict.fromkeys(find_entry(corpus, raw, prefix).id for raw in ids))
    if chosen_ids:
        keep = set(positions)
        positions = [p for p in map(corpus.entries.position, chosen_ids) if p is not None and p in keep]
    if not positions:
        raise NoMatchError("no question has {filter}.", filter=filter_words(topics, principles))
    return positions, chosen_ids


def _described(
    corpus: Corpus, language: str, topics: list[str], principles: list[str], ids: list[int], prefix: str
) -> Document:
    """What a document says of itself: the topics, principles and questions chosen, ecoqa's version, the date."""
    import datetime

    from ecoqa.export import Document, selection_labels
    from ecoqa.version import ecoqa_version

    labels = selection_labels(
        corpus, language, topic_ids(corpus, topics, prefix), principle_ids(corpus, principles, prefix), ids
    )
    return Document(corpus, language, labels, ecoqa_version(), datetime.date.today().isoformat())


def _to_file(
    target: Path, chunks: Iterable[str | bytes], *, kind: str, count: int, data: Path | None, force: bool
) -> None:
    """Write a document to *target* whole or not at all, never over the corpus read, and say so."""
    from ecoqa.files import write_atomic
    from ecoqa.output import write_note_line

    write_atomic(target, chunks, force=force, protected=[p for p in (data_path(data),) if p is not None])
    write_note_line("wrote {count} ({format}) to {path}", count=questions_counted(count), format=kind, path=target)


def questions_counted(n: int) -> Message:
    return count_of(n, "{n} question", "{n} questions")


def _to_stdout(chunks: Iterable[str | bytes], *, paging: bool) -> None:
    """A document on stdout: in a terminal through the pager (or with a hint to use -o FILE)."""
    from ecoqa.output import Output, write_chunks, write_note_line

    out = Output(paging=paging)
    if not out.tty:
        write_chunks(chunks)
        return
    try:
        for chunk in chunks:
            out.write(chunk.decode("utf-8") if isinstance(chunk, bytes) else chunk)
    finally:
        out.close()
    if not out.paging:
        write_note_line("to keep this document, write it to a file with -o FILE.")


#: A language tag as BCP 47 writes it: "nl", "en", "de", "pt-BR", "zh-Hant".
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def _language_tag(value: str | None) -> str | None:
    """--lang of import: any language's code (the Q&A may be in any language), lower-cased."""
    if value is None:
        return None
    if not _LANGUAGE_TAG.fullmatch(value.strip()):
        raise UsageError("--lang takes a language code such as nl, en or de, not '{value}'.", value=value)
    return value.strip().lower()


@command("import", short="Make a corpus from Q&A pages, FAQ markup, Markdown or CSV.", corpus=None)
def import_(
    ctx: typer.Context,
    sources: Annotated[
        list[Path],  # not readable=True: ecoqa says why it cannot read a file, with exit code 3
        argument("SOURCE...", "Files to read: HTML or text pages, Markdown, CSV/TSV.", readable=False),
    ],
    output: Annotated[
        str | None, valued("--output", "-o", metavar="FILE", help="Corpus to write ('-' for stdout).")
    ] = None,
    title: Annotated[str | None, valued("--title", metavar="TEXT", help="Title, if the page has none.")] = None,
    corpus_lang: Annotated[
        str | None,
        valued("--lang", metavar="CODE", help="Language of the Q&A: nl, en, de, fr... (default: detected)."),
    ] = None,
    terms: Annotated[
        Path | None,
        valued(
            "--terms",
            metavar="CSV",
            help="Your own Dutch-English term pairs (a Dutch term, then English words, per row) for search.",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Show what would be imported; write nothing.")
    ] = False,
    base_url: Annotated[
        str | None,
        valued("--base-url", metavar="URL", help="Resolve relative links against URL (default: the page's address)."),
    ] = None,
    question_column: Annotated[
        str | None, valued("--question-column", metavar="NAME", help="Table column of the questions (name or number).")
    ] = None,
    answer_column: Annotated[
        str | None, valued("--answer-column", metavar="NAME", help="Table column of the answers (name or number).")
    ] = None,
    skip_unreadable: Annotated[
        bool, typer.Option("--skip-unreadable", help="Import the readable sources; name the others on stderr.")
    ] = False,
) -> None:
    """Turn Q&A pages, FAQ pages, Markdown notes and spreadsheets into a corpus for --data.

    Recognised: numbered or labelled questions (Vraag:/Antwoord:, Q:/A:), one heading per
    question, schema.org FAQPage/QAPage markup (JSON-LD or microdata), <dl> and <details>
    lists, and CSV/TSV with question and answer columns. Several sources merge into one
    corpus, numbered in order; each question records its source file. An ecoqa corpus file
    (an export, or a version-1 file) is read whole and written as the current version.

    \b
    Examples:
      ecoqa import faq.html -o mine.json
      ecoqa import notes.md questions.csv -o mine.json --title "Our FAQ"
      ecoqa import page.txt --dry-run
      ecoqa import faq.html --terms terms.csv -o mine.json
      ecoqa --data mine.json search funding
    """
    from ecoqa.importing.build import build, corpus_text, summary_lines
    from ecoqa.importing.columns import Choice
    from ecoqa.importing.sources import Options, check_columns_used, read_sources
    from ecoqa.version import ecoqa_version

    lang = _language_tag(corpus_lang)
    spoken = (ctx.find_root().obj or {}).get("lang")
    spoken_for(spoken, lang or "")  # until the sources are read: the language said to be theirs, else English
    protected = [*sources, *([terms] if terms else [])]
    target = _import_target(output, dry_run=dry_run, base_url=base_url, force=force, protected=protected)
    options = Options(Choice(question_column, answer_column, lang), base_url)
    read, skipped = read_sources(sources, options, skip_unreadable=skip_unreadable)
    check_columns_used(read, options)
    pairs = _user_terms(terms, skipped)
    built = build(read, title=title, lang=lang, version=ecoqa_version(), base_url=base_url, terms=pairs)
    spoken_for(spoken, built.document.get("collection", {}).get("language", ""))
    for note in [*skipped, *built.notes]:
        warn(note)
    if dry_run:
        _to_stdout_as_is("".join(line + "\n" for line in _for_the_screen(summary_lines(read, built))))
    elif target is None:  # -o -
        _to_stdout_as_is(corpus_text(built.document))
    else:
        _write_imported(target, built.document, force=force, protected=protected)


def _user_terms(terms: Path | None, notes: list[str]) -> list[dict[str, Any]]:
    """The term pairs of the user's --terms file (none without one); what was left out of it joins *notes*."""
    if terms is None:
        return []
    from ecoqa.importing.terms import read_terms

    pairs, term_notes = read_terms(terms)
    notes.extend(term_notes)
    return pairs


def _import_target(
    output: str | None, *, dry_run: bool, base_url: str | None, force: bool, protected: list[Path]
) -> Path | None:
    """The file an import writes (None: stdout, or nothing for a dry run), checked before any
    source is read, so that a long import does not end in a refusal; with --base-url checked too."""
    from ecoqa.files import check_folder, check_target, named_file

    if output is None and not dry_run:
        raise UsageError("say where to write the corpus with -o FILE ('-' for stdout), or look first with --dry-run.")
    if base_url is not None and not base_url.lower().startswith(("http://", "https://")):
        raise UsageError("--base-url takes a web address (http:// or https://), not '{url}'.", url=base_url)
    if output is None or output == "-" or dry_run:
        return None
    target = named_file(output)
    check_target(target, force=force, protected=protected)
    check_folder(target)
    return target


def _for_the_screen(lines: list[str]) -> list[str]:
    """A dry run's lines: in a terminal wrapped at words, each under its own text (the terminal would
    cut a word at its edge); piped, a line each, as written, for grep and wc."""
    from ecoqa.output import stdout_is_terminal, terminal_width

    if not stdout_is_terminal():
        return lines
    width = terminal_width()
    return [row for line in lines for row in hanging_rows(line, width)]


def _to_stdout_as_is(text: str) -> None:
    from ecoqa.output import stdout

    out = stdout()
    out.write(text)
    out.flush()


def _write_imported(target: Path, document: dict[str, Any], *, force: bool, protected: list[Path]) -> None:
    """Write the corpus (atomically) and say so, with a command to try on it."""
    from ecoqa.files import write_atomic
    from ecoqa.importing.build import corpus_text
    from ecoqa.output import write_note_line

    write_atomic(target, [corpus_text(document)], force=force, protected=protected)
    count = questions_counted(len(document["questions"]))
    if target.is_file():  # a device, FIFO or socket cannot be read back as a corpus
        write_note_line(
            "wrote {count} to {path}; try: {command}", count=count, path=target, command=_first_try(document, target)
        )
    else:
        write_note_line("wrote {count} to {path}", count=count, path=target)


def _first_try(document: dict[str, Any], output: Path) -> str:
    """A command on the corpus just written that works when pasted: a search for a word of its
    first questions that the search finds, else the overview."""
    import json
    import shlex

    from ecoqa.corpus import parse_corpus
    from ecoqa.suggest import QUESTIONS_TRIED, searchable_word

    language = document.get("collection", {}).get("language", "en")
    first = [{k: q[k] for k in ("id", "question", "answer")} for q in document["questions"][:QUESTIONS_TRIED]]
    sample = {"schema_version": 2, "collection": {"language": language}, "questions": first}
    word = searchable_word(parse_corpus(json.dumps(sample).encode(), str(output)), language)
    again = f"ecoqa --data {shlex.quote(str(output))}"
    return f"{again} search {shlex.quote(word)}" if word else again
