"""The files a city copies: workflows valid for their forge, commands in them that vae accepts,
the pre-commit hook refusing a broken plan, and `vae schema --check`."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import PIP_NO_BYTECODE, ROOT, SMALL_TOWN, run_vae

BIN = Path(sys.executable).parent
# The city's workflows, kept out of vae's own .github/workflows/ (GitHub would run them on vae).
GITHUB_WORKFLOW = ROOT / "docs" / "ci" / "plans.yml"
GITLAB_CI = ROOT / "docs" / "ci" / ".gitlab-ci.yml"


def run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.parametrize(
    ("path", "schema", "extra"),
    [
        (GITHUB_WORKFLOW, "vendor.github-workflows", []),
        (GITLAB_CI, "vendor.gitlab-ci", ["--data-transform", "gitlab-ci"]),
    ],
)
def test_workflows_match_their_forge_schema(path: Path, schema: str, extra: list[str]):
    """check-jsonschema's vendored schemas: no network needed."""
    run(BIN / "check-jsonschema", "--builtin-schema", schema, *extra, path)


def _vae_commands(path: Path) -> list[list[str]]:
    """Every `vae ...` command line of a workflow file (YAML folded lines joined)."""
    text = path.read_text(encoding="utf-8")
    commands = []
    for script in _scripts(yaml.safe_load(text)):
        for line in script.splitlines():
            line = line.strip()
            if line.startswith("vae "):
                words = shlex.split(line.split(">>")[0].split("|")[0])
                commands.append(words[1:])
    return commands


def _scripts(node: object) -> list[str]:
    """The shell scripts of a workflow: GitHub's `run`, GitLab's `script` and friends."""
    if isinstance(node, list):
        return [s for item in node for s in _scripts(item)]
    if not isinstance(node, dict):
        return []
    scripts: list[str] = []
    for key, value in node.items():
        if key in ("run", "script", "before_script", "after_script"):
            scripts += [value] if isinstance(value, str) else [str(v) for v in value]
        else:
            scripts += _scripts(value)
    return scripts


@pytest.mark.parametrize("path", [GITHUB_WORKFLOW, GITLAB_CI])
def test_validate_commands_of_the_workflows_run(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The `vae validate` lines of the workflows work in a city's repository and write their
    reports."""
    (tmp_path / "plans").mkdir()
    shutil.copy(SMALL_TOWN, tmp_path / "plans" / "villebourg.yaml")
    monkeypatch.chdir(tmp_path)
    commands = [c for c in _vae_commands(path) if c[0] == "validate"]
    assert commands
    for command in commands:
        result = run_vae(*command, "--as-of", "2026", env={"GITHUB_ACTIONS": "true"})
        assert result.exit_code == 0, result
        for option in command:
            if ":out/" in option:
                assert (tmp_path / option.split(":", 1)[1]).is_file(), option
    assert {c[0] for c in _vae_commands(path)} >= {"validate", "report", "diff"}


def test_hook_definition():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "vae-validate"
    assert hook["entry"] == "vae validate"
    files = re.compile(hook["files"])
    assert files.search("plans/dijon-2020.yaml") and files.search("plans/old/a.yml")
    assert not files.search("docs/ci/.gitlab-ci.yml") and not files.search("plans/notes.md")


def test_the_city_workflow_is_not_one_of_vaes_own():
    """GitHub runs every workflow in .github/workflows/: a city's must not run on vae."""
    assert not (ROOT / ".github" / "workflows" / GITHUB_WORKFLOW.name).exists()
    assert "copy to .github/workflows/plans.yml" in GITHUB_WORKFLOW.read_text(encoding="utf-8")


def test_the_projects_own_hooks_run_the_tools_of_make_test():
    """vae's own .pre-commit-config.yaml is valid and runs ruff, ruff format and mypy from the
    venv (no download: only PyPI is reachable from the developers' machines)."""
    config_file = ROOT / ".pre-commit-config.yaml"
    run(BIN / "pre-commit", "validate-config", config_file)
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    assert [r["repo"] for r in config["repos"]] == ["local"]
    hooks = {h["id"]: h["entry"].split() for r in config["repos"] for h in r["hooks"]}
    assert hooks == {
        "ruff": [".venv/bin/ruff", "check", "--force-exclude"],
        "ruff-format": [".venv/bin/ruff", "format", "--force-exclude"],
        "mypy": [".venv/bin/mypy"],
    }
    for program, *_ in hooks.values():
        assert (BIN / Path(program).name).is_file(), program


@pytest.mark.slow
def test_pre_commit_hook_refuses_a_broken_plan(tmp_path: Path):
    """`pre-commit try-repo` installs vae with pip from this repository (its last commit), as a
    city's hook would, and runs it on a good and a broken plan."""
    city = tmp_path / "city"
    (city / "plans").mkdir(parents=True)
    good = SMALL_TOWN.read_text(encoding="utf-8")
    (city / "plans" / "good.yaml").write_text(good, encoding="utf-8")
    bad = good.replace("commitment: equite", "commitment: equit")
    (city / "plans" / "bad.yaml").write_text(bad, encoding="utf-8")
    (city / "notes.yaml").write_text("not: [a plan\n", encoding="utf-8")  # outside plans/
    for args in (
        ["init", "-q", "-b", "main"],
        ["config", "user.name", "Test"],
        ["config", "user.email", "test@example.org"],
        ["add", "-A"],
    ):
        run("git", *args, cwd=city)
    # try-repo would copy this checkout's uncommitted changes to tracked files but not its
    # untracked files, which can leave a half-finished mix; a clone holds the committed state.
    vae = tmp_path / "vae"
    run("git", "clone", "-q", ROOT, vae)
    env = {"PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1", **PIP_NO_BYTECODE}
    done = subprocess.run(
        [BIN / "pre-commit", "try-repo", vae, "vae-validate", "--all-files", "--verbose"],
        cwd=city,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    line = bad.splitlines().index("    commitment: equit") + 1
    assert f'plans/bad.yaml:{line}:17: error [known-reference] "equit" is not a commitment' in (
        output
    )
    assert "plans/good.yaml: ok" in output
    assert "notes.yaml" not in output


def test_schema_check(tmp_path: Path):
    """`vae schema --check` passes on fresh schemas and exits 1 when one is stale or missing."""
    schemas = tmp_path / "schemas"
    shutil.copytree(ROOT / "schemas", schemas)
    fresh = run_vae("schema", "--check", "--output", schemas)
    assert fresh.exit_code == 0, fresh
    plan_schema = schemas / "plan.schema.json"
    plan_schema.write_text(plan_schema.read_text(encoding="utf-8") + " ", encoding="utf-8")
    stale = run_vae("schema", "--check", "--output", schemas)
    assert stale.exit_code == 1, stale
    assert stale.stdout == f"stale {plan_schema}\n"
    assert "run `vae schema` and commit the result" in stale.stderr
    plan_schema.unlink()
    assert run_vae("schema", "--check", "--output", schemas).exit_code == 1
    # --check writes nothing.
    assert not plan_schema.exists()


def _install_script(path: Path) -> str:
    """The shell that installs vae in a city's workflow: GitHub's "Install vae" step, GitLab's
    `before_script`."""
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    if path == GITLAB_CI:
        return "\n".join(workflow["plans"]["before_script"])
    (step,) = [s for s in workflow["jobs"]["plans"]["steps"] if s.get("name") == "Install vae"]
    return str(step["run"])


@pytest.mark.parametrize("path", [GITHUB_WORKFLOW, GITLAB_CI])
@pytest.mark.parametrize(
    ("source", "installs"),
    [
        ("", False),  # the template as shipped: not set yet
        ("vae-cli", False),  # a package name: anyone could register it
        ("git+https://forge.example.org/vae.git", False),  # no tag or commit: it moves
        ("git+https://forge.example.org/vae.git@v0.1.0", True),
        ("git+ssh://git@forge.example.org/vae.git@3f2a9c1", True),
    ],
)
def test_the_city_workflow_installs_vae_only_from_a_pinned_source(
    path: Path, tmp_path: Path, source: str, installs: bool
) -> None:
    """Run the workflow's own install lines with stand-ins for pip and apt-get."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("python", "apt-get"):
        stub = bin_dir / tool
        stub.write_text(f'#!/bin/sh\necho "{tool} $*" >> "{tmp_path}/calls"\n', encoding="utf-8")
        stub.chmod(0o755)
    done = subprocess.run(
        ["bash", "-e", "-c", _install_script(path)],
        env={"PATH": f"{bin_dir}:/usr/bin:/bin", "VAE_SOURCE": source},
        capture_output=True,
        text=True,
        check=False,
    )
    calls = (
        (tmp_path / "calls").read_text(encoding="utf-8") if (tmp_path / "calls").exists() else ""
    )
    if installs:
        assert done.returncode == 0, done
        assert (
            f"python -m pip install {'--quiet ' if path == GITLAB_CI else ''}vae-cli @ {source}"
            in calls
        )
    else:
        assert done.returncode == 1, done
        assert "pip" not in calls
        assert "VAE_SOURCE" in done.stdout + done.stderr


def test_the_github_workflow_sends_its_sarif_to_code_scanning() -> None:
    workflow = yaml.safe_load(GITHUB_WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["plans"]["steps"]
    (upload,) = [
        s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif")
    ]
    assert upload["with"]["sarif_file"] == "out/vae.sarif" and upload["continue-on-error"] is True


def test_the_gitlab_pipeline_runs_once_per_change_and_caches_pip() -> None:
    pipeline = yaml.safe_load(GITLAB_CI.read_text(encoding="utf-8"))
    rules = pipeline["workflow"]["rules"]
    assert {"if": "$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS", "when": "never"} in rules
    assert pipeline["plans"]["cache"]["paths"] == [".cache/pip"]
    assert pipeline["variables"]["PIP_CACHE_DIR"] == "$CI_PROJECT_DIR/.cache/pip"
