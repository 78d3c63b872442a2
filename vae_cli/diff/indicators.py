"""An action's indicators in both versions: definitions, measurements, and what they do to the
indicator's progress status (Statistics Canada's method, vae_cli/report/progress.py)."""

from __future__ import annotations

from vae_cli.diff.changes import (
    Effect,
    FieldChange,
    IndicatorChange,
    Kind,
    MeasurementChange,
    PlanDiff,
)
from vae_cli.diff.tree import differences, dump, reordered
from vae_cli.models.plan import Action, Direction, Indicator, Measurement
from vae_cli.report.progress import ProgressStatus, assess

# Compared whole: a target reads as "600 familles in 2026", not as a year and a value apart.
_WHOLE = ("baseline", "target")
# Not compared as fields: the id matches indicators, measurements have their own comparison.
_APART = ("id", "measurements")


def latest(indicator: Indicator) -> tuple[int, float]:
    base = indicator.baseline
    later = sorted((m.year, m.value) for m in indicator.measurements if m.year > base.year)
    return later[-1] if later else (base.year, base.value)


def status_of(indicator: Indicator, point: tuple[int, float] | None = None) -> ProgressStatus:
    point = point or latest(indicator)
    return assess(
        base_year=indicator.baseline.year,
        base_value=indicator.baseline.value,
        latest_year=point[0],
        latest_value=point[1],
        target_year=indicator.target.year,
        target_value=indicator.target.value,
        increase=indicator.direction is Direction.INCREASE,
    ).status


def _effect(indicator: Indicator, before: float, after: float) -> Effect:
    if after == before:
        return Effect.SAME
    up = after > before
    return Effect.CLOSER if up == (indicator.direction is Direction.INCREASE) else Effect.FURTHER


def _change(
    action: str,
    indicator: Indicator,
    kind: Kind,
    changes: list[FieldChange],
    *,
    before: ProgressStatus | None = None,
    after: ProgressStatus | None = None,
) -> IndicatorChange:
    return IndicatorChange(
        action=action,
        indicator=indicator.id,
        label=indicator.label,
        unit=indicator.unit,
        kind=kind,
        changes=changes,
        status_before=before,
        status_after=after,
    )


def compare_indicators(diff: PlanDiff, was: Action, action: Action) -> list[FieldChange]:
    """Adds the indicator and measurement changes to `diff`; returns a change of order of the
    indicators, if any, for the action's edits."""
    old = {i.id: i for i in was.indicators}
    new = {i.id: i for i in action.indicators}
    for indicator in action.indicators:
        before = old.get(indicator.id)
        if before is None:
            fields = differences({}, dump(indicator, without=_APART), atomic=_WHOLE)
            diff.indicators.append(
                _change(action.id, indicator, Kind.ADDED, fields, after=status_of(indicator))
            )
        else:
            changes = differences(
                dump(before, without=_APART), dump(indicator, without=_APART), atomic=_WHOLE
            )
            changes += reordered(
                "measurements",
                [str(m.year) for m in before.measurements],
                [str(m.year) for m in indicator.measurements],
            )
            if changes:
                diff.indicators.append(
                    _change(
                        action.id,
                        indicator,
                        Kind.CHANGED,
                        changes,
                        before=status_of(before),
                        after=status_of(indicator),
                    )
                )
        _measurements(diff, action.id, before, indicator)
    diff.indicators += [
        _change(was.id, indicator, Kind.REMOVED, [], before=status_of(indicator))
        for indicator in was.indicators
        if indicator.id not in new
    ]
    return reordered("indicators", list(old), list(new))


def _measurements(diff: PlanDiff, action: str, was: Indicator | None, now: Indicator) -> None:
    old: dict[int, Measurement] = {m.year: m for m in was.measurements} if was else {}
    new: dict[int, Measurement] = {m.year: m for m in now.measurements}
    latest_before = latest(was) if was else (now.baseline.year, now.baseline.value)
    latest_after = latest(now)
    for year in sorted(set(old) | set(new)):
        before, after = old.get(year), new.get(year)
        if before is not None and after is not None:
            if (before.value, before.source) == (after.value, after.source):
                continue
            kind = Kind.CHANGED
        else:
            kind = Kind.ADDED if before is None else Kind.REMOVED
        diff.measurements.append(
            MeasurementChange(
                action=action,
                indicator=now.id,
                label=now.label,
                unit=now.unit,
                year=year,
                kind=kind,
                value_before=before.value if before else None,
                value_after=after.value if after else None,
                source_before=before.source if before else None,
                source_after=after.source if after else None,
                target_year=now.target.year,
                target_value=now.target.value,
                latest_before=latest_before,
                latest_after=latest_after,
                effect=_effect(now, latest_before[1], latest_after[1]),
                status_before=status_of(was or now, latest_before),
                status_after=status_of(now, latest_after),
            )
        )
