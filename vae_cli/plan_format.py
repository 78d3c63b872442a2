"""Facts of the plan format that every layer shares, from the command line's options to the
models: importable without Pydantic, so `vae --help` stays light."""

from __future__ import annotations

# The years a plan may name: a mandate, a progress entry, a measurement, `--year`, `--as-of`.
FIRST_YEAR = 1900
LAST_YEAR = 2100

# How the name of a plan (or of a network's referential file) ends.
PLAN_SUFFIXES = (".yaml", ".yml")


def department_of(insee_code: str) -> str:
    """The department an INSEE commune code belongs to: its first two characters (`21` for
    21231, `2A` for 2A004), three overseas (`974` for 97411, `987` for 98735)."""
    return insee_code[:3] if insee_code.startswith(("97", "98")) else insee_code[:2]


# What a network question's answer can be, once read: yes/no, a number, or one of the
# referential's options (its id); one per `models.referential.Question.kind`.
Answer = bool | float | str
