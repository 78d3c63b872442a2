"""Where the files that ship with `vae` are, whether it runs from a checkout or from a wheel."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REFERENTIALS_DIR = PACKAGE_DIR / "referentials"


def data_dir(name: str) -> Path:
    """`templates` or `schemas`: inside the installed package, else at the top of the checkout.

    The wheel carries them under `vae_cli/_data/` (see pyproject.toml); an editable install runs
    from the checkout, where they live at the top level for cities to read and override.
    """
    packaged = PACKAGE_DIR / "_data" / name
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parent / name
