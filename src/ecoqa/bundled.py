"""Where the corpus shipped with ecoqa is; stdlib only, so shell completion finds it quickly."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ecoqa.errors import CorpusError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def bundled_corpus() -> Traversable:
    """The corpus shipped with ecoqa: the packaged copy, else the checkout's ``data/qa.json``.

    Both plain paths are tried before ``importlib.resources``, whose first use costs a command
    more than reading the corpus does: the wheel's copy beside this file, then, in a checkout
    (an editable install: ``src/ecoqa/``), the repository root's. ``importlib.resources`` is left
    for zipped or unusual installs.
    """
    here = Path(__file__).resolve().parent
    beside = here / "data" / "qa.json"  # an installed wheel
    if beside.is_file():
        return beside
    checkout = here.parents[1] / "data" / "qa.json"
    if here.parent.name == "src" and checkout.is_file():
        return checkout
    from importlib import resources

    packaged = resources.files("ecoqa").joinpath("data/qa.json")
    if packaged.is_file():
        return packaged
    raise CorpusError("Bundled corpus not found; reinstall ecoqa or pass --data FILE.")
