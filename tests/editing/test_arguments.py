"""Text typed on the command line goes into a plan only if a plan can hold it as typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import AS_OF, ROOT, SMALL_TOWN, run_vae

INVISIBLE = ["\x01", "\x1b[2J", "\x7f", "\u0085", "\u2028", "\u2029", "\u202e", "\u2066"]


@pytest.mark.parametrize("char", INVISIBLE)
def test_vae_init_refuses_an_invisible_character_in_the_city(tmp_path: Path, char: str) -> None:
    plan = tmp_path / "p.yaml"
    run = run_vae("init", plan, "--city", f"Ville{char}bourg", "--insee", "01053",
                  "--mandate", "2026-2032")  # fmt: skip
    assert run.exit_code == 2, run
    assert f"--city holds an invisible character (U+{ord(char[0]):04X}) at position 6" in (
        run.stderr
    )
    assert not plan.exists()


def test_a_city_name_on_two_lines_is_refused(tmp_path: Path) -> None:
    run = run_vae("init", tmp_path / "p.yaml", "--city", "Ville\nbourg", "--insee", "01053")
    assert run.exit_code == 2, run
    assert "must fit on one line" in run.stderr


def test_a_note_may_span_lines_but_holds_no_control_character(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_bytes(SMALL_TOWN.read_bytes())
    base = ("record", "progress", plan, "aide-devoirs", "--year", "2026", "--status", "done",
            "--as-of", AS_OF)  # fmt: skip
    refused = run_vae(*base, "--note", "Fini\u2028en juin")
    assert refused.exit_code == 2, refused
    assert "--note holds an invisible character (U+2028)" in refused.stderr
    written = run_vae(*base, "--note", "Fini en juin.\nBilan en septembre.")
    assert written.exit_code == 0, written
    assert "Bilan en septembre." in plan.read_text(encoding="utf-8")


def test_init_from_a_plan_whose_name_holds_a_control_character(tmp_path: Path) -> None:
    """The old plan's name goes into the new plan's comments, where YAML allows no control
    character: it is shown as its picture, and the new plan reads."""
    old = tmp_path / "ancien\x01plan.yaml"
    old.write_bytes((ROOT / "plans" / "dijon-2020.yaml").read_bytes())
    new = tmp_path / "nouveau.yaml"
    run = run_vae("init", new, "--from", old, "--mandate", "2026-2032")
    assert run.exit_code == 0, run
    text = new.read_text(encoding="utf-8")
    assert "# Reprise de ancien\u2401plan.yaml" in text and "\x01" not in text
    assert run_vae("validate", new, "--format", "json").exit_code in (0, 1)


@pytest.mark.parametrize(
    ("args", "written", "said"),
    [
        (
            ["measure", "enfants-aide-devoirs", "--value", "47,5"],
            "- {year: 2026, value: 47.5}",
            '--value "47,5" was recorded as 47.5.',
        ),
        (
            ["payment", "--amount", "600 €"],
            "- {year: 2026, amount_eur: 600}",
            '--amount "600 €" was recorded as 600.',
        ),
        (
            ["progress", "aide-devoirs", "--status", "en cours", "--spent", "90 000"],
            "- {year: 2026, status: in_progress, spent_eur: 90000}",
            '--status "en cours" was recorded as in_progress.\n'
            '--spent "90 000" was recorded as 90000.',
        ),
        (
            ["progress", "aide-devoirs", "--status", "Réalisée", "--spent", "1\u00a0200,50"],
            "- {year: 2026, status: done, spent_eur: 1200.5}",
            '--status "Réalisée" was recorded as done.\n'
            '--spent "1\u00a0200,50" was recorded as 1200.5.',
        ),
    ],
)
def test_vae_record_reads_numbers_and_words_as_a_french_office_types_them(
    tmp_path: Path, args: list[str], written: str, said: str
) -> None:
    """`47,5`, `600 €`, `90 000`, « en cours »: read as the one value they can mean, recorded,
    and said as recorded."""
    plan = tmp_path / "p.yaml"
    plan.write_bytes(SMALL_TOWN.read_bytes())
    kind, rest = args[0], args[1:]
    run = run_vae("record", kind, plan, *rest, "--year", "2026", "--as-of", AS_OF, "--replace")
    assert run.exit_code == 0, run
    assert written in plan.read_text(encoding="utf-8")
    assert said in run.stdout


@pytest.mark.parametrize(
    ("option", "given", "hint"),
    [
        (
            "--spent",
            "1,500",
            "type --spent 1.500 if the comma is a decimal point, or --spent 1500 if it "
            "separates thousands",
        ),
        ("--spent", "1.234,5", "type --spent 1234.5: a dot for decimals"),
        ("--value", "47,5 %", "type --value 47.5: a dot for decimals, no spaces, no unit"),
        (
            "--amount",
            "deux cents",
            "type the number with a dot for decimals and no spaces, e.g. --amount 1200",
        ),
    ],
)
def test_a_number_that_could_mean_two_is_refused_with_the_number_to_type(
    tmp_path: Path, option: str, given: str, hint: str
) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_bytes(SMALL_TOWN.read_bytes())
    command = {
        "--spent": ["progress", plan, "aide-devoirs", "--status", "done"],
        "--value": ["measure", plan, "enfants-aide-devoirs"],
        "--amount": ["payment", plan],
    }[option]
    run = run_vae("record", *command, option, given, "--year", "2026", "--as-of", AS_OF)
    assert run.exit_code == 2, run
    assert run.stderr == (
        f'vae: error: {option} "{given}" is not a number vae can read as one\n  hint: {hint}\n'
    )
    assert plan.read_bytes() == SMALL_TOWN.read_bytes()
    assert "Input should be" not in run.stderr
