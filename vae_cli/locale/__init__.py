"""The languages of the reports: one gettext catalog per language, and Babel's formatting.

The catalogs are the `.po` files beside this module (`fr.po`, `en.po`), the files translators
edit and reviewers read. They are compiled in memory when a report is rendered (a few
milliseconds), so no binary `.mo` file is committed or can go stale, and the wheel needs nothing
but the `.po` files it already carries inside the package.
"""

from __future__ import annotations

import datetime as dt
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


class Formatter:
    """Numbers, money, shares and dates written the way readers of one language expect."""

    def __init__(self, lang: str) -> None:
        self.locale = Locale.parse(LANGUAGES[lang])
        pattern = self.locale.currency_formats["standard"].pattern
        # Whole euros are written without cents (50 000 €), others with (1 234,50 €).
        self._whole_money = pattern.replace(".00", "")
        percent = self.locale.percent_formats[None].pattern
        # Indicator values in % keep up to two decimals (12,5 %); shares are whole (40 %).
        self._percent_value = percent.replace("#,##0", "#,##0.##", 1)

    def number(self, value: float) -> str:
        return format_decimal(value, locale=self.locale, format="#,##0.##")

    def money(self, value: float) -> str:
        if float(value).is_integer():
            return format_currency(
                value, "EUR", format=self._whole_money, currency_digits=False, locale=self.locale
            )
        return format_currency(value, "EUR", locale=self.locale)

    def percent(self, share: float) -> str:
        """A share from 0 to 1, as a whole percentage."""
        return format_percent(share, locale=self.locale)

    def percent_value(self, value: float) -> str:
        """A value in percent (40 for 40 %), as the language writes it."""
        return format_percent(value / 100, format=self._percent_value, locale=self.locale)

    def date(self, value: dt.date) -> str:
        return format_date(value, format="long", locale=self.locale)
