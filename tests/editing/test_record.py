"""`vae record`: each command adds exactly its entry and leaves every other byte alone."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.conftest import AS_OF, locate, run_vae
from tests.editing.conftest import changes, inserted, only_line_changed


def record(*args: str | Path) -> object:
    return run_vae("record", *args, "--as-of", AS_OF)


def test_progress_is_added_after_the_last_year_in_the_style_of_its_neighbours(
    plan: Path,
) -> None:
    old = plan.read_text(encoding="utf-8")
    run = run_vae(
        "record", "progress", plan, "aide-devoirs", "--year", "2026", "--status", "in_progress",
        "--spent", "4500", "--note", "Un quartier de plus : 4 ateliers", "--as-of", AS_OF,
    )  # fmt: skip
    assert run.exit_code == 0, run
    assert 'recorded the 2026 progress entry of the action "aide-devoirs"' in run.stdout
    added = inserted(old, plan.read_text(encoding="utf-8"))
    assert added == [
        '      - {year: 2026, status: in_progress, spent_eur: 4500, note: "Un quartier de plus '
        ': 4 ateliers"}\n'
    ]
    line, _ = locate(plan.read_text(encoding="utf-8"), "{year: 2026, status: in_progress, spent")
    assert line == locate(old, "{year: 2025, status: in_progress, spent_eur: 5000}")[0] + 1


def test_an_earlier_year_goes_before_the_later_ones(plan: Path) -> None:
    old = plan.read_text(encoding="utf-8")
    run = run_vae("record", "measure", plan, "enfants-aide-devoirs", "--year", "2021",
                  "--value", "52", "--as-of", AS_OF)  # fmt: skip
    assert run.exit_code == 0, run
    new = plan.read_text(encoding="utf-8")
    assert inserted(old, new) == ["          - {year: 2021, value: 52}\n"]
    assert new.index("{year: 2021, value: 52}") < new.index("{year: 2023, value: 80}")


def test_a_one_line_list_gets_the_entry_on_that_line(plan: Path) -> None:
    old = plan.read_text(encoding="utf-8")
    run = run_vae("record", "measure", plan, "reunions-reseau", "--year", "2022", "--value",
                  "1.5", "--source", "Compte rendu, réseau", "--as-of", AS_OF)  # fmt: skip
    assert run.exit_code == 0, run
    before, after = only_line_changed(old, plan.read_text(encoding="utf-8"))
    assert before == "        measurements: [{year: 2021, value: 0}]\n"
    assert after == (
        "        measurements: [{year: 2021, value: 0}, "
        '{year: 2022, value: 1.5, source: "Compte rendu, réseau"}]\n'
    )


def test_a_missing_list_is_added_before_the_next_key(plan: Path) -> None:
    old = plan.read_text(encoding="utf-8").replace(
        "    progress:\n      - {year: 2022, status: done, spent_eur: 79000}\n",
        "    # Les indicateurs de l'action :\n",
    )
    plan.write_text(old, encoding="utf-8")
    run = record("progress", plan, "ecole-numerique", "--year", "2022", "--status", "done")
    assert run.exit_code == 0, run
    added = inserted(old, plan.read_text(encoding="utf-8"))
    assert added == ["    progress:\n", "      - {year: 2022, status: done}\n"]
    new = plan.read_text(encoding="utf-8")
    # The comment about the indicators stays right above them.
    assert "      - {year: 2022, status: done}\n    # Les indicateurs" in new


def test_a_list_written_one_key_per_line_gets_an_entry_written_the_same_way(plan: Path) -> None:
    old = plan.read_text(encoding="utf-8").replace(
        "      - {year: 2021, status: abandoned, note: Pas de groupe proche.}\n",
        '      -   year: 2021\n          status: abandoned\n          note: "Pas de groupe."\n',
    )
    plan.write_text(old, encoding="utf-8")
    run = record("progress", plan, "groupes-unicef", "--year", "2022", "--status", "abandoned",
                 "--note", "Toujours rien.")  # fmt: skip
    assert run.exit_code == 0, run
    assert inserted(old, plan.read_text(encoding="utf-8")) == [
        "      -   year: 2022\n",
        "          status: abandoned\n",
        '          note: "Toujours rien."\n',
    ]


def test_replace_changes_only_that_entry(plan: Path) -> None:
    old = plan.read_text(encoding="utf-8")
    run = record("progress", plan, "conseil-enfants", "--year", "2025", "--status", "delayed",
                 "--replace")  # fmt: skip
    assert run.exit_code == 0, run
    assert "replaced the 2025 progress entry" in run.stdout
    assert only_line_changed(old, plan.read_text(encoding="utf-8")) == (
        "      - {year: 2025, status: in_progress}\n",
        "      - {year: 2025, status: delayed}\n",
    )


def test_replace_keeps_what_the_command_does_not_set(plan: Path) -> None:
    """A corrected value keeps its source; a corrected status keeps its spending and note;
    a field given again takes the new value."""
    old = plan.read_text(encoding="utf-8")
    run = record("measure", plan, "ecoles-rue-apaisee", "--year", "2021", "--value", "35",
                 "--replace")  # fmt: skip
    assert run.exit_code == 0, run
    assert (
        'replaced the 2021 measurements entry of the indicator "ecoles-rue-apaisee" '
        "(kept its source)." in run.stdout
    )
    assert only_line_changed(old, plan.read_text(encoding="utf-8")) == (
        "          - {year: 2021, value: 30, source: Direction de la voirie}\n",
        "          - {year: 2021, value: 35, source: Direction de la voirie}\n",
    )

    old = plan.read_text(encoding="utf-8")
    run = record("progress", plan, "rues-aux-ecoles", "--year", "2023", "--status", "delayed",
                 "--replace")  # fmt: skip
    assert run.exit_code == 0, run
    assert "(kept its spent_eur and note)." in run.stdout
    assert only_line_changed(old, plan.read_text(encoding="utf-8"))[1] == (
        "      - {year: 2023, status: delayed, spent_eur: 20000, note: Toutes les écoles sont "
        "concernées.}\n"
    )

    old = plan.read_text(encoding="utf-8")
    run = record("progress", plan, "rues-aux-ecoles", "--year", "2023", "--status", "done",
                 "--note", "Fini.", "--replace")  # fmt: skip
    assert run.exit_code == 0, run
    assert "(kept its spent_eur)." in run.stdout
    assert only_line_changed(old, plan.read_text(encoding="utf-8"))[1] == (
        "      - {year: 2023, status: done, spent_eur: 20000, note: Fini.}\n"
    )

    old = plan.read_text(encoding="utf-8")
    run = record("measure", plan, "ecoles-rue-apaisee", "--year", "2021", "--value", "35",
                 "--source", "Recensement", "--replace")  # fmt: skip
    assert run.exit_code == 0, run
    assert "kept" not in run.stdout
    assert only_line_changed(old, plan.read_text(encoding="utf-8"))[1] == (
        "          - {year: 2021, value: 35, source: Recensement}\n"
    )


def test_an_existing_year_is_not_replaced_without_replace(plan: Path) -> None:
    old = plan.read_bytes()
    run = record("payment", plan, "--year", "2025", "--amount", "150")
    assert run.exit_code == 1
    assert "already has a `payments` entry for 2025" in run.stderr
    assert "--replace" in run.stderr
    assert plan.read_bytes() == old


def test_unknown_ids_get_a_did_you_mean_and_leave_the_file_alone(plan: Path) -> None:
    old = plan.read_bytes()
    run = record("progress", plan, "aide-devoir", "--year", "2026", "--status", "done")
    assert (run.exit_code, run.stdout) == (1, "")
    assert 'no action "aide-devoir"' in run.stderr
    assert 'did you mean "aide-devoirs"?' in run.stderr
    run = record("measure", plan, "seances", "--year", "2025", "--value", "3")
    assert run.exit_code == 1
    assert 'did you mean "seances-cme"?' in run.stderr
    assert plan.read_bytes() == old


def test_an_edit_that_adds_an_error_is_refused_and_shows_it(plan: Path) -> None:
    old = plan.read_bytes()
    run = record("measure", plan, "ecoles-rue-apaisee", "--year", "2024", "--value", "120")
    assert run.exit_code == 1, run
    assert "[percentage-range] 120 % is not a percentage" in run.stderr
    assert "this would add 1 error to" in run.stderr
    assert "nothing was written" in run.stderr
    assert plan.read_bytes() == old


def test_a_future_year_is_refused(plan: Path) -> None:
    old = plan.read_bytes()
    run = record("progress", plan, "aide-devoirs", "--year", "2027", "--status", "planned")
    assert run.exit_code == 1
    assert "error [year-in-mandate]" in run.stderr and "nothing was written" in run.stderr
    assert plan.read_bytes() == old


def test_an_edit_that_adds_a_warning_is_written_and_the_warning_shown(plan: Path) -> None:
    run = record("payment", plan, "--year", "2026", "--amount", "100", "--date", "2026-02-01")
    assert run.exit_code == 0, run
    assert "It adds 1 warning:" in run.stdout
    assert "[membership-payment-amount]" in run.stdout


def test_dry_run_prints_a_diff_and_writes_nothing(plan: Path) -> None:
    old = plan.read_bytes()
    run = record("payment", plan, "--year", "2026", "--amount", "150", "--dry-run")
    assert run.exit_code == 0, run
    assert plan.read_bytes() == old
    lines = run.stdout.splitlines()
    assert lines[0].startswith("--- a/") and lines[1].startswith("+++ b/")
    assert [line for line in lines if line.startswith(("+", "-"))][2:] == [
        "+    - {year: 2026, amount_eur: 150}"
    ]


def test_bad_values_are_usage_errors(plan: Path) -> None:
    old = plan.read_bytes()
    run = record("progress", plan, "aide-devoirs", "--year", "2026", "--status", "finished")
    assert run.exit_code == 2
    assert '"finished" is not a status' in run.stderr
    run = record("progress", plan, "aide-devoirs", "--year", "2026", "--status", "don")
    assert "did you mean done?" in run.stderr
    run = record("payment", plan, "--year", "2026", "--amount", "150", "--date", "30/03/2026")
    assert run.exit_code == 2 and "YYYY-MM-DD" in run.stderr
    run = record("payment", plan, "--year", "2026", "--amount", "inf")
    assert run.exit_code == 2 and "finite" in run.stderr
    assert plan.read_bytes() == old


def test_the_status_help_lists_every_status() -> None:
    from vae_cli.models.plan import Status

    run = run_vae("record", "progress", "--help")
    assert run.exit_code == 0
    text = " ".join(run.stdout.split())
    *others, last = [status.value for status in Status]
    listed = f"{', '.join(others)} or {last}"
    assert f"--status <str> Where the action stood at the end of the year: {listed}." in text


def test_a_broken_plan_is_reported_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("actions:\n  - id: a\n   title: x\n", encoding="utf-8")
    run = record("progress", path, "a", "--year", "2025", "--status", "done")
    assert run.exit_code == 1
    assert "broken.yaml:3:" in run.stderr
    assert "nothing was written" in run.stderr


def test_a_missing_plan_is_a_usage_error(tmp_path: Path) -> None:
    run = record("payment", tmp_path / "nope.yaml", "--year", "2025", "--amount", "1")
    assert run.exit_code == 2
    assert "no such file" in run.stderr


def test_crlf_line_endings_and_byte_order_mark_are_kept(plan: Path) -> None:
    old = b"\xef\xbb\xbf" + plan.read_bytes().replace(b"\n", b"\r\n")
    plan.write_bytes(old)
    run = record("payment", plan, "--year", "2026", "--amount", "150")
    assert run.exit_code == 0, run
    new = plan.read_bytes()
    assert new.startswith(b"\xef\xbb\xbf")
    assert inserted(old[3:], new[3:]) == ["    - {year: 2026, amount_eur: 150}\r\n"]


def test_a_file_with_old_mac_line_endings_gets_no_other_kind(plan: Path) -> None:
    """A lone CR ends every line: the entry added at the end of the file, which has no final
    line break to copy, gets a CR too."""
    head, _, _ = plan.read_text(encoding="utf-8").partition("consultations:")
    one_line, block = "[{year: 2021, value: 0}]", "\n          - {year: 2021, value: 0}"
    head = head.rstrip("\n").replace(f"measurements: {one_line}", f"measurements:{block}")
    old = head.replace("\n", "\r").encode()
    plan.write_bytes(old)
    run = record("measure", plan, "reunions-reseau", "--year", "2022", "--value", "2")
    assert run.exit_code == 0, run
    assert plan.read_bytes() == old + b"\r          - {year: 2022, value: 2}"


def test_a_file_without_a_final_line_break_keeps_it_that_way(plan: Path) -> None:
    # Without its consultation, the plan ends on the last indicator's measurements (an error
    # already there, so not one the edit adds).
    head, _, _ = plan.read_text(encoding="utf-8").partition("consultations:")
    plan.write_text(head.rstrip("\n"), encoding="utf-8")
    old = plan.read_text(encoding="utf-8")
    assert old.endswith("measurements: [{year: 2021, value: 0}]")
    run = record("measure", plan, "reunions-reseau", "--year", "2022", "--value", "2")
    assert run.exit_code == 0, run
    assert plan.read_text(encoding="utf-8") == old[: -len("]")] + ", {year: 2022, value: 2}]"


def test_an_empty_list_key_is_filled(plan: Path) -> None:
    old = plan.read_text(encoding="utf-8").replace(
        "        measurements: [{year: 2021, value: 0}]\n", "        measurements:\n"
    )
    plan.write_text(old, encoding="utf-8")
    run = record("measure", plan, "reunions-reseau", "--year", "2022", "--value", "2")
    assert run.exit_code == 0, run
    assert inserted(old, plan.read_text(encoding="utf-8")) == [
        "          - {year: 2022, value: 2}\n"
    ]


def test_a_list_at_dash_offset_zero_keeps_that_indentation(plan: Path) -> None:
    old = plan.read_text(encoding="utf-8")
    old = old.replace("    - {year: 20", "  - {year: 20")  # membership.payments at offset 0
    plan.write_text(old, encoding="utf-8")
    run = record("payment", plan, "--year", "2026", "--amount", "150")
    assert run.exit_code == 0, run
    assert inserted(old, plan.read_text(encoding="utf-8")) == [
        "  - {year: 2026, amount_eur: 150}\n"
    ]


def test_the_file_mode_is_kept(plan: Path) -> None:
    plan.chmod(0o640)
    assert record("payment", plan, "--year", "2026", "--amount", "150").exit_code == 0
    assert stat.S_IMODE(plan.stat().st_mode) == 0o640


def test_a_write_that_fails_midway_leaves_the_plan_intact(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = plan.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    run = record("payment", plan, "--year", "2026", "--amount", "150")
    assert run.exit_code == 2
    assert "cannot write" in run.stderr and "No space left on device" in run.stderr
    assert plan.read_bytes() == old
    assert sorted(p.name for p in plan.parent.iterdir()) == ["plan.yaml"]


def test_a_plan_changed_on_disk_meanwhile_is_not_overwritten(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vae_cli.check import Checker

    check_plan = Checker.check_plan

    def check_while_someone_saves(self: Checker, path: Path, **kwargs: object) -> object:
        with path.open("a", encoding="utf-8") as stream:
            stream.write("# saved by someone else\n")
        return check_plan(self, path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Checker, "check_plan", check_while_someone_saves)
    run = record("payment", plan, "--year", "2026", "--amount", "150")
    assert run.exit_code == 1
    assert "changed on disk" in run.stderr
    assert plan.read_text(encoding="utf-8").endswith("# saved by someone else\n")
    assert "year: 2026, amount_eur" not in plan.read_text(encoding="utf-8")


def test_the_dijon_plan_gets_only_its_new_lines(tmp_path: Path) -> None:
    from tests.conftest import ROOT

    source = ROOT / "plans" / "dijon-2020.yaml"
    path = tmp_path / "dijon-2020.yaml"
    old = source.read_bytes()
    path.write_bytes(old)
    run = record("progress", path, "rues-aux-ecoles", "--year", "2026", "--status",
                 "in_progress", "--spent", "60000")  # fmt: skip
    assert run.exit_code == 0, run
    assert inserted(old, path.read_bytes()) == [
        "      - {year: 2026, status: in_progress, spent_eur: 60000}\n"
    ]
    assert len(changes(old, path.read_bytes())) == 1


def test_replacing_with_the_same_values_writes_nothing(tmp_path: Path) -> None:
    from tests.conftest import SMALL_TOWN

    path = tmp_path / "plan.yaml"
    path.write_bytes(SMALL_TOWN.read_bytes())
    before = path.stat().st_mtime_ns
    run = record("payment", path, "--year", "2024", "--amount", "150", "--replace")
    assert run.exit_code == 0, run
    assert "already holds these values: nothing to write" in run.stdout
    assert path.read_bytes() == SMALL_TOWN.read_bytes()
    assert path.stat().st_mtime_ns == before
