"""Shared helpers: run `vae` as a user would, and locate text in a plan."""

from __future__ import annotations

import dataclasses
import json
import typing as t
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vae_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = Path(__file__).resolve().parent / "example-files"
SMALL_TOWN = EXAMPLES / "positive" / "small-town.yaml"
AS_OF = "2026"


@dataclasses.dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> t.Any:
        return json.loads(self.stdout)

    def __str__(self) -> str:  # shown by pytest when an assertion on a Run fails
        return f"exit {self.exit_code}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


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
