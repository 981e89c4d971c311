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
        from ecoqa.errors import interrupted

        if not interrupted(error):
            raise
        code = 130
    sys.exit(code)


if __name__ == "__main__":
    main()
