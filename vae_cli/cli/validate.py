"""`vae validate`: check plans, print the findings in a format, exit 1 when they fail the run.

Only typer and the standard library at module level: `vae validate` and `vae --help` stay fast.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import sys
import typing as t
from pathlib import Path

import typer

from vae_cli.cli.options import AsOf, Color, Lang, PlanPaths, Referentials, use_color
from vae_cli.errors import ExitCode, UsageError

# The plan argument that reads the plan from standard input, and the name it is shown under.
STDIN = "-"
STDIN_SHOWN = "<stdin>"


class OutputFormat(enum.StrEnum):
    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"
    sarif = "sarif"
    junit = "junit"


class FailOnOption(enum.StrEnum):  # mirrors outputs.FailOn, which the CLI imports lazily
    error = "error"
    warning = "warning"
    never = "never"


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
    lang: Lang = None,
    quiet: t.Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Only the findings: no line per file, no summary (text format)."
        ),
    ] = False,
    color: Color = "auto",
    stdin_name: t.Annotated[
        Path | None,
        typer.Option(
            "--stdin-name",
            metavar="PATH",
            help="With PLAN `-` (the plan read from standard input): the path to show and to "
            "find its referential and .vae.yaml from, e.g. the editor's file.",
            show_default=False,
        ),
    ] = None,
    config: t.Annotated[
        Path | None,
        typer.Option(
            "--config",
            metavar="FILE",
            help="The rules' configuration to use. Default: the .vae.yaml nearest to each plan "
            "(its folder or a parent, up to the repository's root).",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Check plans: shape, references, coverage of the network's obligations, years and money.

    Formats: text, json, github (workflow annotations, plus the job summary when
    $GITHUB_STEP_SUMMARY is set), gitlab (Code Quality), sarif, junit.

    Exit codes: 0 no error; 1 errors found (or warnings under --fail-on warning); 2 could not run
    as asked.
    """
    from vae_cli.check import Checker, collect_plans
    from vae_cli.config import Configs
    from vae_cli.findings import outputs
    from vae_cli.i18n.language import language
    from vae_cli.i18n.messages import msg

    reports = [outputs.Report.parse(value) for value in report or []]
    policy = outputs.resolve_fail_on(
        outputs.FailOn(fail_on.value) if fail_on else None, strict=strict
    )
    contents: dict[Path, bytes] = {}
    if paths and any(str(p) == STDIN for p in paths):
        if len(paths) > 1:
            raise UsageError(
                msg("`-` (a plan on standard input) cannot be checked with other files"),
                hint=msg("check the piped plan in a run of its own"),
            )
        plan = stdin_name or Path(STDIN_SHOWN)
        contents[plan] = _read_stdin()
        plans = [plan]
    else:
        plans = collect_plans(paths or [])
    configs = Configs(config)
    this_year = dt.date.today().year
    checker = Checker(
        as_of=as_of or this_year,
        referential_files=referential or [],
        configs=configs,
        # `--as-of` a past year: the plan as it stood then, without what was recorded since.
        stood_at=as_of if as_of is not None and as_of < this_year else None,
    )
    result = checker.check(plans, contents=contents)
    stdout_format = output_format.value if output_format else outputs.default_format(os.environ)
    sys.stdout.write(
        outputs.emit(
            result,
            stdout_format=stdout_format,
            reports=reports,
            inputs=[*plans, *checker.referentials_read(), *configs.files_read()],
            lang=language(lang),
            color=use_color(color),
            quiet=quiet,
            fail_on=policy,
        )
    )
    if outputs.fails(result, policy):
        raise typer.Exit(int(ExitCode.FINDINGS))


def _read_stdin() -> bytes:
    """The piped plan's bytes, at most one more than a plan may hold (the loader says so)."""
    from vae_cli.i18n.messages import msg
    from vae_cli.reading.yaml_document import MAX_BYTES

    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError(
            msg("`-` reads a plan from standard input, and nothing is piped in"),
            hint=msg("e.g. cat plans/dijon-2020.yaml | vae validate -"),
        )
    return sys.stdin.buffer.read(MAX_BYTES + 1)
