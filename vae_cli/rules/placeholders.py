"""Values a new plan still has to be given."""

from __future__ import annotations

import re
import typing as t

from vae_cli.findings.diagnostics import Severity
from vae_cli.i18n.messages import msg
from vae_cli.reading.yaml_document import Data, Node
from vae_cli.rules import Context, Finding, rule

MARKER = "À REMPLIR"
# The marker in a comment: `annual_fee_eur: 200  # À REMPLIR : à confirmer`.
_COMMENT_MARKER = re.compile(r"(?:^|\s)#\s*" + MARKER + r"\s*:?\s*(.*)$")

Loc = tuple[str | int, ...]


def _texts(data: Data, loc: Loc) -> t.Iterator[tuple[Loc, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _texts(value, (*loc, i))
    elif isinstance(data, str):
        yield loc, data


def _nodes(node: Node, loc: Loc) -> t.Iterator[tuple[Loc, Node]]:
    """Every value with its location, in the order of the file."""
    yield loc, node
    children = node.children
    if isinstance(children, dict):
        for key, child in children.items():
            yield from _nodes(child, (*loc, key))
    elif isinstance(children, list):
        for i, child in enumerate(children):
            yield from _nodes(child, (*loc, i))


def marked_to_fill(ctx: Context, loc: Loc) -> bool:
    """Whether the line of the value at `loc` carries the `# À REMPLIR` marker: other rules leave
    such a provisional value to `to-fill`."""
    line = ctx.document.locate(loc).line
    return 0 < line <= len(ctx.document.lines) and MARKER in ctx.document.lines[line - 1]


@rule("to-fill", Severity.ERROR)
def to_fill(ctx: Context) -> t.Iterator[Finding]:
    """No value is still marked `À REMPLIR` (to fill).

    `vae init` writes a new plan with every section laid out. What only the city can say (names,
    titles, the fee voted by the council…) is written as a text starting with `À REMPLIR`, or as
    a provisional value followed by a comment `# À REMPLIR : …`. Replace the text with the real
    value; check the provisional value, then delete the comment.
    """
    # Most plans hold no marker at all: one scan of the text spares walking every value.
    if not any(MARKER in line for line in ctx.document.lines):
        return
    flagged_lines: set[int] = set()
    for loc, text in _texts(ctx.document.data, ()):
        if text.lstrip().startswith(MARKER):
            what = text.lstrip()[len(MARKER) :].lstrip(" :").strip()
            flagged_lines.add(ctx.document.locate(loc).line)
            yield Finding(
                loc=loc,
                message=msg("to fill: {what}", what=what) if what else msg("to fill: this value"),
                hint=msg(
                    "replace the whole text, « {marker} » included, with the value", marker=MARKER
                ),
            )
    lines = [
        (number, match.group(1).strip())
        for number, line in enumerate(ctx.document.lines, start=1)
        # A whole-line comment only talks about the marker; a provisional value carries it at the
        # end of its own line.
        if MARKER in line
        and not line.lstrip().startswith("#")
        and (match := _COMMENT_MARKER.search(line))
    ]
    if not lines:
        return
    # One pass: `lines` go down the file, and the first value at or below a line is never
    # before the first one at or below an earlier line, so the search resumes where it stopped.
    # (Searching every value again for each marker made a plan from `vae init --from`, with one
    # marker per carried-over target, quadratic: minutes at 5,000 actions.)
    values = [
        (loc, node.position.line)
        for loc, node in _nodes(ctx.document.root, ())
        if node.children is None and loc
    ]
    i = 0
    for number, what in lines:
        if number in flagged_lines:
            continue
        # The value on the comment's line, or failing that the next one below it.
        while i < len(values) and values[i][1] < number:
            i += 1
        yield Finding(
            loc=values[i][0] if i < len(values) else (),
            message=msg("to check: {what}", what=what)
            if what
            else msg("to check: a provisional value"),
            hint=msg("check the value, then delete the comment « # {marker} »", marker=MARKER),
        )
