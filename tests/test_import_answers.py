"""What an imported answer holds: the page's text as the page shows it, without the markers of
the markup it was written in (site template tags, Org emphasis, drawn dividers), with its code
blocks and lists kept."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ecoqa.importing.sources import read_source

pytestmark = pytest.mark.usefixtures("english")


def answers_of(tmp_path: Path, name: str, text: str) -> dict[str, str]:
    """Each question the import finds in *text* (saved as *name*), with its answer."""
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    return {p.question: p.answer for p in read_source(source).found.pairs}


HUGO_PAGE = """---
title: FAQ
---

## How fast is resolving?

{{% note %}}
Once releases are cached, resolving is much faster.
{{% /note %}}

See [the pyproject file]({{< relref "pyproject" >}}) for details.

## How do I migrate?

{{< tabs tabTotal="2" tabName1="Old" >}}
{{< tab tabID="old" >}}

```toml
[tool.poetry]
name = "{{< not-a-tag >}}"
```

{{< /tab >}}
{{< /tabs >}}

{{< highlight go >}}
func main() {}
{{< /highlight >}}

## How do I write a shortcode in a page?

Write `{{%/* shortcode */%}}` when its content is Markdown, else {{</* shortcode */>}}.
"""


def test_hugo_shortcodes_are_left_out_and_their_text_kept(tmp_path: Path) -> None:
    """Hugo's shortcodes stayed in answers ("{{% note %}} Once Poetry has cached …", a link
    written as "[the pyproject file]({{< relref … >}})"): a site shows their text, not the tags."""
    found = answers_of(tmp_path, "faq.md", HUGO_PAGE)
    assert found["How fast is resolving?"] == (
        "Once releases are cached, resolving is much faster.\n\nSee the pyproject file for details."
    )
    migrate = found["How do I migrate?"]
    assert "{{<" not in migrate.replace('"{{< not-a-tag >}}"', "")
    assert '```\n[tool.poetry]\nname = "{{< not-a-tag >}}"\n```' in migrate  # code keeps what it shows
    assert migrate.endswith("```\nfunc main() {}\n```")  # a highlight pair is a code block
    assert found["How do I write a shortcode in a page?"] == (
        "Write {{% shortcode %}} when its content is Markdown, else {{< shortcode >}}."
    )


def test_liquid_and_jinja_tags_of_a_site_page_are_left_out(tmp_path: Path) -> None:
    page = (
        "---\nlayout: post\ntitle: FAQ\n---\n\n## Can I track sales?\n\nYes, with goals.\n\n"
        '{% include cta-box.html\n  headline="Try it"\n%}\n\nSee [the guide]({{ site.baseurl }}/docs/goals).'
        "{% comment %}todo{% endcomment %}\n\n## How do I loop in a template?\n\n"
        "Write `{% for x in xs %}` in prose, or:\n\n```jinja\n{% for x in xs %}{{ x }}{% endfor %}\n```\n\n"
        "{% raw %}or {% if x %} kept raw.{% endraw %}\n\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n"
    )
    found = answers_of(tmp_path, "faq.md", page)
    assert found["Can I track sales?"] == "Yes, with goals.\n\nSee the guide."
    loop = found["How do I loop in a template?"]
    assert loop.startswith("Write {% for x in xs %} in prose, or:")
    assert "```\n{% for x in xs %}{{ x }}{% endfor %}\n```" in loop
    assert "or {% if x %} kept raw." in loop
    assert loop.endswith("```\nputs 1\n```")


def test_template_tags_of_a_page_without_front_matter_are_its_text(tmp_path: Path) -> None:
    """Only a site's page runs its template language: a README that writes a tag shows it."""
    found = answers_of(tmp_path, "faq.md", "# FAQ\n\n## How do I escape?\n\nWrap it in {% raw %} tags.\n")
    assert found["How do I escape?"] == "Wrap it in {% raw %} tags."


def test_code_from_a_shortcode_is_shown_as_code(tmp_path: Path, invoke: Callable[..., Any]) -> None:
    source = tmp_path / "faq.md"
    source.write_text(HUGO_PAGE, encoding="utf-8")
    corpus = tmp_path / "faq.json"
    assert invoke("import", str(source), "-o", str(corpus)).exit_code == 0
    entry = next(q for q in json.loads(corpus.read_text())["questions"] if q["question"] == "How do I migrate?")
    shown = invoke("--data", str(corpus), "show", str(entry["id"]))
    assert shown.exit_code == 0
    assert "func main() {}" in shown.stdout and "{{<" not in shown.stdout.replace("{{< not-a-tag >}}", "")
    markdown = invoke("--data", str(corpus), "export", "-f", "md", "-o", "-")
    assert "```\nfunc main() {}\n```" in markdown.stdout
    html = invoke("--data", str(corpus), "export", "-f", "html", "-o", "-")
    assert "<pre" in html.stdout and "func main() {}" in html.stdout
    found = invoke("--data", str(corpus), "search", "resolving", "--json")
    assert json.loads(found.stdout)["results"]


ORG_FAQ = """#+TITLE: FAQ
* /How do I start?/
Run ~M-x
start-it~ or read [[https://example.org/guide][the
guide]]. It is /really/ =simple= and _fast_.[fn:1]
#+BEGIN_SRC emacs-lisp
  (setq x 1)
    (setq y 2)
#+END_SRC
: $ emacs --version
: GNU Emacs 29
#+BEGIN_COMMENT
A note to the authors.
#+END_COMMENT
* Where is the config?
In =~/.emacs.d/init.el=; on Fish use =env HOME=$HOME emacs=; /usr/bin/ is a path.
"""


def test_org_inline_markup_is_read_even_when_it_is_wrapped(tmp_path: Path) -> None:
    """Org's markers stayed in answers: ``/italic/`` (and in questions), ``~code~`` and links wrapped
    onto the next line, ``=HOME=$HOME=`` (a marker inside verbatim text); fixed-width ``:`` lines
    were text and a comment block's text was shown."""
    found = answers_of(tmp_path, "faq.org", ORG_FAQ)
    assert list(found) == ["How do I start?", "Where is the config?"]
    assert found["How do I start?"] == (
        "Run M-x start-it or read the guide. It is really simple and fast.\n\n"
        "```\n(setq x 1)\n  (setq y 2)\n```\n\n```\n$ emacs --version\nGNU Emacs 29\n```"
    )
    assert found["Where is the config?"] == (
        "In ~/.emacs.d/init.el; on Fish use env HOME=$HOME emacs; /usr/bin/ is a path."
    )


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("faq.txt", "Q: Where do I start?\n\nA:\nRead the guide.\n▬▬▬▬▬▬▬▬▬▬\nQ: Is it free?\n\nA:\nYes.\n═══════\n"),
        ("faq.txt", "Q: Where do I start?\nA: Read the guide.\n* * * *\nQ: Is it free?\nA: Yes.\n-=-=-=-=-=\n"),
        ("faq.md", "## Where do I start?\n\nRead the guide.\n\n▬▬▬▬▬▬▬▬\n\n## Is it free?\n\nYes.\n\n═════\n"),
    ],
)
def test_a_line_drawn_between_entries_is_not_part_of_an_answer(tmp_path: Path, name: str, text: str) -> None:
    """Dividers of other signs than ``-``, ``=`` or ``*`` (heldout4's ``▬▬▬`` lines) stayed in answers."""
    assert answers_of(tmp_path, name, text) == {"Where do I start?": "Read the guide.", "Is it free?": "Yes."}


TEXT_FAQ = """Tool FAQ

-> Why doesn't the "edit" command work with my editor?

Because such editors fork and return at once by default, so the tool
sees the editor exit before you have typed anything and uploads the
unchanged file. Tell the editor to wait:

  set editor "gvim -f"
  set editor "code --wait"

Put the line in your rc file to make it permanent. Plain editors wait
already.

-> Can I use it in a script?

Yes. The exit status is 0 if every command succeeded and the number of
failed ones otherwise, so a script can branch on it without reading
anything:

\ttool -r commands.txt https://example.com/path/ < /dev/null

The manual says more about it, in these words:

  Every command runs in order, and the first one that fails stops the
  script unless the tolerant option is set.

See https://example.com/manual for the whole story of the tool.
"""


def test_indented_commands_in_a_text_faq_stay_lines_of_code(tmp_path: Path) -> None:
    """cadaver's and digitemp's FAQs (heldout8) indent commands under the paragraph that introduces
    them; the text reader joined them into that paragraph ('set editor "gvim -f" set editor …')."""
    found = answers_of(tmp_path, "faq.txt", TEXT_FAQ)
    assert found['Why doesn\'t the "edit" command work with my editor?'] == (
        "Because such editors fork and return at once by default, so the tool sees the editor exit before "
        "you have typed anything and uploads the unchanged file. Tell the editor to wait:\n\n"
        '```\nset editor "gvim -f"\nset editor "code --wait"\n```\n\n'
        "Put the line in your rc file to make it permanent. Plain editors wait already."
    )
    script = found["Can I use it in a script?"].split("\n\n")
    assert script[1] == "```\ntool -r commands.txt https://example.com/path/ < /dev/null\n```"  # a tab indents it
    # an indented quotation that reads as sentences is text, and so is an address
    assert script[3] == (
        "Every command runs in order, and the first one that fails stops the script unless the tolerant option is set."
    )
    assert script[4] == "See https://example.com/manual for the whole story of the tool."


def test_answers_indented_under_their_questions_are_text(tmp_path: Path) -> None:
    text = (
        "1. How do I start?\n\n    Run the installer and follow the steps it shows you on the screen,\n"
        "    one after the other.\n\n2. Is it free?\n\n    Yes, it is free for everyone who uses it at home.\n"
    )
    assert answers_of(tmp_path, "faq.txt", text) == {
        "How do I start?": "Run the installer and follow the steps it shows you on the screen, one after the other.",
        "Is it free?": "Yes, it is free for everyone who uses it at home.",
    }


def test_code_from_a_text_faq_is_shown_line_for_line(tmp_path: Path, invoke: Callable[..., Any]) -> None:
    source = tmp_path / "faq.txt"
    source.write_text(TEXT_FAQ, encoding="utf-8")
    corpus = tmp_path / "faq.json"
    assert invoke("import", str(source), "-o", str(corpus)).exit_code == 0
    shown = invoke("--data", str(corpus), "show", "1")
    lines = [line.strip(" │") for line in shown.stdout.splitlines()]
    assert 'set editor "gvim -f"' in lines and 'set editor "code --wait"' in lines
    markdown = invoke("--data", str(corpus), "export", "-f", "md", "-o", "-").stdout
    assert '```\nset editor "gvim -f"\nset editor "code --wait"\n```' in markdown


#: Code indented with spaces and tabs, mixed as editors leave it: four spaces, then one tab, then two.
_TABBED_CODE = "    x = 1\n\tif x:\n\t\ty()\n"
_TABBED_PAGES = {
    "faq.rst": "FAQ\n===\n\nHow do I loop?\n--------------\n\nWrite this::\n\n" + _TABBED_CODE + "\nDone.\n",
    "faq.txt": "How do I loop?\n\nWrite this:\n\n" + _TABBED_CODE + "\nDone.\n\nIs it free?\n\nYes, it is.\n",
    "faq.org": "* FAQ\n** How do I loop?\nWrite this:\n#+begin_src python\n" + _TABBED_CODE + "#+end_src\nDone.\n",
    "faq.pod": "=head1 FAQ\n\n=head2 How do I loop?\n\nWrite this:\n\n" + _TABBED_CODE + "\nDone.\n\n=cut\n",
}


@pytest.mark.parametrize("name", list(_TABBED_PAGES))
def test_code_indented_with_tabs_keeps_its_columns(tmp_path: Path, name: str) -> None:
    """A tab in the indent of code reaches the next multiple of eight columns, as docutils reads a
    literal block, Pod::Simple a verbatim paragraph and Org (tab-width 8) a source block; the code
    is then moved left by the indent its lines share, in columns. Org and POD code lost its shape:
    one character was cut from each line, a space from the first and a tab from the others."""
    found = answers_of(tmp_path, name, _TABBED_PAGES[name])
    assert found["How do I loop?"] == "Write this:\n\n```\nx = 1\n    if x:\n            y()\n```\n\nDone."


def test_markdown_code_indented_with_tabs_is_read_as_commonmark_says(tmp_path: Path) -> None:
    """Markdown has its own rule: a tab in the indent that makes a code block reaches the next
    multiple of four columns, and the code keeps its tabs past that indent (CommonMark 0.31, "Tabs")."""
    found = answers_of(tmp_path, "faq.md", "# FAQ\n\n## How do I loop?\n\nWrite this:\n\n" + _TABBED_CODE + "\nDone.\n")
    assert found["How do I loop?"] == "Write this:\n\n```\nx = 1\nif x:\n\ty()\n```\n\nDone."


def test_a_line_indented_with_a_tab_is_read_as_one_indented_with_spaces_to_the_same_column(tmp_path: Path) -> None:
    """A text page's lines are measured in columns, a tab reaching the next multiple of eight: a list
    item indented with a tab belongs with one indented with eight spaces, and a short line indented
    past the text with a tab is text under it, as with spaces (the tab counted as one column: two
    lists, and a heading guessed)."""
    from ecoqa.importing.blocks import text_blocks

    page = "    Lists:\n\n\t- one\n        - two\n\t1. first\n        2. second\n\tNo admin rights\n"
    tabbed = [(b.kind, b.shape) for b in text_blocks(page)]
    assert tabbed == [(b.kind, b.shape) for b in text_blocks(page.replace("\t", " " * 8))]
    assert [kind for kind, _ in tabbed] == ["paragraph", "item", "item", "numbered", "numbered", "paragraph"]


RST_FAQ = """FAQ
===

How do I parse a big XML feed?
------------------------------

.. autofunction:: scrapy.utils.iterators.xmliter_lxml

Which settings matter most?
---------------------------

.. list-table:: Settings
   :header-rows: 1

   * - Setting
     - Default
   * - ``pop_size``
     - 150
   * - ``fitness_threshold``
     - 3.9, or lower for noisy
       problems

.. dropdown:: Why not more?

   More settings slow every run down.

What does the ``crawl`` command take?
-------------------------------------

.. option:: -o FILE, --output FILE

   Append the scraped items to FILE.
"""


def test_sphinx_object_directives_tables_and_dropdowns_show_their_text(tmp_path: Path) -> None:
    """scrapy's FAQ (heldout8) answers one question with ``.. autofunction::`` lines, which showed
    nothing; neat-python's (heldout2) answers hold ``.. list-table::`` tables, which were left out."""
    found = answers_of(tmp_path, "faq.rst", RST_FAQ)
    assert found["How do I parse a big XML feed?"] == "```\nscrapy.utils.iterators.xmliter_lxml\n```"
    assert found["Which settings matter most?"] == (
        "Settings\n\nSetting | Default\n\npop_size | 150\n\nfitness_threshold | 3.9, or lower for noisy problems"
        "\n\nWhy not more?\n\nMore settings slow every run down."
    )
    assert found["What does the crawl command take?"] == (
        "```\n-o FILE, --output FILE\n```\n\nAppend the scraped items to FILE."
    )


NESTED_MD = """# FAQ

## Which players are supported?

- Native playback:
  - HLS and DASH on Safari
    - iOS too
  - MP4 everywhere
- Plugins:
  - videojs-contrib-eme

## Is it free?

Yes.
"""
NESTED_ANSWER = (
    "- Native playback:\n  - HLS and DASH on Safari\n    - iOS too\n  - MP4 everywhere\n"
    "- Plugins:\n  - videojs-contrib-eme"
)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("faq.md", NESTED_MD),
        (
            "faq.html",
            "<h2>Which players are supported?</h2><ul><li>Native playback:<ul><li>HLS and DASH on Safari"
            "<ul><li>iOS too</li></ul></li><li>MP4 everywhere</li></ul></li><li>Plugins:<ul>"
            "<li>videojs-contrib-eme</li></ul></li></ul><h2>Is it free?</h2><p>Yes.</p>",
        ),
    ],
)
def test_a_nested_list_keeps_its_levels(tmp_path: Path, name: str, text: str) -> None:
    """Items of nested lists (videojs, standard, ExpressLRS, FreeRADIUS in our sets) were flattened
    into one list, so a sub-point read as a point of its own."""
    assert answers_of(tmp_path, name, text)["Which players are supported?"] == NESTED_ANSWER


def test_nested_lists_are_shown_and_exported_with_their_levels(tmp_path: Path, invoke: Callable[..., Any]) -> None:
    source = tmp_path / "faq.md"
    source.write_text(NESTED_MD, encoding="utf-8")
    corpus = tmp_path / "faq.json"
    assert invoke("import", str(source), "-o", str(corpus)).exit_code == 0
    shown = [line.strip("│").rstrip() for line in invoke("--data", str(corpus), "show", "1").stdout.splitlines()]
    assert " - Native playback:" in shown and "   - HLS and DASH on Safari" in shown and "     - iOS too" in shown
    markdown = invoke("--data", str(corpus), "export", "-f", "md", "-o", "-").stdout
    assert "- Native playback:\n  - HLS and DASH on Safari\n    - iOS too\n  - MP4 everywhere\n- Plugins:" in markdown
    page = invoke("--data", str(corpus), "export", "-f", "html", "-o", "-").stdout
    assert (
        "<ul><li>Native playback:<ul><li>HLS and DASH on Safari<ul><li>iOS too</li></ul></li><li>MP4 everywhere"
        "</li></ul></li><li>Plugins:<ul><li>videojs-contrib-eme</li></ul></li></ul>"
    ) in page
    assert invoke("validate", str(corpus)).exit_code == 0
    found = json.loads(invoke("--data", str(corpus), "search", "iOS", "--json").stdout)["results"]
    assert [hit["id"] for hit in found] == [1]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("faq.rst", "FAQ\n===\n\nWhich players?\n--------------\n\n- Native:\n\n  - HLS\n  - MP4\n\n- Plugins\n"),
        ("faq.adoc", "= FAQ\n\n== Which players?\n\n* Native:\n** HLS\n   and DASH\n** MP4\n\n* Plugins\n"),
    ],
)
def test_nested_lists_of_restructuredtext_and_asciidoc_keep_their_levels(tmp_path: Path, name: str, text: str) -> None:
    """restic's FAQ (an indented rst list) and WeeChat's (``**`` items, one wrapped) were flattened."""
    answer = answers_of(tmp_path, name, text)["Which players?"]
    assert answer == "- Native:\n  - HLS\n  - MP4\n- Plugins".replace(
        "HLS", "HLS and DASH" if name == "faq.adoc" else "HLS"
    )


def test_asciidoc_inline_macros_and_marks_show_their_text(tmp_path: Path) -> None:
    """WeeChat's FAQ (heldout10) showed 'features page ^↗^^' (a link's caret asks for a new window)."""
    text = (
        "= FAQ\n\n== How do I turn the mouse on?\n\nPress Alt+m, or btn:[Enable] under menu:View[Mouse], "
        "see the https://example.org/features[features page ^↗^^]. Run `export LANG=de_DE.UTF-8` "
        "for #marked# and [.path]#x/y# text, H~2~O and x^2^.footnote:[A note.]\n\n== Is it free?\n\nYes.\n"
    )
    assert answers_of(tmp_path, "faq.adoc", text)["How do I turn the mouse on?"] == (
        "Press Alt+m, or Enable under View > Mouse, see the features page ↗. Run export LANG=de_DE.UTF-8 "
        "for marked and x/y text, H2O and x2. (A note.)"
    )
