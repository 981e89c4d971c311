"""Template tags of static-site generators, read as the built page shows them.

A Markdown page with front matter is a page of a static site, and the site runs its template
language over it before the Markdown is read: Hugo's shortcodes (``{{< note >}}``, ``{{% tab %}}``)
and Liquid or Jinja tags (``{% include x.html %}``, ``{% raw %}``) are the site's markup, never text
of an answer. Outside code each tag is left out and the text between a pair of tags is kept; a
shortcode that folds its text under a title (``{{% details title="How do I …?" %}}``, as a
``<details>`` summary does) shows that title as a bold line;
a highlight pair is a code block; a link whose address a tag makes (``{{< relref "cli" >}}``) keeps
its text. Inside code only Hugo's escaped form (``{{</* name */>}}``, written so the page shows
the tag itself) is read as the tag it shows: other tags in code are examples, kept as written.
Liquid and Jinja variables (``{{ site.title }}``) stay, since their value is not in the page.
"""

from __future__ import annotations

import re

from ecoqa.text import fenced

#: ``{{</* name */>}}`` and ``{{%/* name */%}}``: a Hugo shortcode the page shows as written.
_ESCAPED = re.compile(r"\{\{([<%])/\*(.*?)\*/([>%])\}\}", re.S)
_SHORTCODE = re.compile(r"\{\{<(?!/\*)(.*?)>\}\}|\{\{%(?!/\*)(.*?)%\}\}", re.S)
#: Shortcodes that fold their content under a title, as Hugo themes document them: ``details`` (Hextra,
#: Hugo Book) and ``expand`` (Relearn, Learn), titled by ``title="…"`` or their first argument.
_FOLDING = re.compile(
    r"""^\s*(?:details|expand)\s+(?:[^"']*?\btitle\s*=\s*)?(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')"""
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
    if hugo:
        text = _ESCAPED.sub(_shown, _SHORTCODE.sub(_folding_title, text))
    else:
        text = _LIQUID_TAG.sub("", _COMMENT.sub("", text))
    return re.sub(r"\x00(\d+)\x00", lambda found: kept[int(found.group(1))], text)


def _folding_title(found: re.Match[str]) -> str:
    """A shortcode as the page shows it: a folding one's title as a bold line of its own, any other nothing."""
    title = _FOLDING.match(found.group(1) if found.group(1) is not None else found.group(2))
    if title is None:
        return ""
    return "\n\n**" + " ".join((title.group("double") or title.group("single") or "").split()) + "**\n\n"


def _shown(found: re.Match[str]) -> str:
    return "{{" + found.group(1) + found.group(2) + found.group(3) + "}}"


def _fenced(found: re.Match[str]) -> str:
    return "\n" + fenced(found.group("code")).replace("\n", found.group("lang") + "\n", 1) + "\n"


def _link_text(found: re.Match[str]) -> str:
    """A link whose address a tag makes: the rest of the address when one is left, else its text."""
    target = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", found.group("target")).strip()
    return f"[{found.group('text')}]({target})" if target and " " not in target else found.group("text")
