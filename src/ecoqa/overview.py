"""Rich views of a corpus as a whole: the overview, its topics, speakers, principles and what it
is (``info``). Built from ``ecoqa.render``'s pieces, under the same rules: corpus text enters rich
only as ``Text``, every interface word comes from ``ecoqa.labels``, and below ``NARROW`` columns
tables stack their columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ecoqa.labels import counted, kind_name, label
from ecoqa.models import Corpus, Principle, Related, Speaker, in_lang, kind_named_in
from ecoqa.render import NARROW, STYLES, Hanging, bullets, corpus_title, joined, numbered, panel, safe, titled


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
        parts.append(Hanging(head, indent=4))  # deeper than its details below
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
        total = len(corpus.entries.members("topic", topic.id))
        ids = _id_list(corpus.topic_question_ids(topic.id, IDS_SHOWN), lang, total)
        aliases = ", ".join(topic.aliases)
        rows.append((topic, ids, aliases))
    aliased = any(aliases for _, _, aliases in rows)  # no empty column when no topic has other names
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
    columns = [("col_key", STYLES["topic"], 0), ("col_label", "", 2), ("col_questions", "", 2)]
    table = _table(lang, [*columns, ("col_aliases", STYLES["muted"], 3)] if aliased else columns)
    for topic, ids, aliases in rows:
        table.add_row(safe(topic.id), safe(topic.name(lang)), ids, *([safe(aliases)] if aliased else []))
    return table


def speakers_view(corpus: Corpus, lang: str, width: int = 80) -> RenderableType:
    parts: list[RenderableType] = []
    narrow = width < NARROW
    if corpus.speakers:
        parts.append(titled(label(lang, _speakers_key(corpus))))
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
        parts.append(titled(label(lang, "people")))
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
        quotes = numbered((e.question, safe(f"“{e.quote}”", STYLES["quote"])) for e in p.evidence)
        panels.append(
            panel(
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
            rows.append((name("organizers"), safe(collection.organizers_in(lang, corpus.language))))
        speakers = [_name_and_role(s, lang) for s in corpus.speakers]
        if speakers:
            rows.append((name(_speakers_key(corpus)).lower(), joined(safe(s) for s in speakers)))  # as its neighbours
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
            rows.append((name("interests", en and bool(collection.interests_en)), bullets(safe(i) for i in interests)))
        if collection.related:
            rows.append((name("related_items"), bullets(_related(r, lang) for r in collection.related)))
        if collection.contact:
            areas = collection.contact.areas_en if en and collection.contact.areas_en else collection.contact.areas
            rows.append((name("contact"), safe(f"{collection.contact.name} — {', '.join(areas)}")))
    if corpus.language:  # as a code (nl, en, ja, und), the one --lang and ECOQA_LANG take
        rows.append((name("language"), safe(corpus.language)))
    rows.append((name("corpus"), Text(counts(corpus, lang))))
    rows.append((name("file"), safe(corpus.source)))
    parts: list[RenderableType] = []
    for key, value in rows:
        parts += [Text(key, style=STYLES["label"]), Padding(value, (0, 0, 0, 2))]
    note = in_lang(lang, corpus.provenance.derived_note, corpus.provenance.derived_note_en)
    if note:
        parts += [Text(""), safe(note, STYLES["derived"])]
    return Panel(Group(*parts), title=titled("ecoqa info"), title_align="left", border_style="blue")


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
        kind = kind_name(lang, collection.kind) if collection.kind and not collection.is_event else ""
        title = corpus_title(corpus, lang).plain
        if kind and kind.casefold() != title.casefold() and kind_named_in(title) != collection.kind:
            # not 'FAQ' under 'FAQ', 'WeeChat FAQ' or 'Frequently Asked Questions'
            lines.append(Padding(safe(kind), (0, 0, 0, 2)))
        for s in corpus.speakers:  # wrapped lines keep their indent
            lines.append(Padding(safe(s.described(lang)), (0, 0, 0, 2)))
    else:
        lines.append(safe(corpus.source, STYLES["title"]))
    lines += [Text(""), Text(counts(corpus, lang))]
    tried = Text(label(lang, "try"), style=STYLES["label"])
    footer = Text.assemble((label(lang, "all_commands"), STYLES["muted"]), ("ecoqa --help", STYLES["command"]))
    inside = width - 6  # the panel's borders, its padding and the lines' own
    longest = max((len(command) for command, _ in examples), default=0)
    widest = max((cell_len("# " + why) for _, why in examples), default=0)
    if 2 + longest + 3 + widest <= inside:  # each comment beside its command, on one line
        grid = Table.grid(padding=(0, 3))
        grid.add_column(style=STYLES["command"], no_wrap=True)
        grid.add_column(style=STYLES["muted"])
        for command, why in examples:
            grid.add_row("  " + command, "# " + why)
        return _overview_panel(version, [*lines, Text(""), tried, grid, Text(""), footer])
    if 2 + longest <= inside:  # a comment that would fold goes whole on the line under its command
        rows: list[RenderableType] = []
        for command, why in examples:
            rows.append(Text("  " + command, style=STYLES["command"], no_wrap=True))
            rows.append(Padding(Text("# " + why, style=STYLES["muted"]), (0, 0, 0, 4)))
        return _overview_panel(version, [*lines, Text(""), tried, *rows, Text(""), footer])
    below: list[RenderableType] = [tried]
    for command, why in examples:
        below.append(Text("  " + command, style=STYLES["command"], no_wrap=True, overflow="ignore"))
        below.append(Padding(Text("# " + why, style=STYLES["muted"]), (0, 0, 0, 4)))
    return Group(_overview_panel(version, lines), *below, footer)


def _overview_panel(version: str, lines: list[RenderableType]) -> Panel:
    return Panel(
        Padding(Group(*lines), (0, 1)),
        title=titled(f"ecoqa {version}"),
        title_align="left",
        border_style="blue",
    )
