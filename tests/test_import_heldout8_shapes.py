"""``ecoqa import``: structures the eighth held-out set (heldout8) showed the rules missed, each one many
documents share: Markdown definition lists, text FAQs marked with arrows or with ``Q.`` labels
over unlabelled answers, and "related pages" cards."""

from __future__ import annotations

from pathlib import Path

from ecoqa.importing.sources import read_source


def questions_of(tmp_path: Path, name: str, text: str) -> list[tuple[str, str]]:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    return [(p.question, p.answer) for p in read_source(source).found.pairs]


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
