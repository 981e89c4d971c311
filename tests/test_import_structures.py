"""``ecoqa import``: structures seen in real documents that the earlier rules missed, each shared
by many documents (labelled lines, wiki markup, accordions), and the cost of reading a table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ecoqa.importing.blocks import Block
from ecoqa.importing.sources import read_source


def test_a_table_is_read_with_one_markdown_parser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import markdown_it

    made: list[int] = []

    class Counted(markdown_it.MarkdownIt):
        def __init__(self, *args: object, **kwargs: object) -> None:
            made.append(1)
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(markdown_it, "MarkdownIt", Counted)
    rows = "".join(f'"Question {n}?","Answer **{n}** with a [link](https://example.org/{n})."\n' for n in range(40))
    source = tmp_path / "faq.csv"
    source.write_text("question,answer\n" + rows, encoding="utf-8")
    found = read_source(source).found.pairs
    assert len(found) == 40
    assert len(made) <= 1


def questions_of(tmp_path: Path, name: str, text: str) -> list[tuple[str, str]]:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    return [(p.question, p.answer) for p in read_source(source).found.pairs]


def test_an_answer_opening_with_a_bold_sentence_keeps_its_question(tmp_path: Path) -> None:
    text = (
        "# FAQ\n\n## Does it work on Windows?\n\nYes! Every commit is tested there.\n\n"
        "## Can libraries use `*` as a version?\n\n**As of 2016, the registry rejects all such packages.**\n\n"
        "While libraries can, they should not.\n\n## Why the name?\n\nIt groups well in listings.\n"
    )
    found = questions_of(tmp_path, "faq.md", text)
    assert [q for q, _ in found] == ["Does it work on Windows?", "Can libraries use * as a version?", "Why the name?"]
    assert found[1][1].startswith("As of 2016, the registry rejects all such packages.")
    assert found[1][1].endswith("they should not.")


def test_icon_font_glyph_names_are_not_part_of_an_accordion_question(tmp_path: Path) -> None:
    item = (
        '<div class="accordion-item"><div class="flex"><span>{q}</span>'
        '<span class="material-symbols-outlined accordion-icon">expand_more</span></div>'
        '<div class="accordion-content">{a}</div></div>'
    )
    faq = [
        ("Wat kost een container?", "Een container kost niets."),
        ("Wanneer wordt er opgehaald?", "Elke week."),
        ("Mag GFT in een zak?", "Ja, in een afbreekbare zak."),
    ]
    body = "".join(item.format(q=q, a=a) for q, a in faq)
    page = f"<!DOCTYPE html><html><body><h2>Tarieven</h2>{body}</body></html>"
    found = questions_of(tmp_path, "faq.html", page)
    assert found == faq


WIKI = """__TOC__
If your question is not here, ask on the [https://lists.example.org mailing list].

==How do I start with a fresh config?==
Quit the program and remove the folder <tt>~/.example/</tt>. See the [[User_Manual#Config|user manual]].
<!-- == A hidden question? ==
Not shown. -->

== Input ==
Only XInput controllers work:
* Xbox 360 controllers
* Xbox One controllers
Then edit the settings file:
 gtk-icon-theme-name = "gnome"

== Where are saves stored? ==
Saves are in <code>Documents\\example</code> by default.

It is '''never''' in the ''program'' folder.
"""


def test_a_mediawiki_faq_is_read_as_wiki_markup_whatever_its_name(tmp_path: Path) -> None:
    found = questions_of(tmp_path, "FAQ.txt", WIKI)
    assert [q for q, _ in found] == [
        "How do I start with a fresh config?",
        "Input",
        "Where are saves stored?",
    ]
    config, controllers, saves = (a for _, a in found)
    assert config == "Quit the program and remove the folder ~/.example/. See the user manual."
    assert saves == "Saves are in Documents\\example by default.\n\nIt is never in the program folder."
    assert "A hidden question" not in " ".join(a for _, a in found)
    assert controllers == (
        "Only XInput controllers work:\n\n- Xbox 360 controllers\n- Xbox One controllers\n\n"
        'Then edit the settings file:\n\n```\ngtk-icon-theme-name = "gnome"\n```'
    )


LABELLED = """
================================================================
  Tool - Frequently Asked Questions
================================================================

[+] General
-------------------------------

  Q: I don't understand the program (output), what to do?
  A: Keep reading this FAQ. Also useful are the README file and the
     log file (default: /var/log/tool.log), or the web site.

  Q: My version is outdated, what can I do to upgrade?
     Check out the upgrade guide: https://example.org/upgrading/

  Q: When running it, it shows me the usage help even while using
     correct parameters, why?
  A: This can happen with alternative shells. Try using a different
     shell to invoke it (example: bash tool audit system).

[+] Bugs or issues
-------------------------------
  Q: Where can I report an issue or bug?
  A: GitHub, or the developer e-mail address.
"""


@pytest.mark.parametrize("name", ["FAQ", "faq.txt"])
def test_wrapped_labelled_questions_under_underlined_sections(tmp_path: Path, name: str) -> None:
    found = questions_of(tmp_path, name, LABELLED)
    assert found == [
        (
            "I don't understand the program (output), what to do?",
            "Keep reading this FAQ. Also useful are the README file and the log file (default: /var/log/tool.log), "
            "or the web site.",
        ),
        (
            "My version is outdated, what can I do to upgrade?",
            "Check out the upgrade guide: https://example.org/upgrading/",
        ),
        (
            "When running it, it shows me the usage help even while using correct parameters, why?",
            "This can happen with alternative shells. Try using a different shell to invoke it (example: bash tool "
            "audit system).",
        ),
        ("Where can I report an issue or bug?", "GitHub, or the developer e-mail address."),
    ]


README = """# tool

## Installation

Run the installer.

### Upgrading

Run it again.

# FAQ

### How do I update tool?

Run `tool -U`.

### tool is slow to start on Windows

Add it to the virus scanner's exclusions.

# Why do I need to go through that much red tape when filing bugs?

Because bug reports without details cost us hours.

# BUGS

## Opening a bug report

Read this checklist first.

### Is the issue already documented?

Search the issues before you open one.

### Are you using the latest version?

Update before you report.

# COPYRIGHT

Public domain.
"""


def test_a_readme_faq_and_the_questions_asked_outside_it(tmp_path: Path) -> None:
    found = questions_of(tmp_path, "README.md", README)
    assert [q for q, _ in found] == [
        "How do I update tool?",
        "tool is slow to start on Windows",
        "Why do I need to go through that much red tape when filing bugs?",
        "Is the issue already documented?",
        "Are you using the latest version?",
    ]
    answers = [a for _, a in found]
    assert answers[1] == "Add it to the virus scanner's exclusions."
    assert answers[2] == "Because bug reports without details cost us hours."
    assert answers[4] == "Update before you report."


def test_placeholders_in_angle_brackets_stay_text_and_a_br_separates(tmp_path: Path) -> None:
    rows = (
        "Question\tAnswer\n"
        "What time is the listing?\tThe listing for <Project Name> is <date>. See <provide gleam link>.\n"
        "How do I run it?\tType tool <command> in a terminal.\n"
    )
    found = questions_of(tmp_path, "faq.tsv", rows)
    assert [a for _, a in found] == [
        "The listing for <Project Name> is <date>. See <provide gleam link>.",
        "Type tool <command> in a terminal.",
    ]
    markdown = "# FAQ\n\n## How do I run it?\n\nType `tool` <command> in a **terminal**.<br>Then wait.\n\n"
    found = questions_of(tmp_path, "faq.md", markdown + "## Why?\n\nBecause.\n")
    assert "Type tool <command> in a terminal." in found[0][1]
    assert "terminal.Then" not in found[0][1]


def test_a_question_with_a_follow_up_question_under_it_is_one_of_the_deepest_headings() -> None:
    from ecoqa.importing.candidates import candidates, title_at
    from ecoqa.importing.markdown import markdown_blocks

    blocks = markdown_blocks(
        "# How do I use it?\n\nRefer to the quickstart.\n\n# How do I dump games?\n\nSee the guide.\n\n"
        "## Why is my game in demo mode?\n\nSee this option.\n\n# Saves\n\n## Why aren't saves working?\n\n"
        "Saves are broken in some games.\n\n# Build tweaks\n\nSome builds differ.\n\n## 4:3\n\nTurn widescreen off.\n"
    )
    deepest = next(c for c in candidates(blocks, title_at(blocks)) if c.name == "the deepest headings")
    assert [s.question for s in deepest.starts] == [
        "How do I use it?",
        "How do I dump games?",
        "Why is my game in demo mode?",
        "Why aren't saves working?",
        "4:3",
    ]


ADOC = """= Frequently Answered Questions
:toc:

== General Questions:

[qanda]
What is it?::

A scheduling library. See link:introduction.adoc[Introduction] for more.

How do I build it?::

Follow the link:build.adoc[build] instructions.

== Questions About Jobs

[qanda]
How can I control the instantiation of Jobs?::

See the JobFactory interface.

How do I stop a Job that is running?::

See the InterruptableJob interface.

My DB connections don't recover if the database restarts.::

Set a validation query.

I'm having issues with using it via RMI::

Read the RMI documentation first.
"""


def test_every_term_of_an_asciidoc_question_list_is_a_question(tmp_path: Path) -> None:
    found = questions_of(tmp_path, "faq.adoc", ADOC)
    assert [q for q, _ in found] == [
        "What is it?",
        "How do I build it?",
        "How can I control the instantiation of Jobs?",
        "How do I stop a Job that is running?",
        "My DB connections don't recover if the database restarts.",
        "I'm having issues with using it via RMI",
    ]
    assert found[0][1] == "A scheduling library. See Introduction for more."
    assert found[1][1] == "Follow the build instructions."


def test_a_heading_naming_one_category_of_questions_is_not_the_questions_section() -> None:
    from ecoqa.importing.structure import _questions_section

    blocks = [
        Block("heading", "Questions about jobs", level=2),
        Block("paragraph", "x"),
        Block("heading", "FAQ", level=2),
        Block("paragraph", "y"),
    ]
    assert _questions_section(blocks) == (3, 4)
    assert _questions_section([Block("heading", "Frequently asked questions:", level=1)]) == (1, 1)


WRAPPED_NUMBERED = """                                Tool FAQ

1. The tool does not compile on my system.

   This most frequently seems to happen on Linux, where the kernel
   sources are not installed by default; install them and try again.

2. I cannot connect to my server.

   Most likely your setup is incorrect. This can have several reasons.
    1. inetd is not running. Check that it is running once, and start
       it when it is not.
    2. The entry in /etc/inetd.conf is not recognized by inetd, which
       logs every attempt to start the tool somewhere.
    3. Another badly configured server is already running on your
       machine and takes the port first.

   If you find something different, check through points 1-3 above.

3. The tool complains about a missing file "/var/lib/tool/active".

   Either you have started the wrong version, or you have not yet
   fetched the list of groups; start the fetcher with the -f flag.

4. The fetcher crashes with a segmentation fault.

   This should not happen. As a workaround, delete the lock file and
   call the fetcher again, which will often fetch all the articles.
"""


def test_numbered_items_inside_wrapped_answers_are_not_the_next_questions(tmp_path: Path) -> None:
    found = questions_of(tmp_path, "FAQ", WRAPPED_NUMBERED)
    assert [q for q, _ in found] == [
        "The tool does not compile on my system.",
        "I cannot connect to my server.",
        'The tool complains about a missing file "/var/lib/tool/active".',
        "The fetcher crashes with a segmentation fault.",
    ]
    assert found[1][1].endswith("If you find something different, check through points 1-3 above.")


def test_headings_labelled_q_are_questions_even_when_they_state_a_problem(tmp_path: Path) -> None:
    """``### Q: …`` headings (Magisk, video.js): the label marks the question, whether or not it asks."""
    text = (
        "# Frequently Asked Questions\n\n"
        "### Q: I installed a module and it broke my device. Help!\n\nBoot into safe mode first.\n\n"
        "Then remove the module.\n\n"
        "### Q: Why is the app detecting root?\n\nHiding root is left to modules.\n\n"
        "### Q: The app shows Installed = N/A after an update.\n\nRemove the hidden stub app.\n\n"
        "### Q: After hiding the app its icon is broken.\n\nCreate a shortcut from the app.\n\n"
        "### Q: How to use it in the emulator?\n\nRun the build script with the emulator target.\n"
    )
    found = questions_of(tmp_path, "faq.md", text)
    assert [q for q, _ in found] == [
        "I installed a module and it broke my device. Help!",
        "Why is the app detecting root?",
        "The app shows Installed = N/A after an update.",
        "After hiding the app its icon is broken.",
        "How to use it in the emulator?",
    ]
    assert found[0][1] == "Boot into safe mode first.\n\nThen remove the module."


def test_a_bold_question_line_with_its_answer_on_the_next_line(tmp_path: Path) -> None:
    """``**Question?**`` then the answer on the next line, no blank line between (app support pages,
    README FAQs): the bold line is the question, under topic headings that are sections."""
    text = (
        "# Support\n\n## Frequently Asked Questions\n\n### General\n\n"
        "**Do I need an account to use the app?**\nNo. It works without a login.\n\n"
        "**Which permissions does the app need?**\n- **Camera** to scan menus.\n- **Microphone** to record.\n\n"
        "You can change them later.\n\n"
        "### Billing\n\n**How do refunds work?**\nPurchases are handled by Apple.\n\n"
        "**Will I lose my cards if I reinstall?**\nYes. They are stored on your device.\n\n"
        "## Contact Support\n\nWrite to us.\n"
    )
    found = questions_of(tmp_path, "support.md", text)
    assert [q for q, _ in found] == [
        "Do I need an account to use the app?",
        "Which permissions does the app need?",
        "How do refunds work?",
        "Will I lose my cards if I reinstall?",
    ]
    assert found[0][1] == "No. It works without a login."
    assert found[1][1].endswith("You can change them later.")
    assert found[3][1] == "Yes. They are stored on your device."


def test_an_answer_label_under_a_bold_labelled_question_is_dropped(tmp_path: Path) -> None:
    """``**Q: …?**`` then ``A: …`` on the next line: both labels are markup, not text."""
    text = (
        "## Frequently Asked Questions\n\n### General\n\n"
        "**Q: How do I get started?**\nA: Download the app and follow the setup.\n\n"
        "**Q: Is my data secure?**\nA: Yes. It stays on your device.\n\n"
        "## Data Management\n\n**Q: How do I delete my data?**\nA: Clear the app's data in settings.\n"
    )
    found = questions_of(tmp_path, "support.md", text)
    assert found == [
        ("How do I get started?", "Download the app and follow the setup."),
        ("Is my data secure?", "Yes. It stays on your device."),
        ("How do I delete my data?", "Clear the app's data in settings."),
    ]


def test_a_text_faq_of_bullet_questions_keeps_the_lists_inside_its_answers(tmp_path: Path) -> None:
    """``* question`` lines flush left, answers with indented `` - `` lists: the last item of an
    answer's list, followed by more answer text, is not a question."""
    text = (
        "* Does it have a mailing list?\n\nNo, ask on the developers' list.\n\n"
        "* How do I suggest a feature?\n\nSend mail with your suggestion.\n\n"
        "Some requested features can't be done:\n"
        " - Count deleted messages separately.\n"
        " - Reset the count when a mailer starts.\n\n"
        "Features that are really hard:\n - Other dock sizes\n\n"
        "* How do I submit a patch?\n\nAs for the window manager.\n\n"
        "* This FAQ is wrong.\n\nSend mail to the list.\n"
    )
    found = questions_of(tmp_path, "FAQ.txt", text)
    assert [q for q, _ in found] == [
        "Does it have a mailing list?",
        "How do I suggest a feature?",
        "How do I submit a patch?",
        "This FAQ is wrong.",
    ]
    assert found[1][1].endswith("- Other dock sizes")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "faq.rst",
            "FAQ\n===\n\nWhat is it?\n-----------\n\nA library.\n\nHow do I install it?\n--------------------\n\n"
            "Use pip.\n\nWhy the name?\n-------------\n\nIt was free.\n\nMore Questions?\n---------------\n\n"
            "**Check these resources:**\n\n- The cookbook\n- GitHub issues\n",
        ),
        (
            "faq.md",
            "# FAQ\n\n## What is it?\n\nA library.\n\n## How do I install it?\n\nUse pip.\n\n"
            "## Why the name?\n\nIt was free.\n\n## Nog vragen?\n\nMail ons gerust.\n",
        ),
    ],
)
def test_a_closing_call_to_get_in_touch_is_not_a_question(tmp_path: Path, name: str, text: str) -> None:
    """ "More Questions?", "Nog vragen?" after the last answer ask the reader to get in touch."""
    found = questions_of(tmp_path, name, text)
    assert [q for q, _ in found] == ["What is it?", "How do I install it?", "Why the name?"]
    assert found[-1][1] == "It was free."


def test_a_spreadsheet_answer_in_the_row_below_its_question(tmp_path: Path) -> None:
    """A row with an empty question cell goes with the row above: the answer of a question whose
    answer cell slid a row down, or more of the answer above (a merged cell exported as rows)."""
    text = (
        "Question\tAnswer\n"
        "How do I stake?\tOpen the pool page.\n"
        "Is there a disadvantage to unstaking?\n"
        " \n"
        " \tAllocation rights are forfeited.\n"
        "How long is vesting?\tSix months.\n"
        "\tTokens unlock monthly after that.\n"
        "What is the fee?\n"
        "Who runs it?\tThe foundation.\n"
    )
    found = questions_of(tmp_path, "faq.tsv", text)
    assert found == [
        ("How do I stake?", "Open the pool page."),
        ("Is there a disadvantage to unstaking?", "Allocation rights are forfeited."),
        ("How long is vesting?", "Six months.\n\nTokens unlock monthly after that."),
        ("Who runs it?", "The foundation."),
    ]


def test_naming_one_languages_question_column_reads_its_answer_column(tmp_path: Path) -> None:
    """``--question-column q_de`` in a table of q_en/q_de/a_en/a_de columns reads ``a_de``: any
    language, not only the corpus languages ``--lang`` takes."""
    from ecoqa.importing.columns import Choice
    from ecoqa.importing.sources import Options

    source = tmp_path / "faq.csv"
    source.write_text(
        "id,q_en,q_de,a_en,a_de\n"
        "1,Is it free?,Ist es kostenlos?,Yes.,Ja.\n"
        "2,Who made it?,Wer hat es gemacht?,We did.,Wir.\n",
        encoding="utf-8",
    )
    for named in (Choice(question="q_de"), Choice(answer="a_de")):
        found = read_source(source, Options(named, None)).found.pairs
        german = [("Ist es kostenlos?", "Ja."), ("Wer hat es gemacht?", "Wir.")]
        assert [(p.question, p.answer) for p in found] == german


@pytest.mark.parametrize("name", ["faq.md", "FAQ.mediawiki"])
def test_a_problem_stated_after_the_last_question_is_a_question(tmp_path: Path, name: str) -> None:
    """The last entry of a FAQ may state a problem instead of asking; a sentence-long heading after
    the last question is an entry, while a closing section's few words ("Contact") stay a section."""
    head = "# " if name.endswith(".md") else "=="
    tail = "" if name.endswith(".md") else "=="
    text = "".join(
        f"{head}{q}{tail}\n\n{a}\n\n"
        for q, a in [
            ("What is a session?", "A visit to your site."),
            ("What is a lead?", "A session that ended in a call."),
            ("Can I show a local number?", "Yes, per region."),
            ("My sessions do not match the number of sessions in Analytics.", "Analytics counts unique visitors."),
            ("Stay up to date with the latest changes to the service", "Sign up for our newsletter."),
            ("Contact", "Mail us."),
        ]
    )
    found = questions_of(tmp_path, name, text)
    assert [q for q, _ in found][-1] == "My sessions do not match the number of sessions in Analytics."
    assert found[-1][1] == "Analytics counts unique visitors."
    assert len(found) == 4


ORG_TOPICS = """** Ledger and us
*** History
We started in 2007, after using Ledger for a year.
*** Features
- journal format
- csv format
*** Future ?
There is a rewrite under way.
** UI surprises
*** Why does it complain about missing amounts ?
Two spaces must separate the account and the amount.
*** Why do some amounts stand alone ?
A multi-commodity amount takes one line per commodity.
"""

TOPIC_BESIDE_SECTIONS = """# Frequently Asked Questions

## Running on Kubernetes

We are often asked whether this runs on Kubernetes. It does not: it talks to Docker directly.

## Logs

**Where are the logs?**

On standard output.

**Where are the videos?**

In the video folder.

## Limits

**How can I limit the sessions?**

With the -limit flag.
"""


@pytest.mark.parametrize(
    ("name", "text", "topics"),
    [
        ("FAQ.org", ORG_TOPICS, ["History", "Features"]),
        ("faq.md", TOPIC_BESIDE_SECTIONS, ["Running on Kubernetes"]),
    ],
)
def test_topic_entries_before_the_first_question_are_entries(
    tmp_path: Path, name: str, text: str, topics: list[str]
) -> None:
    """A heading with text of its own and no sub-headings, in a section that goes on with a question
    ("History", "Features", then "Future ?") or beside sections of questions under the FAQ's own
    heading ("Running on Kubernetes" beside "Logs"), answers its topic: an entry, not the introduction."""
    found = questions_of(tmp_path, name, text)
    assert [q for q, _ in found][: len(topics)] == topics
    assert found[0][1].startswith("We ")
    assert len(found) == len(topics) + 3


def test_headings_under_the_title_before_the_first_question_stay_the_introduction(tmp_path: Path) -> None:
    """Under a page's title, "Install" and "Usage" before the questions are the README's introduction;
    a section whose text lists the questions is a table of contents."""
    text = (
        "# Tool\n\n## Install\n\nRun `pip install tool`.\n\n## Usage\n\nRun `tool` in a folder.\n\n"
        "## Why should I use it?\n\nIt saves time.\n\n## Is there a badge?\n\nYes, in the docs.\n"
    )
    found = questions_of(tmp_path, "README.md", text)
    assert [q for q, _ in found] == ["Why should I use it?", "Is there a badge?"]
    wiki = (
        "=== Start here ===\n\n* [[#start|How do I start?]]\n\n=== Using it ===\n\n* [[#run|How do I run it?]]\n\n"
        "=== How do I start? ===\n\nInstall it.\n\n=== How do I run it? ===\n\nType its name.\n"
    )
    assert [q for q, _ in questions_of(tmp_path, "FAQ.mediawiki", wiki)] == ["How do I start?", "How do I run it?"]


def test_an_org_headline_wrapped_before_its_property_drawer_is_one_question(tmp_path: Path) -> None:
    """A headline's property drawer follows it directly, so a line between them is the headline
    wrapped (as pandoc's Org writer wraps long headlines), not the first line of its answer."""
    text = (
        "* Terminals\n"
        "** Why does Shift-Up move the cursor instead of adjusting\n"
        "the period in the viewer ?\n"
        "   :PROPERTIES:\n   :CUSTOM_ID: shift-up\n   :END:\n\n"
        "Load the xterm key preset in your terminal.\n\n"
        "** Why is the screen blank ?\n"
        "   :PROPERTIES:\n   :CUSTOM_ID: blank\n   :END:\n\n"
        "Resize the window once.\n"
    )
    found = questions_of(tmp_path, "FAQ.org", text)
    wrapped = "Why does Shift-Up move the cursor instead of adjusting the period in the viewer ?"
    assert found == [
        (wrapped, "Load the xterm key preset in your terminal."),
        ("Why is the screen blank ?", "Resize the window once."),
    ]


def test_a_heading_that_exclaims_shares_the_answer_of_the_question_straight_under_it(tmp_path: Path) -> None:
    """ "Help! I have never used Linux!" straight above "How do I use (some Linux command)?": two ways
    of asking, one answer under both, as questions asked together share it."""
    text = (
        "=== How do I start? ===\n\nInstall it.\n\n"
        "=== Help! I have never used Linux before! ===\n\n"
        "=== How do I use (some Linux command)? ===\n\nRead its [[Manual|manual page]]: man ls.\n\n"
        "=== Can I run it in a VM? ===\n\nYes, any VM.\n"
    )
    assert questions_of(tmp_path, "FAQ.mediawiki", text) == [
        ("How do I start?", "Install it."),
        ("Help! I have never used Linux before!", "Read its manual page: man ls."),
        ("How do I use (some Linux command)?", "Read its manual page: man ls."),
        ("Can I run it in a VM?", "Yes, any VM."),
    ]


def test_a_faq_written_out_twice_is_read_twice(tmp_path: Path) -> None:
    """A page that repeats its questions with the same answers (its FAQ shown twice, or a document
    written out again) holds questions each time; a question asked twice is not taken for a menu."""
    faq = "".join(
        f"## {q}\n\n{a}\n\n"
        for q, a in [
            ("How do I install it?", "Run the installer."),
            ("My requests are timing out!", "Raise the timeout."),
            ("Why is the dependency resolution slow?", "Not every package declares its metadata."),
        ]
    )
    found = questions_of(tmp_path, "faq.md", faq + faq)
    assert [q for q, _ in found] == 2 * [
        "How do I install it?",
        "My requests are timing out!",
        "Why is the dependency resolution slow?",
    ]
    assert found[3][1] == "Run the installer."


def test_a_box_drawn_of_asterisks_in_a_text_faq_is_not_a_restructuredtext_title(tmp_path: Path) -> None:
    """The last line inside a box drawn with "*" sits on the box's bottom line as an rst title on
    its underline; two such boxes made a text FAQ read as reStructuredText."""
    box = "*" * 40 + "\n* PLEASE NOTE: set TERM correctly.    *\n* Inside, use screen-256color.         *\n" + "*" * 40
    text = (
        f"tool frequently asked questions\n\n{box}\n\n"
        "* How do I detach a client?\n\nPress C-b d.\n\n"
        "* Why are the colours wrong?\n\nSet TERM inside and outside.\n\n"
        f"{box}\n\n* How do I reload the config?\n\nRun source-file.\n"
    )
    from ecoqa.importing.sources import detect

    assert detect(text, ".txt") == "text"
    assert [q for q, _ in questions_of(tmp_path, "FAQ.txt", text)] == [
        "How do I detach a client?",
        "Why are the colours wrong?",
        "How do I reload the config?",
    ]


def test_the_answer_of_a_numbered_question_ends_at_the_next_heading(tmp_path: Path) -> None:
    """Numbered questions counting on across sections: a list item holds no heading, so an answer
    ends at the next one ("## Use") instead of taking it and its text."""
    text = (
        "# Guide\n\n## Install\n\n1. How do I install it?\n\n   Run the installer.\n\n"
        "2. Where does it go?\n\n   Into your home folder.\n\n"
        "## Use\n\nEverything about daily use.\n\n3. How do I start it?\n\n   Type its name.\n\n"
        "4. How do I stop it?\n\n   Press q.\n"
    )
    found = questions_of(tmp_path, "guide.md", text)
    assert [q for q, _ in found] == [
        "How do I install it?",
        "Where does it go?",
        "How do I start it?",
        "How do I stop it?",
    ]
    assert found[1][1] == "Into your home folder."


BOLD_IN_ANSWERS = """# FAQ

## Other problems

#### How do I update it?

Run the updater.

#### kill-word does not delete a symbol

**History:**

Until version 5 the default was kept.

**What does this do?**

It tells zsh which characters are part of a word.

#### Can I run a GUI in a host?

Yes, from a host xterm.

**What about version 2.0?**

Use ssh -X to reach the host.

#### Why is PUSHD_IGNORE_DUPS set?

So that pushd keeps one copy of each folder.
"""


def test_bold_lines_in_the_answers_of_heading_questions_are_the_answers_emphasis(tmp_path: Path) -> None:
    """On a page whose questions are headings, a bold line inside an entry is its answer's emphasis,
    asking or not ("**What does this do?**", "**What about version 2.0?**"), and a heading whose
    answer opens with a bold line ("**History:**") is an entry like the others."""
    found = questions_of(tmp_path, "FAQ.md", BOLD_IN_ANSWERS)
    assert [q for q, _ in found] == [
        "How do I update it?",
        "kill-word does not delete a symbol",
        "Can I run a GUI in a host?",
        "Why is PUSHD_IGNORE_DUPS set?",
    ]
    assert found[1][1].startswith("History:") and found[1][1].endswith("part of a word.")
    assert "What about version 2.0?" in found[2][1] and found[2][1].endswith("reach the host.")


def test_lines_that_ask_and_answer_themselves(tmp_path: Path) -> None:
    """``Question? - Answer`` on one line, line after line: each is a question and its answer."""
    text = (
        "What is application hosting? - We host your own apps on dedicated instances.\n---\n"
        "When will my server be ready? - Servers are created instantly.\n---\n"
        "What uptime do I get? - We offer 99.99% uptime on hardware and network.\n---\n"
        "Do you charge for stopped servers? - Yes. Stopped servers still use resources.\n"
    )
    found = questions_of(tmp_path, "faq.txt", text)
    assert found == [
        ("What is application hosting?", "We host your own apps on dedicated instances."),
        ("When will my server be ready?", "Servers are created instantly."),
        ("What uptime do I get?", "We offer 99.99% uptime on hardware and network."),
        ("Do you charge for stopped servers?", "Yes. Stopped servers still use resources."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "# Support\n\n## Common questions\n\n"
        "- **How does the photo scan work?** The photo is sent to our server for an estimate.\n"
        "- **Where is my data stored?** In Supabase, in the USA.\n"
        "- **How do I delete my account?** Settings, then Account, then Delete.\n\n"
        "## Legal\n\n- [Privacy Policy](https://example.org/privacy)\n",
        "# FAQ\n\n1. **How does the photo scan work?**\n   The photo is sent to our server for an estimate.\n"
        "2. **Where is my data stored?**\n   In Supabase, in the USA.\n"
        "3. **How do I delete my account?**\n   Settings, then Account, then Delete.\n",
    ],
)
def test_list_items_that_open_with_a_bold_question(tmp_path: Path, text: str) -> None:
    """``- **Question?** answer`` and ``1. **Question?**`` with the answer on the next line: a FAQ
    written as a list, each item a bold question and its answer."""
    found = questions_of(tmp_path, "support.md", text)
    assert found == [
        ("How does the photo scan work?", "The photo is sent to our server for an estimate."),
        ("Where is my data stored?", "In Supabase, in the USA."),
        ("How do I delete my account?", "Settings, then Account, then Delete."),
    ]


#: One FAQ of three questions, written in each markup that lists questions over their answers.
THREE = [
    ("How do I install it?", "Run the installer and follow the steps."),
    ("Does it work offline?", "Yes, after the first start."),
    ("Where are settings stored?", "In your home folder."),
]
_BOLD_ITEMS = "".join(f"<li><strong>{q}</strong> {a}</li>" for q, a in THREE)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        pytest.param(  # ``Q1.`` / ``A1.``: both labels carry the number; neither stays in the text
            "faq.txt",
            "FREQUENTLY ASKED QUESTIONS\n\nQ1. How do I install it?\nA1. Run the installer and follow the steps.\n\n"
            "Q2. Does it work offline?\nA2. Yes, after the first start.\n\n"
            "Q3. Where are settings stored?\nA3. In your home folder.\n",
            id="numbered-labels-q1-a1",
        ),
        pytest.param(  # ``Question:``/``Answer:`` lines; one answer goes on over a second line in lower case
            "faq.txt",
            "Question: How do I install it?\nAnswer: Run the installer and follow\nthe steps.\n\n"
            "Question: Does it work offline?\nAnswer: Yes, after the first start.\n\n"
            "Question: Where are settings stored?\nAnswer: In your home folder.\n",
            id="question-answer-labels-wrapped-once",
        ),
        pytest.param(  # ``<li><strong>Question?</strong> answer</li>``, as ``<p>`` with a bold question already is
            "faq.html",
            f"<!DOCTYPE html><html><body><h1>FAQ</h1><ul>{_BOLD_ITEMS}</ul>"
            "<footer><p>© Example</p></footer></body></html>",
            id="html-list-items-opening-with-a-bold-question",
        ),
        pytest.param(  # reStructuredText definition list: a line, its text indented under it (a comment is not text)
            "faq.rst",
            "FAQ\n===\n\nHow do I install it?\n    Run the installer and follow the steps.\n\n"
            "Does it work offline?\n    Yes, after the first start.\n\n"
            "Where are settings stored?\n    In your home folder.\n\n    ..\n       a comment, not text\n",
            id="restructuredtext-definition-list",
        ),
        pytest.param(  # AsciiDoc ``.Block title`` lines, each over the paragraph it names, under a ``= Title``
            "faq.adoc",
            "= FAQ\n\n.How do I install it?\nRun the installer and follow the steps.\n\n"
            ".Does it work offline?\nYes, after the first start.\n\n"
            ".Where are settings stored?\nIn your home folder.\n",
            id="asciidoc-block-titles",
        ),
        pytest.param(  # Org ``- Question? :: answer`` description items
            "faq.org",
            "#+TITLE: FAQ\n\n- How do I install it? :: Run the installer and follow the steps.\n"
            "- Does it work offline? :: Yes, after the first start.\n"
            "- Where are settings stored? :: In your home folder.\n",
            id="org-description-items",
        ),
    ],
)
def test_the_same_faq_in_each_markup_that_lists_questions_over_answers(tmp_path: Path, name: str, text: str) -> None:
    assert questions_of(tmp_path, name, text) == THREE


def test_a_markdown_pipe_table_of_questions_and_one_inside_an_answer(tmp_path: Path) -> None:
    """A pipe table whose header names questions and answers holds the questions; a table inside
    an answer stays in it, a row per line, not its raw pipes and dashes."""
    qa = (
        "# FAQ\n\n| Question | Answer |\n| --- | --- |\n| How do I install it? | Run the installer. |\n"
        "| Is it free | Yes, under the MIT licence. |\n| Where are settings stored? | In your home folder. |\n"
    )
    assert questions_of(tmp_path, "faq.md", qa) == [
        ("How do I install it?", "Run the installer."),
        ("Is it free", "Yes, under the MIT licence."),
        ("Where are settings stored?", "In your home folder."),
    ]
    inside = (
        "# FAQ\n\n## Why is my game slow?\n\nBuild with --release:\n\n"
        "| Configuration | Bunnies |\n| --- | --- |\n| Debug | 3200 |\n| Release | 230000 |\n\n"
        "## Why the name?\n\nIt was playing when I typed cargo new.\n"
    )
    found = questions_of(tmp_path, "faq.md", inside)
    assert found[0] == (
        "Why is my game slow?",
        "Build with --release:\n\nConfiguration | Bunnies\n\nDebug | 3200\n\nRelease | 230000",
    )


def test_restructuredtext_terms_inside_an_answer_stay_its_text(tmp_path: Path) -> None:
    """reStructuredText definition lists inside an answer (a list of the FAQ's questions is a case
    of test_the_same_faq_in_each_markup_that_lists_questions_over_answers) stay its text, with
    their own paragraphs and code."""
    inside = (
        "FAQ\n===\n\nHow do I find bad hardware?\n--------------------------\n\n"
        "Checking drives\n  Use smartctl::\n\n      # smartctl -a /dev/sda\n\n  Then run fsck.\n\n"
        ".. note:: Be careful how you set\n   the environment.\n\n"
        "Why the name?\n-------------\n\nIt was free.\n"
    )
    found = questions_of(tmp_path, "faq.rst", inside)
    assert found[0] == (
        "How do I find bad hardware?",
        "Checking drives\n\nUse smartctl:\n\n```\n# smartctl -a /dev/sda\n```\n\nThen run fsck.\n\n"
        "Be careful how you set the environment.",
    )


def test_html_questions_marked_by_their_class(tmp_path: Path) -> None:
    """``<div class="faq-question">`` above ``<div class="faq-answer">``: the class marks the
    question as ``<dt>`` would, whether or not it ends in "?"."""
    entries = "".join(
        f'<div class="faq"><div class="faq-question">{q}</div><div class="faq-answer">{a}</div></div>'
        for q, a in [
            ("Hoe installeer ik het?", "Start het installatieprogramma."),
            ("Werkt het offline?", "Ja, na de eerste start."),
            ("Kan ik het delen met collega's", "Ja, via de deelknop."),
        ]
    )
    page = (
        f"<!DOCTYPE html><html><body><h1>Veelgestelde vragen</h1>{entries}<footer><p>© 2024</p></footer></body></html>"
    )
    assert questions_of(tmp_path, "vragen.html", page) == [
        ("Hoe installeer ik het?", "Start het installatieprogramma."),
        ("Werkt het offline?", "Ja, na de eerste start."),
        ("Kan ik het delen met collega's", "Ja, via de deelknop."),
    ]


def test_excels_separator_line_names_the_delimiter(tmp_path: Path) -> None:
    """Excel writes ``sep=;`` above the header of a CSV it exports: it is not a row."""
    source = tmp_path / "vragen.csv"
    source.write_bytes(
        b"sep=;\r\nVraag;Antwoord\r\nHoe installeer ik het?;Start het programma.\r\nWerkt het offline?;Ja.\r\n"
    )
    found = read_source(source).found.pairs
    assert [(p.question, p.answer) for p in found] == [
        ("Hoe installeer ik het?", "Start het programma."),
        ("Werkt het offline?", "Ja."),
    ]


def test_mkdocs_admonitions_as_questions_and_as_answer_text(tmp_path: Path) -> None:
    """MkDocs ``??? question "Title"`` blocks hold a question and its answer; the indented body of
    any admonition (``??? example``) is text, not the code block CommonMark would make of it."""
    text = (
        "# FAQ\n\n"
        '??? question "How do I install it?"\n    Run the installer.\n\n'
        '??? question "Does it work offline?"\n    Yes, after the first start.\n\n'
        '??? question "Where are settings stored?"\n    In your home folder.\n\n'
        "    ??? example\n        For example `~/.config/tool`.\n"
    )
    assert questions_of(tmp_path, "faq.md", text) == [
        ("How do I install it?", "Run the installer."),
        ("Does it work offline?", "Yes, after the first start."),
        ("Where are settings stored?", "In your home folder.\n\nFor example ~/.config/tool."),
    ]


def test_a_wrapper_named_like_navigation_that_holds_the_main_content_is_read(tmp_path: Path) -> None:
    """Documentation themes wrap the whole page in classes such as ``wy-nav-content``: the
    wrapper holds ``role="main"``, so it is the page, not navigation; the sidebar that lists
    the questions again is navigation."""
    sidebar = (
        '<nav class="wy-nav-side"><ul><li><a href="#a">Why the name?</a></li>'
        '<li><a href="#b">Is it fast?</a></li></ul></nav>'
    )
    page = (
        f"<!DOCTYPE html><html><body>{sidebar}"
        '<section class="wy-nav-content-wrap"><div class="wy-nav-content"><div role="main" class="document">'
        "<h1>FAQ</h1><h2>Why the name?</h2><p>It is a small personal cloud.</p>"
        "<h2>Is it fast?</h2><p>Yes, on every backend.</p>"
        "</div><footer><p>© 2016 Mozilla Services.</p></footer></div></section></body></html>"
    )
    assert questions_of(tmp_path, "faq.html", page) == [
        ("Why the name?", "It is a small personal cloud."),
        ("Is it fast?", "Yes, on every backend."),
    ]


def test_a_wiki_pre_block_opened_and_closed_on_one_line_ends_there(tmp_path: Path) -> None:
    """``<pre>mn --help</pre>`` is one line of code; the questions after it stay questions."""
    text = (
        "== How do I see the options? ==\n<pre>mn --help</pre>\n\n"
        "== Where are the logs? ==\nIn [[Logging|the log folder]], '''always'''.\n\n"
        "== Can I run it remotely? ==\nYes, over ssh.\n"
    )
    found = questions_of(tmp_path, "FAQ.mediawiki", text)
    assert [q for q, _ in found] == ["How do I see the options?", "Where are the logs?", "Can I run it remotely?"]
    assert "mn --help" in found[0][1] and "logs" not in found[0][1]


def test_an_empty_anchor_on_a_headings_line_leaves_the_heading(tmp_path: Path) -> None:
    """``<a id="x"></a> ### Question`` (a link target written before the heading, as wikis
    converted from Markdown and hand-made tables of contents do) is the heading ``Question``."""
    text = (
        "# FAQ\n\n<a id=password></a> ### What is the password?\n\nIt is `mininet`.\n\n"
        '<a name="x11"></a>### Why does X11 not work?\n\nCheck your ssh settings.\n\n'
        "### How do I start?\n\nRun the walkthrough.\n"
    )
    assert questions_of(tmp_path, "faq.md", text) == [
        ("What is the password?", "It is mininet."),
        ("Why does X11 not work?", "Check your ssh settings."),
        ("How do I start?", "Run the walkthrough."),
    ]


def test_sub_headings_that_do_not_ask_under_an_entry_with_its_own_text_are_its_answer(tmp_path: Path) -> None:
    """On a page whose questions ask, an entry that states a topic ("Tearing") opens with text
    of its own and goes on per platform under sub-headings: those belong to its answer."""
    text = (
        "== Does it have a GUI? ==\nNo, but there is an on-screen controller.\n\n"
        "== Tearing ==\n'''Tearing''' is a line across the video.\n\n=== Windows ===\nTry [[Backends|another]].\n\n"
        "=== X11/Intel ===\nEnable a compositor.\n\n"
        "== Can I play playlists? ==\nYes, pass the playlist address.\n\n"
        "== Why is there no DVD menu? ==\nNobody maintained it.\n"
    )
    found = questions_of(tmp_path, "FAQ.mediawiki", text)
    assert [q for q, _ in found] == [
        "Does it have a GUI?",
        "Tearing",
        "Can I play playlists?",
        "Why is there no DVD menu?",
    ]
    assert found[1][1].startswith("Tearing is a line across the video.")
    assert found[1][1].endswith("Enable a compositor.")


@pytest.mark.parametrize(
    ("first", "kept"),
    [
        ("* =listing directory failed but access-file worked= error on macOS", True),
        ("* About these answers and how we keep them up to date", False),
    ],
)
def test_a_problem_stated_before_the_first_question_is_a_question(tmp_path: Path, first: str, kept: bool) -> None:
    """A first heading that says, in a sentence, what fails is an entry like the questions after
    it; a first heading that introduces the page is not."""
    text = (
        f"{first}\n\nInstall GNU ls and point the listing program at it.\n\n"
        "* How to hide the parent directory?\n\nSet the layout.\n\n"
        "* How to kill all session buffers on quit?\n\nSet reuse to nil.\n\n"
        "* Why do I have duplicate icon columns?\n\nDisable the other icon package.\n"
    )
    asked = [
        "How to hide the parent directory?",
        "How to kill all session buffers on quit?",
        "Why do I have duplicate icon columns?",
    ]
    expected = ["listing directory failed but access-file worked error on macOS", *asked] if kept else asked
    assert [q for q, _ in questions_of(tmp_path, "FAQ.org", text)] == expected


def test_questions_numbered_by_section_letter_as_usenet_faqs_number_them(tmp_path: Path) -> None:
    """``A1)`` … ``A3)``, ``B1)``: a section letter and a number count up like ``1.1``; the table
    of contents listing the same numbers without text is not the questions, and the number is
    not part of a question."""
    text = (
        "This is the Shell FAQ.\n\nContents:\n\nA1) What is it?\nA2) Where can I get it?\nA3) Tell me more.\n"
        "B1) How do I build it?\n\n----------\nSection A:  The Basics\n\n"
        "A1)  What is it?\n\nA command interpreter.\n\nA2) Where can I get it?\n\nFrom the GNU mirrors.\n\n"
        "A3) Tell me more.\n\nIt reads commands and runs them.\n\n"
        "B1) How do I build it?\n\nRun configure, then make.\n"
    )
    found = questions_of(tmp_path, "FAQ", text)
    assert [q for q, _ in found] == ["What is it?", "Where can I get it?", "Tell me more.", "How do I build it?"]
    assert found[2][1] == "It reads commands and runs them."


def test_wiki_indented_code_keeps_its_comments_and_shows_entities_as_characters(tmp_path: Path) -> None:
    """``:: # comment`` in indented wiki text is a comment line, not a heading that ends the
    answer; ``&gt;`` in a preformatted line is ``>`` as the wiki shows it."""
    text = (
        "== How do I log failed logins? ==\nAdd the sql module to '''post-auth''':\n\n"
        ": post-auth {\n:: # Login failed: log to SQL database.\n:: sql\n:}\n\nThen restart the server.\n\n"
        "== Why does Finger not answer? ==\nTurn it on in the [[NAS]] menu:\n\n"
        " Ethernet-&gt;Mod Config-&gt;Finger=Yes\n"
    )
    found = questions_of(tmp_path, "FAQ.mediawiki", text)
    assert [q for q, _ in found] == ["How do I log failed logins?", "Why does Finger not answer?"]
    assert "# Login failed: log to SQL database." in found[0][1]
    assert found[0][1].endswith("Then restart the server.")
    assert found[1][1].endswith("Ethernet->Mod Config->Finger=Yes\n```")


def test_a_root_prompt_command_in_a_text_file_is_part_of_the_answer(tmp_path: Path) -> None:
    """A ``.txt`` file whose only Markdown-like line is ``# spctl --master-disable`` (a command
    typed at a root prompt) is text: the line is not a heading that ends the answer."""
    text = (
        "Q: How can I disable Gatekeeper?\n\nA:\nOpen the Terminal and run the following command:\n"
        "# spctl --master-disable\n" + "▬" * 20 + "\nQ: Why doesn't my GPU work?\n\nA:\nCheck the buyer's guide.\n"
    )
    found = questions_of(tmp_path, "faq.txt", text)
    assert [q for q, _ in found] == ["How can I disable Gatekeeper?", "Why doesn't my GPU work?"]
    assert "command:\n\n# spctl --master-disable" in found[0][1]


def test_an_answer_written_under_the_next_question_label_answers_the_question_above(tmp_path: Path) -> None:
    """``Q5: …?`` then ``Q6: VStar uses port 3307 …`` (a typo for ``A5:``): a question label that
    does not ask, with no answer label of its own, is the answer to the question above it."""
    text = (
        "Q1: How do I start it?\n\nA1: Double-click the jar file.\n\n"
        "Q2: What ports does it use to connect to the database?\n\n"
        "Q6: It uses port 3307, then 3306 after a timeout.\nOpen both in your firewall.\n"
    )
    found = questions_of(tmp_path, "FAQ.txt", text)
    assert [q for q, _ in found] == ["How do I start it?", "What ports does it use to connect to the database?"]
    assert "port 3307" in found[1][1] and found[1][1].endswith("Open both in your firewall.")


def test_the_first_of_several_sections_is_not_the_title(tmp_path: Path) -> None:
    """A page without a title heading whose questions stand in sections ('## Definitions',
    '## Installation'): the first section is a topic, not the corpus's title (Oh My Zsh's FAQ was
    called 'Definitions'); a heading above the sections stays the title."""
    body = "".join(
        f"## {section}\n\n### What is {section.lower()} {n}?\n\nIt is the answer to {n}.\n\n"
        for n, section in enumerate(("Definitions", "Installation", "Troubleshooting"))
    )
    for page, title in ((body, None), ("# Oh My FAQ\n\n" + body, "Oh My FAQ")):
        source = tmp_path / "faq.md"
        source.write_text(page, encoding="utf-8")
        read = read_source(source)
        assert read.title == title
        assert [p.topics for p in read.found.pairs] == [("Definitions",), ("Installation",), ("Troubleshooting",)]


def test_a_question_answered_under_sub_headings_that_do_not_ask(tmp_path: Path) -> None:
    """``## Q: I found a bug. What should I do?`` goes straight into ``### If you can fix it``
    and ``### If you cannot``: the question is an entry and those sub-headings are its answer."""
    text = (
        "# FAQ\n\n## Q: What is it?\n\nA video player.\n\n"
        "## Q: I found a bug. What should I do?\n\n### If you can fix it\n\nSend a pull request.\n\n"
        "### If you cannot\n\nOpen an issue.\n\n## Q: How do I autoplay a video?\n\nSet the autoplay option.\n"
    )
    found = questions_of(tmp_path, "faq.md", text)
    assert [q for q, _ in found] == ["What is it?", "I found a bug. What should I do?", "How do I autoplay a video?"]
    assert found[1][1].startswith("If you can fix it") and found[1][1].endswith("Open an issue.")


@pytest.mark.parametrize("title", ["What you might do if you're clever", "How it works", "Wat je moet weten"])
def test_a_question_word_opening_a_clause_is_a_section_title_not_a_question(tmp_path: Path, title: str) -> None:
    """A heading that starts with a question word and then its subject ("How it works") names a
    section; before the first question it is an introduction, not an entry."""
    text = (
        f"# Tool\n\n## Install\n\nRun the installer.\n\n## {title}\n\nUse it in your editor.\n\n"
        "## Why should I use it?\n\nIt saves time.\n\n## Is there a badge?\n\nYes, in the readme.\n"
    )
    assert [q for q, _ in questions_of(tmp_path, "README.md", text)] == ["Why should I use it?", "Is there a badge?"]


def test_bold_lines_inside_a_readmes_last_faq_answer_are_emphasis(tmp_path: Path) -> None:
    """A README's FAQ whose last entry lists causes under bold lines ("**Tests running in watch
    mode**"): the bold lines are neither questions nor the page's furniture after the answers."""
    text = (
        "# np\n\n## Install\n\nRun npm install.\n\n## Tips\n\n### Release script\n\nAdd np to a script.\n\n"
        "## FAQ\n\n### I get an error when publishing through Yarn\n\nCheck the registry URL.\n\n"
        "### np hangs during the publishing step\n\nCommon causes include:\n\n"
        "**Lifecycle scripts that don't exit**\n\nDo not name a script publish.\n\n"
        "**Tests running in watch mode**\n\nMake the test command exit.\n"
    )
    found = questions_of(tmp_path, "readme.md", text)
    assert [q for q, _ in found] == [
        "I get an error when publishing through Yarn",
        "np hangs during the publishing step",
    ]
    assert found[1][1].startswith("Common causes include:")
    assert found[1][1].endswith("Make the test command exit.")


def test_a_documentation_themes_sidebar_related_bar_and_footer_are_furniture(tmp_path: Path) -> None:
    """Sphinx's classic theme: a "¶" permalink after each heading, ``<div class="related">``
    navigation bars with an ``<h3>``, a ``<div class="sphinxsidebar">`` with "Table Of Contents"
    and "Quick search", a ``<div class="footer">``: none of them is a question or part of one."""
    bar = '<div class="related"><h3>Navigation</h3><ul><li><a href="index.html">index</a></li></ul></div>'
    page = (
        f"<html><body>{bar}<div class='document'><div class='body'><h1>FAQ</h1><h2>General</h2>"
        '<h3>How did it get started?<a class="headerlink" href="#a">¶</a></h3><p>At a sprint.</p>'
        '<h3>How can I contribute?<a class="headerlink" href="#b">¶</a></h3><p>Read the guide.</p>'
        '<h2>Hosting</h2><h3>Why no Google hosting?<a href="#c">¶</a></h3><p>They have no API.</p></div></div>'
        "<div class='sphinxsidebar'><h3>Table Of Contents</h3><ul><li><a href='#a'>How did it get started?</a></li>"
        "</ul><h3>Quick search</h3><p>Enter search terms.</p></div>"
        f"{bar}<div class='footer'>© Copyright 2011, the contributors.</div></body></html>"
    )
    assert questions_of(tmp_path, "faq.html", page) == [
        ("How did it get started?", "At a sprint."),
        ("How can I contribute?", "Read the guide."),
        ("Why no Google hosting?", "They have no API."),
    ]


def test_the_first_entry_straight_under_the_faq_title_states_a_problem(tmp_path: Path) -> None:
    """MkDocs: "Frequently Asked Questions", then "The font looks tiny" and questions that ask:
    the first heading of their rank, with the first question next, is an entry; a first
    heading named as an introduction is not."""
    page = (
        "<html><body><article><h1>Frequently Asked Questions</h1>"
        '<h3>The font looks tiny<a class="headerlink" href="#t">~</a></h3><p>Upload a larger font.</p>'
        '<h3>How to use icons?<a class="headerlink" href="#i">~</a></h3><p>Upload the icon font.</p>'
        '<h3>Is there a file browser?<a class="headerlink" href="#f">~</a></h3><p>Since 0.6.</p>'
        "</article></body></html>"
    )
    assert [q for q, _ in questions_of(tmp_path, "faq.html", page)] == [
        "The font looks tiny",
        "How to use icons?",
        "Is there a file browser?",
    ]
    introduced = page.replace("The font looks tiny", "Introduction")
    assert [q for q, _ in questions_of(tmp_path, "faq2.html", introduced)] == [
        "How to use icons?",
        "Is there a file browser?",
    ]


def test_wiki_mail_and_chat_links_show_their_text(tmp_path: Path) -> None:
    """``[mailto:tim@example.org Tim]`` and ``[irc://irc.example.org/#tp IRC]`` show "Tim" and
    "IRC", as ``[https://… text]`` links do."""
    text = (
        "== How can I contact you? ==\nJoin us on [irc://irc.example.org/#tp IRC], "
        "or email [mailto:tim@example.org Tim].\n\n== Where is the [[Manual]]? ==\nOn the website.\n"
    )
    found = questions_of(tmp_path, "FAQ.mediawiki", text)
    assert found[0] == ("How can I contact you?", "Join us on IRC, or email Tim.")


# ---------------------------------------------------------------------------- shapes heldout8 showed missed
# Markdown definition lists, text FAQs marked with arrows or with ``Q.`` labels over unlabelled
# answers, and "related pages" cards.


def test_a_markdown_definition_list_of_questions(tmp_path: Path) -> None:
    text = (
        "---\ntitle: FAQ\n---\n\nSome questions new users ask.\n\n"
        "An error says a feature is not available. Why?\n: You installed the standard edition.\n\n"
        "  ```sh\n  hugo version\n  ```\n\n  Install the extended edition.\n\n"
        "Can I use environment variables?\n: Yes. See the configuration page.\n\n"
        "Why is my page not published?\n: Is `draft` set to `true`?\n"
    )
    found = questions_of(tmp_path, "faq.md", text)
    assert [q for q, _ in found] == [
        "An error says a feature is not available. Why?",
        "Can I use environment variables?",
        "Why is my page not published?",
    ]
    assert found[0][1].startswith("You installed the standard edition.")
    assert found[0][1].endswith("Install the extended edition.")
    assert found[2][1] == "Is draft set to true?"


def test_a_text_faq_whose_questions_are_marked_with_arrows(tmp_path: Path) -> None:
    text = (
        "Frequently Asked Questions\n--------------------------\n\n"
        "-> Why this horrible name?\n\nIt's a play on words.\n\n\n"
        "-> Ctrl-C during a large transfer kills cadaver.\n\nNot in this fork. The first one abandons the\n"
        "transfer and returns to the prompt.\n\n\n"
        '-> The server works with other clients but cadaver says\n   "Location does not advertise WebDAV".\n\n'
        "The server did not put `DAV: 1' in its response to OPTIONS; use -t to carry\non anyway.\n"
    )
    found = questions_of(tmp_path, "FAQ", text)
    assert [q for q, _ in found] == [
        "Why this horrible name?",
        "Ctrl-C during a large transfer kills cadaver.",
        'The server works with other clients but cadaver says "Location does not advertise WebDAV".',
    ]
    assert found[1][1] == "Not in this fork. The first one abandons the transfer and returns to the prompt."


def test_q_labelled_questions_over_unlabelled_answers_whether_or_not_they_ask(tmp_path: Path) -> None:
    text = (
        "DigiTemp Frequently Asked Questions\nCopyright 1996-2008 by Brian C. Lane\n\n"
        "Q. Where Do I buy Parts?\n\n   From www.ibuttonlink.com. They make a great serial adapter\n"
        "   and they have picked up production of my sensors.\n\n"
        "Q. I get a result of 85C when reading temperatures\n\n   85C is the error state of the sensor, and\n"
        "   it usually means it is read too quickly.\n\n"
        "Q. How long can the wire be?\n\n   This depends on the cable. Using better cable will allow\n"
        "   longer runs.\n"
    )
    found = questions_of(tmp_path, "FAQ.txt", text)
    assert [q for q, _ in found] == [
        "Where Do I buy Parts?",
        "I get a result of 85C when reading temperatures",
        "How long can the wire be?",
    ]
    assert found[1][1] == "85C is the error state of the sensor, and it usually means it is read too quickly."


def test_cards_linking_to_other_pages_are_not_questions(tmp_path: Path) -> None:
    faq = "".join(
        f'<article class="faq"><h3>{q}</h3><p>{a}</p></article>'
        for q, a in [
            ("Hoe maak ik een afspraak?", "Online."),
            ("Wat kost een fotoshoot?", "Vanaf 35 euro."),
            ("Wat gebeurt er bij regen?", "We stemmen tijdig af."),
        ]
    )
    cards = (
        '<a class="card" href="kledingadvies.html"><h3>Wat trek ik aan naar een fotoshoot?</h3>'
        "<p>Kledingadvies voor portret en familie.</p></a>"
        '<a class="card" href="werkwijze.html"><h3>Hoe werkt een fotoshoot?</h3><p>Lees hoe boeken werkt.</p></a>'
    )
    page = (
        f"<html><body><main><h1>Veelgestelde vragen</h1><section><h2>Afspraak</h2>{faq}</section>"
        f'<section class="cta"><h2>Nog een vraag?</h2><p>Neem contact op.</p></section>'
        f"<section><h2>Gerelateerde thema's</h2>{cards}</section></main></body></html>"
    )
    found = questions_of(tmp_path, "vragen.html", page)
    asked = ["Hoe maak ik een afspraak?", "Wat kost een fotoshoot?", "Wat gebeurt er bij regen?"]
    assert [q for q, _ in found] == asked


def test_a_sphinx_cross_reference_with_a_tilde_shows_its_last_part(tmp_path: Path) -> None:
    text = (
        "FAQ\n===\n\nHow can I instruct a spider to stop itself?\n"
        "--------------------------------------------\n\n"
        "Raise the :exc:`~scrapy.exceptions.CloseSpider` exception from a callback.\n\n"
        "Does Scrapy work with HTTP proxies?\n----------------------------------\n\n"
        "Yes, see :class:`!HttpProxyMiddleware` and :ref:`the proxy topic <topics-proxy>`.\n"
    )
    found = questions_of(tmp_path, "faq.rst", text)
    assert found == [
        ("How can I instruct a spider to stop itself?", "Raise the CloseSpider exception from a callback."),
        ("Does Scrapy work with HTTP proxies?", "Yes, see HttpProxyMiddleware and the proxy topic."),
    ]


def test_an_answer_opening_with_a_bold_sentence_ended_the_chinese_way_keeps_its_question(tmp_path: Path) -> None:
    """A bold first line ending in "。" is the answer's emphasised opening, as one ending in "." is."""
    text = (
        "## undefined 和 null 有区别吗？\n\n**有区别。undefined 是非受控的标志。**\n\n"
        "在输入元素中，React 认为两者都属于非受控的标志。\n\n"
        "## 官方文档中没有提供的隐藏 API 我可以使用吗？\n\n不推荐。对内接口不保证兼容性。\n\n"
        "## 如何修改默认主题？\n\n可以参考定制主题。\n"
    )
    found = questions_of(tmp_path, "faq.zh-CN.md", text)
    assert [q for q, _ in found] == [
        "undefined 和 null 有区别吗？",
        "官方文档中没有提供的隐藏 API 我可以使用吗？",
        "如何修改默认主题？",
    ]
    assert found[0][1].startswith("有区别。undefined 是非受控的标志。")


def test_a_problem_stated_in_a_few_words_after_the_questions_is_one(tmp_path: Path) -> None:
    """After the questions, a short heading saying what fails is an entry, not a closing section."""
    text = (
        "# FAQ\n\n### Is this an official project?\n\nYes, it is.\n\n### Can it download the source code?\n\n"
        "Yes, with one command.\n\n### rustup fails with Windows error 32\n\n"
        "It may be due to antivirus scanning in the background. Disable it and try again.\n\n"
        "### Contact\n\nWrite to the maintainers.\n"
    )
    found = questions_of(tmp_path, "faq.md", text)
    assert [q for q, _ in found] == [
        "Is this an official project?",
        "Can it download the source code?",
        "rustup fails with Windows error 32",
    ]
    assert found[2][1].startswith("It may be due to antivirus scanning")


def test_a_labelled_last_answer_of_one_short_line_is_kept(tmp_path: Path) -> None:
    """``A: /TOPIC <tab>`` is an answer even when its line is short enough to pass for a heading."""
    text = (
        "Q: How do I add seconds to the timestamp?\nA: Use /FORMAT timestamp and remember the trailing space.\n\n"
        "Q: How do I write text that starts with a slash?\nA: Type it after a slash and a space.\n\n"
        "Q: How do I easily edit the existing topic?\nA: /TOPIC <tab>\n"
    )
    found = questions_of(tmp_path, "faq.txt", text)
    assert [q for q, _ in found][-1] == "How do I easily edit the existing topic?"
    assert found[-1][1] == "/TOPIC <tab>"


def test_a_sphinx_pep_or_rfc_given_by_its_number_is_named_as_one(tmp_path: Path) -> None:
    """Sphinx shows ``:pep:`544``` as "PEP 544" and ``:rfc:`2616``` as "RFC 2616"; a titled one by its title."""
    text = (
        "FAQ\n===\n\nCan I use duck typing?\n----------------------\n\nYes, see :pep:`544` and :rfc:`2616`.\n\n"
        "Are annotations checked?\n------------------------\n\nOnly statically, as :pep:`type hints <484>` say.\n"
    )
    found = questions_of(tmp_path, "faq.rst", text)
    assert found == [
        ("Can I use duck typing?", "Yes, see PEP 544 and RFC 2616."),
        ("Are annotations checked?", "Only statically, as type hints say."),
    ]


def test_a_pod_link_shows_its_text_and_a_section_as_perldoc_shows_it(tmp_path: Path) -> None:
    """``L<text|name>`` shows its text; ``L<Page/"section">`` shows ``"section" in Page``, as perldoc does."""
    text = (
        "=head1 QUESTIONS\n\n=head2 Can I configure Hypnotoad from the command line?\n\n"
        "No, you can't, L<Hypnotoad|Mojo::Server::Hypnotoad> is a bit special.\n\n"
        '=head2 What does "Maximum message size exceeded" mean?\n\n'
        'Use the attributes L<Mojolicious/"max_request_size"> and L</"max_response_size"> with L<Mojo::UserAgent>.\n'
    )
    found = questions_of(tmp_path, "faq.pod", text)
    assert found == [
        ("Can I configure Hypnotoad from the command line?", "No, you can't, Hypnotoad is a bit special."),
        (
            'What does "Maximum message size exceeded" mean?',
            'Use the attributes "max_request_size" in Mojolicious and "max_response_size" with Mojo::UserAgent.',
        ),
    ]


def test_a_readme_s_troubleshooting_section_beside_its_faq_holds_entries(tmp_path: Path) -> None:
    """A README's "## Troubleshooting" beside its "## FAQ": each problem stated under it is an entry,
    the deeper headings under a problem are its answer's steps; the other sections stay out."""
    text = (
        "# Prompt\n\nA fast prompt.\n\n## Installation\n\n### Manual\n\nClone the repository.\n\n"
        "### Homebrew\n\nRun brew install prompt.\n\n## FAQ\n\n### How do I update it?\n\nRun the updater.\n\n"
        "### Is it really fast?\n\nYes, see the benchmark.\n\n## Troubleshooting\n\n"
        "- [Question mark in prompt](#question-mark-in-prompt)\n- [Cursor is in the wrong place](#cursor)\n\n"
        "### Question mark in prompt\n\nInstall the recommended font.\n\n### Cursor is in the wrong place\n\n"
        "Check your locale first.\n\n#### If the prompt line aligns with the frame\n\nYour terminal is fine.\n\n"
        "#### If the prompt line is longer than the frame\n\nSet a UTF-8 locale.\n\n"
        "### Icons cut off in Konsole\n\nUse a monospace font.\n\n## License\n\nMIT.\n"
    )
    found = questions_of(tmp_path, "README.md", text)
    assert [q for q, _ in found] == [
        "How do I update it?",
        "Is it really fast?",
        "Question mark in prompt",
        "Cursor is in the wrong place",
        "Icons cut off in Konsole",
    ]
    assert found[1][1] == "Yes, see the benchmark."
    assert found[3][1].startswith("Check your locale first.")
    assert found[3][1].endswith("Set a UTF-8 locale.")
    assert found[4][1] == "Use a monospace font."


def test_a_troubleshooting_section_whose_entries_ask_counts_each_once(tmp_path: Path) -> None:
    """Entries of the troubleshooting section that ask are questions outside the FAQ already; each is read once."""
    text = (
        "= FAQs and Troubleshooting\n\n== FAQs\n\n=== Does it only process US-ASCII?\n\nNo, UTF-8 too.\n\n"
        "=== What is its media type?\n\ntext/asciidoc.\n\n== Troubleshooting\n\n"
        "=== Why is my attribute being ignored?\n\nIt is set after the header.\n\n"
        "=== Why don't links with a caret work?\n\nEscape the caret.\n"
    )
    found = questions_of(tmp_path, "faq.adoc", text)
    assert [q for q, _ in found] == [
        "Does it only process US-ASCII?",
        "What is its media type?",
        "Why is my attribute being ignored?",
        "Why don't links with a caret work?",
    ]


def test_a_text_browser_s_dump_keeps_its_links_out_of_the_text(tmp_path: Path) -> None:
    """``lynx -dump`` marks links as "[2]tmux" and lists them under "References" at the end: the
    marks and the list are not text; the marked words link to their addresses."""
    text = (
        "   Frequently Asked Questions\n\n"
        "Q: Where's the GUI version?\nA: There was one on [1]xirssi but it has not been maintained.\n\n"
        "Q: Will there be a /DETACH-like feature?\nA: [2]tmux and [3]screen can be used to do it just fine.\n\n"
        "Q: How to pronounce Irssi?\nA: Check [4]here\n\n\n"
        "   References:\n\n   [1] https://github.com/irssi-import/xirssi\n   [2] https://tmux.github.io/\n"
        "   [3] https://www.gnu.org/software/screen/\n   [4] https://irssi.org/assets/irssi.wav\n"
    )
    source = tmp_path / "faq.txt"
    source.write_text(text, encoding="utf-8")
    pairs = read_source(source).found.pairs
    assert [(p.question, p.answer) for p in pairs] == [
        ("Where's the GUI version?", "There was one on xirssi but it has not been maintained."),
        ("Will there be a /DETACH-like feature?", "tmux and screen can be used to do it just fine."),
        ("How to pronounce Irssi?", "Check here"),
    ]
    assert [(link.text, link.url) for link in pairs[1].references] == [
        ("tmux", "https://tmux.github.io/"),
        ("screen", "https://www.gnu.org/software/screen/"),
    ]


def test_a_last_section_of_titles_after_numbered_questions_is_back_matter(tmp_path: Path) -> None:
    """A numbered FAQ whose entries ask, ending in a section of titles ("4 Legal issues": "4.1
    Authorship", "4.2 Disclaimer and copyright"): that section is the document's back matter."""
    text = (
        "Tool\nFrequently Asked Questions\n\n1 Getting started\n\n1.1 What is Tool?\n\n"
        "   Tool is a visual file manager for the terminal.\n\n1.2 Does it run on my machine?\n\n"
        "   It runs on POSIX systems, and under Cygwin on Windows.\n\n2 Keyboard\n\n"
        "2.1 Why don't function keys work?\n\n   Your terminal database lacks their definitions.\n\n"
        "2.2 How do I change the key bindings?\n\n   Edit the keymap file in your configuration folder.\n\n"
        "3 Display\n\n3.1 How can I get colors?\n\n   Start it with the colour option.\n\n"
        "3.2 Why don't line drawing characters work?\n\n   Your terminal lacks the alternate character set.\n\n"
        "3.3 Where can I get xterm?\n\n   It comes with the X Window System.\n\n"
        "3.4 Can I use latin-1 characters?\n\n   Yes, with a font that has them.\n\n"
        "4 Legal issues\n\n4.1 Authorship\n\n   This document was written by Janne Kukonlehto.\n\n"
        "4.2 Disclaimer and copyright\n\n   This document is provided as is; use it at your own risk.\n"
    )
    found = questions_of(tmp_path, "FAQ.txt", text)
    assert [q for q, _ in found] == [
        "What is Tool?",
        "Does it run on my machine?",
        "Why don't function keys work?",
        "How do I change the key bindings?",
        "How can I get colors?",
        "Why don't line drawing characters work?",
        "Where can I get xterm?",
        "Can I use latin-1 characters?",
    ]
    assert found[-1][1] == "Yes, with a font that has them."


def _json_ld(pairs: list[tuple[str, str]]) -> str:
    marked = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}} for q, a in pairs
        ],
    }
    return f'<script type="application/ld+json">{json.dumps(marked)}</script>'


def test_markup_questions_the_page_does_not_show_are_not_the_pages(tmp_path: Path) -> None:
    """FAQPage JSON-LD that lists a question the page does not show, and words its answers otherwise
    (heldout11's first-unicorn, mazethales, capital-wealth): the page's questions and answers are
    what its readers read."""
    shown = [
        ("Hoe groot zijn de groepen?", "Nooit groter dan zes personen, zodat we je techniek bijsturen."),
        ("Wat neem ik mee?", "Sportkleding en een handdoek."),
        ("Is er een douche?", "Ja, neem zelf een handdoek mee."),
    ]
    marked = [
        ("Is dit geschikt voor beginners?", "Ja, de meeste mensen hier hebben lang niet gesport."),
        ("Hoe groot zijn de groepen?", "Nooit groter dan zes. Dat is bewust."),
    ]
    page = (
        f"<html><head>{_json_ld(marked)}</head><body><h1>Veelgestelde vragen</h1>"
        + "".join(f"<h3>{q}</h3><p>{a}</p>" for q, a in shown)
        + "</body></html>"
    )
    assert sorted(questions_of(tmp_path, "vragen.html", page)) == sorted(shown)


def test_markup_a_script_draws_on_the_page_is_kept_whole(tmp_path: Path) -> None:
    """A page whose questions a script draws shows none of them: its markup is all there is."""
    marked = [("Do you ship abroad?", "Yes, to all of Europe."), ("Can I return an order?", "Within 30 days.")]
    page = f'<html><head>{_json_ld(marked)}</head><body><h1>FAQ</h1><div id="faq-root"></div></body></html>'
    assert questions_of(tmp_path, "faq.html", page) == marked


def test_a_heading_over_an_element_classed_answer_is_a_question_asking_or_not(tmp_path: Path) -> None:
    """``<h4>…</h4><div class="answer">`` (WordPress FAQ exports, ``faq-answer``, ``antwoord``):
    the page names the answer, so the heading above it is its question even when it states a topic."""
    entries = [
        ("Zijn er huizen beschikbaar?", "Er komen regelmatig huizen leeg."),
        ("Wie kan de huisjes huren?", "Principieel iedereen."),
        ("Parkeren op het begijnhof", "Er is een totaal parkeerverbod op het begijnhof."),
    ]
    faq = "".join(f'<div class="faq"><h4>{q}</h4><div class="answer"><p>{a}</p></div></div>' for q, a in entries)
    page = f"<html><body><main><h1>Veelgestelde vragen</h1><section>{faq}</section></main></body></html>"
    assert questions_of(tmp_path, "vragen.html", page) == entries


def test_an_accordions_plus_sign_is_not_part_of_its_question(tmp_path: Path) -> None:
    """A button holding the question, a "+" that opens it, and the answer (``faq-acc-a``)."""
    entries = [
        ("What is the minimum to work with you?", "Families who saved $500,000 or more."),
        ("Do you work with clients outside of Utah?", "Yes, nationwide through virtual meetings."),
        ("How long does the planning take?", "Typically 4 to 6 weeks."),
    ]
    faq = "".join(
        f'<button class="faq-acc-item"><span class="faq-acc-q">{q}</span><span class="faq-acc-icon">+</span>'
        f'<div class="faq-acc-a">{a}</div></button>'
        for q, a in entries
    )
    page = f'<html><body><h1>Frequently Asked Questions</h1><div class="faq-accordion">{faq}</div></body></html>'
    assert questions_of(tmp_path, "faq.html", page) == entries


def test_a_summary_holding_its_question_in_blocks_and_bold_lines_in_its_answer(tmp_path: Path) -> None:
    """``<summary><div><label>question</label></div></summary>`` (Webflow): the question is the
    summary's, asking or not; a bold line inside the answer panel is the answer's own text."""
    entries = [
        (
            "Hoe werkt Prijsplafond Gas?",
            ["Je betaalt nooit meer dan € 0,60 per m³.", "<strong>Voorbeeld</strong>", "Bij € 0,80 betaal je € 0,60."],
        ),
        ("Uitleg over de opbouw van je maandnota", ["Bekijk hier de volledige uitleg."]),
        ("Hoe wijzig ik mijn IBAN-nummer?", ["Via het wijzigingsformulier."]),
    ]
    faq = "".join(
        f'<details><summary><div class="title"><label>{q}</label></div><div class="icon"></div></summary>'
        f'<div class="content">{"".join(f"<p>{p}</p>" for p in a)}</div></details>'
        for q, a in entries
    )
    page = f"<html><body><h1>Veelgestelde vragen</h1><div>{faq}</div></body></html>"
    found = questions_of(tmp_path, "vragen.html", page)
    assert [q for q, _ in found] == [q for q, _ in entries]
    assert found[0][1].startswith("Je betaalt nooit") and found[0][1].endswith("betaal je € 0,60.")
    assert "Voorbeeld" in found[0][1]


def test_a_layout_naming_content_beside_a_sidebar_is_not_the_sidebar(tmp_path: Path) -> None:
    """``<div class="content-sidebar-left">`` holds the page's text next to a sidebar: not furniture."""
    entries = [
        ("Hoe vraag ik een lening aan?", "Gebruik het aanvraagformulier."),
        ("Wat doet het BKR?", "Het BKR registreert leningen."),
    ]
    faq = "".join(f"<strong>{q}</strong><p>{a}</p>" for q, a in entries)
    page = (
        '<html><body><div class="content-sidebar-left"><div class="content-left"><h2>Veelgestelde vragen</h2>'
        f'<div class="content">{faq}</div></div><div class="sidebar"><p>Bereken je lening</p></div></div></body></html>'
    )
    assert questions_of(tmp_path, "vragen.html", page) == entries


def test_two_quantities_that_skip_a_number_are_not_numbered_questions(tmp_path: Path) -> None:
    """ "2.0 CPUs" and, further on, "4.0 CPUs" in an answer's lists do not count up: they are
    quantities, not a run of numbered questions that would outrank the page's headings."""
    page = (
        "<html><body><article><h1>Frequently Asked Questions</h1>"
        "<h2>Are there any limits?</h2><p>Free limits per user:</p>"
        "<ul><li>16.0 CPUs for Linux.</li><li>2.0 CPUs macOS VM (1 VM).</li></ul>"
        "<p>No Monthly Minute Limit</p><p>There are no limits on minutes; mining is blocked by firewall rules.</p>"
        "<p>With the paid plan you have twice the limits:</p>"
        "<ul><li>32.0 CPUs for Linux.</li><li>4.0 CPUs macOS VM (2 VMs).</li></ul>"
        "<p>There are no limits on parallel VMs with your own infrastructure, for private or public repositories.</p>"
        "<h2>CI agent stopped responding!</h2><p>Cirrus CI has not heard from the agent for some time.</p>"
        "<h2>Instance timed out!</h2><p>By default a task may run 60 minutes.</p>"
        "<h2>Any discounts?</h2><p>Only the free community cluster.</p></article></body></html>"
    )
    found = questions_of(tmp_path, "faq.html", page)
    assert [q for q, _ in found] == [
        "Are there any limits?",
        "CI agent stopped responding!",
        "Instance timed out!",
        "Any discounts?",
    ]


def test_a_kicker_label_above_a_section_heading_does_not_end_the_answer_before_it(tmp_path: Path) -> None:
    """``<p class="eyebrow">Starten</p><h2>Beginnen</h2>``: the label decorates the section's heading."""
    page = (
        '<html><body><h1>Veelgestelde vragen</h1><section><p class="eyebrow">Starten</p><h2>Beginnen</h2>'
        "<h3>Hoe verloopt de intake?</h3><p>In een half uur nemen we je doel door.</p>"
        "<h3>Wat neem ik mee?</h3><p>Sportkleding en een handdoek.</p></section>"
        '<section><p class="section-label">KOSTEN</p><h2>Prijs en afspraken</h2>'
        "<h3>Wat kost het?</h3><p>Dat hangt af van de vorm.</p></section></body></html>"
    )
    assert questions_of(tmp_path, "vragen.html", page) == [
        ("Hoe verloopt de intake?", "In een half uur nemen we je doel door."),
        ("Wat neem ik mee?", "Sportkleding en een handdoek."),
        ("Wat kost het?", "Dat hangt af van de vorm."),
    ]


def test_list_items_pairing_a_first_line_with_its_answer_are_questions_asking_or_not(tmp_path: Path) -> None:
    """``<ol><li><p>question</p><p>answer</p></li>…`` under section headings (a Jekyll FAQ): each
    item's first paragraph is its question, a problem it states ("… crashes …") as much as one it asks."""
    sections = {
        "General": [
            ("Does it work on platform X?", "It runs on Windows, macOS and Linux."),
            ("What about PyMol or VMD?", "Those are viewers; build molecules here."),
        ],
        "Known Issues": [
            ("It crashes when clicking inside the draw area", "Switch to the proprietary graphics driver."),
            ("It freezes when drawing a molecule", "Change your widget style, for example to Oxygen."),
            ("Why does insert smiles give the wrong stereoisomer?", "This is a bug in OpenBabel."),
        ],
    }
    body = "".join(
        f"<h1>{name}</h1><ol>" + "".join(f"<li><p>{q}</p><p>{a}</p></li>" for q, a in pairs) + "</ol>"
        for name, pairs in sections.items()
    )
    page = f'<html><body><section class="page__content">{body}</section></body></html>'
    assert questions_of(tmp_path, "faq.html", page) == [pair for pairs in sections.values() for pair in pairs]


def test_an_outline_heading_indented_past_its_answer_ends_at_its_line(tmp_path: Path) -> None:
    """Old text FAQs number their questions in an outline indented past the answers under them, with no
    blank line between: the heading is its line (and a line going on with it in lower case), the answer
    the text below."""
    text = (
        "      1.0    Basics\n"
        "          1.1   What is it?\n"
        "      It is probably best described as a system that ties your alerts\n"
        "      into a database of sessions, packet logs and other information\n"
        "      so that you can decide what to do about them.\n\n"
        "          1.2   This is complicated.  Is there an installation and\n"
        "      configuration guide?\n"
        "      Yes, there are two that I know of.  The official one is on the\n"
        "      project site, but it skips a few steps that you will need when\n"
        "      you install everything on one machine.\n\n"
        "          1.3   Putting the agent into debug mode\n"
        "      Locate the configuration file of the agent and set its debug\n"
        "      option to two, then restart it and watch the messages in the\n"
        "      terminal as before.\n"
    )
    found = questions_of(tmp_path, "FAQ.txt", text)
    assert [q for q, _ in found] == [
        "What is it?",
        "This is complicated. Is there an installation and configuration guide?",
        "Putting the agent into debug mode",
    ]
    assert found[0][1].startswith("It is probably best described")
    assert found[1][1].startswith("Yes, there are two")
    assert found[2][1].endswith("as before.")


def test_hugo_folding_shortcodes_hold_a_question_and_its_answer(tmp_path: Path) -> None:
    """Hugo themes fold an answer under a title: ``{{% details title="…" %}}`` (Hextra, Hugo Book),
    ``{{% expand "…" %}}`` (Relearn); the title is the question, as a ``<details>`` summary is, and
    the text up to the closing tag its answer. Other shortcodes show nothing."""
    text = (
        '---\ntitle: "FAQ"\n---\n\n{{< author-byline >}}\n\nIntro to the app.\n\n'
        '{{% details title="Wat is Evertag?" closed="true" %}}\nEen editor voor tags.<br><br>\n{{% /details %}}\n\n'
        '{{% details title="Is het gratis?" closed="true" %}}\nJa, met aankopen in de app.\n{{% /details %}}\n\n'
        '{{% expand "Werkt het offline?" %}}\nJa, lokale bestanden wel.\n{{% /expand %}}\n'
    )
    assert questions_of(tmp_path, "faq.nl.md", text) == [
        ("Wat is Evertag?", "Een editor voor tags."),
        ("Is het gratis?", "Ja, met aankopen in de app."),
        ("Werkt het offline?", "Ja, lokale bestanden wel."),
    ]


def test_a_site_page_named_markdown_is_markdown_however_much_html_it_holds() -> None:
    """A page with front matter named ``.md`` is rendered as Markdown by its site (Docusaurus, Hugo),
    which passes its raw HTML through: ``<details>`` and ``<br>`` do not make it an HTML page."""
    from ecoqa.importing.sources import detect

    entry = "<details>\n<summary>Is it free?</summary>\n\nYes.<br>See the licence.\n\n</details>\n"
    text = "---\ntitle: FAQs\n---\n\n# FAQs\n\n## General\n\n" + entry * 4
    assert detect(text, ".md") == "markdown"


def test_a_hidden_dialog_is_not_part_of_the_page(tmp_path: Path) -> None:
    """A Bootstrap modal (``<div class="modal" role="dialog">``, shown only when a button opens it) is a
    dialog as ``<dialog>`` is: its notice is not one of the page's questions."""
    cards = "".join(
        f'<div class="card"><div class="card-header" data-toggle="collapse"><h5>{q}</h5></div>'
        f'<div class="collapse"><div class="card-body">{a}</div></div></div>'
        for q, a in (
            ("Who can use the service?", "Anyone who needs to send money abroad."),
            ("How do I register?", "Fill in the form online."),
            ("Is my money safe?", "It is held in separate accounts."),
        )
    )
    modal = (
        '<div class="modal fade" tabindex="-1" role="dialog" aria-hidden="true"><div class="modal-dialog">'
        '<div class="modal-content"><div class="modal-body">'
        "<h5>Please read the following update before logging in to your online account</h5>"
        "<p>We have updated our online dealing system to give you better tools.</p></div></div></div></div>"
    )
    page = f"<html><body><h1>Frequently Asked Questions</h1><div id='accordion'>{cards}</div>{modal}</body></html>"
    assert questions_of(tmp_path, "faq.html", page) == [
        ("Who can use the service?", "Anyone who needs to send money abroad."),
        ("How do I register?", "Fill in the form online."),
        ("Is my money safe?", "It is held in separate accounts."),
    ]


def test_a_header_inside_an_answer_is_that_part_of_the_answer(tmp_path: Path) -> None:
    """``<article><header><h4>…</h4></header>…`` inside an answer: a ``<header>`` in an article or
    section heads that part of the page (HTML's rule), it is not the site's banner."""
    page = (
        '<html><body><header class="site"><a href="/">Rijschool</a></header><main><h1>Veelgestelde vragen</h1>'
        "<details><summary><h3>Wat is het verschil tussen M18 en M36?</h3></summary>"
        "<article><header><h4>M18 (zonder begeleider)</h4></header><ul><li>Geldig: 18 maanden</li></ul></article>"
        "<article><header><h4>M36 (met begeleider)</h4></header><ul><li>Geldig: 36 maanden</li></ul></article>"
        "</details>"
        "<details><summary><h3>Hoe lang duurt een les?</h3></summary><p>Twaalf uur.</p></details>"
        "<details><summary><h3>Moet ik iets meebrengen?</h3></summary><p>Niets speciaals.</p></details>"
        "</main></body></html>"
    )
    found = questions_of(tmp_path, "vragen.html", page)
    assert [q for q, _ in found] == [
        "Wat is het verschil tussen M18 en M36?",
        "Hoe lang duurt een les?",
        "Moet ik iets meebrengen?",
    ]
    assert found[0][1].startswith("M18 (zonder begeleider)")
    assert "M36 (met begeleider)" in found[0][1]


def test_list_items_opening_with_a_bold_line_broken_from_the_answer_are_questions(tmp_path: Path) -> None:
    """``<li><p><strong>question</strong><br>answer</p></li>`` (Markdown's bold line and hard break, as
    Docusaurus renders it): every item's bold first line is its question, a problem it states as much as
    one it asks."""
    pairs = [
        ("How to use it?", "Check the info here."),
        ("How to activate it permanently?", "Use the HWID option."),
        ("I changed my edition and now it is deactivated.", "Run the activation again."),
        ("Can I update after activation?", "Yes."),
        ("I'm in Russia and the download does not start.", "Check this guide."),
    ]
    items = "".join(f"<li><p><strong>{q}</strong><br>\n<!-- -->{a}</p></li>" for q, a in pairs)
    page = f"<html><body><main><h1>FAQ</h1><p>(Frequently Asked Questions)</p><ul>{items}</ul></main></body></html>"
    assert questions_of(tmp_path, "faq.html", page) == pairs


def test_sub_headings_that_name_things_under_a_question_with_text_belong_to_its_answer(tmp_path: Path) -> None:
    """A heading that asks, with text of its own, above sub-headings that only name things ("Spring Cloud
    Alibaba", "Dubbo"): they divide its answer, on a page whose other entries state their problem."""
    entries = "".join(
        f"<h4>{q}</h4><p>{a}</p>"
        for q, a in (
            ("Nacos支持Dubbo", "Nacos 0.6版本和Dubbo集成。"),
            ("Nacos报401错误", "可以检查服务端日志。"),
        )
    )
    page = (
        "<html><body><article><h1>FAQ</h1><h2>使用问题</h2>"
        + entries
        + "<h4>如何依赖最新的Nacos客户端？</h4><p>这里将依赖升级说明如下：</p>"
        "<h5>Spring Cloud Alibaba</h5><pre>nacos-client</pre><h5>Dubbo</h5><pre>dubbo-registry-nacos</pre>"
        "<h4>Nacos权重不生效</h4><p>目前不能生效。</p></article></body></html>"
    )
    found = questions_of(tmp_path, "faq.html", page)
    assert [q for q, _ in found] == [
        "Nacos支持Dubbo",
        "Nacos报401错误",
        "如何依赖最新的Nacos客户端？",
        "Nacos权重不生效",
    ]
    assert found[2][1].startswith("这里将依赖升级说明如下")
    assert found[2][1].rstrip("`\n ").endswith("dubbo-registry-nacos")


def test_a_bold_last_line_of_an_answer_element_is_the_answer_s(tmp_path: Path) -> None:
    """``<div class="faq-answer">… <br><br><strong>All costs included!</strong></div>``: inside the element
    its page names the answer, a closing line in bold ends that answer, it is not a title above the next."""
    entries = (
        (
            "Do you bring equipment?",
            "Yes, everything needed:<br>• vacuum cleaners<br>• steam cleaners",
            "All costs are included!",
        ),
        ("Which areas do you serve?", "All of Cairo and Giza.", "Same-day service available!"),
        ("How do I book?", "Call or message us.", "We will confirm within the hour."),
    )
    items = "".join(
        f'<div class="faq-item"><div class="faq-question">{q}</div>'
        f'<div class="faq-answer">{a}<br><br><strong>{last}</strong></div></div>'
        for q, a, last in entries
    )
    page = f'<html><body><div class="faq-section"><h2>Questions</h2>{items}</div></body></html>'
    found = questions_of(tmp_path, "faq.html", page)
    assert [q for q, _ in found] == [q for q, _, _ in entries]
    assert [a.rstrip().endswith(last) for (_, a), (_, _, last) in zip(found, entries, strict=True)] == [True] * 3


PANEL_PAIRS = {
    "jekyll-include-pair": (
        '{% include snippets/faq-begin ref="faqShower" question="Can I place one in the shower?" %}\n\n{a1}\n\n'
        "{% include snippets/faq-end %}\n\n"
        '{% include snippets/faq-begin ref="faqInstall" question="I want it installed for me" %}\n\n{a2}\n\n'
        "{% include snippets/faq-end %}\n"
    ),
    "hugo-faq-shortcode": (
        '{{< faq q="I sent a custom model, but it was ignored. Why?" >}}\n{a1}\n{{< /faq >}}\n\n'
        '{{< faq question="How to reload without downtime" >}}\n{a2}\n{{< /faq >}}\n'
    ),
    "liquid-block-bare-words": (
        "{% faq %}\n{% faqitem What's the difference between traits and IDs? %}\n\n{a1}\n\n{% endfaqitem %}\n\n"
        "{% faqitem Should I track client or server-side?|https://example.org/ %}\n{a2}\n"
        "{% endfaqitem %}\n{% endfaq %}\n"
    ),
    "eleventy-and-markdoc-pairs": (
        '{% faq "Do I need my own website?" %}\n{a1}\n{% endfaq %}\n\n'
        '{% faqitem title="Can I mint from the command line?" %}\n{a2}\n{% /faqitem %}\n'
    ),
}
PANEL_QUESTIONS = {
    "jekyll-include-pair": ["Can I place one in the shower?", "I want it installed for me"],
    "hugo-faq-shortcode": ["I sent a custom model, but it was ignored. Why?", "How to reload without downtime"],
    "liquid-block-bare-words": [
        "What's the difference between traits and IDs?",
        "Should I track client or server-side?",
    ],
    "eleventy-and-markdoc-pairs": ["Do I need my own website?", "Can I mint from the command line?"],
}


@pytest.mark.parametrize("name", sorted(PANEL_PAIRS))
def test_a_pair_of_template_tags_carrying_its_question_is_a_collapsible_question(tmp_path: Path, name: str) -> None:
    """Static sites write a FAQ entry as a pair of template tags around the answer, the question an
    argument of the opening tag (Jekyll includes, Hugo ``faq``/``details`` shortcodes, Liquid,
    Nunjucks and Markdoc block tags): the site builds a ``<details>`` panel of it, and so does the import."""
    answers = ("Yes, as long as it is not exposed to moisture.", "Build it in a second folder, then swap.")
    body = PANEL_PAIRS[name].replace("{a1}", answers[0]).replace("{a2}", answers[1])
    text = f"---\ntitle: Help\n---\n\n# Help\n\nSome words about this page.\n\n## Questions\n\n{body}\n"
    found = questions_of(tmp_path, "help.md", text)
    assert [a for _, a in found] == list(answers)
    assert [q for q, _ in found] == PANEL_QUESTIONS[name]


def test_a_pair_of_template_tags_with_a_title_that_does_not_ask_stays_inside_its_answer(tmp_path: Path) -> None:
    """A titled block ("Good to know") inside an answer is not a question of the page: its tags are
    left out and its text stays in the answer."""
    text = (
        "---\ntitle: FAQ\n---\n\n## How do I back up?\n\nCopy these files.\n\n"
        '{% callout type="info" title="Good to know" %}\nThe list of files.\n{% endcallout %}\n\n'
        "## How do I restore?\n\nCopy them back.\n"
    )
    found = questions_of(tmp_path, "faq.md", text)
    assert found == [
        ("How do I back up?", "Copy these files.\n\nThe list of files."),
        ("How do I restore?", "Copy them back."),
    ]


def test_a_heading_of_the_questions_rank_inside_their_run_is_a_question_whatever_it_says(tmp_path: Path) -> None:
    """Between questions of one rank, a heading of that rank is their sibling: a question, though it
    neither asks nor states a problem in a sentence ("There is a "0day exploit"?!&%@!!")."""
    text = (
        "Frequently asked questions\n==========================\n\n"
        "Will you implement SQL support?\n-------------------------------\n\nNo, there are many reasons.\n\n"
        "Which crypto module should I use?\n---------------------------------\n\nThe argon2 one.\n\n"
        'There is a "0day exploit"?!&%@!!\n--------------------------------\n\nReport it to us.\n\n'
        "I get a compile error about some .po file thing.\n------------------------------------------------\n\n"
        "Configure with --disable-nls.\n\n"
        "The daemon exits complaining that it is tainted.\n------------------------------------------------\n\n"
        "Enable the allow_taint directive.\n"
    )
    found = questions_of(tmp_path, "FAQ.txt", text)
    assert [q for q, _ in found][2:4] == [
        'There is a "0day exploit"?!&%@!!',
        "I get a compile error about some .po file thing.",
    ]
    assert found[2][1] == "Report it to us."


def test_a_follow_up_sub_heading_that_starts_with_a_question_word_is_one_though_it_does_not_ask(
    tmp_path: Path,
) -> None:
    """Under a question, sub-headings most of which ask are follow-up questions; one among them that
    starts with a question word ("What are the differences between …") is one too, though it lacks its "?"."""
    page = (
        "<html><body><h1>FAQ</h1><h2>General</h2>"
        "<h3>Can I start from corrected reads?</h3><p>Yes, with the right option.</p>"
        "<h3>What is the difference between a primary and an associated contig?</h3><p>Primary ones are long.</p>"
        "<h4>What are the differences between a_ctg.fasta and a_ctg_base.fasta</h4><p>The base one is unpolished.</p>"
        "<h4>How can I find a contig's primary coordinates?</h4><p>Use the map file.</p>"
        "<h4>How does it avoid chimeras?</h4><p>It splits them.</p>"
        "<h3>Can it handle polyploid genomes?</h3><p>Not yet.</p>"
        "<h2>Workflow</h2><h3>How do I restart a failed workflow?</h3><p>Run it again.</p>"
        "<h3>How do I turn on logging?</h3><p>Pass a log file.</p></body></html>"
    )
    found = questions_of(tmp_path, "faq.html", page)
    assert "What are the differences between a_ctg.fasta and a_ctg_base.fasta" in [q for q, _ in found]
    assert len(found) == 8


def test_a_bold_line_standing_alone_in_a_heading_questions_answer_is_its_emphasis(tmp_path: Path) -> None:
    """A bold line standing alone inside a heading question's answer is emphasis, asking or not ("**What
    about version 2.0?**", "**History:**"); a bold question opening a paragraph with its answer after it
    stays a question (test_accordion_buttons_and_bold_questions_that_open_a_paragraph)."""
    text = (
        "# FAQ\n\n## How do I install it?\n\nRun the installer.\n\n"
        "## Can I run a GUI inside a host?\n\nYes, with X forwarding.\n\n"
        "**What about version 2.0?**\n\nIt works the same way there.\n\n"
        "## `kill-word` does not delete a symbol\n\n**History:**\n\nThe variable was emptied in 2020.\n\n"
        "**What does this do?**\n\nIt tells the shell which signs are part of a word.\n\n"
        "## Why shouldn't I install it as root?\n\nIt is not safe.\n"
    )
    found = questions_of(tmp_path, "faq.md", text)
    assert [q for q, _ in found] == [
        "How do I install it?",
        "Can I run a GUI inside a host?",
        "kill-word does not delete a symbol",
        "Why shouldn't I install it as root?",
    ]
    assert found[1][1].endswith("It works the same way there.")
    assert found[2][1].startswith("History:") and found[2][1].endswith("part of a word.")


def test_a_faq_section_named_with_an_emoji_in_german_holds_labelled_list_items(tmp_path: Path) -> None:
    """A blog post's "🙋 Häufig gestellte Fragen (FAQ)" section is its questions section (an emoji before
    the name, the name in German, as "❓ 常见问题" in Chinese), and ``F:``/``A:`` label a question and its
    answer as ``Q:``/``A:`` do (German: Frage, Antwort; the answer keeps its bullet); the post's other sections
    are not questions."""
    text = (
        "# 📝 Der ultimative Prompt\n\nEinleitung zum Prompt.\n\n"
        "## ⚡️ Zusammenfassung\n\n- Punkt eins\n- Punkt zwei\n\n"
        "## 🥉 Basic-Version\n\nNutzen Sie diesen Prompt.\n\n"
        "## 🙋 Häufig gestellte Fragen (FAQ)\n\n"
        "- **F: Klingt das Ergebnis zu steif?**\n  - A: Passen Sie den Ton an.\n"
        "- **F: Geht das mit der kostenlosen Version?**\n  - A: Grundsätzlich ja.\n\n"
        "## 🎯 Fazit\n\nViel Erfolg.\n"
    )
    assert questions_of(tmp_path, "post.de.md", text) == [
        ("Klingt das Ergebnis zu steif?", "- Passen Sie den Ton an."),
        ("Geht das mit der kostenlosen Version?", "- Grundsätzlich ja."),
    ]


def test_a_readme_s_faq_of_one_question_is_its_only_question(tmp_path: Path) -> None:
    """A README whose FAQ section holds one question that asks: that is the page's question; its
    other sections (installation, usage) are not questions because the FAQ is short."""
    text = (
        "# tool\n\nA terminal UI.\n\n## Installation\n\n### Homebrew\n\n```\nbrew install tool\n```\n\n"
        "### Scoop\n\nRun `scoop install tool`.\n\n## Usage\n\nCall `tool` in a repository.\n\n"
        "## FAQ\n\n### What do the colours represent?\n\n- Green: merged\n- Yellow: pushed\n\n"
        "## Alternatives\n\nSee the wiki.\n"
    )
    assert questions_of(tmp_path, "README.md", text) == [
        ("What do the colours represent?", "- Green: merged\n- Yellow: pushed")
    ]


def test_a_readme_named_markdown_is_markdown_however_much_html_it_holds() -> None:
    """A ``.md`` README that shows Markdown is rendered as Markdown even when its raw HTML (sponsor
    logos, ``<div align="center">``, ``<details>``, ``<br/>``) outnumbers its Markdown signs."""
    from ecoqa.importing.sources import detect

    logos = '<div align="center"><a href="https://example.org"><img src="logo.png" width="80"></a></div>\n' * 6
    text = logos + "\n# Tool\n\n## FAQ\n\n<details><summary>Is it free?</summary>Yes.<br/>MIT.</details>\n"
    assert detect(text, ".md") == "markdown"


def test_a_closing_call_after_an_emoji_is_not_a_question(tmp_path: Path) -> None:
    """READMEs put an emoji before their headings: "🤔 Still have questions?" closing a FAQ is still a
    call to get in touch, not one of its questions."""
    text = (
        "# ❓ FAQ\n\n## 🚀 Getting started\n\n### Q: Is it free?\n\n**A:** Yes.\n\n"
        "### Q: Which languages?\n\n**A:** TypeScript.\n\n### Q: Is there a community?\n\n**A:** Join us.\n\n"
        "## 🤔 Still have questions?\n\nAsk in Discord.\n"
    )
    assert [q for q, _ in questions_of(tmp_path, "faq.md", text)] == [
        "Is it free?",
        "Which languages?",
        "Is there a community?",
    ]


def test_a_hugo_folding_shortcode_keeps_a_bold_question_inside_its_answer(tmp_path: Path) -> None:
    """The folding shortcode is the ``<details>`` element it renders: a bold line that asks inside it is
    part of its answer, not a question of its own."""
    text = (
        '---\ntitle: "FAQ"\n---\n\n'
        '{{% details title="Hoe bewerk ik meerdere bestanden?" closed="true" %}}\nGebruik de batchmodus.\n\n'
        "**Hoe start je de batchmodus?**\n\nTik op Selecteren.\n{{% /details %}}\n\n"
        '{{% details title="Is het gratis?" closed="true" %}}\nJa.\n{{% /details %}}\n'
    )
    assert [q for q, _ in questions_of(tmp_path, "faq.nl.md", text)] == [
        "Hoe bewerk ik meerdere bestanden?",
        "Is het gratis?",
    ]
