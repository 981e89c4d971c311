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
    """What ``ecoqa --show-completion bash`` prints, the script a user installs: asked for once."""
    path = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    command = ["ecoqa", "--show-completion", "bash"]
    return subprocess.run(command, capture_output=True, text=True, env=path, timeout=60, check=True).stdout


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
    mine = corpus_file(tmp_path / "mine.json", [{"id": n, "question": f"Q{n}?", "answer": "A."} for n in (1, 2, 30)])
    assert len(tab("show", "")) == 24
    assert tab("--data", str(mine), "show", "") == ["1", "2", "30"]
    assert tab("show", "3", "--data", str(mine), "show", "3") == ["30"]
    assert tab("show", "", env={"ECOQA_DATA": str(mine)}) == ["1", "2", "30"]
    config = tmp_path / "config"
    config.write_text(f"data = {mine}\n")
    assert tab("show", "", env={"ECOQA_CONFIG": str(config)}) == ["1", "2", "30"]


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
