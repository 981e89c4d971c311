"""The one family of errors ecoqa shows to users; the CLI maps each to an exit code."""

from __future__ import annotations


class EcoqaError(Exception):
    """An error whose message is written for the user: one line, saying what to try next."""

    def __init__(self, message: str, *, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.suggestions = suggestions


class CorpusError(EcoqaError):
    """The corpus file is missing, unreadable or invalid."""


class UsageError(EcoqaError):
    """The user asked for something that does not exist (an id, a topic) or gave an empty query."""


class NotFoundError(UsageError):
    """A named item (question id, topic, principle) is not in the corpus; may carry suggestions."""
