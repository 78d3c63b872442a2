"""What a template sees: the report's data as plain values, with no object that has methods.

The report is built from Pydantic models and dataclasses, and a model class carries methods
that reach far outside a template (`parse_raw(..., proto="pickle")` unpickles a string, and
`parse_file` reads any file). A city's template is code written by someone else, so before any
template runs the data is copied into plain values: text, numbers, booleans, dates, lists,
mappings and `Record`s, whose only public attributes are the fields (and the computed
properties) of what they copy. Enumerations become their value (`"done"`), so a template
compares and prints them as text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import typing as t

import pydantic
from markupsafe import Markup

Plain = t.Union[None, bool, int, float, str, dt.date, list["Plain"], dict[str, "Plain"], "Record"]


class Record:
    """Named values, read as `record.name` or `record["name"]`, and nothing else: no method a
    template could call, and read-only."""

    __slots__ = ("_fields",)
    _fields: dict[str, Plain]

    def __init__(self, fields: dict[str, Plain]) -> None:
        object.__setattr__(self, "_fields", fields)

    def __getattr__(self, name: str) -> Plain:
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> Plain:
        return self._fields[name]

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("report data is read-only")

    def __contains__(self, name: object) -> bool:
        return name in self._fields

    def __repr__(self) -> str:
        return "Record(" + ", ".join(sorted(self._fields)) + ")"


def fields_of(record: Record) -> dict[str, Plain]:
    """The fields of `record` themselves, for the sandbox's quick path (`sandbox.getattr`): a
    function, not a method, so that a template cannot reach it."""
    return record._fields


def to_template_data(value: object, *, text: t.Callable[[str], str] | None = None) -> Plain:
    """`value` as plain data (see the module's docstring); an object shared by several parts of
    the report stays one `Record`. `text`: what each text becomes (`terminal.inert` for the
    network's page, whose texts all come from plans)."""
    return _Copier(text).copy(value)


class _Copier:
    def __init__(self, text: t.Callable[[str], str] | None = None) -> None:
        self.text = text
        # By id, with the object itself kept alive: a property's temporary result must not
        # free its id for another object copied later.
        self.records: dict[int, tuple[object, Record]] = {}

    def copy(self, value: object) -> Plain:
        kind = type(value)
        # The usual types first, by their exact type (a 5,000-action report copies some
        # 1,500,000 values): a subclass (an enumeration that is a `str`, `Markup`) goes on.
        if kind is str:
            return t.cast(str, value) if self.text is None else self.text(t.cast(str, value))
        if kind is float or kind is bool or value is None:
            return t.cast(Plain, value)
        if kind is int:
            return t.cast(int, value)
        if kind is list or kind is tuple:
            return [self.copy(item) for item in t.cast(t.Sequence[object], value)]
        names = _names(t.cast(type, kind))
        if names is not None:
            return self._record(value, names)
        if isinstance(value, enum.Enum):
            return self.copy(value.value)
        if isinstance(value, int):
            return int(value)
        if isinstance(value, Markup):
            return Markup(str(value))  # formatted by us: it stays marked as such
        if isinstance(value, str):
            return str(value) if self.text is None else self.text(str(value))
        if isinstance(value, dt.datetime):
            raise TypeError("report data holds a datetime: give templates a date")
        if isinstance(value, dt.date):
            return dt.date(value.year, value.month, value.day)
        if isinstance(value, (list, tuple)):
            return [self.copy(item) for item in value]
        if isinstance(value, (set, frozenset)):  # sorted, so that a report's bytes are stable
            return [self.copy(item) for item in sorted(value)]
        if isinstance(value, dict):
            return {str(key): self.copy(item) for key, item in value.items()}
        raise TypeError(f"report data of type {kind.__name__} has no plain form")

    def _record(self, value: object, names: tuple[str, ...]) -> Record:
        known = self.records.get(id(value))
        if known is not None:
            return known[1]
        fields: dict[str, Plain] = {}
        record = Record(fields)
        self.records[id(value)] = (value, record)  # before the fields: a cycle meets this record
        for name in names:
            fields[name] = self.copy(getattr(value, name))
        return record


@functools.cache
def _names(cls: type) -> tuple[str, ...] | None:
    """What a template reads of an instance of `cls`: the fields of a model or dataclass, then
    its computed properties; None for any other class. Worked out once per class."""
    if issubclass(cls, pydantic.BaseModel):
        fields = list(cls.model_fields)
    elif dataclasses.is_dataclass(cls):
        fields = [f.name for f in dataclasses.fields(cls)]
    else:
        return None
    return tuple(fields + _properties(cls))


def _properties(cls: type) -> list[str]:
    """The public properties of `cls` and its bases: computed fields templates read."""
    seen: list[str] = []
    for klass in cls.__mro__:
        if klass is pydantic.BaseModel:
            break  # its own properties (`model_fields_set`...) are Pydantic's, not data
        for name, member in vars(klass).items():
            if isinstance(member, property) and not name.startswith("_") and name not in seen:
                seen.append(name)
    return seen
