"""Findings as a GitLab Code Quality report (`artifacts:reports:codequality`), shown in merge
requests. GitLab reads a JSON array of Code Climate issues, a subset of which is written here,
each file named from the top of its repository, as GitLab names it."""

from __future__ import annotations

import json

from vae_cli.findings.diagnostics import CheckResult, Diagnostic, Severity
from vae_cli.findings.rule_catalog import fingerprints

# GitLab's scale is info, minor, major, critical, blocker. An invalid plan is not a security
# "blocker"; errors rank above warnings, which is what a reviewer needs.
SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor"}


def _description(d: Diagnostic, lang: str) -> str:
    hint = d.hint_in(lang)
    return d.message_in(lang) + (f" (hint: {hint})" if hint else "")


def render(result: CheckResult, *, lang: str, color: bool = False) -> str:
    diagnostics = [d for file in result.files for d in file.forge_diagnostics()]
    issues = [
        {
            "type": "issue",
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
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
