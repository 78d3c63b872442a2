"""The `vae` application: every command registered here, each behind the one error handler.

Each command lives in its own module of this package and imports only typer and the standard
library at module level, so `vae --help` stays fast; what a command runs is imported when it
runs.
"""

from __future__ import annotations

import functools
import os
import sys
import typing as t

import typer

from vae_cli import __version__
from vae_cli.cli import diff, export, import_, init, network, record, report, schema, validate
from vae_cli.cli.light_flags import LightFlagsGroup
from vae_cli.cli.localized import VaeGroup, asked_language
from vae_cli.cli.options import err
from vae_cli.errors import ExitCode, VaeError
from vae_cli.i18n.language import language
from vae_cli.i18n.messages import msg, render

# What vae says when it stops, in the run's language.
ERROR = msg("vae: error: {message}")
HINT = msg("hint:")
INTERNAL_ERROR = (
    msg("vae: internal error ({kind}: {error})."),
    msg("  This is a bug in vae, not in your plan: please report it with the command you ran."),
    msg("  Set VAE_DEBUG=1 to see the details."),
)

P = t.ParamSpec("P")


def _new_app() -> typer.Typer:
    return typer.Typer(
        name="vae",
        help="Keep a « Ville amie des enfants » action plan as YAML: check it, render its reports.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        cls=VaeGroup,
    )


app = _new_app()
record_app = typer.Typer(
    name="record",
    help="Record one year's progress, indicator value or membership payment in a plan.",
    no_args_is_help=True,
    rich_markup_mode=None,
    cls=LightFlagsGroup,
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"vae {__version__}\n")
        raise typer.Exit()


def root(
    version: t.Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Keep a « Ville amie des enfants » action plan as YAML: check it, render its reports."""


app.callback()(root)


def handle_errors(command: t.Callable[P, None]) -> t.Callable[P, None]:
    """The one place where a VaeError becomes a message on stderr and an exit code (on one
    line each, made inert by `err`: a message may quote a file's name or a plan's value), in
    the command's `--lang`, else the language of the environment."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except VaeError as e:
            asked = kwargs.get("lang")
            lang = language(asked if isinstance(asked, str) else None)
            err(render(ERROR.fill(message=e.message), lang))
            if e.hint:
                err(f"  {render(HINT, lang)} {render(e.hint, lang)}")
            raise typer.Exit(int(e.exit_code)) from None

    return wrapper


COMMANDS: list[tuple[typer.Typer, str, t.Callable[..., None]]] = [
    (app, "validate", validate.validate),
    (app, "schema", schema.schema),
    (app, "report", report.report),
    (app, "network", network.network),
    (app, "diff", diff.diff),
    (app, "init", init.init),
    (app, "export", export.export),
    (app, "import", import_.import_),
    (record_app, "progress", record.progress),
    (record_app, "measure", record.measure),
    (record_app, "payment", record.payment),
]
for group, name, command in COMMANDS:
    group.command(name)(handle_errors(command))
app.add_typer(record_app, name="record")


def app_for(args: t.Sequence[str]) -> typer.Typer:
    """`app`, or for a command named first, an app of that command alone.

    Typer reads the signature of every command it registers before running one: a third of
    `vae validate`'s start-up went to the seven others. The command's own app behaves the
    same (its usage, options, errors and `--help`); `vae`, `vae --help` and a command name
    mistyped get the whole app, which lists every command.
    """
    name = args[0] if args else None
    if name == "record":
        only = _new_app()
        only.callback()(root)
        only.add_typer(record_app, name="record")
        return only
    for group, command_name, command in COMMANDS:
        if group is app and command_name == name:
            only = _new_app()
            only.callback()(root)
            only.command(name)(handle_errors(command))
            return only
    return app


def main() -> None:
    """Entry point of the `vae` script: a bug of ours is reported plainly, with exit code 3."""
    try:
        app_for(sys.argv[1:])()
    except Exception as e:  # pragma: no cover - only reached through a bug
        if os.environ.get("VAE_DEBUG"):
            raise
        lang = language(asked_language(sys.argv[1:]))
        what, bug, debug = INTERNAL_ERROR
        err(render(what.fill(kind=type(e).__name__, error=str(e)), lang))
        err(render(bug, lang))
        err(render(debug, lang))
        sys.exit(int(ExitCode.INTERNAL))
