"""``ecoqa import`` on spreadsheets as people make them: column names per language, Excel's
separator line, rows that continue the one above, column options where there is no table."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ecoqa.importing import meta
from ecoqa.importing.columns import Choice
from ecoqa.importing.sources import Options, read_source

#: What import says is tested in English words; an import speaks the language of its sources
#: when nothing is set (tests/test_messages.py), so these set it.
pytestmark = pytest.mark.usefixtures("english")

Invoke = Callable[..., Any]
DATA = Path(__file__).resolve().parent / "data" / "import"

SUFFIXED = (
    "id,category,question_en,question_ur,question_ur_variants,answer,keywords\n"
    "1,General,What is SafeX?,SafeX kya hai?,SafeX kis cheez ki company hai?; Dar asal kya hai?,"
    '"SafeX is a technology company, working in more than 15 countries.",\n'
    "2,Contact,How can I contact you?,Main aap se kaise contact karoon?,Rabta kaise karain?,"
    '"By email, phone or the contact form on the website.",email; phone\n'
)


def pairs_of(source: Path, choice: Choice | None = None) -> list[tuple[str, str]]:
    return [(p.question, p.answer) for p in read_source(source, Options(choice or Choice(), None)).found.pairs]


def test_one_question_column_per_language_and_one_answer_column(tmp_path: Path) -> None:
    """``question_en``, ``question_ur`` and one ``answer`` column: the questions are the first
    language's (or ``--lang``'s), not the longest other column (``question_ur_variants``)."""
    source = tmp_path / "faqs.csv"
    source.write_text(SUFFIXED, encoding="utf-8")
    assert [q for q, _ in pairs_of(source)] == ["What is SafeX?", "How can I contact you?"]
    urdu = ["SafeX kya hai?", "Main aap se kaise contact karoon?"]
    assert [q for q, _ in pairs_of(source, Choice(lang="ur"))] == urdu
    assert pairs_of(source)[1][1] == "By email, phone or the contact form on the website."


def test_lang_takes_any_language_code_and_records_it(invoke: Invoke, tmp_path: Path) -> None:
    """``--lang de`` chooses the ``frage_de``-style columns of any language and is the corpus's language."""
    source = tmp_path / "faq.csv"
    source.write_text(
        "id;question_en;question_de;answer_en;answer_de\n"
        "1;Is it free?;Ist es kostenlos?;Yes, always.;Ja, immer.\n"
        "2;Who made it?;Wer hat es gemacht?;We did.;Wir.\n",
        encoding="utf-8",
    )
    result = invoke("import", str(source), "-o", "-", "--lang", "DE")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["collection"]["language"] == "de"
    assert [q["question"] for q in document["questions"]] == ["Ist es kostenlos?", "Wer hat es gemacht?"]
    assert "read the 'de' ones" in result.stderr


def test_lang_that_is_not_a_language_code_is_a_usage_error(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "faq.csv"
    source.write_text("question,answer\nIs it free?,Yes.\n", encoding="utf-8")
    result = invoke("import", str(source), "--dry-run", "--lang", "german please")
    assert result.exit_code == 2
    assert result.stderr == "ecoqa: --lang takes a language code such as nl, en or de, not 'german please'.\n"


def test_a_column_option_without_a_table_is_said_not_ignored(invoke: Invoke, tmp_path: Path) -> None:
    """``--question-column 99`` for a Markdown FAQ: one line on stderr, exit 2, nothing written."""
    source = tmp_path / "faq.md"
    source.write_text("# FAQ\n\n## How do I start?\n\nRun it.\n\n## Is it free?\n\nYes.\n", encoding="utf-8")
    target = tmp_path / "out.json"
    result = invoke("import", str(source), "-o", str(target), "--question-column", "99")
    assert result.exit_code == 2
    assert result.stderr == (
        f"ecoqa: --question-column names a column of a CSV/TSV table, and no source is one "
        f"({source}: Markdown document).\n"
    )
    assert not target.exists()


def test_columns_named_by_number_in_a_table_without_a_header(tmp_path: Path) -> None:
    """``--question-column 1 --answer-column 2`` for a file without a header: its first row is a
    row of data (its text is as long as the others), not column names."""
    source = tmp_path / "faq.txt"
    source.write_text(
        "Opening hours\tEvery day from nine in the morning to five in the afternoon.\n"
        "Prices\tTen euros a day, five for children under twelve.\n",
        encoding="utf-8",
    )
    assert [q for q, _ in pairs_of(source, Choice(question="1", answer="2"))] == ["Opening hours", "Prices"]


def test_a_column_option_reads_a_delimited_file_as_a_table(tmp_path: Path) -> None:
    """A file of topics and texts under unknown column names is not recognised as a table by
    itself (no cell asks), but naming its columns says it is one."""
    source = tmp_path / "faq.txt"
    source.write_text(
        "Rubriek\tTekst\nOpening hours\tEvery day from nine to five.\nPrices\tTen euros a day.\n", encoding="utf-8"
    )
    assert pairs_of(source, Choice(question="1", answer="2")) == [
        ("Opening hours", "Every day from nine to five."),
        ("Prices", "Ten euros a day."),
    ]


def test_skipped_rows_are_named_by_their_line_in_the_file(invoke: Invoke, tmp_path: Path) -> None:
    """Excel's ``sep=;`` line, blank lines and a cell over two lines all count: the numbers are
    the lines a text editor shows. The rows left out for one reason are said in one line."""
    source = tmp_path / "vragen.csv"
    source.write_bytes(
        b"sep=;\r\nVraag;Antwoord\r\nHoe installeer ik het?;Start het programma.\r\n\r\n"
        b'Werkt het offline?;\r\nKan het?;"Ja,\r\nzeker."\r\nWaarom?;\r\n'
    )
    result = invoke("import", str(source), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert f"{source}: 2 rows without an answer, skipped (line 5, 8)" in result.stderr


def test_a_row_whose_question_cell_is_only_a_number_continues_the_answer_above(tmp_path: Path) -> None:
    """An export of merged cells leaves a step or page number in the question column of the row
    that carries on the answer above: it is more of that answer, not a question "5"."""
    source = tmp_path / "fac.csv"
    source.write_text(
        "ID;Onderwerp;Antwoord\n"
        "7;Hoe maak ik een ticket aan?;1. Open het menu.\n"
        "8;5;6. Vul de toelichting in.\n"
        "9;Waar vind ik mijn tickets?;Onder Overzicht.\n",
        encoding="utf-8",
    )
    assert pairs_of(source) == [
        ("Hoe maak ik een ticket aan?", "1. Open het menu.\n\n6. Vul de toelichting in."),
        ("Waar vind ik mijn tickets?", "Onder Overzicht."),
    ]


def test_a_table_of_topics_and_texts_without_a_header(tmp_path: Path) -> None:
    """No header and no question marks: a column of short titles beside much longer text is a
    table of topics and their answers, its first row included (it is as long as the others)."""
    source = tmp_path / "faq.tsv"
    source.write_text(
        "小金井将棋研究会とは\t小金井将棋研究会は、プロ棋士の指導を受けさらに強くなることを目指して活動しています。\n"
        "参加費用\t大会への参加、指導対局の有無により参加費用が変わります。[規定]をクリック。\n"
        "参加資格\t原則初段以上。初参加の方も歓迎いたします。初段、二段の方も歓迎いたします。\n"
        "指導対局\t午後３時３０分より行います。所用のある方はお申し出ください。",
        encoding="utf-8",
    )
    found = read_source(source).found
    assert [p.question for p in found.pairs] == ["小金井将棋研究会とは", "参加費用", "参加資格", "指導対局"]
    assert found.pairs[3].answer == "午後３時３０分より行います。所用のある方はお申し出ください。"
    assert "short titles" in found.form


def test_problems_with_an_explanation_and_a_solution_column(tmp_path: Path) -> None:
    """A header that names a section and two text columns ("Explanation:", "Solution:") in a
    language ecoqa has no names for: the short first column holds the problems, and the answer is
    the explanation, when there is one, then the solution."""
    source = tmp_path / "sorular.csv"
    source.write_bytes(
        "Uygulamaya Giriş Öncesi;Açıklama:;Çözüm:\r\n"
        "Kullanıcı Bulunamadı.;Sistemde kayıtlı telefon numaranızın bulunmamasından kaynaklanmaktadır.;"
        "Konuyla ilgili insan kaynaklarınızla görüşmeniz gerekmektedir. Bilgilerinizin güncel olduğundan eminseniz "
        "lütfen Passgage ekibiyle iletişime geçiniz.\r\n"
        "Şifre yenileme yaparken sms gelmiyor.;;Öncelikle smslerin spam klasörüne düşmediğinden emin olunuz. Eğer "
        "konuyla ilgili sorun devam ediyorsa Passgage ekibiyle iletişime geçiniz.\r\n"
        "Geçersiz Qr hatası almaktayım.;Passgage harici bir QR'a okutma işlemi yapıldığında karşılaşılmaktadır.;"
        "Okutmayı denediğiniz QR'ın bir Passgage QR'ı olduğundan emin olunuz.\r\n"
        "Vardiyamı göremiyorum.;;Onaylanmamış vardiyalar çalışanlar tarafından görüntülenememektedir. Vardiyaların "
        "onaylanması gerekmektedir.\r\n".encode()
    )
    source_read = read_source(source)
    assert pairs_of(source) == [
        (
            "Kullanıcı Bulunamadı.",
            "Sistemde kayıtlı telefon numaranızın bulunmamasından kaynaklanmaktadır.\n\n"
            "Konuyla ilgili insan kaynaklarınızla görüşmeniz gerekmektedir. Bilgilerinizin güncel olduğundan "
            "eminseniz lütfen Passgage ekibiyle iletişime geçiniz.",
        ),
        (
            "Şifre yenileme yaparken sms gelmiyor.",
            "Öncelikle smslerin spam klasörüne düşmediğinden emin olunuz. Eğer konuyla ilgili sorun devam ediyorsa "
            "Passgage ekibiyle iletişime geçiniz.",
        ),
        (
            "Geçersiz Qr hatası almaktayım.",
            "Passgage harici bir QR'a okutma işlemi yapıldığında karşılaşılmaktadır.\n\n"
            "Okutmayı denediğiniz QR'ın bir Passgage QR'ı olduğundan emin olunuz.",
        ),
        (
            "Vardiyamı göremiyorum.",
            "Onaylanmamış vardiyalar çalışanlar tarafından görüntülenememektedir. Vardiyaların onaylanması "
            "gerekmektedir.",
        ),
    ]
    assert any("columns 2 and 3 as the answers" in warning for warning in source_read.warnings)


@pytest.mark.parametrize(
    ("source", "language"),
    [
        ("sheets6/uber-de-text.csv", "de"),
        ("sheets6/coach-civique-faq.csv", "fr"),
        ("sheets6/studenti-faq.csv", "ro"),
        ("sheets6/prueba-chatbot-faq.csv", "es"),
        ("heldout5/reabot-faq.csv", "zh"),
        ("heldout3/iwasaki-faq-bot-faq.csv", "ja"),
        ("heldout3/pingpai-faq.tsv", "ko"),
        ("heldout/faq-as-service-faq.csv", "ru"),
        ("sheets7/inspection-bot-faq-ru.csv", "ru"),  # short: told by the letters only Russian writes
        ("sheets6/ctu-faq.tsv", "vi"),
        ("sheets6/passgage-sorular-yanitlar.csv", "tr"),
        ("sheets7/disdukcapil-faq-id.csv", "id"),
        ("sheets6/safex-faqs.csv", "en"),
        ("heldout5/ipal-fac.csv", "nl"),
    ],
)
def test_the_corpus_records_the_language_it_can_tell_and_never_a_wrong_one(
    invoke: Invoke, source: str, language: str
) -> None:
    """A German, Chinese or Russian corpus was recorded as English or Dutch; now a language ecoqa
    can tell is recorded (Russian, Vietnamese, Turkish and Indonesian were "und" before)."""
    result = invoke("import", str(DATA / source), "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["collection"]["language"] == language


@pytest.mark.parametrize(
    "header",
    ["Frage;Antwort", "question;réponse", "Pregunta;Respuesta", "domanda;risposta", "Pergunta;Resposta"],
)
def test_question_and_answer_headers_in_other_languages(tmp_path: Path, header: str) -> None:
    source = tmp_path / "faq.csv"
    source.write_text(f"{header}\nWie geht das?;So geht das.\nGibt es das?;Ja.\n", encoding="utf-8")
    assert [q for q, _ in pairs_of(source)] == ["Wie geht das?", "Gibt es das?"]


def test_language_suffixed_columns_of_any_language_and_word(tmp_path: Path) -> None:
    """``frage_de``/``antwort_de`` beside ``question_fr``/``reponse_fr``: --lang chooses."""
    source = tmp_path / "faq.csv"
    source.write_text(
        "nr;frage_de;antwort_de;question_fr;reponse_fr\n1;Ist es kostenlos?;Ja.;Est-ce gratuit ?;Oui.\n",
        encoding="utf-8",
    )
    assert pairs_of(source, Choice(lang="fr")) == [("Est-ce gratuit ?", "Oui.")]
    assert pairs_of(source, Choice(lang="de")) == [("Ist es kostenlos?", "Ja.")]


def test_lang_with_a_region_chooses_the_languages_columns(tmp_path: Path) -> None:
    source = tmp_path / "faq.csv"
    source.write_text("question_en,question_pt,answer\nIs it free?,É gratuito?,Yes / Sim.\n", encoding="utf-8")
    assert pairs_of(source, Choice(lang="pt-br")) == [("É gratuito?", "Yes / Sim.")]


def test_cells_beyond_the_tables_columns_are_said_not_lost_silently(tmp_path: Path) -> None:
    """Two records run together on one line leave a cell no column reads: stderr names the line."""
    source = tmp_path / "faq.tsv"
    source.write_text(
        "参加費用\t大会への参加、指導対局の有無により参加費用が変わります。[規定]をクリックしてください。\n"
        "大会優勝賞金\t優勝者へ商品券を贈呈します。手合いと昇級規定\t対局者の実力に合わせて手合い割を設定します。\n"
        "指導対局\t午後３時３０分より行います。所用のある方はお申し出ください。優先して指導対局を指して頂きます。\n",
        encoding="utf-8",
    )
    read = read_source(source)
    assert [p.question for p in read.found.pairs] == ["参加費用", "大会優勝賞金", "指導対局"]
    assert read.warnings == [
        f"{source}: 1 row with more cells than the table has columns, the cells beyond them left out (line 2)"
    ]


def test_a_headerless_table_whose_questions_end_in_a_full_width_question_mark(tmp_path: Path) -> None:
    """Chinese and Japanese questions end in a full-width question mark (U+FF1F): the column that
    asks is found by it."""
    source = tmp_path / "faq.tsv"
    source.write_text(
        "料金はいくらですか？\t無料です。登録も必要ありません。\n"
        "予約は必要ですか？\tいいえ、予約なしで参加できます。\n"
        "駐車場はありますか？\tはい、二十台分の駐車場があります。\n",
        encoding="utf-8",
    )
    assert [q for q, _ in pairs_of(source)] == ["料金はいくらですか？", "予約は必要ですか？", "駐車場はありますか？"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Как сменить пароль? Откройте профиль и выберите новый пароль, это займёт минуту.", "ru"),
        ("Як змінити пароль? Відкрийте профіль і виберіть новий пароль, це займе хвилину.", "uk"),
        ("Как да сменя паролата? Отворете профила и изберете нова парола, това е лесно.", "bg"),
        ("Како да променим лозинку? Отворите профил и изаберите нову лозинку, то је лако.", "sr"),
        ("Πώς αλλάζω τον κωδικό μου; Ανοίξτε το προφίλ και επιλέξτε νέο κωδικό.", "el"),
        ("Jak zmienić hasło? Otwórz profil i wybierz nowe hasło, to jest proste i nie trwa długo.", "pl"),
        ("Şifremi nasıl değiştiririm? Profili açın ve yeni bir şifre seçin, bu çok kolay.", "tr"),
        ("Bagaimana cara mengganti kata sandi? Buka profil dan pilih kata sandi yang baru untuk akun ini.", "id"),
        ("Làm thế nào để đổi mật khẩu? Bạn mở hồ sơ và chọn một mật khẩu mới cho tài khoản của bạn.", "vi"),
        ("كيف أغير كلمة المرور؟ افتح الملف الشخصي واختر كلمة مرور جديدة.", "und"),  # Arabic: not told apart
        ("Нууц үгээ хэрхэн солих вэ? Профайлаа нээгээд шинэ нууц үг сонгоно уу.", "mn"),  # writes ы, э too
        ("Құпия сөзді қалай өзгертемін? Профильді ашып, жаңа құпия сөзді таңдаңыз.", "und"),  # Kazakh
    ],
)
def test_languages_told_by_their_common_words_letters_or_script(text: str, language: str) -> None:
    """Cyrillic, Greek, Polish, Turkish, Indonesian and Vietnamese text was "und"; each is now named
    by its common words, the letters only it writes, or its script, and a mix stays undetermined."""
    assert meta.language(text) == language


def test_service_codes_typed_in_a_cell_keep_their_asterisks(tmp_path: Path) -> None:
    """Phone service codes (``*321*1#``, ``*904#``) and products (``2*3``) in a cell are not
    Markdown emphasis: their asterisks stay. ``**bold**`` is still read as Markdown."""
    source = tmp_path / "faq.csv"
    source.write_text(
        "question,answer\n"
        'How do I buy data?,"Dial *321*1# or *904#, or send 2*3 to 312. **Free** at night."\n'
        "How do I check my balance?,Dial *556#.\n"
        "How do I load a card?,Dial *888*PIN# (*NOTE*: 16 digits).\n",
        encoding="utf-8",
    )
    assert pairs_of(source) == [
        ("How do I buy data?", "Dial *321*1# or *904#, or send 2*3 to 312. Free at night."),
        ("How do I check my balance?", "Dial *556#."),
        ("How do I load a card?", "Dial *888*PIN# (NOTE: 16 digits)."),
    ]


@pytest.mark.parametrize(
    "above",
    ["https://example.org/faq-guide,\r\n", "Column1,Column2\r\n", "Veelgestelde vragen\r\n\r\n"],
    ids=["the address it came from", "an Excel query's column names", "a title"],
)
def test_rows_above_a_header_that_names_the_columns_are_left_out_and_said(tmp_path: Path, above: str) -> None:
    """A Google Sheets export that starts with the address of its source, an Excel query's
    ``Column1,Column2``, a title: the header is the row below that names a question and an answer
    column, not an entry."""
    source = tmp_path / "faq.csv"
    source.write_text(above + "Questions,Answers\r\nIs it free?,Yes.\r\nWho made it?,A team.\r\n", encoding="utf-8")
    read = read_source(source)
    assert [(p.question, p.answer) for p in read.found.pairs] == [("Is it free?", "Yes."), ("Who made it?", "A team.")]
    assert read.warnings == [f"{source}: 1 row above the header row left out (line 1)"]


def test_a_row_repeated_cell_for_cell_is_one_entry(tmp_path: Path) -> None:
    """A question pasted under every group of a sheet, the same answer and topic each time, is one
    entry (stderr names the lines left out); asked again with another topic it is its own."""
    source = tmp_path / "faq.csv"
    source.write_text(
        "category,question,answer\n"
        "Apples,When will it arrive?,Tomorrow.\nApples,How do I store apples?,Cool and dry.\n"
        "Pears,When will it arrive?,Tomorrow.\nPears,How do I store pears?,In the fridge.\n"
        "Apples,When  will it arrive?,Tomorrow.\n",
        encoding="utf-8",
    )
    read = read_source(source)
    assert [(p.question, p.topics) for p in read.found.pairs] == [
        ("When will it arrive?", ("Apples",)),
        ("How do I store apples?", ("Apples",)),
        ("When will it arrive?", ("Pears",)),
        ("How do I store pears?", ("Pears",)),
    ]
    assert read.warnings == [f"{source}: 1 row repeating an earlier row cell for cell, left out (line 6)"]


def test_a_file_of_two_rows_whose_questions_end_in_a_full_width_question_mark_is_a_table(tmp_path: Path) -> None:
    """Telling a table from text by its content counts a full-width question mark (U+FF1F) as
    asking, as every other reader does."""
    source = tmp_path / "faq.txt"
    source.write_text(
        "料金はいくらですか？,無料です。\n予約は必要ですか？,いいえ、予約なしで参加できます。\n", encoding="utf-8"
    )
    read = read_source(source)
    assert read.kind == "table"
    assert [p.question for p in read.found.pairs] == ["料金はいくらですか？", "予約は必要ですか？"]


def test_many_rows_without_an_answer_are_said_in_one_line(tmp_path: Path) -> None:
    """An intents table with rows not yet answered: one warning says how many and the first lines,
    not a line per row (a dry run a person can read)."""
    source = tmp_path / "intents.tsv"
    rows = [f"How do I treat {n} cuts?\tWash them.\tcuts" for n in range(3)]
    rows += [f"How do I treat {n} burns?\t \tburns" for n in range(7)]
    source.write_text("pattern\tresponses\ttag\n" + "\n".join(rows) + "\n", encoding="utf-8")
    read = read_source(source)
    assert [p.question for p in read.found.pairs] == [f"How do I treat {n} cuts?" for n in range(3)]
    assert read.warnings == [
        f"{source}: no question column named: read 'pattern' as the questions (name another with --question-column)",
        f"{source}: 7 rows without an answer, skipped (line 5, 6, 7, 8, 9 …)",
    ]


def test_with_only_the_question_column_named_the_answers_are_the_longest_column(tmp_path: Path) -> None:
    """A header that names the questions and calls the answers something else (``document_text``):
    the column with the longest text, longer than the questions, holds the answers; stderr says so."""
    source = tmp_path / "faqs.csv"
    source.write_text(
        "document_identifier,context,question,document_text\n"
        "hip1,hip,What is hip arthrosis?,The wear of the cartilage of the hip joint over the years.\n"
        'hip2,hip,What are the symptoms?,"Pain in the groin, at first when walking.\nLater also at rest."\n'
        "knee1,knee,What are the symptoms?,Pain and swelling of the knee after exercise.\n",
        encoding="utf-8",
    )
    read = read_source(source)
    assert [(p.question, p.answer) for p in read.found.pairs] == [
        ("What is hip arthrosis?", "The wear of the cartilage of the hip joint over the years."),
        ("What are the symptoms?", "Pain in the groin, at first when walking. Later also at rest."),
        ("What are the symptoms?", "Pain and swelling of the knee after exercise."),
    ]
    assert read.warnings == [
        f"{source}: no answer column named: read 'document_text' as the answers (name another with --answer-column)"
    ]
