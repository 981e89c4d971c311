"""HTML pages: schema.org FAQPage/QAPage data when the page has it, else the page's blocks.

Parsed with selectolax's Lexbor engine: an HTML5 parser (pages are read the way browsers read
them, broken markup included) that is fast, maintained, and ships wheels for every platform
ecoqa supports. It is imported only here, so only ``ecoqa import`` pays for it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from ecoqa.errors import CorpusError
from ecoqa.importing.blocks import Block, Kind, Link, compose, line_block, numbering
from ecoqa.importing.pairs import Found, Pair, recognise
from ecoqa.importing.questions import BOLD, LEAD, asks, bold_heading, likelihood, question_text
from ecoqa.text import fold

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

_SKIP = frozenset(
    "script style noscript template nav header footer aside svg iframe head select input textarea "
    "object embed canvas map dialog".split()
)
#: Page furniture by its role or class: navigation, breadcrumbs, cookie notices, tables of contents,
#: bars of related pages, footers; and sidebars, whatever their prefix ("sphinxsidebar", "md-sidebar").
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|breadcrumbs?|cookies?|cookie-?banner|consent|toc|"
    r"table-of-contents|skip-?link|share|social|related|footer)(?:$|[\s_-])|sidebar",
    re.I,
)
#: A layout that places the content beside a sidebar ("content-sidebar-left", WordPress's "has-sidebar",
#: Genesis's "sidebar-content"): the element holds the page's text, it is not the sidebar.
_LAYOUT = re.compile(r"^(?:(?:content|main|page|has|with|no)[-_]+sidebar|sidebar[-_]+content)(?:$|[-_])", re.I)
#: Icon fonts draw a glyph from a word ("expand_more", "chevron_right"): the word is not text.
_ICON = re.compile(r"(?:^|\s)(?:material-(?:icons|symbols)[\w-]*|glyphicon[\w-]*|fa[srlbd]?|bi|icons?)(?:$|\s)")
#: The page's own content: an element holding one of these is never furniture.
_MAIN_CONTENT = "main, article, [role=main]"
_BLOCK = frozenset(
    "p div section article main blockquote table tbody thead tfoot tr td th figure figcaption address "
    "center body html ul ol dl dd details hr".split()
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
#: How deep elements may nest (real pages stay far below; browsers stop nesting at 512). Deeper
#: pages are refused before parsing, which takes quadratic time in their depth;
#: text the walker finds deeper still (implied nesting) is read as if it sat at this depth.
MAX_DEPTH = 1500
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")
_NOT_MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
#: Elements that never nest (void) or whose end tag may be left out: not counted as nesting.
_FLAT = frozenset(
    "area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option optgroup "
    "tbody thead tfoot colgroup caption rb rp rt rtc html head body".split()
)


class _Reader:
    """Walks a DOM tree into blocks: headings, paragraphs (a ``<br>`` starts a new one), items."""

    def __init__(self, base: str | None) -> None:
        self.base = base
        self.blocks: list[Block] = []
        self.words: list[str] = []
        self.links: list[Link] = []
        self.context: list[tuple[Kind, int, int, str]] = [("paragraph", 0, 0, "")]
        self.depth = 0
        self.strong = 0  # inside <b>/<strong>
        self.bold = 0  # letters of the current paragraph inside <b>/<strong>
        self.lead = 0  # how many of the words a bold run at the paragraph's start took
        self.positions: dict[int, dict[int, int]] = {}  # <ol> -> its <li> -> place, counted once per list
        self.nesting = 0  # elements entered by _walk, to stop at MAX_DEPTH
        self.pairs: dict[int, bool] = {}  # a list -> whether its items pair a question with its answer
        self.asked: set[int] = set()  # the first blocks of such items: their questions
        self.answering = 0  # inside an element the page names an answer (class="faq-answer")

    def read(self, node: LexborNode) -> list[Block]:
        import sys

        limit = sys.getrecursionlimit()  # about three calls per level; 3.11 keeps them off the C stack
        sys.setrecursionlimit(max(limit, 4 * MAX_DEPTH + 1000))
        try:
            self._walk(node)
        finally:
            sys.setrecursionlimit(limit)
        self._flush()
        return self.blocks

    def _walk(self, node: LexborNode) -> None:
        if self.nesting >= MAX_DEPTH:
            self.words.append(" " + (node.text(deep=True, separator=" ") or "") + " ")
            return
        self.nesting += 1
        try:
            self._walk_children(node)
        finally:
            self.nesting -= 1

    def _walk_children(self, node: LexborNode) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                text = child.text_content or ""
                self.words.append(text)
                if self.strong:
                    self.bold += len("".join(text.split()))
            elif (tag in _SKIP and not _sections_header(child)) or tag == "-comment" or _skipped(child):
                continue
            elif tag == "button":
                if _accordion(child):  # an accordion's question; other buttons work the page
                    self._walk(child)
            elif tag in ("b", "strong") and child.mem_id in self.asked:
                self._inside(child, ("term", 0, 0, ""))  # a list item's bold first line: its question
            elif tag in ("b", "strong"):
                leading = not "".join(self.words).strip()
                self.strong += 1
                self._walk(child)
                self.strong -= 1
                if leading:
                    self.lead = len(self.words)
            elif tag == "br":
                self._flush()
            elif tag == "pre":
                self._code(child)
            elif tag in _HEADINGS:
                self._inside(child, ("heading", _HEADINGS[tag], 0, ""))
            elif tag in ("dt", "summary") or (tag in _BLOCK and _question_class(child)):
                self._inside(child, ("term", 0, 0, ""))
            elif tag in _BLOCK and _answer_class(child):
                self._flush()
                self._asked_before(child)
                self.answering += 1
                self._inside(child, ("paragraph", 0, 0, ""))
                self.answering -= 1
            elif tag == "li":
                self._item(child)
            elif tag in ("ol", "ul"):
                self._flush()
                self.depth += 1
                self._walk(child)
                self.depth -= 1
                self._flush()
            elif tag in _BLOCK and child.mem_id in self.asked:
                self._inside(child, ("term", 0, 0, ""))
            elif tag in _BLOCK:
                # a block inside a term (``<summary><div><label>…``) is still the term
                self._inside(child, self.context[-1] if self.context[-1][0] == "term" else ("paragraph", 0, 0, ""))
            elif tag == "a":
                self._link(child)
            else:
                self._walk(child)

    def _inside(self, node: LexborNode, context: tuple[Kind, int, int, str]) -> None:
        self._flush()
        self.context.append(context)
        self._walk(node)
        self._flush()
        self.context.pop()

    def _asked_before(self, answer: LexborNode) -> None:
        """The element right before one its page names an answer holds that answer's question
        (``<h4>…</h4><div class="answer">``): a term, as a ``<dt>`` is, whether or not it asks."""
        before = answer.prev
        while before is not None and (before.tag in ("-text", "-comment") or _skipped(before) or not _letters(before)):
            before = before.prev
        if before is None or not self.blocks:
            return
        last = self.blocks[-1]
        if last.kind in ("heading", "paragraph") and " ".join((before.text() or "").split()) == last.text:
            self.blocks[-1] = Block("term", last.text, links=last.links)

    def _code(self, node: LexborNode) -> None:
        """Preformatted text as a code block, line for line."""
        self._flush()
        code = (node.text(deep=True, strip=False) or "").strip("\n").rstrip()
        if code.strip():
            self.blocks.append(Block("code", code))

    def _item(self, node: LexborNode) -> None:
        parent = node.parent
        if parent is not None and self._pairing(parent):
            first = _first_line(node)
            assert first is not None  # every item of a pairing list has one
            self.asked.add(first.mem_id)
            self._inside(node, ("paragraph", 0, 0, ""))
            return
        if parent is not None and parent.tag == "ol":
            start = _integer(parent.attributes.get("start"), 1)
            number = _integer(node.attributes.get("value"), start + self._position(parent, node))
            self._inside(node, ("numbered", 0, number, f"ol{self.depth}"))
        else:
            self._inside(node, ("item", 0, 0, ""))

    def _pairing(self, listed: LexborNode) -> bool:
        """Whether a list's items each pair a first line with what answers it (``<ol><li><p>Does it
        run on Linux?</p><p>Yes, …</p></li>…``, or a bold first line and a line break), one of them
        at least asking: a list of questions and answers, as a ``<dl>`` is, asking or not."""
        known = self.pairs.get(listed.mem_id)
        if known is None:
            firsts = [_first_line(n) for n in _elements(listed) if n.tag == "li"]
            lines = [first for first in firsts if first is not None]
            known = self.pairs[listed.mem_id] = (
                len(firsts) >= 2
                and len(lines) == len(firsts)
                and any(asks(" ".join((n.text() or "").split())) for n in lines)
            )
        return known

    def _position(self, parent: LexborNode, node: LexborNode) -> int:
        places = self.positions.get(parent.mem_id)
        if places is None:
            items = (n for n in parent.iter() if n.tag == "li")
            places = self.positions[parent.mem_id] = {n.mem_id: at for at, n in enumerate(items)}
        return places.get(node.mem_id, 0)

    def _link(self, node: LexborNode) -> None:
        before = len(self.words)
        self._walk(node)
        text = " ".join("".join(self.words[before:]).split())
        url = _href(node.attributes.get("href"))
        if text and url:
            self.links.append(Link(text, url))

    def _flush(self) -> None:
        lead, self.lead = self.lead, 0
        kind, level, number, shape = self.context[-1]
        opened = kind in ("paragraph", "item", "numbered")
        if lead and opened and self.bold < len("".join("".join(self.words).split())):
            asked = " ".join("".join(self.words[:lead]).split())
            if asks(asked):  # "<p><b>Question?</b> The answer ...</p>", "<li><b>…?</b> …</li>": question, answer
                self.blocks.append(Block("heading", asked, level=BOLD, shape=LEAD))
                self.words, self.bold, kind = self.words[lead:], 0, "paragraph"
        text = " ".join("".join(self.words).split())
        bold, self.bold = self.bold, 0
        self.words = []
        if not text:
            return
        links, self.links = tuple(self.links), []
        if kind == "paragraph" and bold == len("".join(text.split())) and not self.answering and bold_heading(text):
            # a line all in bold: a heading, but not inside an element its page names an answer
            block = Block("heading", text, level=BOLD, links=links)
        elif kind == "paragraph":
            block = line_block(text, text_headings=False) or Block("paragraph", text)
            block = Block(block.kind, block.text, number=block.number, shape=f"p:{block.shape}", links=links)
        elif kind == "numbered" and numbering(text):
            found = numbering(text)
            assert found is not None
            block = Block(
                "numbered",
                found.rest,
                number=found.path[-1],
                shape=f"{shape}:{found.shape}",
                path=found.path,
                written=found.written if len(found.path) > 1 else "",
                links=links,
            )
        else:
            depth = max(self.depth - 1, 0) if kind == "item" else 0  # a list nested in another's item
            block = Block(kind, text, level=level, number=number, shape=shape, links=links, depth=depth)
        self.blocks.append(block)
        if kind != "heading":  # what follows in the same element is a paragraph of its own
            self.context[-1] = ("paragraph", 0, 0, "")


def _first_line(item: LexborNode) -> LexborNode | None:
    """The line of a list item that the rest of it answers: its first paragraph, above paragraphs (or
    code, lists) of its own; or its bold first line, above the text after a line break
    (``<li><p><strong>Question</strong><br>Answer</p></li>``, Markdown's bold line and hard break)."""
    kids = _elements(item)
    if len(kids) >= 2 and kids[0].tag in ("p", "div") and all(k.tag in _PAIRED for k in kids):
        return kids[0]
    holder = kids[0] if len(kids) == 1 and kids[0].tag == "p" else item
    nodes = [
        n
        for n in holder.iter(include_text=True)
        if n.tag != "-comment" and (n.tag != "-text" or (n.text_content or "").strip())
    ]
    if len(nodes) < 3 or nodes[0].tag not in ("strong", "b") or nodes[1].tag != "br":
        return None
    return nodes[0] if _letters(nodes[0]) else None


#: What a list item pairing a question with its answer holds: paragraphs, and code or lists in the answer.
_PAIRED = frozenset("p div pre ul ol blockquote table figure".split())


#: Where a ``<header>`` heads that part of the page, not the site (HTML's rule for its banner role).
_SECTIONING = frozenset("article section aside main nav".split())


def _sections_header(node: LexborNode) -> bool:
    """A ``<header>`` inside an article or section (``<article><header><h4>M18</h4></header>…``): HTML
    makes it that part's heading, where a ``<header>`` outside them is the page's banner."""
    if node.tag != "header":
        return False
    parent = node.parent
    while parent is not None:
        if parent.tag in _SECTIONING:
            return True
        parent = parent.parent
    return False


def _elements(node: LexborNode) -> list[LexborNode]:
    """A node's child elements (no text, no comments)."""
    return [n for n in node.iter(include_text=False) if n.tag != "-comment"]


def nesting(text: str) -> int:
    """How deep the page's elements nest, counted from its tags (scripts, comments, ``<x/>`` and
    elements that cannot hold others or whose end tag may be left out not counted): a cheap
    estimate, before any parsing."""
    depth = deepest = 0
    for closing, tag, empty in _TAG.findall(_NOT_MARKUP.sub("", text)):
        if empty or tag.lower() in _FLAT:
            continue
        if closing:
            depth = max(depth - 1, 0)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _integer(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _href(href: str | None) -> str | None:
    """A link's address as written (resolved later, against the page's address); None for scripts."""
    if not href or not href.strip():
        return None
    href = href.strip()
    scheme = urlsplit(href).scheme.lower()
    return href if scheme in ("", "http", "https", "mailto") else None


def _words(text: str) -> str:
    """A question as its words only, to tell the same question written with other spacing or marks."""
    return " ".join(re.findall(r"\w+", fold(text)))


def _accordion(node: LexborNode) -> bool:
    """A button that shows a question (an accordion's), not one that works the page ("Menu", "OK")."""
    text = " ".join((node.text() or "").split())
    return asks(text) or len(text.split()) >= 4


#: A class that names an element a question: "question", "faq-question", "faq__q", "vraag", "question-title".
_QUESTION_CLASS = re.compile(
    r"^(?:[\w-]*[-_])?(?:question|vraag|q)(?:[-_]+(?:title|text|header|heading|toggle))?$", re.I
)


#: A class that names an element the answer to the question before it: "answer", "faq-answer",
#: "antwoord", "answer-content", and an FAQ's or accordion's "a" ("faq-a", "faq__a", "faq-acc-a").
_ANSWER_CLASS = re.compile(
    r"^(?:(?:[\w-]*[-_])?(?:answer|antwoord)|[\w-]*(?:faq|qa|acc)[\w-]*[-_]a)(?:[-_]+(?:text|body|content|inner|wrapper))?$",
    re.I,
)


def _answer_class(node: LexborNode) -> bool:
    """An element its page marks as the answer to the question before it, by its class."""
    return any(_ANSWER_CLASS.match(name) for name in (node.attributes.get("class") or "").split())


def _letters(node: LexborNode) -> bool:
    """Whether an element shows any word (an accordion's "+" or chevron shows none)."""
    return any(c.isalnum() for c in node.text() or "")


def _question_class(node: LexborNode) -> bool:
    """An element its page marks as a question by its class, as ``<dt>`` marks a term (``<div
    class="faq-question">`` above ``<div class="faq-answer">``): whether or not the question asks."""
    return any(_QUESTION_CLASS.match(name) for name in (node.attributes.get("class") or "").split())


def _icon(node: LexborNode) -> bool:
    """An icon-font glyph: an element of an icon class whose text is one word naming the glyph."""
    names = node.attributes.get("class") or ""
    if not names or not _ICON.search(names):
        return False
    return bool(re.fullmatch(r"\s*[a-z][a-z0-9_-]*\s*", node.text() or ""))


#: What a permalink beside a heading shows: a pilcrow, section sign, hash, tilde, link symbol, or
#: nothing visible (a zero-width space).
_PERMALINK_TEXT = re.compile(r"[\s\u200b\u200c\u200d\ufeff¶§#~🔗⚓]*")


def _permalink(node: LexborNode) -> bool:
    """A link to a place on the page that shows only a permalink sign ("¶" after a Sphinx
    heading, a zero-width space in Docusaurus's hash link): not part of the heading's text."""
    href = node.attributes.get("href") or "" if node.tag == "a" else ""
    return href.startswith("#") and bool(_PERMALINK_TEXT.fullmatch(node.text() or ""))


def _skipped(node: LexborNode) -> bool:
    """An element that is not the page's text: furniture, a dialog, an icon glyph, a permalink, a link card."""
    return (
        _furniture(node)
        or _dialog(node)
        or _icon(node)
        or _toggle_sign(node)
        or _kicker(node)
        or _permalink(node)
        or _teaser(node)
    )


def _dialog(node: LexborNode) -> bool:
    """A dialog the page opens over itself, as ``<dialog>`` is: ARIA's ``role="dialog"`` or
    ``"alertdialog"``, and Bootstrap's ``class="modal"`` (a login form, a notice, a video): not the page's text."""
    attributes = node.attributes
    if (attributes.get("role") or "").lower() in ("dialog", "alertdialog"):
        return True
    return "modal" in (attributes.get("class") or "").split()


#: A class that names a short label set above a heading: "eyebrow", "kicker", "overline", "pretitle",
#: "section-label", "tagline".
_KICKER_CLASS = re.compile(r"(?:^|[-_])(?:eyebrow|kicker|overline|pre-?title|section-?label|tagline)(?:$|[-_])", re.I)
#: Words a kicker has at most: a label, not a sentence.
_KICKER_WORDS = 5


def _kicker(node: LexborNode) -> bool:
    """A short label its page sets above a heading (``<p class="eyebrow">Starten</p><h2>Beginnen</h2>``):
    it decorates the heading that names the section; read as text it would end the answer above."""
    names = (node.attributes.get("class") or "").split()
    if not any(_KICKER_CLASS.search(name) for name in names):
        return False
    after = node.next
    while after is not None and after.tag in ("-text", "-comment"):
        after = after.next
    return after is not None and after.tag in _HEADINGS and len((node.text() or "").split()) <= _KICKER_WORDS


#: What an accordion draws beside its question to show it opens: a plus, minus, arrow or chevron.
_SIGN = re.compile(r"\s*[^\w\s?!.,;:'\"()\[\]&%$€£@*/\\]{1,2}\s*")


def _toggle_sign(node: LexborNode) -> bool:
    """An element of its own (classed or hidden from screen readers) holding only a sign such as
    "+", a minus or "▾" (``<span class="faq-icon">+</span>`` after a question): it opens the answer,
    it is not part of the question."""
    attributes = node.attributes
    if node.tag not in ("span", "i", "div", "em", "b") or not (
        attributes.get("class") or attributes.get("aria-hidden")
    ):
        return False
    if any(True for _ in node.iter(include_text=False)):
        return False  # it holds elements: not a sign of its own (and its text is not read for each)
    return bool(_SIGN.fullmatch(node.text() or ""))


def _teaser(node: LexborNode) -> bool:
    """A card that is one link to another page, headed by its title ("related pages", "read more"):
    its heading names that page, it is not a question answered here. A link to a place on this page
    (an accordion's ``href="#answer-3"``) is not one."""
    if node.tag != "a":
        return False
    href = (node.attributes.get("href") or "").strip().lower()
    if not href or href.startswith(("#", "javascript:")):
        return False
    return node.css_first(", ".join(_HEADINGS)) is not None


def _furniture(node: LexborNode) -> bool:
    """An element that is page furniture by its role or class (navigation, cookie notice, contents)."""
    attributes = node.attributes
    role = (attributes.get("role") or "").lower()
    if role in ("navigation", "banner", "contentinfo", "search", "complementary"):
        return True
    names = " ".join(
        n for n in f"{attributes.get('class') or ''} {attributes.get('id') or ''}".split() if not _LAYOUT.match(n)
    )
    if not names.strip() or not _FURNITURE.search(names):
        return False
    # A theme's wrapper may carry such a name ("wy-nav-content") around the page itself.
    return node.css_first(_MAIN_CONTENT) is None


def fragment_blocks(html: str) -> list[Block]:
    """The blocks of a piece of HTML (an HTML block in Markdown, a spreadsheet cell)."""
    from selectolax.lexbor import LexborHTMLParser

    body = LexborHTMLParser(f"<body>{html}</body>").body
    return _Reader(None).read(body) if body is not None else []


class HtmlPage:
    """What an HTML source says: its Q&A, title and address."""

    def __init__(self, text: str, name: str = "page") -> None:
        from selectolax.lexbor import LexborHTMLParser

        if nesting(text) > MAX_DEPTH:
            raise CorpusError(
                "{name}: elements nested more than {depth} deep; not a page ecoqa can read.",
                name=name,
                depth=f"{MAX_DEPTH:,}",
            )
        self.tree = LexborHTMLParser(text)
        self.url = self._meta("link[rel=canonical]", "href") or self._meta('meta[property="og:url"]', "content")
        base = self._meta("base[href]", "href")
        self.base = urljoin(self.url, base) if self.url and base else (base or self.url)
        self.title = self._title()

    def _meta(self, selector: str, attribute: str) -> str | None:
        node = self.tree.css_first(selector)
        value = node.attributes.get(attribute) if node is not None else None
        return value.strip() or None if value else None

    def _title(self) -> str | None:
        for selector, attribute in (('meta[property="og:title"]', "content"),):
            value = self._meta(selector, attribute)
            if value:
                return " ".join(value.split())
        for selector in ("h1", "title"):
            node = self.tree.css_first(selector)
            if node is not None and node.text().strip():
                return " ".join(node.text().split())
        return None

    def blocks(self) -> list[Block]:
        root = self.tree.body or self.tree.root
        return _Reader(self.base).read(root) if root is not None else []

    def found(self) -> Found:
        """Structured data (JSON-LD, then microdata), and the questions the page shows besides.

        Markup that lists fewer questions than the page shows does not hide the others: the page's
        own questions that the markup does not list follow those it does. Nor does markup that
        shortens or rewords an answer replace what the page shows under the same question; and a
        question the markup lists but the page does not show (while it shows others the markup
        lists) is not the page's: search engines were told it, readers never see it.
        """
        structured = self._json_ld() or self._microdata()
        blocks = self.blocks()
        page = recognise(blocks)
        if structured is None or self._one_question_page():
            return structured or page
        structured.pairs[:] = _with_answers_shown_whole(_on_page(structured.pairs, blocks, page.pairs), page.pairs)
        marked = {_words(p.question) for p in structured.pairs}
        shown = [
            p for p in page.pairs if _words(p.question) not in marked and likelihood(p.question, asking_page=True) > 0.5
        ]
        if len(page.pairs) >= 2:
            structured.pairs.extend(shown)  # questions the page asks that its markup does not list
        return structured

    def _one_question_page(self) -> bool:
        """A QAPage: one question and its answers, which its markup says better than any heading."""
        if self.tree.css_first('[itemtype*="schema.org/QAPage"]') is not None:
            return True
        return any('"QAPage"' in (node.text() or "") for node in self.tree.css('script[type="application/ld+json"]'))

    def _fragment(self, html: str) -> tuple[str, tuple[Link, ...]]:
        """An answer's HTML as corpus text and its links."""
        from selectolax.lexbor import LexborHTMLParser

        fragment = LexborHTMLParser(f"<body>{html}</body>")
        blocks = _Reader(self.base).read(fragment.body) if fragment.body is not None else []
        return compose(blocks), tuple(dict.fromkeys(link for b in blocks for link in b.links))

    def _json_ld(self) -> Found | None:
        pairs: list[Pair] = []
        for node in self.tree.css('script[type="application/ld+json"]'):
            for question in _questions(_json(node.text())):
                name = _plain(question.get("name") or question.get("text"))
                answer = _answer_of(question)
                if name and answer:
                    text, links = self._fragment(answer)
                    if text:
                        pairs.append(Pair(name, text, references=links))
        return Found(pairs, form="schema.org FAQPage/QAPage (JSON-LD)") if pairs else None

    def _microdata(self) -> Found | None:
        pairs: list[Pair] = []
        for node in self.tree.css('[itemscope][itemtype*="schema.org/Question"]'):
            name = node.css_first('[itemprop="name"]')
            answer = node.css_first('[itemprop="acceptedAnswer"] [itemprop="text"]') or node.css_first(
                '[itemprop="suggestedAnswer"] [itemprop="text"]'
            )
            if name is None or answer is None:
                continue
            text, links = self._fragment(answer.html or "")
            question = " ".join(name.text().split())
            if question and text:
                pairs.append(Pair(question, text, references=links))
        return Found(pairs, form="schema.org FAQPage/QAPage (microdata)") if pairs else None


def _on_page(marked: list[Pair], blocks: list[Block], page: list[Pair]) -> list[Pair]:
    """The marked-up pairs the page's readers get. Markup that says what the page says (where the
    page shows a marked question with an answer, one answer holds the other) is the page's own
    data: all of it, questions the page folds away included. Markup that words its answers
    otherwise is a write-up for search engines: only its questions the page shows as a line of
    their own (numbered or labelled or not) are the page's. A page that shows none of them (a
    script draws its questions) has only its markup."""
    lines = {_words(b.text) for b in blocks} | {_words(question_text(b.text)[0]) for b in blocks}
    shown = [pair for pair in marked if _words(pair.question) in lines]
    told = {_words(p.question): _words(p.answer) for p in page}
    compared = [(_words(p.answer), told[_words(p.question)]) for p in shown if told.get(_words(p.question))]
    if not shown or all(said in answer or answer in said for said, answer in compared):
        return marked
    return shown


#: A page's own answer shorter than this share of the marked-up one is a teaser ("Lees meer"), not the answer.
_TEASER = 1 / 3


def _with_answers_shown_whole(marked: list[Pair], shown: list[Pair]) -> list[Pair]:
    """The marked-up pairs, each with the page's own answer to its question: the one its readers
    read (markup often keeps only the first sentences, or says it again in other words), unless
    the page shows only part of the marked-up answer or a teaser of it."""
    on_page = {_words(p.question): p for p in shown}
    whole = []
    for pair in marked:
        page = on_page.get(_words(pair.question))
        said, told = _words(pair.answer), _words(page.answer) if page else ""
        if page is not None and told and told not in said and len(told) >= _TEASER * len(said):
            pair = replace(pair, answer=page.answer, references=page.references)
        whole.append(pair)
    return whole


def _json(text: str) -> Any:
    cleaned = re.sub(r"^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$", "", text.strip())
    try:
        return json.loads(cleaned)
    except (ValueError, RecursionError):  # RecursionError: arrays nested a thousand deep
        return None


def _questions(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """The Question objects of every FAQPage or QAPage in a JSON-LD value, in document order
    (looked for up to 20 lists or graphs deep)."""
    if depth > 20:
        return
    if isinstance(data, list):
        for item in data:
            yield from _questions(item, depth + 1)
        return
    if not isinstance(data, dict):
        return
    if "@graph" in data:
        yield from _questions(data["@graph"], depth + 1)
    types = data.get("@type")
    types = types if isinstance(types, list) else [types]
    if any(t in ("FAQPage", "QAPage") for t in types):
        main = data.get("mainEntity")
        for item in main if isinstance(main, list) else [main]:
            if isinstance(item, dict):
                yield item


def _answer_of(question: dict[str, Any]) -> str | None:
    for key in ("acceptedAnswer", "suggestedAnswer"):
        value = question.get(key)
        first = value[0] if isinstance(value, list) and value else value
        if isinstance(first, dict) and isinstance(first.get("text"), str) and first["text"].strip():
            return str(first["text"])
    return None


def _plain(value: Any) -> str | None:
    """A question given as (possibly marked-up) text, as one line."""
    if not isinstance(value, str):
        return None
    from selectolax.lexbor import LexborHTMLParser

    body = LexborHTMLParser(f"<body>{value}</body>").body
    blocks = _Reader(None).read(body) if body is not None else []
    return " ".join(b.text for b in blocks) or None
