"""What the command modules share: the options several commands take, stdout and stderr,
colour.

Only typer, the standard library and `vae_cli.terminal` (which needs nothing else) here:
`vae --help` must stay fast.
"""

from __future__ import annotations

import os
import sys
import typing as t
from pathlib import Path

import typer

from vae_cli.i18n.language import DEFAULT_LANGUAGE, LANGUAGES, Language
from vae_cli.plan_format import FIRST_YEAR, LAST_YEAR
from vae_cli.terminal import inert


def out(line: str) -> None:
    """`line` on stdout, made inert: what it quotes (a file's name, an id or a value from a
    plan) cannot act on the terminal or the CI log, nor start a line of its own."""
    sys.stdout.write(inert(line) + "\n")


def err(line: str) -> None:
    """`line` on stderr, made inert as `out` makes it."""
    sys.stderr.write(inert(line) + "\n")


ColorChoice = t.Literal["auto", "always", "never"]


def use_color(choice: ColorChoice = "auto") -> bool:
    """`--color`: always, never, or (auto) on a terminal, as https://no-color.org and
    https://force-color.org ask: never with NO_COLOR set, always with FORCE_COLOR set, never
    on a TERM=dumb terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


Color = t.Annotated[
    ColorChoice,
    typer.Option(
        "--color",
        help="Colour the text output: auto (on a terminal, unless NO_COLOR is set or TERM=dumb; "
        "FORCE_COLOR forces it), always or never.",
    ),
]


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
        min=FIRST_YEAR,
        max=LAST_YEAR,
        help="The current year for the checks (past years, no future dates). Default: this year.",
        show_default=False,
    ),
]


def year_option(help_text: str) -> t.Any:
    """`--year` as the follow-up commands take it (report, export, import): optional, inside
    the years vae knows; each command says in `help_text` what the year means for it."""
    return typer.Option("--year", min=FIRST_YEAR, max=LAST_YEAR, help=help_text, show_default=False)


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


Lang = t.Annotated[
    Language | None,
    typer.Option(
        "--lang",
        help=f"Language of the messages and hints: {' or '.join(LANGUAGES)}. Default: "
        "$VAE_LANG, else the terminal's locale ($LC_ALL, $LC_MESSAGES, $LANG), else "
        f"{DEFAULT_LANGUAGE}.",
        show_default=False,
    ),
]
