"""What a city chose to hear: inline `# vae: ignore[rule]` comments and `.vae.yaml`, applied to
the findings of one plan.

- `# vae: ignore[rule-id]` (several ids separated by commas) silences that rule's findings on
  its own line, or, alone on a line, on the line below. Only warnings can be silenced: an error
  is something the reports rely on. A suppression that silences nothing (a rule that found
  nothing there, a rule that does not exist, an error) is itself reported as an `unused-ignore`
  warning, so that suppressions cannot outlive what they were for.
- `.vae.yaml` (`vae_cli.config`) turns warning rules off, or makes them errors, per rule and per
  file pattern.

Only `vae validate` applies them: the reports' points to watch still show every warning, since
a council reads the whole picture.
"""

from __future__ import annotations

import dataclasses
import re
import typing as t
from pathlib import Path

from vae_cli.config import UNUSED_IGNORE, Config
from vae_cli.findings.diagnostics import Diagnostic, Position, Severity
from vae_cli.i18n.messages import Message, msg

if t.TYPE_CHECKING:
    from vae_cli.reading.yaml_document import Document, Node

_IGNORE = re.compile(r"vae:\s*ignore\[([^\]]*)\]")


@dataclasses.dataclass
class Ignore:
    """One `# vae: ignore[...]` comment: where it is, which line it speaks for, which rules."""

    position: Position
    target_line: int
    rules: tuple[str, ...]
    used: set[str] = dataclasses.field(default_factory=set)


def find_ignores(lines: t.Sequence[str], document: Document | None) -> list[Ignore]:
    """The suppressions in the comments of a plan's lines (not in its text values)."""
    if not any("vae:" in line for line in lines):
        return []  # the common case, at the cost of one scan
    inside = _lines_inside_values(document.root) if document is not None else set()
    found: list[Ignore] = []
    for number, line in enumerate(lines, start=1):
        if number in inside or "vae:" not in line:
            continue
        start = comment_start(line)
        if start is None:
            continue
        match = _IGNORE.search(line, start)
        if match is None:
            continue
        rules = tuple(part.strip() for part in match.group(1).split(",") if part.strip())
        alone = not line[:start].strip()
        found.append(
            Ignore(
                position=Position(
                    line=number,
                    column=match.start() + 1,
                    end_line=number,
                    end_column=match.end() + 1,
                ),
                target_line=number + 1 if alone else number,
                rules=rules,
            )
        )
    return found


def comment_start(line: str) -> int | None:
    """Where the YAML comment of `line` starts (its `#`), or None: a `#` at the start or after
    white space, outside quotes. A quote opens only where a value can start, so the apostrophe
    of « l'école » opens nothing."""
    quote: str | None = None
    i = 0
    while i < len(line):
        char = line[i]
        if quote == "'":
            if char == "'":
                if line[i + 1 : i + 2] == "'":
                    i += 2
                    continue
                quote = None
        elif quote == '"':
            if char == "\\":
                i += 2
                continue
            if char == '"':
                quote = None
        elif char in "'\"" and (i == 0 or line[i - 1] in " \t[{,:-?"):
            quote = char
        elif char == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
        i += 1
    return None


def _lines_inside_values(root: Node) -> set[int]:
    """1-based lines that belong to a value spanning several lines (a `|` note, a long quoted
    text): a `#` there is text, not a comment."""
    inside: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        children = node.children
        if isinstance(children, dict):
            stack.extend(children.values())
        elif isinstance(children, list):
            stack.extend(children)
        else:
            start, end = node.event.start_mark, node.event.end_mark
            last = end.line if end.column == 0 else end.line + 1  # a block ends at column 0
            inside.update(range(start.line + 2, last + 1))
    return inside


def apply(
    diagnostics: list[Diagnostic],
    *,
    plan: Path,
    shown: str,
    ignores: list[Ignore],
    config: Config,
) -> list[Diagnostic]:
    """The findings once the plan's suppressions and its configuration are applied, with an
    `unused-ignore` warning for each suppression that silenced nothing."""
    from vae_cli.rules import RULES, load_all

    load_all()
    by_line: dict[int, list[Ignore]] = {}
    for ignore in ignores:
        by_line.setdefault(ignore.target_line, []).append(ignore)
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        rule = RULES.get(diagnostic.rule)
        if rule is not None and rule.severity is Severity.WARNING:
            silencing = [
                i for i in by_line.get(diagnostic.position.line, []) if diagnostic.rule in i.rules
            ]
            for ignore in silencing:
                ignore.used.add(diagnostic.rule)
            if silencing:
                continue
        kept.append(diagnostic)
    for ignore in ignores:
        for rule_id in ignore.rules:
            if rule_id not in ignore.used:
                kept.append(_unused(ignore, rule_id, shown))
    return _levels(kept, plan, config)


def _unused(ignore: Ignore, rule_id: str, shown: str) -> Diagnostic:
    from vae_cli.reading.shape_findings import did_you_mean
    from vae_cli.rules import FILE_FINDINGS, RULES

    rule = RULES.get(rule_id)
    hint: Message
    if rule is None:
        near = did_you_mean(rule_id, RULES)
        message = msg("there is no rule `{rule}` to ignore", rule=rule_id)
        hint = (
            msg("did you mean `{rule}`?", rule=near)
            if near
            else msg("the rules are listed in docs/rules.md")
        )
        if rule_id in FILE_FINDINGS:
            message = msg("`{rule}` checks the file's shape and cannot be ignored", rule=rule_id)
            hint = msg("fix what it reports instead")
    elif rule.severity is Severity.ERROR:
        message = msg("`{rule}` finds errors, which cannot be ignored", rule=rule_id)
        hint = msg("fix the plan instead; only warnings can be silenced")
    else:
        message = msg(
            "`# vae: ignore[{rule}]` silences nothing: `{rule}` finds nothing on line {line}",
            rule=rule_id,
            line=ignore.target_line,
        )
        hint = msg("remove the suppression, or move it to the line of the finding")
    return Diagnostic(
        path=shown,
        position=ignore.position,
        severity=Severity.WARNING,
        rule=UNUSED_IGNORE,
        message=message,
        hint=hint,
    )


def _levels(diagnostics: list[Diagnostic], plan: Path, config: Config) -> list[Diagnostic]:
    if config.path is None:
        return diagnostics
    out: list[Diagnostic] = []
    for diagnostic in diagnostics:
        level = config.level_for(diagnostic.rule, plan)
        if level == "off":
            continue
        if level is not None and level != diagnostic.severity.value:
            diagnostic = dataclasses.replace(diagnostic, severity=Severity(level))
        out.append(diagnostic)
    return out
