"""Findings for a person at a terminal: location, message, the line itself, a caret, a hint."""

from __future__ import annotations

from vae_cli.findings.diagnostics import CheckResult, Diagnostic, FileResult, Severity
from vae_cli.i18n.messages import Message, counted, msg
from vae_cli.i18n.messages import render as written
from vae_cli.terminal import inert

_RED, _YELLOW, _BOLD, _DIM, _GREEN, _RESET = (
    "\x1b[31m",
    "\x1b[33m",
    "\x1b[1m",
    "\x1b[2m",
    "\x1b[32m",
    "\x1b[0m",
)


# The words around the findings, in the same language as the findings.
_SEVERITY = {Severity.ERROR: msg("error"), Severity.WARNING: msg("warning")}
_HINT = msg("hint:")
_COUNTS = {
    "file": (msg("{count} file"), msg("{count} files")),
    "error": (msg("{count} error"), msg("{count} errors")),
    "warning": (msg("{count} warning"), msg("{count} warnings")),
}


def hint_label(lang: str) -> str:
    """ "hint:" in `lang`, as every format introduces a hint."""
    return written(_HINT, lang)


def severity_word(severity: Severity, lang: str) -> str:
    """ "error" or "warning" in `lang`."""
    return written(_SEVERITY[severity], lang)


def _plural(count: int, word: str, lang: str) -> str:
    return written(counted(count, *_COUNTS[word]), lang)


def _counts(errors: int, warnings: int, lang: str) -> str:
    return f"{_plural(errors, 'error', lang)}, {_plural(warnings, 'warning', lang)}"


EXCERPT_WIDTH = 100


def _excerpt(line: str, column: int) -> tuple[str, int]:
    """At most EXCERPT_WIDTH characters of `line` around `column`, and the column within them.

    A minified or hostile file can have one line of megabytes: quote the part that matters.
    """
    if len(line) <= EXCERPT_WIDTH:
        return line, column
    start = max(0, min(column - 1 - EXCERPT_WIDTH // 2, len(line) - EXCERPT_WIDTH))
    shown = line[start : start + EXCERPT_WIDTH]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + EXCERPT_WIDTH < len(line) else ""
    return prefix + shown + suffix, column - start + len(prefix)


def render_diagnostic(
    diagnostic: Diagnostic, file: FileResult, *, lang: str, color: bool = False
) -> str:
    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    pos = diagnostic.position
    severity = paint(
        _RED if diagnostic.severity is Severity.ERROR else _YELLOW,
        written(_SEVERITY[diagnostic.severity], lang),
    )
    out = [
        f"{paint(_BOLD, inert(f'{diagnostic.path}:{pos.line}:{pos.column}'))}: {severity} "
        f"[{diagnostic.rule}] {diagnostic.message_in(lang)}"
    ]
    source = file.source_line(pos.line)
    if source is not None:
        shown, column = _excerpt(inert(source.replace("\t", " ")), pos.column)
        width = len(str(pos.line))
        length = pos.end_column - pos.column if pos.end_line == pos.line else len(shown)
        length = max(1, min(length, len(shown) - column + 1))
        out.append(f"  {pos.line} | {shown}")
        out.append(f"  {' ' * width} | {' ' * (column - 1)}{paint(_RED, '^' * length)}")
    hint = diagnostic.hint_in(lang)
    if hint:
        out.append(f"  {paint(_DIM, written(_HINT, lang))} {inert(hint)}")
    return "\n".join(out)


def render(result: CheckResult, *, lang: str, color: bool = False, quiet: bool = False) -> str:
    """Every finding, each file's count (`ok` for a file without any) and the summary line;
    with `quiet`, only the findings."""
    blocks: list[str] = []
    for file in result.files:
        diagnostics = file.sorted()
        for diagnostic in diagnostics:
            blocks.append(render_diagnostic(diagnostic, file, lang=lang, color=color))
        path = inert(file.path)
        if quiet:
            continue
        if diagnostics:
            blocks.append(f"{path}: {_counts(file.errors, file.warnings, lang)}\n")
        else:
            blocks.append(f"{path}: {'ok' if not color else _GREEN + 'ok' + _RESET}")
    if quiet:
        return "".join(block + "\n" for block in blocks)
    blocks.append(summary_line(result, lang=lang))
    return "\n".join(blocks) + "\n"


_SUMMARIES = (
    msg("Checked {files}: {counts}."),
    msg("Checked {files}: no error, {warnings}."),
    msg("Checked {files}: no error, no warning."),
)


def summary_line(result: CheckResult, *, lang: str) -> str:
    files = _plural(len(result.files), "file", lang)
    errors, warnings, clean = _SUMMARIES
    line: Message
    if result.errors:
        line = errors.fill(files=files, counts=_counts(result.errors, result.warnings, lang))
    elif result.warnings:
        line = warnings.fill(files=files, warnings=_plural(result.warnings, "warning", lang))
    else:
        line = clean.fill(files=files)
    return written(line, lang)
