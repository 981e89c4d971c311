"""Merge the sources read into one corpus document that ``validate`` accepts, and say what was found."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from ecoqa.importing import meta
from ecoqa.importing.blocks import compose, looks_like_heading
from ecoqa.importing.pairs import Pair
from ecoqa.importing.sources import KINDS, Source
from ecoqa.models import MAX_ID
from ecoqa.text import clean_text, fold, one_line


@dataclass
class Built:
    document: dict[str, Any]
    notes: list[str]


def build(
    sources: list[Source], *, title: str | None, lang: str | None, version: str, base_url: str | None = None
) -> Built:
    """One corpus document from the sources, in order, with notes on what was guessed or repeated."""
    notes = [w for s in sources for w in s.warnings]
    unresolved = Counter[str]()
    entries = [(s, pair) for s in sources for pair in s.found.pairs]
    ids = _ids([pair for _, pair in entries], len(sources))
    if len(sources) > 1 and any(p.number for _, p in entries):
        notes.append(f"questions renumbered 1 to {len(entries)} in the order of the sources")
    notes.extend(_duplicates(entries, ids))
    language = lang or meta.language(" ".join(p.question + " " + p.answer for _, p in entries[:2000]))
    webinar, speakers, derived = _webinar(sources, title, language)
    questions = [
        _question(entry_id, source, pair, base_url or source.base, unresolved)
        for entry_id, (source, pair) in zip(ids, entries, strict=True)
    ]
    for name, count in unresolved.items():
        notes.append(
            f"{name}: {count} relative link{'s' if count != 1 else ''} could not be resolved (the page does not "
            "say its address); pass --base-url URL to keep them as references"
        )
    document: dict[str, Any] = {
        "schema_version": 1,
        "provenance": _provenance(sources, version, derived),
        "webinar": webinar,
    }
    if speakers:
        document["speakers"] = speakers
    topics = dict.fromkeys(t for _, p in entries for t in p.topics)
    if topics:
        document["topics"] = [{"id": meta.slug(t), "label": t} for t in topics]
    if language == "nl":
        glossary = _glossary(questions)
        if glossary:
            document["glossary"] = glossary
    document["questions"] = questions
    return Built(document, notes)


def _ids(pairs: list[Pair], sources: int) -> list[int]:
    """The page's own numbers when one source numbers every question uniquely, else 1..N."""
    numbers = [p.number for p in pairs]
    usable = all(n is not None and 0 < n <= MAX_ID for n in numbers)  # <li value="-5">, <ol start="3000000000">
    if sources == 1 and usable and len(set(numbers)) == len(numbers):
        return [n for n in numbers if n]
    return list(range(1, len(pairs) + 1))


def _duplicates(entries: list[tuple[Source, Pair]], ids: list[int]) -> list[str]:
    seen: dict[str, tuple[int, str]] = {}
    notes = []
    for entry_id, (source, pair) in zip(ids, entries, strict=True):
        key = " ".join(re.findall(r"\w+", fold(pair.question)))
        if key in seen:
            first, where = seen[key]
            notes.append(f"question {entry_id} ({source.name}) repeats question {first} ({where})")
        else:
            seen[key] = (entry_id, source.name)
    return notes


def _question(entry_id: int, source: Source, pair: Pair, base: str | None, unresolved: Counter[str]) -> dict[str, Any]:
    question: dict[str, Any] = {"id": entry_id, "question": pair.question, "answer": pair.answer}
    if pair.topics:
        question["topics"] = [meta.slug(t) for t in dict.fromkeys(pair.topics)]
    references = {}
    for link in pair.references:
        url = resolve(link.url, base)
        if url is None and not urlsplit(link.url).scheme:
            unresolved[source.name] += 1
        if url is not None and url not in references:
            references[url] = link.text
    if references:
        question["references"] = [{"name": text, "url": url} for url, text in references.items()]
    page = web_address(source.url) if source.url else None
    question["source"] = {"file": Path(source.name).name, **({"url": page} if page else {})}
    return question


def resolve(href: str, base: str | None) -> str | None:
    """A link as the corpus keeps it (``web_address``), a relative one resolved against *base*;
    None for a relative link without a base, and for mailto: or javascript: links (no references)."""
    href = href.strip()
    if not urlsplit(href).scheme:
        if not base or urlsplit(base).scheme.lower() not in ("http", "https"):
            return None
        href = urljoin(base, href)
    return web_address(href)


def web_address(url: str) -> str | None:
    """*url* as a corpus keeps it: an http(s) address in printable ASCII, as a browser sends it
    (a non-ASCII host in IDNA, spaces, quotes, angle brackets and other letters percent-encoded);
    None for any other scheme (``mailto:``, ``javascript:``) or an address that cannot be one."""
    from urllib.parse import quote, urlunsplit

    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port is not None else ""
        ascii_host = host.encode("idna").decode("ascii") if host and not host.isascii() else host
    except (ValueError, UnicodeError):  # a port that is not a number, a host IDNA cannot spell
        return None
    if parts.scheme.lower() not in ("http", "https") or not ascii_host:
        return None
    if ":" in ascii_host:
        ascii_host = f"[{ascii_host}]"  # an IPv6 address
    user = f"{quote(parts.username or '', safe='')}@" if parts.username else ""
    keep = "!$&'()*+,;=:@/%~-._"
    return urlunsplit(
        (
            parts.scheme.lower(),
            user + ascii_host + port,
            quote(parts.path, safe=keep),
            quote(parts.query, safe=keep + "?"),
            quote(parts.fragment, safe=keep + "?#"),
        )
    )


def _webinar(
    sources: list[Source], title: str | None, language: str
) -> tuple[dict[str, Any], list[dict[str, Any]], list[str]]:
    """The event as the pages state it: title, date, speakers, organisers, the intro text."""
    webinar: dict[str, Any] = {}
    derived: list[str] = []
    page_title = next((s.title for s in sources if s.title), None)
    if title or page_title:
        webinar["title"] = title or page_title
        derived.append("webinar.title (given with --title)" if title else "webinar.title (the page's title)")
    intro = next((s.found.intro for s in sources if s.found.intro), [])
    intro_text = " ".join(b.text for b in intro)
    date = meta.find_date(intro_text)
    if date:
        webinar["date"] = date
        derived.append("webinar.date (the first date the page's introduction writes)")
    webinar["language"] = language
    closing = next((s.found.closing for s in sources if s.found.closing), None)
    organisers = meta.organisers(closing)
    if organisers:
        webinar["organizers"] = organisers
        derived.append("webinar.organizers (from the closing line)")
    if closing:
        webinar["organizer_line"] = closing
    summary = compose([b for b in intro if not looks_like_heading(b.text)])
    if summary:
        webinar["summary"] = summary
    speakers = []
    for name, role in meta.find_speakers(intro_text):
        role_only, organisation = meta.split_role(role, organisers)
        speaker = {"id": meta.slug(name), "name": name}
        if role_only:
            speaker["role"] = role_only
        if organisation:
            speaker["organization"] = organisation
            derived.append(f"speakers[].organization (from '{role}')")
        speakers.append(speaker)
    return webinar, speakers, derived


def _provenance(sources: list[Source], version: str, derived: list[str]) -> dict[str, Any]:
    names = ", ".join(Path(s.name).name for s in sources)
    forms = ", ".join(dict.fromkeys(s.found.form for s in sources))
    return {
        "source": f"Imported with ecoqa {version} from {names} ({forms}).",
        "verbatim": [
            "questions[].question",
            "questions[].answer (paragraphs and list items as the page sets them)",
            "webinar.summary",
            "webinar.organizer_line",
            "speakers[].name",
            "speakers[].role",
        ],
        "derived": [
            *derived,
            "questions[].id (the page's numbers, or 1 to N)",
            "questions[].references (the links in the answers)",
            "questions[].source",
            "glossary (ecoqa's Dutch-English term table, entries whose Dutch word the questions use)",
            "provenance",
        ],
    }


def _glossary(questions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The bundled corpus's Dutch-English term table, cut to the words this corpus uses.

    It lets English queries find Dutch answers in an imported corpus that has no translations.
    """
    from ecoqa.corpus import bundled_corpus

    try:
        table = json.loads(bundled_corpus().read_bytes()).get("glossary", [])
    except (OSError, ValueError):
        return []
    text = fold(" ".join(q["question"] + " " + q["answer"] for q in questions))
    return [term for term in table if isinstance(term, dict) and fold(str(term.get("nl", ""))) in text]


def summary_lines(sources: list[Source], built: Built, width: int = 100) -> list[str]:
    """What a dry run prints: per source its kind, the structure and what it left out, then every
    question on a line of its own, and what the pages say about themselves."""
    lines = []
    questions = iter(built.document["questions"])
    for source in sources:
        form = source.found.form
        count = len(source.found.pairs)
        lines.append(f"{source.name}: {KINDS[source.kind]}, {count} question{'s' if count != 1 else ''} ({form})")
        lines.extend(f"  left out: {note}" for note in source.found.left_out)
        for _, question in zip(range(count), questions, strict=False):
            lines.append(_cut(f"  {question['id']}. {one_line(question['question'], None)}", width))
    webinar = built.document["webinar"]
    facts = [f"{key} {webinar[key]}" for key in ("title", "date", "language") if key in webinar]
    if built.document.get("speakers"):
        facts.append("speakers " + ", ".join(s["name"] for s in built.document["speakers"]))
    lines.append("event: " + "; ".join(facts))
    return [clean_text(line).replace("\n", " ") for line in lines]  # a page's escape sequences made visible


def _cut(line: str, width: int) -> str:
    """*line* whole, or cut at a word with "…" to fit *width*."""
    if len(line) <= width:
        return line
    cut = line[: width - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > width // 2 else cut).rstrip(" ,;:") + "…"
