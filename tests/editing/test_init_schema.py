"""`vae init`: the `$schema` line works for everyone who clones the city's repository."""

from __future__ import annotations

import subprocess
import typing as t
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_vae

SHIPPED = ROOT / "schemas" / "plan.schema.json"


def init(path: Path | str) -> t.Any:
    return run_vae("init", path, "--city", "Villebourg", "--insee", "01053")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A city's git repository, the current folder, without any schema yet."""
    root = tmp_path / "ville"
    root.mkdir()
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    monkeypatch.chdir(root)
    return root


def first_line(path: Path) -> str:
    return path.read_text(encoding="utf-8").splitlines()[0]


def test_the_schema_is_copied_into_the_repository_and_named_relatively(repo: Path) -> None:
    run = init("plans/2026/villebourg.yaml")
    assert run.exit_code == 0, run
    assert "copied the JSON Schema to schemas/plan.schema.json" in run.stdout
    assert first_line(repo / "plans" / "2026" / "villebourg.yaml") == (
        "# yaml-language-server: $schema=../../schemas/plan.schema.json"
    )
    assert (repo / "schemas" / "plan.schema.json").read_bytes() == SHIPPED.read_bytes()
    # A clone elsewhere has the same link, and the file it leads to.
    clone = repo.parent / "clone"
    subprocess.run(["git", "-C", str(repo), "add", "."], check=True)
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=T", "-c", "user.email=t@example.org",
         "commit", "-q", "-m", "plan"],
        check=True,
    )  # fmt: skip
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    plan = clone / "plans" / "2026" / "villebourg.yaml"
    target = first_line(plan).split("$schema=", 1)[1]
    assert (plan.parent / target).resolve().read_bytes() == SHIPPED.read_bytes()


def test_an_existing_schema_is_used_and_never_overwritten(repo: Path) -> None:
    assert init("a.yaml").exit_code == 0
    run = init("b.yaml")
    assert "Schema:" not in run.stdout  # same file: nothing to say
    assert first_line(repo / "b.yaml") == "# yaml-language-server: $schema=schemas/plan.schema.json"

    own = repo / "schemas" / "plan.schema.json"
    own.write_text('{"title": "our own"}\n', encoding="utf-8")
    run = init("c.yaml")
    assert run.exit_code == 0, run
    assert own.read_text(encoding="utf-8") == '{"title": "our own"}\n'
    assert (
        "schemas/plan.schema.json is not the schema of this vae version and was left as it is"
        in (run.stdout)
    )
    assert first_line(repo / "c.yaml") == "# yaml-language-server: $schema=schemas/plan.schema.json"


def test_outside_a_repository_the_installed_schema_is_named(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    run = init(path)
    assert run.exit_code == 0, run
    assert first_line(path) == f"# yaml-language-server: $schema={SHIPPED.resolve().as_uri()}"
    assert "the plan is in no git repository" in run.stdout
    assert not (tmp_path / "schemas").exists()


def test_a_long_schema_address_stays_on_its_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Editors read `# yaml-language-server: $schema=…` only whole, on one line: however long
    the address of the installed schema, the line is not wrapped."""
    installed = tmp_path / ("un-dossier-au-nom-assez-long-" * 4) / "vae" / "schemas"
    installed.mkdir(parents=True)
    (installed / "plan.schema.json").write_bytes(SHIPPED.read_bytes())
    monkeypatch.setattr("vae_cli.editing.init.schema_link.data_dir", lambda name: installed)
    path = tmp_path / "plan.yaml"
    run = init(path)
    assert run.exit_code == 0, run
    uri = (installed / "plan.schema.json").resolve().as_uri()
    assert len(uri) > 100
    first, second = path.read_text(encoding="utf-8").splitlines()[:2]
    assert first == f"# yaml-language-server: $schema={uri}"
    assert second == "#"
