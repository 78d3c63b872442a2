"""The follow-up's points to watch: what a council member should look at, found in the report's
own data and named by title (the validator's findings are for whoever edits the plan)."""

from __future__ import annotations

import dataclasses
import enum

from vae_cli.models.common import Localized
from vae_cli.models.plan import Consultation
from vae_cli.models.referential import Commitment
from vae_cli.report.actions import ActionView, Lateness, Standing, YearStatus
from vae_cli.report.coverage import ObligationCoverage
from vae_cli.report.progress import ProgressStatus


class Watch(enum.StrEnum):
    """The kinds of points to watch, in the order the report lists them."""

    NO_CONSULTATION = "no_consultation"  # the consultation obligation, no consultation held
    ONLY_ABANDONED = "only_abandoned"  # an obligation covered only by abandoned actions
    WEAK = "weak"  # an obligation covered by no action on track or done
    COMMITMENT_ONLY_ABANDONED = "commitment_only_abandoned"
    LATE = "late"
    PAUSED = "paused"
    ABANDONED_SPENT = "abandoned_spent"  # abandoned after money was spent on it
    NOT_REPORTED = "not_reported"  # no progress entry for the year
    OVER_BUDGET = "over_budget"
    TARGET_MISSED = "target_missed"
    FALLING = "falling"  # deterioration
    UNCHANGED = "unchanged"  # measured again, still at the baseline
    OFF_TRACK = "off_track"  # below the path to the target (moderate or limited progress)
    NOT_MEASURED = "not_measured"  # no value for the year
    UNPAID = "unpaid"  # membership years with no payment
    FEW_RESPONDENTS = "few_respondents"  # fewer questionnaires than a local extract needs


@dataclasses.dataclass(frozen=True, kw_only=True)
class PointToWatch:
    """One point: its kind and the values its sentence needs (the others are None)."""

    kind: Watch
    action_id: str | None = None  # for a link to the action's section
    action: str | None = None  # the action's title
    illustrative: bool = False  # the action's figures are sample content
    indicator: str | None = None  # the indicator's label
    unit: str | None = None
    value: float | None = None  # the latest value
    year: int | None = None  # the latest value's year, or the year missing
    expected: float | None = None  # the value the path to the target expects then, to 0.1
    target: float | None = None
    target_year: int | None = None
    amount: float | None = None  # money spent
    budget: float | None = None
    lateness: Lateness | None = None
    start: int | None = None
    end: int | None = None
    obligation: Localized | None = None
    commitment: Localized | None = None
    years: list[int] = dataclasses.field(default_factory=list)
    respondents: int | None = None
    minimum: int | None = None
    edition: str | None = None


def points_to_watch(
    *,
    year: int,
    obligations: list[ObligationCoverage],
    commitments: list[tuple[Commitment, list[ActionView]]],
    actions: list[ActionView],
    consultation: tuple[Consultation | None, int | None] | None,
    unpaid_years: list[int],
    in_progress: bool = False,
) -> list[PointToWatch]:
    """Every point to watch at the end of `year`, in the order of `Watch`. `consultation` is
    the consultation held and the questionnaires a local extract needs, or None while the
    edition still runs. A year `in_progress` is not over: what it has not recorded yet (its
    progress entries, values and payment) is not overdue, as for `vae validate`."""
    points: list[PointToWatch] = []
    for o in obligations:
        if o.active and o.consultation_held is False:
            points.append(PointToWatch(kind=Watch.NO_CONSULTATION, obligation=o.obligation.label))
        elif o.only_abandoned:
            points.append(PointToWatch(kind=Watch.ONLY_ABANDONED, obligation=o.obligation.label))
        elif o.weak:
            points.append(PointToWatch(kind=Watch.WEAK, obligation=o.obligation.label))
    for commitment, served in commitments:
        if served and all(a.abandoned for a in served):
            points.append(
                PointToWatch(kind=Watch.COMMITMENT_ONLY_ABANDONED, commitment=commitment.label)
            )
    points += [p for a in actions for p in _action_points(a)]
    points += [p for a in actions if not a.abandoned for p in _indicator_points(a, year)]
    if in_progress:
        points = [p for p in points if p.kind not in (Watch.NOT_REPORTED, Watch.NOT_MEASURED)]
        unpaid_years = [y for y in unpaid_years if y != year]
    if unpaid_years:
        points.append(PointToWatch(kind=Watch.UNPAID, years=unpaid_years))
    if consultation is not None:
        held, minimum = consultation
        if held is not None and minimum is not None and held.respondents < minimum:
            points.append(
                PointToWatch(
                    kind=Watch.FEW_RESPONDENTS,
                    edition=held.edition,
                    respondents=held.respondents,
                    minimum=minimum,
                )
            )
    order = list(Watch)
    return sorted(points, key=lambda p: order.index(p.kind))


def _action_points(a: ActionView) -> list[PointToWatch]:
    about = PointToWatch(
        kind=Watch.LATE, action_id=a.action.id, action=a.action.title, illustrative=a.illustrative
    )
    points: list[PointToWatch] = []
    if a.standing is Standing.LATE:
        points.append(
            dataclasses.replace(about, lateness=a.lateness, start=a.action.start, end=a.action.end)
        )
    elif a.standing is Standing.NOT_REPORTED:
        points.append(dataclasses.replace(about, kind=Watch.NOT_REPORTED))
    elif a.status is YearStatus.PAUSED:
        points.append(dataclasses.replace(about, kind=Watch.PAUSED))
    elif a.abandoned and a.spent_to_date > 0:
        points.append(
            dataclasses.replace(about, kind=Watch.ABANDONED_SPENT, amount=a.spent_to_date)
        )
    budget = a.action.budget_eur
    if budget is not None and a.spent_to_date > budget:
        points.append(
            dataclasses.replace(
                about, kind=Watch.OVER_BUDGET, amount=a.spent_to_date, budget=budget
            )
        )
    return points


def _indicator_points(a: ActionView, year: int) -> list[PointToWatch]:
    points: list[PointToWatch] = []
    for i in a.indicators:
        ind = i.indicator
        about = PointToWatch(
            kind=Watch.OFF_TRACK,
            action_id=a.action.id,
            action=a.action.title,
            illustrative=a.illustrative or ind.illustrative,
            indicator=ind.label,
            unit=ind.unit,
            value=i.assessment.latest_value,
            year=i.assessment.latest_year,
            target=ind.target.value,
            target_year=ind.target.year,
        )
        status = i.status
        if status is ProgressStatus.TARGET_MISSED:
            points.append(dataclasses.replace(about, kind=Watch.TARGET_MISSED))
        elif status is ProgressStatus.DETERIORATION:
            points.append(dataclasses.replace(about, kind=Watch.FALLING))
        elif i.unchanged:
            points.append(dataclasses.replace(about, kind=Watch.UNCHANGED))
        elif status in (ProgressStatus.MODERATE, ProgressStatus.LIMITED):
            expected = i.assessment.expected
            # As a reader would quote a path: 23.7 µg/m³, not 23.664319...
            points.append(
                dataclasses.replace(
                    about, expected=None if expected is None else round(expected, 1)
                )
            )
        measured_this_year = bool(i.measured) and i.measured[-1][0] == year
        due = ind.baseline.year < year and a.action.start <= year
        if due and not measured_this_year and a.standing is not Standing.DONE:
            points.append(dataclasses.replace(about, kind=Watch.NOT_MEASURED, year=year))
    return points
