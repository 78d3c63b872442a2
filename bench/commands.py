"""`make bench`, the other commands (issue 15): `vae report`, `vae record` and `vae diff` against
`vae validate` on the same plan, turn about (validate, command, validate, command...), as whole
processes of the current code.

What each does is what a city does with it:
- `vae report PLAN --year 2025 -f md -f html`: the follow-up a CI publishes (the PDF is
  WeasyPrint's work, measured by its own tests, not vae's);
- `vae record progress COPY ACTION --year 2026 --status in_progress --spent 1000 --replace`:
  one entry written into a copy of the plan (checked before and after, written atomically);
- `vae diff HEAD plans/PLAN`: in a git repository where the plan was committed and then that
  one entry recorded, both versions checked and compared.

The goal of issue 15: each at most twice `vae validate`'s CPU time on the same plan, at 5,000
actions written like the sample.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import typing as t
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Sample(t.Protocol):
    cpu: float
    wall: float
    peak_mib: float
    code: int


Run = t.Callable[..., Sample]  # bench/run.py's `run(tree, args, cwd=None)`


def _first_action(plan: Path) -> str:
    found = re.search(r"^actions:\n(?:.*\n)*?  - id: ([a-z0-9-]+)$", plan.read_text("utf-8"), re.M)
    assert found, plan
    return found[1]


def _record_args(plan: Path) -> list[str]:
    return [
        *("record", "progress", str(plan), _first_action(plan)),
        *("--year", "2026", "--status", "in_progress", "--spent", "1000", "--replace"),
        *("--as-of", "2026"),
    ]


def _repository(plan: Path, work: Path, run: Run) -> Path:
    """A git repository with `plan` committed, then one entry recorded into it."""
    repo = work / f"diff-{plan.stem}"
    shutil.rmtree(repo, ignore_errors=True)
    (repo / "plans").mkdir(parents=True)
    copy = repo / "plans" / plan.name
    shutil.copyfile(plan, copy)

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("add", ".")
    git("-c", "user.name=bench", "-c", "user.email=bench@example.org", "commit", "-qm", "plan")
    done = run(ROOT, _record_args(copy))
    assert done.code == 0, f"vae record into {copy}: exit {done.code}"
    return repo


def commands(plan: Path, work: Path, run: Run) -> list[tuple[str, list[str], Path | None]]:
    """(label, arguments, working directory) of each command measured on `plan`."""
    work.mkdir(parents=True, exist_ok=True)
    copy = work / f"record-{plan.name}"
    shutil.copyfile(plan, copy)
    repo = _repository(plan, work, run)
    reports = work / "reports"
    report = ["report", str(plan), "--year", "2025", "-f", "md", "-f", "html", "-o", str(reports)]
    return [
        ("vae report -f md -f html", report, None),
        ("vae record progress", _record_args(copy), None),
        ("vae diff HEAD", ["diff", "HEAD", f"plans/{plan.name}", "--as-of", "2026"], repo),
    ]


def _median(samples: list[Sample]) -> float:
    return statistics.median(s.cpu for s in samples)


def main(run: Run, plans: dict[str, Path], work: Path, runs: int) -> list[tuple[str, bool]]:
    """Print the table; return the goals, each with whether it is met."""
    print(
        f"\n{'command (each paired with vae validate)':<40}{'plan':<22}{'validate':>9}{'cpu':>8}"
        f"{'ratio':>7}{'wall':>8}{'peak MiB':>10}  exit"
    )
    goals = []
    for name, plan in plans.items():
        validate = ["validate", str(plan), "--as-of", "2026"]
        big = plan.stat().st_size > 2 * 1024 * 1024
        for label, args, cwd in commands(plan, work / plan.stem, run):
            run(ROOT, validate), run(ROOT, args, cwd=cwd)  # warm
            checks, measured = [], []
            for _ in range(3 if big else runs):
                checks.append(run(ROOT, validate))
                measured.append(run(ROOT, args, cwd=cwd))
            ratio = _median(measured) / _median(checks)
            print(
                f"{label:<40}{name:<22}{_median(checks):>8.2f}s{_median(measured):>7.2f}s"
                f"{ratio:>7.2f}{statistics.median(s.wall for s in measured):>7.2f}s"
                f"{max(s.peak_mib for s in measured):>10.0f}  {measured[0].code}",
                flush=True,
            )
            if big:
                goals.append(
                    (f"{label} on {name}: at most twice vae validate's CPU time", ratio <= 2)
                )
            assert measured[0].code == 0, f"{label} on {name}: exit {measured[0].code}"
    return goals
