"""Shared helpers: run `vae` as a user would, and locate text in a plan."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
import typing as t
from pathlib import Path

import pytest
import typer.main
import typer.testing
from filelock import FileLock
from typer.testing import CliRunner

from vae_cli.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = Path(__file__).resolve().parent / "example-files"
SMALL_TOWN = EXAMPLES / "positive" / "small-town.yaml"
AS_OF = "2026"


def pytest_addoption(parser: pytest.Parser) -> None:
    # Here, in the root conftest, so that `pytest --update-goldens` works from the repository's
    # root: pytest reads the options before it loads the conftests of sub-folders.
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="Rewrite the report golden files from the current output (review the diff!).",
    )


@dataclasses.dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> t.Any:
        return json.loads(self.stdout)

    def __str__(self) -> str:  # shown by pytest when an assertion on a Run fails
        return f"exit {self.exit_code}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


# typer's CliRunner builds the Click command from the app on every invoke: tens of
# milliseconds, a thousand times in the suite, the largest share of many tests' time. The app
# is complete once imported, so the command is built once per test process. (Only the
# building is skipped: each run still gets its own Click context, as in `vae` itself.)
_COMMAND = typer.main.get_command(app)


def _command_of(given: typer.Typer) -> t.Any:
    return _COMMAND if given is app else typer.main.get_command(given)


if hasattr(typer.testing, "_get_command"):  # where typer.testing looks the builder up
    typer.testing._get_command = _command_of


def run_vae(*args: str | Path, env: dict[str, str] | None = None) -> Run:
    """Run the CLI in-process; exceptions propagate, so a traceback fails the test."""
    result = CliRunner().invoke(
        app, [str(a) for a in args], catch_exceptions=False, env={"NO_COLOR": "1", **(env or {})}
    )
    return Run(result.exit_code, result.stdout, result.stderr)


def findings(run: Run) -> list[tuple[int, int, str, str]]:
    """(line, column, severity, rule) of every diagnostic of a `--format json` run."""
    return [(d["line"], d["column"], d["severity"], d["rule"]) for d in run.json()["diagnostics"]]


def locate(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based (line, column) of the n-th occurrence of `needle` in `text`."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def edit_at(text: str, old: str, new: str, pointed: str) -> tuple[str, tuple[int, int]]:
    """Replace the first `old` with `new`; return the new text and the (line, column) of
    `pointed`, a part of `new`: where a finding about the edit must point."""
    index = text.index(old)
    edited = text[:index] + new + text[index + len(old) :]
    at = index + new.index(pointed)
    line = edited.count("\n", 0, at) + 1
    column = at - (edited.rfind("\n", 0, at) + 1) + 1
    return edited, (line, column)


# pip's `--no-compile` for a pip a test starts (pre-commit's, a build's isolated one) where what
# it installs is run once or not at all: `--compile` set false (PIP_NO_COMPILE=1 would be true).
PIP_NO_BYTECODE = {"PIP_COMPILE": "0"}


@dataclasses.dataclass(frozen=True)
class Installed:
    """vae installed from its wheel in a fresh venv, outside the checkout."""

    venv: Path

    def run(self, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        return subprocess.run(
            [self.venv / "bin" / "vae", *map(str, args)],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )


def _install_wheel(root: Path) -> Installed:
    """Build the wheel into root/dist and install it, with its dependencies, in root/venv.

    The venv gets no pip of its own (bootstrapping one took half the time): this pip installs
    into it the wheel and its dependencies, nothing else. (Their bytecode is compiled: the
    tests run `vae` several times from this venv.)"""
    dist = root / "dist"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "-q", "-w", dist, ROOT],
        check=True,
        capture_output=True,
        env={**os.environ, **PIP_NO_BYTECODE},  # hatchling, in the build's own environment
    )
    (wheel,) = dist.glob("*.whl")
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    subprocess.run(
        [*pip, "--python", venv / "bin" / "python", "install", "-q", wheel],
        check=True,
        capture_output=True,
    )
    return Installed(venv)


@pytest.fixture(scope="session")
def installed_wheel(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """vae installed from its wheel, once for the whole run (it takes seconds).

    Under pytest-xdist every worker has its own session: the first worker to ask builds the
    wheel in the run's shared temporary folder, under a lock, and the others reuse it."""
    if "PYTEST_XDIST_WORKER" not in os.environ:  # one process runs every test
        return _install_wheel(tmp_path_factory.mktemp("wheel"))
    shared = tmp_path_factory.getbasetemp().parent / "wheel"
    done = shared / "installed"
    with FileLock(f"{shared}.lock"):
        if not done.exists():
            if shared.exists():  # a worker that failed halfway: start again
                shutil.rmtree(shared)
            shared.mkdir()
            _install_wheel(shared)
            done.touch()
    return Installed(shared / "venv")


@pytest.fixture(autouse=True)
def _english_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """The exact-text tests expect vae's default language, whatever the developer's locale."""
    from vae_cli.i18n.language import LOCALE_VARIABLES

    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture
def small_town() -> str:
    return SMALL_TOWN.read_text(encoding="utf-8")


@pytest.fixture
def write_plan(tmp_path: Path) -> t.Callable[[str | bytes], Path]:
    def write(content: str | bytes, name: str = "plan.yaml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write
