"""A usage error of Typer's parser (an unknown option, a missing one, a value of the wrong type),
written in the run's language, laid out as Click lays it out.

The sentence is built from the exception's data where it has them (the parameter, the option,
Pydantic's error type and input); the few that are only English sentences (`ctx.fail(...)` in
Typer's code) are recognised by patterns written from Typer's source. Anything else is shown as
Typer wrote it: `tests/test_cli_french.py` runs each kind vae's options can produce.
"""

from __future__ import annotations

import ast
import re
import sys

import typer
from typer._click import exceptions as click_errors

from vae_cli.cli.options import err
from vae_cli.i18n.messages import Message, Text, msg, render, verbatim
from vae_cli.terminal import inert_lines

ERROR = msg("Error: {message}")
TRY_HELP = msg("Try '{command} {option}' for help.")
ABORTED = msg("Aborted!")

_MISSING = {
    "option": msg("Missing option {name}."),
    "argument": msg("Missing argument {name}."),
}
_MISSING_PARAMETER = msg("Missing parameter {name}.")
_CHOOSE_FROM = msg("Choose from: {choices}.")
_INVALID_FOR = msg("Invalid value for {name}: {reason}")
_INVALID = msg("Invalid value: {reason}")
_NO_SUCH_OPTION = msg("No such option: {name}")
_POSSIBLE_OPTIONS = msg("(Possible options: {options})")
_COULD_NOT_OPEN = msg("Could not open file {name}: {reason}")

# Pydantic's error types for the values of vae's options (`int`, `float`, `str` with bounds).
_PYDANTIC = {
    "int_parsing": msg('"{value}" is not a whole number'),
    "int_from_float": msg('"{value}" is not a whole number'),
    "float_parsing": msg('"{value}" is not a number'),
    "greater_than_equal": msg("{value} is too small: the smallest allowed is {ge}"),
    "less_than_equal": msg("{value} is too large: the largest allowed is {le}"),
}

_VALUE = r"(?P<value>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"
# English sentences of Typer's code (typer/_param_types.py, typer/_click/parser.py, core.py).
_PATTERNS: list[tuple[re.Pattern[str], Message]] = [
    (
        re.compile(rf"(?:Value error, )?{_VALUE} is not one of (?P<choices>.*)\.$"),
        msg('"{value}" is not one of {choices}'),
    ),
    (
        re.compile(rf"(?P<label>file|directory|path) {_VALUE} does not exist\.$", re.I),
        msg('"{value}" does not exist'),
    ),
    (
        re.compile(rf"(?P<label>file|directory|path) {_VALUE} is a directory\.$", re.I),
        msg('"{value}" is a folder, not a file'),
    ),
    (
        re.compile(rf"(?P<label>file|directory|path) {_VALUE} is a file\.$", re.I),
        msg('"{value}" is a file, not a folder'),
    ),
    (
        re.compile(rf"(?P<label>file|directory|path) {_VALUE} is not readable\.$", re.I),
        msg('"{value}" cannot be read'),
    ),
    (
        re.compile(r"Option (?P<value>'.*') requires an argument\.$"),
        msg('Option "{value}" needs a value.'),
    ),
    (
        re.compile(r"Option (?P<value>'.*') requires (?P<count>\d+) arguments\.$"),
        msg('Option "{value}" needs {count} values.'),
    ),
    (
        re.compile(r"Option (?P<value>'.*') does not take a value\.$"),
        msg('Option "{value}" takes no value.'),
    ),
    (
        re.compile(r"Got unexpected extra argument\(s\) \((?P<args>.*)\)$"),
        msg("Got unexpected extra argument(s) ({args})"),
    ),
    (
        re.compile(r"(?P<message>.*)\. Did you mean (?P<matches>.*)\?$", re.S),
        msg("{message} Did you mean {matches}?"),
    ),
]


def _unquoted(text: str) -> str:
    """A value Typer quoted with `repr`, as it was typed."""
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text
    return value if isinstance(value, str) else text


def _choices(text: str) -> str:
    return ", ".join(_unquoted(part.strip()) for part in text.split(","))


def _sentence(text: str) -> Text:
    """One of Typer's English sentences, as a message when vae knows it."""
    for pattern, template in _PATTERNS:
        found = pattern.match(text)
        if found:
            values = found.groupdict()
            values.pop("label", None)
            if "value" in values:
                values["value"] = _unquoted(values["value"])
            if "choices" in values:
                values["choices"] = _choices(values["choices"])
            if "message" in values:
                values["message"] = _sentence(values["message"] + ".")
                return template.fill(**values)
            return template.fill(**values)
    return verbatim(text)


def _reason(error: click_errors.BadParameter) -> Text:
    cause = error.__cause__
    errors = getattr(cause, "errors", None)
    if callable(errors):
        found = errors()
        if found:
            first = found[0]
            template = _PYDANTIC.get(first.get("type", ""))
            if template is not None:
                return template.fill(value=first.get("input"), **first.get("ctx", {}))
            if first.get("type") == "value_error":
                return _sentence(str(first.get("ctx", {}).get("error", first.get("msg", ""))))
    return _sentence(error.message)


def explain(error: click_errors.ClickException) -> Text:
    """What went wrong, in one sentence (without Click's "Error: ")."""
    if isinstance(error, click_errors.MissingParameter):
        param = error.param
        name = error.param_hint or (param.get_error_hint() if param is not None else None)
        kind = error.param_type or (param.param_type_name if param is not None else "")
        missing = _MISSING.get(kind, _MISSING_PARAMETER).fill(name=name or "")
        extra = param.get_missing_message(ctx=error.ctx) if param is not None else ""
        if extra and extra.startswith("Choose from:"):
            choices = ", ".join(c.strip() for c in extra.partition(":")[2].split(","))
            return msg(
                "{missing} {choose}", missing=missing, choose=_CHOOSE_FROM.fill(choices=choices)
            )
        return missing
    if isinstance(error, click_errors.BadParameter):
        name = error.param_hint or (error.param.get_error_hint() if error.param else None)
        if name is None:
            return _INVALID.fill(reason=_reason(error))
        if not isinstance(name, str):
            name = " / ".join(repr(x) for x in name)
        return _INVALID_FOR.fill(name=name, reason=_reason(error))
    if isinstance(error, click_errors.NoSuchOption) and error.message.startswith("No such option"):
        sentence = _NO_SUCH_OPTION.fill(name=error.option_name)
        if error.possibilities:
            options = _POSSIBLE_OPTIONS.fill(options=", ".join(sorted(error.possibilities)))
            return msg("{sentence} {options}", sentence=sentence, options=options)
        return sentence
    if isinstance(error, click_errors.FileError):
        return _COULD_NOT_OPEN.fill(name=repr(error.ui_filename), reason=_sentence(error.message))
    return _sentence(error.message)


def show(error: click_errors.ClickException | typer.Abort, lang: str) -> int:
    """Write `error` on stderr as Click would, in `lang`; the exit code to exit with."""
    if isinstance(error, typer.Abort):
        err(render(ABORTED, lang))
        return 1
    if isinstance(error, click_errors.NoArgsIsHelpError):
        sys.stderr.write(error.format_message() + "\n")  # the help, already in `lang`
        return error.exit_code
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        sys.stderr.write(inert_lines(ctx.get_usage()) + "\n")
        if ctx.command.get_help_option(ctx) is not None:
            option = ctx.help_option_names[0]
            err(render(TRY_HELP.fill(command=ctx.command_path, option=option), lang))
        err("")
    err(render(ERROR.fill(message=explain(error)), lang))
    return error.exit_code
