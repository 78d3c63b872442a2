"""The network's questions: a referential's are well formed, a plan's answers fit them."""

from __future__ import annotations

import typing as t

from vae_cli.findings.diagnostics import Severity
from vae_cli.i18n.messages import Message, msg
from vae_cli.i18n.numbers import plain_number
from vae_cli.models.answers import AnswerProblem, read_answer
from vae_cli.models.referential import Question
from vae_cli.reading.shape_findings import did_you_mean, visible
from vae_cli.rules import Context, Finding, ReferentialContext, referential_rule, rule
from vae_cli.rules.placeholders import MARKER, marked_to_fill


@referential_rule("referential-questions")
def questions(ctx: ReferentialContext) -> t.Iterator[Finding]:
    """A referential's questions are unique and each is answerable as its kind says.

    Plans answer a question by its id, so two questions `tarif-social` would share one answer.
    A `choice` question lists its `options` (unique ids), and only it does; `unit`, `minimum`
    and `maximum` belong to `number` questions, and `minimum` is not above `maximum`.
    """
    seen: set[str] = set()
    for i, question in enumerate(ctx.referential.questions):
        if question.id in seen:
            yield Finding(
                loc=("questions", i, "id"),
                message=msg('the question id "{value}" is used twice', value=question.id),
                hint=msg("give each one its own id"),
            )
        seen.add(question.id)
        yield from _question_shape(i, question)


def _question_shape(i: int, question: Question) -> t.Iterator[Finding]:
    if question.kind == "choice" and not question.options:
        yield Finding(
            loc=("questions", i, "kind"),
            message=msg('the choice question "{question}" has no options', question=question.id),
            hint=msg("list its answers under `options:`, each with an `id` and a `label`"),
        )
    if question.kind != "choice" and question.options:
        yield Finding(
            loc=("questions", i, "options"),
            message=msg(
                'the question "{question}" is not a choice but lists options',
                question=question.id,
            ),
            hint=msg("write `kind: choice`, or remove `options:`"),
        )
    if question.kind != "number":
        for key in ("unit", "minimum", "maximum"):
            if getattr(question, key) is not None:
                yield Finding(
                    loc=("questions", i, key),
                    message=msg(
                        'the question "{question}" is not a number but has a `{key}`',
                        question=question.id,
                        key=key,
                    ),
                    hint=msg("write `kind: number`, or remove `{key}:`", key=key),
                )
    low, high = question.minimum, question.maximum
    if low is not None and high is not None and low > high:
        yield Finding(
            loc=("questions", i, "maximum"),
            message=msg(
                'the question "{question}" allows at most {high}, less than its minimum {low}',
                question=question.id,
                high=plain_number(high),
                low=plain_number(low),
            ),
            hint=msg("swap `minimum` and `maximum`"),
        )
    seen: set[str] = set()
    for j, option in enumerate(question.options):
        if option.id in seen:
            yield Finding(
                loc=("questions", i, "options", j, "id"),
                message=msg('the option id "{value}" is used twice', value=option.id),
                hint=msg("give each one its own id"),
            )
        seen.add(option.id)


@rule("answer-known-question", Severity.ERROR)
def known_question(ctx: Context) -> t.Iterator[Finding]:
    """Every answer is to a question of the plan's referential.

    `answers:` holds one answer per question, by the question's id (see the referential's
    `questions:`); a near miss (`tarification-quotien-familial`) comes with the id it probably
    meant.
    """
    ref = ctx.referential
    known = [q.id for q in ref.questions]
    for key in ctx.plan.answers:
        if key in known:
            continue
        close = did_you_mean(key, known)
        yield Finding(
            loc=("answers", key),
            at_key=True,
            message=msg(
                '"{value}" is not a question of {source}', value=visible(key), source=ref.id
            ),
            hint=msg('did you mean "{close}"?', close=close)
            if close
            else msg("use one of: {known}", known=", ".join(known))
            if known
            else msg("{source} asks no question: remove `answers:`", source=ref.id),
        )


@rule("answer-type", Severity.ERROR)
def answer_type(ctx: Context) -> t.Iterator[Finding]:
    """Every answer is of its question's kind, and within its bounds.

    A yes/no question takes `oui` or `non` (any case, `true` and `false` too); a number takes a
    number, written `4.50`, `4,50` or `4,50 €` (not `1,500`, which could be one and a half or
    fifteen hundred), between the question's `minimum` and `maximum`; a choice takes one of its
    options, by id or by label. A value still marked `À REMPLIR` is left to `to-fill`.
    """
    questions = {q.id: q for q in ctx.referential.questions}
    for key, value in ctx.plan.answers.items():
        question = questions.get(key)
        if question is None:
            continue
        if isinstance(value, str) and value.lstrip().startswith(MARKER):
            continue
        if marked_to_fill(ctx, ("answers", key)):
            continue
        try:
            read_answer(question, value)
        except AnswerProblem as problem:
            yield Finding(loc=("answers", key), message=problem.message, hint=problem.hint)


@rule("answer-given", Severity.WARNING)
def answer_given(ctx: Context) -> t.Iterator[Finding]:
    """Every question of the referential has its answer.

    The network adds up the cities' answers (« 74 % des villes… »): a city that does not answer
    is counted apart, never as a « non ». A warning, not an error, since a referential may add a
    question during the mandate. The hint gives the line to add under `answers:`.
    """
    for question in ctx.referential.questions:
        if question.id in ctx.plan.answers:
            continue
        yield Finding(
            loc=("answers",),
            at_key=True,
            message=msg(
                'the question "{question}" of {source} has no answer ({label})',
                question=question.id,
                source=ctx.referential.id,
                label=question.label.fr,
            ),
            hint=_line_to_add(question),
        )


def _line_to_add(question: Question) -> Message:
    """The line to add under `answers:`, its value a placeholder of the right kind."""
    if question.kind == "yes_no":
        return msg(
            "add under `answers:` the line `{question}: yes` (or `no`)", question=question.id
        )
    if question.kind == "number":
        if question.unit:
            return msg(
                "add under `answers:` the line `{question}: 4.50`, with the city's figure in "
                "{unit}",
                question=question.id,
                unit=question.unit,
            )
        return msg(
            "add under `answers:` the line `{question}: 4.50`, with the city's figure",
            question=question.id,
        )
    ids = [option.id for option in question.options]
    return msg(
        "add under `answers:` the line `{question}: {first}`, or another of: {known}",
        question=question.id,
        first=ids[0] if ids else "",
        known=", ".join(ids),
    )
