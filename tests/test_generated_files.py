"""The committed schemas and docs are what the code generates: they cannot drift."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_vae
from tools import docgen
from vae_cli.schema_export import SCHEMAS


@pytest.mark.parametrize("name", sorted(docgen.GENERATED))
def test_committed_docs_are_current(name: str) -> None:
    committed = (ROOT / name).read_text(encoding="utf-8")
    assert committed == docgen.GENERATED[name](), f"{name} is stale: run `make docs`"


def test_schema_check_passes_on_the_committed_schemas() -> None:
    run = run_vae("schema", "--check", "--output", ROOT / "schemas")
    assert run.exit_code == 0, f"schemas/ is stale: run `make docs`\n{run}"


def test_schema_check_fails_when_a_schema_is_stale(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    stale = tmp_path / "schemas" / "plan.schema.json"
    stale.write_text('{"type": "object"}\n', encoding="utf-8")
    run = run_vae("schema", "--check", "--output", tmp_path / "schemas")
    assert run.exit_code == 1
    assert "stale" in run.stdout and "plan.schema.json" in run.stdout
    assert stale.read_text(encoding="utf-8") == '{"type": "object"}\n'  # --check writes nothing


def test_schema_writes_missing_schemas(tmp_path: Path) -> None:
    run = run_vae("schema", "--output", tmp_path)
    assert run.exit_code == 0
    for name in SCHEMAS:
        schema = json.loads((tmp_path / name).read_text(encoding="utf-8"))
        assert schema["$schema"].startswith("https://json-schema.org/")


def test_every_rule_is_documented() -> None:
    rules_md = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    from vae_cli.rules import FILE_FINDINGS, load_all, referential_rules

    for rule_id in [*load_all(), *FILE_FINDINGS, *referential_rules()]:
        assert f"### `{rule_id}`" in rules_md


def test_plan_format_documents_every_key() -> None:
    text = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    from vae_cli.models.plan import Action, Indicator, Plan

    for model in (Plan, Action, Indicator):
        for key in model.model_fields:
            assert f"| `{key}` |" in text
