"""How a CheckResult is shown: one function per format, chosen by name."""

from __future__ import annotations

import typing as t

from vae_cli.findings.diagnostics import CheckResult
from vae_cli.findings.formats import github, gitlab, json_format, junit, sarif, text

Formatter = t.Callable[[CheckResult, bool], str]

FORMATS_BY_NAME: dict[str, Formatter] = {
    "text": text.render,
    "json": json_format.render,
    "github": github.render,
    "gitlab": gitlab.render,
    "sarif": sarif.render,
    "junit": junit.render,
}
