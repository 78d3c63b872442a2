"""`make bench`: `vae` as whole processes, paired against the commit the speed work started from.

Plans (tools/big_plans.py): the Dijon sample; plans written like it (block style, notes, a full
yearly history) of 500, 2,000 and 5,000 actions; compact ones (flow style) of 500 and 5,000; the
5,000-action one with every target marked « À REMPLIR » (what `vae init --from` leaves, the
`to-fill` rule's heaviest case); a compact one with an error in every 50 actions.

Each command runs against the same command of the base commit (BASE below, unpacked from git
into bench/generated/base and run by the same Python; given the plan without its `answers:`
block, which it does not know), turn about: base, new, base, new... so
that a neighbour's load falls on both alike. The table gives the median CPU time (user + system)
of each, their ratio, the median wall time and the peak memory (maximum resident set).
Then: a least-squares fit of time against lines over the plans written like the sample, with
the cost of one more line at two sizes (it must not rise with size), `check-jsonschema` on
Dijon's plan for scale, and the goals of issues 2 and 15, each marked met or MISSED.

`BENCH_RUNS=N` sets the number of pairs (default 5; 3 for the 5,000-action plans).
Then `vae report`, `vae record` and `vae diff`, each paired with `vae validate` on the same plan
(bench/commands.py; `BENCH_ONLY=commands` runs that row alone, `BENCH_ONLY=validate` the first
table alone), `vae network` over generated networks (bench/network.py; `BENCH_ONLY=network`
runs that row alone), and last `vae export` and `vae import` (bench/spreadsheets.py).
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import typing as t
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.big_plans import DIJON, compact, like_dijon, with_markers  # noqa: E402

OUT = ROOT / "bench" / "generated"
BIN = Path(sys.executable).parent
# The commit before the work of issue 15 (to-fill in one pass, limits, start-up, memory).
BASE = "855cf6a"
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
MIB = 1024 * 1024


@dataclasses.dataclass
class Sample:
    cpu: float
    wall: float
    peak_mib: float
    code: int


def run(tree: Path, args: list[str], cwd: Path | None = None) -> Sample:
    """One `vae` process of the code in `tree`, with its CPU time, wall time and peak memory;
    `cwd`: the folder it runs in (`vae diff` finds its repository there).

    Started by posix_spawn, which shares the parent's memory until the program is loaded: a
    fork would copy this process's pages, and the child's peak would count them.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(tree)
    # posix_spawn has no working directory of its own: the child moves there first.
    moved = f"import os; os.chdir({str(cwd)!r}); " if cwd is not None else ""
    code = moved + "from vae_cli.cli.app import main; main()"
    # -P: the code of `tree` only, not the current folder's.
    return spawn([sys.executable, "-P", "-c", code, *args], env)


def spawn(command: list[str], env: dict[str, str]) -> Sample:
    """One process of any program, measured as `run` measures vae (its children's time and
    peak included, once they have ended)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    start = time.perf_counter()
    try:
        pid = os.posix_spawn(
            command[0],
            command,
            env,
            file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)],
        )
        _, status, usage = os.wait4(pid, 0)
    finally:
        os.close(devnull)
    wall = time.perf_counter() - start
    return Sample(
        usage.ru_utime + usage.ru_stime,
        wall,
        usage.ru_maxrss / 1024,
        os.waitstatus_to_exitcode(status),
    )


def paired(
    base: Path, args: list[str], runs: int, base_args: list[str] | None = None
) -> tuple[list[Sample], list[Sample]]:
    base_args = base_args or args
    run(base, base_args), run(ROOT, args)  # warm: bytecode written, files in the page cache
    olds, news = [], []
    for _ in range(runs):
        olds.append(run(base, base_args))
        news.append(run(ROOT, args))
    return olds, news


BASE_PLANS = OUT / "base-plans"
# The plan's answers to the network questions (issue 13), which the base does not know.
_ANSWERS = re.compile(r"^answers:(?: \{.*\}\n|\n(?:[ \t]+.*\n|\n)*)", re.MULTILINE)


def for_base(path: Path) -> Path:
    """The version of `path` the base reads whole: the base knows neither the sample's later
    fields (`for_children`, `children_said`) nor `answers:`, and would stop at them with
    errors. Plans written like the sample are written again from the base's own sample; the
    others lose their `answers:`."""
    made = BASE_PLANS / path.name
    return made if made.is_file() else path


def _base_sample() -> Path:
    BASE_PLANS.mkdir(parents=True, exist_ok=True)
    sample = BASE_PLANS / "dijon-2020.yaml"
    shown = subprocess.run(
        ["git", "show", f"{BASE}:plans/dijon-2020.yaml"], cwd=ROOT, capture_output=True, check=True
    )
    sample.write_bytes(shown.stdout)
    return sample


def unpack_base() -> Path:
    tree = OUT / "base"
    if not (tree / "vae_cli").is_dir():
        shutil.rmtree(tree, ignore_errors=True)
        tree.mkdir(parents=True)
        with tempfile.TemporaryFile() as archive:
            subprocess.run(
                ["git", "archive", BASE, "vae_cli", "templates", "schemas"],
                cwd=ROOT,
                stdout=archive,
                check=True,
            )
            archive.seek(0)
            with tarfile.open(fileobj=archive) as tar:
                tar.extractall(tree, filter="data")
    return tree


def median(values: list[float]) -> float:
    return statistics.median(values)


def write(name: str, text: str) -> Path:
    path = OUT / name
    path.write_text(text, encoding="utf-8")
    return path


def fit(points: list[tuple[int, float]]) -> tuple[float, float, float]:
    """Least squares `time = a + b * lines`: (a, b, r²)."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    b = sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x in xs)
    a = my - b * mx
    total = sum((y - my) ** 2 for y in ys)
    residual = sum((y - a - b * x) ** 2 for x, y in points)
    return a, b, 1 - residual / total if total else 1.0


PLANS: dict[str, t.Callable[[Path], str]] = {
    "like-dijon-500.yaml": lambda sample: like_dijon(500, sample=sample),
    "like-dijon-2000.yaml": lambda sample: like_dijon(2000, sample=sample),
    "like-dijon-5000.yaml": lambda sample: like_dijon(5000, sample=sample),
    "compact-500.yaml": lambda _: compact(500),
    "compact-5000.yaml": lambda _: compact(5000),
    "to-fill-400.yaml": lambda sample: with_markers(like_dijon(400, sample=sample)),
    "to-fill-5000.yaml": lambda sample: with_markers(like_dijon(5000, sample=sample)),
    "tiny.yaml": lambda _: compact(1),
    "compact-5000-errors.yaml": lambda _: compact(5000, errors_every=50),
}


def generate() -> None:
    """Each plan, and beside it in base-plans/ the version the base reads (`for_base`)."""
    base_sample = _base_sample()
    for name, text in PLANS.items():
        write(name, text(DIJON))
        (BASE_PLANS / name).write_text(_ANSWERS.sub("", text(base_sample)), encoding="utf-8")


def network_row() -> int:
    from network import main as network  # beside this script: `vae network`, issue 13

    return network(run=run, spawn=spawn)


def commands_row() -> list[tuple[str, bool]]:
    """`vae report`, `record` and `diff` against `vae validate` (bench/commands.py)."""
    from commands import main as commands  # beside this script

    plans = {"dijon-2020.yaml": ROOT / "plans" / "dijon-2020.yaml"}
    plans["like-dijon-5000.yaml"] = OUT / "like-dijon-5000.yaml"
    return commands(run, plans, OUT / "commands", RUNS)


def print_goals(goals: list[tuple[str, bool]]) -> None:
    print()
    for goal, met in goals:
        print(f"{'met ' if met else 'MISSED'}  {goal}")


def main() -> int:
    # `make bench BENCH_ONLY=network` (or `commands`, or `validate` for the first table alone)
    only = os.environ.get("BENCH_ONLY")
    if only == "network":
        return network_row()
    OUT.mkdir(parents=True, exist_ok=True)
    # Written by a process of its own: a child's peak memory counts its parent's at the start,
    # so this one stays small. (The commands' row, started by the whole bench, finds them.)
    if only != "commands" or not (OUT / "like-dijon-5000.yaml").is_file():
        subprocess.run([sys.executable, __file__, "--generate"], check=True)
    if only == "commands":
        print_goals(commands_row())
        return 0
    base = unpack_base()
    plans = {"dijon-2020.yaml": ROOT / "plans" / "dijon-2020.yaml"}
    plans.update(
        {name: OUT / name for name in PLANS if name.startswith(("like", "compact-", "to"))}
    )
    del plans["compact-5000-errors.yaml"]
    tiny = OUT / "tiny.yaml"
    rows: list[tuple[str, int, float, list[Sample], list[Sample]]] = []
    commands: list[tuple[str, list[str], Path | None]] = [
        ("vae --help", ["--help"], None),
        ("vae validate --help", ["validate", "--help"], None),
        ("vae validate (1 action)", ["validate", str(tiny), "--as-of", "2026"], tiny),
    ]
    commands += [
        (f"vae validate {name}", ["validate", str(path), "--as-of", "2026"], path)
        for name, path in plans.items()
    ]
    for label, args, path in commands:
        big = path is not None and path.stat().st_size > 2 * MIB
        base_args = (
            args if path is None else [str(for_base(path)) if a == str(path) else a for a in args]
        )
        if "to-fill" in label:
            # The base walks the plan once per marker (seconds at 400 actions); at 5,000 it
            # refuses the file as too large: one run each.
            olds, news = [run(base, base_args)], [run(ROOT, args)]
        else:
            olds, news = paired(base, args, 3 if big else RUNS, base_args)
        lines = path.read_text(encoding="utf-8").count("\n") if path else 0
        size = path.stat().st_size / MIB if path else 0.0
        rows.append((label, lines, size, olds, news))
        print(f"  measured {label}", file=sys.stderr, flush=True)

    print(
        f"{'command':<40}{'lines':>8}{'MiB':>6}{'base cpu':>10}{'cpu':>8}{'ratio':>7}"
        f"{'wall':>8}{'peak MiB':>10}{'base peak':>11}  base exit"
    )
    for label, lines, size, olds, news in rows:
        old_cpu, new_cpu = median([s.cpu for s in olds]), median([s.cpu for s in news])
        print(
            f"{label:<40}{lines:>8}{size:>6.1f}{old_cpu:>9.2f}s{new_cpu:>7.2f}s"
            f"{new_cpu / old_cpu:>7.2f}{median([s.wall for s in news]):>7.2f}s"
            f"{max(s.peak_mib for s in news):>10.0f}{max(s.peak_mib for s in olds):>11.0f}"
            f"  {olds[0].code}{' (file-too-large)' if olds[0].code == 1 and size > 10 else ''}"
        )

    by_label = {r[0]: r for r in rows}
    points = [
        (
            by_label[f"vae validate {name}"][1],
            median([s.cpu for s in by_label[f"vae validate {name}"][4]]),
        )
        for name in (
            "dijon-2020.yaml",
            "like-dijon-500.yaml",
            "like-dijon-2000.yaml",
            "like-dijon-5000.yaml",
        )
    ]
    a, b, r2 = fit(points)
    # Superlinear growth shows as a marginal cost per line that rises with size.
    (_, _), (x1, y1), (x2, y2), (x3, y3) = points
    low, high = (y2 - y1) / (x2 - x1), (y3 - y2) / (x3 - x2)
    print(
        f"\nfit over the plans written like the sample: cpu = {a:.2f}s + {1e6 * b:.2f}ms"
        f" per 1,000 lines (r² = {r2:.4f}); marginal {1e6 * low:.2f}ms per 1,000 lines from 500"
        f" to 2,000 actions, {1e6 * high:.2f}ms from 2,000 to 5,000"
    )

    broken = OUT / "compact-5000-errors.yaml"
    done = subprocess.run(
        [str(BIN / "vae"), "validate", str(broken), "--format", "json", "--as-of", "2026"],
        capture_output=True,
        text=True,
        check=False,
    )
    located = [d for d in json.loads(done.stdout)["diagnostics"] if d["rule"] == "known-reference"]
    print(f"{broken.name}: {len(located)} of 100 injected errors reported with their line")

    check_jsonschema = shutil.which("check-jsonschema", path=str(BIN)) or "check-jsonschema"
    schema = ROOT / "schemas" / "plan.schema.json"
    scale = {}
    for name in ("dijon-2020.yaml",):
        start = time.perf_counter()
        subprocess.run(
            [check_jsonschema, "--schemafile", str(schema), str(plans[name])],
            capture_output=True,
            check=False,
        )
        scale[name] = time.perf_counter() - start
        print(f"check-jsonschema {name}: {scale[name]:.2f}s wall (one run)")

    def cpu(label: str, which: int = 4) -> float:
        return median([s.cpu for s in by_label[label][which]])

    baseline = max(s.peak_mib for s in by_label["vae validate (1 action)"][4])
    big = by_label["vae validate like-dijon-5000.yaml"]
    above = max(s.peak_mib for s in big[4]) - baseline
    print(
        f"peak memory on like-dijon-5000.yaml: {above:.0f} MiB above start-up ({baseline:.0f} MiB),"
        f" {above / big[2]:.1f} times the file"
    )
    goals = [
        (
            "Dijon's plan: vae faster than check-jsonschema",
            median([s.wall for s in by_label["vae validate dijon-2020.yaml"][4]])
            < scale["dijon-2020.yaml"],
        ),
        ("every injected error located", len(located) == 100),
        (
            "linear: the cost of a line from 2,000 to 5,000 actions within 1.5x of 500 to 2,000",
            high <= 1.5 * low,
        ),
        (
            "to-fill: 5,000 actions, a finding per target, within 2x the plan unmarked",
            cpu("vae validate to-fill-5000.yaml") < 2 * cpu("vae validate like-dijon-5000.yaml"),
        ),
        (
            "5,000 actions written like the sample are read (exit 0)",
            big[4][0].code == 0,
        ),
        (
            "vae validate --help: at most half the base's CPU time",
            cpu("vae validate --help") <= 0.5 * cpu("vae validate --help", 3),
        ),
        (
            "vae validate dijon-2020.yaml: at most half the base's CPU time",
            cpu("vae validate dijon-2020.yaml") <= 0.5 * cpu("vae validate dijon-2020.yaml", 3),
        ),
        (
            "peak memory at most 5 times the file above start-up (5,000 actions)",
            above <= 5 * big[2],
        ),
    ]
    print_goals(goals)
    if only == "validate":  # the table above alone
        return 0
    # The other rows each in a process of its own, started small: a process this one starts
    # counts this one's peak memory as its own (posix_spawn shares it until the exec), and the
    # spreadsheets, last, are filled in this process.
    for row in ("commands", "network"):
        sys.stdout.flush()  # this table first in a log: the child writes to the same file
        done = subprocess.run([sys.executable, __file__], env={**os.environ, "BENCH_ONLY": row})
        if done.returncode != 0:
            return done.returncode

    # The yearly spreadsheet of the largest plan: every cell of the year filled in.
    from spreadsheets import run as spreadsheets  # beside this script

    largest = plans["like-dijon-5000.yaml"]
    print(f"\n{'vae export / import, every cell of 2026':<44}{'seconds':>10}")
    for fmt, step, seconds in spreadsheets(BIN / "vae", largest, OUT):
        print(f"{largest.name + ' ' + fmt + ' ' + step:<44}{seconds:>9.2f}s")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--generate"]:
        generate()
        sys.exit(0)
    sys.exit(main())
