"""``ecoqa import`` on structures heldout15 showed: a Usenet digest (RFC 1153, as news.answers FAQs are
posted), outline sections numbered ``N.0``, WikiCreole and DokuWiki pages, AsciiDoc's ``*strong*``
questions and bold questions wrapped onto a second line."""

from __future__ import annotations

from pathlib import Path

from ecoqa.importing.sources import read_source

SEPARATOR = "-" * 30


def pairs_of(tmp_path: Path, name: str, text: str) -> list[tuple[str, str]]:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    return [(p.question, p.answer) for p in read_source(source).found.pairs]


def _message(subject: str, body: str, sender: str = "Ann Author <ann at example.org>") -> str:
    return f"{SEPARATOR}\n\nSubject: {subject}\nFrom: {sender}\nDate: Fri, 1 Mar 1991 13:03:15 -0800\n\n{body}\n"


DIGEST = (
    "Newsgroups: comp.example,news.answers\nSubject: Example Frequently Asked Questions (FAQ)\n"
    "From: Ann Author <ann at example.org>\n\nArchive-name: example/faq\n\n"
    "  This is the example FAQ. Please read it before posting.\n\n" + "-" * 70 + "\n\n"
    "Subject: Table of Contents\nFrom: Ann Author <ann at example.org>\n\n"
    "Legend: + new, - deleted, ! changed\n\n01.00 Basics\n\n 01.01 How do I install it?\n"
    "!01.02 Where are the docs?\n\n02.00 Use\n\n 02.01 How do I start it?\n\n"
    + _message("01.00 ***** Basics *****", "")
    + _message(
        "01.01 How do I install it?",
        "  Run the installer from the download page.\n\n"
        "From: Bob Builder <bob at example.org>\nDate: 2 Mar 1991 10:00:00 GMT\n\n  Or build it from source.",
        sender="Ann Author <ann at example.org>,\n\tCarl Contributor <carl at example.org>",
    )
    + _message("!01.02 Where are the docs?", "  In the docs folder of the distribution.")
    + _message("02.00 ***** Use *****", "")
    + _message("02.01 How do I start it?", "  Type start at the prompt.")
    + _message(
        "Removing duplicates (Perl)",
        "#!/usr/bin/perl\n# remove duplicate messages\n\n=head1 NAME\n\ndedup - remove duplicates\n\n=cut\n\n"
        "print 'done';",
    )
)


def test_a_usenet_digest_is_read_a_message_at_a_time(tmp_path: Path) -> None:
    """Each message's Subject is its title (a changed entry's ``!`` and the ``*****`` drawn around a
    section's name are not); its headers are not text; the posting's own headers are not a question;
    a Perl script quoted in the last message does not make the whole digest a POD document."""
    source = tmp_path / "FAQ.txt"
    source.write_text(DIGEST, encoding="utf-8")
    read = read_source(source)
    found = [(p.question, p.answer) for p in read.found.pairs]
    assert read.kind == "text"
    assert [q for q, _ in found] == ["How do I install it?", "Where are the docs?", "How do I start it?"]
    first = found[0][1]
    assert first.startswith("Run the installer from the download page.")
    assert first.endswith("Or build it from source.")
    assert "Carl Contributor" not in first and "1991 13:03" not in first
    assert found[1][1] == "In the docs folder of the distribution."
    assert found[2][1] == "Type start at the prompt."  # the appendix after it is not its answer


def test_a_text_of_a_few_mails_quoted_is_not_a_digest(tmp_path: Path) -> None:
    text = (
        "How do I report a bug?\n\nMail us, like this:\n\n" + _message("crash on start", "It crashes.") + "\n\n"
        "Why is it slow?\n\nIt checks every move.\n"
    )
    assert [q for q, _ in pairs_of(tmp_path, "faq.txt", text)] == ["How do I report a bug?", "Why is it slow?"]


def test_an_outline_section_numbered_n_0_heads_its_questions(tmp_path: Path) -> None:
    """Outline-numbered FAQs head a section ``2.0`` (``02.00``, as nmh's and sguil's FAQs do), not only
    ``2.``: a list item ``2.`` inside an answer of section 1 is the answer's, not section 2's line."""
    text = (
        "# FAQ\n\n## 1.0 Getting started\n\n## 1.1 How do I install it?\n\nDo this:\n\n1. Download it.\n"
        '2. Unpack it.\n3. Run the installer.\n\n## 1.2 Fixing "cannot lock" errors\n\n'
        "Remove the stale lock file first.\n\n## 2.0 Using it\n\n## 2.1 How do I start it?\n\nType start.\n\n"
        "## 2.2 Stopping it cleanly\n\nType stop and wait.\n"
    )
    found = pairs_of(tmp_path, "faq.md", text)
    assert [q for q, _ in found] == [
        "How do I install it?",
        'Fixing "cannot lock" errors',
        "How do I start it?",
        "Stopping it cleanly",
    ]
    assert found[0][1].startswith("Do this:") and found[0][1].endswith("Run the installer.")


def test_creole_bold_questions_over_a_forced_line_break(tmp_path: Path) -> None:
    """WikiCreole (and DokuWiki) end a line with ``\\\\`` to break it: a bold question so, its answer on
    the next line with no blank line between; ``[[url|text]]`` is a link, ``//text//`` emphasis."""
    text = (
        "==FAQ==\n\n**Will it run on Windows?**\\\\\nYes, since version 2.\\\\\n"
        "See [[http://example.org/win|the Windows notes]].\n\n"
        "**Why is it slow?**\\\\\nBecause it checks //every// move.\n\n"
        "**Where is the donate button?**\\\\\nOn the upper right corner of the page.\n"
    )
    found = pairs_of(tmp_path, "FAQ.creole", text)
    assert [q for q, _ in found] == ["Will it run on Windows?", "Why is it slow?", "Where is the donate button?"]
    assert found[0][1].startswith("Yes, since version 2.") and "the Windows notes" in found[0][1]
    assert "//" not in found[1][1] and "every" in found[1][1]


def test_a_dokuwiki_page_counts_its_heading_levels_down_and_shows_a_link_s_text(tmp_path: Path) -> None:
    """DokuWiki's ``======`` is level 1 (the page's title), ``=====`` level 2; an interwiki link
    ``[[wp>Page]]`` shows the page's name, an internal one ``[[ns:page|text]]`` its text."""
    text = (
        "{{tag>beginner}}\n\n====== Questions fréquentes ======\n//Une source d'information générale.//\n\n"
        "===== Qu'est-ce que Xyz ? =====\nXyz est un logiciel libre.\n\n//Plus d'informations : [[wp>Xyz]]//\n"
        "===== Combien coûte Xyz ? =====\nRien. Voir [[:prix|les prix]].\n\n===== Autres FAQ =====\n\n{{topic>faq}}\n"
    )
    source = tmp_path / "faq.txt"
    source.write_text(text, encoding="utf-8")
    read = read_source(source)
    found = [(p.question, p.answer) for p in read.found.pairs]
    assert read.title == "Questions fréquentes"
    assert [q for q, _ in found] == ["Qu'est-ce que Xyz ?", "Combien coûte Xyz ?"]
    assert found[0][1].replace("*", "").endswith("Plus d'informations : Xyz")
    assert found[1][1] == "Rien. Voir les prix."


def test_asciidoc_strong_questions_open_their_answers(tmp_path: Path) -> None:
    """In AsciiDoc ``*text*`` is strong (Markdown's ``**text**``): a strong question opening a
    paragraph is the question, the rest its answer, even wrapped onto the next line; an inline
    ``anchor:id[]`` shows nothing."""
    text = (
        "= FAQ\n\n== Generalanchor:General[]\n\n*What is it?* It is a tool for\nstoring objects.\n\n"
        "*I would like to help.\nWhat do I do next?* Join the mailing list and\nsay hello.\n\n"
        "*Does it have a wiki?* It does. It *must* be kept up to date.\n\n== Troubleshooting\n\n"
        "*Why does it fail?* Check `*.conf` and `a*b` first.\n"
    )
    found = pairs_of(tmp_path, "faq.adoc", text)
    assert [q for q, _ in found] == [
        "What is it?",
        "I would like to help. What do I do next?",
        "Does it have a wiki?",
        "Why does it fail?",
    ]
    assert found[1][1] == "Join the mailing list and say hello."
    assert found[3][1] == "Check *.conf and a*b first."  # code spans keep their stars


def test_a_markdown_bold_question_wrapped_onto_a_second_line_opens_its_answer(tmp_path: Path) -> None:
    text = (
        "# FAQ\n\n**I would like to find out more about the project and possibly contribute.\n"
        "What do I do next?** Join the list and see what needs to be done.\n\n"
        "**Where is the list?** On the project's site.\n"
    )
    found = pairs_of(tmp_path, "faq.md", text)
    assert found == [
        (
            "I would like to find out more about the project and possibly contribute. What do I do next?",
            "Join the list and see what needs to be done.",
        ),
        ("Where is the list?", "On the project's site."),
    ]


def test_a_digest_s_change_mark_after_the_number_is_not_part_of_the_question(tmp_path: Path) -> None:
    """Older digests put the legend's mark after the number (``01.05 !What other …?``, nmh's MH 6.8.5 FAQ)."""
    text = (
        "Subject: Example FAQ\n\n  The FAQ.\n\n"
        + _message("01.01 How do I install it?", "  Run the installer.")
        + _message("01.02 !What other software is there?", "  A mail reader for Emacs.")
        + _message("01.03 +How do I report bugs?", "  Mail the list.")
    )
    found = pairs_of(tmp_path, "FAQ.txt", text)
    assert [q for q, _ in found] == [
        "How do I install it?",
        "What other software is there?",
        "How do I report bugs?",
    ]


def test_dokuwiki_code_may_open_and_close_on_its_lines_of_code(tmp_path: Path) -> None:
    """DokuWiki's ``<code>`` block may start its code on the tag's line and end it before ``</code>``;
    ``<code>`` inside a line of text is a code span."""
    text = (
        "====== FAQ ======\n\n===== Comment lister les fichiers ? =====\n"
        "Utilisez <code>ls</code> dans un terminal :\n<code>ls -l\nls -a</code>\n\n"
        "===== Comment obtenir de l'aide ? =====\nAjoutez --help :\n<code bash>\nmv --help\n</code>\nC'est tout.\n"
    )
    found = pairs_of(tmp_path, "faq.txt", text)
    assert [q for q, _ in found] == ["Comment lister les fichiers ?", "Comment obtenir de l'aide ?"]
    assert found[0][1] == "Utilisez ls dans un terminal :\n\n```\nls -l\nls -a\n```"
    assert found[1][1] == "Ajoutez --help :\n\n```\nmv --help\n```\n\nC'est tout."


def test_asciidoc_s_line_ending_plus_breaks_the_line_and_is_not_text(tmp_path: Path) -> None:
    text = (
        "= FAQ\n\n== Where is the mailing list?\n\nThe developers list is dev@example.org. +\n"
        "The users list is users@example.org.\n\n== Is there a wiki?\n\nIt does exist.\n"
    )
    found = pairs_of(tmp_path, "faq.adoc", text)
    assert found[0][1] == "The developers list is dev@example.org. The users list is users@example.org."
