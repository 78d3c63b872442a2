"""`vae import`: record the year's entries from filled-in follow-up tables. Only typer and the
standard library are imported here (see app.py)."""

from __future__ import annotations

import datetime as dt
import sys
import typing as t
from pathlib import Path

import typer

from vae_cli.cli.options import AsOf, Lang, Referentials, err, out, year_option


def import_(
    files: t.Annotated[
        list[Path],
        typer.Argument(
            help="The filled-in files (.ods or .xlsx), then the plan to record into.",
            show_default=False,
            metavar="FILE... PLAN",
        ),
    ],
    dry_run: t.Annotated[
        bool, typer.Option("--dry-run", help="Print the change as a unified diff; write nothing.")
    ] = False,
    year: t.Annotated[
        int | None,
        year_option("Refuse files of another year (each file says which year it is for)."),
    ] = None,
    lang: Lang = None,
    as_of: AsOf = None,
    referential: Referentials = None,
) -> None:
    """Record the year's entries that lead departments filled in a follow-up table.

    Reads files written by vae export (and filled in with LibreOffice, Excel...), checks that
    they are the follow-up of this plan, and records their statuses, spending, notes, values
    and sources with the same edits as vae record. Any problem refuses the whole import, each
    one located in its sheet (Actions!J12). Exit codes: 0 recorded (or nothing to record);
    1 refused; 2 could not run as asked.
    """
    from vae_cli.check import Checker
    from vae_cli.editing.errors import EditRefused
    from vae_cli.errors import UsageError
    from vae_cli.findings.diagnostics import display_path
    from vae_cli.findings.formats.text import render_diagnostic
    from vae_cli.i18n.language import language
    from vae_cli.i18n.messages import counted, msg
    from vae_cli.spreadsheet.importing import ImportRefused, import_files
    from vae_cli.terminal import inert_lines

    # The sentences about a number of things, singular or plural as the language wants.
    problem_counts = (msg("{count} problem"), msg("{count} problems"))
    recorded_counts = (msg("recorded {count} entry"), msg("recorded {count} entries"))
    same_counts = (msg("{count} already held its values"), msg("{count} already held these values"))
    chosen = language(lang)
    if len(files) < 2:
        raise UsageError(
            msg("give the filled-in files, then the plan").written_in(chosen),
            hint=msg("e.g. vae import suivi/*.ods plans/dijon-2020.yaml").written_in(chosen),
        )
    *sheets, plan = files
    checker = Checker(as_of=as_of or dt.date.today().year, referential_files=referential or [])
    try:
        outcome = import_files(sheets, plan, checker=checker, lang=chosen, year=year)
    except ImportRefused as refused:
        for problem in refused.problems:
            err(problem.written(chosen))
        count = len(refused.problems)
        raise EditRefused(
            msg(
                "{problems} in the files: nothing was written to {plan}",
                problems=counted(count, *problem_counts),
                plan=display_path(plan),
            ).written_in(chosen),
            hint=msg("correct the cells named above, then import again").written_in(chosen),
        ) from None
    if dry_run:
        sys.stdout.write(inert_lines(outcome.diff()))
        return
    if outcome.new_text != outcome.source.text:
        outcome.source.write(outcome.new_text)
    if not outcome.recorded and not outcome.unchanged:
        out(
            msg(
                "{plan}: the files hold no figure of {year} to record (no cell filled in)",
                plan=outcome.source.shown,
                year=outcome.year,
            ).written_in(chosen)
        )
        return
    out(
        msg(
            "{plan}: {recorded} of {year} ({same})",
            plan=outcome.source.shown,
            recorded=counted(len(outcome.recorded), *recorded_counts),
            year=outcome.year,
            same=counted(outcome.unchanged, *same_counts),
        ).written_in(chosen)
    )
    if outcome.new_warnings:
        added = len(outcome.new_warnings)
        out(
            counted(
                added, msg("It adds {count} warning:"), msg("It adds {count} warnings:")
            ).written_in(chosen)
        )
        for diagnostic in outcome.new_warnings:
            out(render_diagnostic(diagnostic, outcome.result, lang=chosen))
