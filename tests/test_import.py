"""``ecoqa import``: every source kind on realistic samples, the seed page word for word, bad input."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ecoqa.importing.blocks import text_blocks
from ecoqa.importing.decode import decode
from ecoqa.importing.meta import find_date, find_speakers, organisers
from ecoqa.importing.pairs import recognise

#: What import reads and says is tested in English words; an import speaks the language of its
#: sources when nothing is set (tests/test_messages.py), so these set it.
pytestmark = pytest.mark.usefixtures("english")

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "data" / "import"
SEED_TEXT = ROOT / "tests" / "data" / "seed_page.txt"
BUNDLED = json.loads((ROOT / "data" / "qa.json").read_text(encoding="utf-8"))

Invoke = Callable[..., Any]


def imported(invoke: Invoke, tmp_path: Path, *sources: Path | str, extra: tuple[str, ...] = ()) -> dict[str, Any]:
    target = tmp_path / "out.json"
    result = invoke("import", *map(str, sources), "-o", str(target), *extra)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    return dict(json.loads(target.read_text(encoding="utf-8")))


def pairs(document: dict[str, Any]) -> list[tuple[int, str, str]]:
    return [(q["id"], q["question"], q["answer"]) for q in document["questions"]]


# ---------------------------------------------------------------------------- the seed page


@pytest.mark.parametrize("source", [SEED_TEXT, SAMPLES / "seed.html"], ids=["text", "html"])
def test_the_seed_page_imports_to_the_bundled_questions_word_for_word(
    invoke: Invoke, tmp_path: Path, source: Path
) -> None:
    document = imported(invoke, tmp_path, source)
    assert pairs(document) == [(q["id"], q["question"], q["answer"]) for q in BUNDLED["questions"]]


@pytest.mark.parametrize("source", [SEED_TEXT, SAMPLES / "seed.html"], ids=["text", "html"])
def test_the_seed_page_states_its_date_speakers_and_organisers(invoke: Invoke, tmp_path: Path, source: Path) -> None:
    webinar = imported(invoke, tmp_path, source)["collection"]
    document = imported(invoke, tmp_path, source, extra=("--force",))
    assert webinar["date"] == BUNDLED["collection"]["date"] == "2021-02-17"
    assert webinar["organizer_line"] == BUNDLED["collection"]["organizer_line"]
    assert webinar["organizers"] == BUNDLED["collection"]["organizers"]
    assert webinar["language"] == "nl" and webinar["kind"] == "webinar"  # "Heb je het webinar … gemist?"
    assert "title" not in webinar  # the page gives none; nothing is made up
    keys = ("name", "role", "organization")
    assert [{k: s[k] for k in keys} for s in document["speakers"]] == [
        {k: s[k] for k in keys} for s in BUNDLED["speakers"]
    ]
    assert webinar["summary"].startswith("Heb je het webinar op 17 februari 2021 gemist?")
    assert "Webinar terugkijken" not in webinar["summary"]  # a button, not text


def test_an_imported_corpus_passes_validate_and_serves_every_command(invoke: Invoke, tmp_path: Path) -> None:
    imported(invoke, tmp_path, SEED_TEXT)
    data = str(tmp_path / "out.json")
    assert invoke("validate", data).stdout == f"{data}: valid\n"
    shown = invoke("--data", data, "show", "12", "--plain")
    assert shown.exit_code == 0
    assert "- kennisdeling via bijvoorbeeld webinars" in shown.stdout
    found = invoke("--data", data, "search", "financing", "--json")
    assert found.exit_code == 0
    ids = [hit["id"] for hit in json.loads(found.stdout)["results"]]
    assert {9, 22} <= set(ids[:3])  # "financier", "fonds": English reaches Dutch through the term table
    assert invoke("--data", data, "list").stdout.count("\n") == 24


def test_the_question_source_records_the_file_and_the_page_address(invoke: Invoke, tmp_path: Path) -> None:
    document = imported(invoke, tmp_path, SAMPLES / "faq_jsonld.html", SEED_TEXT)
    sources = [q["source"] for q in document["questions"]]
    page = {
        "file": "faq_jsonld.html",
        "url": "https://www.example.org/innovation-vouchers/faq",
        "title": "Innovation vouchers: frequently asked questions",
        "language": "en",
    }
    assert sources[:3] == [page] * 3
    seed = {"file": "seed_page.txt", "date": "2021-02-17", "language": "nl"}
    assert sources[3:] == [seed] * 24  # its own date and language, not lent
    assert [q["id"] for q in document["questions"]] == list(range(1, 28))
    # a merged corpus takes no source's title, date, organisers or speakers for all its questions
    assert document["collection"] == {"language": document["collection"]["language"]}
    assert "speakers" not in document


def test_the_dry_run_suggests_a_title_only_when_the_source_has_none(invoke: Invoke) -> None:
    hint = "give one with --title TEXT"
    assert hint in invoke("import", str(SEED_TEXT), "--dry-run").stdout
    assert hint not in invoke("import", str(SEED_TEXT), "--dry-run", "--title", "Orchestrating").stdout
    assert hint not in invoke("import", str(SAMPLES / "faq_jsonld.html"), "--dry-run").stdout


@pytest.mark.parametrize(
    ("title", "intro", "markup", "speakers", "kind"),
    [
        ("Veelgestelde vragen over subsidies", "", False, False, "faq"),
        ("Interview met de Kiesraad", "", False, False, "interview"),
        (None, "Heb je het webinar gemist? Kijk de opname terug.", False, True, "webinar"),
        ("FAQ", "Tijdens ons webinar vroeg u ons …", False, False, "faq"),  # the title speaks first
        (None, "", True, False, "qa"),
        (None, "Sprekers: Anna de Vries", False, True, "event"),
        ("Over ons", "Wij helpen ondernemers.", False, False, ""),
    ],
)
def test_a_source_says_what_it_is(title: str | None, intro: str, markup: bool, speakers: bool, kind: str) -> None:
    from ecoqa.importing.meta import kind as kind_of

    assert kind_of(title, intro, markup=markup, speakers=speakers) == kind


def test_a_json_export_imports_whole_and_a_version_1_file_upgrades(
    invoke: Invoke, tmp_path: Path, corpus_file: Any
) -> None:
    exported = tmp_path / "mkb.json"
    assert invoke("export", "--topic", "mkb", "-f", "json", "-o", str(exported)).exit_code == 0
    again = imported(invoke, tmp_path, exported)
    assert again == json.loads(exported.read_text(encoding="utf-8"))
    old = corpus_file(tmp_path / "old.json", [{"id": 1, "question": "V?", "answer": "A."}], webinar={"title": "T"})
    upgraded = imported(invoke, tmp_path, old, extra=("--force",))
    assert upgraded["schema_version"] == 2 and upgraded["collection"] == {"title": "T"}
    mixed = invoke("import", str(old), str(SEED_TEXT), "-o", str(tmp_path / "x.json"))
    assert mixed.exit_code == 3 and "imported alone" in mixed.stderr


def test_own_term_pairs_join_the_glossary_and_reach_the_answers(invoke: Invoke, tmp_path: Path) -> None:
    """English words the bundled term table lacks find Dutch answers once the user pairs them."""
    page = tmp_path / "tassen.md"
    page.write_text(
        "# Veelgestelde vragen\n\n## Hoeveel gewicht kan er in de tas?\n\nDat hangt af van het draagvermogen.\n\n"
        "## Welke druktechniek gebruiken jullie?\n\nMeestal zeefdruk.\n",
        encoding="utf-8",
    )
    plain = tmp_path / "plain.json"
    assert invoke("import", str(page), "-o", str(plain)).exit_code == 0
    assert invoke("--data", str(plain), "search", "bag", "weight").exit_code == 1
    terms = tmp_path / "terms.csv"
    terms.write_text("Nederlands;English\ngewicht;weight\ntas;bag|tote\nzeefdruk\n", encoding="utf-8")
    mine = tmp_path / "mine.json"
    result = invoke("import", str(page), "--terms", str(terms), "-o", str(mine))
    assert result.exit_code == 0 and "row 3 has no Dutch term or no English word" in result.stderr
    document = json.loads(mine.read_text(encoding="utf-8"))
    assert document["glossary"][:2] == [{"nl": "gewicht", "en": ["weight"]}, {"nl": "tas", "en": ["bag", "tote"]}]
    assert document["provenance"]["source"].startswith("Geïmporteerd met ecoqa")  # a Dutch corpus says it in Dutch
    assert document["provenance"]["source_en"].startswith("Imported with ecoqa")
    found = invoke("--data", str(mine), "search", "bag", "weight", "--json")
    assert [hit["id"] for hit in json.loads(found.stdout)["results"]][:1] == [1]


# ---------------------------------------------------------------------------- the other kinds


def test_schema_org_json_ld_is_read_before_the_visible_page(invoke: Invoke, tmp_path: Path) -> None:
    document = imported(invoke, tmp_path, SAMPLES / "faq_jsonld.html")
    assert pairs(document) == [
        (
            1,
            "Who can apply for an innovation voucher?",
            "Small and medium-sized enterprises registered in the region can apply.\n\nYou need:\n\n"
            "- a registration at the Chamber of Commerce;\n- fewer than 250 employees.",
        ),
        (
            2,
            "How much funding does a voucher give?",
            "A voucher covers half of the costs of a knowledge institution, up to € 10,000. "
            "Read the voucher rules for the details.",
        ),
        (
            3,
            "Can I combine a voucher with other subsidies?",
            "Yes, as long as the same costs are not paid twice.\n\nAsk the innovation desk when in doubt.",
        ),
    ]
    references = [q.get("references") for q in document["questions"]]
    assert references == [
        None,
        [{"name": "voucher rules", "url": "https://www.example.org/innovation-vouchers/rules"}],
        [{"name": "innovation desk", "url": "https://www.example.org/contact"}],
    ]
    assert document["collection"] == {
        "kind": "faq",  # "frequently asked questions" in its title
        "title": "Innovation vouchers: frequently asked questions",
        "language": "en",
        "url": "https://www.example.org/innovation-vouchers/faq",
    }
    assert "collection.title (the page's title)" in document["provenance"]["verbatim"]


def test_schema_org_microdata(invoke: Invoke, tmp_path: Path) -> None:
    document = imported(invoke, tmp_path, SAMPLES / "faq_microdata.html")
    assert pairs(document) == [
        (
            1,
            "Wat kost een dag in het fieldlab?",
            "Voor mkb'ers is de eerste dag gratis.\n\nDaarna betaal je een dagtarief; zie de tarieven.",
        ),
        (2, "Kan ik mijn eigen machine meenemen?", "Ja, na overleg met de labcoördinator."),
    ]
    assert document["questions"][0]["references"] == [
        {"name": "tarieven", "url": "https://fieldlab.example.org/tarieven"}
    ]


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        pytest.param(
            "qapage.html",
            [
                (
                    1,
                    "How do I find partners for a consortium?",
                    "Try the matchmaking events of the regional development agency.",
                )
            ],
            id="qa-page-takes-the-suggested-answer-when-none-is-accepted",
        ),
        pytest.param(
            "accordion.html",
            [
                (1, "When is the fieldlab open?", "From Monday to Friday, 9:00 to 17:00."),
                (2, "Is there parking?", "Yes, behind the building.\n\n- Cars: gate B\n- Bicycles: gate A"),
                (3, "Who do I call in an emergency?", "The lab coordinator, whose number is on the door."),
            ],
            id="details-and-definition-lists",
        ),
        pytest.param(
            "labelled.md",
            [
                (1, "Hoe vind ik een geschikte kennispartner?", "Begin bij de innovatiemakelaar in je regio."),
                (2, "Wat is een fieldlab?", "Een praktijkomgeving waar bedrijven nieuwe technologie testen."),
                (3, "Is deelname gratis?", "Voor de eerste sessie wel."),
            ],
            id="markdown-labels-vraag-antwoord-and-q-a",
        ),
        pytest.param(
            "wrapped.txt",
            [
                (
                    1,
                    "Voor welke projecten is het fonds bedoeld?",
                    "Voor projecten waarin minstens twee bedrijven samenwerken met een kennisinstelling, en die "
                    "binnen drie jaar tot een product of dienst kunnen leiden.\n\nHet fonds kijkt vooral naar:\n\n"
                    "1. de kans dat het product de markt bereikt;\n\n2. de samenwerking tussen de partners.",
                ),
                (
                    2,
                    "Hoe hoog is de bijdrage?",
                    "Hoogstens de helft van de projectkosten. Een lening is ook mogelijk, met een looptijd van "
                    "maximaal tien jaar.",
                ),
            ],
            id="hard-wrapped-text-with-a-numbered-list-inside-an-answer",
        ),
    ],
)
def test_a_sample_imports_as_its_pairs(
    invoke: Invoke, tmp_path: Path, sample: str, expected: list[tuple[int, str, str]]
) -> None:
    assert pairs(imported(invoke, tmp_path, SAMPLES / sample)) == expected


def test_markdown_headings_at_any_level_with_wrapped_paragraphs_lists_and_links(invoke: Invoke, tmp_path: Path) -> None:
    document = imported(invoke, tmp_path, SAMPLES / "notes.md")
    assert pairs(document) == [
        (
            1,
            "Wie is eigenaar van een ecosysteem?",
            "Niemand in het bijzonder: eigenaarschap wisselt per fase. In de startfase neemt vaak een "
            "kennisinstelling het voortouw.\n\nDaarna zijn het vaak bedrijven die het overnemen.",
        ),
        (
            2,
            "Hoe meet je of een ecosysteem werkt?",
            "Kijk naar drie dingen:\n\n- het aantal nieuwe samenwerkingen;\n- de investeringen die volgen;\n"
            "- of kennis ook echt wordt toegepast.",
        ),
        (3, "Welke rol heeft de provincie?", "Een regisserende rol, zeker bij de start."),
    ]
    assert document["questions"][1]["references"] == [
        {"name": "investeringen", "url": "https://example.org/investeringen"}
    ]
    webinar = document["collection"]
    assert (webinar["title"], webinar["date"]) == ("Kennissessie ecosystemen", "2023-03-03")
    assert [(s["name"], s["role"]) for s in document["speakers"]] == [
        ("Anna de Vries", "programmaleider"),
        ("Bram Jansen", "onderzoeker"),
    ]


def test_csv_with_excel_bom_quoted_paragraphs_and_topics(invoke: Invoke, tmp_path: Path) -> None:
    result_document = imported(invoke, tmp_path, SAMPLES / "vragen.csv")
    assert pairs(result_document) == [
        (
            1,
            "Hoe vraag ik een voucher aan?",
            "Via het loket van de provincie.\n\nLet op:\n\n- vraag aan vóór 1 juni;\n- voeg een offerte toe.",
        ),
        (2, "Wie beoordeelt de aanvraag?", "Een commissie van drie experts."),
    ]
    assert [q["topics"] for q in result_document["questions"]] == [["financiering", "mkb"], ["mkb"]]
    assert result_document["topics"] == [{"id": "financiering", "label": "financiering"}, {"id": "mkb", "label": "mkb"}]


def test_csv_from_dutch_excel_semicolons_cp1252_warns_and_keeps_the_numbers(invoke: Invoke, tmp_path: Path) -> None:
    source = SAMPLES / "vragen_excel.csv"
    target = tmp_path / "out.json"
    result = invoke("import", str(source), "-o", str(target))
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        f"ecoqa: warning: {source}: not UTF-8; read as cp1252 (detected). Check accented letters in the output."
    )
    document = json.loads(target.read_text(encoding="utf-8"))
    assert pairs(document) == [
        (1, "Wat is de rol van de coördinator?", "Hij brengt partijen bij elkaar en bewaakt de voortgang."),
        (2, "Krijg ik een financiële bijdrage?", "Ja, een bijdrage van maximaal 50% in de kosten."),
    ]


def test_tsv_with_an_id_column_keeps_the_ids_and_is_english(invoke: Invoke, tmp_path: Path) -> None:
    document = imported(invoke, tmp_path, SAMPLES / "faq.tsv")
    assert [q["id"] for q in document["questions"]] == [7, 8]
    assert document["collection"]["language"] == "en"
    assert "glossary" not in document  # the Dutch-English table only helps a Dutch corpus


def test_an_english_corpus_is_stemmed_as_english(invoke: Invoke, tmp_path: Path) -> None:
    imported(invoke, tmp_path, SAMPLES / "faq_jsonld.html", SAMPLES / "accordion.html")
    found = invoke("--data", str(tmp_path / "out.json"), "search", "applying", "--json")
    assert [hit["id"] for hit in json.loads(found.stdout)["results"]] == [1]  # "apply"


# ---------------------------------------------------------------------------- merging, reporting


def test_duplicates_across_sources_are_reported_and_kept(invoke: Invoke, tmp_path: Path) -> None:
    source = SAMPLES / "labelled.md"
    target = tmp_path / "out.json"
    result = invoke("import", str(source), str(source), "-o", str(target))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"ecoqa: warning: question 4 repeats question 1 ({source})",  # one file, named once
        f"ecoqa: warning: question 5 repeats question 2 ({source})",
        f"ecoqa: warning: question 6 repeats question 3 ({source})",
        f"ecoqa: wrote 6 questions to {target}; try: ecoqa --data {target} search kennispartner",
    ]
    assert [q["id"] for q in json.loads(target.read_text(encoding="utf-8"))["questions"]] == [1, 2, 3, 4, 5, 6]


def test_many_repeated_questions_are_said_in_one_line(invoke: Invoke, tmp_path: Path) -> None:
    """A table that asks the same questions again with other answers: one warning for them all, so
    the dry run's list of questions is not buried under a line per repeat."""
    rows = [f"Is it open on day {n % 2}?,Yes on round {n}." for n in range(8)]
    source = _csv(tmp_path, "question,answer\n" + "\n".join(rows) + "\n")
    result = invoke("import", str(source), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "ecoqa: warning: 6 questions repeat an earlier question, kept: 3 repeats 1, 4 repeats 2, 5 repeats 1, "
        "6 repeats 2, 7 repeats 1 …\n"
    )
    dutch = invoke("--lang", "nl", "import", str(source), "--dry-run")
    assert dutch.stderr == (
        "ecoqa: waarschuwing: 6 vragen herhalen een eerdere vraag, behouden: 3 herhaalt 1, 4 herhaalt 2, "
        "5 herhaalt 1, 6 herhaalt 2, 7 herhaalt 1 …\n"
    )


def test_numbered_sources_merged_are_renumbered_and_say_so(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("import", str(SAMPLES / "faq.tsv"), str(SAMPLES / "vragen.csv"), "-o", "-")
    assert result.exit_code == 0
    assert [q["id"] for q in json.loads(result.stdout)["questions"]] == [1, 2, 3, 4]
    assert result.stderr == "ecoqa: warning: questions renumbered 1 to 4 in the order of the sources\n"


def test_dry_run_shows_what_it_found_and_writes_nothing(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    result = invoke("import", str(SEED_TEXT), "-o", str(target), "--dry-run")
    assert result.exit_code == 0
    assert not target.exists()
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        f"{SEED_TEXT}: text page, 24 questions (numbered questions)",
        "  left out: 2 headings above the first question: the title and introduction",
        "  1. Wat zijn de belangrijkste principes waar je rekening mee moet houden als je een ecosysteem…",
        "  2. Zien jullie het Toyota model als een goed voorbeeld van een ecosysteem waarbij een grote…",
    ]
    assert lines[5] == "  4. Wat zijn de belangrijkste valkuilen bij het opzetten van een ecosysteem?"  # whole
    assert [line.split(".")[0].strip() for line in lines[2:-2]] == [str(n) for n in range(1, 25)]  # every one
    assert all(len(line) <= 100 for line in lines)
    assert lines[-2:] == [
        "collection: kind webinar; date 2021-02-17; language nl; speakers Maxine Tillij, Rinke Zonneveld",
        "no title in the source: give one with --title TEXT (the overview shows it)",
    ]


def test_dash_writes_the_corpus_to_stdout(invoke: Invoke) -> None:
    result = invoke("import", str(SAMPLES / "labelled.md"), "-o", "-", "--lang", "nl", "--title", "Workshop")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["collection"] == {"kind": "workshop", "title": "Workshop", "language": "nl"}
    assert "collection.title (given with --title)" in document["provenance"]["derived"]


# ---------------------------------------------------------------------------- bad input, safety


def test_a_page_without_questions_exits_3_saying_what_is_recognised_and_what_was_found(
    invoke: Invoke, tmp_path: Path
) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("Boodschappen\n\nMelk en brood halen.\n\nDaarna de fiets naar de maker.\n", encoding="utf-8")
    target = tmp_path / "out.json"
    result = invoke("import", str(source), "-o", str(target))
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr == (
        f"ecoqa: {source}: no questions and answers found in this text page (found 2 paragraphs, "
        "1 heading); ecoqa recognises questions as headings, numbered (1., 1), 1.1) or labelled "
        "(Vraag:/Antwoord:, Q:/A:), lines ending in '?', schema.org FAQPage/QAPage markup, <dl>/<details> lists, "
        "or a CSV/TSV table with question and answer columns.\n"
    )
    assert sorted(os.listdir(tmp_path)) == ["notes.txt"]  # no output, no temporary file


def test_a_table_without_question_and_answer_columns_names_its_header(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text("name,email\nAnna,anna@example.org\n", encoding="utf-8")
    result = invoke("import", str(source), "-o", str(tmp_path / "out.json"))
    assert result.exit_code == 3
    assert result.stderr == (
        f"ecoqa: {source}: no questions and answers found in this CSV/TSV table (its columns are: name, email; "
        "a question column is named question/questions/vraag/vragen/query/q/title (or with a language, as q_en, "
        "vraag_nl), an answer column answer/answers/antwoord/antwoorden/response/a/body; or name them with "
        "--question-column and --answer-column); ecoqa recognises questions as headings, numbered (1., 1), 1.1) or "
        "labelled (Vraag:/Antwoord:, Q:/A:), lines ending in '?', schema.org FAQPage/QAPage markup, <dl>/<details> "
        "lists, or a CSV/TSV table with question and answer columns.\n"
    )
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize(
    ("content", "found"),
    [(b"", "(no text)"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ": a binary file, not a web page")],
    ids=["empty", "binary"],
)
def test_empty_and_binary_files_exit_3(invoke: Invoke, tmp_path: Path, content: bytes, found: str) -> None:
    source = tmp_path / "thing.txt"
    source.write_bytes(content)
    result = invoke("import", str(source), "-o", str(tmp_path / "out.json"))
    assert result.exit_code == 3
    assert found in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_missing_source_exits_3_and_a_later_good_source_writes_nothing(invoke: Invoke, tmp_path: Path) -> None:
    missing = tmp_path / "nope.html"
    result = invoke("import", str(SEED_TEXT), str(missing), "-o", str(tmp_path / "out.json"))
    assert result.exit_code == 3
    assert result.stderr == (
        f"ecoqa: cannot read {missing}: No such file or directory; pass --skip-unreadable to import the others.\n"
    )
    assert not (tmp_path / "out.json").exists()


def test_an_existing_file_is_never_replaced_without_force(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "mine.json"
    target.write_text("my own work\n", encoding="utf-8")
    result = invoke("import", str(SEED_TEXT), "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"ecoqa: {target} exists; pass --force to replace it.\n"
    assert target.read_text(encoding="utf-8") == "my own work\n"
    assert invoke("import", str(SEED_TEXT), "-o", str(target), "--force").exit_code == 0
    assert len(json.loads(target.read_text(encoding="utf-8"))["questions"]) == 24


def test_the_output_may_not_be_a_source(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "page.txt"
    source.write_bytes(SEED_TEXT.read_bytes())
    result = invoke("import", str(source), "-o", str(source), "--force")
    assert result.exit_code == 2
    assert result.stderr == f"ecoqa: {source} is the corpus being read; write the output to another file.\n"
    assert source.read_bytes() == SEED_TEXT.read_bytes()


def test_without_an_output_it_asks_for_one(invoke: Invoke) -> None:
    result = invoke("import", str(SEED_TEXT))
    assert result.exit_code == 2
    assert result.stderr == (
        "ecoqa: say where to write the corpus with -o FILE ('-' for stdout), or look first with --dry-run.\n"
    )


# ---------------------------------------------------------------------------- the parts


@pytest.mark.parametrize(
    ("raw", "text", "warned"),
    [
        ("één".encode("utf-8-sig"), "één", False),
        ("één".encode("utf-16"), "één", False),
        ('<meta charset="windows-1252"><p>één</p>'.encode("cp1252"), '<meta charset="windows-1252"><p>één</p>', False),
        ("Financiële coördinatie".encode("cp1252"), "Financiële coördinatie", True),
        (
            "Dial *556# – it’s free • “now”".encode() + " or don’t, café".encode("cp1252"),
            "Dial *556# – it’s free • “now” or don’t, café",
            True,
        ),
    ],
    ids=["utf-8 BOM", "utf-16 BOM", "declared charset", "undeclared cp1252", "utf-8 with stray cp1252 bytes"],
)
def test_encodings(raw: bytes, text: str, warned: bool) -> None:
    decoded, warnings = decode(raw, "f")
    assert decoded == text
    assert bool(warnings) is warned


def test_an_agenda_above_the_questions_does_not_hide_their_numbering() -> None:
    page = (
        "Agenda\n\n1. Welkom\n\nWe beginnen om negen uur.\n\n2. Pauze\n\n"
        "Vragen\n\n1. Wat kost het?\n\nNiets.\n\n2. Wie betaalt?\n\nDe provincie.\n\n3. Wanneer?\n\nIn mei.\n"
    )
    found = recognise(text_blocks(page))
    assert [(p.number, p.question, p.answer) for p in found.pairs] == [
        (1, "Wat kost het?", "Niets."),
        (2, "Wie betaalt?", "De provincie."),
        (3, "Wanneer?", "In mei."),
    ]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Heb je het webinar op 17 februari 2021 gemist?", "2021-02-17"),
        ("Held on March 3, 2023 in Delft.", "2023-03-03"),
        ("Op 2023-11-05 en later op 1 december 2023.", "2023-11-05"),
        ("Op 31 februari 2021 (bestaat niet).", None),
        ("Geen datum hier, wel 2021.", None),
    ],
)
def test_dates_the_page_writes(text: str, date: str | None) -> None:
    assert find_date(text) == date


def test_speakers_and_organisers_as_the_page_names_them() -> None:
    assert find_speakers("met sprekers Jan de Wit (CEO, Acme) en Els Bos. Daarna borrel.") == [
        ("Jan de Wit", "CEO, Acme"),
        ("Els Bos", None),
    ]
    assert find_speakers("Geen namen, wel de spreker van dienst.") == []
    assert organisers("Dit webinar werd georganiseerd door TNO in samenwerking met InnovationQuarter.") == [
        "TNO",
        "InnovationQuarter",
    ]
    assert organisers("This event was organised by Acme and the City of Delft.") == ["Acme", "the City of Delft"]
    assert organisers("Het webinar was leerzaam.") == []


_PIECES = [
    "\n",
    "\n\n",
    " ",
    "1. ",
    "2. ",
    "3) ",
    "• ",
    "- ",
    "# ",
    "## ",
    "**Vraag:** ",
    "Antwoord: ",
    "Q: ",
    "A: ",
    "Wat kost het?",
    "Niets.",
    "vraag,antwoord\n",
    ";",
    "\t",
    '"',
    "<p>",
    "</p>",
    "<li>",
    "<ol>",
    "<h2>",
    "</h2>",
    "<details><summary>",
    "</summary>",
    "<dt>",
    "<dd>",
    '<script type="application/ld+json">',
    "</script>",
    '{"@type": "FAQPage", "mainEntity": [{"name": "x", "acceptedAnswer": {"text": "<b>y</b>"}}]}',
    "[link](http://e.org)",
    '<a href="/x">',
    "</a>",
    "Dit webinar werd georganiseerd door A.",
    "\x00",
    "é",
    "\u202e",
    "=head2 ",
    "** ",
    "== ",
    "Vraag?::",
    "::\n\n    ",
    "----\n",
    "=====\n",
    "#+begin_src\n",
    "---\ntitle: x\n---\n",
    "{#id}",
    ":::note\n",
    "```\n",
    "<pre>",
    "<b>Q?</b>",
    "1.1 ",
    "[[http://e.org][x]]",
    "L<x|http://e.org>",
]


@pytest.mark.parametrize("suffix", [".txt", ".html", ".md", ".csv", ".rst", ".org", ".adoc", ".pod"])
def test_any_input_gives_a_valid_corpus_or_a_corpus_error(tmp_path: Path, suffix: str) -> None:
    """Fuzzing the recognisers: never a crash, and whatever is written passes the schema."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from ecoqa.corpus import check_corpus
    from ecoqa.errors import CorpusError
    from ecoqa.importing.build import build
    from ecoqa.importing.sources import read_source

    source = tmp_path / f"page{suffix}"

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from(["utf-8", "cp1252", "utf-16"]))
    def check(pieces: list[str], encoding: str) -> None:
        source.write_bytes("".join(pieces).encode(encoding, errors="replace"))
        try:
            read = read_source(source)
        except CorpusError as error:
            assert "\n" not in error.message
            return
        built = build([read], title=None, lang=None, version="test")
        text = json.dumps(built.document, ensure_ascii=False)
        assert check_corpus(text.encode(), "fuzz") == []
        assert all(q["question"].strip() and q["answer"].strip() for q in built.document["questions"])

    check()


def test_numbering_past_999_and_lists_that_restart_at_one() -> None:
    long_page = "".join(f"{n}. Vraag nummer {n}?\n\nAntwoord {n}.\n\n" for n in range(1, 1201))
    found = recognise(text_blocks(long_page))
    assert [p.number for p in found.pairs] == list(range(1, 1201))
    from ecoqa.importing.html import HtmlPage

    restarted = (
        "<body>" + "".join(f"<ol><li>Wat is {n}?</li></ol><p>Antwoord {n}.</p>" for n in range(1, 4)) + "</body>"
    )
    page = HtmlPage(restarted).found()
    assert page.form == "paragraphs ending in '?'"
    assert [(p.question, p.answer) for p in page.pairs] == [(f"Wat is {n}?", f"Antwoord {n}.") for n in range(1, 4)]


# ---------------------------------------------------------------------------- code in answers

_CODE_MD = (
    "# Tips\n\n## How do I list files?\n\nRun this:\n\n```sh\nls -la \\\n  /tmp\n\n# a comment\n```\n\nThen look.\n"
)
_CODE_HTML = (
    "<html><body><h2>How do I list files?</h2><p>Run this:</p><pre>ls -la \\\n  /tmp\n\n# a comment</pre>"
    "<p>Then look.</p><h2>And hidden ones?</h2><p>Add <code>-a</code>.</p></body></html>"
)
_CODE_ANSWER = "Run this:\n\n```\nls -la \\\n  /tmp\n\n# a comment\n```\n\nThen look."


@pytest.mark.parametrize(("name", "page"), [("code.md", _CODE_MD), ("code.html", _CODE_HTML)])
def test_code_blocks_keep_their_lines_from_fences_and_pre(invoke: Invoke, tmp_path: Path, name: str, page: str) -> None:
    source = tmp_path / name
    source.write_text(page, encoding="utf-8")
    document = imported(invoke, tmp_path, source)
    assert document["questions"][0]["answer"] == _CODE_ANSWER


def test_show_and_export_print_code_as_written(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "code.md"
    source.write_text(_CODE_MD.replace("# a comment", "# " + "word " * 30), encoding="utf-8")
    imported(invoke, tmp_path, source)
    data = ("--data", str(tmp_path / "out.json"))
    shown = invoke(*data, "show", "1").stdout
    assert "│ ls -la \\ " in shown and "│   /tmp " in shown  # the indent kept, lines not joined
    assert "│ Then look." in shown
    assert "# word word" in invoke(*data, "show", "1", "--plain").stdout
    markdown = invoke(*data, "export", "--format", "md").stdout
    assert "\n```\nls -la \\\n  /tmp\n\n# word" in markdown  # not escaped, not re-flowed
    page = invoke(*data, "export", "--format", "html").stdout
    assert "<pre><code>ls -la \\\n  /tmp\n\n# word" in page
    # a line wider than the page scrolls in its own box on a phone, not the page out of the screen
    assert "pre{overflow-x:auto;" in page


def test_a_code_line_wider_than_the_panel_folds_whole(invoke: Invoke, tmp_path: Path) -> None:
    """A code line too long for the panel goes on below it after "↪", every character kept and the
    line breaks too, at 100 and at 40 columns (it was cropped at the panel's edge: the end of a
    command was lost)."""
    long_line = "curl -X POST https://example.org/" + "a1b2c3d4" * 15 + " --fail --END"
    words = " ".join(f"word{n}" for n in range(20))
    source = tmp_path / "code.md"
    source.write_text(
        f"# Tips\n\n## How?\n\n```\n{long_line}\n\tshort\ngit commit -m '{words}'\n```\n", encoding="utf-8"
    )
    imported(invoke, tmp_path, source)
    for columns in ("100", "40"):
        shown = invoke("--data", str(tmp_path / "out.json"), "show", "1", env={"COLUMNS": columns}).stdout
        rows = [row.strip("│ ").removeprefix("↪ ") for row in shown.splitlines() if row.startswith("│")]
        assert long_line.replace(" ", "") in "".join(rows).replace(" ", ""), shown
        assert "short" in rows and all(len(row) <= int(columns) for row in shown.splitlines()), shown
        assert sum(row.lstrip("│ ").startswith("↪") for row in shown.splitlines()) >= 1
        # a line with spaces folds between its words, never inside one
        whole = [t for row in rows for t in row.replace("'", " ").split() if re.fullmatch(r"word\d+", t)]
        assert whole == [f"word{n}" for n in range(20)], rows


def test_the_answer_format_reads_fenced_code_blocks() -> None:
    from ecoqa.text import blocks, fenced

    code = "a\n\n```\nb"  # a blank line and a fence of its own inside
    text = "Intro.\n\n" + fenced(code) + "\n\n- x\n- y"
    assert blocks(text) == [("paragraph", ("Intro.",)), ("code", (code,)), ("list", ("x", "y"))]
    assert blocks("```\nnever closed\n\nx") == [("paragraph", ("```\nnever closed",)), ("paragraph", ("x",))]


# ---------------------------------------------------------------------------- structure, judged as a whole


def _numbered_heading_page() -> str:
    """The webinar's 24 Q&A as a plain page: ``<h3>1. question</h3>`` and the answer's paragraphs and lists."""
    import html

    parts = ["<html><body><h1>Webinar</h1><p>Vragen uit het webinar.</p>"]
    for q in BUNDLED["questions"]:
        parts.append(f"<h3>{q['id']}. {html.escape(q['question'])}</h3>")
        for block in q["answer"].split("\n\n"):
            lines = block.split("\n")
            if all(line.startswith("- ") for line in lines):
                parts.append("<ul>" + "".join(f"<li>{html.escape(line[2:])}</li>" for line in lines) + "</ul>")
            else:
                parts.append(f"<p>{html.escape(block)}</p>")
    return "".join(parts) + "</body></html>"


def test_a_page_of_numbered_question_headings_imports_word_for_word(invoke: Invoke, tmp_path: Path) -> None:
    """Six of the 24 headings do not end in '?': the numbering counting up holds them all."""
    assert sum(1 for q in BUNDLED["questions"] if not q["question"].endswith("?")) == 6
    source = tmp_path / "page.html"
    source.write_text(_numbered_heading_page(), encoding="utf-8")
    document = imported(invoke, tmp_path, source)
    assert pairs(document) == [(q["id"], q["question"], q["answer"]) for q in BUNDLED["questions"]]


def _md(tmp_path: Path, text: str, name: str = "faq.md") -> Path:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    return source


#: Markdown pages whose headings are sections, questions, or parts of an answer: the page's name,
#: its text, the questions with their answers, and each question's topics (None: not checked).
SECTIONED_PAGES = {
    "sections-above-questions-are-topics-sub-headings-stay-in-answers": (
        "faq.md",
        "# Tool FAQ\n\nIntro.\n\n# Installing\n\nThis section is about installing.\n\n"
        "## How do I install it?\n\nRun the installer.\n\n### On Windows\n\nUse the MSI.\n\n"
        "## Why does the install fail\n\nUsually a proxy.\n\n# Using\n\n## Can I script it?\n\nYes.\n",
        [
            (1, "How do I install it?", "Run the installer.\n\nOn Windows\n\nUse the MSI."),
            (2, "Why does the install fail", "Usually a proxy."),
            (3, "Can I script it?", "Yes."),
        ],
        [["installing"], ["installing"], ["using"]],
    ),
    "question-headings-among-section-headings": (  # an interview: the headings around the questions
        "faq.md",
        "# Interview\n\nIntro.\n\n## The team\n\nFive people.\n\n## How did you start?\n\nBy chance.\n\n"
        "### First steps\n\nSmall ones.\n\n## What do you use?\n\nRust.\n\n### Aside: and for tests?\n\nCargo.\n\n"
        "### Editors\n\nMany.\n\n## Conclusion\n\nIt works.\n",
        [
            (1, "How did you start?", "By chance.\n\nFirst steps\n\nSmall ones."),
            (2, "What do you use?", "Rust."),
            (3, "Aside: and for tests?", "Cargo.\n\nEditors\n\nMany."),
        ],
        None,
    ),
    "troubleshooting-headings-without-question-marks": (
        "faq.md",
        "# Troubleshooting\n\nCommon problems.\n\n## Connection issues\n\nMost come from the network.\n\n"
        "### Device not found\n\nPlug it in.\n\n### Device unauthorized\n\nAccept the prompt.\n\n"
        "## Crashes on start\n\nUpdate the driver.\n\n## Display\n\n### Black screen\n\nWake the device.\n",
        [
            (1, "Device not found", "Plug it in."),
            (2, "Device unauthorized", "Accept the prompt."),
            (3, "Crashes on start", "Update the driver."),
            (4, "Black screen", "Wake the device."),
        ],
        None,
    ),
}


@pytest.mark.parametrize(("name", "text", "expected", "topics"), SECTIONED_PAGES.values(), ids=SECTIONED_PAGES)
def test_headings_of_sections_questions_and_answers_are_told_apart(
    invoke: Invoke,
    tmp_path: Path,
    name: str,
    text: str,
    expected: list[tuple[int, str, str]],
    topics: list[list[str]] | None,
) -> None:
    document = imported(invoke, tmp_path, _md(tmp_path, text, name))
    assert pairs(document) == expected
    if topics is not None:
        assert [q["topics"] for q in document["questions"]] == topics


def test_dotted_numbers_are_questions_under_numbered_sections(invoke: Invoke, tmp_path: Path) -> None:
    contents = "FAQ\n\n 1. Basics\n  1.1 What is it?\n  1.2 Who made it?\n 2. Problems\n  2.1 Why does it fail?\n\n"
    body = (
        "1. Basics\n\n  1.1 What is it?\n\n  A tool.\n\n  1.2 Who made it?\n\n  Volunteers, since 1998.\n\n"
        "2. Problems\n\n  Read this first.\n\n  2.1 Why does it fail?\n\n  Steps:\n\n  1. check the network\n"
        "  2. check the proxy\n"
    )
    document = imported(invoke, tmp_path, _md(tmp_path, contents + body, "FAQ"))
    assert pairs(document) == [
        (1, "What is it?", "A tool."),
        (2, "Who made it?", "Volunteers, since 1998."),
        (3, "Why does it fail?", "Steps:\n\n1. check the network\n\n2. check the proxy"),
    ]
    assert [q["topics"] for q in document["questions"]] == [["basics"], ["basics"], ["problems"]]
    assert "summary" not in document["collection"]  # the table of contents is furniture


def test_a_small_list_inside_one_answer_does_not_outrank_the_page(invoke: Invoke, tmp_path: Path) -> None:
    questions = "".join(
        f"<h3>Why is feature {n} designed this way?</h3><p>Because of reason {n}, explained at some length here.</p>"
        for n in range(1, 9)
    )
    terms = "<dl><dt>Java</dt><dd>Classes.</dd><dt>Rust</dt><dd>Traits.</dd></dl>"
    source = tmp_path / "faq.html"
    source.write_text(f"<h2>Design</h2>{questions[:200]}{terms}{questions[200:]}", encoding="utf-8")
    document = imported(invoke, tmp_path, source)
    assert [q["question"] for q in document["questions"]] == [
        f"Why is feature {n} designed this way?" for n in range(1, 9)
    ]
    assert "Java\n\nClasses." in document["questions"][1]["answer"]


def test_bold_lines_as_questions_end_at_a_bold_line_that_does_not_ask(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "over.php"
    source.write_text(
        '<?php include "head.php"; ?>\n<div><h1>Over ons</h1><p>Welkom.</p>'
        "<b>Wat doen wij?</b><br><div><p>Wij informeren.</p></div>"
        "<b>Waar zitten wij?</b><div><p>In Den Haag.</p></div>"
        "<b>Contact</b><div>Bel ons.</div></div>",
        encoding="utf-8",
    )
    document = imported(invoke, tmp_path, source)
    assert pairs(document) == [(1, "Wat doen wij?", "Wij informeren."), (2, "Waar zitten wij?", "In Den Haag.")]


def test_schema_org_listing_fewer_questions_than_the_page_hides_none(invoke: Invoke, tmp_path: Path) -> None:
    shown = "".join(f"<h2>Question number {n}?</h2><p>Answer {n}.</p>" for n in range(1, 6))
    marked = (
        '<script type="application/ld+json">{"@type": "FAQPage", "mainEntity": [{"@type": "Question", '
        '"name": "Question  number 1 ?", "acceptedAnswer": {"@type": "Answer", "text": "Answer 1."}}]}</script>'
    )
    source = tmp_path / "faq.html"
    source.write_text(f"<html><head>{marked}</head><body>{shown}</body></html>", encoding="utf-8")
    assert len(imported(invoke, tmp_path, source)["questions"]) == 5


# ---------------------------------------------------------------------------- formats read for what they are


def test_markdown_site_markup_is_read_as_metadata_and_markers_are_dropped(invoke: Invoke, tmp_path: Path) -> None:
    source = _md(
        tmp_path,
        '---\ntitle: "Tool FAQ"\nsidebar: faq\n---\n\n# FAQ\n\n* Table of Contents\n{:toc}\n\n'
        "## How do I start? {#start}\n\n:::note[Tip]\n\nRead the guide.\n\n:::\n\n![A logo](logo.png) Then run it.\n\n"
        '<h2 name="stop">\nHow do I stop?\n</h2>\n\nPress *Ctrl-C*.\n',
    )
    document = imported(invoke, tmp_path, source)
    assert pairs(document) == [
        (1, "How do I start?", "Read the guide.\n\nThen run it."),
        (2, "How do I stop?", "Press Ctrl-C."),
    ]
    assert document["collection"]["title"] == "Tool FAQ"


def test_restructuredtext_whatever_its_name(invoke: Invoke, tmp_path: Path) -> None:
    text = (
        ".. _faq:\n\nFrequently asked questions\n==========================\n\nUsage\n#####\n\n"
        "Can I back up to two servers?\n-----------------------------\n\nYes, with ``borg create``:\n\n"
        "::\n\n    borg create a\n    borg create b\n\n.. note:: Use two keys.\n\n"
        "Why is it slow?\n---------------\n\nSee :ref:`tuning <perf>` and `the docs <https://example.org/docs>`_.\n"
    )
    for name in ("faq.rst", "faq.md", "faq.txt"):
        document = imported(invoke, tmp_path, _md(tmp_path, text, name), extra=("--force",))
        assert pairs(document) == [
            (
                1,
                "Can I back up to two servers?",
                "Yes, with borg create:\n\n```\nborg create a\nborg create b\n```\n\nUse two keys.",
            ),
            (2, "Why is it slow?", "See tuning and the docs."),
        ]
    assert document["questions"][1]["references"] == [{"name": "the docs", "url": "https://example.org/docs"}]


# ---------------------------------------------------------------------------- spreadsheets


def _csv(tmp_path: Path, text: str, name: str = "faq.csv", encoding: str = "utf-8") -> Path:
    source = tmp_path / name
    source.write_bytes(text.encode(encoding))
    return source


@pytest.mark.parametrize(
    ("header", "extra"),
    [
        ("id,query,keyword,response", ()),
        ("Onderwerp;Antwoord", ()),
        ("id,q_fr,q_en,a_fr,a_en", ("--lang", "en")),
        ("Nr,Vraag (NL),Antwoord (NL)", ()),
        ("id,kop,tekst", ("--question-column", "kop", "--answer-column", "3")),
    ],
)
def test_spreadsheet_columns_by_their_common_names(
    invoke: Invoke, tmp_path: Path, header: str, extra: tuple[str, ...]
) -> None:
    delimiter = ";" if ";" in header else ","
    width = header.count(delimiter) + 1
    names = [h.strip().lower() for h in header.split(delimiter)]
    rows = []
    for n in (1, 2):
        cells = []
        for name in names:
            if name.startswith(("query", "onderwerp", "vraag", "kop")) or name == "q_en":
                cells.append(f"Question {n}?")
            elif name.startswith(("response", "antwoord", "tekst")) or name == "a_en":
                cells.append(f"Answer {n}.")
            else:
                cells.append(f"other {n}")
        assert len(cells) == width
        rows.append(delimiter.join(cells))
    document = imported(invoke, tmp_path, _csv(tmp_path, "\n".join([header, *rows]) + "\n"), extra=extra)
    assert [(q["question"], q["answer"]) for q in document["questions"]] == [
        ("Question 1?", "Answer 1."),
        ("Question 2?", "Answer 2."),
    ]


def test_a_two_column_table_without_header_any_line_ending(invoke: Invoke, tmp_path: Path) -> None:
    for ending in ("\n", "\r\n", "\r"):
        text = ending.join(["Is it free?,Yes.", '"Where, then?","Here."', "Why?,Because."]) + ending
        document = imported(invoke, tmp_path, _csv(tmp_path, text), extra=("--force",))
        assert [(q["question"], q["answer"]) for q in document["questions"]] == [
            ("Is it free?", "Yes."),
            ("Where, then?", "Here."),
            ("Why?", "Because."),
        ]


def test_excel_cells_quotes_soft_wraps_paragraphs_and_html(invoke: Invoke, tmp_path: Path) -> None:
    text = (
        "Vraag;Antwoord\r\n"
        '"Bel ik?";"Bel <a href=""tel:088"">088</a> (lokaal tarief).\r\nOpen van 9 tot 5.\r\n\r\nOok op zaterdag."\r\n'
        '"Waar lees ik meer?";"Op de\nsite, zie\n[de regels](https://example.org/regels)."\r\n'
    )
    document = imported(invoke, tmp_path, _csv(tmp_path, text, encoding="cp1252"))
    assert pairs(document) == [
        (1, "Bel ik?", "Bel 088 (lokaal tarief). Open van 9 tot 5.\n\nOok op zaterdag."),
        (2, "Waar lees ik meer?", "Op de site, zie de regels."),
    ]
    assert document["questions"][1]["references"] == [{"name": "de regels", "url": "https://example.org/regels"}]


def test_a_named_column_that_is_not_there_says_what_is(invoke: Invoke, tmp_path: Path) -> None:
    source = _csv(tmp_path, "kop,tekst\nA?,B.\n")
    result = invoke("import", str(source), "--dry-run", "--question-column", "titel")
    assert result.exit_code == 3
    assert result.stderr == "ecoqa: no column 'titel' for --question-column; the header has: kop, tekst.\n"


# ---------------------------------------------------------------------------- links, sources


def test_relative_links_resolve_against_base_url_or_are_counted(invoke: Invoke, tmp_path: Path) -> None:
    source = _md(
        tmp_path,
        "## How?\n\nSee [the guide](guide.md#start) and [home](https://example.org/).\n\n## Why?\n\nBecause.\n",
    )
    target = tmp_path / "out.json"
    result = invoke("import", str(source), "-o", str(target))
    assert result.stderr.splitlines()[0] == (
        f"ecoqa: warning: {source}: 1 relative link could not be resolved (the page does not say its address); "
        "pass --base-url URL to keep them as references"
    )
    assert json.loads(target.read_text(encoding="utf-8"))["questions"][0]["references"] == [
        {"name": "home", "url": "https://example.org/"}
    ]
    document = imported(invoke, tmp_path, source, extra=("--force", "--base-url", "https://example.org/docs/faq.md"))
    assert document["questions"][0]["references"] == [
        {"name": "the guide", "url": "https://example.org/docs/guide.md#start"},
        {"name": "home", "url": "https://example.org/"},
    ]
    bad = invoke("import", str(source), "--dry-run", "--base-url", "docs/")
    assert (bad.exit_code, bad.stderr) == (
        2,
        "ecoqa: --base-url takes a web address (http:// or https://), not 'docs/'.\n",
    )


def test_skip_unreadable_imports_the_readable_sources_and_names_the_others(invoke: Invoke, tmp_path: Path) -> None:
    missing = tmp_path / "nope.html"
    target = tmp_path / "out.json"
    result = invoke("import", str(missing), str(SAMPLES / "labelled.md"), "-o", str(target), "--skip-unreadable")
    assert result.exit_code == 0
    assert (
        result.stderr.splitlines()[0] == f"ecoqa: warning: skipped: cannot read {missing}: No such file or directory."
    )
    assert len(json.loads(target.read_text(encoding="utf-8"))["questions"]) == 3
    none = invoke("import", str(missing), "-o", str(tmp_path / "x.json"), "--skip-unreadable")
    assert (none.exit_code, none.stderr) == (3, f"ecoqa: cannot read {missing}: No such file or directory.\n")
    assert not (tmp_path / "x.json").exists()


def test_org_asciidoc_and_pod_are_read_by_their_headings(invoke: Invoke, tmp_path: Path) -> None:
    documents = {
        "faq.org": "#+title: Tool FAQ\n\n* General\n:PROPERTIES:\n:ID: 1\n:END:\n** Is it free?\nYes, see "
        "[[https://example.org/licence][the licence]].\n\n** How do I start?\n#+begin_src sh\ntool init\n#+end_src\n",
        "faq.adoc": "= Tool FAQ\n\n== General\n\n[[free]]\nIs it free?::\n"
        "  Yes, see https://example.org/licence[the licence].\n+\nAlways.\n\n"
        "How do I start?::\n  Run:\n+\n----\ntool init\n----\n",
        "faq.pod": "=pod\n\n=head1 NAME\n\nTool FAQ\n\n=head2 Is it free?\n\nYes, see L<the licence|https://example.org/licence>."
        "\n\n=head2 How do I start?\n\nRun C<tool init>:\n\n    tool init\n\n=cut\n",
    }
    for name, text in documents.items():
        document = imported(invoke, tmp_path, _md(tmp_path, text, name), extra=("--force",))
        questions = document["questions"]
        assert [q["question"] for q in questions] == ["Is it free?", "How do I start?"], name
        assert questions[0]["answer"].startswith("Yes, see the licence."), name
        assert questions[0]["references"] == [{"name": "the licence", "url": "https://example.org/licence"}], name
        assert questions[1]["answer"].endswith("```\ntool init\n```"), name


def test_a_table_without_column_names_takes_the_column_that_asks(invoke: Invoke, tmp_path: Path) -> None:
    text = "".join(
        f"Topic {n}\t{n}\tHow does part {n} work?\tIt works like this, in detail, for part {n}.\n" for n in range(1, 4)
    )
    source = _csv(tmp_path, text, "faq.tsv")
    target = tmp_path / "out.json"
    result = invoke("import", str(source), "-o", str(target))
    assert result.stderr.splitlines()[0] == (
        f"ecoqa: warning: {source}: no column names: read column 3 as the questions and column 4 as the answers "
        "(name others with --question-column/--answer-column)"
    )
    document = json.loads(target.read_text(encoding="utf-8"))
    assert [q["question"] for q in document["questions"]] == [f"How does part {n} work?" for n in range(1, 4)]


def test_questions_asked_together_share_the_answer_below_them(invoke: Invoke, tmp_path: Path) -> None:
    source = _md(
        tmp_path, "## Is it fast?\n\nYes.\n\n## How do I play it?\n\n## How do I make one?\n\nSee the guide.\n"
    )
    assert pairs(imported(invoke, tmp_path, source)) == [
        (1, "Is it fast?", "Yes."),
        (2, "How do I play it?", "See the guide."),
        (3, "How do I make one?", "See the guide."),
    ]


def test_bullets_each_followed_by_their_answer(invoke: Invoke, tmp_path: Path) -> None:
    text = (
        "Tool FAQ\n\n* I see no colour! Help!\n\n"
        "On a few platforms, common terminal descriptions such as xterm do not\n"
        "include colour. Set TERM to a value that lists colour, such as xterm-color.\n\n"
        "* The screen freezes when I attach to a session. I have to kill the\n  shell it was started from!\n\n"
        "Some consoles do not like attempts to set the window title. Tell the tool\nnot to do this.\n\n"
        "* Why is it slow?\n\nIt is not slow; the terminal it runs in may be.\n"
    )
    document = imported(invoke, tmp_path, _md(tmp_path, text, "FAQ"))
    assert [q["question"] for q in document["questions"]] == [
        "I see no colour! Help!",
        "The screen freezes when I attach to a session. I have to kill the shell it was started from!",
        "Why is it slow?",
    ]


def test_accordion_buttons_and_bold_questions_that_open_a_paragraph(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "faq.html"
    source.write_text(
        '<html><body><form id="page"><button>Menu</button><h1>Veelgestelde vragen</h1>'
        '<h2 class="accordion-header"><button class="accordion-button">Wat kost het?</button></h2>'
        '<div class="accordion-collapse"><p>Niets.</p></div>'
        '<h2 class="accordion-header"><button class="accordion-button">Wie betaalt?</button></h2>'
        '<div class="accordion-collapse"><p>De provincie.</p></div>'
        "<p><strong>Wanneer begint het?</strong> In mei, na de aanmelding.</p>"
        "</form></body></html>",
        encoding="utf-8",
    )
    assert pairs(imported(invoke, tmp_path, source)) == [
        (1, "Wat kost het?", "Niets."),
        (2, "Wie betaalt?", "De provincie."),
        (3, "Wanneer begint het?", "In mei, na de aanmelding."),
    ]


def test_a_page_that_answers_the_question_its_title_asks(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "paspoort.html"
    source.write_text(
        '<html><body><nav><a href="/">Home</a></nav><h1>Hoe vraag ik een paspoort aan?</h1>'
        "<p>Bij uw gemeente.</p><h2>Wat neemt u mee</h2><p>Een pasfoto.</p><h2>Kosten</h2><p>Verschilt.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    assert pairs(imported(invoke, tmp_path, source)) == [
        (
            1,
            "Hoe vraag ik een paspoort aan?",
            "Bij uw gemeente.\n\nWat neemt u mee\n\nEen pasfoto.\n\nKosten\n\nVerschilt.",
        )
    ]


def test_questions_in_bold_lines_are_said_to_be_in_bold(invoke: Invoke, tmp_path: Path) -> None:
    """The structure that found them is named as a reader sees it: 'lines in bold', not 'level-7
    headings' (ecoqa ranks bold lines below the six heading levels), in the dry run and in the
    corpus's note on where it came from."""
    source = tmp_path / "support.md"
    source.write_text(
        "# Support\n\n" + "".join(f"**How do I do thing {n}?**\nYou do thing {n} like this.\n\n" for n in range(4)),
        encoding="utf-8",
    )
    dry = invoke("import", str(source), "--dry-run").stdout
    assert "(lines in bold)" in dry and "level-7" not in dry, dry
    document = imported(invoke, tmp_path, source)
    assert "(lines in bold)" in document["provenance"]["source_en"]
