"""`vae init --from`: the next mandate's plan, carrying over the actions still running."""

from __future__ import annotations

import typing as t
from pathlib import Path

from vae_cli.check import Checker
from vae_cli.editing import texts
from vae_cli.editing.emit import Commented, emit, plain
from vae_cli.editing.errors import EditRefused
from vae_cli.editing.init.layout import (
    answers_to_fill,
    commitment_framings,
    header,
    obligation_placeholder,
    placeholder_action,
    sections,
)
from vae_cli.editing.init.plan_file import NewPlan, refuse_existing
from vae_cli.editing.init.referential import load_referential, referential_for_mandate
from vae_cli.editing.init.schema_link import schema_link
from vae_cli.errors import UsageError
from vae_cli.findings.diagnostics import display_path
from vae_cli.i18n.messages import Listed, Message, Text, msg
from vae_cli.models.plan import Status
from vae_cli.plan_format import PLAN_SUFFIXES
from vae_cli.reading.yaml_document import Data
from vae_cli.rules.placeholders import MARKER


def next_mandate(
    path: Path,
    *,
    previous: Path,
    mandate: tuple[int, int],
    referential_name: str | None,
    checker: Checker,
) -> NewPlan:
    refuse_existing(path)
    old_check = checker.check_plan(previous)
    old, document = old_check.plan, old_check.document
    shown = display_path(previous)
    fix_first = msg("fix it first: `vae validate {path}` shows where", path=shown)
    if old is None or document is None:
        errors = old_check.result.errors
        unreadable = (
            msg("{path} cannot be read as a plan (1 error)")
            if errors == 1
            else msg("{path} cannot be read as a plan ({count} errors)")
        )
        raise EditRefused(unreadable.fill(path=shown, count=errors), hint=fix_first)
    if old.mandate.end < old.mandate.start:
        raise EditRefused(
            msg(
                "the mandate of {path} ends ({end}) before it starts ({start}): it is no base "
                "for the next one",
                path=shown,
                end=old.mandate.end,
                start=old.mandate.start,
            ),
            hint=fix_first,
        )
    start, end = mandate
    if start <= old.mandate.start:
        old_start, old_end = old.mandate.start, old.mandate.end
        example = f"{old_end}-{2 * old_end - old_start}"
        raise UsageError(
            msg(
                "--mandate {start}-{end} does not come after the mandate of {path} "
                "({old_start}-{old_end})",
                start=start,
                end=end,
                path=shown,
                old_start=old_start,
                old_end=old_end,
            ),
            hint=msg(
                "the new mandate starts after {old_start}, e.g. --mandate {example}",
                old_start=old_start,
                example=example,
            ),
        )
    data = document.data  # the values exactly as the city wrote them
    if referential_name:
        value, referential = load_referential(referential_name, checker, plan=path)
    elif not old.referential.endswith(PLAN_SUFFIXES) and (
        builtin := referential_for_mandate(mandate, checker)
    ):
        value, referential = load_referential(builtin, checker, plan=path)
    else:
        # A referential file is the network's own: kept, found from the old plan's folder (as
        # validate finds it) and named from the new plan's.
        value, referential = load_referential(
            old.referential, checker, plan=path, named_by=previous
        )
    commitment_ids = {c.id for c in referential.commitments}
    obligation_ids = {o.id for o in referential.obligations}
    recommendation_ids = {r.id for r in referential.recommendations}
    warnings: list[Text] = []
    shown = display_path(previous)

    carried: list[t.Any] = []
    left: list[Message] = []
    raw_actions = t.cast(list[dict[str, Data]], data.get("actions") or [])
    for action, raw in zip(old.actions, raw_actions, strict=True):
        last = max(action.progress, key=lambda p: p.year, default=None)
        if last is not None and last.status in (Status.DONE, Status.ABANDONED):
            left.append(
                msg(
                    "{action} ({status} in {year})",
                    action=action.id,
                    status=last.status.value,
                    year=last.year,
                )
            )
            continue
        warnings.extend(
            _missing_ids(action.id, action, commitment_ids, obligation_ids, recommendation_ids)
        )
        state = (
            f"dernier état connu, en {last.year} : {texts.STATUS_FR[last.status]}"
            if last
            else "aucun avancement enregistré"
        )
        carried.append(
            Commented(
                _carry_action(raw, start, end),
                (
                    f"Reprise de {previous.name} (mandat {old.mandate.start}-{old.mandate.end}) ; "
                    f"{state}.",
                ),
            )
        )
    kept = len(carried)
    served = {t.cast(dict[str, t.Any], a.value)["commitment"] for a in carried}
    for commitment in referential.commitments:
        if commitment.id not in served:
            carried.append(placeholder_action(referential, commitment.id, (start, end)))
    # An obligation only a finished action covered (often the consultation, run once a mandate)
    # needs a new action: laid out to fill in, under the commitment that action served.
    covered = {
        o for a in carried for o in t.cast(dict[str, t.Any], plain(a)).get("obligations") or []
    }
    for obligation in referential.obligations:
        if obligation.id in covered:
            continue
        before = next((a.commitment for a in old.actions if obligation.id in a.obligations), None)
        commitment_id = before if before in commitment_ids else referential.commitments[0].id
        carried.append(
            obligation_placeholder(referential, obligation.id, commitment_id, (start, end))
        )
    old_framings = t.cast(list[Data], data.get("commitments") or [])
    for framing in old.commitments:
        if framing.id not in commitment_ids:
            warnings.append(
                msg(
                    'commitment framing "{framing}": not a commitment of {referential}',
                    framing=framing.id,
                    referential=referential.id,
                )
            )

    fee = old.membership.annual_fee_eur
    laid_out = sections(
        referential_value=value,
        referential=referential,
        city=data["city"],
        mandate=(start, end),
        contacts=data["contacts"],
        fee=Commented(
            t.cast(dict[str, Data], data["membership"])["annual_fee_eur"],
            after=f"{MARKER} : cotisation {start}-{end} ({fee:g} € par an jusqu'ici)",
        ),
        framings=commitment_framings(referential, old_framings),
        actions=carried,
        answers=answers_to_fill(referential, data.get("answers")),
    )
    schema = schema_link(path)
    first_lines = header(
        schema,
        old.city.name,
        (start, end),
        referential,
        f"Créé par `vae init --from {shown}` : les actions en cours y sont reprises.",
    )
    summary: list[Text] = [
        msg("carried over {count} actions still running from {path}", count=kept, path=shown)
    ]
    if left:
        summary.append(
            msg(
                "left behind {count} done or abandoned: {actions}",
                count=len(left),
                actions=Listed(tuple(left)),
            )
        )
    return NewPlan(
        path=path,
        text=emit(first_lines, laid_out),
        summary=summary,
        warnings=warnings,
        schema=schema,
    )


def _missing_ids(
    action_id: str,
    action: t.Any,
    commitments: set[str],
    obligations: set[str],
    recommendations: set[str],
) -> list[Text]:
    found: list[Text] = []
    if action.commitment not in commitments:
        found.append(
            msg(
                'action "{action}": commitment "{id}" no longer exists',
                action=action_id,
                id=action.commitment,
            )
        )
    found.extend(
        msg('action "{action}": obligation "{id}" no longer exists', action=action_id, id=o)
        for o in action.obligations
        if o not in obligations
    )
    found.extend(
        msg('action "{action}": recommendation "{id}" no longer exists', action=action_id, id=r)
        for r in action.recommendations
        if r not in recommendations
    )
    return found


def _carry_action(raw: dict[str, Data], start: int, end: int) -> dict[str, t.Any]:
    """An action for the next mandate: same sheet, no past progress, indicators rebased."""
    action: dict[str, t.Any] = {}
    for key, value in raw.items():
        if key == "progress":
            action[key] = []
        elif key == "indicators" and isinstance(value, list):
            action[key] = [rebase(t.cast(dict[str, Data], i), start, end) for i in value]
        elif key == "end" and isinstance(value, int) and value < start:
            action[key] = Commented(
                value,
                after=f"{MARKER} : échéance passée ; nouvelle année de fin, ou supprimez "
                "la ligne pour une action continue",
            )
        elif key == "budget_eur" and value is not None:
            action[key] = Commented(value, after="budget du mandat précédent : à revoir")
        else:
            action[key] = value
    return action


def rebase(indicator: dict[str, Data], start: int, end: int) -> dict[str, t.Any]:
    """The last measurement becomes the baseline; a target already past is to be set again."""
    out: dict[str, t.Any] = dict(indicator)
    measurements = t.cast(list[dict[str, t.Any]], indicator.get("measurements") or [])
    baseline = t.cast(dict[str, t.Any], indicator.get("baseline"))
    if measurements:
        last = max(measurements, key=lambda m: m["year"])
        baseline = {"year": last["year"], "value": last["value"]}
        out["baseline"] = Commented(baseline, after="dernière mesure du mandat précédent")
    target = t.cast(dict[str, t.Any], indicator.get("target"))
    # A target the new baseline already meets says nothing for the new mandate either.
    up = indicator.get("direction") != "decrease"
    met = target["value"] <= baseline["value"] if up else target["value"] >= baseline["value"]
    if met or not (baseline["year"] < target["year"] and start < target["year"] <= end):
        why = f" ; déjà atteinte : {baseline['value']:g} en {baseline['year']}" if met else ""
        out["target"] = Commented(
            {"year": end, "value": target["value"]},
            after=f"{MARKER} : nouvelle cible ({target['value']:g} visé en {target['year']}{why})",
        )
    if "measurements" in out:
        out["measurements"] = []
    return out
