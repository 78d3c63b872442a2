"""Text given on the command line, checked before it goes into a plan."""

from __future__ import annotations

import contextlib
import re
import typing as t

from vae_cli.errors import UsageError
from vae_cli.i18n.messages import Message, msg
from vae_cli.terminal import ACTIVE

T = t.TypeVar("T", bound=str | None)


def check_text(value: T, option: str, *, lines: bool = False) -> T:
    """`value` if it is valid UTF-8 text with nothing invisible in it (a newline only with
    `lines`); else a usage error naming the option.

    Python decodes command-line bytes that are not UTF-8 (a Latin-1 terminal, a script in the
    wrong encoding) into "surrogate" characters, which no plan may hold: written to the YAML they
    would be an invalid escape, and a file that could not be read back.
    """
    if value is None:
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(
            msg("{option} is not valid UTF-8 text", option=option),
            hint=msg(
                "the terminal or script passed it in another encoding: set it to UTF-8 "
                "(e.g. LANG=fr_FR.UTF-8), or retype the accented letters"
            ),
        ) from None
    # What a plan cannot hold as typed text is what a terminal would act on (`terminal.ACTIVE`:
    # controls, line separators, bidi overrides), but tabs, and newlines where the value may
    # span lines (`--note`).
    allowed = "\t\n" if lines else "\t"
    found = next((m for m in ACTIVE.finditer(value) if m.group() not in allowed), None)
    if found:
        code = f"U+{ord(found.group()):04X}"
        raise UsageError(
            msg(
                "{option} holds an invisible character ({code}) at position {position}",
                option=option,
                code=code,
                position=found.start() + 1,
            ),
            hint=msg("retype the text, or copy it again from somewhere that shows what it holds")
            if lines
            else msg(
                "retype the text, or copy it again from somewhere that shows what it holds; it "
                "must fit on one line"
            ),
        )
    return value


# A number as a French office types it on the command line: `47,5`, `90 000`, `600 €`.
_SPACES = " \u00a0\u202f"
_CURRENCY = re.compile(r"^\s*€?\s*(.*?)\s*(?:€|eur|euros?)?\s*$", re.IGNORECASE)
_GROUPED = re.compile(r"[-+]?[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?:,[0-9]+)?")
_DECIMAL_COMMA = re.compile(r"[-+]?[0-9]+,[0-9]+")
_PLAIN = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")


def parse_number(text: str, option: str, *, money: bool = False) -> float:
    """`text` given to `option`, read as a number when it can mean only one: `47.5`, `47,5`
    (a decimal comma), `90 000` (spaces between thousands, no-break ones too), and for a sum
    of money (`money`) `600 €` or `600 EUR`. Anything else (`1,500`: one and a half, or fifteen
    hundred?) is a usage error that says the number to type.
    """
    given = text
    if money:
        match = _CURRENCY.match(text)
        text = match.group(1) if match else text
    text = text.strip(_SPACES)
    with contextlib.suppress(ValueError):  # what vae always read (`1e3`; `inf` is refused later)
        return float(text)
    if _GROUPED.fullmatch(text) or (
        _DECIMAL_COMMA.fullmatch(text) and len(text.rpartition(",")[2]) != 3
    ):
        return float("".join(c for c in text if c not in _SPACES).replace(",", "."))
    example = f"{option} 1234.5" if not money else f"{option} 1200"
    hint = msg(
        "type the number with a dot for decimals and no spaces, e.g. {example}", example=example
    )
    unit = text.rstrip(" %\u00a0\u202f")  # `47,5 %`: the unit is the indicator's
    cleaned = "".join(c for c in unit if c not in _SPACES)
    if re.fullmatch(r"[-+]?[0-9]{1,3},[0-9]{3}", text):
        decimal, thousands = cleaned.replace(",", "."), cleaned.replace(",", "")
        hint = msg(
            "type {option} {decimal} if the comma is a decimal point, or {option} {thousands} "
            "if it separates thousands",
            option=option,
            decimal=decimal,
            thousands=thousands,
        )
    elif re.fullmatch(r"[-+]?[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]+", cleaned):
        number = cleaned.replace(".", "").replace(",", ".")
        hint = msg("type {option} {number}: a dot for decimals", option=option, number=number)
    elif _PLAIN.fullmatch(cleaned.replace(",", ".", 1)) and cleaned.count(",") <= 1:
        number = cleaned.replace(",", ".")
        hint = msg(
            "type {option} {number}: a dot for decimals, no spaces, no unit",
            option=option,
            number=number,
        )
    raise UsageError(
        msg('{option} "{given}" is not a number vae can read as one', option=option, given=given),
        hint=hint,
    )


def status_value(text: str) -> str:
    """`--status` as a value of the format: a value as typed (`in_progress`), or a French word
    that means one (« en cours », « Réalisée », « terminé »), or a value written with capitals,
    spaces or hyphens (`In progress`). Anything else is left for `check_status` to refuse."""
    from vae_cli.models.french import meant
    from vae_cli.models.plan import Status

    choices = [s.value for s in Status]
    if text in choices:
        return text
    return meant(text, choices) or text


def reading(option: str, given: str | None, recorded: object) -> Message | None:
    """What `vae record` says when it read `given` as another value than typed (`--value
    "47,5" was recorded as 47.5`), so that nobody has to trust a guess; None when the value
    was recorded as typed."""
    if given is None or recorded is None:
        return None
    from vae_cli.i18n.numbers import plain_number

    shown = plain_number(recorded) if isinstance(recorded, float) else str(recorded)
    if given == shown or (isinstance(recorded, float) and _PLAIN.fullmatch(given)):
        return None
    return msg(
        '{option} "{given}" was recorded as {shown}.', option=option, given=given, shown=shown
    )
