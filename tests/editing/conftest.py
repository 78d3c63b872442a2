"""Helpers for the editing tests: a plan in a temporary folder, and what changed in it."""

from __future__ import annotations

import difflib
import typing as t
from pathlib import Path

import pytest

from tests.conftest import SMALL_TOWN


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """A copy of the small-town plan (valid as of 2026) that a test may edit."""
    path = tmp_path / "plan.yaml"
    path.write_bytes(SMALL_TOWN.read_bytes())
    return path


def changes(old: str | bytes, new: str | bytes) -> list[tuple[str, list[str], list[str]]]:
    """(operation, old lines, new lines) of every change between two texts, line endings kept."""
    a = old.decode() if isinstance(old, bytes) else old
    b = new.decode() if isinstance(new, bytes) else new
    before, after = a.splitlines(keepends=True), b.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    return [
        (op, before[i1:i2], after[j1:j2])
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op != "equal"
    ]


def inserted(old: str | bytes, new: str | bytes) -> list[str]:
    """The lines `new` adds to `old`; fails if anything else changed."""
    found = changes(old, new)
    assert len(found) == 1, found
    op, removed, added = found[0]
    assert op == "insert" and not removed, found
    return added


def only_line_changed(old: str, new: str) -> tuple[str, str]:
    """(old line, new line) when exactly one line changed."""
    found = changes(old, new)
    assert len(found) == 1 and found[0][0] == "replace", found
    (_, [before], [after]) = t.cast(tuple[str, list[str], list[str]], found[0])
    return before, after
