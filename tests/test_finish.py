"""What every user meets: the pager, a language set once, piped rows, honest counts, help, shortcuts."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest


def run_in_terminal(args: list[str], tmp_path: Path, **extra: str) -> tuple[int, str]:
    """Run ecoqa with stdout on a pseudo-terminal; return the exit code and what reached the terminal."""
    env = {k: v for k, v in os.environ.items() if k not in ("ECOQA_PAGER", "PAGER", "NO_COLOR", "TERM")}
    env.update({"COLUMNS": "80", "LINES": "10", "TERM": "xterm", "ECOQA_CONFIG": str(tmp_path / "none")} | extra)
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "ecoqa", *args], stdin=follower, stdout=follower, stderr=subprocess.PIPE, env=env
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    _, stderr = process.communicate(timeout=60)
    os.close(leader)
    assert b"Traceback" not in stderr and b"internal error" not in stderr, stderr
    return process.returncode, b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture
def pager(tmp_path: Path) -> tuple[str, Path]:
    """A pager that records what it was given."""
    target = tmp_path / "paged.txt"
    return f"sh -c 'cat > {target}'", target


# ---------------------------------------------------------------------------- pager


def test_long_output_goes_through_the_pager(tmp_path: Path, pager: tuple[str, Path]) -> None:
    command, target = pager
    code, screen = run_in_terminal(["show", "10"], tmp_path, ECOQA_PAGER=command)
    assert code == 0
    paged = target.read_text()
    assert "Value Case Methodology" in paged and "Bron" in paged
    assert "Value Case Methodology" not in screen  # the terminal saw only the pager


def test_short_output_is_not_paged(tmp_path: Path, pager: tuple[str, Path]) -> None:
    command, target = pager
    code, screen = run_in_terminal(["list", "--limit", "2"], tmp_path, ECOQA_PAGER=command, LINES="40")
    assert code == 0
    assert not target.exists()
    assert "Toyota" in screen


def test_no_pager_flag_and_empty_pager_setting(tmp_path: Path, pager: tuple[str, Path]) -> None:
    command, target = pager
    code, screen = run_in_terminal(["show", "10", "--no-pager"], tmp_path, ECOQA_PAGER=command)
    assert code == 0 and not target.exists() and "Value Case Methodology" in screen
    code, screen = run_in_terminal(["show", "10"], tmp_path, ECOQA_PAGER="")
    assert code == 0 and "Value Case Methodology" in screen


def test_the_pager_keeps_colours(tmp_path: Path, pager: tuple[str, Path]) -> None:
    command, target = pager
    run_in_terminal(["show", "10"], tmp_path, ECOQA_PAGER=command)
    assert "\x1b[" in target.read_text()


def test_no_pager_on_a_dumb_terminal(tmp_path: Path, pager: tuple[str, Path]) -> None:
    """less on TERM=dumb stops at 'terminal is not fully functional': print directly instead."""
    command, target = pager
    code, screen = run_in_terminal(["show", "10"], tmp_path, ECOQA_PAGER=command, TERM="dumb")
    assert code == 0 and not target.exists() and "Value Case Methodology" in screen


@pytest.mark.parametrize(("less", "given"), [(None, "FRX"), ("-i", "-i -R"), ("-iR", "-iR")])
def test_less_always_gets_r_for_colours(tmp_path: Path, less: str | None, given: str) -> None:
    """A user's LESS without R would show colour codes raw: R is added when the pager is less."""
    folder = tmp_path / "bin"
    folder.mkdir()
    fake = folder / "less"
    fake.write_text(f"#!/bin/sh\nprintf '%s' \"$LESS\" > {tmp_path / 'less-env'}\ncat > /dev/null\n")
    fake.chmod(0o755)
    extra = {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}", "ECOQA_PAGER": "less"}
    if less is not None:
        extra["LESS"] = less
    code, _ = run_in_terminal(["show", "10"], tmp_path, **extra)
    assert code == 0 and (tmp_path / "less-env").read_text() == given


def test_export_to_a_terminal_is_paged_or_says_to_use_a_file(tmp_path: Path, pager: tuple[str, Path]) -> None:
    command, target = pager
    code, screen = run_in_terminal(["export", "10"], tmp_path, ECOQA_PAGER=command)
    assert code == 0 and "## 10. " in target.read_text() and "## 10. " not in screen
    code, screen = run_in_terminal(["export", "10", "--no-pager"], tmp_path)
    assert code == 0 and "## 10. " in screen


def test_piped_output_is_never_paged(tmp_path: Path, pager: tuple[str, Path]) -> None:
    command, target = pager
    env = dict(os.environ, ECOQA_PAGER=command, LINES="5")
    result = subprocess.run([sys.executable, "-m", "ecoqa", "show", "10"], capture_output=True, env=env, timeout=60)
    assert result.returncode == 0 and b"Value Case Methodology" in result.stdout
    assert not target.exists()


# ---------------------------------------------------------------------------- language set once


def test_ecoqa_lang_sets_the_language(invoke: Any) -> None:
    result = invoke("list", "--plain", env={"ECOQA_LANG": "en"})
    assert (
        result.stdout.splitlines()[11]
        == "12\tThe Netherlands has a large SME sector. How do you stimulate innovative entrepreneurship within SMEs?"
    )
    overview = invoke(env={"ECOQA_LANG": "en"})
    assert "24 questions" in overview.stdout and "Try:" in overview.stdout


@pytest.mark.parametrize("spelling", ["en", "EN", "English", "engels"])
def test_lang_in_any_case_and_spelling(invoke: Any, spelling: str) -> None:
    result = invoke("show", "3", "--lang", spelling)
    assert result.exit_code == 0 and "Question 3" in result.stdout


def test_unknown_language_is_a_usage_error(invoke: Any) -> None:
    """Said in the language ecoqa speaks without the --lang it cannot use: the bundled corpus's Dutch."""
    result = invoke("show", "3", "--lang", "fr")
    assert result.exit_code == 2
    assert result.stderr == "ecoqa: lang moet een van nl, en zijn, niet 'fr'.\n"
    english = invoke("show", "3", "--lang", "fr", env={"ECOQA_LANG": "en"})
    assert english.stderr == "ecoqa: lang must be one of nl, en, not 'fr'.\n"


def test_the_group_level_options_reach_the_command(invoke: Any) -> None:
    result = invoke("--lang", "en", "show", "3")
    assert "Question 3" in result.stdout


def test_group_level_color_reaches_the_command(invoke: Any) -> None:
    """``ecoqa --color always show 10`` colours as ``ecoqa show 10 --color always`` does."""
    assert "\x1b[" in invoke("--color", "always", "show", "10").stdout
    assert "\x1b[" in invoke("--color", "always", "list", "--table").stdout
    assert "\x1b[" not in invoke("--color", "never", "show", "10", env={"FORCE_COLOR": "1"}).stdout


def test_group_level_data_reaches_the_command(invoke: Any, tiny_corpus: Path) -> None:
    assert invoke("--data", str(tiny_corpus), "list", "--plain").stdout.count("\n") == 3


def test_config_file_sets_and_shows_the_language(invoke: Any, tmp_path: Path) -> None:
    config = tmp_path / "config"
    env = {"ECOQA_CONFIG": str(config)}
    saved = invoke("config", "lang", "English", env=env)
    assert saved.exit_code == 0 and saved.stdout == f"lang saved in {config}\n"
    assert config.read_text() == "# ecoqa settings; change them with: ecoqa config KEY VALUE\nlang = en\n"
    assert "Question 3" in invoke("show", "3", env=env).stdout
    shown = invoke("config", env=env)
    assert shown.stdout.splitlines()[0] == f"lang\ten\t({config})"
    assert invoke("config", "lang", env=env | {"ECOQA_LANG": "nl"}).stdout == "lang\tnl\t(ECOQA_LANG)\n"
    assert invoke("show", "3", "--lang", "nl", env=env).stdout.startswith("╭─ Vraag 3")
    invoke("config", "--unset", "lang", env=env)
    # nothing set: config speaks the language of the corpus in use, the bundled one's Dutch
    assert invoke("config", "lang", env=env).stdout == "lang\tnl\t(standaard)\n"


def test_config_shows_its_file_and_unsetting_twice_says_so(invoke: Any, tmp_path: Path) -> None:
    """Finding 6 of #28: the path before anything is set; a second --unset is not 'removed' again."""
    config = tmp_path / "sub" / "config"
    env = {"ECOQA_CONFIG": str(config)}
    assert invoke("config", env=env).stdout.splitlines()[-1] == f"file\t{config}\t(nog niet aangemaakt)"
    invoke("config", "lang", "en", env=env)
    assert invoke("config", env=env).stdout.splitlines()[-1] == f"file\t{config}\t(exists)"
    # said in the language in force after the change: nothing set, the bundled corpus's Dutch
    assert invoke("config", "--unset", "lang", env=env).stdout == f"lang verwijderd uit {config}\n"
    assert invoke("--lang", "en", "config", "--unset", "lang", env=env).stdout == f"lang is not set in {config}\n"
    alone = invoke("--lang", "en", "config", "--unset", env=env)
    assert (
        alone.exit_code == 2
        and alone.stderr == "ecoqa: give the setting to remove, e.g. 'ecoqa config --unset lang'.\n"
    )


def test_config_shows_a_setting_with_escapes_made_visible(invoke: Any, tmp_path: Path) -> None:
    """A pager set in the config file or the environment is shown without its escape sequences."""
    config = tmp_path / "config"
    config.write_bytes(b"pager = \x1b]0;pwned\x07\n")
    shown = invoke("config", env={"ECOQA_CONFIG": str(config)}).stdout
    assert "\x1b" not in shown and "pager\t\\x1b]0;pwned\\x07\t(" in shown
    from_env = invoke("config", "pager", env={"ECOQA_PAGER": "less \x1b[2J"}).stdout
    assert from_env == "pager\tless \\x1b[2J\t(ECOQA_PAGER)\n"


@pytest.mark.usefixtures("english")
def test_a_broken_config_file_warns_and_does_not_stop_a_command(invoke: Any, tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.write_text("nonsense\n")
    result = invoke("list", "--limit", "1", "--plain", env={"ECOQA_CONFIG": str(config)})
    assert result.exit_code == 0 and result.stdout.startswith("1\t")
    assert result.stderr == (
        f"ecoqa: warning: {config}:1: expected 'key = value' with a key out of lang, color, pager, data; "
        "using the defaults.\n"
    )


def test_one_language_per_screen(invoke: Any) -> None:
    dutch = invoke("search", "financing", "--table").stdout
    assert "antwoord:" in dutch and "answer" not in dutch
    english = invoke("list", "--table", "--lang", "en").stdout
    assert "Financing" in english and "financiering," not in english
    topics = invoke("topics", "--table", "--lang", "en").stdout
    assert "Name" in topics and "Naam" not in topics


def test_json_carries_field_names_not_labels(invoke: Any) -> None:
    payload = json.loads(invoke("search", "citizens", "--lang", "en", "--json").stdout)
    assert payload["results"][0]["field"] in ("question_en", "answer_en", "key_points_en")
    assert payload["version"] == 2


# ---------------------------------------------------------------------------- piped rows, counts


@pytest.mark.parametrize(
    ("args", "first"),
    [
        (
            ["list"],
            "1\tWat zijn de belangrijkste principes waar je rekening mee moet houden als je een ecosysteem opzet?",
        ),
        (["topics"], "ecosysteem\tEcosystemen\t1,2,4,5,7,11,17,20,23,24\t"),
        (["principles"], "1\tmissie-centraal\tDe missie centraal\t1,2,21\t"),
        (["speakers"], "speaker\tMaxine Tillij\tmarktdirecteur\tTNO"),
    ],
)
def test_piped_tables_are_one_tab_separated_line_per_row(invoke: Any, args: list[str], first: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith(first)
    assert all("│" not in line for line in result.stdout.splitlines())


def test_grep_sees_whole_rows(invoke: Any) -> None:
    rows = [line for line in invoke("list").stdout.splitlines() if "ondernemerschap" in line]
    assert rows == ["12\tNederland heeft een groot MKB. Hoe stimuleer je vernieuwend ondernemerschap binnen het MKB?"]


def test_table_flag_forces_the_table(invoke: Any) -> None:
    assert "Wat zijn de belangrijkste" in invoke("list", "--table").stdout
    assert "\t" not in invoke("list", "--table").stdout


def test_search_says_how_many_it_left_out(invoke: Any) -> None:
    table = invoke("search", "innovatie", "--table").stdout
    payload = json.loads(invoke("search", "innovatie", "--json").stdout)
    assert payload["total"] > 10 and len(payload["results"]) == 10
    assert f"10 van {payload['total']}; meer met --limit" in table
    everything = invoke("search", "innovatie", "--table", "--limit", "1000").stdout
    assert "meer met --limit" not in everything


@pytest.mark.usefixtures("english")
def test_an_empty_list_says_why_and_exits_1(invoke: Any) -> None:
    result = invoke("list", "--topic", "mkb", "--topic", "financiering")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "ecoqa: no question has topic mkb and topic financiering.\n"


@pytest.mark.usefixtures("english")
def test_a_topic_filter_that_empties_the_search_says_so(invoke: Any) -> None:
    result = invoke("search", "financiering", "--topic", "mkb")
    assert result.exit_code == 1
    assert result.stderr.startswith("ecoqa: no matches for 'financiering' with topic mkb; ")
    assert result.stderr.endswith(" without the filter.\n")
    assert "did you mean" not in result.stderr


@pytest.mark.usefixtures("english")
def test_conflicting_flags_are_refused(invoke: Any) -> None:
    for args, message in (
        (["search", "x", "--json", "--plain"], "--json and --plain cannot be combined; choose one."),
        (["search", "x", "--plain", "--explain"], "--plain and --explain cannot be combined; choose one."),
        (["list", "--plain", "--table"], "--plain and --table cannot be combined; choose one."),
        (["list", "--json", "--table"], "--json and --table cannot be combined; choose one."),
        (["search", "x", "--json", "--table"], "--json and --table cannot be combined; choose one."),
        (["info", "--json", "--table"], "--json and --table cannot be combined; choose one."),
        (["principles", "--json", "--table"], "--json and --table cannot be combined; choose one."),
    ):
        result = invoke(*args)
        assert result.exit_code == 2
        assert result.stderr == f"ecoqa: {message}\n"


# ---------------------------------------------------------------------------- names, numbers, shortcuts


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--topic", "mbk"], "ecoqa: unknown topic 'mbk'; did you mean mkb?\n"),
        (["list", "--topic", "financ"], "ecoqa: unknown topic 'financ'; did you mean financiering?\n"),
        (
            ["principles", "eigenaarschap"],
            "ecoqa: unknown principle 'eigenaarschap'; did you mean tijdelijk-eigenaarschap?\n",
        ),
        (["principles", "99"], "ecoqa: no principle number '99'; valid numbers are 1-18.\n"),
        (["list", "--principle", "valuecase"], "ecoqa: unknown principle 'valuecase'; did you mean value-case?\n"),
    ],
)
@pytest.mark.usefixtures("english")
def test_did_you_mean_for_topics_and_principles(invoke: Any, args: list[str], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr == message


def test_principles_are_listed_with_their_numbers(invoke: Any) -> None:
    table = invoke("principles", "--table").stdout
    assert "│  2 │" in table or " 2 " in table
    assert json.loads(invoke("principles", "2", "--json").stdout)["principles"][0]["number"] == 2


def test_shortcuts(invoke: Any) -> None:
    assert invoke("10").stdout == invoke("show", "10").stdout
    for options in (["--lang", "en"], ["--plain"], ["--json"], ["-l", "en", "--no-pager"]):
        assert invoke("10", *options).stdout == invoke("show", "10", *options).stdout, options
    assert (
        invoke("--lang", "en", "10", "12", "--plain").stdout
        == invoke("show", "10", "12", "--lang", "en", "--plain").stdout
    )
    assert invoke("financing", "--json").stdout == invoke("search", "financing", "--json").stdout
    typo = invoke("serch", "x")
    assert (typo.exit_code, typo.stderr) == (2, "ecoqa: geen opdracht 'serch'; bedoelt u 'ecoqa search'?\n")
    typo = invoke("--lang", "en", "serch", "x")
    assert (typo.exit_code, typo.stderr) == (2, "ecoqa: no command 'serch'; did you mean 'ecoqa search'?\n")
    assert "ecoqa search" in invoke("help", "search").stdout


@pytest.mark.usefixtures("english")
def test_show_a_word_suggests_search(invoke: Any) -> None:
    result = invoke("show", "financing")
    assert result.stderr == (
        "ecoqa: no question 'financing'; valid ids are 1-24. (to search, use: ecoqa search 'financing')\n"
    )


def test_show_plain_gives_text_to_paste(invoke: Any) -> None:
    result = invoke("show", "12", "--plain")
    assert result.stdout.startswith("12. Nederland heeft een groot MKB.")
    assert "\n- kennisdeling via bijvoorbeeld webinars\n" in result.stdout
    assert "│" not in result.stdout


# ---------------------------------------------------------------------------- help


COMMANDS = ["", "list", "show", "search", "topics", "speakers", "principles", "info", "validate", "export",
            "browse", "config"]  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_no_python_types(invoke: Any, command: str) -> None:
    text = invoke(*command.split(), "--help").stdout
    for leak in ("<list", "<int", "<str", "<path", "{", "[[", "<bool", "1<=x"):
        assert leak not in text, (command, leak)
    if command:
        assert "Example" in text, command


def test_command_summaries_are_whole_at_80_columns(invoke: Any) -> None:
    text = invoke("--help", env={"COLUMNS": "80"}).stdout
    commands = text.split("Commands:")[1].split("Examples:")[0]
    for line in commands.strip().splitlines():
        assert not line.rstrip().endswith("..."), line
        assert len(line) <= 80


# ---------------------------------------------------------------------------- export


def test_export_format_follows_the_extension(invoke: Any, tmp_path: Path) -> None:
    for name, start in (("qa.html", "<!DOCTYPE html>"), ("qa.md", "# Orchestrating"), ("qa.json", "{")):
        target = tmp_path / name
        result = invoke("export", "-o", str(target))
        assert result.exit_code == 0
        assert target.read_text(encoding="utf-8").startswith(start), name


def test_export_chosen_questions_as_md(invoke: Any) -> None:
    result = invoke("export", "10", "12", "-f", "md")
    assert result.exit_code == 0
    assert "## 10. " in result.stdout and "## 12. " in result.stdout and "## 3. " not in result.stdout
    assert "selectie: vragen 10, 12" in result.stdout


def test_export_document_has_source_contents_and_quotes(invoke: Any) -> None:
    page = invoke("export", "-f", "html", "--lang", "en", "--topic", "mkb").stdout
    assert '<meta name="viewport"' in page
    assert "topic: SMEs" in page.split("</h1>")[0]
    assert 'href="#q12"' in page and 'id="q12"' in page
    assert "About this document" in page and "does not say who wrote the written answers" in page
    assert "<blockquote>" in page  # the verbatim evidence quotes
    assert "Related questions" in page


def test_piped_output_follows_one_rule(invoke: Any) -> None:
    """Piped: rows as tab-separated lines, views without padding; --explain is a view everywhere."""
    info = invoke("info").stdout
    assert "╭" not in info and "questions\t24\n" in info
    assert invoke("info", "--table").stdout.startswith("╭")
    one = invoke("principles", "2").stdout
    assert one.count("\n") == 1 and one.startswith("2\ttijdelijk-eigenaarschap\t")
    assert "╭" in invoke("principles", "2", "--table").stdout
    explained = invoke("search", "tijdelijk eigenaarschap", "--explain", "--limit", "1").stdout
    assert "score " in explained and "eigenaarschap → eigenaarschap (exact ×1)" in explained
    table = invoke("search", "financing", "--table", "--limit", "2").stdout
    assert table and all(line == line.rstrip() for line in table.splitlines())
    refused = invoke("search", "financing", "--explain", "--plain")
    assert refused.exit_code == 2 and refused.stderr.count("\n") == 1


def test_export_format_is_checked_in_one_line(invoke: Any) -> None:
    result = invoke("export", "-f", "pdf", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == (
        "ecoqa: invalid value for --format: 'pdf' is not a format ecoqa writes; "
        "choose markdown (md), html or json; see 'ecoqa export --help'.\n"
    )
    assert invoke("--lang", "nl", "export", "-f", "pdf").stderr == (
        "ecoqa: ongeldige waarde voor --format: 'pdf' is geen formaat dat ecoqa schrijft; "
        "kies markdown (md), html of json; zie 'ecoqa export --help'.\n"
    )
    assert invoke("export", "10", "-f", "MD").stdout.startswith("# ")
