"""`vae init` without --from: a new plan, every section laid out from the referential."""

from __future__ import annotations

from pathlib import Path

from vae_cli.check import Checker
from vae_cli.editing.emit import Commented, emit
from vae_cli.editing.init.layout import (
    commitment_framings,
    header,
    placeholder_action,
    sections,
    to_fill,
)
from vae_cli.editing.init.options import check_insee
from vae_cli.editing.init.plan_file import NewPlan, refuse_existing
from vae_cli.editing.init.referential import (
    DEFAULT_REFERENTIAL,
    load_referential,
    referential_for_mandate,
)
from vae_cli.editing.init.schema_link import schema_link
from vae_cli.errors import UsageError
from vae_cli.i18n.messages import msg
from vae_cli.plan_format import department_of
from vae_cli.rules.placeholders import MARKER


def new_plan(
    path: Path,
    *,
    city: str,
    insee: str,
    referential_name: str | None,
    mandate: tuple[int, int] | None,
    checker: Checker,
) -> NewPlan:
    refuse_existing(path)
    name = referential_name or referential_for_mandate(mandate, checker) or DEFAULT_REFERENTIAL
    value, referential = load_referential(name, checker, plan=path)
    start, end = mandate or (referential.mandate.start, referential.mandate.end)
    insee = check_insee(insee)
    if not city.strip():
        raise UsageError(msg("--city is empty"), hint=msg('e.g. --city "Dijon"'))
    actions = [placeholder_action(referential, c.id, (start, end)) for c in referential.commitments]
    laid_out = sections(
        referential_value=value,
        referential=referential,
        city={"name": city.strip(), "insee_code": insee, "department": department_of(insee)},
        mandate=(start, end),
        contacts={
            "elected_referent": {"name": to_fill("nom de l'élu·e référent·e")},
            "services_referent": {"name": to_fill("nom du ou de la référent·e technique")},
        },
        fee=Commented(0, after=f"{MARKER} : cotisation annuelle votée par le conseil, en euros"),
        framings=commitment_framings(referential, []),
        actions=actions,
        # A city may join after the mandate's first year (Rouen declared its intent in November
        # 2020): only it can say, so the first year is written to be checked.
        since=Commented(start, after=f"{MARKER} : première année d'adhésion au réseau"),
    )
    schema = schema_link(path)
    first_lines = header(
        schema,
        city.strip(),
        (start, end),
        referential,
        f"Créé par `vae init` à partir du référentiel {referential.id}.",
    )
    return NewPlan(
        path=path,
        text=emit(first_lines, laid_out),
        schema=schema,
        summary=[
            msg(
                "{commitments} commitments, {obligations} obligations, {actions} actions to "
                "fill in",
                commitments=len(referential.commitments),
                obligations=len(referential.obligations),
                actions=len(actions),
            ),
        ],
    )
