"""Is each action followed up?"""

from __future__ import annotations

import typing as t

from vae_cli.findings.diagnostics import Severity
from vae_cli.i18n.messages import msg
from vae_cli.models.plan import Status
from vae_cli.rules import Context, Finding, rule
from vae_cli.rules.placeholders import MARKER


@rule("action-without-indicator", Severity.WARNING)
def action_without_indicator(ctx: Context) -> t.Iterator[Finding]:
    """Every action has at least one indicator.

    The network asks cities to monitor progress against the plan's objectives (obligation
    `suivi`); an action with no indicator cannot show progress in the yearly follow-up. An
    action laid out by `vae init` and still to fill (its title starts with `À REMPLIR`) is
    reported by `to-fill` alone.
    """
    for i, action in enumerate(ctx.plan.actions):
        if not action.indicators and not action.title.lstrip().startswith(MARKER):
            yield Finding(
                loc=("actions", i, "id"),
                message=msg('the action "{action}" has no indicator', action=action.id),
                hint=msg(
                    "add under `indicators:` at least one figure with a baseline and a target"
                ),
            )


@rule("progress-missing", Severity.WARNING)
def progress_missing(ctx: Context) -> t.Iterator[Finding]:
    """Every action has a progress entry for each past year it ran.

    Cities send UNICEF France a yearly follow-up table. For each past year of the mandate (before
    `--as-of`) from the action's start, the action needs an entry in `progress:`, until an entry
    marks it done or abandoned; if a later entry reopens it, the years after that need entries
    again. An action still open after its planned `end` is overdue, not finished: its years keep
    needing entries (as the yearly report shows them « not reported »).
    """
    for i, action in enumerate(ctx.plan.actions):
        status_by_year = {p.year: p.status for p in action.progress}
        missing: list[int] = []
        closed = False
        for year in range(max(action.start, ctx.plan.mandate.start), ctx.past_years.stop):
            if year in status_by_year:
                closed = status_by_year[year] in (Status.DONE, Status.ABANDONED)
            elif not closed:
                missing.append(year)
        if missing:
            years = ", ".join(map(str, missing))
            yield Finding(
                loc=("actions", i, "progress") if action.progress else ("actions", i, "id"),
                at_key=bool(action.progress),
                message=msg(
                    'the action "{action}" has no progress entry for {years}',
                    action=action.id,
                    years=years,
                ),
                hint=msg(
                    "add `- {{year: {year}, status: in_progress}}` under `progress:` "
                    "(or `vae record progress`)",
                    year=missing[0],
                ),
            )
