"""The sentences of the diagnostics, translatable: a template marked with `msg`, named values.

A rule, the loader or the shape checks write `msg('the action "{action}" has no indicator',
action=action.id)`: the template is the English sentence, and the key of its translation in the
catalogs beside the report's (`vae_cli/locale/fr.po`; `python -m vae_cli.locale.catalog`
extracts every `msg(...)` of the package). The sentence is written in a language only when the
diagnostic is built, by `render(message, lang)`; a value may itself be a `Message` (a value
described in words, "the text ..."), translated the same way.

English is the templates themselves. Other languages read their `.po` file with the small
reader below, not Babel: `vae validate` runs on every commit and imports no Babel (about 0.1 s).
A test checks the reader agrees with Babel on every message of the catalogs.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
import typing as t
from pathlib import Path

# The languages diagnostics can be written in; English is the default.
LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"
ENVIRONMENT_VARIABLE = "VAE_LANG"
CATALOG_DIR = Path(__file__).resolve().parent / "locale"

Gettext = t.Callable[[str], str]


@dataclasses.dataclass(frozen=True, slots=True)
class Message:
    """A sentence to write in the reader's language: its English template and named values."""

    template: str
    values: t.Mapping[str, object] = dataclasses.field(default_factory=dict)

    def fill(self, **values: object) -> Message:
        """The same template with these values (for templates chosen from a table)."""
        return Message(self.template, {**self.values, **values})

    def render(self, gettext: Gettext) -> str:
        values = {
            name: value.render(gettext) if isinstance(value, Message) else value
            for name, value in self.values.items()
        }
        return gettext(self.template).format(**values)

    def __str__(self) -> str:
        return self.render(_english)


Text = str | Message


def msg(template: str, /, **values: object) -> Message:
    """Mark `template` for translation; `{name}` placeholders take the named values."""
    return Message(template, values)


def _english(template: str) -> str:
    return template


def render(text: Text, lang: str = DEFAULT_LANGUAGE) -> str:
    """`text` written in `lang` (a plain str is already written)."""
    if isinstance(text, str):
        return text
    return text.render(gettext_for(lang))


def sentence(text: Text, lang: str = DEFAULT_LANGUAGE) -> str:
    """`text` in `lang`, starting with a capital letter, as a finding's message does."""
    written = render(text, lang)
    return written[:1].upper() + written[1:]


# Where the language comes from when no option says: vae's own variable, then the terminal's
# locale, as gettext looks it up (a French officer's terminal says fr_FR.UTF-8).
LOCALE_VARIABLES = (ENVIRONMENT_VARIABLE, "LC_ALL", "LC_MESSAGES", "LANG")


def language(asked: str | None = None) -> str:
    """The language asked for, else the first of `$VAE_LANG`, `$LC_ALL`, `$LC_MESSAGES`,
    `$LANG` that is set, when it names a known language; else English."""
    if asked:
        return asked
    for variable in LOCALE_VARIABLES:
        value = os.environ.get(variable, "").strip().lower()
        if value:
            # "fr_FR.UTF-8" reads as "fr"; an unknown language ("C", "en_US") is English.
            code = re.split(r"[_.@-]", value, maxsplit=1)[0]
            return code if code in LANGUAGES else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def gettext_for(lang: str) -> Gettext:
    if lang == DEFAULT_LANGUAGE:
        return _english
    messages = catalog(lang)
    return lambda template: messages.get(template) or template


@functools.cache
def catalog(lang: str) -> dict[str, str]:
    """The translated messages of `lang`'s catalog, by English template."""
    if lang not in LANGUAGES:
        raise ValueError(f"no catalog for the language {lang!r}")
    return read_po((CATALOG_DIR / f"{lang}.po").read_text(encoding="utf-8"))


_ESCAPE = re.compile(r"\\(.)")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r"}


def _unquote(text: str) -> str:
    inner = text.strip()[1:-1]
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m[1], m[1]), inner)


def read_po(text: str) -> dict[str, str]:
    """msgid -> msgstr for the translated entries of a `.po` file as Babel writes it (entries
    separated by a blank line); fuzzy, obsolete, plural and context entries are left out."""
    messages: dict[str, str] = {}
    for block in text.split("\n\n"):
        fields: dict[str, str] = {}
        current = ""
        fuzzy = False
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            elif line.startswith("#") or not line.strip():
                continue
            elif line.startswith('"'):
                if current:
                    fields[current] += _unquote(line)
            else:
                current, _, rest = line.partition(" ")
                fields[current] = _unquote(rest)
        msgid, msgstr = fields.get("msgid"), fields.get("msgstr")
        if msgid and msgstr and not fuzzy and "msgctxt" not in fields:
            messages[msgid] = msgstr
    return messages
