"""One action, in both versions: scope, other fields, and its progress entries year by year."""

from __future__ import annotations

import typing as t

from vae_cli.diff.changes import (
    ActionRef,
    Edited,
    FieldChange,
    MoneyChange,
    NoteChange,
    Plain,
    PlanDiff,
    Rescoped,
    StatusChange,
    YearSpent,
)
from vae_cli.diff.indicators import compare_indicators
from vae_cli.diff.tree import differences, dump, reordered
from vae_cli.models.plan import Action, Plan, ProgressEntry
from vae_cli.reading.yaml_document import Data

# Fields reported in their own section; any other field that changed is listed as "edited".
_SECTIONED = {"id", "commitment", "obligations", "progress", "indicators", "budget_eur"}
# The fields of a progress entry with a section of their own (Status, Money, Progress notes).
_ENTRY = {"year", "status", "spent_eur", "note"}


def ref(action: Action) -> ActionRef:
    return ActionRef(
        id=action.id,
        title=action.title,
        commitment=action.commitment,
        obligations=list(action.obligations),
        budget_eur=action.budget_eur,
    )


def compare_actions(
    diff: PlanDiff, before: Plan, after: Plan, *, same: t.Collection[str] = ()
) -> None:
    """The actions' changes; those whose ids are in `same` were read from the same data on
    both sides (`unchanged_actions`), so have none to find."""
    old = {a.id: a for a in before.actions}
    new = {a.id: a for a in after.actions}
    diff.actions_added = [ref(a) for a in after.actions if a.id not in old]
    diff.actions_removed = [ref(a) for a in before.actions if a.id not in new]
    for action in after.actions:
        was = old.get(action.id)
        if was is not None:
            if action.id not in same:
                _action(diff, was, action)
        else:
            _added(diff, action)
    diff.sections += reordered("actions", list(old), list(new))


def unchanged_actions(before: Data | None, after: Data | None) -> set[str]:
    """Ids of the actions whose data (as parsed, before validation) is the same on both sides,
    each id found once on each side: validated alike, they differ in nothing. Comparing the
    parsed data is some ten times quicker than comparing the models' dumps field by field, and
    in a large plan most actions are unchanged."""

    def by_id(data: Data | None) -> dict[str, Data]:
        items = data.get("actions") if isinstance(data, dict) else None
        found: dict[str, Data] = {}
        repeated: set[str] = set()
        for item in items if isinstance(items, list) else []:
            ident = item.get("id") if isinstance(item, dict) else None
            if isinstance(ident, str):
                if ident in found:
                    repeated.add(ident)
                found[ident] = item
        return {k: v for k, v in found.items() if k not in repeated}

    old, new = by_id(before), by_id(after)
    return {ident for ident, item in new.items() if ident in old and old[ident] == item}


def _action(diff: PlanDiff, was: Action, action: Action) -> None:
    added = [o for o in action.obligations if o not in was.obligations]
    removed = [o for o in was.obligations if o not in action.obligations]
    if was.commitment != action.commitment or added or removed:
        diff.rescoped.append(
            Rescoped(
                action=action.id,
                commitment_before=was.commitment,
                commitment_after=action.commitment,
                obligations_added=added,
                obligations_removed=removed,
            )
        )
    changes = differences(dump(was, without=_SECTIONED), dump(action, without=_SECTIONED))
    if not added and not removed and was.obligations != action.obligations:
        old_order: list[Plain] = [*was.obligations]
        changes += differences(old_order, [*action.obligations], "obligations")  # reordered
    changes += _progress(diff, was, action)
    changes += compare_indicators(diff, was, action)
    if changes:
        diff.edited.append(Edited(action=action.id, changes=changes))


def _added(diff: PlanDiff, action: Action) -> None:
    """An added action's progress entries (status, spending, notes by year) and indicators (with
    their measurements), as if they were added to the same action without any: its budget and
    scope are on its own line (`ActionRef`)."""
    empty = action.model_copy(update={"progress": [], "indicators": []})
    _progress(diff, empty, action)
    compare_indicators(diff, empty, action)


def _progress(diff: PlanDiff, was: Action, action: Action) -> list[FieldChange]:
    """Status, spending and note of each year; what else differs, to go with the edits."""
    old = {p.year: p for p in was.progress}
    new = {p.year: p for p in action.progress}
    spent: list[YearSpent] = []
    others: list[FieldChange] = []
    for year in sorted(set(old) | set(new)):
        before, after = old.get(year), new.get(year)
        status = (before.status.value if before else None, after.status.value if after else None)
        if status[0] != status[1]:
            diff.statuses.append(
                StatusChange(action=action.id, year=year, before=status[0], after=status[1])
            )
        note = (before.note if before else None, after.note if after else None)
        if note[0] != note[1]:
            diff.notes.append(
                NoteChange(action=action.id, year=year, before=note[0], after=note[1])
            )
        amounts = (before.spent_eur if before else None, after.spent_eur if after else None)
        if amounts[0] != amounts[1]:
            spent.append(YearSpent(year=year, before=amounts[0], after=amounts[1]))
        others += differences(_rest(before), _rest(after), f"progress[{year}]")
    if was.budget_eur != action.budget_eur or spent:
        diff.money.append(
            MoneyChange(
                action=action.id,
                budget_before=was.budget_eur,
                budget_after=action.budget_eur,
                spent_before=_spent(was),
                spent_after=_spent(action),
                years=spent,
            )
        )
    return others + reordered("progress", [str(y) for y in old], [str(y) for y in new])


def _rest(entry: ProgressEntry | None) -> dict[str, Plain]:
    return dump(entry, without=_ENTRY) if entry is not None else {}


def _spent(action: Action) -> float:
    return sum(p.spent_eur or 0 for p in action.progress)
