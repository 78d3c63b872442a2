"""Facts of the plan format that every layer shares, from the command line's options to the
models: importable without Pydantic, so `vae --help` stays light."""

from __future__ import annotations

# The years a plan may name: a mandate, a progress entry, a measurement, `--year`, `--as-of`.
FIRST_YEAR = 1900
LAST_YEAR = 2100

# How the name of a plan (or of a network's referential file) ends.
PLAN_SUFFIXES = (".yaml", ".yml")
