"""`vae record` into lists written with YAML anchors (`&name`), tags (`!!seq`) or aliases
(`*name`): the entry is added and the anchor or tag kept, or, where the edit would also change
what an alias repeats elsewhere, a usage error says why. Never "a bug in vae"."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import AS_OF, run_vae
from tests.editing.conftest import inserted, only_line_changed

PAYMENTS = "  payments:\n    - {year: 2020, amount_eur: 150, date: 2020-12-01}\n"


def record(*args: str | Path) -> object:
    return run_vae("record", *args, "--as-of", AS_OF)


def rewrite(plan: Path, old: str, new: str) -> str:
    text = plan.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    plan.write_text(text, encoding="utf-8")
    return text


@pytest.mark.parametrize("properties", ["&paiements", "!!seq", "&paiements !!seq", "!!seq &p"])
def test_a_block_list_with_an_anchor_or_a_tag_gets_its_entry(plan: Path, properties: str) -> None:
    old = rewrite(plan, "  payments:\n", f"  payments: {properties}\n")
    run = record("payment", plan, "--year", "2026", "--amount", "150")
    assert run.exit_code == 0, run
    assert inserted(old, plan.read_text(encoding="utf-8")) == [
        "    - {year: 2026, amount_eur: 150}\n"
    ]


def test_an_entry_for_an_earlier_year_goes_under_the_anchor(plan: Path) -> None:
    old = rewrite(
        plan,
        PAYMENTS,
        "  payments: &paiements\n    - {year: 2021, amount_eur: 150}\n",
    )
    old = rewrite(
        plan, "    - {year: 2021, amount_eur: 150}\n    - {year: 2021", "    - {year: 2021"
    )
    run = record("payment", plan, "--year", "2020", "--amount", "150")
    assert run.exit_code == 0, run
    new = plan.read_text(encoding="utf-8")
    assert inserted(old, new) == ["    - {year: 2020, amount_eur: 150}\n"]
    assert "  payments: &paiements\n    - {year: 2020, amount_eur: 150}\n" in new


@pytest.mark.parametrize("properties", ["&mesures ", "!!seq ", "&m !!seq "])
def test_a_one_line_list_with_an_anchor_or_a_tag_gets_its_entry(
    plan: Path, properties: str
) -> None:
    old = rewrite(
        plan,
        "measurements: [{year: 2021, value: 0}]",
        f"measurements: {properties}[{{year: 2021, value: 0}}]",
    )
    run = record("measure", plan, "reunions-reseau", "--year", "2022", "--value", "2")
    assert run.exit_code == 0, run
    assert only_line_changed(old, plan.read_text(encoding="utf-8"))[1] == (
        f"        measurements: {properties}[{{year: 2021, value: 0}}, {{year: 2022, value: 2}}]\n"
    )


@pytest.mark.parametrize("properties", ["&mesures ", "!!seq "])
def test_an_empty_one_line_list_with_an_anchor_or_a_tag_gets_its_entry(
    plan: Path, properties: str
) -> None:
    old = rewrite(plan, "measurements: [{year: 2021, value: 0}]", f"measurements: {properties}[]")
    run = record("measure", plan, "reunions-reseau", "--year", "2022", "--value", "2")
    assert run.exit_code == 0, run
    assert only_line_changed(old, plan.read_text(encoding="utf-8"))[1] == (
        f"        measurements: {properties}[{{year: 2022, value: 2}}]\n"
    )


def test_an_anchored_empty_key_keeps_its_anchor(plan: Path) -> None:
    old = rewrite(
        plan, "        measurements: [{year: 2021, value: 0}]\n", "        measurements: &m\n"
    )
    run = record("measure", plan, "reunions-reseau", "--year", "2022", "--value", "2")
    assert run.exit_code == 0, run
    assert inserted(old, plan.read_text(encoding="utf-8")) == [
        "          - {year: 2022, value: 2}\n"
    ]


def test_tagged_and_anchored_entries_are_replaced_in_place(plan: Path) -> None:
    old = rewrite(
        plan,
        "    - {year: 2021, amount_eur: 150}\n",
        "    - &p2021 !!map {year: 2021, amount_eur: 150}\n",
    )
    run = record("payment", plan, "--year", "2021", "--amount", "160", "--replace")
    assert run.exit_code == 0, run
    assert only_line_changed(old, plan.read_text(encoding="utf-8"))[1] == (
        "    - &p2021 !!map {year: 2021, amount_eur: 160}\n"
    )


def test_a_membership_with_an_anchor_gets_its_entry(plan: Path) -> None:
    old = rewrite(plan, "membership:\n", "membership: &adhesion\n")
    run = record("payment", plan, "--year", "2026", "--amount", "150")
    assert run.exit_code == 0, run
    assert inserted(old, plan.read_text(encoding="utf-8")) == [
        "    - {year: 2026, amount_eur: 150}\n"
    ]


def test_a_missing_list_is_added_under_an_anchored_action(plan: Path) -> None:
    old = rewrite(
        plan,
        "  - id: ecole-numerique\n",
        "  - &numerique\n    id: ecole-numerique\n",
    )
    old = rewrite(plan, "    progress:\n      - {year: 2022, status: done, spent_eur: 79000}\n", "")
    run = record("progress", plan, "ecole-numerique", "--year", "2022", "--status", "done")
    assert run.exit_code == 0, run
    assert inserted(old, plan.read_text(encoding="utf-8")) == [
        "    progress:\n",
        "      - {year: 2022, status: done}\n",
    ]


SHARED = "    progress:\n      - {year: 2022, status: done, spent_eur: 79000}\n"
CME_PROGRESS = "".join(
    f"      - {{year: {year}, status: in_progress}}\n" for year in range(2020, 2026)
)
CME_LEAD = "    lead: Direction de la jeunesse\n    start: 2020\n"


@pytest.mark.parametrize(
    ("anchored", "alias", "args", "name"),
    [
        # The list is repeated elsewhere: an entry added to it would be added there too.
        (
            "    progress: &fait\n      - {year: 2022, status: done, spent_eur: 79000}\n",
            ("    progress:\n" + CME_PROGRESS, "    progress: *fait\n"),
            ("progress", "ecole-numerique", "--year", "2023", "--status", "done"),
            "fait",
        ),
        # The entry replaced is repeated elsewhere.
        (
            "    progress:\n      - &fait {year: 2022, status: done, spent_eur: 79000}\n",
            (CME_PROGRESS, "      - *fait\n"),
            ("progress", "ecole-numerique", "--year", "2022", "--status", "done",
             "--spent", "80000", "--replace"),
            "fait",
        ),
        # A value of the entry that changes is repeated elsewhere.
        (
            "    progress:\n      - {year: 2022, status: done, spent_eur: &cout 79000}\n",
            (CME_LEAD, CME_LEAD + "    budget_eur: *cout\n"),
            ("progress", "ecole-numerique", "--year", "2022", "--status", "done",
             "--spent", "80000", "--replace"),
            "cout",
        ),
        # The action holding the list is repeated elsewhere.
        (
            "  - &numerique\n    id: ecole-numerique\n",
            ("consultations:\n", "  - *numerique\nconsultations:\n"),
            ("progress", "ecole-numerique", "--year", "2023", "--status", "done"),
            "numerique",
        ),
    ],
)  # fmt: skip
def test_an_edit_that_would_change_what_an_alias_repeats_is_refused(
    plan: Path, anchored: str, alias: tuple[str, str], args: tuple[str, ...], name: str
) -> None:
    rewrite(plan, SHARED if "progress" in anchored else "  - id: ecole-numerique\n", anchored)
    rewrite(plan, *alias)
    before = plan.read_bytes()
    run = record(args[0], plan, *args[1:])
    assert run.exit_code == 2, run
    assert f"&{name}" in run.stderr and f"*{name}" in run.stderr
    assert "nothing was written" in run.stderr
    assert plan.read_bytes() == before


def test_an_anchor_no_alias_repeats_is_no_obstacle(plan: Path) -> None:
    old = rewrite(
        plan, SHARED, "    progress:\n      - {year: 2022, status: done, spent_eur: &cout 79000}\n"
    )
    run = record("progress", plan, "ecole-numerique", "--year", "2022", "--status", "done",
                 "--spent", "80000", "--replace")  # fmt: skip
    assert run.exit_code == 0, run
    assert only_line_changed(old, plan.read_text(encoding="utf-8"))[1] == (
        "      - {year: 2022, status: done, spent_eur: &cout 80000}\n"
    )


def test_a_list_written_as_an_alias_is_refused_with_the_reason(plan: Path) -> None:
    rewrite(
        plan, SHARED, "    progress: &fait\n      - {year: 2022, status: done, spent_eur: 79000}\n"
    )
    rewrite(plan, "    progress:\n" + CME_PROGRESS, "    progress: *fait\n")
    before = plan.read_bytes()
    run = record("progress", plan, "conseil-enfants", "--year", "2025", "--status", "done")
    assert run.exit_code == 2, run
    assert "alias (*fait)" in run.stderr
    assert plan.read_bytes() == before
