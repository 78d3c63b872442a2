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
from vae_cli.i18n.language import DEFAULT_LANGUAGE
from vae_cli.i18n.messages import Message, msg, render
from vae_cli.terminal import escaped_in_json, inert

JSON_FORMAT_VERSION = 1


def headline(plan: PlanDiff, report: DiffReport, lang: str = DEFAULT_LANGUAGE) -> str:
    since = render(
        msg("{base} ({commit})", base=report.base.described, commit=report.base.short), lang
    )

    def say(message: Message) -> str:
        return render(message.fill(since=since), lang)

    if plan.state is PlanState.UNCHANGED:
        return say(msg("no change since {since}"))
    if plan.state is PlanState.ADDED:
        actions = plural(plan.actions_after, "action", lang)
        return say(msg("new plan, not in {since}: {actions}", actions=actions)) + _counts(
            plan, lang
        )
    if plan.state is PlanState.REMOVED:
        return say(msg("deleted since {since}"))
    if plan.unreadable_before or plan.unreadable_after:
        if plan.unreadable_after:
            return say(
                msg(
                    "changed since {since}; it cannot be read as a plan in the working tree, so "
                    "only its findings are compared"
                )
            )
        return say(
            msg(
                "changed since {since}; it cannot be read as a plan at {since}, so only its "
                "findings are compared"
            )
        )
    if plan.same_meaning:
        return say(msg("changed since {since}, in how values are written only (the same values)"))
    if not plan.tracked_changes:
        return say(msg("changed since {since}, in comments or layout only"))
    return say(msg("changed since {since}"))


def _counts(plan: PlanDiff, lang: str) -> str:
    errors = sum(f.severity == "error" for f in plan.new_findings)
    warnings = len(plan.new_findings) - errors
    return f", {plural(errors, 'error', lang)}, {plural(warnings, 'warning', lang)}"


def render_text(report: DiffReport, lang: str = DEFAULT_LANGUAGE) -> str:
    """One line per change, each made inert: plan text cannot write to the terminal."""
    lines: list[str] = []
    said = render(msg("{plan}: {headline}", plan="{plan}", headline="{headline}"), lang)
    for plan in report.plans:
        lines.append(inert(said.format(plan=plan.path, headline=headline(plan, report, lang))))
        if plan.state is PlanState.ADDED:
            continue
        for title, items in sections(plan, PLAIN.written_in(lang)):
            lines.append(f"  {title}")
            lines.extend(f"    {inert(item)}" for item in items)
    return "\n".join(lines) + "\n"


def render_markdown(report: DiffReport, lang: str = DEFAULT_LANGUAGE) -> str:
    title = msg(
        "vae diff: plans compared with {base} ({commit})",
        base=markdown.escape(render(report.base.described, lang)),
        commit=markdown.code(report.base.short),
    )
    out = [f"### {render(title, lang)}", ""]
    said = render(msg("{plan}: {headline}", plan="{plan}", headline="{headline}"), lang)
    for plan in report.plans:
        line = said.format(
            plan=f"**{markdown.code(plan.path)}**",
            headline=markdown.escape(headline(plan, report, lang)),
        )
        out += [line, ""]
        if plan.state is PlanState.ADDED:
            continue
        for heading, items in sections(plan, MARKDOWN.written_in(lang)):
            out += [f"#### {heading}", "", *(f"- {item}" for item in items), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _plain(value: t.Any) -> t.Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def render_json(report: DiffReport, lang: str = DEFAULT_LANGUAGE) -> str:
    document = {
        "version": JSON_FORMAT_VERSION,
        "tool": {"name": "vae", "version": __version__},
        "base": {"commit": report.base.commit, "described": render(report.base.described, lang)},
        "plans": [_plain(dataclasses.asdict(plan)) for plan in report.plans],
    }
    return escaped_in_json(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


RENDERERS: dict[str, t.Callable[[DiffReport, str], str]] = {
    "text": render_text,
    "md": render_markdown,
    "json": render_json,
}
