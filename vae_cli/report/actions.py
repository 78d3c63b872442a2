"""Where each action and indicator stood at the end of a given year."""

from __future__ import annotations

import dataclasses
import enum

from vae_cli.models.plan import Action, Indicator, ProgressEntry, Status
from vae_cli.report.chart import Chart, build_chart
from vae_cli.report.progress import Assessment, Method, ProgressStatus, indicator_status


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


class Standing(enum.StrEnum):
    """Where an action stands against its own dates, for a headline fair to continuous actions
    (no `end`), which are never "done" and are on track while under way."""

    ON_TRACK = "on_track"  # under way, within its dates (or with no end)
    NOT_STARTED = "not_started"  # planned, and its start year has not passed
    LATE = "late"  # delayed; still planned after its start year; not done after its end year
    STOPPED = "stopped"  # paused or abandoned
    DONE = "done"
    NOT_REPORTED = "not_reported"  # no entry for the year


class Lateness(enum.StrEnum):
    """Why an action is late."""

    DELAYED = "delayed"  # its entry says so
    NOT_STARTED = "not_started"  # still planned after its start year
    PAST_END = "past_end"  # not done after its planned last year


# Statuses that call for someone's attention in the view by lead department.
LATE = frozenset({YearStatus.DELAYED, YearStatus.PAUSED, YearStatus.NOT_REPORTED})
CLOSED = frozenset({Status.DONE, Status.ABANDONED})


def standing_at(action: Action, status: YearStatus, year: int) -> tuple[Standing, Lateness | None]:
    """Where `action`, of `status` at the end of `year`, stands against its dates."""
    if status is YearStatus.DONE:
        return Standing.DONE, None
    if status in (YearStatus.PAUSED, YearStatus.ABANDONED):
        return Standing.STOPPED, None
    if status is YearStatus.NOT_REPORTED:
        return Standing.NOT_REPORTED, None
    if status is YearStatus.DELAYED:
        return Standing.LATE, Lateness.DELAYED
    if action.end is not None and year > action.end:
        return Standing.LATE, Lateness.PAST_END
    if status is YearStatus.PLANNED:
        if year > action.start:
            return Standing.LATE, Lateness.NOT_STARTED
        return Standing.NOT_STARTED, None
    return Standing.ON_TRACK, None


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

    @property
    def chart(self) -> Chart:
        """The indicator's chart, drawn when it is read: the views of the year before, which
        the comparison with last year builds, are never drawn."""
        base = self.indicator.baseline
        return build_chart(
            base_year=base.year,
            base_value=base.value,
            target_year=self.indicator.target.year,
            target_value=self.indicator.target.value,
            measured=self.measured,
        )

    @property
    def status(self) -> ProgressStatus:
        return self.assessment.status

    @property
    def method(self) -> Method:
        return self.assessment.method

    @property
    def unchanged(self) -> bool:
        """Measured again, and still at the baseline: no change, which is not a fall."""
        return bool(self.measured) and self.measured[-1][1] == self.indicator.baseline.value


def indicator_at(indicator: Indicator, year: int) -> IndicatorView:
    base = indicator.baseline
    measured = sorted(
        (m.year, m.value) for m in indicator.measurements if base.year < m.year <= year
    )
    return IndicatorView(
        indicator=indicator,
        measured=measured,
        latest=measured[-1] if measured else None,
        assessment=indicator_status(indicator, year),
    )


@dataclasses.dataclass(frozen=True, kw_only=True)
class ActionView:
    action: Action
    status: YearStatus
    note: str | None  # what happened that year, from that year's entry
    spent_year: float | None
    spent_to_date: float
    indicators: list[IndicatorView]
    standing: Standing
    lateness: Lateness | None = None

    @property
    def late(self) -> bool:
        """Needs attention: delayed, paused, not reported, or behind its own dates."""
        return self.status in LATE or self.standing is Standing.LATE

    @property
    def abandoned(self) -> bool:
        """An abandoned action covers nothing and its indicators are left out of the counts."""
        return self.status is YearStatus.ABANDONED

    @property
    def illustrative(self) -> bool:
        """Sample content (no source gives it): its figures are marked wherever they appear."""
        return self.action.illustrative


def action_at(action: Action, year: int) -> ActionView:
    entry = entry_for(action, year)
    status = status_at(action, year)
    standing, lateness = standing_at(action, status, year)
    return ActionView(
        action=action,
        status=status,
        standing=standing,
        lateness=lateness,
        note=entry.note if entry else None,
        spent_year=spent_in(action, year),
        spent_to_date=spent_through(action, year),
        indicators=[indicator_at(indicator, year) for indicator in action.indicators],
    )


def counted_indicators(views: list[ActionView]) -> list[IndicatorView]:
    """The indicators the counts are made of: an abandoned action's are left out."""
    return [i for a in views if not a.abandoned for i in a.indicators]
