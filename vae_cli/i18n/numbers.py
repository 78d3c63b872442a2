"""Numbers in findings: as the plan writes them, and money as the reader's language writes it.

A number a finding quotes from the plan (a value, a target, a bound to write instead) reads the
same in every language, as YAML writes it: the user looks for it in the file, or types it there.
A sum of money is for reading: `Money` is written `€45,000.50` in English and `45 000,50 €` in
French, with the no-break spaces French uses; so is a large count of ours (`Count`: 2,000,000
values, 2 000 000 valeurs). `vae validate` imports no Babel, so this is the small part of
Babel's locale data findings need; the reports use Babel itself (`vae_cli.i18n.formatting`),
and a test checks both write every amount the same way.
"""

from __future__ import annotations

import dataclasses
import decimal
import math

from vae_cli.i18n.language import DEFAULT_LANGUAGE
from vae_cli.i18n.messages import Localized

# Enough digits for any float written out in full, cents included (1e30 to the cent).
_WIDE = decimal.Context(
    prec=400, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN, rounding=decimal.ROUND_HALF_EVEN
)
_CENT = decimal.Decimal("0.01")
_EURO = decimal.Decimal(1)


@dataclasses.dataclass(frozen=True)
class _Style:
    """How a language writes numbers and euros (CLDR's data for the locale in
    `language.BABEL_LOCALES`)."""

    money: str  # where the number goes, around the euro sign
    group: str  # between groups of three digits
    decimal: str


STYLES = {
    "en": _Style(money="€{}", group=",", decimal="."),  # en_GB
    "fr": _Style(money="{}\u00a0€", group="\u202f", decimal=","),  # fr_FR
}


def plain_number(value: float) -> str:
    """A number as a person writes it in YAML: 200, not 200.0; 1000000000000, not 1e+12;
    100.004 as it is, never rounded."""
    if isinstance(value, int):  # bool included: it is never given one
        return str(value)
    if not math.isfinite(value):
        return str(value)
    text = format(decimal.Decimal(repr(value)), "f")  # the shortest digits, without exponent
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _grouped(digits: str, group: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return group.join(parts)


def count(value: int, lang: str = DEFAULT_LANGUAGE) -> str:
    """A whole number for reading, its digits grouped as `lang` groups them: 2,000,000."""
    return ("-" if value < 0 else "") + _grouped(str(abs(value)), STYLES[lang].group)


def money(amount: float, lang: str = DEFAULT_LANGUAGE) -> str:
    """An amount in euros as `lang` writes it: whole euros without cents (`€50,000`), others to
    the cent (`€1,234.50`), rounded half to even as Babel does."""
    style = STYLES[lang]
    if not math.isfinite(amount):
        number = "∞"
        sign = "-" if amount < 0 else ""
    else:
        with decimal.localcontext(_WIDE):
            exact = decimal.Decimal(amount if isinstance(amount, int) else repr(float(amount)))
            whole = exact == exact.to_integral_value()
            rounded = exact.quantize(_EURO if whole else _CENT)
        sign = "-" if rounded.is_signed() and not (whole and rounded.is_zero()) else ""
        units, _, cents = format(abs(rounded), "f").partition(".")
        number = _grouped(units, style.group) + (style.decimal + cents if cents else "")
    return sign + style.money.format(number)


@dataclasses.dataclass(frozen=True, slots=True)
class Money(Localized):
    """A sum in euros, in a message: written as the reader's language writes money."""

    amount: float

    def written_in(self, lang: str) -> str:
        return money(self.amount, lang)

    def identity(self) -> object:
        return {"eur": plain_number(self.amount)}


@dataclasses.dataclass(frozen=True, slots=True)
class Count(Localized):
    """A large whole number of ours (a limit), in a message: its digits grouped as the reader's
    language groups them. A number from the plan is quoted as written instead."""

    value: int

    def written_in(self, lang: str) -> str:
        return count(self.value, lang)

    def identity(self) -> object:
        return {"count": self.value}
