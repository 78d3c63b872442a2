"""Bytes on disk -> plain data plus the position of every key and value.

Why not ruamel.yaml's round-trip loader: it is about 20 times slower (see `make bench`). We drive
libyaml's event parser (through PyYAML) and build plain dicts, lists and scalars ourselves, which
also lets us:
- resolve scalars by the YAML 1.2 core schema (`yes` stays text, `2021-05-24` stays text: the
  models decide what a value means, and `"12"` is never silently a number);
- report duplicate keys, which PyYAML silently drops;
- refuse alias bombs and absurd nesting while building, in bounded memory, with no recursion.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import gc
import re
import typing as t
from pathlib import Path

import yaml

from vae_cli.findings.diagnostics import START_OF_FILE, Position
from vae_cli.i18n.messages import Message, msg
from vae_cli.i18n.numbers import Count
from vae_cli.inputs import read_regular
from vae_cli.models.plan import LIST_ITEM_KEYS
from vae_cli.reading.yaml_slips import slip
from vae_cli.reading.yaml_words import in_words

_Parser: t.Any
try:  # libyaml's C parser; PyYAML's wheels ship it, the pure-Python parser is the fallback.
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Parser

# What a plan of 5,000 actions weighs, written as the Dijon sample is (block style, notes, a full
# yearly history) and in flow style (`{year: 2021, ...}`), and how many values it holds
# (tools/big_plans.py writes both; tests/test_big_plans.py keeps these figures true). The limits
# leave a city nearly three times that, and still refuse a file that is no plan at all.
SAMPLE_STYLE_MIB = 12
FLOW_STYLE_MIB = 4
VALUES_OF_5000_ACTIONS = (550_000, 750_000)
MAX_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 64
# Anything expanding past this is an alias bomb (or a pasted column): flow style packs about
# 130,000 values in a MiB, so MAX_BYTES of it is some 4 million.
MAX_VALUES = 5_000_000

Scalar = str | int | float | bool | None
Data = dict[str, "Data"] | list["Data"] | Scalar


class LoadError(Exception):
    """The file cannot be turned into data; carries where and why (`msg` templates, written in
    the reader's language when the finding is printed; `str()` gives the English)."""

    def __init__(
        self,
        rule: str,
        message: Message,
        position: Position = START_OF_FILE,
        hint: Message | None = None,
    ) -> None:
        super().__init__(str(message))
        self.rule = rule
        self.message = message
        self.position = position
        self.hint = hint


@dataclasses.dataclass(frozen=True, slots=True)
class Mark:
    """Where an event starts or ends, as libyaml counts: character index, 0-based line and
    column."""

    index: int
    line: int
    column: int


SCALAR, ALIAS, MAPPING, SEQUENCE = "scalar", "alias", "mapping", "sequence"


class Event:
    """What is kept of one libyaml event: its kind, how it is written, and where it starts and
    ends, each as one integer (`_packed`).

    PyYAML's own event object carries a dict, and so does each of its two marks: kept for every
    key and value of a plan, they weighed some 40 times the file (500 MiB for 5,000 actions).
    """

    __slots__ = ("anchor", "end", "flow_style", "kind", "start", "style", "tag", "value")

    def __init__(
        self,
        kind: str,
        anchor: str | None,
        tag: str | None,
        style: str | None,
        flow_style: bool | None,
        value: str | None,
        start: t.Any,
        end: t.Any,
    ) -> None:
        self.kind = kind
        self.anchor = anchor
        self.tag = tag
        self.style = style
        self.flow_style = flow_style
        self.value = value  # a scalar's text as written (`2021`, `01053`), for `written`
        self.start = (start.index << 64) | (start.line << 32) | start.column
        self.end = (end.index << 64) | (end.line << 32) | end.column

    @property
    def start_mark(self) -> Mark:
        return _unpacked(self.start)

    @property
    def end_mark(self) -> Mark:
        return _unpacked(self.end)


_LOW = (1 << 32) - 1


def _unpacked(packed: int) -> Mark:
    """A mark from `Event`'s one integer: its index, line and column, 32 bits each for the last
    two (a plan has fewer than 4 billion lines, and lines shorter than that)."""
    return Mark(packed >> 64, (packed >> 32) & _LOW, packed & _LOW)


def _kept(event: t.Any, kind: str) -> Event:
    return Event(
        kind,
        event.anchor,
        getattr(event, "tag", None),
        getattr(event, "style", None),
        getattr(event, "flow_style", None),
        getattr(event, "value", None),
        event.start_mark,
        event.end_mark,
    )


class Node:
    """Where a value stands, kept as its `Event` and turned into a Position only when asked.

    Building a Position per value would double the load time of a large plan; most are never read.
    """

    __slots__ = ("children", "event", "key_events")

    def __init__(
        self,
        event: Event,
        children: dict[str, Node] | list[Node] | None = None,
        key_events: dict[str, Event] | None = None,
    ) -> None:
        self.event = event
        self.children = children
        self.key_events = key_events

    @property
    def position(self) -> Position:
        return _position(self.event)


@dataclasses.dataclass(slots=True)
class Document:
    data: dict[str, Data]
    root: Node
    lines: list[str]
    # The name of each item of a list in `structural_path`, by the list's id (computed once).
    _item_names: dict[int, list[str]] = dataclasses.field(default_factory=dict, repr=False)

    def locate(self, loc: t.Sequence[str | int], *, key: bool = False) -> Position:
        """The position of the value at `loc`, or of its key when `key` is set.

        A path that leads nowhere (a missing key) gives the position of the deepest existing part,
        which is where the user has to add something.
        """
        node = self.root
        for i, part in enumerate(loc):
            children = node.children
            if isinstance(children, dict) and isinstance(part, str) and part in children:
                if key and i == len(loc) - 1 and node.key_events is not None:
                    return _position(node.key_events[part])
                node = children[part]
            elif isinstance(children, list) and isinstance(part, int) and 0 <= part < len(children):
                node = children[part]
            else:
                break
        return node.position

    def written(self, loc: t.Sequence[str | int]) -> str | None:
        """The text of the plain scalar at `loc` as the file writes it (`1e30`, `+40`, `01053`),
        or None when nothing plain stands there."""
        node: Node | None = self.root
        for part in loc:
            children = node.children if node is not None else None
            if isinstance(children, dict) and isinstance(part, str):
                node = children.get(part)
            elif isinstance(children, list) and isinstance(part, int) and 0 <= part < len(children):
                node = children[part]
            else:
                return None
        event = node.event if node is not None else None
        if event is None or event.kind is not SCALAR or event.style or event.tag is not None:
            return None
        return event.value

    def structural_path(self, loc: t.Sequence[str | int]) -> str:
        """`loc` as a path in the plan's data that no edit elsewhere changes, e.g.
        `actions[rues-aux-ecoles].indicators[ecoles].target.value` or
        `membership.payments[2021].amount_eur`.

        A list item is named by its key (`LIST_ITEM_KEYS`: an action's id, an entry's year...),
        else, when it has none or shares it with another item, by its position (`[#2]`, from 1).
        A part the data does not hold (a missing key) is named as `loc` gives it.
        """
        path = ""
        value: Data = self.data
        name = ""
        for part in loc:
            if isinstance(part, int):
                if isinstance(value, list) and 0 <= part < len(value):
                    path += f"[{self._names(name, value)[part]}]"
                    value = value[part]
                else:
                    path += f"[#{part + 1}]"
                    value = None
            else:
                path = f"{path}.{part}" if path else part
                name = part
                value = value.get(part) if isinstance(value, dict) else None
        return path

    def _names(self, name: str, items: list[Data]) -> list[str]:
        names = self._item_names.get(id(items))
        if names is None:
            names = self._item_names[id(items)] = _item_names(name, items)
        return names


def _item_names(name: str, items: list[Data]) -> list[str]:
    fields = LIST_ITEM_KEYS.get(name, ("id",))
    keys: list[str | None] = []
    for item in items:
        key = None
        if isinstance(item, dict):
            key = next(
                (
                    str(item[f])
                    for f in fields
                    if isinstance(item.get(f), str | int) and not isinstance(item.get(f), bool)
                ),
                None,
            )
        keys.append(key)
    counts = collections.Counter(keys)
    return [
        key if key is not None and counts[key] == 1 else f"#{i}"
        for i, key in enumerate(keys, start=1)
    ]


# What ends a line for YAML, and so for libyaml's marks: LF, CRLF, a lone CR (old Mac files),
# and NEL, LS, PS. Not the form feed, vertical tab or file separators that `str.splitlines`
# also splits at: counting those would put every finding after one on the wrong line.
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_BREAKS_ONLY_FOR_PYTHON = "\x0b\x0c\x1c\x1d\x1e"


def split_lines(text: str) -> list[str]:
    """The lines of `text` as YAML counts them (without their line breaks), so that line N of a
    finding is `split_lines(text)[N - 1]`."""
    if not any(c in text for c in _BREAKS_ONLY_FOR_PYTHON):
        return text.splitlines()  # the same lines, four times faster
    lines = _LINE_BREAK.split(text)
    if lines[-1] == "":  # a final line break ends the last line, it does not start one
        lines.pop()
    return lines


def line_and_column(prefix: str) -> tuple[int, int]:
    """The 1-based line and column of the character just after `prefix`, the text before it."""
    line, start = 1, 0
    for match in _LINE_BREAK.finditer(prefix):
        line, start = line + 1, match.end()
    return line, len(prefix) - start + 1


def read_text(path: Path, *, max_bytes: int = MAX_BYTES) -> str:
    """Read a plan as text; every way this can go wrong becomes a located LoadError."""
    return text_from(read_raw(path, max_bytes=max_bytes), max_bytes=max_bytes)


def read_raw(path: Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """A plan's bytes, or its first `max_bytes` and one more: enough for `text_from` to say it
    is too large, without reading a huge file whole. Only a regular file is read: a named pipe
    or a device is an OSError (`vae_cli.inputs.NotARegularFile`), never waited for."""
    return read_regular(path, max_bytes=max_bytes)


def text_from(raw: bytes, *, max_bytes: int = MAX_BYTES) -> str:
    """A plan's bytes as text; too many of them, or not UTF-8, is a located LoadError."""
    if len(raw) > max_bytes:
        raise LoadError(
            "file-too-large",
            msg(
                "the file is larger than {size} MiB, the most `vae` reads",
                size=max_bytes // (1024 * 1024),
            ),
            hint=msg(
                "a plan of 5,000 actions weighs about {sample} MiB written like the sample, "
                "{flow} MiB in flow style: check this is the right file",
                sample=SAMPLE_STYLE_MIB,
                flow=FLOW_STYLE_MIB,
            ),
        )
    return decode(raw)


def decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(
            "encoding",
            msg("the file is encoded in UTF-16, not UTF-8"),
            hint=_SAVE_AS_UTF8,
        )
    try:
        return raw.decode("utf-8-sig")  # a UTF-8 byte-order mark is accepted and dropped
    except UnicodeDecodeError as e:
        line, column = line_and_column(raw[: e.start].decode("utf-8", errors="replace"))
        message = msg("the file is not valid UTF-8: byte {byte} cannot be read.")
        try:
            raw.decode("cp1252")
            message = msg(
                "the file is not valid UTF-8: byte {byte} cannot be read. It looks like "
                "Windows-1252 (Latin-1) text."
            )
        except UnicodeDecodeError:
            pass
        raise LoadError(
            "encoding",
            message.fill(byte=f"0x{raw[e.start]:02X}"),
            Position.at(line, column),
            hint=_SAVE_AS_UTF8,
        ) from None


_SAVE_AS_UTF8 = msg("save the file as UTF-8 (in your editor: Save as… → Encoding: UTF-8)")


# YAML 1.2 core schema, for plain (unquoted) scalars only.
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_CORE = "tag:yaml.org,2002:"
_KNOWN_TAGS = frozenset(
    {
        None,
        "!",
        *(f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")),
    }
)


# Python's own limit for reading an integer from text (sys.get_int_max_str_digits(): more
# would take quadratic time). No value of a plan comes near it.
MAX_DIGITS = 4_300


class TooManyDigits(ValueError):
    """A plain integer longer than MAX_DIGITS; the loader reports it where it stands."""

    def __init__(self, digits: int) -> None:
        super().__init__(digits)
        self.digits = digits


def _too_many_values(event: t.Any) -> LoadError:
    return LoadError(
        "yaml-too-many-values",
        msg("the file holds more than {count} values, more than any plan", count=Count(MAX_VALUES)),
        _position(event),
        hint=msg(
            "check this is the right file: a plan of 5,000 actions holds {low} to {high}",
            low=Count(VALUES_OF_5000_ACTIONS[0]),
            high=Count(VALUES_OF_5000_ACTIONS[1]),
        ),
    )


def _too_many_digits(error: TooManyDigits, position: Position) -> LoadError:
    return LoadError(
        "number-too-long",
        msg(
            "this number has {digits} digits, more than the {limit} `vae` reads",
            digits=Count(error.digits),
            limit=Count(MAX_DIGITS),
        ),
        position,
        hint=msg("no figure of a plan has that many digits: check what was pasted here"),
    )


def resolve_plain(value: str) -> Scalar:
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        if len(value) > MAX_DIGITS:
            raise TooManyDigits(len(value.lstrip("+-")))
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return value


def _resolve(event: t.Any) -> Scalar:
    """A quoted, tagged or explicit scalar's value; its position is worked out only for an
    error."""
    tag = event.tag
    if tag not in _KNOWN_TAGS:
        raise LoadError(
            "yaml-syntax",
            msg("the YAML tag {tag} is not supported", tag=tag),
            _position(event),
            hint=msg("remove the tag"),
        )
    if tag == f"{_CORE}str" or (tag is None and not event.implicit[0]) or event.style:
        return t.cast(str, event.value)
    try:
        value = resolve_plain(event.value)
    except TooManyDigits as e:
        raise _too_many_digits(e, _position(event)) from None
    if tag is not None and tag != "!":
        expected: dict[str, type | tuple[type, ...]] = {
            "int": int,
            "float": (int, float),
            "bool": bool,
            "null": type(None),
        }
        wanted = expected.get(tag.removeprefix(_CORE))
        if wanted is not None and not isinstance(value, wanted):
            raise LoadError(
                "yaml-syntax",
                msg(
                    "the value {value} does not fit its tag {tag}", value=repr(event.value), tag=tag
                ),
                _position(event),
                hint=msg("remove the tag: `vae` works out the type itself"),
            )
    return value


def _position(event: t.Any) -> Position:
    """The Position of an `Event`, or of one of libyaml's own (for an error while building)."""
    if type(event) is Event:
        line, column = (event.start >> 32) & _LOW, event.start & _LOW
        end_line, end_column = (event.end >> 32) & _LOW, event.end & _LOW
    else:
        line, column = event.start_mark.line, event.start_mark.column
        end_line, end_column = event.end_mark.line, event.end_mark.column
    return Position(
        line=line + 1,
        column=column + 1,
        end_line=end_line + 1,
        end_column=max(end_column + 1, column + 2) if end_line == line else end_column + 1,
    )


_TOO_DEEP_HINT = msg("a plan nests about 6 levels: check for unbalanced brackets")
_SYNTAX_HINTS = (
    (
        "cannot start any token",
        "\t",
        msg("YAML indents with spaces, never tabs: replace the tab"),
    ),
    (
        "mapping values are not allowed",
        "",
        msg('text that contains ": " must be in quotes, e.g. title: "Objectif : 100 %"'),
    ),
    (
        "could not find expected ':'",
        "",
        msg("each line needs `key: value`; check this line's indentation against the line above"),
    ),
    (
        "did not find expected key",
        "",
        msg("check the indentation: items of one mapping start in the same column"),
    ),
    (
        "did not find expected '-' indicator",
        "",
        msg("items of a list all start with `- ` in the same column"),
    ),
)


def _reader_error(error: yaml.reader.ReaderError, text: str) -> LoadError:
    # libyaml reports a byte offset into the UTF-8 text it was given.
    raw = text.encode("utf-8")[: error.position]
    line, column = line_and_column(raw.decode("utf-8", errors="replace"))
    return LoadError(
        "yaml-syntax",
        msg(
            "invalid character {character}: {reason}",
            character="U+" + format(error.character, "04X"),
            reason=in_words(error.reason),
        )
        if isinstance(error.character, int)
        else msg("invalid character: {reason}", reason=in_words(error.reason)),
        Position.at(line, column),
        hint=msg("remove the invisible control character (often pasted from another program)"),
    )


def _syntax_error(error: yaml.YAMLError, lines: list[str]) -> LoadError:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    position = START_OF_FILE
    if mark is not None:
        position = Position.at(mark.line + 1, mark.column + 1)
    if "maximum nesting depth" in problem:  # libyaml's own limit, met before ours in flow style
        return LoadError(
            "yaml-too-deep",
            msg("the file nests too many levels deep"),
            position,
            hint=_TOO_DEEP_HINT,
        )
    if getattr(error, "problem_mark", None) is not None:
        recognised = slip(error, lines)
        if recognised is not None:
            return LoadError(
                "yaml-syntax", recognised.message, recognised.position, recognised.hint
            )
    offending = lines[position.line - 1] if 0 < position.line <= len(lines) else ""
    hint = msg("check the indentation and quoting on this line and the one before")
    for fragment, needle, text in _SYNTAX_HINTS:
        if fragment in problem and needle in offending:
            hint = text
            break
    context = getattr(error, "context", None)
    # libyaml's own words ("could not find expected ':'") are quoted, in the reader's language
    # (`yaml_words`): they are what a search for the problem finds.
    message = (
        msg(
            "invalid YAML: {problem} ({context})",
            problem=in_words(problem),
            context=in_words(context),
        )
        if context
        else msg("invalid YAML: {problem}", problem=in_words(problem))
    )
    return LoadError("yaml-syntax", message, position, hint)


@contextlib.contextmanager
def paused_gc() -> t.Iterator[None]:
    """Pause the cyclic garbage collector while building and validating a plan.

    It rescans every container still alive each time enough new ones are made: with the
    hundreds of thousands of values of a large plan, loading and Pydantic validation spent 80 %
    of their time there (4 s instead of 0.8 s for 5,000 actions). On the way out, what was
    built is frozen (moved out of the collector's sight) so that re-enabling it does not trigger
    one huge scan either. Nothing we build forms a cycle, so reference counting still frees it
    all when it is dropped; freezing only spares the collector the work.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def compose(text: str, lines: list[str] | None = None) -> Document:
    """Parse one YAML document into plain data and positions, or raise LoadError.

    `lines` are the text's lines (`split_lines`) when the caller has already split them.
    """
    lines = split_lines(text) if lines is None else lines
    parser = _Parser(text)
    with paused_gc():
        try:
            return _build(parser, lines)
        except yaml.reader.ReaderError as e:
            raise _reader_error(e, text) from None
        except yaml.YAMLError as e:
            raise _syntax_error(e, lines) from None


def _build(parser: t.Any, lines: list[str]) -> Document:
    # One flat loop over libyaml's events with an explicit stack: no recursion (so no depth limit
    # but ours). This is the hot path of `vae validate` on a large plan, hence the enclosing
    # collection kept in local variables rather than looked up on the stack for every value.
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    new_event, new_node = object.__new__, object.__new__
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    collection_end = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    stack: list[tuple[t.Any, ...]] = []  # the enclosing collections' saved state
    anchors: dict[str, tuple[Data, Node, int]] = {}
    plain_cache: dict[str, Scalar] = {}
    values = 0
    root: tuple[Data, Node] | None = None
    documents = 0
    # The enclosing collection: its value, its children's nodes, its keys' events (mappings),
    # the key waiting for its value and that key's event, its anchor, the value count at its
    # start and its own node. `container is None` at the top level.
    container: t.Any = None
    children: t.Any = None
    key_events: t.Any = None
    is_list = False
    pending: str | None = None
    pending_event: t.Any = None
    swallow = False  # the next value is the empty one of decimals read as a key
    anchor: str | None = None
    first = 0
    collection: t.Any = None

    while True:
        event = parser.get_event()
        cls = type(event)
        if cls is scalar_event:
            values += 1
            if values > MAX_VALUES:
                raise _too_many_values(event)
            style = event.style
            if style or event.tag is not None or not event.implicit[0]:
                value: Data = _resolve(event)
            else:
                raw = event.value
                try:
                    value = plain_cache[raw]
                except KeyError:
                    try:
                        value = plain_cache[raw] = resolve_plain(raw)
                    except TooManyDigits as e:
                        raise _too_many_digits(e, _position(event)) from None
            # `Event(...)` and `Node(...)` written out: the hot path, once per key and value.
            kept = new_event(Event)
            kept.kind, kept.anchor, kept.tag, kept.style = SCALAR, event.anchor, event.tag, style
            kept.flow_style, kept.value = None, event.value
            mark = event.start_mark
            kept.start = (mark.index << 64) | (mark.line << 32) | mark.column
            mark = event.end_mark
            kept.end = (mark.index << 64) | (mark.line << 32) | mark.column
            node = new_node(Node)
            node.event, node.children, node.key_events = kept, None, None
            if event.anchor:
                anchors[event.anchor] = (value, node, 1)
        elif cls is mapping_start or cls is sequence_start:
            if event.tag not in _KNOWN_TAGS:
                raise LoadError(
                    "yaml-syntax",
                    msg("the YAML tag {tag} is not supported", tag=event.tag),
                    _position(event),
                    hint=msg("remove the tag"),
                )
            if len(stack) >= MAX_DEPTH:
                raise LoadError(
                    "yaml-too-deep",
                    msg("the file nests more than {depth} levels deep", depth=MAX_DEPTH),
                    _position(event),
                    hint=_TOO_DEEP_HINT,
                )
            values += 1
            if values > MAX_VALUES:
                raise _too_many_values(event)
            stack.append(
                (
                    container,
                    children,
                    key_events,
                    is_list,
                    pending,
                    pending_event,
                    anchor,
                    first,
                    collection,
                )
            )
            if cls is mapping_start:
                container, children, key_events, is_list = {}, {}, {}, False
            else:
                container, children, key_events, is_list = [], [], None, True
            collection = Node(
                _kept(event, MAPPING if cls is mapping_start else SEQUENCE), children, key_events
            )
            pending, pending_event, anchor, first = None, None, event.anchor, values
            continue
        elif cls in collection_end:
            value, node = container, collection
            if anchor:
                anchors[anchor] = (value, node, values - first + 1)
            (
                container,
                children,
                key_events,
                is_list,
                pending,
                pending_event,
                anchor,
                first,
                collection,
            ) = stack.pop()
        elif cls is alias_event:
            if event.anchor not in anchors:
                raise LoadError(
                    "yaml-syntax",
                    msg("the alias *{anchor} has no anchor &{anchor} above", anchor=event.anchor),
                    _position(event),
                    hint=msg("define the anchor (&name) before using it (*name)"),
                )
            value, node, weight = anchors[event.anchor]
            values += weight
            if values > MAX_VALUES:
                raise LoadError(
                    "yaml-alias-bomb",
                    msg(
                        "aliases expand this file to more than {count} values",
                        count=Count(MAX_VALUES),
                    ),
                    _position(event),
                    hint=msg("use fewer nested aliases (*name); a plan does not need them"),
                )
            # Located at the alias, holding the anchored value's children.
            node = Node(_kept(event, ALIAS), node.children, node.key_events)
        elif cls is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise LoadError(
                    "yaml-multiple-documents",
                    msg("the file holds several YAML documents; a plan is one document"),
                    _position(event),
                    hint=msg("remove the `---` line, or split the plans into separate files"),
                )
            continue
        elif cls is yaml.StreamEndEvent:
            break
        else:
            continue

        # Attach `value` (with its `node`) to the enclosing collection.
        if is_list:
            container.append(value)
            children.append(node)
        elif container is None:
            root = (value, node)
        elif swallow:
            swallow = False
            pending = None
            if value is not None or node.event.end_mark.index != node.event.start_mark.index:
                raise LoadError(
                    "yaml-syntax",
                    msg("a number with a decimal comma is followed by `:` here"),
                    node.position,
                    hint=msg("write the number with a dot for decimals, e.g. 28.5"),
                )
        elif pending is None:
            if type(value) is str and value not in container:  # the common case, kept inline
                pending = value
            elif _decimal_comma(node.event, container, children, collection.event, lines):
                swallow = True  # the "key" was the decimals; its empty value goes too
                continue
            else:
                pending = _key(value, node, container, key_events)
            pending_event = node.event
        else:
            container[pending] = value
            children[pending] = node
            key_events[pending] = pending_event
            pending = None

    if root is None:
        raise LoadError(
            "yaml-empty",
            msg("the file is empty"),
            hint=msg("start from `vae init` or copy plans/dijon-2020.yaml"),
        )
    data, node = root
    if not isinstance(data, dict):
        found = (
            msg("a list")
            if isinstance(data, list)
            else msg("nothing")
            if data is None
            else msg("one value")
        )
        raise LoadError(
            "yaml-not-mapping",
            msg("the top level of a plan must be a mapping of keys, found {found}", found=found),
            node.position,
            hint=msg(
                "start the file with keys such as `schema_version: 1` and `city:`, without `- `"
            ),
        )
    return Document(data=data, root=node, lines=lines)


# A number as a spreadsheet or a French text writes its whole part: `28`, `1 200`, `1 200`.
_WHOLE_PART = re.compile("[-+]?[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+|[-+]?[0-9]+")


def _decimal_comma(
    key: Event,
    container: dict[str, Data],
    children: dict[str, Node],
    mapping: Event,
    lines: list[str],
) -> bool:
    """Whether `key`, a plain number standing as a key of a `{...}` mapping right after a comma
    that ends a number (`{year: 2020, value: 28,5}`), is that number's decimals.

    In a flow mapping the comma separates entries, so YAML reads `value: 28` and a key `5`; a
    French writer meant 28.5. The value before the comma becomes the text `28,5` as the file
    writes it (what `value: 28,5` on its own line gives), and the shape check then says
    `write 28.5` at the right place rather than "`5` is not a key" (and, for `1 200,50`,
    "write 1200" without the cents).
    """
    if (
        not mapping.flow_style
        or key.style
        or key.tag is not None
        or not container
        or key.value is None
        or not key.value.isdigit()
    ):
        return False
    last = next(reversed(container))
    before = children[last].event
    end = before.end_mark
    start = key.start_mark
    line = lines[start.line] if start.line < len(lines) else ""
    if (
        before.kind is not SCALAR
        or before.value is None
        or before.style
        or before.tag is not None
        or end.line != start.line
        or end.column != start.column - 1
        or line[start.column - 1 : start.column] != ","
        or not _WHOLE_PART.fullmatch(before.value)
    ):
        return False
    written = f"{before.value},{key.value}"
    merged = Event(SCALAR, None, None, "", None, written, before.start_mark, key.end_mark)
    container[last] = written
    children[last] = Node(merged)
    return True


def _key(value: Data, node: Node, container: dict[str, Data], key_events: dict[str, Event]) -> str:
    position = node.position
    if isinstance(value, dict | list):
        raise LoadError(
            "yaml-syntax",
            msg("a key must be plain text, not a list or a mapping"),
            position,
            hint=msg("write `key: value` with a simple word as key"),
        )
    key = "null" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
    if key in container:
        first = _position(key_events[key])
        raise LoadError(
            "yaml-duplicate-key",
            msg(
                "the key `{key}` appears twice in this mapping (first on line {line})",
                key=key,
                line=first.line,
            ),
            position,
            hint=msg("keep one of them: YAML tools disagree on which one wins"),
        )
    return key
