"""Identifiers: unique where they must be, and every reference resolves."""

from __future__ import annotations

import typing as t

from vae_cli.findings.diagnostics import Severity
from vae_cli.i18n.messages import Message, msg
from vae_cli.reading.shape_findings import did_you_mean
from vae_cli.rules import Context, Finding, rule

# One whole sentence per kind of id, so that each language can write it its own way.
_USED_TWICE = {
    "action": msg('the action id "{value}" is used twice'),
    "indicator": msg('the indicator id "{value}" is used twice'),
    "commitment": msg('the commitment id "{value}" is used twice'),
}
_NOT_KNOWN = {
    "commitment": msg('"{value}" is not a commitment of {source}'),
    "obligation": msg('"{value}" is not an obligation of {source}'),
    "recommendation": msg('"{value}" is not a recommendation of {source}'),
    "consultation edition": msg('"{value}" is not a consultation edition of {source}'),
}


def _duplicates(
    items: t.Iterable[tuple[tuple[str | int, ...], str]], what: str
) -> t.Iterator[Finding]:
    first: dict[str, tuple[str | int, ...]] = {}
    for loc, value in items:
        if value in first:
            yield Finding(
                loc=loc,
                message=_USED_TWICE[what].fill(value=value),
                hint=msg("give each one its own id"),
            )
        else:
            first[value] = loc


@rule("unique-ids", Severity.ERROR)
def unique_ids(ctx: Context) -> t.Iterator[Finding]:
    """Action ids, indicator ids and commitment framings are unique in the plan.

    Reports, `vae record` and `vae diff` name actions and indicators by id, so an id must point at
    one thing only. Indicator ids are unique across the whole plan, not only inside their action.
    """
    plan = ctx.plan
    yield from _duplicates(
        ((("actions", i, "id"), a.id) for i, a in enumerate(plan.actions)), "action"
    )
    yield from _duplicates(
        (
            (("actions", i, "indicators", j, "id"), ind.id)
            for i, a in enumerate(plan.actions)
            for j, ind in enumerate(a.indicators)
        ),
        "indicator",
    )
    yield from _duplicates(
        ((("commitments", i, "id"), c.id) for i, c in enumerate(plan.commitments)), "commitment"
    )


def _unknown(
    loc: tuple[str | int, ...], value: str, known: list[str], what: str, source: str
) -> Finding:
    close = did_you_mean(value, known)
    hint: Message = (
        msg('did you mean "{close}"?', close=close)
        if close
        else msg("use one of: {known}", known=", ".join(known))
    )
    return Finding(loc=loc, message=_NOT_KNOWN[what].fill(value=value, source=source), hint=hint)


@rule("known-reference", Severity.ERROR)
def known_reference(ctx: Context) -> t.Iterator[Finding]:
    """Every commitment, obligation, recommendation and consultation edition named exists.

    Ids are compared with the plan's referential; a near miss (`bien-etr`) comes with the id it
    probably meant.
    """
    ref = ctx.referential
    commitments = [c.id for c in ref.commitments]
    obligations = [o.id for o in ref.obligations]
    recommendations = [r.id for r in ref.recommendations]
    for i, framing in enumerate(ctx.plan.commitments):
        if framing.id not in commitments:
            yield _unknown(("commitments", i, "id"), framing.id, commitments, "commitment", ref.id)
    for i, action in enumerate(ctx.plan.actions):
        if action.commitment not in commitments:
            yield _unknown(
                ("actions", i, "commitment"), action.commitment, commitments, "commitment", ref.id
            )
        for j, obligation in enumerate(action.obligations):
            if obligation not in obligations:
                yield _unknown(
                    ("actions", i, "obligations", j), obligation, obligations, "obligation", ref.id
                )
        for j, recommendation in enumerate(action.recommendations):
            if recommendation not in recommendations:
                yield _unknown(
                    ("actions", i, "recommendations", j),
                    recommendation,
                    recommendations,
                    "recommendation",
                    ref.id,
                )
    editions = [e.id for e in ref.consultation.editions] if ref.consultation else []
    for i, consultation in enumerate(ctx.plan.consultations):
        if consultation.edition not in editions:
            yield _unknown(
                ("consultations", i, "edition"),
                consultation.edition,
                editions,
                "consultation edition",
                ref.id,
            )
