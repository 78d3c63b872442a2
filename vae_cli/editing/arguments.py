"""Text given on the command line, checked before it goes into a plan."""

from __future__ import annotations

import typing as t

from vae_cli.errors import UsageError
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
            f"{option} is not valid UTF-8 text",
            hint="the terminal or script passed it in another encoding: set it to UTF-8 "
            "(e.g. LANG=fr_FR.UTF-8), or retype the accented letters",
        ) from None
    # What a plan cannot hold as typed text is what a terminal would act on (`terminal.ACTIVE`:
    # controls, line separators, bidi overrides), but tabs, and newlines where the value may
    # span lines (`--note`).
    allowed = "\t\n" if lines else "\t"
    found = next((m for m in ACTIVE.finditer(value) if m.group() not in allowed), None)
    if found:
        raise UsageError(
            f"{option} holds an invisible character (U+{ord(found.group()):04X}) at position "
            f"{found.start() + 1}",
            hint="retype the text, or copy it again from somewhere that shows what it holds"
            + ("" if lines else "; it must fit on one line"),
        )
    return value
