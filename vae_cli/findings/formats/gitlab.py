"""Findings as a GitLab Code Quality report (`artifacts:reports:codequality`), shown in merge
requests. GitLab reads a JSON array of Code Climate issues, a subset of which is written here,
each file named from the top of its repository, as GitLab names it.

The array has no room for a note saying who wrote it, so vae tells its own reports (to replace
them, see `report_marks`) by their exact text: each issue names vae as its `engine_name` (as
the Code Climate tool's issues name their engine; GitLab ignores it), in the layout `render`
writes, where even an empty array has its brackets on lines of their own (a `[]` written by
anyone else is not vae's).
"""

from __future__ import annotations

import json
import typing as t

from vae_cli.findings.diagnostics import CheckResult, Diagnostic, Severity
from vae_cli.findings.formats.text import hint_label
from vae_cli.findings.rule_catalog import fingerprints

ENGINE = "vae"
# GitLab's scale is info, minor, major, critical, blocker. An invalid plan is not a security
# "blocker"; errors rank above warnings, which is what a reviewer needs.
SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor"}
_KEYS = ("type", "engine_name", "description", "check_name", "fingerprint", "severity", "location")


def _description(d: Diagnostic, lang: str) -> str:
    hint = d.hint_in(lang)
    return d.message_in(lang) + (f" ({hint_label(lang)} {hint})" if hint else "")


def render(result: CheckResult, *, lang: str, color: bool = False) -> str:
    diagnostics = [d for file in result.files for d in file.forge_diagnostics()]
    issues = [
        {
            "type": "issue",
            "engine_name": ENGINE,
            "description": _description(d, lang),
            "check_name": d.rule,
            "fingerprint": fingerprint,
            "severity": SEVERITY[d.severity],
            "location": {
                "path": d.path,
                "lines": {"begin": d.position.line, "end": d.position.end_line},
            },
        }
        for d, fingerprint in zip(diagnostics, fingerprints(diagnostics), strict=True)
    ]
    return _dump(issues)


def _dump(issues: list[t.Any]) -> str:
    if not issues:
        return "[\n]\n"
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def is_own(text: str) -> bool:
    """Whether `text` is exactly a report `render` writes (for some findings)."""
    try:
        issues = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: a hostile file of brackets
        return False
    return (
        isinstance(issues, list)
        and all(
            isinstance(issue, dict)
            and tuple(issue) == _KEYS
            and issue["engine_name"] == ENGINE
            and issue["severity"] in SEVERITY.values()
            for issue in issues
        )
        and _dump(issues) == text
    )
