"""`vae init`: a referential file is found where the plan naming it is, and named from the new
plan; mandates that no plan could have are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, SMALL_TOWN, run_vae
from vae_cli.reading.yaml_document import compose
from vae_cli.referentials import builtin_referentials

REFERENTIAL = "unicef-france-vae-2020-2026"


@pytest.fixture
def network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """plans/old.yaml naming `../reseau/ref.yaml`, a copy of the built-in referential; the
    current folder is the top of this layout."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "reseau").mkdir()
    (tmp_path / "reseau" / "ref.yaml").write_bytes(builtin_referentials()[REFERENTIAL].read_bytes())
    text = (ROOT / "plans" / "dijon-2020.yaml").read_text(encoding="utf-8")
    old = text.replace(f"referential: {REFERENTIAL}", "referential: ../reseau/ref.yaml")
    assert old != text
    (tmp_path / "plans" / "old.yaml").write_text(old, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def referential_of(path: Path) -> object:
    return compose(path.read_text(encoding="utf-8")).data["referential"]


@pytest.mark.parametrize("mandate", ["2026-2032", "2027-2033"])
def test_the_old_plans_referential_file_is_found_from_its_folder(
    network: Path, mandate: str
) -> None:
    new = network / "plans" / "next" / "new.yaml"
    run = run_vae("init", "plans/next/new.yaml", "--from", "plans/old.yaml", "--mandate", mandate)
    assert run.exit_code == 0, run
    # The network's own file is kept (not swapped for a built-in), named from the new plan.
    assert referential_of(new) == "../../reseau/ref.yaml"
    # So validate finds it: the only findings are what remains to fill in.
    check = run_vae("validate", new, "--format", "json", "--as-of", "2027")
    rules = {d["rule"] for d in check.json()["diagnostics"]}
    assert "known-reference" not in rules and "to-fill" in rules


def test_a_missing_referential_file_of_the_old_plan_is_named(network: Path) -> None:
    (network / "reseau" / "ref.yaml").unlink()
    run = run_vae("init", "plans/new.yaml", "--from", "plans/old.yaml", "--mandate", "2026-2032")
    assert run.exit_code == 2, run
    assert run.stderr == (
        'vae: error: plans/old.yaml: the referential file "../reseau/ref.yaml" does not exist\n'
        "  hint: the path is relative to the plan's folder (plans)\n"
    )
    assert not (network / "plans" / "new.yaml").exists()


@pytest.mark.parametrize(
    ("name", "message", "hint"),
    [
        ("reseau/absent.yaml", 'the referential file "reseau/absent.yaml" does not exist',
         "the path is relative to the current folder"),
        ("./reseau", '"./reseau" is not a referential', "a referential file's name ends in .yaml"),
        ("reseau/ref.yml", 'the referential file "reseau/ref.yml" does not exist', None),
        ("unicef", '"unicef" is not a known referential',
         "use one of unicef-france-vae-2020-2026"),
    ],
)  # fmt: skip
def test_a_referential_option_is_resolved_as_validate_resolves_a_plans(
    network: Path, name: str, message: str, hint: str | None
) -> None:
    run = run_vae("init", "x.yaml", "--city", "X", "--insee", "01053", "--referential", name)
    assert run.exit_code == 2, run
    assert run.stderr.startswith(f"vae: error: --referential: {message}\n"), run
    assert hint is None or f"  hint: {hint}" in run.stderr


def test_init_says_what_is_wrong_with_a_referential_in_the_users_language(network: Path) -> None:
    run = run_vae(
        "init", "x.yaml", "--city", "X", "--insee", "01053", "--referential", "unicef-2020",
        env={"VAE_LANG": "fr"},
    )  # fmt: skip
    assert run.exit_code == 2, run
    assert run.stderr.startswith(
        "vae\u00a0: erreur\u00a0: --referential\u00a0: «\u00a0unicef-2020\u00a0» n'est pas un "
        "référentiel connu\n"
        "  conseil\u00a0: indiquez l'un des référentiels unicef-france-vae-2020-2026"
    ), run


@pytest.mark.parametrize("where", ["plans/new.yaml", "plans/a/b/new.yaml", "new.yaml"])
def test_a_referential_option_is_written_relative_to_the_new_plan(
    network: Path, where: str
) -> None:
    run = run_vae("init", where, "--city", "Villebourg", "--insee", "01053",
                  "--referential", "reseau/ref.yaml")  # fmt: skip
    assert run.exit_code == 0, run
    value = referential_of(network / where)
    assert (network / where).parent.joinpath(str(value)).resolve() == (
        network / "reseau" / "ref.yaml"
    )
    check = run_vae("validate", where, "--format", "json", "--as-of", "2026")
    assert "known-reference" not in {d["rule"] for d in check.json()["diagnostics"]}


def test_a_plan_given_as_referential_points_at_validate_of_that_file(network: Path) -> None:
    run = run_vae("init", "x.yaml", "--city", "X", "--insee", "01053",
                  "--referential", "plans/old.yaml")  # fmt: skip
    assert run.exit_code == 2, run
    assert "plans/old.yaml is not a valid referential" in run.stderr
    assert "hint: run `vae validate plans/old.yaml` to see why" in run.stderr
    assert "--referential plans/old.yaml`" not in run.stderr


@pytest.mark.parametrize(
    ("mandate", "message"),
    [
        ("1800-1806", "years go from 1900 to 2100"),
        ("2096-2102", "years go from 1900 to 2100"),
        ("2032-2026", "the first year comes before the last"),
        ("2026-2026", "the first year comes before the last"),
        ("26-32", "is not two years written START-END"),
    ],
)
def test_a_mandate_no_plan_could_have_is_refused(
    tmp_path: Path, mandate: str, message: str
) -> None:
    path = tmp_path / "plan.yaml"
    run = run_vae("init", path, "--city", "X", "--insee", "01053", "--mandate", mandate)
    assert run.exit_code == 2, run
    assert message in run.stderr
    assert not path.exists()


@pytest.mark.parametrize("mandate", ["2020-2026", "2014-2020", "2019-2030"])
def test_the_next_mandate_starts_after_the_previous_one(tmp_path: Path, mandate: str) -> None:
    path = tmp_path / "next.yaml"
    run = run_vae("init", path, "--from", SMALL_TOWN, "--mandate", mandate)
    assert run.exit_code == 2, run
    assert f"--mandate {mandate} does not come after the mandate of" in run.stderr
    assert "(2020-2026)" in run.stderr and "e.g. --mandate 2026-2032" in run.stderr
    assert not path.exists()


def test_a_next_mandate_overlapping_the_last_year_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "next.yaml"
    assert run_vae("init", path, "--from", SMALL_TOWN, "--mandate", "2026-2032").exit_code == 0


def test_a_previous_plan_whose_mandate_is_reversed_is_to_be_fixed_first(tmp_path: Path) -> None:
    """Its mandate 2026-2020 is no base for the next one (the hint used to suggest 2020-2014)."""
    old = tmp_path / "old.yaml"
    text = SMALL_TOWN.read_text(encoding="utf-8")
    reversed_ = text.replace(
        "mandate:\n  start: 2020\n  end: 2026", "mandate:\n  start: 2026\n  end: 2020"
    )
    assert reversed_ != text
    old.write_text(reversed_, encoding="utf-8")
    path = tmp_path / "next.yaml"
    run = run_vae("init", path, "--from", old, "--mandate", "2026-2032")
    assert run.exit_code == 1, run
    assert "the mandate of" in run.stderr and "ends (2020) before it starts (2026)" in run.stderr
    assert "vae validate" in run.stderr and "2014" not in run.stderr
    assert not path.exists()
