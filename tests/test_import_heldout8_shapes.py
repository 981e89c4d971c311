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
