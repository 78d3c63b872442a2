"""Plain data plus comments -> the YAML text of a new plan, in the style of the sample plans.

Used by `vae init`, which writes a whole file (no existing text to keep). Lists of yearly entries
and `{year, value}` pairs are written on one line, everything else one key per line; long texts
are folded over several lines. The result is parsed again and must give back the data exactly.
"""

from __future__ import annotations

import dataclasses
import textwrap
import typing as t

from vae_cli.editing.scalars import foldable, format_scalar
from vae_cli.reading.yaml_document import Data, compose
from vae_cli.terminal import inert

WIDTH = 100
# Keys whose mapping, or whose list's items, are written on one line: `{year: 2023, value: 4}`.
ONE_LINE = frozenset({"baseline", "target", "progress", "measurements", "payments"})


@dataclasses.dataclass(frozen=True)
class Commented:
    """A value with comment lines above its key (or item), and one at the end of its line."""

    value: Data | dict[str, t.Any] | list[t.Any]
    before: tuple[str, ...] = ()
    after: str | None = None


Tree = t.Any  # Data in which any value may be wrapped in Commented


def plain(tree: Tree) -> Data:
    """The data of a tree, comments removed."""
    if isinstance(tree, Commented):
        return plain(tree.value)
    if isinstance(tree, dict):
        return {k: plain(v) for k, v in tree.items()}
    if isinstance(tree, list):
        return [plain(v) for v in tree]
    return t.cast(Data, tree)


def _unwrap(tree: Tree) -> tuple[Tree, tuple[str, ...], str | None]:
    if isinstance(tree, Commented):
        return tree.value, tree.before, tree.after
    return tree, (), None


def _is_scalar(value: Tree) -> bool:
    return not isinstance(value, dict | list | Commented)


class Directive(str):
    """A comment line that a tool reads, and only whole: it is never wrapped, however long
    (`yaml-language-server: $schema=…`, whose address may be a long path)."""

    __slots__ = ()


def _as_comment(text: str) -> str:
    """`text` as a YAML comment can hold it: no control character (a file name, a city name
    from elsewhere may bring one), and UTF-8 only (a file name that is not shows `�`)."""
    printable = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return inert(printable)


def _comment_lines(lines: t.Iterable[str], indent: int) -> list[str]:
    out: list[str] = []
    for line in lines:
        directive = isinstance(line, Directive)
        line = _as_comment(line)
        if directive:
            out.append(" " * indent + "# " + line)
            continue
        # A long line wraps under its own text: under the words of a `  - item : ...` line.
        lead = len(line) - len(line.lstrip())
        hang = " " * (lead + 4 if line.lstrip().startswith("- ") else lead)
        wrapped = textwrap.wrap(
            line,
            width=WIDTH - indent - 2,
            subsequent_indent=hang,
            break_long_words=False,
            break_on_hyphens=False,
            drop_whitespace=True,
        ) or [""]
        if lead and wrapped[0] and not wrapped[0].startswith(" "):
            wrapped[0] = " " * lead + wrapped[0]
        out.extend(" " * indent + ("# " + w if w else "#") for w in wrapped)
    return out


def _tail(after: str | None) -> str:
    return f"  # {_as_comment(after)}" if after else ""


def _flow(value: Tree) -> str:
    if isinstance(value, dict):
        parts = (f"{k}: {_scalar(v, True)}" for k, v in value.items())
        return "{" + ", ".join(parts) + "}"
    return "[" + ", ".join(_flow(v) if not _is_scalar(v) else _scalar(v, True) for v in value) + "]"


def _scalar(value: Tree, flow: bool) -> str:
    return format_scalar(t.cast(t.Any, plain(value)), flow=flow)


def _all_scalars(value: Tree) -> bool:
    items = value.values() if isinstance(value, dict) else value
    return all(_is_scalar(_unwrap(v)[0]) for v in items)


def folded(text: str, indent: int) -> list[str]:
    """A long text as the lines of a folded block (`>-`), broken at single spaces."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and indent + len(current) + 1 + len(word) > WIDTH:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return [" " * indent + line for line in lines]


def _key_value(key: str, value: Tree, indent: int) -> list[str]:
    """`key: value` at `indent`, with what follows it."""
    value, before, after = _unwrap(value)
    pad = " " * indent
    out = _comment_lines(before, indent)
    head = f"{pad}{key}:"
    if _is_scalar(value):
        line = f"{head} {_scalar(value, False)}{_tail(after)}"
        if len(line) > WIDTH and not after and isinstance(value, str) and foldable(value):
            return [*out, f"{head} >-", *folded(value, indent + 2)]
        return [*out, line]
    if not value:
        return [*out, f"{head} {'{}' if isinstance(value, dict) else '[]'}{_tail(after)}"]
    one_line = (key in ONE_LINE and isinstance(value, dict)) or (
        isinstance(value, list) and _all_scalars(value)
    )
    # `{year, value}` pairs stay on one line whatever their length: their comment goes with them.
    if (one_line and isinstance(value, dict)) or (
        one_line and len(head) + 1 + len(_flow(value)) + len(_tail(after)) <= WIDTH
    ):
        return [*out, f"{head} {_flow(value)}{_tail(after)}"]
    out.append(head + _tail(after))
    if isinstance(value, dict):
        out.extend(_mapping(value, indent + 2))
    else:
        out.extend(_sequence(value, indent + 2, one_line_items=key in ONE_LINE))
    return out


def _mapping(mapping: dict[str, Tree], indent: int) -> list[str]:
    out: list[str] = []
    for key, value in mapping.items():
        out.extend(_key_value(key, value, indent))
    return out


def _sequence(items: list[Tree], indent: int, *, one_line_items: bool) -> list[str]:
    out: list[str] = []
    pad = " " * indent
    for item in items:
        value, before, after = _unwrap(item)
        out.extend(_comment_lines(before, indent))
        if _is_scalar(value):
            out.append(f"{pad}- {_scalar(value, False)}{_tail(after)}")
        elif isinstance(value, dict) and value and (one_line_items and _all_scalars(value)):
            out.append(f"{pad}- {_flow(value)}{_tail(after)}")
        elif isinstance(value, dict) and value:
            lines = _mapping(value, indent + 2)
            first = lines[0][indent + 2 :]
            out.append(f"{pad}- {first}{_tail(after)}")
            out.extend(lines[1:])
        else:
            out.append(f"{pad}- {_flow(value) if value else '[]'}{_tail(after)}")
    return out


@dataclasses.dataclass(frozen=True)
class Section:
    """A top-level key, with its comment block and a blank line before it."""

    key: str
    value: Tree
    comments: tuple[str, ...] = ()


def emit(header: t.Sequence[str], sections: t.Sequence[Section]) -> str:
    """The whole file; checked by parsing it again (a bug here must never write a wrong plan)."""
    lines = _comment_lines(header, 0)
    for section in sections:
        lines.append("")
        lines.extend(_comment_lines(section.comments, 0))
        lines.extend(_key_value(section.key, section.value, 0))
    text = "\n".join(lines) + "\n"
    expected = {s.key: plain(s.value) for s in sections}
    if compose(text).data != expected:
        raise AssertionError("the plan written does not read back as the data it was built from")
    return text
