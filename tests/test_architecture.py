"""The dependency rule of ARCHITECTURE.md, and what importing the CLI costs."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "ecoqa"

#: module -> ecoqa modules it may import
INTERNAL = {
    "models": set(),
    "errors": set(),
    "text": set(),
    "corpus": {"errors", "models", "text"},
    "search": {"errors", "models", "text"},
    "render": {"errors", "models", "text"},
    "export": {"models", "text"},
    "index": {"errors", "models", "text", "search", "corpus", "version"},
    "version": set(),
    "browse": {"errors", "models", "render", "search", "text"},
    "cli": {"errors", "models", "text", "corpus", "search", "render", "export", "browse", "index", "version"},
    "__main__": {"cli"},
    "__init__": set(),
}
#: third-party package -> modules that may import it
THIRD_PARTY = {
    "typer": {"cli"},
    "rich": {"render", "cli", "browse", "index"},
    "rapidfuzz": {"search"},
    "Stemmer": {"search"},
    "textual": {"browse"},
    "platformdirs": {"index"},
}


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            if node.module == "ecoqa":
                names.update(f"ecoqa.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("path", sorted(SRC.glob("*.py")), ids=lambda p: p.stem)
def test_imports_point_inward(path: Path) -> None:
    module = path.stem
    assert module in INTERNAL, f"new module {module}: add it to the dependency table"
    for name in imports_of(path):
        top = name.split(".")[0]
        if top == "ecoqa" and "." in name:
            assert name.split(".")[1] in INTERNAL[module], f"{module} may not import {name}"
        elif top in THIRD_PARTY:
            assert module in THIRD_PARTY[top], f"{module} may not import {top}"


def test_nothing_imports_cli_but_main() -> None:
    for path in SRC.glob("*.py"):
        if path.stem not in ("cli", "__main__"):
            assert "ecoqa.cli" not in imports_of(path), path.stem


def test_importing_the_cli_loads_nothing_heavy() -> None:
    code = "import sys, ecoqa.cli; print(' '.join(sorted(sys.modules)))"
    loaded = set(
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    )
    heavy = {
        "rich",
        "rapidfuzz",
        "Stemmer",
        "textual",
        "numpy",
        "sqlite3",
        "platformdirs",
        "ecoqa.search",
        "ecoqa.render",
        "ecoqa.corpus",
        "json",
    }
    assert not heavy & loaded, heavy & loaded
