"""Writing one value as YAML text that `vae`'s loader, and every other YAML reader, reads back as
exactly that value."""

from __future__ import annotations

import functools
import json
import math
import re
import typing as t

from vae_cli.reading.yaml_document import LoadError, Scalar, compose, resolve_plain

# Characters that cannot start a plain scalar, or that change its meaning inside flow `{}`/`[]`.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_SPECIAL = frozenset(",[]{}")
_NOT_PRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")


def plain_ok(text: str, *, flow: bool) -> bool:
    """Whether `text` can be written without quotes and still read back as the same text."""
    if not text or text != text.strip() or _NOT_PRINTABLE.search(text):
        return False
    if text[0] in _INDICATORS or ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and any(c in _FLOW_SPECIAL for c in text):
        return False
    return isinstance(resolve_plain(text), str) and text_to_every_reader(text)


def text_to_every_reader(text: str) -> bool:
    """Whether a YAML 1.1 reader (PyYAML, many editors: `yes`, `0x1F`, `1_000`, `=`,
    `2024-01-01`) and a YAML 1.2 reader (yaml-language-server, which checks the plan against
    vae's JSON Schema: `.inf`, `0o17`) both read the plain scalar `text` as text.

    ruamel.yaml's resolvers of both versions answer: the tables of what each version reads as
    a number, a date, a boolean or null are theirs, kept up to date by its maintainers."""
    return all(resolve(text) == "tag:yaml.org,2002:str" for resolve in _resolvers())


@functools.cache
def _resolvers() -> tuple[t.Callable[[str], str], ...]:
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.resolver import VersionedResolver

    def for_version(version: tuple[int, int]) -> t.Callable[[str], str]:
        resolver = VersionedResolver(version=version)
        return lambda text: str(resolver.resolve(ScalarNode, text, (True, False)))

    return for_version((1, 1)), for_version((1, 2))


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


def block_scalar(text: str, *, folded: bool, indent: int, width: int) -> list[str] | None:
    """`text` as a literal (`|`) or folded (`>`) block scalar: its header (`|`, `|-`, `>-`...)
    then its lines, indented by `indent` columns; None when no such block reads back as exactly
    `text` (leading spaces, line breaks other than `\\n`, control characters...).

    A folded block is broken at single spaces to fit in `width` columns. The chomping indicator
    says whether `text` ends with a line break (`|`) or not (`|-`); a text ending with several is
    not written as a block, since `|+` would take in the blank lines that follow it in the file.
    """
    body = text.removesuffix("\n")
    if not body or body.endswith("\n") or "\r" in body:
        return None
    if _NOT_PRINTABLE.search(body.replace("\n", "").replace("\t", "")):
        return None
    header = (">" if folded else "|") + ("" if text.endswith("\n") else "-")
    if folded:
        lines: list[str] = []
        for i, paragraph in enumerate(body.split("\n")):
            if i:
                lines.append("")  # a line break of the text is an empty line of the block
            if paragraph:
                lines.extend(_fold(paragraph, width - indent))
    else:
        lines = body.split("\n")
    written = [header, *(" " * indent + line if line else "" for line in lines)]
    try:  # a tab or spaces starting a line can make it no block at all
        reread = compose("block: " + "\n".join(written) + "\n").data.get("block")
    except LoadError:
        return None
    return written if reread == text else None


def _fold(paragraph: str, width: int) -> list[str]:
    """A paragraph broken at single spaces into lines of at most `width` characters where the
    words allow (a space next to another space, or at either end, is kept inside a line: a block
    folds only a line break between two words into a space)."""
    lines: list[str] = []
    current = ""
    for word in paragraph.split(" "):
        if current and word and not current.endswith(" ") and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current or not word else word
    lines.append(current)
    return lines
