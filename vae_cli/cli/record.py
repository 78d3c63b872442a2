"""`vae record progress|measure|payment`: add one year's entry to a plan without touching the
rest of the file. Only typer and the standard library are imported here (see app.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import sys
import typing as t
from pathlib import Path

import typer

from vae_cli.cli.options import AsOf, Lang, Referentials, out
from vae_cli.plan_format import FIRST_YEAR, LAST_YEAR

if t.TYPE_CHECKING:
    from vae_cli.editing.record import Outcome
    from vae_cli.i18n.messages import Text

PlanArg = t.Annotated[
    Path, typer.Argument(help="The plan file to edit.", show_default=False, metavar="PLAN")
]
YearOpt = t.Annotated[
    int,
    typer.Option("--year", min=FIRST_YEAR, max=LAST_YEAR, help="The year the entry is for."),
]
ReplaceOpt = t.Annotated[
    bool, typer.Option("--replace", help="Replace the entry if that year already has one.")
]
DryRunOpt = t.Annotated[
    bool, typer.Option("--dry-run", help="Print the change as a unified diff; write nothing.")
]


def progress(
    plan: PlanArg,
    action: t.Annotated[str, typer.Argument(help="Id of the action.", show_default=False)],
    year: YearOpt,
    status: t.Annotated[
        str,
        typer.Option(
            "--status",
            help="Where the action stood at the end of the year: planned, in_progress, done, "
            "delayed, paused or abandoned.",
        ),
    ],
    spent: t.Annotated[
        str | None, typer.Option("--spent", help="Euros spent on it that year.")
    ] = None,
    note: t.Annotated[
        str | None, typer.Option("--note", help="What happened, in a sentence or two.")
    ] = None,
    replace: ReplaceOpt = False,
    dry_run: DryRunOpt = False,
    as_of: AsOf = None,
    referential: Referentials = None,
    lang: Lang = None,
) -> None:
    """Record an action's status (and spending) for a year."""
    from vae_cli.editing import record as r
    from vae_cli.editing.arguments import check_text, parse_number, reading, status_value

    action = check_text(action, "the action id")
    typed = check_text(status, "--status")
    status = r.check_status(status_value(typed))
    note = check_text(note, "--note", lines=True)
    spent_eur = parse_number(spent, "--spent", money=True) if spent is not None else None
    r.check_amount(spent_eur, "--spent")
    new = r.entry(year=year, status=status, spent_eur=spent_eur, note=note)
    locate = functools.partial(_locate_action, action)
    readings = [reading("--status", typed, status), reading("--spent", spent, spent_eur)]
    options = _Options(replace, dry_run, as_of, referential, lang)
    _run(plan, locate, new, options, readings=readings)


def measure(
    plan: PlanArg,
    indicator: t.Annotated[str, typer.Argument(help="Id of the indicator.", show_default=False)],
    year: YearOpt,
    value: t.Annotated[str, typer.Option("--value", help="The value, in the indicator's unit.")],
    source: t.Annotated[
        str | None, typer.Option("--source", help="Where the figure comes from.")
    ] = None,
    replace: ReplaceOpt = False,
    dry_run: DryRunOpt = False,
    as_of: AsOf = None,
    referential: Referentials = None,
    lang: Lang = None,
) -> None:
    """Record an indicator's value for a year."""
    from vae_cli.editing import record as r
    from vae_cli.editing.arguments import check_text, parse_number, reading

    indicator = check_text(indicator, "the indicator id")
    source = check_text(source, "--source")
    number = parse_number(value, "--value")
    r.check_amount(number, "--value", negative=True)
    new = r.entry(year=year, value=number, source=source)
    locate = functools.partial(_locate_indicator, indicator)
    options = _Options(replace, dry_run, as_of, referential, lang)
    _run(plan, locate, new, options, readings=[reading("--value", value, number)])


def payment(
    plan: PlanArg,
    year: YearOpt,
    amount: t.Annotated[str, typer.Option("--amount", help="Euros paid.")],
    date: t.Annotated[
        str | None, typer.Option("--date", help="Date of payment, YYYY-MM-DD.")
    ] = None,
    replace: ReplaceOpt = False,
    dry_run: DryRunOpt = False,
    as_of: AsOf = None,
    referential: Referentials = None,
    lang: Lang = None,
) -> None:
    """Record the membership fee paid for a year."""
    from vae_cli.editing import record as r
    from vae_cli.editing.arguments import check_text, parse_number, reading

    amount_eur = parse_number(amount, "--amount", money=True)
    r.check_amount(amount_eur, "--amount")
    r.check_date(check_text(date, "--date"))
    new = r.entry(year=year, amount_eur=amount_eur, date=date)
    options = _Options(replace, dry_run, as_of, referential, lang)
    _run(plan, _locate_membership, new, options, readings=[reading("--amount", amount, amount_eur)])


def _locate_action(action_id: str, document: t.Any, source: t.Any) -> t.Any:
    from vae_cli.editing.record import action_target

    return action_target(document, source, action_id)


def _locate_indicator(indicator_id: str, document: t.Any, source: t.Any) -> t.Any:
    from vae_cli.editing.record import indicator_target

    return indicator_target(document, source, indicator_id)


def _locate_membership(document: t.Any, source: t.Any) -> t.Any:
    from vae_cli.editing.record import membership_target

    return membership_target(document, source)


@dataclasses.dataclass(frozen=True)
class _Options:
    """What every `vae record` command takes besides its entry."""

    replace: bool
    dry_run: bool
    as_of: int | None
    referential: list[Path] | None
    lang: str | None


def _run(
    plan: Path,
    locate: t.Callable[[t.Any, t.Any], t.Any],
    new: dict[str, t.Any],
    options: _Options,
    *,
    readings: t.Sequence[Text | None] = (),
) -> None:
    from vae_cli.check import Checker
    from vae_cli.editing.errors import EditRefused
    from vae_cli.editing.record import record
    from vae_cli.i18n.language import language
    from vae_cli.i18n.messages import msg, render
    from vae_cli.terminal import inert_lines

    written_in = language(options.lang)
    checker = Checker(
        as_of=options.as_of or dt.date.today().year, referential_files=options.referential or []
    )
    outcome = record(plan, locate, new, replace=options.replace, checker=checker)
    if options.dry_run:
        sys.stdout.write(inert_lines(outcome.diff()))
    if outcome.new_errors:
        _show(outcome, outcome.new_errors, sys.stderr, written_in)
        count = len(outcome.new_errors)
        refusal = (
            msg("this would add 1 error to {plan}; nothing was written")
            if count == 1
            else msg("this would add {count} errors to {plan}; nothing was written")
        )
        raise EditRefused(
            refusal.fill(count=count, plan=outcome.source.shown),
            hint=msg("check the values given (the findings above say what is wrong)"),
        )
    if options.dry_run:
        return
    if outcome.new_text != outcome.source.text:  # nothing to write: the file keeps its date
        outcome.source.write(outcome.new_text)
    said = msg("{plan}: {summary}.", plan=outcome.source.shown, summary=outcome.summary)
    out(render(said, written_in))
    for read in readings:  # a value read otherwise than typed (`47,5`) is said as recorded
        if read:
            out(render(read, written_in))
    if outcome.new_warnings:
        count = len(outcome.new_warnings)
        adds = msg("It adds 1 warning:") if count == 1 else msg("It adds {count} warnings:")
        out(render(adds.fill(count=count), written_in))
        _show(outcome, outcome.new_warnings, sys.stdout, written_in)


def _show(outcome: Outcome, diagnostics: list[t.Any], stream: t.TextIO, lang: str) -> None:
    from vae_cli.findings.formats.text import render_diagnostic

    for diagnostic in diagnostics:
        stream.write(render_diagnostic(diagnostic, outcome.result, lang=lang) + "\n")
