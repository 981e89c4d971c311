"""Answers as a person reads them in a terminal. Each case was seen on an imported real FAQ at 80 and
40 columns (ecoqa import, then show, list, search and browse in tmux)."""

from __future__ import annotations

import json
import random
import re
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

#: ant-design's FAQ (zh-CN): Chinese with English words between spaces, and Chinese stops.
CHINESE = (
    "在输入元素中，React 认为 undefined 和 null 都属于非受控的标志。当 value 由非空值转化为 undefined 或 null "
    "时，组件不再受控，这通常是一些意外情况发生的原因。如果 strictNullChecks 的值被设置为 true "
    "就会出现上述问题，如果你确定项目中可以不需要这个检测配置（查看strictNullChecks判断是否需要该配置），"
    "可以尝试改为 false 关闭控制严格检查功能。"
)
JAPANESE = (
    "「ファイル」メニューから「設定」を開き、言語を日本語に変更してください。変更は、次回の起動時に反映されます。"
)
CLOSING = set("、。，：；？！）」』】")
OPENING = set("（「『【")


def _corpus(tmp_path: Path, corpus_file: Any, question: str, answer: str, language: str = "zh") -> Path:
    return corpus_file(
        tmp_path / "faq.json",
        [{"id": 1, "question": question, "answer": answer}],
        schema_version=2,
        collection={"kind": "faq", "title": "FAQ", "language": language},
    )


def _panel_rows(shown: str) -> list[str]:
    """The text of a panel's rows, borders and padding taken off."""
    return [line[2:-2].rstrip() for line in shown.splitlines() if line.startswith("│") and len(line) > 4]


@pytest.mark.parametrize("columns", [40, 60, 80])
@pytest.mark.parametrize("text", [CHINESE, JAPANESE], ids=["zh", "ja"])
def test_chinese_and_japanese_lines_are_filled_to_the_panel_edge(
    invoke: Any, corpus_file: Any, tmp_path: Path, columns: int, text: str
) -> None:
    """rich breaks lines only at spaces, so a Chinese sentence between two spaces went whole to the next
    line and left the line before it half empty ('true' alone on a row at 40 columns). Now a line may
    break between any two Chinese or Japanese characters: every row but a paragraph's last is filled to
    within a character of the edge, no row starts with a closing mark or ends with an opening one, and
    no character is lost."""
    data = _corpus(tmp_path, corpus_file, "问题？", text)
    shown = invoke("--data", str(data), "show", "1", env={"COLUMNS": str(columns)}).stdout
    rows = _panel_rows(shown)
    answer = rows[rows.index("问题？") + 1 :] if "问题？" in rows else rows
    answer = [row for row in answer if row.strip()]
    assert "".join(text.split()) in "".join("".join(answer).split()), shown
    from ecoqa.text import wrap_starts

    inside = columns - 4
    for row, following in pairwise(answer):
        starts = [*wrap_starts(following), len(following)]
        first_piece = following[: starts[1]].rstrip()
        assert inside - cell_len(row) <= cell_len(first_piece), (row, following, shown)  # it would have fit
    assert not any(row.lstrip()[:1] in CLOSING for row in answer), shown
    assert not any(row.rstrip()[-1:] in OPENING for row in answer), shown


def test_a_long_chinese_question_fills_its_column_in_list_and_search(
    invoke: Any, corpus_file: Any, tmp_path: Path
) -> None:
    question = "当我点击 Select Dropdown 内的另一个 popup 组件时它会消失并且整个页面都没有任何响应，如何解决这个问题？"
    data = _corpus(tmp_path, corpus_file, question, "请使用 getPopupContainer。")
    for args in (["list", "--table"], ["search", "Select", "--table"]):
        shown = invoke("--data", str(data), *args, env={"COLUMNS": "40"}).stdout
        rows = [line for line in shown.splitlines() if any("\u4e00" <= char <= "\u9fff" for char in line)]
        assert len(rows) >= 2, shown
        assert all(cell_len(row.rstrip()) >= 34 for row in rows[:-1]), shown  # 40 columns less the id column


@pytest.mark.parametrize("seed", range(30))
def test_text_without_chinese_or_japanese_wraps_exactly_as_rich_wraps_it(seed: int) -> None:
    """``Prose`` changes nothing for text written with spaces: the same rows as rich's ``Text``."""
    from ecoqa.render import Prose

    rng = random.Random(seed)
    words = ["a", "word", "longer-words", "x" * 50, "  ", "end.", "Ünïcödé", "\t", "(b)", "—"]
    text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 40)))
    width = rng.randint(5, 60)
    console = Console(width=width, color_system=None, legacy_windows=False)
    for overflow in ("fold", "crop", "ellipsis"):
        ours = [line.plain for line in Prose(text, overflow=overflow).wrap(console, width)]
        theirs = [line.plain for line in Text(text, overflow=overflow).wrap(console, width)]
        assert ours == theirs, (text, width, overflow)


def test_pieces_keep_a_line_indent_and_punctuation_with_its_character() -> None:
    from ecoqa.text import wrap_starts

    assert wrap_starts("  two words") == [0, 6]
    assert wrap_starts("中文，好") == [0, 1, 3]  # the comma stays with the character before it
    assert wrap_starts("看（这）") == [0, 1]  # an opening bracket with the one after it, a closing one too
    assert wrap_starts("查看strict判断") == [0, 1, 2, 8, 9]


LONG_WORD = "https://example.org/a/very/long/path/that/never/ends/anywhere/at/all"


def test_a_word_wider_than_the_question_column_folds_in_list_search_and_browse(
    invoke: Any, corpus_file: Any, tmp_path: Path
) -> None:
    """A question with an address (or a run of Chinese) wider than its column lost the middle of that
    word to a '…' in ``list``, ``search`` and browse's list, and read on as if nothing were missing.
    It folds now, every character kept."""
    from ecoqa.browse import BrowseApp
    from ecoqa.corpus import load_corpus

    question = f"Why does {LONG_WORD} fail?"
    data = _corpus(tmp_path, corpus_file, question, f"See {LONG_WORD}.", language="en")
    for args in (["list", "--table"], ["search", "path", "--table"]):
        shown = invoke("--data", str(data), *args, env={"COLUMNS": "40"}).stdout
        assert "…" not in shown, shown
        assert LONG_WORD in "".join(line.strip() for line in shown.splitlines()), shown
    app = BrowseApp(load_corpus(data), [], "en")
    console = Console(width=30, color_system=None)
    with console.capture() as capture:
        console.print(app.row(next(iter(app.corpus.entries))))
    assert "…" not in capture.get() and LONG_WORD in "".join(line.strip() for line in capture.get().splitlines())


def test_code_that_goes_on_below_keeps_the_indent_of_its_line(invoke: Any, corpus_file: Any, tmp_path: Path) -> None:
    """wezterm's Lua at 40 columns: a nested line too long for the panel went on at the panel's left
    edge ('↪ wezterm.config_file },' under '  args = {'), so the nesting of the code was lost."""
    code = "config = {\n  args = { 'nvim', wezterm.config_file, wezterm.home_dir .. '/.local/bin' },\n}"
    answer = f"Change it:\n\n```\n{code}\n```"
    data = _corpus(tmp_path, corpus_file, "How?", answer, language="en")
    shown = invoke("--data", str(data), "show", "1", env={"COLUMNS": "40"}).stdout
    rows = _panel_rows(shown)
    at = next(n for n, row in enumerate(rows) if row.startswith("  args = {"))
    assert rows[at + 1].startswith("  ↪ "), shown
    assert all(row.startswith("  ↪ ") for row in rows[at + 1 : rows.index("}")]), shown
    # every character kept, in order
    kept = "".join(row.strip().removeprefix("↪ ") for row in rows[at : rows.index("}")])
    assert kept.replace(" ", "") == code.split("\n")[1].replace(" ", "")


def test_a_topic_named_as_its_id_is_named_once(invoke: Any, corpus_file: Any, tmp_path: Path) -> None:
    """An imported spreadsheet's topic column gives topics whose name is their id: show said
    'other (other)' (nwt-snow-survey, sheets8) and '使用问题 (使用问题)' (sshkeymanager, heldout5)."""
    data = corpus_file(
        tmp_path / "faq.json",
        [{"id": 1, "question": "Q?", "answer": "A.", "topics": ["other", "data-use"]}],
        schema_version=2,
        collection={"kind": "faq", "title": "FAQ", "language": "en"},
        topics=[
            {"id": "other", "label": "other", "label_en": "other", "aliases": []},
            {"id": "data-use", "label": "data_use", "label_en": "data_use", "aliases": []},
        ],
    )
    shown = invoke("--data", str(data), "show", "1").stdout
    assert "other (other)" not in shown and "other" in shown, shown
    assert "data_use (data-use)" in shown, shown  # an id that differs from the name is still said


@pytest.mark.parametrize(
    ("title", "says_kind"),
    [
        ("Frequently Asked Questions", True),  # wezterm, neat-python, scrapy
        ("WeeChat FAQ (häufig gestellte Fragen)", True),
        ("Veelgestelde vragen | NieuweStroom", True),
        ("Poetry documentation", False),
    ],
)
def test_a_title_that_says_what_the_corpus_is_is_not_followed_by_that_word(
    invoke: Any, corpus_file: Any, tmp_path: Path, title: str, says_kind: bool
) -> None:
    """The overview showed 'FAQ' under 'Frequently Asked Questions', and show's source line said
    'FAQ “WeeChat FAQ (häufig gestellte Fragen)”': the kind twice. A title that names the kind in
    the words import reads kinds from is shown alone; any other title keeps the kind before it."""
    data = corpus_file(
        tmp_path / "faq.json",
        [{"id": 1, "question": "Q?", "answer": "A.", "source": {"file": "faq.md"}}],
        schema_version=2,
        collection={"kind": "faq", "title": title, "language": "en"},
    )
    overview = invoke("--data", str(data), env={"COLUMNS": "80"}).stdout
    source = next(line for line in invoke("--data", str(data), "show", "1").stdout.splitlines() if "Source" in line)
    if says_kind:
        assert "│    FAQ " not in overview, overview
        assert f"Source  “{title}”, faq.md" in source, source
    else:
        assert "│    FAQ " in overview, overview
        assert f"Source  FAQ “{title}”, faq.md" in source, source


# ---------------------------------------------------------------------------- tables

#: neat-python's FAQ (heldout2) compares activation functions in a list-table; Markdown pipe
#: tables (tetra, expresslrs, powerlevel10k) import the same way: a one-line paragraph per row.
TABLE_RST = """Frequently Asked Questions
==========================

What activation function should I use?
--------------------------------------

Common choices:

.. list-table::
   :header-rows: 1

   * - Function
     - Output Range
     - Best For
   * - sigmoid
     - [0, 1]
     - Probabilities, classification, default choice
   * - tanh
     - [-1, 1]
     - Control problems, normalized outputs

Tip: match the output range.
"""


def test_rows_of_cells_in_a_row_read_as_one_table() -> None:
    from ecoqa.text import blocks, table_cells

    text = "Intro.\n\nA | B\n\n1 | 2\n\n3 | 4 | 5\n\nx | y | z\n\nEnd.\n\nstring | number are types."
    assert blocks(text) == [
        ("paragraph", ("Intro.",)),
        ("table", ("A | B", "1 | 2")),
        ("table", ("3 | 4 | 5", "x | y | z")),  # a row of another width starts another table
        ("paragraph", ("End.",)),
        ("paragraph", ("string | number are types.",)),  # one row alone is a sentence with a bar in it
    ]
    assert blocks("a | b\nc | d\n\ne | f") == [("paragraph", ("a | b\nc | d",)), ("paragraph", ("e | f",))]
    assert table_cells("✅ antd | 全小写 | ") == ["✅ antd", "全小写", ""]  # an empty last cell kept


def _imported_table(invoke: Any, tmp_path: Path) -> Path:
    source = tmp_path / "faq.rst"
    source.write_text(TABLE_RST, encoding="utf-8")
    target = tmp_path / "faq.json"
    assert invoke("import", str(source), "-o", str(target)).exit_code == 0
    return target


def test_a_table_shows_its_columns_lined_up_under_its_header(invoke: Any, tmp_path: Path) -> None:
    """The rows showed as paragraphs 'sigmoid | [0, 1] | Probabilities, …', a blank line between
    each, their columns wherever the words fell, and at 40 columns a row wrapped with its '|' at the
    start of the next line. Now the columns line up under a ruled header; below 14 columns a column,
    each row shows apart, its first cell a heading and each other cell after its header."""
    data = _imported_table(invoke, tmp_path)
    rows = _panel_rows(invoke("--data", str(data), "show", "1", env={"COLUMNS": "80"}).stdout)
    header = next(row for row in rows if row.startswith("Function"))
    body = [row for row in rows if row.startswith(("sigmoid", "tanh"))]
    assert "|" not in header and all("|" not in row for row in body)
    assert rows[rows.index(header) + 1].strip().strip("─") == ""  # a rule under the header
    for name in ("Output Range", "Best For"):
        column = header.index(name)
        assert all(row[column - 1] == " " and row[column] != " " for row in body), rows
    assert body == rows[rows.index(header) + 2 :][:2]  # no blank line between rows

    narrow = _panel_rows(invoke("--data", str(data), "show", "1", env={"COLUMNS": "40"}).stdout)
    at = narrow.index("sigmoid")
    assert narrow[at + 1 : at + 3] == ["  Output Range: [0, 1]", "  Best For: Probabilities,"], narrow
    assert "tanh" in narrow and not any("|" in row for row in narrow)


def test_a_table_is_a_table_in_the_exports_and_a_row_a_line_in_plain_text(invoke: Any, tmp_path: Path) -> None:
    """The Markdown export wrote each row as a paragraph of escaped bars ('sigmoid \\| \\[0, 1\\] \\| …'),
    the HTML export as a <p> each; a reader of either saw no table. Now a pipe table and a <table>
    with its header cells; --plain keeps a row a line, without the blank lines between rows."""
    data = _imported_table(invoke, tmp_path)
    markdown = invoke("--data", str(data), "export", "-f", "md").stdout
    assert (
        "| Function | Output Range | Best For |\n| --- | --- | --- |\n"
        "| sigmoid | \\[0, 1\\] | Probabilities, classification, default choice |\n"
        "| tanh | \\[-1, 1\\] | Control problems, normalized outputs |\n\nTip"
    ) in markdown, markdown
    page = invoke("--data", str(data), "export", "-f", "html").stdout
    assert (
        '<div class="table"><table><thead><tr><th>Function</th><th>Output Range</th><th>Best For</th></tr></thead>'
        "<tbody><tr><td>sigmoid</td><td>[0, 1]</td>"
    ) in page, page
    assert ".table{overflow-x:auto}" in page  # a wide table scrolls in its own box on a phone
    plain = invoke("--data", str(data), "show", "1", "--plain").stdout
    assert "Function | Output Range | Best For\nsigmoid | [0, 1] | Probabilities" in plain, plain


# ---------------------------------------------------------------------------- search in Chinese and Japanese


def test_a_chinese_or_japanese_word_inside_a_sentence_is_found(invoke: Any, corpus_file: Any, tmp_path: Path) -> None:
    """Search split text into words at spaces only, so a Chinese sentence was one 'word': '受控',
    '表单', '主题' found nothing in ant-design's FAQ (heldout10), though its answers hold them. A run of
    Han or kana is now searched as its pairs of characters, in the questions and answers and in the query."""
    data = corpus_file(
        tmp_path / "faq.json",
        [
            {"id": 1, "question": "undefined 和 null 有区别吗？", "answer": "在输入元素中，null 作为显式的受控空值。"},
            {"id": 2, "question": "如何修改默认主题？", "answer": "请参考动态主题文档。"},
            {"id": 3, "question": "言語を変更するには？", "answer": "「設定」を開き、言語を日本語に変更してください。"},
        ],
        schema_version=2,
        collection={"kind": "faq", "title": "FAQ", "language": "zh"},
    )
    for query, found in (("受控", 1), ("受控空值", 1), ("主题", 2), ("設定", 3), ("日本語", 3)):
        result = invoke("--data", str(data), "search", query, "--json")
        assert result.exit_code == 0, (query, result.stderr)
        ids = [hit["id"] for hit in json.loads(result.stdout)["results"]]
        assert ids[:1] == [found], (query, ids)
    shown = invoke("--data", str(data), "--color", "always", "search", "受控", "--table").stdout
    assert re.search("\x1b\\[[0-9;]*m受控\x1b\\[0m", shown), repr(shown)  # highlighted where they stand


def test_a_narrow_list_of_topics_wraps_a_long_name_under_itself(invoke: Any, corpus_file: Any, tmp_path: Path) -> None:
    """weechat's German FAQ at 40 columns: 'kompilierung-installation  Kompilierung' went on with
    '/ Installation' at the left edge, where the next topic starts."""
    data = corpus_file(
        tmp_path / "faq.json",
        [{"id": 1, "question": "Q?", "answer": "A.", "topics": ["kompilierung-installation"]}],
        schema_version=2,
        collection={"kind": "faq", "title": "FAQ", "language": "de"},
        topics=[{"id": "kompilierung-installation", "label": "Kompilierung / Installation", "aliases": []}],
    )
    shown = invoke("--data", str(data), "topics", "--table", env={"COLUMNS": "40"}).stdout.splitlines()
    at = next(n for n, line in enumerate(shown) if line.startswith("kompilierung-installation"))
    assert shown[at + 1] == "    / Installation", shown
    assert shown[at + 2].startswith("  ") and "1" in shown[at + 2], shown


def test_chinese_text_with_an_empty_line_wraps(invoke: Any, corpus_file: Any, tmp_path: Path) -> None:
    """An empty line in text with Chinese in it (a question written over two paragraphs) stopped
    show with an internal error (exit 70): the line had no piece to wrap."""
    data = _corpus(tmp_path, corpus_file, "第一行\n\n第二行？", "答案。\n")
    for args in (["show", "1"], ["list", "--table"], ["search", "第二行", "--table"]):
        result = invoke("--data", str(data), *args, env={"COLUMNS": "40"})
        assert result.exit_code == 0, (args, result.stderr)
        assert "第二行" in result.stdout, result.stdout


@pytest.mark.parametrize(
    ("lang", "one", "two"), [("en", "question 1", "questions 1, 2"), ("nl", "vraag 1", "vragen 1, 2")]
)
def test_an_export_of_one_question_says_question(
    invoke: Any, corpus_file: Any, tmp_path: Path, lang: str, one: str, two: str
) -> None:
    """The export of one question was titled '… — selection: questions 22'."""
    data = corpus_file(
        tmp_path / "faq.json",
        [{"id": 1, "question": "Q?", "answer": "A."}, {"id": 2, "question": "R?", "answer": "B."}],
    )
    for form in ("md", "html"):
        single = invoke("--data", str(data), "--lang", lang, "export", "1", "-f", form).stdout
        assert f": {one}" in single and f": {two}" not in single, single
        assert f": {two}" in invoke("--data", str(data), "--lang", lang, "export", "1", "2", "-f", form).stdout


def test_a_related_question_outside_the_export_is_one_bullet_in_markdown(
    invoke: Any, corpus_file: Any, tmp_path: Path
) -> None:
    """The Markdown export of neat-python's question 1 listed its related questions as '- 2. Can NEAT
    do deep learning?': Markdown reads '2.' there as a numbered list inside the bullet, so a reader
    saw an empty bullet with '2.' under it. The number's dot is escaped now."""
    from markdown_it import MarkdownIt

    data = corpus_file(
        tmp_path / "faq.json",
        [
            {"id": 1, "question": "Which activation?", "answer": "Sigmoid.", "topics": ["config"]},
            {"id": 2, "question": "How many?", "answer": "Enough.", "topics": ["config"]},
        ],
        schema_version=2,
        collection={"kind": "faq", "title": "FAQ", "language": "en"},
        topics=[{"id": "config", "label": "Configuration", "aliases": []}],
    )
    markdown = invoke("--data", str(data), "export", "1", "-f", "md").stdout
    assert "- 2\\. How many?" in markdown, markdown
    tokens = MarkdownIt("commonmark").parse(markdown)
    assert not any(token.type == "ordered_list_open" for token in tokens), markdown


def test_a_dry_run_in_a_narrow_terminal_wraps_at_words(invoke: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """'ecoqa import FILE --dry-run' at 40 columns: the terminal cut its long lines wherever the edge
    fell ('qu' / 'estion', 'underscore' / 's'). In a terminal the lines now wrap at words, a question
    going on under its own text; piped, each question stays one line, for grep and wc."""
    from ecoqa import output

    question = "Why do Unicode glyphs render as underscores in my terminal multiplexer?"
    source = tmp_path / "faq.md"
    source.write_text(f"# FAQ\n\n## {question}\n\nSet LANG.\n\n## Second?\n\nYes.\n", encoding="utf-8")
    piped = invoke("import", str(source), "--dry-run", env={"COLUMNS": "40"}).stdout.splitlines()
    assert f"  1. {question}" in piped
    monkeypatch.setattr(output, "stdout_is_terminal", lambda: True)
    rows = invoke("import", str(source), "--dry-run", env={"COLUMNS": "40"}).stdout.splitlines()
    assert all(len(row) <= 40 for row in rows), rows
    at = next(n for n, row in enumerate(rows) if row.startswith("  1. "))
    assert rows[at + 1].startswith("     ") and rows[at + 1].strip(), rows  # under the question's text
    words = " ".join(row.strip() for row in rows[at : at + 3]).removeprefix("1. ")
    assert question in words, rows  # no word cut
