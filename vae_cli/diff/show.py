"""A plan comparison in words: text for the terminal, Markdown for a pull request, JSON."""

from __future__ import annotations

import dataclasses
import enum
import json
import typing as t

from vae_cli import __version__
from vae_cli.diff.compare import Effect, MeasurementChange, PlanDiff, PlanState
from vae_cli.diff.run import DiffReport
from vae_cli.formats import markdown
from vae_cli.rules.money import euros

JSON_FORMAT_VERSION = 1


@dataclasses.dataclass(frozen=True)
class Style:
    """How ids (`code`) and plan text (`text`) are written: as is, or escaped for Markdown."""

    code: t.Callable[[str], str]
    text: t.Callable[[str], str]


PLAIN = Style(code=lambda s: s, text=lambda s: s)
MARKDOWN = Style(code=markdown.code, text=markdown.escape)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _words(value: str | None) -> str:
    return value.replace("_", " ") if value else "no progress entry"


def _amount(value: float | None) -> str:
    return euros(value) if value is not None else "none"


def _value(value: float, unit: str) -> str:
    return f"{value:g} {unit}"


def _measurement(m: MeasurementChange, s: Style) -> str:
    what = f"{s.code(m.indicator)} ({s.text(m.label)}, action {s.code(m.action)})"
    if m.corrected_from is not None:
        change = (
            f"{m.year} corrected from {s.text(_value(m.corrected_from, m.unit))} "
            f"to {s.text(_value(m.value, m.unit))}"
        )
    else:
        change = f"{m.year}: {s.text(_value(m.value, m.unit))} measured"
    target = s.text(f"{_value(m.target_value, m.unit)} in {m.target_year}")
    latest_before = s.text(f"{_value(m.latest_before[1], m.unit)} in {m.latest_before[0]}")
    effect = {
        Effect.CLOSER: f"closer to the target of {target} (latest was {latest_before})",
        Effect.FURTHER: f"further from the target of {target} (latest was {latest_before})",
        Effect.SAME: f"latest value unchanged (target {target})",
    }[m.effect]
    if m.status_before != m.status_after:
        progress = f"progress status: {_words(m.status_before)} → {_words(m.status_after)}"
    else:
        progress = f"progress status unchanged ({_words(m.status_after)})"
    return f"{what}: {change}; {effect}; {progress}"


def sections(plan: PlanDiff, s: Style) -> list[tuple[str, list[str]]]:
    """The changes of one plan, grouped under headings, each one sentence."""
    out: list[tuple[str, list[str]]] = []
    actions = [
        f"added {s.code(a.id)} «{s.text(a.title)}» (commitment {s.code(a.commitment)}"
        + (f"; obligations {', '.join(s.code(o) for o in a.obligations)}" if a.obligations else "")
        + (f"; budget {s.text(euros(a.budget_eur))}" if a.budget_eur is not None else "")
        + ")"
        for a in plan.actions_added
    ]
    actions += [f"removed {s.code(a.id)} «{s.text(a.title)}»" for a in plan.actions_removed]
    for r in plan.rescoped:
        parts = []
        if r.commitment_before != r.commitment_after:
            parts.append(f"commitment {s.code(r.commitment_before)} → {s.code(r.commitment_after)}")
        if r.obligations_added:
            parts.append(f"now covers {', '.join(s.code(o) for o in r.obligations_added)}")
        if r.obligations_removed:
            parts.append(f"no longer covers {', '.join(s.code(o) for o in r.obligations_removed)}")
        actions.append(f"re-scoped {s.code(r.action)}: {'; '.join(parts)}")
    actions += [f"edited {s.code(e.action)}: {', '.join(e.fields)}" for e in plan.edited]
    out.append(("Actions", actions))
    statuses = []
    for sc in plan.statuses:
        if sc.before_year == sc.after_year:
            statuses.append(
                f"{s.code(sc.action)}: {sc.after_year} now {_words(sc.after)} "
                f"(was {_words(sc.before)})"
            )
        else:
            statuses.append(
                f"{s.code(sc.action)}: {_words(sc.before)}"
                + (f" ({sc.before_year})" if sc.before_year else "")
                + f" → {_words(sc.after)}"
                + (f" ({sc.after_year})" if sc.after_year else "")
            )
    out.append(("Status", statuses))
    money = []
    for m in plan.money:
        parts = []
        if m.budget_before != m.budget_after:
            parts.append(
                f"budget {s.text(_amount(m.budget_before))} → {s.text(_amount(m.budget_after))}"
            )
        if m.spent_before != m.spent_after:
            delta = m.spent_after - m.spent_before
            sign = "+" if delta > 0 else "−"
            parts.append(
                f"spent {s.text(euros(m.spent_before))} → {s.text(euros(m.spent_after))} "
                f"({sign}{s.text(euros(abs(delta)))})"
            )
        money.append(f"{s.code(m.action)}: {'; '.join(parts)}")
    out.append(("Money", money))
    out.append(("Measurements", [_measurement(m, s) for m in plan.measurements]))
    coverage = []
    for c in plan.coverage:
        name = f"{c.kind} {s.code(c.id)}" + (f" «{s.text(c.label)}»" if c.label else "")
        acts = ", ".join(s.code(a) for a in c.actions)
        coverage.append(
            f"{name} is now covered, by {acts}"
            if c.covered
            else f"{name} is no longer covered by any action (it was by {acts})"
        )
    out.append(("Coverage", coverage))
    findings = [
        f"new {f.severity} at line {f.line} [{s.code(f.rule)}]: {s.text(f.message)}"
        for f in plan.new_findings
    ]
    findings += [
        f"fixed {f.severity} [{s.code(f.rule)}]: {s.text(f.message)}" for f in plan.fixed_findings
    ]
    out.append(("Findings", findings))
    if plan.other_sections:
        out.append(("Other sections changed", [", ".join(plan.other_sections)]))
    return [(title, items) for title, items in out if items]


def headline(plan: PlanDiff, report: DiffReport) -> str:
    since = f"{report.base.described} ({report.base.short})"
    if plan.state is PlanState.UNCHANGED:
        return f"no change since {since}"
    if plan.state is PlanState.ADDED:
        return f"new plan, not in {since}: {_plural(plan.actions_after, 'action')}" + _counts(plan)
    if plan.state is PlanState.REMOVED:
        return f"deleted since {since}"
    if plan.unreadable_before or plan.unreadable_after:
        side = "in the working tree" if plan.unreadable_after else f"at {since}"
        return (
            f"changed since {since}; it cannot be read as a plan {side}, "
            "so only its findings are compared"
        )
    if not plan.tracked_changes:
        return f"changed since {since}, in comments or layout only"
    return f"changed since {since}"


def _counts(plan: PlanDiff) -> str:
    errors = sum(f.severity == "error" for f in plan.new_findings)
    warnings = len(plan.new_findings) - errors
    return f", {_plural(errors, 'error')}, {_plural(warnings, 'warning')}"


def render_text(report: DiffReport) -> str:
    lines: list[str] = []
    for plan in report.plans:
        lines.append(f"{plan.path}: {headline(plan, report)}")
        if plan.state is PlanState.ADDED:
            continue
        for title, items in sections(plan, PLAIN):
            lines.append(f"  {title}")
            lines.extend(f"    {item}" for item in items)
    return "\n".join(lines) + "\n"


def render_markdown(report: DiffReport) -> str:
    out = [
        f"### vae diff: plans compared with {markdown.escape(report.base.described)} "
        f"({markdown.code(report.base.short)})",
        "",
    ]
    for plan in report.plans:
        out += [f"**{markdown.code(plan.path)}**: {markdown.escape(headline(plan, report))}", ""]
        if plan.state is PlanState.ADDED:
            continue
        for title, items in sections(plan, MARKDOWN):
            out += [f"#### {title}", "", *(f"- {item}" for item in items), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _plain(value: t.Any) -> t.Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def render_json(report: DiffReport) -> str:
    document = {
        "version": JSON_FORMAT_VERSION,
        "tool": {"name": "vae", "version": __version__},
        "base": {"commit": report.base.commit, "described": report.base.described},
        "plans": [_plain(dataclasses.asdict(plan)) for plan in report.plans],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, t.Callable[[DiffReport], str]] = {
    "text": render_text,
    "md": render_markdown,
    "json": render_json,
}
