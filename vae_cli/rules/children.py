"""Is the children's edition written for children?"""

from __future__ import annotations

import typing as t

from vae_cli.findings.diagnostics import Severity
from vae_cli.i18n.messages import msg
from vae_cli.rules import Context, Finding, rule
from vae_cli.rules.placeholders import MARKER


@rule("children-text", Severity.WARNING)
def children_text(ctx: Context) -> t.Iterator[Finding]:
    """Every action has a text for children, once the plan writes for children.

    The children's edition (`vae report --kind enfants`) shows every action, told to children
    in the action's `for_children` text; an action without one shows its title, which is
    written for the council, not for a ten-year-old. The rule applies to a plan that has begun
    writing for children (an action or a commitment has a `for_children` text): a plan that
    has none has not taken up the edition, and is not told about each of its actions. An
    action still to fill from `vae init` is reported by `to-fill` alone. Turn the rule off in
    `.vae.yaml` if the city does not publish the children's edition.
    """
    plan = ctx.plan
    if not any(a.for_children for a in plan.actions) and not any(
        c.for_children for c in plan.commitments
    ):
        return
    for i, action in enumerate(plan.actions):
        if action.for_children is None and not action.title.lstrip().startswith(MARKER):
            yield Finding(
                loc=("actions", i, "id"),
                message=msg(
                    'the action "{action}" has no text for children: the children\'s edition '
                    "shows its title",
                    action=action.id,
                ),
                hint=msg(
                    "add `for_children:` with one or two short sentences saying what the "
                    "action changes for children"
                ),
            )
