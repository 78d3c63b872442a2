"""A number as a person types it, the French way or the English way (`12 000,50 €`, `47,5`,
`12000.50`), read without guessing: what could be read two ways (`12,000`) is refused with what
to write instead. Read by `vae import` (cells typed as text, `vae_cli.spreadsheet.cells`) and by
the plans' `answers:` (`vae_cli.models.answers`); it needs nothing of either, so `vae validate`
does not load the spreadsheet layer to read an answer.
"""

from __future__ import annotations

import dataclasses
import math
import re

from vae_cli.i18n.messages import Message, msg
from vae_cli.i18n.numbers import plain_number


@dataclasses.dataclass(frozen=True)
class TypedProblem(Exception):
    """What was typed is not the number asked for: why, and what to write instead."""

    message: Message
    hint: Message | None = None


# The spaces that group digits: a space, a no-break space (LibreOffice's French format), a
# narrow no-break space (French typography), a thin space.
_GROUP = "[ \u00a0\u202f\u2009]"
_NUMBER = re.compile(
    rf"(?P<sign>[+-]?)(?P<whole>\d{{1,3}}(?:{_GROUP}\d{{3}})+|\d+)(?:(?P<mark>[.,])(?P<part>\d+))?"
)
_CURRENCY = re.compile(r"\s*(?:€|eur|euros?)\s*$", re.IGNORECASE)


def as_whole(value: float) -> float | int:
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def read_number(text: str, *, euros: bool = False) -> float | int:
    """The number `text` writes, the French way or the English way: `12 000,50`, `12000.50`,
    `47,5`, `-3`, with `€` after it when `euros`. TypedProblem when it writes none, or when it
    could be read two ways (`12,000`, `1.500`)."""
    written = text.strip()
    if euros:
        written = _CURRENCY.sub("", written)
    match = _NUMBER.fullmatch(written)
    if not match:
        raise TypedProblem(*not_a_number(text, euros=euros))
    whole = re.sub(_GROUP, "", match["whole"])
    part = match["part"]
    # 12,000 is twelve in France and twelve thousand in England; 1.500 the reverse. Three
    # decimals after one to three digits (not 0,125) and no space grouping could be either.
    grouped = whole != match["whole"]
    if part is not None and len(part) == 3 and not grouped and 0 < len(whole.lstrip("0")) <= 3:
        one = plain_number(float(f"{match['sign']}{whole}.{part}"))
        other = plain_number(float(f"{match['sign']}{whole}{part}"))
        raise TypedProblem(
            msg("« {text} » can be read two ways", text=text.strip()),
            msg("write {one} or {other}", one=one, other=other),
        )
    number = float(f"{match['sign']}{whole}.{part or '0'}")
    if not math.isfinite(number):
        raise TypedProblem(*not_a_number(text, euros=euros))
    return as_whole(number)


def not_a_number(text: str, *, euros: bool) -> tuple[Message, Message]:
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
