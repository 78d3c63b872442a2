"""The network referentials shipped with `vae`: one YAML data file per network and mandate."""

from __future__ import annotations

from pathlib import Path

from vae_cli.resources import REFERENTIALS_DIR


def builtin_referentials() -> dict[str, Path]:
    """Id -> file of every referential shipped with `vae` (the id is the file name)."""
    return {path.stem: path for path in sorted(REFERENTIALS_DIR.glob("*.yaml"))}
