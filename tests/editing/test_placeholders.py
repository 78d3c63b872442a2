"""The `to-fill` rule: placeholders written by `vae init` are reported where they stand."""

from __future__ import annotations

import typing as t
from pathlib import Path

from tests.conftest import AS_OF, findings, locate, run_vae


def check(path: Path) -> list[tuple[int, int, str, str]]:
    return findings(run_vae("validate", path, "--format", "json", "--as-of", AS_OF))


def test_a_text_to_fill_is_an_error_at_its_value(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    text = small_town.replace("name: M. Paul Durand", 'name: "À REMPLIR : nom du référent"')
    assert check(write_plan(text)) == [(*locate(text, '"À REMPLIR'), "error", "to-fill")]


def test_a_provisional_value_is_an_error_at_that_value(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    text = small_town.replace(
        "annual_fee_eur: 150", "annual_fee_eur: 150  # À REMPLIR : montant à confirmer"
    )
    run = run_vae("validate", write_plan(text), "--as-of", AS_OF)
    assert "To check: montant à confirmer" in run.stdout
    assert check(write_plan(text)) == [(*locate(text, "150  #"), "error", "to-fill")]


def test_a_comment_that_only_mentions_the_marker_is_not_a_finding(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    text = "# Les valeurs suivies de « # À REMPLIR » sont provisoires.\n" + small_town
    assert check(write_plan(text)) == []
