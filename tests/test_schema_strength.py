"""The exported JSON Schema is as strict as `vae validate` on shapes: what an editor accepts
against `schemas/plan.schema.json`, vae accepts, and what vae refuses for its shape, the
editor refuses too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SMALL_TOWN, run_vae

SCHEMA = ROOT / "schemas" / "plan.schema.json"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
TEXT = SMALL_TOWN.read_text(encoding="utf-8")


def _editor_accepts(plan: Path) -> bool:
    done = subprocess.run(
        [CHECK_JSONSCHEMA, "--schemafile", SCHEMA, plan], capture_output=True, text=True
    )
    return done.returncode == 0


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    assert old in TEXT
    plan = tmp_path / "plan.yaml"
    plan.write_text(TEXT.replace(old, new, 1), encoding="utf-8")
    return plan


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("target_groups: [", 'target_groups: ["ados", '),
        ("target_groups: [", 'target_groups: ["6-3", '),
        ("target_groups: [", 'target_groups: ["12-12", '),
        ("respondents: 240", "respondents: " + "9" * 400),
    ],
)
def test_a_shape_vae_refuses_is_refused_in_the_editor_too(
    tmp_path: Path, old: str, new: str
) -> None:
    plan = _variant(tmp_path, old, new)
    assert run_vae("validate", plan, "--format", "json").exit_code == 1
    assert not _editor_accepts(plan)


def test_a_deliberation_with_neither_date_nor_year_is_refused_in_both(tmp_path: Path) -> None:
    plan = _variant(tmp_path, "  - date: 2020-11-02\n    title:", "  - title:")
    run = run_vae("validate", plan, "--format", "json")
    assert [d["rule"] for d in run.json()["diagnostics"]] == ["missing-key"]
    assert not _editor_accepts(plan)
    # `date: null` is no date either.
    plan = _variant(tmp_path, "  - date: 2020-11-02\n", "  - date: null\n")
    assert run_vae("validate", plan, "--format", "json").exit_code == 1
    assert not _editor_accepts(plan)


@pytest.mark.parametrize("band", ["6-11", "0-3", "06-11", "11-17", "3-99"])
def test_age_bands_vae_accepts_are_accepted_in_the_editor(tmp_path: Path, band: str) -> None:
    plan = _variant(tmp_path, "target_groups: [", f'target_groups: ["{band}", ')
    assert run_vae("validate", plan, "--format", "json", "--as-of", "2026").exit_code == 0
    assert _editor_accepts(plan)
