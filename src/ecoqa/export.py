"""Plain data for ``--json`` and documents for ``ecoqa export`` (Markdown, HTML); stdlib only."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any

from ecoqa.models import Corpus, Entry, Hit, Principle, plain
from ecoqa.text import clean_text

JSON_VERSION = 1


def dumps(payload: Any) -> str:
    """JSON that is pure ASCII, so no terminal control byte or odd encoding can reach a pipe."""
    return json.dumps(payload, ensure_ascii=True, allow_nan=False, indent=2) + "\n"


def entry_payload(entry: Entry, corpus: Corpus) -> dict[str, Any]:
    data: dict[str, Any] = plain(entry)
    data["related"] = [e.id for e in corpus.related(entry)]
    return data


def list_payload(entries: Sequence[Entry]) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "results": [
            {"id": e.id, "question": e.question, "question_en": e.question_en, "topics": list(e.topics)}
            for e in entries
        ],
    }


def hits_payload(query: str, hits: Sequence[Hit], suggestions: Sequence[str], *, explain: bool) -> dict[str, Any]:
    results = []
    for hit in hits:
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
        results.append(item)
    return {"version": JSON_VERSION, "query": query, "results": results, "suggestions": list(suggestions)}


def principle_payload(principle: Principle) -> dict[str, Any]:
    data: dict[str, Any] = plain(principle)
    data["questions"] = list(principle.questions)
    data["derived"] = True
    return data


def topics_payload(corpus: Corpus) -> dict[str, Any]:
    topics = [plain(t) | {"questions": [e.id for e in corpus.entries if t.id in e.topics]} for t in corpus.topics]
    return {"version": JSON_VERSION, "topics": topics}


def speakers_payload(corpus: Corpus) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "speakers": [plain(s) for s in corpus.speakers],
        "attribution": corpus.attribution,
        "people": [plain(p) for p in corpus.people],
    }


def info_payload(corpus: Corpus) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "source": corpus.source,
        "webinar": plain(corpus.webinar) if corpus.webinar else None,
        "speakers": [plain(s) for s in corpus.speakers],
        "attribution": corpus.attribution,
        "derived_note": corpus.derived_note,
        "counts": {
            "questions": len(corpus.entries),
            "topics": len(corpus.topics),
            "principles": len(corpus.principles),
            "people": len(corpus.people),
        },
    }


def corpus_payload(entries: Sequence[Entry], corpus: Corpus) -> dict[str, Any]:
    data = info_payload(corpus)
    data["results"] = [entry_payload(e, corpus) for e in entries]
    return data


# ---------------------------------------------------------------------------- documents

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]<>#|!"})


def _md(text: str) -> str:
    """Markdown-escape data so it shows literally in any renderer."""
    return clean_text(text).translate(_MD_SPECIAL)


def _md_answer(text: str) -> str:
    blocks = []
    for block in clean_text(text).split("\n\n"):
        lines = block.split("\n")
        if all(line.startswith("- ") for line in lines):
            blocks.append("\n".join("- " + _md(line[2:]) for line in lines))
        else:
            blocks.append(_md(block))
    return "\n\n".join(blocks)


def _labels(lang: str) -> dict[str, str]:
    if lang == "en":
        return {
            "q": "Question",
            "a": "Answer",
            "k": "Key points (derived)",
            "t": "Topics",
            "p": "Principles (derived)",
            "r": "References",
            "n": "English translation of the Dutch original (derived)",
            "missing": "link not in the source",
        }
    return {
        "q": "Vraag",
        "a": "Antwoord",
        "k": "Kernpunten (afgeleid)",
        "t": "Onderwerpen",
        "p": "Principes (afgeleid)",
        "r": "Verwijzingen",
        "n": "",
        "missing": "link staat niet in de bron",
    }


def _title(corpus: Corpus) -> str:
    if corpus.webinar:
        return f"{corpus.webinar.title} ({corpus.webinar.date}, {' & '.join(corpus.webinar.organizers)})"
    return corpus.source or "ecoqa corpus"


def to_markdown(entries: Sequence[Entry], corpus: Corpus, lang: str) -> str:
    labels = _labels(lang)
    out = [f"# {_md(_title(corpus))}", ""]
    if lang == "en":
        out += [f"_{labels['n']}_", ""]
    for entry in entries:
        question, answer = entry.text(lang)
        out += [f"## {entry.id}. {_md(question)}", "", _md_answer(answer), ""]
        points = entry.points(lang)
        if points:
            out += [f"**{labels['k']}**", ""] + [f"- {_md(p)}" for p in points] + [""]
        topics = [corpus.topic(t) for t in entry.topics]
        if any(topics):
            out += [f"**{labels['t']}:** " + ", ".join(_md(t.name(lang)) for t in topics if t), ""]
        principles = [corpus.principle(p) for p in entry.principles]
        if any(principles):
            out += [f"**{labels['p']}:** " + ", ".join(_md(p.name(lang)) for p in principles if p), ""]
        if entry.references:
            out += [f"**{labels['r']}**", ""]
            for ref in entry.references:
                suffix = f" ({labels['missing']})" if ref.link_missing else ""
                out.append(f"- {_md(ref.name)}{suffix}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


_CSS = """body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-top:1px solid #ddd;padding-top:1rem}
.derived{color:#8a6d00;font-style:italic}.topics{color:#036}.missing{color:#a00;font-style:italic}"""


def _h(text: str) -> str:
    return html.escape(clean_text(text), quote=True)


def _html_answer(text: str) -> str:
    parts = []
    for block in clean_text(text).split("\n\n"):
        lines = block.split("\n")
        if all(line.startswith("- ") for line in lines):
            parts.append("<ul>" + "".join(f"<li>{_h(line[2:])}</li>" for line in lines) + "</ul>")
        else:
            parts.append(f"<p>{_h(block)}</p>")
    return "\n".join(parts)


def to_html(entries: Sequence[Entry], corpus: Corpus, lang: str) -> str:
    """A self-contained page: inline CSS, no scripts, no external assets; all data escaped."""
    labels = _labels(lang)
    body = [f"<h1>{_h(_title(corpus))}</h1>"]
    if lang == "en":
        body.append(f'<p class="derived">{_h(labels["n"])}</p>')
    for entry in entries:
        question, answer = entry.text(lang)
        body.append(f'<section id="q{entry.id}"><h2>{entry.id}. {_h(question)}</h2>')
        body.append(_html_answer(answer))
        points = entry.points(lang)
        if points:
            body.append(
                f'<p class="derived">{_h(labels["k"])}</p><ul>' + "".join(f"<li>{_h(p)}</li>" for p in points) + "</ul>"
            )
        topics = [t for t in (corpus.topic(t) for t in entry.topics) if t]
        if topics:
            body.append(f'<p class="topics">{_h(labels["t"])}: ' + ", ".join(_h(t.name(lang)) for t in topics) + "</p>")
        principles = [p for p in (corpus.principle(p) for p in entry.principles) if p]
        if principles:
            body.append(
                f'<p class="derived">{_h(labels["p"])}: ' + ", ".join(_h(p.name(lang)) for p in principles) + "</p>"
            )
        if entry.references:
            items = "".join(
                f"<li>{_h(r.name)}"
                + (f' <span class="missing">({_h(labels["missing"])})</span>' if r.link_missing else "")
                + "</li>"
                for r in entry.references
            )
            body.append(f"<p>{_h(labels['r'])}</p><ul>{items}</ul>")
        body.append("</section>")
    return (
        f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "nl"}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_h(_title(corpus))}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
