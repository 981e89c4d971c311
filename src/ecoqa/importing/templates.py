"""Template tags of static-site generators, read as the built page shows them.

A Markdown page with front matter is a page of a static site, and the site runs its template
language over it before the Markdown is read: Hugo's shortcodes (``{{< note >}}``, ``{{% tab %}}``)
and Liquid or Jinja tags (``{% include x.html %}``, ``{% raw %}``) are the site's markup, never text
of an answer. Outside code each tag is left out and the text between a pair of tags is kept; a
shortcode that folds its text under a title (``{{% details title="How do I …?" %}}`` … ``{{% /details %}}``)
is the ``<details>`` element with that ``<summary>`` it renders;
a highlight pair is a code block; a link whose address a tag makes (``{{< relref "cli" >}}``) keeps
its text. Inside code only Hugo's escaped form (``{{</* name */>}}``, written so the page shows
the tag itself) is read as the tag it shows: other tags in code are examples, kept as written.
Liquid and Jinja variables (``{{ site.title }}``) stay, since their value is not in the page.

A pair of tags that wraps an answer and carries its question as an argument is the site's
collapsible question, shown as the ``<details>`` panel it builds: Hugo's ``{{< faq q="…" >}}`` …
``{{< /faq >}}``, Liquid's ``{% faqitem Why? %}`` …
``{% endfaqitem %}``, Eleventy's ``{% faq "…" %}`` … ``{% endfaq %}``, Markdoc's ``{% /faqitem %}``,
and a pair of includes ``{% include faq-begin question="…" %}`` … ``{% include faq-end %}``.
"""

from __future__ import annotations

import html
import re

from ecoqa.importing.blocks import asks
from ecoqa.text import fenced

#: ``{{</* name */>}}`` and ``{{%/* name */%}}``: a Hugo shortcode the page shows as written.
_ESCAPED = re.compile(r"\{\{([<%])/\*(.*?)\*/([>%])\}\}", re.S)
_SHORTCODE = re.compile(r"\{\{<(?!/\*)(.*?)>\}\}|\{\{%(?!/\*)(.*?)%\}\}", re.S)
#: Shortcodes that fold their content under a title, as Hugo themes document them: ``details`` (Hextra,
#: Hugo Book) and ``expand`` (Relearn, Learn), titled by ``title="…"`` or their first argument.
_FOLDING = re.compile(
    r"""^\s*(?:details|expand)\s+(?:[^"']*?\btitle\s*=\s*)?(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')"""
)
_ANY_TAG = re.compile(
    r"\{\{<(?!/\*)(?P<hugo>.*?)>\}\}|\{\{%(?!/\*)(?P<percent>.*?)%\}\}|\{%-?(?P<liquid>.*?)-?%\}", re.S
)
_LIQUID_TAG = re.compile(r"\{%-?(.*?)-?%\}|\{#.*?#\}", re.S)
#: A highlight pair: Hugo's ``{{< highlight go >}}`` … ``{{< /highlight >}}``, Liquid's ``{% highlight ruby %}``
#: … ``{% endhighlight %}``.
_HIGHLIGHT = re.compile(
    r"(?:\{\{[<%]|\{%-?)\s*highlight\s+(?P<lang>[\w+#.-]+)[^\n]*?(?:[>%]\}\}|-?%\})[ \t]*\n?(?P<code>.*?)\n?[ \t]*"
    r"(?:\{\{[<%]\s*/highlight\s*[>%]\}\}|\{%-?\s*endhighlight\s*-?%\})",
    re.S,
)
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}", re.S)
_COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}", re.S)
_TAG_IN_LINK = re.compile(r"\[(?P<text>[^\]\n]*)\]\(\s*(?P<target>[^()\s]*(?:\{\{|\{%)[^)]*?)\s*\)")
#: The name and arguments inside a tag (``faq q="Why?"``, ``include snippets/faq-begin question="…"``).
_NAMED = re.compile(r"^\s*(?P<name>/?[\w.-]+(?:/[\w.-]+)*)(?P<args>.*?)\s*/?\s*$", re.S)
_TITLE_ARGUMENT = re.compile(
    r"""(?:^|\s)(?P<key>question|q|title|summary|heading|header)\s*=\s*(?P<quote>["'])(?P<title>.*?)(?P=quote)""",
    re.I | re.S,
)
_QUOTED_FIRST = re.compile(r"""^\s*(?P<quote>["'])(?P<title>.*?)(?P=quote)""", re.S)
#: Names that say a tag holds a question: ``faq``, ``faqitem``, ``faq-begin``, ``question``, ``qa``.
_ASKING_NAME = re.compile(r"faq|question|(?:^|[-_/])qa(?:$|[-_])", re.I)
#: The suffixes of a pair of includes that open and close a block (``faq-begin`` … ``faq-end``).
_OPENS = re.compile(r"[-_](?:begin|start|open)$", re.I)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def has_tags(text: str) -> bool:
    return "{{<" in text or "{{%" in text or "{%" in text or "{#" in text


def rendered(text: str) -> str:
    """*text*, a static site's Markdown page, with its template tags read as the site shows them."""
    if not has_tags(text):
        return text
    hugo = bool(_SHORTCODE.search(text) or _ESCAPED.search(text))
    parts = _RAW.split(text) if not hugo else [text]
    for at in range(0, len(parts), 2):  # odd parts are the insides of {% raw %}: kept as written
        parts[at] = _outside_code(_HIGHLIGHT.sub(_fenced, parts[at]), hugo)
    return "".join(parts)


def _outside_code(text: str, hugo: bool) -> str:
    """The tags of prose read, those of fenced code and code spans kept (Hugo's escaped ones shown)."""
    out: list[str] = []
    prose: list[str] = []
    fence = ""
    for line in text.split("\n"):
        opened = _FENCE.match(line)
        if fence or opened:
            if not fence and opened:
                out.append(_prose("\n".join(prose), hugo))
                prose = []
                fence = opened.group(1)
            elif opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            out.append(_ESCAPED.sub(_shown, line))
            continue
        prose.append(line)
    out.append(_prose("\n".join(prose), hugo))
    return "\n".join(out)


def _prose(text: str, hugo: bool) -> str:
    """Text outside fenced code: code spans keep their tags, the rest loses them."""
    if not has_tags(text):
        return text
    kept: list[str] = []

    def keep(found: re.Match[str]) -> str:
        kept.append(_ESCAPED.sub(_shown, found.group()))
        return f"\x00{len(kept) - 1}\x00"

    text = _CODE_SPAN.sub(keep, text)
    text = _TAG_IN_LINK.sub(_link_text, text)
    text = _asked_panels(text)
    if hugo:
        text = _ESCAPED.sub(_shown, _SHORTCODE.sub(_folding_title, text))
    else:
        text = _LIQUID_TAG.sub("", _COMMENT.sub("", text))
    return re.sub(r"\x00(\d+)\x00", lambda found: kept[int(found.group(1))], text)


def _folding_title(found: re.Match[str]) -> str:
    """A shortcode as the page shows it: a folding one as the ``<details>`` it opens (its title the summary)
    or closes, any other nothing."""
    inside = found.group(1) if found.group(1) is not None else found.group(2)
    title = _FOLDING.match(inside)
    if title is None:
        return "\n\n</details>\n\n" if re.match(r"\s*/(?:details|expand)\b", inside) else ""
    text = " ".join((title.group("double") or title.group("single") or "").split())
    return "\n\n<details><summary>" + html.escape(text) + "</summary>\n\n"


def _asked_panels(text: str) -> str:
    """Each opening tag of a pair that carries a question, as the ``<details>`` panel the site builds
    of it (the tags themselves are left out afterwards, like every other tag)."""
    tags = [(found, *_name_and_arguments(found)) for found in _ANY_TAG.finditer(text)]
    out: list[str] = []
    last = 0
    for at, (found, name, arguments) in enumerate(tags):
        question = _question(found, name, arguments)
        if question is None or not _closers(found, name) & {later for _, later, _ in tags[at + 1 :]}:
            continue
        out += [text[last : found.start()], f"\n\n<details><summary>{html.escape(question, quote=False)}</summary>\n\n"]
        last = found.end()
    return "".join(out) + text[last:]


def _name_and_arguments(found: re.Match[str]) -> tuple[str, str]:
    """A tag's name and arguments; a Liquid include is named by its file (``snippets/faq-begin``)."""
    inner = found.group("hugo") or found.group("percent") or found.group("liquid") or ""
    named = _NAMED.match(inner)
    if named is None:
        return "", ""
    name, arguments = named.group("name"), named.group("args")
    if found.group("liquid") is not None and name == "include":
        included = _NAMED.match(arguments)
        if included is None:
            return "", ""
        name, arguments = included.group("name").rsplit("/", 1)[-1].split(".", 1)[0], included.group("args")
        return f"include:{name}", arguments
    return name, arguments


def _closers(found: re.Match[str], name: str) -> set[str]:
    """The names of the tags that would close *found*: ``/faq`` (Hugo, Markdoc), ``endfaq`` (Liquid,
    Nunjucks), ``include:faq-end`` after ``include:faq-begin``."""
    if name.startswith("include:"):
        opens = _OPENS.search(name)
        if opens is None:
            return set()
        stem, mark = name[: opens.start()], opens.group()[0]
        return {f"{stem}{mark}{end}" for end in ("end", "END", "End", "stop", "close")}
    if found.group("liquid") is None:
        return {f"/{name}"}
    return {f"end{name}", f"/{name}"}


def _question(found: re.Match[str], name: str, arguments: str) -> str | None:
    """The question an opening tag carries: a question/title argument, a first quoted argument, or
    (a Liquid block tag) its bare words; one that asks, or one the tag or argument names a question."""
    if not name or name.startswith(("/", "end")) or _FOLDING.match(found.group("hugo") or found.group("percent") or ""):
        return None  # Hugo's folding shortcodes show their title as a bold line (_folding_title)
    key = ""
    titled = _TITLE_ARGUMENT.search(arguments)
    quoted = _QUOTED_FIRST.match(arguments)
    if titled:
        key, title = titled.group("key").lower(), titled.group("title")
    elif quoted:
        title = quoted.group("title")
    elif found.group("liquid") is not None and not name.startswith("include:") and "=" not in arguments:
        title = arguments.split("|", 1)[0]
    else:
        return None
    title = " ".join(title.split())
    if not title or not (asks(title) or key in ("question", "q") or _ASKING_NAME.search(name)):
        return None
    return title


def _shown(found: re.Match[str]) -> str:
    return "{{" + found.group(1) + found.group(2) + found.group(3) + "}}"


def _fenced(found: re.Match[str]) -> str:
    return "\n" + fenced(found.group("code")).replace("\n", found.group("lang") + "\n", 1) + "\n"


def _link_text(found: re.Match[str]) -> str:
    """A link whose address a tag makes: the rest of the address when one is left, else its text."""
    target = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", found.group("target")).strip()
    return f"[{found.group('text')}]({target})" if target and " " not in target else found.group("text")
