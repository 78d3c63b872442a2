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


# How each format escapes what a terminal would act on; the others print text already inert.
_ESCAPES: dict[str, t.Callable[[str], str]] = {
    "json": escaped_in_json,
    "gitlab": escaped_in_json,
    "sarif": escaped_in_json,
    "junit": escaped_in_xml,
}


def inert_output(format_name: str, text: str) -> str:
    """`text`, written in `format_name`, with what a terminal would act on escaped (again, if
    it was re-encoded since: escaping twice changes nothing)."""
    escape = _ESCAPES.get(format_name)
    return escape(text) if escape else text


def _escaped(render: Formatter, format_name: str) -> Formatter:
    def escaped(result: CheckResult, *, lang: str, color: bool = False) -> str:
        return inert_output(format_name, render(result, lang=lang, color=color))

    return escaped


FORMATS_BY_NAME: dict[str, Formatter] = {
    "text": text.render,
    "json": _escaped(json_format.render, "json"),
    "github": github.render,
    "gitlab": _escaped(gitlab.render, "gitlab"),
    "sarif": _escaped(sarif.render, "sarif"),
    "junit": _escaped(junit.render, "junit"),
}
