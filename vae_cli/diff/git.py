"""The few git questions `vae diff` asks, through the `git` program (no library to install)."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path, PurePosixPath

from vae_cli.errors import UsageError

# Where to look for the default branch, best first: the remote's idea of it, then the usual names.
DEFAULT_BRANCHES = ("origin/HEAD", "main", "master", "origin/main", "origin/master")


@dataclasses.dataclass(frozen=True)
class Base:
    """The revision plans are compared with."""

    commit: str
    described: str  # how to name it to a person, e.g. "the merge base with main"

    @property
    def short(self) -> str:
        return self.commit[:7]


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False
        )
    except FileNotFoundError:
        raise UsageError(
            "vae diff needs git, and the `git` program was not found",
            hint="install git (https://git-scm.com) and try again",
        ) from None


@dataclasses.dataclass(frozen=True)
class Repository:
    root: Path

    @classmethod
    def find(cls, start: Path) -> Repository:
        done = _git(["rev-parse", "--show-toplevel"], start)
        if done.returncode != 0:
            raise UsageError(
                f"{start} is not inside a git repository",
                hint="vae diff compares plans with an earlier commit: run it in the repository "
                "that holds them",
            )
        return cls(Path(done.stdout.strip()))

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return _git(list(args), self.root)

    def commit_of(self, rev: str) -> str | None:
        done = self._run(
            "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"
        )
        return done.stdout.strip() if done.returncode == 0 else None

    def resolve(self, rev: str) -> Base:
        commit = self.commit_of(rev)
        if commit is None:
            raise UsageError(
                f"{rev!r} is not a commit of this repository",
                hint="give a branch, a tag or a commit id, e.g. `vae diff main` or "
                "`vae diff HEAD~1`",
            )
        return Base(commit, rev)

    def default_base(self) -> Base:
        """The merge base with the default branch (what a pull request is compared with), else
        HEAD (the uncommitted changes)."""
        head = self.commit_of("HEAD")
        if head is None:
            raise UsageError(
                "this repository has no commit yet, so there is nothing to compare with",
                hint="commit the plans once; vae diff then shows what changed since",
            )
        for branch in DEFAULT_BRANCHES:
            if self.commit_of(branch) is None:
                continue
            done = self._run("merge-base", "HEAD", branch)
            if done.returncode == 0:
                name = branch.removesuffix("/HEAD")
                return Base(done.stdout.strip(), f"the merge base with {name}")
        return Base(head, "HEAD")

    def relative(self, path: Path) -> PurePosixPath:
        """A path as git names it: relative to the repository's top, with forward slashes."""
        try:
            return PurePosixPath(path.resolve().relative_to(self.root.resolve()).as_posix())
        except ValueError:
            raise UsageError(f"{path} is outside the git repository {self.root}") from None

    def read(self, commit: str, path: PurePosixPath) -> str | None:
        """The file's text at `commit`, or None when it did not exist there."""
        done = self._run("cat-file", "-t", f"{commit}:{path}")
        if done.returncode != 0 or done.stdout.strip() != "blob":
            return None
        shown = subprocess.run(
            ["git", "cat-file", "blob", f"{commit}:{path}"],
            cwd=self.root,
            capture_output=True,
            check=False,
        )
        # Decoded as vae reads files: UTF-8; a BOM or bad bytes are the loader's to report.
        return shown.stdout.decode("utf-8", errors="replace") if shown.returncode == 0 else None

    def files_under(self, commit: str, folder: PurePosixPath) -> list[PurePosixPath]:
        done = self._run("ls-tree", "-r", "--name-only", "-z", commit, "--", f"{folder}/")
        return [PurePosixPath(name) for name in done.stdout.split("\0") if name]
