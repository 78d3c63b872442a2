"""Numbers at the edges of what a plan may hold still make a report, never a crash.

The plan format bounds them (money at most 1e12, indicator values within ±1e15, every number
finite): a plan at those bounds validates, so `vae report` must write it out in full, with a
chart whose every point lies inside the drawing.
"""

from __future__ import annotations

import decimal
import math
import re
import typing as t
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_vae
from vae_cli.i18n.formatting import Formatter
from vae_cli.report.chart import HEIGHT, WIDTH, Chart, build_chart
from vae_cli.report.progress import ProgressStatus, assess

MONEY_MAX = 1e12
VALUE_MAX = 1e15


def edit_plan(path: Path, edit: t.Callable[[dict[str, t.Any]], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def indicator(data: dict[str, t.Any], action: str, ident: str) -> dict[str, t.Any]:
    found = next(a for a in data["actions"] if a["id"] == action)
    return t.cast(dict[str, t.Any], next(i for i in found["indicators"] if i["id"] == ident))


def at_the_bounds(data: dict[str, t.Any]) -> None:
    """The fixed plan with its money and indicator values pushed to the bounds."""
    data["membership"]["annual_fee_eur"] = MONEY_MAX
    data["membership"]["payments"][-1]["amount_eur"] = MONEY_MAX
    rues = data["actions"][0]
    rues["budget_eur"] = MONEY_MAX
    rues["progress"][-1]["spent_eur"] = MONEY_MAX
    # From the top bound to the bottom one, measured at both.
    no2 = indicator(data, "rues-aux-ecoles", "no2-ecoles")
    no2["baseline"]["value"] = VALUE_MAX
    no2["target"]["value"] = -VALUE_MAX
    no2["measurements"] = [{"year": 2022, "value": -VALUE_MAX}, {"year": 2023, "value": VALUE_MAX}]
    # From next to nothing to the bound: 1e15 / 1e-300 is no float.
    enfants = indicator(data, "aide-devoirs", "enfants-aide-devoirs")
    enfants["baseline"]["value"] = 1e-300
    enfants["target"]["value"] = VALUE_MAX
    enfants["measurements"] = [{"year": 2023, "value": VALUE_MAX - 1}]
    # A baseline equal to the target, and every value the same, measured once.
    classes = indicator(data, "ecole-numerique", "classes-equipees")
    classes["baseline"]["value"] = classes["target"]["value"] = 12
    classes["measurements"] = [{"year": 2022, "value": 12}]
    # All values at the bound, measured once.
    seances = indicator(data, "conseil-enfants", "seances-cme")
    seances["baseline"]["value"] = seances["target"]["value"] = VALUE_MAX
    seances["measurements"] = [{"year": 2022, "value": VALUE_MAX}]


@pytest.fixture
def plan_at_the_bounds(report_plan: Path) -> Path:
    edit_plan(report_plan, at_the_bounds)
    return report_plan


def svg_numbers(html: str) -> list[tuple[str, float]]:
    """Every coordinate of every chart: (attribute, value)."""
    numbers = []
    for svg in re.findall(r"<svg class=\"chart\".*?</svg>", html, flags=re.S):
        for name, value in re.findall(r' (x|y|x1|x2|y1|y2|cx|cy|points|d)="([^"]*)"', svg):
            numbers += [
                (name, float(n)) for n in re.findall(r"-?[\d.]+(?:e[-+]?\d+)?|nan|inf", value)
            ]
    return numbers


def test_the_plan_at_the_bounds_validates(plan_at_the_bounds: Path) -> None:
    run = run_vae("validate", plan_at_the_bounds)
    assert run.exit_code == 0, run


@pytest.mark.parametrize("kind", ["followup", "plan"])
def test_money_and_values_at_the_bounds_are_written_in_full(
    plan_at_the_bounds: Path, kind: str
) -> None:
    run = run_vae("report", plan_at_the_bounds, "--year", "2023", "--kind", kind)
    assert run.exit_code == 0, run
    name = "2023-followup" if kind == "followup" else "plan"
    md = Path(f"reports/villebourg/{name}.fr.md").read_text(encoding="utf-8")
    html = Path(f"reports/villebourg/{name}.fr.html").read_text(encoding="utf-8")
    for text in (md, html):
        text = re.sub(r"[\u00a0\u202f]", " ", text)  # (Markdown has plain spaces)
        if kind == "followup":
            assert "(1 000 000 000 000 €)" in text  # the fee paid: 1e12 €, to the euro
        assert "1 000 000 000 000 €" in text  # the budget
        assert "1 000 000 000 000 000 µg/m³ (2020)" in text  # the baseline: 1e15
        assert "-1 000 000 000 000 000 µg/m³ (2026)" in text.replace("\\-", "-")  # the target
        assert not re.search(r"NaN|∞|\binf\b", text)


def test_charts_at_the_bounds_stay_inside_the_drawing(plan_at_the_bounds: Path) -> None:
    run = run_vae("report", plan_at_the_bounds, "--year", "2023", "--format", "html")
    assert run.exit_code == 0, run
    html = Path("reports/villebourg/2023-followup.fr.html").read_text(encoding="utf-8")
    numbers = svg_numbers(html)
    assert len(numbers) > 100  # every chart, every point
    for name, value in numbers:
        assert math.isfinite(value), (name, value)
        assert -20 <= value <= max(WIDTH, HEIGHT) + 20, (name, value)


def test_every_indicator_at_the_bounds_gets_a_status(plan_at_the_bounds: Path) -> None:
    run = run_vae("report", plan_at_the_bounds, "--year", "2023", "--format", "md", "--lang", "en")
    assert run.exit_code == 0, run
    md = Path("reports/villebourg/2023-followup.en.md").read_text(encoding="utf-8")
    row = next(line for line in md.splitlines() if line.startswith("| Enfants inscrits"))
    assert "Substantial progress" in row  # from 1e-300 to 1e15 - 1 in three years of six
    row = next(line for line in md.splitlines() if line.startswith("| Classes équipées"))
    assert "Target achieved" in row  # the baseline is the target


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    "value", [MONEY_MAX, VALUE_MAX, -VALUE_MAX, 1e30, 1e300, 1.7976931348623157e308, 1e-300]
)
def test_any_finite_number_is_written_in_full(lang: str, value: float) -> None:
    fmt = Formatter(lang)
    digits = f"{decimal.Decimal(repr(value)):f}".lstrip("-").split(".")[0]  # as typed
    for text in (fmt.number(value), fmt.money(value), fmt.percent_value(value)):
        written = re.sub(r"[^\d]", "", text.split(",")[0] if lang == "fr" else text.split(".")[0])
        assert written == digits, text
        assert text.startswith("-") == (value < 0)
    assert fmt.percent(value)  # a share that large is nonsense, but no crash


def test_negative_zero_is_written_as_zero() -> None:
    assert Formatter("fr").money(-0.0) == "0\u00a0€"
    assert Formatter("en").number(-0.0) == "0"


def test_cents_stay_exact_near_the_money_bound() -> None:
    assert Formatter("fr").money(999_999_999_999.99) == ("999\u202f999\u202f999\u202f999,99\u00a0€")
    assert Formatter("en").percent_value(VALUE_MAX + 0.5) == "1,000,000,000,000,000.5%"


def chart(base: float, target: float, measured: list[tuple[int, float]]) -> Chart:
    return build_chart(
        base_year=2020, base_value=base, target_year=2026, target_value=target, measured=measured
    )


@pytest.mark.parametrize(
    ("base", "target", "measured"),
    [
        (VALUE_MAX, VALUE_MAX, [(2021, VALUE_MAX)]),  # all values equal, at the bound
        (-VALUE_MAX, -VALUE_MAX, [(2021, -VALUE_MAX)]),
        (0.0, 0.0, [(2021, 0.0)]),
        (5.0, 5.0, []),  # baseline equal to the target, nothing measured
        (-VALUE_MAX, VALUE_MAX, [(2023, 0.0)]),  # the whole range, across zero
        (VALUE_MAX, -VALUE_MAX, [(2021, VALUE_MAX), (2022, -VALUE_MAX)]),
        (1e-300, VALUE_MAX, [(2022, 1.0)]),  # a quotient past the floats
        (-1e-300, -VALUE_MAX, [(2022, 0.0)]),
        (VALUE_MAX, 5e-324, [(2022, 1e-300)]),  # a quotient below them
        (1.7976931348623157e308, -1.7976931348623157e308, [(2022, 0.0)]),
    ],
)
def test_a_chart_of_extreme_values_stays_inside_the_drawing(
    base: float, target: float, measured: list[tuple[int, float]]
) -> None:
    c = chart(base, target, measured)
    points = [c.baseline, c.target, *c.measured, *c.expected]
    assert len(c.expected) == 7
    for p in points:
        assert c.left <= p.x <= c.width - c.right, p
        assert c.top <= p.y <= c.height - c.bottom, p
    for tick in c.value_ticks:
        assert math.isfinite(tick.label) and c.top <= tick.position <= c.height - c.bottom


@pytest.mark.parametrize(
    ("base", "latest", "target", "increase", "status"),
    [
        (1e-300, VALUE_MAX, 1e14, True, ProgressStatus.TARGET_ACHIEVED),
        (1e-300, 1e14, VALUE_MAX, True, ProgressStatus.SUBSTANTIAL),
        (1e-300, 1e-301, VALUE_MAX, True, ProgressStatus.DETERIORATION),
        (1e-300, 1e-290, VALUE_MAX, True, ProgressStatus.LIMITED),
        (VALUE_MAX, 1e-300, 1e-301, False, ProgressStatus.SUBSTANTIAL),
        (1.0, VALUE_MAX, 0.0, False, ProgressStatus.DETERIORATION),
        (-1e-300, -VALUE_MAX, -1e14, False, ProgressStatus.TARGET_ACHIEVED),
        (-1e-300, -1e14, -VALUE_MAX, False, ProgressStatus.SUBSTANTIAL),
    ],
)
def test_progress_of_values_orders_of_magnitude_apart(
    base: float, latest: float, target: float, increase: bool, status: ProgressStatus
) -> None:
    assessment = assess(
        base_year=2020,
        base_value=base,
        latest_year=2023,
        latest_value=latest,
        target_year=2026,
        target_value=target,
        increase=increase,
    )
    assert assessment.status is status
    assert assessment.ratio is None or math.isfinite(assessment.ratio)
