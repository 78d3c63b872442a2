"""`vae` starts with only what the command asked for: help needs no Pydantic, and a command runs
from an app of that command alone, which behaves as the whole app does.

How long start-up takes is measured by `make bench`; these tests check what is loaded and built.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SMALL_TOWN
from vae_cli.cli.app import app, app_for

HEAVY = ("pydantic", "yaml", "jinja2", "ruamel.yaml", "babel")


def modules_loaded_by(args: list[str], cwd: Path) -> list[str]:
    code = (
        "import sys\n"
        "from vae_cli.cli import app\n"
        f"sys.argv = ['vae', *{args!r}]\n"
        "try:\n"
        "    app.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=cwd
    )
    assert "Usage: vae" in done.stdout
    return names_in(done.stdout.splitlines()[-1])


def names_in(line: str) -> list[str]:
    return [name.strip(" '") for name in line.strip("[]").split(",") if name.strip()]


@pytest.mark.parametrize(
    "args",
    [["--help"], ["validate", "--help"], ["record", "--help"], ["record", "progress", "--help"]],
)
def test_help_loads_neither_pydantic_nor_a_yaml_library(args: list[str], tmp_path: Path) -> None:
    assert modules_loaded_by(args, tmp_path) == []


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "--help"],
        ["validate", "--bogus"],
        ["validate", "--as-of", "3000", str(SMALL_TOWN)],
        ["validate", "--as-of", "2026", "--format", "json", str(SMALL_TOWN)],
        ["validate", "--version"],
        ["record", "progress", "--help"],
        ["record", "progres"],
        ["report", "--help"],
        ["init"],
        ["diff", "--help"],
        ["schema", "--help"],
    ],
)
def test_an_app_of_one_command_behaves_as_the_whole_app(args: list[str]) -> None:
    runs = [
        CliRunner().invoke(given, args, env={"NO_COLOR": "1"}) for given in (app, app_for(args))
    ]
    whole, alone = ((r.exit_code, r.stdout, r.stderr) for r in runs)
    assert alone == whole
    assert app_for(args) is not app


@pytest.mark.parametrize("args", [[], ["--help"], ["--version"], ["validat"], ["--version", "x"]])
def test_without_a_command_first_the_whole_app_runs(args: list[str]) -> None:
    assert app_for(args) is app
