"""Find the plans and the base revision, check both versions of each plan, compare them."""

from __future__ import annotations

import dataclasses
import typing as t
from pathlib import Path, PurePosixPath

from vae_cli.check import Checker, read_plan
from vae_cli.diff.base import Base, default_base, not_a_commit, open_repository, relative
from vae_cli.diff.changes import PlanDiff, Version
from vae_cli.diff.compare import compare
from vae_cli.errors import UsageError
from vae_cli.findings.diagnostics import display_path
from vae_cli.git import Repository
from vae_cli.i18n.language import DEFAULT_LANGUAGE
from vae_cli.i18n.messages import msg, verbatim
from vae_cli.inputs import check_input, irregular
from vae_cli.plan_format import PLAN_SUFFIXES
from vae_cli.reading.yaml_document import MAX_BYTES


@dataclasses.dataclass(kw_only=True)
class DiffReport:
    base: Base
    plans: list[PlanDiff]


def diff_plans(
    rev: str | None,
    paths: t.Sequence[Path],
    *,
    checker: Checker,
    lang: str = DEFAULT_LANGUAGE,
    cwd: Path | None = None,
    default_dir: Path = Path("plans"),
) -> DiffReport:
    cwd = cwd or Path.cwd()
    repo = open_repository(cwd)
    base: Base | None = None
    if rev is not None:
        commit = repo.commit_of(rev)
        if commit is not None:
            base = Base(commit, verbatim(rev))
        elif (cwd / rev).exists():  # like `git diff`, a file named first is a plan
            paths = [Path(rev), *paths]
        else:
            raise not_a_commit(rev)
    at_base = AtBase(repo, base or default_base(repo))
    plans: list[PlanDiff] = []
    for path in _plans(at_base, paths or [default_dir], cwd=cwd):
        then = at_base.read(path)
        now = read_plan(path) if path.is_file() else None
        before = _version(checker, path, then) if then is not None else None
        after = _version(checker, path, now) if now is not None else None
        plans.append(
            compare(
                display_path(path),
                before or Version(exists=False),
                after or Version(exists=False),
                lang=lang,
            )
        )
    return DiffReport(base=at_base.base, plans=plans)


@dataclasses.dataclass
class AtBase:
    """The files at the base revision, each read from git once."""

    repo: Repository
    base: Base
    _read: dict[PurePosixPath, bytes | None] = dataclasses.field(default_factory=dict)

    def read(self, path: Path) -> bytes | None:
        """The file's bytes at the base, or None when it did not exist there."""
        name = relative(self.repo, path)
        if name not in self._read:
            self._read[name] = self.repo.read(self.base.commit, name, max_bytes=MAX_BYTES)
        return self._read[name]

    def files_under(self, folder: Path) -> list[Path]:
        names = self.repo.files_under(self.base.commit, relative(self.repo, folder))
        return [self.repo.root / name for name in names]


def _version(checker: Checker, path: Path, raw: bytes) -> Version:
    """One version of the plan, checked from its bytes as `vae validate` checks a file (a bad
    encoding is a finding); its text, decoded leniently, only tells whether it changed (none
    for a file too large to read, of which only the start was read)."""
    checked = checker.check_plan(path, raw=raw)
    return Version(
        exists=True,
        text=raw.decode("utf-8", errors="replace") if len(raw) <= MAX_BYTES else None,
        data=checked.document.data if checked.document is not None else None,
        plan=checked.plan,
        referential=checked.referential,
        result=checked.result,
    )


def _is_plan(path: PurePosixPath | Path) -> bool:
    return path.suffix in PLAN_SUFFIXES


def _plans(at_base: AtBase, paths: t.Sequence[Path], *, cwd: Path) -> list[Path]:
    """Plans named, folders expanded with the plans they hold now or held at the base."""
    base = at_base.base
    found: list[Path] = []
    for given in paths:
        path = given if given.is_absolute() else cwd / given
        if (error := irregular(path)) is not None:
            raise error
        if path.is_file() or (not path.exists() and _is_plan(path)):
            if not path.is_file() and at_base.read(path) is None:
                raise UsageError(
                    msg(
                        "{path}: no such plan, now or at {base} ({commit})",
                        path=display_path(path),
                        base=base.described,
                        commit=base.short,
                    )
                )
            if path.is_file():
                check_input(path)
            found.append(path.resolve())
            continue
        now = _plans_now(path)
        then = {p for p in at_base.files_under(path) if _is_plan(p)}
        if not now and not then:
            raise UsageError(
                msg(
                    "no plan (*.yaml) in {path}, now or at {base}",
                    path=display_path(path),
                    base=base.described,
                ),
                hint=msg(
                    "run vae diff from the repository's top, or name the plans: "
                    "`vae diff [REV] plans/my-city.yaml`"
                ),
            )
        found.extend(sorted({p.resolve() for p in now} | {p.resolve() for p in then}))
    return list(dict.fromkeys(found))


def _plans_now(folder: Path) -> set[Path]:
    """The plans in `folder` now, as `vae validate` finds them: a pipe where a plan would be,
    or a link out of the repository, is refused, never skipped."""
    found: set[Path] = set()
    for path in folder.rglob("*") if folder.is_dir() else ():
        if not _is_plan(path):
            continue
        if (error := irregular(path)) is not None:
            raise error
        if path.is_file():
            check_input(path, found_in=folder)
            found.add(path)
    return found
