"""The README's examples are real: every ``$ ecoqa …`` line in a console block of the README (and of
docs/usage.md, where its details went) is run, and what it prints (stdout, then stderr, as a
terminal shows them) must be what the page shows.

A block may end with a line ``…``: then only the lines above it are compared. Commands run in a
temporary folder that holds the sample FAQ page as ``faq.html``, 80 columns wide, without colour,
and must exit 0. After changing output on purpose, regenerate the README with

    python tests/test_readme.py --update
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
WITH_EXAMPLES = {README: 6, DOCS / "usage.md": 1}  # each page with runnable examples: how many it has at least
FAQ_PAGE = ROOT / "tests" / "data" / "import" / "faq_jsonld.html"
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)
MORE = "…"
ENV = {"COLUMNS": "80", "LINES": "40", "NO_COLOR": "1", "TERM": "dumb", "ECOQA_LANG": "", "ECOQA_DATA": ""}


def examples(text: str) -> Iterator[tuple[str, list[str]]]:
    """(command, the lines shown under it) for every ``$ ecoqa`` line of every console block."""
    for block in BLOCK.findall(text):
        command: str | None = None
        shown: list[str] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    yield command, shown
                command, shown = line[2:], []
            elif command is not None:
                shown.append(line)
        if command is not None:
            yield command, shown


def run(command: str, folder: Path) -> str:
    """The output of one README command, run the way the test runs it."""
    from typer.testing import CliRunner

    from ecoqa.cli import app

    words = shlex.split(command)
    assert words[0] == "ecoqa", command
    env = {key: value for key, value in ENV.items() if value}
    previous = Path.cwd()
    os.chdir(folder)
    try:
        saved = {key: os.environ.pop(key, None) for key in ENV if not ENV[key]}
        result: Any = CliRunner().invoke(app, words[1:], env=env)
    finally:
        os.chdir(previous)
        os.environ.update({k: v for k, v in saved.items() if v is not None})
    assert result.exit_code == 0, f"{command}: exit {result.exit_code}\n{result.stderr}"
    return str(result.stdout + result.stderr)


def workspace() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="ecoqa-readme-"))
    shutil.copy(FAQ_PAGE, folder / "faq.html")
    return folder


def matches(output: str, shown: list[str]) -> bool:
    """True when *output* is what the README shows (its first lines, when the block ends in ``…``).

    Trailing spaces (rich pads lines to the width) are not compared: editors strip them.
    """
    actual = [line.rstrip() for line in output.rstrip("\n").split("\n")]
    shown = [line.rstrip() for line in shown]
    if shown and shown[-1] == MORE:
        return actual[: len(shown) - 1] == shown[:-1]
    return actual == shown


@pytest.mark.parametrize("page", list(WITH_EXAMPLES), ids=lambda page: page.name)
def test_every_readme_example_prints_what_the_readme_shows(page: Path) -> None:
    folder = workspace()
    try:
        found = list(examples(page.read_text(encoding="utf-8")))
        assert len(found) >= WITH_EXAMPLES[page], f"{page.name} lost its examples"
        for command, shown in found:
            assert matches(run(command, folder), shown), f"{page.name} example changed: $ {command}"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_a_changed_example_is_seen() -> None:
    """The comparison can fail: one changed character in an example's output is caught."""
    folder = workspace()
    try:
        command, shown = next((c, s) for c, s in examples(README.read_text(encoding="utf-8")) if len(s) > 1)
        output = run(command, folder)
        assert matches(output, shown)
        assert not matches(output, [shown[0] + "x", *shown[1:]])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def update(page: Path) -> None:
    """Rewrite each example's output in *page* with what the command prints now."""
    text = page.read_text(encoding="utf-8")
    folder = workspace()

    def fill(block: re.Match[str]) -> str:
        lines = block.group(1).splitlines()
        out: list[str] = []
        at = 0
        while at < len(lines):
            line = lines[at]
            if not line.startswith("$ ecoqa"):
                out.append(line)
                at += 1
                continue
            following = []
            at += 1
            while at < len(lines) and not lines[at].startswith("$ "):
                following.append(lines[at])
                at += 1
            actual = [out.rstrip() for out in run(line[2:], folder).rstrip("\n").split("\n")]
            if following and following[-1] == MORE:
                actual = [*actual[: len(following) - 1], MORE]
            out += [line, *actual]
        return "```console\n" + "\n".join(out) + "\n```"

    try:
        page.write_text(BLOCK.sub(fill, text), encoding="utf-8")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/test_readme.py --update")
    os.environ.update({k: v for k, v in ENV.items() if v})
    for page in WITH_EXAMPLES:
        update(page)
    pytest.main([__file__, "-q"])


QUALITY_ROWS = {  # a row of the README's quality table: its query file, and the kind of query (None: all)
    "shared development set": ("dev_queries.json", None),
    "own held-out set": ("own_queries.json", None),
    "fresh held-out set": ("fresh_queries.json", None),
    "short-query held-out set": ("blind_queries.json", None),
    "paraphrase held-out set": ("paraphrase_queries.json", None),
    "colleague held-out set": ("colleague_queries.json", None),
    "everyday-English held-out set": ("pivot_queries.json", None),
}


def test_the_quality_table_is_measured() -> None:
    """Every row of the search quality table (docs/search.md) is what ``benchmarks/search_quality.py``
    measures now: a ranking change that moves a figure must update the table too."""
    import importlib.util
    import json

    from ecoqa.corpus import load_corpus
    from ecoqa.search.index import build_index

    spec = importlib.util.spec_from_file_location("search_quality", ROOT / "benchmarks" / "search_quality.py")
    assert spec and spec.loader
    quality = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(quality)
    corpus = load_corpus()
    index = build_index(corpus)
    row = r"^\| (—? ?[^|]+?) \| (\d+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$"
    rows = re.findall(row, (DOCS / "search.md").read_text(encoding="utf-8"), re.M)
    table = [row for row in rows if row[0] in QUALITY_ROWS or row[0].startswith("— English paraphrases")]
    assert len(table) == 12
    source = ""
    for name, count, *shown in table:
        if name in QUALITY_ROWS:
            source, kind = QUALITY_ROWS[name][0], None
        else:
            kind = "en_paraphrase"
        cases = json.loads((ROOT / "tests" / "data" / source).read_text(encoding="utf-8"))["cases"]
        cases = [c for c in cases if kind is None or c.get("kind") == kind]
        measured = quality.metrics([(quality.ranked_ids(corpus, index, c["query"]), set(c["relevant"])) for c in cases])
        figures = tuple(f"{measured[key]:.3f}" for key in ("mrr", "hit1", "hit3"))
        assert (count, *shown) == (str(len(cases)), *figures), name


def readme_words(text: str) -> int:
    """Words of the whole file, code blocks and examples included, counted as ``wc -w`` counts them
    (runs of characters between whitespace): a reader reads the examples too."""
    return len(text.split())


def test_the_readme_is_for_users() -> None:
    """Short enough to read (under 1,800 words by ``wc -w``), with the details linked from it and
    present in docs/."""
    text = README.read_text(encoding="utf-8")
    assert readme_words(text) < 1800
    assert readme_words("a b\n```sh\nc d-e\n```\nf") == 7
    links = set(re.findall(r"\]\((docs/[\w.]+\.md)", text))
    assert {"docs/usage.md", "docs/search.md", "docs/speed.md", "docs/development.md", "docs/corpus.md"} <= links
    for link in links:
        assert (ROOT / link).is_file(), link
    for internal in ("BM25F", "× floor", "ruff", "mypy"):
        assert internal not in text, internal


def test_the_setup_commands_are_the_ones_ci_runs() -> None:
    """The two set-up commands at the README's top stay as they are; CI runs the same test command."""
    text = README.read_text(encoding="utf-8")
    assert "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/ecoqa show 10" in text
    assert "python3 -m venv .venv && .venv/bin/pip install -e '.[dev]' && .venv/bin/python -m pytest" in text
    assert "python -m pytest" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_links_between_the_readme_and_docs_point_at_sections_that_exist() -> None:
    """A section moved or renamed breaks no link: every ``page.md#section`` (or ``#section``) link in
    the README and docs/ names a file and a heading that exist."""
    assert anchor("Output: terminal, pipe, JSON") == "output-terminal-pipe-json"
    for page in [README, *sorted(DOCS.glob("*.md"))]:
        for target, section in re.findall(r"\]\(([\w./-]*\.md|)#([\w-]+)\)", page.read_text(encoding="utf-8")):
            linked = (page.parent / target).resolve() if target else page
            assert linked.is_file(), f"{page.name}: {target}"
            headings = re.findall(r"^#+ (.+)$", linked.read_text(encoding="utf-8"), re.M)
            assert section in {anchor(h) for h in headings}, f"{page.name}: {target}#{section}"
