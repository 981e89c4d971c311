"""``ecoqa import``: structures seen in real documents that the earlier rules missed, each shared
by many documents (labelled lines, wiki markup, accordions), and the cost of reading a table."""

from __future__ import annotations

from pathlib import Path

import pytest

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
