"""What every command module shares: the error handler, colour choice and common options.

Its own module so that the command modules (cli_report, cli_diff, cli_record...) can import it
at load time without importing vae_cli.cli, which registers them. Only typer and the standard
library here: `vae --help` must stay fast.
"""

from __future__ import annotations

import functools
import os
import sys
import typing as t
from pathlib import Path

import typer

from vae_cli.errors import VaeError

P = t.ParamSpec("P")


def err(message: str) -> None:
    sys.stderr.write(message + "\n")


def handle_errors(command: t.Callable[P, None]) -> t.Callable[P, None]:
    """The one place where a VaeError becomes a message on stderr and an exit code."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except VaeError as e:
            err(f"vae: error: {e.message}")
            if e.hint:
                err(f"  hint: {e.hint}")
            raise typer.Exit(int(e.exit_code)) from None

    return wrapper


def use_color() -> bool:
    """Colour on a terminal, never with NO_COLOR, always with FORCE_COLOR."""
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


PlanPaths = t.Annotated[
    list[Path] | None,
    typer.Argument(
        help="Plan files or folders. Default: every plan in plans/.",
        show_default=False,
        metavar="PLAN",
    ),
]
AsOf = t.Annotated[
    int | None,
    typer.Option(
        "--as-of",
        metavar="YEAR",
        min=1900,
        max=2100,
        help="The current year for the checks (past years, no future dates). Default: this year.",
        show_default=False,
    ),
]
Referentials = t.Annotated[
    list[Path] | None,
    typer.Option(
        "--referential",
        "-r",
        metavar="FILE",
        help="A referential file of your own; plans naming its id use it. Repeatable.",
        exists=True,
        dir_okay=False,
    ),
]
