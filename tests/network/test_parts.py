"""The network's small parts: départements, file names, the lines and bar of a run."""

from __future__ import annotations

import io
import sys

import pytest

from vae_cli.network import departments
from vae_cli.network.data import CityRow, PlanState
from vae_cli.network.outputs import OUTPUTS
from vae_cli.network.progress import plan_line, shown


def test_departments_in_french_order() -> None:
    codes = ["974", "21", "2B", "01", "95", "2A", "19", "971"]
    assert sorted(codes, key=departments.order) == [
        "01", "19", "2A", "2B", "21", "95", "971", "974"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("code", "exists"),
    [("01", True), ("2A", True), ("95", True), ("974", True), ("20", False), ("00", False),
     ("96", False), ("1", False), ("2C", False), ("021", False)],
)  # fmt: skip
def test_which_department_codes_exist(code: str, exists: bool) -> None:
    assert departments.is_department(code) is exists


def test_file_names_carry_the_language_of_documents_only() -> None:
    assert OUTPUTS["md"].file_name(2025, "en") == "network-2025.en.md"
    assert OUTPUTS["csv"].file_name(2025, "fr") == "network-2025-indicators.csv"


def test_a_plan_line_is_one_inert_line() -> None:
    """A file's name is chosen by whoever sent the plan: it cannot act on the CI log."""
    row = CityRow(path="plans/x\n::error::\x1b[2J.yaml", state=PlanState.ERRORS, errors=3)
    line = plan_line(row, "en")
    assert line == "plans/x␊::error::␛[2J.yaml: 3 errors, 0 warnings"


def test_the_bar_on_a_terminal_counts_the_plans(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal, a bar that counts the plans in the run's language, and no line per
    plan."""
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # Rich draws on the StringIO as on a terminal
    with shown(2, lang="fr", terminal=True) as on_row:
        on_row(CityRow(path="a.yaml", state=PlanState.VALID))
        on_row(CityRow(path="b.yaml", state=PlanState.VALID))
    drawn = err.getvalue()
    assert "Lecture des plans" in drawn and "2/2" in drawn
    assert "a.yaml" not in drawn
