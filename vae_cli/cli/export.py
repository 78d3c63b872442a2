"""`vae export`: the yearly follow-up table of a plan as a spreadsheet. Only typer and the
standard library are imported here (see app.py)."""

from __future__ import annotations

import datetime as dt
import enum
import sys
import typing as t
from pathlib import Path

import typer

from vae_cli.cli.options import Lang, Referentials, out, use_color, year_option


class SheetFormat(enum.StrEnum):
    """The formats `vae export` writes (vae_cli.spreadsheet.export.FORMATS), as a choice
    Typer checks and names in the run's language."""

    ods = "ods"
    xlsx = "xlsx"
    csv = "csv"


def export(
    plan: t.Annotated[Path, typer.Argument(help="The plan file.", show_default=False)],
    year: t.Annotated[
        int | None,
        year_option("The year of the follow-up. Default: the last complete year of the mandate."),
    ] = None,
    output: t.Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The file to write: .ods, .xlsx or .csv (one file per sheet); with --by-lead, "
            "a folder.",
            show_default=False,
        ),
    ] = Path("suivi.ods"),
    lang: Lang = None,
    blank: t.Annotated[
        bool,
        typer.Option("--blank", help="Leave the year's cells empty, for the departments to fill."),
    ] = False,
    by_lead: t.Annotated[
        bool,
        typer.Option("--by-lead", help="One file per lead department, holding only its actions."),
    ] = False,
    output_format: t.Annotated[
        SheetFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="ods, xlsx or csv, for --by-lead (default ods); otherwise the extension says.",
            show_default=False,
        ),
    ] = None,
    force: t.Annotated[
        bool, typer.Option("--force", help="Replace files that already exist.")
    ] = False,
    referential: Referentials = None,
) -> None:
    """Write a year's follow-up table (tableau de suivi annuel) as a spreadsheet.

    The sheets are in French unless --lang en. The cells the lead departments fill in (the
    year's status, spending and note; indicator values and sources) are marked in yellow; the
    others are protected. Exit codes: 0 written; 1 the plan has errors; 2 could not run as asked.
    """
    from vae_cli.findings.diagnostics import CheckResult, display_path
    from vae_cli.findings.formats.text import render as render_findings
    from vae_cli.i18n.language import language
    from vae_cli.i18n.messages import msg, render
    from vae_cli.spreadsheet.export import Request
    from vae_cli.spreadsheet.export import export as run

    sheet_lang = lang or "fr"
    outcome = run(
        Request(
            plan=plan,
            year=year,
            output=output,
            lang=sheet_lang,
            messages=language(lang),
            blank=blank,
            by_lead=by_lead,
            format=output_format.value if output_format is not None else None,
            force=force,
            today=dt.date.today(),
            referential_files=tuple(referential or ()),
        )
    )
    if outcome.failed is not None:
        result = CheckResult(files=[outcome.failed])
        sys.stdout.write(render_findings(result, lang=language(lang), color=use_color()))
        raise typer.Exit(1)
    for path in outcome.written:
        out(render(msg("wrote {path}", path=display_path(path)), language(lang)))
