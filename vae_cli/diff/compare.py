"""Two versions of a plan in, the changes a reviewer cares about out, as plain data.

Actions are matched by id: an action whose id changed reads as one removed and one added, which
is also what it means for every reference to it. The specific comparisons (actions.py,
indicators.py) say what a change means; the rest of the plan is compared field by field
(tree.py). "Comments or layout only" is said only when the parsed data is identical.
"""

from __future__ import annotations

import collections
import typing as t

from vae_cli.diff.actions import compare_actions, unchanged_actions
from vae_cli.diff.changes import (
    CoverageChange,
    FindingChange,
    PlanDiff,
    PlanState,
    Version,
)
from vae_cli.diff.tree import differences, dump
from vae_cli.findings.diagnostics import Diagnostic, FileResult
from vae_cli.i18n.language import DEFAULT_LANGUAGE
from vae_cli.models.plan import Plan
from vae_cli.models.referential import Referential


def compare(
    path: str, before: Version, after: Version, *, lang: str = DEFAULT_LANGUAGE
) -> PlanDiff:
    """What changed from `before` to `after`; the referential's labels and the findings'
    messages are in `lang`, as the sentences that quote them."""
    if before.exists and after.exists and before.text is not None and before.text == after.text:
        return PlanDiff(path=path, state=PlanState.UNCHANGED)
    state = (
        PlanState.ADDED
        if not before.exists
        else PlanState.REMOVED
        if not after.exists
        else PlanState.CHANGED
    )
    diff = PlanDiff(
        path=path,
        state=state,
        unreadable_before=before.exists and before.plan is None,
        unreadable_after=after.exists and after.plan is None,
        actions_before=len(before.plan.actions) if before.plan else 0,
        actions_after=len(after.plan.actions) if after.plan else 0,
    )
    _findings(diff, before.result, after.result, lang)
    if state is PlanState.CHANGED and before.plan is not None and after.plan is not None:
        same = unchanged_actions(before.data, after.data)
        compare_actions(diff, before.plan, after.plan, same=same)
        _coverage(diff, before.plan, after.plan, [after.referential, before.referential], lang)
        diff.sections += differences(
            dump(before.plan, without={"actions"}), dump(after.plan, without={"actions"})
        )
        # Layout only when the data parsed for the checks is the same; data not at hand (a
        # version built without it) is never taken for the same.
        same_data = before.data is not None and before.data == after.data
        if not diff.tracked_changes and not same_data:
            _fallback(diff, before.plan, after.plan)
    return diff


def _fallback(diff: PlanDiff, before: Plan, after: Plan) -> None:
    """The data differs, yet no comparison above saw it: say what differs, field by field,
    so that a real change is never reported as layout."""
    diff.sections = differences(dump(before), dump(after))
    diff.same_meaning = not diff.sections


def _coverage(
    diff: PlanDiff,
    before: Plan,
    after: Plan,
    referentials: list[Referential | None],
    lang: str,
) -> None:
    """Commitments and obligations of the referential that gained their first action or lost
    their last one. An id the referential does not have (a typo) is not a commitment nor an
    obligation: it is a finding (`known-reference`), reported as such, not as coverage."""
    labels: dict[tuple[str, str], str] = {}
    for referential in reversed([r for r in referentials if r is not None]):
        labels |= {("commitment", c.id): _label(c.label, lang) for c in referential.commitments}
        labels |= {("obligation", o.id): _label(o.label, lang) for o in referential.obligations}
    # Without a referential to tell real ids from typos, coverage is not compared.
    if not labels:
        return

    def covering(plan: Plan) -> dict[tuple[str, str], list[str]]:
        found: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
        for action in plan.actions:
            found["commitment", action.commitment].append(action.id)
            for obligation in action.obligations:
                found["obligation", obligation].append(action.id)
        return found

    old, new = covering(before), covering(after)
    for key in sorted(set(old) | set(new)):
        if key not in labels or bool(old.get(key)) == bool(new.get(key)):
            continue
        kind, ident = key
        gained = bool(new.get(key))
        diff.coverage.append(
            CoverageChange(
                kind="commitment" if kind == "commitment" else "obligation",
                id=ident,
                label=labels[key],
                covered=gained,
                actions=new[key] if gained else old[key],
            )
        )


def _label(label: t.Any, lang: str) -> str:
    """A referential's label (French and English) in `lang`."""
    return str(label.fr if lang == "fr" else label.en)


def _findings(
    diff: PlanDiff, before: FileResult | None, after: FileResult | None, lang: str
) -> None:
    """Findings are matched by severity, rule and message, not line: an edit above a finding
    moves it without making it new."""

    def key(d: Diagnostic) -> tuple[str, str, str]:
        return (d.severity.value, d.rule, d.message.key())

    old = collections.Counter(key(d) for d in (before.diagnostics if before else []))
    new = collections.Counter(key(d) for d in (after.diagnostics if after else []))
    for d in after.sorted() if after else []:
        if old[key(d)] > 0:
            old[key(d)] -= 1
            continue
        diff.new_findings.append(_finding(d, lang))
    new_left = new
    for d in before.sorted() if before else []:
        if new_left[key(d)] > 0:
            new_left[key(d)] -= 1
            continue
        diff.fixed_findings.append(_finding(d, lang))


def _finding(d: Diagnostic, lang: str) -> FindingChange:
    return FindingChange(
        severity=d.severity.value,
        rule=d.rule,
        message=d.message_in(lang),
        line=d.position.line,
    )
