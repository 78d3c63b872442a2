"""The progress status method: Statistics Canada's, as Open SDG computes it.

The cases are the rules and thresholds stated in Open SDG's `docs/progress-methodology.md`
(Statistics Canada's method) and implemented in sdg-build's `ProgressMeasure.py`:
R >= 95% substantial ("on track"), 60% <= R < 95% moderate ("acceleration needed"),
0 <= R < 60% limited, R < 0 deterioration; a target met is achieved whatever the trend; at
least two years of data; base and latest values of one sign; zero base or target -> 0.001.
"""

from __future__ import annotations

import pytest

from vae_cli.report.progress import ProgressStatus, assess, status_for_ratio, trajectory

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


def test_values_of_opposite_signs_are_not_available() -> None:
    assert run(-5, 3, 10)[0] is S.NOT_AVAILABLE


def test_a_zero_base_is_replaced_by_0_001() -> None:
    # From 0.001: required (10/0.001)^(1/10) - 1 = 150.2%; observed (5/0.001)^(1/5) - 1 = 449%.
    status, ratio = run(0, 5, 10)
    assert status is S.SUBSTANTIAL
    assert ratio == pytest.approx(((5 / 0.001) ** 0.2 - 1) / ((10 / 0.001) ** 0.1 - 1))


def test_a_zero_target_is_replaced_by_0_001() -> None:
    # Aiming at 0 (e.g. no child without a school meal): 0 counts as met, 0.0005 too.
    assert run(40, 0, 0, increase=False)[0] is S.TARGET_ACHIEVED
    status, ratio = run(40, 20, 0, increase=False)
    expected = -((20 / 40) ** 0.2 - 1) / abs((0.001 / 40) ** 0.1 - 1)
    assert status is S.LIMITED and ratio == pytest.approx(expected)


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
