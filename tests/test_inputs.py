"""vae reads no file outside the plans' area, and nothing that is not a regular file.

A pull request can add `plans/x.yaml -> ~/.git-credentials`, or a plan whose referential is
`../../.git-credentials.yaml`; its findings would quote the file's lines in the CI log, for
anyone to read. Such a file is refused with a usage error that names it and quotes nothing of
it. A named pipe given as a plan, a referential or a configuration would block `vae` for ever:
it is refused before it is opened.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from tests.conftest import AS_OF, SMALL_TOWN, Run, run_vae
from vae_cli.referentials import builtin_referentials

SECRET = "hunter2-token"
REFERENTIAL = "unicef-france-vae-2020-2026"
SMALL = SMALL_TOWN.read_text(encoding="utf-8")


def assert_quotes_nothing(run: Run) -> None:
    assert run.exit_code == 2, run
    assert SECRET not in run.stdout + run.stderr, run
    assert run.stdout == "", run


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside every area, whose lines a finding would quote."""
    path = tmp_path / "home" / ".git-credentials"
    path.parent.mkdir()
    path.write_text(f"{SECRET}: https://user:{SECRET}@example.org\n", encoding="utf-8")
    return path


@pytest.fixture
def city(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A city's git repository with plans/plan.yaml, made the current folder."""
    root = tmp_path / "city"
    (root / "plans").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    (root / "plans" / "plan.yaml").write_text(SMALL, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def commit(root: Path) -> None:
    for args in (["add", "-A"], ["commit", "-qm", "plans"]):
        subprocess.run(
            ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
            cwd=root,
            check=True,
        )


@pytest.mark.parametrize(
    "args",
    [
        ("validate",),
        ("validate", "plans"),
        ("validate", "plans/x.yaml"),
        ("validate", "--format", "github", "plans/x.yaml"),
        ("report", "plans/x.yaml"),
        ("record", "payment", "plans/x.yaml", "--year", "2024", "--amount", "1"),
        ("init", "plans/new.yaml", "--from", "plans/x.yaml", "--mandate", "2026-2032"),
    ],
)
def test_a_plan_linked_out_of_the_repository_is_refused(
    city: Path, secret: Path, args: tuple[str, ...]
) -> None:
    (city / "plans" / "x.yaml").symlink_to(secret)
    run = run_vae(*args, "--as-of", AS_OF) if args[0] == "validate" else run_vae(*args)
    assert_quotes_nothing(run)
    assert run.stderr.startswith(
        "vae: error: plans/x.yaml leads outside the git repository "
        f"{os.path.realpath(city)}, through a symbolic link; vae reads nothing there\n"
    )
    assert not (city / "plans" / "new.yaml").exists()


def test_a_folder_of_plans_linked_out_of_the_repository_is_refused(
    city: Path, secret: Path
) -> None:
    (secret.parent / "x.yaml").symlink_to(secret)
    (city / "plans" / "shared").symlink_to(secret.parent, target_is_directory=True)
    assert_quotes_nothing(run_vae("validate", "plans/shared/x.yaml", "--as-of", AS_OF))


def test_diff_refuses_a_plan_linked_out_of_the_repository(city: Path, secret: Path) -> None:
    commit(city)
    (city / "plans" / "x.yaml").symlink_to(secret)
    for args in ((), ("plans/x.yaml",), ("HEAD", "plans")):
        run = run_vae("diff", *args, "--as-of", AS_OF)
        assert_quotes_nothing(run)
        assert "plans/x.yaml leads outside the git repository" in run.stderr


def test_a_link_inside_the_repository_is_followed(city: Path) -> None:
    shared = city / "shared" / "villebourg.yaml"
    shared.parent.mkdir()
    shared.write_text(SMALL, encoding="utf-8")
    (city / "plans" / "villebourg.yaml").symlink_to(Path("..") / "shared" / "villebourg.yaml")
    run = run_vae("validate", "--as-of", AS_OF)
    assert run.exit_code == 0, run
    assert run.stdout == (
        "plans/plan.yaml: ok\nplans/villebourg.yaml: ok\nChecked 2 files: no error, no warning.\n"
    )


@pytest.mark.parametrize(
    "name", ["../../home/.git-credentials.yaml", "{secret}", "../reseau/link.yaml"]
)
def test_a_referential_file_outside_the_repository_is_refused(
    city: Path, secret: Path, name: str
) -> None:
    """Whether the plan names it by a relative path, an absolute one or a link."""
    named = secret.with_name(".git-credentials.yaml")
    named.symlink_to(secret)
    (city / "reseau").mkdir()
    (city / "reseau" / "link.yaml").symlink_to(named)
    value = name.format(secret=named)
    plan = city / "plans" / "plan.yaml"
    plan.write_text(
        SMALL.replace(f"referential: {REFERENTIAL}", f"referential: {value}"), encoding="utf-8"
    )
    commit(city)
    for args in (("validate", "plans/plan.yaml"), ("diff", "HEAD"), ("report", "plans")):
        run = run_vae(*args, "--as-of", AS_OF) if args[0] != "report" else run_vae(*args)
        assert_quotes_nothing(run)
        assert run.stderr.startswith(
            f'vae: error: plans/plan.yaml: the referential file "{value}" is outside the git '
            f"repository {os.path.realpath(city)}; vae reads nothing there\n"
        ), run


def test_a_referential_file_inside_the_repository_is_read(city: Path) -> None:
    network = city / "reseau" / "ref.yaml"
    network.parent.mkdir()
    shutil.copy(builtin_referentials()[REFERENTIAL], network)
    plan = city / "plans" / "plan.yaml"
    plan.write_text(
        SMALL.replace(f"referential: {REFERENTIAL}", "referential: ../reseau/ref.yaml"),
        encoding="utf-8",
    )
    run = run_vae("validate", "plans/plan.yaml", "--as-of", AS_OF)
    assert run.exit_code == 0, run


def test_a_referential_or_configuration_linked_out_is_refused(city: Path, secret: Path) -> None:
    (city / "ref.yaml").symlink_to(secret)
    for args in (("--referential", "ref.yaml"), ("--config", "ref.yaml")):
        run = run_vae("validate", "plans/plan.yaml", "--as-of", AS_OF, *args)
        assert_quotes_nothing(run)
        assert "vae: error: ref.yaml leads outside the git repository" in run.stderr
    (city / ".vae.yaml").symlink_to(secret)
    run = run_vae("validate", "plans/plan.yaml", "--as-of", AS_OF)
    assert_quotes_nothing(run)
    assert "vae: error: .vae.yaml leads outside the git repository" in run.stderr


def test_outside_a_repository_plans_stay_in_the_folder_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, secret: Path
) -> None:
    """No repository: the folder given is the area of the plans found in it; a file named on
    the command line is read wherever its link leads (the user chose it)."""
    folder = tmp_path / "received"
    (folder / "plans").mkdir(parents=True)
    monkeypatch.chdir(folder)
    (folder / "plans" / "x.yaml").symlink_to(secret)
    run = run_vae("validate", "--as-of", AS_OF)
    assert_quotes_nothing(run)
    assert run.stderr.startswith(
        "vae: error: plans/x.yaml leads outside the folder plans, through a symbolic link"
    )
    (folder / "plans" / "x.yaml").unlink()
    (folder / "plans" / "x.yaml").symlink_to(SMALL_TOWN)
    assert run_vae("validate", "plans/x.yaml", "--as-of", AS_OF).exit_code == 0


def test_outside_a_repository_a_referential_stays_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, secret: Path
) -> None:
    """`../reseau/ref.yaml`, beside the plans, is read; a path out of the current folder is
    not."""
    folder = tmp_path / "received"
    (folder / "plans").mkdir(parents=True)
    (folder / "reseau").mkdir()
    shutil.copy(builtin_referentials()[REFERENTIAL], folder / "reseau" / "ref.yaml")
    monkeypatch.chdir(folder)
    plan = folder / "plans" / "plan.yaml"
    plan.write_text(SMALL.replace(REFERENTIAL, "../reseau/ref.yaml", 1), encoding="utf-8")
    assert run_vae("validate", "plans/plan.yaml", "--as-of", AS_OF).exit_code == 0
    secret.with_name(".git-credentials.yaml").symlink_to(secret)
    plan.write_text(
        SMALL.replace(REFERENTIAL, "../../home/.git-credentials.yaml", 1), encoding="utf-8"
    )
    run = run_vae("validate", "plans/plan.yaml", "--as-of", AS_OF)
    assert_quotes_nothing(run)
    assert "is outside the current folder; vae reads nothing there" in run.stderr


def writer_for(fifo: Path) -> threading.Thread:
    """Opens the pipe for writing, so that a `vae` that did open it for reading gets an end of
    file instead of waiting for ever (the test then fails instead of hanging)."""

    def write() -> None:
        fd = os.open(fifo, os.O_WRONLY)
        os.close(fd)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("validate", "pipe.yaml"), "pipe.yaml is a named pipe, not a regular file"),
        (("validate", "."), "pipe.yaml is a named pipe, not a regular file"),
        (
            ("validate", "plan.yaml", "--referential", "pipe.yaml"),
            "cannot read pipe.yaml: it is a named pipe, not a regular file",
        ),
        (
            ("validate", "plan.yaml", "--config", "pipe.yaml"),
            "cannot read pipe.yaml: it is a named pipe, not a regular file",
        ),
        (
            ("diff", "--referential", "pipe.yaml", "plan.yaml"),
            "cannot read pipe.yaml: it is a named pipe, not a regular file",
        ),
        (("diff", "pipe.yaml"), "pipe.yaml is a named pipe, not a regular file"),
        (("report", "pipe.yaml"), "pipe.yaml is a named pipe, not a regular file"),
        (
            ("record", "payment", "pipe.yaml", "--year", "2024", "--amount", "1"),
            "pipe.yaml is a named pipe, not a regular file",
        ),
        (
            ("init", "new.yaml", "--from", "pipe.yaml", "--mandate", "2026-2032"),
            "pipe.yaml is a named pipe, not a regular file",
        ),
        (
            ("report", "plan.yaml", "--template-dir", "templates"),
            "templates/followup.md is a named pipe, not a regular file",
        ),
    ],
)
def test_a_named_pipe_is_refused_before_it_is_read(
    city: Path, args: tuple[str, ...], message: str
) -> None:
    shutil.copy(SMALL_TOWN, city / "plan.yaml")
    commit(city)
    os.mkfifo(city / "pipe.yaml")
    (city / "templates").mkdir()
    os.mkfifo(city / "templates" / "followup.md")
    opened = [writer_for(city / "pipe.yaml"), writer_for(city / "templates" / "followup.md")]
    run = run_vae(*args)
    assert run.exit_code == 2, run
    assert run.stderr == f"vae: error: {message}\n"
    # The writers still wait: vae never opened the pipes for reading.
    assert all(thread.is_alive() for thread in opened)
    for pipe in (city / "pipe.yaml", city / "templates" / "followup.md"):
        os.close(os.open(pipe, os.O_RDONLY | os.O_NONBLOCK))  # let the writers go


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_where_a_report_goes_is_neither_read_nor_replaced(city: Path) -> None:
    """`vae report` reads the file it would overwrite (is it a report of its own?): a pipe
    there is refused, with --force too, instead of waited for."""
    target = city / "reports" / "plan" / "2023-followup.fr.md"
    target.parent.mkdir(parents=True)
    os.mkfifo(target)
    writer = writer_for(target)
    for force in ((), ("--force",)):
        run = run_vae("report", "plans/plan.yaml", "--year", "2023", "--format", "md", *force)
        assert run.exit_code == 2, run
        assert run.stderr.startswith(
            "vae: error: reports/plan/2023-followup.fr.md is not a regular file; "
            "nothing was written\n"
        )
    assert writer.is_alive()
    os.close(os.open(target, os.O_RDONLY | os.O_NONBLOCK))
