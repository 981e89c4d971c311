"""Run ecoqa as ``python -m ecoqa``; ``main`` is also the ``ecoqa`` console script.

This module imports nothing heavy itself, so that Ctrl-C while the rest loads still ends
quietly with exit code 130 instead of a traceback.
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from ecoqa.cli import run

        code = run()
    except KeyboardInterrupt:
        code = 130
    except Exception as error:  # Ctrl-C inside an import can surface wrapped in another error
        if not interrupted(error):
            raise
        code = 130
    sys.exit(code)


def interrupted(error: BaseException | None) -> bool:
    """True when *error* is, or was raised while handling, a KeyboardInterrupt."""
    seen = 0
    while error is not None and seen < 20:
        if isinstance(error, KeyboardInterrupt):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


if __name__ == "__main__":
    main()
