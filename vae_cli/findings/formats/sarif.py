"""Findings as SARIF 2.1.0, the format of GitHub code scanning and of many editors and viewers.

A file inside a git work tree is named from its top, relative to `%SRCROOT%`, which
`originalUriBaseIds` sets to that folder: code scanning finds the file in the repository
whatever folder `vae` ran in. `%SRCROOT%` is the work tree of the first file that is in one; a
file elsewhere (another work tree, or none) is then named by its absolute `file:` URI. When no
file is in a work tree, paths are as shown: relative to `%SRCROOT%` (left for the viewer to set)
when the file is inside the current folder, else absolute.
"""

from __future__ import annotations

import json
import typing as t
import urllib.parse
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

from vae_cli import __version__
from vae_cli.findings.diagnostics import CheckResult, FileResult, Severity
from vae_cli.findings.rule_catalog import HOMEPAGE, RuleInfo, catalog, fingerprints
from vae_cli.i18n.messages import msg
from vae_cli.i18n.messages import render as written

# Before a finding's hint, in the result's message.
_HINT = msg("Hint:")

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning"}
SRCROOT = "%SRCROOT%"


def artifact_uri(path: str) -> dict[str, str]:
    """A path as shown: relative stays relative (to %SRCROOT%), absolute is a `file:` URI."""
    pure: PurePath = PureWindowsPath(path) if "\\" in path else PurePosixPath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": urllib.parse.quote(pure.as_posix()), "uriBaseId": SRCROOT}


def _artifact(file: FileResult, root: Path | None) -> dict[str, str]:
    place = file.in_repository
    if place is None:
        # With a root, a path relative to the current folder would be read from the root.
        return artifact_uri(file.path) if root is None else {"uri": _absolute_uri(file)}
    if place.root == root:
        return {"uri": urllib.parse.quote(place.path), "uriBaseId": SRCROOT}
    return {"uri": (place.root / place.path).as_uri()}


def _absolute_uri(file: FileResult) -> str:
    return Path(file.path).absolute().as_uri()


def _folder_uri(folder: Path) -> str:
    return folder.as_uri().rstrip("/") + "/"  # SARIF: a base URI ends with a slash


def _descriptor(rule: RuleInfo, lang: str) -> dict[str, t.Any]:
    """A rule as code scanning shows it above an alert (`shortDescription`, then
    `fullDescription`) and in its "Show more" panel (`help`: the Markdown where there is some):
    its documentation, in `lang`. The paragraphs are Markdown (`code` in backticks), which
    reads as well as plain text."""
    documentation = rule.documentation_in(lang)
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": documentation[0]},
        "fullDescription": {"text": " ".join(documentation)},
        "help": {"text": "\n\n".join(documentation), "markdown": "\n\n".join(documentation)},
        "helpUri": rule.help_uri_in(lang),
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
    }


def render(result: CheckResult, *, lang: str, color: bool = False) -> str:
    """The findings as SARIF; messages and each rule's documentation are in `lang`."""
    rules = list(catalog().rules.values())
    index = {rule.id: i for i, rule in enumerate(rules)}
    root = next((f.in_repository.root for f in result.files if f.in_repository), None)
    located = [(file, d) for file in result.files for d in file.forge_diagnostics()]
    for _, d in located:  # a rule id we do not know (a bug) still gets a descriptor
        if d.rule not in index:
            index[d.rule] = len(rules)
            rules.append(catalog().get(d.rule))
    results: list[dict[str, t.Any]] = []
    prints = fingerprints(d for _, d in located)
    for (file, d), fingerprint in zip(located, prints, strict=True):
        pos, hint = d.position, d.hint_in(lang)
        results.append(
            {
                "ruleId": d.rule,
                "ruleIndex": index[d.rule],
                "level": LEVEL[d.severity],
                "message": {
                    "text": d.message_in(lang)
                    + (f"\n{written(_HINT, lang)} {hint}" if hint else "")
                },
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": _artifact(file, root),
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
    run: dict[str, t.Any] = {
        "tool": {
            "driver": {
                "name": "vae",
                "version": __version__,
                "informationUri": HOMEPAGE,
                "rules": [_descriptor(rule, lang) for rule in rules],
            }
        },
    }
    if root is not None:
        run["originalUriBaseIds"] = {SRCROOT: {"uri": _folder_uri(root)}}
    # Our columns count characters, not UTF-16 units.
    run["columnKind"] = "unicodeCodePoints"
    run["results"] = results
    document = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
