"""French départements as the network groups cities by them: which codes exist, and their
order (01…19, 2A, 2B, 21…95, then the overseas 971…)."""

from __future__ import annotations

import re

# Metropolitan 01-95 (20 became 2A and 2B in 1976), Corsica, and the overseas codes INSEE
# gives three digits (971-976 départements, 975-988 collectivités).
_CODE = re.compile(r"0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97\d|98\d")


def is_department(code: str) -> bool:
    """Whether `code` is written as a département's code (`21`, `2A`, `974`)."""
    return _CODE.fullmatch(code) is not None


def normalised(code: str) -> str:
    """A code as typed on the command line, as plans write it: `2a` is `2A`."""
    return code.strip().upper()


def order(code: str) -> tuple[int, int]:
    """The sort key of a département's code: Corsica's 2A and 2B where 20 was."""
    if code in ("2A", "2B"):
        return (20, 1 if code == "2A" else 2)
    return (int(code), 0)
