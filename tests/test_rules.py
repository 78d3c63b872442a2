"""Each rule, triggered by one edit of a valid plan, reported at the place of that edit."""

from __future__ import annotations

import json
import typing as t
from pathlib import Path

import pytest

from tests.conftest import AS_OF, ROOT, edit_at, findings, locate, run_vae


def check(path: Path, *extra: str) -> list[tuple[int, int, str, str]]:
    return findings(run_vae("validate", path, "--format", "json", "--as-of", AS_OF, *extra))


def edit(text: str, old: str, new: str, occurrence: int = 1) -> str:
    index = -1
    for _ in range(occurrence):
        index = text.index(old, index + 1)
    return text[:index] + new + text[index + len(old) :]


# (rule, severity, old text, new text, the part of the new text the finding points at, and the
# other rules the same edit rightly triggers: an unknown obligation leaves one uncovered...)
CASES: list[tuple[str, str, str, str, str, set[str]]] = [
    (
        "known-reference",
        "error",
        "commitment: equite",
        "commitment: equit",
        "equit",
        {"commitment-covered"},
    ),
    (
        "known-reference",
        "error",
        "[plan-action, suivi]",
        "[plan-action, suvi]",
        "suvi",
        {"obligation-covered"},
    ),
    ("known-reference", "error", "[pollution-air]", "[pollution]", "pollution", set()),
    (
        "known-reference",
        "error",
        'edition: "2020-2021"',
        'edition: "2020-21"',
        '"2020-21"',
        set(),  # consultation-held waits: the 2025-2026 edition runs until March 2026
    ),
    ("known-reference", "error", "  - id: bien-etre", "  - id: bien-etr", "bien-etr", set()),
    ("unique-ids", "error", "id: aide-devoirs", "id: rues-aux-ecoles", "rues-aux-ecoles", set()),
    ("unique-ids", "error", "id: reunions-reseau", "id: seances-cme", "seances-cme", set()),
    (
        "year-in-mandate",
        "error",
        "{year: 2022, value: 60}",
        "{year: 2019, value: 60}",
        "2019",
        {"measurement-before-baseline"},  # 2019 also predates the 2020 baseline
    ),
    (
        "year-in-mandate",
        "error",
        "{year: 2020, amount_eur: 150,",
        "{year: 2018, amount_eur: 150,",
        "2018",
        {"membership-payment-missing"},
    ),
    ("start-before-end", "error", "end: 2022\n", "end: 2021\n", "2021", set()),
    (
        "start-before-end",
        "error",
        "target: {year: 2022, value: 12}",
        "target: {year: 2021, value: 12}",
        "2021",
        set(),
    ),
    (
        "target-in-mandate",
        "error",
        "target: {year: 2024, value: 6}",
        "target: {year: 2030, value: 6}",
        "2030",
        set(),
    ),
    (
        "percentage-range",
        "error",
        "{year: 2021, value: 30,",
        "{year: 2021, value: 130,",
        "130",
        set(),
    ),
    (
        "percentage-range",
        "error",
        "target: {year: 2025, value: 100}",
        "target: {year: 2025, value: -5}",
        "-5",
        {"target-direction"},  # below the baseline of 0 too
    ),
    (
        "one-entry-per-year",
        "error",
        "{year: 2023, status: done",
        "{year: 2022, status: done",
        "2022",
        set(),
    ),
    (
        "one-entry-per-year",
        "error",
        "{year: 2022, value: 60}",
        "{year: 2021, value: 60}",
        "2021",
        set(),
    ),
    (
        "one-entry-per-year",
        "error",
        "{year: 2022, amount_eur: 150}",
        "{year: 2021, amount_eur: 150}",
        "2021",
        {"membership-payment-missing"},
    ),
    ("over-budget", "warning", "budget_eur: 50000", "budget_eur: 40000", "40000", set()),
    (
        "membership-payment-amount",
        "warning",
        "{year: 2024, amount_eur: 150}",
        "{year: 2024, amount_eur: 100}",
        "100",
        set(),
    ),
    ("consultation-respondents", "warning", "respondents: 240", "respondents: 150", "150", set()),
]


@pytest.mark.parametrize(("rule", "severity", "old", "new", "expected_at", "also"), CASES)
def test_rule_reports_at_the_edited_place(
    small_town: str,
    write_plan: t.Callable[[str], Path],
    rule: str,
    severity: str,
    old: str,
    new: str,
    expected_at: str,
    also: set[str],
) -> None:
    text, (line, column) = edit_at(small_town, old, new, expected_at)
    found = check(write_plan(text))
    assert (line, column, severity, rule) in found
    others = {r for *_, r in found if r != rule}
    assert others == also, found


def test_missing_payment_points_at_payments(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    text = edit(small_town, "    - {year: 2023, amount_eur: 150}\n", "")
    line, column = locate(text, "payments:")
    assert check(write_plan(text)) == [(line, column, "warning", "membership-payment-missing")]


def test_a_city_that_joined_after_the_first_year_owes_no_payment_before(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    """Rouen declared its intent in November 2020: with `since: 2021`, no 2020 payment is
    expected, and the years from 2021 on still are."""
    text = edit(small_town, "    - {year: 2020, amount_eur: 150, date: 2020-12-01}\n", "")
    assert [r for *_, r in check(write_plan(text))] == ["membership-payment-missing"]
    joined = edit(text, "  annual_fee_eur: 150\n", "  since: 2021\n  annual_fee_eur: 150\n")
    assert check(write_plan(joined)) == []
    later = edit(joined, "    - {year: 2021, amount_eur: 150}\n", "")
    line, column = locate(later, "payments:")
    assert check(write_plan(later)) == [(line, column, "warning", "membership-payment-missing")]


def test_a_payment_before_the_membership_starts_is_reported(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    text = edit(small_town, "  annual_fee_eur: 150\n", "  since: 2021\n  annual_fee_eur: 150\n")
    line, column = locate(text, "{year: 2020, amount_eur: 150", occurrence=1)
    run = run_vae("validate", write_plan(text), "--format", "json", "--as-of", AS_OF)
    (diagnostic,) = run.json()["diagnostics"]
    assert (diagnostic["line"], diagnostic["column"] - 7) == (line, column)
    assert diagnostic["message"] == (
        "A membership payment is recorded for 2020, before the membership starts (`since: 2021`)"
    )


def test_a_membership_starting_after_the_mandate_is_reported(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    text = edit(small_town, "  annual_fee_eur: 150\n", "  since: 2027\n  annual_fee_eur: 150\n")
    line, column = locate(text, "2027")
    assert check(write_plan(text)) == [(line, column, "warning", "membership-payment-missing")]


def test_missing_progress_year_points_at_progress(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    text = edit(small_town, "      - {year: 2022, status: in_progress, spent_eur: 5000}\n", "")
    line, column = locate(text, "progress:", occurrence=2)
    assert check(write_plan(text)) == [(line, column, "warning", "progress-missing")]


def test_every_commitment_needs_an_action(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    text = edit(
        small_town,
        "commitment: partenariat  # vae: ignore[covered-only-by-abandoned]",
        "commitment: participation",
    )
    line, column = locate(text, "actions:")
    assert check(write_plan(text)) == [(line, column, "error", "commitment-covered")]


def test_every_obligation_needs_an_action(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    text = edit(small_town, "obligations: [vision-partagee]", "obligations: []")
    line, column = locate(text, "actions:")
    assert check(write_plan(text)) == [(line, column, "error", "obligation-covered")]


def test_a_commitment_served_only_by_an_abandoned_action_is_a_warning(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    """The small town's partenariat has one action, abandoned in 2021, and says it knows."""
    text = edit(small_town, "  # vae: ignore[covered-only-by-abandoned]", "")
    line, column = locate(text, "partenariat\n    obligations")
    assert check(write_plan(text)) == [(line, column, "warning", "covered-only-by-abandoned")]


def test_an_obligation_covered_only_by_an_abandoned_action_is_a_warning(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    """plan-action loses its live action: the abandoned groupes-unicef covers nothing."""
    text = edit(small_town, "obligations: [plan-action, suivi]", "obligations: [suivi]")
    line, column = locate(text, "[plan-action]")
    run = run_vae("validate", write_plan(text), "--as-of", AS_OF, "--format", "json")
    assert findings(run) == [(line, column + 1, "warning", "covered-only-by-abandoned")]
    [diagnostic] = json.loads(run.stdout)["diagnostics"]
    assert diagnostic["message"] == (
        'The obligation "plan-action" is covered only by abandoned actions (groupes-unicef)'
    )


def test_an_action_abandoned_after_the_as_of_year_still_covers(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    """Checked as of 2020, before its 2021 abandonment, groupes-unicef still counts."""
    text = edit(small_town, "  # vae: ignore[covered-only-by-abandoned]", "")
    found = findings(run_vae("validate", write_plan(text), "--format", "json", "--as-of", "2020"))
    assert "covered-only-by-abandoned" not in {rule for *_, rule in found}


def test_consultation_obligation_needs_a_consultation_of_the_mandate(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    text = edit(small_town, 'edition: "2020-2021"', 'edition: "2018"')
    line, column = locate(text, "consultations:")
    # In 2027, once the mandate's last edition (2025-2026) has closed.
    errors = [f for f in check(write_plan(text), "--as-of", "2027") if f[2] == "error"]
    assert errors == [(line, column, "error", "consultation-held")]


def test_action_without_indicator_is_a_warning(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    start = small_town.index("    indicators:\n      - id: reunions-reseau")
    end = small_town.index("consultations:")
    text = small_town[:start] + small_town[end:]
    line, column = locate(text, "groupes-unicef")
    assert check(write_plan(text)) == [(line, column, "warning", "action-without-indicator")]


def test_did_you_mean_for_a_near_miss(small_town: str, write_plan: t.Callable[[str], Path]) -> None:
    run = run_vae(
        "validate",
        write_plan(edit(small_town, "commitment: bien-etre", "commitment: bien-etr")),
        "--as-of",
        AS_OF,
    )
    assert '"bien-etr" is not a commitment of unicef-france-vae-2020-2026' in run.stdout
    assert 'hint: did you mean "bien-etre"?' in run.stdout


def test_as_of_a_past_year_checks_the_plan_as_it_stood_then(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    """With --as-of 2024, what was recorded for 2025 (a progress entry, a measurement, a
    payment) is left out, as `vae report --year 2024` does, instead of being "in the future";
    what 2024 lacks is still reported."""
    assert sum("- {year: 2025" in line for line in small_town.splitlines()) == 3
    assert check(write_plan(small_town), "--as-of", "2024") == []
    text = edit(small_town, "    - {year: 2023, amount_eur: 150}\n", "")
    line, column = locate(text, "payments:")
    assert check(write_plan(text), "--as-of", "2024") == [
        (line, column, "warning", "membership-payment-missing")
    ]


def test_warnings_fail_only_under_strict(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    path = write_plan(edit(small_town, "respondents: 240", "respondents: 150"))
    assert run_vae("validate", path, "--as-of", AS_OF).exit_code == 0
    assert run_vae("validate", path, "--as-of", AS_OF, "--strict").exit_code == 1


def test_a_referential_for_another_mandate_is_a_warning(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    text = edit(
        small_town, "mandate:\n  start: 2020\n  end: 2026", "mandate:\n  start: 2020\n  end: 2027"
    )
    line, column = locate(text, "unicef-france-vae-2020-2026")
    assert check(write_plan(text)) == [(line, column, "warning", "mandate-matches-referential")]


def test_consultation_held_waits_for_an_edition_of_the_mandate(
    small_town: str, write_plan: t.Callable[[str], Path], tmp_path: Path
) -> None:
    """A referential that knows no edition during the mandate leaves nothing to hold yet."""
    source = (ROOT / "vae_cli" / "referentials" / "unicef-france-vae-2020-2026.yaml").read_text(
        encoding="utf-8"
    )
    cut = source[: source.index('    - id: "2020-2021"')] + source[source.index("sources:") :]
    (tmp_path / "network.yaml").write_text(cut, encoding="utf-8")
    text = edit(small_town, "referential: unicef-france-vae-2020-2026", "referential: network.yaml")
    text = edit(text, 'edition: "2020-2021"', 'edition: "2018"')
    assert check(write_plan(text)) == []


@pytest.mark.parametrize(
    ("old", "new", "pointed"),
    [
        ("{year: 2020, amount_eur: 150, date: 2020-12-01}",
         "{year: 2020, amount_eur: 150, date: 2099-12-01}", "2099-12-01"),
        ("  - date: 2020-11-02", "  - date: 2027-11-02", "2027-11-02"),
    ],
)  # fmt: skip
def test_dates_after_the_current_year(
    small_town: str, write_plan: t.Callable[[str], Path], old: str, new: str, pointed: str
) -> None:
    text, (line, column) = edit_at(small_town, old, new, pointed)
    assert check(write_plan(text)) == [(line, column, "error", "year-not-future")]


def test_a_target_against_the_direction_is_an_error(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    old = "id: enfants-aide-devoirs\n        label: Enfants inscrits\n        unit: enfants\n"
    text, (line, column) = edit_at(
        small_town,
        old + "        direction: increase",
        old + "        direction: decrease",
        "decrease",
    )
    assert check(write_plan(text)) == [(line, column, "error", "target-direction")]


def test_a_target_equal_to_the_baseline_means_keep_it(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    text = edit(small_town, "target: {year: 2026, value: 120}", "target: {year: 2026, value: 40}")
    assert check(write_plan(text)) == []


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2022", []),  # the 2023-2024 edition is still to come
        ("2024", []),  # ... and runs until March 2024
        ("2025", []),  # the 7th edition opens in October 2025
        ("2026", []),  # ... and runs until March 2026
        ("2027", ["consultation-held"]),  # every edition of the mandate has closed
    ],
)
def test_consultation_held_waits_while_an_edition_is_to_come(
    small_town: str, write_plan: t.Callable[[str], Path], as_of: str, expected: list[str]
) -> None:
    path = write_plan(small_town[: small_town.index("consultations:")] + "consultations: []\n")
    rules = [rule for *_, rule in check(path, "--as-of", as_of) if rule == "consultation-held"]
    assert rules == expected


def test_progress_is_needed_after_an_action_reopens_or_runs_late(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    """Done in 2023 then reopened in 2024: 2025 needs an entry. Planned to end in 2022 but
    still open: its later years need entries too."""
    done_2023 = (
        "{year: 2023, status: done, spent_eur: 20000, note: Toutes les écoles sont concernées.}"
    )
    text = edit(
        small_town,
        done_2023,
        "{year: 2023, status: done, spent_eur: 10000}\n      - {year: 2024, status: in_progress}",
    )
    text = edit(text, "{year: 2022, status: done,", "{year: 2022, status: delayed,")
    found = run_vae("validate", write_plan(text), "--format", "json", "--as-of", AS_OF).json()
    messages = sorted(d["message"] for d in found["diagnostics"])
    assert messages == [
        'The action "ecole-numerique" has no progress entry for 2023, 2024, 2025',
        'The action "rues-aux-ecoles" has no progress entry for 2025',
    ]


def test_unknown_obligation_message_reads_well(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    run = run_vae(
        "validate", write_plan(edit(small_town, "[formation]", "[formaton]")), "--as-of", AS_OF
    )
    assert '"formaton" is not an obligation of unicef-france-vae-2020-2026' in run.stdout
    assert 'hint: did you mean "formation"?' in run.stdout


def test_a_measurement_before_the_baseline_is_a_warning(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    text, (line, column) = edit_at(
        small_town, "{year: 2021, value: 30,", "{year: 2019, value: 30,", "2019"
    )
    found = check(write_plan(text))
    assert (line, column, "warning", "measurement-before-baseline") in found
    assert {rule for *_, rule in found} == {"measurement-before-baseline", "year-in-mandate"}


def test_the_admission_steps_come_in_their_order(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    """Rouen: intent declared on 2 November 2020, hearing on 26 May 2021. A hearing dated a
    year early, or a convention signed before the board's decision, is pointed at."""
    process = (
        "process:\n"
        "  declaration_of_intent: {date: 2020-11-02}\n"
        "  hearing: {date: 2021-05-26}\n"
        "  board_decision: {date: 2021-06-10}\n"
        "  convention_signed: {date: 2021-06-28}\n"
        "membership:\n"
    )
    text = edit(small_town, "membership:\n", process)
    assert check(write_plan(text)) == []
    early = edit(text, "hearing: {date: 2021-05-26}", "hearing: {date: 2020-05-26}")
    line, column = locate(early, "2020-05-26")
    run = run_vae("validate", write_plan(early), "--format", "json", "--as-of", AS_OF)
    (diagnostic,) = run.json()["diagnostics"]
    assert (diagnostic["line"], diagnostic["column"], diagnostic["rule"]) == (
        line,
        column,
        "process-in-order",
    )
    assert diagnostic["message"] == (
        "`hearing` is dated 2020-05-26, before `declaration_of_intent` (2020-11-02)"
    )
    swapped = edit(
        text, "convention_signed: {date: 2021-06-28}", "convention_signed: {date: 2021-06-01}"
    )
    line, column = locate(swapped, "2021-06-01")
    assert check(write_plan(swapped)) == [(line, column, "warning", "process-in-order")]


def test_an_action_without_a_text_for_children_is_a_warning_once_the_plan_writes_for_them(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    """A plan with no text for children has not taken up the children's edition: no warning.
    Once one action has one, every other action without one is reported, at its id; a city
    turns the rule off in `.vae.yaml`."""
    assert check(write_plan(small_town)) == []
    text = edit(
        small_town,
        "    title: Rues aux écoles\n",
        "    title: Rues aux écoles\n    for_children: La rue de ton école est sans voitures.\n",
    )
    plan = write_plan(text)
    expected = [
        (locate(text, f"- id: {action}")[0], 9, "warning", "children-text")
        for action in ("aide-devoirs", "ecole-numerique", "conseil-enfants", "groupes-unicef")
    ]
    assert check(plan) == expected
    (plan.parent / ".vae.yaml").write_text("rules:\n  children-text: off\n", encoding="utf-8")
    assert check(plan) == []
