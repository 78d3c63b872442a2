"""The children's edition: the plan and the year told to children, without figures or codes.

What it shows comes from the plan's texts for children (`for_children`, `children_said`), with
the administrative title as a fallback (which `vae validate`'s `children-text` rule reports).
Where each action stands is its standing in the follow-up (`vae_cli.report.actions`), told as a
three-step gauge with words: the same judgement as the adults' report, in other words.
"""

from __future__ import annotations

import dataclasses
import enum

from vae_cli.models.plan import ChildrenSaid, Plan
from vae_cli.models.referential import Commitment, ConsultationEdition, Referential
from vae_cli.report.actions import ActionView, Lateness, Standing, YearStatus, action_at

# The commitments the templates have a pictogram for; another referential's get a generic one.
PICTOGRAMS = frozenset({"bien-etre", "equite", "parcours-educatif", "participation", "partenariat"})


class Gauge(enum.StrEnum):
    """Where an action stands, in the words of the children's edition."""

    NOT_STARTED = "not_started"  # planned, its start year not passed
    LATE_START = "late_start"  # still planned after its start year
    ON_ITS_WAY = "on_its_way"  # under way, within its dates
    GOING_ON = "going_on"  # under way, with no end: it goes on, it is never "done"
    LATE = "late"  # under way but delayed, or not done after its end
    PAUSED = "paused"
    STOPPED = "stopped"  # abandoned
    DONE = "done"
    NO_NEWS = "no_news"  # nothing recorded for the year

    @property
    def steps(self) -> int:
        """How many of the gauge's three steps (planned, under way, done) are reached: a
        stopped action or one with no news reaches none, so the gauge never says more than
        the plan does."""
        return _STEPS[self]


_STEPS = {
    Gauge.NOT_STARTED: 1,
    Gauge.LATE_START: 1,
    Gauge.ON_ITS_WAY: 2,
    Gauge.GOING_ON: 2,
    Gauge.LATE: 2,
    Gauge.PAUSED: 0,
    Gauge.STOPPED: 0,
    Gauge.DONE: 3,
    Gauge.NO_NEWS: 0,
}


def gauge_of(view: ActionView) -> Gauge:
    """The gauge of an action as the follow-up judges it at the end of the year."""
    standing = view.standing
    if standing is Standing.DONE:
        return Gauge.DONE
    if standing is Standing.STOPPED:
        return Gauge.STOPPED if view.status is YearStatus.ABANDONED else Gauge.PAUSED
    if standing is Standing.NOT_REPORTED:
        return Gauge.NO_NEWS
    if standing is Standing.NOT_STARTED:
        return Gauge.NOT_STARTED
    if standing is Standing.LATE:
        return Gauge.LATE_START if view.lateness is Lateness.NOT_STARTED else Gauge.LATE
    return Gauge.GOING_ON if view.action.end is None else Gauge.ON_ITS_WAY


@dataclasses.dataclass(frozen=True, kw_only=True)
class ChildAction:
    text: str  # the text for children, else the title
    written_for_children: bool  # False: `text` is the administrative title
    gauge: Gauge
    # The youngest and oldest ages its age bands reach; None when it is for every child (from
    # birth to 18 or beyond), which needs no saying.
    ages: tuple[int, int] | None
    illustrative: bool
    # Under way or finished during the year: what "this year" tells.
    this_year: bool

    @property
    def steps(self) -> int:
        return self.gauge.steps


@dataclasses.dataclass(frozen=True, kw_only=True)
class ChildCommitment:
    commitment: Commitment
    text: str | None  # the city's promise told to children; None: the commitment's own label
    pictogram: str  # the commitment id the templates draw, or "other"
    actions: list[ChildAction]


@dataclasses.dataclass(frozen=True, kw_only=True)
class Said:
    """« Tu nous as dit… la Ville a fait… »: one thing children said, where and what was done."""

    kind: str  # "consultation" or "council"
    where: str  # the action's title (a council), or the consultation's edition
    theme: str | None  # a consultation's theme, in the report's language
    said: str
    city_did: str | None
    illustrative: bool


@dataclasses.dataclass(frozen=True, kw_only=True)
class NextConsultation:
    edition: ConsultationEdition
    name: str
    theme: str | None
    open_at_year_end: bool  # open during the year reported on (else it comes later)


@dataclasses.dataclass(frozen=True, kw_only=True)
class Contact:
    name: str
    email: str | None


@dataclasses.dataclass(frozen=True, kw_only=True)
class ChildrenEdition:
    city: str
    year: int
    mandate_start: int
    mandate_end: int
    commitments: list[ChildCommitment]
    said: list[Said]
    # The participation actions still running: the councils and projects a child can join.
    take_part: list[ChildAction]
    next_consultation: NextConsultation | None
    contacts: list[Contact]
    in_progress: bool = False

    @property
    def this_year(self) -> list[ChildAction]:
        return [a for c in self.commitments for a in c.actions if a.this_year]

    @property
    def waiting(self) -> list[ChildAction]:
        """The actions that did not move during the year: not started, stopped, no news."""
        return [
            a
            for c in self.commitments
            for a in c.actions
            if not a.this_year and a.gauge is not Gauge.DONE
        ]

    @property
    def done_before(self) -> list[ChildAction]:
        """The actions finished in an earlier year."""
        return [
            a
            for c in self.commitments
            for a in c.actions
            if not a.this_year and a.gauge is Gauge.DONE
        ]

    @property
    def illustrative(self) -> bool:
        """Some of what it tells is sample content."""
        return any(a.illustrative for c in self.commitments for a in c.actions) or any(
            s.illustrative for s in self.said
        )

    @property
    def untold(self) -> int:
        """Actions shown by their title, with no text for children."""
        return sum(not a.written_for_children for c in self.commitments for a in c.actions)


def _this_year(view: ActionView, year: int) -> bool:
    """Under way during `year`, or finished that year (not a done action carried forward)."""
    entry = next((p for p in view.action.progress if p.year == year), None)
    return entry is not None and view.status in (
        YearStatus.IN_PROGRESS,
        YearStatus.DELAYED,
        YearStatus.DONE,
    )


def _child_action(view: ActionView, year: int) -> ChildAction:
    action = view.action
    return ChildAction(
        text=action.for_children or action.title,
        written_for_children=action.for_children is not None,
        gauge=gauge_of(view),
        ages=_ages(action.target_groups),
        illustrative=action.illustrative,
        this_year=_this_year(view, year),
    )


def _ages(bands: list[str]) -> tuple[int, int] | None:
    """From the youngest to the oldest age of `bands` (written `6-11`, as the model checks)."""
    bounds = [tuple(int(n) for n in band.split("-")) for band in bands]
    if not bounds:
        return None
    youngest, oldest = min(b[0] for b in bounds), max(b[1] for b in bounds)
    return None if youngest == 0 and oldest >= 18 else (youngest, oldest)


def build_children(
    plan: Plan, referential: Referential, *, year: int, lang: str, in_progress: bool = False
) -> ChildrenEdition:
    """The children's edition of `plan` for `year`, its referential texts in `lang`."""
    views = {a.id: action_at(a, year) for a in plan.actions}
    children = {a.id: _child_action(views[a.id], year) for a in plan.actions}
    framing = {c.id: c for c in plan.commitments}
    commitments = [
        ChildCommitment(
            commitment=c,
            text=framing[c.id].for_children if c.id in framing else None,
            pictogram=c.id if c.id in PICTOGRAMS else "other",
            actions=[children[a.id] for a in plan.actions if a.commitment == c.id],
        )
        for c in sorted(referential.commitments, key=lambda c: c.number)
    ]
    participation = [
        children[a.id]
        for a in plan.actions
        if a.commitment == "participation"
        and children[a.id].gauge not in (Gauge.STOPPED, Gauge.PAUSED, Gauge.DONE)
    ]
    return ChildrenEdition(
        city=plan.city.name,
        year=year,
        mandate_start=plan.mandate.start,
        mandate_end=plan.mandate.end,
        commitments=commitments,
        said=_said(plan, referential, year=year, lang=lang),
        take_part=participation,
        next_consultation=_next_consultation(referential, year, lang),
        contacts=[
            Contact(name=p.name, email=p.email)
            for p in (plan.contacts.elected_referent, plan.contacts.services_referent)
        ],
        in_progress=in_progress,
    )


def _said(plan: Plan, referential: Referential, *, year: int, lang: str) -> list[Said]:
    """What children said, up to `year`: in the consultations whose edition had opened by
    then, and through the actions (councils) that record it."""
    rules = referential.consultation
    editions = {e.id: e for e in rules.editions} if rules else {}
    found: list[Said] = []
    for consultation in plan.consultations:
        edition = editions.get(consultation.edition)
        if edition is not None and edition.year > year:
            continue  # not held yet at the end of the year reported on
        theme = edition.theme if edition is not None else None
        found += _items(
            consultation.children_said,
            kind="consultation",
            where=consultation.edition,
            theme=(theme.fr if lang == "fr" else theme.en) if theme else None,
            illustrative=consultation.illustrative,
        )
    for action in plan.actions:
        if action.start > year:
            continue
        found += _items(
            action.children_said,
            kind="council",
            where=action.title,
            theme=None,
            illustrative=action.illustrative,
        )
    return found


def _items(
    items: list[ChildrenSaid], *, kind: str, where: str, theme: str | None, illustrative: bool
) -> list[Said]:
    return [
        Said(
            kind=kind,
            where=where,
            theme=theme,
            said=item.said,
            city_did=item.city_did,
            illustrative=illustrative,
        )
        for item in items
    ]


def _next_consultation(referential: Referential, year: int, lang: str) -> NextConsultation | None:
    """The first edition of the consultation still open at the end of `year`, or to come."""
    rules = referential.consultation
    if rules is None:
        return None

    def last_year(edition: ConsultationEdition) -> int:
        return edition.end.year if edition.end else edition.year

    coming = sorted(
        (e for e in rules.editions if last_year(e) > year), key=lambda e: (e.year, e.id)
    )
    if not coming:
        return None
    edition = coming[0]
    theme = edition.theme
    return NextConsultation(
        edition=edition,
        name=rules.name.fr if lang == "fr" else rules.name.en,
        theme=(theme.fr if lang == "fr" else theme.en) if theme else None,
        open_at_year_end=edition.year <= year,
    )
