"""Findings as JSON for scripts; the structure is versioned and documented in the README."""

from __future__ import annotations

import json

from vae_cli import __version__
from vae_cli.findings.diagnostics import CheckResult

JSON_FORMAT_VERSION = 1


def render(result: CheckResult, *, lang: str, color: bool = False) -> str:
    document = {
        "version": JSON_FORMAT_VERSION,
        "tool": {"name": "vae", "version": __version__},
        "summary": {
            "files": len(result.files),
            "errors": result.errors,
            "warnings": result.warnings,
        },
        "files": [
            {"path": f.path, "errors": f.errors, "warnings": f.warnings} for f in result.files
        ],
        "diagnostics": [
            {
                "path": d.path,
                "line": d.position.line,
                "column": d.position.column,
                "end_line": d.position.end_line,
                "end_column": d.position.end_column,
                "severity": d.severity.value,
                "rule": d.rule,
                "message": d.message_in(lang),
                "hint": d.hint_in(lang),
            }
            for f in result.files
            for d in f.sorted()
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
