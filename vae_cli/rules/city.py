"""The city's own facts agree with one another."""

from __future__ import annotations

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
