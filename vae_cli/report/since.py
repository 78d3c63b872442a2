"""Since last year: what changed in the actions' status, the spending and the indicators
against the year before, the first thing a council asks."""

from __future__ import annotations

import dataclasses

from vae_cli.models.plan import Plan
from vae_cli.models.referential import Referential
from vae_cli.report.actions import ActionView, action_at, counted_indicators
from vae_cli.report.coverage import ObligationCoverage, obligations_coverage
from vae_cli.report.progress import ProgressStatus

# Best first; "not available" has no rank: a change to or from it is neither better nor worse.
_RANK = [
    ProgressStatus.TARGET_ACHIEVED,
    ProgressStatus.SUBSTANTIAL,
    ProgressStatus.MODERATE,
    ProgressStatus.LIMITED,
    ProgressStatus.DETERIORATION,
    ProgressStatus.TARGET_MISSED,
]


@dataclasses.dataclass(frozen=True, kw_only=True)
class StatusChange:
    action_id: str
    action: str  # its title
    before: str  # the status at the end of the year before
    after: str


@dataclasses.dataclass(frozen=True, kw_only=True)
class IndicatorChange:
    action_id: str
    action: str
    indicator: str  # its label
    unit: str
    before: ProgressStatus
    after: ProgressStatus
    value_before: float | None  # the latest value known then
    value_after: float | None
    illustrative: bool

    @property
    def better(self) -> bool:
        return (
            self.before in _RANK and self.after in _RANK and _rank(self.after) < _rank(self.before)
        )

    @property
    def worse(self) -> bool:
        return (
            self.before in _RANK and self.after in _RANK and _rank(self.after) > _rank(self.before)
        )


def _rank(status: ProgressStatus) -> int:
    return _RANK.index(status)


@dataclasses.dataclass(frozen=True, kw_only=True)
class SinceLastYear:
    year: int  # the year before
    statuses: list[StatusChange]  # actions whose status changed
    spent_year: float  # spent in the report's year
    spent_before: float  # spent in the year before
    indicators: list[IndicatorChange]  # counted indicators whose status changed
    measured: int  # counted indicators with a value measured in the report's year
    counted: int  # counted indicators
    covered_before: int  # obligations covered at the end of the year before
    covered: int

    @property
    def better(self) -> int:
        return sum(c.better for c in self.indicators)

    @property
    def worse(self) -> int:
        return sum(c.worse for c in self.indicators)

    @property
    def first(self) -> int:
        """Indicators assessed for the first time: "not available" the year before."""
        return sum(
            c.before is ProgressStatus.NOT_AVAILABLE and c.after is not ProgressStatus.NOT_AVAILABLE
            for c in self.indicators
        )


def since_last_year(
    plan: Plan,
    referential: Referential,
    year: int,
    actions: list[ActionView],
    obligations: list[ObligationCoverage],
) -> SinceLastYear | None:
    """`actions` and `obligations` at the end of `year` against the year before; None in the
    mandate's first year, which has no year before."""
    if year <= plan.mandate.start:
        return None
    earlier = {a.id: action_at(a, year - 1) for a in plan.actions}
    covered_before = sum(
        o.covered for o in obligations_coverage(plan, referential, earlier, year=year - 1)
    )
    statuses = [
        StatusChange(
            action_id=a.action.id,
            action=a.action.title,
            before=earlier[a.action.id].status.value,
            after=a.status.value,
        )
        for a in actions
        if earlier[a.action.id].status is not a.status
    ]
    changes: list[IndicatorChange] = []
    counted = counted_indicators(actions)
    for a in actions:
        if a.abandoned:
            continue
        before = {i.indicator.id: i for i in earlier[a.action.id].indicators}
        for i in a.indicators:
            was = before[i.indicator.id]
            if was.status is i.status:
                continue
            changes.append(
                IndicatorChange(
                    action_id=a.action.id,
                    action=a.action.title,
                    indicator=i.indicator.label,
                    unit=i.indicator.unit,
                    before=was.status,
                    after=i.status,
                    value_before=was.assessment.latest_value,
                    value_after=i.assessment.latest_value,
                    illustrative=a.illustrative or i.indicator.illustrative,
                )
            )
    return SinceLastYear(
        year=year - 1,
        statuses=statuses,
        spent_year=sum(a.spent_year or 0 for a in actions),
        spent_before=sum(earlier[a.action.id].spent_year or 0 for a in actions),
        indicators=changes,
        measured=sum(bool(i.measured) and i.measured[-1][0] == year for i in counted),
        counted=len(counted),
        covered_before=covered_before,
        covered=sum(o.covered for o in obligations),
    )
