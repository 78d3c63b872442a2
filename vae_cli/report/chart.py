"""The geometry of an indicator's chart: where baseline, values, target and trajectory go.

Only numbers: the template draws the SVG and formats the labels, so a city's own template can
restyle the chart without redoing the arithmetic.
"""

from __future__ import annotations

import dataclasses
import math

from vae_cli.report.progress import trajectory

WIDTH = 360
HEIGHT = 150
# Room for the value labels on the left, the year labels at the bottom, and half of the last
# year label on the right (it is centred on the last year).
LEFT, RIGHT, TOP, BOTTOM = 44, 24, 12, 26


@dataclasses.dataclass(frozen=True, kw_only=True)
class Point:
    year: int
    value: float
    x: float
    y: float


@dataclasses.dataclass(frozen=True, kw_only=True)
class Tick:
    label: float | int
    position: float


@dataclasses.dataclass(frozen=True, kw_only=True)
class Chart:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    baseline: Point
    target: Point
    measured: list[Point]  # the values measured up to the report's year, baseline excluded
    expected: list[Point]  # the trajectory from the baseline to the target, one point a year
    year_ticks: list[Tick]
    value_ticks: list[Tick]

    @property
    def measured_path(self) -> str:
        return _path([self.baseline, *self.measured])

    @property
    def expected_path(self) -> str:
        return _path(self.expected)


def _path(points: list[Point]) -> str:
    return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in points)


def _nice_ceiling(value: float) -> float:
    """A round number at or above `value` (1, 2, 2.5, 5 times a power of ten); `value` itself
    when that number is no float (past 1.8e308) or the power of ten underflows (5e-324)."""
    if value <= 0:
        return 1.0
    if not math.isfinite(value):
        return value
    power = 10 ** math.floor(math.log10(value))
    if power == 0:
        return value
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            try:
                return float(step * power)
            except OverflowError:
                return value
    return value  # pragma: no cover - the loop always returns


def build_chart(
    *,
    base_year: int,
    base_value: float,
    target_year: int,
    target_value: float,
    measured: list[tuple[int, float]],
) -> Chart:
    """A chart from the baseline to the target year (or the last value, if later)."""
    last_year = max([target_year, base_year + 1, *(year for year, _ in measured)])
    expected_values = [
        (
            year,
            trajectory(
                base_year=base_year,
                base_value=base_value,
                target_year=target_year,
                target_value=target_value,
                year=year,
            ),
        )
        for year in range(base_year, target_year + 1)
    ]
    values = [base_value, target_value, *(v for _, v in measured), *(v for _, v in expected_values)]
    low = min(0.0, *values)
    high = _nice_ceiling(max(values)) if max(values) > 0 else 0.0
    if high == low:
        high = low + 1
    # Halves (exact in binary) when the span overflows, from near -1.8e308 to near 1.8e308.
    scale = 0.5 if math.isinf(high - low) else 1.0
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM

    def point(year: int, value: float) -> Point:
        x = LEFT + plot_w * (year - base_year) / (last_year - base_year)
        y = TOP + plot_h * ((high * scale - value * scale) / (high * scale - low * scale))
        return Point(year=year, value=value, x=round(x, 1), y=round(y, 1))

    years = list(range(base_year, last_year + 1))
    # Label at most about six years so the labels never overlap.
    step = max(1, math.ceil(len(years) / 6))
    shown = years[::step]
    if shown[-1] != last_year:
        shown.append(last_year)
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=RIGHT,
        top=TOP,
        bottom=BOTTOM,
        baseline=point(base_year, base_value),
        target=point(target_year, target_value),
        measured=[point(year, value) for year, value in measured],
        expected=[point(year, value) for year, value in expected_values],
        year_ticks=[Tick(label=year, position=point(year, low).x) for year in shown],
        value_ticks=[
            Tick(label=_tidy(value), position=point(base_year, value).y)
            for value in (low, (low + high) / 2, high)
        ],
    )


def _tidy(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 2)
