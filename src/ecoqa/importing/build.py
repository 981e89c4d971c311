"""Merge the sources read into one corpus document that ``validate`` accepts, and say what was found."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urljoin, urlsplit

from ecoqa import messages
from ecoqa.errors import CorpusError
from ecoqa.importing import meta
from ecoqa.importing.blocks import compose, looks_like_heading
from ecoqa.importing.pairs import Pair
from ecoqa.importing.sources import KINDS, Source
from ecoqa.messages import msg, say
from ecoqa.models import MAX_ID
from ecoqa.text import clean_text, fold, one_line


@dataclass
class Built:
    document: dict[str, Any]
    notes: list[str]


def build(
    sources: list[Source],
    *,
    title: str | None,
    lang: str | None,
    version: str,
    base_url: str | None = None,
    terms: Sequence[dict[str, Any]] = (),
) -> Built:
    """One corpus document from the sources, in order, with notes on what was guessed or repeated.

    *terms* (Dutch-English pairs the user gives) join the glossary that search expands English queries with.
    """
    if any(s.corpus is not None for s in sources):
        return _from_corpus(sources, title, list(terms))
    notes = [w for s in sources for w in s.warnings]
    unresolved = Counter[str]()
    entries = [(s, pair) for s in sources for pair in s.found.pairs]
    ids = _ids([pair for _, pair in entries], len(sources))
    if len(sources) > 1 and any(p.number for _, p in entries):
        notes.append(msg("questions renumbered 1 to {n} in the order of the sources", n=len(entries)))
    notes.extend(_duplicates(entries, ids))
    language = lang or _language(sources)
    collection, speakers, described = _collection(sources, title, language)
    merged = len(sources) > 1
    topic_ids = meta.unique_ids(t for _, p in entries for t in p.topics)
    origins = {id(source): _origin(source, merged=merged) for source in sources}  # once per source, not per question
    questions = [
        _question(entry_id, source, pair, base_url or source.base, unresolved, topic_ids, origins[id(source)])
        for entry_id, (source, pair) in zip(ids, entries, strict=True)
    ]
    notes.extend(_unresolved_links(unresolved))
    document: dict[str, Any] = {
        "schema_version": 2,
        "provenance": {},  # said last, of the fields the corpus has
        "collection": collection,
    }
    if speakers:
        document["speakers"] = speakers
    if topic_ids:
        document["topics"] = [{"id": topic_id, "label": label} for label, topic_id in topic_ids.items()]
    glossary = _joined_terms(list(terms), _glossary(questions) if language == "nl" else [])
    if glossary:
        document["glossary"] = glossary
    document["questions"] = questions
    document["provenance"] = _provenance(sources, version, described, speakers=bool(speakers), glossary=bool(glossary))
    return Built(document, notes)


def _unresolved_links(unresolved: Counter[str]) -> list[str]:
    """A note for each source whose relative links could not be resolved, with what to do."""
    return [
        msg(
            "{name}: {links} could not be resolved (the page does not say its address); "
            "pass --base-url URL to keep them as references",
            name=name,
            links=messages.count(count, "{n} relative link", "{n} relative links"),
        )
        for name, count in unresolved.items()
    ]


def _from_corpus(sources: list[Source], title: str | None, terms: list[dict[str, Any]]) -> Built:
    """An ecoqa corpus file, checked and written as the current version (a version-1 file upgrades)."""
    from ecoqa.corpus import check_corpus, too_many_problems
    from ecoqa.schema import upgrade

    if len(sources) > 1:
        name = next(s.name for s in sources if s.corpus is not None)
        raise CorpusError("{name}: an ecoqa corpus is imported alone, not merged with other sources.", name=name)
    source = sources[0]
    assert source.corpus is not None
    problems = check_corpus(json.dumps(source.corpus).encode(), source.name)
    if problems:
        raise too_many_problems(problems, source.name)
    document = upgrade(source.corpus)
    notes = list(source.warnings)
    if document is not source.corpus:
        notes.append(msg("{name}: version 1 written as version 2 ('webinar' is now 'collection')", name=source.name))
    if title:
        document["collection"] = {**document.get("collection", {}), "title": title}
    glossary = _joined_terms(terms, document.get("glossary", []))
    if glossary:
        document = {k: v for k, v in document.items() if k != "questions"} | {"glossary": glossary}
        document["questions"] = source.corpus["questions"]
    return Built(document, notes)


def _joined_terms(first: list[dict[str, Any]], then: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Glossary entries of *first*, then of *then*; one entry per Dutch term, its English words merged."""
    joined: dict[str, list[str]] = {}
    for term in [*first, *then]:
        if isinstance(term, dict) and isinstance(term.get("nl"), str):
            words = joined.setdefault(term["nl"], [])
            words += [w for w in term.get("en", []) if isinstance(w, str) and w not in words]
    return [{"nl": nl, "en": en} for nl, en in joined.items()]


def _language(sources: list[Source]) -> str:
    """The language most questions are in: each source's own, counted by its questions (merged Dutch
    notes and a shorter English page make a Dutch corpus, however long the English answers are)."""
    counts = Counter[str]()
    for source in sources:
        pairs = source.found.pairs[:2000]
        counts[meta.language(" ".join(p.question + " " + p.answer for p in pairs))] += len(source.found.pairs)
    if not counts:
        return meta.UNDETERMINED
    return max(counts, key=lambda code: (counts[code], code == "nl"))  # a tie: Dutch, as ecoqa began


def _ids(pairs: list[Pair], sources: int) -> list[int]:
    """The page's own numbers when one source numbers every question uniquely, else 1..N."""
    numbers = [p.number for p in pairs]
    usable = all(n is not None and 0 < n <= MAX_ID for n in numbers)  # <li value="-5">, <ol start="3000000000">
    if sources == 1 and usable and len(set(numbers)) == len(numbers):
        return [n for n in numbers if n]
    return list(range(1, len(pairs) + 1))


#: More repeated questions than this are said in one line, not a line each.
_REPEATS_SAID_ONE_BY_ONE = 3


def _duplicates(entries: list[tuple[Source, Pair]], ids: list[int]) -> list[str]:
    """Questions asked again (kept): a line each, or one line for many (a table of 1,000 rows can
    repeat a hundred, which would bury the dry run's list of questions)."""
    seen: dict[str, tuple[int, str]] = {}
    repeats: list[tuple[int, str, int, str]] = []
    for entry_id, (source, pair) in zip(ids, entries, strict=True):
        key = " ".join(re.findall(r"\w+", fold(pair.question)))
        if key in seen:
            repeats.append((entry_id, source.name, *seen[key]))
        else:
            seen[key] = (entry_id, source.name)
    if len(repeats) <= _REPEATS_SAID_ONE_BY_ONE:
        return [
            msg("question {id} repeats question {first} ({where})", id=i, first=first, where=where)
            if name == where  # one file named once
            else msg(
                "question {id} ({name}) repeats question {first} ({where})", id=i, name=name, first=first, where=where
            )
            for i, name, first, where in repeats
        ]
    sources = {name for _, name, _, where in repeats} | {where for *_, where in repeats}
    shown = [
        msg("{id} repeats {first}", id=i, first=first)
        if len(sources) == 1
        else msg("{id} ({name}) repeats {first} ({where})", id=i, name=name, first=first, where=where)
        for i, name, first, where in repeats[:5]
    ]
    return [
        msg(
            "{count} repeat an earlier question, kept: {repeats}{more}",
            count=messages.count(len(repeats), "{n} question", "{n} questions"),
            repeats=messages.joined(shown, ", "),
            more=" …" if len(repeats) > 5 else "",
        )
    ]


def _question(
    entry_id: int,
    source: Source,
    pair: Pair,
    base: str | None,
    unresolved: Counter[str],
    topic_ids: dict[str, str],
    origin: dict[str, Any],
) -> dict[str, Any]:
    """One question with its own source (*origin*, see ``_origin``)."""
    question: dict[str, Any] = {"id": entry_id, "question": pair.question, "answer": pair.answer}
    if pair.topics:
        question["topics"] = [topic_ids[t] for t in dict.fromkeys(pair.topics)]
    references = {}
    for link in pair.references:
        url = resolve(link.url, base)
        if url is None and not urlsplit(link.url).scheme:
            unresolved[source.name] += 1
        if url is not None and url not in references:
            references[url] = link.text
    if references:
        question["references"] = [{"name": text, "url": url} for url, text in references.items()]
    question["source"] = dict(origin)
    return question


def _origin(source: Source, *, merged: bool) -> dict[str, Any]:
    """What each question of *source* records of it; in a merged corpus also the source's own title,
    date and language."""
    page = web_address(source.url) if source.url else None
    own: dict[str, Any] = {"file": Path(source.name).name, **({"url": page} if page else {})}
    if merged:
        date = meta.find_date(_intro_text(source))
        own.update({"date": date} if date else {})
        own.update({"title": source.title} if source.title else {})
        own["language"] = _language([source])
    return own


def _intro_text(source: Source) -> str:
    return " ".join(b.text for b in source.found.intro)


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


class Described(NamedTuple):
    """Which fields of the collection are the page's words, and which ecoqa derived."""

    verbatim: list[str]
    derived: list[str]


def _collection(
    sources: list[Source], title: str | None, language: str
) -> tuple[dict[str, Any], list[dict[str, Any]], Described]:
    """What the source says it is: its kind, title, date, organisers, speakers and introduction.

    A merged corpus takes none of these from one of its sources (each question keeps its own
    source's title and date); only a kind they all share, and the title given with --title.
    """
    collection: dict[str, Any] = {}
    described = Described([], [])
    kinds = {_kind(s) for s in sources}
    if len(kinds) == 1 and "" not in kinds:
        collection["kind"] = kinds.pop()
        described.derived.append("collection.kind (from the words the page uses for itself)")
    one = sources[0] if len(sources) == 1 else None
    collection.update(_title(sources, title, described))
    collection["language"] = language
    if one is None:
        return collection, [], described
    page = web_address(one.url) if one.url else None
    if page:
        collection["url"] = page
    intro_text = _intro_text(one)
    date = meta.find_date(intro_text)
    if date:
        collection["date"] = date
        described.derived.append("collection.date (the first date the page's introduction writes)")
    organisers = meta.organisers(one.found.closing)
    if organisers:
        collection["organizers"] = organisers
        described.derived.append("collection.organizers (from the closing line)")
    if one.found.closing:
        collection["organizer_line"] = one.found.closing
        described.verbatim.append("collection.organizer_line")
    summary = compose([b for b in one.found.intro if not looks_like_heading(b.text)])
    if summary:
        collection["summary"] = summary
        described.verbatim.append("collection.summary")
    return collection, _speakers(intro_text, organisers, described), described


def _title(sources: list[Source], title: str | None, described: Described) -> dict[str, str]:
    """The collection's title: the one given with --title, else the page's, else the one every source gives."""
    if title:
        described.derived.append("collection.title (given with --title)")
        return {"title": title}
    if len(sources) == 1 and sources[0].title:
        described.verbatim.append("collection.title (the page's title)")
        return {"title": sources[0].title}
    if len(sources) > 1 and sources[0].title and all(s.title == sources[0].title for s in sources):
        described.verbatim.append("collection.title (the title every source gives)")
        return {"title": sources[0].title}
    return {}


def _speakers(intro_text: str, organisers: list[str], described: Described) -> list[dict[str, str]]:
    """The speakers the introduction names, each once, with the role and organisation said beside each name."""
    speakers = []
    found_speakers: dict[str, str | None] = {}
    for name, role in meta.find_speakers(intro_text):
        found_speakers.setdefault(name, role)  # a name said twice is one speaker
    speaker_ids = meta.unique_ids(found_speakers)
    for name, role in found_speakers.items():
        role_only, organisation = meta.split_role(role, organisers)
        speaker = {"id": speaker_ids[name], "name": name}
        if role_only:
            speaker["role"] = role_only
        if organisation:
            speaker["organization"] = organisation
            described.derived.append(f"speakers[].organization (from '{role}')")
        speakers.append(speaker)
    return speakers


def _kind(source: Source) -> str:
    intro = _intro_text(source)
    markup = source.found.form.startswith("schema.org")
    return meta.kind(source.title, intro, markup=markup, speakers=bool(meta.find_speakers(intro)))


def _provenance(
    sources: list[Source], version: str, described: Described, *, speakers: bool, glossary: bool
) -> dict[str, Any]:
    """What was copied and what derived, naming only fields the corpus has (*speakers*, a
    *glossary*); where it came from in Dutch and in English, so that a Dutch screen of an English
    corpus says it in Dutch too (``source`` is read for every interface language but English)."""
    names = ", ".join(Path(s.name).name for s in sources)
    forms = ", ".join(dict.fromkeys(s.found.form for s in sources))
    return {
        "source": f"Geïmporteerd met ecoqa {version} uit {names}.",
        "source_en": f"Imported with ecoqa {version} from {names} ({forms}).",
        "verbatim": [
            "questions[].question",
            "questions[].answer (paragraphs and list items as the page sets them)",
            *described.verbatim,
            *(["speakers[].name", "speakers[].role"] if speakers else []),
        ],
        "derived": [
            *described.derived,
            "questions[].id (the page's numbers, or 1 to N)",
            "questions[].references (the links in the answers)",
            "questions[].source",
            *(
                ["glossary (ecoqa's Dutch-English term table, entries whose Dutch word the questions use)"]
                if glossary
                else []
            ),
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
        count = len(source.found.pairs) if source.corpus is None else len(built.document["questions"])
        where = f" ({say(form)})" if form else ""
        found = messages.count(count, "{n} question", "{n} questions")
        lines.append(
            say("{name}: {kind}, {questions}", name=source.name, kind=KINDS[source.kind], questions=found) + where
        )
        lines.extend("  " + say("left out: {note}", note=note) for note in source.found.left_out)
        for _, question in zip(range(count), questions, strict=False):
            lines.append(_cut(f"  {question['id']}. {one_line(question['question'], None)}", width))
    collection = built.document.get("collection", {})
    facts = [f"{key} {collection[key]}" for key in ("kind", "title", "date", "language") if key in collection]
    if built.document.get("speakers"):
        facts.append("speakers " + ", ".join(s["name"] for s in built.document["speakers"]))
    lines.append("collection: " + "; ".join(facts))  # the corpus file's own field names
    if "title" not in collection and len(sources) > 1:
        named = messages.count(len(sources), "{n} source", "{n} sources")
        lines.append(
            say("no title the sources share: the overview calls it '{named}'; give one with --title TEXT", named=named)
        )
    elif "title" not in collection:
        lines.append(say("no title in the source: give one with --title TEXT (the overview shows it)"))
    return [clean_text(line).replace("\n", " ") for line in lines]  # a page's escape sequences made visible


def _cut(line: str, width: int) -> str:
    """*line* whole, or cut at a word with "…" to fit *width*."""
    if len(line) <= width:
        return line
    cut = line[: width - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > width // 2 else cut).rstrip(" ,;:") + "…"


def corpus_text(document: dict[str, Any]) -> str:
    """The corpus as JSON text, checked by the same schema ``validate`` uses (a failure is our bug)."""
    import json

    from ecoqa.corpus import check_corpus

    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    problems = check_corpus(text.encode(), "imported corpus")
    if problems:
        raise RuntimeError(f"import made an invalid corpus: {problems[0]}")
    return text
