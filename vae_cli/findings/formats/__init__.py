"""How a CheckResult is shown: one function per format, chosen by name.

Every format may be printed on a terminal or in a CI log. The messages are inert already
(`Diagnostic.message_in`); the JSON and XML formats also write the other text they carry (file
names) with the characters a terminal would act on escaped, so their data stay exact
(`vae_cli.terminal`).
"""

from __future__ import annotations

import typing as t

from vae_cli.findings.diagnostics import CheckResult
from vae_cli.findings.formats import github, gitlab, json_format, junit, sarif, text
from vae_cli.terminal import escaped_in_json, escaped_in_xml


class Formatter(t.Protocol):
    """Writes the findings, and the words around them, in `lang`."""

    def __call__(self, result: CheckResult, *, lang: str, color: bool = False) -> str: ...


def _escaped(render: Formatter, escape: t.Callable[[str], str]) -> Formatter:
    def escaped(result: CheckResult, *, lang: str, color: bool = False) -> str:
        return escape(render(result, lang=lang, color=color))

    return escaped


FORMATS_BY_NAME: dict[str, Formatter] = {
    "text": text.render,
    "json": _escaped(json_format.render, escaped_in_json),
    "github": github.render,
    "gitlab": _escaped(gitlab.render, escaped_in_json),
    "sarif": _escaped(sarif.render, escaped_in_json),
    "junit": _escaped(junit.render, escaped_in_xml),
}
