"""The sentences of the diagnostics, translatable: a template marked with `msg`, named values.

A rule, the loader or the shape checks write `msg('the action "{action}" has no indicator',
action=action.id)`: the template is the English sentence, and the key of its translation in the
catalogs beside the report's (`vae_cli/i18n/fr.po`; `python -m tools.catalogs` extracts every
`msg(...)` of the package). A finding keeps its `Message` as data: it is written in a language
only by the format that prints it, with `render(message, lang)` or `sentence(message, lang)`.

A value may itself be `Localized`: a `Message` (a value described in words, "the text ..."),
translated the same way; a sum of money (`vae_cli.i18n.numbers.Money`), written the way the
language writes money; words the format has in English only (`InEnglish`). Any other value (an
id, a year, a number as the plan wrote it) reads the same in every language.

English is the templates themselves; other languages read their catalog (`catalogs.py`).
"""

from __future__ import annotations

import abc
import dataclasses
import json
import typing as t

from vae_cli.i18n.catalogs import gettext_for
from vae_cli.i18n.language import DEFAULT_LANGUAGE


class Localized(abc.ABC):
    """A value that each language writes its own way."""

    __slots__ = ()

    @abc.abstractmethod
    def written_in(self, lang: str) -> str:
        """The value as `lang` writes it."""

    @abc.abstractmethod
    def identity(self) -> object:
        """The value as plain JSON data that no language changes, to tell findings apart."""


def _written(value: object, lang: str) -> object:
    return value.written_in(lang) if isinstance(value, Localized) else value


def _identity(value: object) -> object:
    if isinstance(value, Localized):
        return value.identity()
    if value is None or isinstance(value, str | int | float):  # bool is an int
        return value
    return str(value)


@dataclasses.dataclass(frozen=True, slots=True)
class Message(Localized):
    """A sentence to write in the reader's language: its English template and named values."""

    template: str
    values: t.Mapping[str, object] = dataclasses.field(default_factory=dict)

    def fill(self, **values: object) -> Message:
        """The same template with these values (for templates chosen from a table)."""
        return Message(self.template, {**self.values, **values})

    def written_in(self, lang: str) -> str:
        values = {name: _written(value, lang) for name, value in self.values.items()}
        return gettext_for(lang)(self.template).format(**values)

    def identity(self) -> object:
        return [self.template, {name: _identity(self.values[name]) for name in sorted(self.values)}]

    def key(self) -> str:
        """The template and values as one language-free text: equal for equal messages."""
        return json.dumps(self.identity(), ensure_ascii=False, sort_keys=True)

    def __str__(self) -> str:
        return self.written_in(DEFAULT_LANGUAGE)


@dataclasses.dataclass(frozen=True, slots=True)
class InEnglish(Localized):
    """Words the plan format has in English only (its field descriptions are its documentation):
    `text` in English, `otherwise` in the other languages."""

    text: str
    otherwise: Text = ""

    def written_in(self, lang: str) -> str:
        return self.text if lang == DEFAULT_LANGUAGE else render(self.otherwise, lang)

    def identity(self) -> object:
        return {"in_english": self.text, "otherwise": _identity(self.otherwise)}


Text = str | Message


@dataclasses.dataclass(frozen=True, slots=True)
class Listed(Localized):
    """Values one after the other, separated by commas, each written in the reader's language."""

    items: tuple[object, ...]

    def written_in(self, lang: str) -> str:
        return ", ".join(str(_written(item, lang)) for item in self.items)

    def identity(self) -> object:
        return [_identity(item) for item in self.items]


def takes_singular(count: int, lang: str) -> bool:
    """Whether `lang` writes `count` things in the singular: French for 0 and 1, English
    for 1 only."""
    return count < 2 if lang == "fr" else count == 1


@dataclasses.dataclass(frozen=True, slots=True)
class Counted(Localized):
    """A sentence about `count` things: `one` or `many`, as the reader's language chooses
    (`{count}` in them is filled)."""

    count: int
    one: Message
    many: Message

    def written_in(self, lang: str) -> str:
        chosen = self.one if takes_singular(self.count, lang) else self.many
        return chosen.fill(count=self.count).written_in(lang)

    def identity(self) -> object:
        return [self.many.identity(), self.count]


def counted(count: int, one: Message, many: Message) -> Counted:
    """`msg(...)` for a number of things: `counted(n, msg("{count} error"), msg("{count}
    errors"))`, in the singular or the plural as the language wants for `n`."""
    return Counted(count, one, many)


def msg(template: str, /, **values: object) -> Message:
    """Mark `template` for translation; `{name}` placeholders take the named values."""
    return Message(template, values)


def verbatim(text: str) -> Message:
    """Text that reads the same in every language (not in the catalogs)."""
    return Message("{text}", {"text": text})


def render(text: str | Localized, lang: str = DEFAULT_LANGUAGE) -> str:
    """`text` written in `lang` (a plain str is already written)."""
    if isinstance(text, str):
        return text
    return text.written_in(lang)


def sentence(text: Text, lang: str = DEFAULT_LANGUAGE) -> str:
    """`text` in `lang`, starting with a capital letter, as a finding's message does."""
    written = render(text, lang)
    return written[:1].upper() + written[1:]
