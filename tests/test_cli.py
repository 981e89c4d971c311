"""The CLI through Typer's runner: exact messages, exit codes, stdout and stderr apart."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from ecoqa.cli import ExitCode


def test_overview_without_arguments(invoke: Any) -> None:
    result = invoke()
    assert result.exit_code == 0, result.stderr
    assert "Orchestrating Innovation" in result.stdout
    assert "Maxine Tillij" in result.stdout and "Rinke Zonneveld" in result.stdout
    assert "24 vragen" in result.stdout
    assert "ecoqa search financing" in result.stdout
    assert result.stderr == ""


def test_version(invoke: Any) -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("ecoqa ")


def test_show_10_has_every_section(invoke: Any) -> None:
    result = invoke("show", "10")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for section in (
        "Vraag 10",
        "Antwoord",
        "Kernpunten",
        "Principes",
        "Onderwerpen",
        "Verwijzingen",
        "Gerelateerde vragen",
        "Bron",
    ):
        assert section in out, section
    assert "Value Case Methodology" in out
    assert "afgeleid, geen citaat" in out
    assert "2021-02-17" in out
    assert result.stderr == ""


def test_show_says_once_where_the_answers_come_from(invoke: Any) -> None:
    """Who answered is said once per screen, after the questions, not in an 11-line panel per question."""
    for ids in (["10"], ["3", "5"]):
        out = invoke("show", *ids, env={"COLUMNS": "100"}).stdout
        assert out.count("De pagina zegt niet wie") == 1 and out.count("Bron") == 1, ids
        source = out[out.index("Bron") :].splitlines()
        assert len(source) <= 7 and "TNO & InnovationQuarter" in source[0] and "2021-02-17" in source[0], source


def test_show_in_english_is_labelled_as_translation(invoke: Any) -> None:
    result = invoke("show", "10", "--lang", "en")
    assert result.exit_code == 0
    assert "Question 10" in result.stdout
    assert "English translation of the Dutch original (derived)" in result.stdout
    assert "Value Case Methodology" in result.stdout


def test_show_keeps_the_list_of_question_12(invoke: Any) -> None:
    out = invoke("show", "12").stdout
    assert "- kennisdeling via bijvoorbeeld webinars" in out


def test_show_marks_links_missing_from_the_source(invoke: Any) -> None:
    out = invoke("show", "17").stdout
    assert "link staat niet in de bron" in out


def test_show_several_ids(invoke: Any) -> None:
    result = invoke("show", "3", "5")
    assert result.exit_code == 0
    assert "Vraag 3" in result.stdout and "Vraag 5" in result.stdout


def test_show_json(invoke: Any, qa: dict[str, Any]) -> None:
    result = invoke("show", "12", "--json")
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    entry = payload["results"][0]
    assert entry["id"] == 12
    assert entry["answer"] == qa["questions"][11]["answer"]
    assert "mkb" in entry["topics"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["show", "99"], ExitCode.USAGE, "ecoqa: no question '99'; valid ids are 1-24.\n"),
        (
            ["show", "abc"],
            ExitCode.USAGE,
            "ecoqa: no question 'abc'; valid ids are 1-24. (to search, use: ecoqa search 'abc')\n",
        ),
        (["show", "0"], ExitCode.USAGE, "ecoqa: no question '0'; valid ids are 1-24.\n"),
        # a negative number is an id out of range, not an unknown option -5 (no ecoqa option is a number)
        (["show", "-5"], ExitCode.USAGE, "ecoqa: no question '-5'; valid ids are 1-24.\n"),
        (["show", "3", "-5", "--json"], ExitCode.USAGE, "ecoqa: no question '-5'; valid ids are 1-24.\n"),
        (  # an option's value stays its value
            ["list", "-n", "-5"],
            ExitCode.USAGE,
            "ecoqa: invalid value for --limit: must be 1 or more; see 'ecoqa list --help'.\n",
        ),
        (["list", "--topic", "smes2"], ExitCode.USAGE, "ecoqa: unknown topic 'smes2'; did you mean mkb?\n"),
        (["list", "--principle", "nope"], ExitCode.USAGE, "ecoqa: unknown principle 'nope'; see 'ecoqa principles'.\n"),
        (["principles", "nope"], ExitCode.USAGE, "ecoqa: unknown principle 'nope'; see 'ecoqa principles'.\n"),
        (
            ["search", ""],
            ExitCode.USAGE,
            "ecoqa: empty query; give a word to search for, e.g. 'ecoqa search financing'.\n",
        ),
        (
            ["search", "?!"],
            ExitCode.USAGE,
            "ecoqa: the query has no words to search for; try a word such as 'financiering'.\n",
        ),
        (["search", "zzzzqqq"], ExitCode.NO_MATCH, "ecoqa: no matches for 'zzzzqqq'; try other words.\n"),
        (
            ["search", "--data", "/nonexistent/qa.json", "x"],
            ExitCode.CORPUS,
            "ecoqa: /nonexistent/qa.json: file not found; check the path given with --data or ECOQA_DATA.\n",
        ),
    ],
)
@pytest.mark.usefixtures("english")
def test_error_messages_and_exit_codes(invoke: Any, args: list[str], code: int, message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == code
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stdout == ""
    assert result.stderr == message


def test_typer_usage_errors_exit_2(invoke: Any) -> None:
    result = invoke("search", "x", "--limit", "0")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--limit" in result.stderr


def test_list_all(invoke: Any) -> None:
    result = invoke("list", "--plain")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 24
    assert lines[0].startswith("1\tWat zijn de belangrijkste principes")


@pytest.mark.parametrize("name", ["mkb", "MKB", "SMEs", "sme", "midden- en kleinbedrijf", "Midden-  en Kleinbedrijf"])
def test_list_topic_accepts_id_label_alias_any_case(invoke: Any, name: str) -> None:
    result = invoke("list", "--topic", name, "--json")
    assert result.exit_code == 0, result.stderr
    ids = [r["id"] for r in json.loads(result.stdout)["results"]]
    assert 12 in ids


def test_several_topics_narrow_the_list(invoke: Any) -> None:
    one = [r["id"] for r in json.loads(invoke("list", "--topic", "financiering", "--json").stdout)["results"]]
    two = [
        r["id"] for r in json.loads(invoke("list", "-t", "financiering", "-t", "overheid", "--json").stdout)["results"]
    ]
    assert set(two) < set(one)
    assert two == [9, 13, 22]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_list_at_100_columns_gives_topics_the_room_the_questions_leave(invoke: Any, lang: str) -> None:
    """The topics column no longer wraps names over three lines while the question column has room."""
    out = invoke("list", "--table", "--lang", lang, env={"COLUMNS": "100"}).stdout
    longest = {"nl": "Orchestrating Innovation en leiderschap", "en": "Demand-driven innovation"}[lang]
    assert longest in out  # a topic name on one line, not one word a line
    assert len(out.splitlines()) <= 76, len(out.splitlines())  # 107 lines before, topics over 5 lines


def test_list_by_principle(invoke: Any) -> None:
    result = invoke("list", "--principle", "tijdelijk-eigenaarschap", "--json")
    assert [r["id"] for r in json.loads(result.stdout)["results"]] == [3]


def test_list_english(invoke: Any) -> None:
    result = invoke("list", "--lang", "en", "--plain")
    assert "12\tThe Netherlands has a large SME sector." in result.stdout


def test_search_financing_finds_dutch_answers(invoke: Any) -> None:
    result = invoke("search", "financing", "--json")
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["query"] == "financing"
    ids = [r["id"] for r in payload["results"]]
    assert set(ids[:5]) <= {8, 9, 13, 20, 22}
    first = payload["results"][0]
    assert set(first) >= {"id", "score", "question", "field", "snippet"}
    scores = [r["score"] for r in payload["results"]]
    assert scores == sorted(scores, reverse=True)


def test_search_table_shows_snippet_and_field(invoke: Any) -> None:
    result = invoke("search", "Mazucato", "--table")
    assert result.exit_code == 0
    assert "Mazzucato zijn daar illustratief voor." in result.stdout
    assert "antwoord: " in result.stdout
    english = invoke("search", "Mazucato", "--table", "--lang", "en").stdout
    assert "answer (translation): " in english


def test_search_words_without_quotes(invoke: Any) -> None:
    payload = json.loads(invoke("search", "tijdelijk", "eigenaarschap", "--json").stdout)
    assert payload["query"] == "tijdelijk eigenaarschap"
    assert payload["results"][0]["id"] == 3


def test_search_limit_and_topic(invoke: Any) -> None:
    payload = json.loads(invoke("search", "financing", "--limit", "2", "--json").stdout)
    assert len(payload["results"]) == 2
    payload = json.loads(invoke("search", "financing", "--topic", "overheid", "--json").stdout)
    assert {r["id"] for r in payload["results"]} <= {9, 13, 16, 21, 22}


def test_search_explain(invoke: Any) -> None:
    result = invoke("search", "SMEs", "--explain", "--table")
    assert "smes → onderwerp mkb (alias ×0.9)" in result.stdout  # a Dutch screen names the topic in Dutch
    payload = json.loads(invoke("search", "consorium", "--explain", "--json").stdout)
    kinds = {m["kind"] for m in payload["results"][0]["matches"]}
    assert "typo1" in kinds


@pytest.mark.usefixtures("english")
def test_search_no_match_json_is_empty_list(invoke: Any) -> None:
    result = invoke("search", "zzzzqqq", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["results"] == []
    assert result.stderr.startswith("ecoqa: no matches")


@pytest.mark.usefixtures("english")
def test_search_suggests_close_words(invoke: Any) -> None:
    result = invoke("search", "primr")
    assert result.exit_code == 1
    assert result.stderr == "ecoqa: no matches for 'primr'; did you mean: primair?\n"


@pytest.mark.usefixtures("english")
def test_search_recovers_from_a_confident_correction(invoke: Any) -> None:
    result = invoke("search", "imleementaation", "--plain")
    assert result.exit_code == 0
    assert result.stdout.startswith("8\t")
    assert result.stderr == "ecoqa: no matches for 'imleementaation'; showing results for 'implementation'.\n"


def test_search_english_snippet_with_lang_en(invoke: Any) -> None:
    payload = json.loads(invoke("search", "citizens", "--lang", "en", "--json").stdout)
    first = payload["results"][0]
    assert first["id"] == 19
    assert first["field"] in ("question_en", "answer_en", "key_points_en")
    assert "citizen" in first["snippet"].lower()


@pytest.mark.parametrize("command", ["topics", "speakers", "principles", "info"])
def test_listing_commands_text_and_json(invoke: Any, command: str) -> None:
    text = invoke(command)
    assert text.exit_code == 0 and text.stdout and text.stderr == ""
    data = json.loads(invoke(command, "--json").stdout)
    assert isinstance(data, dict)


def test_speakers_then_people(invoke: Any) -> None:
    out = invoke("speakers").stdout
    assert out.index("Maxine Tillij") < out.index("Prof. Erik Stam")
    assert "marktdirecteur" in out
    people = json.loads(invoke("speakers", "--json").stdout)["people"]
    assert {p["name"]: p["questions"] for p in people}["Prof. Mazzucato"] == [9]


def test_principle_detail_with_evidence(invoke: Any) -> None:
    result = invoke("principles", "tijdelijk-eigenaarschap", "--table")
    assert "Dit doen wij door dialoog te organiseren." in result.stdout
    data = json.loads(invoke("principles", "value-case", "--json").stdout)
    assert data["principles"][0]["questions"] == [10]


def test_info(invoke: Any) -> None:
    out = invoke("info", "--table").stdout
    assert "Lotte de Groen, MSc" in out
    assert "Twee tips om de focus binnen een ecosysteem in balans te houden" in out
    assert json.loads(invoke("info", "--json").stdout)["counts"]["questions"] == 24


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_info_row_labels_are_all_lower_case(invoke: Any, lang: str) -> None:
    """'sprekers' as 'titel' and 'datum' beside it, not 'Sprekers'."""
    panel = invoke("--lang", lang, "info", "--table", env={"COLUMNS": "100"}).stdout
    labels = [line.strip("│ ") for line in panel.splitlines() if re.match(r"│ \S+( \S+)? +│", line)]  # not the note
    assert len(labels) >= 5 and all(text[0].islower() for text in labels), labels


def test_data_option_and_environment(invoke: Any, tiny_corpus: Path) -> None:
    by_option = invoke("list", "--plain", "--data", str(tiny_corpus))
    by_env = invoke("list", "--plain", env={"ECOQA_DATA": str(tiny_corpus)})
    assert by_option.exit_code == by_env.exit_code == 0
    assert by_option.stdout == by_env.stdout
    assert by_option.stdout.splitlines()[1] == "2\tHoe werkt financiering?"


def test_minimal_corpus_works_everywhere(invoke: Any, tmp_path: Path) -> None:
    path = tmp_path / "min.json"
    path.write_text(json.dumps({"questions": [{"id": 1, "question": "Wat?", "answer": "Dit over fondsen."}]}))
    for args in (["show", "1"], ["list"], ["search", "fonds"], ["topics"], ["speakers"], ["principles"], ["info"]):
        result = invoke(*args, "--data", str(path))
        assert result.exit_code == 0, (args, result.stderr)


def test_every_command_has_help(invoke: Any) -> None:
    commands = [
        "",
        "list",
        "show",
        "search",
        "topics",
        "speakers",
        "principles",
        "info",
        "validate",
        "export",
        "browse",
        "import",
        "config",
    ]
    for command in commands:
        result = invoke(*command.split(), "--help")
        assert result.exit_code == 0, command
        assert "Usage: " in result.stdout
    assert (
        "Exit codes: 0 success, 1 nothing found, 2 usage error, 3 corpus error, 70 internal error, 74 output error, "
        "75 damaged index removed (run again), 129 hung up, 130 interrupted, 143 terminated."
    ) in " ".join(invoke("--help").stdout.split())
    assert "ecoqa search financing" in invoke("search", "--help").stdout


def test_export_formats(invoke: Any, tmp_path: Path) -> None:
    markdown = invoke("export", "--format", "markdown", "--topic", "mkb")
    assert markdown.exit_code == 0
    assert "## 12. Nederland heeft een groot MKB." in markdown.stdout
    target = tmp_path / "out.html"
    result = invoke("export", "--format", "html", "--lang", "en", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "http" not in page
    data = json.loads(invoke("export", "--format", "json").stdout)
    assert len(data["questions"]) == 24


def test_exported_related_questions_link_only_inside_the_document(invoke: Any) -> None:
    """A related question the document includes is a link to its section; one it leaves out
    (here: outside the topic) is named with its id and question, without a link."""
    chosen = json.loads(invoke("export", "-f", "json", "--topic", "samenwerking").stdout)["questions"]
    included = {e["id"] for e in chosen}
    shown = json.loads(invoke("show", *(str(i) for i in included), "--json").stdout)["results"]
    related = [r for e in shown for r in e["related"]]
    assert set(related) & included and set(related) - included
    questions = {e["id"]: e["question"] for e in json.loads(invoke("export", "-f", "json").stdout)["questions"]}
    markdown = invoke("export", "-f", "md", "--topic", "samenwerking").stdout
    page = invoke("export", "-f", "html", "--topic", "samenwerking").stdout
    for rid in related:
        text = " ".join(questions[rid].split())
        if rid in included:
            assert f"- [{rid}. {text}](#q{rid})" in markdown
            assert f'<li><a href="#q{rid}">{rid}. {html.escape(text)}</a></li>' in page
        else:
            assert f"\n- {rid}\\. {text}\n" in markdown and f"(#q{rid})" not in markdown  # one bullet, no numbered list
            assert f"<li>{rid}. {html.escape(text)}</li>" in page and f'"#q{rid}"' not in page


@pytest.mark.parametrize(
    "args",
    [
        ["show", "12"],
        ["show", "10", "--lang", "en"],
        ["list", "--table"],
        ["search", "financing", "--table"],
        ["info", "--table"],
        ["principles", "1", "--table"],
        ["principles", "--table"],
        ["topics", "--table"],
        ["speakers", "--table"],
        [],
    ],
)
def test_narrow_terminal_stays_within_40_columns(invoke: Any, args: list[str]) -> None:
    result = invoke(*args, env={"COLUMNS": "40"})
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 40


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_word_wider_than_a_narrow_screen_folds_and_is_never_cut(invoke: Any, lang: str) -> None:
    """At 40 columns question 1's principle id '(voortbouwen-op-bestaand-ecosysteem)' is longer than
    its panel: it folds onto the next line, whole, instead of ending in '…'."""
    shown = invoke("--lang", lang, "show", "1", env={"COLUMNS": "40"}).stdout
    assert "…" not in shown
    joined = "".join(line.strip("│ ") for line in shown.splitlines())
    assert "(voortbouwen-op-bestaand-ecosysteem)" in joined


def test_explain_speaks_the_interface_language_and_json_keeps_the_kinds(invoke: Any) -> None:
    """A Dutch screen: 'onderwerp financiering', '1 tikfout'; not 'topic' or 'typo1' among Dutch lines."""
    dutch = invoke("search", "finacing", "--explain", "--table", env={"COLUMNS": "100"}).stdout
    assert "onderwerp financiering" in dutch and "topic " not in dutch and "typo" not in dutch, dutch
    english = invoke("search", "finacing", "--explain", "--table", "--lang", "en", env={"COLUMNS": "100"}).stdout
    assert "topic financiering" in english and "onderwerp" not in english, english
    kinds = {
        m["kind"]
        for r in json.loads(invoke("search", "finacing", "--explain", "--json").stdout)["results"]
        for m in r["matches"]
    }
    assert kinds and kinds <= {
        "exact",
        "alias",
        "loose alias",
        "prefix",
        "typo1",
        "typo2",
        "family",
        "compound",
        "part",
    }


def test_browse_refuses_without_a_terminal(invoke: Any, tmp_path: Path) -> None:
    """In the corpus's language, though the corpus is not read: the bundled one's Dutch, an English one's English."""
    result = invoke("browse")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "ecoqa: browse heeft een interactieve terminal nodig; gebruik in scripts 'ecoqa search' of 'ecoqa list'.\n"
    )
    english = tmp_path / "en.json"
    english.write_text('{"collection": {"language": "en"}, "questions": []}', encoding="utf-8")
    assert invoke("--data", str(english), "browse").stderr == (
        f"ecoqa: browse needs an interactive terminal; in scripts use 'ecoqa --data {english} search' or "
        f"'ecoqa --data {english} list'.\n"
    )


@pytest.mark.parametrize(
    ("args", "line", "dutch"),
    [
        (
            ["show", "--bogus"],
            "ecoqa: 'ecoqa show' has no option --bogus; see 'ecoqa show --help'.",
            "ecoqa: 'ecoqa show' kent geen optie --bogus; zie 'ecoqa show --help'.",
        ),
        (  # not Click's "(Possible options: --data)"
            ["show", "10", "--table"],
            "ecoqa: 'ecoqa show' has no option --table; see 'ecoqa show --help'.",
            "ecoqa: 'ecoqa show' kent geen optie --table; zie 'ecoqa show --help'.",
        ),
        (
            ["show", "10", "--jsn"],
            "ecoqa: 'ecoqa show' has no option --jsn; did you mean --json?",
            "ecoqa: 'ecoqa show' kent geen optie --jsn; bedoelt u --json?",
        ),
        (
            ["list", "--limit", "0"],
            "ecoqa: invalid value for --limit: must be 1 or more; see 'ecoqa list --help'.",
            "ecoqa: ongeldige waarde voor --limit: moet 1 of meer zijn; zie 'ecoqa list --help'.",
        ),
        (  # not pydantic's "Input should be a valid integer, unable to parse string as an integer"
            ["list", "-n", "abc"],
            "ecoqa: invalid value for --limit: 'abc' is not a whole number; see 'ecoqa list --help'.",
            "ecoqa: ongeldige waarde voor --limit: 'abc' is geen geheel getal; zie 'ecoqa list --help'.",
        ),
        (
            ["show"],
            "ecoqa: missing argument ID...; see 'ecoqa show --help'.",
            "ecoqa: argument ID... ontbreekt; zie 'ecoqa show --help'.",
        ),
        (
            ["show", "10", "--data"],
            "ecoqa: --data needs a value; see 'ecoqa show --help'.",
            "ecoqa: --data heeft een waarde nodig; zie 'ecoqa show --help'.",
        ),
        (
            ["show", "10", "--json=yes"],
            "ecoqa: --json takes no value; see 'ecoqa show --help'.",
            "ecoqa: --json neemt geen waarde; zie 'ecoqa show --help'.",
        ),
        (
            ["config", "lang", "en", "fr"],
            "ecoqa: unexpected argument 'fr'; see 'ecoqa config --help'.",
            "ecoqa: onverwacht argument 'fr'; zie 'ecoqa config --help'.",
        ),
        (
            ["exprt"],
            "ecoqa: no command 'exprt'; did you mean 'ecoqa export'?",
            "ecoqa: geen opdracht 'exprt'; bedoelt u 'ecoqa export'?",
        ),
        (
            ["--bogus"],
            "ecoqa: 'ecoqa' has no option --bogus; see 'ecoqa --help'.",
            "ecoqa: 'ecoqa' kent geen optie --bogus; zie 'ecoqa --help'.",
        ),
        (
            ["--json", "10"],
            "ecoqa: --json goes after the command, e.g. 'ecoqa show 10 --json'; see 'ecoqa --help'.",
            "ecoqa: --json hoort na de opdracht, bijvoorbeeld 'ecoqa show 10 --json'; zie 'ecoqa --help'.",
        ),
    ],
)
def test_usage_errors_are_one_line_in_the_interface_language(
    invoke: Any, args: list[str], line: str, dutch: str
) -> None:
    """Click's mistakes in ecoqa's words: English when asked, else the (Dutch) corpus's language,
    also when Click stopped before the --lang that follows."""
    takes_lang_after = args[0] not in ("config", "--json", "--bogus") and args[-1] != "--data"
    after = [invoke(*args, "--lang", "en")] if takes_lang_after else []
    for english in (invoke("--lang", "en", *args), invoke(*args, env={"ECOQA_LANG": "en"}), *after):
        assert (english.exit_code, english.stderr, english.stdout) == (ExitCode.USAGE, line + "\n", "")
    for said in (invoke(*args), invoke("--lang", "nl", *args, env={"ECOQA_LANG": "en"})):
        assert (said.exit_code, said.stderr, said.stdout) == (ExitCode.USAGE, dutch + "\n", "")


def test_usage_errors_are_one_line_from_the_console_script(tmp_path: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "ecoqa", "show", "--bogus"], capture_output=True, text=True, timeout=60, check=False
    )
    assert (result.returncode, result.stderr) == (
        2,
        "ecoqa: 'ecoqa show' kent geen optie --bogus; zie 'ecoqa show --help'.\n",
    )


def test_an_empty_json_result_is_an_empty_list(invoke: Any) -> None:
    result = invoke("search", "xyzzy", "--json")
    assert result.exit_code == ExitCode.NO_MATCH
    assert (
        result.stdout
        == '{"version": 2, "query": "xyzzy", "total": 0, "results": [], "suggestions": [], "corrected": ""}\n'
    )
    assert json.loads(invoke("search", "toyota", "--json").stdout)["results"][0]["id"] == 2


def test_validate_json_gives_the_file_its_verdict_and_every_problem(invoke: Any, tmp_path: Path) -> None:
    """``validate --json`` (in its --help): each problem with its place, exit 3; a valid file, exit 0."""
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"questions": [{"id": 1, "question": "q"}, {"id": 1, "question": "q", "answer": "a"}]}))
    result = invoke("validate", "--json", str(bad))
    assert result.exit_code == ExitCode.CORPUS and result.stderr == ""
    report = json.loads(result.stdout)
    assert (report["version"], report["file"], report["valid"]) == (2, str(bad), False)
    assert [problem["where"] for problem in report["problems"]] == [
        f"{bad}: questions[0] (id 1)",
        f"{bad}: questions[1] (id 1)",
    ]
    assert "answer" in report["problems"][0]["message"] and "duplicate id 1" in report["problems"][1]["message"]
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"questions": [{"id": 1, "question": "q", "answer": "a"}]}))
    result = invoke("validate", "--json", str(good))
    assert result.exit_code == 0 and json.loads(result.stdout) == {
        "version": 2,
        "file": str(good),
        "valid": True,
        "problems": [],
    }


def test_a_run_makes_only_the_click_command_it_runs(capsys: pytest.CaptureFixture[str]) -> None:
    """``ecoqa show 10`` (and its shortcut ``ecoqa 10``) makes the click command of ``show`` alone:
    making every command cost start-up more than showing the question."""
    from ecoqa.cli.options import click_app

    for args in (["show", "10", "--json"], ["10", "--json"]):
        group = click_app()
        assert group.main(args, prog_name="ecoqa", standalone_mode=False) == 0
        assert json.loads(capsys.readouterr().out)["results"][0]["id"] == 10
        assert group.commands.made() == {"show"}


def test_commands_made_when_used_are_the_commands_typer_makes() -> None:
    """The lazily made group has the same commands in the same order, each with the same
    parameters and help, and the same --help, as Typer's own."""
    import typer

    from ecoqa.cli import app
    from ecoqa.cli.options import click_app

    eager, lazy = typer.main.get_command(app), click_app()
    assert list(lazy.commands) == list(eager.commands) and len(lazy.commands) == len(eager.commands) > 10

    def described(command: Any) -> list[tuple[Any, ...]]:
        return [(p.name, p.opts, p.secondary_opts, getattr(p, "help", None), p.required) for p in command.params]

    for name, command in eager.commands.items():  # type: ignore[attr-defined]
        assert described(lazy.commands[name]) == described(command), name
        assert lazy.commands[name].help == command.help, name
    assert described(lazy) == described(eager)
    assert lazy.get_help(lazy.make_context("ecoqa", [])) == eager.get_help(eager.make_context("ecoqa", []))
