"""The dependency rule: which ecoqa modules and libraries each module may import; and what importing the CLI costs."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "ecoqa"

#: module -> ecoqa modules it may import
INTERNAL = {
    "models": {"related"},
    "related": set(),
    "errors": {"messages"},
    # what ecoqa says to users: English templates said in the command's language, Dutch from the catalogue
    "messages": {"catalogue"},
    "catalogue": set(),
    "text": set(),
    "labels": {"models"},
    "version": set(),
    "shapes": {"messages", "models", "text"},
    "schema": {"messages", "models", "text", "shapes"},
    "names": {"models", "text"},
    "files": {"errors", "messages"},
    "corpus": {"messages", "errors", "models", "text", "schema", "shapes", "bundled"},
    # search, by concern: analysis <- index <- expand <- rank, snippets <- engine (the search itself);
    # the package's __init__ imports nothing, so a command that reads only the index loads only it
    "search.__init__": set(),
    "search.analysis": {"text"},
    "search.index": {"models", "text", "search.analysis"},
    "search.expand": {"search.analysis", "search.index"},
    "search.rank": {"models", "search.analysis", "search.index", "search.expand"},
    "search.snippets": {"models", "search.analysis", "search.index", "search.expand"},
    "search.engine": {
        "errors",
        "models",
        "names",
        "search.analysis",
        "search.index",
        "search.expand",
        "search.rank",
        "search.snippets",
    },
    "bundled": {"errors"},
    "completion": {"bundled", "config", "completion_table"},
    "completion_table": set(),  # generated from the app by tests/test_completion.py
    "render": {"errors", "models", "text", "labels"},
    "overview": {"models", "labels", "render"},
    # what scripts read (--json, rows, plain text) <- the documents of ecoqa export
    "payloads": {"models", "text", "labels"},
    "export": {"models", "text", "labels", "schema", "payloads"},
    "suggest": {"errors", "models", "labels", "search"},
    "config": {"messages", "errors", "files"},
    "output": {"messages", "errors", "render", "config", "text"},
    # the store, by concern: layout <- cache (the folder) <- build, read <- __init__ (which decides, when a command
    # opens the index, whether it is used)
    "store.layout": set(),
    "store.cache": {"messages", "errors", "text", "version", "search", "store.layout"},
    "store.build": {"errors", "models", "related", "schema", "corpus", "search", "text", "store.cache", "store.layout"},
    "store.read": {"messages", "errors", "models", "related", "schema", "search", "store.cache", "store.layout"},
    "store.__init__": {
        "messages",
        "errors",
        "models",
        "corpus",
        "search",
        "text",
        "store.build",
        "store.cache",
        "store.read",
    },
    "browse": {"errors", "labels", "models", "render", "search", "text"},
    # the command line: exit codes and options innermost, the commands on top
    "cli.exits": {"messages", "errors", "config", "corpus", "output", "text", "cli.usage"},
    "cli.usage": {"messages"},
    "cli.completion": {"completion"},
    "cli.options": {"cli", "errors", "messages", "names"},
    "cli.common": {
        "messages",
        "cli",
        "errors",
        "models",
        "corpus",
        "config",
        "names",
        "output",
        "search",
        "store",
        "text",
    },
    "cli.reading": {
        "messages",
        "cli",
        "errors",
        "models",
        "labels",
        "output",
        "overview",
        "payloads",
        "render",
        "search",
        "suggest",
        "version",
    },
    "cli.documents": {
        "cli",
        "messages",
        "errors",
        "models",
        "corpus",
        "export",
        "files",
        "importing",
        "labels",
        "output",
        "payloads",
        "schema",
        "suggest",
        "text",
        "version",
    },
    "cli.settings": {"messages", "cli", "errors", "config", "browse", "output", "text"},
    "cli.__init__": {"cli", "output"},
    "__main__": {"cli", "errors", "messages", "completion"},
    "__init__": set(),
    # ecoqa import: its own package, used by the CLI only, reading the bundled term table from corpus
    "importing.__init__": set(),
    "importing.decode": {"messages"},
    "importing.blocks": {"text"},
    "importing.digest": {"importing"},
    "importing.pairs": {"importing", "messages", "text"},
    "importing.structure": {"importing", "text"},
    "importing.candidates": {"importing", "messages"},
    "importing.questions": {"importing"},
    "importing.rst": {"importing"},
    "importing.markup": {"importing"},
    "importing.templates": {"importing", "text"},
    "importing.meta": {"models"},
    "importing.html": {"importing", "text", "errors"},
    "importing.markdown": {"importing"},
    "importing.cells": {"importing"},
    "importing.columns": {"importing", "text", "errors", "messages"},
    "importing.table": {"importing", "messages"},
    "importing.sources": {"importing", "errors", "messages", "text", "corpus"},
    "importing.build": {"importing", "errors", "messages", "models", "text", "corpus", "schema"},
    "importing.terms": {"importing", "errors", "messages"},
}
#: third-party package -> modules that may import it (the same rule as ruff's banned-api)
THIRD_PARTY = {
    "typer": {
        "cli.exits",
        "cli.usage",
        "cli.completion",
        "cli.options",
        "cli.common",
        "cli.reading",
        "cli.documents",
        "cli.settings",
        "cli.__init__",
    },
    "rich": {"render", "overview", "output", "browse"},
    "rapidfuzz": {"search.expand", "search.engine", "names"},
    "Stemmer": {"search.analysis"},
    "textual": {"browse"},
    "platformdirs": {"store.cache", "config"},
    "selectolax": {"importing.html"},
    "markdown_it": {"importing.markdown"},
    "charset_normalizer": {"importing.decode"},
}
PACKAGES = ("importing", "search", "store", "cli")
MODULES = sorted([*SRC.glob("*.py"), *(path for package in PACKAGES for path in SRC.glob(f"{package}/*.py"))])


def module_name(path: Path) -> str:
    return f"{path.parent.name}.{path.stem}" if path.parent.name in PACKAGES else path.stem


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        assert not (isinstance(node, ast.ImportFrom) and node.level), f"{path.name}: import ecoqa modules by full name"
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            if node.module == "ecoqa":
                names.update(f"ecoqa.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_imports_point_inward(path: Path) -> None:
    module = module_name(path)
    assert module in INTERNAL, f"new module {module}: add it to the dependency table"
    for name in imports_of(path):
        top = name.split(".")[0]
        if top == "ecoqa" and "." in name:
            target = name.removeprefix("ecoqa.")  # a package's name allows each of its modules
            allowed = INTERNAL[module]
            assert target in allowed or target.split(".")[0] in allowed, f"{module} may not import {name}"
        elif top in THIRD_PARTY:
            assert module in THIRD_PARTY[top], f"{module} may not import {top}"


@pytest.mark.parametrize("package", ["search", "store"])
def test_no_module_of_a_package_uses_the_package_itself(package: str) -> None:
    """Its modules take nothing from the package's ``__init__``: no import circle."""
    for path in SRC.glob(f"{package}/*.py"):
        assert f"ecoqa.{package}" not in imports_of(path), path.name


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
        "ecoqa.overview",
        "ecoqa.corpus",
        "json",
        "selectolax",
        "markdown_it",
        "charset_normalizer",
        "ecoqa.importing",
    }
    assert not heavy & loaded, heavy & loaded


@pytest.mark.parametrize("argv", [["show", "10"], ["search", "financing"], ["list", "--topic", "mkb"]])
def test_only_import_loads_the_page_parsers(argv: list[str]) -> None:
    """The HTML, Markdown and encoding libraries cost start-up only for ``ecoqa import``."""
    code = (
        "import sys, contextlib, io\n"
        "from ecoqa.cli import run\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    run({argv!r})\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('selectolax', 'markdown_it', 'charset_normalizer') or m.startswith('ecoqa.importing'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_one_map_from_errors_to_exit_codes() -> None:
    """``cli.exits.exit_for`` alone turns an exception into an exit code and its line; the entry
    point asks it too when the last flush fails (only Ctrl-C before the CLI has loaded is 130 there)."""
    the_map = SRC / "cli" / "exits.py"
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path not in (the_map, SRC / "catalogue.py"):  # the catalogue holds the line's Dutch
            assert "cannot write output (" not in text, path
            assert not re.search(r"ExitCode\.(OK|NO_MATCH|USAGE|INTERNAL|OUTPUT|INTERRUPTED|TERMINATED)\b", text), path
    assert (SRC / "__main__.py").read_text(encoding="utf-8").count("exit_for(") == 1


def _members_of(*protocols: type) -> set[str]:
    """The public methods a typed interface (``Protocol``) declares, its bases' included."""
    return {
        name
        for protocol in protocols
        for cls in protocol.__mro__
        if cls.__module__.startswith("ecoqa")
        for name in vars(cls)
        if not name.startswith("_")
    }


def test_the_store_path_has_no_getattr_hooks() -> None:
    """What a store adds to entries or an index is declared in a Protocol that mypy checks; nobody
    asks an object by name whether it is a store's (``getattr(entries, "documents", None)``)."""
    from ecoqa.export import Listing
    from ecoqa.models import Entries
    from ecoqa.search.index import Vocabulary

    hooks = _members_of(Entries, Listing, Vocabulary) | {"quotes", "locate", "between", "after_fork"}
    assert {"documents", "headings", "heading", "members", "kept_related", "prefetch", "df"} <= hooks
    found = []
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("getattr", "hasattr")
                and len(node.args) > 1
                and isinstance(node.args[1], ast.Constant)
                and node.args[1].value in hooks
            ):
                found.append(f"{module_name(path)}:{node.lineno} {node.func.id}(…, {node.args[1].value!r})")
    assert not found, found


def test_no_module_is_over_700_lines() -> None:
    """A module longer than that holds more than one concern: split it by concern."""
    lengths = {module_name(path): len(path.read_text(encoding="utf-8").splitlines()) for path in MODULES}
    assert not {name: n for name, n in lengths.items() if n > 700}
