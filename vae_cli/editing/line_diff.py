"""A unified diff of two texts that mostly agree (a plan before and after `vae record` or `vae
import`), in time about linear in their length.

difflib's `SequenceMatcher` looks for the longest matching block over the whole of both texts,
then again in each part: on a plan of 250,000 lines, where many lines repeat (`- year: 2024`,
the same note in several actions), one recorded entry took minutes to show. Here the lines the
texts share at their start and at their end are set aside; then lines found once in each text
(an action's id, most titles) anchor the rest, in the order both texts have them (the longest
run of anchors in the same order, as patience diff takes them); difflib compares only what lies
between two anchors. The hunks are written as `git diff` writes them, three lines of context.
"""

from __future__ import annotations

import bisect
import collections
import difflib
import typing as t

Opcode = tuple[t.Literal["replace", "delete", "insert", "equal"], int, int, int, int]


def unified_diff(old: str, new: str, *, old_name: str, new_name: str, context: int = 3) -> str:
    """The change from `old` to `new` as a unified diff (nothing when they are the same); a
    last line without a line break gets one, so that the diff stays a list of lines."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    out: list[str] = []
    for group in _Matched(opcodes(a, b)).get_grouped_opcodes(context):
        if not out:
            out += [f"--- {old_name}\n", f"+++ {new_name}\n"]
        first, last = group[0], group[-1]
        out.append(f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out += [" " + line for line in a[i1:i2]]
                continue
            if tag in ("replace", "delete"):
                out += ["-" + line for line in a[i1:i2]]
            if tag in ("replace", "insert"):
                out += ["+" + line for line in b[j1:j2]]
    return "".join(line if line.endswith("\n") else line + "\n" for line in out)


def opcodes(a: t.Sequence[str], b: t.Sequence[str]) -> list[Opcode]:
    """How to turn the lines `a` into the lines `b`, as `SequenceMatcher.get_opcodes` says it."""
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a, end_b = end_a - 1, end_b - 1
    codes: list[Opcode] = [("equal", 0, start, 0, start)]
    i, j = start, start
    for ai, bj in [*_anchors(a, b, start, end_a, end_b), (end_a, end_b)]:
        codes += _between(a, b, i, ai, j, bj)
        i, j = ai, bj
        if (ai, bj) != (end_a, end_b):
            codes.append(("equal", ai, ai + 1, bj, bj + 1))
            i, j = ai + 1, bj + 1
    codes.append(("equal", end_a, len(a), end_b, len(b)))
    return _joined(codes)


def _anchors(
    a: t.Sequence[str], b: t.Sequence[str], start: int, end_a: int, end_b: int
) -> list[tuple[int, int]]:
    """Pairs (i, j) with a[i] == b[j] a line found once in a[start:end_a] and once in
    b[start:end_b], the longest run of them in the same order in both."""
    seen_a = collections.Counter(a[start:end_a])
    seen_b = collections.Counter(b[start:end_b])
    where_b = {b[j]: j for j in range(start, end_b) if seen_b[b[j]] == 1}
    pairs = [
        (i, where_b[a[i]]) for i in range(start, end_a) if seen_a[a[i]] == 1 and a[i] in where_b
    ]
    # The longest increasing run of j (the i are increasing already): patience sorting.
    tails: list[int] = []  # tails[k]: the smallest j ending a run of k + 1 pairs
    ends: list[int] = []  # the index in `pairs` of that pair
    before: list[int] = []  # for each pair, the one before it in its run
    for index, (_, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        before.append(ends[k - 1] if k else -1)
        if k == len(tails):
            tails.append(j)
            ends.append(index)
        else:
            tails[k], ends[k] = j, index
    run: list[tuple[int, int]] = []
    index = ends[-1] if ends else -1
    while index >= 0:
        run.append(pairs[index])
        index = before[index]
    return run[::-1]


def _between(
    a: t.Sequence[str], b: t.Sequence[str], i1: int, i2: int, j1: int, j2: int
) -> list[Opcode]:
    """The opcodes for a[i1:i2] against b[j1:j2], positions counted in the whole texts."""
    if i1 == i2 and j1 == j2:
        return []
    if i1 == i2:
        return [("insert", i1, i1, j1, j2)]
    if j1 == j2:
        return [("delete", i1, i2, j1, j1)]
    matcher = difflib.SequenceMatcher(None, a[i1:i2], b[j1:j2], autojunk=False)
    return [
        (tag, i1 + x1, i1 + x2, j1 + y1, j1 + y2) for tag, x1, x2, y1, y2 in matcher.get_opcodes()
    ]


def _joined(codes: list[Opcode]) -> list[Opcode]:
    """Empty opcodes dropped, neighbouring equal ones made one."""
    joined: list[Opcode] = []
    for code in codes:
        tag, i1, i2, j1, j2 = code
        if i1 == i2 and j1 == j2:
            continue
        if joined and tag == "equal" and joined[-1][0] == "equal":
            _, p1, _, q1, _ = joined[-1]
            joined[-1] = ("equal", p1, i2, q1, j2)
        else:
            joined.append(code)
    return joined


class _Matched(difflib.SequenceMatcher):  # type: ignore[type-arg]
    """difflib's grouping of opcodes into hunks, on opcodes worked out above."""

    def __init__(self, codes: list[Opcode]) -> None:
        super().__init__(None, "", "")
        self._codes = codes

    def get_opcodes(self) -> list[Opcode]:
        return list(self._codes)


def _range(start: int, stop: int) -> str:
    """A hunk's range as `diff -u` writes it: `first,count`, `first` for one line, and the line
    before for none."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start if not length else start + 1},{length}"
