"""Values and field changes in words, as plain text or escaped for Markdown."""

from __future__ import annotations

import collections
import dataclasses
import typing as t

from vae_cli import markdown
from vae_cli.diff.changes import FieldChange, Kind, Plain
from vae_cli.i18n.language import DEFAULT_LANGUAGE
from vae_cli.i18n.messages import Message, counted, msg, render
from vae_cli.i18n.numbers import money


@dataclasses.dataclass(frozen=True)
class Style:
    """How ids (`code`) and plan text (`text`) are written: as is, or escaped for Markdown; and
    the language of the sentences (`say`), their money included."""

    code: t.Callable[[str], str]
    text: t.Callable[[str], str]
    lang: str = DEFAULT_LANGUAGE

    def say(self, message: Message) -> str:
        """`message` in the style's language (its values already written in this style)."""
        return render(message, self.lang)

    @property
    def separator(self) -> str:
        """Between the clauses of a sentence: "; " (French puts a no-break space before)."""
        return self.say(SEPARATOR)

    def written_in(self, lang: str) -> Style:
        return dataclasses.replace(self, lang=lang)


SEPARATOR = msg("; ")
PLAIN = Style(code=lambda s: s, text=lambda s: s)
MARKDOWN = Style(code=markdown.code, text=markdown.escape)


def euros(amount: float, lang: str = DEFAULT_LANGUAGE) -> str:
    """An amount as the language writes money, as findings do: €45,000.50, 45 000,50 €."""
    return money(amount, lang)


# Counts in the headline: one form for 1 (and 0, in French), another for more.
_COUNTS = {
    "action": (msg("{count} action"), msg("{count} actions")),
    "error": (msg("{count} error"), msg("{count} errors")),
    "warning": (msg("{count} warning"), msg("{count} warnings")),
}


def plural(n: int, word: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return render(counted(n, *_COUNTS[word]), lang)


NONE = msg("none")


def number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else f"{value:g}"


def amount(value: float | None, lang: str = DEFAULT_LANGUAGE) -> str:
    return euros(value, lang) if value is not None else render(NONE, lang)


def quantity(value: float, unit: str) -> str:
    return f"{value:g} {unit}"


def quoted(text: str, lang: str) -> str:
    """Plan text in guillemets, with the no-break spaces French puts inside them."""
    return f"«\u00a0{text}\u00a0»" if lang == "fr" else f"«{text}»"


def value(v: Plain, s: Style, *, field: str = "") -> str:
    """A value from a plan, written for a reader: text in «», amounts in euros, lists and
    mappings spelled out."""
    if v is None:
        return s.say(NONE)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return s.text(euros(v, s.lang)) if field.endswith("_eur") else number(v)
    if isinstance(v, str):
        return quoted(s.text(v), s.lang)
    if isinstance(v, list):
        return "[" + ", ".join(value(x, s, field=field) for x in v) + "]"
    return ", ".join(f"{s.code(k)} {value(x, s, field=k)}" for k, x in v.items())


def _field(path: str) -> str:
    return path.rsplit(".", 1)[-1].split("[", 1)[0]


Describe = t.Callable[[Plain, Style, str], str]


def _default(v: Plain, s: Style, field: str) -> str:
    return value(v, s, field=field)


def change(c: FieldChange, s: Style, describe: Describe = _default) -> str:
    """One field change as a clause: `city.name: «Dijon» → «Dijonville»`."""
    field = _field(c.path)
    path = s.code(c.path) if c.path else s.say(msg("the plan"))
    before, after = (describe(c.before, s, field), describe(c.after, s, field))
    if c.kind is Kind.ADDED:
        return s.say(msg("{path} added: {after}", path=path, after=after))
    if c.kind is Kind.REMOVED:
        return s.say(msg("{path} removed (was {before})", path=path, before=before))
    if c.kind is Kind.REORDERED:
        return s.say(
            msg("{path} reordered: {before} → {after}", path=path, before=before, after=after)
        )
    if isinstance(c.before, list) and isinstance(c.after, list):
        parts = [
            s.say(verb.fill(items=", ".join(describe(x, s, field) for x in items)))
            for verb, items in (
                (msg("added {items}"), _missing(c.after, c.before)),
                (msg("removed {items}"), _missing(c.before, c.after)),
            )
            if items
        ]
        return s.say(msg("{path}: {parts}", path=path, parts=s.separator.join(parts)))
    return s.say(msg("{path}: {before} → {after}", path=path, before=before, after=after))


def _missing(items: list[Plain], other: list[Plain]) -> list[Plain]:
    """The items of `items` that `other` lacks, counting repeats."""
    left = collections.Counter(map(repr, other))
    out: list[Plain] = []
    for x in items:
        if left[repr(x)] > 0:
            left[repr(x)] -= 1
        else:
            out.append(x)
    return out


def changes(items: t.Iterable[FieldChange], s: Style, describe: Describe = _default) -> str:
    return s.separator.join(change(c, s, describe) for c in items)
