"""The command line as a user meets it: help, version, defaults, output, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import typing as t
from pathlib import Path

import pytest

from tests.conftest import AS_OF, ROOT, SMALL_TOWN, Installed, run_vae


def _command_tree() -> dict[tuple[str, ...], t.Any]:
    """Every command and command group of `vae`, keyed by the words typed after `vae`."""
    import typer.main

    from vae_cli.cli.app import app

    found: dict[tuple[str, ...], t.Any] = {}

    def walk(group: t.Any, path: tuple[str, ...]) -> None:
        for name, command in group.commands.items():
            found[(*path, name)] = command
            if hasattr(command, "commands"):
                walk(command, (*path, name))

    walk(typer.main.get_command(app), ())
    return found


def _listed_commands(help_text: str) -> list[str]:
    """The names in the "Commands:" section of a group's --help."""
    section = help_text.split("\nCommands:\n", 1)[1]
    return [
        line.split()[0] for line in section.splitlines() if line.startswith("  ") and line[2] != " "
    ]


def test_help_lists_the_commands() -> None:
    run = run_vae("--help")
    assert run.exit_code == 0, run
    assert run.stdout.startswith("Usage: vae [OPTIONS] COMMAND [ARGS]...\n")
    top = [path[0] for path in _command_tree() if len(path) == 1]
    assert _listed_commands(run.stdout) == top
    assert {"validate", "schema", "report", "diff", "init", "record"} <= set(top)


def test_every_command_has_help() -> None:
    """`vae COMMAND --help`, the `record` group and each of its commands included, shows the
    command's usage and its description; a group lists its commands."""
    tree = _command_tree()
    assert {("record",), ("record", "progress"), ("record", "measure"), ("record", "payment")} <= (
        set(tree)
    )
    for path, command in tree.items():
        run = run_vae(*path, "--help")
        assert run.exit_code == 0, run
        assert run.stdout.startswith(f"Usage: vae {' '.join(path)} [OPTIONS]"), run
        description = command.help.split("\n\n")[0]
        assert description and " ".join(description.split()) in " ".join(run.stdout.split()), run
        if hasattr(command, "commands"):
            assert _listed_commands(run.stdout) == list(command.commands), run
            # Without a command, a group shows the same help, as a usage error.
            bare = run_vae(*path)
            assert (bare.exit_code, bare.stderr) == (2, run.stdout), bare


def test_version() -> None:
    from vae_cli import __version__

    assert run_vae("--version").stdout == f"vae {__version__}\n"


def test_python_dash_m_works() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "vae_cli", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout.startswith("vae ")


def test_validate_and_help_do_not_import_rendering_libraries(tmp_path: Path) -> None:
    """`vae validate` runs on every commit: it must not pay for Jinja2 or ruamel.yaml."""
    code = (
        "import sys\n"
        "from vae_cli.cli.app import app\n"
        "try:\n"
        f"    app(['validate', {str(SMALL_TOWN)!r}, '--as-of', '2026'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('jinja2', 'ruamel.yaml', 'babel') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert done.stdout.splitlines()[-1] == "[]"


def test_clean_plan_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(SMALL_TOWN, tmp_path / "villebourg.yaml")
    monkeypatch.chdir(tmp_path)
    run = run_vae("validate", "villebourg.yaml", "--as-of", AS_OF)
    assert (run.exit_code, run.stdout, run.stderr) == (
        0,
        "villebourg.yaml: ok\nChecked 1 file: no error, no warning.\n",
        "",
    )


def test_without_arguments_every_plan_in_plans_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "plans").mkdir()
    shutil.copy(SMALL_TOWN, tmp_path / "plans" / "a.yaml")
    shutil.copy(SMALL_TOWN, tmp_path / "plans" / "b.yml")
    monkeypatch.chdir(tmp_path)
    run = run_vae("validate", "--as-of", AS_OF)
    assert run.exit_code == 0, run
    assert run.stdout.splitlines() == [
        "plans/a.yaml: ok",
        "plans/b.yml: ok",
        "Checked 2 files: no error, no warning.",
    ]


def test_without_arguments_and_without_plans_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = run_vae("validate")
    assert run.exit_code == 2
    assert "no plan given and no plans/ folder here" in run.stderr


def test_bad_option_is_a_usage_error() -> None:
    run = run_vae("validate", SMALL_TOWN, "--as-of", "twenty")
    assert run.exit_code == 2
    assert "--as-of" in run.stderr


def test_json_output_is_documented_structure(write_plan) -> None:  # type: ignore[no-untyped-def]
    path = write_plan(
        SMALL_TOWN.read_text(encoding="utf-8").replace("respondents: 240", "respondents: 12")
    )
    run = run_vae("validate", path, "--format", "json", "--as-of", AS_OF)
    assert run.exit_code == 0
    document = json.loads(run.stdout)
    assert document["version"] == 1
    assert document["summary"] == {"files": 1, "errors": 0, "warnings": 1}
    (diagnostic,) = document["diagnostics"]
    assert set(diagnostic) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "severity",
        "rule",
        "message",
        "hint",
    }
    assert diagnostic["severity"] == "warning"
    assert diagnostic["rule"] == "consultation-respondents"


def test_user_referential_file(tmp_path: Path) -> None:
    """A network's own referential, passed with --referential, is used for plans naming its id."""
    source = (ROOT / "vae_cli" / "referentials" / "unicef-france-vae-2020-2026.yaml").read_text(
        encoding="utf-8"
    )
    custom = tmp_path / "my-network.yaml"
    custom.write_text(
        source.replace("id: unicef-france-vae-2020-2026", "id: my-network-2026-2032"),
        encoding="utf-8",
    )
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        SMALL_TOWN.read_text(encoding="utf-8").replace(
            "referential: unicef-france-vae-2020-2026", "referential: my-network-2026-2032"
        ),
        encoding="utf-8",
    )
    assert run_vae("validate", plan, "--as-of", AS_OF).exit_code == 1
    assert run_vae("validate", plan, "--as-of", AS_OF, "--referential", custom).exit_code == 0


def test_broken_referential_is_reported_in_its_own_file(tmp_path: Path) -> None:
    custom = tmp_path / "network.yaml"
    custom.write_text("schema_version: 1\nid: network\ncommitments: oops\n", encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        SMALL_TOWN.read_text(encoding="utf-8").replace(
            "referential: unicef-france-vae-2020-2026", "referential: network.yaml"
        ),
        encoding="utf-8",
    )
    run = run_vae("validate", plan, "--as-of", AS_OF)
    assert run.exit_code == 1
    assert f"{custom}:3:14: error [wrong-type]" in run.stdout
    assert f"{custom}:1:1: error [missing-key] The key `name` is missing here" in run.stdout


def test_unknown_referential_suggests_the_builtin(write_plan) -> None:  # type: ignore[no-untyped-def]
    path = write_plan(
        SMALL_TOWN.read_text(encoding="utf-8").replace(
            "referential: unicef-france-vae-2020-2026", "referential: unicef-france-vae-2020"
        )
    )
    run = run_vae("validate", path, "--as-of", AS_OF)
    assert run.exit_code == 1
    assert '"unicef-france-vae-2020" is not a known referential' in run.stdout
    assert 'did you mean "unicef-france-vae-2020-2026"?' in run.stdout


def test_shipped_plans_validate_cleanly() -> None:
    plans = sorted((ROOT / "plans").glob("*.yaml"))
    assert plans, "plans/ holds the sample plans"
    run = run_vae("validate", *plans, "--as-of", AS_OF)
    assert run.exit_code == 0, run
    assert run.stdout.endswith("no error, no warning.\n")


@pytest.mark.slow
def test_installed_wheel_validates_a_copy_of_the_plan(
    installed_wheel: Installed, tmp_path: Path
) -> None:
    """Templates, schemas and referentials ship inside the wheel; nothing reads the checkout."""
    work = tmp_path / "city"
    (work / "plans").mkdir(parents=True)
    shutil.copy(ROOT / "plans" / "dijon-2020.yaml", work / "plans")
    done = installed_wheel.run("validate", "--as-of", AS_OF, cwd=work)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.endswith("Checked 1 file: no error, no warning.\n")
    done = installed_wheel.run("schema", "--check", "--output", ROOT / "schemas", cwd=work)
    assert done.returncode == 0, done.stdout + done.stderr
    site = subprocess.run(
        [
            installed_wheel.venv / "bin" / "python",
            "-c",
            "import vae_cli.resources as r; print(r.data_dir('schemas'))",
        ],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert site.startswith(str(installed_wheel.venv))
    assert (Path(site) / "plan.schema.json").is_file()


def test_a_referential_file_is_checked_as_a_referential(tmp_path: Path) -> None:
    shipped = ROOT / "vae_cli" / "referentials" / "unicef-france-vae-2020-2026.yaml"
    run = run_vae("validate", shipped)
    assert run.exit_code == 0, run
    assert run.stdout.endswith("Checked 1 file: no error, no warning.\n")
    broken = tmp_path / "network.yaml"
    broken.write_text(
        shipped.read_text(encoding="utf-8").replace("    number: 2\n", "    number: two\n", 1),
        encoding="utf-8",
    )
    run = run_vae("validate", broken)
    assert run.exit_code == 1
    line = broken.read_text(encoding="utf-8").splitlines().index("    number: two") + 1
    assert f"{broken}:{line}:13: error [wrong-type] `number` must be a whole number" in run.stdout


def test_a_broken_referential_file_fails_the_plan_too(tmp_path: Path) -> None:
    (tmp_path / "network.yaml").write_text("schema_version: 1\nobligations: []\n", "utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        SMALL_TOWN.read_text(encoding="utf-8").replace(
            "referential: unicef-france-vae-2020-2026", "referential: network.yaml"
        ),
        encoding="utf-8",
    )
    run = run_vae("validate", plan, "--format", "json", "--as-of", AS_OF)
    assert run.exit_code == 1
    by_path = {f["path"]: f for f in run.json()["files"]}
    assert by_path[str(plan)]["errors"] == 1  # never "ok": it was not checked
    assert by_path[str(tmp_path / "network.yaml")]["errors"] > 0
    (finding,) = [d for d in run.json()["diagnostics"] if d["path"] == str(plan)]
    assert finding["rule"] == "known-reference" and "has errors" in finding["message"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("plan.yaml", "A plan cannot be its own referential"),
        ("folder.yaml", 'The referential "folder.yaml" is not a file'),
        ("notes.txt", '"notes.txt" is not a referential'),
        ("missing.yaml", 'The referential file "missing.yaml" does not exist'),
    ],
)
def test_a_referential_path_that_is_not_a_referential(
    tmp_path: Path, value: str, message: str
) -> None:
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "notes.txt").write_text("hello\n", encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        SMALL_TOWN.read_text(encoding="utf-8").replace(
            "referential: unicef-france-vae-2020-2026", f"referential: {value}"
        ),
        encoding="utf-8",
    )
    run = run_vae("validate", plan, "--format", "json", "--as-of", AS_OF)
    assert run.exit_code == 1
    (finding,) = run.json()["diagnostics"]
    assert (finding["line"], finding["rule"], finding["message"]) == (4, "known-reference", message)
    assert [f["path"] for f in run.json()["files"]] == [str(plan)]


def test_a_broken_referential_option_is_reported(tmp_path: Path) -> None:
    broken = tmp_path / "network.yaml"
    broken.write_text("schema_version: 1\nobligations: oops\n", encoding="utf-8")
    run = run_vae("validate", SMALL_TOWN, "--referential", broken, "--as-of", AS_OF)
    assert run.exit_code == 1
    assert f"{broken}:2:14: error [wrong-type]" in run.stdout


@pytest.mark.parametrize("command", ["validate", "report"])
def test_a_symlink_loop_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "l1.yaml").symlink_to("l2.yaml")
    (tmp_path / "l2.yaml").symlink_to("l1.yaml")
    run = run_vae(command, "l1.yaml")
    assert run.exit_code == 2, run
    assert "vae: error: l1.yaml: symlink loop" in run.stderr


def test_a_broken_link_among_the_plans_is_not_skipped_in_silence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").mkdir()
    shutil.copy(SMALL_TOWN, tmp_path / "plans" / "good.yaml")
    (tmp_path / "plans" / "shared.yaml").symlink_to("../shared/gone.yaml")
    run = run_vae("validate", "--as-of", AS_OF)
    assert run.exit_code == 2, run
    assert "plans/shared.yaml: broken link (to ../shared/gone.yaml" in run.stderr


def test_a_symlinked_plan_is_shown_by_the_name_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "alias.yaml").symlink_to(SMALL_TOWN)
    run = run_vae("validate", "alias.yaml", "--as-of", AS_OF)
    assert run.exit_code == 0, run
    assert run.stdout.startswith("alias.yaml: ok")


@pytest.mark.parametrize("output", ["plan.yaml", "/dev/null", "plan.yaml/sub"])
def test_schema_output_must_be_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SMALL_TOWN, tmp_path / "plan.yaml")
    run = run_vae("schema", "-o", output)
    assert run.exit_code == 2, run
    assert (
        f"vae: error: {output} is not a folder" in run.stderr
        if output != "plan.yaml/sub"
        else "cannot write plan.yaml/sub" in run.stderr
    )
    assert (tmp_path / "plan.yaml").read_bytes() == SMALL_TOWN.read_bytes()


def test_schema_keeps_a_read_only_schema(tmp_path: Path) -> None:
    (tmp_path / "plan.schema.json").write_text("{}\n", encoding="utf-8")
    (tmp_path / "plan.schema.json").chmod(0o444)
    run = run_vae("schema", "-o", tmp_path)
    assert run.exit_code == 2, run
    assert "plan.schema.json is read-only" in run.stderr
    assert (tmp_path / "plan.schema.json").read_text(encoding="utf-8") == "{}\n"
