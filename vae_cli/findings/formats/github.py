"""Findings as GitHub Actions workflow commands, which GitHub shows as annotations on the diff.

GitHub shows at most 10 error and 10 warning annotations per step, so `summary()` also writes
every finding as Markdown for the job summary ($GITHUB_STEP_SUMMARY). Files are named from the
top of their repository, as GitHub names them, whatever folder `vae` runs in.
"""

from __future__ import annotations

from vae_cli import markdown
from vae_cli.findings.diagnostics import CheckResult, Diagnostic, Severity
from vae_cli.findings.formats.text import hint_label, severity_word, summary_line
from vae_cli.i18n.messages import msg
from vae_cli.i18n.messages import render as written
from vae_cli.terminal import inert


def _escape_data(text: str) -> str:
    # What the runner unescapes in a command's message (actions/toolkit, command.ts).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    # Properties are `key=value` separated by `,` and ended by `::`. A file's name may hold
    # anything: it is made inert first, as the plan text in the message is (`message_in`).
    return _escape_data(inert(text)).replace(":", "%3A").replace(",", "%2C")


def command(diagnostic: Diagnostic, *, lang: str) -> str:
    pos = diagnostic.position
    properties = {
        "file": diagnostic.path.replace("\\", "/"),
        "line": str(pos.line),
        "col": str(pos.column),
        "endLine": str(pos.end_line),
        "endColumn": str(pos.end_column),
        "title": f"vae ({diagnostic.rule})",
    }
    props = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
    # The log shows only the message, so it starts with the location (as ruff's format does).
    message = f"{inert(diagnostic.path)}:{pos.line}:{pos.column}: {diagnostic.message_in(lang)}"
    hint = diagnostic.hint_in(lang)
    if hint:
        message += f"\n{hint_label(lang)} {hint}"
    kind = "error" if diagnostic.severity is Severity.ERROR else "warning"
    return f"::{kind} {props}::{_escape_data(message)}"


def render(result: CheckResult, *, lang: str, color: bool = False) -> str:
    lines = [command(d, lang=lang) for file in result.files for d in file.forge_diagnostics()]
    lines.append(summary_line(result, lang=lang))
    return "\n".join(lines) + "\n"


# The job summary table's headers.
_HEADERS = (msg("Where"), msg("Severity"), msg("Rule"), msg("Finding"))


def summary(result: CheckResult, *, lang: str) -> str:
    """Every finding as a Markdown table, for the job summary page."""
    out = ["## vae validate", "", markdown.escape(summary_line(result, lang=lang)), ""]
    diagnostics = [d for file in result.files for d in file.forge_diagnostics()]
    if diagnostics:
        headers = " | ".join(markdown.escape(written(h, lang)) for h in _HEADERS)
        out += [f"| {headers} |", "| --- | --- | --- | --- |"]
        for d in diagnostics:
            where = markdown.code(f"{d.path}:{d.position.line}:{d.position.column}", in_table=True)
            finding = markdown.escape(d.message_in(lang))
            hint = d.hint_in(lang)
            if hint:
                finding += f"<br>*{markdown.escape(hint_label(lang))}* {markdown.escape(hint)}"
            rule = markdown.code(d.rule, in_table=True)
            severity = markdown.escape(severity_word(d.severity, lang))
            out.append(f"| {where} | {severity} | {rule} | {finding} |")
        out.append("")
    return "\n".join(out) + "\n"
