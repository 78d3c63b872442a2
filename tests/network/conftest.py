"""Small networks built from the Dijon sample, each city altered as a test needs: the counts
a reader would make by hand are known."""

from __future__ import annotations

import copy
import functools
import typing as t
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

DIJON = ROOT / "plans" / "dijon-2020.yaml"
YEAR = 2023


@functools.cache
def _dijon() -> dict[str, t.Any]:
    data = yaml.safe_load(DIJON.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def plan_data(
    *, city: str, insee: str, department: str, abandon: str | None = None
) -> dict[str, t.Any]:
    """The Dijon plan as another city's; with `abandon`, every action covering that
    obligation abandoned in YEAR (a valid plan, with a warning, that no longer covers it)."""
    data = copy.deepcopy(_dijon())
    data["city"].update(name=city, insee_code=insee, department=department)
    if abandon is not None:
        for action in data["actions"]:
            if abandon in action.get("obligations", []):
                kept = [p for p in action.get("progress", []) if p["year"] < YEAR]
                action["progress"] = [*kept, {"year": YEAR, "status": "abandoned"}]
    return data


def write_plan(path: Path, data: dict[str, t.Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`plans/` with five plans, the working directory beside it:

    - dijon (21) and beaune (21): valid, every obligation covered;
    - ajaccio (2A): valid, "formation" covered only by actions abandoned in 2023;
    - lyon (69): a budget written the French way, an error;
    - casse: not YAML at all.
    """
    plans = tmp_path / "plans"
    write_plan(plans / "dijon.yaml", plan_data(city="Dijon", insee="21231", department="21"))
    write_plan(plans / "beaune.yaml", plan_data(city="Beaune", insee="21054", department="21"))
    write_plan(
        plans / "corse" / "ajaccio.yaml",
        plan_data(city="Ajaccio", insee="2A004", department="2A", abandon="formation"),
    )
    lyon = plan_data(city="Lyon", insee="69123", department="69")
    lyon["actions"][0]["budget_eur"] = "180 000,50"
    write_plan(plans / "lyon.yaml", lyon)
    (plans / "casse.yaml").write_text("city: [Villebourg\nactions: {\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return plans
