"""`vae init`: a new plan that lists exactly what remains to fill, and the next mandate's plan."""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, SMALL_TOWN, run_vae
from vae_cli.reading.yaml_document import compose
from vae_cli.referentials import builtin_referentials

REFERENTIAL = "unicef-france-vae-2020-2026"


def rules_of(path: Path, as_of: str) -> collections.Counter[tuple[str, str]]:
    run = run_vae("validate", path, "--format", "json", "--as-of", as_of)
    return collections.Counter((d["severity"], d["rule"]) for d in run.json()["diagnostics"])


def init(path: Path, *extra: str) -> object:
    return run_vae("init", path, "--city", "Villebourg", "--insee", "01053", *extra)


def test_a_new_plan_lists_only_what_remains_to_fill(tmp_path: Path) -> None:
    path = tmp_path / "plans" / "villebourg-2026.yaml"
    run = run_vae("init", path, "--city", "Villebourg", "--insee", "01053", "--mandate",
                  "2026-2032")  # fmt: skip
    assert run.exit_code == 0, run
    assert "Next: fill in what `vae validate" in run.stdout
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    # The built-in referential written for 2026-2032 is chosen.
    assert "referential: unicef-france-vae-2026-2032-provisoire\n" in text
    assert rules_of(path, "2026") == {
        # 2 contacts, the membership's first year and fee, 5 commitment framings,
        # title/description/lead of 5 actions
        ("error", "to-fill"): 2 + 2 + 5 + 15,
        # which obligation each action covers is the city's choice: none is pre-filled
        ("error", "obligation-covered"): 6,
    }


def test_every_commitment_and_obligation_is_laid_out(tmp_path: Path) -> None:
    from vae_cli.check import Checker

    path = tmp_path / "plan.yaml"
    assert init(path).exit_code == 0  # type: ignore[attr-defined]
    text = path.read_text(encoding="utf-8")
    data = compose(text).data
    referential = Checker(as_of=2026).load_referential(builtin_referentials()[REFERENTIAL]).model
    assert referential is not None
    commitments = [c.id for c in referential.commitments]
    assert [c["id"] for c in data["commitments"]] == commitments  # type: ignore[index]
    assert [a["commitment"] for a in data["actions"]] == commitments  # type: ignore[index]
    for obligation in referential.obligations:
        assert f"#   - {obligation.id} : {obligation.label.fr}" in text
    assert data["city"] == {"name": "Villebourg", "insee_code": "01053", "department": "01"}
    assert data["mandate"] == {"start": 2020, "end": 2026}


def test_filling_in_what_validate_lists_gives_a_valid_plan(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    assert init(path).exit_code == 0  # type: ignore[attr-defined]
    text = path.read_text(encoding="utf-8")
    # The network's questions, answered as a French office would.
    text = text.replace('"À REMPLIR : oui ou non"', "Oui", 1).replace(
        '"À REMPLIR : oui ou non"', "non"
    )
    text = text.replace('"À REMPLIR : un nombre, en €"', "3,10 €")
    text = re.sub(r'"À REMPLIR : [^"]*"', '"Rempli"', text)
    text = text.replace("annual_fee_eur: 0  #", "annual_fee_eur: 200 #").replace("# À REMPLIR", "#")
    text = text.replace(
        "commitment: partenariat\n    obligations: []",
        "commitment: partenariat\n    obligations: [vision-partagee, formation, plan-action, "
        "suivi, communication, consultation]",
    )
    text = text.replace(
        "consultations: []",
        'consultations:\n  - {edition: "2020-2021", respondents: 250, local_extract: true}',
    )
    path.write_text(text, encoding="utf-8")
    assert rules_of(path, "2020") == {("warning", "action-without-indicator"): 5}


def test_init_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("# mon plan\n", encoding="utf-8")
    run = init(path)
    assert run.exit_code == 1  # type: ignore[attr-defined]
    assert "already exists" in run.stderr  # type: ignore[attr-defined]
    assert path.read_text(encoding="utf-8") == "# mon plan\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--city", "X", "--insee", "2105"], "is not an INSEE code"),
        (["--city", "X"], "needs --city and --insee"),
        (["--city", "X", "--insee", "21231", "--referential", "unicef-france-vae-2020"],
         'did you mean "unicef-france-vae-2020-2026"?'),
        (["--city", "X", "--insee", "21231", "--mandate", "2032-2026"], "START-END"),
        (["--from", str(SMALL_TOWN)], "--from needs --mandate"),
    ],
)  # fmt: skip
def test_bad_options_are_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    run = run_vae("init", tmp_path / "plan.yaml", *args)
    assert run.exit_code == 2, run
    assert message in run.stderr
    assert not (tmp_path / "plan.yaml").exists()


@pytest.mark.parametrize(("insee", "department"), [("2A004", "2A"), ("97411", "974")])
def test_the_department_comes_from_the_insee_code(
    tmp_path: Path, insee: str, department: str
) -> None:
    path = tmp_path / "plan.yaml"
    assert run_vae("init", path, "--city", "X", "--insee", insee).exit_code == 0
    assert compose(path.read_text(encoding="utf-8")).data["city"] == {
        "name": "X",
        "insee_code": insee,
        "department": department,
    }


def test_next_mandate_carries_running_actions_and_rebases_indicators(tmp_path: Path) -> None:
    path = tmp_path / "villebourg-2026.yaml"
    run = run_vae("init", path, "--from", SMALL_TOWN, "--mandate", "2026-2032")
    assert run.exit_code == 0, run
    assert "carried over 2 actions" in run.stdout
    assert "rues-aux-ecoles (done in 2023)" in run.stdout
    assert "groupes-unicef (abandoned in 2021)" in run.stdout
    text = path.read_text(encoding="utf-8")
    data = compose(text).data
    old = compose(SMALL_TOWN.read_text(encoding="utf-8")).data
    assert data["city"] == old["city"] and data["contacts"] == old["contacts"]
    assert data["mandate"] == {"start": 2026, "end": 2032}
    actions = {a["id"]: a for a in data["actions"]}  # type: ignore[union-attr,index]
    assert list(actions) == [
        "aide-devoirs",
        "conseil-enfants",
        "bien-etre-action-1",
        "parcours-educatif-action-1",
        "partenariat-action-1",
        # obligations only finished actions covered, each under that action's commitment
        "vision-partagee-action-1",
        "plan-action-action-1",
        "suivi-action-1",
    ]
    assert actions["vision-partagee-action-1"]["commitment"] == "parcours-educatif"  # type: ignore[index]
    assert actions["suivi-action-1"]["obligations"] == ["suivi"]  # type: ignore[index]
    assert (
        "# Reprise de small-town.yaml (mandat 2020-2026) ; dernier état connu, en 2025 : en "
        "cours.\n" in text
    )
    assert all(a["progress"] == [] for a in actions.values())  # type: ignore[index]
    indicator = actions["aide-devoirs"]["indicators"][0]  # type: ignore[index]
    assert indicator["baseline"] == {"year": 2023, "value": 80}
    # a target for the first year of the new mandate is to be set again, at its end
    assert indicator["target"] == {"year": 2032, "value": 120}
    assert "# À REMPLIR : nouvelle cible (120 visé en 2026)" in text
    assert indicator["measurements"] == []
    assert data["membership"] == {"annual_fee_eur": 150, "payments": []}
    assert set(rules_of(path, "2026")) == {("error", "to-fill")}


def test_ids_the_new_referential_lacks_are_reported_and_kept(tmp_path: Path) -> None:
    referential = tmp_path / "ref.yaml"
    text = builtin_referentials()[REFERENTIAL].read_text(encoding="utf-8")
    start = text.index("  - id: formation")
    referential.write_text(text[:start] + text[text.index("  - id: plan-action") :], "utf-8")
    path = tmp_path / "next.yaml"
    run = run_vae("init", path, "--from", SMALL_TOWN, "--mandate", "2026-2032",
                  "--referential", referential)  # fmt: skip
    assert run.exit_code == 0, run
    assert 'action "aide-devoirs": obligation "formation" no longer exists' in run.stdout
    assert "obligations: [formation]" in path.read_text(encoding="utf-8")


def test_a_past_target_is_to_be_set_again(tmp_path: Path) -> None:
    path = tmp_path / "next.yaml"
    assert run_vae("init", path, "--from", SMALL_TOWN, "--mandate", "2027-2033").exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert (
        "target: {year: 2033, value: 120}  # À REMPLIR : nouvelle cible (120 visé en 2026)" in text
    )
    # The old plan's referential (2020-2026) does not name this mandate: the title does.
    assert "# Plan d'action de Villebourg, mandat 2027-2033.\n" in text


def test_the_next_dijon_plan_has_only_to_fill_findings(tmp_path: Path) -> None:
    source = ROOT / "plans" / "dijon-2020.yaml"
    path = tmp_path / "dijon-2026.yaml"
    run = run_vae("init", path, "--from", source, "--mandate", "2026-2032")
    assert run.exit_code == 0, run
    assert set(rules_of(path, "2026")) == {("error", "to-fill")}


def test_targets_the_new_baseline_meets_are_to_be_set_again(tmp_path: Path) -> None:
    """Dijon's 2026 targets already reached in 2025 would read « Cible atteinte » in the first
    report of the new mandate: each is moved to 2032, marked, and listed by validate."""
    path = tmp_path / "dijon-2026.yaml"
    run = run_vae("init", path, "--from", ROOT / "plans" / "dijon-2020.yaml",
                  "--mandate", "2026-2032")  # fmt: skip
    assert run.exit_code == 0, run
    text = path.read_text(encoding="utf-8")
    for target, reached in [(600, 610), (50, 51), (120, 124), (8, 8)]:
        assert (
            f"target: {{year: 2032, value: {target}}}  # À REMPLIR : nouvelle cible ({target} visé "
            f"en 2026 ; déjà atteinte : {reached} en 2025)\n" in text
        )
    check = run_vae("validate", path, "--format", "json", "--as-of", "2026").json()
    listed = {d["message"] for d in check["diagnostics"] if d["rule"] == "to-fill"}
    assert "To check: nouvelle cible (600 visé en 2026 ; déjà atteinte : 610 en 2025)" in listed
    assert "To check: nouvelle cible (8 visé en 2026 ; déjà atteinte : 8 en 2025)" in listed
    # No target of the new plan is for 2026, nor already met by its baseline.
    for action in compose(text).data["actions"]:  # type: ignore[union-attr]
        for indicator in action.get("indicators") or []:  # type: ignore[union-attr]
            assert indicator["target"]["year"] > 2026, indicator


@pytest.mark.parametrize(
    ("direction", "baseline", "target", "reset"),
    [
        ("increase", 40, 60, False),
        ("increase", 60, 60, True),
        ("decrease", 22.8, 20, False),
        ("decrease", 18, 20, True),
    ],
)
def test_a_target_met_depends_on_the_direction(
    direction: str, baseline: float, target: float, reset: bool
) -> None:
    from vae_cli.editing.emit import Commented
    from vae_cli.editing.init.next_mandate import rebase

    indicator = {
        "id": "x",
        "direction": direction,
        "baseline": {"year": 2020, "value": 0},
        "target": {"year": 2030, "value": target},
        "measurements": [{"year": 2025, "value": baseline}],
    }
    out = rebase(indicator, 2026, 2032)  # type: ignore[arg-type]
    assert isinstance(out["target"], Commented) is reset
    if reset:
        assert out["target"].value == {"year": 2032, "value": target}
        assert f"déjà atteinte : {baseline:g} en 2025" in str(out["target"].after)


def test_the_comments_read_in_french(tmp_path: Path) -> None:
    path = tmp_path / "next.yaml"
    assert run_vae("init", path, "--from", SMALL_TOWN, "--mandate", "2026-2032").exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert "in_progress en" not in text and "dernier état connu, en 2025 : en cours." in text
    # One title line, the mandate said once, no brackets within brackets.
    assert "# Plan d'action de Villebourg.\n" in text
    assert (
        "# Référentiel : Ville amie des enfants — UNICEF France, mandat 2026-2032 (référentiel "
        "provisoire).\n" in text
    )
    assert text.split("\n#\n")[1].count("2026-2032") == 1
    # No edition of the consultation is known for 2026-2032: none is given as an example.
    assert '"2023-2024"' not in text and '"2020-2021"' not in text
    assert (
        "# Aucune édition annoncée pour ce mandat : ajoutez-la quand UNICEF France l'annonce,"
        in text
    )


def test_only_the_editions_of_the_mandate_are_suggested(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    assert init(path, "--mandate", "2020-2026").exit_code == 0  # type: ignore[attr-defined]
    text = path.read_text(encoding="utf-8")
    assert '#   - edition: "2025-2026"\n' in text
    assert '# Éditions de ce mandat : "2020-2021", "2023-2024", "2025-2026".\n' in text
    assert '"2018"' not in text
    # The referential's name gives the mandate: the title does not repeat it.
    assert "# Plan d'action de Villebourg.\n" in text


@pytest.mark.parametrize("mandate", ["2020-2026", "2027-2033"])
def test_the_examples_in_a_new_plan_follow_its_mandate(tmp_path: Path, mandate: str) -> None:
    """The commented indicator and deliberation, copied as written into the plan, raise no
    finding about their years: they are the plan's own mandate's."""
    path = tmp_path / "plan.yaml"
    run = run_vae("init", path, "--city", "Villebourg", "--insee", "01053", "--mandate", mandate)
    assert run.exit_code == 0, run
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("    # Indicateurs : "))
    example = []
    for line in lines[start + 1 : start + 8]:
        code = line.replace("    #   ", "    ", 1).split("  (")[0].rstrip()
        example.append(code)
    copied = text.replace(
        "    indicators: []\n", "    indicators:\n" + "\n".join(example) + "\n", 1
    )
    first, last = mandate.split("-")
    assert f"      baseline: {{year: {first}, value: 320}}" in example
    assert f"      target: {{year: {last}, value: 600}}" in example
    assert "      unit: familles" in example
    path.write_text(copied, encoding="utf-8")
    checked = run_vae("validate", path, "--format", "json", "--as-of", last)
    rules = {d["rule"] for d in checked.json()["diagnostics"]}
    assert "indicators" in copied and not rules & {
        "target-in-mandate",
        "year-in-mandate",
        "yaml-syntax",
        "wrong-type",
        "invalid-value",
    }, rules
    assert f"#   - date: {first}-11-02" in text


def test_a_new_plan_asks_when_membership_starts(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    run = run_vae("init", path, "--city", "Rouen", "--insee", "76540", "--mandate", "2020-2026")
    assert run.exit_code == 0, run
    text = path.read_text(encoding="utf-8")
    assert "  since: 2020  # À REMPLIR : première année d'adhésion au réseau\n" in text
    found = run_vae("validate", path, "--format", "json", "--as-of", "2026").json()
    line = (
        text.splitlines().index("  since: 2020  # À REMPLIR : première année d'adhésion au réseau")
        + 1
    )
    assert any(d["rule"] == "to-fill" and d["line"] == line for d in found["diagnostics"]), found[
        "diagnostics"
    ]
