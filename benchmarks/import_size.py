"""Time and peak memory of ``ecoqa import`` on large documents of every format it reads.

usage: python benchmarks/import_size.py [--sizes 0.25,1,4] [--big] [--only NAME,...] [--keep DIR]

Each document is a real FAQ of tests/data/import/ repeated until it reaches the size: its body
(the part between the title and the end) is copied again and again, so the large document keeps
the structure of the real one (its headings, numbering, lists, table rows, markup). HTML pages
repeat what is inside <body>, and their schema.org JSON-LD lists each question again as often;
a CSV/TSV table repeats its rows under one header, each copy numbered in a column of its
own; an ecoqa corpus repeats its questions with new ids.

Each run is the command a user types, ``ecoqa import FILE -o OUT.json``, in its own process: the
wall time, the peak resident memory of that process (``wait4``), and the questions written. Printed
per format: seconds per MB at 1 MB (the target is under 2 s for a 1 MB page), the peak memory as a
multiple of the largest file's size, and how time grows with size: the exponent k of t ~ size^k between the
smallest and the largest size (1.0 is linear; above ~1.2 something is quadratic). ``--big`` adds a
50 MB document of each format (minutes in all).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from math import log
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "import"
MB = 1_000_000


@dataclass(frozen=True)
class Seed:
    """A real document and how to repeat it."""

    name: str
    path: Path
    grow: Callable[[str, int], str]  # (text, copies) -> the document repeated


def _repeat_text(text: str, copies: int) -> str:
    """A text document written *copies* times one after another, its front matter kept once."""
    head, body = _front_matter(text)
    body = body.rstrip("\n")
    return (
        head + "\n\n".join(_underlined(_LINE_ASKS.sub(f" ({n})?", body)) if n else body for n in range(copies)) + "\n"
    )


#: a question mark at the end of a line or of a text in markup: where each copy's questions get their number,
#: since a question asked twice in one document is not taken as a question (a repeated menu, say)
_LINE_ASKS = re.compile(r"\?(?=[ \t]*(?:$|=+[ \t]*$|::)|\s*<)", re.M)
_UNDERLINE = re.compile(r"^(.+)\n([=\-~^\"'`#*+:.])\2+$", re.M)


def _underlined(text: str) -> str:
    """reStructuredText titles keep an underline as long as the title after it grew."""
    return _UNDERLINE.sub(
        lambda m: m.group(1) + "\n" + m.group(2) * max(len(m.group(1)), len(m.group(0)) - len(m.group(1)) - 1), text
    )


def _front_matter(text: str) -> tuple[str, str]:
    found = re.match(r"(---\n.*?\n---\n)", text, re.S)
    return (found.group(1), text[found.end() :]) if found else ("", text)


_BODY = re.compile(r"(<body[^>]*>)(.*)(</body>)", re.S | re.I)
_JSON_LD = re.compile(r'(<script[^>]*type="application/ld\+json"[^>]*>)(.*?)(</script>)', re.S | re.I)


def _repeat_html(text: str, copies: int) -> str:
    """An HTML page whose body is repeated, and its FAQ JSON-LD lists every question as often."""
    body = _BODY.search(text)
    if body is None:
        return _repeat_text(text, copies)
    inner = body.group(2)
    copied = "".join(_LINE_ASKS.sub(f" ({n})?", inner) if n else inner for n in range(copies))
    page = text[: body.start(2)] + copied + text[body.end(2) :]
    return _JSON_LD.sub(lambda m: m.group(1) + _more_entities(m.group(2), copies) + m.group(3), page)


def _more_entities(script: str, copies: int) -> str:
    try:
        data = json.loads(script)
    except ValueError:
        return script
    for item in data.get("@graph", [data]) if isinstance(data, dict) else data:
        if isinstance(item, dict) and isinstance(item.get("mainEntity"), list):
            item["mainEntity"] = [_numbered(entity, n) for n in range(copies) for entity in item["mainEntity"]]
    return json.dumps(data, ensure_ascii=False, indent=1)


def _numbered(entity: object, copy: int) -> object:
    if not copy or not isinstance(entity, dict) or not isinstance(entity.get("name"), str):
        return entity
    return {**entity, "name": _LINE_ASKS.sub(f" ({copy})?", entity["name"])}


def _repeat_rows(text: str, copies: int) -> str:
    """A CSV/TSV table whose rows (all but the header) are repeated, each copy numbered in a last
    column: a row repeated cell for cell is one entry, so identical copies would import as one."""
    head = text[:4096]
    delimiter = "\t" if head.count("\t") > head.count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow([*rows[0], "copy"])
    for copy in range(copies):
        writer.writerows([*row, str(copy + 1)] for row in rows[1:])
    return out.getvalue()


def _repeat_corpus(text: str, copies: int) -> str:
    document = json.loads(text)
    questions = document["questions"]
    count = len(questions)
    document["questions"] = [{**q, "id": n * count + i + 1} for n in range(copies) for i, q in enumerate(questions)]
    return json.dumps(document, ensure_ascii=False, indent=1)


def _corpus_seed() -> Path:
    return ROOT / "data" / "qa.json"


SEEDS = [
    Seed("HTML (headings)", DATA / "real" / "flac-faq.html", _repeat_html),
    Seed("HTML JSON-LD", DATA / "real" / "mckinney-tree-service-faq.html", _repeat_html),
    Seed("HTML microdata", DATA / "faq_microdata.html", _repeat_html),
    Seed("HTML accordion nl", DATA / "heldout" / "minderafval053-veelgestelde-vragen.html", _repeat_html),
    Seed("Markdown", DATA / "real" / "poetry-faq.md", _repeat_text),
    Seed("Markdown numbered", DATA / "real" / "ohmyzsh-wiki-FAQ.md", _repeat_text),
    Seed("text", DATA / "real" / "tmux-FAQ.txt", _repeat_text),
    Seed("text dotted", DATA / "real" / "zlib-FAQ.txt", _repeat_text),
    Seed("reStructuredText", DATA / "real" / "restic-faq.rst", _repeat_text),
    Seed("AsciiDoc", DATA / "real" / "git-lfs-faq.adoc", _repeat_text),
    Seed("Org", DATA / "real" / "doomemacs-faq.org", _repeat_text),
    Seed("POD", DATA / "real" / "perlfaq9.pod", _repeat_text),
    Seed("MediaWiki", DATA / "heldout" / "gpodder-FAQ.mediawiki", _repeat_text),
    Seed("CSV", DATA / "real" / "ht2-faq.csv", _repeat_rows),
    Seed("TSV", DATA / "real" / "decc-2050-faq.tsv", _repeat_rows),
    Seed("ecoqa corpus", _corpus_seed(), _repeat_corpus),
]


def grown(seed: Seed, size: int) -> str:
    """The seed repeated to about *size* UTF-8 bytes."""
    text = seed.path.read_text(encoding="utf-8")
    once = len(seed.grow(text, 2).encode()) - len(seed.grow(text, 1).encode())
    copies = max(1, round((size - len(text.encode())) / max(once, 1)) + 1)
    return seed.grow(text, copies)


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float  # user + system seconds of the process: what the load of the moment changes least
    peak_mb: float
    questions: int
    exit_code: int
    stderr: str


def run_import(ecoqa: str, source: Path, out: Path) -> Run:
    """``ecoqa import SOURCE -o OUT --force`` in its own process: times, peak RSS, questions written."""
    with tempfile.TemporaryFile() as errors:
        run = _measured([ecoqa, "import", str(source), "-o", str(out), "--force"], errors)
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    questions = len(json.loads(out.read_bytes())["questions"]) if run.exit_code == 0 else 0
    return Run(run.wall, run.cpu, run.peak_mb, questions, run.exit_code, stderr)


def _measured(command: list[str], stderr: object = None) -> Run:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)  # type: ignore[arg-type]
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    return Run(wall, cpu, usage.ru_maxrss / 1024, 0, os.waitstatus_to_exitcode(status), "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="0.25,1,4", help="sizes in MB, smallest to largest (default 0.25,1,4)")
    parser.add_argument("--big", action="store_true", help="add a 50 MB document of each format")
    parser.add_argument("--only", help="comma-separated format names (as printed) to run")
    parser.add_argument("--keep", type=Path, help="write the documents here and keep them")
    parser.add_argument("--ecoqa", default=str(Path(sys.executable).with_name("ecoqa")))
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")] + ([50.0] if args.big else [])
    wanted = {n.strip().casefold() for n in args.only.split(",")} if args.only else None
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        base = min((_measured([args.ecoqa, "--version"]) for _ in range(3)), key=lambda run: run.cpu)
        print(f"start-up (ecoqa --version): {base.wall:.2f} s, {base.peak_mb:.0f} MB; load {os.getloadavg()[0]:.1f}")
        print("each size: wall seconds (CPU seconds); growth k is of the CPU time less start-up's, peak memory less")
        print("start-up's, at the largest size\n")
        header = " | ".join(f"{s:g} MB s" for s in sizes)
        print(f"| format (seed) | questions at 1 MB | {header} | wall s per MB at 1 MB | peak MB per MB | growth k |")
        print("| --- | ---: | " + " | ".join("---:" for _ in sizes) + " | ---: | ---: | ---: |")
        for seed in SEEDS:
            if wanted is not None and seed.name.casefold() not in wanted:
                continue
            print(_row(seed, sizes, folder, args.ecoqa, base), flush=True)


def _row(seed: Seed, sizes: list[float], folder: Path, ecoqa: str, base: Run) -> str:
    runs: dict[float, tuple[int, Run]] = {}
    for size in sizes:
        stem = re.sub(r"\W+", "-", seed.name.lower())
        source = folder / f"{stem}-{size:g}mb{seed.path.suffix}"
        source.write_text(grown(seed, int(size * MB)), encoding="utf-8")
        run = run_import(ecoqa, source, folder / "out.json")
        if run.exit_code != 0:
            return (
                f"| {seed.name} ({seed.path.name}) | exit {run.exit_code} at {size:g} MB: {run.stderr.strip()[:200]} |"
            )
        runs[size] = (source.stat().st_size, run)
    one = runs.get(1.0)
    small, large = runs[sizes[0]], runs[sizes[-1]]
    work = [max(run.cpu - base.cpu, 0.01) for run in (small[1], large[1])]
    growth = f"{log(work[1] / work[0]) / log(large[0] / small[0]):.2f}" if len(sizes) > 1 else "-"
    times = " | ".join(f"{runs[s][1].wall:.2f} ({runs[s][1].cpu:.2f})" for s in sizes)
    per_mb = f"{one[1].wall / (one[0] / MB):.2f}" if one else "-"
    memory = (large[1].peak_mb - base.peak_mb) / (large[0] / MB)
    found = f"{one[1].questions:,}" if one else "-"
    return f"| {seed.name} ({seed.path.name}) | {found} | {times} | {per_mb} | {memory:.0f} | {growth} |"


if __name__ == "__main__":
    main()
