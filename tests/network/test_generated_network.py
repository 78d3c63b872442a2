"""The synthetic networks of tools/network_gen.py: the same seed gives the same files, and each
plan is what the manifest says it is, as `vae validate` judges it."""

from __future__ import annotations

import typing as t
from pathlib import Path

import pytest

from tools.network_gen import EVERY_KIND_FROM, MANIFEST, Manifest, breakage_kinds, generate
from tools.plan_text import write
from vae_cli.check import Checker
from vae_cli.editing.emit import Commented, Section
from vae_cli.findings.diagnostics import FileResult, Severity
from vae_cli.plan_format import department_of
from vae_cli.reading.yaml_document import compose

YEAR = 2026


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.*"))}


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Manifest]:
    folder = tmp_path_factory.mktemp("network")
    return folder, generate(folder, 40, seed=7, year=YEAR)


@pytest.fixture(scope="module")
def checked(network: tuple[Path, Manifest]) -> dict[str, FileResult]:
    """Every plan checked in this process, as `vae validate --as-of YEAR` checks it."""
    folder, manifest = network
    result = Checker(as_of=YEAR).check([folder / p.path for p in manifest.plans])
    by_path = {str(Path(f.path).resolve().relative_to(folder.resolve())): f for f in result.files}
    assert len(by_path) == len(manifest.plans)
    return by_path


def test_the_same_seed_writes_the_same_bytes_and_another_seed_another_network(
    tmp_path: Path,
) -> None:
    first, again, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate(first, EVERY_KIND_FROM, seed=3)
    generate(again, EVERY_KIND_FROM, seed=3)
    generate(other, EVERY_KIND_FROM, seed=4)
    assert files(first) == files(again)
    assert files(first) != files(other)
    assert Manifest.read(first) == Manifest.read(again)


def test_the_manifest_read_back_is_the_one_returned(network: tuple[Path, Manifest]) -> None:
    folder, manifest = network
    assert Manifest.read(folder) == manifest
    assert (folder / MANIFEST).is_file()


def test_a_network_has_varied_cities_sizes_mandates_and_every_kind_of_breakage(
    network: tuple[Path, Manifest],
) -> None:
    _, manifest = network
    plans = manifest.plans
    assert len({p.insee for p in plans}) == len(plans)
    assert all(department_of(p.insee) == p.department for p in plans)
    assert {"2A", "2B", "971", "974"} <= {p.department for p in plans}
    assert {p.referential for p in plans} == {
        "unicef-france-vae-2020-2026",
        "unicef-france-vae-2026-2032-provisoire",
    }
    assert min(p.actions for p in plans) < 10 < 40 < max(p.actions for p in plans)
    assert {p.breakage for p in plans} - {None} == {str(b) for b in breakage_kinds()}
    valid = manifest.valid
    assert any(p.obligations_missing for p in valid)
    assert any(not p.year_recorded for p in valid)
    assert any(not p.paid for p in valid)
    assert sum(manifest.departments().values()) == len(plans)


def test_every_plan_called_valid_validates(
    network: tuple[Path, Manifest], checked: dict[str, FileResult]
) -> None:
    _, manifest = network
    assert manifest.valid
    for plan in manifest.valid:
        result = checked[plan.path]
        errors = [
            f"{d.rule}: {d.message_in('en')}"
            for d in result.diagnostics
            if d.severity is Severity.ERROR
        ]
        assert errors == [], plan.path


def test_every_plan_broken_fails_with_the_rule_planted(
    network: tuple[Path, Manifest], checked: dict[str, FileResult]
) -> None:
    _, manifest = network
    broken = [p for p in manifest.plans if p.state != "valid"]
    assert broken
    for plan in broken:
        result = checked[plan.path]
        rules = {d.rule for d in result.diagnostics if d.severity is Severity.ERROR}
        assert plan.rule in rules, (plan.path, rules)
        # Unreadable: not even YAML, so the shape could not be looked at.
        assert result.read is (plan.state == "errors"), plan.path


def test_an_obligation_missing_is_one_only_abandoned_actions_cover_or_a_consultation_to_come(
    network: tuple[Path, Manifest], checked: dict[str, FileResult]
) -> None:
    """A valid plan misses an obligation in two ways: `vae validate` warns that only abandoned
    actions cover it, or (a 2026-2032 plan) no consultation of the mandate can have been held
    yet, which the consultation check waits for."""
    _, manifest = network
    assert any(p.obligations_missing for p in manifest.valid if p.mandate[0] == 2020)
    for plan in manifest.valid:
        warned = {
            d.message.values.get("obligation")
            for d in checked[plan.path].diagnostics
            if d.rule == "covered-only-by-abandoned"
        }
        waiting = {"consultation"} if plan.mandate[0] == 2026 else set()
        assert set(plan.obligations_missing) == warned | waiting, plan.path


def test_what_the_plan_writer_writes_reads_back_as_its_data() -> None:
    tricky: dict[str, t.Any] = {
        "texts": ["yes", "no", "on", "null", "12", "1_000", "0x1F", "2024-01-01", "a: b", "# x"],
        "quotes": ["l'école", 'il dit "oui"', "« guillemets »", "tab\there", "bien-etre", ""],
        "numbers": {"int": 3, "float": 3.85, "negative": -1, "bool": True},
        "progress": [
            {"year": 2021, "status": "in_progress", "note": "Une note : avec deux points"}
        ],
        "baseline": {"year": 2020, "value": 0.5},
        "nested": [{"id": "a", "items": [{"k": "v"}], "empty": []}, {}],
        "long": " ".join(["Une description : longue, avec « guillemets » et # dièse."] * 5),
    }
    sections = [
        Section("first", 1, ("a comment",)),
        Section("data", tricky),
        Section("commented", [Commented({"id": "x", "n": 1}, ("above",)), "plain"]),
    ]
    text = write(["header"], sections)
    assert compose(text).data == {
        "first": 1,
        "data": tricky,
        "commented": [{"id": "x", "n": 1}, "plain"],
    }


def test_a_network_of_an_earlier_year_is_what_its_manifest_says(tmp_path: Path) -> None:
    """A network of 2025 (the year `vae network` reports on by default in 2026): no plan of
    the 2026-2032 mandate, whose entries of 2025 would be outside it; every plan called
    valid validates as `vae network` checks it in 2026."""
    manifest = generate(tmp_path, EVERY_KIND_FROM, seed=5, year=2025)
    assert {p.referential for p in manifest.plans} == {"unicef-france-vae-2020-2026"}
    assert manifest.valid
    result = Checker(as_of=2026).check([tmp_path / p.path for p in manifest.valid])
    assert len(result.files) == len(manifest.valid)
    errors = [
        (f.path, d.rule)
        for f in result.files
        for d in f.diagnostics
        if d.severity is Severity.ERROR
    ]
    assert errors == []
