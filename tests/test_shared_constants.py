"""The languages, the years a plan may name and the names of plan files are each written in one
place; the command line, the models and the schema all follow it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SMALL_TOWN, run_vae
from vae_cli.i18n.language import BABEL_LOCALES, LANGUAGES
from vae_cli.plan_format import FIRST_YEAR, LAST_YEAR, PLAN_SUFFIXES


def test_every_language_has_a_babel_locale() -> None:
    assert tuple(BABEL_LOCALES) == LANGUAGES


@pytest.mark.parametrize("command", ["validate", "report"])
def test_lang_offers_the_languages_vae_writes(command: str) -> None:
    shown = run_vae(command, "--help").stdout
    assert f"--lang <{'|'.join(LANGUAGES)}>" in shown
    refused = run_vae(command, "--lang", "xx", str(SMALL_TOWN))
    assert refused.exit_code == 2
    assert f"is not one of {', '.join(LANGUAGES)}" in refused.stderr, refused


@pytest.mark.parametrize(
    "args",
    [
        ["validate", str(SMALL_TOWN), "--as-of"],
        ["report", str(SMALL_TOWN), "--year"],
        ["record", "payment", str(SMALL_TOWN), "--amount", "1", "--year"],
    ],
)
def test_year_options_stop_where_plans_stop(args: list[str]) -> None:
    for year, bound in (
        (FIRST_YEAR - 1, f"the smallest allowed is {FIRST_YEAR}"),
        (LAST_YEAR + 1, f"the largest allowed is {LAST_YEAR}"),
    ):
        run = run_vae(*args, str(year))
        assert run.exit_code == 2, run
        assert bound in run.stderr, run


def test_the_schema_gives_the_same_years() -> None:
    schema = json.loads((Path(__file__).parent.parent / "schemas/plan.schema.json").read_text())
    years = {(v.get("minimum"), v.get("maximum")) for v in _years(schema)}
    assert years == {(FIRST_YEAR, LAST_YEAR)}


def _years(node: object) -> list[dict[str, object]]:
    if isinstance(node, dict):
        found = [node] if node.get("description") == "A year, e.g. 2023." else []
        return found + [y for v in node.values() for y in _years(v)]
    if isinstance(node, list):
        return [y for v in node for y in _years(v)]
    return []


@pytest.mark.parametrize("suffix", PLAN_SUFFIXES)
def test_a_folder_holds_plans_of_every_suffix(tmp_path: Path, suffix: str) -> None:
    (tmp_path / f"villebourg{suffix}").write_bytes(SMALL_TOWN.read_bytes())
    run = run_vae("validate", tmp_path, "--as-of", "2026", "--format", "json")
    assert [Path(f["path"]).name for f in run.json()["files"]] == [f"villebourg{suffix}"]
