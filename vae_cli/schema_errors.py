"""Pydantic's validation errors, turned into located findings a non-developer can act on.

Pydantic says *what* is wrong at a `loc` path; the loader knows *where* that path is in the file;
this module writes the sentence and the hint (after rendercv's `pydantic_error_handling.py`).
"""

from __future__ import annotations

import difflib
import re
import types
import typing as t
import unicodedata

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from vae_cli.diagnostics import Diagnostic, Severity
from vae_cli.loading import Document
from vae_cli.models.common import IDENTIFIER_PATTERN

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


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, int | float):
        return f"the number {_number(value)}"
    if isinstance(value, str):
        return f'the text "{visible(value)}"' if value else "empty text"
    if isinstance(value, dict):
        return "a mapping of keys"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def visible(text: str) -> str:
    """`text` with invisible characters (zero-width spaces, direction marks, controls) shown as
    escapes: the user must see what makes a value wrong."""
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c
        for c in text
    )


def _number(value: float) -> str:
    """A bound or value as a person reads it: 1000000000000, not 1e+12."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return str(value)


def _example(field: FieldInfo | None) -> str | None:
    if field is not None and field.examples:
        example = field.examples[0]
        if isinstance(example, list) and example:  # a list field: its items are what is checked
            example = example[0]
        return f'"{example}"' if isinstance(example, str) else str(example)
    return None


def _message_and_hint(
    error: ErrorDetails, model: type[BaseModel], field: FieldInfo | None, name: str
) -> tuple[str, str, str | None]:
    """(rule, message, hint) for one Pydantic error."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    example = _example(field)
    described = f"`{name}`" if name else "this value"

    if kind == "missing":
        hint = f"add `{name}:`" + (f", e.g. `{name}: {example}`" if example else "")
        if field is not None and field.description:
            hint += f" ({field.description.rstrip('.')})"
        return "missing-key", f"the key `{name}` is missing here", hint
    if kind == "extra_forbidden":
        known = list(model.model_fields)
        close = did_you_mean(name, known)
        hint = (
            f"did you mean `{close}`?"
            if close
            else "the keys allowed here are: " + ", ".join(f"`{k}`" for k in known)
        )
        return "unknown-key", f"`{name}` is not a key of this section", hint
    if kind == "string_type":
        if isinstance(value, int | float | bool):
            return (
                "wrong-type",
                f"{described} must be text, found {_describe(value)}",
                f'put it in quotes: "{str(value).lower() if isinstance(value, bool) else value}"',
            )
        return (
            "wrong-type",
            f"{described} must be text, found {_describe(value)}",
            ("write the text on the same line, after the colon"),
        )
    if kind in ("int_type", "int_parsing", "int_from_float"):
        hint = "write a whole number without quotes" + (f", e.g. {example}" if example else "")
        if isinstance(value, str) and value.replace(" ", "").replace("\u202f", "").isdigit():
            hint = (
                f"remove the quotes and spaces: {value.replace(' ', '').replace(chr(0x202F), '')}"
            )
        return "wrong-type", f"{described} must be a whole number, found {_describe(value)}", hint
    if kind in ("float_type", "float_parsing"):
        hint = "write a number without quotes, with a dot for decimals, e.g. 1234.5"
        if isinstance(value, str):
            cleaned = value.replace(" ", "").replace("\u202f", "").replace("_", "")
            cleaned = cleaned.replace(",", ".").rstrip("€ ")
            if _PLAIN_NUMBER.fullmatch(cleaned):
                hint = f"write {cleaned}: no quotes, no spaces, a dot for decimals"
        return "wrong-type", f"{described} must be a number, found {_describe(value)}", hint
    if kind == "bool_type":
        return (
            "wrong-type",
            f"{described} must be true or false, found {_describe(value)}",
            ("write true or false (yes/no, oui/non are text in YAML 1.2)"),
        )
    if kind == "list_type":
        return (
            "wrong-type",
            f"{described} must be a list, found {_describe(value)}",
            ("write one item per line starting with `- `, or [a, b] on one line"),
        )
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return (
            "wrong-type",
            f"{described} must be a mapping of keys, found {_describe(value)}",
            ("indent the keys of this section under it"),
        )
    if kind == "enum" or kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ",").split(",")]
        choices = [c for c in choices if c]
        close = did_you_mean(str(value), choices) if isinstance(value, str) else None
        hint = f"did you mean {close}?" if close else f"write one of: {', '.join(choices)}"
        return "invalid-value", f"{_describe(value)} is not allowed for {described}", hint
    if kind == "finite_number":
        return (
            "invalid-value",
            f"{described} must be a finite number",
            "write a plain number: infinity, NaN and numbers too large to hold (such as 1e400) "
            "are not values",
        )
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == IDENTIFIER_PATTERN:
            hint = (
                "use only lowercase letters a-z, digits and hyphens: no accents, capitals, spaces "
                "or invisible characters"
            )
        else:
            hint = (
                (field.description or "check the form of this value")
                if field
                else ("check the form")
            )
        if example:
            hint = f"{hint.rstrip('.')}, e.g. {example}"
        return "invalid-value", f"{_describe(value)} is not a valid {described}", hint
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = {
            "greater_than_equal": ("at least", "ge"),
            "greater_than": ("more than", "gt"),
            "less_than_equal": ("at most", "le"),
            "less_than": ("less than", "lt"),
        }[kind]
        limit = ctx.get(bound[1])
        shown = _number(limit) if isinstance(limit, int | float) else str(limit)
        found = _number(value) if isinstance(value, int | float) else str(value)
        return (
            "invalid-value",
            f"{described} must be {bound[0]} {shown}, found {found}",
            f"write a value {bound[0]} {shown}",
        )
    if kind == "string_too_short":
        return "invalid-value", f"{described} is empty", "write the text, or remove the key"
    if kind == "string_too_long":
        return (
            "invalid-value",
            f"{described} is too long",
            f"at most {ctx.get('max_length')} characters",
        )
    if kind == "too_short":
        return (
            "invalid-value",
            f"{described} needs at least {ctx.get('min_length')} item(s)",
            ("add the missing items"),
        )
    if kind in ("date_format", "date_invalid"):
        return (
            "wrong-type",
            f"{described}: {error['msg']}",
            "write the date as YYYY-MM-DD, e.g. 2021-06-28",
        )
    if kind in ("age_band", "age_band_order"):
        return "invalid-value", error["msg"], "write the youngest and oldest ages, e.g. 6-11"
    if kind == "deliberation_undated":
        return "missing-key", error["msg"], "add `date: 2020-09-28` or, if unknown, `year: 2020`"
    return "invalid-value", f"{described}: {error['msg']}", None


def diagnostics_from(
    error: ValidationError, model: type[BaseModel], document: Document, path: str
) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for details in error.errors(include_url=False):
        loc: Loc = tuple(details["loc"])
        kind = details["type"]
        parent, field = _field_at(model, loc)
        name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
        if isinstance(loc[-1] if loc else None, int):
            name = f"{name} item {int(loc[-1]) + 1}" if name else ""
        rule, message, hint = _message_and_hint(details, parent, field, name)
        position = document.locate(loc, key=kind == "extra_forbidden")
        found.append(
            Diagnostic(
                path=path,
                position=position,
                severity=Severity.ERROR,
                rule=rule,
                message=message[0].upper() + message[1:] if message else message,
                hint=hint,
            )
        )
    return found
