"""Where each action and indicator stood at the end of a given year."""

from __future__ import annotations

import dataclasses
import enum

from vae_cli.models.plan import Action, Direction, Indicator, ProgressEntry, Status
from vae_cli.report.chart import Chart, build_chart
from vae_cli.report.progress import Assessment, ProgressStatus, assess


class YearStatus(enum.StrEnum):
    """An action's status in the report: the plan's statuses, plus "not reported"."""

    DONE = Status.DONE.value
    IN_PROGRESS = Status.IN_PROGRESS.value
    PLANNED = Status.PLANNED.value
    DELAYED = Status.DELAYED.value
    PAUSED = Status.PAUSED.value
    ABANDONED = Status.ABANDONED.value
    # A past year with no progress entry: the follow-up has a gap, which the report shows.
    NOT_REPORTED = "not_reported"


# Statuses that call for someone's attention in the view by lead department.
LATE = frozenset({YearStatus.DELAYED, YearStatus.PAUSED, YearStatus.NOT_REPORTED})
CLOSED = frozenset({Status.DONE, Status.ABANDONED})


def entry_for(action: Action, year: int) -> ProgressEntry | None:
    return next((p for p in action.progress if p.year == year), None)


def status_at(action: Action, year: int) -> YearStatus:
    """The status at the end of `year`: that year's entry; else a closed status carried forward
    (a done action stays done); else "planned" before the action starts, "not reported" after."""
    entry = entry_for(action, year)
    if entry is not None:
        return YearStatus(entry.status.value)
    earlier = sorted((p for p in action.progress if p.year < year), key=lambda p: p.year)
    if earlier and earlier[-1].status in CLOSED:
        return YearStatus(earlier[-1].status.value)
    if year < action.start:
        return YearStatus.PLANNED
    return YearStatus.NOT_REPORTED


def spent_in(action: Action, year: int) -> float | None:
    entry = entry_for(action, year)
    return None if entry is None else entry.spent_eur


def spent_through(action: Action, year: int) -> float:
    return sum(p.spent_eur or 0 for p in action.progress if p.year <= year)


@dataclasses.dataclass(frozen=True, kw_only=True)
class IndicatorView:
    indicator: Indicator
    measured: list[tuple[int, float]]  # measurements up to the report's year, after the baseline
    latest: tuple[int, float] | None  # the last of them
    assessment: Assessment
    chart: Chart

    @property
    def status(self) -> ProgressStatus:
        return self.assessment.status

    @property
    def zero_based(self) -> bool:
        """Open SDG replaces a base or target of 0 by 0.001, which can inflate the growth rate
        enormously (0 to 60 reads as faster than needed to reach 400): the report says so."""
        if self.status in (ProgressStatus.TARGET_ACHIEVED, ProgressStatus.NOT_AVAILABLE):
            return False
        return self.indicator.baseline.value == 0 or self.indicator.target.value == 0


def indicator_at(indicator: Indicator, year: int) -> IndicatorView:
    base = indicator.baseline
    measured = sorted(
        (m.year, m.value) for m in indicator.measurements if base.year < m.year <= year
    )
    latest = measured[-1] if measured else None
    latest_year, latest_value = latest or (base.year, base.value)
    assessment = assess(
        base_year=base.year,
        base_value=base.value,
        latest_year=latest_year,
        latest_value=latest_value,
        target_year=indicator.target.year,
        target_value=indicator.target.value,
        increase=indicator.direction is Direction.INCREASE,
    )
    chart = build_chart(
        base_year=base.year,
        base_value=base.value,
        target_year=indicator.target.year,
        target_value=indicator.target.value,
        measured=measured,
    )
    return IndicatorView(
        indicator=indicator, measured=measured, latest=latest, assessment=assessment, chart=chart
    )


@dataclasses.dataclass(frozen=True, kw_only=True)
class ActionView:
    action: Action
    status: YearStatus
    note: str | None  # what happened that year, from that year's entry
    spent_year: float | None
    spent_to_date: float
    indicators: list[IndicatorView]

    @property
    def late(self) -> bool:
        return self.status in LATE


def action_at(action: Action, year: int) -> ActionView:
    entry = entry_for(action, year)
    return ActionView(
        action=action,
        status=status_at(action, year),
        note=entry.note if entry else None,
        spent_year=spent_in(action, year),
        spent_to_date=spent_through(action, year),
        indicators=[indicator_at(indicator, year) for indicator in action.indicators],
    )
