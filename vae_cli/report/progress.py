"""Progress status of an indicator: Statistics Canada's method, as Open SDG computes it.

Open SDG (sdg-build's `ProgressMeasure.py`, documented in open-sdg's `docs/progress.md` and
`docs/progress-methodology.md`) compares the compound annual growth rate observed from the base
year to the latest year with the rate that would reach the target on time:

    CAGR(a, b, years) = (b / a) ** (1 / years) - 1
    observed = CAGR(base value, latest value, latest year - base year)
    required = CAGR(base value, target value, target year - base year)
    R = sign * direction * observed / |required|

where direction is +1 when the value should go up and -1 when it should go down, and sign is -1
when the base value is negative (the model is exponential, so all values share one sign). Then:

    latest value at or beyond the target   -> target achieved (whatever the trend)
    R >= 0.95                               -> substantial progress ("on track")
    0.60 <= R < 0.95                        -> moderate progress ("acceleration needed")
    0 <= R < 0.60                           -> limited progress
    R < 0                                   -> deterioration
    fewer than two years of data, or base
    and latest values of opposite signs    -> not available

A base or target value of exactly 0 is replaced by 0.001, as Open SDG does, since the exponential
model cannot start from or aim at zero. Every plan indicator has a target, so the variant of the
method for indicators without a quantitative target is not needed here.
"""

from __future__ import annotations

import dataclasses
import enum
import math
import sys

# Open SDG's thresholds for indicators with a quantitative target (`progress_thresholds`).
HIGH = 0.95
MEDIUM = 0.60
LOW = 0.0
# What Open SDG uses instead of a zero base or target value.
ZERO_REPLACEMENT = 0.001


class ProgressStatus(enum.StrEnum):
    """Open SDG's progress statuses, best first; the values are Open SDG's own names."""

    TARGET_ACHIEVED = "target_achieved"
    SUBSTANTIAL = "substantial_progress"
    MODERATE = "moderate_progress"
    LIMITED = "limited_progress"
    DETERIORATION = "deterioration"
    NOT_AVAILABLE = "not_available"


@dataclasses.dataclass(frozen=True, kw_only=True)
class Assessment:
    status: ProgressStatus
    # R, the ratio of observed to required growth; None when the target is achieved or when
    # progress cannot be assessed.
    ratio: float | None = None


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
) -> Assessment:
    """The progress status of one indicator.

    `latest_year` and `latest_value` are the most recent data point, which is the base itself
    when nothing was measured since. As in Open SDG, a target already met is achieved even
    without a second data point, and a zero target is first replaced by 0.001.
    """
    target = target_value or ZERO_REPLACEMENT
    if (increase and latest_value >= target) or (not increase and latest_value <= target):
        return Assessment(status=ProgressStatus.TARGET_ACHIEVED)
    if latest_year - base_year < 1:
        return Assessment(status=ProgressStatus.NOT_AVAILABLE)
    sign = -1 if base_value < 0 else 1
    base = base_value or ZERO_REPLACEMENT
    if (base > 0) != (latest_value > 0) and latest_value != 0:
        return Assessment(status=ProgressStatus.NOT_AVAILABLE)
    if target_year <= base_year or (target > 0) != (base > 0):
        # No growth rate leads from the base to such a target: Open SDG would divide by zero
        # or take the root of a negative number.
        return Assessment(status=ProgressStatus.NOT_AVAILABLE)
    observed = _cagr(base, latest_value, latest_year - base_year)
    required = _cagr(base, target, target_year - base_year)
    if required == 0:
        return Assessment(status=ProgressStatus.NOT_AVAILABLE)
    direction = 1 if increase else -1
    ratio = observed / abs(required)
    if not (math.isfinite(observed) and math.isfinite(required) and math.isfinite(ratio)):
        # Values many orders of magnitude apart (1e-300 to 1e15): the same ratio, with logs.
        ratio = _ratio(base, latest_value, latest_year - base_year, target, target_year - base_year)
    ratio = sign * direction * ratio
    return Assessment(status=status_for_ratio(ratio), ratio=ratio)


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
