"""Where the figures of a report come from: the plan file and, if known, its git commit."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True, kw_only=True)
class Source:
    path: str  # as the user would type it
    commit: str | None = None  # short hash of the last commit that touched the plan
    commit_date: str | None = None  # that commit's date, YYYY-MM-DD
    modified: bool = False  # the file differs from that commit
