"""Two versions of a plan in, the changes a reviewer cares about out, as plain data.

Actions are matched by id: an action whose id changed reads as one removed and one added, which
is also what it means for every reference to it.
"""

from __future__ import annotations

import collections
import dataclasses
import enum
import typing as t

from vae_cli.diagnostics import Diagnostic, FileResult
from vae_cli.models.plan import Action, Direction, Indicator, Plan
from vae_cli.models.referential import Referential
from vae_cli.report.progress import ProgressStatus, assess


class PlanState(enum.StrEnum):
    ADDED = "added"  # not in the base revision
    REMOVED = "removed"  # not in the working tree
    CHANGED = "changed"
    UNCHANGED = "unchanged"  # same text


@dataclasses.dataclass(frozen=True, kw_only=True)
class ActionRef:
    id: str
    title: str
    commitment: str
    obligations: list[str]
    budget_eur: float | None


@dataclasses.dataclass(frozen=True, kw_only=True)
class Rescoped:
    action: str
    commitment_before: str
    commitment_after: str
    obligations_added: list[str]
    obligations_removed: list[str]


@dataclasses.dataclass(frozen=True, kw_only=True)
class Edited:
    action: str
    fields: list[str]  # other fields of the action whose value changed


@dataclasses.dataclass(frozen=True, kw_only=True)
class StatusChange:
    action: str
    before: str | None  # the status of the latest progress entry, None when there was none
    before_year: int | None
    after: str | None
    after_year: int | None


@dataclasses.dataclass(frozen=True, kw_only=True)
class MoneyChange:
    action: str
    budget_before: float | None
    budget_after: float | None
    spent_before: float  # summed over the progress entries
    spent_after: float


class Effect(enum.StrEnum):
    CLOSER = "closer"  # the latest value moved toward the target
    FURTHER = "further"
    SAME = "same"


@dataclasses.dataclass(frozen=True, kw_only=True)
class MeasurementChange:
    action: str
    indicator: str
    label: str
    unit: str
    year: int
    value: float
    corrected_from: float | None  # the value this year had before, when it was corrected
    target_year: int
    target_value: float
    # The latest value before and after the change (the baseline when nothing was measured).
    latest_before: tuple[int, float]
    latest_after: tuple[int, float]
    effect: Effect
    # Statistics Canada's progress status (vae_cli.report.progress), before and after.
    status_before: ProgressStatus
    status_after: ProgressStatus


@dataclasses.dataclass(frozen=True, kw_only=True)
class CoverageChange:
    kind: t.Literal["commitment", "obligation"]
    id: str
    label: str | None  # from the referential, when it could be read
    covered: bool  # True: gained its first action; False: lost its last one
    actions: list[str]  # the actions covering it now (gained) or before (lost)


@dataclasses.dataclass(frozen=True, kw_only=True)
class FindingChange:
    severity: str
    rule: str
    message: str
    line: int  # in the working tree for a new finding, in the base revision for a fixed one


@dataclasses.dataclass(kw_only=True)
class PlanDiff:
    path: str
    state: PlanState
    # Why the content could not be compared, when one side could not be read as a plan.
    unreadable_before: bool = False
    unreadable_after: bool = False
    actions_added: list[ActionRef] = dataclasses.field(default_factory=list)
    actions_removed: list[ActionRef] = dataclasses.field(default_factory=list)
    rescoped: list[Rescoped] = dataclasses.field(default_factory=list)
    edited: list[Edited] = dataclasses.field(default_factory=list)
    statuses: list[StatusChange] = dataclasses.field(default_factory=list)
    money: list[MoneyChange] = dataclasses.field(default_factory=list)
    measurements: list[MeasurementChange] = dataclasses.field(default_factory=list)
    coverage: list[CoverageChange] = dataclasses.field(default_factory=list)
    new_findings: list[FindingChange] = dataclasses.field(default_factory=list)
    fixed_findings: list[FindingChange] = dataclasses.field(default_factory=list)
    other_sections: list[str] = dataclasses.field(default_factory=list)  # top-level keys changed
    actions_before: int = 0
    actions_after: int = 0

    @property
    def tracked_changes(self) -> int:
        """How many changes this summary reports (0: only comments or layout changed)."""
        return sum(
            len(x)
            for x in (
                self.actions_added,
                self.actions_removed,
                self.rescoped,
                self.edited,
                self.statuses,
                self.money,
                self.measurements,
                self.coverage,
                self.new_findings,
                self.fixed_findings,
                self.other_sections,
            )
        )


@dataclasses.dataclass(frozen=True, kw_only=True)
class Version:
    """One side of the comparison; `plan` is None when the file is absent or unreadable."""

    exists: bool
    text: str | None = None
    plan: Plan | None = None
    referential: Referential | None = None
    result: FileResult | None = None


def compare(path: str, before: Version, after: Version) -> PlanDiff:
    if before.exists and after.exists and before.text == after.text:
        return PlanDiff(path=path, state=PlanState.UNCHANGED)
    state = (
        PlanState.ADDED
        if not before.exists
        else PlanState.REMOVED
        if not after.exists
        else PlanState.CHANGED
    )
    diff = PlanDiff(
        path=path,
        state=state,
        unreadable_before=before.exists and before.plan is None,
        unreadable_after=after.exists and after.plan is None,
        actions_before=len(before.plan.actions) if before.plan else 0,
        actions_after=len(after.plan.actions) if after.plan else 0,
    )
    _findings(diff, before.result, after.result)
    if state is PlanState.CHANGED and before.plan is not None and after.plan is not None:
        _actions(diff, before.plan, after.plan)
        _coverage(diff, before.plan, after.plan, after.referential or before.referential)
        diff.other_sections = [
            name
            for name in type(after.plan).model_fields
            if name != "actions" and getattr(before.plan, name) != getattr(after.plan, name)
        ]
    return diff


def _ref(action: Action) -> ActionRef:
    return ActionRef(
        id=action.id,
        title=action.title,
        commitment=action.commitment,
        obligations=list(action.obligations),
        budget_eur=action.budget_eur,
    )


# Fields reported in their own section; any other field that changed is listed as "edited".
_SECTIONED = {"id", "commitment", "obligations", "progress", "indicators", "budget_eur"}


def _actions(diff: PlanDiff, before: Plan, after: Plan) -> None:
    old = {a.id: a for a in before.actions}
    new = {a.id: a for a in after.actions}
    diff.actions_added = [_ref(a) for a in after.actions if a.id not in old]
    diff.actions_removed = [_ref(a) for a in before.actions if a.id not in new]
    for action in after.actions:
        was = old.get(action.id)
        if was is None:
            continue
        added = [o for o in action.obligations if o not in was.obligations]
        removed = [o for o in was.obligations if o not in action.obligations]
        if was.commitment != action.commitment or added or removed:
            diff.rescoped.append(
                Rescoped(
                    action=action.id,
                    commitment_before=was.commitment,
                    commitment_after=action.commitment,
                    obligations_added=added,
                    obligations_removed=removed,
                )
            )
        fields = [
            name
            for name in type(action).model_fields
            if name not in _SECTIONED and getattr(was, name) != getattr(action, name)
        ]
        if fields:
            diff.edited.append(Edited(action=action.id, fields=fields))
        _status(diff, was, action)
        _money(diff, was, action)
        _measurements(diff, was, action)


def _latest_status(action: Action) -> tuple[str | None, int | None]:
    if not action.progress:
        return None, None
    entry = max(action.progress, key=lambda p: p.year)
    return entry.status.value, entry.year


def _status(diff: PlanDiff, was: Action, action: Action) -> None:
    (before, before_year), (after, after_year) = _latest_status(was), _latest_status(action)
    if before != after:
        diff.statuses.append(
            StatusChange(
                action=action.id,
                before=before,
                before_year=before_year,
                after=after,
                after_year=after_year,
            )
        )


def _spent(action: Action) -> float:
    return sum(p.spent_eur or 0 for p in action.progress)


def _money(diff: PlanDiff, was: Action, action: Action) -> None:
    if was.budget_eur != action.budget_eur or _spent(was) != _spent(action):
        diff.money.append(
            MoneyChange(
                action=action.id,
                budget_before=was.budget_eur,
                budget_after=action.budget_eur,
                spent_before=_spent(was),
                spent_after=_spent(action),
            )
        )


def _latest(indicator: Indicator) -> tuple[int, float]:
    base = indicator.baseline
    later = sorted((m.year, m.value) for m in indicator.measurements if m.year > base.year)
    return later[-1] if later else (base.year, base.value)


def _status_of(indicator: Indicator, latest: tuple[int, float]) -> ProgressStatus:
    return assess(
        base_year=indicator.baseline.year,
        base_value=indicator.baseline.value,
        latest_year=latest[0],
        latest_value=latest[1],
        target_year=indicator.target.year,
        target_value=indicator.target.value,
        increase=indicator.direction is Direction.INCREASE,
    ).status


def _effect(indicator: Indicator, before: float, after: float) -> Effect:
    if after == before:
        return Effect.SAME
    up = after > before
    return Effect.CLOSER if up == (indicator.direction is Direction.INCREASE) else Effect.FURTHER


def _measurements(diff: PlanDiff, was: Action, action: Action) -> None:
    old_indicators = {i.id: i for i in was.indicators}
    for indicator in action.indicators:
        old = old_indicators.get(indicator.id)
        old_values = {m.year: m.value for m in old.measurements} if old else {}
        latest_before = _latest(old) if old else (indicator.baseline.year, indicator.baseline.value)
        latest_after = _latest(indicator)
        for m in sorted(indicator.measurements, key=lambda m: m.year):
            if old_values.get(m.year) == m.value:
                continue
            diff.measurements.append(
                MeasurementChange(
                    action=action.id,
                    indicator=indicator.id,
                    label=indicator.label,
                    unit=indicator.unit,
                    year=m.year,
                    value=m.value,
                    corrected_from=old_values.get(m.year),
                    target_year=indicator.target.year,
                    target_value=indicator.target.value,
                    latest_before=latest_before,
                    latest_after=latest_after,
                    effect=_effect(indicator, latest_before[1], latest_after[1]),
                    status_before=_status_of(old or indicator, latest_before),
                    status_after=_status_of(indicator, latest_after),
                )
            )


def _coverage(diff: PlanDiff, before: Plan, after: Plan, referential: Referential | None) -> None:
    labels: dict[tuple[str, str], str] = {}
    if referential is not None:
        labels |= {("commitment", c.id): c.label.en for c in referential.commitments}
        labels |= {("obligation", o.id): o.label.en for o in referential.obligations}

    def covering(plan: Plan) -> dict[tuple[str, str], list[str]]:
        found: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
        for action in plan.actions:
            found["commitment", action.commitment].append(action.id)
            for obligation in action.obligations:
                found["obligation", obligation].append(action.id)
        return found

    old, new = covering(before), covering(after)
    for key in sorted(set(old) | set(new)):
        if bool(old.get(key)) == bool(new.get(key)):
            continue
        kind, ident = key
        gained = bool(new.get(key))
        diff.coverage.append(
            CoverageChange(
                kind="commitment" if kind == "commitment" else "obligation",
                id=ident,
                label=labels.get(key),
                covered=gained,
                actions=new[key] if gained else old[key],
            )
        )


def _findings(diff: PlanDiff, before: FileResult | None, after: FileResult | None) -> None:
    """Findings are matched by severity, rule and message, not line: an edit above a finding
    moves it without making it new."""

    def key(d: Diagnostic) -> tuple[str, str, str]:
        return (d.severity.value, d.rule, d.message)

    old = collections.Counter(key(d) for d in (before.diagnostics if before else []))
    new = collections.Counter(key(d) for d in (after.diagnostics if after else []))
    for d in after.sorted() if after else []:
        if old[key(d)] > 0:
            old[key(d)] -= 1
            continue
        diff.new_findings.append(_finding(d))
    new_left = new
    for d in before.sorted() if before else []:
        if new_left[key(d)] > 0:
            new_left[key(d)] -= 1
            continue
        diff.fixed_findings.append(_finding(d))


def _finding(d: Diagnostic) -> FindingChange:
    return FindingChange(
        severity=d.severity.value, rule=d.rule, message=d.message, line=d.position.line
    )
