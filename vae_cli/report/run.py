"""Run `vae report`: check each plan, settle the year, build the report data, render, write.

Everything is checked before anything is written: a year outside a mandate or a file vae would
not overwrite stops the run with a usage error and leaves the output folder as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from vae_cli.check import Checker, PlanCheck
from vae_cli.errors import UsageError
from vae_cli.files import write_atomic, write_target
from vae_cli.findings.diagnostics import CheckResult, display_path
from vae_cli.i18n.messages import msg
from vae_cli.inputs import check_folder
from vae_cli.models.plan import Plan
from vae_cli.report.source import source_of

TEMPLATES = {"followup": "followup", "plan": "plan", "children": "children"}


@dataclasses.dataclass(frozen=True, kw_only=True)
class Request:
    plans: list[Path]
    year: int | None
    kinds: list[str]
    formats: list[str]
    lang: str
    output: Path
    template_dir: Path | None
    force: bool
    today: dt.date


@dataclasses.dataclass(kw_only=True)
class Outcome:
    written: list[str] = dataclasses.field(default_factory=list)
    failed: CheckResult = dataclasses.field(default_factory=CheckResult)


def default_year(plan: Plan, today: dt.date) -> int:
    """The last complete year inside the mandate: last year, brought back into the mandate."""
    return max(plan.mandate.start, min(today.year - 1, plan.mandate.end))


def report_year(plan: Plan, path: Path, asked: int | None, today: dt.date) -> int:
    if asked is None:
        return default_year(plan, today)
    start, end = plan.mandate.start, plan.mandate.end
    if not start <= asked <= end:
        raise UsageError(
            msg(
                "{path}: {year} is outside the plan's mandate {start}-{end}",
                path=display_path(path),
                year=asked,
                start=start,
                end=end,
            ),
            hint=msg("give --year from {start} to {end}", start=start, end=end),
        )
    return asked


def report_name(kind: str, year: int, lang: str, fmt: str) -> str:
    """`2023-followup.fr.html`, `plan.en.pdf`: the language in every name, so that the reports
    of both languages live side by side; no year for the plan document, which has none."""
    stem = "plan" if kind == "plan" else f"{year}-{kind}"
    return f"{stem}.{lang}.{fmt}"


def _target(request: Request, path: Path, year: int, kind: str, fmt: str) -> Path:
    """`OUTPUT/<plan name>/<report name>`, always inside OUTPUT."""
    if not path.stem.strip("."):  # `..yaml`, `...yaml`: the folder would be `.` or `..`
        raise UsageError(
            msg(
                "{path}: vae names the report folder after the plan, and this name is only dots",
                path=display_path(path),
            ),
            hint=msg("rename the plan, e.g. plans/<ville>-2020.yaml"),
        )
    return request.output / path.stem / report_name(kind, year, request.lang, fmt)


def year_in_progress(year: int, today: dt.date) -> bool:
    """Whether `year` is not over yet: its report may lack entries still to be written. This
    compares only the year with today's year, so a report's bytes change at most once a year."""
    return year >= today.year


def write_reports(request: Request) -> Outcome:
    """Write every report asked for; plans with errors go to `Outcome.failed`, unrendered."""
    from vae_cli.report.as_of import warnings_at_end_of
    from vae_cli.report.children import build_children
    from vae_cli.report.environment import is_generated, render
    from vae_cli.report.followup import build_followup
    from vae_cli.report.pdf import check_available, write_pdf
    from vae_cli.report.plan_document import build_plan_document
    from vae_cli.report.template_data import to_template_data

    if request.template_dir is not None:
        check_folder(request.template_dir)
    if "pdf" in request.formats:
        check_available()  # no Pango: said before anything is written
    outcome = Outcome()
    checker = Checker(as_of=request.today.year)
    ready: list[tuple[Path, PlanCheck, int]] = []
    for path in request.plans:
        checked = checker.check_plan(path)
        if not checked.ok or checked.plan is None:
            outcome.failed.files.append(checked.result)
            if checked.referential_result is not None:
                outcome.failed.files.append(checked.referential_result)
            continue
        ready.append((path, checked, report_year(checked.plan, path, request.year, request.today)))

    targets: dict[Path, Path] = {}
    for path, _, year in ready:
        for kind in request.kinds:
            for fmt in request.formats:
                target = _target(request, path, year, kind, fmt)
                if target in targets:
                    raise UsageError(
                        msg(
                            "{path} and {other} would both be written to {target}",
                            path=display_path(path),
                            other=display_path(targets[target]),
                            target=display_path(target),
                        ),
                        hint=msg("report on them one at a time, with a different --output each"),
                    )
                targets[target] = path
                write_target(target)  # a pipe or a device there: refused, even with --force
                if target.exists() and not request.force and not is_generated(target):
                    raise UsageError(
                        msg(
                            "{path} exists and was not written by vae report",
                            path=display_path(target),
                        ),
                        hint=msg("move it away, choose another --output, or add --force"),
                    )

    for path, checked, year in ready:
        # checked.ok: the plan read, with its document and referential
        assert checked.plan and checked.document and checked.referential
        source = source_of(path)
        in_progress = year_in_progress(year, request.today)
        # Points to watch as they stood at the end of the year reported on (or today, for the
        # year under way), on the plan's data of that time: nothing recorded later counts.
        warnings = warnings_at_end_of(
            checked.document,
            checked.result.path,
            checked.referential,
            year,
            year_over=not in_progress,
        )
        for kind in request.kinds:
            data: object
            if kind == "followup":
                data = build_followup(
                    checked.plan,
                    checked.referential,
                    year=year,
                    source=source,
                    warnings=warnings,
                    in_progress=in_progress,
                    lang=request.lang,
                )
            elif kind == "children":
                data = build_children(
                    checked.plan,
                    checked.referential,
                    year=year,
                    lang=request.lang,
                    in_progress=in_progress,
                )
            else:
                data = build_plan_document(checked.plan, checked.referential, source=source)
            # Copied once as the templates' plain data, for every format (`render`).
            data = to_template_data(data)
            html: str | None = None
            for fmt in request.formats:
                template = f"{TEMPLATES[kind]}.{'html' if fmt == 'pdf' else fmt}"
                if fmt == "md":
                    content: str | bytes = render(
                        template, data, lang=request.lang, template_dir=request.template_dir
                    )
                else:  # the PDF is the HTML, printed: rendered once for both
                    if html is None:
                        html = render(
                            template, data, lang=request.lang, template_dir=request.template_dir
                        )
                    content = html if fmt == "html" else write_pdf(html)
                target = _target(request, path, year, kind, fmt)
                write_atomic(target, content)
                outcome.written.append(display_path(target))
    return outcome
