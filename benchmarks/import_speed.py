"""How fast ``ecoqa import`` reads a ~1 MB document of each format, as a ratio to the stdlib.

usage: python benchmarks/import_speed.py [--size BYTES] [--runs N] [--keep DIR]

Writes one document per format (HTML, Markdown, CSV) of about --size bytes, made of the real
questions and answers in tests/data/import/real/truth.json (numbered so that none repeats; an
HTML and Markdown section heading every 20 questions). Then, alternating, times

- ecoqa: reading, recognising and cutting the file into pairs (``read_source``) and building the
  corpus document from them (``build``), the work of ``ecoqa import`` before writing;
- the baseline in the same run: reading the same bytes and parsing them with the stdlib alone
  (``html.parser.HTMLParser`` for HTML, a line scan for headings for Markdown, ``csv.reader`` for CSV).

Prints the median seconds of each and their ratio. Ratios, not seconds, are what to compare
between machines and runs: both sides share the load of the moment.
"""

from __future__ import annotations

import argparse
import csv
import html
import io
import json
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from ecoqa.importing.build import build
from ecoqa.importing.sources import read_source

ROOT = Path(__file__).resolve().parents[1]
TRUTH = ROOT / "tests" / "data" / "import" / "real" / "truth.json"
SECTION_EVERY = 20


def seed_pairs() -> list[tuple[str, str]]:
    """Real questions with an answer made of their true first and last words."""
    files = json.loads(TRUTH.read_text(encoding="utf-8"))["files"]
    pairs = []
    for spec in files.values():
        for pair in spec["pairs"]:
            question = " ".join(pair["q"].split())
            if question.endswith("?"):
                pairs.append((question, f"{pair['a_start']} … {pair['a_end']}"))
    return pairs


def numbered(count: int) -> list[tuple[int, str, str]]:
    """*count* numbered pairs (number, question, answer), none repeating."""
    seeds = seed_pairs()
    out: list[tuple[int, str, str]] = []
    for index in range(count):
        question, answer = seeds[index % len(seeds)]
        out.append((index + 1, f"{question[:-1]} (case {index + 1})?", answer))
    return out


def document(write: Callable[[list[tuple[int, str, str]]], str], size: int) -> tuple[str, int]:
    """The text of about *size* UTF-8 bytes that *write* makes, and how many pairs it holds."""
    count = 1000
    text = write(numbered(count))
    count = max(1, round(count * size / len(text.encode("utf-8"))))
    return write(numbered(count)), count


def as_html(pairs: list[tuple[int, str, str]]) -> str:
    head = '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>FAQ</title></head><body>\n'
    parts = [head, "<h1>FAQ</h1>\n"]
    for number, question, answer in pairs:
        if number % SECTION_EVERY == 1:
            parts.append(f"<h2>Section {number // SECTION_EVERY + 1}</h2>\n")
        parts.append(f"<h3>{html.escape(question)}</h3>\n<p>{html.escape(answer)}</p>\n")
    parts.append("</body></html>\n")
    return "".join(parts)


def as_markdown(pairs: list[tuple[int, str, str]]) -> str:
    parts = ["# FAQ\n\n"]
    for number, question, answer in pairs:
        if number % SECTION_EVERY == 1:
            parts.append(f"## Section {number // SECTION_EVERY + 1}\n\n")
        parts.append(f"### {question}\n\n{answer}\n\n")
    return "".join(parts)


def as_csv(pairs: list[tuple[int, str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["question", "answer"])
    writer.writerows((question, answer) for _, question, answer in pairs)
    return buffer.getvalue()


class _Collector(HTMLParser):
    """The stdlib baseline for HTML: every start tag and every piece of text seen."""

    def __init__(self) -> None:
        super().__init__()
        self.tags = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags += 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def stdlib_html(path: Path) -> int:
    parser = _Collector()
    parser.feed(path.read_bytes().decode("utf-8"))
    parser.close()
    return parser.tags


HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


def stdlib_markdown(path: Path) -> int:
    text = path.read_bytes().decode("utf-8")
    return sum(1 for line in text.splitlines() if HEADING.match(line))


def stdlib_csv(path: Path) -> int:
    text = path.read_bytes().decode("utf-8")
    return sum(1 for _ in csv.reader(io.StringIO(text)))


def ecoqa_import(path: Path) -> int:
    source = read_source(path)
    built = build([source], title=None, lang=None, version="bench")
    return len(built.document["questions"])


FORMATS: dict[str, tuple[str, Callable[[list[tuple[int, str, str]]], str], Callable[[Path], int]]] = {
    "HTML": ("faq.html", as_html, stdlib_html),
    "Markdown": ("faq.md", as_markdown, stdlib_markdown),
    "CSV": ("faq.csv", as_csv, stdlib_csv),
}


def timed(run: Callable[[Path], int], path: Path) -> float:
    start = time.perf_counter()
    run(path)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes per document (default 1,000,000)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write the documents here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"medians of {args.runs} alternated runs\n")
        print("| format | size | questions in it | found | ecoqa s | stdlib s | ratio |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for name, (filename, write, baseline) in FORMATS.items():
            path = folder / filename
            text, count = document(write, args.size)
            path.write_text(text, encoding="utf-8")
            found = ecoqa_import(path)
            ours: list[float] = []
            theirs: list[float] = []
            for _ in range(args.runs):
                ours.append(timed(ecoqa_import, path))
                theirs.append(timed(baseline, path))
            mine, base = statistics.median(ours), statistics.median(theirs)
            kb = path.stat().st_size / 1000
            print(f"| {name} | {kb:,.0f} kB | {count:,} | {found:,} | {mine:.2f} | {base:.3f} | {mine / base:.0f}x |")


if __name__ == "__main__":
    main()
