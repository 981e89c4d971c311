"""The commands that read the corpus: the overview, list, show, search, topics, speakers, principles, info."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from ecoqa.cli.common import (
    chosen_lang,
    command_prefix,
    data_path,
    exclusive,
    filter_words,
    find_entry,
    load,
    open_corpus,
    opened_output,
    principle_ids,
    quoted,
    rows_as_text,
    selected,
)
from ecoqa.cli.completion import complete_ids, complete_principles
from ecoqa.cli.exits import handled
from ecoqa.cli.options import (
    ColorOption,
    DataOption,
    JsonOption,
    LangOption,
    PagerOption,
    PlainOption,
    PrincipleOption,
    TableOption,
    TopicOption,
    app,
    argument,
    command,
    limit_option,
)
from ecoqa.errors import NoMatchError, UsageError
from ecoqa.messages import msg

if TYPE_CHECKING:
    from ecoqa.models import Corpus, Entry
    from ecoqa.output import Output
    from ecoqa.search.engine import SearchResult
    from ecoqa.search.index import Index


def _version_callback(value: bool) -> None:
    if value:
        from ecoqa.output import stdout
        from ecoqa.version import ecoqa_version

        out = stdout()
        out.write(f"ecoqa {ecoqa_version()}\n")
        out.flush()
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version_callback, is_eager=True, help="Show the version and exit."),
    ] = False,
    lang: LangOption = None,
    data: DataOption = None,
    color: ColorOption = None,
) -> None:
    """Explore a Q&A corpus: the bundled webinar, or your own (--data). Without a command: a short overview."""
    ctx.obj = {"lang": lang, "data": data, "color": color}
    if ctx.invoked_subcommand is not None:
        return
    with handled(color, lang, data), opened_output(color) as out:
        corpus = load(data)
        language = chosen_lang(lang, corpus)
        from ecoqa.overview import overview
        from ecoqa.suggest import examples
        from ecoqa.version import ecoqa_version

        path = data_path(data)
        tried = examples(corpus, language, None if path is None else str(path))
        out.print(overview(corpus, language, ecoqa_version(), tried, out.width), crop=False)


@command("list", short="List questions, by topic or principle.")
def list_(
    ctx: typer.Context,
    topic: TopicOption = None,
    principle: PrincipleOption = None,
    limit: Annotated[int | None, limit_option(None, "Show at most N questions.")] = None,
    lang: LangOption = None,
    json_: JsonOption = False,
    plain: PlainOption = False,
    table: TableOption = False,
    data: DataOption = None,
    color: ColorOption = None,
    no_pager: PagerOption = False,
) -> None:
    """List questions, optionally filtered by topic and principle.

    Piped, each question is one tab-separated line (id, question); --table keeps the table.

    \b
    Examples:
      ecoqa list --topic mkb
      ecoqa list --topic SMEs --lang en
      ecoqa list --principle tijdelijk-eigenaarschap --json
      ecoqa list | grep -i ondernemerschap
    """
    exclusive(json=json_, plain=plain, table=table)
    corpus = load(data)
    language = chosen_lang(lang, corpus)
    positions = selected(corpus, topic or [], principle or [], command_prefix(data))
    if positions is not None and not positions:
        raise NoMatchError("no question has {filter}.", filter=filter_words(topic or [], principle or []))
    total = len(corpus.entries) if positions is None else len(positions)
    chosen: Sequence[int] = range(total) if positions is None else positions
    chosen = chosen[:limit] if limit else chosen
    entries = _entries_at(corpus, chosen, whole=positions is None)
    with opened_output(color, paging=not no_pager) as out:
        _emit(
            out,
            _mode(out, json_, plain, table),
            payload=lambda payloads: payloads.streamed(
                {"version": payloads.JSON_VERSION, "total": total}, "results", map(payloads.list_item, entries)
            ),
            rows=lambda payloads: payloads.entry_rows(entries, language),
            view=lambda render: _then(
                render.entry_rows(entries, corpus, language, out.width),
                render.content_note(corpus, _judged(corpus, chosen), language),
            ),
        )


def _judged(corpus: Corpus, positions: Sequence[int]) -> list[Entry]:
    """The entries listed that say whether the list shows originals: the first, unless the corpus
    is merged from sources in their own languages (then each)."""
    return [corpus.entries[p] for p in (positions[:1] if corpus.in_one_language() else positions)]


def _entries_at(corpus: Corpus, positions: Sequence[int], *, whole: bool) -> Iterator[Entry]:
    """Entries at *positions*, read in order; a whole prefix streams from the store in batches."""
    if whole:
        for position, entry in enumerate(corpus.entries):
            if position >= len(positions):
                return
            yield entry
    else:
        for position in positions:
            yield corpus.entries[position]


@command(short="Show questions with answer, key points and sources.")
def show(
    ctx: typer.Context,
    ids: Annotated[
        list[str],
        argument("ID...", "Question numbers.", autocompletion=complete_ids),
    ],
    lang: LangOption = None,
    json_: JsonOption = False,
    plain: Annotated[bool, typer.Option("--plain", help="Question and answer as clean text, to paste.")] = False,
    data: DataOption = None,
    color: ColorOption = None,
    no_pager: PagerOption = False,
) -> None:
    """Show questions with their answer, key points, principles, topics, references and source.

    \b
    Examples:
      ecoqa show 10
      ecoqa show 3 5 --lang en
      ecoqa show 12 --json
      ecoqa show 10 --plain      # the answer as text to paste
    """
    exclusive(json=json_, plain=plain)
    corpus = load(data)
    language = chosen_lang(lang, corpus)
    entries = [find_entry(corpus, raw, command_prefix(data)) for raw in ids]
    with opened_output(color, paging=not no_pager) as out:
        if json_:
            from ecoqa.payloads import dumps, entry_payload

            out.write(dumps({"version": 2, "results": [entry_payload(e, corpus) for e in entries]}))
        elif plain:
            from ecoqa.payloads import plain_entry

            out.write("\n".join(plain_entry(e, language) for e in entries))
        else:
            from ecoqa.render import content_note, entry_view, source_note

            console = out.console()
            for entry in entries:
                console.print(entry_view(entry, corpus, language, corpus.related_headings(entry), out.width))
            console.print(source_note(corpus, language, entries, out.width))
            note = content_note(corpus, entries, language)
            if note is not None:
                console.print(note)


@command(short="Search questions and answers, Dutch or English.")
def search(
    ctx: typer.Context,
    query: Annotated[list[str], argument("QUERY...", "Words to search for, Dutch or English.")],
    topic: TopicOption = None,
    principle: PrincipleOption = None,
    limit: Annotated[int, limit_option(10, "Show at most N results.")] = 10,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show scores, which words matched and how much each counted.")
    ] = False,
    lang: LangOption = None,
    json_: JsonOption = False,
    plain: PlainOption = False,
    table: TableOption = False,
    data: DataOption = None,
    color: ColorOption = None,
    no_pager: PagerOption = False,
) -> None:
    """Search questions and answers; English words find Dutch text, typos and word parts too.

    Piped, each result is one tab-separated line (id, score, question); --table keeps the view,
    and so does --explain.

    \b
    Examples:
      ecoqa search financing
      ecoqa search "tijdelijk eigenaarschap" --explain
      ecoqa search SMEs --lang en --limit 3
      ecoqa search fonds --topic overheid --json
    """
    exclusive(json=json_, plain=plain, table=table)
    exclusive(plain=plain, explain=explain)
    text = " ".join(query)
    prefix = command_prefix(data)
    if not text.strip() and prefix == "ecoqa":
        raise UsageError("empty query; give a word to search for, e.g. 'ecoqa search financing'.")
    corpus, index = open_corpus(data)
    language = chosen_lang(lang, corpus)
    if prefix != "ecoqa":
        _has_words(text, corpus, index, language, prefix)
    allowed = selected(corpus, topic or [], principle or [], prefix)
    from ecoqa.search.engine import search as run_search

    result = run_search(corpus, text, limit=limit, allowed=allowed, lang=language, index=index, explain=explain)
    if result.corrected:
        from ecoqa.output import write_note_line

        write_note_line(
            "no matches for {query}; showing results for {corrected}.",
            query=quoted(text),
            corrected=quoted(result.corrected),
        )
    with opened_output(color, paging=not no_pager) as out:
        mode = _mode(out, json_, plain, table)
        _emit_hits(out, "view" if mode == "rows" and explain else mode, result, corpus, language, explain=explain)
    if not result.hits:
        _no_match(corpus, index, text, result, allowed, topic or [], principle or [], language)


def _emit_hits(out: Output, mode: str, result: SearchResult, corpus: Corpus, lang: str, *, explain: bool) -> None:
    """A search's hits in *mode*: streamed JSON with the query, totals and suggestions; a row per hit;
    or the view (with each hit's explanation when asked)."""
    hits = result.hits
    _emit(
        out,
        mode,
        payload=lambda payloads: payloads.streamed(
            {"version": payloads.JSON_VERSION, "query": result.query, "total": result.total},
            "results",
            (payloads.hit_item(h, explain=explain) for h in hits),
            {"suggestions": list(result.suggestions), "corrected": result.corrected},
        ),
        rows=lambda payloads: payloads.hit_rows(hits, lang),
        view=lambda render: _then(
            render.hit_rows(hits, lang, explain=explain, shown=len(hits), total=result.total),
            render.content_note(corpus, [hit.entry for hit in hits], lang),
        ),
    )


def _has_words(text: str, corpus: Corpus, index: Index | None, lang: str, prefix: str) -> None:
    """A query without words on a corpus of the user's own is an error whose example is a word
    of that corpus the search finds (the bundled corpus's examples would find nothing there)."""
    from ecoqa.search.analysis import query_words

    if query_words(text):
        return
    import shlex

    from ecoqa.suggest import searchable_word

    word = searchable_word(corpus, lang, index)
    what = msg("empty query") if not text.strip() else msg("the query has no words")
    if word:
        example = f"{prefix} search {shlex.quote(word)}"
        raise UsageError("{what}; give a word to search for, e.g. '{example}'.", what=what, example=example)
    raise UsageError("{what}; give a word to search for.", what=what)


def _then(renderables: Iterable[Any], note: Any) -> Iterator[Any]:
    """*renderables*, then *note* when there is one (the screen's one note on untranslated originals)."""
    yield from renderables
    if note is not None:
        yield note


def _no_match(
    corpus: Corpus,
    index: Index | None,
    text: str,
    result: SearchResult,
    allowed: list[int] | None,
    topics: Sequence[str],
    principles: Sequence[str],
    lang: str,
) -> NoReturn:
    if allowed is not None:
        from ecoqa.search.engine import search as run_search

        unfiltered = run_search(corpus, text, limit=1, lang=lang, index=index, snippets=False)
        if unfiltered.total:
            raise NoMatchError(
                "no matches for {query} with {filter}; {total} without the filter.",
                query=quoted(text),
                filter=filter_words(topics, principles),
                total=unfiltered.total,
            )
    if result.suggestions:
        suggested = ", ".join(result.suggestions)
        raise NoMatchError("no matches for {query}; did you mean: {words}?", query=quoted(text), words=suggested)
    raise NoMatchError("no matches for {query}; try other words.", query=quoted(text))


def _mode(out: Output, json_: bool, plain: bool, table: bool) -> str:
    """How a result is written: 'json', 'rows' (tab-separated; asked, or stdout is no terminal) or 'view'."""
    exclusive(json=json_, plain=plain, table=table)
    return "json" if json_ else "rows" if rows_as_text(out, plain, table) else "view"


def _emit(
    out: Output,
    mode: str,
    *,
    payload: Callable[[ModuleType], str | Iterable[str]],
    rows: Callable[[ModuleType], Iterable[Sequence[object]]],
    view: Callable[[ModuleType], Iterable[Any]],
    views: str = "render",
) -> None:
    """One result in *mode*: JSON text (whole or in chunks) or tab-separated rows, each made by
    ``ecoqa.payloads`` (handed to *payload* and *rows*), or rich renderables from ``ecoqa.render``
    or ``ecoqa.overview`` (*views*, handed to *view*) printed as they come. Only the module a
    mode needs is loaded."""
    if mode == "view":
        import importlib

        console = out.console()
        for renderable in view(importlib.import_module(f"ecoqa.{views}")):
            console.print(renderable)
        return
    from ecoqa import payloads

    if mode == "json":
        text = payload(payloads)
        for chunk in [text] if isinstance(text, str) else text:
            out.write(chunk)
    else:
        for line in payloads.tsv(rows(payloads)):
            out.write(line)


Part = Callable[[ModuleType, "Corpus", str, int], Any]


def _listing(name: str, short: str, doc: str, payload: Part, rows: Part, view: Part) -> None:
    """Register a command that lists one part of the corpus, with the options every listing has:
    *payload* (a dict for JSON) and *rows* from ``ecoqa.payloads``, *view* from ``ecoqa.overview``,
    each given the module, the corpus, the language and the width."""

    def listing(
        ctx: typer.Context,
        lang: LangOption = None,
        json_: JsonOption = False,
        plain: PlainOption = False,
        table: TableOption = False,
        data: DataOption = None,
        color: ColorOption = None,
        no_pager: PagerOption = False,
    ) -> None:
        exclusive(json=json_, plain=plain, table=table)
        corpus = load(data)
        language = chosen_lang(lang, corpus)
        with opened_output(color, paging=not no_pager) as out:
            _emit(
                out,
                _mode(out, json_, plain, table),
                payload=lambda payloads: payloads.dumps(payload(payloads, corpus, language, out.width)),
                rows=lambda payloads: rows(payloads, corpus, language, out.width),
                view=lambda overview: [view(overview, corpus, language, out.width)],
                views="overview",
            )

    listing.__name__ = listing.__qualname__ = name
    listing.__doc__ = doc
    command(name, short=short)(listing)


_listing(
    "topics",
    "List topics with their aliases and questions.",
    """List topics with their aliases and questions.

    \b
    Example:
      ecoqa topics --lang en
    """,
    lambda payloads, corpus, lang, _width: payloads.topics_payload(corpus),
    lambda payloads, corpus, lang, _width: payloads.topic_rows(corpus, lang),
    lambda overview, corpus, lang, width: overview.topics_view(corpus, lang, width),
)
_listing(
    "speakers",
    "List the speakers or contributors and the people mentioned.",
    """List who speaks (an event's speakers, another collection's contributors), then the people the answers mention.

    \b
    Example:
      ecoqa speakers --lang en
    """,
    lambda payloads, corpus, lang, _width: payloads.speakers_payload(corpus),
    lambda payloads, corpus, lang, _width: payloads.speaker_rows(corpus, lang),
    lambda overview, corpus, lang, width: overview.speakers_view(corpus, lang, width),
)


@command(short="List key principles, or show one with its quotes.")
def principles(
    ctx: typer.Context,
    principle: Annotated[
        str | None,
        argument("PRINCIPLE", "One principle: its number, id or title.", autocompletion=complete_principles),
    ] = None,
    lang: LangOption = None,
    json_: JsonOption = False,
    plain: PlainOption = False,
    table: TableOption = False,
    data: DataOption = None,
    color: ColorOption = None,
    no_pager: PagerOption = False,
) -> None:
    """List the key principles (derived), or one with its questions and verbatim evidence.

    \b
    Examples:
      ecoqa principles
      ecoqa principles 2
      ecoqa principles tijdelijk-eigenaarschap --lang en
    """
    corpus = load(data)
    language = chosen_lang(lang, corpus)
    chosen = list(corpus.principles)
    if principle is not None:
        wanted = principle_ids(corpus, [principle], command_prefix(data))[0]
        chosen = [p for p in corpus.principles if p.id == wanted]
    numbers = {p.id: n for n, p in enumerate(corpus.principles, start=1)}
    with opened_output(color, paging=not no_pager) as out:
        _emit(
            out,
            _mode(out, json_, plain, table),
            payload=lambda payloads: payloads.dumps(
                {
                    "version": payloads.JSON_VERSION,
                    "principles": [payloads.principle_payload(p, numbers[p.id]) for p in chosen],
                }
            ),
            rows=lambda payloads: payloads.principle_rows(chosen, corpus, language),
            view=lambda overview: [
                overview.principles_view(chosen, corpus, language, detail=principle is not None, width=out.width)
            ],
            views="overview",
        )


_listing(
    "info",
    "What the corpus is: title, kind, date, organisers, counts.",
    """What the corpus is (title, kind, date, organisers; an event's audience, related items and
    contact) and its counts.

    \b
    Example:
      ecoqa info --lang en
    """,
    lambda payloads, corpus, lang, _width: payloads.info_payload(corpus),
    lambda payloads, corpus, lang, _width: payloads.info_rows(corpus, lang),
    lambda overview, corpus, lang, width: overview.info_view(corpus, lang, width),
)
