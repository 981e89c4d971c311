"""Read import sources and merge them into one corpus document that ``validate`` accepts."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ecoqa.errors import CorpusError
from ecoqa.importing import meta
from ecoqa.importing.blocks import Block, compose, looks_like_heading, text_blocks
from ecoqa.importing.decode import decode, looks_binary
from ecoqa.importing.pairs import FORM_NAMES, Found, Pair, recognise
from ecoqa.models import MAX_ID
from ecoqa.text import clean_text, fold, one_line

TEXT_ORDER = ("labelled", "numbered", "question headings", "paragraphs")
KINDS = {"html": "HTML page", "markdown": "Markdown document", "table": "CSV/TSV table", "text": "text page"}
RECOGNISED = (
    "numbered questions, Vraag:/Antwoord: or Q:/A: labels, one heading per question, "
    "schema.org FAQPage/QAPage markup, <dl>/<details> lists, or a CSV/TSV header with question and answer columns"
)


@dataclass
class Source:
    """One imported file and what was found in it."""

    name: str
    kind: str
    found: Found
    title: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)


def read_source(path: Path) -> Source:
    """Read, decode and recognise one source; a file with no Q&A in it is a ``CorpusError``."""
    name = str(path)
    raw = _source_bytes(path, name)
    if looks_binary(raw):
        raise CorpusError(f"{name}: a binary file, not a web page, Markdown or a table; ecoqa recognises {RECOGNISED}.")
    text, warnings = decode(raw, name)
    kind = detect(text, path.suffix.lower())
    source = _recognised(text, kind, name)
    source.warnings[:0] = warnings
    if not source.found.pairs:
        raise CorpusError(
            f"{name}: no questions and answers found in this {KINDS[kind]} ({_seen(text, kind)}); "
            f"ecoqa recognises {RECOGNISED}."
        )
    for question in source.found.skipped:
        source.warnings.append(f"{name}: question without an answer skipped: {question[:60]}")
    return source


def detect(text: str, suffix: str) -> str:
    """The kind of a source, by its content first and its extension as a hint."""
    from ecoqa.importing.table import sniff

    head = text.lstrip()[:4096].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if re.search(r"<(?:body|p|div|h[1-6]|li|dl|details)\b[^>]*>", head) and re.search(r"</\w+>", head):
        return "html"
    if suffix in (".csv", ".tsv") or sniff(text):
        return "table"
    if suffix in (".md", ".markdown") or re.search(r"(?m)^#{1,6}\s+\S|^\*\*(?:vraag|question|q)\b", text, re.I):
        return "markdown"
    return "text"


def _source_bytes(path: Path, name: str) -> bytes:
    """A source's bytes: a file, or a pipe (``ecoqa import <(curl …)``), up to the corpus size
    limit; a directory or a device (``/dev/zero`` would never end) is refused before reading."""
    import stat

    from ecoqa.corpus import MAX_BYTES

    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise CorpusError(f"{name}: is a directory; give the files in it.")
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise CorpusError(f"{name}: a device, not a web page, Markdown or a table.")
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise CorpusError(f"cannot read {name}: {error.strerror or error}.") from None
    if len(raw) > MAX_BYTES:
        raise CorpusError(f"{name}: larger than the {MAX_BYTES // 2**20} MB limit for an import source.")
    return raw


def _recognised(text: str, kind: str, name: str) -> Source:
    if kind == "html":
        from ecoqa.importing.html import HtmlPage

        page = HtmlPage(text, name)
        return Source(name, kind, page.found(), page.title, page.url)
    if kind == "table":
        from ecoqa.importing.table import read_table

        found, warnings, _ = read_table(text)
        return Source(name, kind, found, warnings=[f"{name}: {w}" for w in warnings])
    if kind == "markdown":
        from ecoqa.importing.markdown import ORDER, markdown_blocks

        blocks = markdown_blocks(text)
        found = recognise(blocks, ORDER)
        return Source(name, kind, found, title=_markdown_title(blocks, found))
    return Source(name, kind, recognise(text_blocks(text), TEXT_ORDER))


def _markdown_title(blocks: list[Block], found: Found) -> str | None:
    """The highest heading above the first question, when the questions are not all headings of it."""
    headings = [b for b in blocks[: found.first] if b.kind == "heading"]
    return min(headings, key=lambda b: b.level).text if headings else None


def _seen(text: str, kind: str) -> str:
    """What a source without Q&A holds, so the user can tell what went wrong."""
    if kind == "table":
        from ecoqa.importing.table import read_table

        _, _, header = read_table(text)
        if header.startswith("unreadable"):
            return one_line(header, 120)
        return f"its header is: {one_line(header, 120)}" if header.strip() else "it is empty"
    if kind == "html":
        from ecoqa.importing.html import HtmlPage

        blocks = HtmlPage(text).blocks()
    elif kind == "markdown":
        from ecoqa.importing.markdown import markdown_blocks

        blocks = markdown_blocks(text)
    else:
        blocks = text_blocks(text)
    if not blocks:
        return "no text"
    counts = Counter(b.kind for b in blocks)
    names = {"heading": "heading", "paragraph": "paragraph", "item": "list item", "numbered": "numbered item"}
    return "found " + ", ".join(f"{n} {names.get(k, k)}{'s' if n != 1 else ''}" for k, n in counts.most_common())


# ----------------------------------------------------------------------------- the document


@dataclass
class Built:
    document: dict[str, Any]
    notes: list[str]


def build(sources: list[Source], *, title: str | None, lang: str | None, version: str) -> Built:
    """One corpus document from the sources, in order, with notes on what was guessed or repeated."""
    notes = [w for s in sources for w in s.warnings]
    entries = [(s, pair) for s in sources for pair in s.found.pairs]
    ids = _ids([pair for _, pair in entries], len(sources))
    if len(sources) > 1 and any(p.number for _, p in entries):
        notes.append(f"questions renumbered 1 to {len(entries)} in the order of the sources")
    notes.extend(_duplicates(entries, ids))
    language = lang or meta.language(" ".join(p.question + " " + p.answer for _, p in entries[:2000]))
    webinar, speakers, derived = _webinar(sources, title, language)
    questions = [_question(entry_id, source, pair) for entry_id, (source, pair) in zip(ids, entries, strict=True)]
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


def _question(entry_id: int, source: Source, pair: Pair) -> dict[str, Any]:
    question: dict[str, Any] = {"id": entry_id, "question": pair.question, "answer": pair.answer}
    if pair.topics:
        question["topics"] = [meta.slug(t) for t in dict.fromkeys(pair.topics)]
    # a mailto: or javascript: link keeps its text in the answer but is no reference
    references = [{"name": link.text, "url": url} for link in pair.references if (url := web_address(link.url))]
    if references:
        question["references"] = references
    page = web_address(source.url) if source.url else None
    question["source"] = {"file": Path(source.name).name, **({"url": page} if page else {})}
    return question


def web_address(url: str) -> str | None:
    """*url* as a corpus keeps it: an http(s) address in printable ASCII, as a browser sends it
    (a non-ASCII host in IDNA, spaces, quotes, angle brackets and other letters percent-encoded);
    None for any other scheme (``mailto:``, ``javascript:``) or an address that cannot be one."""
    from urllib.parse import quote, urlsplit, urlunsplit

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
    forms = ", ".join(dict.fromkeys(FORM_NAMES.get(s.found.form, s.found.form) for s in sources))
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


def summary_lines(sources: list[Source], built: Built, shown: int = 3) -> list[str]:
    """What a dry run prints: per source its kind, form and count, the first questions, the event."""
    lines = []
    for source in sources:
        form = FORM_NAMES.get(source.found.form, source.found.form)
        count = len(source.found.pairs)
        lines.append(f"{source.name}: {KINDS[source.kind]}, {count} question{'s' if count != 1 else ''} ({form})")
    questions = built.document["questions"]
    for question in questions[:shown]:
        lines.append(f"  {question['id']}. {question['question'][:100]}")
    if len(questions) > shown:
        lines.append(f"  … and {len(questions) - shown} more")
    webinar = built.document["webinar"]
    facts = [f"{key} {webinar[key]}" for key in ("title", "date", "language") if key in webinar]
    if built.document.get("speakers"):
        facts.append("speakers " + ", ".join(s["name"] for s in built.document["speakers"]))
    lines.append("event: " + "; ".join(facts))
    return [clean_text(line).replace("\n", " ") for line in lines]  # a page's escape sequences made visible
