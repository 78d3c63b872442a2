"""The yearly follow-up report (tableau de suivi annuel): everything it shows, for one year."""

from __future__ import annotations

import dataclasses

from vae_cli.findings.diagnostics import Diagnostic, Position, Severity
from vae_cli.i18n.typography import french_order
from vae_cli.models.plan import Consultation, Plan
from vae_cli.models.referential import Commitment, ConsultationEdition, Referential
from vae_cli.report.actions import (
    ActionView,
    Standing,
    YearStatus,
    action_at,
    counted_indicators,
)
from vae_cli.report.coverage import ObligationCoverage, obligations_coverage
from vae_cli.report.progress import Method, ProgressStatus
from vae_cli.report.since import SinceLastYear, since_last_year
from vae_cli.report.source import Source
from vae_cli.report.watch import PointToWatch, points_to_watch


@dataclasses.dataclass(frozen=True, kw_only=True)
class Check:
    """A warning of `vae validate`, as the report's annex shows it: written in the report's
    language, for whoever edits the plan."""

    path: str
    position: Position
    severity: Severity
    rule: str
    message: str
    hint: str | None

    @classmethod
    def of(cls, diagnostic: Diagnostic, lang: str) -> Check:
        return cls(
            path=diagnostic.path,
            position=diagnostic.position,
            severity=diagnostic.severity,
            rule=diagnostic.rule,
            message=diagnostic.message_in(lang),
            hint=diagnostic.hint_in(lang),
        )


@dataclasses.dataclass(frozen=True, kw_only=True)
class Count:
    key: str
    count: int
    share: float  # of the total, 0 to 1


def _counts(keys: list[str], order: list[str]) -> list[Count]:
    total = len(keys) or 1
    return [Count(key=k, count=keys.count(k), share=keys.count(k) / total) for k in order]


@dataclasses.dataclass(frozen=True, kw_only=True)
class Glance:
    actions: int
    by_status: list[Count]  # every status, in a fixed order, zeros included
    by_standing: list[Count]  # where actions stand against their dates, in a fixed order
    budget_planned: float
    spent_year: float
    spent_to_date: float
    # Actions marked illustrative (sample content) and the part of the figures that is theirs.
    illustrative_actions: int
    illustrative_budget: float
    illustrative_spent: float
    # Indicators counted: those of actions not abandoned.
    indicators: int
    by_progress: list[Count]
    # Of those, the ones judged on the straight path (a baseline or target of 0) rather than
    # by growth rates, and the ones marked illustrative.
    linear_indicators: int
    illustrative_indicators: int
    # Indicators of abandoned actions: shown in their action's section, counted nowhere.
    set_aside_indicators: int

    @property
    def spent_share(self) -> float | None:
        return self.spent_to_date / self.budget_planned if self.budget_planned else None

    @property
    def on_track_or_done(self) -> int:
        """The headline: actions on track (continuous ones included) or done."""
        good = (Standing.ON_TRACK.value, Standing.DONE.value)
        return sum(c.count for c in self.by_standing if c.key in good)


@dataclasses.dataclass(frozen=True, kw_only=True)
class CommitmentView:
    commitment: Commitment
    summary: str | None  # the city's framing
    actions: list[ActionView]

    @property
    def only_abandoned(self) -> bool:
        """Served only by abandoned actions, which serve nothing."""
        return bool(self.actions) and all(a.abandoned for a in self.actions)


@dataclasses.dataclass(frozen=True, kw_only=True)
class DepartmentView:
    lead: str
    actions: list[ActionView]
    budget: float
    spent_to_date: float

    @property
    def late(self) -> list[ActionView]:
        return [a for a in self.actions if a.late]

    @property
    def done(self) -> int:
        return sum(a.status is YearStatus.DONE for a in self.actions)

    @property
    def illustrative(self) -> bool:
        """Some of its figures are sample content."""
        return any(a.illustrative for a in self.actions)


@dataclasses.dataclass(frozen=True, kw_only=True)
class ConsultationStatus:
    # The latest consultation whose edition was over by that year, else the latest one opened.
    held: Consultation | None
    edition: ConsultationEdition | None
    minimum: int | None  # questionnaires needed for a local extract
    # Whether that edition was over by the end of the report's year: its end date (or, when
    # the referential gives none, the year it opened) is in that year or before. An edition
    # still running claims no questionnaires and no results.
    closed: bool = True

    @property
    def enough_respondents(self) -> bool:
        return bool(
            self.held and self.minimum is not None and self.held.respondents >= self.minimum
        )


@dataclasses.dataclass(frozen=True, kw_only=True)
class MembershipStatus:
    fee: float
    paid_this_year: float | None
    unpaid_years: list[int]  # years of the mandate up to the report's year with no payment


@dataclasses.dataclass(frozen=True, kw_only=True)
class Followup:
    plan: Plan
    referential: Referential
    year: int
    source: Source
    glance: Glance
    obligations: list[ObligationCoverage]
    commitments: list[CommitmentView]
    departments: list[DepartmentView]
    consultation: ConsultationStatus
    membership: MembershipStatus
    # What the council should look at, from the report's own data.
    watch: list[PointToWatch]
    # Against the year before; None in the mandate's first year.
    since: SinceLastYear | None
    checks: list[Check]  # the warnings of `vae validate` at the end of the year, for the annex
    # The year is not over (it is this year or later): its entries may still be incomplete.
    in_progress: bool = False

    @property
    def actions(self) -> list[ActionView]:
        return [a for c in self.commitments for a in c.actions]

    @property
    def uncovered(self) -> list[ObligationCoverage]:
        return [o for o in self.obligations if not o.covered]

    @property
    def weak(self) -> list[ObligationCoverage]:
        """Covered, but by no action on track or done."""
        return [o for o in self.obligations if o.weak]


STATUS_ORDER = [s.value for s in YearStatus]
STANDING_ORDER = [s.value for s in Standing]
PROGRESS_ORDER = [s.value for s in ProgressStatus]


def build_followup(
    plan: Plan,
    referential: Referential,
    *,
    year: int,
    source: Source,
    warnings: list[Diagnostic],
    in_progress: bool = False,
    lang: str,
) -> Followup:
    """The follow-up report of `plan` for `year` (which the caller checked is in the mandate),
    its points to watch (`warnings`) written in `lang`."""
    views = {a.id: action_at(a, year) for a in plan.actions}
    ordered = [c.id for c in sorted(referential.commitments, key=lambda c: c.number)]
    commitments = [
        CommitmentView(
            commitment=c,
            summary=next((f.summary for f in plan.commitments if f.id == c.id), None),
            actions=[views[a.id] for a in plan.actions if a.commitment == c.id],
        )
        for c in sorted(referential.commitments, key=lambda c: c.number)
    ]
    # Actions whose commitment is unknown cannot exist in a valid plan; keep them anyway.
    stray = [views[a.id] for a in plan.actions if a.commitment not in ordered]
    all_views = [a for c in commitments for a in c.actions] + stray
    glance = glance_of(all_views)
    obligations = obligations_coverage(plan, referential, views, year=year)
    consultation = consultation_status(plan, referential, year)
    membership = membership_status(plan, year)
    watch = points_to_watch(
        year=year,
        obligations=obligations,
        commitments=[(c.commitment, c.actions) for c in commitments],
        actions=all_views,
        consultation=(consultation.held, consultation.minimum) if consultation.closed else None,
        unpaid_years=membership.unpaid_years,
        in_progress=in_progress,
    )
    return Followup(
        plan=plan,
        referential=referential,
        year=year,
        source=source,
        glance=glance,
        obligations=obligations,
        commitments=commitments,
        departments=_departments(all_views),
        consultation=consultation,
        membership=membership,
        watch=watch,
        since=since_last_year(plan, referential, year, all_views, obligations),
        checks=[Check.of(w, lang) for w in warnings],
        in_progress=in_progress,
    )


def glance_of(views: list[ActionView]) -> Glance:
    """The follow-up's "at a glance" of the year of `views` (every action of the plan, each as
    it stood that year): the counts `vae network` adds up too."""
    indicators = counted_indicators(views)
    illustrative = [a for a in views if a.illustrative]
    return Glance(
        actions=len(views),
        by_status=_counts([a.status.value for a in views], STATUS_ORDER),
        by_standing=_counts([a.standing.value for a in views], STANDING_ORDER),
        budget_planned=sum(a.action.budget_eur or 0 for a in views),
        spent_year=sum(a.spent_year or 0 for a in views),
        spent_to_date=sum(a.spent_to_date for a in views),
        illustrative_actions=len(illustrative),
        illustrative_budget=sum(a.action.budget_eur or 0 for a in illustrative),
        illustrative_spent=sum(a.spent_to_date for a in illustrative),
        indicators=len(indicators),
        by_progress=_counts([i.status.value for i in indicators], PROGRESS_ORDER),
        linear_indicators=sum(i.method is Method.LINEAR for i in indicators),
        illustrative_indicators=sum(i.indicator.illustrative for i in indicators),
        set_aside_indicators=sum(len(a.indicators) for a in views if a.abandoned),
    )


def _departments(views: list[ActionView]) -> list[DepartmentView]:
    leads = sorted({v.action.lead for v in views}, key=french_order)
    departments = [
        DepartmentView(
            lead=lead,
            actions=[v for v in views if v.action.lead == lead],
            budget=sum(v.action.budget_eur or 0 for v in views if v.action.lead == lead),
            spent_to_date=sum(v.spent_to_date for v in views if v.action.lead == lead),
        )
        for lead in leads
    ]
    # Those with the most actions needing attention first: that is what the view is for.
    return sorted(departments, key=lambda d: -len(d.late))


def consultation_status(plan: Plan, referential: Referential, year: int) -> ConsultationStatus:
    """The consultation the follow-up of `year` shows (`ConsultationStatus`)."""
    rules = referential.consultation
    if rules is None:
        return ConsultationStatus(held=None, edition=None, minimum=None)
    editions = {e.id: e for e in rules.editions}
    held = [
        (editions[c.edition], c)
        for c in plan.consultations
        if c.edition in editions
        and plan.mandate.start <= editions[c.edition].year <= min(year, plan.mandate.end)
    ]
    held.sort(key=lambda pair: pair[0].year)

    def over(edition: ConsultationEdition) -> bool:
        return (edition.end.year if edition.end else edition.year) <= year

    # The latest edition already over, with its results, says more than one still running;
    # a running edition is shown only when none is over yet.
    finished = [pair for pair in held if over(pair[0])]
    edition, consultation = (finished or held)[-1] if held else (None, None)
    closed = edition is None or over(edition)
    return ConsultationStatus(
        held=consultation,
        edition=edition,
        minimum=rules.min_respondents_for_local_extract,
        closed=closed,
    )


def membership_status(plan: Plan, year: int) -> MembershipStatus:
    """The membership fees as the follow-up of `year` shows them."""
    paid = {p.year: p.amount_eur for p in plan.membership.payments}
    return MembershipStatus(
        fee=plan.membership.annual_fee_eur,
        paid_this_year=paid.get(year),
        unpaid_years=[y for y in range(plan.mandate.start, year + 1) if y not in paid],
    )
