"""Years and values that must make sense against the mandate, the calendar and their unit."""

from __future__ import annotations

import datetime as dt
import typing as t

from vae_cli.findings.diagnostics import Severity
from vae_cli.i18n.messages import Message, msg
from vae_cli.models.plan import Direction, Indicator
from vae_cli.rules import Context, Finding, rule
from vae_cli.rules.placeholders import marked_to_fill

Loc = tuple[str | int, ...]


# What a yearly entry dates, in words; filled only for the entries a rule reports, since a large
# plan has tens of thousands of entries.
_PROGRESS = msg('progress of "{action}"')
_MEASUREMENT = msg('measurement of "{indicator}"')
_PAYMENT = msg("membership payment")


def _dated_entries(ctx: Context) -> t.Iterator[tuple[Loc, int, Message, str]]:
    """(loc of the year, year, what it dates, whose) for every yearly entry of the plan."""
    for i, action in enumerate(ctx.plan.actions):
        for j, entry in enumerate(action.progress):
            yield ("actions", i, "progress", j, "year"), entry.year, _PROGRESS, action.id
        for j, indicator in enumerate(action.indicators):
            for k, measurement in enumerate(indicator.measurements):
                loc = ("actions", i, "indicators", j, "measurements", k, "year")
                yield loc, measurement.year, _MEASUREMENT, indicator.id
    for i, payment in enumerate(ctx.plan.membership.payments):
        yield ("membership", "payments", i, "year"), payment.year, _PAYMENT, ""


def _what(description: Message, whose: str) -> Message:
    return description.fill(action=whose, indicator=whose) if whose else description


@rule("mandate-matches-referential", Severity.WARNING)
def mandate_matches_referential(ctx: Context) -> t.Iterator[Finding]:
    """The plan's mandate is the one its referential was written for.

    A network's requirements change from one mandate to the next: a 2026-2032 plan checked
    against the 2020-2026 referential is checked against the wrong list.
    """
    plan, ref = ctx.plan.mandate, ctx.referential.mandate
    if (plan.start, plan.end) != (ref.start, ref.end):
        yield Finding(
            loc=("referential",),
            message=msg(
                "the plan covers {start}-{end} but its referential {referential} is for "
                "{referential_start}-{referential_end}",
                start=plan.start,
                end=plan.end,
                referential=ctx.referential.id,
                referential_start=ref.start,
                referential_end=ref.end,
            ),
            hint=msg(
                "name the referential of this mandate (`vae init` lists the built-in ones), "
                "or a referential file of your network"
            ),
        )


@rule("year-in-mandate", Severity.ERROR)
def year_in_mandate(ctx: Context) -> t.Iterator[Finding]:
    """Progress entries, measurements and membership payments fall inside the mandate.

    A plan covers one mandate (e.g. 2020-2026); a year outside it is usually a typo. Baselines may
    lie before the mandate and are not checked here. A mandate that ends before it starts, which
    no year is inside, is reported by `start-before-end` alone.
    """
    start, end = ctx.plan.mandate.start, ctx.plan.mandate.end
    if end < start:
        return
    for loc, year, what, whose in _dated_entries(ctx):
        if not start <= year <= end:
            yield Finding(
                loc=loc,
                message=msg(
                    "the {what} is dated {year}, outside the mandate {start}-{end}",
                    what=_what(what, whose),
                    year=year,
                    start=start,
                    end=end,
                ),
                hint=msg("write a year from {start} to {end}", start=start, end=end),
            )


@rule("year-not-future", Severity.ERROR)
def year_not_future(ctx: Context) -> t.Iterator[Finding]:
    """No progress, measurement, payment or deliberation is dated after the current year.

    "Current" is `--as-of YEAR` (default: this year). Something that has not happened yet cannot
    be reported; targets say what is hoped for. Both the `year` of an entry and the `date` of a
    payment or deliberation are checked.
    """
    for loc, year, what, whose in _dated_entries(ctx):
        if year > ctx.as_of and ctx.plan.mandate.start <= year <= ctx.plan.mandate.end:
            yield Finding(
                loc=loc,
                message=msg(
                    "the {what} is dated {year}, after the current year {current}",
                    what=_what(what, whose),
                    year=year,
                    current=ctx.as_of,
                ),
                hint=msg("record it once the year has come, or check the year (see --as-of)"),
            )
    dates: list[tuple[Loc, dt.date | None, Message]] = [
        (
            ("membership", "payments", i, "date"),
            p.date,
            msg("{year} membership payment", year=p.year),
        )
        for i, p in enumerate(ctx.plan.membership.payments)
    ]
    dates += [
        (("deliberations", i, "date"), d.date, msg("deliberation"))
        for i, d in enumerate(ctx.plan.deliberations)
    ]
    for loc, date, what in dates:
        if date is not None and date.year > ctx.as_of:
            yield Finding(
                loc=loc,
                message=msg(
                    "the {what} is dated {date}, after the current year {current}",
                    what=what,
                    date=date.isoformat(),
                    current=ctx.as_of,
                ),
                hint=msg("check the date (YYYY-MM-DD), or see --as-of"),
            )


def reversed_mandate(start: int, end: int) -> t.Iterator[Finding]:
    """The finding of a mandate (a plan's or a referential's) that does not start before it
    ends, at its `end`."""
    if start >= end:
        yield Finding(
            loc=("mandate", "end"),
            message=msg("the mandate starts and ends in {end}", end=end)
            if start == end
            else msg("the mandate ends ({end}) before it starts ({start})", end=end, start=start),
            hint=msg("a municipal mandate lasts six years, e.g. start: 2020, end: 2026"),
        )


@rule("start-before-end", Severity.ERROR)
def start_before_end(ctx: Context) -> t.Iterator[Finding]:
    """The mandate and every action start before they end; a target comes after its baseline."""
    mandate = ctx.plan.mandate
    yield from reversed_mandate(mandate.start, mandate.end)
    for i, action in enumerate(ctx.plan.actions):
        if action.end is not None and action.end < action.start:
            yield Finding(
                loc=("actions", i, "end"),
                message=msg(
                    'the action "{action}" ends ({end}) before it starts ({start})',
                    action=action.id,
                    end=action.end,
                    start=action.start,
                ),
                hint=msg("swap the years, or leave `end:` empty for an ongoing action"),
            )
        for j, indicator in enumerate(action.indicators):
            if indicator.target.year <= indicator.baseline.year:
                yield Finding(
                    loc=("actions", i, "indicators", j, "target", "year"),
                    message=msg(
                        'the target of "{indicator}" ({target}) is not after its baseline '
                        "({baseline})",
                        indicator=indicator.id,
                        target=indicator.target.year,
                        baseline=indicator.baseline.year,
                    ),
                    hint=msg("the target year comes after the baseline year"),
                )


@rule("target-direction", Severity.ERROR)
def target_direction(ctx: Context) -> t.Iterator[Finding]:
    """An indicator's target lies in its direction from the baseline.

    With `direction: increase` the target is at least the baseline, with `decrease` at most (a
    target equal to the baseline says "keep it there"). Otherwise one of the two is a typo, and
    the yearly report would show the target as reached from the start. A target still marked
    `# À REMPLIR` (by `vae init --from`) is reported by `to-fill` alone.
    """
    for i, action in enumerate(ctx.plan.actions):
        for j, indicator in enumerate(action.indicators):
            base, target = indicator.baseline.value, indicator.target.value
            up = indicator.direction is Direction.INCREASE
            against = (up and target < base) or (not up and target > base)
            at: Loc = ("actions", i, "indicators", j)
            if against and not marked_to_fill(ctx, (*at, "target")):
                yield Finding(
                    loc=(*at, "direction"),
                    message=(
                        msg(
                            'the target of "{indicator}" ({target}) is below its baseline '
                            "({baseline}), but its direction is {direction}"
                        )
                        if up
                        else msg(
                            'the target of "{indicator}" ({target}) is above its baseline '
                            "({baseline}), but its direction is {direction}"
                        )
                    ).fill(
                        indicator=indicator.id,
                        target=ctx.number((*at, "target", "value"), target),
                        baseline=ctx.number((*at, "baseline", "value"), base),
                        direction=indicator.direction.value,
                    ),
                    hint=msg(
                        "write `direction: {direction}`, or check the baseline and target values",
                        direction="decrease" if up else "increase",
                    ),
                )


@rule("measurement-before-baseline", Severity.WARNING)
def measurement_before_baseline(ctx: Context) -> t.Iterator[Finding]:
    """No measurement of an indicator predates its baseline.

    Progress is measured from the baseline: a value from an earlier year is not counted in the
    progress status. Either the baseline year is too late, or that value belongs to the
    baseline itself.
    """
    for i, action in enumerate(ctx.plan.actions):
        for j, indicator in enumerate(action.indicators):
            for k, measurement in enumerate(indicator.measurements):
                if measurement.year < indicator.baseline.year:
                    yield Finding(
                        loc=("actions", i, "indicators", j, "measurements", k, "year"),
                        message=msg(
                            'the {year} measurement of "{indicator}" predates its baseline '
                            "({baseline})",
                            year=measurement.year,
                            indicator=indicator.id,
                            baseline=indicator.baseline.year,
                        ),
                        hint=msg(
                            "make the earliest value the baseline, or check the years: values "
                            "before the baseline are not counted in the progress status"
                        ),
                    )


@rule("target-in-mandate", Severity.ERROR)
def target_in_mandate(ctx: Context) -> t.Iterator[Finding]:
    """Every indicator's target year falls inside the mandate.

    The plan commits the city for its mandate; a target beyond it cannot be reviewed at the end of
    the mandate. A mandate that ends before it starts is reported by `start-before-end` alone.
    """
    start, end = ctx.plan.mandate.start, ctx.plan.mandate.end
    if end < start:
        return
    for i, action in enumerate(ctx.plan.actions):
        for j, indicator in enumerate(action.indicators):
            if not start <= indicator.target.year <= end:
                yield Finding(
                    loc=("actions", i, "indicators", j, "target", "year"),
                    message=msg(
                        'the target of "{indicator}" is set for {year}, outside the mandate '
                        "{start}-{end}",
                        indicator=indicator.id,
                        year=indicator.target.year,
                        start=start,
                        end=end,
                    ),
                    hint=msg("set a target year from {start} to {end}", start=start, end=end),
                )


def _values(indicator: Indicator, base: Loc) -> t.Iterator[tuple[Loc, float]]:
    yield (*base, "baseline", "value"), indicator.baseline.value
    yield (*base, "target", "value"), indicator.target.value
    for k, measurement in enumerate(indicator.measurements):
        yield (*base, "measurements", k, "value"), measurement.value


@rule("percentage-range", Severity.ERROR)
def percentage_range(ctx: Context) -> t.Iterator[Finding]:
    """Values of an indicator whose unit is `%` lie between 0 and 100."""
    for i, action in enumerate(ctx.plan.actions):
        for j, indicator in enumerate(action.indicators):
            if indicator.unit.strip() != "%":
                continue
            for loc, value in _values(indicator, ("actions", i, "indicators", j)):
                if not 0 <= value <= 100:
                    yield Finding(
                        loc=loc,
                        message=msg(
                            '{value} % is not a percentage (indicator "{indicator}")',
                            value=ctx.number(loc, value),
                            indicator=indicator.id,
                        ),
                        hint=msg("write a value from 0 to 100, or change the unit"),
                    )


def _repeated_years(entries: t.Iterable[tuple[Loc, int]], what: Message) -> t.Iterator[Finding]:
    seen: set[int] = set()
    for loc, year in entries:
        if year in seen:
            yield Finding(
                loc=loc,
                message=msg("{what} has two entries for {year}", what=what, year=year),
                hint=msg("keep one entry per year (merge them, or fix the year)"),
            )
        seen.add(year)


@rule("one-entry-per-year", Severity.ERROR)
def one_entry_per_year(ctx: Context) -> t.Iterator[Finding]:
    """An action has one progress entry a year, an indicator one measurement a year, and the
    membership one payment a year."""
    for i, action in enumerate(ctx.plan.actions):
        yield from _repeated_years(
            (
                (("actions", i, "progress", j, "year"), p.year)
                for j, p in enumerate(action.progress)
            ),
            msg('the action "{action}"', action=action.id),
        )
        for j, indicator in enumerate(action.indicators):
            yield from _repeated_years(
                (
                    (("actions", i, "indicators", j, "measurements", k, "year"), m.year)
                    for k, m in enumerate(indicator.measurements)
                ),
                msg('the indicator "{indicator}"', indicator=indicator.id),
            )
    yield from _repeated_years(
        (
            (("membership", "payments", i, "year"), p.year)
            for i, p in enumerate(ctx.plan.membership.payments)
        ),
        msg("the membership"),
    )
