"""Where the corpus shipped with ecoqa is; stdlib only, so shell completion finds it quickly."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ecoqa.errors import CorpusError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def bundled_corpus() -> Traversable:
    """The corpus shipped with ecoqa: the packaged copy, else the checkout's ``data/qa.json``."""
    beside = Path(__file__).with_name("data") / "qa.json"  # an installed wheel, found without importlib
    if beside.is_file():
        return beside
    from importlib import resources

    packaged = resources.files("ecoqa").joinpath("data/qa.json")  # zipped or unusual installs
    if packaged.is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "data" / "qa.json"
    if checkout.is_file():
        return checkout
    raise CorpusError("Bundled corpus not found; reinstall ecoqa or pass --data FILE.")
