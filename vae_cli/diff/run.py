"""Find the plans and the base revision, check both versions of each plan, compare them."""

from __future__ import annotations

import dataclasses
import typing as t
from pathlib import Path, PurePosixPath

from vae_cli.check import Checker
from vae_cli.diff.changes import PlanDiff, Version
from vae_cli.diff.compare import compare
from vae_cli.diff.git import Base, Repository
from vae_cli.errors import UsageError
from vae_cli.findings.diagnostics import display_path
from vae_cli.plan_format import PLAN_SUFFIXES


@dataclasses.dataclass(kw_only=True)
class DiffReport:
    base: Base
    plans: list[PlanDiff]


def diff_plans(
    rev: str | None,
    paths: t.Sequence[Path],
    *,
    checker: Checker,
    cwd: Path | None = None,
    default_dir: Path = Path("plans"),
) -> DiffReport:
    cwd = cwd or Path.cwd()
    repo = Repository.find(cwd)
    # Like `git diff`, a first argument that is not a revision but is a file names a plan.
    if rev is not None and repo.commit_of(rev) is None and (cwd / rev).exists():
        paths = [Path(rev), *paths]
        rev = None
    base = repo.resolve(rev) if rev is not None else repo.default_base()
    plans: list[PlanDiff] = []
    for path in _plans(repo, base, paths or [default_dir], cwd=cwd):
        before_text = repo.read(base.commit, repo.relative(path))
        before = _version(checker, path, before_text) if before_text is not None else None
        after = _version(checker, path, None) if path.is_file() else None
        plans.append(
            compare(
                display_path(path), before or Version(exists=False), after or Version(exists=False)
            )
        )
    return DiffReport(base=base, plans=plans)


def _version(checker: Checker, path: Path, text: str | None) -> Version:
    if text is None:
        # The same decoding as git's side, only to tell whether the text changed; the checker
        # reads the file itself, reporting an encoding problem as a finding.
        current = path.read_text(encoding="utf-8", errors="replace")
        checked = checker.check_plan(path)
    else:
        current = text
        checked = checker.check_plan(path, text=text)
    return Version(
        exists=True,
        text=current,
        plan=checked.plan,
        referential=checked.referential,
        result=checked.result,
    )


def _is_plan(path: PurePosixPath | Path) -> bool:
    return path.suffix in PLAN_SUFFIXES


def _plans(repo: Repository, base: Base, paths: t.Sequence[Path], *, cwd: Path) -> list[Path]:
    """Plans named, folders expanded with the plans they hold now or held at the base."""
    found: list[Path] = []
    for given in paths:
        path = given if given.is_absolute() else cwd / given
        relative = repo.relative(path)
        if path.is_file() or (not path.exists() and _is_plan(path)):
            if not path.is_file() and repo.read(base.commit, relative) is None:
                raise UsageError(
                    f"{display_path(path)}: no such plan, now or at {base.described} ({base.short})"
                )
            found.append(path.resolve())
            continue
        now = (
            {p for p in path.rglob("*") if _is_plan(p) and p.is_file()} if path.is_dir() else set()
        )
        then = {
            repo.root / name for name in repo.files_under(base.commit, relative) if _is_plan(name)
        }
        if not now and not then:
            raise UsageError(
                f"no plan (*.yaml) in {display_path(path)}, now or at {base.described}",
                hint="run vae diff from the repository's top, or name the plans: "
                "`vae diff [REV] plans/my-city.yaml`",
            )
        found.extend(sorted({p.resolve() for p in now} | {p.resolve() for p in then}))
    return list(dict.fromkeys(found))
