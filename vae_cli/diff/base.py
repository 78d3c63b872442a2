"""Which revision `vae diff` compares the plans with, and the repository that holds them."""

from __future__ import annotations

import dataclasses
from pathlib import Path, PurePosixPath

from vae_cli.errors import UsageError
from vae_cli.git import GitNotFound, Repository
from vae_cli.i18n.messages import Message, msg, verbatim

# Where to look for the default branch, best first: the remote's idea of it, then the usual names.
DEFAULT_BRANCHES = ("origin/HEAD", "main", "master", "origin/main", "origin/master")


@dataclasses.dataclass(frozen=True)
class Base:
    """The revision plans are compared with."""

    commit: str
    described: Message  # how to name it to a person, e.g. "the merge base with main"

    @property
    def short(self) -> str:
        return self.commit[:7]


def open_repository(start: Path) -> Repository:
    """The repository holding `start`; a usage error when there is none, or no git."""
    try:
        repo = Repository.find(start)
    except GitNotFound:
        raise UsageError(
            msg("vae diff needs git, and the `git` program was not found"),
            hint=msg("install git (https://git-scm.com) and try again"),
        ) from None
    if repo is None:
        raise UsageError(
            msg("{path} is not inside a git repository", path=str(start)),
            hint=msg(
                "vae diff compares plans with an earlier commit: run it in the repository that "
                "holds them"
            ),
        )
    return repo


def not_a_commit(rev: str) -> UsageError:
    return UsageError(
        msg('"{rev}" is not a commit of this repository', rev=rev),
        hint=msg("give a branch, a tag or a commit id, e.g. `vae diff main` or `vae diff HEAD~1`"),
    )


def default_base(repo: Repository) -> Base:
    """The merge base with the default branch (what a pull request is compared with), else
    HEAD (the uncommitted changes)."""
    head = repo.commit_of("HEAD")
    if head is None:
        raise UsageError(
            msg("this repository has no commit yet, so there is nothing to compare with"),
            hint=msg("commit the plans once; vae diff then shows what changed since"),
        )
    for branch in DEFAULT_BRANCHES:
        if repo.commit_of(branch) is None:
            continue
        merge_base = repo.merge_base("HEAD", branch)
        if merge_base is not None:
            return Base(
                merge_base,
                msg("the merge base with {branch}", branch=branch.removesuffix("/HEAD")),
            )
    return Base(head, verbatim("HEAD"))


def relative(repo: Repository, path: Path) -> PurePosixPath:
    """`path` as git names it; a usage error when it is outside the repository."""
    found = repo.relative(path)
    if found is None:
        raise UsageError(
            msg("{path} is outside the git repository {root}", path=str(path), root=str(repo.root))
        )
    return found
