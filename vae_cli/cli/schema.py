"""`vae schema`: write (or check) the JSON Schemas of the plan and referential formats."""

from __future__ import annotations

import typing as t
from pathlib import Path

import typer

from vae_cli.cli.options import err, out
from vae_cli.errors import ExitCode


def schema(
    output: t.Annotated[
        Path, typer.Option("--output", "-o", help="Folder to write the JSON Schemas to.")
    ] = Path("schemas"),
    check: t.Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 if the files are stale.")
    ] = False,
) -> None:
    """Write the JSON Schemas of the plan and referential formats (for editors and other tools)."""
    from vae_cli.schema_export import write_schemas

    stale = write_schemas(output, check=check)
    for path in stale:
        out(f"{'stale' if check else 'wrote'} {path}")
    if check and stale:
        err("vae: the schemas are stale; run `vae schema` and commit the result")
        raise typer.Exit(int(ExitCode.FINDINGS))
    if not stale:
        out(f"{output}: up to date")
