"""`vae record --replace` rewrites only the values that change: the entry keeps its comments, its
layout and a note written as a block (`note: |`) stays a block."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import AS_OF, run_vae
from tests.editing.conftest import changes, inserted, only_line_changed
from vae_cli.reading.yaml_document import compose

ONE_LINE = "      - {year: 2024, status: delayed, spent_eur: 2000}\n"


def record(*args: str | Path) -> object:
    return run_vae("record", *args, "--as-of", AS_OF)


def replace_2024(plan: Path, *options: str) -> str:
    """Record the 2024 progress of "aide-devoirs" again; the plan's new text."""
    run = record("progress", plan, "aide-devoirs", "--year", "2024", *options, "--replace")
    assert run.exit_code == 0, run
    return plan.read_text(encoding="utf-8")


def with_entry(plan: Path, entry: str) -> str:
    """The plan with the 2024 progress entry of "aide-devoirs" written as `entry`."""
    text = plan.read_text(encoding="utf-8")
    assert ONE_LINE in text
    text = text.replace(ONE_LINE, entry)
    plan.write_text(text, encoding="utf-8")
    return text


COMMENTED = (
    "      - year: 2024\n"
    "        # Le prestataire a changé en cours d'année.\n"
    "        status: delayed  # rattrapé en 2025\n"
    "        spent_eur: 2000\n"
    "        note: |\n"
    "          Deux ateliers fermés de mars à juin.\n"
    "          Reprise en septembre.\n"
)


def test_the_replaced_entry_keeps_its_comments_and_its_block_note(plan: Path) -> None:
    old = with_entry(plan, COMMENTED)
    new = replace_2024(plan, "--status", "in_progress")
    assert only_line_changed(old, new) == (
        "        status: delayed  # rattrapé en 2025\n",
        "        status: in_progress  # rattrapé en 2025\n",
    )


def test_a_new_note_for_a_literal_block_is_written_as_a_literal_block(plan: Path) -> None:
    old = with_entry(plan, COMMENTED)
    new = replace_2024(
        plan, "--status", "in_progress", "--note", "Un seul atelier fermé.\nReprise en mai."
    )
    assert changes(old, new) == [
        (
            "replace",
            ["        status: delayed  # rattrapé en 2025\n"],
            ["        status: in_progress  # rattrapé en 2025\n"],
        ),
        (
            "replace",
            [
                "        note: |\n",
                "          Deux ateliers fermés de mars à juin.\n",
                "          Reprise en septembre.\n",
            ],
            [
                "        note: |-\n",
                "          Un seul atelier fermé.\n",
                "          Reprise en mai.\n",
            ],
        ),
    ]
    entry = compose(new).data["actions"][1]["progress"][3]  # type: ignore[index]
    assert entry["note"] == "Un seul atelier fermé.\nReprise en mai."  # type: ignore[index]


def test_a_block_header_keeps_its_comment(plan: Path) -> None:
    old = with_entry(plan, COMMENTED.replace("note: |\n", "note: |  # mot du service\n"))
    new = replace_2024(plan, "--status", "delayed", "--note", "Fermé.")
    assert changes(old, new)[0][2][-2:] == [
        "        note: |-  # mot du service\n",
        "          Fermé.\n",
    ]
    # Quoted where no block can hold the note, the comment stays on its line.
    new = replace_2024(plan, "--status", "delayed", "--note", " Fermé.")
    assert '        note: " Fermé."  # mot du service\n' in new


def test_a_folded_note_stays_folded_and_is_broken_at_spaces(plan: Path) -> None:
    old = with_entry(
        plan,
        "      - year: 2024\n"
        "        status: delayed\n"
        "        note: >-\n"
        "          Deux ateliers fermés.\n",
    )
    long_note = " ".join(["Les ateliers ont fermé de mars à juin faute d'animateurs"] * 3)
    new = replace_2024(plan, "--status", "delayed", "--note", long_note)
    (_, removed, added) = changes(old, new)[0]
    assert removed == ["          Deux ateliers fermés.\n"]
    assert len(added) == 2 and all(len(line) <= 101 for line in added)
    assert all(line.startswith("          ") for line in added)
    entry = compose(new).data["actions"][1]["progress"][3]  # type: ignore[index]
    assert entry["note"] == long_note  # type: ignore[index]


@pytest.mark.parametrize(
    ("note", "written"),
    [
        ("Fermé.\n\n", '"Fermé.\\n\\n"'),  # `|+` would take in the blank lines after it
        ("  en retrait", '"  en retrait"'),  # a block would read its spaces as indentation
        ("\tRetrait", '"\\tRetrait"'),  # a tab cannot indent a block
    ],
)
def test_a_note_no_block_can_hold_is_quoted(plan: Path, note: str, written: str) -> None:
    old = with_entry(plan, COMMENTED)
    new = replace_2024(plan, "--status", "delayed", "--note", note)
    (_, _, added) = changes(old, new)[0]
    assert added == [f"        note: {written}\n"]


def test_a_field_the_entry_lacks_is_added_after_its_last_one(plan: Path) -> None:
    old = with_entry(plan, COMMENTED.replace("        spent_eur: 2000\n", ""))
    new = replace_2024(plan, "--status", "delayed", "--spent", "2500")
    assert inserted(old, new) == ["        spent_eur: 2500\n"]
    assert new.index("Reprise en septembre.\n        spent_eur: 2500\n") > 0


def test_a_one_line_entry_over_two_lines_keeps_its_comment(plan: Path) -> None:
    old = with_entry(
        plan,
        "      - {year: 2024, status: delayed,  # prestataire changé\n         spent_eur: 2000}\n",
    )
    new = replace_2024(plan, "--status", "in_progress", "--note", "Reprise")
    assert changes(old, new)[0][2] == [
        "      - {year: 2024, status: in_progress,  # prestataire changé\n",
        "         spent_eur: 2000, note: Reprise}\n",
    ]


def test_quotes_are_those_of_the_value_replaced(plan: Path) -> None:
    old = with_entry(
        plan, "      - {year: 2024, status: 'delayed', spent_eur: 2000, note: 'Fermé.'}\n"
    )
    new = replace_2024(plan, "--status", "done", "--note", "Rouvert.")
    assert only_line_changed(old, new)[1] == (
        "      - {year: 2024, status: 'done', spent_eur: 2000, note: 'Rouvert.'}\n"
    )


def test_a_block_is_replaced_to_its_end_and_the_blank_lines_after_it_stay(plan: Path) -> None:
    """The spaces that end a block's last line are part of the note: they go with it."""
    old = with_entry(
        plan,
        "      - year: 2024\n"
        "        status: delayed\n"
        "        note: |+\n"
        "          Deux ateliers.  \n"
        "           \n"
        "\n",
    )
    new = replace_2024(plan, "--status", "delayed", "--note", "Un\tatelier.")
    assert changes(old, new) == [
        (
            "replace",
            ["        note: |+\n", "          Deux ateliers.  \n", "           \n"],
            ["        note: |-\n", "          Un\tatelier.\n", "\n"],
        )
    ]
    entry = compose(new).data["actions"][1]["progress"][3]  # type: ignore[index]
    assert entry["note"] == "Un\tatelier."  # type: ignore[index]
