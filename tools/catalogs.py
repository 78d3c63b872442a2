"""Keep the catalogs in step with the code: `python -m tools.catalogs`.

One catalog per language serves the whole tool: the reports' templates, the diagnostics of
`vae validate` and every other message (every `msg(...)` template of the package, see
`vae_cli.i18n.messages`), and the command line's help texts (read from the command tree Typer
builds, see `vae_cli.cli.localized`). It extracts
every message of both (Babel, with Jinja2's extractor for the templates), adds the new ones
to `fr.po` and `en.po` (untranslated), marks the ones no template uses any more as obsolete, and
writes the files back sorted, so a reviewer sees exactly what changed. The test suite fails
while a message has no French translation.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

import vae_cli
from vae_cli.i18n.language import BABEL_LOCALES, LANGUAGES, catalog_path
from vae_cli.resources import data_dir

FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
METHODS = [
    ("**.html", "jinja2.ext:babel_extract"),
    ("**.md", "jinja2.ext:babel_extract"),
    ("**.jinja", "jinja2.ext:babel_extract"),
]
OPTIONS = {pattern: {"extensions": "jinja2.ext.i18n", "trimmed": "false"} for pattern, _ in METHODS}
PACKAGE = Path(vae_cli.__file__).resolve().parent
# The diagnostics: `msg("...")` calls in the package's Python code.
PYTHON_METHODS = [("**.py", "python")]
PYTHON_KEYWORDS = {"msg": None}


# Where the command line's help texts come from, in the catalogs' comments.
CLI_LOCATION = "vae_cli/cli (help texts)"


def cli_texts() -> list[str]:
    """The help texts, metavars and usage words of every command, as `vae --help` and each
    command's `--help` show them (before `localize` translates them)."""
    import typer.main

    from vae_cli.cli.app import app
    from vae_cli.cli.localized import texts

    return texts(typer.main.get_command(app))


# Where the rules' documentation comes from (SARIF's descriptions and help, docs/rules.fr.md).
RULES_LOCATION = "vae_cli/rules (documentation)"


def rule_texts() -> list[str]:
    """Every paragraph of every rule's documentation, its one-sentence summary first."""
    from vae_cli.findings.rule_catalog import catalog

    return sorted({text for rule in catalog().rules.values() for text in rule.paragraphs})


def extract(templates: Path | None = None) -> Catalog:
    """Every message the templates and the diagnostics use, with where each is used."""
    folder = templates or data_dir("templates")
    # A fixed date: the catalogs change only when their messages do.
    catalog = Catalog(project="vae", charset="utf-8", creation_date=FIXED_DATE)
    sources = [
        ("templates", extract_from_dir(str(folder), method_map=METHODS, options_map=OPTIONS)),
        (
            "vae_cli",
            extract_from_dir(str(PACKAGE), method_map=PYTHON_METHODS, keywords=PYTHON_KEYWORDS),
        ),
    ]
    for text in cli_texts():
        catalog.add(text, None, [(CLI_LOCATION, 0)])
    for text in rule_texts():
        catalog.add(text, None, [(RULES_LOCATION, 0)])
    for prefix, found in sources:
        for filename, lineno, message, comments, context in found:
            catalog.add(
                message,
                None,
                [(f"{prefix}/{filename}", lineno)],
                auto_comments=comments,
                context=context,
            )
    return catalog


def _brace_format_only(catalog: Catalog) -> None:
    """The diagnostics' messages are `str.format` templates (`{value} %`), never printf ones,
    but Babel flags any `%` followed by a letter as `python-format` ("{value} % is..."), and
    `msgfmt --check`, the translators' tool, then rejects the translation. Messages used only
    by the code lose that flag; the templates' (`_("%(n)s")`) keep it."""
    for message in catalog:
        locations = [path for path, _ in message.locations]
        if locations and all(path.startswith("vae_cli/") for path in locations):
            message.flags.discard("python-format")


def updated(lang: str, template: Catalog) -> str:
    """The text of `lang`'s catalog once brought in step with `template`."""
    with catalog_path(lang).open("rb") as stream:
        catalog = read_po(stream, locale=BABEL_LOCALES[lang])
    # No fuzzy matching: a guess from a similar message would read as a real translation.
    catalog.update(template, no_fuzzy_matching=True)
    _brace_format_only(catalog)
    catalog.revision_date = FIXED_DATE
    catalog.msgid_bugs_address = ""
    catalog.last_translator = "vae contributors"
    catalog.language_team = ""
    catalog.obsolete.clear()
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=100,
        sort_output=True,
        omit_header=False,
        ignore_obsolete=True,
        include_previous=False,
        # File names, not line numbers: moving code must not make the catalogs stale.
        include_lineno=False,
    )
    return buffer.getvalue().decode("utf-8")


def main() -> None:
    template = extract()
    for lang in LANGUAGES:
        path = catalog_path(lang)
        path.write_text(updated(lang, template), encoding="utf-8")
        print(f"updated {path}")


if __name__ == "__main__":
    main()
