"""Which language `vae` writes in: the languages it knows, and the choice when no option says."""

from __future__ import annotations

import os
import re
import typing as t
from pathlib import Path

# The languages vae writes. A `Literal`, so that the command line's `--lang` takes its choices
# from here (Typer reads the values of a Literal as choices).
Language = t.Literal["en", "fr"]
LANGUAGES: tuple[Language, ...] = t.get_args(Language)
DEFAULT_LANGUAGE: Language = "en"
# The Babel locale the numbers, money and dates of each of LANGUAGES follow.
BABEL_LOCALES: dict[str, str] = {"en": "en_GB", "fr": "fr_FR"}
ENVIRONMENT_VARIABLE = "VAE_LANG"
# The `.po` catalogs, beside this module.
CATALOG_DIR = Path(__file__).resolve().parent

# Where the language comes from when no option says: vae's own variable, then the terminal's
# locale, as gettext looks it up (a French officer's terminal says fr_FR.UTF-8).
LOCALE_VARIABLES = (ENVIRONMENT_VARIABLE, "LC_ALL", "LC_MESSAGES", "LANG")


def language(asked: str | None = None) -> str:
    """The language asked for, else the first of `$VAE_LANG`, `$LC_ALL`, `$LC_MESSAGES`,
    `$LANG` that is set, when it names a known language; else English."""
    if asked:
        return asked
    for variable in LOCALE_VARIABLES:
        value = os.environ.get(variable, "").strip().lower()
        if value:
            # "fr_FR.UTF-8" reads as "fr"; an unknown language ("C", "en_US") is English.
            code = re.split(r"[_.@-]", value, maxsplit=1)[0]
            return code if code in LANGUAGES else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def catalog_path(lang: str) -> Path:
    """The `.po` file of `lang`, the file translators edit."""
    return CATALOG_DIR / f"{lang}.po"
