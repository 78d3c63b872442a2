"""The action-plan document: the city's framing, every action sheet in full, and coverage."""

from __future__ import annotations

import dataclasses

from vae_cli.models.plan import Action, Plan
from vae_cli.models.referential import Commitment, Recommendation, Referential
from vae_cli.report.actions import action_at
from vae_cli.report.coverage import ObligationCoverage, obligations_coverage
from vae_cli.report.source import Source


@dataclasses.dataclass(frozen=True, kw_only=True)
class CommitmentSheets:
    commitment: Commitment
    summary: str | None
    actions: list[Action]

    @property
    def budget(self) -> float:
        return sum(a.budget_eur or 0 for a in self.actions)


@dataclasses.dataclass(frozen=True, kw_only=True)
class PlanDocument:
    plan: Plan
    referential: Referential
    source: Source
    commitments: list[CommitmentSheets]
    obligations: list[ObligationCoverage]
    recommendations: dict[str, Recommendation]

    @property
    def budget(self) -> float:
        return sum(c.budget for c in self.commitments)

    @property
    def uncovered(self) -> list[ObligationCoverage]:
        return [o for o in self.obligations if not o.covered]


def build_plan_document(plan: Plan, referential: Referential, *, source: Source) -> PlanDocument:
    """The action-plan document: the plan as written, whatever the year, and which actions are
    meant to cover each obligation (the follow-up says how far they do, year by year)."""
    year = plan.mandate.end  # the actions as planned for the whole mandate
    views = {a.id: action_at(a, year) for a in plan.actions}
    return PlanDocument(
        plan=plan,
        referential=referential,
        source=source,
        commitments=[
            CommitmentSheets(
                commitment=c,
                summary=next((f.summary for f in plan.commitments if f.id == c.id), None),
                actions=[a for a in plan.actions if a.commitment == c.id],
            )
            for c in sorted(referential.commitments, key=lambda c: c.number)
        ],
        obligations=obligations_coverage(plan, referential, views, year=year),
        recommendations={r.id: r for r in referential.recommendations},
    )
