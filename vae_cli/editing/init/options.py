"""The values of `vae init`'s options: a mandate written START-END, an INSEE code."""

from __future__ import annotations

import re

from vae_cli.errors import UsageError
from vae_cli.i18n.messages import msg
from vae_cli.plan_format import FIRST_YEAR, LAST_YEAR

_EXAMPLE = msg("e.g. 2026-2032")
_MANDATE = re.compile(r"(\d{4})-(\d{4})")
_INSEE = re.compile(r"(\d{5}|2[AB]\d{3})")


def parse_mandate(text: str) -> tuple[int, int]:
    """`--mandate START-END` as (start, end): two years a plan may name, in order."""
    match = _MANDATE.fullmatch(text.strip())
    if not match:
        raise UsageError(
            msg('--mandate "{text}" is not two years written START-END', text=text), hint=_EXAMPLE
        )
    start, end = int(match[1]), int(match[2])
    if not FIRST_YEAR <= start <= LAST_YEAR or not FIRST_YEAR <= end <= LAST_YEAR:
        raise UsageError(
            msg(
                '--mandate "{text}": years go from {first} to {last}',
                text=text,
                first=FIRST_YEAR,
                last=LAST_YEAR,
            ),
            hint=_EXAMPLE,
        )
    if not start < end:
        raise UsageError(
            msg(
                '--mandate "{text}": in START-END, the first year comes before the last', text=text
            ),
            hint=_EXAMPLE,
        )
    return start, end


def check_insee(insee: str) -> str:
    """`--insee`, upper-cased, if it is shaped like an INSEE code."""
    insee = insee.strip().upper()
    if not _INSEE.fullmatch(insee):
        raise UsageError(
            msg('--insee "{insee}" is not an INSEE code', insee=insee),
            hint=msg("5 characters, e.g. 21231 for Dijon (2A004 in Corsica); see insee.fr"),
        )
    return insee
