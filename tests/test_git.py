"""The one git wrapper: the source line of `vae report`, the plans `vae diff` reads at a revision,
and what both do without git."""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath

import pytest

from tests.conftest import AS_OF, SMALL_TOWN, run_vae
from vae_cli.git import Repository, last_commit
from vae_cli.i18n.formatting import Formatter

PLAN = "plans/villebourg.yaml"
SMALL = SMALL_TOWN.read_text(encoding="utf-8")


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose one commit holds the plan; the current directory."""
    root = tmp_path / "city"
    (root / "plans").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Test")
    git(root, "config", "user.email", "test@example.org")
    git(root, "config", "commit.gpgsign", "false")
    (root / PLAN).write_text(SMALL, encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "plan")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(root)
    return root


def source_line(plan: str) -> str:
    run = run_vae("report", plan, "--year", "2023", "--lang", "en", "--format", "md")
    assert run.exit_code == 0, run
    text = Path(f"reports/{Path(plan).stem}/2023-followup.en.md").read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if "Figures from" in line)


def test_the_report_names_the_last_commit_of_the_plan(repo: Path) -> None:
    short, day = git(repo, "log", "-1", "--format=%h %cs").split()
    # The commit's date written out, as prose has it (the English report: 2 December 2026).
    date = Formatter("en").date(day)
    assert source_line(PLAN) == f"Figures from {PLAN}, as committed in {short} ({date})."
    (repo / PLAN).write_text("# edited\n" + SMALL, encoding="utf-8")
    assert source_line(PLAN).endswith(f"({date}). The file has changed since that commit.")


def test_a_plan_never_committed_or_outside_a_repository_is_named_alone(
    repo: Path, tmp_path: Path
) -> None:
    (repo / "plans/new.yaml").write_text(SMALL, encoding="utf-8")
    assert source_line("plans/new.yaml") == "Figures from plans/new.yaml."
    outside = tmp_path / "outside.yaml"
    outside.write_text(SMALL, encoding="utf-8")
    assert last_commit(outside) is None


def test_without_git_the_report_still_runs_and_diff_says_why_it_cannot(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    assert source_line(PLAN) == f"Figures from {PLAN}."
    run = run_vae("diff", "--as-of", AS_OF)
    assert run.exit_code == 2, run
    assert "vae diff needs git, and the `git` program was not found" in run.stderr


def test_a_file_is_read_as_it_was_committed_and_a_folder_is_no_file(repo: Path) -> None:
    found = Repository.find(repo / "plans")
    assert found is not None and found.root.resolve() == repo.resolve()
    head = found.commit_of("HEAD")
    assert head is not None
    (repo / PLAN).write_text("# not committed\n", encoding="utf-8")
    assert found.read(head, PurePosixPath(PLAN), max_bytes=10**6) == SMALL.encode()
    assert found.read(head, PurePosixPath("plans"), max_bytes=10**6) is None
    assert found.read(head, PurePosixPath("plans/absent.yaml"), max_bytes=10**6) is None
    # A file larger than the limit: only its start, one byte past the limit (enough to say
    # it is too large), however large the file.
    assert found.read(head, PurePosixPath(PLAN), max_bytes=10) == SMALL.encode()[:11]
    assert found.relative(repo / PLAN) == PurePosixPath(PLAN)


def test_diff_checks_the_base_from_its_bytes_as_validate_would(repo: Path) -> None:
    """A plan committed in Latin-1 and saved again as UTF-8: the encoding error is fixed."""
    (repo / PLAN).write_bytes(SMALL.replace("Villebourg", "Villebourg-lès-Bains").encode("cp1252"))
    git(repo, "commit", "-q", "-am", "latin-1")
    (repo / PLAN).write_text(SMALL, encoding="utf-8")
    run = run_vae("diff", "HEAD", "--as-of", AS_OF)
    assert run.exit_code == 0, run
    assert "[encoding]" in run.stdout, run
