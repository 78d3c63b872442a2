"""`vae export`: check the plan, build the year's table, write it in the format asked.

Every target is worked out and checked before anything is written: an existing file is never
replaced without `--force` (it may be a department's filled-in copy).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

from vae_cli.check import Checker
from vae_cli.errors import UsageError
from vae_cli.files import write_atomic
from vae_cli.findings.diagnostics import FileResult, display_path
from vae_cli.i18n.messages import msg
from vae_cli.report.run import report_year
from vae_cli.spreadsheet import csv_files, ods, table, xlsx

FORMATS = ("ods", "xlsx", "csv")


@dataclasses.dataclass(frozen=True, kw_only=True)
class Request:
    plan: Path
    year: int | None
    output: Path
    lang: str  # the sheets' language
    messages: str  # the language of what vae says on the terminal
    blank: bool = False
    by_lead: bool = False
    format: str | None = None  # for --by-lead: the folder's name says nothing of it
    force: bool = False
    today: dt.date
    referential_files: tuple[Path, ...] = ()


@dataclasses.dataclass(kw_only=True)
class Outcome:
    written: list[Path] = dataclasses.field(default_factory=list)
    failed: FileResult | None = None  # the plan's findings, when it has errors


def _format(request: Request) -> str:
    if request.by_lead:
        suffix = request.output.suffix.lower().lstrip(".")
        if suffix in FORMATS:
            raise UsageError(
                msg(
                    "with --by-lead, --output is a folder, not the file {file}",
                    file=display_path(request.output),
                ).written_in(request.messages),
                hint=msg("e.g. --output suivi/ --format ods").written_in(request.messages),
            )
        return request.format or "ods"
    suffix = request.output.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise UsageError(
            msg(
                "{file}: the file's extension chooses the format: .ods, .xlsx or .csv",
                file=display_path(request.output),
            ).written_in(request.messages),
            hint=msg("e.g. --output suivi-2026.ods").written_in(request.messages),
        )
    if request.format and request.format != suffix:
        raise UsageError(
            msg(
                "--format {format} and the file name {file} disagree",
                format=request.format,
                file=display_path(request.output),
            ).written_in(request.messages)
        )
    return suffix


def _files(workbook: table.Workbook, target: Path, fmt: str) -> list[tuple[Path, bytes | str]]:
    if fmt == "csv":
        return list(zip(csv_files.paths(target, workbook), csv_files.write(workbook), strict=True))
    writer = ods.write if fmt == "ods" else xlsx.write
    return [(target, writer(workbook))]


def export(request: Request) -> Outcome:
    """Write the follow-up table(s) asked for; a plan with errors is not exported."""
    checked = Checker(
        as_of=request.today.year, referential_files=list(request.referential_files)
    ).check_plan(request.plan)
    if not checked.ok or checked.plan is None or checked.referential is None:
        return Outcome(failed=checked.result)
    plan, referential = checked.plan, checked.referential
    year = report_year(plan, request.plan, request.year, request.today)
    fmt = _format(request)

    def build(lead: str | None) -> table.Workbook:
        return table.build(
            plan, referential, year=year, lang=request.lang, blank=request.blank, lead=lead
        )

    files: list[tuple[Path, bytes | str]] = []
    if request.by_lead:
        if request.output.exists() and not request.output.is_dir():
            raise UsageError(
                msg("{file} is not a folder", file=display_path(request.output)).written_in(
                    request.messages
                )
            )
        names = table.file_names(table.leads(plan))
        for lead, name in names.items():
            files += _files(build(lead), request.output / f"{name}.{fmt}", fmt)
    else:
        files = _files(build(None), request.output, fmt)

    existing = [path for path, _ in files if os.path.lexists(path)]
    if existing and not request.force:
        shown = ", ".join(display_path(p) for p in existing[:5])
        raise UsageError(
            msg("{files} already exists; nothing was written", files=shown).written_in(
                request.messages
            ),
            hint=msg(
                "it may be a filled-in copy: move it away, or give --force to replace it"
            ).written_in(request.messages),
        )
    outcome = Outcome()
    for path, content in files:
        write_atomic(path, content)
        outcome.written.append(path)
    return outcome
