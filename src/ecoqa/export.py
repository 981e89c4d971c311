"""The documents ``ecoqa export`` writes: Markdown, HTML, or a corpus file (JSON); stdlib only.

Every writer here yields its output in pieces (text; UTF-8 bytes for the Markdown and HTML
documents), so that a command can send a 100,000-entry list to a pipe or a file as it is
produced, without holding the whole document in memory.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple, Protocol

from ecoqa.labels import corpus_name, label
from ecoqa.models import Corpus, Entries, Entry, Heading, Principle, Reference, compact_json, in_lang, plain
from ecoqa.payloads import item_line, streamed_text
from ecoqa.text import blocks, clean_text, fenced, flatten, item_level, table_cells


class Listing(Protocol):
    """Entries in order as an export reads them: whole, as headings only (the contents), or as
    ``compact_json`` text. A corpus's ``Entries`` is one; a ``Selection`` of them is another."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[Entry]: ...

    def headings(self) -> Iterator[Heading]: ...

    def documents(self) -> Iterator[str]: ...


class Selection:
    """The entries at chosen positions of a corpus, read when iterated (an export reads them
    twice: the contents, then the entries); all of them read in order when all are chosen."""

    def __init__(self, entries: Entries, positions: Sequence[int]) -> None:
        self.entries = entries
        self.positions = positions
        self.whole = isinstance(positions, range) and len(positions) == len(entries)

    def __len__(self) -> int:
        return len(self.positions)

    def __iter__(self) -> Iterator[Entry]:
        entries = self.entries
        return iter(entries) if self.whole else (entries[p] for p in self.positions)

    def headings(self) -> Iterator[Heading]:
        entries = self.entries
        return entries.headings() if self.whole else (entries.heading(p) for p in self.positions)

    def documents(self) -> Iterator[str]:
        return self.entries.documents() if self.whole else map(compact_json, self)


class Document(NamedTuple):
    """What an exported document needs besides its entries."""

    corpus: Corpus
    lang: str
    filters: tuple[str, ...] = ()  # e.g. "topic: SMEs", shown in the title
    version: str = ""
    date: str = ""


#: a file's extension -> the document written to it when no --format is given
EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".json": "json"}


def document(kind: str, entries: Listing, doc: Document) -> Iterator[str] | Iterator[bytes]:
    """The document of *kind*: markdown, html or json (a corpus file)."""
    if kind == "html":
        return to_html(entries, doc)
    if kind == "json":
        return corpus_json(entries, doc.corpus)
    return to_markdown(entries, doc)


def selection_labels(
    corpus: Corpus, lang: str, topics: Sequence[str], principles: Sequence[str], ids: Sequence[int]
) -> tuple[str, ...]:
    """What a document says it holds, shown in its title: the topics, principles and questions chosen."""
    found = []
    if topics:
        found.append(label(lang, "topic_filter", names=", ".join(t.name(lang) for t in map(corpus.topic, topics) if t)))
    if principles:
        names = ", ".join(p.name(lang) for p in map(corpus.principle, principles) if p)
        found.append(label(lang, "principle_filter", names=names))
    if ids:
        found.append(label(lang, "selection" if len(ids) > 1 else "selection_one", ids=", ".join(map(str, ids))))
    return tuple(found)


def _title(doc: Document) -> str:
    """The document's title, cleaned: it may be made of a file name or of what the user typed."""
    corpus = doc.corpus
    title = corpus.event(doc.lang) if corpus.source_count() < 2 else corpus_name(doc.lang, corpus)
    if corpus.title_is_derived():
        title = f"{title} [{label(doc.lang, 'derived_title')}]"
    return clean_text(f"{title} — {'; '.join(doc.filters)}" if doc.filters else title)


def _originals_note(entries: Listing, doc: Document) -> str:
    """The label of the note on questions shown in another language than the page's ("" for
    none). A merged corpus's questions each have their own source's language, so each is asked;
    in any other corpus the first says it for all (its translations come whole)."""
    corpus, lang = doc.corpus, doc.lang
    if not corpus.in_one_language():
        others = [entry for entry in entries if corpus.language_of(entry) != lang]
        if not others:
            return ""
        return "translation" if all(entry.translated(lang) for entry in others) else "no_translation"
    first = next(iter(corpus.entries.headings()), None)  # a store reads it in its first batch
    if lang == corpus.language or first is None:
        return ""
    return "translation" if lang == "en" and first.question_en else "no_translation"


def _about(doc: Document, entries: Listing) -> list[tuple[str, bool]]:
    """Lines about the document: (text, derived?)."""
    corpus, lang = doc.corpus, doc.lang
    provenance, webinar = corpus.provenance, corpus.collection
    lines: list[tuple[str, bool]] = []
    source = in_lang(lang, provenance.source, provenance.source_en)
    if source:
        lines.append((source, False))
    said = webinar.organizers_in(lang, corpus.language) if webinar else ""
    if webinar and said and said == webinar.organizer_line and not _names_all(source, webinar.organizers):
        lines.append((said, False))  # the page's own sentence in its language, unless the line above says it
    attribution = in_lang(lang, provenance.attribution, provenance.attribution_en)
    if attribution:
        lines.append((attribution, False))
    derived = in_lang(lang, provenance.derived_note, provenance.derived_note_en)
    if derived:
        lines.append((derived, True))
    note = _originals_note(entries, doc)
    if note:
        lines.append((label(lang, note), True))
    if doc.version:
        lines.append((label(lang, "generated", version=doc.version, date=doc.date), False))
    return lines


def _names_all(text: str, names: Sequence[str]) -> bool:
    return bool(names) and all(name in text for name in names)


_Line = Callable[[Heading, str], str]  # a contents line, from a heading and its escaped text


def _contents(entries: Listing, written: _Written, line: _Line) -> Iterator[str]:
    """The contents lines, in order; each heading's text is kept (``written.headings``) for the
    related lines."""
    for heading in entries.headings():
        yield line(heading, written.heading(heading))


def _encoded(parts: Iterable[str]) -> Iterator[bytes]:
    """A document's parts as UTF-8, whatever the locale's encoding (an HTML page declares it)."""
    for part in parts:
        yield part.encode("utf-8")


class _Written:
    """What one document writes again and again, escaped once by *escape* (``_md`` or ``_h``).

    Each included entry's contents-line text is kept as the contents are written, because the
    related lines of other entries repeat it (an export of n entries names 3n related questions);
    a topic or person list is joined once per combination of ids.
    """

    def __init__(self, doc: Document, escape: Callable[[str], str]) -> None:
        self.doc, self.escape = doc, escape
        self.headings: dict[int, str] = {}  # id -> the escaped contents text: the ids included
        self.joined: dict[tuple[str, tuple[str, ...]], str] = {}
        self.cited: dict[str, dict[int, list[str]]] = {}  # principle id -> question -> quotes

    def heading(self, heading: Heading) -> str:
        """*heading* as a contents line shows it, kept for the related lines that name it."""
        text = self.escape(flatten(heading.text(self.doc.lang), 200))
        self.headings[heading.id] = text
        return text

    def related(self, entry: Entry) -> list[tuple[int, str, bool]]:
        """(id, escaped text, included?) for *entry*'s related questions; a question this document
        does not include is read (its heading only) and named without a link."""
        corpus, kept, ids = self.doc.corpus, self.headings, self.doc.corpus.entries.ids()
        found = []
        for position in corpus.related_positions(entry):
            number = ids[position]
            text = kept.get(number)
            if text is None:
                text = self.escape(flatten(corpus.entries.heading(position).text(self.doc.lang), 200))
            found.append((number, text, number in kept))
        return found

    def names(self, kind: str, ids: tuple[str, ...]) -> str:
        """The escaped names of the topics or people *ids*, comma-separated ("" for none known)."""
        found = self.joined.get((kind, ids))
        if found is None:
            corpus, lang = self.doc.corpus, self.doc.lang
            if kind == "topics":
                names = [t.name(lang) for t in (corpus.topic(i) for i in ids) if t]
            else:
                names = [p.name for p in (corpus.person(i) for i in ids) if p]
            found = self.joined[(kind, ids)] = ", ".join(map(self.escape, names))
        return found

    def principles(self, entry: Entry) -> list[tuple[str, list[str]]]:
        """(escaped name, escaped quotes from *entry*) for each of *entry*'s known principles."""
        corpus, lang, escape = self.doc.corpus, self.doc.lang, self.escape
        found = (corpus.principle(i) for i in entry.principles)
        return [(escape(p.name(lang)), [escape(q) for q in self.quotes(p, entry.id)]) for p in found if p]

    def quotes(self, principle: Principle, question: int) -> list[str]:
        """*principle*'s quotes from *question*'s answer, from a table made once per principle (an
        export asks for every entry; a principle may cite thousands of answers)."""
        table = self.cited.get(principle.id)
        if table is None:
            table = self.cited[principle.id] = {}
            for evidence in principle.evidence:
                table.setdefault(evidence.question, []).append(evidence.quote)
        return table.get(question, [])


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!&~])")  # a regex: str.translate with a dict is slower on long text
#: What makes a line markup by how it starts: an indent (code), ``=``/``-`` (a heading's underline or a
#: rule), ``+``/``-`` (a list item), ``12.``/``12)`` (a numbered item).
_MD_LINE_START = re.compile(r"^[ \t]*(?:([=+-])|(\d{1,9})([.)]))?", re.MULTILINE)
_MD_LINE_FIRST = frozenset(" \t=+-0123456789")


def _md(text: str) -> str:
    """Markdown-escape *text* so it shows literally in any renderer (CommonMark, GitHub's).

    Every character that is markup anywhere gets a backslash (``&`` too, so ``&copy;`` stays
    text); the start of each line is made plain: its indentation dropped, a first ``=``, ``+`` or
    ``-`` escaped, ``12.`` written ``12\\.``. A checked corpus's text is clean already (cleaned
    once, when it is read: ``schema.Text``); text from anywhere else, such as a title made of a
    file name, is cleaned first (``_title``).
    """
    if _MD_SPECIAL.search(text):  # most text has none
        text = _MD_SPECIAL.sub(r"\\\1", text)
    if "\n" in text or text[:1] in _MD_LINE_FIRST:
        text = _MD_LINE_START.sub(_md_line_start, text)
    return text


def _md_line_start(match: re.Match[str]) -> str:
    sign, digits, mark = match.groups()
    if sign:
        return "\\" + sign
    return f"{digits}\\{mark}" if digits else ""


_MD_URL_UNSAFE = re.compile(r'[<>"`\\ {}|^]')


def _md_url(url: str) -> str:
    """*url* (printable ASCII, as the corpus keeps it) safe between ``<`` and ``>``: what could end the
    autolink or start HTML is percent-encoded, as a browser would send it."""
    return _MD_URL_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", url)


def _md_answer(text: str) -> str:
    parts = []
    for kind, lines in blocks(text):
        if kind == "code":
            parts.append(fenced(lines[0]))
        elif kind == "table":
            parts.append(_md_table([table_cells(row) for row in lines]))
        else:
            parts.append("\n".join(item_line(line, _md) for line in lines) if kind == "list" else _md(lines[0]))
    return "\n\n".join(parts)


def _md_table(rows: Sequence[Sequence[str]]) -> str:
    """An answer's table as a pipe table (GitHub, CommonMark extensions): its header, a rule, its rows."""
    header, *body = rows
    lines = ["| " + " | ".join(_md(cell) for cell in row) + " |" for row in (header, *body)]
    return "\n".join([lines[0], "|" + " --- |" * len(header), *lines[1:]])


def to_markdown(entries: Listing, doc: Document) -> Iterator[bytes]:
    """A Markdown document, as UTF-8: title, about, contents with anchors, then every Q&A."""
    return _encoded(_markdown_parts(entries, doc))


def _markdown_parts(entries: Listing, doc: Document) -> Iterator[str]:
    lang, written = doc.lang, _Written(doc, _md)
    yield f"# {_md(_title(doc))}\n\n## {label(lang, 'about_export')}\n\n"
    for text, derived in _about(doc, entries):
        yield (f"_{_md(text)}_" if derived else _md(text)) + "\n\n"
    yield f"## {label(lang, 'contents')}\n\n"
    yield from _contents(entries, written, lambda heading, text: f"- [{heading.id}. {text}](#q{heading.id})\n")
    yield from (_md_entry(entry, written) for entry in entries)


def _md_entry(entry: Entry, written: _Written) -> str:
    lang = written.doc.lang
    question, answer = entry.text(lang)
    parts = [f'\n<a id="q{entry.id}"></a>\n\n## {entry.id}. {_md(question)}\n', _md_answer(answer) + "\n"]
    if entry.translated(lang):
        parts.append(f"_{label(lang, 'translation')}_\n")
    points = entry.points(lang)
    if points:
        parts.append(f"**{label(lang, 'key_points')}** _({label(lang, 'derived')})_\n")
        parts.append("\n".join(f"- {_md(p)}" for p in points) + "\n")
    principles = written.principles(entry)
    if principles:
        parts.append(f"**{label(lang, 'principles')}** _({label(lang, 'principle_note')})_\n")
        parts.append("\n".join(f"- {name}" + "".join(f"\n  > “{q}”" for q in quotes) for name, quotes in principles))
        parts[-1] += "\n"
    topics = written.names("topics", entry.topics)
    if topics:
        parts.append(f"**{label(lang, 'topics')}:** {topics}\n")
    people = written.names("people", entry.people)
    if people:
        parts.append(f"**{label(lang, 'people')}:** {people}\n")
    if entry.references:
        parts.append(f"**{label(lang, 'references')}**\n")
        parts.append("\n".join(_md_reference(r, lang) for r in entry.references) + "\n")
    own = source_of(entry)
    if own:
        parts.append(f"**{label(lang, 'source')}:** {_md(own)}\n")
    related = written.related(entry)
    if related:
        parts.append(f"**{label(lang, 'related')}**\n")
        parts.append(
            # "- 2\." : "- 2. " would open a numbered list inside the bullet (an empty bullet, then "2.")
            "\n".join(
                f"- [{rid}. {text}](#q{rid})" if inside else f"- {rid}\\. {text}" for rid, text, inside in related
            )
            + "\n"
        )
    return "\n".join(parts)


def source_of(entry: Entry) -> str:
    """Where one question comes from, when the corpus records it per question: '“Title”, file, address,
    date', to follow its label ('Source: …')."""
    own = entry.source
    if own is None:
        return ""
    return ", ".join(part for part in (f"“{own.title}”" if own.title else "", own.file, own.url, own.date) if part)


def _md_reference(reference: Reference, lang: str) -> str:
    note = reference.note_in(lang)
    line = f"- {_md(reference.name)}" + (f" — {_md(note)}" if note else "")
    if reference.url:
        line += f" <{_md_url(reference.url)}>"
    elif reference.link_missing and label(lang, "link_missing") not in note:
        line += f" _({label(lang, 'link_missing')})_"
    return line


_CSS = """body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;
overflow-wrap:break-word}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-top:1px solid #ddd;
padding-top:1rem}h3{font-size:1rem;margin-bottom:.25rem}.derived{color:#7a5c00;font-style:italic}
.topics{color:#036}.missing{color:#a00;font-style:italic}blockquote{margin:.25rem 0 .5rem 1rem;padding-left:.75rem;
border-left:3px solid #ccc}nav ol{padding-left:1.5rem}a{color:#0645ad}.about{background:#f6f6f6;padding:.5rem 1rem}
pre{overflow-x:auto;background:#f6f6f6;padding:.5rem .75rem;line-height:1.35}.table{overflow-x:auto}
table{border-collapse:collapse}th,td{text-align:left;vertical-align:top;padding:.25rem .75rem .25rem 0;
border-bottom:1px solid #ddd;overflow-wrap:anywhere;min-width:4.5rem}
.about h2{border:0;margin-top:.5rem;padding-top:0}"""


def _h(text: str) -> str:
    """HTML-escape *text*, clean already (see ``_md``)."""
    return html.escape(text, quote=True)


def _html_answer(text: str) -> str:
    parts = []
    for kind, lines in blocks(text):
        if kind == "list":
            parts.append(_html_list(lines))
        elif kind == "code":
            parts.append(f"<pre><code>{_h(lines[0])}</code></pre>")
        elif kind == "table":
            parts.append(_html_table([table_cells(row) for row in lines]))
        else:
            parts.append(f"<p>{_h(lines[0])}</p>")
    return "\n".join(parts)


def _html_table(rows: Sequence[Sequence[str]]) -> str:
    """An answer's table: its header row as ``<th>``, in a box that scrolls sideways on a phone."""
    header, *body = rows
    head = "".join(f"<th>{_h(cell)}</th>" for cell in header)
    cells = "".join("<tr>" + "".join(f"<td>{_h(cell)}</td>" for cell in row) + "</tr>" for row in body)
    return f'<div class="table"><table><thead><tr>{head}</tr></thead><tbody>{cells}</tbody></table></div>'


def _html_list(items: Sequence[str]) -> str:
    """An answer's list as ``<ul>``, an item of a nested list in a ``<ul>`` inside the item above it."""
    out, depth = "", -1
    for item in items:
        level, text = item_level(item)
        level = min(level, depth + 1)  # one level deeper than the item above at most
        out += ("<ul>" if level > depth else "</li>" + "</ul></li>" * (depth - level)) + f"<li>{_h(text)}"
        depth = level
    return out + "</li>" + "</ul></li>" * depth + "</ul>"


def to_html(entries: Listing, doc: Document) -> Iterator[bytes]:
    """A self-contained page, as UTF-8: inline CSS, no scripts, no external assets; all data escaped."""
    return _encoded(_html_parts(entries, doc))


def _html_parts(entries: Listing, doc: Document) -> Iterator[str]:
    lang, written = doc.lang, _Written(doc, _h)
    title = _h(_title(doc))
    yield (
        f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "nl"}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    )
    about = "".join(
        f'<p class="derived">{_h(text)}</p>' if derived else f"<p>{_h(text)}</p>"
        for text, derived in _about(doc, entries)
    )
    yield f'<section class="about"><h2>{_h(label(lang, "about_export"))}</h2>{about}</section>\n'
    yield f"<nav><h2>{_h(label(lang, 'contents'))}</h2><ol>\n"
    yield from _contents(
        entries, written, lambda heading, text: f'<li value="{heading.id}"><a href="#q{heading.id}">{text}</a></li>\n'
    )
    yield "</ol></nav>\n"
    yield from (_html_entry(entry, written) for entry in entries)
    yield "</body>\n</html>\n"


def _html_entry(entry: Entry, written: _Written) -> str:
    lang = written.doc.lang
    question, answer = entry.text(lang)
    original = written.doc.corpus.language_of(entry)
    if entry.translated(lang) or original == lang or original in ("", "und"):  # "und": not determined
        body = [f'<section id="q{entry.id}"><h2>{entry.id}. {_h(question)}</h2>', _html_answer(answer)]
    else:  # the original in another language than the page's: marked, so it is read out in its own
        body = [
            f'<section id="q{entry.id}"><h2>{entry.id}. <span lang="{_h(original)}">{_h(question)}</span></h2>',
            f'<div lang="{_h(original)}">{_html_answer(answer)}</div>',
        ]
    if entry.translated(lang):
        body.append(f'<p class="derived">{_html_label(lang, "translation")}</p>')
    points = entry.points(lang)
    if points:
        body.append(
            f'<h3>{_html_label(lang, "key_points")} <span class="derived">({_html_label(lang, "derived")})'
            "</span></h3><ul>" + "".join(f"<li>{_h(p)}</li>" for p in points) + "</ul>"
        )
    principles = written.principles(entry)
    if principles:
        quoted = "".join(
            f"<li>{name}" + "".join(f"<blockquote>“{q}”</blockquote>" for q in quotes) + "</li>"
            for name, quotes in principles
        )
        body.append(
            f'<h3>{_html_label(lang, "principles")} <span class="derived">({_html_label(lang, "principle_note")})'
            f"</span></h3><ul>{quoted}</ul>"
        )
    topics = written.names("topics", entry.topics)
    if topics:
        body.append(f'<p class="topics"><strong>{_html_label(lang, "topics")}:</strong> {topics}</p>')
    people = written.names("people", entry.people)
    if people:
        body.append(f"<p><strong>{_html_label(lang, 'people')}:</strong> {people}</p>")
    if entry.references:
        items = "".join(f"<li>{_html_reference(r, lang)}</li>" for r in entry.references)
        body.append(f"<h3>{_html_label(lang, 'references')}</h3><ul>{items}</ul>")
    own = source_of(entry)
    if own:
        body.append(f'<p class="source"><strong>{_html_label(lang, "source")}:</strong> {_h(own)}</p>')
    related = written.related(entry)
    if related:
        links = [
            f'<li><a href="#q{rid}">{rid}. {text}</a></li>' if inside else f"<li>{rid}. {text}</li>"
            for rid, text, inside in related
        ]
        body.append(f"<h3>{_html_label(lang, 'related')}</h3><ul>{''.join(links)}</ul>")
    body.append("</section>\n")
    return "\n".join(body)


@functools.cache
def _html_label(lang: str, key: str) -> str:
    """A label as a page writes it, escaped once per process."""
    return _h(label(lang, key))


def _html_reference(reference: Reference, lang: str) -> str:
    note = reference.note_in(lang)
    item = _h(reference.name) + (f" — {_h(note)}" if note else "")
    if reference.url:
        item += f' <a href="{_h(reference.url)}">{_h(reference.url)}</a>'
    elif reference.link_missing and label(lang, "link_missing") not in note:
        item += f' <span class="missing">({_h(label(lang, "link_missing"))})</span>'
    return item


# ---------------------------------------------------------------------------- a corpus file (json)


def corpus_json(entries: Listing, corpus: Corpus) -> Iterator[str]:
    """The corpus, or a selection of it, as a corpus file that ``--data``, ``validate`` and ``import``
    read: its description and sections (each list of question ids cut to the selection), then its
    questions, one per line. Exporting that file again gives the same file.

    A store's entries come as the JSON text it keeps (``compact_json`` of each entry, checked):
    copied, never parsed and written again (``Listing.documents``).
    """
    chosen = {heading.id for heading in entries.headings()}
    return streamed_text(corpus_head(corpus, chosen), "questions", entries.documents())


def corpus_head(corpus: Corpus, chosen: set[int]) -> dict[str, Any]:
    """Everything of a corpus file but its questions, for the questions *chosen*."""
    from ecoqa.schema import SCHEMA_VERSION

    head: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    if corpus.collection:
        head["collection"] = _lean(corpus.collection)
    sections: dict[str, Any] = {
        "provenance": _lean(corpus.provenance),
        "speakers": [_lean(s) for s in corpus.speakers],
        "people": [_lean(p._replace(questions=tuple(q for q in p.questions if q in chosen))) for p in corpus.people],
        "organizations": [
            _lean(o._replace(questions=tuple(q for q in o.questions if q in chosen))) for o in corpus.organizations
        ],
        "topics": [_lean(t) for t in corpus.topics],
        "principles": [
            _lean(p._replace(evidence=[e for e in p.evidence if e.question in chosen])) for p in corpus.principles
        ],
        "glossary": [_lean(g) for g in corpus.glossary],
    }
    head.update((key, value) for key, value in sections.items() if value)
    return head


def _lean(record: Any) -> Any:
    """A record as JSON, without the fields it leaves empty (their defaults when read back)."""
    value = plain(record)
    if isinstance(value, dict):
        return {k: _lean(v) for k, v in value.items() if v not in ("", None, [], False)}
    if isinstance(value, list):
        return [_lean(v) for v in value]
    return value
