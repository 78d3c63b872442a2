"""The geometry of an indicator's chart: where baseline, values, target and trajectory go.

Only numbers: the template draws the SVG and formats the labels, so a city's own template can
restyle the chart without redoing the arithmetic.
"""

from __future__ import annotations

import dataclasses
import math

from vae_cli.report.progress import trajectory

WIDTH = 360
HEIGHT = 180
# Labels are FONT_SIZE user units high: at least 12 px wherever the chart is drawn 330 px wide
# or more (a phone's card, a printed column); the template writes that size.
FONT_SIZE = 13
# Room for the value labels on the left, the unit above them, the year labels at the bottom,
# and half of the last year label on the right (it is centred on the last year).
LEFT, RIGHT, TOP, BOTTOM = 56, 26, 30, 28
# At most this many year labels, evenly spaced.
MAX_YEAR_LABELS = 6


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
    font_size: int = FONT_SIZE

    @property
    def measured_path(self) -> str:
        return _path([self.baseline, *self.measured])

    @property
    def expected_path(self) -> str:
        return _path(self.expected)


def _path(points: list[Point]) -> str:
    return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in points)


def _nice_step(span: float) -> float | None:
    """A round step (1, 2, 2.5 or 5 times a power of ten) cutting `span` into at most 4
    intervals; None when there is none to find (a span past the floats, or below them)."""
    if not math.isfinite(span) or span <= 0:
        return None
    raw = span / 4
    power = 10 ** math.floor(math.log10(raw))
    if power == 0 or not math.isfinite(power):
        return None
    return float(next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw))


def _value_axis(low: float, high: float) -> tuple[float, float, list[float]]:
    """The axis's bottom and top and its labelled values: round steps, the top the first step
    at or above the highest value, so that the lines fill the chart and slopes keep their
    steepness (a ceiling of twice the highest value would halve them). Values out of reach of
    round steps (near the largest floats) keep their own bounds and a middle label."""
    if high == low:
        high = low + 1
    step = _nice_step(high - low)
    if step is not None:
        bottom, top = math.floor(low / step) * step, math.ceil(high / step) * step
        count = round((top - bottom) / step)
        if math.isfinite(bottom) and math.isfinite(top) and 0 < count <= 8:
            # Multiples of the step, as the round numbers they are (0.3, not 0.30000000000000004).
            return bottom, top, [float(f"{bottom + i * step:.12g}") for i in range(count + 1)]
    return low, high, [low, low / 2 + high / 2, high]


def _year_axis(first: int, last: int) -> tuple[int, list[int]]:
    """The last year of the axis and the years labelled: every `step` years from the first, the
    last on a label, so that the labels are evenly spaced (the axis runs a year or so past the
    last value when the span is not a multiple of the step)."""
    span = max(1, last - first)
    step = max(1, math.ceil(span / (MAX_YEAR_LABELS - 1)))
    divisors = [s for s in range(step, span // 2 + 1) if span % s == 0]
    if divisors and divisors[0] <= 2 * step:
        step = divisors[0]
    end = first + step * math.ceil(span / step)
    return end, list(range(first, end + 1, step))


def build_chart(
    *,
    base_year: int,
    base_value: float,
    target_year: int,
    target_value: float,
    measured: list[tuple[int, float]],
) -> Chart:
    """A chart from the baseline to the target year (or the last value, if later)."""
    last_year, shown = _year_axis(
        base_year, max([target_year, base_year + 1, *(year for year, _ in measured)])
    )
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
    low, high, labelled = _value_axis(min(0.0, *values), max(0.0, *values))
    # Halves (exact in binary) when the span overflows, from near -1.8e308 to near 1.8e308.
    scale = 0.5 if math.isinf(high - low) else 1.0
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM

    def point(year: int, value: float) -> Point:
        x = LEFT + plot_w * (year - base_year) / (last_year - base_year)
        y = TOP + plot_h * ((high * scale - value * scale) / (high * scale - low * scale))
        return Point(year=year, value=value, x=round(x, 1), y=round(y, 1))

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
        value_ticks=[Tick(label=_tidy(v), position=point(base_year, v).y) for v in labelled],
    )


def _tidy(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 2)
