"""Writing one value as YAML text that `vae`'s loader reads back as exactly that value."""

from __future__ import annotations

import json
import math
import re

from vae_cli.reading.yaml_document import Scalar, resolve_plain

# Characters that cannot start a plain scalar, or that change its meaning inside flow `{}`/`[]`.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_SPECIAL = frozenset(",[]{}")
# Words other YAML readers (YAML 1.1, some editors) take for booleans: quoted to be safe.
_YAML11_BOOLS = frozenset({"y", "n", "yes", "no", "on", "off"})
_NOT_PRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")


def plain_ok(text: str, *, flow: bool) -> bool:
    """Whether `text` can be written without quotes and still read back as the same text."""
    if not text or text != text.strip() or _NOT_PRINTABLE.search(text):
        return False
    if text[0] in _INDICATORS or ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and any(c in _FLOW_SPECIAL for c in text):
        return False
    if text.lower() in _YAML11_BOOLS:
        return False
    return isinstance(resolve_plain(text), str)


def foldable(text: str) -> bool:
    """Whether a folded block (`>-`) broken at single spaces reads back as exactly `text`."""
    return (
        bool(text)
        and text == text.strip()
        and "  " not in text
        and "\t" not in text
        and not (_NOT_PRINTABLE.search(text))
    )


def double_quoted(text: str) -> str:
    # JSON strings are YAML double-quoted strings; JSON leaves a few characters raw that YAML
    # treats as line breaks or forbids, so those are escaped too.
    quoted = json.dumps(text, ensure_ascii=False)
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def single_quoted(text: str) -> str | None:
    if _NOT_PRINTABLE.search(text):
        return None
    return "'" + text.replace("'", "''") + "'"


def format_number(value: float) -> str:
    """A number as a person would write it: 200, not 200.0; 22.8, not 22.800000000000001."""
    if not math.isfinite(value):
        raise ValueError(f"{value} is not a finite number")
    if isinstance(value, int) or (value.is_integer() and abs(value) < 1e15):
        return str(int(value))
    return repr(value)


def format_scalar(value: Scalar, *, flow: bool, quote: str | None = None) -> str:
    """`value` as YAML; text keeps the `quote` style (`"`, `'`) of its neighbours when given."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return format_number(value)
    if quote == "'":
        single = single_quoted(value)
        if single is not None:
            return single
    if quote == '"' or not plain_ok(value, flow=flow):
        return double_quoted(value)
    return value
