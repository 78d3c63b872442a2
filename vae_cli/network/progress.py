"""How a run over many plans shows that it moves, on stderr: a progress bar on a terminal
(Rich), and on a CI log, where a bar would be a thousand redrawn lines, one line per plan
(« plans/x.yaml : valide, 2 avertissements »), made inert like every line vae prints."""

from __future__ import annotations

import contextlib
import sys
import typing as t

from vae_cli.i18n.messages import counted, msg, render
from vae_cli.network.data import CityRow, PlanState
from vae_cli.terminal import inert

OnRow = t.Callable[[CityRow], None]

# As `vae validate` counts a file's findings.
_ERRORS = (msg("{count} error"), msg("{count} errors"))
_WARNINGS = (msg("{count} warning"), msg("{count} warnings"))


def plan_line(row: CityRow, lang: str) -> str:
    """The one line a CI log gets for a plan, in `lang`."""
    if row.state is PlanState.UNREADABLE:
        line = msg("{path}: unreadable", path=row.path)
    elif row.state is PlanState.ERRORS:
        line = msg(
            "{path}: {errors}, {warnings}",
            path=row.path,
            errors=counted(row.errors, *_ERRORS),
            warnings=counted(row.warnings, *_WARNINGS),
        )
    elif row.warnings:
        line = msg(
            "{path}: valid, {warnings}",
            path=row.path,
            warnings=counted(row.warnings, *_WARNINGS),
        )
    else:
        line = msg("{path}: valid", path=row.path)
    return inert(render(line, lang))


@contextlib.contextmanager
def shown(total: int, *, lang: str, terminal: bool | None = None) -> t.Iterator[OnRow]:
    """A function to call with each row as it comes: a bar on a terminal, a line per plan
    elsewhere. `terminal` defaults to whether stderr is one."""
    if terminal is None:
        terminal = sys.stderr.isatty()
    if not terminal:

        def line(row: CityRow) -> None:
            sys.stderr.write(plan_line(row, lang) + "\n")

        yield line
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    # No refresh thread (auto_refresh off, a redraw per plan): the workers are forked while
    # the bar is up, and a fork must not copy a thread holding the terminal's lock.
    with Progress(
        TextColumn(inert(render(msg("Reading the plans"), lang)), markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
        auto_refresh=False,
    ) as bar:
        task = bar.add_task("", total=total)

        def advance(row: CityRow) -> None:
            bar.advance(task)
            bar.refresh()

        yield advance
