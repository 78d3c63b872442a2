"""`make bench`, network row (issue 13): `vae network` over generated networks, as whole processes.

Networks from tools/network_gen.py (plans derived from the Dijon sample, a share of them broken
as real files break), written by a child process into bench/generated/network-*:
- 300 plans of the Dijon plan's size: `vae network --year 2026` (the whole report: Markdown,
  HTML, ODS), against `vae validate` run once per plan (300 processes, one after another, as a
  script over the files would) and against `check-jsonschema` given the 300 files at once;
- the same network at 100 and 1,000 plans: whether peak memory grows with the number of plans;
- 3,000 plans of mixed sizes, from a few actions to hundreds: the figures the README
  extrapolates to France's 35,000 communes.

Each `vae network` figure is the median of BENCH_RUNS runs (default 5; one for 1,000 plans and
more); the 300 `vae validate` processes and `check-jsonschema` run once. CPU time counts the
worker processes; peak memory is the largest process's (the parent or one worker). The load
average is printed with the figures: the machine is shared.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import typing as t
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "generated"
BIN = Path(sys.executable).parent
YEAR = "2026"
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
COMMUNES = 35_000


class Sample(t.Protocol):
    cpu: float
    wall: float
    peak_mib: float
    code: int


def _network(plans: int, size: str) -> Path:
    """A generated network, written once (the same seed gives the same bytes)."""
    folder = OUT / f"network-{size}-{plans}"
    if not (folder / "manifest.json").is_file():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run(
            [
                *(sys.executable, "-m", "tools.network_gen", str(folder)),
                *("--plans", str(plans), "--size", size, "--seed", "1", "--year", YEAR),
            ],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return folder


def _plans(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.yaml"))


def _median(samples: list[Sample]) -> tuple[float, float, float, int]:
    return (
        statistics.median(s.wall for s in samples),
        statistics.median(s.cpu for s in samples),
        max(s.peak_mib for s in samples),
        samples[0].code,
    )


def _network_runs(
    run: t.Callable[[Path, list[str]], Sample], folder: Path, runs: int
) -> tuple[float, float, float, int]:
    report = folder.with_name(folder.name + "-report")
    samples = []
    for _ in range(runs + 1):  # the first warms the page cache and the bytecode
        shutil.rmtree(report, ignore_errors=True)
        args = ["network", str(folder), "--year", YEAR, "--output", str(report)]
        samples.append(run(ROOT, args))
    return _median(samples[1:])


def _load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def main(
    *,
    run: t.Callable[[Path, list[str]], Sample],
    spawn: t.Callable[[list[str], dict[str, str]], Sample],
) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"\nvae network (load average before: {_load()})", flush=True)
    dijon300 = _network(300, "dijon")
    plans = _plans(dijon300)
    lines = sum(p.read_bytes().count(b"\n") for p in plans)
    rows: list[tuple[str, tuple[float, float, float, int]]] = []

    network = _network_runs(run, dijon300, RUNS)
    rows.append((f"vae network, {len(plans)} plans", network))
    print(f"  measured vae network on {len(plans)} plans", file=sys.stderr, flush=True)

    separate = [run(ROOT, ["validate", str(p), "--as-of", YEAR]) for p in plans]
    alone = (
        sum(s.wall for s in separate),
        sum(s.cpu for s in separate),
        max(s.peak_mib for s in separate),
        max(s.code for s in separate),
    )
    rows.append((f"vae validate, {len(plans)} processes", alone))
    print(f"  measured {len(plans)} vae validate", file=sys.stderr, flush=True)

    check_jsonschema = shutil.which("check-jsonschema", path=str(BIN)) or "check-jsonschema"
    schema = ROOT / "schemas" / "plan.schema.json"
    env = dict(os.environ)
    checked = spawn([check_jsonschema, "--schemafile", str(schema), *map(str, plans)], env)
    rows.append((f"check-jsonschema, {len(plans)} files", _median([checked])))

    peaks = {300: network[2]}
    for count in (100, 1000):
        folder = _network(count, "dijon")
        measured = _network_runs(run, folder, RUNS if count < 1000 else 1)
        peaks[count] = measured[2]
        rows.append((f"vae network, {count} plans", measured))
        print(f"  measured vae network on {count} plans", file=sys.stderr, flush=True)

    mixed = _network(3000, "mixed")
    mixed_plans = _plans(mixed)
    mixed_actions = sum(p.read_bytes().count(b"\n  - id: ") for p in mixed_plans)
    large = _network_runs(run, mixed, 1)
    rows.append((f"vae network, {len(mixed_plans)} plans of mixed sizes", large))

    print(
        f"\n300 plans like Dijon's: {lines:,} lines in all; 3,000 mixed plans: "
        f"{mixed_actions:,} actions"
    )
    print(f"{'command':<48}{'wall':>9}{'cpu':>9}{'peak MiB':>10}  exit")
    for label, (wall, cpu, peak, code) in rows:
        print(f"{label:<48}{wall:>8.2f}s{cpu:>8.2f}s{peak:>10.0f}  {code}")

    per_plan = large[0] / len(mixed_plans)
    print(
        f"\n3,000 plans: {1000 * per_plan:.1f} ms of wall time a plan; {COMMUNES:,} communes"
        f" at that pace: {per_plan * COMMUNES:.0f} s of wall time"
        f" ({large[1] / len(mixed_plans) * COMMUNES:.0f} s of CPU) on this machine;"
        f" peak memory {large[2]:.0f} MiB at 3,000 plans, {peaks[1000]:.0f} MiB at 1,000"
    )
    goals = [
        ("vae network on 300 Dijon-size plans in under 6 s (wall)", network[0] < 6),
        (
            "vae network at most 1/20 of the wall time of 300 vae validate processes"
            f" (here 1/{alone[0] / network[0]:.0f})",
            network[0] <= alone[0] / 20,
        ),
        (
            "peak memory does not grow with the plans: 1,000 plans within 1.5x of 100"
            f" ({peaks[100]:.0f}, {peaks[300]:.0f}, {peaks[1000]:.0f} MiB at 100, 300, 1,000)",
            peaks[1000] <= 1.5 * peaks[100],
        ),
    ]
    print()
    for goal, met in goals:
        print(f"{'met ' if met else 'MISSED'}  {goal}")
    print(f"load average after: {_load()}")
    return 0
