"""Every plan summed up on every core: a pool of worker processes forked once everything they
need is imported, each given chunks of plans, so that its start-up (a `Checker`, the
referentials, the `.vae.yaml` files) is paid once per worker, not once per plan.

Workers send back rows, never models: the parent's memory follows the number of rows. The rows
come back in the order of the plans given (whatever order the workers finish in), so a run
gives the same report, and the same lines on a CI log, on one core or on many.
"""

from __future__ import annotations

import concurrent.futures
import gc
import math
import multiprocessing
import os
import typing as t
from pathlib import Path

from vae_cli.network.data import CityRow, NetworkReport
from vae_cli.network.summary import Summariser

# Chunks per worker: small enough that a worker left with large plans does not hold the run
# up, large enough that sending a chunk costs little next to checking it.
CHUNKS_PER_WORKER = 4

OnRow = t.Callable[[CityRow], None]


def cores() -> int:
    """The cores this process may run on (its affinity, under a CPU-limited CI runner)."""
    counted = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counted is not None:
        return int(counted() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def summaries(
    plans: t.Sequence[Path],
    *,
    year: int,
    lang: str,
    as_of: int,
    indicators: bool = True,
    workers: int | None = None,
    on_row: OnRow | None = None,
) -> list[CityRow]:
    """A row per plan (a referential found among them has none), in the order of `plans`;
    `on_row` is told of each as it comes, in that order. `indicators`: keep the indicators'
    values (see `Summariser`). `workers`: default one per core; 1, or a single plan, runs in
    this process."""
    wanted = min(workers or cores(), len(plans))
    rows: list[CityRow] = []

    def take(row: CityRow | None) -> None:
        if row is None:
            return
        rows.append(row)
        if on_row is not None:
            on_row(row)

    if wanted <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        summariser = Summariser(year=year, lang=lang, as_of=as_of, indicators=indicators)
        for plan in plans:
            take(summariser.row(plan))
        return rows
    size = max(1, math.ceil(len(plans) / (wanted * CHUNKS_PER_WORKER)))
    chunks = [list(plans[i : i + size]) for i in range(0, len(plans), size)]
    # Fork: the workers start with everything imported (Pydantic's models built, the rules
    # loaded), where a spawned worker would import it all again.
    context = multiprocessing.get_context("fork")
    # What is alive now (the modules, the models' validators) lives as long as the workers:
    # moved out of the garbage collector's sight, it is neither scanned in each worker's
    # collections nor copied into its memory by them.
    gc.freeze()
    with concurrent.futures.ProcessPoolExecutor(
        max_workers=wanted,
        mp_context=context,
        initializer=_start_worker,
        initargs=(year, lang, as_of, indicators),
    ) as pool:
        done = 0
        try:
            for chunk_rows in pool.map(_summarise_chunk, chunks):
                for row in chunk_rows:
                    take(row)
                done += 1
        except concurrent.futures.process.BrokenProcessPool:
            # A worker killed (out of memory, a signal): the plans it had not sent back are
            # summed up here, one by one, rather than the run lost.
            pass
    if done < len(chunks):
        summariser = Summariser(year=year, lang=lang, as_of=as_of, indicators=indicators)
        for chunk in chunks[done:]:
            for plan in chunk:
                take(summariser.row(plan))
    return rows


# The worker's summariser, made once when the worker starts.
_worker: Summariser | None = None


def _start_worker(year: int, lang: str, as_of: int, indicators: bool) -> None:
    global _worker
    _worker = Summariser(year=year, lang=lang, as_of=as_of, indicators=indicators)


def _summarise_chunk(chunk: list[Path]) -> list[CityRow | None]:
    assert _worker is not None, "the pool's initializer makes the worker's summariser"
    return [_worker.row(path) for path in chunk]


# The report being written, as the forked writers find it.
_report: NetworkReport | None = None


def contents(
    report: NetworkReport, formats: t.Sequence[str], *, workers: int | None = None
) -> list[str | bytes]:
    """Each format's file content, in the order of `formats`, the formats written side by side
    on every core (the page and the spreadsheet each take about half a second at 300 plans).

    The writers are forked with the report in memory: only the format's name goes to them and
    its content comes back. A writer that fails (a bug, a worker killed) is run again here, so
    that its error is the one this process would meet.
    """
    from vae_cli.network.outputs import OUTPUTS

    global _report
    wanted = min(workers or cores(), len(formats))
    if wanted <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [OUTPUTS[name].written(report) for name in formats]
    _report = report
    try:
        with concurrent.futures.ProcessPoolExecutor(
            max_workers=wanted, mp_context=multiprocessing.get_context("fork")
        ) as pool:
            futures = [pool.submit(_content, name) for name in formats]
            out: list[str | bytes] = []
            for name, future in zip(formats, futures, strict=True):
                try:
                    out.append(future.result())
                except Exception:  # run again here, where it raises as itself
                    out.append(OUTPUTS[name].written(report))
            return out
    finally:
        _report = None


def _content(name: str) -> str | bytes:
    from vae_cli.network.outputs import OUTPUTS

    assert _report is not None, "set before the writers are forked"
    return OUTPUTS[name].written(_report)
