"""Turn models into rich renderables. Corpus text only ever enters rich as ``Text``.

Nothing here prints: the CLI prints what these functions return. Text is cleaned once more
here, because a renderer must be safe whatever model it is handed. Every interface word comes
from ``ecoqa.labels``, so one screen speaks one language. Views take the width they will be
drawn at: below ``NARROW`` columns, tables stack their columns instead of squeezing them, and
provenance markers move into the panel so that they wrap instead of being cut.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ecoqa.labels import counted, kind_name, label
from ecoqa.models import Corpus, Entry, Heading, Hit, Principle, Related, Source, Speaker, Topic, in_lang
from ecoqa.text import blocks, clean_text

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
#: Below this width, tables stack their columns (id: label, then the rest indented).
NARROW = 60


def safe(value: str, style: str = "") -> Text:
    """Data as ``Text``: never parsed as markup or emoji, control characters made visible."""
    return Text(clean_text(value), style=style)


def _title(text: str, style: str = "title") -> Text:
    return Text(text, style=STYLES[style])


def answer_blocks(text: str, marks: Sequence[str] = ()) -> RenderableType:
    """Paragraphs and "- " bullet lists of an answer, lists with a hanging indent, code as written;
    the words in *marks* highlighted."""
    parts: list[RenderableType] = []
    for kind, lines in blocks(text):
        if kind == "list":
            parts.append(_bullets(_marked(Text(line), marks) for line in lines))
        elif kind == "code":  # never re-wrapped: a line too long for the panel folds at its edge
            parts.append(Text(lines[0], style=STYLES["code"], no_wrap=True, overflow="fold"))
        else:
            parts.append(_marked(Text(lines[0]), marks))
        parts.append(Text(""))
    return Group(*parts[:-1])


def _marked(text: Text, marks: Sequence[str]) -> Text:
    """*text* with every occurrence of the words in *marks* styled as a search match."""
    if marks:
        text.highlight_words(marks, STYLES["match"], case_sensitive=False)
    return text


def _bullets(items: Iterable[Text]) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for item in items:
        grid.add_row(Text("-"), item)
    return grid


def _panel(body: RenderableType, title: str, *, note: str = "", short: str = "", width: int = 80) -> Panel:
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
        title=_title(title, "label"),
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
        _panel(
            _marked(safe(question, STYLES["question"]), marks),
            f"{label(lang, 'question')} {entry.id}",
            note=note,
            short=short,
            width=width,
        ),
        _panel(answer_blocks(answer, marks), label(lang, "answer"), note=note, short=short, width=width),
    ]
    points = entry.points(lang)
    if points:
        panels.append(
            _panel(
                _bullets(safe(p) for p in points),
                label(lang, "key_points"),
                note=label(lang, "derived"),
                short=label(lang, "derived_short"),
                width=width,
            )
        )
    principles = [p for p in (corpus.principle(i) for i in entry.principles) if p]
    if principles:
        panels.append(
            _panel(
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
    return _bullets(rows)


def _facts(entry: Entry, corpus: Corpus, lang: str, related: Sequence[Heading]) -> RenderableType | None:
    """Topics, people, references and related questions, each a label over indented content.

    Stacked rather than side by side, so that 40 columns leave room for the content.
    """
    sections: list[tuple[str, RenderableType]] = []
    topics = [t for t in (corpus.topic(t) for t in entry.topics) if t]
    if topics:
        sections.append(("topics", _joined(_topic_text(t, lang) for t in topics)))
    people = [p for p in (corpus.person(p) for p in entry.people) if p]
    if people:
        sections.append(("people", _joined(safe(p.name) for p in people)))
    if entry.references:
        sections.append(("references", _references(entry, lang)))
    if related:
        sections.append(("related", _numbered((r.id, safe(r.text(lang))) for r in related)))
    if _has_own_source(entry):
        sections.append(("source", safe(_where(entry.source))))
    if not sections:
        return None
    parts: list[RenderableType] = []
    for number, (key, content) in enumerate(sections):
        last = number == len(sections) - 1
        parts += [Text(label(lang, key), style=STYLES["label"]), Padding(content, (0, 0, 0 if last else 1, 2))]
    return Panel(Group(*parts), border_style="blue")


def _numbered(rows: Iterable[tuple[int, Text]]) -> Table:
    """Rows of (question id, text) with the text in a hanging indent."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style=STYLES["id"], justify="right", no_wrap=True)
    grid.add_column()
    for number, text in rows:
        grid.add_row(str(number), text)
    return grid


def _topic_text(topic: Topic, lang: str) -> Text:
    return Text.assemble(safe(topic.name(lang)), " (", safe(topic.id, STYLES["topic"]), ")")


def _joined(items: Iterable[Text], separator: str = ", ") -> Text:
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
    title = safe(corpus.title(lang), style)
    if corpus.title_is_derived():
        title.append(f" ({label(lang, 'derived_title')})", style=STYLES["derived"])
    return title


def content_note(corpus: Corpus, entries: Iterable[Entry], lang: str) -> Text | None:
    """The one note a screen gets when it shows originals in another language than *lang* asks for."""
    if corpus.language == lang or all(entry.translated(lang) for entry in entries):
        return None
    return Text(label(lang, "no_translation"), style=STYLES["derived"])


def source_note(corpus: Corpus, lang: str, entries: Iterable[Entry], width: int = 80) -> RenderableType:
    """Where the shown Q&A comes from and what is known of who answered, said once after the
    questions: 'Source  Webinar, 2021-02-17, TNO & InnovationQuarter', then the attribution (the
    label above the rest below ``NARROW`` columns). A
    title its compilers gave the source is no name of it: shown after a dash, marked. The corpus's
    description of its source shows only when nothing else names it (for a merged corpus it names
    every file, and each question with a file of its own names that file among its facts)."""
    collection = corpus.collection
    provenance = corpus.provenance
    title = corpus.own_title(lang)
    derived = bool(title) and corpus.title_is_derived()
    kind = kind_name(lang, collection.kind) if collection and collection.kind else ""
    if kind and title and not derived:
        named = f"{kind} “{title}”"
    elif title and not derived:
        named = f"“{title}”"
    else:
        named = kind or ("" if derived else corpus.source)
    organizers = " & ".join(collection.organizers) if collection and collection.organizers else ""
    if collection and not organizers:
        organizers = collection.organizer_line
    line = safe(", ".join(part for part in (named, collection.date if collection else "", organizers) if part))
    if derived:
        line.append(" — " if line.plain else "").append_text(corpus_title(corpus, lang))
    whole = in_lang(lang, provenance.source, provenance.source_en)
    if whole and not (kind or title) and not any(_has_own_source(entry) for entry in entries):
        line.append("\n").append_text(safe(whole, STYLES["muted"]))
    attribution = in_lang(lang, provenance.attribution, provenance.attribution_en)
    if attribution:
        line.append("\n").append_text(safe(attribution, STYLES["muted"]))
    if width < NARROW:
        return Text.assemble(Text(label(lang, "source"), style=STYLES["label"]), "\n", line)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style=STYLES["label"], no_wrap=True)
    grid.add_column()
    grid.add_row(label(lang, "source"), line)
    return grid


def _has_own_source(entry: Entry) -> bool:
    return entry.source is not None and any(entry.source)


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

    longest_id = len(str(max(corpus.ids(), default=0)))
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
            Text(question),
            Text(topics, style=STYLES["topic"]),
        )


def _row(id_width: int, question_width: int, topic_width: int, number: Text, text: Text, topics: Text) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=id_width, justify="right", no_wrap=True)
    grid.add_column(width=question_width)
    if topic_width:
        grid.add_column(width=topic_width)
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
        grid.add_column()
        grid.add_row(str(hit.entry.id), _hit_text(hit, lang, explain))
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
            cell.append_text(
                safe(
                    f"  {match.query} → {match.term} ({match.kind} ×{match.weight:g}) +{match.score:.2f}",
                    STYLES["muted"],
                )
            )
    return cell


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


# ---------------------------------------------------------------------------- other listings


def _nothing(lang: str, key: str) -> Text:
    return Text(label(lang, key), style=STYLES["muted"])


def _table(lang: str, columns: Sequence[tuple[str, str, int]]) -> Table:
    """A wide table: (label key, style, ratio) per column."""
    table = Table(expand=True)
    for key, style, ratio in columns:
        table.add_column(label(lang, key), style=style or None, ratio=ratio or None, no_wrap=not ratio)
    return table


def _stacked(rows: Iterable[tuple[Text, Sequence[tuple[str, Text]]]], lang: str) -> RenderableType:
    """Narrow layout: a head line per row, then labelled lines indented below it."""
    parts: list[RenderableType] = []
    for head, details in rows:
        parts.append(head)
        for key, value in details:
            if value.plain:
                line = Text.assemble((label(lang, key) + ": ", STYLES["muted"]), value)
                parts.append(Padding(line, (0, 0, 0, 2)))
        parts.append(Text(""))
    return Group(*parts[:-1])


IDS_SHOWN = 20
"""Question ids a table cell lists; piped and ``--json`` output list every one."""


def _id_list(ids: Sequence[int], lang: str, total: int | None = None) -> str:
    """Question ids for a table cell: all of a few; of many, the first ``IDS_SHOWN`` and how many in all."""
    total = len(ids) if total is None else total
    shown = ", ".join(map(str, ids[:IDS_SHOWN]))
    return shown if total <= IDS_SHOWN else f"{shown}, {label(lang, 'more_ids', total=total)}"


def topics_view(corpus: Corpus, lang: str, width: int = 80) -> RenderableType:
    if not corpus.topics:
        return _nothing(lang, "none_topics")
    rows = []
    for topic in corpus.topics:
        total = len(corpus.members("topic", topic.id))
        ids = _id_list(corpus.topic_question_ids(topic.id, IDS_SHOWN), lang, total)
        aliases = ", ".join(topic.aliases)
        rows.append((topic, ids, aliases))
    if width < NARROW:
        return _stacked(
            (
                (
                    Text.assemble(safe(topic.id, STYLES["topic"]), "  ", safe(topic.name(lang), STYLES["title"])),
                    [("col_questions", Text(ids)), ("col_aliases", safe(aliases, STYLES["muted"]))],
                )
                for topic, ids, aliases in rows
            ),
            lang,
        )
    table = _table(
        lang,
        [
            ("col_key", STYLES["topic"], 0),
            ("col_label", "", 2),
            ("col_questions", "", 2),
            ("col_aliases", STYLES["muted"], 3),
        ],
    )
    for topic, ids, aliases in rows:
        table.add_row(safe(topic.id), safe(topic.name(lang)), ids, safe(aliases))
    return table


def speakers_view(corpus: Corpus, lang: str, width: int = 80) -> RenderableType:
    parts: list[RenderableType] = []
    narrow = width < NARROW
    if corpus.speakers:
        parts.append(_title(label(lang, _speakers_key(corpus))))
        if narrow:
            parts.append(
                _stacked(
                    (
                        (
                            safe(s.name, STYLES["title"]),
                            [("col_role", safe(s.role_in(lang))), ("col_organization", safe(s.organization))],
                        )
                        for s in corpus.speakers
                    ),
                    lang,
                )
            )
        else:
            table = _table(lang, [("col_name", STYLES["title"], 1), ("col_role", "", 1), ("col_organization", "", 1)])
            for s in corpus.speakers:
                table.add_row(safe(s.name), safe(s.role_in(lang)), safe(s.organization))
            parts.append(table)
    attribution = in_lang(lang, corpus.provenance.attribution, corpus.provenance.attribution_en)
    if attribution:
        parts.append(safe(attribution, STYLES["muted"]))
    if corpus.people:
        parts.append(Text(""))
        parts.append(_title(label(lang, "people")))
        if narrow:
            parts.append(
                _stacked(
                    (
                        (
                            safe(p.name, STYLES["title"]),
                            [
                                ("col_questions", Text(_id_list(p.questions, lang))),
                                ("col_note", safe(p.note_in(lang))),
                            ],
                        )
                        for p in corpus.people
                    ),
                    lang,
                )
            )
        else:
            table = _table(
                lang, [("col_name", STYLES["title"], 2), ("col_questions", STYLES["id"], 1), ("col_note", "", 4)]
            )
            for p in corpus.people:
                table.add_row(safe(p.name), _id_list(p.questions, lang), safe(p.note_in(lang)))
            parts.append(table)
    if not parts:
        return _nothing(lang, "none_speakers" if _speakers_key(corpus) == "speakers" else "none_contributors")
    return Group(*parts)


def principles_view(
    principles: Sequence[Principle], corpus: Corpus, lang: str, *, detail: bool, width: int = 80
) -> RenderableType:
    """The principles as a numbered list (the numbers work as names), or one each with its quotes."""
    if not principles:
        return _nothing(lang, "none_principles")
    numbers = {p.id: n for n, p in enumerate(corpus.principles, start=1)}
    if not detail:
        note = Text(label(lang, "derived"), style=STYLES["derived"])
        if width < NARROW:
            return Group(
                _stacked(
                    (
                        (
                            Text.assemble((f"{numbers[p.id]:>2} ", STYLES["id"]), safe(p.name(lang), STYLES["title"])),
                            [
                                ("col_key", safe(p.id, STYLES["topic"])),
                                ("col_questions", Text(_id_list(p.questions, lang))),
                            ],
                        )
                        for p in principles
                    ),
                    lang,
                ),
                Text(""),
                note,
            )
        table = _table(
            lang,
            [
                ("col_id", STYLES["id"], 0),
                ("col_title", STYLES["title"], 3),
                ("col_summary", "", 5),
                ("col_questions", STYLES["id"], 1),
            ],
        )
        table.caption = note
        for p in principles:
            table.add_row(
                str(numbers[p.id]),
                Text.assemble(safe(p.name(lang)), "\n", safe(p.id, STYLES["topic"])),
                safe(p.about(lang)),
                _id_list(p.questions, lang),
            )
        return table
    panels: list[RenderableType] = []
    for p in principles:
        quotes = _numbered((e.question, safe(f"“{e.quote}”", STYLES["quote"])) for e in p.evidence)
        panels.append(
            _panel(
                Group(safe(p.about(lang)), Text(""), Text(label(lang, "evidence"), style=STYLES["label"]), quotes),
                f"{numbers.get(p.id, '?')}. {p.name(lang)} ({p.id})",
                note=label(lang, "principle_note"),
                short=label(lang, "principle_note_short"),
                width=width,
            )
        )
    return Group(*panels)


def info_view(corpus: Corpus, lang: str, width: int = 80) -> RenderableType:
    """What the corpus is (title, date, organisers …), audience, related items, contact and counts,
    each a label over its value."""
    en = lang == "en"
    rows: list[tuple[str, RenderableType]] = []
    collection = corpus.collection

    def name(key: str, translated: bool = False) -> str:
        """Row label; rows shown in English translation say so."""
        return f"{label(lang, key)} {label(lang, 'translated')}" if translated else label(lang, key)

    if collection:
        # A title the corpus's compilers gave it (listed as derived) says so.
        title = in_lang(lang, collection.title, collection.title_en)
        if title:
            derived = (f"  ({label(lang, 'derived_title')})", STYLES["derived"]) if corpus.title_is_derived() else ""
            rows.append((name("title"), Text.assemble(safe(title), derived)))
        if collection.kind and not collection.is_event:  # an event's panel reads as it always did
            rows.append((name("kind"), safe(kind_name(lang, collection.kind))))
        if collection.date:
            rows.append((name("date"), safe(collection.date)))
        if collection.organizer_line or collection.organizers:
            rows.append((name("organizers"), safe(collection.organizer_line or ", ".join(collection.organizers))))
        speakers = [_name_and_role(s, lang) for s in corpus.speakers]
        if speakers:
            rows.append((name(_speakers_key(corpus)), _joined(safe(s) for s in speakers)))
        summary = in_lang(lang, collection.summary, collection.summary_en)
        if summary:
            rows.append((name("summary", en and bool(collection.summary_en)), safe(summary)))
        recording = collection.recording
        if recording:
            text = recording.url or (recording.note_en if en and recording.note_en else recording.note)
            rows.append((name("recording"), safe(text, "" if recording.url else STYLES["missing"])))
        audience = in_lang(lang, collection.audience, collection.audience_en)
        if audience:
            rows.append((name("audience", en and bool(collection.audience_en)), safe(audience)))
        interests = collection.interests_en if en and collection.interests_en else collection.interests
        if interests:
            rows.append((name("interests", en and bool(collection.interests_en)), _bullets(safe(i) for i in interests)))
        if collection.related:
            rows.append((name("related_items"), _bullets(_related(r, lang) for r in collection.related)))
        if collection.contact:
            areas = collection.contact.areas_en if en and collection.contact.areas_en else collection.contact.areas
            rows.append((name("contact"), safe(f"{collection.contact.name} — {', '.join(areas)}")))
    rows.append((name("corpus"), Text(counts(corpus, lang))))
    rows.append((name("file"), safe(corpus.source)))
    parts: list[RenderableType] = []
    for key, value in rows:
        parts += [Text(key, style=STYLES["label"]), Padding(value, (0, 0, 0, 2))]
    note = in_lang(lang, corpus.provenance.derived_note, corpus.provenance.derived_note_en)
    if note:
        parts += [Text(""), safe(note, STYLES["derived"])]
    return Panel(Group(*parts), title=_title("ecoqa info"), title_align="left", border_style="blue")


def _related(item: Related, lang: str) -> Text:
    kind = in_lang(lang, item.kind, item.kind_en)
    text = Text.assemble(
        safe(in_lang(lang, item.title, item.title_en), STYLES["title"]),
        Text(f" ({kind}{', ' + item.date if item.date else ''})", style=STYLES["muted"]),
        "\n",
        safe(in_lang(lang, item.summary, item.summary_en)),
    )
    if not item.url:
        text.append(f"\n[{label(lang, 'no_link')}]", style=STYLES["missing"])
    return text


def _speakers_key(corpus: Corpus) -> str:
    """Those who speak at an event are its speakers; elsewhere they are the collection's contributors."""
    return "speakers" if corpus.collection and corpus.collection.is_event else "contributors"


def counts(corpus: Corpus, lang: str) -> str:
    """'24 vragen, 16 onderwerpen, …': the questions, and whatever else the corpus has."""
    parts = [counted(lang, "n_questions", len(corpus.entries))]
    for key, items in (("n_topics", corpus.topics), ("n_principles", corpus.principles), ("n_people", corpus.people)):
        if items:
            parts.append(counted(lang, key, len(items)))
    return ", ".join(parts)


def _name_and_role(speaker: Speaker, lang: str) -> str:
    """ "Name (role, organisation)", or just the name when the corpus gives neither."""
    details = ", ".join(part for part in (speaker.role_in(lang), speaker.organization) if part)
    return f"{speaker.name} ({details})" if details else speaker.name


def overview(
    corpus: Corpus, lang: str, version: str, examples: Sequence[tuple[str, str]], width: int = 80
) -> RenderableType:
    """What this corpus is and three commands to try on it.

    A command is never cut or folded, so that it works when pasted: where the commands do not fit
    in the panel (a long --data path, a narrow screen), they follow the panel,
    each whole on a line of its own (print with ``crop=False``: the terminal wraps it, softly)."""
    lines: list[RenderableType] = []
    collection = corpus.collection
    if collection:
        details = "  ".join(d for d in (collection.date, " & ".join(collection.organizers)) if d)
        lines.append(Text.assemble(corpus_title(corpus, lang, STYLES["title"]), f"  {details}" if details else ""))
        if collection.kind and not collection.is_event:
            lines.append(Padding(safe(kind_name(lang, collection.kind)), (0, 0, 0, 2)))
        for s in corpus.speakers:  # wrapped lines keep their indent
            lines.append(Padding(safe(s.described(lang)), (0, 0, 0, 2)))
    else:
        lines.append(safe(corpus.source, STYLES["title"]))
    lines += [Text(""), Text(counts(corpus, lang))]
    tried = Text(label(lang, "try"), style=STYLES["label"])
    footer = Text.assemble((label(lang, "all_commands"), STYLES["muted"]), ("ecoqa --help", STYLES["command"]))
    inside = width - 4  # the panel's borders and padding
    longest = max((len(command) for command, _ in examples), default=0)
    if 2 + longest <= inside:  # the comments squeeze, or go where there is no room for them
        grid = Table.grid(padding=(0, 3))
        grid.add_column(style=STYLES["command"], no_wrap=True)
        grid.add_column(style=STYLES["muted"])
        for command, why in examples:
            grid.add_row("  " + command, "# " + why)
        return _overview_panel(version, [*lines, Text(""), tried, grid, Text(""), footer])
    below: list[RenderableType] = [tried]
    for command, why in examples:
        below.append(Text("  " + command, style=STYLES["command"], no_wrap=True, overflow="ignore"))
        below.append(Padding(Text("# " + why, style=STYLES["muted"]), (0, 0, 0, 4)))
    return Group(_overview_panel(version, lines), *below, footer)


def _overview_panel(version: str, lines: list[RenderableType]) -> Panel:
    return Panel(
        Padding(Group(*lines), (0, 1)),
        title=_title(f"ecoqa {version}"),
        title_align="left",
        border_style="blue",
    )


def error_line(message: str) -> Text:
    return Text.assemble(("ecoqa: ", STYLES["error"]), safe(" ".join(message.split())))
