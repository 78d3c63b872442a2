"""Values and field changes in words, as plain text or escaped for Markdown."""

from __future__ import annotations

import collections
import dataclasses
import typing as t

from vae_cli import markdown
from vae_cli.diff.changes import FieldChange, Kind, Plain


@dataclasses.dataclass(frozen=True)
class Style:
    """How ids (`code`) and plan text (`text`) are written: as is, or escaped for Markdown."""

    code: t.Callable[[str], str]
    text: t.Callable[[str], str]


PLAIN = Style(code=lambda s: s, text=lambda s: s)
MARKDOWN = Style(code=markdown.code, text=markdown.escape)


def euros(amount: float) -> str:
    """An amount in the words of `vae diff`, which speaks English only: 45 000.50 €.

    Findings write money in the reader's language (`vae_cli.i18n.numbers.Money`); these
    sentences will too once `vae diff` speaks other languages.
    """
    return f"{amount:,.2f}".replace(",", " ").replace(".00", "") + " €"


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else f"{value:g}"


def amount(value: float | None) -> str:
    return euros(value) if value is not None else "none"


def quantity(value: float, unit: str) -> str:
    return f"{value:g} {unit}"


def value(v: Plain, s: Style, *, field: str = "") -> str:
    """A value from a plan, written for a reader: text in «», amounts in euros, lists and
    mappings spelled out."""
    if v is None:
        return "none"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return s.text(euros(v)) if field.endswith("_eur") else number(v)
    if isinstance(v, str):
        return f"«{s.text(v)}»"
    if isinstance(v, list):
        return "[" + ", ".join(value(x, s, field=field) for x in v) + "]"
    return ", ".join(f"{s.code(k)} {value(x, s, field=k)}" for k, x in v.items())


def _field(path: str) -> str:
    return path.rsplit(".", 1)[-1].split("[", 1)[0]


Describe = t.Callable[[Plain, Style, str], str]


def _default(v: Plain, s: Style, field: str) -> str:
    return value(v, s, field=field)


def change(c: FieldChange, s: Style, describe: Describe = _default) -> str:
    """One field change as a clause: `city.name: «Dijon» → «Dijonville»`."""
    field = _field(c.path)
    path = s.code(c.path) if c.path else "the plan"
    if c.kind is Kind.ADDED:
        return f"{path} added: {describe(c.after, s, field)}"
    if c.kind is Kind.REMOVED:
        return f"{path} removed (was {describe(c.before, s, field)})"
    if c.kind is Kind.REORDERED:
        return f"{path} reordered: {describe(c.before, s, field)} → {describe(c.after, s, field)}"
    if isinstance(c.before, list) and isinstance(c.after, list):
        parts = [
            f"{verb} {', '.join(describe(x, s, field) for x in items)}"
            for verb, items in (
                ("added", _missing(c.after, c.before)),
                ("removed", _missing(c.before, c.after)),
            )
            if items
        ]
        return f"{path}: {'; '.join(parts)}"
    return f"{path}: {describe(c.before, s, field)} → {describe(c.after, s, field)}"


def _missing(items: list[Plain], other: list[Plain]) -> list[Plain]:
    """The items of `items` that `other` lacks, counting repeats."""
    left = collections.Counter(map(repr, other))
    out: list[Plain] = []
    for x in items:
        if left[repr(x)] > 0:
            left[repr(x)] -= 1
        else:
            out.append(x)
    return out


def changes(items: t.Iterable[FieldChange], s: Style, describe: Describe = _default) -> str:
    return "; ".join(change(c, s, describe) for c in items)
