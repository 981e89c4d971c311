"""Any Q&A, not only the bundled Dutch webinar: a corpus says what it is and which language it is in,
the interface follows it, each question keeps its own source, and an export reads back as a corpus."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest

ENGLISH_FAQ = [
    {"id": 1, "question": "Who can apply for a voucher?", "answer": "Small firms in the region can apply."},
    {"id": 2, "question": "How much funding does a voucher give?", "answer": "Half of the costs, up to 10,000 euro."},
]


def english_faq(tmp_path: Path, **extra: Any) -> Path:
    """An English FAQ as ``ecoqa import`` wrote it in version 1: a "webinar" block for a page that is none."""
    doc = {
        "schema_version": 1,
        "provenance": {"source": "Imported with ecoqa 0.1.0 from faq.html (schema.org FAQPage)."},
        "webinar": {"title": "Vouchers: frequently asked questions", "language": "en"},
        **extra,
        "questions": [q | {"source": {"file": "faq.html"}} for q in ENGLISH_FAQ],
    }
    path = tmp_path / "faq.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_an_english_faq_speaks_english_and_is_no_webinar(invoke: Any, tmp_path: Path) -> None:
    path = english_faq(tmp_path)
    shown = invoke("--data", str(path), "show", "2")
    assert shown.exit_code == 0
    assert "Question 2" in shown.stdout and "Answer" in shown.stdout and "Source" in shown.stdout
    assert "Vraag" not in shown.stdout and "Antwoord" not in shown.stdout
    assert "Webinar" not in shown.stdout and "webinar" not in shown.stdout


def test_asking_for_the_corpus_language_adds_no_translation_note(invoke: Any, tmp_path: Path) -> None:
    shown = invoke("--data", str(english_faq(tmp_path)), "show", "1", "2", "--lang", "en")
    assert shown.exit_code == 0
    assert "translation" not in shown.stdout


def test_another_language_is_noted_once_per_screen(invoke: Any, tmp_path: Path) -> None:
    """Dutch asked of an English corpus: a Dutch screen, the English originals, and one note."""
    shown = invoke("--data", str(english_faq(tmp_path)), "show", "1", "2", "--lang", "nl")
    assert shown.exit_code == 0
    assert "Vraag 1" in shown.stdout and "Vraag 2" in shown.stdout
    assert shown.stdout.count("geen Nederlandse vertaling") == 1


def test_the_bundled_webinar_in_english_keeps_its_marks(invoke: Any) -> None:
    shown = invoke("show", "10", "--lang", "en")
    assert "English translation of the Dutch original (derived)" in shown.stdout
    assert "no English translation" not in shown.stdout


@pytest.mark.parametrize(("language", "expected"), [("en", "1 question"), ("nl", "1 vraag")])
def test_the_overview_counts_in_the_right_number(
    invoke: Any, corpus_file: Any, tmp_path: Path, language: str, expected: str
) -> None:
    one = [{"id": 1, "question": "Hoe werkt financiering?", "answer": "Met fondsen."}]
    path = corpus_file(tmp_path / "one.json", one, webinar={"language": language})
    overview = invoke("--data", str(path))
    assert overview.exit_code == 0
    assert re.search(rf"│\s+{expected}\s+│", overview.stdout), overview.stdout
    counts = re.split(r"Try:|Probeer:", overview.stdout)[0]
    assert "vragen" not in counts and "questions" not in counts


def suggested(overview: str) -> list[str]:
    """The commands an overview suggests, as a user would copy them."""
    lines = (line.strip("│ ") for line in overview.splitlines())
    return [line.split("#")[0].strip() for line in lines if line.startswith("ecoqa ") and "--help" not in line]


@pytest.mark.parametrize("name", ["faq", "tiny", "bundled"])
def test_every_suggested_command_works_when_pasted(
    invoke: Any, tmp_path: Path, tiny_corpus: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Copied from the overview and run in the same folder, each command exits 0 on that corpus."""
    monkeypatch.chdir(tmp_path)
    data = {"faq": ["--data", english_faq(tmp_path).name], "tiny": ["--data", tiny_corpus.name], "bundled": []}[name]
    overview = invoke(*data, env={"COLUMNS": "200"})
    commands = suggested(overview.stdout)
    assert len(commands) >= 2, overview.stdout
    for command in commands:
        words = shlex.split(command)
        assert words[1:3] == data[:2] or not data, command
        assert invoke(*words[1:]).exit_code == 0, command


@pytest.mark.parametrize("columns", ["40", "80", "120"])
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", ["faq", "bundled"])
def test_each_suggested_command_s_comment_is_whole_on_one_line(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, columns: str, lang: str, name: str
) -> None:
    """A comment is never folded under the commands (at 80 columns '# searches questions and' over
    'answers') nor squeezed away (at 40): beside its command where it fits, else on the line under it."""
    monkeypatch.chdir(tmp_path)
    data = ["--data", english_faq(tmp_path).name] if name == "faq" else []
    lines = [line.strip("│ ") for line in invoke(*data, "--lang", lang, env={"COLUMNS": columns}).stdout.splitlines()]
    start = next(i for i, line in enumerate(lines) if line in ("Try:", "Probeer:"))
    end = next(i for i, line in enumerate(lines) if "ecoqa --help" in line)
    tried = [line for line in lines[start + 1 : end] if line]
    assert sum(line.startswith("ecoqa ") for line in tried) >= 2, lines
    assert sum("#" in line for line in tried) == sum(line.startswith("ecoqa ") for line in tried), tried
    if columns != "40":  # at 40 columns a long comment folds, under its own '#'
        assert all(line.startswith(("ecoqa ", "# ")) for line in tried), tried


def test_the_overview_shows_the_corpus_title_not_its_file_name(invoke: Any, tmp_path: Path) -> None:
    overview = invoke("--data", str(english_faq(tmp_path)))
    head = overview.stdout.split("Try")[0]
    assert "Vouchers: frequently asked questions" in head and "faq.json" not in head


def test_a_merged_corpus_shows_each_question_its_own_source(invoke: Any, corpus_file: Any, tmp_path: Path) -> None:
    questions = [
        {"id": 1, "question": "Wat is een voucher?", "answer": "Een bon."},
        {"id": 2, "question": "Wie betaalt?", "answer": "De regio.", "source": {"file": "vragen.csv"}},
    ]
    questions[0]["source"] = {"file": "notes.md", "date": "2024-01-12"}
    path = corpus_file(
        tmp_path / "mine.json",
        questions,
        schema_version=2,
        provenance={"source": "Geïmporteerd uit notes.md, vragen.csv."},
        collection={"kind": "faq", "title": "Mijn FAQ", "language": "nl"},
    )
    shown = invoke("--data", str(path), "show", "2")
    assert shown.exit_code == 0
    source = shown.stdout.split("Bron", 1)[1]  # its own file among its facts, the FAQ once at the end
    assert "vragen.csv" in source and "notes.md" not in source and "2024-01-12" not in source
    assert "Bron  “Mijn FAQ”" in source and "Webinar" not in shown.stdout  # the title says FAQ: once
    assert "2024-01-12" in invoke("--data", str(path), "show", "1").stdout.split("Bron", 1)[1]
    # an export says it after its label, not 'Bron: uit notes.md' / 'Source: from notes.md'
    assert "**Bron:** notes.md, 2024-01-12\n" in invoke("--data", str(path), "export", "-f", "md").stdout
    page = invoke("--data", str(path), "--lang", "en", "export", "-f", "html").stdout
    assert "<strong>Source:</strong> vragen.csv</p>" in page


def test_an_imported_corpus_without_a_title_is_never_called_after_the_file_ecoqa_wrote(
    invoke: Any, tmp_path: Path
) -> None:
    """Three sources merged without --title: each question names its own source, and the note under
    the panels neither says 'Source  merged.json' nor shows an empty 'Source'."""
    samples = Path(__file__).parent / "data" / "import"
    target = tmp_path / "merged.json"
    sources = [str(samples / name) for name in ("notes.md", "vragen.csv", "faq_microdata.html")]
    assert invoke("import", *sources, "-o", str(target)).exit_code == 0
    for lang in ("nl", "en"):
        shown = invoke("--data", str(target), "--lang", lang, "show", "4")
        assert "vragen.csv" in shown.stdout and "merged.json" not in shown.stdout, shown.stdout
        assert not re.search(r"^(Bron|Source)\s*$", shown.stdout, re.MULTILINE), shown.stdout


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["principles", "1"], "this corpus has no principles"),
        (["list", "--principle", "1"], "this corpus has no principles"),
        (["list", "--topic", "vouchers"], "this corpus has no topics"),
        (["--lang", "nl", "list", "--topic", "vouchers"], "dit corpus heeft geen onderwerpen"),
    ],
)
def test_asking_a_corpus_without_topics_or_principles_for_one_says_it_has_none(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], said: str
) -> None:
    """Not 'valid numbers are none', nor a pointer to a listing that says the same: what it has."""
    monkeypatch.chdir(tmp_path)
    result = invoke("--data", english_faq(tmp_path).name, *args)
    assert result.exit_code == 2 and said in result.stderr, result.stderr
    hint = result.stderr.split("'")[1]
    assert invoke(*shlex.split(hint)[1:]).exit_code == 0, hint


def test_the_html_export_of_an_english_corpus_is_english(invoke: Any, tmp_path: Path) -> None:
    page = invoke("--data", str(english_faq(tmp_path)), "export", "-f", "html").stdout
    assert '<html lang="en">' in page and "Over dit document" not in page and "Inhoud" not in page


def test_a_dutch_html_export_of_an_english_corpus_marks_the_english_originals(invoke: Any, tmp_path: Path) -> None:
    """The page is Dutch (its labels); each question and answer shown in English says so, so that a
    screen reader or a translator reads it as English."""
    page = invoke("--data", str(english_faq(tmp_path)), "--lang", "nl", "export", "-f", "html").stdout
    assert '<html lang="nl">' in page and "Bron" in page
    assert '<h2>1. <span lang="en">Who can apply for a voucher?</span></h2>' in page
    assert '<div lang="en"><p>Small firms in the region can apply.</p></div>' in page


@pytest.mark.parametrize("interface", ["en", "nl"])
def test_an_html_export_of_a_german_corpus_marks_its_questions_and_answers_german(
    invoke: Any, tmp_path: Path, interface: str
) -> None:
    """The page's own words are in the interface language and say so (``<html lang>``); the
    questions and answers of an imported German FAQ are marked German, not left to pass as the
    page's language."""
    source = Path(__file__).parent / "data" / "import" / "sheets6" / "uber-de-text.csv"
    corpus = tmp_path / "uber.json"
    assert invoke("import", str(source), "-o", str(corpus)).exit_code == 0
    page = invoke("--data", str(corpus), "--lang", interface, "export", "-f", "html").stdout
    assert f'<html lang="{interface}">' in page
    sections = page.count("<section id=")
    assert sections == 10
    assert page.count('. <span lang="de">') == sections
    assert page.count('<div lang="de">') == sections
    assert '<span lang="de">Wie buche ich ein Uber-Fahrzeug?</span></h2>' in page


@pytest.mark.parametrize(
    "args", [["info", "--plain"], ["info", "--table"], ["export", "-f", "markdown"], ["export", "-f", "html"]]
)
def test_an_english_screen_of_the_bundled_webinar_says_who_organised_it_in_english(
    invoke: Any, args: list[str]
) -> None:
    """Not the page's Dutch sentence 'Dit webinar werd georganiseerd door ...' among English lines."""
    shown = invoke("--lang", "en", *args).stdout
    assert "TNO" in shown and "georganiseerd" not in shown and "samenwerking" not in shown


def test_the_dutch_export_says_once_who_organised_the_webinar(invoke: Any) -> None:
    about = invoke("export", "-f", "markdown").stdout.split("## Inhoud")[0]
    assert about.count("georganiseerd door TNO in samenwerking met InnovationQuarter") == 1, about


@pytest.mark.parametrize("selection", [[], ["--topic", "mkb"], ["3", "12"]])
def test_a_json_export_is_a_corpus_that_exports_the_same(invoke: Any, tmp_path: Path, selection: list[str]) -> None:
    first = tmp_path / "first.json"
    assert invoke("export", *selection, "-f", "json", "-o", str(first)).exit_code == 0
    assert invoke("validate", str(first)).stdout == f"{first}: geldig\n"  # in the language of the (Dutch) file
    listed = invoke("--data", str(first), "list", "--plain")
    assert listed.exit_code == 0 and listed.stdout
    again = tmp_path / "again.json"
    assert invoke("--data", str(first), "export", "-f", "json", "-o", str(again)).exit_code == 0
    assert again.read_bytes() == first.read_bytes()
    corpus = json.loads(first.read_text(encoding="utf-8"))
    assert corpus["schema_version"] == 2 and corpus["collection"]["kind"] == "webinar"


def test_validate_says_how_to_upgrade_a_version_1_file(invoke: Any, tmp_path: Path) -> None:
    result = invoke("validate", str(english_faq(tmp_path)))
    assert result.exit_code == 0
    assert "version 1" in result.stderr and "export -f json" in result.stderr
    upgraded = tmp_path / "v2.json"
    assert invoke("--data", str(english_faq(tmp_path)), "export", "-f", "json", "-o", str(upgraded)).exit_code == 0
    assert invoke("validate", str(upgraded)).stdout == f"{upgraded}: valid\n"
    assert json.loads(upgraded.read_text(encoding="utf-8"))["schema_version"] == 2


def test_validate_reads_a_large_file_once_and_never_whole(invoke: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """A file large enough to be checked as a stream is never read whole, not even for the note on
    version 1 (that read held a 200 MB file in memory several times over, after the streamed check)."""
    from ecoqa.corpus import STREAM_BYTES

    answer = "Small firms in the region can apply. " * 20
    many = [{"id": n, "question": f"Question {n}?", "answer": answer} for n in range(1, 900)]
    path = english_faq(tmp_path)
    path.write_text(json.dumps({**json.loads(path.read_text(encoding="utf-8")), "questions": many}), encoding="utf-8")
    assert path.stat().st_size >= STREAM_BYTES
    whole = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read whole") if self == path else whole(self))
    result = invoke("validate", str(path))
    assert result.exit_code == 0 and result.stdout == f"{path}: valid\n"
    assert "version 1" in result.stderr and "export -f json" in result.stderr


@pytest.mark.parametrize("command", [["list", "--table"], ["search", "voucher", "--table"]])
def test_lists_note_another_language_once(invoke: Any, tmp_path: Path, command: list[str]) -> None:
    data = ["--data", str(english_faq(tmp_path))]
    dutch = invoke(*data, *command, "--lang", "nl", env={"COLUMNS": "100"})
    assert dutch.exit_code == 0 and dutch.stdout.count("geen Nederlandse vertaling") == 1
    english = invoke(*data, *command, "--lang", "en", env={"COLUMNS": "100"})
    assert "translation" not in english.stdout  # the corpus is English: nothing to note or mark


def test_a_fresh_import_is_the_current_version_and_validates_without_a_warning(invoke: Any, tmp_path: Path) -> None:
    page = tmp_path / "faq.md"
    page.write_text("# FAQ\n\n## Can I pay later?\n\nYes, within 30 days of the delivery.\n", encoding="utf-8")
    target = tmp_path / "mine.json"
    assert invoke("import", str(page), "-o", str(target)).exit_code == 0
    result = invoke("validate", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"{target}: valid\n", "")
    assert json.loads(target.read_text(encoding="utf-8"))["collection"]["kind"] == "faq"


def test_exports_give_each_question_its_own_source(invoke: Any, corpus_file: Any, tmp_path: Path) -> None:
    questions = [
        {"id": 1, "question": "Wat is een voucher?", "answer": "Een bon.", "source": {"file": "notes.md"}},
        {"id": 2, "question": "Wie betaalt?", "answer": "De regio.", "source": {"file": "vragen.csv"}},
    ]
    path = corpus_file(tmp_path / "mine.json", questions, schema_version=2, collection={"language": "nl"})
    markdown = invoke("--data", str(path), "export", "2", "-f", "md").stdout
    assert "**Bron:** vragen.csv" in markdown and "notes.md" not in markdown
    page = invoke("--data", str(path), "export", "-f", "html").stdout
    assert page.count('<p class="source">') == 2 and "<strong>Bron:</strong> notes.md</p>" in page


def test_an_english_corpus_exported_in_english_claims_no_translation(invoke: Any, tmp_path: Path) -> None:
    page = invoke("--data", str(english_faq(tmp_path)), "export", "-f", "md", "--lang", "en").stdout
    assert "translation" not in page


def test_info_says_what_an_faq_is_and_names_no_speakers(invoke: Any, tmp_path: Path) -> None:
    path = english_faq(tmp_path, speakers=[])
    upgraded = tmp_path / "v2.json"
    assert invoke("import", str(path), "-o", str(upgraded)).exit_code == 0
    document = json.loads(upgraded.read_text(encoding="utf-8"))
    document["collection"]["kind"] = "faq"
    upgraded.write_text(json.dumps(document), encoding="utf-8")
    info = invoke("--data", str(upgraded), "info", "--table", env={"COLUMNS": "80"}).stdout
    assert "kind" in info and "FAQ" in info and "speakers" not in info.lower()
    rows = invoke("--data", str(upgraded), "info").stdout.splitlines()  # piped: the kind as the corpus names it
    assert "kind\tfaq" in rows


def pasted(line: str) -> list[str]:
    """The command a one-line message suggests (between quotes, or after 'try: ' / 'use: '), as typed."""
    line = line.strip()
    found = re.search(r"(?:try|use): (ecoqa .*?)\)?$", line) or re.search(r"'(ecoqa [^']*)'", line)
    assert found, line
    return shlex.split(found.group(1))[1:]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["list", "--topic", "nothing-like-it"], 0),
        (["show", "voucher"], 0),
        (["search", ""], 0),
        (["search", "!!"], 0),
    ],
    ids=["unknown-topic", "word-as-id", "empty-query", "no-words"],
)
def test_a_hint_on_an_own_corpus_names_it_and_works_when_pasted(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], expected: int
) -> None:
    """An error's suggested command is run on the corpus in use (with --data), not on the bundled one."""
    monkeypatch.chdir(tmp_path)
    data = ["--data", english_faq(tmp_path).name]
    failed = invoke(*data, *command)
    assert failed.exit_code == 2, failed.stderr
    words = pasted(failed.stderr)
    assert words[:2] == data, failed.stderr
    again = invoke(*words)
    assert again.exit_code == expected, (failed.stderr, again.stderr)
    assert "Mazzucato" not in again.stdout and "financiering" not in again.stdout  # never the bundled corpus


def test_import_suggests_a_search_that_finds_something_in_the_new_corpus(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "faq.md"
    page.write_text("# FAQ\n\n## Can I pay later?\n\nYes, within 30 days of the delivery.\n", encoding="utf-8")
    written = invoke("import", "faq.md", "-o", "mine.json")
    assert written.exit_code == 0
    words = pasted(written.stderr)
    assert words[:2] == ["--data", "mine.json"] and words[2] == "search" and words[3] != "WORDS"
    found = invoke(*words, "--json")
    assert found.exit_code == 0 and [hit["id"] for hit in json.loads(found.stdout)["results"]] == [1]


@pytest.mark.parametrize("name", ["speakers", "info", None])
def test_the_help_of_commands_every_corpus_has_speaks_of_no_webinar_of_its_own(invoke: Any, name: str | None) -> None:
    """The help is the same for every corpus: only the bundled corpus is named a webinar, as such."""
    shown = invoke(*([name] if name else []), "--help").stdout
    for line in shown.splitlines():
        assert "webinar" not in line.lower() or "bundled" in line.lower() or "innovation ecosystems" in line, line


def test_speakers_of_an_faq_says_it_names_no_people_and_no_speakers(invoke: Any, tmp_path: Path) -> None:
    data = ["--data", str(english_faq(tmp_path))]
    for lang, said in (("en", "This corpus names no people."), ("nl", "Dit corpus noemt geen personen.")):
        shown = invoke(*data, "speakers", "--table", "--lang", lang)
        assert shown.stdout.strip() == said


def test_info_json_says_what_the_corpus_is_in_its_version_3_shape(invoke: Any, tmp_path: Path) -> None:
    shown = json.loads(invoke("--data", str(english_faq(tmp_path)), "info", "--json").stdout)
    assert shown["version"] == 3 and "webinar" not in shown
    assert shown["collection"]["title"] == "Vouchers: frequently asked questions"
    bundled = json.loads(invoke("info", "--json").stdout)
    assert bundled["version"] == 3 and bundled["collection"]["kind"] == "webinar"


def test_the_export_help_example_reads_the_json_export_as_it_is(invoke: Any) -> None:
    """The help pipes the JSON export to jq '.questions | length': the export has that list."""
    assert "jq '.questions | length'" in invoke("export", "--help").stdout
    exported = json.loads(invoke("export", "-f", "json", "-o", "-").stdout)
    assert len(exported["questions"]) == 24


@pytest.mark.parametrize("columns", ["40", "80"])
def test_suggested_commands_are_whole_on_a_narrow_screen(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    """A long --data path never cuts a suggested command: each is whole on its line and works."""
    monkeypatch.chdir(tmp_path)
    path = english_faq(tmp_path).rename(tmp_path / "innovation-vouchers-faq.json")
    overview = invoke("--data", path.name, env={"COLUMNS": columns})
    commands = suggested(overview.stdout)
    assert len(commands) == 2 and not any("…" in command for command in commands), overview.stdout
    for command in commands:
        assert invoke(*shlex.split(command)[1:]).exit_code == 0, command


def test_a_merged_corpus_is_in_the_language_most_of_its_questions_are_in(invoke: Any, tmp_path: Path) -> None:
    """Dutch notes (3 questions) and a Dutch table (2) merged with an English page (3, longer answers)."""
    samples = Path(__file__).parent / "data" / "import"
    target = tmp_path / "merged.json"
    sources = [str(samples / name) for name in ("notes.md", "faq_jsonld.html", "vragen.csv")]
    assert invoke("import", *sources, "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["collection"]["language"] == "nl"
    shown = invoke("--data", str(target), "show", "1")
    assert "Vraag 1" in shown.stdout and "vertaling" not in shown.stdout  # a Dutch question, no false note


def test_each_question_of_a_merged_corpus_keeps_its_own_language(invoke: Any, tmp_path: Path) -> None:
    """Dutch notes (3 questions) merged with a longer English FAQ (4): an English corpus whose Dutch
    questions are still Dutch. A Dutch screen shows them with no note that they lack a Dutch
    translation (the English ones get it); an English screen notes them as originals, the HTML export
    marks them lang="nl", and the JSON export keeps each question's language."""
    english = tmp_path / "faq.md"
    english.write_text(
        "# FAQ\n\n"
        + "".join(
            f"## What is the answer to question {n}?\n\nThe answer is that it depends on the case.\n\n"
            for n in range(4)
        ),
        encoding="utf-8",
    )
    target = tmp_path / "merged.json"
    notes = Path(__file__).parent / "data" / "import" / "notes.md"
    assert invoke("import", str(notes), str(english), "-o", str(target)).exit_code == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["collection"]["language"] == "en"
    assert [q["source"]["language"] for q in document["questions"]] == ["nl"] * 3 + ["en"] * 4
    data = ("--data", str(target))
    assert "vertaling" not in invoke(*data, "--lang", "nl", "show", "1").stdout  # Dutch, on a Dutch screen
    assert "geen Nederlandse vertaling" in invoke(*data, "--lang", "nl", "show", "4").stdout
    assert "no English translation" in invoke(*data, "show", "1").stdout
    assert "translation" not in invoke(*data, "show", "4").stdout
    page = invoke(*data, "export", "-f", "html", "1", "4").stdout
    assert '<div lang="nl">' in page and '<div lang="en">' not in page
    again = invoke("--data", str(target), "export", "-f", "json").stdout
    assert [q["source"]["language"] for q in json.loads(again)["questions"]] == ["nl"] * 3 + ["en"] * 4


def test_info_rows_of_a_corpus_without_a_title_give_no_file_name_as_its_title(
    invoke: Any, corpus_file: Any, tmp_path: Path
) -> None:
    path = corpus_file(tmp_path / "merged.json", ENGLISH_FAQ, schema_version=2, collection={"language": "en"})
    rows = dict(line.split("\t", 1) for line in invoke("--data", str(path), "info").stdout.splitlines())
    assert rows["title"] == "" and rows["file"] == str(path)


def test_browse_in_a_script_points_to_the_commands_on_the_corpus_in_use(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = ["--data", english_faq(tmp_path).name]
    refused = invoke(*data, "browse")
    assert refused.exit_code == 2 and "'ecoqa --data faq.json list'" in refused.stderr
    listed = invoke(*pasted(refused.stderr.split(" or ")[1]))
    assert listed.exit_code == 0 and "voucher" in listed.stdout


def test_screens_and_messages_follow_the_language_and_help_stays_english(invoke: Any, tmp_path: Path) -> None:
    """The README's rule: everything on a screen, stderr messages and what validate and config print
    follow the interface language; the help is English."""
    dutch = {"ECOQA_LANG": "nl"}
    path = english_faq(tmp_path)
    assert "Vraag 1" in invoke("--data", str(path), "show", "1", env=dutch).stdout
    assert invoke("--data", str(path), "show", "9", env=dutch).stderr.startswith("ecoqa: geen vraag '9'")
    assert invoke("--data", str(path), "show", "9").stderr.startswith("ecoqa: no question '9'")  # the FAQ's own
    assert invoke("validate", str(path), env=dutch).stdout == f"{path}: geldig\n"
    assert invoke("config", env=dutch).stdout.startswith("lang\tnl\t(ECOQA_LANG)")
    assert "Show" in invoke("show", "--help", env=dutch).stdout


def test_every_kind_ecoqa_knows_or_import_writes_is_named_in_both_languages() -> None:
    """A Dutch screen never says "Event": each kind has its own words in the label table."""
    from ecoqa.labels import LABELS
    from ecoqa.models import EVENT_KINDS, KIND_WORDS

    written = {name for _, name in KIND_WORDS} | {"qa", "event"}
    assert {f"kind_{kind}" for kind in EVENT_KINDS | written} <= set(LABELS)


def test_an_imported_event_is_named_in_the_screen_language(invoke: Any, tmp_path: Path) -> None:
    page = tmp_path / "sessie.md"
    page.write_text(
        "# Kennissessie\n\nVerslag met sprekers Anna de Vries (programmaleider).\n\n"
        "## Wie is eigenaar?\n\nNiemand in het bijzonder.\n",
        encoding="utf-8",
    )
    target = tmp_path / "sessie.json"
    assert invoke("import", str(page), "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["collection"]["kind"] == "event"
    assert "Bijeenkomst “Kennissessie”" in invoke("--data", str(target), "show", "1").stdout
    assert "Event “Kennissessie”" in invoke("--data", str(target), "show", "1", "--lang", "en").stdout


def test_term_pairs_are_added_to_a_corpus_by_importing_it_again_not_read_from_beside_it(
    invoke: Any, tmp_path: Path
) -> None:
    """docs/usage.md: --data reads the corpus file alone; a term file beside it is not read, and
    importing the corpus again with --terms adds the pairs."""
    path = english_faq(tmp_path)
    (tmp_path / f"{path.stem}.terms.csv").write_text("nl,en\nvoucher,coupon;token\n", encoding="utf-8")
    assert invoke("--data", str(path), "search", "coupon").exit_code == 1
    again = tmp_path / "again.json"
    terms = str(tmp_path / f"{path.stem}.terms.csv")
    assert invoke("import", str(path), "--terms", terms, "-o", str(again)).exit_code == 0
    found = invoke("--data", str(again), "search", "coupon", "--json")
    assert found.exit_code == 0 and json.loads(found.stdout)["results"]


def test_topics_without_other_names_have_no_empty_column(invoke: Any, corpus_file: Any, tmp_path: Path) -> None:
    """An imported corpus's topics are its sections, with no aliases: the table leaves out the empty
    'Also found as' column (a quarter of 80 columns, while names and question ids wrapped); a
    corpus whose topics have aliases keeps it."""
    questions = [{"id": n, "question": f"Q{n}?", "answer": "A.", "topics": ["setup"]} for n in range(1, 13)]
    topics = [{"id": "setup", "label": "Installation and first steps"}]
    path = corpus_file(tmp_path / "faq.json", questions, schema_version=2, topics=topics, collection={"language": "en"})
    table = invoke("--data", str(path), "topics", "--table", env={"COLUMNS": "80"}).stdout
    assert "Also found as" not in table and "Installation and first steps" in table, table
    assert "Also found as" in invoke("topics", "--table", "--lang", "en", env={"COLUMNS": "100"}).stdout


def test_a_dutch_page_of_an_imported_english_faq_says_where_it_came_from_in_dutch(invoke: Any, tmp_path: Path) -> None:
    """The import's note on where a corpus came from is written in Dutch and English whatever the
    corpus's language: a Dutch export of an English FAQ said 'Imported with ecoqa … from …' under
    'Over dit document'; the English one keeps it."""
    target = tmp_path / "faq.json"
    source = Path(__file__).parent / "data" / "import" / "faq_jsonld.html"
    assert invoke("import", str(source), "-o", str(target)).exit_code == 0
    dutch = invoke("--data", str(target), "--lang", "nl", "export", "-f", "md").stdout
    about = dutch.split("## Over dit document", 1)[1].split("\n## ", 1)[0]
    assert "Geïmporteerd met ecoqa" in about and "Imported" not in about, about
    english = invoke("--data", str(target), "--lang", "en", "export", "-f", "md").stdout
    assert "Imported with ecoqa" in english and "Geïmporteerd" not in english


def test_a_corpus_titled_by_its_kind_is_not_named_twice(invoke: Any, corpus_file: Any, tmp_path: Path) -> None:
    """An FAQ whose page is just called 'FAQ' (restic's, Video.js's, Black's) is 'FAQ' once: the
    overview gave 'FAQ' under the title 'FAQ', and show ended with 'Source  FAQ “FAQ”'."""
    path = corpus_file(
        tmp_path / "faq.json",
        [{"id": 1, "question": "Will it resume?", "answer": "Yes, it will resume."}],
        schema_version=2,
        collection={"kind": "faq", "title": "FAQ", "language": "en"},
    )
    wide = {"COLUMNS": "80"}
    head = invoke("--data", str(path), env=wide).stdout.split("1 question")[0]
    assert head.count("FAQ") == 1, head
    shown = invoke("--data", str(path), "show", "1", env=wide).stdout
    assert "“FAQ”" not in shown and re.search(r"^Source\s+FAQ\s*$", shown, re.MULTILINE), shown


def test_an_html_page_marks_questions_in_any_language_it_knows(invoke: Any, corpus_file: Any, tmp_path: Path) -> None:
    """A Japanese FAQ exported as an English page marks its questions and answers lang="ja", so a
    screen reader reads them in Japanese (only Dutch and English were marked); a language that is
    not known ("und") or a hostile value is never written raw into the page."""
    questions = [{"id": 1, "question": "パスワードを忘れた時は？", "answer": "情報システム部に申請してください。"}]
    for language, mark in (
        ("ja", '<div lang="ja">'),
        ("und", None),
        ('x"><script>', '<div lang="x&quot;&gt;&lt;script&gt;">'),
    ):
        path = corpus_file(tmp_path / "faq.json", questions, schema_version=2, collection={"language": language})
        page = invoke("--data", str(path), "export", "-f", "html", "--lang", "en").stdout
        assert "<script>" not in page
        assert (mark in page) if mark else ("<div lang=" not in page), page
