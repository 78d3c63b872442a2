"""The city's own facts agree with one another."""

from __future__ import annotations

import datetime as dt
import typing as t

from vae_cli.findings.diagnostics import Severity
from vae_cli.i18n.messages import msg
from vae_cli.plan_format import department_of
from vae_cli.rules import Context, Finding, rule


@rule("department-matches-insee", Severity.ERROR)
def department_matches_insee(ctx: Context) -> t.Iterator[Finding]:
    """The city's department is the one its INSEE code belongs to.

    An INSEE commune code starts with its department (`76540`, Rouen, is in the Seine-Maritime,
    `76`; `2A004` in Corse-du-Sud, `2A`; overseas, three digits: `97411` in `974`), so a
    department that does not match (`"27"` with `76540`) is a typo in one of the two; reports
    and UNICEF France's local committee, one per department, go by it.
    """
    city = ctx.plan.city
    expected = department_of(city.insee_code)
    if city.department != expected:
        yield Finding(
            loc=("city", "department"),
            message=msg(
                'the department "{department}" is not the one of the INSEE code "{insee}", '
                'which is in "{expected}"',
                department=city.department,
                insee=city.insee_code,
                expected=expected,
            ),
            hint=msg(
                'write `department: "{expected}"`, or check `insee_code` (the commune\'s code, '
                "not its postcode)",
                expected=expected,
            ),
        )


_STEPS = ("declaration_of_intent", "hearing", "board_decision", "convention_signed")


@rule("process-in-order", Severity.WARNING)
def process_in_order(ctx: Context) -> t.Iterator[Finding]:
    """The network's admission steps (`process:`) come in their order.

    The declaration of intent comes first; the hearing before UNICEF France's commission, the
    board's decision and the convention signed come after it; the convention is signed once the
    board has decided; a probation period ends after it starts. A date out of that order is
    usually a typo in the year or in the day and month (`2021-05-26` written `2021-26-05` would
    not read at all; `2020-05-26` would, a year early).
    """
    process = ctx.plan.process
    if process is None:
        return
    dated = {name: getattr(process, name) for name in _STEPS if getattr(process, name)}
    declared = dated.get("declaration_of_intent")
    for name, step in dated.items():
        if declared is not None and name != "declaration_of_intent" and step.date < declared.date:
            yield _out_of_order(name, step.date, "declaration_of_intent", declared.date)
    board, convention = dated.get("board_decision"), dated.get("convention_signed")
    if board is not None and convention is not None and convention.date < board.date:
        yield _out_of_order("convention_signed", convention.date, "board_decision", board.date)
    probation = process.probation
    if probation is not None and probation.end is not None and probation.end < probation.start:
        yield Finding(
            loc=("process", "probation", "end"),
            message=msg(
                "the probation period ends ({end}) before it starts ({start})",
                end=probation.end.isoformat(),
                start=probation.start.isoformat(),
            ),
            hint=msg("swap `start` and `end`, or check the years"),
        )


def _out_of_order(name: str, date: dt.date, before: str, before_date: dt.date) -> Finding:
    return Finding(
        loc=("process", name, "date"),
        message=msg(
            "`{step}` is dated {date}, before `{before}` ({before_date})",
            step=name,
            date=date.isoformat(),
            before=before,
            before_date=before_date.isoformat(),
        ),
        hint=msg("check both dates (YYYY-MM-DD): the steps follow one another"),
    )
