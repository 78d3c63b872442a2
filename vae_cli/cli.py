"""The `vae` command line: options in, one core call, an exit code out. Nothing else lives here."""

from __future__ import annotations

import datetime as dt
import enum
import os
import sys
import typing as t
from pathlib import Path

import typer

from vae_cli import __version__
from vae_cli.cli_options import AsOf, PlanPaths, Referentials, err, handle_errors, use_color
from vae_cli.errors import ExitCode

app = typer.Typer(
    name="vae",
    help="Keep a « Ville amie des enfants » action plan as YAML: check it, render its reports.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"vae {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    version: t.Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Keep a « Ville amie des enfants » action plan as YAML: check it, render its reports."""


class OutputFormat(enum.StrEnum):
    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"
    sarif = "sarif"
    junit = "junit"


class LangOption(enum.StrEnum):  # the languages of vae_cli.messages
    en = "en"
    fr = "fr"


class FailOnOption(enum.StrEnum):  # mirrors outputs.FailOn, which the CLI imports lazily
    error = "error"
    warning = "warning"
    never = "never"


@app.command()
@handle_errors
def validate(
    paths: PlanPaths = None,
    output_format: t.Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="How to print the findings. Default: github inside GitHub Actions, else text.",
            show_default=False,
        ),
    ] = None,
    report: t.Annotated[
        list[str] | None,
        typer.Option(
            "--report",
            metavar="FORMAT:PATH",
            help="Also write the findings in FORMAT to the file PATH, e.g. sarif:vae.sarif. "
            "Repeatable.",
            show_default=False,
        ),
    ] = None,
    fail_on: t.Annotated[
        FailOnOption | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 on errors (the default), on warnings too, or never.",
            show_default=False,
        ),
    ] = None,
    strict: t.Annotated[bool, typer.Option(help="Same as --fail-on warning.")] = False,
    as_of: AsOf = None,
    referential: Referentials = None,
    lang: t.Annotated[
        LangOption | None,
        typer.Option(
            "--lang",
            help="Language of the messages and hints: en or fr. Default: $VAE_LANG, else the "
            "terminal's locale ($LC_ALL, $LC_MESSAGES, $LANG), else en.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check plans: shape, references, coverage of the network's obligations, years and money.

    Formats: text, json, github (workflow annotations, plus the job summary when
    $GITHUB_STEP_SUMMARY is set), gitlab (Code Quality), sarif, junit.

    Exit codes: 0 no error; 1 errors found (or warnings under --fail-on warning); 2 could not run
    as asked.
    """
    from vae_cli import outputs
    from vae_cli.check import Checker, collect_plans
    from vae_cli.messages import language

    reports = [outputs.Report.parse(value) for value in report or []]
    policy = outputs.resolve_fail_on(
        outputs.FailOn(fail_on.value) if fail_on else None, strict=strict
    )
    plans = collect_plans(paths or [])
    checker = Checker(
        as_of=as_of or dt.date.today().year,
        referential_files=referential or [],
        lang=language(lang.value if lang else None),
    )
    result = checker.check(plans)
    stdout_format = output_format.value if output_format else outputs.default_format(os.environ)
    sys.stdout.write(
        outputs.emit(result, stdout_format=stdout_format, reports=reports, color=use_color())
    )
    if outputs.fails(result, policy):
        raise typer.Exit(int(ExitCode.FINDINGS))


@app.command()
@handle_errors
def schema(
    output: t.Annotated[
        Path, typer.Option("--output", "-o", help="Folder to write the JSON Schemas to.")
    ] = Path("schemas"),
    check: t.Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 if the files are stale.")
    ] = False,
) -> None:
    """Write the JSON Schemas of the plan and referential formats (for editors and other tools)."""
    from vae_cli.schema_export import write_schemas

    stale = write_schemas(output, check=check)
    for path in stale:
        sys.stdout.write(f"{'stale' if check else 'wrote'} {path}\n")
    if check and stale:
        err("vae: the schemas are stale; run `vae schema` and commit the result")
        raise typer.Exit(int(ExitCode.FINDINGS))
    if not stale:
        sys.stdout.write(f"{output}: up to date\n")


def main() -> None:
    """Entry point of the `vae` script: a bug of ours is reported plainly, with exit code 3."""
    try:
        app()
    except Exception as e:  # pragma: no cover - only reached through a bug
        if os.environ.get("VAE_DEBUG"):
            raise
        err(f"vae: internal error ({type(e).__name__}: {e}).")
        err("  This is a bug in vae, not in your plan: please report it with the command you ran.")
        err("  Set VAE_DEBUG=1 to see the details.")
        sys.exit(int(ExitCode.INTERNAL))


# Commands that live in their own modules register here, one line each. Those modules import
# only typer and the standard library at module level, so `vae --help` stays fast.

from vae_cli.cli_report import report  # noqa: E402

app.command()(handle_errors(report))

from vae_cli.cli_diff import diff  # noqa: E402

app.command("diff")(handle_errors(diff))

from vae_cli.cli_record import record_app  # noqa: E402

app.add_typer(record_app, name="record")

from vae_cli.cli_init import init  # noqa: E402

app.command("init")(handle_errors(init))
