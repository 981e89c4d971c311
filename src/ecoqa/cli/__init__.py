"""The ``ecoqa`` command line.

``options`` holds the app, its command decorator and the shared options; ``exits`` the exit codes
and the one map from errors to them; ``completion`` what TAB offers; ``common`` what the commands
share; ``reading``, ``documents`` and ``settings`` the commands. Ranking, parsing and rendering
live outside this package; a command here loads, selects and emits.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from ecoqa.cli import documents, reading, settings  # noqa: F401 - importing them registers the commands
from ecoqa.cli.exits import ExitCode
from ecoqa.cli.options import app, click_app

__all__ = ["ExitCode", "app", "run"]


def run(argv: Sequence[str] | None = None) -> int:
    """Run ecoqa and return its exit code (the console script's entry point, through ``__main__``)."""
    if sys.stdout is None:  # started with stdout closed: every write fails with a clear message
        from ecoqa.output import ClosedStream

        sys.stdout = ClosedStream()
    code: int = click_app().main(args=argv, prog_name="ecoqa", standalone_mode=False)
    return code
