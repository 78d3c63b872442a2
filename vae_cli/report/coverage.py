"""Which actions cover each obligation of the network, and what is missing."""

from __future__ import annotations

import dataclasses
import typing as t

from vae_cli.models.plan import Plan
from vae_cli.models.referential import Obligation, Referential

if t.TYPE_CHECKING:
    from vae_cli.report.actions import ActionView


@dataclasses.dataclass(frozen=True, kw_only=True)
class ObligationCoverage:
    obligation: Obligation
    actions: list[ActionView]
    # For the consultation obligation: whether a consultation of the mandate was held by then.
    consultation_held: bool | None

    @property
    def by_status(self) -> list[tuple[str, int]]:
        """(status, number of actions) for the statuses present, in the statuses' order."""
        from vae_cli.report.actions import YearStatus

        statuses = [a.status for a in self.actions]
        return [(s.value, statuses.count(s)) for s in YearStatus if s in statuses]

    @property
    def active(self) -> list[ActionView]:
        """The actions that cover it: an abandoned action covers nothing (it stays listed)."""
        return [a for a in self.actions if not a.abandoned]

    @property
    def covered(self) -> bool:
        return bool(self.active) and self.consultation_held is not False

    @property
    def only_abandoned(self) -> bool:
        return bool(self.actions) and not self.active

    @property
    def weak(self) -> bool:
        """Covered, but by no action on track or done: every one is late, stopped, not
        reported or not started."""
        from vae_cli.report.actions import Standing

        good = (Standing.ON_TRACK, Standing.DONE)
        return self.covered and not any(a.standing in good for a in self.active)


def obligations_coverage(
    plan: Plan, referential: Referential, views: dict[str, ActionView], *, year: int
) -> list[ObligationCoverage]:
    editions = (
        {e.id: e.year for e in referential.consultation.editions}
        if (referential.consultation)
        else {}
    )
    held = any(plan.mandate.start <= editions.get(c.edition, 0) <= year for c in plan.consultations)
    return [
        ObligationCoverage(
            obligation=o,
            actions=[views[a.id] for a in plan.actions if o.id in a.obligations],
            consultation_held=held if o.requires_consultation else None,
        )
        for o in sorted(referential.obligations, key=lambda o: o.number)
    ]
