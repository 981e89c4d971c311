"""Run ecoqa against the README's contract with hostile input, streams, files and environments.

usage: python benchmarks/fault_harness.py [--ecoqa PATH] [--jobs 2] [--only TEXT] [--list]

A reconstruction of the fault harness of ``reviews/reliability-review-2.md`` from its description
(its own script is kept outside the repository): each case runs ecoqa as a subprocess in a fresh
folder with its own HOME, config and cache, with a timeout, two at a time. The contract checked for
every case, from the README's "Exit codes" table and docs/usage.md's "Writing files":

- the documented exit code (each case lists the ones that are right for it);
- on failure one line on stderr (warnings aside), never a traceback, "internal error" (70) or
  Python's "Exception ignored"; no hang;
- nothing lost: files the case names keep their bytes and kind (a device stays a device);
- nothing injected: no escape sequence from data in stdout or stderr; rendered exports run nothing.

Device cases make their own device nodes (root only; skipped otherwise), never touching /dev/null.
Exits 1 if any case failed, and prints each failure with its reason.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]
QA = ROOT / "data" / "qa.json"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: ecoqa's own colour and hyperlinks, allowed where a case asks for colour
OWN_ESCAPES = re.compile(r"\x1b\[[0-9;:]*m|\x1b\]8;[^\x07\x1b]*(?:\x07|\x1b\\)")
ROOT_USER = os.geteuid() == 0
UNPRIVILEGED = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]

Check = Callable[[Path, "Outcome"], list[str]]
Setup = Callable[[Path], dict[str, str]]


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str


@dataclass
class Case:
    category: str
    name: str
    args: list[str]
    codes: tuple[int, ...]
    setup: Setup | None = None
    check: Check | None = None
    #: pipe, full (a device of our own like /dev/full), closed, head (reader stops at once),
    #: head-line (reader stops after a line, as ``| head -1``), head-byte (after a byte, ``| head -c 1``)
    stdout: str = "pipe"
    stderr: str = "pipe"  # pipe, full, closed
    stdin: str = "devnull"  # devnull, closed
    colour: bool = False  # ecoqa's own colour (SGR) and hyperlinks are expected on stdout
    unset: tuple[str, ...] = ()  # environment variables removed (no HOME)
    needs_root: bool = False
    limit_file_size: int | None = None
    env: dict[str, str] = field(default_factory=dict)
    #: (signal name, glob in the case folder): send the signal once a file matching the glob exists
    #: (SIGINT to the process group, as Ctrl-C does), so it lands while ecoqa writes, never at start-up
    signal_when: tuple[str, str] | None = None
    #: (signal name, CPU seconds): send the signal once the command has worked that long, when no file
    #: marks the moment (a large import still reading its source, a validate still checking)
    signal_after: tuple[str, float] | None = None
    defect: int | None = None  # the number of the review's defect this case is the command of
    #: run so that file permissions count, also for root (see UNPRIVILEGED)
    unprivileged: bool = False


# ---------------------------------------------------------------------------------------------- helpers


def device(folder: Path, name: str, minor: int) -> Path:
    path = folder / name
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    return path


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def corpus(questions: list[dict[str, object]], **extra: object) -> str:
    return json.dumps({"schema_version": 1, **extra, "questions": questions})


def setup_files(**files: str | bytes) -> Setup:
    def make(folder: Path) -> dict[str, str]:
        for name, text in files.items():
            write(folder, name, text)
        return {}

    return make


def unchanged(*names: str) -> tuple[Setup, Check]:
    """A setup that records the files' bytes and kind, and a check that they are still so."""
    seen: dict[str, tuple[int, bytes | None]] = {}

    def record(folder: Path) -> None:
        for name in names:
            path = folder / name
            mode = path.lstat().st_mode
            seen[str(path)] = (stat.S_IFMT(mode), path.read_bytes() if stat.S_ISREG(mode) else None)

    def check(folder: Path, outcome: Outcome) -> list[str]:
        problems = []
        for name in names:
            path = folder / name
            kind, content = seen[str(path)]
            mode = path.lstat().st_mode
            if stat.S_IFMT(mode) != kind:
                problems.append(f"{name} changed kind ({oct(kind)} -> {oct(stat.S_IFMT(mode))})")
            elif content is not None and path.read_bytes() != content:
                problems.append(f"{name} changed")
        return problems

    return record, check  # type: ignore[return-value]


def no_temporary_files(folder: Path, outcome: Outcome) -> list[str]:
    return [f"left {p.name}" for p in folder.iterdir() if p.name.endswith(".tmp")]


def renders_inert(name: str) -> Check:
    """The Markdown file *name*, rendered as CommonMark, holds no live HTML tags from the data."""

    def check(folder: Path, outcome: Outcome) -> list[str]:
        from markdown_it import MarkdownIt

        path = folder / name
        if not path.exists():
            return [f"{name} not written"]
        html = MarkdownIt("commonmark").render(path.read_text(encoding="utf-8"))
        return [f"live <{tag}> in rendered {name}" for tag in ("script", "img", "iframe") if f"<{tag}" in html]

    return check


def renders_literally(name: str, *texts: str) -> Check:
    def check(folder: Path, outcome: Outcome) -> list[str]:
        from markdown_it import MarkdownIt

        html = MarkdownIt("commonmark").render((folder / name).read_text(encoding="utf-8"))
        body = html.split('<a id="q1"></a>', 1)[-1]
        problems = [f"rendered {tag}" for tag in ("<h1", "<hr", "<pre", "<li", "<ol", "<ul") if tag in body]
        return problems + [f"{text!r} not shown literally" for text in texts if text not in body]

    return check


def both(*checks: Check) -> Check:
    return lambda folder, outcome: [p for c in checks for p in c(folder, outcome)]


def with_setups(*setups: Callable[[Path], object]) -> Setup:
    def run(folder: Path) -> dict[str, str]:
        env: dict[str, str] = {}
        for one in setups:
            result = one(folder)
            if isinstance(result, dict):
                env.update(result)
        return env

    return run


# ---------------------------------------------------------------------------------------------- cases

COMMANDS = [
    ["list"], ["list", "--json"], ["list", "--plain"], ["show", "3"], ["show", "3", "--json"],
    ["search", "financiering"], ["search", "financiering", "--json"], ["search", "zzqqxx"], ["topics"],
    ["topics", "--json"], ["speakers"], ["principles"], ["principles", "--json"], ["info"], ["info", "--json"],
    ["export"], ["export", "-f", "md"], ["export", "-f", "html"], ["export", "-f", "json"], ["validate", str(QA)],
    ["validate", str(QA), "--json"], ["config"], ["--help"], ["--version"], ["search", "--help"], ["show", "99"],
    ["search", "x", "--limit", "0"], ["list", "--topic", "nope"], ["import", "faq.html", "-o", "-"],
    ["import", "faq.html", "--dry-run"], ["help"],
]  # fmt: skip
FAQ = "<h2>1. Hoe werkt het?</h2><p>Zo.</p><h2>2. Waarom?</h2><p>Daarom.</p>\n"


def stream_cases() -> list[Case]:
    cases = []
    for args in COMMANDS:
        ok = (1,) if "zzqqxx" in args else (2,) if args[-1] in ("99", "0", "nope") else (0,)
        setup = setup_files(**{"faq.html": FAQ})
        name = " ".join(a if a != str(QA) else "qa.json" for a in args)
        failed_write = ok if ok != (0,) else (74,)
        cases.append(Case("streams", f"{name} >/dev/full", args, failed_write, setup, stdout="full", needs_root=True))
        cases.append(Case("streams", f"{name} >&-", args, failed_write, setup, stdout="closed"))
        cases.append(Case("streams", f"{name} | head -c0", args, (*ok, 0), setup, stdout="head"))
        cases.append(Case("streams", f"{name} 2>/dev/full", args, ok, setup, stderr="full", needs_root=True))
    return cases


def cli_cases() -> list[Case]:
    cases = []
    for value in ["²", "١", str(2**63), "-1", "0", "1.5", "abc", "", "9" * 5000]:
        cases.append(Case("cli input", f"show {value!r:.20}", ["show", value], (0, 2)))
    for limit in ["0", "-1", str(10**12), "abc"]:
        cases.append(Case("cli input", f"search --limit {limit}", ["search", "financiering", "--limit", limit], (0, 2)))
    for option in (["--lang", "xx"], ["--color", "pink"], ["-f", "pdf"]):
        command = ["export"] if option[0] == "-f" else ["list"]
        cases.append(Case("cli input", " ".join(command + option), command + option, (2,)))
    for query in ["", " ", "é", "???", "de het een", "x" * 100_000, "[/]", "\x1b[31m"]:
        cases.append(Case("cli input", f"search {query[:12]!r}", ["search", query], (0, 1, 2)))
    cases.append(Case("cli input", "unknown option", ["list", "--bogus"], (2,)))
    cases.append(Case("cli input", "unknown command", ["frobnicate"], (0, 1, 2)))
    return cases


def corpus_cases() -> list[Case]:
    bad = {
        "nan": b'{"questions": [{"id": 1, "question": "a", "answer": NaN}]}',
        "duplicate ids": corpus([{"id": 1, "question": "a", "answer": "b"}] * 2).encode(),
        "deep": b"[" * 100_000 + b"]" * 100_000,
        "utf16": corpus([{"id": 1, "question": "a", "answer": "b"}]).encode("utf-16"),
        "invalid utf8": b'{"questions": [{"id": 1, "question": "\xff", "answer": "b"}]}',
        "empty": b"",
        "truncated": corpus([{"id": 1, "question": "a", "answer": "b"}]).encode()[:-5],
        "id too large": corpus([{"id": 2**40, "question": "a", "answer": "b"}]).encode(),
        "wrong type": corpus([{"id": "1", "question": ["a"], "answer": None}]).encode(),
    }
    cases = []
    for name, raw in bad.items():
        for command in (["list"], ["validate"]):
            args = [*command, "c.json"] if command == ["validate"] else ["--data", "c.json", *command]
            cases.append(Case("hostile corpus", f"{name}: {command[0]}", args, (3,), setup_files(**{"c.json": raw})))
    fifo = lambda folder: os.mkfifo(folder / "c.json")  # noqa: E731
    cases.append(Case("hostile corpus", "fifo: list", ["--data", "c.json", "list"], (3,), with_setups(fifo)))
    cases.append(Case("hostile corpus", "dir: list", ["--data", ".", "list"], (3,)))
    zero = lambda folder: device(folder, "c.json", 5)  # noqa: E731
    cases.append(
        Case("hostile corpus", "zero: validate", ["validate", "c.json"], (3,), with_setups(zero), needs_root=True)
    )
    return cases


def config_cases() -> list[Case]:
    cases = []
    configs: dict[str, Callable[[Path], object]] = {
        "fifo": lambda folder: os.mkfifo(folder / "config"),
        "binary": lambda folder: write(folder, "config", b"\xff\xfe\x00\x00"),
        "bad line": lambda folder: write(folder, "config", "lang en\n"),
        "directory": lambda folder: (folder / "config").mkdir(),
        "huge": lambda folder: write(folder, "config", "# x\n" * 100_000),
    }
    for name, make in configs.items():
        env = with_setups(make, lambda folder: {"ECOQA_CONFIG": str(folder / "config")})
        cases.append(Case("environment", f"config {name}: list", ["list", "--plain"], (0,), env))
        cases.append(Case("environment", f"config {name}: config", ["config"], (0, 2), env))
    zero = with_setups(lambda f: device(f, "zero", 5), lambda f: {"ECOQA_CONFIG": str(f / "zero")})
    cases.append(Case("environment", "config /dev/zero: list", ["list", "--plain"], (0,), zero, needs_root=True))
    folder_is_file = with_setups(
        lambda f: write(f, "f", "x"), lambda f: {"ECOQA_CONFIG": "", "XDG_CONFIG_HOME": str(f / "f")}
    )
    record, check = unchanged("f")
    cases.append(
        Case(
            "environment",
            "config folder is a file",
            ["config", "lang", "en"],
            (74,),
            with_setups(folder_is_file, record),
            check,
        )
    )
    for columns in ["0", "-5", "100000", "abc"]:
        cases.append(Case("environment", f"COLUMNS={columns}", ["list"], (0,), env={"COLUMNS": columns}))
    for name, value in [("TERM", "dumb"), ("LANG", "C"), ("NO_COLOR", "1"), ("ECOQA_LANG", "xx")]:
        cases.append(Case("environment", f"{name}={value}", ["show", "3"], (0, 2), env={name: value}))
    return cases


def page_with(body: str) -> Setup:
    return setup_files(**{"p.html": body + "<h2>2. Waarom?</h2><p>Daarom.</p>\n"})


def import_cases() -> list[Case]:
    cases = []
    links = ["mailto:info@example.org", "https://example.org/café", "https://example.org/a b", "javascript:alert(1)"]
    for href in links:
        body = f'<h2>1. Hoe bereik ik jullie?</h2><p>Mail <a href="{href}">ons</a>.</p>'
        cases.append(Case("import", f"link {href[:24]}", ["import", "p.html", "-o", "out.json"], (0,), page_with(body)))
    for canonical in ["https://example.org/a page", "javascript:alert(1)"]:
        body = f'<link rel="canonical" href="{canonical}"><h2>1. Hoe?</h2><p>Zo.</p>'
        cases.append(
            Case("import", f"canonical {canonical[:20]}", ["import", "p.html", "-o", "o.json"], (0,), page_with(body))
        )
    for cell in ["3000000000", "²", "①", "9" * 5000]:
        table = setup_files(**{"q.csv": f"id,question,answer\n{cell},Vraag?,Antwoord.\n"})
        cases.append(Case("import", f"csv id {cell[:12]}", ["import", "q.csv", "-o", "o.json"], (0, 3), table))
    for attributes in ['<ol start="3000000000"><li>', '<ol><li value="-5">']:
        body = f"{attributes}Hoe werkt het?<p>Zo.</p></li><li>Waarom nu?<p>Nu.</p></li></ol>"
        cases.append(
            Case("import", f"list {attributes}", ["import", "p.html", "-o", "o.json"], (0, 3), page_with(body))
        )
    for tag, depth in [("div", 600), ("section", 1000), ("div", 100_000), ("ol><li", 100_000)]:
        body = f"<{tag}>" * depth + "<h2>1. Hoe?</h2><p>Zo.</p>"
        cases.append(
            Case("import", f"{depth} nested {tag}", ["import", "p.html", "--dry-run"], (0, 3), page_with(body))
        )
    ld = '<script type="application/ld+json">' + "[" * 1000 + "]" * 1000 + "</script><h2>1. Hoe?</h2><p>Zo.</p>"
    cases.append(Case("import", "JSON-LD 1000 deep", ["import", "p.html", "--dry-run"], (0, 3), page_with(ld)))
    zero = with_setups(lambda f: device(f, "zero", 5))
    cases.append(Case("import", "/dev/zero as source", ["import", "zero", "-o", "o.json"], (3,), zero, needs_root=True))
    charset = '<html><head><meta charset="utf-16"></head><body><h2>1. Hoe werkt het?</h2><p>Zo.</p>'

    def two_questions(folder: Path, outcome: Outcome) -> list[str]:
        return [] if "2 questions" in outcome.stdout else ["not read as 2 questions"]

    cases.append(
        Case("import", "utf-16 declared", ["import", "p.html", "--dry-run"], (0,), page_with(charset), two_questions)
    )
    cases.append(
        Case("import", "binary", ["import", "b.bin", "-o", "o.json"], (3,), setup_files(**{"b.bin": b"\x00\x01" * 99}))
    )
    record, check = unchanged("faq.html")
    cases.append(
        Case(
            "import",
            "-o onto its input",
            ["import", "faq.html", "-o", "faq.html", "--force"],
            (2,),
            with_setups(setup_files(**{"faq.html": FAQ}), record),
            check,
        )
    )
    return cases


def output_security_cases() -> list[Case]:
    evil = "https://example.org/x><script>alert(document.domain)</script>"
    body = f'<h2>1. Hoe vraag ik aan?</h2><p>Lees <a href="{evil}">de voorwaarden</a>.</p>'
    steps = ["import", "p.html", "-o", "evil.json"]
    export = ["--data", "evil.json", "export", "-f", "md", "-o", "evil.md"]

    def chained(folder: Path) -> dict[str, str]:
        page_with(body)(folder)
        subprocess.run([*ECOQA, *steps], cwd=folder, env=base_env(folder), capture_output=True, check=True, timeout=60)
        return {}

    cases = [
        Case(
            "output security",
            "reference URL with <script> in Markdown",
            export,
            (0,),
            chained,
            renders_inert("evil.md"),
        )
    ]
    answer = "Gewone tekst\n=====\n\n+ geen lijst\n\n---\n\n    geen code"
    literal = setup_files(**{"l.json": corpus([{"id": 1, "question": "Wat betekent &copy;?", "answer": answer}])})
    cases.append(
        Case(
            "output security",
            "Markdown shows answers literally",
            ["--data", "l.json", "export", "-f", "md", "-o", "l.md"],
            (0,),
            literal,
            renders_literally("l.md", "=====", "&amp;copy;", "+ geen lijst", "---"),
        )
    )
    title = (
        "<title>FAQ&#x1b;]0;pwned&#x07;</title><h2>1. Wat is &#x1b;]8;;https://evil.example/&#x1b;\\klik?</h2><p>A.</p>"
    )
    cases.append(
        Case("output security", "page escapes in dry-run", ["import", "p.html", "--dry-run"], (0,), page_with(title))
    )
    name = "\x1b]0;pwned\x07.json"
    hostile_name = setup_files(**{name: QA.read_bytes()})
    cases.append(Case("output security", "file name in validate", ["validate", name], (0,), hostile_name))
    cases.append(Case("output security", "file name in wrote note", ["export", "3", "-o", name + ".md"], (0,)))
    payloads = ["\x1b[31mrood", "\x1b]8;;http://evil\x07klik", "\x9b31m", "\u202eesrever", "[bold]x[/]", ":warning:"]
    for payload in payloads:
        data = setup_files(**{"h.json": corpus([{"id": 1, "question": f"Vraag {payload}?", "answer": payload}])})
        for command in (["show", "1"], ["list"], ["search", "vraag"], ["export", "-f", "md"]):
            cases.append(
                Case("output security", f"{payload[:8]!r} {command[0]}", ["--data", "h.json", *command], (0,), data)
            )
    return cases


def data_safety_cases() -> list[Case]:
    cases = []
    writers = {"export": ["export", "3", "-o", "target"], "import": ["import", "faq.html", "-o", "target"]}
    for writer, args in writers.items():
        for force in ([], ["--force"]):
            null = with_setups(setup_files(**{"faq.html": FAQ}), lambda f: device(f, "target", 3))
            record, check = unchanged("target")
            cases.append(
                Case(
                    "data safety",
                    f"{writer} -o device {force}",
                    [*args, *force],
                    (0,),
                    with_setups(null, record),
                    both(check, no_temporary_files),
                    needs_root=True,
                )
            )

        def fifo_reader(folder: Path) -> dict[str, str]:
            setup_files(**{"faq.html": FAQ})(folder)
            os.mkfifo(folder / "target")
            threading.Thread(target=lambda: (folder / "target").read_bytes(), daemon=True).start()
            return {}

        record, check = unchanged("target")
        cases.append(
            Case(
                "data safety",
                f"{writer} -o fifo",
                args,
                (0,),
                with_setups(fifo_reader, record),
                both(check, no_temporary_files),
            )
        )

        def linked(folder: Path) -> dict[str, str]:
            setup_files(**{"faq.html": FAQ, "real": "old\n"})(folder)
            (folder / "target").symlink_to("real")
            return {}

        def link_kept(folder: Path, outcome: Outcome) -> list[str]:
            link = folder / "target"
            if not link.is_symlink():
                return ["the link was replaced"]
            return [] if (folder / "real").read_text() != "old\n" else ["the target was not written"]

        cases.append(
            Case(
                "data safety",
                f"{writer} -o symlink --force",
                [*args, "--force"],
                (0,),
                linked,
                both(link_kept, no_temporary_files),
            )
        )

    def socket_server(folder: Path) -> dict[str, str]:
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(folder / "target"))
        server.listen(1)

        def read_to_the_end() -> None:
            connection = server.accept()[0]
            while connection.recv(1 << 16):
                pass

        threading.Thread(target=read_to_the_end, daemon=True).start()
        return {}

    record, check = unchanged("target")
    cases.append(
        Case("data safety", "export -o socket", writers["export"], (0,), with_setups(socket_server, record), check)
    )
    package = Path(str(__import__("ecoqa").__file__)).resolve().parent
    for target in [ROOT / "data" / "qa.json", package / "cli.py", package / "data" / "qa.json"]:
        cases.append(
            Case(
                "data safety",
                f"-o {target.relative_to(ROOT.parent)} --force",
                ["export", "-f", "json", "-o", str(target), "--force"],
                (2,),
                limit_file_size=0,
            )
        )
    record, check = unchanged("c.json")
    own = with_setups(setup_files(**{"c.json": QA.read_bytes()}), record)
    for spelling in ["c.json", "./c.json", "../{}/c.json"]:
        cases.append(
            Case(
                "data safety",
                f"-o own corpus {spelling}",
                ["--data", "c.json", "export", "-o", spelling, "--force"],
                (2,),
                own,
                check,
            )
        )
    record, check = unchanged("n.md")
    notes = with_setups(setup_files(**{"n.md": "notes\n"}), record)
    cases.append(Case("data safety", "-o existing without --force", ["export", "-o", "n.md"], (2,), notes, check))
    return cases


# ---------------------------------------------------------------------------------------------- review-2 defects

_CORPORA: dict[int, bytes] = {}


def generated(count: int) -> bytes:
    """A corpus of *count* questions from ``benchmarks/make_corpus.py`` (600: the review's mid.json)."""
    if count not in _CORPORA:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from make_corpus import make

        _CORPORA[count] = json.dumps(make(count), ensure_ascii=False).encode()
    return _CORPORA[count]


def with_corpus(name: str, count: int) -> Setup:
    return setup_files(**{name: generated(count)})


def run_ecoqa(folder: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[bytes]:
    """ecoqa run by a setup (to build an index, to learn the undamaged answer)."""
    env = base_env(folder) | extra
    return subprocess.run([*ECOQA, *args], cwd=folder, env=env, capture_output=True, timeout=300, check=False)


def kept(*names: str, sizes: dict[str, int] | None = None) -> Check:
    """The files are still there (with these sizes)."""

    def check(folder: Path, outcome: Outcome) -> list[str]:
        problems = [f"{name} was removed" for name in names if not (folder / name).exists()]
        for name, size in (sizes or {}).items():
            if (folder / name).exists() and (folder / name).stat().st_size != size:
                problems.append(f"{name} changed size")
        return problems

    return check


def same_answer_as_undamaged(args: list[str]) -> tuple[Callable[[Path], None], Check]:
    """A setup step that records the answer from a fresh cache, and a check that the case gave it."""
    answers: dict[str, bytes] = {}

    def record(folder: Path) -> None:
        answers[str(folder)] = run_ecoqa(folder, *args, ECOQA_CACHE_DIR=str(folder / "fresh-cache")).stdout

    def check(folder: Path, outcome: Outcome) -> list[str]:
        expected = answers[str(folder)]
        if outcome.code == 75:  # damage found mid-command, index removed: nothing printed, the next run is right
            again = run_ecoqa(folder, *args).stdout
            problems = [] if outcome.stdout == "" else ["output printed before exit 75"]
            return problems + ([] if again == expected else ["the run after exit 75 differs from an undamaged index's"])
        return [] if outcome.stdout.encode() == expected else ["answer differs from an undamaged index's"]

    return record, check


def no_temporary_anywhere(folder: Path, outcome: Outcome) -> list[str]:
    return [f"left {p.relative_to(folder)}" for p in folder.rglob("*") if p.name.endswith(".tmp")]


def defect_cases() -> list[Case]:
    """The review's defects that no other category runs, each with the command the review gives."""
    cases: list[Case] = []
    search = ["--data", "mid.json", "search", "financiering"]

    def big_user_file(folder: Path) -> dict[str, str]:
        (folder / "proj").mkdir()
        with open(folder / "proj" / "projects.sqlite3", "wb") as handle:
            handle.truncate(1100 * 2**20)  # sparse: 1100 MB that take no disk
        return {"ECOQA_CACHE_DIR": str(folder / "proj")}

    cases.append(
        Case(
            "review-2 defects", "#1 user's 1100 MB projects.sqlite3 in ECOQA_CACHE_DIR", search, (0,),
            with_setups(with_corpus("mid.json", 600), big_user_file),
            kept("proj/projects.sqlite3", sizes={"proj/projects.sqlite3": 1100 * 2**20}), defect=1,
        )
    )  # fmt: skip

    def small_limit(folder: Path) -> dict[str, str]:
        (folder / "proj").mkdir()
        (folder / "proj" / "my.sqlite3").write_bytes(b"\0" * 2 * 2**20)
        return {"ECOQA_CACHE_DIR": str(folder / "proj"), "ECOQA_CACHE_MB": "1"}

    cases.append(
        Case(
            "review-2 defects", "#1 user's my.sqlite3 with ECOQA_CACHE_MB=1", search, (0,),
            with_setups(with_corpus("mid.json", 600), small_limit), kept("proj/my.sqlite3"), defect=1,
        )
    )  # fmt: skip

    def old_temporaries(folder: Path) -> dict[str, str]:
        (folder / "proj").mkdir()
        for name in (".notes.tmp", ".draft.sqlite3.tmp", ".0123.sqlite3.abcd.tmp"):
            path = folder / "proj" / name
            path.write_text("mine\n")
            os.utime(path, (0, 0))  # older than any sweep's age limit
        return {"ECOQA_CACHE_DIR": str(folder / "proj")}

    cases.append(
        Case(
            "review-2 defects", "#1 user's old .*.tmp files in ECOQA_CACHE_DIR", search, (0,),
            with_setups(with_corpus("mid.json", 600), old_temporaries),
            kept("proj/.notes.tmp", "proj/.draft.sqlite3.tmp", "proj/.0123.sqlite3.abcd.tmp"), defect=1,
        )
    )  # fmt: skip

    old = setup_files(**{"out.md": "old\n", "out.html": "old\n"})
    for name, code in (("SIGTERM", 143), ("SIGINT", 130)):
        for form in ("md", "html"):
            out = f"out.{form}"
            cases.append(
                Case(
                    "review-2 defects", f"#2 {name} during export -f {form}",
                    ["--data", "c.json", "export", "-f", form, "-o", out, "--force"], (code,),
                    with_setups(with_corpus("c.json", 3000), old),
                    both(kept(out, sizes={out: 4}), no_temporary_anywhere),
                    signal_when=(name, f".{out}.*.tmp"), defect=2,
                )
            )  # fmt: skip
        cases.append(
            Case(
                "review-2 defects", f"#2 {name} during an index build",
                ["--data", "c.json", "search", "financiering"], (code,), with_corpus("c.json", 3000),
                no_temporary_anywhere, signal_when=(name, "home/cache/.*.tmp"), defect=2,
            )
        )  # fmt: skip

    def edited_during_build(folder: Path) -> dict[str, str]:
        path = folder / "c.json"
        data = generated(6000)
        path.write_bytes(data)
        at = data.find(b"innovatie", int(len(data) * 0.85))
        assert at > 0, "no 'innovatie' in the last 15% of the corpus"
        env = base_env(folder)
        build = subprocess.Popen([*ECOQA, "--data", "c.json", "search", "x"], cwd=folder, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        import time

        time.sleep(1.0)
        with open(path, "r+b") as handle:
            handle.seek(at)
            handle.write(b"zqxwvbnmk")
        build.wait(300)
        with open(path, "r+b") as handle:
            handle.seek(at)
            handle.write(b"innovatie")
        return {}

    cases.append(
        Case(
            "review-2 defects", "#11 corpus edited during the build, then restored",
            ["--data", "c.json", "search", "zqxwvbnmk"], (1,), edited_during_build, defect=11,
        )
    )  # fmt: skip

    json_search = ["--data", "mid.json", "search", "financiering", "--json"]

    def damaged_vocabulary(folder: Path) -> None:
        import sqlite3

        run_ecoqa(folder, *json_search)
        (index,) = (folder / "home" / "cache").glob("*.sqlite3")
        with sqlite3.connect(index) as db:
            db.execute(
                "UPDATE vocabulary SET terms=(SELECT terms FROM vocabulary WHERE surface='samenwerking') "
                "WHERE surface='financiering'"
            )

    record, same = same_answer_as_undamaged(json_search)
    cases.append(
        Case(
            "review-2 defects", "#14 vocabulary row swapped in the index", json_search, (0, 75),
            with_setups(with_corpus("mid.json", 600), record, damaged_vocabulary), same, defect=14,
        )
    )  # fmt: skip

    def index_made_a_fifo(folder: Path) -> None:
        run_ecoqa(folder, *json_search)
        (index,) = (folder / "home" / "cache").glob("*.sqlite3")
        index.unlink()
        os.mkfifo(index)

    record, same = same_answer_as_undamaged(json_search)
    cases.append(
        Case(
            "review-2 defects", "#16 the index replaced by a FIFO", json_search, (0, 75),
            with_setups(with_corpus("mid.json", 600), record, index_made_a_fifo), same, defect=16,
        )
    )  # fmt: skip
    urandom = with_setups(lambda f: device(f, "urandom", 9))
    cases.append(
        Case(
            "review-2 defects", "#12 /dev/urandom as import source", ["import", "urandom", "-o", "o.json"], (3,),
            urandom, needs_root=True, defect=12,
        )
    )  # fmt: skip

    def unreadable(folder: Path) -> dict[str, str]:
        write(folder, "c.json", QA.read_bytes()).chmod(0)
        return {}

    for args in (["validate", "c.json"], ["--data", "c.json", "list"]):
        cases.append(
            Case("review-2 defects", f"#19 unreadable: {args[0]}", args, (3,), unreadable, defect=19, unprivileged=True)
        )
    return cases


# ---------------------------------------------------------------------------------------------- writers and readers

#: Each writing command, with its output named T: (name, arguments, environment).
WRITING = [
    ("export", ["export", "3", "-o", "T"], {}),
    ("export --force", ["export", "3", "-o", "T", "--force"], {}),
    ("import", ["import", "faq.html", "-o", "T"], {}),
    ("import --force", ["import", "faq.html", "-o", "T", "--force"], {}),
    ("config", ["config", "lang", "en"], {"ECOQA_CONFIG": "T"}),
]
OLD = "lang = nl\n"  # an existing file's content: also a valid config file


def writer_case(kind: str, writer: str, args: list[str], env: dict[str, str]) -> Case:
    forced = "--force" in args or writer == "config"
    target = "T"
    received: dict[str, list[bytes]] = {}

    def listen(folder: Path, make: Callable[[Path], None], serve: Callable[[Path, list[bytes]], None]) -> None:
        make(folder / target)
        got: list[bytes] = []
        received[str(folder)] = got
        threading.Thread(target=serve, args=(folder / target, got), daemon=True).start()

    def read_fifo(path: Path, got: list[bytes]) -> None:
        got.append(path.read_bytes())

    def make_socket(path: Path) -> None:
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(path))
        server.listen(1)
        sockets[str(path)] = server

    sockets: dict[str, socket.socket] = {}

    def read_socket(path: Path, got: list[bytes]) -> None:
        connection = sockets[str(path)].accept()[0]
        got.append(b"".join(iter(lambda: connection.recv(1 << 16), b"")))

    def got_document(folder: Path, outcome: Outcome) -> list[str]:
        data = b"".join(received.get(str(folder), []))
        return [] if len(data) > 20 else ["nothing was sent into it"]

    def target_written(folder: Path, outcome: Outcome) -> list[str]:
        real = folder / "sub" / "real" if kind.endswith("symlink") else folder / target
        problems = [] if real.exists() and real.read_text(errors="replace") != OLD else ["the target was not written"]
        if kind.endswith("symlink") and not (folder / target).is_symlink():
            problems.append("the link was replaced")
        return problems

    def link_and_target_kept(folder: Path, outcome: Outcome) -> list[str]:
        real = folder / "sub" / "real"
        problems = [] if (folder / target).is_symlink() else ["the link was replaced"]
        if kind == "symlink" and (not real.exists() or real.read_text() != OLD):
            problems.append("the target was changed without --force")
        return problems + (["the target was created without --force"] if kind != "symlink" and real.exists() else [])

    record, still = unchanged(target)
    faq = setup_files(**{"faq.html": FAQ})
    codes: tuple[int, ...]
    setup: Setup
    check: Check
    if kind == "new file":
        setup, check, codes = faq, target_written, (0,)
    elif kind == "regular file":
        setup = with_setups(faq, setup_files(T=OLD), record)
        check, codes = (target_written, (0,)) if forced else (still, (2,))
    elif kind in ("symlink", "dangling symlink"):

        def linked(folder: Path) -> None:
            (folder / "sub").mkdir()
            if kind == "symlink":
                (folder / "sub" / "real").write_text(OLD)
            (folder / target).symlink_to(Path("sub") / "real")

        setup = with_setups(faq, linked)
        if forced:
            check, codes = target_written, (0,)
        else:
            check, codes = link_and_target_kept, (2,)
    elif kind == "fifo":
        setup = with_setups(faq, lambda f: listen(f, os.mkfifo, read_fifo), record)
        check, codes = both(still, got_document), (0,)
    elif kind == "socket":
        setup = with_setups(faq, lambda f: listen(f, make_socket, read_socket), record)
        check, codes = both(still, got_document), (0,)
    elif kind in ("char device", "full device"):
        minor = 3 if kind == "char device" else 7
        setup = with_setups(faq, lambda f: device(f, target, minor), record)
        check, codes = still, ((0,) if minor == 3 else (74,))
    elif kind == "directory":
        setup = with_setups(faq, lambda f: (f / target).mkdir(), record)
        check, codes = still, (2,)
    elif kind == "unwritable folder":

        def locked(folder: Path) -> None:
            (folder / "locked").mkdir(mode=0o555)

        setup, check, codes = with_setups(faq, locked), kept(), (74,)
        target = "locked/T"
    elif kind == "missing folder":
        target = "nope/T"
        setup, check, codes = faq, kept(), ((0,) if writer == "config" else (74,))
    else:
        raise ValueError(kind)
    args = [target if a == "T" else a for a in args]
    env = {k: target if v == "T" else v for k, v in env.items()}

    def absolute(folder: Path) -> dict[str, str]:
        return {k: str(folder / v) for k, v in env.items()}

    return Case(
        "writers", f"{writer} onto {kind}", args, codes, with_setups(setup, absolute),
        both(check, no_temporary_anywhere), needs_root=kind.endswith("device"),
        unprivileged=kind == "unwritable folder",
    )  # fmt: skip


WRITE_KINDS = [
    "new file", "regular file", "symlink", "dangling symlink", "fifo", "socket", "char device", "full device",
    "directory", "unwritable folder", "missing folder",
]  # fmt: skip


def writer_cases() -> list[Case]:
    return [writer_case(kind, writer, args, env) for kind in WRITE_KINDS for writer, args, env in WRITING]


#: Each reading command, with its input named IN: (name, arguments, environment, documented codes).
READING = [
    ("list", ["--data", "IN", "list"], {}, (3,)),
    ("search", ["--data", "IN", "search", "financiering"], {}, (3,)),
    ("export", ["--data", "IN", "export", "-f", "md", "-o", "out.md"], {}, (3,)),
    ("validate", ["validate", "IN"], {}, (3,)),
    ("import", ["import", "IN", "-o", "out.json"], {}, (3,)),
    ("config file: list", ["list", "--plain"], {"ECOQA_CONFIG": "IN"}, (0,)),
    ("config file: config", ["config"], {"ECOQA_CONFIG": "IN"}, (0, 2)),
]


def reader_case(kind: str, reader: str, args: list[str], env: dict[str, str], codes: tuple[int, ...]) -> Case:
    needs_root = False
    if kind == "missing":
        make: Callable[[Path], object] = lambda folder: None  # noqa: E731
        codes = (0,) if reader.startswith("config file") else codes
    elif kind == "unreadable":
        make = lambda folder: write(folder, "IN", QA.read_bytes()).chmod(0)  # noqa: E731
    elif kind == "fifo":
        if reader == "import":  # a pipe is a source: read what its writer sends

            def make(folder: Path) -> None:
                os.mkfifo(folder / "IN")
                threading.Thread(target=lambda: (folder / "IN").write_text(FAQ), daemon=True).start()

            codes = (0,)
        else:
            make = lambda folder: os.mkfifo(folder / "IN")  # noqa: E731
    elif kind == "device":
        make, needs_root = (lambda folder: device(folder, "IN", 5)), True
    elif kind == "directory":
        make = lambda folder: (folder / "IN").mkdir()  # noqa: E731
    elif kind == "huge":

        def make(folder: Path) -> None:
            with open(folder / "IN", "wb") as handle:
                handle.truncate(201 * 2**20)  # sparse, over the 200 MB limit

    elif kind == "binary":
        make = lambda folder: write(folder, "IN", os.urandom(65536))  # noqa: E731
    elif kind == "empty":
        make = lambda folder: write(folder, "IN", b"")  # noqa: E731
    else:
        raise ValueError(kind)

    def absolute(folder: Path) -> dict[str, str]:
        return {k: str(folder / "IN") for k in env}

    def nothing_written(folder: Path, outcome: Outcome) -> list[str]:
        if outcome.code == 0:
            return []
        return [f"{name} written after an error" for name in ("out.md", "out.json") if (folder / name).exists()]

    def at_most_one_warning(folder: Path, outcome: Outcome) -> list[str]:
        lines = outcome.stderr.splitlines()
        if outcome.code != 0 or len(lines) <= 1:
            return []
        return [f"{len(lines)} lines on stderr: {outcome.stderr[:200]!r}"]

    return Case(
        "readers", f"{reader} of {kind} input", args, codes, with_setups(make, absolute),
        both(nothing_written, at_most_one_warning), needs_root=needs_root, unprivileged=kind == "unreadable",
    )  # fmt: skip


READ_KINDS = ["missing", "unreadable", "fifo", "device", "directory", "huge", "binary", "empty"]


def reader_cases() -> list[Case]:
    return [reader_case(kind, *reading) for kind in READ_KINDS for reading in READING]


#: The review's defects found by the cases of the other categories, by case name (see defect_cases).
DEFECT_OF_CASE = [
    (3, r"^import: (link|canonical) "),
    (4, r"^output security: reference URL"),
    (5, r"^data safety: (export|import) -o (device|fifo|symlink)|^data safety: export -o socket"),
    (6, r"^data safety: -o .*--force$"),
    (7, r"^output security: page escapes"),
    (8, r"^streams: .*(>|2>)/dev/full$"),
    (9, r"^import: (csv id|list <)"),
    (10, r"^import: .*(nested|deep)"),
    (12, r"^import: /dev/zero"),
    (13, r"^output security: file name"),
    (15, r"^environment: config (fifo|/dev/zero)"),
    (17, r"^output security: Markdown shows"),
    (18, r"^cli input: (show '-1'|search --limit|export -f pdf|list --lang|list --color|unknown option)"),
    (20, r"^environment: config (folder is a file|binary: config)"),
    (21, r"^import: utf-16 declared"),
]


def tag_defects(all_cases: list[Case]) -> list[Case]:
    for case in all_cases:
        for number, pattern in DEFECT_OF_CASE:
            if case.defect is None and re.search(pattern, f"{case.category}: {case.name}"):
                case.defect = number
    return all_cases


# ---------------------------------------------------------------------------------------------- the widened matrix
# Per category of the review, the inputs it lists, tried across every command that takes them; a
# share of the cases runs with the interface in English and a share in Dutch (``--lang`` first).

LANGS = ("en", "nl")


def in_language(number: int, args: list[str]) -> tuple[str, list[str]]:
    """*args* with the interface language of case *number* (alternating en, nl) put first."""
    lang = LANGS[number % 2]
    return lang, ["--lang", lang, *args]


#: Commands that take question ids, with the id written as V.
ID_COMMANDS = [["show", "V"], ["show", "3", "V"], ["show", "V", "--json"], ["export", "V"], ["V"], ["principles", "V"]]
ID_VALUES = ["²", "١", str(2**63), "-1", "0", "1.5", "abc", "", "9" * 5000, "1e3", " 3", "3,4", "0x3", "+3", "٣"]
#: Commands that take a limit, with the limit written as V.
LIMIT_COMMANDS = [["list", "-n", "V"], ["search", "financiering", "-n", "V"], ["list", "--limit", "V", "--json"],
                  ["search", "financiering", "--limit=V", "--json"]]  # fmt: skip
LIMIT_VALUES = ["0", "-1", str(10**12), "abc", "1.5", "", "9" * 30, " 2", "²"]
#: Commands with their option values as V: the review's unknown --lang, --color and --format, and more.
OPTION_COMMANDS = {
    "--lang": [["list"], ["show", "3"], ["search", "x"], ["topics"], ["speakers"], ["principles"], ["info"],
               ["export", "3"], ["import", "faq.html", "--dry-run"]],
    "--color": [["list"], ["show", "3"], ["search", "financiering"], ["topics"], ["principles"], ["info"]],
    "-f": [["export", "3"], ["export", "3", "-o", "out.md"]],
    "--topic": [["list"], ["search", "financiering"], ["export"]],
    "--principle": [["list"], ["search", "financiering"], ["export"]],
}  # fmt: skip
OPTION_VALUES = {
    "--lang": ["xx", "", "EN", "nl-BE", "english", "\x1b[31m"],
    "--color": ["pink", "", "ALWAYS", "1"],
    "-f": ["pdf", "", "MD", "markdown ", "../x"],
    "--topic": ["nope", "", "%", "\x1b]0;x\x07"],
    "--principle": ["99", "0", "-1", "nope", ""],
}
#: Options repeated or in conflict: (arguments, documented codes).
CONFLICTS = [
    (["list", "--json", "--plain"], (2,)), (["list", "--plain", "--table"], (2,)),
    (["list", "--json", "--table"], (2,)), (["show", "3", "--json", "--plain"], (2,)),
    (["search", "x", "--json", "--plain"], (2,)), (["topics", "--json", "--plain"], (2,)),
    (["info", "--json", "--table"], (2,)), (["--lang", "en", "--lang", "nl", "list"], (0,)),
    (["list", "--lang", "en", "--lang", "nl"], (0,)),
    (["--data", "missing.json", "--data", "missing2.json", "list"], (3,)),
    (["export", "3", "-o", "a.md", "-o", "b.md"], (0, 2)), (["export", "3", "-f", "md", "-f", "html"], (0, 2)),
    (["export", "3", "-f", "json", "-o", "x.md"], (0, 2)),
    (["import", "faq.html", "--dry-run", "-o", "o.json"], (0, 2)), (["show", "3", "3"], (0,)),
    (["export", "3", "3", "-f", "json"], (0,)), (["list", "-t", "mkb", "-t", "nope"], (2,)),
    (["--color", "never", "--color", "always", "list"], (0,)), (["list", "-n", "1", "-n", "2"], (0,)),
    (["import", "faq.html", "--lang", "nl", "--lang", "xx", "--dry-run"], (2,)), (["config", "lang"], (0, 2)),
    (["config", "lang", "en", "extra"], (2,)), (["config", "--unset"], (2,)), (["config", "nope", "x"], (2,)),
    (["config", "--unset", "nope"], (2,)), (["config", "color", "pink"], (2,)), (["validate"], (2,)),
    (["validate", "missing.json"], (3,)), (["validate", str(QA), "missing.json"], (0, 2, 3)),
    (["import", "--dry-run"], (2,)), (["import", "faq.html"], (0, 2)),
    (["import", "q.csv", "--question-column", "99", "--dry-run"], (2, 3)),
    (["import", "q.csv", "--answer-column", "", "--dry-run"], (0, 2, 3)),
    (["import", "faq.html", "--terms", "missing.csv", "--dry-run"], (2, 3)),
    (["import", "faq.html", "--base-url", "javascript:alert(1)", "--dry-run"], (0, 2)),
    (["import", "faq.html", "--base-url", "", "--dry-run"], (0, 2)),
    (["import", "faq.html", "--title", "\x1b]0;x\x07", "--dry-run"], (0, 2)),
    (["search"], (2,)), (["search", "--", "-x"], (0, 1, 2)), (["show"], (0, 2)), (["export", "-o"], (2,)),
    (["browse"], (0, 2)), (["browse", "--lang", "xx"], (2,)), (["help", "nope"], (0, 2)), (["-h", "nope"], (0, 2)),
]  # fmt: skip
ALL_COMMANDS = ["list", "show", "search", "topics", "speakers", "principles", "info", "export", "import", "validate",
                "config", "browse", "help"]  # fmt: skip


def no_output_file(folder: Path, outcome: Outcome) -> list[str]:
    """A refused command writes nothing into the folder."""
    if outcome.code == 0:
        return []
    made = [p.name for p in folder.iterdir() if p.name not in BEFORE.get(str(folder), set())]
    return [f"wrote {made} after exit {outcome.code}"] if made else []


def cli_matrix_cases() -> list[Case]:
    faq = setup_files(**{"faq.html": FAQ, "q.csv": "vraag,antwoord\nHoe werkt het?,Zo.\nWaarom?,Daarom.\n"})
    rows: list[tuple[str, list[str], tuple[int, ...]]] = []
    for command in ID_COMMANDS:
        for value in ID_VALUES:
            args = [value if a == "V" else a for a in command]
            codes = (0, 1, 2) if command == ["V"] else (0, 2)  # 'ecoqa WORDS' searches
            rows.append((f"{' '.join(command)} V={value!r:.14}", args, codes))
    for command in LIMIT_COMMANDS:
        for value in LIMIT_VALUES:
            args = [a.replace("V", value) if "V" in a else a for a in command]
            rows.append((f"{' '.join(command)} V={value!r:.14}", args, (0, 2)))
    for option, commands in OPTION_COMMANDS.items():
        for command in commands:
            for value in OPTION_VALUES[option]:
                rows.append((f"{' '.join(command)} {option} {value!r:.14}", [*command, option, value], (0, 2)))
    for args, codes in CONFLICTS:
        rows.append((" ".join(args).replace(str(QA), "qa.json")[:60], args, codes))
    for command in ALL_COMMANDS:
        for bogus in ("--bogus", "-Z", "--json=1"):
            rows.append((f"{command} {bogus}", [command, bogus], (2,)))
    cases = []
    for number, (name, args, codes) in enumerate(rows):
        lang, args = in_language(number, args)
        colour = "--color" in args  # ecoqa's own colour where it is asked for
        cases.append(Case("cli input", f"[{lang}] {name}", args, codes, faq, no_output_file, colour=colour))
    return cases


#: Extra ways the review ran every command's streams: (suffix, Case fields).
STREAM_MODES = [
    ("2>&-", {"stderr": "closed"}),
    ("| head -1", {"stdout": "head-line"}),
    ("| head -c 1", {"stdout": "head-byte"}),
    ("<&-", {"stdin": "closed"}),
    ("<&- 2>&- >/dev/full", {"stdin": "closed", "stderr": "closed", "stdout": "full"}),
]


def stream_matrix_cases() -> list[Case]:
    cases = []
    number = 0
    for args in COMMANDS:
        ok = (1,) if "zzqqxx" in args else (2,) if args[-1] in ("99", "0", "nope") else (0,)
        setup = setup_files(**{"faq.html": FAQ})
        name = " ".join(a if a != str(QA) else "qa.json" for a in args)
        for suffix, fields in STREAM_MODES:
            codes = ok
            if fields.get("stdout", "").startswith("head"):
                codes = (*ok, 0)
            elif fields.get("stdout") == "full":
                codes = ok if ok != (0,) else (74,)
            lang, with_lang = in_language(number, list(args))
            number += 1
            case = Case("streams", f"[{lang}] {name} {suffix}", with_lang, codes, setup,
                        needs_root=fields.get("stdout") == "full")  # fmt: skip
            for key, value in fields.items():
                setattr(case, key, value)
            cases.append(case)
    # stdin as the source of an import, closed or empty
    for mode in ("closed", "devnull"):
        cases.append(Case("streams", f"import - <{mode}", ["import", "-", "-o", "o.json"], (2, 3), stdin=mode))
        cases.append(Case("streams", f"validate - <{mode}", ["validate", "-"], (2, 3), stdin=mode))
    return cases


#: The review's environments, each tried with every command of ENV_COMMANDS: (name, variables, codes).
ENVIRONMENTS: list[tuple[str, dict[str, str | None], tuple[int, ...]]] = [
    *[(f"COLUMNS={v}", {"COLUMNS": v}, (0,)) for v in ("0", "-5", "100000", "abc", "", "1")],
    *[(f"LINES={v}", {"LINES": v}, (0,)) for v in ("0", "-5", "100000", "abc")],
    *[(f"TERM={v}", {"TERM": v}, (0,)) for v in ("dumb", "", "xterm-256color", "no-such-terminal")],
    *[(f"LANG={v}", {"LANG": v, "LC_ALL": v}, (0,)) for v in ("C", "POSIX", "tr_TR.UTF-8", "", "nl_NL.ISO-8859-1")],
    *[(f"PYTHONIOENCODING={v}", {"PYTHONIOENCODING": v}, (0, 74)) for v in ("ascii", "latin-1", "utf-8:strict")],
    ("NO_COLOR=1", {"NO_COLOR": "1"}, (0,)), ("NO_COLOR=", {"NO_COLOR": ""}, (0,)),
    *[(f"FORCE_COLOR={v}", {"FORCE_COLOR": v}, (0,)) for v in ("1", "0", "", "3")],
    ("NO_COLOR and FORCE_COLOR", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, (0,)),
    ("no HOME", {"HOME": None, "XDG_CONFIG_HOME": None}, (0,)),
    ("HOME missing", {"HOME": "/nonexistent/home", "XDG_CONFIG_HOME": None}, (0,)),
    ("HOME a file", {"HOME": "FILE", "XDG_CONFIG_HOME": None}, (0,)),
    *[(f"ECOQA_LANG={v}", {"ECOQA_LANG": v}, (0, 2)) for v in ("xx", "", "EN", " nl ", "\x1b[31m")],
    *[(f"ECOQA_COLOR={v}", {"ECOQA_COLOR": v}, (0, 2)) for v in ("pink", "", "ALWAYS")],
    *[(f"ECOQA_PAGER={v}", {"ECOQA_PAGER": v}, (0,)) for v in ("", "no-such-pager", "false", "cat")],
    *[(f"PAGER={v}", {"PAGER": v}, (0,)) for v in ("", "no-such-pager", "sh -c 'exit 3'")],
    *[(f"ECOQA_CACHE_MB={v}", {"ECOQA_CACHE_MB": v}, (0, 2)) for v in ("abc", "-1", "0", "1e99")],
    ("ECOQA_CACHE_DIR a file", {"ECOQA_CACHE_DIR": "FILE"}, (0,)),
    ("ECOQA_CACHE_DIR /proc", {"ECOQA_CACHE_DIR": "/proc"}, (0,)),
    ("ECOQA_DATA empty", {"ECOQA_DATA": ""}, (0,)),
    ("ECOQA_DATA missing", {"ECOQA_DATA": "missing.json"}, (3,)),
    ("ECOQA_DEBUG=1", {"ECOQA_DEBUG": "1"}, (0,)),
]  # fmt: skip
ENV_COMMANDS = [["list"], ["show", "3"], ["--data", "mid.json", "search", "financiering"], ["info"], ["export", "3"],
                ["topics", "--table"], ["config"]]  # fmt: skip


def environment_matrix_cases() -> list[Case]:
    cases = []
    number = 0
    for name, variables, codes in ENVIRONMENTS:
        for command in ENV_COMMANDS:
            if "ECOQA_DATA" in variables and "--data" in command:
                continue
            own_codes = codes
            if command == ["config"] and codes == (3,):
                own_codes = (0, 3)

            def setup(folder: Path, variables: dict[str, str | None] = variables) -> dict[str, str]:
                write(folder, "mid.json", generated(600))
                write(folder, "FILE", "not a folder\n")
                return {k: str(folder / "FILE") if v == "FILE" else v for k, v in variables.items() if v is not None}

            lang, args = in_language(number, command)
            number += 1
            dropped = tuple(k for k, v in variables.items() if v is None)
            colour = True  # the bundled corpus holds no escapes: only ecoqa's own colour can appear
            cases.append(Case("environment", f"[{lang}] {name}: {' '.join(command)}", args, own_codes, setup,
                              unset=dropped, colour=colour))  # fmt: skip
    return cases


#: Hostile config files: (name, bytes). Every command still runs (0, a warning at most); `config` may refuse (2).
HOSTILE_CONFIGS: dict[str, bytes] = {
    "unknown key": b"nope = 1\n", "bad lang": b"lang = xx\n", "bad color": b"color = pink\n",
    "no equals": b"lang en\n", "section header": b"[ecoqa]\nlang = en\n", "duplicate keys": b"lang = en\nlang = nl\n",
    "BOM": b"\xef\xbb\xbflang = en\n", "CRLF": b"lang = en\r\ncolor = never\r\n", "NUL byte": b"lang = e\x00n\n",
    "invalid UTF-8": b"lang = \xff\n", "UTF-16": "lang = en\n".encode("utf-16"), "binary": bytes(range(256)),
    "long line": b"pager = " + b"x" * 60_000 + b"\n", "65 KB": b"# x\n" * 17_000, "empty": b"",
    "only comments": b"# lang = en\n", "escape in value": b"pager = \x1b]0;pwned\x07\n",
    "escape in key": b"\x1b[31mlang = en\n", "data missing": b"data = missing.json\n",
    "data a folder": b"data = .\n", "pager missing": b"pager = no-such-pager\n", "quoted": b'lang = "en"\n',
    "toml table": b"lang = { x = 1 }\n",
}  # fmt: skip
CONFIG_KINDS = ["symlink loop", "dangling symlink", "unreadable", "directory", "fifo", "socket"]


def file_of(raw: bytes, name: str = "config") -> Callable[[Path], object]:
    return lambda folder: write(folder, name, raw)


def config_matrix_cases() -> list[Case]:
    cases = []
    number = 0
    commands = [
        (["list", "--plain"], (0,)),
        (["show", "3"], (0,)),
        (["config"], (0, 2)),
        (["config", "lang", "en"], (0, 2, 74)),
    ]  # 74: a link to nowhere, a socket or FIFO nobody reads
    makers: dict[str, Callable[[Path], object]] = {name: file_of(raw) for name, raw in HOSTILE_CONFIGS.items()}
    makers["symlink loop"] = lambda folder: (folder / "config").symlink_to("config")
    makers["dangling symlink"] = lambda folder: (folder / "config").symlink_to("nowhere/config")
    makers["unreadable"] = lambda folder: write(folder, "config", b"lang = en\n").chmod(0)
    makers["directory"] = lambda folder: (folder / "config").mkdir()
    makers["fifo"] = lambda folder: os.mkfifo(folder / "config")
    makers["socket"] = lambda folder: socket.socket(socket.AF_UNIX).bind(str(folder / "config"))
    for name, make in makers.items():
        for command, codes in commands:
            if name in ("data missing", "data a folder") and command[0] != "config":
                codes = (3,)
            env = with_setups(make, lambda f: {"ECOQA_CONFIG": str(f / "config")})
            lang, args = in_language(number, command)
            number += 1
            cases.append(Case("environment", f"[{lang}] config file {name}: {' '.join(command)}", args, codes, env,
                              unprivileged=name == "unreadable"))  # fmt: skip
    hostile_path = with_setups(lambda f: write(f, "c\x1b]0;pwned\x07", b"nope\n"),
                               lambda f: {"ECOQA_CONFIG": str(f / "c\x1b]0;pwned\x07")})  # fmt: skip
    for command in (["list"], ["config"]):
        cases.append(Case("environment", f"config path with escapes: {command[0]}", command, (0, 2), hostile_path))
    return cases


#: Payloads for every text field (see poisoned): escapes, OSC 8 and 52, C1, bidi, rich markup, HTML and JS.
PAYLOADS = ["\x1b[31mrood", "\x1b]8;;http://evil\x07klik\x1b]8;;\x07", "\x1b]52;c;cHduZWQ=\x07", "\x9b31m",
            "\u202eesrever", "[bold]x[/] [link=http://evil]l[/]", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', "javascript:alert(1)"]  # fmt: skip
#: Fields kept as they are: ids, references to ids, dates, codes and URLs (URLs are tried in output_security_cases).
NOT_TEXT = {"id", "kind", "language", "date", "url", "schema_version", "topics", "principles", "people", "file"}


def poisoned(payload: str) -> bytes:
    """The bundled corpus with *payload* added to every text field (question ids in quotes kept)."""

    def walk(value: object, key: str | None = None) -> object:
        if isinstance(value, dict):
            return {k: v if k in NOT_TEXT or (k == "question" and isinstance(v, int)) else walk(v, k)
                    for k, v in value.items()}  # fmt: skip
        if isinstance(value, list):
            return [walk(v, key) for v in value]
        return f"{value} {payload}" if isinstance(value, str) else value

    return json.dumps(walk(json.loads(QA.read_bytes())), ensure_ascii=False).encode()


#: Every view of the data: (name, arguments, colour on).
VIEWS = [
    ("show", ["show", "3"], False), ("show colour", ["show", "3", "--color", "always"], True),
    ("show --plain", ["show", "3", "--plain"], False), ("show --json", ["show", "3", "--json"], False),
    ("list TSV", ["list", "--plain"], False), ("list table colour", ["list", "--table", "--color", "always"], True),
    ("list --json", ["list", "--json"], False), ("search", ["search", "vraagsturing"], False),
    ("search colour explain", ["search", "vraagsturing", "--explain", "--color", "always", "--table"], True),
    ("topics", ["topics", "--table"], False), ("principles", ["principles"], False),
    ("principle 1", ["principles", "1"], False), ("info", ["info", "--table"], False),
    ("info colour", ["info", "--table", "--color", "always"], True), ("speakers", ["speakers"], False),
    ("overview", [], False), ("export md", ["export", "-f", "md", "-o", "out.md"], False),
    ("export html", ["export", "-f", "html", "-o", "out.html"], False),
    ("export json -", ["export", "-f", "json"], False),
]  # fmt: skip


def html_inert(folder: Path, outcome: Outcome) -> list[str]:
    """The HTML export holds no element or attribute that runs script, from any payload."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Finder(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in ("script", "img", "svg", "iframe"):
                found.append(f"live <{tag}> in out.html")
            for name, value in attrs:
                if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                    found.append(f"live {name}={value!r:.30} in out.html")

    path = folder / "out.html"
    if not path.exists():
        return ["out.html not written"]
    Finder().feed(path.read_text(encoding="utf-8"))
    return found


def payload_absent(payload: str) -> Check:
    """The payload's escape sequences do not reach stdout raw (also where ecoqa itself colours)."""
    raw = [part for part in ("\x1b[31m", "\x1b]8;;http://evil", "\x1b]52", "\x9b", "\u202e") if part in payload]

    def check(folder: Path, outcome: Outcome) -> list[str]:
        return [f"payload {part!r} raw on stdout" for part in raw if part in outcome.stdout]

    return check


def output_matrix_cases() -> list[Case]:
    cases = []
    number = 0
    for payload in PAYLOADS:
        data = (lambda raw: setup_files(**{"h.json": raw}))(poisoned(payload))
        for name, args, colour in VIEWS:
            check = payload_absent(payload)
            if name == "export md":
                check = both(check, renders_inert("out.md"))
            elif name == "export html":
                check = both(check, html_inert)
            lang, full = in_language(number, ["--data", "h.json", *args])
            number += 1
            cases.append(Case("output security", f"[{lang}] {payload[:10]!r} {name}", full, (0,), data, check,
                              colour=colour))  # fmt: skip
    return cases


#: -o spellings of the corpus being read, with C the corpus's name: (name, -o value, extra setup).
SPELLINGS = [
    ("by name", "c.json"), ("./", "./c.json"), ("..", "../{}/c.json"), ("sub/..", "sub/../c.json"),
    ("absolute", "ABS/c.json"), ("symlink to it", "link.json"), ("hard link to it", "hard.json"),
    ("/proc/self/cwd", "/proc/self/cwd/c.json"), ("double slash", ".//c.json"),
]  # fmt: skip


def data_safety_matrix_cases() -> list[Case]:
    cases = []

    def own(folder: Path) -> dict[str, str]:
        write(folder, "c.json", QA.read_bytes())
        (folder / "sub").mkdir()
        (folder / "link.json").symlink_to("c.json")
        os.link(folder / "c.json", folder / "hard.json")
        write(folder, "faq.html", FAQ)
        return {}

    for name, spelling in SPELLINGS:
        for how, prefix in (("--data", ["--data", "c.json"]), ("ECOQA_DATA", [])):
            for force in ([], ["--force"]):
                record, check = unchanged("c.json")
                by_env = (lambda f: {"ECOQA_DATA": str(f / "c.json")}) if not prefix else (lambda f: {})
                setup = with_setups(own, record, by_env)
                args = [*prefix, "export", "-f", "json", "-o", spelling, *force]
                cases.append(Case("data safety", f"export -o corpus {name} via {how} {' '.join(force)}", args, (2,),
                                  setup, both(check, no_temporary_anywhere)))  # fmt: skip
        record, check = unchanged("faq.html")
        target = spelling
        renamed = (("c.json", "faq.html"), ("link.json", "faq-link.html"), ("hard.json", "faq-hard.html"))
        for corpus_name, page in renamed:
            target = target.replace(corpus_name, page)

        def inputs(folder: Path) -> dict[str, str]:
            write(folder, "faq.html", FAQ)
            (folder / "sub").mkdir()
            (folder / "faq-link.html").symlink_to("faq.html")
            os.link(folder / "faq.html", folder / "faq-hard.html")
            return {}

        cases.append(Case("data safety", f"import -o its input {name} --force",
                          ["import", "faq.html", "-o", target, "--force"], (2,), with_setups(inputs, record),
                          both(check, no_temporary_anywhere)))  # fmt: skip

    def moded(folder: Path) -> dict[str, str]:
        write(folder, "out.md", "old\n").chmod(0o640)
        return {}

    def mode_kept(folder: Path, outcome: Outcome) -> list[str]:
        mode = stat.S_IMODE((folder / "out.md").stat().st_mode)
        return [] if mode == 0o640 else [f"mode {oct(mode)}, was 0o640"]

    cases.append(Case("data safety", "export --force keeps the mode", ["export", "3", "-o", "out.md", "--force"], (0,),
                      moded, mode_kept))  # fmt: skip
    cases.append(Case("data safety", "import --force keeps the mode", ["import", "faq.html", "-o", "out.md", "--force"],
                      (0,), with_setups(moded, setup_files(**{"faq.html": FAQ})), mode_kept))  # fmt: skip

    def racing(folder: Path) -> dict[str, str]:
        write(folder, "c.json", generated(3000))
        env = base_env(folder)
        racer = subprocess.Popen([*ECOQA, "--data", "c.json", "export", "-f", "json", "-o", "out.json", "--force"],
                                 cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        RACERS[str(folder)] = racer
        return {}

    def one_whole(folder: Path, outcome: Outcome) -> list[str]:
        RACERS.pop(str(folder)).wait(120)
        try:
            count = len(json.loads((folder / "out.json").read_bytes())["questions"])
        except (ValueError, KeyError, OSError) as error:
            return [f"out.json not one whole document ({error})"]
        return [] if count == 3000 else [f"out.json holds {count} questions"]

    cases.append(Case("data safety", "two exports to one file", ["--data", "c.json", "export", "-f", "json", "-o",
                      "out.json", "--force"], (0,), racing, both(one_whole, no_temporary_anywhere)))  # fmt: skip
    for name, kind in (("dangling link", "dangling"), ("link into a missing folder", "missing")):

        def dangling(folder: Path, kind: str = kind) -> dict[str, str]:
            (folder / "out.md").symlink_to("gone.md" if kind == "dangling" else "nope/gone.md")
            return {}

        def link_stays(folder: Path, outcome: Outcome) -> list[str]:
            return [] if (folder / "out.md").is_symlink() else ["the link was replaced"]

        cases.append(Case("data safety", f"export -o {name}", ["export", "3", "-o", "out.md"], (0, 2, 74), dangling,
                          both(link_stays, no_temporary_anywhere)))  # fmt: skip
    return cases


RACERS: dict[str, subprocess.Popen[bytes]] = {}

#: Question fields with wrong values (category 2): each written into one question of a corpus.
QUESTION_FIELDS = ["id", "question", "answer", "question_en", "answer_en", "key_points", "topics", "principles",
                   "people", "references", "source"]  # fmt: skip
WRONG_VALUES: list[object] = [None, "", 0, -1, [], {}, True, 1.5, [None], "\u0000", "x" * 10_000_000]


def wrong_corpus(field_name: str, value: object, large: bool) -> bytes:
    """A corpus whose first question's *field_name* is *value*; *large*: over 256 KB (read as a stream)."""
    questions: list[dict[str, object]] = [{"id": 1, "question": "Hoe werkt het?", "answer": "Zo."}]
    questions[0][field_name] = value
    if large:
        questions += [{"id": n, "question": f"Vraag {n}?", "answer": "Antwoord. " * 40} for n in range(2, 800)]
    return corpus(questions).encode()


#: Whole-file damage (category 2): name -> bytes.
ONE: list[dict[str, object]] = [{"id": 1, "question": "a?", "answer": "b"}]  # the smallest valid questions
BAD_FILES: dict[str, bytes] = {
    "BOM": b"\xef\xbb\xbf" + corpus(ONE).encode(),
    "UTF-32": corpus(ONE).encode("utf-32"),
    "duplicate keys": b'{"questions": [{"id": 1, "id": 2, "question": "a?", "answer": "b"}]}',
    "Infinity": b'{"questions": [{"id": Infinity, "question": "a?", "answer": "b"}]}',
    "a list": b"[]", "a string": b'"questions"', "null": b"null", "only whitespace": b"   \n",
    "nested objects": b'{"questions": ' + b'{"a": ' * 100_000 + b"1" + b"}" * 100_001,
    "no questions": b'{"questions": []}', "questions an object": b'{"questions": {}}',
    "trailing garbage": corpus(ONE).encode() + b"garbage",
    "lone surrogate": b'{"questions": [{"id": 1, "question": "\\ud800?", "answer": "b"}]}',
    "unknown section": corpus(ONE, bogus=1).encode(),
    "topics wrong": corpus([{"id": 1, "question": "a?", "answer": "b", "topics": ["x"]}], topics=[{"id": 5}]).encode(),
    "schema_version 99": json.dumps({"schema_version": 99, "questions": ONE}).encode(),
}  # fmt: skip


def corpus_matrix_cases() -> list[Case]:
    cases = []
    number = 0
    rows: list[tuple[str, bytes, list[list[str]]]] = []
    for field_name in QUESTION_FIELDS:
        for value in WRONG_VALUES:
            shown = repr(value)[:12]
            if field_name in ("question", "answer") and value == "\u0000":
                continue  # a NUL is text; shown made visible
            rows.append((f"{field_name}={shown}", wrong_corpus(field_name, value, False), [["list"], ["validate"]]))
            rows.append((f"{field_name}={shown} in 256 KB", wrong_corpus(field_name, value, True), [["list"]]))
    for name, raw in BAD_FILES.items():
        rows.append((name, raw, [["list"], ["validate"], ["search", "vraag"]]))
    for name, raw, commands in rows:
        for command in commands:
            args = ["validate", "c.json"] if command == ["validate"] else ["--data", "c.json", *command]
            lang, args = in_language(number, args)
            number += 1
            cases.append(Case("hostile corpus", f"[{lang}] {name}: {command[0]}", args, (0, 1, 2, 3),
                              with_setups(file_of(raw, "c.json"))))  # fmt: skip
    return cases


def index_damage(kind: str) -> Callable[[Path], None]:
    """A setup that builds the index of mid.json, then damages it (or its map) in the way *kind* names."""
    import sqlite3

    def damage(folder: Path) -> None:
        run_ecoqa(folder, "--data", "mid.json", "search", "financiering", "--json")
        cache = folder / "home" / "cache"
        (index,) = cache.glob("ecoqa-*.sqlite3")
        files = cache / "ecoqa-files.json"
        size = index.stat().st_size
        if kind == "zero bytes":
            index.write_bytes(b"")
        elif kind.startswith("truncated "):
            os.truncate(index, int(size * float(kind.split()[1])))
        elif kind.startswith("garbage at "):
            with open(index, "r+b") as handle:
                handle.seek(int(size * float(kind.split()[2])))
                handle.write(os.urandom(4096))
        elif kind == "a directory":
            index.unlink()
            index.mkdir()
        elif kind == "a symlink to nowhere":
            index.unlink()
            index.symlink_to("nowhere")
        elif kind == "unreadable":
            index.chmod(0)
        elif kind.startswith("drop table "):
            with sqlite3.connect(index) as db:
                db.execute(f"DROP TABLE {kind.split()[2]}")
        elif kind.startswith("empty table "):
            with sqlite3.connect(index) as db:
                db.execute(f"DELETE FROM {kind.split()[2]}")
        elif kind.startswith("map ") and kind != "map a directory":
            files.write_bytes({"map empty": b"", "map garbage": b"\xff\x00garbage", "map a list": b"[]",
                               "map wrong types": b'{"x": 5}', "map deep": b"[" * 100_000}[kind])  # fmt: skip
        elif kind == "map a directory":
            files.unlink()
            files.mkdir()
        elif kind == "cache a file":
            for path in cache.iterdir():
                path.unlink() if not path.is_dir() else None
            cache.rmdir()
            cache.write_text("not a folder\n")
        else:
            raise ValueError(kind)

    return damage


INDEX_DAMAGE = ["zero bytes", "truncated 0.5", "truncated 0.01", "truncated 0.99", "garbage at 0", "garbage at 0.3",
                "garbage at 0.7", "a directory", "a symlink to nowhere", "unreadable", "map empty", "map garbage",
                "map a list", "map wrong types", "map deep", "map a directory", "cache a file"]  # fmt: skip


def index_matrix_cases() -> list[Case]:
    cases = []
    args = ["--data", "mid.json", "search", "financiering", "--json"]
    for number, kind in enumerate(INDEX_DAMAGE):
        lang, with_lang = in_language(number, args)
        record, same = same_answer_as_undamaged(with_lang)
        cases.append(Case("index", f"[{lang}] {kind}", with_lang, (0, 75),
                          with_setups(with_corpus("mid.json", 600), record, index_damage(kind)), same,
                          unprivileged=kind == "unreadable"))  # fmt: skip
    return cases


#: Import sources (category 6): name -> (file name, bytes, documented codes).
IMPORT_SOURCES: dict[str, tuple[str, bytes, tuple[int, ...]]] = {
    "PNG": ("p.png", b"\x89PNG\r\n\x1a\n" + os.urandom(2000), (3,)),
    "gzip named .html": ("p.html", b"\x1f\x8b\x08\x00" + os.urandom(2000), (3,)),
    "PDF": ("p.pdf", b"%PDF-1.4\n" + os.urandom(2000), (3,)),
    "script and style": (
        "p.html",
        b"<script>var a='<h2>1. Nee?</h2>'</script><style>h2{}</style>" + FAQ.encode(),
        (0,),
    ),
    "JSON-LD broken": (
        "p.html",
        b'<script type="application/ld+json">{"@type": "FAQPage", </script>' + FAQ.encode(),
        (0,),
    ),
    "JSON-LD wrong types": (
        "p.html",
        b'<script type="application/ld+json">{"@type": "FAQPage", "mainEntity": 5}</script>' + FAQ.encode(),
        (0, 3),
    ),
    "JSON-LD answer null": (
        "p.html",
        b'<script type="application/ld+json">{"@type": "FAQPage", "mainEntity": '
        b'[{"@type": "Question", "name": "Hoe?", "acceptedAnswer": null}]}</script>',
        (0, 3),
    ),
    "CSV formula": ("q.csv", b"vraag,antwoord\n=cmd|' /C calc'!A0?,+1+1\n@SUM(1)?,-2\n", (0, 3)),
    "CSV 10 MB field": ("q.csv", b"vraag,antwoord\nHoe?," + b"x" * 10_000_000 + b"\nWaarom?,Daarom.\n", (0, 3)),
    "CSV unbalanced quote": ("q.csv", b'vraag,antwoord\n"Hoe?,Zo.\nWaarom?,Daarom.\n', (0, 3)),
    "CSV NUL": ("q.csv", b"vraag,antwoord\nHoe\x00?,Zo.\nWaarom?,Daarom.\n", (0, 3)),
    "CSV latin-1": ("q.csv", "vraag,antwoord\nHoe café?,Zo.\nWaarom?,Daarom.\n".encode("latin-1"), (0, 3)),
    "CSV UTF-16": ("q.csv", "vraag,antwoord\nHoe?,Zo.\nWaarom?,Daarom.\n".encode("utf-16"), (0, 3)),
    "Markdown 100,000 headings": (
        "p.md",
        b"".join(b"## Vraag %d?\n\nAntwoord.\n\n" % n for n in range(100_000)),
        (0, 3),
    ),
    "Markdown only headings": ("p.md", b"# a\n## b\n### c\n" * 1000, (0, 3)),
    "data: and relative links": (
        "p.html",
        b'<h2>1. Hoe?</h2><p><a href="data:text/html,<script>x</script>">a</a> '
        b'<a href="../x">b</a> <a href="//evil/x">c</a></p>' + FAQ.encode(),
        (0,),
    ),
    "mixed encodings": ("p.html", b"<h2>1. Hoe caf\xe9?</h2><p>Zo \xc3\xa9.</p>" + FAQ.encode(), (0,)),
    "meta charset bogus": ("p.html", b'<meta charset="x-bogus">' + FAQ.encode(), (0,)),
    "empty page": ("p.html", b"", (3,)),
    "NUL page": ("p.html", b"\x00" * 5000, (3,)),
    "title escapes": ("p.html", b"<title>\x1b]0;pwned\x07</title>" + FAQ.encode(), (0,)),
    "unknown extension": ("p.xyz", FAQ.encode(), (0, 3)),
    "no extension": ("p", FAQ.encode(), (0, 3)),
}


def import_matrix_cases() -> list[Case]:
    cases = []
    number = 0
    for name, (file_name, raw, codes) in IMPORT_SOURCES.items():
        for mode in (["--dry-run"], ["-o", "out.json"]):
            lang, args = in_language(number, ["import", file_name, *mode])
            number += 1
            cases.append(Case("import", f"[{lang}] {name} {mode[0]}", args, codes, with_setups(file_of(raw, file_name)),
                              no_output_file))  # fmt: skip
    page = with_setups(file_of(FAQ.encode(), "faq.html"))
    for target, codes in (("nope/out.json", (74,)), ("out.json/", (2,)), (".", (2,)), ("", (2,))):
        lang, args = in_language(number, ["import", "faq.html", "-o", target])
        number += 1
        cases.append(Case("import", f"[{lang}] -o {target!r}", args, codes, page, no_output_file))  # fmt: skip
    return cases


# ---------------------------------------------------------------------------------------------- import I/O (#26)

_GROWN: dict[tuple[str, int], bytes] = {}


def grown_document(seed_name: str, size: int) -> bytes:
    """A real FAQ of tests/data/import repeated to *size* bytes, as ``benchmarks/import_size.py`` makes it."""
    if (seed_name, size) not in _GROWN:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from import_size import SEEDS, grown

        seed = next(s for s in SEEDS if s.name == seed_name)
        _GROWN[seed_name, size] = grown(seed, size).encode()
    return _GROWN[seed_name, size]


#: one real document per format the importer reads: (seed in import_size.SEEDS, file name)
IMPORT_FORMATS = [
    ("HTML (headings)", "p.html"),
    ("HTML JSON-LD", "ld.html"),
    ("Markdown", "p.md"),
    ("text", "p.txt"),
    ("reStructuredText", "p.rst"),
    ("AsciiDoc", "p.adoc"),
    ("Org", "p.org"),
    ("POD", "p.pod"),
    ("MediaWiki", "p.mediawiki"),
    ("CSV", "p.csv"),
    ("TSV", "p.tsv"),
    ("ecoqa corpus", "c.json"),
]


def damaged_sources() -> dict[str, tuple[str, bytes, tuple[int, ...]]]:
    """Sources damaged as users' files are, in every format: name -> (file name, bytes, documented codes)."""
    sources: dict[str, tuple[str, bytes, tuple[int, ...]]] = {}
    for seed, name in IMPORT_FORMATS:
        raw = grown_document(seed, 20_000)
        half = len(raw) // 2
        sources |= {
            f"{seed}: invalid UTF-8": (name, raw[:half] + b"\xff\xfe\xc3(" + raw[half:], (0, 3)),
            f"{seed}: cut in half": (name, raw[:half], (0, 3)),
            f"{seed}: NUL in the middle": (name, raw[:half] + b"\x00" + raw[half:], (0, 3)),
            f"{seed}: empty": (name, b"", (3,)),
            f"{seed}: blank lines only": (name, b" \n\n\t\n", (3,)),
            f"{seed}: a 10 MB line": (name, raw + b"\n" + b"word " * 2_000_000 + b"\n", (0, 3)),
        }
    sources |= {
        "HTML 200,000 nested <div>": ("p.html", b"<div>" * 200_000 + FAQ.encode(), (0, 3)),
        "HTML 50,000 unclosed <ul><li>": ("p.html", b"<ul><li>" * 50_000 + FAQ.encode(), (0, 3)),
        "HTML cut inside a tag": ("p.html", (FAQ * 50).encode()[:777] + b'<a href="http://', (0, 3)),
        "Markdown 100,000 > quotes": ("p.md", b">" * 100_000 + b" ## Waarom?\n\nDaarom.\n", (0, 3)),
        "Markdown list 3,000 deep": ("p.md", b"".join(b"  " * i + b"- x\n" for i in range(3000)), (0, 3)),
        "CSV cell of 200,000 characters": ("q.csv", b'vraag,antwoord\nHoe?,"' + b"x " * 100_000 + b'"\n', (0,)),
        "TSV cell of 20 MB": ("q.tsv", b"vraag\tantwoord\nHoe?\t" + b"x " * 10_000_000 + b"\nWaarom?\tDaarom.\n", (0,)),
        "corpus cut off": ("c.json", QA.read_bytes()[: len(QA.read_bytes()) // 2], (3,)),
        "corpus with text after it": ("c.json", QA.read_bytes() + b"\n# notes\n", (3,)),
        "random bytes": ("p.html", os.urandom(5000), (3,)),
        "UTF-16 without BOM": ("p.html", FAQ.encode("utf-16-le") * 10, (3,)),
    }
    return sources


def names_each(*names: str) -> Check:
    def check(folder: Path, outcome: Outcome) -> list[str]:
        return [f"{name} not named on stderr" for name in names if name not in outcome.stderr]

    return check


def import_io_cases() -> list[Case]:
    """#26: several sources, where the corpus is written, damaged sources of every format, signals."""
    cases = []
    page = setup_files(**{"faq.html": FAQ})
    several = with_setups(page, lambda f: (f / "folder").mkdir(), setup_files(**{"empty.md": b""}))
    sources = ["faq.html", "missing.md", "folder", "empty.md"]
    for skip, codes in (([], (3,)), (["--skip-unreadable"], (0,))):
        cases.append(
            Case(
                "import I/O",
                f"4 sources, 3 unreadable {skip}",
                ["import", *sources, "-o", "out.json", *skip],
                codes,
                several,
                both(no_output_file, names_each("missing.md", "folder", "empty.md")),
            )
        )
    cases.append(
        Case(
            "import I/O",
            "2 sources, none readable, --skip-unreadable",
            ["import", "missing.md", "folder", "-o", "out.json", "--skip-unreadable"],
            (3,),
            several,
            both(no_output_file, names_each("missing.md", "folder")),
        )
    )

    def unreadable(folder: Path) -> None:
        write(folder, "locked.html", FAQ).chmod(0)

    cases.append(
        Case(
            "import I/O",
            "1 of 2 sources unreadable (mode 0)",
            ["import", "faq.html", "locked.html", "-o", "out.json"],
            (3,),
            with_setups(page, unreadable),
            both(no_output_file, names_each("locked.html")),
            unprivileged=True,
        )
    )
    targets: list[tuple[str, list[str], tuple[int, ...], Callable[[Path], object]]] = [
        ("out.json/", [], (2,), lambda f: None),
        ("sub/out.json/", [], (2,), lambda f: (f / "sub").mkdir()),
        ("existing.json", [], (2,), lambda f: write(f, "existing.json", "mine\n")),
        ("folder", ["--force"], (2,), lambda f: (f / "folder").mkdir()),
        ("link-to-folder", ["--force"], (2,), lambda f: ((f / "d").mkdir(), (f / "link-to-folder").symlink_to("d"))),
        ("dangling", [], (2,), lambda f: (f / "dangling").symlink_to("nowhere/x.json")),
        ("dangling", ["--force"], (74,), lambda f: (f / "dangling").symlink_to("nowhere/x.json")),
        ("missing/out.json", [], (74,), lambda f: None),
        ("faq.html/out.json", [], (74,), lambda f: None),
        ("read-only/out.json", [], (74,), lambda f: (f / "read-only").mkdir(mode=0o555)),
    ]
    for target, force, codes, made in targets:
        record, same = unchanged(*[n for n in ("existing.json",) if target == n])
        cases.append(
            Case(
                "import I/O",
                f"-o {target} {' '.join(force)}".strip(),
                ["import", "faq.html", "-o", target, *force],
                codes,
                with_setups(page, made, record),
                both(same, no_output_file),
                unprivileged=target.startswith("read-only"),
            )
        )
    for name, (file_name, raw, codes) in damaged_sources().items():
        cases.append(
            Case(
                "import I/O",
                name,
                ["import", file_name, "-o", "out.json"],
                codes,
                with_setups(file_of(raw, file_name)),
                no_output_file,
            )
        )
    big = with_setups(file_of(grown_document("Markdown", 20_000_000), "big.md"))
    for name, codes in (("SIGINT", (130,)), ("SIGTERM", (143, -15))):
        cases.append(
            Case(
                "import I/O",
                f"{name} while a 20 MB import reads",
                ["import", "big.md", "-o", "out.json"],
                codes,
                big,
                no_temporary_anywhere,
                signal_after=(name, 2.0),
            )
        )
        cases.append(
            Case(
                "import I/O",
                f"{name} while a 20 MB import writes",
                ["import", "big.md", "-o", "out.json"],
                codes[:1],
                big,
                no_temporary_anywhere,
                signal_when=(name, ".out.json.ecoqa-*.tmp"),
            )
        )
        cases.append(
            Case(
                "import I/O",
                f"{name} while validate checks 20,000 questions",
                ["validate", "big.json"],
                codes,
                with_corpus("big.json", 20_000),
                signal_after=(name, 0.8),
            )
        )
    return cases


def cache_cases() -> list[Case]:
    """The search index's cache where it cannot be written (run as a user without root's powers):
    every search still answers, exit 0, as an index built in a fresh cache would."""
    args = ["--data", "mid.json", "search", "financiering", "--json"]

    def read_only(folder: Path) -> dict[str, str]:
        (folder / "ro").mkdir(mode=0o555)
        return {"ECOQA_CACHE_DIR": str(folder / "ro")}

    def read_only_with_index(folder: Path) -> dict[str, str]:
        run_ecoqa(folder, *args, ECOQA_CACHE_DIR=str(folder / "ro"))
        (folder / "ro").chmod(0o555)
        return {"ECOQA_CACHE_DIR": str(folder / "ro")}

    def inside_read_only(folder: Path) -> dict[str, str]:
        (folder / "ro").mkdir(mode=0o555)
        return {"ECOQA_CACHE_DIR": str(folder / "ro" / "sub")}

    cases = []
    for name, made in (
        ("read-only cache folder", read_only),
        ("read-only cache folder holding its index", read_only_with_index),
        ("cache folder to make in a read-only folder", inside_read_only),
    ):
        record, same = same_answer_as_undamaged(args)
        cases.append(Case("cache I/O", name, args, (0,), with_setups(with_corpus("mid.json", 600), record, made),
                          same, unprivileged=True))  # fmt: skip
    return cases


# ---------------------------------------------------------------------------------------------- running

ECOQA: list[str] = [sys.executable, "-m", "ecoqa"]
BEFORE: dict[str, set[str]] = {}  # case folder -> the names in it before ecoqa ran


def base_env(folder: Path) -> dict[str, str]:
    dropped = ("ECOQA_", "FORCE_COLOR", "NO_COLOR", "PYTHONUNBUFFERED", "COLUMNS", "TERM")
    env = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    home = folder / "home"
    home.mkdir(exist_ok=True)
    return env | {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "ECOQA_CACHE_DIR": str(home / "cache")}


def run_case(case: Case, timeout: float) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="ecoqa-fault-") as name:
        folder = Path(name)
        env = base_env(folder) | case.env
        if case.setup is not None:
            env |= case.setup(folder)
        for name in case.unset:
            env.pop(name, None)
        BEFORE[str(folder)] = {p.name for p in folder.iterdir()}
        args = [a.replace("{}", folder.name).replace("ABS/", f"{folder}/") for a in case.args]
        return [f"{case.category}: {case.name}: {p}" for p in _run(case, folder, args, env, timeout)]


def _run(case: Case, folder: Path, args: list[str], env: dict[str, str], timeout: float) -> list[str]:
    streams: dict[str, int] = {}
    opened = []
    for which in ("stdout", "stderr"):
        mode = getattr(case, which)
        if mode == "full":
            full = os.open(device(folder, f"full-{which}", 7), os.O_WRONLY)
            opened.append(full)
            streams[which] = full
        else:
            streams[which] = subprocess.PIPE
    closing = {"stdin": 0, "stdout": 1, "stderr": 2}

    def prepare() -> None:
        signal.signal(
            signal.SIGINT, signal.SIG_DFL
        )  # Ctrl-C as in a terminal, also when the harness runs in the background
        if case.limit_file_size is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (case.limit_file_size, case.limit_file_size))
        for which, number in closing.items():
            if getattr(case, which) == "closed":
                os.close(number)

    # Root without the capabilities that skip permission checks: a file mode 0 is unreadable
    # to it, a folder mode 555 unwritable (a user who is not root sees them so anyway).
    unprivileged = UNPRIVILEGED if case.unprivileged and ROOT_USER else []
    process = subprocess.Popen(
        [*unprivileged, *ECOQA, *args],
        cwd=folder,
        env=env,
        stdin=subprocess.DEVNULL,  # closed in prepare for stdin="closed"
        start_new_session=True,
        stdout=streams["stdout"],
        stderr=streams["stderr"],
        preexec_fn=prepare,
    )
    if case.stdout == "head" and process.stdout is not None:
        process.stdout.close()  # the reader is gone before ecoqa writes
    elif case.stdout in ("head-line", "head-byte") and process.stdout is not None:
        _read_then_stop(process.stdout, case.stdout, timeout)
    if case.signal_after is not None:
        problem = _signal_after(process, *case.signal_after)
        if problem is not None:
            return [problem]
    if case.signal_when is not None:
        problem = _signal_when_written(process, folder, *case.signal_when, timeout)
        if problem is not None:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return [problem]
    try:
        out, err = (
            process.communicate(timeout=timeout)
            if not case.stdout.startswith("head")
            else (b"", process.communicate(timeout=timeout)[1])
        )
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return [f"hang (over {timeout:.0f} s)"]
    except ValueError:  # communicate after closing stdout
        process.wait(timeout)
        out, err = b"", process.stderr.read() if process.stderr else b""
    finally:
        for handle in opened:
            os.close(handle)
    outcome = Outcome(process.returncode, (out or b"").decode(errors="replace"), (err or b"").decode(errors="replace"))
    return judge(case, folder, outcome)


def _read_then_stop(stream: IO[bytes], how: str, timeout: float) -> None:
    """Read a line or a byte, as ``head -1`` or ``head -c 1`` does, then close the pipe."""
    reader = threading.Thread(target=stream.readline if how == "head-line" else lambda: stream.read(1), daemon=True)
    reader.start()
    reader.join(timeout)
    stream.close()


def _signal_when_written(
    process: subprocess.Popen[bytes], folder: Path, name: str, pattern: str, timeout: float
) -> str | None:
    """Send *name* once a file matching *pattern* exists; a problem if that never happens."""
    import time

    deadline = time.monotonic() + timeout
    while not list(folder.glob(pattern)):
        if process.poll() is not None:
            return f"ended (exit {process.returncode}) before {pattern} appeared: not exercised"
        if time.monotonic() > deadline:
            return f"no {pattern} after {timeout:.0f} s"
        time.sleep(0.002)
    if name == "SIGINT":
        os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole foreground group
    else:
        process.send_signal(getattr(signal, name))
    return None


def _signal_after(process: subprocess.Popen[bytes], name: str, seconds: float) -> str | None:
    """Send *name* once the command has used *seconds* of CPU time (past Python's start-up and
    ecoqa's imports whatever the load, so the signal lands in the command's own work); a problem
    if the command ended before (not exercised)."""
    import time

    while _cpu_seconds(process.pid) < seconds:
        if process.poll() is not None:
            return f"ended (exit {process.returncode}) within {seconds} CPU s, before {name}: not exercised"
        time.sleep(0.01)
    _send(process, name)
    return None


def _cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of *pid* so far (Linux ``/proc``; elsewhere 0)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _send(process: subprocess.Popen[bytes], name: str) -> None:
    if name == "SIGINT":
        os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole foreground group
    else:
        process.send_signal(getattr(signal, name))


def judge(case: Case, folder: Path, outcome: Outcome) -> list[str]:
    problems = []
    if outcome.code not in case.codes:
        problems.append(f"exit {outcome.code}, documented {'/'.join(map(str, case.codes))}")
    for bad in ("Traceback", "internal error", "Exception ignored"):
        if bad in outcome.stderr:
            problems.append(f"{bad!r} on stderr: {outcome.stderr[-300:]!r}")
    lines = [line for line in outcome.stderr.splitlines() if not line.startswith("ecoqa: warning: ")]
    validating = "validate" in case.args[:3]  # also after --lang X
    listed = validating and outcome.code == 3 and outcome.stdout  # its problems go to stdout
    # Ctrl-C or a kill: quietly, nothing to explain; a kill while ecoqa only reads ends it by the signal
    ended_by_a_signal = outcome.code in (130, 143) or outcome.code < 0
    if case.stderr == "pipe" and ended_by_a_signal and lines:
        problems.append(f"{len(lines)} lines on stderr after a signal, not none: {outcome.stderr[:200]!r}")
    elif (
        case.stderr == "pipe" and outcome.code not in (0,) and len(lines) != 1 and not listed and not ended_by_a_signal
    ):
        problems.append(f"{len(lines)} lines on stderr, not one: {outcome.stderr[:200]!r}")
    for which, text in (("stdout", outcome.stdout), ("stderr", outcome.stderr)):
        if case.colour:
            text = OWN_ESCAPES.sub("", text)
        found = CONTROL.search(text)
        if found:
            problems.append(f"raw control character {found.group()!r} on {which}")
    if case.check is not None:
        problems += case.check(folder, outcome)
    return problems


def cases() -> list[Case]:
    return tag_defects(
        [
            *cli_cases(),
            *corpus_cases(),
            *stream_cases(),
            *config_cases(),
            *import_cases(),
            *output_security_cases(),
            *data_safety_cases(),
            *defect_cases(),
            *writer_cases(),
            *reader_cases(),
            *cli_matrix_cases(),
            *stream_matrix_cases(),
            *environment_matrix_cases(),
            *config_matrix_cases(),
            *output_matrix_cases(),
            *data_safety_matrix_cases(),
            *corpus_matrix_cases(),
            *index_matrix_cases(),
            *import_matrix_cases(),
            *import_io_cases(),
            *cache_cases(),
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ecoqa", help="the ecoqa command (default: this Python's -m ecoqa)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--only", default="", help="run the cases whose category or name holds this text")
    parser.add_argument("--list", action="store_true", help="list the cases and stop")
    options = parser.parse_args()
    if options.ecoqa:
        ECOQA[:] = [options.ecoqa]
    chosen = [c for c in cases() if options.only in f"{c.category}: {c.name}" and (ROOT_USER or not c.needs_root)]
    if options.list:
        print("\n".join(f"{c.category}: {c.name}" + (f" [#{c.defect}]" if c.defect else "") for c in chosen))
        return 0
    with ThreadPoolExecutor(options.jobs) as pool:
        results = list(pool.map(lambda case: (case, run_case(case, options.timeout)), chosen))
    failed = [(case, problems) for case, problems in results if problems]
    for _, problems in failed:
        for problem in problems:
            print(problem)
    by_category: dict[str, list[int]] = {}
    for case, problems in results:
        counts = by_category.setdefault(case.category, [0, 0])
        counts[0] += 1
        counts[1] += bool(problems)
    print(f"\n{'category':16} {'cases':>6} {'failing':>8}")
    for category, (total, failing) in by_category.items():
        print(f"{category:16} {total:6} {failing:8}")
    print(f"{'total':16} {len(results):6} {len(failed):8}")
    by_defect: dict[int, list[int]] = {number: [0, 0] for number in range(1, 22)}
    for case, problems in results:
        if case.defect is not None:
            by_defect[case.defect][0] += 1
            by_defect[case.defect][1] += bool(problems)
    print("\nreview-2 defect: cases (failing)")
    print("  ".join(f"#{n}: {total} ({failing})" for n, (total, failing) in by_defect.items()))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
