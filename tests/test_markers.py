"""The ``process`` marker that tests/conftest.py gives by rule lands where it should: on tests that
start processes, send or handle signals, or use threads, FIFOs or sockets (each way a test can do so
below), and not on tests that only run ecoqa in-process."""

from __future__ import annotations

import pytest

PROCESS_TESTS = {
    "tests/test_faults.py::test_interrupted_build_cleans_up": "Popen and signals, through module helpers",
    "tests/test_faults.py::test_each_writer_onto_a_fifo_sends_into_it": "a FIFO read by a thread",
    "tests/test_faults.py::test_each_writer_onto_a_socket_sends_into_it": "a socket, through a context manager",
    "tests/test_finish.py::test_long_output_goes_through_the_pager": "a pseudo-terminal",
    "tests/test_store.py::test_an_open_store_let_go_in_another_thread_is_closed_there_quietly": "only a thread",
    "tests/test_cli.py::test_usage_errors_are_one_line_from_the_console_script": "subprocess imported inside it",
}
IN_PROCESS_TESTS = (
    "tests/test_cli.py::test_search_no_match_json_is_empty_list",
    "tests/test_finish.py::test_ecoqa_lang_sets_the_language",
)


def cases(items: list[pytest.Item], name: str) -> list[pytest.Item]:
    """The collected cases of test *name*; skips when its file was not collected in this run."""
    path = name.partition("::")[0]
    if not any(item.nodeid.startswith(path + "::") for item in items):
        pytest.skip(f"{path} is not part of this run")
    found = [item for item in items if item.nodeid.partition("[")[0] == name]
    assert found, f"{name} is gone: pick another test of its kind for this sample"
    return found


@pytest.mark.parametrize("name", PROCESS_TESTS, ids=PROCESS_TESTS.values())
def test_tests_that_start_processes_are_marked(collected_tests: list[pytest.Item], name: str) -> None:
    assert all(case.get_closest_marker("process") for case in cases(collected_tests, name))


@pytest.mark.parametrize("name", IN_PROCESS_TESTS)
def test_tests_that_run_ecoqa_in_process_are_not(collected_tests: list[pytest.Item], name: str) -> None:
    assert not any(case.get_closest_marker("process") for case in cases(collected_tests, name))
