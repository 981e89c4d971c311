"""Score ``ecoqa import`` on real Q&A documents against ground truth made by reading them.

usage: python benchmarks/import_score.py [DIR] [--ecoqa CMD] [--min-recall R] [--min-precision P]
                                         [--min-complete C] [-v] [--markdown]
       python benchmarks/import_score.py --sets [--ecoqa CMD]

DIR (default tests/data/import/real) holds the documents and truth.json
({"files": {name: {"kind", "lang", "pairs": [{"q", "a_start", "a_end"}]}}}). Each document is
imported on its own with CMD (default: this Python's ``-m ecoqa``). A found question is right when
its normalised text matches a true one (exact, or similarity >= 0.85; numbering such as ``1.``,
``Q3:`` or ``Vraag 3:`` is ignored); its answer is complete when the true first words open it and
the true last words close it. Prints a line per file (or a Markdown table), then the totals:
question recall, precision and answers complete; exits 1 below a --min bar. ``--sets`` scores
every set under tests/data/import and prints the table of them that docs/import.md holds (and
tests/test_import_real.py checks against the importer of the day).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import shlex
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SETS_DIR = ROOT / "tests" / "data" / "import"
DEFAULT_DIR = SETS_DIR / "real"
MATCH = 0.85

# (source, output corpus) -> (exit code, stderr): one import of one document.
Importer = Callable[[Path, Path], tuple[int, str]]


def norm(text: str) -> str:
    """Compare texts without case, markup, punctuation or a leading question number."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"\{#[^}]*\}", " ", text)
    text = re.sub(r"^\s*(?:q(?:uestion)?\s*\d*[:.)]|vraag\s*\d*[:.)]|\d+(?:\.\d+)*[.)]?)\s+", "", text)
    text = re.sub(r"[`*_~\[\]()#>\"'“”‘’«»]", " ", text)
    text = re.sub(r"[^\w?]+", " ", text)
    return " ".join(text.split())


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@dataclass
class FileScore:
    name: str
    kind: str
    lang: str
    true: int
    found: int = 0
    correct: int = 0
    complete: int = 0
    failure: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.correct / self.true if self.true else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else (1.0 if not self.true else 0.0)


@dataclass
class Totals:
    files: list[FileScore]

    @property
    def recall(self) -> float:
        true = sum(f.true for f in self.files)
        return sum(f.correct for f in self.files) / true if true else 1.0

    @property
    def precision(self) -> float:
        found = sum(f.found for f in self.files)
        return sum(f.correct for f in self.files) / found if found else 0.0

    @property
    def complete(self) -> float:
        correct = sum(f.correct for f in self.files)
        return sum(f.complete for f in self.files) / correct if correct else 0.0

    @property
    def worst(self) -> FileScore:
        return min(self.files, key=lambda f: (f.recall, f.name))


def answer_complete(pair: dict[str, str], answer: str) -> bool:
    start, end = norm(pair.get("a_start", "")), norm(pair.get("a_end", ""))
    starts = not start or start[:40] in answer[: len(start) + 300]
    ends = not end or end[-40:] in answer[-(len(end) + 300) :]
    return starts and ends


def score_file(name: str, spec: dict[str, Any], found: list[dict[str, Any]]) -> FileScore:
    """Match the true pairs one by one to the closest unused found question."""
    result = FileScore(name, spec.get("kind", ""), spec.get("lang", ""), len(spec["pairs"]), len(found))
    texts = [(norm(str(q.get("question", ""))), norm(str(q.get("answer", "")))) for q in found]
    used: set[int] = set()
    for pair in spec["pairs"]:
        wanted = norm(pair["q"])
        best, best_index = 0.0, None
        for index, (question, _) in enumerate(texts):
            if index in used:
                continue
            ratio = 1.0 if question == wanted else similar(question, wanted)
            if ratio > best:
                best, best_index = ratio, index
        if best_index is None or best < MATCH:
            result.notes.append(f"missed: {pair['q'][:70]!r} (best {best:.2f})")
            continue
        used.add(best_index)
        result.correct += 1
        if answer_complete(pair, texts[best_index][1]):
            result.complete += 1
        else:
            result.notes.append(f"incomplete: {pair['q'][:70]!r}")
    result.notes += [f"extra: {str(found[i].get('question', ''))[:70]!r}" for i in range(len(found)) if i not in used]
    return result


def score(directory: Path, run: Importer) -> Totals:
    """Import every document named in DIR/truth.json with ``run`` and score it."""
    truth = json.loads((directory / "truth.json").read_text(encoding="utf-8"))["files"]
    files = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, spec in sorted(truth.items()):
            if spec.get("skip"):
                continue
            out = Path(tmp) / f"{name}.json"
            code, stderr = run(directory / name, out)
            found = (
                json.loads(out.read_text(encoding="utf-8")).get("questions", []) if code == 0 and out.exists() else []
            )
            result = score_file(name, spec, found)
            if code:
                lines = stderr.replace(f"{directory / name}: ", "").strip().splitlines()
                result.failure = f"exit {code}: {lines[-1][:80] if lines else ''}"
            files.append(result)
    return Totals(files)


def command_importer(command: list[str]) -> Importer:
    """Run ``COMMAND import SOURCE -o OUT --force`` as a separate process."""

    def run(source: Path, out: Path) -> tuple[int, str]:
        done = subprocess.run(
            [*command, "import", str(source), "-o", str(out), "--force"],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=300,
            check=False,
        )
        return done.returncode, done.stderr

    return run


def totals_line(totals: Totals) -> str:
    worst = totals.worst
    return (
        f"import on {len(totals.files)} real documents: question recall {totals.recall:.3f}, "
        f"precision {totals.precision:.3f}, answers complete {totals.complete:.3f}; "
        f"worst file {worst.name} recall {worst.recall:.2f}"
    )


def text_report(totals: Totals, verbose: bool) -> str:
    lines = []
    for f in totals.files:
        lines.append(
            f"{f.name:52} true {f.true:4} found {f.found:4} correct {f.correct:4} recall {f.recall:.2f} "
            f"precision {f.precision:.2f} complete {f.complete}/{f.correct}" + (f"  {f.failure}" if f.failure else "")
        )
        if verbose:
            lines += [f"    {note}" for note in f.notes]
    return "\n".join([*lines, totals_line(totals)])


def markdown_report(totals: Totals) -> str:
    lines = [
        "| document | kind | lang | true | found | correct | recall | precision | complete |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for f in totals.files:
        failure = f" ({f.failure})" if f.failure else ""
        lines.append(
            f"| `{f.name}`{failure} | {f.kind} | {f.lang} | {f.true} | {f.found} | {f.correct} | "
            f"{f.recall:.2f} | {f.precision:.2f} | {f.complete}/{f.correct} |"
        )
    true, found, correct = (sum(getattr(f, key) for f in totals.files) for key in ("true", "found", "correct"))
    complete = sum(f.complete for f in totals.files)
    lines.append(
        f"| **all {len(totals.files)}** | | | {true} | {found} | {correct} | **{totals.recall:.3f}** | "
        f"**{totals.precision:.3f}** | {complete}/{correct} = **{totals.complete:.3f}** |"
    )
    return "\n".join(lines)


def every_set() -> list[Path]:
    """Every scored set: the folders under tests/data/import that hold a truth.json, in name order."""
    return sorted((folder for folder in SETS_DIR.iterdir() if (folder / "truth.json").is_file()), key=set_order)


def set_order(folder: Path) -> list[str | int]:
    """A set's place in the table: by name, numbers as numbers (heldout2 before heldout10)."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", folder.name)]


def set_row(folder: Path, totals: Totals) -> str:
    """One set's row of the table of every set."""
    pairs = sum(f.true for f in totals.files)
    return (
        f"| `{folder.name}/` | {len(totals.files)} | {pairs} | "
        f"{totals.recall:.3f} | {totals.precision:.3f} | {totals.complete:.3f} |"
    )


SETS_HEADER = (
    "| set | documents | pairs | recall | precision | answers complete |\n| --- | ---: | ---: | ---: | ---: | ---: |"
)


def sets_table(scores: list[tuple[Path, Totals]]) -> str:
    return "\n".join([SETS_HEADER, *(set_row(folder, totals) for folder, totals in scores)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--ecoqa", default=f"{shlex.quote(sys.executable)} -m ecoqa", help="command that runs ecoqa")
    parser.add_argument("--min-recall", type=float, default=0.0)
    parser.add_argument("--min-precision", type=float, default=0.0)
    parser.add_argument("--min-complete", type=float, default=0.0)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss, extra and incomplete answer")
    parser.add_argument("--markdown", action="store_true", help="print the per-file table in Markdown")
    parser.add_argument("--sets", action="store_true", help="score every set and print the table of them")
    args = parser.parse_args(argv)
    if args.sets:
        importer = command_importer(shlex.split(args.ecoqa))
        print(sets_table([(folder, score(folder, importer)) for folder in every_set()]))
        return 0
    totals = score(args.dir, command_importer(shlex.split(args.ecoqa)))
    print(markdown_report(totals) if args.markdown else text_report(totals, args.verbose))
    if args.markdown:
        print(f"\n{totals_line(totals)}")
    below = (
        totals.recall < args.min_recall or totals.precision < args.min_precision or totals.complete < args.min_complete
    )
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
