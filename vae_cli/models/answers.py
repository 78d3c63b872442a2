"""A city's answer to a question of its referential, read as the question's kind says.

Plans elsewhere are strict (`yes` is not a boolean, `28,5` is not a number), because their
values feed the reports' computations and a strict file is the same file for every reader. An
answer is one word or number typed by a French office in reply to a question in French: `oui`,
`Non`, `4,50`, `4,50 €` or an option's label mean one thing only, so they are read as meant.
What could be read two ways (`1,500`) is refused, as the spreadsheet import refuses it: the
same reader (`vae_cli.i18n.typed_numbers.read_number`) reads both.
"""

from __future__ import annotations

import dataclasses
import typing as t

from vae_cli.i18n.messages import Message, msg
from vae_cli.i18n.numbers import plain_number
from vae_cli.i18n.typed_numbers import TypedProblem, read_number
from vae_cli.models.french import bare
from vae_cli.models.referential import Question
from vae_cli.plan_format import Answer
from vae_cli.rules.references import written_as

Written = bool | float | str  # what the plan holds (`vae_cli.models.plan.AnswerValue`)

# Words for yes and no, compared bare (lowercase, without accents). `true`/`false` are YAML's
# booleans already; their text (in quotes) and English's yes/no are read too.
_YES = frozenset({"oui", "yes", "true", "vrai"})
_NO = frozenset({"non", "no", "false", "faux"})
# The euro as a French office writes it after an amount (`4,50 €`, `4,50 EUR`).
_EUROS = frozenset({"€", "eur", "euro", "euros"})


@dataclasses.dataclass(frozen=True)
class AnswerProblem(Exception):
    """Why an answer is not one its question allows: `kind` is "type" (not a yes/no, a number,
    an option) or "range" (a number outside the question's bounds)."""

    kind: t.Literal["type", "range"]
    message: Message
    hint: Message


def _shown(value: Written) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float | int):
        return plain_number(value)
    return value


def _yes_no(question: Question, value: Written) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and bare(value) in _YES | _NO:
        return bare(value) in _YES
    raise AnswerProblem(
        "type",
        msg(
            'the answer to "{question}" is yes or no, found "{value}"',
            question=question.id,
            value=_shown(value),
        ),
        msg("write yes or no"),
    )


def _number(question: Question, value: Written) -> float:
    if isinstance(value, bool):
        number: float | None = None
    elif isinstance(value, float | int):
        number = float(value)
    else:
        text = value.strip()
        unit = (question.unit or "").strip()
        if unit and text.endswith(unit) and bare(unit) not in _EUROS:
            text = text[: -len(unit)]
        try:
            number = float(read_number(text, euros=bare(unit) in _EUROS))
        except TypedProblem:
            number = None
    if number is None:
        raise AnswerProblem(
            "type",
            msg(
                'the answer to "{question}" is a number, found "{value}"',
                question=question.id,
                value=_shown(value),
            ),
            msg("write a number, e.g. 4.50"),
        )
    low, high = question.minimum, question.maximum
    if (low is not None and number < low) or (high is not None and number > high):
        bounds = (
            msg("between {low} and {high}", low=plain_number(low), high=plain_number(high))
            if low is not None and high is not None
            else msg("at least {low}", low=plain_number(low))
            if low is not None
            else msg("at most {high}", high=plain_number(t.cast(float, high)))
        )
        raise AnswerProblem(
            "range",
            msg(
                'the answer to "{question}" is {value}, outside what it allows',
                question=question.id,
                value=_shown(value),
            ),
            msg("write a number {bounds}", bounds=bounds),
        )
    return number


def _choice(question: Question, value: Written) -> str:
    options = [(option.id, option.label) for option in question.options]
    if isinstance(value, str):
        if value in {id_ for id_, _ in options}:
            return value
        # An option's label, or its id with capitals or accents, as `commitment:` takes them.
        meant = written_as(value, options)
        if meant is not None:
            return meant
    raise AnswerProblem(
        "type",
        msg(
            'the answer to "{question}" is one of its options, found "{value}"',
            question=question.id,
            value=_shown(value),
        ),
        msg("write one of: {known}", known=", ".join(id_ for id_, _ in options)),
    )


def read_answer(question: Question, value: Written) -> Answer:
    """What `value`, a plan's answer to `question`, means: a bool for a yes/no question, a
    float for a number, the option's id for a choice. AnswerProblem when it is none of these,
    or a number out of the question's bounds."""
    if question.kind == "yes_no":
        return _yes_no(question, value)
    if question.kind == "number":
        return _number(question, value)
    return _choice(question, value)
