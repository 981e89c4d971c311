"""``ecoqa import``: one rule says whether a line, heading or cell asks, in every reader and
recogniser (``ecoqa.importing.blocks.asks``): it ends in a question mark of its script — ``?``,
the full-width U+FF1F (Chinese, Japanese), the Arabic U+061F (also Persian, Urdu) — with closing
quotes, brackets or emphasis after it allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from ecoqa.importing.questions import asks
from ecoqa.importing.sources import read_source


@pytest.mark.parametrize(
    "text",
    [
        "Is it free?",
        "これは無料ですか？",
        "这是免费的吗？",
        "هل هو مجاني؟",
        "کیا یہ مفت ہے؟",
        'Is it "free?"',
        "**Is it free?**",
    ],
)
def test_a_question_mark_of_any_script_asks(text: str) -> None:
    assert asks(text)


@pytest.mark.parametrize("text", ["It is free.", "Free?! No.", "Why? Because.", "¿Es gratis", ""])
def test_text_that_does_not_end_in_a_question_mark_does_not_ask(text: str) -> None:
    assert not asks(text)


@pytest.mark.parametrize(
    "text",
    ["ky.get(input, options?)", "got(url?, options?)", "`ky.retry(options?)`", "new Client(config?)", "fn(...args?)"],
)
def test_a_signature_whose_optional_parameter_is_marked_does_not_ask(text: str) -> None:
    assert not asks(text)


@pytest.mark.parametrize(
    "text", ["Can I call fetch(url)?", "Does it work with React (or Vue?)", "What is fetch(url?)?"]
)
def test_a_question_about_a_call_still_asks(text: str) -> None:
    assert asks(text)


def questions_of(tmp_path: Path, name: str, text: str) -> list[tuple[str, str]]:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    return [(p.question, p.answer) for p in read_source(source).found.pairs]


#: Labelled questions whose answers follow on the next line, no blank line between: the question
#: ends at its question mark (before, the rst and text readers knew only "?", and a Japanese
#: question ran on into its answer).
LABELLED = (
    "Q: 料金はいくらですか？\n無料です。登録も必要ありません。\n\n"
    "Q: 予約は必要ですか？\nいいえ、予約なしで参加できます。\n\n"
    "Q: 駐車場はありますか？\nはい、二十台分の駐車場があります。\n"
)


@pytest.mark.parametrize("name", ["faq.txt", "faq.rst"])
def test_a_labelled_question_ends_at_a_full_width_question_mark(tmp_path: Path, name: str) -> None:
    assert questions_of(tmp_path, name, "よくある質問\n======\n\n" + LABELLED) == [
        ("料金はいくらですか？", "無料です。登録も必要ありません。"),
        ("予約は必要ですか？", "いいえ、予約なしで参加できます。"),
        ("駐車場はありますか？", "はい、二十台分の駐車場があります。"),
    ]


def test_a_headerless_table_whose_questions_end_in_an_arabic_question_mark(tmp_path: Path) -> None:
    """Urdu questions end in ``؟``: the column that asks is found by it."""
    source = tmp_path / "faq.csv"
    source.write_text(
        "کیا رجسٹریشن مفت ہے؟,جی ہاں، رجسٹریشن بالکل مفت ہے۔\n"
        "کیا مجھے پہلے سے بکنگ کرنی ہوگی؟,نہیں، آپ بغیر بکنگ کے آ سکتے ہیں۔\n"
        "کیا پارکنگ دستیاب ہے؟,جی ہاں، بیس گاڑیوں کے لیے جگہ ہے۔\n",
        encoding="utf-8",
    )
    assert [q for q, _ in questions_of(tmp_path, "faq.csv", source.read_text(encoding="utf-8"))] == [
        "کیا رجسٹریشن مفت ہے؟",
        "کیا مجھے پہلے سے بکنگ کرنی ہوگی؟",
        "کیا پارکنگ دستیاب ہے؟",
    ]


#: A JavaScript library's README: an API reference whose headings are signatures with optional
#: parameters marked ``?`` (TypeScript's notation), then a FAQ section.
API_README = """# fetcher

## API

### fetcher(input, options?)

Returns a promise for the response.

### fetcher.get(input, options?)

Sets `options.method` to GET and makes a request.

### fetcher.retry(options?)

Forces a retry from a hook.

## FAQ

#### How do I use this in Node.js?

Node.js supports fetch natively, so you can use this package directly.

#### How do I mock it in tests?

Pass a custom fetch to the instance.

## License

MIT
"""


def test_the_signatures_of_an_api_reference_are_not_questions_beside_a_faq(tmp_path: Path) -> None:
    assert questions_of(tmp_path, "readme.md", API_README) == [
        ("How do I use this in Node.js?", "Node.js supports fetch natively, so you can use this package directly."),
        ("How do I mock it in tests?", "Pass a custom fetch to the instance."),
    ]
