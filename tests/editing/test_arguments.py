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
