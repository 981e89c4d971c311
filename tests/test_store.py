"""The persistent index for large corpora: same results as in memory, cached, rebuilt when needed."""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from ecoqa import store
from ecoqa.corpus import parse_corpus
from ecoqa.errors import CorpusError, IndexDamaged
from ecoqa.search import analysis, rank
from ecoqa.search import index as search_index
from ecoqa.search.engine import search
from ecoqa.store import build, layout, read
from ecoqa.store import cache as housekeeping

QUERIES = ["financiering", "financing", "consorium", "fonds", "Mazucato", "SMEs", "tijdelijk eigenaarschap", "zzqx"]


def _make_corpus() -> Any:
    spec = importlib.util.spec_from_file_location(
        "make_corpus", Path(__file__).parents[1] / "benchmarks" / "make_corpus.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("ECOQA_CACHE_DIR", str(directory))
    return directory


@pytest.fixture(scope="module")
def raw() -> bytes:
    return json.dumps(_make_corpus().make(600)).encode()


def ranked(corpus: Any, index: Any, query: str) -> list[tuple[int, float, str]]:
    hits = search(corpus, query, index=index).hits
    return [(h.entry.id, h.score, h.snippet.text if h.snippet else "") for h in hits]


def in_memory(raw: bytes) -> tuple[Any, Any]:
    """The corpus parsed whole and indexed in memory, as a small file is searched; indexed once, not
    again for every query (``search`` without an index builds one each time)."""
    memory = parse_corpus(raw, "c.json")
    return memory, search_index.build_index(memory)


def test_indexed_results_equal_in_memory_results(cache: Path, raw: bytes) -> None:
    memory, memory_index = in_memory(raw)
    warnings: list[str] = []
    built = store.load_indexed(raw, "c.json", warn=warnings.append)
    reopened = store.load_indexed(raw, "c.json", warn=warnings.append)
    for query in QUERIES:
        expected = ranked(memory, memory_index, query)
        assert ranked(*built, query) == expected, query
        assert ranked(*reopened, query) == expected, query
    assert [e.id for e in reopened[0].entries] == [e.id for e in memory.entries]
    assert [reopened[0].related(e) for e in memory.entries[:50]] == [memory.related(e) for e in memory.entries[:50]]
    assert warnings == []  # answered from the store, not from the in-memory fallback


def stages(raw: bytes) -> tuple[list[str], Any]:
    """Load through the store and note which stages ran (none unless it built)."""
    seen: list[str] = []
    loaded = store.load_indexed(raw, "c.json", lambda stage, done, total: seen.append(stage))
    return seen, loaded


def test_a_first_build_reports_its_phases_and_how_far_it_is(cache: Path, raw: bytes) -> None:
    """Checking and indexing counts the bytes of the file read so far, up to its size; then the
    index is saved."""
    seen: list[tuple[str, int, int]] = []
    store.load_indexed(raw, "c.json", lambda stage, done, total: seen.append((stage, done, total)))
    reading = [(done, total) for stage, done, total in seen if stage == "checking and indexing"]
    assert [stage for stage, _, _ in seen][-1] == "saving the index"
    assert reading[0] == (0, len(raw)) and reading[-1] == (len(raw), len(raw))
    assert [done for done, _ in reading] == sorted(done for done, _ in reading)


@pytest.mark.usefixtures("english")
def test_a_first_build_on_a_terminal_says_how_long_each_phase_took(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ecoqa import output

    monkeypatch.setattr(output, "_is_tty", lambda stream: True)
    with output.index_progress() as update:
        assert update is not None
        update("checking and indexing", 5, 10)
        update("saving the index", 0, 0)
    note = capsys.readouterr().err.splitlines()[-1]
    assert note.startswith("ecoqa: built the search index in ")
    assert "checking and indexing " in note and "saving the index " in note


def test_second_load_reads_the_cache(cache: Path, raw: bytes) -> None:
    first, _ = stages(raw)
    assert "checking and indexing" in first
    assert len(list(cache.glob("*.sqlite3"))) == 1
    second, (corpus, index) = stages(raw)
    assert second == []  # nothing was validated, indexed or saved
    assert index.size == len(corpus.entries) == 600
    assert corpus.entries[5].id == 6


def test_key_follows_content_and_versions(raw: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    key = store.cache_key(raw)
    assert store.cache_key(raw + b" ") != key
    monkeypatch.setattr(analysis, "STEMMER_VERSION", "other")
    assert store.cache_key(raw) != key


@pytest.mark.parametrize(
    ("module", "name", "value"),
    [
        (rank, "K1", 1.5),
        (rank, "TIE_BREAKER", 0.2),
        (analysis, "STOP_WORDS", frozenset({"de"})),
        (search_index, "INDEX_RULES", 99),
    ],
)
def test_key_follows_every_ranking_parameter(
    raw: bytes, monkeypatch: pytest.MonkeyPatch, module: Any, name: str, value: Any
) -> None:
    key = store.cache_key(raw)
    monkeypatch.setattr(module, name, value)
    assert store.cache_key(raw) != key


def test_key_follows_field_weights(raw: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    key = store.cache_key(raw)
    fields = tuple(f._replace(weight=0.1) if f.name == "question" else f for f in search_index.FIELDS)
    monkeypatch.setattr(search_index, "FIELDS", fields)
    assert store.cache_key(raw) != key


def test_corrupt_index_is_rebuilt(cache: Path, raw: bytes) -> None:
    store.load_indexed(raw, "c.json")
    (path,) = cache.glob("*.sqlite3")
    path.write_bytes(b"not a database" * 100)
    corpus, index = store.load_indexed(raw, "c.json")
    assert ranked(corpus, index, "financiering")
    assert path.read_bytes().startswith(b"SQLite format 3")


def test_unwritable_cache_still_answers(tmp_path: Path, raw: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("ECOQA_CACHE_DIR", str(blocker / "sub"))
    corpus, index = store.load_indexed(raw, "c.json")
    assert ranked(corpus, index, "financiering")


def test_invalid_large_corpus_is_a_corpus_error(cache: Path) -> None:
    from ecoqa.errors import CorpusError

    with pytest.raises(CorpusError):
        store.load_indexed(b'{"questions": [{"id": 1}]}', "c.json")
    assert not list(cache.glob("*.sqlite3"))


def test_cli_uses_the_index_for_large_files(
    cache: Path, raw: bytes, tmp_path: Path, invoke: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(raw)
    monkeypatch.setattr(housekeeping, "MIN_BYTES", 1000)
    result = invoke("search", "financiering", "--json", "--data", str(path))
    assert result.exit_code == 0
    assert list(cache.glob("*.sqlite3"))
    again = invoke("search", "financiering", "--json", "--data", str(path))
    assert json.loads(again.stdout) == json.loads(result.stdout)
    topical = invoke("search", "financiering", "--topic", "nope", "--data", str(path))
    assert topical.exit_code == 2
    shown = invoke("show", "7", "--json", "--data", str(path))
    assert json.loads(shown.stdout)["results"][0]["id"] == 7
    assert invoke("show", "601", "--data", str(path)).stderr == "ecoqa: no question '601'; valid ids are 1-600.\n"
    listed = invoke("list", "--plain", "--data", str(path))
    assert len(listed.stdout.splitlines()) == 600


# ---------------------------------------------------------------------------- streaming and finding


def test_the_stream_checker_agrees_with_the_whole_file_checker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The large-file path (a stream, read in chunks) finds the same problems as the small-file path."""
    import copy
    import random
    import sys

    from ecoqa import corpus as corpus_module

    sys.path.insert(0, str(Path(__file__).parent))
    from test_schema import DECLARED, FULL, mutate

    monkeypatch.setattr(corpus_module.JsonStream, "CHUNK", 7)  # every value crosses chunk borders
    rng = random.Random(5)
    values: list[Any] = [None, 1, -1, "x", "", [], {}, [1], {"a": 1}, True, 2**31, "geld", "p1"]
    path = tmp_path / "c.json"
    for _ in range(150):
        doc = copy.deepcopy(FULL)
        mutate(doc, rng.choice(DECLARED), rng.choice(values), rng.choice(["set", "delete", "unknown"]))
        raw = json.dumps(doc, indent=rng.choice([None, 1])).encode()
        path.write_bytes(raw)
        whole = sorted(str(p) for p in corpus_module.check_corpus(raw, "c.json"))
        streamed = sorted(str(p) for p in corpus_module.check_stream(path, "c.json")[2])
        assert streamed == whole, doc
    broken = (b'{"questions":\n  [1 2]}', b'{"questions": "\xff"}', b"[" * 50_000 + b"]" * 50_000, b"  ")
    cut_off = (b'{"questions": [{"id": 1, "question": "Hoe', b'{"questions": [1, 2\n\n', b'{"questions": ')
    tabbed = b'{"questions": [{"id": 1, "question": "a\tb", "answer": "x"}]}'
    for raw in (*broken, *cut_off, tabbed, json.dumps(FULL).encode()[:-40]):
        path.write_bytes(raw)
        with pytest.raises(CorpusError) as caught:
            corpus_module.check_stream(path, "c.json")
        assert [caught.value.message] == [str(p) for p in corpus_module.check_corpus(raw, "c.json")]


@pytest.mark.slow
@pytest.mark.timeout(900)  # a real 10,000-entry build: minutes on a busy shared machine
def test_a_10000_entry_corpus_ranks_the_same_from_the_store(cache: Path, tmp_path: Path) -> None:
    """The streamed store and the in-memory index give identical results, snippets and related questions."""
    make = _make_corpus()
    raw = json.dumps(make.make(10_000, seed=3)).encode()
    memory, memory_index = in_memory(raw)
    warnings: list[str] = []
    corpus, index = store.load_indexed(raw, "c.json", warn=warnings.append)
    for query in [*QUERIES, "ecosysteem innovatie financiering", "thema 7", "principe"]:
        assert ranked(corpus, index, query) == ranked(memory, memory_index, query), query
    for position in (0, 4321, 9999):
        entry = memory.entries[position]
        assert corpus.get(entry.id) == entry
        assert corpus.related(entry) == memory.related(entry)
    assert [t.id for t in corpus.topics] == [t.id for t in memory.topics]
    assert warnings == []


def test_a_known_file_is_found_without_reading_it(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(json.dumps(_make_corpus().make(600)).encode())
    store.open_indexed(path, str(path))

    def no_reading(*args: object) -> str:
        raise AssertionError("the corpus file was read again")

    monkeypatch.setattr(store, "content_hash", no_reading)
    corpus, _ = store.open_indexed(path, str(path))
    assert len(corpus.entries) == 600


def test_an_edit_that_restores_the_modification_time_is_noticed(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    doc = _make_corpus().make(600)
    path.write_bytes(json.dumps(doc).encode())
    before = os.stat(path)
    store.open_indexed(path, str(path))
    doc["questions"][0]["question"] = "Een heel andere vraag over xylofoonmuziek?"
    path.write_bytes(json.dumps(doc).encode().ljust(before.st_size))  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # same modification time
    corpus, index = store.open_indexed(path, str(path))
    assert [h.entry.id for h in search(corpus, "xylofoonmuziek", index=index).hits] == [1]


def test_a_language_declared_after_the_questions_is_still_used(invoke: Any, tmp_path: Path) -> None:
    """An English corpus whose 'webinar' comes after its questions: the store is built again in
    English (English stemming lets 'studies' find 'study'; Dutch stemming does not)."""
    questions = [{"id": 1, "question": "Which study helps?", "answer": "Each study counts."}]
    questions += [
        {"id": n, "question": f"Question {n} about other things?", "answer": "Nothing to see here. " * 12}
        for n in range(2, 1500)
    ]
    path = tmp_path / "english.json"
    path.write_text(json.dumps({"questions": questions, "webinar": {"language": "en"}}), encoding="utf-8")
    assert path.stat().st_size >= store.MIN_BYTES
    for _ in range(2):  # the run that builds, and a run from the stored index
        result = invoke("--data", str(path), "search", "studies", "--json")
        assert result.exit_code == 0, result.stderr
        assert [hit["id"] for hit in json.loads(result.stdout)["results"]] == [1]


@pytest.mark.parametrize("render", ["to_markdown", "to_html"])
def test_an_export_names_related_questions_from_its_contents(
    cache: Path, raw: bytes, monkeypatch: pytest.MonkeyPatch, render: str
) -> None:
    """A whole export reads every heading once, for its contents, and names the related questions
    from there: never one query per related line; ``show`` of one entry reads its own three."""
    from ecoqa import export

    corpus, _ = store.load_indexed(raw, "c.json")
    asked: list[str] = []
    rows = read.Store.rows
    monkeypatch.setattr(read.Store, "rows", lambda self, sql, *a: asked.append(sql) or rows(self, sql, *a))
    b"".join(getattr(export, render)(corpus.entries, export.Document(corpus, "nl")))
    single = [sql for sql in asked if "WHERE position = ?" in sql]
    assert not single and len(asked) < 40, asked  # 600 entries: their batches, quotes
    asked.clear()
    again, _ = store.load_indexed(raw, "c.json")
    again.related_headings(again.entries[300])
    assert asked.count("SELECT * FROM headings WHERE position = ?") == 3, asked


def test_documents_from_the_store_equal_documents_from_memory(cache: Path, raw: bytes) -> None:
    """Contents, related lines and quotes read lazily from the store give the same documents."""
    from ecoqa import export

    memory = parse_corpus(raw, "c.json")
    corpus, _ = store.load_indexed(raw, "c.json")
    for lang in ("nl", "en"):
        for render in (export.to_markdown, export.to_html):
            expected = b"".join(render(memory.entries, export.Document(memory, lang)))
            assert b"".join(render(corpus.entries, export.Document(corpus, lang))) == expected
        assert list(corpus.entries.headings()) == [e.heading for e in memory.entries]
    assert "".join(export.corpus_json(corpus.entries, corpus)) == "".join(export.corpus_json(memory.entries, memory))
    cited = [(p.id, e.id) for e in memory.entries for p in memory.principles if p.id in e.principles]
    assert cited
    assert [corpus.principle(p).quotes(q) for p, q in cited] == [memory.principle(p).quotes(q) for p, q in cited]


def test_an_entry_found_damaged_during_an_export_ends_it_and_the_index_is_removed(cache: Path, raw: bytes) -> None:
    """An entry that fails its checksum in the middle of an export ends the export with one
    error (not patched from memory mid-command); the damaged index is gone, and the next
    opening rebuilds it, whole."""
    from ecoqa import export

    memory = parse_corpus(raw, "c.json")
    warnings: list[str] = []
    corpus, _ = store.load_indexed(raw, "c.json", warn=warnings.append)
    (path,) = cache.glob("*.sqlite3")
    connection = sqlite3.connect(path)
    with connection:  # commits; closing is separate
        connection.execute("UPDATE entries SET crc = crc + 1 WHERE position = 300")
    connection.close()
    with pytest.raises(IndexDamaged, match="run the command again"):
        b"".join(export.to_markdown(corpus.entries, export.Document(corpus, "en")))
    assert not path.exists() and warnings == []
    expected = b"".join(export.to_markdown(memory.entries, export.Document(memory, "en")))
    corpus, _ = store.load_indexed(raw, "c.json", warn=warnings.append)
    assert b"".join(export.to_markdown(corpus.entries, export.Document(corpus, "en"))) == expected
    assert path.exists() and warnings == []


@pytest.mark.parametrize("text", ["", "nul", ' [1, "a", "b"]', '[1, "a", "b"] ', '[1, "a", "b"]x', '[1, "a"'])
def test_stored_json_is_one_value_and_nothing_else(text: str) -> None:
    """The store's parser takes exactly one JSON value; anything else is a ValueError (damage)."""
    assert read.stored_json('[1, "a", "b"]') == [1, "a", "b"]
    with pytest.raises(ValueError):
        read.stored_json(text)


def test_a_stored_heading_with_text_after_it_is_damage(cache: Path, raw: bytes) -> None:
    """A row whose checksum holds but whose JSON has text after it is not read as a heading: it
    is damage like any other (the index goes, the command ends with one error)."""
    import sqlite3

    corpus, _ = store.load_indexed(raw, "c.json")
    (path,) = cache.glob("*.sqlite3")
    connection = sqlite3.connect(path)
    (heading,) = connection.execute("SELECT heading FROM headings WHERE position = 5").fetchone()
    with connection:
        bad = heading + ' "extra"'
        connection.execute("UPDATE headings SET heading = ?, crc = ? WHERE position = 5", (bad, layout.crc((5, bad))))
    connection.close()
    with pytest.raises(IndexDamaged, match="cannot be read"):
        list(corpus.entries.headings())
    assert not path.exists()


def _an_open_store(cache: Path, raw: bytes) -> Any:
    """A store built from *raw*, opened for reading as a search opens it."""
    store.load_indexed(raw, "c.json")
    (path,) = cache.glob("*.sqlite3")
    return read.Store(path)


def test_an_open_store_let_go_in_another_thread_is_closed_there_quietly(
    cache: Path, raw: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The garbage collector may free an open store in any thread: its connection is closed
    there, with no 'created in a thread' error and no unclosed database."""
    import threading

    unraisable: list[str] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda meta: unraisable.append(repr(meta.exc_value)))
    holder = [_an_open_store(cache, raw)]
    connection = holder[0].connection
    assert connection is not None
    thread = threading.Thread(target=holder.clear)
    thread.start()
    thread.join()
    assert unraisable == []
    with pytest.raises(sqlite3.ProgrammingError, match="closed database"):
        connection.execute("SELECT 1")


# ---------------------------------------------------------------------------- the cache owns only what it made


def test_eviction_and_sweeping_leave_a_users_own_files(
    cache: Path, raw: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ECOQA_CACHE_DIR may be a folder the user keeps other files in: past the size limit only
    ecoqa's own indexes go, and no temporary-looking file of the user's is swept, however old."""
    cache.mkdir()
    mine = {name: cache / name for name in ("projects.sqlite3", "my.sqlite3", ".notes.tmp", ".draft.sqlite3.tmp")}
    for path in mine.values():
        with path.open("wb") as handle:
            handle.truncate(2 << 20)
        os.utime(path, (1, 1))  # older than anything ecoqa made, and long stale
    monkeypatch.setenv("ECOQA_CACHE_MB", "1")
    for extra in (b"", b" ", b"  "):
        store.load_indexed(raw + extra, "c.json")
    assert all(path.exists() for path in mine.values())
    assert [p.name for p in cache.glob("ecoqa-*.sqlite3")] == [
        store.index_path(cache, store.cache_key(raw + b"  ")).name
    ]


def test_a_build_leftover_is_swept_once_no_process_holds_it(cache: Path) -> None:
    """A killed build's temporary file is free of its lock: the next sweep removes it at once,
    while the temporary file of a build still running (locked) stays."""
    cache.mkdir()
    target = store.index_path(cache, "0" * 64)
    handle, running = housekeeping.claimed_temporary(target)
    killed = cache / f".{target.name}.abc123.tmp"
    killed.write_bytes(b"half an index")
    try:
        housekeeping.sweep(cache)
        assert running.exists()
        assert not killed.exists()
    finally:
        os.close(handle)
    housekeeping.sweep(cache)
    assert not running.exists()


def test_an_index_built_while_the_file_changed_is_never_kept(
    cache: Path, raw: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file edited while its index is built, then restored byte for byte, never gets the index
    of what the build read in between: the build says so, and keeps nothing."""
    path = tmp_path / "c.json"
    path.write_bytes(raw)
    edited = raw.replace(b"financiering", b"zqxwvbnmkqxz")
    assert edited != raw and len(edited) == len(raw)
    fill = build.fill

    def fill_during_an_edit(*args: Any) -> None:
        path.write_bytes(edited)
        try:
            fill(*args)
        finally:
            path.write_bytes(raw)

    monkeypatch.setattr(build, "fill", fill_during_an_edit)
    with pytest.raises(CorpusError, match="changed while"):
        store.open_indexed(path, "c.json")
    assert not list(cache.glob("*.sqlite3"))
    monkeypatch.setattr(build, "fill", fill)
    corpus, index = store.open_indexed(path, "c.json")
    assert ranked(corpus, index, "zqxwvbnmkqxz") == []
    assert ranked(corpus, index, "financiering") == ranked(*in_memory(raw), "financiering")


def test_a_changed_word_list_is_noticed(cache: Path, raw: bytes) -> None:
    """A word's row in the vocabulary that no longer matches what was built (here: another
    word's terms) is damage: the search ends with one error, the index goes, and the next
    opening rebuilds it and answers as memory does."""
    store.load_indexed(raw, "c.json")
    (path,) = cache.glob("*.sqlite3")
    with sqlite3.connect(path) as connection:
        changed = connection.execute(
            "UPDATE vocabulary SET terms = (SELECT terms FROM vocabulary WHERE surface = 'samenwerking')"
            " WHERE surface = 'financiering'"
        ).rowcount
    connection.close()
    assert changed == 1
    warnings: list[str] = []
    corpus, index = store.load_indexed(raw, "c.json", warn=warnings.append)
    with pytest.raises(IndexDamaged, match="damaged"):
        ranked(corpus, index, "financiering")
    assert not path.exists()
    corpus, index = store.load_indexed(raw, "c.json", warn=warnings.append)
    assert ranked(corpus, index, "financiering") == ranked(*in_memory(raw), "financiering")
    assert warnings == []


# ---------------------------------------------------------------------------- what the review's mutants showed untested


@pytest.mark.parametrize("chunk", [7, 1 << 20])
def test_a_streamed_syntax_error_past_the_first_line_has_the_whole_file_position(
    tmp_path: Path, raw: bytes, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """A large file read in chunks names a syntax error on a later line at the same line and column
    as the whole-file reader, wherever the chunks were cut."""
    from ecoqa import corpus as corpus_module

    monkeypatch.setattr(corpus_module.JsonStream, "CHUNK", chunk)
    lines = json.dumps(json.loads(raw), indent=1).encode().split(b"\n")
    path = tmp_path / "c.json"
    for at in (2, 1000, len(lines) // 2, len(lines) - 3):
        broken = list(lines)
        indent = len(lines[at]) - len(lines[at].lstrip())
        broken[at] = lines[at][:indent] + b"@" + lines[at][indent:]  # where a token should start
        data = b"\n".join(broken)
        assert len(data) >= corpus_module.STREAM_BYTES
        path.write_bytes(data)
        with pytest.raises(CorpusError) as caught:
            corpus_module.check_stream(path, "c.json")
        assert [caught.value.message] == [str(p) for p in corpus_module.check_corpus(data, "c.json")]
        assert caught.value.message.startswith(f"c.json:{at + 1}:{indent + 1}: ")


def test_a_streamed_file_checks_quotes_against_the_cleaned_answer(cache: Path, tmp_path: Path) -> None:
    """An answer with Windows line ends (CRLF) is cleaned before its evidence quotes are looked up
    in it, in a streamed file as in a small one: a quote across its line break is found."""
    from ecoqa import corpus as corpus_module

    document = _make_corpus().make(600)
    principle = next(p for p in document["principles"] if p.get("evidence"))
    cited = principle["evidence"][0]["question"]
    question = next(q for q in document["questions"] if q["id"] == cited)
    question["answer"] += "\r\nEerste regel\r\ntweede regel."
    principle["evidence"].append({"question": cited, "quote": "Eerste regel\ntweede regel"})
    data = json.dumps(document).encode()
    path = tmp_path / "c.json"
    path.write_bytes(data)
    assert len(data) >= corpus_module.STREAM_BYTES
    assert corpus_module.check_corpus(data, "c.json") == []
    assert corpus_module.check_file(path) == []  # the stream, and a second pass for the answers
    corpus, _ = store.open_indexed(path, "c.json")  # the stream into a store
    assert "Eerste regel\ntweede regel" in corpus.principle(principle["id"]).quotes(cited)


def test_a_large_file_may_start_with_a_byte_order_mark_as_a_small_one_may(
    cache: Path, tmp_path: Path, raw: bytes
) -> None:
    """Windows editors may save UTF-8 with a byte order mark: a file read as a stream (validated,
    and streamed into a store) takes it as the whole-file reader does."""
    from ecoqa import corpus as corpus_module

    data = b"\xef\xbb\xbf" + raw
    path = tmp_path / "c.json"
    path.write_bytes(data)
    assert len(data) >= corpus_module.STREAM_BYTES
    assert corpus_module.check_file(path) == []
    corpus, _ = store.open_indexed(path, "c.json")
    assert [e.id for e in corpus.entries] == [e.id for e in parse_corpus(data, "c.json").entries]


def test_a_store_missing_its_first_entry_is_rebuilt_when_opened(cache: Path, raw: bytes) -> None:
    """A store that lost its first row is unusable from the start: rebuilt at once (not served,
    nor patched from memory later), and whole again."""
    store.load_indexed(raw, "c.json")
    (path,) = cache.glob("*.sqlite3")
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM entries WHERE position = 0")
    connection.close()
    warnings: list[str] = []
    corpus, _ = store.load_indexed(raw, "c.json", warn=warnings.append)
    assert len(warnings) == 1 and "rebuilding" in warnings[0], warnings
    assert corpus.entries[0] == parse_corpus(raw, "c.json").entries[0]
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT MIN(position), COUNT(*) FROM entries").fetchone() == (0, 600)
    connection.close()


# ---------------------------------------------------------------------------- right or gone


class _FailingConnection:
    """A connection whose every query fails as SQLite fails on a damaged page."""

    def execute(self, *args: Any) -> Any:
        raise sqlite3.DatabaseError("database disk image is malformed")

    def close(self) -> None:
        pass


@pytest.mark.parametrize("args", [("list", "--json"), ("search", "financiering"), ("export", "-f", "md")])
def test_sqlite_failing_in_the_middle_of_a_command_ends_it_with_one_line(
    cache: Path, raw: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, invoke: Any, args: tuple[str, ...]
) -> None:
    """SQLite reporting damage after the index was opened (a page read later) is never a
    traceback: one line, exit 75, the index removed; the same command run again rebuilds it and
    answers as a run without any index does."""
    path = tmp_path / "c.json"
    path.write_bytes(raw)
    invoke("search", "x", "--data", str(path))  # builds the index
    expected = invoke(*args, "--data", str(path))
    (built,) = cache.glob("*.sqlite3")
    opened = store.open_store

    def opened_then_failing(*given: Any) -> Any:
        found = opened(*given)
        found[0].entries.store.connection = _FailingConnection()
        return found

    monkeypatch.setattr(store, "open_store", opened_then_failing)
    result = invoke(*args, "--data", str(path))
    assert result.exit_code == 75
    assert result.stderr.count("\n") == 1 and "database disk image is malformed" in result.stderr, result.stderr
    assert "run the command again" in result.stderr
    assert not built.exists()
    monkeypatch.setattr(store, "open_store", opened)
    again = invoke(*args, "--data", str(path))
    assert (again.exit_code, again.stdout, again.stderr) == (0, expected.stdout, "")
    assert built.exists()


@pytest.mark.parametrize("content", [b"[" * 100_000, b'{"a": ' * 100_000, b"\xff\x00", b"[]"])
def test_a_damaged_file_map_is_forgotten_not_a_crash(tmp_path: Path, content: bytes) -> None:
    """The cache's map of known files nested too deep (RecursionError in the JSON decoder, exit 70 before),
    not JSON or not a map: read as empty, so the corpus is hashed again."""
    (tmp_path / "ecoqa-files.json").write_bytes(content)
    assert housekeeping.known_files(tmp_path) == {}
