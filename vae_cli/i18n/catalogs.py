"""The gettext catalogs (`fr.po`, `en.po` beside this module), read two ways.

- `catalog()` / `gettext_for()`: a small reader of the `.po` text, for the diagnostics. `vae
  validate` runs on every commit and imports no Babel (about 0.1 s); a test checks the reader
  agrees with Babel on every message of the catalogs.
- `translations()`: Babel's compiled catalog, for the reports' templates (`_()`, `ngettext`). It
  is compiled in memory when a report is rendered (a few milliseconds), so no binary `.mo` file
  is committed or can go stale, and the wheel needs nothing but the `.po` files.
"""

from __future__ import annotations

import functools
import io
import re
import typing as t

from vae_cli.i18n.language import BABEL_LOCALES, DEFAULT_LANGUAGE, LANGUAGES, catalog_path

if t.TYPE_CHECKING:
    from babel.support import Translations

Gettext = t.Callable[[str], str]


def english(template: str) -> str:
    return template


def gettext_for(lang: str) -> Gettext:
    if lang == DEFAULT_LANGUAGE:
        return english
    messages = catalog(lang)
    return lambda template: messages.get(template) or template


@functools.cache
def catalog(lang: str) -> dict[str, str]:
    """The translated messages of `lang`'s catalog, by English template."""
    if lang not in LANGUAGES:
        raise ValueError(f"no catalog for the language {lang!r}")
    return read_po(catalog_path(lang).read_text(encoding="utf-8"))


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


@functools.cache
def translations(lang: str) -> Translations:
    """Babel's compiled catalog of `lang` (one of LANGUAGES), for Jinja2's i18n extension."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po as babel_read_po
    from babel.support import Translations

    with catalog_path(lang).open("rb") as stream:
        compiled = babel_read_po(stream, locale=BABEL_LOCALES[lang])
    buffer = io.BytesIO()
    # Fuzzy entries are unchecked guesses from a catalog update: never shown to readers.
    write_mo(buffer, compiled, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer)
