"""The progress status method: Statistics Canada's, as Open SDG computes it.

The cases are the rules and thresholds stated in Open SDG's `docs/progress-methodology.md`
(Statistics Canada's method) and implemented in sdg-build's `ProgressMeasure.py`:
R >= 95% substantial ("on track"), 60% <= R < 95% moderate ("acceleration needed"),
0 <= R < 60% limited, R < 0 deterioration; a target met is achieved whatever the trend; at
least two years of data; base and latest values of one sign. And vae's own rules, which Open
SDG lacks (docs/report.md): a straight path where the base or the target is 0 (Open SDG's 0.001
makes any start from nothing look like huge growth), and "target missed" once the target year
has come.
"""

from __future__ import annotations

import pytest

from vae_cli.report.progress import (
    Method,
    ProgressStatus,
    assess,
    status_for_ratio,
    trajectory,
)

S = ProgressStatus


def run(
    base: float,
    latest: float,
    target: float,
    *,
    increase: bool = True,
    years: tuple[int, int, int] = (2020, 2025, 2030),
) -> tuple[ProgressStatus, float | None]:
    base_year, latest_year, target_year = years
    a = assess(
        base_year=base_year,
        base_value=base,
        latest_year=latest_year,
        latest_value=latest,
        target_year=target_year,
        target_value=target,
        increase=increase,
    )
    return a.status, a.ratio


@pytest.mark.parametrize(
    ("ratio", "status"),
    [
        (0.95, S.SUBSTANTIAL),  # "R >= 95%": the boundary is on track
        (1.7, S.SUBSTANTIAL),
        (0.9499, S.MODERATE),
        (0.60, S.MODERATE),  # "60% <= R < 95%"
        (0.5999, S.LIMITED),
        (0.0, S.LIMITED),  # "0% <= R < 60%"
        (-0.0001, S.DETERIORATION),  # "R < 0%"
    ],
)
def test_thresholds_of_the_documented_table(ratio: float, status: ProgressStatus) -> None:
    assert status_for_ratio(ratio) is status


def test_steady_growth_at_the_required_rate_is_substantial_progress() -> None:
    # 100 -> 200 over 10 years needs 7.18% a year; 100 -> 141.42 over 5 years is that rate.
    status, ratio = run(100, 141.42, 200)
    assert status is S.SUBSTANTIAL
    assert ratio == pytest.approx(1.0, abs=1e-3)


def test_half_the_required_rate_is_limited_progress() -> None:
    # Required: (200/100)^(1/10) - 1 = 7.177%; observed (118/100)^(1/5) - 1 = 3.365%: R = 0.47.
    status, ratio = run(100, 118, 200)
    assert status is S.LIMITED
    assert ratio == pytest.approx(0.469, abs=1e-3)


def test_three_quarters_of_the_required_rate_is_moderate_progress() -> None:
    # Observed (130/100)^(1/5) - 1 = 5.387% against the 7.177% required: R = 0.751.
    status, ratio = run(100, 130, 200)
    assert status is S.MODERATE
    assert ratio == pytest.approx(0.751, abs=1e-3)


def test_moving_away_from_the_target_is_deterioration() -> None:
    status, ratio = run(100, 90, 200)
    assert status is S.DETERIORATION and ratio is not None and ratio < 0


def test_a_decrease_towards_a_lower_target_is_progress() -> None:
    # Desired direction negative (d = -1): 50 -> 35.36 in 5 years halves by 2030 on time.
    status, _ = run(50, 35.36, 25, increase=False)
    assert status is S.SUBSTANTIAL
    status, _ = run(50, 55, 25, increase=False)
    assert status is S.DETERIORATION


def test_a_target_met_is_achieved_whatever_the_trend() -> None:
    assert run(100, 200, 200)[0] is S.TARGET_ACHIEVED
    assert run(100, 250, 200)[0] is S.TARGET_ACHIEVED
    assert run(50, 20, 25, increase=False)[0] is S.TARGET_ACHIEVED


def test_a_target_met_at_the_base_year_is_achieved_without_a_second_value() -> None:
    assert run(300, 300, 200, years=(2020, 2020, 2026))[0] is S.TARGET_ACHIEVED


def test_one_year_of_data_is_not_available() -> None:
    assert run(100, 100, 200, years=(2020, 2020, 2026)) == (S.NOT_AVAILABLE, None)


def test_a_latest_value_of_the_other_sign_than_the_base_is_not_available() -> None:
    assert run(5, -3, 10)[0] is S.NOT_AVAILABLE


def test_a_zero_base_follows_the_straight_path_to_the_target() -> None:
    # 0 -> 20 school streets over 10 years needs 2 a year; 5 in 5 years is 1 a year: R = 0.5.
    # Open SDG's 0.001 would read it as (5/0.001)^(1/5) - 1 = 449% a year against 150% needed.
    a = assess(
        base_year=2020, base_value=0, latest_year=2025, latest_value=5,
        target_year=2030, target_value=20, increase=True,
    )  # fmt: skip
    assert (a.status, a.method, a.ratio, a.expected) == (S.LIMITED, Method.LINEAR, 0.5, 10)
    # On the path or above it: 10 of 20 at half time is R = 1.
    assert run(0, 10, 20) == (S.SUBSTANTIAL, 1.0)


def test_a_value_still_at_zero_is_no_change_not_deterioration() -> None:
    # Open SDG reads 0 -> 0 as a fall from 0.001 to 0 (R < 0): deterioration.
    assert run(0, 0, 20) == (S.LIMITED, 0.0)


def test_the_threshold_is_met_exactly_as_by_hand() -> None:
    # 6 of 20 after 3 of 6 years: R = 0.6 exactly, moderate (not 0.5999... limited).
    assert run(0, 6, 20, years=(2020, 2023, 2026)) == (S.MODERATE, 0.6)


def test_a_zero_target_follows_the_straight_path() -> None:
    # Aiming at 0 (no child without a school meal): 40 -> 30 is a quarter of the way at half
    # time, R = 0.5; 0 itself is met.
    assert run(40, 0, 0, increase=False)[0] is S.TARGET_ACHIEVED
    a = assess(
        base_year=2020, base_value=40, latest_year=2025, latest_value=30,
        target_year=2030, target_value=0, increase=False,
    )  # fmt: skip
    assert (a.status, a.method, a.ratio) == (S.LIMITED, Method.LINEAR, 0.5)


def test_a_base_and_target_of_opposite_signs_follow_the_straight_path() -> None:
    # -5 -> 10 in 10 years is 1.5 a year; -5 -> 3 in 5 years is 1.6 a year.
    status, ratio = run(-5, 3, 10)
    assert status is S.SUBSTANTIAL and ratio == pytest.approx(1.6 / 1.5)


def test_growth_rates_are_used_where_no_value_is_zero() -> None:
    a = assess(
        base_year=2020, base_value=100, latest_year=2025, latest_value=141.42,
        target_year=2030, target_value=200, increase=True,
    )  # fmt: skip
    assert a.method is Method.EXPONENTIAL
    assert a.expected == pytest.approx(141.42, abs=0.01)


def test_a_target_not_met_once_its_year_is_over_is_missed() -> None:
    # Whatever the trend: 190 of 200 looks like substantial progress, but 2030 is over.
    years = {"base_year": 2020, "base_value": 100, "target_year": 2030, "target_value": 200}
    late = assess(**years, latest_year=2029, latest_value=190, increase=True, year=2031)
    assert (late.status, late.method) == (S.TARGET_MISSED, Method.TARGET)
    # The target year's own value is in and short: missed, even in that year.
    now = assess(**years, latest_year=2030, latest_value=190, increase=True, year=2030)
    assert now.status is S.TARGET_MISSED
    # In the target year, before its value is in: still judged on the trend.
    waiting = assess(**years, latest_year=2029, latest_value=190, increase=True, year=2030)
    assert waiting.status is S.SUBSTANTIAL
    # Met, even late: achieved.
    met = assess(**years, latest_year=2031, latest_value=200, increase=True, year=2031)
    assert met.status is S.TARGET_ACHIEVED


def test_negative_values_flip_the_direction() -> None:
    # All values negative: a "decrease" from -10 to -5 is the magnitude halving (sign = -1).
    status, _ = run(-10, -5, -20, increase=False)
    assert status is S.DETERIORATION


def test_the_expected_trajectory_grows_at_a_constant_rate() -> None:
    span = {"base_year": 2020, "target_year": 2026, "year": 2023}
    middle = trajectory(base_value=100, target_value=400, **span)
    assert middle == pytest.approx(200)
    from_zero = trajectory(base_value=0, target_value=60, **span)
    assert from_zero == pytest.approx(30)  # no growth rate starts from 0: a straight line
