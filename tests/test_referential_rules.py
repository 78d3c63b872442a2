"""A referential file is checked like a plan: its ids unique, its recommendations under its own
commitments, its years in order; each problem a located finding in the referential's file."""

from __future__ import annotations

import typing as t
from pathlib import Path

import pytest

from tests.conftest import AS_OF, ROOT, edit_at, findings, run_vae
from vae_cli.referentials import builtin_referentials

BUILTIN = ROOT / "vae_cli" / "referentials" / "unicef-france-vae-2020-2026.yaml"
WritePlan = t.Callable[..., Path]


@pytest.fixture
def referential() -> str:
    return BUILTIN.read_text(encoding="utf-8")


def validate(*args: str | Path) -> t.Any:
    return run_vae("validate", *args, "--format", "json", "--as-of", AS_OF)


# (name, old text, new text, the part of the new text the finding points at, rule, message)
CASES = [
    (
        "commitment id twice",
        "  - id: partenariat\n",
        "  - id: bien-etre\n",
        "bien-etre",
        "referential-unique-ids",
        'The commitment id "bien-etre" is used twice',
    ),
    (
        "obligation id twice",
        "  - id: formation\n",
        "  - id: vision-partagee\n",
        "vision-partagee",
        "referential-unique-ids",
        'The obligation id "vision-partagee" is used twice',
    ),
    (
        "recommendation id twice",
        "  - id: nutrition\n",
        "  - id: pollution-air\n",
        "pollution-air",
        "referential-unique-ids",
        'The recommendation id "pollution-air" is used twice',
    ),
    (
        "consultation edition twice",
        '    - id: "2014"\n',
        '    - id: "2013"\n',
        '"2013"',
        "referential-unique-ids",
        'The consultation edition "2013" is listed twice',
    ),
    (
        "recommendation number twice in a commitment",
        "    commitment: equite\n    number: 3\n",
        "    commitment: equite\n    number: 2\n",
        "2\n",
        "referential-unique-ids",
        'The commitment "equite" has two recommendations numbered R2',
    ),
    (
        "recommendation under an unknown commitment",
        "  - id: violences\n    commitment: equite\n",
        "  - id: violences\n    commitment: equit\n",
        "equit\n",
        "referential-known-commitment",
        'The recommendation "violences" belongs to "equit", which is not a commitment of '
        "unicef-france-vae-2020-2026",
    ),
    (
        "reversed mandate",
        "mandate:\n  start: 2020\n  end: 2026\n",
        "mandate:\n  start: 2026\n  end: 2020\n",
        "2020\n",
        "referential-start-before-end",
        "The mandate ends (2020) before it starts (2026)",
    ),
    (
        "mandate of one year",
        "  end: 2026\n",
        "  end: 2020\n",
        "2020",
        "referential-start-before-end",
        "The mandate starts and ends in 2020",
    ),
    (
        "consultation edition ending before it starts",
        "      start: 2020-10-15\n      end: 2021-03-15\n",
        "      start: 2021-03-15\n      end: 2020-10-15\n",
        "2020-10-15",
        "referential-start-before-end",
        'The consultation edition "2020-2021" ends (2020-10-15) before it starts (2021-03-15)',
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "pointed", "rule", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_a_broken_referential_is_a_located_finding_in_its_file(
    referential: str,
    write_plan: WritePlan,
    old: str,
    new: str,
    pointed: str,
    rule: str,
    message: str,
) -> None:
    text, (line, column) = edit_at(referential, old, new, pointed)
    path = write_plan(text, "network.yaml")
    run = validate(path)
    assert run.exit_code == 1, run
    assert findings(run) == [(line, column, "error", rule)]
    assert run.json()["diagnostics"][0]["message"] == message


def test_a_near_miss_commitment_gets_a_did_you_mean(
    referential: str, write_plan: WritePlan
) -> None:
    text = referential.replace("    commitment: equite\n", "    commitment: equit\n", 1)
    (diagnostic,) = validate(write_plan(text, "network.yaml")).json()["diagnostics"]
    assert diagnostic["hint"] == 'did you mean "equite"?'


def test_a_plan_naming_a_broken_referential_says_so_and_lists_its_findings(
    referential: str, small_town: str, write_plan: WritePlan
) -> None:
    write_plan(
        referential.replace("  - id: partenariat\n", "  - id: bien-etre\n", 1), "network.yaml"
    )
    plan = write_plan(
        small_town.replace("referential: unicef-france-vae-2020-2026", "referential: network.yaml")
    )
    run = validate(plan)
    assert run.exit_code == 1, run
    by_file = [(d["path"], d["rule"]) for d in run.json()["diagnostics"]]
    assert by_file == [
        (str(plan), "known-reference"),
        (str(plan.parent / "network.yaml"), "referential-unique-ids"),
    ]
    assert "has errors, so this plan was not checked" in run.json()["diagnostics"][0]["message"]


def test_a_broken_referential_option_is_reported(
    referential: str, small_town: str, write_plan: WritePlan
) -> None:
    text = referential.replace("id: unicef-france-vae-2020-2026", "id: reseau-2020-2026", 1)
    ref = write_plan(text.replace("  - id: formation\n", "  - id: suivi\n", 1), "network.yaml")
    plan = write_plan(
        small_town.replace(
            "referential: unicef-france-vae-2020-2026", "referential: reseau-2020-2026"
        )
    )
    run = validate(plan, "--referential", ref)
    assert run.exit_code == 1, run
    found = [(d["rule"], d["path"]) for d in run.json()["diagnostics"]]
    assert found == [("referential-unique-ids", str(ref)), ("known-reference", str(plan))]
    assert "the referential" in run.json()["diagnostics"][1]["message"].lower()
    assert "has errors" in run.json()["diagnostics"][1]["message"]


def test_vae_init_refuses_a_broken_referential(referential: str, write_plan: WritePlan) -> None:
    ref = write_plan(
        referential.replace("  - id: partenariat\n", "  - id: bien-etre\n", 1), "ref.yaml"
    )
    target = ref.parent / "plan.yaml"
    run = run_vae("init", target, "--city", "Villebourg", "--insee", "01053", "--referential", ref)
    assert run.exit_code == 2, run
    assert "is not a valid referential" in run.stderr
    assert not target.exists()


@pytest.mark.parametrize("name", sorted(builtin_referentials()))
def test_the_builtin_referentials_pass_their_own_check(name: str) -> None:
    run = validate(builtin_referentials()[name])
    assert (run.exit_code, run.json()["diagnostics"]) == (0, [])


def test_a_plan_whose_mandate_is_reversed_gets_one_error_not_one_per_year(
    small_town: str, write_plan: WritePlan
) -> None:
    """Every year of the plan lies "outside the mandate 2026-2020": the one finding to fix is
    the mandate's, where it is written."""
    text, (line, column) = edit_at(
        small_town,
        "mandate:\n  start: 2020\n  end: 2026\n",
        "mandate:\n  start: 2026\n  end: 2020\n",
        "2020\n",
    )
    run = validate(write_plan(text))
    assert run.exit_code == 1, run
    errors = [f for f in findings(run) if f[2] == "error"]
    assert errors == [(line, column, "error", "start-before-end")]
    assert run.json()["diagnostics"][1]["message"] == (
        "The mandate ends (2020) before it starts (2026)"
    )


def test_the_2020_2026_referential_numbers_the_known_recommendations_and_the_7th_edition() -> None:
    """The recommendations of commitments 1 and 2 carry villeamiedesenfants.fr's numbering, and
    the 7th Consultation nationale is an edition a 2020-2026 plan can name."""
    from vae_cli.check import Checker

    loaded = Checker(as_of=2026).load_referential(BUILTIN)
    assert loaded.model is not None
    ref = loaded.model
    numbered = {(r.commitment, r.number): r.id for r in ref.recommendations if r.number}
    assert numbered == {
        ("bien-etre", 1): "petite-enfance-parentalite",
        ("bien-etre", 2): "pollution-air",
        ("bien-etre", 3): "nutrition",
        ("equite", 1): "acces-services-publics",
        ("equite", 2): "egalite-filles-loisirs",
        ("equite", 3): "violences",
    }
    assert not [r.id for r in ref.recommendations if r.placement_uncertain]
    assert ref.consultation is not None
    (seventh,) = [e for e in ref.consultation.editions if e.id == "2025-2026"]
    assert (str(seventh.start), str(seventh.end)) == ("2025-10-06", "2026-03-09")
    assert seventh.theme is not None and "santé mentale" in seventh.theme.fr
    assert seventh.note is not None and "3-5 ans" in seventh.note.fr
    assert {s.url for s in ref.sources} >= {"https://www.unicef.fr", "https://my.unicef.fr"}
