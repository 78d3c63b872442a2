"""`vae schema`: write (or check) the JSON Schemas of the plan and referential formats."""

from __future__ import annotations

import typing as t
from pathlib import Path

import typer

from vae_cli.cli.options import Lang, err, out
from vae_cli.errors import ExitCode


def schema(
    output: t.Annotated[
        Path, typer.Option("--output", "-o", help="Folder to write the JSON Schemas to.")
    ] = Path("schemas"),
    check: t.Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 if the files are stale.")
    ] = False,
    lang: Lang = None,
) -> None:
    """Write the JSON Schemas of the plan and referential formats (for editors and other tools)."""
    from vae_cli.i18n.language import language
    from vae_cli.i18n.messages import msg, render
    from vae_cli.schema_export import write_schemas

    written_in = language(lang)
    stale = write_schemas(output, check=check)
    said = msg("stale {path}") if check else msg("wrote {path}")
    for path in stale:
        out(render(said.fill(path=str(path)), written_in))
    if check and stale:
        err(
            render(
                msg("vae: the schemas are stale; run `vae schema` and commit the result"),
                written_in,
            )
        )
        raise typer.Exit(int(ExitCode.FINDINGS))
    if not stale:
        out(render(msg("{folder}: up to date", folder=str(output)), written_in))
