"""Bash completion as bash runs it: the script ecoqa installs, fed the words a user typed."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

BIN = Path(sys.executable).parent
pytestmark = pytest.mark.skipif(
    shutil.which("bash") is None or not (BIN / "ecoqa").exists(), reason="needs bash and the ecoqa script"
)

HARNESS = r"""
eval "$ECOQA_COMPLETION_SCRIPT"
COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
$(complete -p ecoqa | sed 's/.*-F \([^ ]*\).*/\1/') ecoqa
printf '%s\n' "${COMPREPLY[@]}"
"""


@functools.cache
def installed_script() -> str:
    """What ``ecoqa --show-completion`` prints in bash, the script a user installs: asked for once.

    Typer's option is a flag that names the shell it runs in (by its parent processes), so it is
    asked from a bash, as a user would, not from whatever started the tests.
    """
    path = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    command = ["bash", "-c", "ecoqa --show-completion; exit $?"]  # two commands: bash stays the parent
    result = subprocess.run(command, capture_output=True, text=True, env=path, timeout=60)
    assert result.returncode == 0, f"exit {result.returncode}; stderr: {result.stderr!r}"
    return result.stdout


def tab(*words: str, env: dict[str, str] | None = None) -> list[str]:
    """What bash offers for the last of *words* (as typed, quotes and backslashes included)."""
    environment = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "ECOQA_COMPLETION_SCRIPT": installed_script(),
        **(env or {}),
    }
    result = subprocess.run(
        ["bash", "-c", HARNESS, "bash", "ecoqa", *words],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=True,
    )
    assert result.stderr == ""
    return [line for line in result.stdout.splitlines() if line]


def test_a_multi_word_topic_completes_whole_and_quoted_as_typed() -> None:
    assert tab("list", "--topic", "Kennis\\ e") == ["Kennis\\ en\\ valorisatie"]
    assert tab("list", "--topic", '"Kennis e') == ['"Kennis en valorisatie"']
    assert tab("list", "--topic", "'Financing a") == ["'Financing and funding'"]


def test_one_candidate_per_topic_and_aliases_only_when_typed() -> None:
    every = tab("list", "--topic", "")
    assert len(every) == 16 and len(set(every)) == 16 and "mkb" in every
    assert tab("list", "--topic", "mk") == ["mkb"]
    assert [c.casefold()[:3] for c in tab("list", "--topic", "sme")] == ["sme"]  # one alias of the SME topic
    assert "Samenwerking" in tab("list", "-t", "S") and all(c.startswith("S") for c in tab("list", "-t", "S"))


def test_values_for_fixed_sets_and_settings() -> None:
    assert tab("--lang", "") == ["nl", "en"]
    assert tab("show", "10", "--color", "a") == ["auto", "always"]
    assert tab("export", "-f", "h") == ["html"]
    assert tab("config", "") == ["lang", "color", "pager", "data"]
    assert tab("config", "lang", "") == ["nl", "en"]
    assert tab("config", "color", "n") == ["never"]


def test_ids_come_from_the_corpus_in_use(corpus_file: Any, tmp_path: Path) -> None:
    mine = corpus_file(tmp_path / "mine.json", [{"id": n, "question": f"Q{n}?", "answer": "A."} for n in (30, 1, 2)])
    listed = ["1   Q1?", "2   Q2?", "30  Q30?"]
    assert len(tab("show", "")) == 24
    assert tab("--data", str(mine), "show", "") == listed
    assert tab("show", "3", "--data", str(mine), "show", "3") == ["30"]
    assert tab("show", "", env={"ECOQA_DATA": str(mine)}) == listed
    config = tmp_path / "config"
    config.write_text(f"data = {mine}\n")
    assert tab("show", "", env={"ECOQA_CONFIG": str(config)}) == listed


def test_ids_are_listed_with_their_question_in_numeric_order() -> None:
    """bash lists 'id  question' lines (cut to the screen), 1 2 ... 10, and inserts a lone id bare."""
    listed = tab("show", "", env={"COLUMNS": "40"})
    assert [line.split()[0] for line in listed] == [str(n) for n in range(1, 25)]
    assert listed[0].startswith("1   Wat zijn de belangrijkste") and all(len(line) < 40 for line in listed)
    assert [line.split()[0] for line in tab("export", "1")] == ["1", *map(str, range(10, 20))]
    assert tab("show", "24") == ["24"]


def test_commands_and_options_still_complete() -> None:
    assert "search" in tab("se") or tab("se") == ["search"]
    assert "--topic" in tab("list", "--to")


def test_fish_completes_through_typer_from_the_same_corpus(corpus_file: Any, tmp_path: Path) -> None:
    """fish is answered by Typer, with the same candidates and the question as help."""
    mine = corpus_file(tmp_path / "mine.json", [{"id": n, "question": f"Q{n}?", "answer": "A."} for n in (1, 2, 30)])
    env = {
        **os.environ,
        "_ECOQA_COMPLETE": "complete_fish",
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        "_TYPER_COMPLETE_ARGS": f"ecoqa --data {mine} show 3",
    }
    result = subprocess.run([sys.executable, "-m", "ecoqa"], env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines() == ["30\tQ30?"]
    env["_TYPER_COMPLETE_ARGS"] = "ecoqa list --topic mk"
    result = subprocess.run([sys.executable, "-m", "ecoqa"], env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines() == ["mkb\tMKB"]


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
@pytest.mark.parametrize("columns", [40, 80, 120])
def test_bash_lists_ids_in_numeric_order_with_their_question_on_screen(tmp_path: Path, columns: int) -> None:
    """In a real bash in tmux, TAB TAB after 'ecoqa show ' lists 1..24 in order, each with its question."""
    import time

    rc = tmp_path / "rc"
    rc.write_text(
        f"PS1='$ '\nexport PATH={BIN}{os.pathsep}$PATH ECOQA_CONFIG={tmp_path / 'none'}\n"
        'eval "$(ecoqa --show-completion bash)"\n'
    )
    tmux = ["tmux", "-L", f"ecoqa-test-{os.getpid()}-{columns}", "-f", os.devnull]
    shell = f"env -i HOME={tmp_path} TERM=xterm PATH={os.environ['PATH']} bash --noprofile --rcfile {rc} -i"
    subprocess.run([*tmux, "new-session", "-d", "-x", str(columns), "-y", "40", shell], check=True, timeout=30)
    try:
        screen = ""
        for _ in range(600):  # up to a minute on a busy machine
            screen = subprocess.run([*tmux, "capture-pane", "-p"], capture_output=True, text=True, timeout=30).stdout
            if screen.startswith("$"):
                break
            time.sleep(0.1)
        subprocess.run([*tmux, "send-keys", "ecoqa show ", "Tab", "Tab"], check=True, timeout=30)
        for _ in range(600):
            screen = subprocess.run([*tmux, "capture-pane", "-p"], capture_output=True, text=True, timeout=30).stdout
            if "\n24 " in screen and screen.rstrip().endswith("$ ecoqa show"):
                break
            time.sleep(0.1)
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, timeout=30)
    listed = [line for line in screen.splitlines() if line[:1].isdigit()]
    assert [line.split()[0] for line in listed] == [str(n) for n in range(1, 25)], screen
    assert listed[9].startswith("10  Is -naast") and all(len(line) < columns for line in listed), screen


def test_zsh_is_asked_to_keep_the_order_of_the_ids() -> None:
    """zsh evaluates the answer: the ids go to ``_describe -V`` (an unsorted group) in numeric order,
    each with its question; ``_arguments`` would sort them as text (1 10 11 ... 2)."""
    from ecoqa import completion

    answer = completion.answer({"_ECOQA_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "ecoqa show "})
    assert answer is not None and answer.endswith("; _describe -V -t values value _ecoqa_values")
    import shlex

    values = [row.split(":")[0] for row in shlex.split(answer.split("_ecoqa_values=(")[1].split(");")[0])]
    assert values == [str(n) for n in range(1, 25)]


@pytest.mark.skipif(shutil.which("tmux") is None or shutil.which("zsh") is None, reason="needs tmux and zsh")
def test_zsh_lists_ids_in_numeric_order_and_completes_a_multi_word_topic(tmp_path: Path) -> None:
    """In a real zsh in tmux, with the script Typer installs: TAB after 'ecoqa show ' lists 1..24 in
    order, each with its question; a multi-word topic and a label with a quote complete whole."""
    import time

    (tmp_path / ".zshrc").write_text(
        f"PS1='$ '\nexport PATH={BIN}{os.pathsep}$PATH ECOQA_CONFIG={tmp_path / 'none'}\n"
        "autoload -Uz compinit && compinit -u\n"
        'eval "$(ecoqa --show-completion zsh)"\n'
    )
    tmux = ["tmux", "-L", f"ecoqa-test-zsh-{os.getpid()}", "-f", os.devnull]
    shell = f"env -i HOME={tmp_path} ZDOTDIR={tmp_path} TERM=xterm PATH={os.environ['PATH']} zsh -i"
    subprocess.run([*tmux, "new-session", "-d", "-x", "100", "-y", "40", shell], check=True, timeout=30)

    def screen_when(done: Any) -> str:
        screen = ""
        for _ in range(600):  # up to a minute on a busy machine
            screen = subprocess.run([*tmux, "capture-pane", "-p"], capture_output=True, text=True, timeout=30).stdout
            if done(screen):
                break
            time.sleep(0.1)
        return screen

    def typed(*keys: str) -> None:
        subprocess.run([*tmux, "send-keys", *keys], check=True, timeout=30)

    try:
        screen_when(lambda screen: screen.startswith("$"))
        typed("ecoqa show ", "Tab")
        listed = screen_when(lambda screen: "\n24 " in screen)
        whole = "$ ecoqa list --topic Kennis\\ en\\ valorisatie"
        typed("C-u", "ecoqa list --topic Kennis\\ e", "Tab")
        topic = screen_when(lambda screen: whole in screen)
        quote = "$ ecoqa list --topic 'Regio'\\''s en grenzen'"
        typed("C-u", "ecoqa list --topic 'Regio", "Tab")
        quoted = screen_when(lambda screen: quote in screen)
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, timeout=30)
    rows = [line for line in listed.splitlines() if line[:1].isdigit()]
    assert [line.split()[0] for line in rows] == [str(n) for n in range(1, 25)], listed
    assert rows[9].startswith("10  -- Is -naast"), listed
    assert whole in topic, topic
    assert quote in quoted, quoted


TABLE = Path(__file__).resolve().parents[1] / "src" / "ecoqa" / "completion_table.py"
OptionRow = tuple[tuple[str, ...], str, bool]


def _app_table() -> tuple[dict[str, str], dict[str, tuple[OptionRow, ...]]]:
    """Commands and their options as Typer sees them: name -> short help; name -> (names, help, repeats)."""
    import typer
    from typer.core import TyperOption

    from ecoqa.cli import app

    group = typer.main.get_command(app)
    root = group.make_context("ecoqa", [], resilient_parsing=True)

    def options(command: Any, ctx: Any) -> tuple[OptionRow, ...]:
        return tuple(
            (_help_first([*p.opts, *p.secondary_opts]), " ".join((p.help or "").split()), p.multiple)
            for p in command.get_params(ctx)
            if isinstance(p, TyperOption) and not p.hidden
        )

    commands, found = {}, {"": options(group, root)}
    for name in group.list_commands(root):
        command = group.get_command(root, name)
        if command is not None and not command.hidden:
            commands[name] = command.get_short_help_str(limit=300)
            found[name] = options(command, command.make_context(name, [], parent=root, resilient_parsing=True))
    return commands, found


def _help_first(names: list[str]) -> tuple[str, ...]:
    """Click lists the help option's names in a set's order, which changes from run to run."""
    return ("-h", "--help") if set(names) == {"-h", "--help"} else tuple(names)


def _table_source() -> str:
    """ecoqa/completion_table.py as the app makes it now (``ruff format`` then lays it out)."""
    commands, options = _app_table()
    rows = [f"    {name!r}: ({', '.join(repr(row) for row in found)},)," for name, found in options.items()]
    return "\n".join(
        [
            '"""Command and option names with their help, for shell completion before Typer loads.',
            "",
            "Generated from the Typer app by ``python tests/test_completion.py --update``; not edited by hand:",
            "tests/test_completion.py fails when it is not what the app says.",
            '"""',
            "",
            "COMMANDS: dict[str, str] = {",
            *(f"    {name!r}: {help_!r}," for name, help_ in commands.items()),
            "}",
            "#: command ('' for ecoqa itself) -> its options, in order: (names, help, whether it repeats)",
            "OPTIONS: dict[str, tuple[tuple[tuple[str, ...], str, bool], ...]] = {",
            *rows,
            "}",
            "",
        ]
    )


def test_the_completion_table_is_generated_from_the_app() -> None:
    """ecoqa.completion answers command and option names (with their help) from a table made from the
    app: one source for each help text, the Typer declaration."""
    from ecoqa import completion_table

    commands, options = _app_table()
    update = "the app changed: run 'python tests/test_completion.py --update'"
    assert commands == completion_table.COMMANDS, update
    assert options == completion_table.OPTIONS, update


@pytest.mark.parametrize(
    "words",
    [
        ["ecoqa", ""],
        ["ecoqa", "se"],
        ["ecoqa", "--lang", "en", "l"],
        ["ecoqa", "-"],
        ["ecoqa", "--lang", "en", "--"],
        ["ecoqa", "list", "-"],
        ["ecoqa", "list", "--topic", "mkb", "--json", "--"],
        ["ecoqa", "export", "-f", "md", "-"],
        ["ecoqa", "import", "x.html", "--"],
        ["ecoqa", "config", "--"],
        ["ecoqa", "search", "fin"],
        ["ecoqa", "list", ""],
        ["ecoqa", "validate", "d"],
        ["ecoqa", "export", "-o", ""],
    ],
)
def test_names_answered_without_typer_are_what_typer_answers(words: list[str]) -> None:
    import typer
    from typer._completion_classes import BashComplete

    from ecoqa import completion
    from ecoqa.cli import app

    fast = completion.candidates(completion.Words(words[:-1], words[-1]), {})
    typer_side = BashComplete(typer.main.get_command(app), {}, "ecoqa", "_ECOQA_COMPLETE")
    slow = [item.value for item in typer_side.get_completions(words[1:-1], words[-1]) if item.type == "plain"]
    if "-h" in slow and "--help" in slow:
        slow = [name for name in slow if name not in ("-h", "--help")] + ["-h", "--help"]
    assert fast is not None and [value for value, _ in fast] == slow


def test_a_tab_loads_neither_typer_nor_rich() -> None:
    """Every TAB is answered by ecoqa.completion alone: Typer, Click and rich are never imported."""
    probe = (
        "import os, sys\n"
        "from ecoqa.__main__ import _completed\n"
        "for words in sys.argv[1:]:\n"
        "    os.environ.update(_ECOQA_COMPLETE='complete_bash', COMP_WORDS=words.replace(' ', '\\n'),"
        " COMP_CWORD=str(words.count(' ')))\n"
        "    assert _completed(), words\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'click', 'rich', 'textual')))\n"
    )
    cases = ["ecoqa se", "ecoqa list --", "ecoqa show 1", "ecoqa list --topic mk", "ecoqa search fin", "ecoqa "]
    result = subprocess.run([sys.executable, "-c", probe, *cases], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/test_completion.py --update")
    TABLE.write_text(_table_source(), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(TABLE)], check=True)
    print(f"wrote {TABLE}")
