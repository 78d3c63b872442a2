"""The languages of the reports: one gettext catalog per language, and Babel's formatting.

The catalogs are the `.po` files beside this module (`fr.po`, `en.po`), the files translators
edit and reviewers read. They are compiled in memory when a report is rendered (a few
milliseconds), so no binary `.mo` file is committed or can go stale, and the wheel needs nothing
but the `.po` files it already carries inside the package.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import io
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal, format_percent
from babel.support import Translations

LOCALE_DIR = Path(__file__).resolve().parent
# The report languages and the Babel locale each one formats numbers, money and dates with.
LANGUAGES = {"fr": "fr_FR", "en": "en_GB"}


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / f"{lang}.po"


@functools.cache
def translations(lang: str) -> Translations:
    """The compiled catalog of `lang` (one of LANGUAGES)."""
    with catalog_path(lang).open("rb") as stream:
        catalog = read_po(stream, locale=LANGUAGES[lang])
    buffer = io.BytesIO()
    # Fuzzy entries are unchecked guesses from a catalog update: never shown to readers.
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer)


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
        self.locale = Locale.parse(LANGUAGES[lang])
        pattern = self.locale.currency_formats["standard"].pattern
        # Whole euros are written without cents (50 000 €), others with (1 234,50 €).
        self._whole_money = pattern.replace(".00", "")
        percent = self.locale.percent_formats[None].pattern
        # Indicator values in % keep up to two decimals (12,5 %); shares are whole (40 %).
        self._percent_value = percent.replace("#,##0", "#,##0.##", 1)

    def number(self, value: float) -> str:
        with decimal.localcontext(_WIDE):
            return format_decimal(_exact(value), locale=self.locale, format="#,##0.##")

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
        """A share from 0 to 1, as a whole percentage."""
        with decimal.localcontext(_WIDE):
            return format_percent(_exact(share), locale=self.locale)

    def percent_value(self, value: float) -> str:
        """A value in percent (40 for 40 %), as the language writes it."""
        with decimal.localcontext(_WIDE):
            return format_percent(
                _exact(value).scaleb(-2), format=self._percent_value, locale=self.locale
            )

    def date(self, value: dt.date) -> str:
        return format_date(value, format="long", locale=self.locale)
