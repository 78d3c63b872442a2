"""Text given on the command line, checked before it goes into a plan."""

from __future__ import annotations

import typing as t

from vae_cli.errors import UsageError

T = t.TypeVar("T", bound=str | None)


def check_text(value: T, option: str) -> T:
    """`value` if it is valid UTF-8 text; else a usage error naming the option.

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
            f"{option} is not valid UTF-8 text",
            hint="the terminal or script passed it in another encoding: set it to UTF-8 "
            "(e.g. LANG=fr_FR.UTF-8), or retype the accented letters",
        ) from None
    return value
