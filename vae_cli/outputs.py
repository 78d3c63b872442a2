"""Where `vae validate` sends its findings: one format on stdout, others to files, the CI's
summary page, and whether the run fails."""

from __future__ import annotations

import dataclasses
import enum
import os
import typing as t
from pathlib import Path

from vae_cli.diagnostics import CheckResult
from vae_cli.errors import UsageError
from vae_cli.files import write_atomic
from vae_cli.formats import FORMATS_BY_NAME, github


class FailOn(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NEVER = "never"


def fails(result: CheckResult, fail_on: FailOn) -> bool:
    if fail_on is FailOn.NEVER:
        return False
    return result.failed(strict=fail_on is FailOn.WARNING)


def resolve_fail_on(fail_on: FailOn | None, *, strict: bool) -> FailOn:
    """`--strict` is the older spelling of `--fail-on warning`; both may be given if they agree."""
    if strict and fail_on not in (None, FailOn.WARNING):
        raise UsageError(f"--strict and --fail-on {fail_on} contradict each other")
    if strict:
        return FailOn.WARNING
    return fail_on or FailOn.ERROR


def default_format(env: t.Mapping[str, str]) -> str:
    """`github` inside GitHub Actions, where annotations are what people see; else `text`."""
    return "github" if env.get("GITHUB_ACTIONS") == "true" else "text"


@dataclasses.dataclass(frozen=True)
class Report:
    """`--report FORMAT:PATH`: the findings in FORMAT, written to PATH."""

    format: str
    path: Path

    @classmethod
    def parse(cls, value: str) -> Report:
        # Split at the first colon only: format names have none, a Windows path may (C:\...).
        name, sep, path = value.partition(":")
        known = ", ".join(FORMATS_BY_NAME)
        if not sep or not path:
            raise UsageError(
                f"--report {value}: expected FORMAT:PATH",
                hint=f"e.g. --report sarif:vae.sarif; formats: {known}",
            )
        if name not in FORMATS_BY_NAME:
            raise UsageError(
                f"--report {value}: unknown format {name!r}", hint=f"use one of {known}"
            )
        return cls(name, Path(path))


def emit(
    result: CheckResult,
    *,
    stdout_format: str,
    reports: t.Sequence[Report],
    color: bool,
    env: t.Mapping[str, str] = os.environ,
) -> str:
    """Write every report file and the GitHub job summary; return what goes to stdout."""
    for report in reports:
        _write(report.path, FORMATS_BY_NAME[report.format](result, False))
    uses_github = stdout_format == "github" or any(r.format == "github" for r in reports)
    summary_file = env.get("GITHUB_STEP_SUMMARY")
    if uses_github and summary_file:
        # GitHub shows 10 error and 10 warning annotations per step; the summary shows them all.
        path = Path(summary_file)
        before = path.read_text(encoding="utf-8") if path.is_file() else ""
        _write(path, before + github.summary(result))
    return FORMATS_BY_NAME[stdout_format](result, color and stdout_format == "text")


def _write(path: Path, text: str) -> None:
    try:
        write_atomic(path, text)
    except OSError as e:
        raise UsageError(f"cannot write {path}: {e.strerror or e}") from None
