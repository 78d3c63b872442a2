"""`vae diff`: the command line of the plan comparison (vae_cli/diff does the work)."""

from __future__ import annotations

import datetime as dt
import enum
import sys
import typing as t
from pathlib import Path

import typer

from vae_cli.cli.options import AsOf, Lang, Referentials


class DiffFormat(enum.StrEnum):
    text = "text"
    md = "md"
    json = "json"


def diff(
    rev: t.Annotated[
        str | None,
        typer.Argument(
            help="The git revision to compare with. Default: the merge base with the default "
            "branch (origin/HEAD, main or master), else HEAD.",
            show_default=False,
        ),
    ] = None,
    plans: t.Annotated[
        list[Path] | None,
        typer.Argument(
            help="Plan files or folders. Default: every plan in plans/, now or at REV.",
            show_default=False,
        ),
    ] = None,
    output_format: t.Annotated[
        DiffFormat,
        typer.Option(
            "--format", "-f", help="text for a terminal, md for a pull-request comment, or json."
        ),
    ] = DiffFormat.text,
    as_of: AsOf = None,
    referential: Referentials = None,
    lang: Lang = None,
) -> None:
    """Say what changed in the plans since a git revision: actions, statuses, money,
    measurements, coverage of the network's obligations, and new or fixed findings.

    Both versions are checked as `vae validate` would. Exit codes: 0 compared; 2 could not run
    (not a git repository, unknown revision...).
    """
    from vae_cli.check import Checker
    from vae_cli.diff.run import diff_plans
    from vae_cli.diff.show import RENDERERS
    from vae_cli.i18n.language import language

    written_in = language(lang)
    checker = Checker(as_of=as_of or dt.date.today().year, referential_files=referential or [])
    report = diff_plans(rev, plans or [], checker=checker, lang=written_in)
    sys.stdout.write(RENDERERS[output_format.value](report, written_in))
