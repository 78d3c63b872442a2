"""Findings as SARIF 2.1.0, the format of GitHub code scanning and of many editors and viewers."""

from __future__ import annotations

import json
import typing as t
import urllib.parse
from pathlib import PurePath, PurePosixPath, PureWindowsPath

from vae_cli import __version__
from vae_cli.findings.diagnostics import CheckResult, Severity
from vae_cli.findings.rule_catalog import catalog, fingerprints

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def artifact_uri(path: str) -> dict[str, str]:
    """A relative path stays relative to the checkout (%SRCROOT%), as code scanning expects."""
    pure: PurePath = PureWindowsPath(path) if "\\" in path else PurePosixPath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": urllib.parse.quote(pure.as_posix()), "uriBaseId": "%SRCROOT%"}


def render(result: CheckResult, *, lang: str, color: bool = False) -> str:
    rules = list(catalog().rules.values())
    index = {rule.id: i for i, rule in enumerate(rules)}
    diagnostics = [d for file in result.files for d in file.sorted()]
    for d in diagnostics:  # a rule id we do not know (a bug) still gets a descriptor
        if d.rule not in index:
            index[d.rule] = len(rules)
            rules.append(catalog().get(d.rule))
    results: list[dict[str, t.Any]] = []
    for d, fingerprint in zip(diagnostics, fingerprints(diagnostics), strict=True):
        pos, hint = d.position, d.hint_in(lang)
        results.append(
            {
                "ruleId": d.rule,
                "ruleIndex": index[d.rule],
                "level": LEVEL[d.severity],
                "message": {"text": d.message_in(lang) + (f"\nHint: {hint}" if hint else "")},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": artifact_uri(d.path),
                            "region": {
                                "startLine": pos.line,
                                "startColumn": pos.column,
                                "endLine": pos.end_line,
                                # SARIF's end column is the one after the region, as ours is.
                                "endColumn": max(pos.end_column, 1),
                            },
                        }
                    }
                ],
                "partialFingerprints": {"vaeFinding/v2": fingerprint},
            }
        )
    document = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "vae",
                        "version": __version__,
                        "rules": [
                            {
                                "id": rule.id,
                                "shortDescription": {"text": rule.summary},
                                "fullDescription": {"text": " ".join(rule.details.split())},
                                "help": {"text": rule.details, "markdown": rule.details},
                                "defaultConfiguration": {"level": LEVEL[rule.severity]},
                            }
                            for rule in rules
                        ],
                    }
                },
                # Our columns count characters, not UTF-16 units.
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
