"""Progress status of an indicator: Statistics Canada's method as Open SDG computes it, a
straight path where that method cannot judge, and a status for targets whose year has come.

Open SDG (sdg-build's `ProgressMeasure.py`, documented in open-sdg's `docs/progress.md` and
`docs/progress-methodology.md`) compares the compound annual growth rate observed from the base
year to the latest year with the rate that would reach the target on time:

    CAGR(a, b, years) = (b / a) ** (1 / years) - 1
    observed = CAGR(base value, latest value, latest year - base year)
    required = CAGR(base value, target value, target year - base year)
    R = sign * direction * observed / |required|

where direction is +1 when the value should go up and -1 when it should go down, and sign is -1
when the base value is negative (the model is exponential, so all values share one sign).

That model has no growth rate from or to zero: Open SDG replaces 0 by 0.001, so a count that
starts at nothing (6 school streets out of 20 hoped for) reads as enormous growth, and a value
that stays at 0 as a fall. Where the base or the target is 0, or they have opposite signs, `vae`
uses the straight path from the base to the target instead (the path the chart draws), with the
same thresholds:

    R = observed yearly change / required yearly change
      = ((latest - base) / (latest year - base year))
        / ((target - base) / (target year - base year))

Then, by either method:

    latest value at or beyond the target   -> target achieved (whatever the trend)
    target year come and target not met    -> target missed (not an Open SDG status)
    R >= 0.95                               -> substantial progress ("on track")
    0.60 <= R < 0.95                        -> moderate progress ("acceleration needed")
    0 <= R < 0.60                           -> limited progress (no change at all is R = 0)
    R < 0                                   -> deterioration
    fewer than two years of data, a target
    equal to the base, or base and latest
    values of opposite signs (exponential) -> not available

"Target year come": the year reported on is after the target year, or the latest value is of
the target year or later. Every plan indicator has a target, so the variant of the method for
indicators without a quantitative target is not needed here.
"""

from __future__ import annotations

import dataclasses
import enum
import math
import sys
import typing as t

from vae_cli.models.plan import Direction

if t.TYPE_CHECKING:
    from vae_cli.models.plan import Indicator

# Open SDG's thresholds for indicators with a quantitative target (`progress_thresholds`).
HIGH = 0.95
MEDIUM = 0.60
LOW = 0.0


class ProgressStatus(enum.StrEnum):
    """Open SDG's progress statuses, best first, and "target missed"; the values are Open SDG's
    own names."""

    TARGET_ACHIEVED = "target_achieved"
    SUBSTANTIAL = "substantial_progress"
    MODERATE = "moderate_progress"
    LIMITED = "limited_progress"
    DETERIORATION = "deterioration"
    # Not in Open SDG, which reports on targets still ahead: the target year has come and the
    # target is not met. No growth rate makes that progress.
    TARGET_MISSED = "target_missed"
    NOT_AVAILABLE = "not_available"


class Method(enum.StrEnum):
    """How a status was worked out."""

    # Open SDG's: compound annual growth rates (Statistics Canada's method).
    EXPONENTIAL = "exponential"
    # A straight path from the base to the target: where the base or the target is 0, or they
    # have opposite signs, and no growth rate leads from one to the other.
    LINEAR = "linear"
    # The latest value against the target alone (achieved, missed), or no judgement possible.
    TARGET = "target"


@dataclasses.dataclass(frozen=True, kw_only=True)
class Assessment:
    status: ProgressStatus
    method: Method = Method.TARGET
    # R, the ratio of observed to required growth; None when the status comes from the target
    # alone or when progress cannot be assessed.
    ratio: float | None = None
    # The value the method's path expects in the latest value's year; None with no ratio.
    expected: float | None = None
    # The value the status was judged on, and its year (the baseline when nothing was measured
    # since).
    latest_year: int | None = None
    latest_value: float | None = None


def linear_method(base_value: float, target_value: float) -> bool:
    """Whether the straight path is used: no growth rate leads from the base to the target."""
    return base_value == 0 or target_value == 0 or (base_value > 0) != (target_value > 0)


def _cagr(start: float, end: float, years: float) -> float:
    return float((end / start) ** (1 / years) - 1)


# The largest x whose e**x is a float: beyond it, `math.exp` raises.
_LOG_MAX = math.log(sys.float_info.max)


def _log_growth(start: float, end: float, years: float) -> float:
    """The log of the yearly growth factor from `start` to `end` (of one sign, `start` not 0):
    finite for any finite values, where `end / start` can overflow (1e15 / 1e-300)."""
    if end == 0:
        return -math.inf
    quotient = end / start
    if 0 < quotient < math.inf:
        return math.log(quotient) / years
    return (math.log(abs(end)) - math.log(abs(start))) / years


def _log_abs_expm1(x: float) -> float:
    """log |e**x - 1| without computing e**x, which overflows past `_LOG_MAX`."""
    if x > 30:
        return x + math.log1p(-math.exp(-x))
    change = abs(math.expm1(x))
    return math.log(change) if change else -math.inf


def _ratio(base: float, latest: float, years: float, target: float, target_years: float) -> float:
    """observed / |required|, the CAGRs' ratio, for values whose direct arithmetic overflows:
    worked out with logs, and kept within the floats (a ratio so large is as good as infinite
    for the thresholds, which are all near 1)."""
    observed = _log_growth(base, latest, years)
    required = _log_growth(base, target, target_years)
    if observed == 0:
        return 0.0
    sign = 1 if observed > 0 else -1
    log_ratio = _log_abs_expm1(observed) - _log_abs_expm1(required)
    return sign * math.exp(min(log_ratio, _LOG_MAX))


def assess(
    *,
    base_year: int,
    base_value: float,
    latest_year: int,
    latest_value: float,
    target_year: int,
    target_value: float,
    increase: bool,
    year: int | None = None,
) -> Assessment:
    """The progress status of one indicator, reported on in `year` (by default the latest
    value's year).

    `latest_year` and `latest_value` are the most recent data point, which is the base itself
    when nothing was measured since. As in Open SDG, a target already met is achieved even
    without a second data point.
    """

    def judged(
        status: ProgressStatus, method: Method = Method.TARGET, ratio: float | None = None
    ) -> Assessment:
        expected = None
        if ratio is not None:
            expected = trajectory(
                base_year=base_year,
                base_value=base_value,
                target_year=target_year,
                target_value=target_value,
                year=latest_year,
            )
        return Assessment(
            status=status,
            method=method,
            ratio=ratio,
            expected=expected,
            latest_year=latest_year,
            latest_value=latest_value,
        )

    if (increase and latest_value >= target_value) or (
        not increase and latest_value <= target_value
    ):
        return judged(ProgressStatus.TARGET_ACHIEVED)
    reported = latest_year if year is None else year
    if reported > target_year or latest_year >= target_year:
        # The target year is over, or its value (or a later one) is in and falls short.
        return judged(ProgressStatus.TARGET_MISSED)
    if latest_year - base_year < 1 or target_year <= base_year:
        return judged(ProgressStatus.NOT_AVAILABLE)
    if linear_method(base_value, target_value):
        observed = (latest_value - base_value) * (target_year - base_year)
        required = (target_value - base_value) * (latest_year - base_year)
        if required == 0 or (required > 0) != increase:
            # A target on the wrong side of the base: nothing is progress towards it.
            return judged(ProgressStatus.NOT_AVAILABLE)
        # The yearly changes' ratio, with one division: 6 of 20 school streets after 3 of 6
        # years is exactly 0.6, as by hand, not 0.5999... (the thresholds are at such values).
        ratio = observed / required
        if not math.isfinite(ratio):  # a required change near 0 (1e-300): as good as infinite
            ratio = math.copysign(sys.float_info.max, ratio)
        return judged(status_for_ratio(ratio), Method.LINEAR, ratio)
    sign = -1 if base_value < 0 else 1
    if (base_value > 0) != (latest_value > 0) and latest_value != 0:
        return judged(ProgressStatus.NOT_AVAILABLE)
    observed = _cagr(base_value, latest_value, latest_year - base_year)
    required = _cagr(base_value, target_value, target_year - base_year)
    if required == 0:
        return judged(ProgressStatus.NOT_AVAILABLE)
    direction = 1 if increase else -1
    ratio = observed / abs(required)
    if not (math.isfinite(observed) and math.isfinite(required) and math.isfinite(ratio)):
        # Values many orders of magnitude apart (1e-300 to 1e15): the same ratio, with logs.
        ratio = _ratio(
            base_value, latest_value, latest_year - base_year, target_value, target_year - base_year
        )
    ratio = sign * direction * ratio
    return judged(status_for_ratio(ratio), Method.EXPONENTIAL, ratio)


def indicator_status(indicator: Indicator, year: int) -> Assessment:
    """The progress status of a plan's indicator at the end of `year`, from its baseline and the
    values measured after it up to that year, and the method it used."""
    base = indicator.baseline
    measured = sorted(
        (m.year, m.value) for m in indicator.measurements if base.year < m.year <= year
    )
    latest_year, latest_value = measured[-1] if measured else (base.year, base.value)
    return assess(
        base_year=base.year,
        base_value=base.value,
        latest_year=latest_year,
        latest_value=latest_value,
        target_year=indicator.target.year,
        target_value=indicator.target.value,
        increase=indicator.direction is Direction.INCREASE,
        year=year,
    )


def status_for_ratio(ratio: float) -> ProgressStatus:
    """The status of a ratio R of observed to required growth (target not yet achieved)."""
    if ratio >= HIGH:
        return ProgressStatus.SUBSTANTIAL
    if ratio >= MEDIUM:
        return ProgressStatus.MODERATE
    if ratio >= LOW:
        return ProgressStatus.LIMITED
    return ProgressStatus.DETERIORATION


def trajectory(
    *, base_year: int, base_value: float, target_year: int, target_value: float, year: int
) -> float:
    """The value expected in `year` on the path the method assumes: constant growth from the
    base to the target (a straight line when that path does not exist, e.g. from zero)."""
    span = target_year - base_year
    if span <= 0:
        return target_value
    share = (year - base_year) / span
    if base_value != 0 and target_value != 0 and (base_value > 0) == (target_value > 0):
        growth = target_value / base_value
        if 0 < growth < math.inf:
            return float(base_value * growth**share)
        # Values so far apart that their quotient overflows or underflows: the same path, in
        # logs (between the two values' logs, so finite until the target year).
        log_value = math.log(abs(base_value)) + share * (
            math.log(abs(target_value)) - math.log(abs(base_value))
        )
        return math.copysign(math.exp(min(log_value, _LOG_MAX)), base_value)
    value = base_value + (target_value - base_value) * share
    if not math.isfinite(value):  # from near -1.8e308 to near 1.8e308: the gap overflows
        return base_value * (1 - share) + target_value * share
    return value
