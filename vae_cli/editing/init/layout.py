"""The sections both ways of starting a plan write, and the placeholders left to fill in."""

from __future__ import annotations

import typing as t

from vae_cli.editing import texts
from vae_cli.editing.emit import Commented, Directive, Section
from vae_cli.editing.init.schema_link import SchemaLink
from vae_cli.models.referential import Referential
from vae_cli.reading.yaml_document import Data
from vae_cli.rules.placeholders import MARKER


def to_fill(what: str) -> str:
    """A value the city has to write, as the `to-fill` rule finds it."""
    return f"{MARKER} : {what}"


def commitment_framings(referential: Referential, carried: list[Data]) -> list[t.Any]:
    """One framing per commitment of the referential: the `carried` one of the same id, else
    one to fill in; carried framings of commitments it no longer has come last."""
    by_id = {c.get("id"): c for c in carried if isinstance(c, dict)}
    framings: list[t.Any] = []
    for commitment in referential.commitments:
        before = (f"Engagement {commitment.number} — {commitment.label.fr}",)
        if commitment.id in by_id:
            framings.append(Commented(by_id.pop(commitment.id), before))
        else:
            summary = to_fill("comment la ville comprend cet engagement, en quelques phrases")
            framings.append(Commented({"id": commitment.id, "summary": summary}, before))
    # Framings of commitments the referential no longer has: kept, for the city to decide.
    framings.extend(by_id.values())
    return framings


def placeholder_action(
    referential: Referential, commitment_id: str, mandate: tuple[int, int]
) -> t.Any:
    """A first action for the commitment, every field the city writes left to fill in."""
    start, end = mandate
    commitment = next(c for c in referential.commitments if c.id == commitment_id)
    recommendations = [r.id for r in referential.recommendations if r.commitment == commitment_id]
    before = [
        f"Engagement {commitment.number} — {commitment.label.fr} : une première action, à "
        "compléter, à dupliquer (une fiche par action) ou à remplacer.",
    ]
    if recommendations:
        before.append("Recommandations de cet engagement : " + ", ".join(recommendations) + ".")
    return Commented(
        {
            "id": f"{commitment_id}-action-1",
            "title": to_fill("titre court de l'action"),
            "description": to_fill("ce que fait l'action, et pour qui"),
            "commitment": commitment_id,
            "obligations": Commented([], after="ids des obligations que l'action couvre"),
            "recommendations": [],
            "lead": to_fill("direction ou service pilote"),
            "start": Commented(start, after="année de début"),
            "progress": [],
            "indicators": Commented([], texts.indicator_example(start, end)),
        },
        tuple(before),
    )


def answers_to_fill(referential: Referential, carried: Data = None) -> dict[str, t.Any]:
    """An answer per question of the referential, each to fill in, its question above it; an
    answer `carried` over from the previous mandate's plan to the same question is kept, marked
    to check (the city's policy may have changed with the new council)."""
    previous = carried if isinstance(carried, dict) else {}
    answers: dict[str, t.Any] = {}
    for question in referential.questions:
        before = (question.label.fr,)
        if question.id in previous and not isinstance(previous[question.id], dict | list):
            answers[question.id] = Commented(
                previous[question.id],
                before,
                after=f"{MARKER} : réponse du mandat précédent",
            )
        else:
            answers[question.id] = Commented(to_fill(texts.answer_wanted(question)), before)
    return answers


def obligation_placeholder(
    referential: Referential, obligation_id: str, commitment_id: str, mandate: tuple[int, int]
) -> t.Any:
    """An action to fill in for an obligation no action of the new mandate covers."""
    obligation = next(o for o in referential.obligations if o.id == obligation_id)
    action = placeholder_action(referential, commitment_id, mandate)
    fields = dict(action.value)
    fields["id"] = f"{obligation_id}-action-1"
    fields["title"] = to_fill(f"une action pour l'obligation « {obligation.label.fr} »")
    fields["obligations"] = [obligation_id]
    return Commented(
        fields,
        (
            f"Obligation {obligation.number} — {obligation.label.fr} : plus aucune action ne la "
            "couvre dans ce mandat (celle du mandat précédent est terminée). À compléter.",
        ),
    )


def sections(
    *,
    referential_value: str,
    referential: Referential,
    city: t.Any,
    mandate: tuple[int, int],
    contacts: t.Any,
    fee: t.Any,
    framings: list[t.Any],
    actions: list[t.Any],
    since: t.Any = None,
    answers: dict[str, t.Any] | None = None,
) -> list[Section]:
    """Every section of a plan, in the order of the format, each with its French comments;
    `membership.since` only when given (without it, membership counts from the mandate's first
    year); `answers` only when the referential asks questions (default: each to fill in)."""
    start, end = mandate
    # Only an edition opened during the mandate counts for its consultation (the rule's test).
    editions = [
        e.id
        for e in (referential.consultation.editions if referential.consultation else [])
        if start <= e.year <= end
    ]
    if answers is None:
        answers = answers_to_fill(referential)
    return [
        Section("schema_version", 1, texts.SCHEMA_VERSION),
        Section("referential", referential_value, texts.REFERENTIAL),
        Section("city", city, texts.CITY),
        Section("mandate", {"start": start, "end": end}, texts.MANDATE),
        Section("contacts", contacts, texts.CONTACTS),
        Section("deliberations", [], texts.deliberations_comments(start)),
        Section(
            "membership",
            {
                **({"since": since} if since is not None else {}),
                "annual_fee_eur": fee,
                "payments": [],
            },
            texts.MEMBERSHIP,
        ),
        Section("commitments", framings, texts.COMMITMENTS),
        Section("actions", actions, texts.actions_comments(referential)),
        Section("consultations", [], texts.consultations_comments(editions)),
        *([Section("answers", answers, texts.ANSWERS)] if answers else []),
    ]


def header(
    schema: SchemaLink, city: str, mandate: tuple[int, int], referential: Referential, origin: str
) -> list[str]:
    """The first lines: the schema, then what the plan is, each thing said once (the mandate is
    left out of the title when the referential's name already gives it)."""
    years = f"{mandate[0]}-{mandate[1]}"
    title = f"Plan d'action de {city}" + (
        "" if years in referential.name.fr else f", mandat {years}"
    )
    return [
        Directive(f"yaml-language-server: $schema={schema.target}"),
        "",
        f"{title}.",
        f"Référentiel : {referential.name.fr}.",
        origin,
        "",
        *texts.HOW_TO,
    ]
