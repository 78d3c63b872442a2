"""The checks of a referential file: what plans are checked against must not contradict itself.

They run on a referential whose shape is valid, whether `vae validate` is given the file, a
plan names it or `--referential` adds it. A referential with findings is not used: the plans
that name it get one `known-reference` error saying so, and the referential's own findings are
listed under its name.
"""

from __future__ import annotations

import typing as t

from vae_cli.i18n.messages import msg
from vae_cli.reading.shape_findings import did_you_mean
from vae_cli.rules import Finding, ReferentialContext, referential_rule
from vae_cli.rules.years import reversed_mandate

Loc = tuple[str | int, ...]

# One whole sentence per kind of id, so that each language can write it its own way.
_USED_TWICE = {
    "commitment": msg('the commitment id "{value}" is used twice'),
    "obligation": msg('the obligation id "{value}" is used twice'),
    "recommendation": msg('the recommendation id "{value}" is used twice'),
    "edition": msg('the consultation edition "{value}" is listed twice'),
}


def _duplicates(items: t.Iterable[tuple[Loc, str]], what: str) -> t.Iterator[Finding]:
    seen: set[str] = set()
    for loc, value in items:
        if value in seen:
            yield Finding(
                loc=loc,
                message=_USED_TWICE[what].fill(value=value),
                hint=msg("give each one its own id"),
            )
        seen.add(value)


@referential_rule("referential-unique-ids")
def unique_ids(ctx: ReferentialContext) -> t.Iterator[Finding]:
    """A referential's commitment, obligation and recommendation ids, its consultation
    editions, and the numbers of the recommendations of each commitment (R1, R2…), are unique.

    Plans name them by id: with two commitments `bien-etre`, an action serving `bien-etre`
    serves one of them, and the check of the plan cannot tell which. The second one is
    reported.
    """
    ref = ctx.referential
    yield from _duplicates(
        ((("commitments", i, "id"), c.id) for i, c in enumerate(ref.commitments)), "commitment"
    )
    yield from _duplicates(
        ((("obligations", i, "id"), o.id) for i, o in enumerate(ref.obligations)), "obligation"
    )
    yield from _duplicates(
        ((("recommendations", i, "id"), r.id) for i, r in enumerate(ref.recommendations)),
        "recommendation",
    )
    numbered: set[tuple[str, int]] = set()
    for i, r in enumerate(ref.recommendations):
        if r.number is None:
            continue
        if (r.commitment, r.number) in numbered:
            yield Finding(
                loc=("recommendations", i, "number"),
                message=msg(
                    'the commitment "{commitment}" has two recommendations numbered R{number}',
                    commitment=r.commitment,
                    number=r.number,
                ),
                hint=msg("number the recommendations of a commitment 1, 2, 3… once each"),
            )
        numbered.add((r.commitment, r.number))
    if ref.consultation is not None:
        yield from _duplicates(
            (
                (("consultation", "editions", i, "id"), e.id)
                for i, e in enumerate(ref.consultation.editions)
            ),
            "edition",
        )


@referential_rule("referential-known-commitment")
def known_commitment(ctx: ReferentialContext) -> t.Iterator[Finding]:
    """Every recommendation of a referential belongs to one of its commitments.

    A recommendation's `commitment:` names the commitment it is listed under (`vae init`
    suggests it to the actions of that commitment); a near miss (`bien-etr`) comes with the id
    it probably meant.
    """
    ref = ctx.referential
    known = [c.id for c in ref.commitments]
    for i, recommendation in enumerate(ref.recommendations):
        if recommendation.commitment in known:
            continue
        close = did_you_mean(recommendation.commitment, known)
        yield Finding(
            loc=("recommendations", i, "commitment"),
            message=msg(
                'the recommendation "{recommendation}" belongs to "{value}", which is not a '
                "commitment of {source}",
                recommendation=recommendation.id,
                value=recommendation.commitment,
                source=ref.id,
            ),
            hint=msg('did you mean "{close}"?', close=close)
            if close
            else msg("use one of: {known}", known=", ".join(known)),
        )


@referential_rule("referential-start-before-end")
def start_before_end(ctx: ReferentialContext) -> t.Iterator[Finding]:
    """A referential's mandate starts before it ends, and so does each consultation edition
    whose dates it gives.

    Plans are checked against the referential's mandate (`mandate-matches-referential`) and its
    editions' dates (`consultation-held` waits while an edition runs): years or dates in the
    wrong order are a typo that would make every plan wrong.
    """
    ref = ctx.referential
    mandate = ref.mandate
    yield from reversed_mandate(mandate.start, mandate.end)
    editions = ref.consultation.editions if ref.consultation is not None else []
    for i, edition in enumerate(editions):
        if edition.start is not None and edition.end is not None and edition.end < edition.start:
            yield Finding(
                loc=("consultation", "editions", i, "end"),
                message=msg(
                    'the consultation edition "{edition}" ends ({end}) before it starts ({start})',
                    edition=edition.id,
                    end=edition.end.isoformat(),
                    start=edition.start.isoformat(),
                ),
                hint=msg("swap `start` and `end`"),
            )
