"""Compare index stores for a large corpus: pickle of the whole index vs the SQLite store.

usage: python benchmarks/store_compare.py CORPUS.json

Prints the size on disk and the time to get from a cold file to one answered query, in one
process, for each store. The SQLite store is what ecoqa uses (see ecoqa.index).
"""

from __future__ import annotations

import os
import pickle
import shutil
import sys
import tempfile
import time
from pathlib import Path

from ecoqa import index as store
from ecoqa.corpus import parse_corpus
from ecoqa.search.engine import search
from ecoqa.search.index import build_index


def main() -> None:
    path = Path(sys.argv[1])
    raw = path.read_bytes()
    work = Path(tempfile.mkdtemp(prefix="ecoqa-store-"))
    os.environ["ECOQA_CACHE_DIR"] = str(work)
    corpus = parse_corpus(raw, str(path))
    index = build_index(corpus)
    pickled = work / "index.pickle"
    pickled.write_bytes(pickle.dumps((corpus.entries, index), protocol=pickle.HIGHEST_PROTOCOL))
    store.load_indexed(raw, str(path))  # builds the SQLite store
    (sqlite_file,) = work.glob("*.sqlite3")

    start = time.perf_counter()
    entries, loaded = pickle.loads(pickled.read_bytes())
    search(corpus.with_entries(entries), "financiering", index=loaded)
    pickle_seconds = time.perf_counter() - start

    start = time.perf_counter()
    lazy_corpus, lazy_index = store.load_indexed(raw, str(path))
    search(lazy_corpus, "financiering", index=lazy_index)
    sqlite_seconds = time.perf_counter() - start

    shutil.rmtree(work, ignore_errors=True)
    print("| store | size MB | cold file to first answer, ms |\n| --- | ---: | ---: |")
    print(f"| pickle of entries and index | {pickled.stat().st_size / 2**20:.0f} | {pickle_seconds * 1000:.0f} |")
    print(f"| SQLite, postings per term | {sqlite_file.stat().st_size / 2**20:.0f} | {sqlite_seconds * 1000:.0f} |")


if __name__ == "__main__":
    main()
