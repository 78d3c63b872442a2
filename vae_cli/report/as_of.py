"""The points to watch of a year's report: `vae validate`'s warnings on the plan as it stood at
the end of that year.

The plan's data is cut back to what was known then: every progress entry, measurement, payment
and deliberation dated after the year is dropped, and so is a consultation whose edition opened
after it. The rules then run on that data with the current year set to the year after. The
data's position tree is cut the same way, so each finding still points at its line in the real
file.
"""

from __future__ import annotations

import typing as t

from vae_cli.check import run_rules
from vae_cli.findings.diagnostics import Diagnostic, Severity
from vae_cli.models.plan import Plan
from vae_cli.models.referential import Referential
from vae_cli.reading.yaml_document import Data, Document, Node
from vae_cli.rules import Context

Keep = t.Callable[[Data], bool]


def _year_of(item: Data) -> int | None:
    """The year an entry is about: its `year`, else the year of its `date` (YYYY-MM-DD)."""
    if not isinstance(item, dict):
        return None
    year = item.get("year")
    if isinstance(year, int) and not isinstance(year, bool):
        return year
    date = item.get("date")
    if isinstance(date, str) and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def _until(year: int) -> Keep:
    def keep(item: Data) -> bool:
        found = _year_of(item)
        return found is None or found <= year

    return keep


def _filter_list(data: Data, node: Node, keep: Keep) -> tuple[Data, Node]:
    if not isinstance(data, list) or not isinstance(node.children, list):
        return data, node
    pairs = [(d, n) for d, n in zip(data, node.children, strict=True) if keep(d)]
    return [d for d, _ in pairs], Node(node.event, [n for _, n in pairs], node.key_events)


def _cut(data: Data, node: Node, path: tuple[str, ...], keep: Keep) -> tuple[Data, Node]:
    """`data` and its `node` with the list at `path` filtered by `keep`; "*" in `path` stands
    for every item of a list. Parts that do not exist are left as they are."""
    if not path:
        return _filter_list(data, node, keep)
    part, rest = path[0], path[1:]
    children = node.children
    if part == "*":
        if not isinstance(data, list) or not isinstance(children, list):
            return data, node
        cut = [_cut(d, n, rest, keep) for d, n in zip(data, children, strict=True)]
        return [d for d, _ in cut], Node(node.event, [n for _, n in cut], node.key_events)
    if not isinstance(data, dict) or not isinstance(children, dict) or part not in data:
        return data, node
    if part not in children:
        return data, node
    value, child = _cut(data[part], children[part], rest, keep)
    return {**data, part: value}, Node(node.event, {**children, part: child}, node.key_events)


def document_at_end_of(document: Document, referential: Referential, year: int) -> Document:
    """The plan's document with everything dated after `year` left out; positions unchanged."""
    data: Data = document.data
    root = document.root
    until = _until(year)
    for path in (
        ("actions", "*", "progress"),
        ("actions", "*", "indicators", "*", "measurements"),
        ("membership", "payments"),
        ("deliberations",),
    ):
        data, root = _cut(data, root, path, until)
    opened = (
        {e.id: e.year for e in referential.consultation.editions}
        if referential.consultation
        else {}
    )

    def consultation_by_then(item: Data) -> bool:
        edition = item.get("edition") if isinstance(item, dict) else None
        return not isinstance(edition, str) or opened.get(edition, year) <= year

    data, root = _cut(data, root, ("consultations",), consultation_by_then)
    assert isinstance(data, dict)
    return Document(data=data, root=root, lines=document.lines)


def warnings_at_end_of(
    document: Document,
    path: str,
    referential: Referential,
    year: int,
    *,
    year_over: bool = True,
) -> list[Diagnostic]:
    """The warnings `vae validate` gave on the plan (`document`, read from `path`) as it stood
    at the end of `year`.

    `year_over` false (a report on the year under way) checks as of `year` itself: that year's
    missing entries are not overdue yet.
    """
    as_of = year + 1 if year_over else year
    cut = document_at_end_of(document, referential, year)
    # Only entries of lists that already validated are dropped, so the cut plan validates too.
    plan = Plan.model_validate(cut.data)
    context = Context(plan=plan, referential=referential, document=cut, as_of=as_of)
    warnings = [d for d in run_rules(context, path) if d.severity is Severity.WARNING]
    return sorted(warnings, key=lambda d: d.sort_key)
