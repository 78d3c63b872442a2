"""Run `vae network`: find the plans, sum each up on every core, add the rows up, write the files.

What can be refused is refused before the plans are read: a département code that is no code,
a format unknown, a file at a target that vae did not write. Then no plan stops the run: each
one that cannot be read or summed up is a row of the report, with its findings.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import typing as t
from pathlib import Path

from vae_cli.errors import UsageError
from vae_cli.files import write_atomic, write_target
from vae_cli.findings.diagnostics import display_path
from vae_cli.i18n.messages import msg
from vae_cli.network import departments
from vae_cli.network.data import CityRow, NetworkReport, PlanState
from vae_cli.network.outputs import OUTPUTS

if t.TYPE_CHECKING:
    from vae_cli.models.referential import Referential
    from vae_cli.network.parallel import OnRow

# What shows the run's progress: given the number of plans, a context in which each row is
# handed over as it comes (`vae_cli.network.progress.shown`).
Progress = t.Callable[[int], t.ContextManager["OnRow"]]


@dataclasses.dataclass(frozen=True, kw_only=True)
class Request:
    paths: list[Path]
    year: int
    lang: str  # the report's language
    output: Path
    formats: list[str]
    by_department: bool = False
    department: str | None = None
    force: bool = False
    today: dt.date
    workers: int | None = None  # default: one per core


@dataclasses.dataclass(frozen=True, kw_only=True)
class Outcome:
    report: NetworkReport
    written: list[str]

    @property
    def rows(self) -> tuple[CityRow, ...]:
        return self.report.whole.cities

    @property
    def failed(self) -> bool:
        """A plan has errors or could not be read (it is in the report, with its findings)."""
        return any(r.state is not PlanState.VALID for r in self.rows)

    @property
    def bug(self) -> bool:
        """A plan could not be summed up because of a bug in vae."""
        from vae_cli.network.summary import INTERNAL_ERROR

        return any(f.rule == INTERNAL_ERROR for r in self.rows for f in r.findings)


def default_year(today: dt.date) -> int:
    """The last complete year, as `vae report` chooses it for a plan (there, brought back
    into the plan's mandate; a network's plans may not share one)."""
    return today.year - 1


def department_asked(code: str | None) -> str | None:
    """`--department` as plans write it (`2a` is `2A`), or a usage error for a code that no
    département has."""
    if code is None:
        return None
    asked = departments.normalised(code)
    if not departments.is_department(asked):
        raise UsageError(
            msg('"{code}" is not a département code', code=code),
            hint=msg("write it as plans do: 21, 2A, 974"),
        )
    return asked


def targets(request: Request) -> dict[str, Path]:
    """Each format's file; refused before anything is read when vae may not write there."""
    found: dict[str, Path] = {}
    for name in request.formats:
        output = OUTPUTS[name]
        target = request.output / output.file_name(request.year, request.lang)
        write_target(target)  # a pipe, a device, a folder there: refused, even with --force
        if target.exists() and not request.force and not output.generated(target):
            raise UsageError(
                msg("{path} exists and was not written by vae", path=display_path(target)),
                hint=msg("move it away, choose another --output, or add --force"),
            )
        found[name] = target
    return found


def run_network(request: Request, *, progress: Progress | None = None) -> Outcome:
    """Write the network report asked for; `progress` is told of each plan as it is summed
    up."""
    from vae_cli.network.aggregate import aggregate, placed
    from vae_cli.network.discover import discover
    from vae_cli.network.parallel import contents, summaries

    department = department_asked(request.department)
    files = targets(request)
    plans = discover(request.paths)
    with progress(len(plans)) if progress is not None else contextlib.nullcontext() as on_row:
        rows = summaries(
            plans,
            year=request.year,
            lang=request.lang,
            as_of=request.today.year,
            indicators=any(OUTPUTS[name].indicators for name in request.formats),
            workers=request.workers,
            on_row=on_row,
        )
    if department is not None and not any(placed(r) == department for r in rows):
        found = sorted({c for r in rows if (c := placed(r)) is not None}, key=departments.order)
        raise UsageError(
            msg(
                "no plan of département {department} among the {count} plans read",
                department=department,
                count=len(rows),
            ),
            hint=msg("départements found: {found}", found=", ".join(found) or "—"),
        )
    report = aggregate(
        rows,
        referentials=_referentials(rows, as_of=request.today.year),
        year=request.year,
        lang=request.lang,
        sources=[display_path(p) for p in request.paths] or ["plans"],
        by_department=request.by_department,
        department=department,
    )
    written: list[str] = []
    made = contents(report, list(files), workers=request.workers)
    for target, content in zip(files.values(), made, strict=True):
        write_atomic(target, content)
        written.append(display_path(target))
    return Outcome(report=report, written=written)


def _referentials(rows: t.Sequence[CityRow], *, as_of: int) -> dict[str, Referential]:
    """The referential of each counted row, by id, read once here (the workers sent none)."""
    from vae_cli.check import Checker

    checker = Checker(as_of=as_of)
    found: dict[str, Referential] = {}
    for row in rows:
        if not row.counted or row.referential_file is None or row.referential in found:
            continue
        model = checker.load_referential(Path(row.referential_file)).model
        if model is not None:
            found[model.id] = model
    return found
