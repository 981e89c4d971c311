"""What commands print for scripts and pipes: ``--json`` payloads, tab-separated rows, and a Q&A
as plain text to paste; stdlib only.

Streamed JSON is yielded in pieces, so that a command can send a 100,000-entry list to a pipe as
it is produced, without holding it all in memory.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from ecoqa.labels import label
from ecoqa.models import Corpus, Entry, Hit, Principle, compact_json, in_lang, plain
from ecoqa.text import blocks, clean_text, item_level, one_line

#: Version of every JSON document ecoqa prints; 2 gave snippets machine field names and totals.
JSON_VERSION = 2
#: ``info --json`` says what the corpus is in ``collection`` (version 2 had a webinar-only ``webinar``).
INFO_JSON_VERSION = 3


def dumps(payload: Any) -> str:
    """JSON that is pure ASCII, so no terminal control byte or odd encoding can reach a pipe."""
    return json.dumps(payload, ensure_ascii=True, allow_nan=False, indent=2) + "\n"


_compact = compact_json


def streamed(head: dict[str, Any], key: str, items: Iterable[Any], tail: dict[str, Any] | None = None) -> Iterator[str]:
    """A JSON object whose list *key* is written item by item (one item per line)."""
    return streamed_text(head, key, map(_compact, items), tail)


def streamed_text(
    head: dict[str, Any], key: str, items: Iterable[str], tail: dict[str, Any] | None = None
) -> Iterator[str]:
    """``streamed`` for items already written as JSON text."""
    opening = _compact({**head, key: []})[:-3]  # '{"version": 2, ..., "key": '
    yield opening + "["
    written = False
    for item in items:
        yield (",\n  " if written else "\n  ") + item
        written = True
    extra = "".join(f", {_compact(k)}: {_compact(v)}" for k, v in (tail or {}).items())
    yield f"{chr(10) if written else ''}]{extra}}}\n"


# ---------------------------------------------------------------------------- JSON payloads


def entry_payload(entry: Entry, corpus: Corpus) -> dict[str, Any]:
    data: dict[str, Any] = plain(entry)
    data["related"] = corpus.related_ids(entry)
    return data


def list_item(entry: Entry) -> dict[str, Any]:
    return {"id": entry.id, "question": entry.question, "question_en": entry.question_en, "topics": list(entry.topics)}


def hit_item(hit: Hit, *, explain: bool) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": hit.entry.id,
        "score": hit.score,
        "question": hit.entry.question,
        "question_en": hit.entry.question_en,
        "topics": list(hit.entry.topics),
        "field": hit.snippet.field if hit.snippet else None,
        "snippet": hit.snippet.text if hit.snippet else None,
        "highlights": [list(span) for span in hit.snippet.spans] if hit.snippet else [],
    }
    if explain:
        item["matches"] = [plain(m) for m in hit.matches]
    return item


def principle_payload(principle: Principle, number: int) -> dict[str, Any]:
    data: dict[str, Any] = {"number": number, **plain(principle)}
    data["questions"] = list(principle.questions)
    data["derived"] = True
    return data


def topics_payload(corpus: Corpus) -> dict[str, Any]:
    topics = [plain(t) | {"questions": corpus.topic_question_ids(t.id)} for t in corpus.topics]
    return {"version": JSON_VERSION, "topics": topics}


def speakers_payload(corpus: Corpus) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "speakers": [plain(s) for s in corpus.speakers],
        "attribution": corpus.provenance.attribution,
        "attribution_en": corpus.provenance.attribution_en,
        "people": [plain(p) for p in corpus.people],
    }


def info_payload(corpus: Corpus) -> dict[str, Any]:
    return {
        "version": INFO_JSON_VERSION,
        "source": corpus.source,
        "collection": plain(corpus.collection) if corpus.collection else None,
        "speakers": [plain(s) for s in corpus.speakers],
        "provenance": plain(corpus.provenance),
        "counts": {
            "questions": len(corpus.entries),
            "topics": len(corpus.topics),
            "principles": len(corpus.principles),
            "people": len(corpus.people),
        },
    }


# ---------------------------------------------------------------------------- tab-separated rows


def tsv(rows: Iterable[Sequence[object]]) -> Iterator[str]:
    """One line per row, fields separated by tabs; text folded onto one line and cleaned, never
    cut (a script gets every question id of a topic, however many)."""
    for row in rows:
        yield "\t".join(one_line(str(field), None) for field in row) + "\n"


def entry_rows(entries: Iterable[Entry], lang: str) -> Iterator[tuple[object, ...]]:
    for entry in entries:
        yield entry.id, entry.text(lang)[0]


def hit_rows(hits: Iterable[Hit], lang: str) -> Iterator[tuple[object, ...]]:
    for hit in hits:
        yield hit.entry.id, f"{hit.score:.2f}", hit.entry.text(lang)[0]


def topic_rows(corpus: Corpus, lang: str) -> Iterator[tuple[object, ...]]:
    for topic in corpus.topics:
        questions = ",".join(map(str, corpus.topic_question_ids(topic.id)))
        yield topic.id, topic.name(lang), questions, ", ".join(topic.aliases)


def speaker_rows(corpus: Corpus, lang: str) -> Iterator[tuple[object, ...]]:
    for s in corpus.speakers:
        yield "speaker", s.name, s.role_in(lang), s.organization
    for p in corpus.people:
        yield "person", p.name, ",".join(map(str, p.questions)), p.note_in(lang)


def principle_rows(principles: Sequence[Principle], corpus: Corpus, lang: str) -> Iterator[tuple[object, ...]]:
    numbers = {p.id: n for n, p in enumerate(corpus.principles, start=1)}
    for p in principles:
        yield numbers.get(p.id, ""), p.id, p.name(lang), ",".join(map(str, p.questions)), p.about(lang)


def info_rows(corpus: Corpus, lang: str) -> Iterator[tuple[object, ...]]:
    webinar = corpus.collection
    if webinar:
        yield "title", corpus.own_title(lang)  # a corpus without one has none (its file is the last row)
        if corpus.title_is_derived():
            yield "title_derived", label(lang, "derived_title")
        if webinar.kind and not webinar.is_event:  # an event's rows read as they always did
            yield "kind", webinar.kind
        yield "date", webinar.date
        yield "organizers", webinar.organizers_in(lang, corpus.language)
        yield "summary", in_lang(lang, webinar.summary, webinar.summary_en)
    if corpus.language:
        yield "language", corpus.language
    yield "questions", len(corpus.entries)
    yield "topics", len(corpus.topics)
    yield "principles", len(corpus.principles)
    yield "file", corpus.source


def plain_entry(entry: Entry, lang: str) -> str:
    """One Q&A as clean text to paste into a message: question, answer, list items kept."""
    question, answer = entry.text(lang)
    parts = [f"{entry.id}. {clean_text(question)}", ""]
    for kind, lines in blocks(answer):
        parts += [item_line(line, str) for line in lines] if kind == "list" else ["\n".join(lines)]  # code as written
        parts.append("")
    return "\n".join(parts)


def item_line(item: str, escaped: Callable[[str], str]) -> str:
    """A list item as a Markdown line: "- " and its text, two spaces a level when nested."""
    depth, text = item_level(item)
    return "  " * depth + "- " + escaped(text)
