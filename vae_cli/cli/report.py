"""`vae report`: options in, one call to `vae_cli.report.run`, paths and diagnostics out.

Only typer and the standard library are imported here at module level: Jinja2 and Babel are
imported when the command runs, so `vae --help` and `vae validate` stay fast.
"""

from __future__ import annotations

import datetime as dt
import enum
import sys
import typing as t
from pathlib import Path

import typer

from vae_cli.cli.options import PlanPaths, out, use_color
from vae_cli.i18n.language import Language
from vae_cli.plan_format import FIRST_YEAR, LAST_YEAR


class Kind(enum.StrEnum):
    followup = "followup"
    plan = "plan"
    children = "children"
    enfants = "enfants"  # the children's edition, named in French


# Each kind's one name inside vae (and in the report's file name).
KIND_NAMES = {Kind.enfants: "children"}


class Format(enum.StrEnum):
    md = "md"
    html = "html"
    all = "all"


def report(
    paths: PlanPaths = None,
    year: t.Annotated[
        int | None,
        typer.Option(
            "--year",
            min=FIRST_YEAR,
            max=LAST_YEAR,
            help="The year reported on. Default: the last complete year of the mandate.",
            show_default=False,
        ),
    ] = None,
    kind: t.Annotated[
        Kind,
        typer.Option(
            "--kind",
            help="followup: the yearly follow-up; plan: the action-plan document; "
            "children (or enfants): the edition for children.",
        ),
    ] = Kind.followup,
    output_format: t.Annotated[
        Format, typer.Option("--format", "-f", help="Markdown, HTML or both.")
    ] = Format.all,
    lang: t.Annotated[Language, typer.Option("--lang", help="Language of the report.")] = "fr",
    output: t.Annotated[
        Path,
        typer.Option("--output", "-o", help="Folder to write to, as <plan>/<year>-<kind>.<ext>."),
    ] = Path("reports"),
    template_dir: t.Annotated[
        Path | None,
        typer.Option(
            "--template-dir",
            help="Your own templates; each file there replaces ours of the same name.",
            exists=True,
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    force: t.Annotated[
        bool,
        typer.Option("--force", help="Overwrite files that are not reports written by vae."),
    ] = False,
) -> None:
    """Write the yearly follow-up report, or the action-plan document, of plans.

    A plan with errors is not rendered: its findings are shown as `vae validate` shows them, and
    vae exits with 1. Exit codes: 0 all written; 1 a plan has errors; 2 could not run as asked.
    """
    from vae_cli.check import collect_plans
    from vae_cli.findings.formats.text import render as render_findings
    from vae_cli.i18n.language import language
    from vae_cli.report.run import Request, write_reports

    request = Request(
        plans=collect_plans(paths or []),
        year=year,
        kinds=[KIND_NAMES.get(kind, kind.value)],
        formats=["md", "html"] if output_format is Format.all else [output_format.value],
        lang=lang,
        output=output,
        template_dir=template_dir,
        force=force,
        # The one use of the clock: which year is "last complete", and what `vae validate`
        # would call the current year. What a report says never depends on it.
        today=dt.date.today(),
    )
    outcome = write_reports(request)
    if outcome.failed.files:
        # Findings on the terminal speak the user's language, as `vae validate` does
        # (`$VAE_LANG`...); the report's own points to watch speak the report's (`--lang`).
        sys.stdout.write(render_findings(outcome.failed, lang=language(), color=use_color()))
    for path in outcome.written:
        out(f"wrote {path}")
    if outcome.failed.files:
        raise typer.Exit(1)
