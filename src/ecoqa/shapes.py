"""The kinds of JSON value the corpus schema is written in (``Text``, ``Id``, ``Many``, ``Obj`` …).

Each kind checks one decoded value, reports every problem with its JSON path, and builds what
it describes; ``describe`` gives its JSON Schema. The table itself is ``ecoqa.schema``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from ecoqa.messages import Message, msg
from ecoqa.models import MAX_ID
from ecoqa.text import clean_text, one_line


class Problem(NamedTuple):
    """One thing wrong with a corpus: where (``line:col`` or a JSON path) and what."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def said(self) -> Message:
        """The problem as a message, to be said in the command's language."""
        return msg("{where}: {problem}", where=self.where, problem=self.message) if self.where else msg(self.message)


class Pairs(dict[str, Any]):
    """A JSON object that remembers keys it saw more than once (see ``corpus.decode_json``)."""

    duplicates: tuple[str, ...] = ()


class NonFinite(float):
    """Stands in for NaN/Infinity so that checking can say where they occur."""


class Where:
    """A JSON path, formatted only when a problem is reported (the happy path never pays)."""

    __slots__ = ("key", "parent")

    def __init__(self, parent: Where | None, key: str) -> None:
        self.parent = parent
        self.key = key

    def __str__(self) -> str:
        head = str(self.parent) if self.parent is not None else ""
        if not head:
            return self.key
        return head + self.key if self.key.startswith("[") else f"{head}.{self.key}"


class Report:
    """Problems found while converting, each located in the file."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def add(self, where: Where | str | None, message: str) -> None:
        place = str(where) if where is not None else ""
        self.problems.append(Problem(f"{self.source}: {place}" if place else self.source, message))


INVALID: Any = object()  # a value that failed its check; the document will not be built


def kind_of(value: Any) -> Message:
    if isinstance(value, NonFinite):
        return msg("NaN/Infinity")
    names = {
        dict: msg("an object"),
        Pairs: msg("an object"),
        list: msg("a list"),
        str: msg("a string"),
        bool: msg("a boolean"),
        int: msg("a number"),
        float: msg("a number"),
        type(None): msg("null"),
    }
    return names.get(type(value)) or msg("a {type}", type=type(value).__name__)


class Node:
    """A kind of value: ``convert`` checks one value and returns what it builds (or INVALID)."""

    plural = "values"  # how a list of these is named in messages

    def convert(self, value: Any, where: Where, report: Report) -> Any:
        raise NotImplementedError

    def rebuild(self, value: Any) -> Any:
        """Build from a value this table checked before (a store's header): no checks, no cleaning."""
        return value

    def describe(self) -> dict[str, Any]:
        raise NotImplementedError


class Text(Node):
    plural = "strings"

    def __init__(self, *, nonempty: bool = False, doc: str = "") -> None:
        self.nonempty = nonempty
        self.doc = doc

    def convert(self, value: Any, where: Where, report: Report) -> Any:
        if not isinstance(value, str):
            report.add(where, msg("must be a string, not {kind}", kind=kind_of(value)))
            return INVALID
        if self.nonempty and not value.strip():
            report.add(where, msg("must not be empty"))
            return INVALID
        return clean_text(value)

    def describe(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string"}
        if self.nonempty:
            schema["minLength"] = 1
        return schema | ({"description": self.doc} if self.doc else {})


class OptionalText(Text):
    """A string or null (null builds as None)."""

    def convert(self, value: Any, where: Where, report: Report) -> Any:
        return None if value is None else super().convert(value, where, report) or None

    def describe(self) -> dict[str, Any]:
        return {"type": ["string", "null"]} | ({"description": self.doc} if self.doc else {})


class Url(Node):
    """An http(s) address or null: printable ASCII only, so no terminal escape can hide in it."""

    def convert(self, value: Any, where: Where, report: Report) -> Any:
        if value is None:
            return None
        if not isinstance(value, str):
            report.add(where, msg("must be a string or null, not {kind}", kind=kind_of(value)))
            return INVALID
        if not value.startswith(("http://", "https://")) or not all("!" <= c <= "~" for c in value):
            report.add(where, msg("must be an http:// or https:// address without spaces or control characters"))
            return INVALID
        return value

    def describe(self) -> dict[str, Any]:
        return {"type": ["string", "null"], "pattern": "^https?://[!-~]+$"}


class Flag(Node):
    def convert(self, value: Any, where: Where, report: Report) -> Any:
        if not isinstance(value, bool):
            report.add(where, msg("must be true or false, not {kind}", kind=kind_of(value)))
            return INVALID
        return value

    def describe(self) -> dict[str, Any]:
        return {"type": "boolean"}


class Id(Node):
    """A question id: a whole number every layer can hold (array, SQLite, JSON)."""

    plural = "whole numbers"

    def convert(self, value: Any, where: Where, report: Report) -> Any:
        if isinstance(value, NonFinite):
            report.add(where, msg("NaN and Infinity are not allowed"))
        elif not isinstance(value, int) or isinstance(value, bool):
            report.add(where, msg("must be a whole number, not {kind}", kind=kind_of(value)))
        elif not 0 <= value <= MAX_ID:
            report.add(where, msg("must be a whole number from 0 to {max}", max=MAX_ID))
        else:
            return value
        return INVALID

    def describe(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": 0, "maximum": MAX_ID}


class Maybe(Node):
    """A value of *node*'s kind, or null (builds as None): what a record writes for a part it lacks."""

    def __init__(self, node: Node) -> None:
        self.node = node
        self.plural = node.plural

    def convert(self, value: Any, where: Where, report: Report) -> Any:
        return None if value is None else self.node.convert(value, where, report)

    def rebuild(self, value: Any) -> Any:
        return None if value is None else self.node.rebuild(value)

    def describe(self) -> dict[str, Any]:
        return {"anyOf": [self.node.describe(), {"type": "null"}]}


class Many(Node):
    """A list of one kind of value; built as a tuple."""

    def __init__(self, item: Node, *, label: str = "") -> None:
        self.item = item
        self.label = label  # a field shown with each item's path, e.g. "(id 4)"

    def convert(self, value: Any, where: Where, report: Report) -> Any:
        if not isinstance(value, list):
            report.add(
                where, msg("must be a list of {items}, not {kind}", items=msg(self.item.plural), kind=kind_of(value))
            )
            return INVALID
        built = []
        for number, item in enumerate(value):
            at = Where(where, f"[{number}]")
            if self.label and isinstance(item, dict) and is_id(item.get(self.label)):
                at = Where(where, f"[{number}] ({self.label} {item[self.label]})")
            converted = self.item.convert(item, at, report)
            if converted is not INVALID:
                built.append(converted)
        return tuple(built)

    def rebuild(self, value: Any) -> Any:
        if type(self.item).rebuild is Node.rebuild:  # items that rebuild as themselves (strings, ids)
            return tuple(value)
        return tuple(map(self.item.rebuild, value))

    def describe(self) -> dict[str, Any]:
        return {"type": "array", "items": self.item.describe()}


def is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_ID


class Field(NamedTuple):
    key: str
    node: Node
    required: bool = False
    default: Any = None
    attribute: str = ""  # the model's attribute, when it differs from the key


class Obj(Node):
    """An object with declared fields; unknown keys are problems (a typo must not pass silently)."""

    plural = "objects"

    def __init__(self, name: str, fields: Sequence[Field], make: Callable[..., Any]) -> None:
        self.name = name
        self.fields = {f.key: f for f in fields}
        self.make = make
        # Fields that rebuild as themselves, under their own name: rebuilt in one call.
        self.flat = all(type(f.node).rebuild is Node.rebuild and not f.attribute and f.default is None for f in fields)
        self.nested = {f.key: f.node for f in fields if type(f.node).rebuild is not Node.rebuild}
        # Fields renamed or given a default on the way in: the only ones a rebuild must visit again.
        self.adjusted = [f for f in fields if f.attribute or f.default is not None]

    def convert(self, value: Any, where: Where, report: Report) -> Any:
        if not isinstance(value, dict):
            report.add(where, msg("must be an object, not {kind}", kind=kind_of(value)))
            return INVALID
        before = len(report.problems)
        for key in getattr(value, "duplicates", ()):
            report.add(where, msg("duplicate key {key}", key=json.dumps(one_line(key, 60))))
        for key in value:
            if key not in self.fields:
                report.add(where, unknown_field(key, self.fields))
        built: dict[str, Any] = {}
        for key, spec in self.fields.items():
            if key in value:
                built[spec.attribute or key] = spec.node.convert(value[key], Where(where, key), report)
            elif spec.required:
                report.add(where, msg("missing required field '{key}'", key=key))
            elif spec.default is not None:
                built[spec.attribute or key] = spec.default
        if len(report.problems) > before:
            return INVALID
        return self.make(**built)

    def rebuild(self, value: Any) -> Any:
        if self.flat:
            return self.make(**value)
        built = dict(value)
        for key, node in self.nested.items():
            if built.get(key) is not None:  # an absent optional record is kept as null
                built[key] = node.rebuild(built[key])
        for spec in self.adjusted:
            if spec.attribute and spec.key in built:
                built[spec.attribute] = built.pop(spec.key)
            elif spec.key not in built and spec.default is not None:
                built[spec.attribute or spec.key] = spec.default
        return self.make(**built)

    def describe(self) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {key: spec.node.describe() for key, spec in self.fields.items()},
            "required": [key for key, spec in self.fields.items() if spec.required],
            "additionalProperties": False,
        }


def unknown_field(key: str, fields: dict[str, Field]) -> Message:
    import difflib

    name = json.dumps(one_line(key, 60))
    close = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.75)
    if close:
        return msg("unknown field {name}; did you mean '{close}'?", name=name, close=close[0])
    return msg("unknown field {name}", name=name)
