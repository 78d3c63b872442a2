"""What a person typed in a cell, read as the plan's value: an amount, a number, a status, a
text. LibreOffice and Excel keep a number typed in a number cell as a number, but a cell
formatted as text, a paste or a French keyboard give `12 000,50 €`, `47,5` or ` En cours `;
these are read as a person means them, and anything ambiguous or wrong is refused with the
reason and what to write instead (never guessed: `12,000` may be twelve or twelve thousand).

`read_number` (`vae_cli.i18n.typed_numbers`, shared with the plans' `answers:`) is the one place
where cell text becomes a number. `vae record`'s options are
read by `vae_cli.editing.arguments.parse_number`, which is more lenient on purpose (`1.500` and
`1e3` are what `--value` always accepted); folding the two behind one switch is planned.
"""

from __future__ import annotations

import datetime as dt
import math

from vae_cli.i18n.messages import msg
from vae_cli.i18n.numbers import plain_number
from vae_cli.i18n.typed_numbers import TypedProblem, as_whole, not_a_number, read_number
from vae_cli.reading.shape_findings import did_you_mean
from vae_cli.spreadsheet import layout as lay
from vae_cli.spreadsheet.reading import CellValue, Percent
from vae_cli.terminal import ACTIVE

# A cell that does not hold what its column asks for (the number reader's problem, too).
CellProblem = TypedProblem


def shown(value: CellValue) -> str:
    """A cell's value as the person sees it, to quote in a message."""
    if isinstance(value, Percent):
        return f"{plain_number(value.value * 100)} %"
    if isinstance(value, float | int) and not isinstance(value, bool):
        return plain_number(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def number(value: CellValue, *, euros: bool = False, unit: str | None = None) -> float | int:
    """A cell holding an amount (`euros`) or an indicator's value (in `unit`)."""
    if isinstance(value, bool):
        raise CellProblem(*not_a_number(shown(value), euros=euros))
    if isinstance(value, Percent):
        if unit is not None and unit.strip() == "%":
            result: float | int = as_whole(value.value * 100)
        else:
            raise CellProblem(
                msg("« {text} » is a percentage", text=shown(value)),
                msg("this indicator's unit is {unit}: write the value in it", unit=unit or ""),
            )
    elif isinstance(value, int | float):
        if not math.isfinite(value):
            raise CellProblem(*not_a_number(shown(value), euros=euros))
        result = as_whole(float(value))
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
