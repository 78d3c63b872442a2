"""How a CheckResult is shown: one function per format, chosen by name."""

from __future__ import annotations

import typing as t

from vae_cli.findings.diagnostics import CheckResult
from vae_cli.findings.formats import github, gitlab, json_format, junit, sarif, text


class Formatter(t.Protocol):
    """Writes the findings, and the words around them, in `lang`."""

    def __call__(self, result: CheckResult, *, lang: str, color: bool = False) -> str: ...


FORMATS_BY_NAME: dict[str, Formatter] = {
    "text": text.render,
    "json": json_format.render,
    "github": github.render,
    "gitlab": gitlab.render,
    "sarif": sarif.render,
    "junit": junit.render,
}
