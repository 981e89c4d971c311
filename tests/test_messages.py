"""Messages in the interface language: one catalogue, every message through it, said when printed."""

from __future__ import annotations

import ast
import json
import re
import string
from pathlib import Path
from typing import Any

import pytest

from ecoqa.catalogue import DUTCH
from ecoqa.messages import Message, clause, count, joined, msg

SRC = Path(__file__).resolve().parents[1] / "src" / "ecoqa"

#: what takes a message as its first argument (English with {placeholders}, said when printed)
ERRORS = {"EcoqaError", "CorpusError", "UsageError", "NotFoundError", "NoMatchError", "OutputError", "IndexDamaged"}
SAYERS = ERRORS | {"msg", "Message", "say", "warn", "write_note_line", "clause"}


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def test_every_message_has_dutch_with_the_same_placeholders() -> None:
    assert len(DUTCH) > 100
    for english, dutch in DUTCH.items():
        assert dutch.strip(), english
        assert placeholders(english) == placeholders(dutch), english


def message_sites(root: Path = SRC) -> tuple[dict[str, str], list[str]]:
    """Every literal message template in src/ecoqa (template -> where), and every site that builds
    a message's text itself (an f-string, ``+``, ``%`` or ``.format``), which no catalogue can translate."""
    templates: dict[str, str] = {}
    built: list[str] = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            where = f"{path.relative_to(root)}:{node.lineno}"
            if name == "count" and len(node.args) == 3:
                arguments = node.args[1:]
            elif name in SAYERS and node.args:
                arguments = node.args[:1]
            elif name == "write" and node.args:  # a sentence written to stdout is said too
                arguments = [a for a in node.args[:1] if _a_sentence(a)]
                built += [f"{where} write" for _ in arguments]
                continue
            else:
                continue
            for argument in arguments:
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    templates.setdefault(argument.value, where)
                elif _built_text(argument):
                    built.append(f"{where} {name}")
    return templates, built


def _built_text(node: ast.expr) -> bool:
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return True
    return isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "format"


def _a_sentence(node: ast.expr) -> bool:
    """Literal text of two words or more, which a reader reads (not a tab-separated row)."""
    parts = [node] if isinstance(node, ast.Constant) else node.values if isinstance(node, ast.JoinedStr) else []
    text = "".join(p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str))
    return re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", text) is not None


def test_every_message_goes_through_the_catalogue() -> None:
    """A message added in English only (an f-string, or a template the catalogue lacks) fails here."""
    templates, built = message_sites()
    assert len(templates) > 100  # the scan sees the messages (it cannot pass by finding none)
    assert built == []
    missing = {template: where for template, where in templates.items() if template not in DUTCH}
    assert missing == {}


def test_the_scan_finds_a_message_that_bypasses_the_catalogue(tmp_path: Path) -> None:
    (tmp_path / "new.py").write_text(
        "def f(path):\n    raise UsageError(f'{path} is gone.')\n\ndef g(out):\n    out.write('all done now')\n"
        "\ndef h():\n    warn('an English-only warning')\n",
        encoding="utf-8",
    )
    templates, built = message_sites(tmp_path)
    assert [site.split()[1] for site in built] == ["UsageError", "write"]
    assert set(templates) == {"an English-only warning"} and "an English-only warning" not in DUTCH


def test_a_message_is_said_in_either_language_with_its_parts() -> None:
    message = msg(
        "no question has {filter}.",
        filter=joined([msg("topic {name}", name="mkb"), msg("principle {name}", name="p1")], " and "),
    )
    assert message == "no question has topic mkb and principle p1."
    assert message.said("nl") == "geen enkele vraag heeft onderwerp mkb en principe p1."
    assert message.said("en") == str(message)
    part = clause(msg("{path} exists; pass --force to replace it.", path="x"))
    assert msg("{problem}; using the defaults.", problem=part).said("nl") == (
        "x bestaat al; geef --force om het te vervangen; de standaardinstellingen worden gebruikt."
    )
    assert count(1, "{n} question", "{n} questions").said("nl") == "1 vraag"
    assert count(3, "{n} question", "{n} questions").said("nl") == "3 vragen"
    assert Message("a text ecoqa does not know").said("nl") == "a text ecoqa does not know"


#: (arguments, English start, Dutch start) of each command's stderr line
LINES = [
    (
        ["show", "99"],
        "ecoqa: no question '99'; valid ids are 1-24.",
        "ecoqa: geen vraag '99'; geldige nummers zijn 1-24.",
    ),
    (["search", "xyzzyq"], "ecoqa: no matches for 'xyzzyq'; try other", "ecoqa: niets gevonden voor 'xyzzyq'; probeer"),
    (["list", "--topic", "nope"], "ecoqa: unknown topic 'nope'", "ecoqa: onbekend onderwerp 'nope'"),
    (["search", "de", "het"], "ecoqa: the query has only common words", "ecoqa: de zoekvraag bevat alleen"),
    (["list", "--principle", "99"], "ecoqa: no principle number '99'", "ecoqa: geen principe met nummer '99'"),
]


@pytest.mark.parametrize(("args", "english", "dutch"), LINES)
def test_a_command_says_its_error_in_the_interface_language(
    invoke: Any, args: list[str], english: str, dutch: str
) -> None:
    """--lang, ECOQA_LANG, else the corpus's own language (the bundled corpus is Dutch)."""
    assert invoke(*args).stderr.startswith(dutch)
    assert invoke(*args, "--lang", "nl").stderr.startswith(dutch)
    assert invoke(*args, "--lang", "en").stderr.startswith(english)
    assert invoke(*args, env={"ECOQA_LANG": "en"}).stderr.startswith(english)
    assert invoke("--lang", "en", *args).stderr.startswith(english)


def test_an_english_corpus_speaks_english_unless_told(invoke: Any, tiny_corpus: Path) -> None:
    import json

    document = json.loads(tiny_corpus.read_text(encoding="utf-8"))
    english = tiny_corpus.with_name("en.json")
    english.write_text(json.dumps({**document, "schema_version": 2, "collection": {"language": "en"}}), "utf-8")
    assert invoke("--data", str(english), "show", "99").stderr.startswith("ecoqa: no question '99'")
    assert invoke("--data", str(english), "show", "99", "--lang", "nl").stderr.startswith("ecoqa: geen vraag '99'")


def test_messages_before_the_corpus_is_known(invoke: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """A corpus that cannot be read: --lang, ECOQA_LANG or the config file, else English."""
    missing = str(tmp_path / "nothing.json")
    assert invoke("--data", missing, "show", "1").stderr.startswith("ecoqa: ") and "file not found" in (
        invoke("--data", missing, "show", "1").stderr
    )
    assert "bestand niet gevonden" in invoke("--data", missing, "show", "1", "--lang", "nl").stderr
    assert "bestand niet gevonden" in invoke("--data", missing, "show", "1", env={"ECOQA_LANG": "nl"}).stderr
    config = tmp_path / "config"
    config.write_text("lang = nl\n", encoding="utf-8")
    monkeypatch.setenv("ECOQA_CONFIG", str(config))
    assert "bestand niet gevonden" in invoke("--data", missing, "show", "1").stderr


def test_an_unreadable_config_file_is_said_in_english_or_the_language_set(
    invoke: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    config = tmp_path / "config"
    config.write_text("lang = nl\nthis is no setting\n", encoding="utf-8")
    monkeypatch.setenv("ECOQA_CONFIG", str(config))
    result = invoke("topics")
    first = result.stderr.splitlines()[0]
    assert first.startswith("ecoqa: warning: ") and "expected 'key = value'" in first
    dutch = invoke("topics", "--lang", "nl").stderr.splitlines()[0]
    assert dutch.startswith("ecoqa: waarschuwing: ") and "verwacht 'sleutel = waarde'" in dutch


def test_what_validate_config_and_export_print_follows_the_language(invoke: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"questions": [{"id": 1, "question": "q", "answr": "a"}]}', encoding="utf-8")
    dutch, english = {"ECOQA_LANG": "nl"}, {"ECOQA_LANG": "en"}
    assert "onbekend veld \"answr\"; bedoelt u 'answer'?" in invoke("validate", str(bad), env=dutch).stdout
    assert "unknown field \"answr\"; did you mean 'answer'?" in invoke("validate", str(bad), env=english).stdout
    assert "(standaard)" in invoke("config", env=dutch).stdout
    assert "(default)" in invoke("config", env=english).stdout
    target = tmp_path / "out.md"
    assert invoke("export", "1", "-o", str(target)).stderr == f"ecoqa: 1 vraag (markdown) geschreven naar {target}\n"
    refused = invoke("export", "1", "-o", str(target), "--lang", "en")
    assert refused.stderr == f"ecoqa: {target} exists; pass --force to replace it.\n"


@pytest.mark.parametrize("command", [["config", "color", "never"], ["config"], ["config", "--unset", "pager"]])
def test_a_command_without_its_own_lang_option_speaks_the_one_given_to_ecoqa(
    invoke: Any, command: list[str], monkeypatch: Any, tmp_path: Path
) -> None:
    """'ecoqa --lang en config ...' answers in English though the config file says lang = nl."""
    config = tmp_path / "config"
    config.write_text("lang = nl\n", encoding="utf-8")
    monkeypatch.setenv("ECOQA_CONFIG", str(config))
    english = invoke("--lang", "en", *command)
    assert english.exit_code == 0 and re.search(r"saved in|\(default\)|is not set in", english.stdout), english.stdout
    assert not re.search(r"bewaard|standaard|staat niet", english.stdout), english.stdout
    assert "onbekende instelling" in invoke("--lang", "nl", "config", "bogus", env={"ECOQA_LANG": "en"}).stderr


def three_pages(folder: Path, titles: tuple[str, str, str]) -> list[str]:
    names = []
    for number, (title, word) in enumerate(zip(titles, ("alpha", "beta", "gamma"), strict=True)):
        page = folder / f"{word}.md"
        page.write_text(f"# {title}\n\n## What is {word}?\n\n{word.title()} is letter {number + 1}.\n", "utf-8")
        names.append(str(page))
    return names


def test_a_merged_corpus_without_a_title_is_named_by_its_sources(invoke: Any, tmp_path: Path) -> None:
    """Neither the output's file name nor one source's title: the title all sources share, else
    "3 sources" in the interface language; the dry run says how to give one."""
    pages = three_pages(tmp_path, ("Alpha FAQ", "Beta notes", "Gamma"))
    dry = invoke("import", *pages, "--dry-run", env={"ECOQA_LANG": "nl"}).stdout
    assert "geen titel die de bronnen delen: het overzicht noemt het '3 bronnen'; geef er een met --title" in dry
    target = tmp_path / "merged.json"
    assert invoke("import", *pages, "-o", str(target)).exit_code == 0
    assert "3 sources" in invoke("--data", str(target), "--lang", "en").stdout
    assert "3 bronnen" in invoke("--data", str(target), "--lang", "nl").stdout
    assert "merged.json" not in invoke("--data", str(target)).stdout.split("Try:")[0].split("Probeer:")[0]
    assert invoke("--data", str(target), "export", "-f", "md").stdout.startswith("# 3 sources\n")
    shared = three_pages(tmp_path, ("Our FAQ", "Our FAQ", "Our FAQ"))
    assert invoke("import", *shared, "-o", str(target), "--force").exit_code == 0
    assert "Our FAQ" in invoke("--data", str(target)).stdout


def test_import_says_its_dry_run_notes_and_summary_in_the_interface_language(invoke: Any, tmp_path: Path) -> None:
    page = tmp_path / "faq.md"
    page.write_text("# FAQ\n\n## Can I pay later?\n\nYes, within 30 days of the delivery.\n", encoding="utf-8")
    dutch = invoke("import", str(page), "--dry-run", env={"ECOQA_LANG": "nl"})
    assert "Markdown-document, 1 vraag (" in dutch.stdout and "weggelaten: 1 kopje boven" in dutch.stdout
    assert "1 question (" in invoke("import", str(page), "--dry-run").stdout  # nothing set: the source's English
    target = tmp_path / "faq.json"
    written = invoke("import", str(page), "-o", str(target), env={"ECOQA_LANG": "nl"})
    assert written.stderr.startswith(f"ecoqa: 1 vraag geschreven naar {target}; probeer: ecoqa --data ")
    nothing = tmp_path / "empty.md"
    nothing.write_text("Just a line of text.\n", encoding="utf-8")
    refused = invoke("import", str(nothing), "--dry-run", env={"ECOQA_LANG": "nl"})
    assert refused.exit_code == 3 and "geen vragen en antwoorden gevonden" in refused.stderr


def test_the_index_note_says_its_stages_in_the_language_of_the_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ecoqa import messages, output

    monkeypatch.setattr(output, "_is_tty", lambda stream: True)
    messages.settle("nl")
    try:
        with output.index_progress() as update:
            assert update is not None
            update("checking and indexing", 5, 10)
            update("saving the index", 0, 0)
    finally:
        messages.forget()
    note = capsys.readouterr().err.splitlines()[-1]
    assert note.startswith("ecoqa: zoekindex gebouwd in ")
    assert "controleren en indexeren " in note and "index bewaren " in note and "index " in note


def test_config_says_a_new_language_in_that_language(invoke: Any) -> None:
    assert invoke("config", "lang", "nl").stdout.startswith("lang bewaard in ")
    assert invoke("config", "lang", "en").stdout.startswith("lang saved in ")
    assert invoke("config", "color", "never").stdout.startswith("color saved in ")


def test_a_dry_run_names_the_structure_in_the_interface_language(invoke: Any, tmp_path: Path) -> None:
    """The corpus's provenance keeps the English words; the dry run says them in the interface language."""
    page = tmp_path / "faq.md"
    page.write_text("# FAQ\n\n## Can I pay later?\n\nYes, within 30 days of the delivery.\n", encoding="utf-8")
    assert "1 vraag (kopjes van niveau 2)" in invoke("import", str(page), "--dry-run", env={"ECOQA_LANG": "nl"}).stdout
    assert "1 question (level-2 headings)" in invoke("import", str(page), "--dry-run").stdout
    target = tmp_path / "faq.json"
    assert invoke("import", str(page), "-o", str(target), env={"ECOQA_LANG": "nl"}).exit_code == 0
    assert "(level-2 headings)" in target.read_text(encoding="utf-8")


def _english_corpus(folder: Path) -> Path:
    path = folder / "en.json"
    document = {"schema_version": 2, "collection": {"language": "en"}, "questions": []}
    path.write_text(json.dumps({**document, "questions": [{"id": 1, "question": "Why?", "answer": "Because."}]}))
    return path


@pytest.mark.parametrize(
    ("args", "dutch", "english"),
    [
        (["search", ""], "ecoqa: lege zoekvraag;", "ecoqa: empty query;"),
        (["search", "x", "--json", "--plain"], "ecoqa: --json en --plain gaan niet samen", "ecoqa: --json and --plain"),
        (["list", "--json", "--table"], "ecoqa: --json en --table gaan niet samen", "ecoqa: --json and --table"),
    ],
)
def test_errors_before_the_corpus_is_read_speak_its_language(
    invoke: Any, tmp_path: Path, args: list[str], dutch: str, english: str
) -> None:
    """Nothing set: the language the corpus says it is in, read from its head without loading it."""
    assert invoke(*args).stderr.startswith(dutch)
    assert invoke("--data", str(_english_corpus(tmp_path)), *args).stderr.startswith(english)
    assert invoke(*args, env={"ECOQA_DATA": str(_english_corpus(tmp_path))}).stderr.startswith(english)
    assert invoke("--lang", "en", *args).stderr.startswith(english)


def test_the_corpus_language_is_read_from_the_head_of_the_file(tmp_path: Path) -> None:
    from ecoqa.corpus import stated_language

    assert stated_language(None) == "nl"
    assert stated_language(_english_corpus(tmp_path)) == "en"
    version_1 = tmp_path / "v1.json"
    version_1.write_text('{"schema_version": 1, "webinar": {"language": "en"}, "questions": []}')
    assert stated_language(version_1) == "en"
    after = tmp_path / "after.json"  # said after its questions: not read for it
    after.write_text('{"questions": [{"id": 1}], "collection": {"language": "en"}}')
    broken = tmp_path / "broken.json"
    broken.write_text('{"collection": {"language": ')
    assert [stated_language(p) for p in (after, broken, tmp_path, tmp_path / "none.json")] == ["", "", "", ""]


def test_validate_speaks_the_language_of_the_file_it_checks(invoke: Any, tmp_path: Path) -> None:
    english = _english_corpus(tmp_path)
    assert invoke("validate", str(english)).stdout == f"{english}: valid\n"
    dutch = tmp_path / "nl.json"
    dutch.write_text('{"collection": {"language": "nl"}, "questions": [{"id": 1, "question": "q", "answr": "a"}]}')
    assert "onbekend veld \"answr\"; bedoelt u 'answer'?" in invoke("validate", str(dutch)).stdout
    assert 'unknown field "answr"' in invoke("--lang", "en", "validate", str(dutch)).stdout


def test_import_speaks_the_language_of_what_it_read(invoke: Any, tmp_path: Path) -> None:
    """Nothing set: the detected (or --lang) language of the sources; English before they are read."""
    page = tmp_path / "vragen.md"
    page.write_text("# Vragen\n\n## Kan ik later betalen?\n\nJa, dat kan binnen dertig dagen na de levering.\n")
    assert "1 vraag (kopjes van niveau 2)" in invoke("import", str(page), "--dry-run").stdout
    assert "1 question (level-2 headings)" in invoke("--lang", "en", "import", str(page), "--dry-run").stdout
    refused = invoke("import", str(page))
    assert refused.stderr.startswith("ecoqa: say where to write the corpus with -o FILE")


def test_config_speaks_the_language_of_the_corpus_in_use(invoke: Any, tmp_path: Path) -> None:
    assert "lang\tnl\t(standaard)" in invoke("config").stdout
    assert "lang\tnl\t(default)" in invoke("config", env={"ECOQA_DATA": str(_english_corpus(tmp_path))}).stdout


@pytest.mark.parametrize("command", ["topics", "principles"])
def test_table_headers_are_written_alike(invoke: Any, command: str) -> None:
    """'Id' beside 'Naam' and 'Vragen', not a lower-case 'id' among capitalised headers."""
    header = invoke(command, "--table").stdout.splitlines()[1]
    firsts = [re.sub(r"[\W\d_]+", "", cell)[:1] for cell in header.split("┃")]
    assert len([f for f in firsts if f]) >= 3 and all(f.isupper() for f in firsts if f), header


def test_a_merged_corpus_large_enough_for_the_store_is_named_by_its_sources(invoke: Any, tmp_path: Path) -> None:
    """The index counts the source files when it is built, so the overview and exports of a merged
    corpus read from the store say '3 sources' too, not the file's name."""
    from ecoqa.store import MIN_BYTES

    pages = []
    for word in ("alpha", "beta", "gamma"):
        page = tmp_path / f"{word}.md"
        answer = f"The {word} answer explains the delivery of the order in some detail, for the store. " * 3
        page.write_text("".join(f"## What is {word} item {n}?\n\n{answer}\n\n" for n in range(260)), "utf-8")
        pages.append(str(page))
    target = tmp_path / "merged.json"
    assert invoke("import", *pages, "-o", str(target)).exit_code == 0
    assert target.stat().st_size >= MIN_BYTES
    overview = invoke("--data", str(target), "--lang", "en").stdout
    assert "3 sources" in overview and "merged.json" not in overview.split("Try:")[0]
    assert invoke("--data", str(target), "--lang", "nl", "export", "-f", "md").stdout.startswith("# 3 bronnen\n")


def test_an_export_of_a_merged_corpus_notes_originals_by_each_questions_language(invoke: Any, tmp_path: Path) -> None:
    """An English page of a Dutch and an English source notes the Dutch original; of the English
    questions alone it notes nothing."""
    dutch, english = tmp_path / "vragen.md", tmp_path / "faq.md"
    dutch.write_text("# Vragen\n\n## Kan ik later betalen?\n\nJa, dat kan binnen dertig dagen na de levering.\n")
    english.write_text("# FAQ\n\n## Can I pay later?\n\nYes, within 30 days of the delivery.\n\n## Why?\n\nThe law.\n")
    target = tmp_path / "mixed.json"
    assert invoke("import", str(dutch), str(english), "-o", str(target)).exit_code == 0
    note = "no English translation in this corpus; the original is shown"
    assert note in invoke("--data", str(target), "--lang", "en", "export", "-f", "md").stdout
    assert note not in invoke("--data", str(target), "--lang", "en", "export", "2", "3", "-f", "md").stdout


def test_a_list_of_a_merged_corpus_notes_a_dutch_original_after_an_english_first(invoke: Any, tmp_path: Path) -> None:
    english, dutch = tmp_path / "faq.md", tmp_path / "vragen.md"
    english.write_text("# FAQ\n\n## Can I pay later?\n\nYes, within 30 days of the delivery.\n\n## Why?\n\nThe law.\n")
    dutch.write_text("# Vragen\n\n## Kan ik later betalen?\n\nJa, dat kan binnen dertig dagen na de levering.\n")
    target = tmp_path / "mixed.json"
    assert invoke("import", str(english), str(dutch), "-o", str(target)).exit_code == 0
    listed = invoke("--data", str(target), "--lang", "en", "list", "--table").stdout
    assert "Kan ik later betalen?" in listed and "no English translation in this corpus" in listed
    assert "translation" not in invoke("--data", str(target), "--lang", "en", "list", "--table", "-n", "2").stdout


def test_the_systems_reason_is_said_in_the_interface_language(invoke: Any, tmp_path: Path) -> None:
    """'No such file or directory' is the system's English: a Dutch line says it in Dutch."""
    target = tmp_path / "missing" / "out.md"
    dutch = invoke("export", "1", "-o", str(target)).stderr
    assert dutch == f"ecoqa: kan {target} niet schrijven: bestand of map bestaat niet.\n"
    english = invoke("export", "1", "-o", str(target), "--lang", "en").stderr
    assert english == f"ecoqa: cannot write {target}: No such file or directory.\n"
    assert "bestand of map bestaat niet" in invoke("import", str(tmp_path / "none.md"), "--lang", "nl", "-n").stderr


def test_a_system_reason_without_dutch_stays_the_systems() -> None:
    import errno

    from ecoqa.messages import system_reason

    assert system_reason(OSError(errno.ENOENT, "No such file or directory")).said("nl") == "bestand of map bestaat niet"
    unknown = system_reason(OSError(errno.ENOMSG, "No message of desired type"))
    assert unknown.said("nl") == "No message of desired type"
    assert system_reason(OSError("no errno at all")) == "no errno at all"
