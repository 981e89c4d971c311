"""Run ecoqa as ``python -m ecoqa``."""

from ecoqa.cli import app

if __name__ == "__main__":
    app(prog_name="ecoqa")
