"""The usual slips behind a YAML syntax error, recognised from libyaml's error and the lines.

libyaml says where it gave up, which is often not where the mistake is: a quote left open is
reported at the end of the file, an apostrophe inside single quotes as a missing key. Each
slip here is told from the error and the text around it, and gets the place of the mistake and
a hint that says what to type. `slip()` returns None for an error it does not recognise: the
loader then quotes libyaml's own words.
"""

from __future__ import annotations

import dataclasses
import re
import typing as t

from vae_cli.findings.diagnostics import Position
from vae_cli.i18n.messages import Message, msg

# Word's and LibreOffice's typographic quotes: to YAML, letters like any other. (Not ’, which
# Word also writes for an apostrophe: `l’espace` is plain text that YAML reads well.)
CURLY = "“”«»„‟"


@dataclasses.dataclass(frozen=True)
class Slip:
    position: Position
    message: Message
    hint: Message


@dataclasses.dataclass(frozen=True)
class _Error:
    problem: str
    context: str
    line: int  # 0-based, where libyaml gave up
    column: int
    context_line: int | None
    context_column: int | None
    lines: list[str]

    def text(self, line: int) -> str:
        return self.lines[line] if 0 <= line < len(self.lines) else ""


def slip(error: t.Any, lines: list[str]) -> Slip | None:
    """The slip behind libyaml's `error`, if it is one of the usual ones."""
    mark, context_mark = error.problem_mark, error.context_mark
    if mark is None:
        return None
    found = _Error(
        problem=error.problem or "",
        context=error.context or "",
        line=mark.line,
        column=mark.column,
        context_line=context_mark.line if context_mark is not None else None,
        context_column=context_mark.column if context_mark is not None else None,
        lines=lines,
    )
    for recognise in (
        _unclosed_quote,
        _quote_inside_quotes,
        _typographic_quotes,
        _reserved_first_character,
        _key_one_space_off,
        _missing_dash,
    ):
        recognised = recognise(found)
        if recognised is not None:
            return recognised
    return None


def _at(line: int, column: int, length: int = 1) -> Position:
    return Position(
        line=line + 1, column=column + 1, end_line=line + 1, end_column=column + 1 + length
    )


# A value that opens a quote (`key: "text`, `- 'text`), and the rest of its line.
_OPENS = re.compile(r"^(\s*(?:- )?(?:[^\s:#'\"][^:#]*:\s+)?)(['\"])(.*)$")


def _left_open(text: str) -> int | None:
    """The column of the quote that opens the value of the line `text` and that the line does
    not close, if there is one."""
    match = _OPENS.match(text)
    if match is None:
        return None
    prefix, quote, rest = match.groups()
    if ":" not in prefix and "- " not in prefix:
        return None  # a line of a `|` block, or a continued text: not where a value starts
    if quote == '"':
        closed = re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None
    else:
        closed = re.search(r"'", rest.replace("''", "")) is not None
    return None if closed else len(prefix)


# What libyaml says when a quoted text runs on over the following lines until it meets the next
# quote of the file, and the text after that quote makes no sense where it stands.
_RUNAWAY_PROBLEMS = (
    "did not find expected key",
    "could not find expected ':'",
    "did not find expected '-' indicator",
    "mapping values are not allowed in this context",
    "block sequence entries are not allowed in this context",
    "did not find expected <document start>",
)


def _unclosed_quote(error: _Error) -> Slip | None:
    if error.context == "while scanning a quoted scalar" and error.context_line is not None:
        # libyaml read on to the end of the file looking for the closing quote, and said so
        # there; the text starts at the context's mark.
        line, column = error.context_line, error.context_column or 0
    elif error.problem in _RUNAWAY_PROBLEMS:
        # The quote was closed by the next one in the file, lines below: the nearest line above
        # the error that leaves a quote open is where the text started.
        for line in range(error.line - 1, max(error.line - 200, -1), -1):
            opened = _left_open(error.text(line))
            if opened is not None:
                column = opened
                break
        else:
            return None
    else:
        return None
    quote = error.text(line)[column : column + 1] or '"'
    return Slip(
        _at(line, column),
        msg("the text in quotes that starts here ({quote}) is never closed", quote=quote),
        msg("add the closing {quote} at the end of the text, on this line", quote=quote),
    )


# `key: 'text' more text`: a quoted value that ends before the line does.
_CLOSED_EARLY = re.compile(r"^(\s*(?:- )?[^\s:#'\"][^:#]*:\s+)(['\"])(.*)$")


def _quote_inside_quotes(error: _Error) -> Slip | None:
    line = error.text(error.line)
    match = _CLOSED_EARLY.match(line)
    if match is None:
        return None
    prefix, quote, rest = match.groups()
    inner = rest.rstrip()
    end = inner.find(quote)
    if end < 0 or end == len(inner) - 1 or not inner.endswith(quote):
        return None  # the quoted text runs to the end of the line: not this slip
    text = inner[:-1]
    word = re.search(r"\S*$", text[:end])
    after = re.match(r"\S*", text[end + 1 :])
    shown = (word.group() if word else "") + quote + (after.group() if after else "")
    column = len(prefix) + 1 + end
    if quote == "'":
        hint = msg(
            "inside single quotes, write the apostrophe twice ({doubled}), or put the text in "
            "double quotes ({double})",
            doubled="'" + text.replace("'", "''") + "'",
            double='"' + text + '"',
        )
        message = msg("the apostrophe of {word} ends the text begun with '", word=shown)
    else:
        hint = msg(
            'put the text in single quotes ({single}), or write \\" for each quote inside it',
            single="'" + text.replace("'", "''") + "'",
        )
        message = msg('the quote of {word} ends the text begun with "', word=shown)
    return Slip(_at(error.line, column), message, hint)


def _typographic_quotes(error: _Error) -> Slip | None:
    line = error.line
    text = error.text(line)
    column = next((i for i, c in enumerate(text) if c in CURLY), None)
    if column is not None:
        straight = re.sub("[«“„‟][ \u00a0\u202f]*", '"', text)
        straight = re.sub("[ \u00a0\u202f]*[»”]", '"', straight)
        return Slip(
            _at(line, column),
            msg(
                "{quote} is a typographic quote (from Word): YAML reads it as a letter, not as "
                "a quote",
                quote=text[column],
            ),
            msg("write straight quotes: {line}", line=straight.strip()),
        )
    return None


# Characters that YAML reserves at the start of a plain value.
_RESERVED = "%@`"


def _reserved_first_character(error: _Error) -> Slip | None:
    if error.problem != "found character that cannot start any token":
        return None
    line = error.text(error.line)
    character = line[error.column : error.column + 1]
    if character not in _RESERVED or not character:
        return None
    match = re.match(r"^(\s*(?:- )?[^:#]+:\s+)(.*)$", line)
    value = (match.group(2) if match else line[error.column :]).split(" #")[0].rstrip()
    key = match.group(1).strip() if match else ""
    return Slip(
        _at(error.line, error.column),
        msg("a value cannot start with {character} unless it is in quotes", character=character),
        msg('put it in quotes: {key} "{value}"', key=key, value=value.replace('"', '\\"')),
    )


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _key_column(text: str) -> int:
    """The column of the first key on a line (after `- ` for a list item)."""
    column = _indent(text)
    rest = text[column:]
    while rest.startswith("- "):
        column += 2
        rest = rest[2:].lstrip(" ")
        column = len(text) - len(rest)
    return column


def _line_above(error: _Error) -> str | None:
    for line in range(error.line - 1, -1, -1):
        text = error.text(line)
        if text.strip() and not text.lstrip().startswith("#"):
            return text
    return None


def _key_one_space_off(error: _Error) -> Slip | None:
    if error.problem not in (
        "did not find expected key",
        "did not find expected '-' indicator",
        "could not find expected ':'",
        "mapping values are not allowed in this context",
    ):
        return None
    line = error.text(error.line)
    above = _line_above(error)
    if above is None or not line.strip() or line.lstrip().startswith("- "):
        return None
    found, expected = _indent(line), _key_column(above)
    if abs(found - expected) != 1 or ":" not in line:
        return None
    return Slip(
        _at(error.line, 0, max(found, 1)),
        msg(
            "this key starts in column {found}, the key above in column {expected}",
            found=found + 1,
            expected=expected + 1,
        ),
        msg(
            "start it in column {column}, as the key above: the keys of one mapping line up",
            column=expected + 1,
        ),
    )


def _missing_dash(error: _Error) -> Slip | None:
    if error.problem != "did not find expected '-' indicator":
        return None
    line = error.text(error.line)
    if line.lstrip().startswith("-") or ":" not in line:
        return None
    column = _indent(line)
    return Slip(
        _at(error.line, column, len(line.strip())),
        msg("this line is in a list, but does not start with `- `"),
        msg(
            "write `- {text}` to start a new item of the list, or indent it as far as the keys "
            "of the item above",
            text=line.strip(),
        ),
    )
