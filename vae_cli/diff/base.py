"""Which revision `vae diff` compares the plans with, and the repository that holds them."""

from __future__ import annotations

import dataclasses
from pathlib import Path, PurePosixPath

from vae_cli.errors import UsageError
from vae_cli.git import GitNotFound, Repository

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


def open_repository(start: Path) -> Repository:
    """The repository holding `start`; a usage error when there is none, or no git."""
    try:
        repo = Repository.find(start)
    except GitNotFound:
        raise UsageError(
            "vae diff needs git, and the `git` program was not found",
            hint="install git (https://git-scm.com) and try again",
        ) from None
    if repo is None:
        raise UsageError(
            f"{start} is not inside a git repository",
            hint="vae diff compares plans with an earlier commit: run it in the repository "
            "that holds them",
        )
    return repo


def not_a_commit(rev: str) -> UsageError:
    return UsageError(
        f"{rev!r} is not a commit of this repository",
        hint="give a branch, a tag or a commit id, e.g. `vae diff main` or `vae diff HEAD~1`",
    )


def default_base(repo: Repository) -> Base:
    """The merge base with the default branch (what a pull request is compared with), else
    HEAD (the uncommitted changes)."""
    head = repo.commit_of("HEAD")
    if head is None:
        raise UsageError(
            "this repository has no commit yet, so there is nothing to compare with",
            hint="commit the plans once; vae diff then shows what changed since",
        )
    for branch in DEFAULT_BRANCHES:
        if repo.commit_of(branch) is None:
            continue
        merge_base = repo.merge_base("HEAD", branch)
        if merge_base is not None:
            return Base(merge_base, f"the merge base with {branch.removesuffix('/HEAD')}")
    return Base(head, "HEAD")


def relative(repo: Repository, path: Path) -> PurePosixPath:
    """`path` as git names it; a usage error when it is outside the repository."""
    found = repo.relative(path)
    if found is None:
        raise UsageError(f"{path} is outside the git repository {repo.root}")
    return found
