"""`vae network`: options in, one call to `vae_cli.network.run`, paths out.

Only typer and the standard library at module level (see app.py): what the command runs is
imported when it runs.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing as t
from pathlib import Path

import typer

from vae_cli.cli.options import Lang, err, out, year_option
from vae_cli.errors import ExitCode, UsageError

# The network report is a French document unless --lang asks for another language, as
# `vae report`'s are.
REPORT_LANGUAGE = "fr"
ALL = "all"


class Grouping(enum.StrEnum):
    """What `--by` groups the cities by, as a choice Typer checks."""

    department = "department"


def network(
    paths: t.Annotated[
        list[Path] | None,
        typer.Argument(
            help="Plan files or folders, searched recursively. Default: every plan in plans/.",
            show_default=False,
            metavar="PLAN",
        ),
    ] = None,
    year: t.Annotated[
        int | None,
        year_option("The year the network report is about. Default: last year."),
    ] = None,
    output: t.Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Folder to write to, as network-<year>.<lang>.<ext> and "
            "network-<year>-indicators.csv.",
        ),
    ] = Path("reports"),
    by: t.Annotated[
        Grouping | None,
        typer.Option(
            "--by",
            help="department: a section per département, besides the whole network.",
            show_default=False,
        ),
    ] = None,
    department: t.Annotated[
        str | None,
        typer.Option(
            "--department",
            metavar="DEPARTMENT",
            help="Only the cities of this département (21, 2A, 974).",
            show_default=False,
        ),
    ] = None,
    formats: t.Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="LIST",
            help="The files to write, separated by commas (md, csv...), or all. Default: "
            "md, html and ods.",
            show_default=False,
        ),
    ] = None,
    lang: Lang = None,
    force: t.Annotated[
        bool,
        typer.Option("--force", help="Overwrite files that are not reports written by vae."),
    ] = False,
) -> None:
    """Read every plan of a network and add them up: the cities, the obligations covered, the
    commitments, the recommendations taken up, the Consultation nationale, per year.

    Each plan is checked as `vae validate` checks it; a plan with errors or that cannot be read
    is listed with its first findings, never counted in a share. Exit codes: 0 written, every
    plan valid; 1 written, some plans have errors or could not be read; 2 could not run as
    asked; 3 a bug in vae (the report is written, the plan concerned says so).

    The report is in French unless --lang says otherwise; what vae says on the terminal is in
    --lang, else in the language of the environment, as for every command.
    """
    from vae_cli.i18n.language import language
    from vae_cli.i18n.messages import msg, render
    from vae_cli.network.outputs import OUTPUTS, default_formats
    from vae_cli.network.progress import shown
    from vae_cli.network.run import Request, default_year, run_network

    written_in = language(lang)
    today = dt.date.today()
    report_lang = lang or REPORT_LANGUAGE
    request = Request(
        paths=list(paths or []),
        year=year if year is not None else default_year(today),
        lang=report_lang,
        output=output,
        formats=_formats(formats, known=list(OUTPUTS), default=default_formats()),
        by_department=by is not None,
        department=department,
        force=force,
        # The one use of the clock: the default year, and the current year of the checks.
        today=today,
    )
    outcome = run_network(request, progress=lambda total: shown(total, lang=written_in))
    for path in outcome.written:
        out(render(msg("wrote {path}", path=str(path)), written_in))
    if outcome.bug:
        err(
            render(
                msg("vae: a bug in vae kept a plan from being summed up; the report says which"),
                written_in,
            )
        )
        raise typer.Exit(int(ExitCode.INTERNAL))
    if outcome.failed:
        raise typer.Exit(int(ExitCode.FINDINGS))


def _formats(value: str | None, *, known: list[str], default: list[str]) -> list[str]:
    from vae_cli.i18n.messages import msg

    if value is None:
        return default
    names = [part.strip().lower() for part in value.split(",") if part.strip()]
    if names == [ALL]:
        return known
    unknown = [n for n in names if n not in known]
    if unknown or not names:
        raise UsageError(
            msg(
                '"{value}" is not a format vae network writes',
                value=unknown[0] if unknown else value,
            ),
            hint=msg("use {known}, separated by commas, or all", known=", ".join(known)),
        )
    return list(dict.fromkeys(names))
