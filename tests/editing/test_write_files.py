"""How `vae` writes a file, whichever command writes it: the mode a new file gets, what a kill
mid-write leaves behind, and what a write that cannot happen says."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SMALL_TOWN, run_vae
from vae_cli.files import TEMPORARY_SUFFIX, write_atomic


@pytest.fixture
def umask_022() -> object:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_file_gets_the_umask_mode_and_an_old_one_keeps_its_own(
    tmp_path: Path, umask_022: object
) -> None:
    new = tmp_path / "new.md"
    write_atomic(new, "x\n")
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    old = tmp_path / "old.md"
    old.write_text("y\n", encoding="utf-8")
    old.chmod(0o640)
    write_atomic(old, "z\n")
    assert stat.S_IMODE(old.stat().st_mode) == 0o640


@pytest.mark.parametrize(
    "command",
    [
        ["report", "PLAN", "--year", "2023", "--output", "out"],
        ["validate", "PLAN", "--report", "json:out/vae.json"],
        ["schema", "--output", "out"],
        ["init", "out/villebourg-2026.yaml", "--city", "Villebourg", "--insee", "01053",
         "--mandate", "2026-2032"],
    ],
)  # fmt: skip
def test_every_command_writes_new_files_with_the_umask_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask_022: object, command: list[str]
) -> None:
    plan = tmp_path / "villebourg.yaml"
    shutil.copy(SMALL_TOWN, plan)
    monkeypatch.chdir(tmp_path)
    run = run_vae(*[str(plan) if part == "PLAN" else part for part in command])
    assert run.exit_code in (0, 1), run
    written = [p for p in Path("out").rglob("*") if p.is_file()]
    assert written
    assert {stat.S_IMODE(p.stat().st_mode) for p in written} == {0o644}


KILLED_WRITE = """
import os, sys
from pathlib import Path
from vae_cli import files
def killed(*args):
    os.kill(os.getpid(), 9)
files.os.replace = killed
files.write_atomic(Path(sys.argv[1]), "new content\\n")
"""


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True
    ).stdout


def test_a_vae_killed_mid_write_leaves_nothing_for_git_to_commit(tmp_path: Path) -> None:
    repo = tmp_path / "city"
    (repo / "plans").mkdir(parents=True)
    _git(repo, "init", "-q")
    plan = repo / "plans" / "villebourg.yaml"
    plan.write_text("old content\n", encoding="utf-8")
    _git(repo, "add", "-A")
    for _ in range(3):
        killed = subprocess.run(
            [sys.executable, "-c", KILLED_WRITE, str(plan)], cwd=ROOT, check=False
        )
        assert killed.returncode == -signal.SIGKILL
    assert plan.read_text(encoding="utf-8") == "old content\n"  # never half-written
    # Only the plan itself, added before: no temporary copy for `git add -A` to pick up.
    assert _git(repo, "status", "--porcelain", "--untracked-files=all") == (
        "A  plans/villebourg.yaml\n"
    )
    # Each write removes what the killed one before it left: one copy at most stays behind.
    assert len(list((repo / ".git" / "vae-tmp").iterdir())) == 1
    # The next write of that file cleans up what the killed ones left.
    write_atomic(plan, "new content\n")
    assert list((repo / ".git" / "vae-tmp").iterdir()) == []
    assert plan.read_text(encoding="utf-8") == "new content\n"


def test_outside_git_a_killed_write_is_cleaned_by_the_next_one(tmp_path: Path) -> None:
    plan = tmp_path / "villebourg.yaml"
    plan.write_text("old\n", encoding="utf-8")
    subprocess.run([sys.executable, "-c", KILLED_WRITE, str(plan)], cwd=ROOT, check=False)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(TEMPORARY_SUFFIX)]
    write_atomic(plan, "new\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["villebourg.yaml"]


def test_a_report_that_cannot_be_written_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    plan = tmp_path / "villebourg.yaml"
    shutil.copy(SMALL_TOWN, plan)
    run = run_vae("report", plan, "--year", "2023", "--output", "/proc/vae-reports")
    assert run.exit_code == 2, run
    assert "cannot write" in run.stderr and "nothing was written" in run.stderr
    assert not Path("/proc/vae-reports").exists()


def test_a_failed_write_leaves_no_empty_folder(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "report.md"
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b").mkdir()
    (tmp_path / "a" / "b").rmdir()

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    original = os.fsync
    os.fsync = full_disk  # type: ignore[assignment]
    try:
        with pytest.raises(Exception, match="No space left on device; nothing was written"):
            write_atomic(target, "x\n")
    finally:
        os.fsync = original
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a"]
