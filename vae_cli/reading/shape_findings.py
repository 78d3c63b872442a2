"""Pydantic's validation errors, turned into located findings a non-developer can act on.

Pydantic says *what* is wrong at a `loc` path; the loader knows *where* that path is in the file;
this module writes the sentence and the hint, from a table by kind of Pydantic error
(`EXPLANATIONS`, after rendercv's `pydantic_error_handling.py`).
"""

from __future__ import annotations

import dataclasses
import difflib
import enum
import re
import string
import types
import typing as t
import unicodedata

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from vae_cli.findings.diagnostics import MAX_FINDINGS, Diagnostic, Overflow, Severity
from vae_cli.i18n.messages import InEnglish, Message, msg, verbatim
from vae_cli.i18n.numbers import Count, plain_number
from vae_cli.models.common import IDENTIFIER_PATTERN
from vae_cli.models.french import bare, meant
from vae_cli.models.plan import YearValue
from vae_cli.reading.yaml_document import Document

Loc = tuple[str | int, ...]
_PLAIN_NUMBER = re.compile(r"[-+]?\d+(\.\d+)?")


def did_you_mean(word: str, choices: t.Iterable[str]) -> str | None:
    """The closest choice to a mistyped word, if one is close enough."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _unwrap(annotation: t.Any) -> t.Any:
    """The model or enum type behind Optional[...], list[...] and Annotated[...]."""
    while True:
        origin = t.get_origin(annotation)
        if origin is t.Annotated:
            annotation = t.get_args(annotation)[0]
        elif origin in (t.Union, types.UnionType):
            args = [a for a in t.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        elif origin is list:
            annotation = t.get_args(annotation)[0]
        else:
            return annotation


def _field_at(model: type[BaseModel], loc: Loc) -> tuple[type[BaseModel], FieldInfo | None]:
    """The model holding the last part of `loc`, and that part's field if it is one."""
    current: t.Any = model
    parent: type[BaseModel] = model
    field: FieldInfo | None = None
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            break
        parent = current
        field = current.model_fields.get(part)
        if field is None:
            break
        current = _unwrap(field.annotation)
    return parent, field


def _code(text: str) -> Message:
    """A key or a value the user types, as code: the same in every language."""
    return Message("`{key}`", {"key": text})


def _describe(value: object, written: str | None) -> Message:
    """The value found, in words; a number as the file writes it (`written`, when known)."""
    if value is None:
        return msg("nothing")
    if isinstance(value, bool):
        return _code(str(value).lower())
    if isinstance(value, int | float):
        return msg("the number {value}", value=written or plain_number(value))
    if isinstance(value, str):
        return msg('the text "{value}"', value=visible(value)) if value else msg("empty text")
    if isinstance(value, dict):
        return msg("a mapping of keys")
    if isinstance(value, list):
        return msg("a list")
    return verbatim(type(value).__name__)


def visible(text: str) -> str:
    """`text` with invisible characters (zero-width spaces, direction marks, controls) shown as
    escapes: the user must see what makes a value wrong."""
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c
        for c in text
    )


def _example(field: FieldInfo | None) -> str | None:
    if field is not None and field.examples:
        example = field.examples[0]
        if isinstance(example, list) and example:  # a list field: its items are what is checked
            example = example[0]
        return f'"{example}"' if isinstance(example, str) else str(example)
    return None


def _with_example(hint: Message, example: str | None) -> Message:
    return msg("{hint}, e.g. {example}", hint=hint, example=example) if example else hint


# Field descriptions are the format's documentation, in English: they complete English hints only.
def _with_description(hint: Message, field: FieldInfo | None) -> Message:
    if field is None or not field.description:
        return hint
    description = InEnglish(f" ({field.description.rstrip('.')})")
    return Message("{hint}{description}", {"hint": hint, "description": description})


@dataclasses.dataclass(frozen=True, kw_only=True)
class _Error:
    """One Pydantic error, with what its sentences say about it."""

    kind: str
    value: object  # the input in error
    written: str | None  # that input as the file writes it, when it is a plain scalar
    context: t.Mapping[str, object]  # Pydantic's `ctx`
    model: type[BaseModel]  # the model holding the last key of the error's path
    field: FieldInfo | None  # that key's field, if it is one
    key: str  # the last key of the error's path
    described: Message  # the value in error as the message names it ("`budget_eur`")
    pydantic_message: str
    # The plan's mandate as written, when it holds years: examples use them.
    mandate: tuple[int, int] | None = None

    @property
    def found(self) -> Message:
        return _describe(self.value, self.written)

    @property
    def example(self) -> str | None:
        return _example(self.field)


Found = tuple[str, Message, Message | None]  # rule, message, hint
Explain = t.Callable[[_Error], Found]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _counted(value: object) -> object:
    """A count of the error's context (`max_length`...) written as the language writes it."""
    return Count(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _fixed(rule: str, message: Message, hint: Message, **from_context: str) -> Explain:
    """A sentence and a hint that only name the value (`{described}`, `{found}`) and values of
    the error's context (`count="max_length"`: `{count}` is the context's `max_length`)."""

    def fill(template: Message, error: _Error) -> Message:
        names = _fields(template.template)
        values: dict[str, object] = {
            name: _counted(error.context.get(key))
            for name, key in from_context.items()
            if name in names
        }
        if "described" in names:
            values["described"] = error.described
        if "found" in names:
            values["found"] = error.found
        return template.fill(**values)

    def explain(error: _Error) -> Found:
        return rule, fill(message, error), fill(hint, error)

    return explain


def _missing(error: _Error) -> Found:
    key, example = error.key, error.example
    kind = _unwrap(error.field.annotation) if error.field is not None else None
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        values = [str(v.value) for v in kind]
        hint = msg("add `{key}:` with one of: {values}", key=key, values=", ".join(values))
    elif example:
        hint = msg("add `{key}:`, e.g. `{key}: {example}`", key=key, example=example)
    else:
        hint = msg("add `{key}:`", key=key)
    return (
        "missing-key",
        msg("the key `{key}` is missing here", key=key),
        _with_description(hint, error.field),
    )


def _unknown_key(error: _Error) -> Found:
    known = list(error.model.model_fields)
    close = did_you_mean(error.key, known)
    hint = (
        msg("did you mean `{close}`?", close=close)
        if close
        else msg("the keys allowed here are: {keys}", keys=", ".join(f"`{k}`" for k in known))
    )
    return "unknown-key", msg("`{key}` is not a key of this section", key=error.key), hint


def _not_text(error: _Error) -> Found:
    value = error.value
    message = msg(
        "{described} must be text, found {found}", described=error.described, found=error.found
    )
    if isinstance(value, bool):
        return "wrong-type", message, msg('put it in quotes: "{value}"', value=str(value).lower())
    if isinstance(value, int | float):
        shown = error.written or plain_number(value)
        return "wrong-type", message, msg('put it in quotes: "{value}"', value=shown)
    return "wrong-type", message, msg("write the text on the same line, after the colon")


# The spaces a spreadsheet or a French text puts between thousands: a space, a no-break space
# (U+00A0, what a copy from a spreadsheet pastes), a narrow no-break space (U+202F).
_THOUSANDS = (" ", "\u00a0", "\u202f")
_NO_BREAK = ("\u00a0", "\u202f")
# Word's and LibreOffice's typographic quotes: to YAML, letters like any other.
_CURLY = "“”‘’«»„‟‹›"


def _without_spaces(text: str) -> str:
    for space in _THOUSANDS:
        text = text.replace(space, "")
    return text


def _curly_quoted(value: object) -> str | None:
    """The text inside Word's typographic quotes (`“21231”`, `« 28 »`), if `value` is text
    written between them."""
    if isinstance(value, str) and len(value) >= 2 and value[0] in _CURLY and value[-1] in _CURLY:
        return value[1:-1].strip(" \u00a0\u202f")
    return None


_STRAIGHT_QUOTES = msg(
    'write "{text}" with straight quotes: “ ” and « » are typographic quotes (from Word), which '
    "YAML keeps as part of the text"
)


def _not_whole_number(error: _Error) -> Found:
    value, example = error.value, error.example
    hint = (
        msg("write a whole number without quotes, e.g. {example}", example=example)
        if example
        else msg("write a whole number without quotes")
    )
    inner = _curly_quoted(value)
    if inner is not None and _without_spaces(inner).isdigit():
        hint = _TYPOGRAPHIC_NUMBER.fill(number=_without_spaces(inner))
    elif isinstance(value, str) and _without_spaces(value).isdigit():
        hint = (_NO_BREAK_NUMBER if any(c in value for c in _NO_BREAK) else _NO_QUOTES_NUMBER).fill(
            number=_without_spaces(value)
        )
    return (
        "wrong-type",
        msg(
            "{described} must be a whole number, found {found}",
            described=error.described,
            found=error.found,
        ),
        hint,
    )


_NO_QUOTES_NUMBER = msg("remove the quotes and spaces: {number}")
_NO_BREAK_NUMBER = msg(
    "write {number}: the space between the thousands is a no-break space (U+00A0, as a "
    "spreadsheet pastes it), and a number has no spaces"
)
_TYPOGRAPHIC_NUMBER = msg(
    "write {number}: “ ” and « » are typographic quotes (from Word), which YAML keeps as part of "
    "the text; a number has no quotes"
)


def _not_number(error: _Error) -> Found:
    value = error.value
    hint = msg("write a number without quotes, with a dot for decimals, e.g. 1234.5")
    if isinstance(value, str):
        inner = _curly_quoted(value)
        text = inner if inner is not None else value
        cleaned = _without_spaces(text).replace("_", "")
        cleaned = cleaned.replace(",", ".").rstrip("€ ")
        if _PLAIN_NUMBER.fullmatch(cleaned):
            if inner is not None:
                hint = _TYPOGRAPHIC_NUMBER.fill(number=cleaned)
            elif any(c in value for c in _NO_BREAK):
                hint = msg(
                    "write {number}: no spaces (the one between the thousands is a no-break "
                    "space, U+00A0, as a spreadsheet pastes it), a dot for decimals",
                    number=cleaned,
                )
            else:
                hint = msg(
                    "write {number}: no quotes, no spaces, a dot for decimals", number=cleaned
                )
    return (
        "wrong-type",
        msg(
            "{described} must be a number, found {found}",
            described=error.described,
            found=error.found,
        ),
        hint,
    )


def _not_a_choice(error: _Error) -> Found:
    value = error.value
    expected = str(error.context.get("expected", ""))
    choices = [c.strip().strip("'") for c in expected.replace(" or ", ",").split(",")]
    choices = [c for c in choices if c]
    word = meant(value, choices) if isinstance(value, str) else None
    close = did_you_mean(str(value), choices) if isinstance(value, str) else None
    if word is not None:
        hint = msg(
            '"{word}" is written {value} in a plan: write `{key}: {value}`',
            word=visible(str(value)),
            value=word,
            key=error.key,
        )
    elif close:
        hint = msg("did you mean {close}?", close=close)
    else:
        hint = msg("write one of: {choices}", choices=", ".join(choices))
    return (
        "invalid-value",
        msg("{found} is not allowed for {described}", found=error.found, described=error.described),
        hint,
    )


def _wrong_form(error: _Error) -> Found:
    field = error.field
    hint: Message
    inner = _curly_quoted(error.value)
    if inner is not None:
        return (
            "invalid-value",
            msg("{found} is not a valid {described}", found=error.found, described=error.described),
            _STRAIGHT_QUOTES.fill(text=inner),
        )
    suggested = as_identifier(error.value) if isinstance(error.value, str) else None
    if error.context.get("pattern") == IDENTIFIER_PATTERN and suggested:
        return (
            "invalid-value",
            msg("{found} is not a valid {described}", found=error.found, described=error.described),
            msg(
                "write {suggested}: an id has only lowercase letters a-z, digits and hyphens, "
                "no accents, capitals or spaces",
                suggested=suggested,
            ),
        )
    if error.context.get("pattern") == IDENTIFIER_PATTERN:
        hint = msg(
            "use only lowercase letters a-z, digits and hyphens: no accents, capitals, spaces "
            "or invisible characters"
        )
    elif field is not None and field.description:
        # The description says the form in English; other languages say to check it.
        hint = Message(
            "{text}",
            {
                "text": InEnglish(
                    field.description.rstrip("."), otherwise=msg("check the form of this value")
                )
            },
        )
    elif field is not None:
        hint = msg("check the form of this value")
    else:
        hint = msg("check the form")
    return (
        "invalid-value",
        msg("{found} is not a valid {described}", found=error.found, described=error.described),
        _with_example(hint, error.example),
    )


def as_identifier(text: str) -> str | None:
    """The id `text` should be (`rues-aux-écoles` -> `rues-aux-ecoles`, `Part bio repas` ->
    `part-bio-repas`), when it holds nothing but letters, digits, spaces, hyphens,
    underscores and apostrophes; None otherwise (an invisible character: say so instead)."""
    if not re.fullmatch(r"[\w \u00a0\u202f'’-]+", text):
        return None
    words = re.sub(r"[^a-z0-9]+", " ", bare(text)).split()
    suggested = "-".join(words)
    return suggested if suggested and re.fullmatch(IDENTIFIER_PATTERN, suggested) else None


def _bound(bound: str, message: Message, hint: Message) -> Explain:
    """A number out of bounds: `bound` names the limit in Pydantic's context (`ge`, `lt`...)."""

    def explain(error: _Error) -> Found:
        limit, value = error.context.get(bound), error.value
        shown = plain_number(limit) if isinstance(limit, int | float) else str(limit)
        if isinstance(value, int | float):
            number = error.written or plain_number(value)
        else:
            number = str(value)
        return (
            "invalid-value",
            message.fill(described=error.described, limit=shown, found=number),
            hint.fill(limit=shown),
        )

    return explain


def _unexplained(error: _Error) -> Found:
    # An error we have no sentence for: Pydantic's own words, in English.
    return (
        "invalid-value",
        msg("{described}: {error}", described=error.described, error=error.pydantic_message),
        None,
    )


_DATE_HINT = msg("write the date as YYYY-MM-DD, e.g. 2021-06-28")
_AGE_BAND_HINT = msg("write the youngest and oldest ages, e.g. 6-11")
_NOT_MAPPING = msg("{described} must be a mapping of keys, found {found}")


def _mapping(error: _Error) -> Found:
    """A value where a section of keys goes: for a year and a value (`baseline: 0`, `target:
    26 en 2025`), the mapping to write, built from what was written."""
    message = _NOT_MAPPING.fill(described=error.described, found=error.found)
    field = error.field
    if field is not None and _unwrap(field.annotation) is YearValue:
        numbers = re.findall(r"-?\d+(?:[.,]\d+)?", str(error.value)) if error.value else []
        years = [n for n in numbers if re.fullmatch(r"(19|20)\d\d", n)]
        first, last = error.mandate or (2020, 2026)
        year = years[-1] if years else str(last if error.key == "target" else first)
        values = [n for n in numbers if n != year] or ["0"]
        shape = f"{{year: {year}, value: {values[0].replace(',', '.')}}}"
        return (
            "wrong-type",
            message,
            msg("write the year and the value: `{key}: {shape}`", key=error.key, shape=shape),
        )
    kind = _unwrap(field.annotation) if field is not None else None
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        keys = [name for name, f in kind.model_fields.items() if f.is_required()]
        if keys:
            return (
                "wrong-type",
                message,
                msg(
                    "indent the keys of this section under it, on lines of their own: {keys}",
                    keys=", ".join(f"`{k}:`" for k in keys),
                ),
            )
    return "wrong-type", message, msg("indent the keys of this section under it")


_MAPPING = _mapping

# What each kind of Pydantic error (its `type`) means for the person editing the plan.
EXPLANATIONS: dict[str, Explain] = {
    "missing": _missing,
    "extra_forbidden": _unknown_key,
    "string_type": _not_text,
    "int_type": _not_whole_number,
    "int_parsing": _not_whole_number,
    "int_from_float": _not_whole_number,
    "float_type": _not_number,
    "float_parsing": _not_number,
    "bool_type": _fixed(
        "wrong-type",
        msg("{described} must be true or false, found {found}"),
        msg("write true or false (yes/no, oui/non are text in YAML 1.2)"),
    ),
    "list_type": _fixed(
        "wrong-type",
        msg("{described} must be a list, found {found}"),
        msg("write one item per line starting with `- `, or [a, b] on one line"),
    ),
    "model_type": _MAPPING,
    "model_attributes_type": _MAPPING,
    "dict_type": _MAPPING,
    "enum": _not_a_choice,
    "literal_error": _not_a_choice,
    "finite_number": _fixed(
        "invalid-value",
        msg("{described} must be a finite number"),
        msg(
            "write a plain number: infinity, NaN and numbers too large to hold (such as 1e400) "
            "are not values"
        ),
    ),
    "string_pattern_mismatch": _wrong_form,
    "greater_than_equal": _bound(
        "ge",
        msg("{described} must be at least {limit}, found {found}"),
        msg("write a value at least {limit}"),
    ),
    "greater_than": _bound(
        "gt",
        msg("{described} must be more than {limit}, found {found}"),
        msg("write a value more than {limit}"),
    ),
    "less_than_equal": _bound(
        "le",
        msg("{described} must be at most {limit}, found {found}"),
        msg("write a value at most {limit}"),
    ),
    "less_than": _bound(
        "lt",
        msg("{described} must be less than {limit}, found {found}"),
        msg("write a value less than {limit}"),
    ),
    "string_too_short": _fixed(
        "invalid-value", msg("{described} is empty"), msg("write the text, or remove the key")
    ),
    "string_too_long": _fixed(
        "invalid-value",
        msg("{described} is too long"),
        msg("at most {count} characters"),
        count="max_length",
    ),
    "too_long": _fixed(
        "invalid-value",
        msg("{described} has more than {count} items, more than any plan needs"),
        msg("check this list: a repeated paste, or a column pasted where one value goes"),
        count="max_length",
    ),
    "too_short": _fixed(
        "invalid-value",
        msg("{described} needs at least {count} item(s)"),
        msg("add the missing items"),
        count="min_length",
    ),
    "date_invalid": _fixed(
        "wrong-type",
        msg("{described}: {value} is not a date of the calendar"),
        _DATE_HINT,
        value="value",
    ),
    "date_format": _fixed(
        "wrong-type",
        msg("{described}: expected a date written YYYY-MM-DD, found {value}"),
        _DATE_HINT,
        value="value",
    ),
    "age_band": _fixed(
        "invalid-value",
        msg("{value} is not an age band written like 6-11"),
        _AGE_BAND_HINT,
        value="value",
    ),
    "age_band_order": _fixed(
        "invalid-value",
        msg("the age band {value} ends before it starts"),
        _AGE_BAND_HINT,
        value="value",
    ),
    "answer_value": _fixed(
        "wrong-type",
        msg("{described} must be one answer: yes or no, a number or a word, found {found}"),
        msg("write the answer on the same line: oui, non, a number such as 4.50, or an option"),
    ),
    "deliberation_undated": _fixed(
        "missing-key",
        msg("a deliberation needs a `date` (YYYY-MM-DD) or a `year`"),
        msg("add `date: 2020-09-28` or, if unknown, `year: 2020`"),
    ),
}


def _mandate(document: Document) -> tuple[int, int] | None:
    mandate = document.data.get("mandate")
    if isinstance(mandate, dict):
        start, end = mandate.get("start"), mandate.get("end")
        if type(start) is int and type(end) is int:
            return start, end
    return None


def diagnostics_from(
    error: ValidationError, model: type[BaseModel], document: Document, path: str
) -> list[Diagnostic]:
    """Pydantic's errors as located findings: the first MAX_FINDINGS explained, the others
    counted by rule (see `findings.diagnostics.capped`)."""
    found: list[Diagnostic] = []
    overflow = Overflow()
    rule_of_kind: dict[str, str] = {}
    for details in error.errors(include_url=False):
        kind = details["type"]
        known = rule_of_kind.get(kind)
        if len(found) >= MAX_FINDINGS and known is not None and overflow.knows(known):
            overflow.count(known)  # counted, not explained: that is where the time goes
            continue
        diagnostic = _diagnostic(details, model, document, path)
        rule_of_kind.setdefault(kind, diagnostic.rule)
        if len(found) < MAX_FINDINGS:
            found.append(diagnostic)
        else:
            overflow.add(diagnostic)
    return found + overflow.summaries()


def _diagnostic(
    details: t.Any, model: type[BaseModel], document: Document, path: str
) -> Diagnostic:
    loc: Loc = tuple(details["loc"])
    kind = details["type"]
    parent, field = _field_at(model, loc)
    key = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
    name: Message | None = _code(key) if key else None
    if isinstance(loc[-1] if loc else None, int):
        name = msg("`{key} item {number}`", key=key, number=int(loc[-1]) + 1) if key else None
    explained = _Error(
        kind=kind,
        value=details.get("input"),
        written=document.written(loc),
        context=details.get("ctx") or {},
        model=parent,
        field=field,
        key=key,
        described=name if name is not None else msg("this value"),
        pydantic_message=details["msg"],
        mandate=_mandate(document),
    )
    rule, message, hint = EXPLANATIONS.get(kind, _unexplained)(explained)
    return Diagnostic(
        path=path,
        position=document.locate(loc, key=kind == "extra_forbidden"),
        severity=Severity.ERROR,
        rule=rule,
        message=message,
        hint=hint,
        data_path=document.structural_path(loc),
    )
