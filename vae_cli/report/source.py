"""Where the figures of a report come from: the plan file and, if known, its git commit."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from vae_cli import git
from vae_cli.findings.diagnostics import display_path


@dataclasses.dataclass(frozen=True, kw_only=True)
class Source:
    path: str  # as the user would type it
    commit: str | None = None  # short hash of the last commit that touched the plan
    commit_date: str | None = None  # that commit's date, YYYY-MM-DD
    modified: bool = False  # the file differs from that commit


def source_of(path: Path) -> Source:
    """The plan's path, and the last commit that touched it when it is in a git repository."""
    commit = git.last_commit(path)
    if commit is None:
        return Source(path=display_path(path))
    return Source(
        path=display_path(path),
        commit=commit.short,
        commit_date=commit.date or None,
        modified=commit.modified,
    )
