"""A plan comparison in words: text for the terminal, Markdown for a pull request, JSON."""

from __future__ import annotations

import dataclasses
import enum
import json
import typing as t

from vae_cli import __version__, markdown
from vae_cli.diff.changes import PlanDiff, PlanState
from vae_cli.diff.run import DiffReport
from vae_cli.diff.sentences import sections
from vae_cli.diff.words import MARKDOWN, PLAIN, plural
from vae_cli.terminal import escaped_in_json, inert

JSON_FORMAT_VERSION = 1


def headline(plan: PlanDiff, report: DiffReport) -> str:
    since = f"{report.base.described} ({report.base.short})"
    if plan.state is PlanState.UNCHANGED:
        return f"no change since {since}"
    if plan.state is PlanState.ADDED:
        return f"new plan, not in {since}: {plural(plan.actions_after, 'action')}" + _counts(plan)
    if plan.state is PlanState.REMOVED:
        return f"deleted since {since}"
    if plan.unreadable_before or plan.unreadable_after:
        side = "in the working tree" if plan.unreadable_after else f"at {since}"
        return (
            f"changed since {since}; it cannot be read as a plan {side}, "
            "so only its findings are compared"
        )
    if plan.same_meaning:
        return f"changed since {since}, in how values are written only (the same values)"
    if not plan.tracked_changes:
        return f"changed since {since}, in comments or layout only"
    return f"changed since {since}"


def _counts(plan: PlanDiff) -> str:
    errors = sum(f.severity == "error" for f in plan.new_findings)
    warnings = len(plan.new_findings) - errors
    return f", {plural(errors, 'error')}, {plural(warnings, 'warning')}"


def render_text(report: DiffReport) -> str:
    """One line per change, each made inert: plan text cannot write to the terminal."""
    lines: list[str] = []
    for plan in report.plans:
        lines.append(inert(f"{plan.path}: {headline(plan, report)}"))
        if plan.state is PlanState.ADDED:
            continue
        for title, items in sections(plan, PLAIN):
            lines.append(f"  {title}")
            lines.extend(f"    {inert(item)}" for item in items)
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
    return escaped_in_json(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


RENDERERS: dict[str, t.Callable[[DiffReport], str]] = {
    "text": render_text,
    "md": render_markdown,
    "json": render_json,
}
