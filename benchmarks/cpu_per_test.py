"""A pytest plugin: CPU seconds per test, the test's own and those of the processes it waited for.

CPU time changes much less than wall time on a shared, loaded machine, so the suite's cost can be
compared between runs made under different loads:

    PYTHONPATH=benchmarks python -m pytest -p cpu_per_test [pytest arguments]

writes one line per test, most expensive first, to ``CPU_PER_TEST_OUT`` (default
``cpu-per-test.txt`` in the current folder), after a first line with the totals.
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Generator
from typing import Any

import pytest

_rows: list[tuple[float, float, float, float, str]] = []


def _cpu() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: Any) -> Generator[None, None, None]:
    own, children = _cpu()
    start = time.monotonic()
    yield
    own_after, children_after = _cpu()
    own, children = own_after - own, children_after - children
    _rows.append((own + children, own, children, time.monotonic() - start, item.nodeid))


def pytest_sessionfinish(session: pytest.Session) -> None:
    with open(os.environ.get("CPU_PER_TEST_OUT", "cpu-per-test.txt"), "w", encoding="utf-8") as out:
        total = sum(row[0] for row in _rows)
        out.write(f"# {len(_rows)} tests, {total:.1f} s CPU, {sum(row[3] for row in _rows):.1f} s wall\n")
        for cpu, own, children, wall, name in sorted(_rows, reverse=True):
            out.write(f"{cpu:8.2f} cpu {own:7.2f} own {children:7.2f} children {wall:7.2f} wall  {name}\n")
