"""What a person typed in a cell, read as the plan's value: an amount, a number, a status, a
text. LibreOffice and Excel keep a number typed in a number cell as a number, but a cell
formatted as text, a paste or a French keyboard give `12 000,50 €`, `47,5` or ` En cours `;
these are read as a person means them, and anything ambiguous or wrong is refused with the
reason and what to write instead (never guessed: `12,000` may be twelve or twelve thousand).

`read_number` is the one place where cell text becomes a number. `vae record`'s options are
read by `vae_cli.editing.arguments.parse_number`, which is more lenient on purpose (`1.500` and
`1e3` are what `--value` always accepted); folding the two behind one switch is planned.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re

from vae_cli.i18n.messages import Message, msg
from vae_cli.i18n.numbers import plain_number
from vae_cli.reading.shape_findings import did_you_mean
from vae_cli.spreadsheet import layout as lay
from vae_cli.spreadsheet.reading import CellValue, Percent
from vae_cli.terminal import ACTIVE


@dataclasses.dataclass(frozen=True)
class CellProblem(Exception):
    message: Message
    hint: Message | None = None


# The spaces that group digits: a space, a no-break space (LibreOffice's French format), a
# narrow no-break space (French typography), a thin space.
_GROUP = "[ \u00a0\u202f\u2009]"
_NUMBER = re.compile(
    rf"(?P<sign>[+-]?)(?P<whole>\d{{1,3}}(?:{_GROUP}\d{{3}})+|\d+)(?:(?P<mark>[.,])(?P<part>\d+))?"
)
_CURRENCY = re.compile(r"\s*(?:€|eur|euros?)\s*$", re.IGNORECASE)


def shown(value: CellValue) -> str:
    """A cell's value as the person sees it, to quote in a message."""
    if isinstance(value, Percent):
        return f"{plain_number(value.value * 100)} %"
    if isinstance(value, float | int) and not isinstance(value, bool):
        return plain_number(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def _whole(value: float) -> float | int:
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def read_number(text: str, *, euros: bool = False) -> float | int:
    """The number `text` writes, the French way or the English way: `12 000,50`, `12000.50`,
    `47,5`, `-3`, with `€` after it when `euros`. CellProblem when it writes none, or when it
    could be read two ways (`12,000`, `1.500`)."""
    written = text.strip()
    if euros:
        written = _CURRENCY.sub("", written)
    match = _NUMBER.fullmatch(written)
    if not match:
        raise CellProblem(*_not_a_number(text, euros=euros))
    whole = re.sub(_GROUP, "", match["whole"])
    part = match["part"]
    # 12,000 is twelve in France and twelve thousand in England; 1.500 the reverse. Three
    # decimals after one to three digits (not 0,125) and no space grouping could be either.
    grouped = whole != match["whole"]
    if part is not None and len(part) == 3 and not grouped and 0 < len(whole.lstrip("0")) <= 3:
        one = plain_number(float(f"{match['sign']}{whole}.{part}"))
        other = plain_number(float(f"{match['sign']}{whole}{part}"))
        raise CellProblem(
            msg("« {text} » can be read two ways", text=text.strip()),
            msg("write {one} or {other}", one=one, other=other),
        )
    number = float(f"{match['sign']}{whole}.{part or '0'}")
    if not math.isfinite(number):
        raise CellProblem(*_not_a_number(text, euros=euros))
    return _whole(number)


def _not_a_number(text: str, *, euros: bool) -> tuple[Message, Message]:
    """The message, and a hint that writes the number the text seems to hold (`environ
    12 000 €` -> 12000), if it holds exactly one."""
    found = [m for m in _NUMBER.finditer(text) if m.group().strip()]
    example: str | None = None
    if len(found) == 1:
        with_sign = found[0]
        whole = re.sub(_GROUP, "", with_sign["whole"])
        example = plain_number(float(f"{with_sign['sign']}{whole}.{with_sign['part'] or '0'}"))
    if euros:
        message = msg("« {text} » is not an amount", text=text.strip())
        hint = (
            msg("write {example}", example=example)
            if example
            else msg("write the euros as a number, e.g. 12000 or 12000.50")
        )
    else:
        message = msg("« {text} » is not a number", text=text.strip())
        hint = (
            msg("write {example}", example=example)
            if example
            else msg("write the value as a number, e.g. 47.5 or 47,5")
        )
    return message, hint


def number(value: CellValue, *, euros: bool = False, unit: str | None = None) -> float | int:
    """A cell holding an amount (`euros`) or an indicator's value (in `unit`)."""
    if isinstance(value, bool):
        raise CellProblem(*_not_a_number(shown(value), euros=euros))
    if isinstance(value, Percent):
        if unit is not None and unit.strip() == "%":
            result: float | int = _whole(value.value * 100)
        else:
            raise CellProblem(
                msg("« {text} » is a percentage", text=shown(value)),
                msg("this indicator's unit is {unit}: write the value in it", unit=unit or ""),
            )
    elif isinstance(value, int | float):
        if not math.isfinite(value):
            raise CellProblem(*_not_a_number(shown(value), euros=euros))
        result = _whole(float(value))
    elif isinstance(value, dt.date | dt.time):
        raise CellProblem(
            msg("« {text} » is a date, not a number", text=shown(value)),
            msg(
                "the spreadsheet read what was typed as a date: format the cell as a number and "
                "type the value again"
            ),
        )
    else:
        result = read_number(str(value), euros=euros)
    if euros and result < 0:
        raise CellProblem(
            msg("« {text} » is below zero", text=shown(value)),
            msg("an amount spent is 0 or more"),
        )
    return result


def text(value: CellValue, *, lines: bool = False) -> str:
    """A cell holding text (a note, a source): trimmed; a number or a date as it reads."""
    written = value if isinstance(value, str) else shown(value)
    written = "\n".join(line.rstrip() for line in written.replace("\r\n", "\n").split("\n"))
    written = written.strip()
    allowed = "\t\n" if lines else "\t"
    found = next((m for m in ACTIVE.finditer(written) if m.group() not in allowed), None)
    if found:
        code = format(ord(found.group()), "04X")
        raise CellProblem(
            msg(
                "the text holds an invisible character (U+{code}) at position {position}",
                code=code,
                position=found.start() + 1,
            ),
            msg("retype the text in the cell"),
        )
    return written


_BY_WORD = lay.status_by_word()


def status(value: CellValue, lang: str) -> str:
    """A status cell, as the plan writes it (`in_progress`): the cell may hold its words in
    either language, or the plan's value itself."""
    written = shown(value)
    found = _BY_WORD.get(lay.fold(written))
    if found is not None:
        return found.value
    choices = lay.status_choices(lang)
    close = did_you_mean(written, choices)
    return_hint = (
        msg("did you mean « {word} »?", word=close)
        if close
        else msg("choose one from the list: {choices}", choices=", ".join(choices))
    )
    raise CellProblem(msg("« {text} » is not a status", text=written), return_hint)
