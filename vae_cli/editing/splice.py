"""Add or replace one yearly entry in a list of the plan, by rewriting only its own text.

The fast loader gives every value's position; from them we work out where the entry goes, how
its neighbours are written (one-line `{...}` or one key per line, dash column, quotes, line
ending) and write it the same way. An entry replaced has only its values that change rewritten,
each in its own style, so its comments stay. Everything else in the file is left as it was, byte
for byte; an edit that would change what an alias repeats elsewhere is refused.
"""

from __future__ import annotations

import dataclasses
import re
import typing as t

from vae_cli.editing.errors import EditRefused
from vae_cli.editing.scalars import block_scalar, format_scalar
from vae_cli.errors import UsageError
from vae_cli.i18n.messages import Text, msg
from vae_cli.reading.yaml_document import ALIAS, SCALAR, Data, Document, Node, Scalar

Path = tuple[str | int, ...]
Entry = dict[str, Scalar]

# A one-line entry longer than this is written one key per line, where the list already has
# entries written that way (Dijon's plan switches style when a note makes the line long).
FLOW_WIDTH = 100
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


@dataclasses.dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with `new`."""

    start: int
    end: int
    new: str


def apply(text: str, edits: t.Sequence[Edit]) -> str:
    """`text` with every edit made, each at its place in `text` as given (of two insertions
    at one place, the later one comes first). Built in one pass, so that thousands of edits of
    a large plan (`vae import`) cost one copy of the text, not one each."""
    order = sorted(range(len(edits)), key=lambda i: (edits[i].start, -i))
    pieces: list[str] = []
    at = 0
    for i in order:
        edit = edits[i]
        if edit.start < at:  # edits that overlap: made one after the other, last first
            return _apply_one_by_one(text, edits)
        pieces += [text[at : edit.start], edit.new]
        at = edit.end
    pieces.append(text[at:])
    return "".join(pieces)


def _apply_one_by_one(text: str, edits: t.Sequence[Edit]) -> str:
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.new + text[edit.end :]
    return text


# --- Positions -------------------------------------------------------------------------------


def _start(node: Node) -> int:
    return int(node.event.start_mark.index)


def _content_start(text: str, node: Node) -> int:
    """Where a collection's own text starts, after its anchor and tag (`&p !!seq`): its first
    `- ` or key (block style) or its bracket (flow style)."""
    end = int(node.event.end_mark.index)  # libyaml ends a collection's start event there...
    if _is_flow(node):
        return end - 1
    if (
        isinstance(node.children, list)
        and text[end - 1 : end] == "-"
        and text[end : end + 1] != "-"
    ):
        return end - 1  # ...or, for a list written flush with its key, just after its first dash
    return end


def _is_flow(node: Node) -> bool:
    return bool(getattr(node.event, "flow_style", False))


def _is_alias(node: Node) -> bool:
    return node.event.kind is ALIAS


def _values(node: Node) -> list[Node]:
    children = node.children
    if isinstance(children, dict):
        return list(children.values())
    return list(children or [])


def node_end(text: str, node: Node) -> int:
    """Index just after the last character of `node` (its closing bracket, for `{}`/`[]`)."""
    children = node.children
    if _is_alias(node):
        return int(node.event.end_mark.index)  # `*name`: its children are written elsewhere
    if children is None:
        end = int(node.event.end_mark.index)
        # A folded or literal block scalar's end mark lies after its trailing blank lines.
        while end > _start(node) and text[end - 1] in " \t\r\n":
            end -= 1
        return end
    values = _values(node)
    if not _is_flow(node):
        return node_end(text, values[-1]) if values else _start(node)
    after = node_end(text, values[-1]) if values else _content_start(text, node) + 1
    return _closing(text, after, "]" if isinstance(children, list) else "}")


def _closing(text: str, i: int, closer: str) -> int:
    """Index after the bracket that closes a flow collection, scanning from its last item."""
    while i < len(text):
        c = text[i]
        if c == closer:
            return i + 1
        if c == "#":
            i = line_end(text, i)
        elif c in " \t\r\n,":
            i += 1
        else:
            break
    raise AssertionError(f"no closing {closer!r} found at index {i}")  # the parser saw one


def line_start(text: str, i: int) -> int:
    return max(text.rfind("\n", 0, i), text.rfind("\r", 0, i)) + 1


def line_end(text: str, i: int) -> int:
    """Index of the line break ending the line that holds index `i` (or the end of the text)."""
    ends = [p for p in (text.find("\n", i), text.find("\r", i)) if p >= 0]
    return min(ends) if ends else len(text)


def _break_at(text: str, i: int) -> str:
    if text.startswith("\r\n", i):
        return "\r\n"
    if i < len(text) and text[i] in "\r\n":
        return text[i]
    return dominant_newline(text)


def dominant_newline(text: str) -> str:
    """The line break most lines of `text` end with: LF, CRLF or a lone CR (old Mac files)."""
    crlf = text.count("\r\n")
    counts = {"\r\n": crlf, "\n": text.count("\n") - crlf, "\r": text.count("\r") - crlf}
    best = max(counts, key=lambda newline: counts[newline])  # CRLF wins a tie with LF
    return best if counts[best] else "\n"


def _column(text: str, i: int) -> int:
    return i - line_start(text, i)


# --- Reading the neighbours' style -----------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Style:
    flow: bool = True
    key_offset: int = 2  # columns from the dash to the first key of a one-key-per-line entry
    quotes: dict[str, str | None] = dataclasses.field(default_factory=dict)


def _style_of(text: str, items: t.Sequence[Node], fallback: Style) -> Style:
    """The style of `items[0]`, with quotes learnt from all of them."""
    if not items:
        return fallback
    quotes: dict[str, str | None] = {}
    for item in items:
        if isinstance(item.children, dict):
            for key, value in item.children.items():
                style = getattr(value.event, "style", None)
                if key not in quotes and value.event.kind is SCALAR:
                    quotes[key] = style if style in ("'", '"') else None
    first = items[0]
    flow = _is_flow(first)
    offset = fallback.key_offset
    if not flow:
        at = _content_start(text, first)
        dash = text.rfind("-", line_start(text, at), at)
        if dash >= 0:
            offset = at - dash
    return Style(flow=flow, key_offset=offset, quotes={**fallback.quotes, **quotes})


def _choose_style(
    text: str, items: t.Sequence[Node], entry: Entry, fallback: Style, dash_column: int
) -> Style:
    """One line `{...}` when the list has such entries and this one fits on a line; one key per
    line when the list writes its entries that way (or this one is too long)."""
    flows = [i for i in items if _is_flow(i)]
    blocks = [i for i in items if isinstance(i.children, dict) and not _is_flow(i)]
    quotes = _style_of(text, items, fallback).quotes
    fits = dash_column + 2 + len(render_flow(entry, quotes)) <= FLOW_WIDTH
    if flows and (fits or not blocks):
        return dataclasses.replace(_style_of(text, flows, fallback), quotes=quotes)
    if blocks:
        return dataclasses.replace(_style_of(text, blocks, fallback), quotes=quotes)
    return dataclasses.replace(fallback, quotes=quotes)


def _same_key_items(document: Document, key: str) -> list[Node]:
    """Items of every list stored under `key` anywhere in the plan (e.g. all `progress:`)."""
    found: list[Node] = []
    stack = [document.root]
    while stack:
        node = stack.pop()
        if _is_alias(node):
            continue  # what it repeats is visited where it is written
        if isinstance(node.children, dict):
            for name, child in node.children.items():
                if name == key and isinstance(child.children, list) and not _is_alias(child):
                    found.extend(
                        c
                        for c in child.children
                        if isinstance(c.children, dict) and not _is_alias(c)
                    )
                stack.append(child)
        elif isinstance(node.children, list):
            stack.extend(node.children)
    return found


def _dash_offset(document: Document) -> int:
    """How far the `- ` of a list sits right of its key, as this file writes it (2 if unknown)."""
    stack = [document.root]
    while stack:
        node = stack.pop()
        if _is_alias(node):
            continue
        if isinstance(node.children, dict) and node.key_events is not None:
            for name, child in node.children.items():
                if (
                    isinstance(child.children, list)
                    and child.children
                    and not _is_flow(child)
                    and not _is_alias(child)
                ):
                    key_column = node.key_events[name].start_mark.column
                    # The start event of a block list ends at its first dash.
                    return int(child.event.end_mark.column - key_column)
                stack.append(child)
        elif isinstance(node.children, list):
            stack.extend(node.children)
    return 2


# --- Writing an entry ------------------------------------------------------------------------


def render_flow(entry: Entry, quotes: dict[str, str | None]) -> str:
    parts = (f"{k}: {format_scalar(v, flow=True, quote=quotes.get(k))}" for k, v in entry.items())
    return "{" + ", ".join(parts) + "}"


def render_block(entry: Entry, quotes: dict[str, str | None], indent: int) -> list[str]:
    """One `key: value` per line; the first without indentation (it follows the dash)."""
    lines = [f"{k}: {format_scalar(v, flow=False, quote=quotes.get(k))}" for k, v in entry.items()]
    return [lines[0], *(" " * indent + line for line in lines[1:])]


def _item_lines(entry: Entry, style: Style, dash_column: int) -> list[str]:
    if style.flow:
        return [" " * dash_column + "- " + render_flow(entry, style.quotes)]
    key_column = dash_column + style.key_offset
    first, *rest = render_block(entry, style.quotes, key_column)
    return [" " * dash_column + "-" + " " * (style.key_offset - 1) + first, *rest]


def _insert_lines_after(text: str, index: int, lines: list[str]) -> Edit:
    """Insert whole lines after the line that holds `index`."""
    eol = line_end(text, index)
    newline = _break_at(text, eol)
    if eol == len(text):  # last line of a file without a final line break: keep it without one
        return Edit(eol, eol, "".join(newline + line for line in lines))
    after = eol + len(newline)
    return Edit(after, after, "".join(line + newline for line in lines))


def _insert_lines_before(text: str, index: int, lines: list[str]) -> Edit:
    start = line_start(text, index)
    newline = _break_at(text, line_end(text, index))
    return Edit(start, start, "".join(line + newline for line in lines))


# --- The edit --------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Upsert:
    """The edits to make, and what they do to the data (for the caller to verify)."""

    edits: list[Edit]
    index: int  # position of the entry in the list after the edit
    replacing: bool  # whether it takes the place of the entry at `index`


def _child(node: Node, part: str | int) -> Node | None:
    children = node.children
    if isinstance(children, dict) and isinstance(part, str):
        return children.get(part)
    if isinstance(children, list) and isinstance(part, int) and 0 <= part < len(children):
        return children[part]
    return None


def _through_alias(what: Text, node: Node) -> UsageError:
    return UsageError(
        msg(
            "{what} is written with a YAML alias (*{anchor}), which repeats a value written "
            "elsewhere; `vae` does not edit through aliases, so nothing was written",
            what=what,
            anchor=node.event.anchor,
        ),
        hint=msg("write the values out in full there, then run the command again"),
    )


_RUN_VALIDATE = msg("run `vae validate` on the plan")


def navigate(document: Document, path: Path, what: Text) -> list[Node]:
    """The nodes from the top of the plan down to the mapping at `path` (the last one)."""
    nodes = [document.root]
    for part in path:
        child = _child(nodes[-1], part)
        if child is None:
            raise EditRefused(msg("cannot find {what} in the plan", what=what), hint=_RUN_VALIDATE)
        if _is_alias(child):
            raise _through_alias(what, child)
        nodes.append(child)
    if not isinstance(nodes[-1].children, dict):
        raise EditRefused(msg("{what} is not a mapping of keys", what=what), hint=_RUN_VALIDATE)
    return nodes


def _data_at(document: Document, path: Path) -> dict[str, Data]:
    data: t.Any = document.data
    for part in path:
        data = data[part]
    return t.cast(dict[str, Data], data)


def upsert(
    text: str,
    document: Document,
    path: Path,
    key: str,
    entry: Entry,
    *,
    replace: bool,
    key_order: t.Sequence[str],
    what: Text,
    context: Context | None = None,
) -> Upsert:
    """Edits adding `entry` to the list `key` of the mapping at `path`, kept in year order; an
    entry of the same year is replaced only with `replace` (else EditRefused), by rewriting the
    values that change and adding the fields it lacks."""
    context = context or Context(text, document)
    nodes = navigate(document, path, what)
    mapping = nodes[-1]
    assert isinstance(mapping.children, dict)
    shared = context.shared
    for node in nodes:
        shared.check(
            node, what if node is mapping else msg("a part of the plan holding {what}", what=what)
        )
    year = entry["year"]
    others = context.others(key)
    fallback = context.fallback(key)
    value = mapping.children.get(key)

    if value is None:
        return Upsert(
            [_add_key(text, document, mapping, key, entry, key_order, fallback)], 0, False
        )
    listed = msg("the `{key}` list of {what}", key=key, what=what)
    if _is_alias(value):
        raise _through_alias(listed, value)
    if value.children is None and not value.event.style and value.event.value in _NULLS:
        shared.check(value, msg("the empty `{key}:` of {what}", key=key, what=what))
        return Upsert([*_fill_null(text, document, mapping, key, entry, fallback)], 0, False)
    if not isinstance(value.children, list):
        raise EditRefused(
            msg("`{key}` of {what} is not a list", key=key, what=what), hint=_RUN_VALIDATE
        )
    shared.check(value, listed)

    items = value.children
    years: list[object] = []
    for item in items:
        if _is_alias(item):
            raise _through_alias(msg("an item of {listed}", listed=listed), item)
        if not isinstance(item.children, dict):
            raise EditRefused(
                msg("an item of `{key}` of {what} is not a mapping of keys", key=key, what=what),
                hint=_RUN_VALIDATE,
            )
        year_node = item.children.get("year")
        years.append(None if year_node is None else year_node.event.value)

    # Years are compared as written (`2024`); the loader resolved them the same way.
    same = [i for i, y in enumerate(years) if y == str(year)]
    if same:
        if not replace:
            raise _exists(key, what, year)
        k = same[0]
        old = t.cast(list[dict[str, Data]], _data_at(document, path)[key])[k]
        described = msg("the {year} `{key}` entry of {what}", year=year, key=key, what=what)
        edits = _replace_item(text, items[k], old, entry, fallback, shared, described)
        return Upsert(edits, k, True)
    k = _position(years, t.cast(int, year))
    if _is_flow(value):
        style = _style_of(text, items, fallback)
        return Upsert([_insert_flow(text, value, items, k, entry, style)], k, False)
    dash = _column(text, _content_start(text, value))
    style = _choose_style(text, items or others, entry, fallback, dash)
    lines = _item_lines(entry, style, dash)
    if k > 0:
        return Upsert([_insert_lines_after(text, node_end(text, items[k - 1]), lines)], k, False)
    return Upsert([_insert_lines_before(text, _content_start(text, value), lines)], k, False)


class Context:
    """What an edit learns from the whole plan (the aliases, every list of the same key and
    its style), learnt once per text: `vae import` splices thousands of entries into one."""

    def __init__(self, text: str, document: Document) -> None:
        self.text = text
        self.document = document
        self.shared = _Shared(document)
        self._others: dict[str, list[Node]] = {}
        self._fallback: dict[str, Style] = {}

    def others(self, key: str) -> list[Node]:
        if key not in self._others:
            self._others[key] = _same_key_items(self.document, key)
        return self._others[key]

    def fallback(self, key: str) -> Style:
        if key not in self._fallback:
            self._fallback[key] = _style_of(self.text, self.others(key), Style())
        return self._fallback[key]


class _Shared:
    """Refuses an edit of a value that an alias (`*name`) repeats elsewhere in the plan: the
    edit would change the copy too (and the check that the edit changes nothing else would
    stop `vae` with an internal error)."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._aliased: set[str] | None = None

    def aliased(self) -> set[str]:
        """The anchors some alias of the plan repeats (found once, when an anchor is met)."""
        if self._aliased is None:
            self._aliased = set()
            stack = [self.document.root]
            while stack:
                node = stack.pop()
                if _is_alias(node):
                    self._aliased.add(t.cast(str, node.event.anchor))  # an alias names one
                    continue  # what it repeats is visited where it is written
                stack.extend(_values(node))
        return self._aliased

    def check(self, node: Node, described: Text, *, within: bool = False) -> None:
        """Refuse if `node` (and, `within`, any value inside it) carries an anchor an alias
        repeats."""
        stack = [node]
        while stack:
            current = stack.pop()
            if _is_alias(current):
                continue
            anchor = getattr(current.event, "anchor", None)
            if anchor and anchor in self.aliased():
                raise UsageError(
                    msg(
                        "{described} is anchored as &{anchor}, and *{anchor} repeats it "
                        "elsewhere in the plan: the edit would change it there too, so nothing "
                        "was written",
                        described=described,
                        anchor=anchor,
                    ),
                    hint=msg(
                        "write out in full what *{anchor} stands for (or edit both by hand), "
                        "then run the command again",
                        anchor=anchor,
                    ),
                )
            if within:
                stack.extend(_values(current))


def _exists(key: str, what: Text, year: object) -> EditRefused:
    return EditRefused(
        msg("{what} already has a `{key}` entry for {year}", what=what, key=key, year=year),
        hint=msg("add --replace to replace it, or check --year"),
    )


def _position(years: list[object], year: int) -> int:
    """Where `year` goes: before the first later year, else at the end."""
    for i, y in enumerate(years):
        if isinstance(y, str) and y.isdigit() and int(y) > year:
            return i
    return len(years)


def _same_value(old: Data, new: Scalar) -> bool:
    """Whether the plan already holds `new` (a number as a number: 2000 is 2000.0)."""
    numbers = (int, float)
    if isinstance(old, numbers) and isinstance(new, numbers):
        return not isinstance(old, bool) and not isinstance(new, bool) and old == new
    return type(old) is type(new) and old == new


def _replace_item(
    text: str,
    item: Node,
    old: dict[str, Data],
    entry: Entry,
    fallback: Style,
    shared: _Shared,
    described: Text,
) -> list[Edit]:
    """Rewrite the values of `item` that `entry` changes, each where and as it is written (its
    comments, layout and quotes stay), and add the fields it lacks after its last one."""
    assert isinstance(item.children, dict) and item.key_events is not None
    flow = _is_flow(item)
    edits: list[Edit] = []
    added: Entry = {}
    for key, value in entry.items():
        node = item.children.get(key)
        if node is None:
            added[key] = value
        elif key not in old or not _same_value(old[key], value):
            shared.check(item, described)
            shared.check(
                node, msg("the `{key}:` of {described}", key=key, described=described), within=True
            )
            key_column = int(item.key_events[key].start_mark.column)
            edits.append(_replace_value(text, node, value, flow=flow, key_column=key_column))
    if added:
        shared.check(item, described)
        quotes = _style_of(text, [item], fallback).quotes
        last = list(item.children.values())[-1]
        if flow:
            at = node_end(text, last)
            edits.append(
                Edit(at, at, "".join(", " + _field(k, v, quotes, True) for k, v in added.items()))
            )
        else:
            column = int(next(iter(item.key_events.values())).start_mark.column)
            lines = [" " * column + _field(k, v, quotes, False) for k, v in added.items()]
            edits.append(_insert_lines_after(text, node_end(text, last), lines))
    return edits


def _field(key: str, value: Scalar, quotes: dict[str, str | None], flow: bool) -> str:
    return f"{key}: {format_scalar(value, flow=flow, quote=quotes.get(key))}"


_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*")


def _replace_value(text: str, node: Node, value: Scalar, *, flow: bool, key_column: int) -> Edit:
    """The text of one value, replaced by `value` written in the same style: quotes kept, a
    literal or folded block kept where it can hold the value (else quotes), its anchor kept (a
    tag goes: it was about the old value)."""
    start, end = _start(node), node_end(text, node)
    event = node.event
    anchor = "" if _is_alias(node) else getattr(event, "anchor", None) or ""
    prefix = f"&{anchor} " if anchor else ""
    style = getattr(event, "style", None) if node.children is None else None
    if start == end and start > 0 and text[start - 1] not in " \t":
        prefix = " " + prefix  # `note:` with nothing after it
    if style not in ("|", ">"):
        quote = style if style in ("'", '"') else None
        return Edit(start, end, prefix + format_scalar(value, flow=flow, quote=quote))

    # A block's text runs to its last line break, over the blank lines after it (its trailing
    # spaces are text too): all of it is replaced, the blank lines kept empty.
    last_break = line_end(text, end)
    block_end = max(int(event.end_mark.index), last_break)
    blank_lines = re.sub("[ \t]", "", text[last_break:block_end])
    newline = _break_at(text, line_end(text, start))
    header = _BLOCK_HEADER.match(text, _after_properties(text, start))
    assert header is not None  # the parser read a block scalar there
    after_header = text[header.end() : line_end(text, header.end())]  # spaces, a comment
    lines = None
    if isinstance(value, str) and not flow:
        indent = _block_indent(text, node, key_column)
        lines = block_scalar(value, folded=style == ">", indent=indent, width=FLOW_WIDTH)
    if lines is None:
        written = format_scalar(value, flow=flow) + after_header.rstrip()
    else:
        written = newline.join([lines[0] + after_header, *lines[1:]])
    if not blank_lines and isinstance(value, str) and value.endswith("\n"):
        blank_lines = newline  # the file ended on the block's last line, without a line break
    return Edit(start, block_end, prefix + written + blank_lines)


def _after_properties(text: str, i: int) -> int:
    """Index of a value's own text, after the anchor and tag written at `i` (`&n !!str |`)."""
    while text[i] in "&!":
        while i < len(text) and text[i] not in " \t\r\n":
            i += 1
        while i < len(text) and text[i] in " \t\r\n":
            i += 1
    return i


def _block_indent(text: str, node: Node, key_column: int) -> int:
    """The columns a block scalar's lines are indented by: as its first line (else its key's
    plus 2)."""
    i = line_end(text, _start(node))
    end = node_end(text, node)
    while i < end:
        i += 2 if text.startswith("\r\n", i) else 1
        line = text[i : line_end(text, i)]
        if line.strip():
            return len(line) - len(line.lstrip(" "))
        i = line_end(text, i)
    return key_column + 2


def _insert_flow(
    text: str, sequence: Node, items: list[Node], k: int, entry: Entry, style: Style
) -> Edit:
    rendered = render_flow(entry, style.quotes)
    if not items:
        at = _content_start(text, sequence) + 1
        return Edit(at, at, rendered)
    if k > 0:
        at = node_end(text, items[k - 1])
        return Edit(at, at, ", " + rendered)
    at = _start(items[0])
    return Edit(at, at, rendered + ", ")


def _add_key(
    text: str,
    document: Document,
    mapping: Node,
    key: str,
    entry: Entry,
    key_order: t.Sequence[str],
    style: Style,
) -> Edit:
    assert isinstance(mapping.children, dict) and mapping.key_events is not None
    if _is_flow(mapping):
        values = list(mapping.children.values())
        rendered = f"{key}: [{render_flow(entry, style.quotes)}]"
        if not values:
            at = _content_start(text, mapping) + 1
            return Edit(at, at, rendered)
        at = node_end(text, values[-1])
        return Edit(at, at, ", " + rendered)

    first = _content_start(text, mapping)
    key_column = _column(text, first)
    dash = key_column + _dash_offset(document)
    lines = [" " * key_column + f"{key}:", *_item_lines(entry, style, dash)]
    later = key_order[key_order.index(key) + 1 :] if key in key_order else []
    for name, key_event in mapping.key_events.items():
        at = int(key_event.start_mark.index)
        if name in later and at != first:
            return _insert_lines_before(text, _comments_above(text, at, key_column), lines)
    last = list(mapping.children.values())[-1]
    return _insert_lines_after(text, node_end(text, last), lines)


def _comments_above(text: str, index: int, column: int) -> int:
    """Move `index` (a key) above the comment lines written right over it at its column: they
    are about that key, and the new key must not slip between them."""
    start = line_start(text, index)
    while start > 0:
        previous = line_start(text, start - 1)
        line = text[previous:start].rstrip("\r\n")
        if not line.lstrip().startswith("#") or len(line) - len(line.lstrip()) != column:
            break
        start = previous
    return start


def _fill_null(
    text: str, document: Document, mapping: Node, key: str, entry: Entry, style: Style
) -> list[Edit]:
    """`progress:` with nothing (or `~`) after it becomes a list holding the entry; its anchor
    stays (`progress: &p`), a tag other than `!!seq` goes (it said the value was empty)."""
    assert isinstance(mapping.children, dict) and mapping.key_events is not None
    value = mapping.children[key]
    start, end = _start(value), int(value.event.end_mark.index)
    properties = " ".join(
        part
        for part in text[start:end].split()
        if part.startswith("&") or (part.startswith("!") and value.event.tag == _SEQ)
    )
    if _is_flow(mapping):
        return [Edit(start, end, f"{properties} [{render_flow(entry, style.quotes)}]".lstrip())]
    while start > 0 and text[start - 1] in " \t":  # `key: ~` -> `key:`
        start -= 1
    key_column = _column(text, int(mapping.key_events[key].start_mark.index))
    lines = _item_lines(entry, style, key_column + _dash_offset(document))
    return [
        Edit(start, end, f" {properties}" if properties else ""),
        _insert_lines_after(text, end, lines),
    ]


_SEQ = "tag:yaml.org,2002:seq"
