"""The chart's axes: ceilings that keep slopes as steep as they are, round labelled values, and
year labels evenly spaced."""

from __future__ import annotations

import itertools

import pytest

from vae_cli.report.chart import Chart, build_chart


def _chart(
    base: float, target: float, measured: list[tuple[int, float]], *, end: int = 2026
) -> Chart:
    return build_chart(
        base_year=2020, base_value=base, target_year=end, target_value=target, measured=measured
    )


@pytest.mark.parametrize(
    ("base", "target", "measured", "labels"),
    [
        # 320 families to 600: the axis stops at 600, not 1 000 (which would flatten the line).
        (320, 600, [(2021, 380), (2023, 510)], [0, 200, 400, 600]),
        (28, 20, [(2023, 24.5)], [0, 10, 20, 30]),  # µg/m³, falling
        (0, 20, [(2023, 6)], [0, 5, 10, 15, 20]),
        (0, 100, [(2023, 100)], [0, 25, 50, 75, 100]),
        (0, 0.3, [(2022, 0.1)], [0, 0.1, 0.2, 0.3]),
    ],
)
def test_the_value_axis_stops_at_the_first_round_step_above_the_highest_value(
    base: float, target: float, measured: list[tuple[int, float]], labels: list[float]
) -> None:
    chart = _chart(base, target, measured)
    assert [t.label for t in chart.value_ticks] == labels
    # The highest point of the chart is on the top line or within one step of it.
    top = min(p.y for p in [chart.baseline, chart.target, *chart.measured])
    step = chart.value_ticks[0].position - chart.value_ticks[1].position
    assert top - chart.top < step


@pytest.mark.parametrize(
    ("end", "measured", "years"),
    [
        (2026, [], [2020, 2022, 2024, 2026]),
        (2023, [], [2020, 2021, 2022, 2023]),
        (2027, [], [2020, 2022, 2024, 2026, 2028]),  # 7 years: the axis runs on to 2028
        (2032, [], [2020, 2023, 2026, 2029, 2032]),
        (2026, [(2029, 5.0)], [2020, 2023, 2026, 2029]),  # a value measured after the target
    ],
)
def test_year_labels_are_evenly_spaced(
    end: int, measured: list[tuple[int, float]], years: list[int]
) -> None:
    chart = _chart(1, 10, measured, end=end)
    assert [t.label for t in chart.year_ticks] == years
    gaps = [b.position - a.position for a, b in itertools.pairwise(chart.year_ticks)]
    assert max(gaps) - min(gaps) <= 0.2, gaps  # positions are rounded to a tenth
    assert chart.year_ticks[-1].position == chart.width - chart.right


def test_labels_are_drawn_at_least_12_units_high() -> None:
    assert _chart(1, 10, []).font_size >= 12
