"""Generated plans' data -> YAML text, in the sample's layout, fast enough for thousands of plans.

`vae init` writes with `vae_cli.editing.emit`, which asks two YAML resolvers about every text a
user typed so that it can leave it unquoted, then parses the file again: right for one plan, 30
times too slow for a network of 3,000. A generated plan's texts are the generator's own, so this
writer takes the same `Section`s and `Commented` values, quotes every text that is not a
plain id (`bien-etre`, `in_progress`) in JSON's double quotes, which every YAML reader reads the
same, and folds long texts (`>-`) as the sample does. tests/network/test_generated_network.py
checks that what it writes reads back as the data.
"""

from __future__ import annotations

import json
import re
import typing as t

from vae_cli.editing.emit import ONE_LINE, WIDTH, Commented, Section, folded
from vae_cli.editing.scalars import foldable

_PLAIN = re.compile(r"[a-z][a-z0-9_-]*")
# Words YAML 1.1 readers take for booleans or null.
_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


def _scalar(value: t.Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text not in _WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow(value: t.Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value)


def _comments(before: t.Iterable[str], indent: int) -> list[str]:
    return [" " * indent + "# " + line for line in before]


def _value(key: str, value: t.Any, indent: int, out: list[str]) -> None:
    """`key: value` at `indent`, with what follows it."""
    before: tuple[str, ...] = ()
    if isinstance(value, Commented):
        value, before = value.value, value.before
    out.extend(_comments(before, indent))
    pad = " " * indent
    flat = not isinstance(value, dict | list) or not value
    scalars = isinstance(value, list) and not any(
        isinstance(v, dict | list | Commented) for v in value
    )
    if isinstance(value, str) and len(pad) + len(key) + len(value) > WIDTH and foldable(value):
        # A long text folded over lines, as the sample writes its descriptions.
        out.append(f"{pad}{key}: >-")
        out.extend(folded(value, indent + 2))
    elif (
        flat
        or (key in ONE_LINE and isinstance(value, dict))
        or (scalars and len(pad) + len(key) + len(_flow(value)) <= WIDTH)
    ):
        out.append(f"{pad}{key}: {_flow(value)}")
    elif isinstance(value, dict):
        out.append(f"{pad}{key}:")
        for k, v in value.items():
            _value(k, v, indent + 2, out)
    else:
        out.append(f"{pad}{key}:")
        for item in value:
            _item(item, indent + 2, one_line=key in ONE_LINE, out=out)


def _item(item: t.Any, indent: int, *, one_line: bool, out: list[str]) -> None:
    before: tuple[str, ...] = ()
    if isinstance(item, Commented):
        item, before = item.value, item.before
    if before:
        out.append("")
    out.extend(_comments(before, indent))
    pad = " " * indent
    if not isinstance(item, dict) or one_line or not item:
        out.append(f"{pad}- {_flow(item)}")
        return
    lines: list[str] = []
    for k, v in item.items():
        _value(k, v, indent + 2, lines)
    out.append(f"{pad}- {lines[0][indent + 2 :]}")
    out.extend(lines[1:])


def write(header: t.Sequence[str], sections: t.Sequence[Section]) -> str:
    """The whole file: the header's comment lines, then each section after a blank line."""
    out = _comments(header, 0)
    for section in sections:
        out.append("")
        out.extend(_comments(section.comments, 0))
        _value(section.key, section.value, 0, out)
    return "\n".join(out) + "\n"
