"""Turn models into rich renderables. Corpus text only ever enters rich as ``Text``.

Nothing here prints: the CLI prints what these functions return. Text is cleaned once more
here, because a renderer must be safe whatever model it is handed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ecoqa.models import Corpus, Entry, Hit, Principle, Topic
from ecoqa.text import clean_text

#: Every style in one place.
STYLES = {
    "id": "bold cyan",
    "title": "bold",
    "question": "bold",
    "label": "bold magenta",
    "derived": "italic yellow",
    "muted": "dim",
    "match": "bold black on yellow",
    "score": "green",
    "topic": "cyan",
    "error": "bold red",
    "command": "green",
    "missing": "italic red",
}

LABELS = {
    "nl": {
        "question": "Vraag",
        "answer": "Antwoord",
        "key_points": "Kernpunten",
        "principles": "Principes",
        "topics": "Onderwerpen",
        "people": "Genoemde personen",
        "references": "Verwijzingen",
        "related": "Gerelateerde vragen",
        "source": "Bron",
        "derived": "afgeleid, geen citaat",
        "translation": "",
        "link_missing": "link staat niet in de bron",
        "no_link": "geen link in de bron",
        "principle_note": "principes afgeleid; citaten letterlijk",
        "derived_title": "titel afgeleid, niet letterlijk van de pagina",
    },
    "en": {
        "question": "Question",
        "answer": "Answer",
        "key_points": "Key points",
        "principles": "Principles",
        "topics": "Topics",
        "people": "People mentioned",
        "references": "References",
        "related": "Related questions",
        "source": "Source",
        "derived": "derived, not a quote",
        "translation": "English translation of the Dutch original (derived)",
        "link_missing": "the link is not in the source",
        "no_link": "no link in the source",
        "principle_note": "principles derived; quotes verbatim from the Dutch answer",
        "derived_title": "title derived, not verbatim from the page",
    },
}


def safe(value: str, style: str = "") -> Text:
    """Data as ``Text``: never parsed as markup or emoji, control characters made visible."""
    return Text(clean_text(value), style=style)


def _label(lang: str, key: str) -> str:
    return LABELS.get(lang, LABELS["en"])[key]


def _title(text: str, style: str = "title") -> Text:
    return Text(text, style=STYLES[style])


def _blocks(text: str) -> RenderableType:
    """Paragraphs and "- " bullet lists of an answer, lists with a hanging indent."""
    parts: list[RenderableType] = []
    for block in clean_text(text).split("\n\n"):
        lines = block.split("\n")
        if all(line.startswith("- ") for line in lines):
            grid = Table.grid(padding=(0, 1))
            grid.add_column(no_wrap=True)
            grid.add_column()
            for line in lines:
                grid.add_row(Text("-"), Text(line[2:]))
            parts.append(grid)
        else:
            parts.append(Text(block))
        parts.append(Text(""))
    return Group(*parts[:-1])


def _bullets(items: Iterable[Text]) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for item in items:
        grid.add_row(Text("-"), item)
    return grid


def _panel(body: RenderableType, title: str, *, subtitle: str = "", style: str = "") -> Panel:
    return Panel(
        body,
        title=_title(title, "label"),
        title_align="left",
        subtitle=Text(subtitle, style=STYLES["derived"]) if subtitle else None,
        subtitle_align="right",
        border_style=style or "blue",
    )


# ---------------------------------------------------------------------------- one entry


def entry_view(entry: Entry, corpus: Corpus, lang: str, related: Sequence[Entry]) -> RenderableType:
    """Every section of one Q&A as panels."""
    question, answer = entry.text(lang)
    translated = lang == "en" and bool(entry.question_en and entry.answer_en)
    note = _label(lang, "translation") if translated else ""
    panels: list[RenderableType] = [
        _panel(safe(question, STYLES["question"]), f"{_label(lang, 'question')} {entry.id}", subtitle=note),
        _panel(_blocks(answer), _label(lang, "answer"), subtitle=note),
    ]
    points = entry.points(lang)
    if points:
        panels.append(
            _panel(_bullets(safe(p) for p in points), _label(lang, "key_points"), subtitle=_label(lang, "derived"))
        )
    principles = [p for p in (corpus.principle(i) for i in entry.principles) if p]
    if principles:
        panels.append(
            _panel(
                _principle_lines(principles, entry.id, lang),
                _label(lang, "principles"),
                subtitle=_label(lang, "principle_note"),  # the quotes in this panel are verbatim
            )
        )
    extras = _facts(entry, corpus, lang, related)
    if extras:
        panels.append(extras)
    panels.append(_panel(_source(corpus, lang), _label(lang, "source"), style="dim"))
    return Group(*panels)


def _principle_lines(principles: Sequence[Principle], entry_id: int, lang: str) -> RenderableType:
    rows: list[Text] = []
    for principle in principles:
        line = Text.assemble(
            safe(principle.name(lang), STYLES["title"]), " (", safe(principle.id, STYLES["topic"]), ")"
        )
        for evidence in principle.evidence:
            if evidence.question == entry_id:
                line.append("\n")
                line.append_text(safe(f"“{evidence.quote}”", STYLES["muted"]))
        rows.append(line)
    return _bullets(rows)


def _facts(entry: Entry, corpus: Corpus, lang: str, related: Sequence[Entry]) -> RenderableType | None:
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
        sections.append(("related", _numbered((r.id, safe(r.text(lang)[0])) for r in related)))
    if not sections:
        return None
    parts: list[RenderableType] = []
    for key, content in sections:
        parts += [Text(_label(lang, key), style=STYLES["label"]), Padding(content, (0, 0, 1, 2))]
    return Panel(Group(*parts[:-1], Padding(content, (0, 0, 0, 2))), border_style="blue")


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
        note = ref.note_en if lang == "en" and ref.note_en else ref.note
        if note:
            line.append_text(Text(" — ")).append_text(safe(note, STYLES["muted"]))
        if ref.url:
            line.append_text(Text(" ")).append_text(safe(ref.url, "underline"))
        elif ref.link_missing:
            line.append(f" [{_label(lang, 'link_missing')}]", style=STYLES["missing"])
        lines.append(line)
    return Text("\n").join(lines)


def _source(corpus: Corpus, lang: str) -> Text:
    webinar = corpus.webinar
    if webinar is None:
        return safe(corpus.source or "")
    organizers = " & ".join(webinar.organizers)
    line = safe(f"Webinar “{webinar.title}”, {webinar.date}, {organizers}")
    attribution = corpus.attribution_en if lang == "en" and corpus.attribution_en else corpus.attribution
    if attribution:
        line.append("\n").append_text(safe(attribution, STYLES["muted"]))
    return line


# ---------------------------------------------------------------------------- lists


def entries_table(entries: Sequence[Entry], corpus: Corpus, lang: str, *, width: int = 80) -> Table:
    """Id, question and (from 60 columns up) topics."""
    table = Table(show_lines=False, expand=True)
    table.add_column("#", style=STYLES["id"], justify="right", no_wrap=True)
    table.add_column(_label(lang, "question"), ratio=3)
    if width >= 60 and any(e.topics for e in entries):
        table.add_column(_label(lang, "topics"), style=STYLES["topic"], ratio=1)
    for entry in entries:
        row: list[RenderableType] = [str(entry.id), safe(entry.text(lang)[0])]
        if len(table.columns) == 3:
            row.append(safe(", ".join(entry.topics)))
        table.add_row(*row)
    return table


def hits_table(hits: Sequence[Hit], lang: str, *, explain: bool = False) -> Table:
    table = Table(expand=True)
    table.add_column("#", style=STYLES["id"], justify="right", no_wrap=True)
    table.add_column("score", style=STYLES["score"], justify="right", no_wrap=True)
    table.add_column(_label(lang, "question") + " / match")
    for hit in hits:
        cell = _hit_text(hit, lang)
        if explain:
            for match in hit.matches:
                cell.append("\n")
                cell.append_text(
                    safe(
                        f"  {match.query} → {match.term} ({match.kind} ×{match.weight:g}) +{match.score:.2f}",
                        STYLES["muted"],
                    )
                )
        table.add_row(str(hit.entry.id), f"{hit.score:.2f}", cell)
    return table


def _hit_text(hit: Hit, lang: str) -> Text:
    """The question, and the matched passage below it unless the passage is in the question."""
    question = hit.entry.text(lang)[0]
    snippet = hit.snippet
    if snippet is None:
        return safe(question, STYLES["question"])
    at = question.find(snippet.text)
    if at >= 0 and snippet.text:
        cell = highlighted(question, [(s + at, e + at) for s, e in snippet.spans])
        cell.stylize(STYLES["question"])
        cell.append(f"\n{snippet.field}", style=STYLES["muted"])
        return cell
    cell = safe(question, STYLES["question"])
    cell.append(f"\n{snippet.field}: ", style=STYLES["muted"])
    cell.append_text(highlighted(snippet.text, snippet.spans))
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


def _nothing(what: str) -> Text:
    return Text(f"This corpus has no {what}.", style=STYLES["muted"])


def topics_table(corpus: Corpus, lang: str) -> RenderableType:
    if not corpus.topics:
        return _nothing("topics")
    table = Table(expand=True)
    table.add_column("id", style=STYLES["topic"], no_wrap=True)
    table.add_column("label", ratio=2)
    table.add_column("questions", ratio=1, min_width=9)
    table.add_column("aliases", style=STYLES["muted"], ratio=3)
    for topic in corpus.topics:
        ids = [str(e.id) for e in corpus.entries if topic.id in e.topics]
        table.add_row(safe(topic.id), safe(topic.name(lang)), ", ".join(ids), safe(", ".join(topic.aliases)))
    return table


def speakers_view(corpus: Corpus, lang: str) -> RenderableType:
    parts: list[RenderableType] = []
    speakers = Table(title=_title("Speakers" if lang == "en" else "Sprekers"), expand=True)
    for column in ("name", "role", "organization"):
        speakers.add_column(column)
    for s in corpus.speakers:
        speakers.add_row(
            safe(s.name, STYLES["title"]),
            safe(s.role_en if lang == "en" and s.role_en else s.role),
            safe(s.organization),
        )
    if corpus.speakers:
        parts.append(speakers)
    attribution = corpus.attribution_en if lang == "en" and corpus.attribution_en else corpus.attribution
    if attribution:
        parts.append(safe(attribution, STYLES["muted"]))
    people = Table(title=_title(_label(lang, "people")), expand=True)
    people.add_column("name")
    people.add_column("questions", style=STYLES["id"])
    people.add_column("note")
    for p in corpus.people:
        people.add_row(
            safe(p.name, STYLES["title"]),
            ", ".join(map(str, p.questions)),
            safe(p.note_en if lang == "en" and p.note_en else p.note),
        )
    if corpus.people:
        parts.append(people)
    if not parts:
        parts.append(_nothing("speakers and no people"))
    return Group(*parts)


def principles_view(principles: Sequence[Principle], corpus: Corpus, lang: str, *, detail: bool) -> RenderableType:
    if not principles:
        return _nothing("principles")
    if not detail:
        table = Table(expand=True, caption=Text(_label(lang, "derived"), style=STYLES["derived"]))
        table.add_column("id", style=STYLES["topic"], no_wrap=True)
        table.add_column("title")
        table.add_column("questions", style=STYLES["id"])
        for p in principles:
            table.add_row(safe(p.id), safe(p.name(lang)), ", ".join(map(str, p.questions)))
        return table
    panels: list[RenderableType] = []
    for p in principles:
        quotes = _numbered((e.question, safe(f"“{e.quote}”", STYLES["muted"])) for e in p.evidence)
        panels.append(
            _panel(
                Group(safe(p.about(lang)), Text(""), quotes),
                f"{p.name(lang)} ({p.id})",
                subtitle=_label(lang, "principle_note"),
            )
        )
    return Group(*panels)


def info_view(corpus: Corpus, lang: str) -> RenderableType:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style=STYLES["label"], no_wrap=True)
    grid.add_column()
    webinar = corpus.webinar
    en = lang == "en"

    def tr(label: str) -> str:
        """Row label; English rows are translations of the Dutch page."""
        return f"{label}\n(translated)" if en else label

    if webinar:
        # The page names the webinar by its subject only; the title is the corpus's, so say so.
        grid.add_row(
            "title", Text.assemble(safe(webinar.title), (f"  ({_label(lang, 'derived_title')})", STYLES["derived"]))
        )
        grid.add_row("date", safe(webinar.date))
        grid.add_row("organizers", safe(", ".join(webinar.organizers)))
        grid.add_row(
            "speakers",
            _joined(
                safe(f"{s.name} ({s.role_en if en and s.role_en else s.role}, {s.organization})")
                for s in corpus.speakers
            ),
        )
        grid.add_row(tr("summary"), safe(webinar.summary_en if en and webinar.summary_en else webinar.summary))
        recording = webinar.recording_note_en if en and webinar.recording_note_en else webinar.recording_note
        if recording:
            grid.add_row("recording", safe(recording, STYLES["missing"]))
        grid.add_row(tr("audience"), safe(webinar.audience_en if en and webinar.audience_en else webinar.audience))
        interests = webinar.interests_en if en and webinar.interests_en else webinar.interests
        grid.add_row(tr("interests"), _bullets(safe(i) for i in interests))
        related = [
            Text.assemble(
                safe(r.title_en if en and r.title_en else r.title, STYLES["title"]),
                Text(f" ({r.kind}{', ' + r.date if r.date else ''})", style=STYLES["muted"]),
                "\n",
                safe(r.summary_en if en and r.summary_en else r.summary),
                Text(f"\n[{_label(lang, 'no_link')}]", style=STYLES["missing"]) if not r.url else "",
            )
            for r in webinar.related
        ]
        grid.add_row(tr("related"), _bullets(related))
        if webinar.contact:
            areas = webinar.contact.areas_en if en and webinar.contact.areas_en else webinar.contact.areas
            grid.add_row("contact", safe(f"{webinar.contact.name} — {', '.join(areas)}"))
    grid.add_row("corpus", Text(_counts(corpus)))
    grid.add_row("file", safe(corpus.source))
    note = corpus.derived_note_en if en and corpus.derived_note_en else corpus.derived_note
    body: list[RenderableType] = [grid]
    if note:
        body += [Text(""), safe(note, STYLES["derived"])]
    return Panel(Group(*body), title=_title("ecoqa info"), title_align="left", border_style="blue")


def _counts(corpus: Corpus) -> str:
    return (
        f"{len(corpus.entries)} questions, {len(corpus.topics)} topics, "
        f"{len(corpus.principles)} principles, {len(corpus.people)} people mentioned"
    )


def overview(corpus: Corpus, lang: str, version: str) -> RenderableType:
    lines: list[Text] = []
    webinar = corpus.webinar
    if webinar:
        lines.append(
            Text.assemble(
                safe(webinar.title, STYLES["title"]), f"  {webinar.date}  ", safe(" & ".join(webinar.organizers))
            )
        )
        for s in corpus.speakers:
            lines.append(safe(f"  {s.name}, {s.role_en if lang == 'en' and s.role_en else s.role}, {s.organization}"))
    else:
        lines.append(safe(corpus.source, STYLES["title"]))
    lines.append(Text(""))
    lines.append(Text(_counts(corpus)))
    lines.append(Text(""))
    lines.append(Text("Try:", style=STYLES["label"]))
    for command, why in (
        ("ecoqa search financing", "English words find Dutch answers"),
        ("ecoqa show 10", "one Q&A as panels (add --lang en)"),
        ("ecoqa list --topic mkb", "questions on a topic"),
    ):
        lines.append(Text.assemble(("  " + command, STYLES["command"]), (f"   # {why}", STYLES["muted"])))
    lines.append(Text.assemble(("\nAll commands: ", STYLES["muted"]), ("ecoqa --help", STYLES["command"])))
    return Panel(
        Padding(Group(*lines), (0, 1)), title=_title(f"ecoqa {version}"), title_align="left", border_style="blue"
    )


def error_line(message: str) -> Text:
    return Text.assemble(("ecoqa: ", STYLES["error"]), safe(" ".join(message.split())))
