"""Budgets and membership fees."""

from __future__ import annotations

import typing as t

from vae_cli.findings.diagnostics import Severity
from vae_cli.i18n.messages import msg
from vae_cli.i18n.numbers import Money
from vae_cli.rules import Context, Finding, rule


@rule("over-budget", Severity.WARNING)
def over_budget(ctx: Context) -> t.Iterator[Finding]:
    """An action's spending, summed over its progress entries, stays within its budget."""
    for i, action in enumerate(ctx.plan.actions):
        if action.budget_eur is None:
            continue
        spent = sum(p.spent_eur or 0 for p in action.progress)
        if spent > action.budget_eur:
            yield Finding(
                loc=("actions", i, "budget_eur"),
                message=msg(
                    'the action "{action}" has spent {spent}, more than its budget of {budget}',
                    action=action.id,
                    spent=Money(spent),
                    budget=Money(action.budget_eur),
                ),
                hint=msg("raise `budget_eur` if the council voted more, or check `spent_eur`"),
            )


@rule("membership-payment-missing", Severity.WARNING)
def membership_payment_missing(ctx: Context) -> t.Iterator[Finding]:
    """Every past year of membership has a membership payment.

    Membership of the network is paid yearly over the mandate, from the year it starts
    (`membership.since`, e.g. a city that declared its intent in November 2020 and joined in
    2021; without it, from the first year of the mandate); a past year (before `--as-of`)
    with no entry in `membership.payments` is probably an unpaid or unrecorded fee. A payment
    recorded for a year before `since`, or a `since` after the mandate, is reported too: one of
    the two is wrong.
    """
    membership = ctx.plan.membership
    paid = {p.year for p in membership.payments}
    fee = membership.annual_fee_eur
    since = membership.since
    if since is not None and since > ctx.plan.mandate.end:
        yield Finding(
            loc=("membership", "since"),
            message=msg(
                "the membership starts in {since}, after the mandate ends ({end})",
                since=since,
                end=ctx.plan.mandate.end,
            ),
            hint=msg(
                "write the first year the city is a member, e.g. since: {start}",
                start=ctx.plan.mandate.start,
            ),
        )
        return  # every payment would be "before it": the one finding says it all
    if since is not None:
        for i, payment in enumerate(membership.payments):
            if payment.year < since:
                yield Finding(
                    loc=("membership", "payments", i, "year"),
                    message=msg(
                        "a membership payment is recorded for {year}, before the membership "
                        "starts (`since: {since}`)",
                        year=payment.year,
                        since=since,
                    ),
                    hint=msg(
                        "set `since:` to the first year paid, or remove this payment",
                    ),
                )
    first = max(ctx.past_years.start, since or ctx.past_years.start)
    for year in range(first, ctx.past_years.stop):
        if year not in paid:
            yield Finding(
                loc=("membership", "payments")
                if "payments" in ctx.plan.membership.model_fields_set
                else ("membership",),
                at_key=True,
                message=msg("no membership payment recorded for {year}", year=year),
                hint=msg(
                    "add `- {{year: {year}, amount_eur: {amount}}}` under `payments:` "
                    "(or `vae record payment`)",
                    year=year,
                    amount=ctx.number(("membership", "annual_fee_eur"), fee),
                ),
            )


@rule("membership-payment-amount", Severity.WARNING)
def membership_payment_amount(ctx: Context) -> t.Iterator[Finding]:
    """Each membership payment equals the annual fee the council decided."""
    fee = ctx.plan.membership.annual_fee_eur
    for i, payment in enumerate(ctx.plan.membership.payments):
        if payment.amount_eur != fee:
            yield Finding(
                loc=("membership", "payments", i, "amount_eur"),
                message=msg(
                    "the {year} payment is {amount}, not the annual fee of {fee}",
                    year=payment.year,
                    amount=Money(payment.amount_eur),
                    fee=Money(fee),
                ),
                hint=msg("check the amount, or update `annual_fee_eur` if the fee changed"),
            )
