"""Does the plan cover what the network requires?"""

from __future__ import annotations

import typing as t

from vae_cli.findings.diagnostics import Severity
from vae_cli.i18n.messages import msg
from vae_cli.models.plan import Action, Status
from vae_cli.rules import Context, Finding, rule


@rule("commitment-covered", Severity.ERROR)
def commitment_covered(ctx: Context) -> t.Iterator[Finding]:
    """Every commitment of the referential has at least one action.

    The network's commitments are "indissociables et obligatoires": a plan with no action under
    one of them is incomplete. Add an action whose `commitment:` is that commitment's id.
    """
    served = {action.commitment for action in ctx.plan.actions}
    for commitment in ctx.referential.commitments:
        if commitment.id not in served:
            yield Finding(
                loc=("actions",),
                at_key=True,
                message=msg(
                    'no action serves the commitment "{commitment}" ({label})',
                    commitment=commitment.id,
                    label=commitment.label.fr,
                ),
                hint=msg("add an action with `commitment: {commitment}`", commitment=commitment.id),
            )


@rule("obligation-covered", Severity.ERROR)
def obligation_covered(ctx: Context) -> t.Iterator[Finding]:
    """Every obligation of the referential is covered by at least one action.

    Each member city affirms the network's obligations (shared vision, training, action plan,
    monitoring, communication, consultation). An action covers an obligation by listing its id
    in `obligations:`.
    """
    covered = {o for action in ctx.plan.actions for o in action.obligations}
    for obligation in ctx.referential.obligations:
        if obligation.id not in covered:
            yield Finding(
                loc=("actions",),
                at_key=True,
                message=msg(
                    'no action covers the obligation "{obligation}" ({label})',
                    obligation=obligation.id,
                    label=obligation.label.fr,
                ),
                hint=msg(
                    "add `{obligation}` to the `obligations:` of the action that fulfils it",
                    obligation=obligation.id,
                ),
            )


@rule("consultation-held", Severity.ERROR)
def consultation_held(ctx: Context) -> t.Iterator[Finding]:
    """An obligation that requires the consultation has a consultation of this mandate.

    The national consultation of 6-18 year-olds must be run at least once per mandate: the plan's
    `consultations:` needs an entry whose `edition` opened during the mandate. The rule waits
    while the city can still take part: as long as an edition of the mandate opens or runs in
    the current year (`--as-of`) or later, and while the referential lists no edition during the
    mandate at all (a mandate that has just begun, a provisional referential).
    """
    rules = ctx.referential.consultation
    needing = [o for o in ctx.referential.obligations if o.requires_consultation]
    if rules is None or not needing:
        return
    editions = [e for e in rules.editions if e.year in ctx.mandate_years]
    still_open = [
        e
        for e in editions
        if e.year >= ctx.as_of or (e.end is not None and e.end.year >= ctx.as_of)
    ]
    if not editions or still_open:
        return
    inside = [e.id for e in editions]
    opened = {edition.id: edition.year for edition in rules.editions}
    if any(opened.get(c.edition, 0) in ctx.mandate_years for c in ctx.plan.consultations):
        return
    for obligation in needing:
        yield Finding(
            loc=("consultations",) if "consultations" in ctx.document.data else (),
            at_key=True,
            message=msg(
                'the obligation "{obligation}" needs a consultation of an edition held during '
                "the mandate {start}-{end}",
                obligation=obligation.id,
                start=ctx.plan.mandate.start,
                end=ctx.plan.mandate.end,
            ),
            hint=msg(
                "record under `consultations:` the edition the city ran ({editions}); if it ran "
                "none, this obligation was not met during the mandate",
                editions=", ".join(inside),
            ),
        )


@rule("consultation-respondents", Severity.WARNING)
def consultation_respondents(ctx: Context) -> t.Iterator[Finding]:
    """A consultation reached the minimum number of questionnaires for a local extract.

    UNICEF France sends a city its own results only if at least 200 questionnaires (the
    referential's `min_respondents_for_local_extract`) were filled in for it.
    """
    rules = ctx.referential.consultation
    if rules is None:
        return
    minimum = rules.min_respondents_for_local_extract
    for i, consultation in enumerate(ctx.plan.consultations):
        if consultation.respondents < minimum:
            yield Finding(
                loc=("consultations", i, "respondents"),
                message=msg(
                    "{respondents} questionnaires is fewer than the {minimum} needed for a local "
                    "extract of the results",
                    respondents=consultation.respondents,
                    minimum=minimum,
                ),
                hint=msg(
                    "only national results will be available; plan a wider campaign next time "
                    "(and check `local_extract: true`)"
                )
                if consultation.local_extract
                else msg(
                    "only national results will be available; plan a wider campaign next time"
                ),
            )


def _abandoned(action: Action, as_of: int) -> bool:
    """Whether the action's latest progress entry, up to `as_of`, says it was abandoned."""
    entries = sorted((p for p in action.progress if p.year <= as_of), key=lambda p: p.year)
    return bool(entries) and entries[-1].status is Status.ABANDONED


@rule("covered-only-by-abandoned", Severity.WARNING)
def covered_only_by_abandoned(ctx: Context) -> t.Iterator[Finding]:
    """No obligation or commitment is covered only by abandoned actions.

    An abandoned action covers nothing: the follow-up report counts an obligation whose every
    action was abandoned as not covered, and a commitment served only by abandoned actions as
    not served. Give it an action under way (a new one, or one that already runs, by adding the
    obligation to its `obligations:`). The finding points at the last abandoned action that
    named it; an action is abandoned when its latest progress entry (up to `--as-of`) says so.
    """
    for obligation in ctx.referential.obligations:
        left = _left_to_abandoned(ctx, obligation.id, lambda a: a.obligations)
        if left is not None:
            i, ids = left
            yield Finding(
                loc=(
                    "actions",
                    i,
                    "obligations",
                    ctx.plan.actions[i].obligations.index(obligation.id),
                ),
                message=msg(
                    'the obligation "{obligation}" is covered only by abandoned actions '
                    "({actions})",
                    obligation=obligation.id,
                    actions=ids,
                ),
                hint=msg(
                    "an abandoned action covers nothing: add `{obligation}` to the "
                    "`obligations:` of an action under way",
                    obligation=obligation.id,
                ),
            )
    for commitment in ctx.referential.commitments:
        left = _left_to_abandoned(ctx, commitment.id, lambda a: [a.commitment])
        if left is not None:
            i, ids = left
            yield Finding(
                loc=("actions", i, "commitment"),
                message=msg(
                    'the commitment "{commitment}" is served only by abandoned actions ({actions})',
                    commitment=commitment.id,
                    actions=ids,
                ),
                hint=msg(
                    "an abandoned action serves nothing: add an action under way with "
                    "`commitment: {commitment}`",
                    commitment=commitment.id,
                ),
            )


def _left_to_abandoned(
    ctx: Context, wanted: str, named: t.Callable[[Action], list[str]]
) -> tuple[int, str] | None:
    """When the actions that name `wanted` (among the ids `named` gives) are all abandoned: the
    index of the last one, and all their ids."""
    serving = [(i, a) for i, a in enumerate(ctx.plan.actions) if wanted in named(a)]
    if not serving or not all(_abandoned(a, ctx.as_of) for _, a in serving):
        return None
    return serving[-1][0], ", ".join(a.id for _, a in serving)
