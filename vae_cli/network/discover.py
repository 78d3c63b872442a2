"""Which plans make the network: the files and folders given, folders searched recursively,
with `vae validate`'s rules and refusals (a folder without plans, a broken link, a file outside
the repository: exit 2 before anything is read)."""

from __future__ import annotations

import typing as t
from pathlib import Path

from vae_cli.check import collect_plans


def discover(paths: t.Sequence[Path]) -> list[Path]:
    """The plans under `paths` (default: `plans/`), each once, in the order found."""
    found = collect_plans(paths)
    seen: set[Path] = set()
    plans: list[Path] = []
    for path in found:
        try:
            key = path.resolve()
        except (OSError, RuntimeError):  # a symlink loop: collect_plans refused it already
            key = path
        if key not in seen:  # `vae network plans plans/dijon.yaml` counts Dijon once
            seen.add(key)
            plans.append(path)
    return plans
