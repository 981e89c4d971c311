"""Turn models into rich renderables: one entry, and lists of entries and of search hits (the
corpus as a whole is ``ecoqa.overview``). Corpus text only ever enters rich as ``Text``.

Nothing here prints: the CLI prints what these functions return. Text is cleaned once more
here, because a renderer must be safe whatever model it is handed. Every interface word comes
from ``ecoqa.labels``, so one screen speaks one language. Views take the width they will be
drawn at: below ``NARROW`` columns, tables stack their columns instead of squeezing them, and
provenance markers move into the panel so that they wrap instead of being cut.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, chain, islice
from typing import TypeVar

from rich import box
from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions, Group, JustifyMethod, OverflowMethod, RenderableType, RenderResult
from rich.containers import Lines
from rich.measure import Measurement
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ecoqa.labels import LABELS, corpus_name, kind_name, label
from ecoqa.models import Corpus, Entry, Heading, Hit, Match, Principle, Source, Topic, in_lang, kind_named_in
from ecoqa.text import blocks, clean_text, item_level, table_cells, unspaced, wrap_starts

#: Every style in one place.
STYLES = {
    "id": "bold cyan",
    "title": "bold",
    "question": "bold",
    "label": "bold magenta",
    "derived": "italic yellow",
    "muted": "dim",
    "quote": "italic",
    "match": "bold black on yellow",
    "score": "green",
    "topic": "cyan",
    "error": "bold red",
    "command": "green",
    "missing": "italic red",
    "header": "bold",
    "code": "cyan",
}
Marked = TypeVar("Marked", bound=Text)
#: Below this width, tables stack their columns (id: label, then the rest indented).
NARROW = 60


def safe(value: str, style: str = "") -> Text:
    """Data as ``Text``: never parsed as markup or emoji, control characters made visible."""
    return Prose(clean_text(value), style=style)


class Prose(Text):
    """Corpus text that wraps where its language lets a line break: at spaces, as rich's ``Text``
    does, and in Chinese or Japanese, written without spaces, between any two characters (not
    before a closing or after an opening bracket or stop). rich breaks only at spaces, so a
    sentence of Chinese went whole to the next line, leaving the line before it half empty."""

    @classmethod
    def of(cls, text: Text) -> Prose:
        """*text*, its styles kept, as ``Prose``."""
        return cls(
            text.plain,
            style=text.style,
            justify=text.justify,
            overflow=text.overflow,
            no_wrap=text.no_wrap,
            end=text.end,
            spans=list(text.spans),
        )

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        if not unspaced(self.plain) or no_wrap or (no_wrap is None and self.no_wrap) or overflow == "ignore":
            return super().wrap(console, width, justify=justify, overflow=overflow, tab_size=tab_size, no_wrap=no_wrap)
        fold = (overflow or self.overflow or "fold") == "fold"
        lines = Lines()
        for line in self.split(allow_blank=True):
            if "\t" in line.plain:
                line.expand_tabs(tab_size)
            pieces = line.divide(_breaks(line.plain, width, fold=fold))
            for piece in pieces:
                piece.rstrip_end(width)
            pieces.justify(console, width, justify=justify or self.justify or "default", overflow=overflow or "fold")
            for piece in pieces:
                piece.truncate(width, overflow=overflow or self.overflow or "fold")
            lines.extend(pieces)
        return lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        measured = super().__rich_measure__(console, options)
        if not unspaced(self.plain):
            return measured
        pieces = (piece for line in self.plain.split("\n") for piece in _pieces(line))
        return Measurement(max((cell_len(piece.rstrip()) for piece in pieces), default=0), measured.maximum)


def _pieces(line: str) -> Iterator[str]:
    """The pieces of *line* a wrap keeps whole (``text.wrap_starts``), each with its spaces after it."""
    starts = wrap_starts(line)  # none for an empty line
    return (line[start:end] for start, end in zip(starts, [*starts[1:], len(line)][: len(starts)], strict=True))


def _breaks(line: str, width: int, *, fold: bool) -> list[int]:
    """Where *line* breaks to fit *width* columns: rich's ``divide_line``, at ``_pieces`` instead of words."""
    breaks: list[int] = []
    used = at = 0
    for piece in _pieces(line):
        size = cell_len(piece.rstrip())
        if used + size <= width:
            used += cell_len(piece)
        elif size > width and fold:  # a piece wider than a line (a long URL) folds at the line's edge
            parts = chop_cells(piece, width)
            breaks += [offset for offset in accumulate((len(part) for part in parts[:-1]), initial=at) if offset]
            used = cell_len(parts[-1])
        else:
            if at:
                breaks.append(at)
            used = cell_len(piece)
        at += len(piece)
    return breaks


def titled(text: str, style: str = "title") -> Text:
    return Text(text, style=STYLES[style])


def answer_blocks(text: str, marks: Sequence[str] = ()) -> RenderableType:
    """Paragraphs and "- " bullet lists of an answer, lists with a hanging indent, code as written;
    the words in *marks* highlighted."""
    parts: list[RenderableType] = []
    for kind, lines in blocks(text):
        if kind == "list":
            items = [item_level(line) for line in lines]
            parts.append(bullets((_marked(Prose(text), marks) for _, text in items), [depth for depth, _ in items]))
        elif kind == "code":
            parts.append(CodeBlock(lines[0], marks))
        elif kind == "table":
            parts.append(AnswerTable([table_cells(row) for row in lines], marks))
        else:
            parts.append(_marked(Prose(lines[0]), marks))
        parts.append(Text(""))
    return Group(*parts[:-1])


#: Starts the rest of a code line too long for its panel, on the rows below it.
FOLDED = "↪ "


class CodeBlock:
    """An answer's code as written: never re-wrapped, every line break and indent kept; a line
    wider than the room goes on below after a "↪" (cropping it would hide the end of a command),
    folded after its last space that fits in the row's second half, else at the row's edge. The
    rows it goes on in are indented as the line is, so that nesting still shows."""

    def __init__(self, code: str, marks: Sequence[str] = ()) -> None:
        self.lines = code.split("\n")
        self.marks = marks  # a search's matched words, highlighted where a row holds them whole

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width, len(FOLDED) + 1)
        for line in self.lines:
            yield from self.rows(line.expandtabs(8), width)

    def rows(self, line: str, width: int) -> Iterator[Text]:
        hang = " " * min(len(line) - len(line.lstrip(" ")), (width - len(FOLDED)) // 2)  # under its own line
        first, *rest = _folded(line, width, width - len(hang) - len(FOLDED))
        yield _marked(Text(first, style=STYLES["code"], no_wrap=True), self.marks)
        for piece in rest:
            code = _marked(Text(piece, style=STYLES["code"]), self.marks)
            yield Text.assemble(hang, (FOLDED, STYLES["muted"]), code, no_wrap=True)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((cell_len(line.expandtabs(8)) for line in self.lines), default=0)
        return Measurement(min(len(FOLDED) + 1, widest), widest).clamp(max_width=options.max_width)


class AnswerTable:
    """A table of an answer: its columns lined up under a header row, each cell wrapped in its own
    column; where the columns would get fewer than ``TABLE_COLUMN`` each, every row is shown apart
    instead, its first cell as a heading and each other cell after its column's header."""

    def __init__(self, rows: Sequence[Sequence[str]], marks: Sequence[str] = ()) -> None:
        self.header, *self.rows = rows
        self.marks = marks

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self._table() if options.max_width >= TABLE_COLUMN * len(self.header) else self._stacked()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self._table())

    def _cell(self, text: str, style: str = "") -> Prose:
        return _marked(Prose(text, style=style), self.marks)

    def _table(self) -> Table:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style=STYLES["header"])
        for name in self.header:
            table.add_column(self._cell(name), overflow="fold")
        for row in self.rows:
            table.add_row(*(self._cell(cell) for cell in row))
        return table

    def _stacked(self) -> Group:
        parts: list[RenderableType] = []
        for row in self.rows:
            parts.append(self._cell(row[0], STYLES["header"]))
            for name, cell in islice(zip(self.header, row, strict=False), 1, None):
                line = Text.assemble(Text(f"{name}: ", style=STYLES["muted"]), self._cell(cell))
                parts.append(Padding(Prose.of(line), (0, 0, 0, 2)))
        return Group(*parts)


#: The fewest columns a table's column gets before its rows are shown apart (see ``AnswerTable``).
TABLE_COLUMN = 14


def _folded(line: str, first: int, then: int) -> list[str]:
    """*line* in pieces of at most *first*, then *then* columns, that join to it again."""
    pieces: list[str] = []
    room = first
    while cell_len(line) > room:
        piece = chop_cells(line, room)[0] or line[0]  # a character wider than the room goes whole
        space = piece.rfind(" ")
        if space >= len(piece) // 2:  # a word that would be split goes whole onto the next row
            piece = piece[: space + 1]
        pieces.append(piece)
        line, room = line[len(piece) :], then
    return [*pieces, line]


def _marked(text: Marked, marks: Sequence[str]) -> Marked:
    """*text* with every occurrence of the words in *marks* styled as a search match."""
    if marks:
        text.highlight_words(marks, STYLES["match"], case_sensitive=False)
    return text


def bullets(items: Iterable[Text], depths: Sequence[int] = ()) -> RenderableType:
    """Items after a "-", each wrapped under its own text; an item of a nested list (its depth in
    *depths* above 0) indented two columns a level."""
    if any(depths):
        indented = zip(items, depths, strict=True)
        return Group(*(Padding(bullets([item]), (0, 0, 0, 2 * depth)) for item, depth in indented))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")  # a word wider than the screen (a principle's id) folds, never cut to '…'
    for item in items:
        grid.add_row(Text("-"), item)
    return grid


class Hanging:
    """A line of text whose rows after the first are indented, so that where it wraps on a narrow
    screen its rest reads as part of it, not as the next item."""

    def __init__(self, text: Text, indent: int = 2) -> None:
        self.text = text
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        first, *rest = self.text.wrap(console, options.max_width) or [Text("")]
        yield first
        if rest:
            tail = self.text[len(first.plain) :]
            yield Padding(tail[len(tail.plain) - len(tail.plain.lstrip()) :], (0, 0, 0, self.indent))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)


def panel(body: RenderableType, title: str, *, note: str = "", short: str = "", width: int = 80) -> Panel:
    """A panel whose provenance note is never cut: a subtitle when it fits, else a line inside."""
    subtitle = None
    if note:
        fitting = next((n for n in (note, short) if n and len(n) + 6 <= width), "")
        if fitting:
            subtitle = Text(fitting, style=STYLES["derived"])
        else:
            body = Group(body, Text(note, style=STYLES["derived"]))
    return Panel(
        body,
        title=titled(title, "label"),
        title_align="left",
        subtitle=subtitle,
        subtitle_align="right",
        border_style="blue",
    )


# ---------------------------------------------------------------------------- one entry


def entry_view(
    entry: Entry, corpus: Corpus, lang: str, related: Sequence[Heading], width: int = 80, marks: Sequence[str] = ()
) -> RenderableType:
    """Every section of one Q&A as panels; the words in *marks* (a search's matches) highlighted; a
    translation is marked on its panels. What a screen of questions shares is said once, after
    them: an original shown in another language than *lang* (``content_note``) and where the Q&A
    comes from (``source_note``); a question's own source, when it has one, is among its facts."""
    question, answer = entry.text(lang)
    note, short = "", ""
    if entry.translated(lang):
        note, short = label(lang, "translation"), label(lang, "translation_short")
    panels: list[RenderableType] = [
        panel(
            _marked(safe(question, STYLES["question"]), marks),
            f"{label(lang, 'question')} {entry.id}",
            note=note,
            short=short,
            width=width,
        ),
        panel(answer_blocks(answer, marks), label(lang, "answer"), note=note, short=short, width=width),
    ]
    points = entry.points(lang)
    if points:
        panels.append(
            panel(
                bullets(safe(p) for p in points),
                label(lang, "key_points"),
                note=label(lang, "derived"),
                short=label(lang, "derived_short"),
                width=width,
            )
        )
    principles = [p for p in (corpus.principle(i) for i in entry.principles) if p]
    if principles:
        panels.append(
            panel(
                _principle_lines(principles, entry.id, lang),
                label(lang, "principles"),
                note=label(lang, "principle_note"),
                short=label(lang, "principle_note_short"),
                width=width,
            )
        )
    extras = _facts(entry, corpus, lang, related)
    if extras:
        panels.append(extras)
    return Group(*panels)


def _principle_lines(principles: Sequence[Principle], entry_id: int, lang: str) -> RenderableType:
    rows: list[Text] = []
    for principle in principles:
        line = Text.assemble(
            safe(principle.name(lang), STYLES["title"]), " (", safe(principle.id, STYLES["topic"]), ")"
        )
        for quote in principle.quotes(entry_id):
            line.append("\n")
            line.append_text(safe(f"“{quote}”", STYLES["quote"]))
        rows.append(line)
    return bullets(rows)


def _facts(entry: Entry, corpus: Corpus, lang: str, related: Sequence[Heading]) -> RenderableType | None:
    """Topics, people, references and related questions, each a label over indented content.

    Stacked rather than side by side, so that 40 columns leave room for the content.
    """
    sections: list[tuple[str, RenderableType]] = []
    topics = [t for t in (corpus.topic(t) for t in entry.topics) if t]
    if topics:
        sections.append(("topics", joined(_topic_text(t, lang) for t in topics)))
    people = [p for p in (corpus.person(p) for p in entry.people) if p]
    if people:
        sections.append(("people", joined(safe(p.name) for p in people)))
    if entry.references:
        sections.append(("references", _references(entry, lang)))
    if related:
        sections.append(("related", numbered((r.id, safe(r.text(lang))) for r in related)))
    if _has_own_source(entry) and corpus.source_count() > 1:  # one source is named once, after the questions
        sections.append(("source", safe(_where(entry.source))))
    if not sections:
        return None
    parts: list[RenderableType] = []
    for number, (key, content) in enumerate(sections):
        last = number == len(sections) - 1
        parts += [Text(label(lang, key), style=STYLES["label"]), Padding(content, (0, 0, 0 if last else 1, 2))]
    return Panel(Group(*parts), border_style="blue")


def numbered(rows: Iterable[tuple[int, Text]]) -> Table:
    """Rows of (question id, text) with the text in a hanging indent."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style=STYLES["id"], justify="right", no_wrap=True)
    grid.add_column()
    for number, text in rows:
        grid.add_row(str(number), text)
    return grid


def _topic_text(topic: Topic, lang: str) -> Text:
    """A topic's name, and the id to type for ``--topic`` where it is another word ('other', not 'other (other)')."""
    name = topic.name(lang)
    if name.casefold() == topic.id.casefold():
        return safe(name, STYLES["topic"])
    return Text.assemble(safe(name), " (", safe(topic.id, STYLES["topic"]), ")")


def joined(items: Iterable[Text], separator: str = ", ") -> Text:
    return Text(separator).join(list(items))


def _references(entry: Entry, lang: str) -> Text:
    lines = []
    for ref in entry.references:
        line = safe(ref.name)
        note = ref.note_in(lang)
        if note:
            line.append_text(Text(" — ")).append_text(safe(note, STYLES["muted"]))
        if ref.url:
            line.append_text(Text(" ")).append_text(safe(ref.url, "underline"))
        elif ref.link_missing and label(lang, "link_missing") not in note:
            line.append(f" [{label(lang, 'link_missing')}]", style=STYLES["missing"])
        lines.append(line)
    return Text("\n").join(lines)


def corpus_title(corpus: Corpus, lang: str, style: str = "") -> Text:
    """The corpus's title, followed by the derived mark when its compilers gave it (not its source)."""
    title = safe(corpus_name(lang, corpus), style)
    if corpus.title_is_derived():
        title.append(f" ({label(lang, 'derived_title')})", style=STYLES["derived"])
    return title


def content_note(corpus: Corpus, entries: Iterable[Entry], lang: str) -> Text | None:
    """The one note a screen gets when it shows originals in another language than *lang* asks for."""
    if all(corpus.language_of(entry) == lang or entry.translated(lang) for entry in entries):
        return None
    return Text(label(lang, "no_translation"), style=STYLES["derived"])


def source_note(corpus: Corpus, lang: str, entries: Iterable[Entry], width: int = 80) -> RenderableType:
    """Where the shown Q&A comes from and what is known of who answered, said once after the
    questions: 'Source  Webinar, 2021-02-17, TNO & InnovationQuarter', then the attribution (the
    label above the rest below ``NARROW`` columns). A
    title its compilers gave the source is no name of it: shown after a dash, marked. The corpus's
    description of its source shows only when nothing else names it (for a merged corpus it names
    every file, and each question with a file of its own names that file among its facts). The
    corpus's file name stands in for a name only when no question shown has a source of its own:
    a merged or imported corpus is never called after the file ecoqa wrote; with nothing to say,
    nothing is shown."""
    collection = corpus.collection
    provenance = corpus.provenance
    title = corpus.own_title(lang)
    derived = bool(title) and corpus.title_is_derived()
    kind_id = collection.kind if collection else ""
    kind = kind_name(lang, kind_id) if kind_id else ""
    if kind and (title.casefold() == kind.casefold() or kind_named_in(title) == kind_id):
        named = f"“{title}”" if title.casefold() != kind.casefold() else kind  # a title that says 'FAQ': once
    elif kind and title and not derived:
        named = f"{kind} “{title}”"
    elif title and not derived:
        named = f"“{title}”"
    elif kind or derived or any(_has_own_source(entry) for entry in entries):
        named = kind
    else:
        named = corpus.source
    organizers = " & ".join(collection.organizers) if collection and collection.organizers else ""
    if collection and not organizers:
        organizers = collection.organizer_line
    parts = (named, collection.date if collection else "", organizers, _the_one_source(corpus, entries))
    line = safe(", ".join(part for part in parts if part))
    if derived:
        line.append(" — " if line.plain else "").append_text(corpus_title(corpus, lang))
    whole = in_lang(lang, provenance.source, provenance.source_en)
    if whole and not (kind or title) and not any(_has_own_source(entry) for entry in entries):
        line.append("\n").append_text(safe(whole, STYLES["muted"]))
    attribution = in_lang(lang, provenance.attribution, provenance.attribution_en)
    if attribution:
        line.append("\n").append_text(safe(attribution, STYLES["muted"]))
    if not line.plain:
        return Group()
    if width < NARROW:
        return Text.assemble(Text(label(lang, "source"), style=STYLES["label"]), "\n", line)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style=STYLES["label"], no_wrap=True)
    grid.add_column()
    grid.add_row(label(lang, "source"), line)
    return grid


def _has_own_source(entry: Entry) -> bool:
    return entry.source is not None and any(entry.source)


def _the_one_source(corpus: Corpus, entries: Iterable[Entry]) -> str:
    """The file (and address) every shown question came from, in a corpus of one source: named
    here, once, rather than in each question's facts; empty for a merged corpus or none named."""
    if corpus.source_count() > 1:
        return ""
    sources = {entry.source for entry in entries if _has_own_source(entry)}
    own = next(iter(sources)) if len(sources) == 1 else None
    if own is None:
        return ""
    return ", ".join(part for part in (own.file, own.url) if part)


def _where(own: Source | None) -> str:
    """A question's own source: its title, file, address and date."""
    if own is None:
        return ""
    return ", ".join(part for part in (f"“{own.title}”" if own.title else "", own.file, own.url, own.date) if part)


# ---------------------------------------------------------------------------- lists, streamed


#: Rows a listing reads ahead to choose its column widths; later rows stream at those widths.
SAMPLE_ROWS = 50


def _fixed_columns(width: int, longest_id: int, rows: Sequence[tuple[str, str]]) -> tuple[int, int, int]:
    """Widths of the id, question and topics columns of a listing at *width*: the topics column
    that makes *rows* (question, topics) take the fewest lines, so that neither column wraps
    while the other has room; no topics column below ``NARROW``. An id is never cut."""
    id_width = max(5, longest_id)
    room = width - id_width - 2
    if not any(topics for _, topics in rows) or width < NARROW:
        return id_width, width - id_width - 1, 0
    from rich.cells import cell_len

    sized = [
        ([cell_len(w) for w in question.split()], [cell_len(w) for w in topics.split()]) for question, topics in rows
    ]
    widest = max(sum(words) + len(words) for _, words in sized)  # the topics of a row on one line

    def height(topic_width: int) -> int:
        return sum(max(_lines(question, room - topic_width), _lines(topics, topic_width)) for question, topics in sized)

    topic_width = min(range(14, max(14, min(room // 2, widest)) + 1), key=height)
    return id_width, room - topic_width, topic_width


def _lines(words: Sequence[int], width: int) -> int:
    """Lines that words of these sizes take, wrapped at word boundaries to *width* (long words folded)."""
    lines, used = 1, 0
    for size in words:
        if used and used + 1 + size <= width:
            used += 1 + size
            continue
        lines, used = (lines + 1 if used else lines), size
        while used > width:
            lines, used = lines + 1, used - width
    return lines


def entry_rows(entries: Iterable[Entry], corpus: Corpus, lang: str, width: int) -> Iterator[RenderableType]:
    """A listing of questions, one renderable per row, so that a long list streams.

    Columns have fixed widths, chosen from *width* and the first ``SAMPLE_ROWS`` rows, so every
    row lines up without the whole list being read first; below ``NARROW`` columns the topics
    are left out.
    """
    entries = iter(entries)
    ahead = list(islice(entries, SAMPLE_ROWS))
    if not ahead:
        return
    names = {t.id: t.name(lang) for t in corpus.topics}

    def cells(item: Entry) -> tuple[str, str]:
        return clean_text(item.text(lang)[0]), clean_text(", ".join(names.get(name, name) for name in item.topics))

    longest_id = len(str(max(corpus.entries.ids(), default=0)))
    id_width, question_width, topic_width = _fixed_columns(width, longest_id, [cells(e) for e in ahead])
    header = Text(label(lang, "question"), style=STYLES["header"])
    if lang == "en" and corpus.language != "en":
        header.append(f"  ({label(lang, 'translation_header')})", style=STYLES["derived"])
    yield _row(
        id_width,
        question_width,
        topic_width,
        Text("#", style=STYLES["header"]),
        header,
        Text(label(lang, "topics"), style=STYLES["header"]),
    )
    for item in chain(ahead, entries):
        question, topics = cells(item)
        yield _row(
            id_width,
            question_width,
            topic_width,
            Text(str(item.id), style=STYLES["id"]),
            Prose(question),
            Text(topics, style=STYLES["topic"]),
        )


def _row(id_width: int, question_width: int, topic_width: int, number: Text, text: Text, topics: Text) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=id_width, justify="right", no_wrap=True)
    grid.add_column(width=question_width, overflow="fold")  # a word wider than the column folds, never cut to '…'
    if topic_width:
        grid.add_column(width=topic_width, overflow="fold")
        grid.add_row(number, text, topics)
    else:
        grid.add_row(number, text)
    return grid


def hit_rows(
    hits: Iterable[Hit], lang: str, *, explain: bool = False, shown: int = 0, total: int = 0
) -> Iterator[RenderableType]:
    """Search results, one renderable per hit: the question, then the passage that matched.

    Scores show only with ``explain``; a last line says "10 of 16" when the limit cut the list.
    """
    hits = list(hits)
    id_width = max([4, *(len(str(hit.entry.id)) for hit in hits)])  # an id is never cut
    for number, hit in enumerate(hits):
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=id_width, justify="right", no_wrap=True, style=STYLES["id"])
        grid.add_column(overflow="fold")
        grid.add_row(str(hit.entry.id), Prose.of(_hit_text(hit, lang, explain)))
        yield Padding(grid, (1 if number else 0, 0, 0, 0))
    if total > shown:
        yield Padding(Text(label(lang, "shown_of", shown=shown, total=total), style=STYLES["muted"]), (1, 0, 0, 0))


def _hit_text(hit: Hit, lang: str, explain: bool) -> Text:
    """The question, highlighted when the match is in it; else the matched passage below it."""
    entry, snippet = hit.entry, hit.snippet
    question = entry.text(lang)[0]
    question_field = "question_en" if entry.translated(lang) else "question"
    if snippet is not None and snippet.field == question_field and not snippet.text.startswith("…"):
        at = question.find(snippet.text)
        cell = highlighted(question, [(s + at, e + at) for s, e in snippet.spans]) if at >= 0 else safe(question)
        cell.stylize(STYLES["question"])
    else:
        cell = safe(question, STYLES["question"])
        if snippet is not None and snippet.text:
            cell.append("\n")
            cell.append(label(lang, f"field_{snippet.field}") + ": ", style=STYLES["muted"])
            cell.append_text(highlighted(snippet.text, snippet.spans))
    if explain:
        cell.append(f"\nscore {hit.score:.2f}", style=STYLES["score"])
        for match in hit.matches:
            cell.append("\n")
            term, kind = _explained_in(lang, match)
            cell.append_text(
                safe(f"  {match.query} → {term} ({kind} ×{match.weight:g}) +{match.score:.2f}", STYLES["muted"])
            )
    return cell


def _explained_in(lang: str, match: Match) -> tuple[str, str]:
    """The matched term and how it matched, in the interface language: 'topic financiering (alias)'
    on an English screen, 'onderwerp financiering (synoniem)' on a Dutch one."""
    term = match.term
    if term.startswith("topic "):  # how the search names a topic's id among the terms
        term = f"{label(lang, 'match_topic')} {term[len('topic ') :]}"
    key = f"match_{match.kind}"
    return term, label(lang, key) if key in LABELS else match.kind


def highlighted(text: str, spans: Sequence[tuple[int, int]]) -> Text:
    """Snippet text with the matched words styled; spans index into *text*."""
    result = Text(text)
    for start, end in spans:
        result.stylize(STYLES["match"], start, end)
    # Clean after styling: a visible escape may change lengths, so clean per piece.
    return _cleaned(result)


def _cleaned(text: Text) -> Text:
    out = Text()
    for piece in text.divide(sorted({s for span in text.spans for s in (span.start, span.end)})):
        out.append_text(Text(clean_text(piece.plain), style=piece.spans[0].style if piece.spans else ""))
    return out


def error_line(message: str) -> Text:
    return Text.assemble(("ecoqa: ", STYLES["error"]), safe(" ".join(message.split())))
