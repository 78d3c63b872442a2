"""Numbers, money, shares, dates and French units written the way readers of a language expect
(Babel's locale data)."""

from __future__ import annotations

import datetime as dt
import decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent, parse_pattern

from vae_cli.i18n.language import BABEL_LOCALES
from vae_cli.i18n.typography import french_spacing

# Babel rounds with the current decimal context, whose 28 digits cannot hold 1e30 to the cent
# (`InvalidOperation`). Enough digits for any float written out in full, cents included.
_WIDE = decimal.Context(prec=400, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)


def _exact(value: float) -> decimal.Decimal:
    """`value` as the decimal it reads as (1e15 + 0.5, not its binary approximation), without
    the sign of a negative zero: -0.0 would show as "-0"."""
    number = decimal.Decimal(value if isinstance(value, int) else repr(float(value)))
    return number if number else decimal.Decimal(0)


class Formatter:
    """Numbers, money, shares and dates written the way readers of one language expect.

    Any finite number is written out in full, however large or small; an infinite one as ∞.
    """

    def __init__(self, lang: str) -> None:
        self.locale = Locale.parse(BABEL_LOCALES[lang])
        # French puts a narrow no-break space before %, where Babel's data has a wide one.
        self._spaced = french_spacing if lang == "fr" else str
        # Babel parses a pattern given as text on every call: each is parsed here, once.
        pattern = self.locale.currency_formats["standard"].pattern
        # Whole euros are written without cents (50 000 €), others with (1 234,50 €).
        self._whole_money = parse_pattern(pattern.replace(".00", ""))
        percent = self.locale.percent_formats[None].pattern
        # Indicator values in % keep up to two decimals (12,5 %); shares are whole (40 %).
        self._percent_value = parse_pattern(percent.replace("#,##0", "#,##0.##", 1))
        self._number = parse_pattern("#,##0.##")

    def number(self, value: float) -> str:
        with decimal.localcontext(_WIDE):
            return format_decimal(_exact(value), locale=self.locale, format=self._number)

    def money(self, value: float) -> str:
        with decimal.localcontext(_WIDE):
            amount = _exact(value)
            if not amount.is_finite() or amount == amount.to_integral_value():
                return format_currency(
                    amount,
                    "EUR",
                    format=self._whole_money,
                    currency_digits=False,
                    locale=self.locale,
                )
            return format_currency(amount, "EUR", locale=self.locale)

    def percent(self, share: float) -> str:
        """A share from 0 to 1, as a whole percentage; a share that is not nothing never reads
        as 0 % (it is "< 1 %"), nor one short of everything as 100 % ("> 99 %")."""
        with decimal.localcontext(_WIDE):
            exact = _exact(share)
            shown = self._percent(exact)
            if 0 < exact < 1 and shown in (self._percent(0), self._percent(1)):
                bound = "0.01" if exact < decimal.Decimal("0.5") else "0.99"
                sign = "<" if bound == "0.01" else ">"
                return f"{sign}\u00a0{self._percent(decimal.Decimal(bound))}"
            return shown

    def _percent(self, share: decimal.Decimal | int) -> str:
        return self._spaced(format_percent(share, locale=self.locale))

    def percent_value(self, value: float) -> str:
        """A value in percent (40 for 40 %), as the language writes it."""
        with decimal.localcontext(_WIDE):
            return self._spaced(
                format_percent(
                    _exact(value).scaleb(-2), format=self._percent_value, locale=self.locale
                )
            )

    def date(self, value: dt.date | str) -> str:
        """A date in words (2 novembre 2020, November 2, 2020); a `YYYY-MM-DD` text too (a
        commit's date), any other text as it is."""
        if isinstance(value, str):
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                return value
        else:
            day = value
        return format_date(day, format="long", locale=self.locale)


# French words ending in s or x that are the same in the singular.
_INVARIABLE = frozenset(
    {"fois", "mois", "temps", "cours", "corps", "pays", "prix", "voix", "avis", "repas", "bus"}
    | {"fonds", "jus", "poids", "locaux", "travaux"}
)
# Words after which a unit's other words are left as they are ("places en crèche").
_LINKS = frozenset(
    {"de", "d", "du", "des", "en", "à", "au", "aux", "par", "pour", "sur", "avec", "sans", "dans"}
)


def french_unit(unit: str, value: float) -> str:
    """A unit written in the plural in the plan ("écoles", "jeunes inscrits"), in the number
    French gives `value`: the singular below 2 (0 école, 1,5 jeune), the plan's words from 2 on.

    Only plain lowercase words before any linking word ("places en crèche" → "place en
    crèche") lose their final s or x; anything else (%, µg/m³, km, a capital) is kept.
    """
    if abs(value) >= 2:
        return unit
    words = unit.split(" ")
    for i, word in enumerate(words):
        if word in _LINKS:
            break
        if not word.isalpha() or not word.islower() or len(word) < 3 or word in _INVARIABLE:
            continue
        if word.endswith(("eaux", "eux")) or (word.endswith("s") and not word.endswith("ss")):
            words[i] = word[:-1]
    return " ".join(words)
