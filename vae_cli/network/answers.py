"""The network's questions: each city's answers, then what they add up to across the network.

Honest counts: a share is of the cities that answered, a city that did not answer is counted
apart (`unanswered`) and never as a « non », and a number question gives the spread of the
answers (smallest, median, largest) rather than an average one large city could pull.
"""

from __future__ import annotations

import statistics
import typing as t

from vae_cli.i18n.messages import msg
from vae_cli.models.answers import AnswerProblem, read_answer
from vae_cli.network.data import Answer, AnswerCount, QuestionResult

if t.TYPE_CHECKING:
    from vae_cli.models.plan import Plan
    from vae_cli.models.referential import Question, Referential

CityAnswers = tuple[tuple[str, Answer], ...]  # question id → answer, in the referential's order


def answers_of(plan: Plan, referential: Referential) -> CityAnswers:
    """The plan's answers to the referential's questions, as they mean: a bool for yes/no, a
    float for a number, the option's id for a choice. A question left unanswered is absent, and
    so is an answer `vae validate` refuses (a plan with errors is not counted anyway)."""
    answers: list[tuple[str, Answer]] = []
    for question in referential.questions:
        if question.id not in plan.answers:
            continue
        try:
            answers.append((question.id, read_answer(question, plan.answers[question.id])))
        except AnswerProblem:
            continue
    return tuple(answers)


def _share(cities: int, answered: int) -> float:
    return cities / answered if answered else 0.0


def _counts(question: Question, given: list[Answer], lang: str) -> tuple[AnswerCount, ...]:
    if not given:
        return ()
    if question.kind == "yes_no":
        yes = sum(1 for answer in given if answer is True)
        no = sum(1 for answer in given if answer is False)
        return (
            AnswerCount(
                value="yes",
                label=msg("yes").written_in(lang),
                cities=yes,
                share=_share(yes, len(given)),
            ),
            AnswerCount(
                value="no",
                label=msg("no").written_in(lang),
                cities=no,
                share=_share(no, len(given)),
            ),
        )
    if question.kind == "choice":
        counts: list[AnswerCount] = []
        for option in question.options:
            cities = sum(1 for answer in given if answer == option.id)
            counts.append(
                AnswerCount(
                    value=option.id,
                    label=getattr(option.label, lang),
                    cities=cities,
                    share=_share(cities, len(given)),
                )
            )
        return tuple(counts)
    return ()  # numbers: their spread says more than buckets chosen by us


def _result(question: Question, per_city: t.Sequence[CityAnswers], lang: str) -> QuestionResult:
    given = [answer for city in per_city for id_, answer in city if id_ == question.id]
    numbers = (
        sorted(float(a) for a in given if not isinstance(a, bool | str))
        if question.kind == "number"
        else []
    )
    return QuestionResult(
        id=question.id,
        label=getattr(question.label, lang),
        kind=question.kind,
        unit=question.unit,
        answered=len(given),
        unanswered=len(per_city) - len(given),
        counts=_counts(question, given, lang),
        minimum=numbers[0] if numbers else None,
        median=statistics.median(numbers) if numbers else None,
        maximum=numbers[-1] if numbers else None,
        note=getattr(question.note, lang) if question.note is not None else None,
    )


def question_results(
    questions: t.Sequence[Question], answers_per_city: t.Sequence[CityAnswers], lang: str
) -> tuple[QuestionResult, ...]:
    """Each question's results over the counted cities of one referential: `answers_per_city`
    holds one entry per counted city (`answers_of`), even a city that answers nothing."""
    return tuple(_result(question, answers_per_city, lang) for question in questions)
