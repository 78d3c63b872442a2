"""The sentences of the diagnostics, translatable: a template marked with `msg`, named values.

A rule, the loader or the shape checks write `msg('the action "{action}" has no indicator',
action=action.id)`: the template is the English sentence, and the key of its translation in the
catalogs beside the report's (`vae_cli/i18n/fr.po`; `python -m tools.catalogs`
extracts every `msg(...)` of the package). The sentence is written in a language only when the
diagnostic is built, by `render(message, lang)`; a value may itself be a `Message` (a value
described in words, "the text ..."), translated the same way.

English is the templates themselves; other languages read their catalog (`catalogs.py`).
"""

from __future__ import annotations

import dataclasses
import typing as t

from vae_cli.i18n.catalogs import Gettext, english, gettext_for
from vae_cli.i18n.language import DEFAULT_LANGUAGE


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
        return self.render(english)


Text = str | Message


def msg(template: str, /, **values: object) -> Message:
    """Mark `template` for translation; `{name}` placeholders take the named values."""
    return Message(template, values)


def render(text: Text, lang: str = DEFAULT_LANGUAGE) -> str:
    """`text` written in `lang` (a plain str is already written)."""
    if isinstance(text, str):
        return text
    return text.render(gettext_for(lang))


def sentence(text: Text, lang: str = DEFAULT_LANGUAGE) -> str:
    """`text` in `lang`, starting with a capital letter, as a finding's message does."""
    written = render(text, lang)
    return written[:1].upper() + written[1:]
