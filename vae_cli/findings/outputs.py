"""Where `vae validate` sends its findings: one format on stdout, others to files, the CI's
summary page, and whether the run fails."""

from __future__ import annotations

import dataclasses
import enum
import os
import typing as t
from pathlib import Path

from vae_cli.errors import UsageError, os_reason
from vae_cli.files import UnsafeWrite, write_atomic, write_target
from vae_cli.findings import report_marks
from vae_cli.findings.diagnostics import CheckResult, display_path
from vae_cli.findings.formats import FORMATS_BY_NAME, github, inert_output, junit
from vae_cli.findings.formats import text as text_format
from vae_cli.i18n.messages import msg
from vae_cli.plan_format import PLAN_SUFFIXES


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
        raise UsageError(
            msg("--strict and --fail-on {fail_on} contradict each other", fail_on=str(fail_on))
        )
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

    @property
    def spelled(self) -> str:
        """As the option's value is written: FORMAT:PATH."""
        return f"{self.format}:{self.path}"

    @classmethod
    def parse(cls, value: str) -> Report:
        # Split at the first colon only: format names have none, a Windows path may (C:\...).
        name, sep, path = value.partition(":")
        known = ", ".join(FORMATS_BY_NAME)
        if not sep or not path:
            raise UsageError(
                msg("--report {value}: expected FORMAT:PATH", value=value),
                hint=msg("e.g. --report sarif:vae.sarif; formats: {known}", known=known),
            )
        if name not in FORMATS_BY_NAME:
            raise UsageError(
                msg('--report {value}: unknown format "{name}"', value=value, name=name),
                hint=msg("use one of {known}", known=known),
            )
        return cls(name, Path(path))


def emit(
    result: CheckResult,
    *,
    stdout_format: str,
    reports: t.Sequence[Report],
    inputs: t.Sequence[Path],
    lang: str,
    color: bool,
    quiet: bool = False,
    fail_on: FailOn = FailOn.ERROR,
    env: t.Mapping[str, str] = os.environ,
) -> str:
    """Write every report file and the GitHub job summary; return what goes to stdout. Every
    output is written in `lang`; `quiet` leaves the text format's summaries out. `inputs` are
    the files the run read (plans, referentials, configurations): nothing is ever written to
    them.

    Every path is checked before anything is written (see `check_report_paths` and
    `check_summary_path`).
    """
    check_report_paths(reports, inputs)
    uses_github = stdout_format == "github" or any(r.format == "github" for r in reports)
    summary_file = env.get("GITHUB_STEP_SUMMARY") if uses_github else None
    summary = check_summary_path(Path(summary_file), reports, inputs) if summary_file else None
    for report in reports:
        text = render(report.format, result, lang=lang, fail_on=fail_on)
        _write(report.path, inert_output(report.format, report_marks.mark(report.format, text)))
    if summary is not None:
        # GitHub shows 10 error and 10 warning annotations per step; the summary shows them all.
        _append(summary, github.summary(result, lang=lang))
    if stdout_format == "text":
        return text_format.render(result, lang=lang, color=color, quiet=quiet)
    return render(stdout_format, result, lang=lang, fail_on=fail_on)


def render(
    name: str, result: CheckResult, *, lang: str, color: bool = False, fail_on: FailOn
) -> str:
    """The findings in the format `name`. JUnit is the one format that says whether the run
    fails: there a warning fails its test when warnings fail the run."""
    if name == "junit":
        xml = junit.render(result, lang=lang, warnings_fail=fail_on is FailOn.WARNING)
        return inert_output("junit", xml)
    return FORMATS_BY_NAME[name](result, lang=lang, color=color)


def _write(path: Path, text: str) -> None:
    try:
        write_atomic(path, text)
    except OSError as e:
        raise UsageError(
            msg("cannot write {path}: {reason}", path=str(path), reason=os_reason(e))
        ) from None


def _append(path: Path, text: str) -> None:
    # Appended, as every step of a job adds to its summary: what earlier steps wrote is never
    # read nor rewritten.
    try:
        with path.open("a", encoding="utf-8", newline="") as stream:
            stream.write(text)
    except OSError as e:
        raise UsageError(
            msg(
                "cannot write the job summary {path}: {reason}",
                path=display_path(path),
                reason=os_reason(e),
            )
        ) from None


def check_summary_path(path: Path, reports: t.Sequence[Report], inputs: t.Sequence[Path]) -> Path:
    """Where to append the job summary ($GITHUB_STEP_SUMMARY), refused before anything is
    written when appending would damage a file: one the run reads (a plan, a referential, a
    configuration), any plan (`.yaml`, `.yml`), a report of this run, or anything but a regular
    file. GitHub sets the variable to a file of its own; anything else is a mistake."""
    shown = display_path(path)
    hint = msg(
        "leave GITHUB_STEP_SUMMARY to GitHub, which sets it to a file of its own for each step"
    )
    try:
        target, _ = write_target(path)
    except UnsafeWrite as e:
        raise UsageError(
            msg("GITHUB_STEP_SUMMARY: {message}", message=e.message), hint=hint
        ) from None
    identity = _identity(target)
    if identity in {_identity(p) for p in inputs}:
        raise UsageError(
            msg(
                "GITHUB_STEP_SUMMARY points at {path}, which is being checked: vae never "
                "appends its job summary to it; nothing was written",
                path=shown,
            ),
            hint=hint,
        )
    if target.suffix.lower() in PLAN_SUFFIXES:
        raise UsageError(
            msg(
                "GITHUB_STEP_SUMMARY points at {path}, a YAML file: vae never appends its job "
                "summary to a plan; nothing was written",
                path=shown,
            ),
            hint=hint,
        )
    for report in reports:
        if _identity(report.path) == identity:
            raise UsageError(
                msg(
                    "GITHUB_STEP_SUMMARY points at {path}, which is also the path of --report "
                    "{report}; nothing was written",
                    path=shown,
                    report=report.spelled,
                ),
                hint=hint,
            )
    return target


def check_report_paths(reports: t.Sequence[Report], inputs: t.Sequence[Path]) -> None:
    """Refuse, before writing anything, a report that would destroy something.

    A report path may be a new file, an empty one, or a report vae wrote there earlier (in any
    format: CI writes the same paths on every run), told by its mark (`report_marks`). Refused:
    one of the files checked, any other existing file (a plan, a referential, someone's notes, a
    file that only looks like a report), a device or a folder, and a path given twice. A symlink
    to a report is followed: the target is rewritten, the link stays.
    """
    checked = {_identity(p) for p in inputs}
    seen: dict[Path, Report] = {}
    for report in reports:
        option = f"--report {report.spelled}"
        shown = display_path(report.path)
        try:
            target, mode = write_target(report.path)
        except UnsafeWrite as e:
            hint = e.hint
            if "not a regular file" in str(e.message):
                hint = msg("give the path of a file; to print the findings, use --format FORMAT")
            raise UsageError(
                msg("{option}: {message}", option=option, message=e.message), hint=hint
            ) from None
        identity = _identity(target)
        if identity in checked:
            example = f"{report.format}:vae-report.{_SUFFIXES[report.format]}"
            raise UsageError(
                msg(
                    "{option} would overwrite {path}, which is being checked; nothing was written",
                    option=option,
                    path=shown,
                ),
                hint=msg(
                    "write the report to a file of its own, e.g. --report {example}",
                    example=example,
                ),
            )
        if identity in seen:
            raise UsageError(
                msg(
                    "{option}: {path} is also the path of --report {other}",
                    option=option,
                    path=shown,
                    other=seen[identity].spelled,
                ),
                hint=msg("give each report its own path"),
            )
        seen[identity] = report
        if mode is not None and not is_vae_report(target):
            raise UsageError(
                msg(
                    "{option}: {path} exists and is not a report written by vae; nothing was "
                    "written",
                    option=option,
                    path=shown,
                ),
                hint=msg(
                    "choose another path, or move the file away (vae only replaces empty files "
                    "and the reports it wrote, which carry its mark: see docs/ci.md)"
                ),
            )


_SUFFIXES = {
    "text": "txt",
    "json": "json",
    "github": "txt",
    "gitlab": "json",
    "sarif": "sarif",
    "junit": "xml",
}
_MAX_REPORT_BYTES = 64 * 1024 * 1024


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def is_vae_report(path: Path) -> bool:
    """Whether the file is empty (or blank) or is a report `--report` wrote, in any format and
    language: it carries the mark of one (see `report_marks`)."""
    try:
        if path.stat().st_size > _MAX_REPORT_BYTES:
            return False
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return not text.strip() or report_marks.is_marked(text)
