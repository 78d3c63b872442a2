"""The Jinja2 sandbox of `vae report`, tightened for templates written by someone else.

Jinja2's `SandboxedEnvironment` keeps a template out of Python's internals (`__class__`,
`__globals__`), but lets it call any public method of what it is given and build values of
any size. So, on top of it:

- Attributes are allowed, not forbidden: a template reads the fields of the report's
  `Record`s, the items of lists and mappings, a short list of text methods, and Jinja's own
  objects (`loop`, macros, imported templates, `namespace()`). Everything else is refused,
  whatever data a future change hands to templates.
- Whatever can grow a value is checked before it runs: `*`, `**`, `+`, `%` and `~`; the text
  methods and filters that pad, replace or join; printf-style widths (`'%0900000000d' % 1`),
  in `%`, the `format` filter and `_()`. Past the limits it is a `SecurityError`, which
  `render` reports as a usage error naming the template.
- `lipsum()` is gone, and `str.format` with it (its padding cannot be bounded from outside).

What no check can foresee (a loop of ten billion turns) is bounded by `isolated.run`, which
renders a city's templates in a child process with a time and memory limit.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import typing as t

import jinja2
from jinja2.compiler import CodeGenerator, Frame
from jinja2.environment import TemplateModule
from jinja2.exceptions import SecurityError
from jinja2.filters import (
    do_center,
    do_format,
    do_indent,
    do_join,
    do_replace,
    do_wordwrap,
    make_attrgetter,
)
from jinja2.nodes import Concat
from jinja2.runtime import BlockReference, LoopContext, Macro, TemplateReference
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Cycler, Joiner, Namespace

from vae_cli.report.template_data import Record, fields_of

# The most a template may build in one step: items of a string or list, and bits of an integer
# (a million bits is some 300,000 digits, computed in a blink); and the widest printf field.
MAX_SIZE = 1_000_000
MAX_INT_BITS = 1_000_000
MAX_WIDTH = 1_000
_REPEATABLE = (str, bytes, list, tuple)

# Text methods a template may call. Those of the second set can make a longer text: `call`
# checks the length they would give before they run.
_TEXT_METHODS = frozenset(
    [
        "capitalize",
        "casefold",
        "count",
        "endswith",
        "find",
        "index",
        "isalnum",
        "isalpha",
        "isdecimal",
        "isdigit",
        "islower",
        "isnumeric",
        "isspace",
        "istitle",
        "isupper",
        "lower",
        "lstrip",
        "partition",
        "removeprefix",
        "removesuffix",
        "rfind",
        "rindex",
        "rpartition",
        "rsplit",
        "rstrip",
        "split",
        "splitlines",
        "startswith",
        "strip",
        "swapcase",
        "title",
        "upper",
        "center",
        "ljust",
        "rjust",
        "zfill",
        "replace",
        "join",
    ]
)
_MAPPING_METHODS = frozenset({"items", "keys", "values", "get"})
_SEQUENCE_METHODS = frozenset({"index", "count"})
_DATE_FIELDS = frozenset({"year", "month", "day"})
# Jinja's own objects: the loop, macros and `caller`, imported templates, `self` and
# `super()`, and the helpers of its globals.
_JINJA_OBJECTS = (
    LoopContext,
    Macro,
    TemplateModule,
    TemplateReference,
    BlockReference,
    Namespace,
    Cycler,
    Joiner,
)

# A printf-style conversion: its width and precision, where a `*` takes them from the values.
_PRINTF_FIELD = re.compile(r"%(?:\([^)]*\))?[#0 +\-]*(\*|\d+)?(?:\.(\*|\d+))?")


def check_size(size: int) -> None:
    if size > MAX_SIZE:
        raise SecurityError(
            f"the template builds a string or list of {size:,} items, "
            f"more than the {MAX_SIZE:,} vae allows"
        )


def check_bits(bits: int) -> None:
    if bits > MAX_INT_BITS:
        raise SecurityError(
            f"the template computes a number of about {bits:,} bits, "
            f"more than the {MAX_INT_BITS:,} vae allows"
        )


def check_width(width: object) -> None:
    if isinstance(width, int) and not isinstance(width, bool) and width > MAX_WIDTH:
        raise SecurityError(
            f"the template asks for a field {width:,} characters wide, "
            f"more than the {MAX_WIDTH:,} vae allows"
        )


def check_printf(text: object) -> None:
    """Refuse a printf-style format whose fields would be wider than `MAX_WIDTH`."""
    if isinstance(text, str):
        _check_printf(text)


# Templates pass the same few hundred messages to `_()` over and over (a label per action):
# each is looked at once. A format refused raises, and is never remembered.
@functools.lru_cache(maxsize=4096)
def _check_printf(text: str) -> None:
    for match in _PRINTF_FIELD.finditer(text):
        for number in match.groups():
            if number == "*":
                raise SecurityError("a `*` width in a template's format is not supported")
            if number is not None:
                check_width(int(number) if len(number) < 20 else 10**20)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_repeat(sequence: object, times: object) -> None:
    if isinstance(sequence, _REPEATABLE) and _is_int(times) and t.cast(int, times) > 0:
        check_size(len(sequence) * t.cast(int, times))


def _joined_size(items: object, separator: str) -> int:
    if not isinstance(items, (list, tuple)):
        return 0  # a generator or a mapping: bounded by what made it
    texts = [len(item) for item in items if isinstance(item, str)]
    return sum(texts) + len(separator) * max(len(items) - 1, 0)


def _check_text_call(method: str, text: str, args: tuple[t.Any, ...]) -> None:
    """Before `text.<method>(*args)` runs: the length it would have."""
    if method in {"center", "ljust", "rjust", "zfill"} and args:
        check_width(args[0])
    elif method == "replace" and len(args) >= 2 and isinstance(args[0], str):
        old, new = args[0], args[1]
        if isinstance(new, str):
            count = text.count(old) if old else len(text) + 1
            if len(args) > 2 and _is_int(args[2]) and args[2] >= 0:
                count = min(count, args[2])
            check_size(len(text) + count * max(len(new) - len(old), 0))
    elif method == "join" and args:
        check_size(_joined_size(args[0], text))


# Filters that can grow a text, checked before they run.
def _center(value: str, width: int = 80) -> str:
    check_width(width)
    return do_center(value, width)


def _indent(value: str, width: int | str = 4, first: bool = False, blank: bool = False) -> str:
    pad = len(width) if isinstance(width, str) else width
    check_width(pad)
    text = str(value)
    check_size(len(text) + (text.count("\n") + 1) * max(pad, 0))
    return do_indent(value, width, first, blank)


def _wordwrap(
    environment: jinja2.Environment,
    s: str,
    width: int = 79,
    break_long_words: bool = True,
    wrapstring: str | None = None,
    break_on_hyphens: bool = True,
) -> str:
    breaks = len(s) // max(width, 1) + s.count("\n") + 1
    check_size(len(s) + breaks * len(wrapstring or "\n"))
    return do_wordwrap(environment, s, width, break_long_words, wrapstring, break_on_hyphens)


def _replace(
    eval_ctx: jinja2.nodes.EvalContext, s: str, old: str, new: str, count: int | None = None
) -> str:
    _check_text_call("replace", str(s), (str(old), str(new)) + (() if count is None else (count,)))
    return do_replace(eval_ctx, s, old, new, count)


def _join(
    eval_ctx: jinja2.nodes.EvalContext,
    value: t.Iterable[t.Any],
    d: str = "",
    attribute: str | int | None = None,
) -> str:
    items = list(value)
    if attribute is not None:
        items = [make_attrgetter(eval_ctx.environment, attribute)(item) for item in items]
    check_size(sum(len(str(item)) for item in items) + len(d) * len(items))
    return str(do_join(eval_ctx, items, d))


def _format(value: str, *args: t.Any, **kwargs: t.Any) -> str:
    check_printf(value)
    return do_format(value, *args, **kwargs)


_BOUNDED_FILTERS: dict[str, t.Callable[..., t.Any]] = {
    "center": _center,
    "indent": _indent,
    "wordwrap": jinja2.pass_environment(_wordwrap),
    "replace": jinja2.pass_eval_context(_replace),
    "join": jinja2.pass_eval_context(_join),
    "format": _format,
}


class _CheckedConcat(CodeGenerator):
    """Compiles `a ~ b` to a call that checks the length of what it built (each side is already
    bounded, so the join itself stays small)."""

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        self.write("environment.checked_concat(")
        super().visit_Concat(node, frame)
        self.write(")")


class ReportEnvironment(SandboxedEnvironment):
    """The sandbox with the checks of this module's docstring."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _CheckedConcat

    def __init__(self, *args: t.Any, **kwargs: t.Any) -> None:
        super().__init__(*args, **kwargs)
        del self.globals["lipsum"]
        self.filters.update(_BOUNDED_FILTERS)

    @staticmethod
    def checked_concat(value: str) -> str:
        check_size(len(value))
        return value

    def getattr(self, obj: t.Any, attribute: str) -> t.Any:
        # A field of a `Record` (`action.title`), most of what a template reads: a plain value
        # the checks below would allow anyway, handed over without them. A name starting with
        # `_`, or one the record lacks, goes through the sandbox's own path.
        if type(obj) is Record and not attribute.startswith("_"):
            fields = fields_of(obj)
            if attribute in fields:
                return fields[attribute]
        return super().getattr(obj, attribute)

    def is_safe_attribute(self, obj: t.Any, attr: str, value: t.Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if isinstance(obj, Record):
            return True
        if isinstance(obj, str):
            return attr in _TEXT_METHODS
        if isinstance(obj, dict):
            return attr in _MAPPING_METHODS
        if isinstance(obj, (list, tuple)):
            return attr in _SEQUENCE_METHODS
        if isinstance(obj, dt.date):
            return attr in _DATE_FIELDS
        return isinstance(obj, _JINJA_OBJECTS)

    def wrap_str_format(self, value: t.Any) -> None:
        # `str.format` is not allowed at all (see is_safe_attribute): no wrapper to hand out.
        return None

    def call(
        __self,  # Jinja2's own names: they must not meet a keyword argument
        __context: jinja2.runtime.Context,
        __obj: t.Any,
        *args: t.Any,
        **kwargs: t.Any,
    ) -> t.Any:
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str) and not isinstance(__obj, Macro):
            _check_text_call(getattr(__obj, "__name__", ""), owner, args)
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: t.Any, right: t.Any
    ) -> t.Any:
        if operator == "*":
            _check_repeat(left, right)
            _check_repeat(right, left)
            if _is_int(left) and _is_int(right):
                check_bits(abs(left).bit_length() + abs(right).bit_length())
        elif operator == "**" and _is_int(left) and _is_int(right) and abs(left) > 1:
            if right > 0:
                check_bits(right * abs(left).bit_length())
        elif operator == "+":
            if isinstance(left, _REPEATABLE) and isinstance(right, _REPEATABLE):
                check_size(len(left) + len(right))
            elif _is_int(left) and _is_int(right):
                check_bits(max(abs(left).bit_length(), abs(right).bit_length()) + 1)
        elif operator == "%":
            check_printf(left)
        return super().call_binop(context, operator, left, right)

    def bound_gettext(self) -> None:
        """Check the format of every message a template translates (`_("%(n)0900000000d")`
        is formatted by Jinja's gettext, out of the sandbox's sight)."""
        for name in ("_", "gettext", "ngettext", "pgettext", "npgettext"):
            if name in self.globals:
                self.globals[name] = _checking_formats(
                    t.cast(t.Callable[..., t.Any], self.globals[name])
                )


def _checking_formats(translate: t.Callable[..., t.Any]) -> t.Callable[..., t.Any]:
    @jinja2.pass_context
    def checked(context: jinja2.runtime.Context, *args: t.Any, **variables: t.Any) -> t.Any:
        for arg in args:
            check_printf(arg)
        return translate(context, *args, **variables)

    return checked
