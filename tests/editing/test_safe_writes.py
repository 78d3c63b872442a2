"""What `vae record` and `vae init` refuse to write, and how they write through links."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import AS_OF, ROOT, SMALL_TOWN, run_vae


def record_payment(plan: Path, *extra: str) -> object:
    return run_vae("record", "payment", plan, "--year", "2026", "--amount", "150", "--as-of",
                   AS_OF, *extra)  # fmt: skip


def test_a_symlinked_plan_is_edited_through_the_link(tmp_path: Path) -> None:
    shared = tmp_path / "shared" / "villebourg.yaml"
    shared.parent.mkdir()
    shared.write_bytes(SMALL_TOWN.read_bytes())
    link = tmp_path / "plans" / "villebourg.yaml"
    link.parent.mkdir()
    link.symlink_to(Path("..") / "shared" / "villebourg.yaml")
    run = record_payment(link)
    assert run.exit_code == 0, run  # type: ignore[attr-defined]
    assert link.is_symlink()
    assert os.readlink(link) == str(Path("..") / "shared" / "villebourg.yaml")
    assert "{year: 2026, amount_eur: 150}" in shared.read_text(encoding="utf-8")
    assert sorted(p.name for p in shared.parent.iterdir()) == ["villebourg.yaml"]


def test_a_read_only_plan_is_refused_even_for_root(plan: Path) -> None:
    before = plan.read_bytes()
    plan.chmod(0o444)
    run = record_payment(plan)
    assert run.exit_code == 2, run  # type: ignore[attr-defined]
    assert "plan.yaml is read-only; nothing was written" in run.stderr  # type: ignore[attr-defined]
    assert plan.read_bytes() == before
    assert sorted(p.name for p in plan.parent.iterdir()) == ["plan.yaml"]


def test_a_plan_readable_by_its_owner_only_is_still_edited(plan: Path) -> None:
    plan.chmod(0o600)
    assert record_payment(plan).exit_code == 0  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", ["loop", "dangling"])
def test_a_link_that_leads_nowhere_is_a_usage_error(tmp_path: Path, kind: str) -> None:
    first = tmp_path / "l1.yaml"
    if kind == "loop":
        first.symlink_to("l2.yaml")
        (tmp_path / "l2.yaml").symlink_to("l1.yaml")
        message = "l1.yaml: symlink loop"
    else:
        first.symlink_to("gone.yaml")
        message = "l1.yaml: broken link (to gone.yaml, which does not exist)"
    for args in (
        ["record", "progress", first, "aide-devoirs", "--year", "2026", "--status", "done"],
        ["init", tmp_path / "new.yaml", "--from", first, "--mandate", "2026-2032"],
    ):
        run = run_vae(*args)
        assert run.exit_code == 2, run
        assert message in run.stderr
    # Creating a plan where such a link stands: refused, the link left alone.
    run = run_vae("init", first, "--city", "X", "--insee", "01053")
    assert run.exit_code == 1, run
    assert "l1.yaml already exists; vae init never overwrites a file" in run.stderr
    assert first.is_symlink()


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["progress", "aide-devoirs", "--year", "2026", "--status", "done", "--note",
          "\udce9t\udce9"], "--note"),
        (["measure", "enfants-aide-devoirs", "--year", "2026", "--value", "3", "--source",
          "Enqu\udce9te"], "--source"),
        (["progress", "aide-devoirs-\udce9", "--year", "2026", "--status", "done"],
         "the action id"),
        (["payment", "--year", "2026", "--amount", "150", "--date", "2026-03-3\udce9"], "--date"),
    ],
)  # fmt: skip
def test_text_that_is_not_utf8_is_refused(plan: Path, args: list[str], option: str) -> None:
    """Python turns bytes that are not UTF-8 into "surrogates" (what `\udce9` stands for here)."""
    before = plan.read_bytes()
    run = run_vae("record", args[0], plan, *args[1:], "--as-of", AS_OF)
    assert run.exit_code == 2, run
    assert f"{option} is not valid UTF-8 text" in run.stderr
    assert "hint: the terminal or script passed it in another encoding" in run.stderr
    assert plan.read_bytes() == before


@pytest.mark.parametrize("option", ["--city", "--insee", "--referential", "--mandate"])
def test_init_refuses_text_that_is_not_utf8(tmp_path: Path, option: str) -> None:
    values = {"--city": "Villebourg", "--insee": "01053"}
    values[option] = "\udce9t\udce9"
    args = [a for pair in values.items() for a in pair]
    run = run_vae("init", tmp_path / "plan.yaml", *args)
    assert run.exit_code == 2, run
    assert f"{option} is not valid UTF-8 text" in run.stderr
    assert not (tmp_path / "plan.yaml").exists()


def test_a_latin1_note_from_a_real_command_line_is_refused(plan: Path) -> None:
    """The bytes as a Latin-1 terminal sends them, through the real `argv`."""
    before = plan.read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "vae_cli", "record", "progress", str(plan), "aide-devoirs",
         "--year", "2026", "--status", "in_progress", "--as-of", AS_OF, b"--note",
         b"\xe9t\xe9"],
        capture_output=True, cwd=ROOT, check=False,
        env={**os.environ, "LC_ALL": "C.UTF-8", "NO_COLOR": "1"},
    )  # fmt: skip
    assert done.returncode == 2, done
    assert b"--note is not valid UTF-8 text" in done.stderr
    assert plan.read_bytes() == before
