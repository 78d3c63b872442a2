"""The command line in the user's language: vae's help texts, and Typer's and Click's words.

How Typer does it, and why vae does it this way: Typer (0.29) vendors Click as `typer._click`
with Click's gettext calls removed, so Click's words ("Usage:", "[OPTIONS]", "Show this message
and exit.") are plain English strings, and its usage errors are English f-strings ("Invalid
value for '--format': ..."); only Typer's own few words ("Options", "Commands", "default:
{default}", "Missing command."...) still go through `gettext.gettext`, which reads compiled
`.mo` files of a gettext domain, found from the locale variables alone. So vae translates the
command line itself, from its own catalog (`fr.po`), when a run starts (`VaeGroup.main`):

- the run's language is `--lang` read ahead from the arguments (a usage error can come before
  Click reaches `--lang`), else the rule of `vae_cli.i18n.language.language`;
- `localize` rewrites the help texts, metavars and usage pieces of the command tree that Typer
  built for this run, before Click parses or prints anything, and points the formatter's
  "Usage: " at the catalog;
- Typer's gettext-marked words are looked up in vae's catalog: Typer binds
  `from gettext import gettext as _` in `typer.core`, and `localize` binds that name to vae's
  translation (the one hook Typer leaves; `tests/test_cli_french.py` fails if it stops working);
- a usage error is written by `usage_errors.explain` from the exception's data (the parameter,
  the option, Pydantic's error type and input), not by parsing the English sentence, where the
  data are there.

`texts` lists what `localize` translates: `python -m tools.catalogs` puts them in the catalogs,
and a test fails while one has no French.
"""

from __future__ import annotations

import re
import sys
import typing as t
from collections.abc import Iterator, Sequence

import typer.core
from typer import _click
from typer._click import exceptions as click_errors

from vae_cli.cli.light_flags import LightFlagsGroup
from vae_cli.i18n.catalogs import Gettext, english, gettext_for
from vae_cli.i18n.language import LANGUAGES, language
from vae_cli.i18n.messages import msg

# Click's own words in the help, which it writes as plain strings.
USAGE = msg("Usage: ")
HEADING = msg("{heading}:")
OPTIONS_METAVAR = msg("[OPTIONS]")
SUBCOMMAND_METAVAR = msg("COMMAND [ARGS]...")
# Typer's words marked with gettext in typer/core.py, as msgids: listed so that the catalogs
# carry them (`_` of typer.core looks them up).
TYPER_WORDS = (
    msg("Arguments"),
    msg("Options"),
    msg("Commands"),
    msg("default: {default}"),
    msg("required"),
    msg("env var: {var}"),
    msg("(dynamic)"),
    msg("Missing command."),
    msg("No such command {name!r}."),
    msg("Aborted!"),
)


# The types Typer shows after an option in the help (`--spent <float>`), as msgids.
TYPE_NAMES = {
    name.template: name
    for name in (
        msg("<str>"),
        msg("<int>"),
        msg("<int range>"),
        msg("<float>"),
        msg("<path>"),
        msg("<file>"),
        msg("<dir>"),
        msg("<list[Path]>"),
    )
}

# What English shows for the types whose Typer name is Python's (`PLAN <list[Path]>`).
ENGLISH_TYPE_NAMES = {"<list[Path]>": "<paths>"}

# Typer's notation of a range (`[1900<=x<=2100]`), in words in a language other than English.
RANGE = msg("from {min} to {max}")
AT_LEAST = msg("at least {min}")
AT_MOST = msg("at most {max}")
# Between the notes Typer puts in brackets after an option's help (`[default: x; required]`).
NOTES_SEPARATOR = msg("; ")
# Those notes: the bracketed end of a help text.
_NOTES = re.compile(r"\[[^\[\]]*\]$")


class _Run:
    """The words of the run under way: one command line runs at a time in a process."""

    gettext: Gettext = english


class _Formatter(_click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, _Run.gettext(USAGE.template) if prefix is None else prefix)

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        # Typer joins its notes with "; ", which French writes with a no-break space before.
        separator = _Run.gettext(NOTES_SEPARATOR.template)

        def notes(match: re.Match[str]) -> str:
            return match.group().replace(NOTES_SEPARATOR.template, separator)

        written = [(term, _NOTES.sub(notes, text)) for term, text in rows]
        super().write_dl(written, col_max, col_spacing)

    def write_heading(self, heading: str) -> None:
        # Click writes "Options:"; French puts a no-break space before the colon.
        line = _Run.gettext(HEADING.template).format(heading=heading)
        self.write(f"{'':>{self.current_indent}}{line}\n")


class _Context(_click.Context):
    formatter_class = _Formatter


def asked_language(args: Sequence[str]) -> str | None:
    """The language the last `--lang` of `args` names (before a `--`), if vae knows it."""
    asked = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        else:
            continue
        if value in LANGUAGES:
            asked = value
    return asked


def _commands(command: _click.Command) -> Iterator[_click.Command]:
    yield command
    subcommands = getattr(command, "commands", None)
    if isinstance(subcommands, dict):
        for subcommand in subcommands.values():
            yield from _commands(subcommand)


_COMMAND_TEXTS = ("help", "short_help", "epilog")
_PARAM_TEXTS = ("help", "metavar")


def _translatable(root: _click.Command) -> Iterator[tuple[object, str]]:
    """(object, attribute) of every text of the command tree that a user reads."""
    for command in _commands(root):
        for attribute in _COMMAND_TEXTS:
            yield command, attribute
        if _english(command, "options_metavar") == OPTIONS_METAVAR.template:
            yield command, "options_metavar"
        groups = hasattr(command, "subcommand_metavar")
        if groups and _english(command, "subcommand_metavar") == SUBCOMMAND_METAVAR.template:
            yield command, "subcommand_metavar"
        # Click makes the --help option when it first needs it, and keeps it: make it now.
        help_option = command.get_help_option(_click.Context(command))
        for param in [*command.params, *([help_option] if help_option else [])]:
            for attribute in _PARAM_TEXTS:
                yield param, attribute


def _english(holder: object, attribute: str) -> object:
    """The text as vae's code wrote it, before any run translated it: Typer keeps the command
    tree it built, so a run in English after one in French must not start from the French."""
    originals: dict[str, object] = holder.__dict__.setdefault("_vae_english", {})
    return originals.setdefault(attribute, getattr(holder, attribute))


def _unnamed_arguments(root: _click.Command) -> Iterator[typer.core.TyperArgument]:
    """The arguments with no metavar, which Typer shows by their name in the code (`vae record
    measure PLAN indicator`): in another language, their metavar is the name translated."""
    for command in _commands(root):
        for param in command.params:
            if isinstance(param, typer.core.TyperArgument) and _english(param, "metavar") is None:
                yield param


def texts(root: _click.Command) -> list[str]:
    """Every help text, metavar, argument name and usage piece of the command tree, once each,
    in order."""
    found: dict[str, None] = {}
    for holder, attribute in _translatable(root):
        value = _english(holder, attribute)
        if isinstance(value, str) and value.strip():
            found[value] = None
    for argument in _unnamed_arguments(root):
        found[str(argument.name)] = None
    return list(found)


def localize(root: _click.Command, lang: str) -> None:
    """Write the command tree Typer built for this run, and Typer's own words, in `lang`."""
    words = gettext_for(lang)
    _Run.gettext = words
    typer.core._ = words  # type: ignore[attr-defined,assignment]  # Typer's gettext, see the docstring
    for holder, attribute in _translatable(root):
        value = _english(holder, attribute)
        if isinstance(value, str) and value.strip():
            setattr(holder, attribute, words(value))
    for argument in _unnamed_arguments(root):
        argument.metavar = None if words is english else words(str(argument.name))
    for command in _commands(root):
        command.context_class = _Context
        for param in command.params:
            _name_types(param, words)
            _name_range(param, words)


def _name_types(param: _click.Parameter, words: Gettext) -> None:
    """The type Typer shows after an option (`<float>`) in the run's language; choices
    (`<en|fr>`) are values to type and stay as they are."""
    param.__dict__.pop("display_type_rich", None)  # a previous run's
    shown = getattr(param, "display_type_rich", None)
    if shown is None:
        return

    def display_type_rich(ctx: _click.Context) -> str | None:
        name = shown(ctx)
        if words is english:  # Typer's words, but not a Python type's name
            return ENGLISH_TYPE_NAMES.get(name, name) if name is not None else None
        return words(name) if name in TYPE_NAMES else name

    param.display_type_rich = display_type_rich  # type: ignore[attr-defined]


def _name_range(param: _click.Parameter, words: Gettext) -> None:
    """The range of a number Typer shows after an option's help in words (`[de 1900 à 2100]`
    rather than `[1900<=x<=2100]`); English keeps Typer's notation, which it knows. Only whole
    numbers have ranges in vae (years), so the bounds are written as they are."""
    param.__dict__.pop("_get_number_range_help_str", None)  # a previous run's
    typer_range = getattr(param, "_get_number_range_help_str", None)
    if typer_range is None or words is english:
        return

    def in_words() -> str | None:
        if typer_range() is None:
            return None
        low, high = getattr(param, "min", None), getattr(param, "max", None)
        if high is None:
            return words(AT_LEAST.template).format(min=low)
        if low is None:
            return words(AT_MOST.template).format(max=high)
        return words(RANGE.template).format(min=low, max=high)

    param._get_number_range_help_str = in_words  # type: ignore[attr-defined]


class VaeGroup(LightFlagsGroup):
    """vae's root command: the run's language is chosen, the tree written in it, and usage
    errors explained in it, before and after Click parses the command line."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: t.Any,
    ) -> t.Any:
        from vae_cli.cli.usage_errors import show

        arguments = sys.argv[1:] if args is None else list(args)
        lang = language(asked_language(arguments))
        localize(self, lang)
        try:
            result = super().main(
                arguments,
                prog_name,
                complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        except (click_errors.ClickException, typer.Abort) as e:
            if not standalone_mode:
                raise
            sys.exit(show(e, lang))
        if not standalone_mode:
            return result
        # Not standalone, Click returns the exit code of a `typer.Exit` (else the command's
        # return value, None for vae's commands).
        sys.exit(result if isinstance(result, int) else 0)
