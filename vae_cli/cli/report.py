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

from vae_cli.cli.options import Lang, PlanPaths, err, out, use_color, year_option

# A report is a French document unless --lang asks for another language.
REPORT_LANGUAGE = "fr"


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
    pdf = "pdf"
    all = "all"


def report(
    paths: PlanPaths = None,
    year: t.Annotated[
        int | None,
        year_option(
            "The year the follow-up reports on. Default: the last complete year of the "
            "mandate. The plan document does not depend on it (only checked inside the mandate)."
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
    output_formats: t.Annotated[
        list[Format] | None,
        typer.Option(
            "--format",
            "-f",
            help="Markdown, HTML, PDF, or all three; repeat it for two: -f md -f html. "
            "Default: all.",
            metavar="<md|html|pdf|all>",
            show_default=False,
        ),
    ] = None,
    lang: Lang = None,
    output: t.Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Folder to write to, as <plan>/<year>-followup.<lang>.<ext> "
            "or <plan>/plan.<lang>.<ext>.",
        ),
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

    The report is in French unless --lang says otherwise; what vae says on the terminal is in
    --lang, else in the language of the environment, as for every command.
    """
    from vae_cli.check import collect_plans
    from vae_cli.findings.formats.text import render as render_findings
    from vae_cli.i18n.language import language
    from vae_cli.i18n.messages import msg, render
    from vae_cli.report.pdf import unavailable as pdf_missing
    from vae_cli.report.run import Request, write_reports

    written_in = language(lang)
    asked = output_formats or [Format.all]
    formats = list(dict.fromkeys(f.value for f in asked))  # in the order given, each once
    if Format.all in asked:
        formats = ["md", "html", "pdf"]
        if (missing := pdf_missing()) is not None:
            # `all` is the default, and what `make run` asks: on a machine without Pango it
            # writes what it can and says why the PDF is not there; --format pdf still fails.
            formats = ["md", "html"]
            err(render(msg("vae: no PDF written: {reason}", reason=missing.message), written_in))
            if missing.hint is not None:
                err(f"  {render(msg('hint:'), written_in)} {render(missing.hint, written_in)}")

    request = Request(
        plans=collect_plans(paths or []),
        year=year,
        kinds=[KIND_NAMES.get(kind, kind.value)],
        formats=formats,
        lang=lang or REPORT_LANGUAGE,
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
        # (`--lang`, else `$VAE_LANG`...); the report's points to watch speak the report's.
        sys.stdout.write(render_findings(outcome.failed, lang=written_in, color=use_color()))
    for path in outcome.written:
        out(render(msg("wrote {path}", path=str(path)), written_in))
    if outcome.failed.files:
        raise typer.Exit(1)
