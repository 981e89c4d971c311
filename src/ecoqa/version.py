"""The installed ecoqa version, for ``--version``, the overview and index cache keys."""

from __future__ import annotations


def ecoqa_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ecoqa")
    except PackageNotFoundError:
        return "unknown"
