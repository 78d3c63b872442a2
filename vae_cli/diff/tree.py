"""The differences between two plain values (parts of a plan, dumped), each named by its path.

This is what makes sure nothing is dropped: whatever a specific comparison does not cover is
compared here, field by field. List items are matched by their key (an action's id, an entry's
year...), else by position; lists of plain values (obligations, partners...) are compared whole.
"""

from __future__ import annotations

import collections
import typing as t

from pydantic import BaseModel

from vae_cli.diff.changes import FieldChange, Kind, Plain
from vae_cli.models.plan import LIST_ITEM_KEYS as KEYS


def dump(model: BaseModel, *, without: t.Collection[str] = ()) -> dict[str, Plain]:
    """A model's fields as written (defaults left out), in JSON types, minus `without`."""
    # Left out by Pydantic, not dumped then dropped: `without={"actions"}` is most of a plan.
    data: dict[str, Plain] = model.model_dump(mode="json", exclude_unset=True, exclude=set(without))
    return data


def join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def differences(
    before: Plain, after: Plain, path: str = "", *, atomic: t.Collection[str] = ()
) -> list[FieldChange]:
    """What differs from `before` to `after`. A field absent and a field set to null are the
    same; the mappings named in `atomic` (e.g. an indicator's `target`) are compared whole."""
    if before == after:
        return []
    if isinstance(before, dict) and isinstance(after, dict):
        out: list[FieldChange] = []
        for name in [*before, *(k for k in after if k not in before)]:
            old, new = before.get(name), after.get(name)
            sub = join(path, name)
            if old is None and new is None:
                continue
            if old is None:
                out.append(FieldChange(path=sub, kind=Kind.ADDED, after=new))
            elif new is None:
                out.append(FieldChange(path=sub, kind=Kind.REMOVED, before=old))
            elif name in atomic:
                if old != new:
                    out.append(FieldChange(path=sub, kind=Kind.CHANGED, before=old, after=new))
            else:
                out.extend(differences(old, new, sub, atomic=atomic))
        return out
    if isinstance(before, list) and isinstance(after, list):
        return _lists(before, after, path, atomic)
    return [FieldChange(path=path, kind=Kind.CHANGED, before=before, after=after)]


def _name(path: str) -> str:
    return path.rsplit(".", 1)[-1].split("[", 1)[0]


def _key(name: str, item: Plain) -> str | None:
    if isinstance(item, dict):
        for field in KEYS.get(name, ()):
            if item.get(field) is not None:
                return str(item[field])
    return None


def keys(name: str, items: list[Plain]) -> list[str]:
    """Each item's key, or its position (#1, #2...) when the items cannot all be told apart."""
    found = [_key(name, item) for item in items]
    if None in found or len(set(found)) != len(found):
        return [f"#{i}" for i in range(1, len(items) + 1)]
    return [k for k in found if k is not None]


def _lists(
    before: list[Plain], after: list[Plain], path: str, atomic: t.Collection[str]
) -> list[FieldChange]:
    if not any(isinstance(x, dict | list) for x in [*before, *after]):
        same_items = collections.Counter(map(repr, before)) == collections.Counter(map(repr, after))
        kind = Kind.REORDERED if same_items else Kind.CHANGED
        return [FieldChange(path=path, kind=kind, before=before, after=after)]
    name = _name(path)
    old = dict(zip(keys(name, before), before, strict=True))
    new = dict(zip(keys(name, after), after, strict=True))
    out: list[FieldChange] = []
    for key, item in new.items():
        sub = f"{path}[{key}]"
        if key not in old:
            out.append(FieldChange(path=sub, kind=Kind.ADDED, after=item))
        else:
            out.extend(differences(old[key], item, sub, atomic=atomic))
    out += [
        FieldChange(path=f"{path}[{key}]", kind=Kind.REMOVED, before=item)
        for key, item in old.items()
        if key not in new
    ]
    out += reordered(path, list(old), list(new))
    return out


def reordered(path: str, before: list[str], after: list[str]) -> list[FieldChange]:
    """A change of order among the keys on both sides, if any."""
    kept_before = [k for k in before if k in after]
    kept_after = [k for k in after if k in before]
    if kept_before == kept_after:
        return []
    old: list[Plain] = [*kept_before]
    new: list[Plain] = [*kept_after]
    return [FieldChange(path=path, kind=Kind.REORDERED, before=old, after=new)]
