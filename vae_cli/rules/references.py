"""Identifiers: unique where they must be, and every reference resolves."""

from __future__ import annotations

import typing as t

from vae_cli.findings.diagnostics import Severity
from vae_cli.i18n.messages import Message, msg
from vae_cli.models.common import Localized
from vae_cli.models.french import bare
from vae_cli.reading.shape_findings import did_you_mean, visible
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


Named = t.Sequence[tuple[str, Localized]]  # the ids a plan may name, with their labels


def written_as(value: str, known: Named) -> str | None:
    """The id that `value` stands for when it is written another way: with accents or capitals
    (`équité`, `Participation`, `vision-partagée`), or as the label, whole or its beginning
    (« Formation aux droits de l'enfant », « La participation et l'engagement… »)."""
    key = bare(value.rstrip(".…").strip())
    if not key:
        return None
    for id_, label in known:
        if key in (bare(id_), bare(label.fr), bare(label.en)):
            return id_
    starts = [
        id_
        for id_, label in known
        if len(key) >= 12 and any(bare(text).startswith(key) for text in (label.fr, label.en))
    ]
    return starts[0] if len(starts) == 1 else None


def _near(value: str, known: Named) -> str | None:
    """The id closest to `value`, compared bare with the ids and the labels."""
    forms = {bare(text): id_ for id_, label in known for text in (label.fr, label.en, id_)}
    close = did_you_mean(bare(value), forms)
    return forms[close] if close is not None else None


def _unknown(
    loc: tuple[str | int, ...], value: str, known: Named, what: str, source: str
) -> Finding:
    ids = [id_ for id_, _ in known]
    meant = written_as(value, known)
    close = meant or _near(value, known)
    hint: Message = (
        msg('write its id: "{close}"', close=meant)
        if meant
        else msg('did you mean "{close}"?', close=close)
        if close
        else msg("use one of: {known}", known=", ".join(ids))
    )
    return Finding(
        loc=loc, message=_NOT_KNOWN[what].fill(value=visible(value), source=source), hint=hint
    )


@rule("known-reference", Severity.ERROR)
def known_reference(ctx: Context) -> t.Iterator[Finding]:
    """Every commitment, obligation, recommendation and consultation edition named exists.

    Ids are compared with the plan's referential; a near miss (`bien-etr`) comes with the id it
    probably meant, and so does a commitment, obligation or recommendation written with accents
    or capitals (`équité`, `vision-partagée`) or by its label, whole or its beginning
    (`obligations: [Formation aux droits de l'enfant]`): they are compared without accents
    with the referential's ids and labels.
    """
    ref = ctx.referential
    commitments: Named = [(c.id, c.label) for c in ref.commitments]
    obligations: Named = [(o.id, o.label) for o in ref.obligations]
    recommendations: Named = [(r.id, r.label) for r in ref.recommendations]
    commitment_ids = {c.id for c in ref.commitments}
    obligation_ids = {o.id for o in ref.obligations}
    recommendation_ids = {r.id for r in ref.recommendations}
    for i, framing in enumerate(ctx.plan.commitments):
        if framing.id not in commitment_ids:
            yield _unknown(("commitments", i, "id"), framing.id, commitments, "commitment", ref.id)
    for i, action in enumerate(ctx.plan.actions):
        if action.commitment not in commitment_ids:
            yield _unknown(
                ("actions", i, "commitment"), action.commitment, commitments, "commitment", ref.id
            )
        for j, obligation in enumerate(action.obligations):
            if obligation not in obligation_ids:
                yield _unknown(
                    ("actions", i, "obligations", j), obligation, obligations, "obligation", ref.id
                )
        for j, recommendation in enumerate(action.recommendations):
            if recommendation not in recommendation_ids:
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
            close = did_you_mean(consultation.edition, editions)
            yield Finding(
                loc=("consultations", i, "edition"),
                message=_NOT_KNOWN["consultation edition"].fill(
                    value=visible(consultation.edition), source=ref.id
                ),
                hint=msg('did you mean "{close}"?', close=close)
                if close
                else msg("use one of: {known}", known=", ".join(editions)),
            )
