"""The changes of one plan as sentences under headings, the same for text and Markdown."""

from __future__ import annotations

from vae_cli.diff.changes import (
    Effect,
    IndicatorChange,
    Kind,
    MeasurementChange,
    MoneyChange,
    Plain,
    PlanDiff,
    StatusChange,
)
from vae_cli.diff.words import Style, amount, changes, euros, quantity, value
from vae_cli.report.progress import ProgressStatus

# Headings of the sections of a plan outside its actions, in the order of the format.
SECTION_TITLES = {
    "schema_version": "Format",
    "referential": "Referential",
    "city": "City",
    "mandate": "Mandate",
    "contacts": "Contacts",
    "deliberations": "Deliberations",
    "membership": "Membership",
    "commitments": "Commitment framings",
    "actions": "Actions",
    "consultations": "Consultations",
}


def _words(status: str | None) -> str:
    return status.replace("_", " ") if status else "no progress entry"


def _progress(before: ProgressStatus | None, after: ProgressStatus | None) -> str:
    if before == after:
        return f"progress status unchanged ({_words(after)})"
    return f"progress status: {_words(before)} → {_words(after)}"


def _status(sc: StatusChange, s: Style) -> str:
    if sc.before is None:
        return f"{s.code(sc.action)}: {sc.year} entry added, {_words(sc.after)}"
    if sc.after is None:
        return f"{s.code(sc.action)}: {sc.year} entry removed (was {_words(sc.before)})"
    return f"{s.code(sc.action)}: {sc.year} now {_words(sc.after)} (was {_words(sc.before)})"


def _money(m: MoneyChange, s: Style) -> str:
    parts = []
    if m.budget_before != m.budget_after:
        parts.append(f"budget {s.text(amount(m.budget_before))} → {s.text(amount(m.budget_after))}")
    if m.spent_before != m.spent_after:
        delta = m.spent_after - m.spent_before
        sign = "+" if delta > 0 else "−"
        parts.append(
            f"spent {s.text(euros(m.spent_before))} → {s.text(euros(m.spent_after))} "
            f"({sign}{s.text(euros(abs(delta)))})"
        )
    elif m.years:
        parts.append(f"total spent unchanged ({s.text(euros(m.spent_after))})")
    if m.years:
        parts.append(
            "by year: "
            + ", ".join(
                f"{y.year} {s.text(amount(y.before))} → {s.text(amount(y.after))}" for y in m.years
            )
        )
    return f"{s.code(m.action)}: {'; '.join(parts)}"


def _note(action: str, year: int, before: str | None, after: str | None, s: Style) -> str:
    if before is None:
        return f"{s.code(action)}: {year} note added: «{s.text(after or '')}»"
    if after is None:
        return f"{s.code(action)}: {year} note removed (was «{s.text(before)}»)"
    return f"{s.code(action)}: {year} note «{s.text(before)}» → «{s.text(after)}»"


def _indicator(c: IndicatorChange, s: Style) -> str:
    def describe(v: Plain, s: Style, field: str) -> str:
        if isinstance(v, dict) and isinstance(v.get("year"), int):
            number = v.get("value")
            if isinstance(number, int | float):
                return s.text(f"{quantity(number, c.unit)} in {v['year']}")
        return value(v, s, field=field)

    name = f"{s.code(c.indicator)} «{s.text(c.label)}»"
    if c.kind is Kind.ADDED:
        fields = ", ".join(
            f"{s.code(f.path)} {describe(f.after, s, f.path)}"
            for f in c.changes
            if f.path != "label"
        )
        return (
            f"added {name} to action {s.code(c.action)} ({fields}); "
            f"progress status {_words(c.status_after)}"
        )
    if c.kind is Kind.REMOVED:
        return (
            f"removed {name} from action {s.code(c.action)} "
            f"(its progress status was {_words(c.status_before)})"
        )
    return (
        f"{name} (action {s.code(c.action)}): {changes(c.changes, s, describe)}; "
        f"{_progress(c.status_before, c.status_after)}"
    )


def _measurement(m: MeasurementChange, s: Style) -> str:
    what = f"{s.code(m.indicator)} ({s.text(m.label)}, action {s.code(m.action)})"

    def q(v: float | None) -> str:
        return s.text(quantity(v, m.unit)) if v is not None else "none"

    if m.kind is Kind.ADDED:
        change = f"{m.year}: {q(m.value_after)} measured"
    elif m.kind is Kind.REMOVED:
        change = f"{m.year} measurement removed (was {q(m.value_before)})"
    elif m.value_before != m.value_after:
        change = f"{m.year} corrected from {q(m.value_before)} to {q(m.value_after)}"
    else:
        change = f"{m.year}: {q(m.value_after)}"
    if m.kind is Kind.ADDED and m.source_after is not None:
        change += f" (source {value(m.source_after, s)})"
    elif m.kind is Kind.CHANGED and m.source_before != m.source_after:
        change += f"; source {value(m.source_before, s)} → {value(m.source_after, s)}"
    target = s.text(f"{quantity(m.target_value, m.unit)} in {m.target_year}")
    latest_before = s.text(f"{quantity(m.latest_before[1], m.unit)} in {m.latest_before[0]}")
    effect = {
        Effect.CLOSER: f"closer to the target of {target} (latest was {latest_before})",
        Effect.FURTHER: f"further from the target of {target} (latest was {latest_before})",
        Effect.SAME: f"latest value unchanged (target {target})",
    }[m.effect]
    return f"{what}: {change}; {effect}; {_progress(m.status_before, m.status_after)}"


def _actions(plan: PlanDiff, s: Style) -> list[str]:
    out = [
        f"added {s.code(a.id)} «{s.text(a.title)}» (commitment {s.code(a.commitment)}"
        + (f"; obligations {', '.join(s.code(o) for o in a.obligations)}" if a.obligations else "")
        + (f"; budget {s.text(euros(a.budget_eur))}" if a.budget_eur is not None else "")
        + ")"
        for a in plan.actions_added
    ]
    out += [f"removed {s.code(a.id)} «{s.text(a.title)}»" for a in plan.actions_removed]
    for r in plan.rescoped:
        parts = []
        if r.commitment_before != r.commitment_after:
            parts.append(f"commitment {s.code(r.commitment_before)} → {s.code(r.commitment_after)}")
        if r.obligations_added:
            parts.append(f"now covers {', '.join(s.code(o) for o in r.obligations_added)}")
        if r.obligations_removed:
            parts.append(f"no longer covers {', '.join(s.code(o) for o in r.obligations_removed)}")
        out.append(f"re-scoped {s.code(r.action)}: {'; '.join(parts)}")
    out += [f"edited {s.code(e.action)}: {changes(e.changes, s)}" for e in plan.edited]
    return out


def sections(plan: PlanDiff, s: Style) -> list[tuple[str, list[str]]]:
    """The changes of one plan, grouped under headings, each one sentence."""
    out: dict[str, list[str]] = {"Actions": _actions(plan, s)}
    out["Status"] = [_status(sc, s) for sc in plan.statuses]
    out["Money"] = [_money(m, s) for m in plan.money]
    out["Progress notes"] = [_note(n.action, n.year, n.before, n.after, s) for n in plan.notes]
    out["Indicators"] = [_indicator(c, s) for c in plan.indicators]
    out["Measurements"] = [_measurement(m, s) for m in plan.measurements]
    coverage = []
    for c in plan.coverage:
        name = f"{c.kind} {s.code(c.id)}" + (f" «{s.text(c.label)}»" if c.label else "")
        acts = ", ".join(s.code(a) for a in c.actions)
        coverage.append(
            f"{name} is now covered, by {acts}"
            if c.covered
            else f"{name} is no longer covered by any action (it was by {acts})"
        )
    out["Coverage"] = coverage
    for f in plan.sections:
        top = f.path.split(".", 1)[0].split("[", 1)[0]
        title = SECTION_TITLES.get(top, "Other changes")
        out.setdefault(title, []).append(changes([f], s))
    out["Findings"] = [
        f"new {f.severity} at line {f.line} [{s.code(f.rule)}]: {s.text(f.message)}"
        for f in plan.new_findings
    ] + [f"fixed {f.severity} [{s.code(f.rule)}]: {s.text(f.message)}" for f in plan.fixed_findings]
    return [(title, items) for title, items in out.items() if items]
