"""One plan of the network reduced to a `CityRow`: checked as `vae validate` checks it, and for
a valid plan, the year's figures as `vae report` computes them (the pieces of `build_followup`),
so that the network's numbers are the sum of the cities' own follow-ups.

Runs in a worker process: the row it returns is small (ids, counts, sums, the first findings)
and nothing of the plan's model travels back. Whatever goes wrong with one plan (a file vae
refuses to read, a bug of ours) becomes that row's finding: one plan never stops the run.
"""

from __future__ import annotations

import dataclasses
import typing as t
from pathlib import Path

from vae_cli.check import Checker, PlanCheck, looks_like_referential, read_plan
from vae_cli.config import Configs
from vae_cli.errors import VaeError
from vae_cli.findings.diagnostics import Diagnostic, Severity, display_path
from vae_cli.i18n.messages import msg, render
from vae_cli.models.plan import Plan
from vae_cli.models.referential import Referential
from vae_cli.network.answers import answers_of
from vae_cli.network.data import CityRow, Consultation, FirstFinding, IndicatorValue, PlanState
from vae_cli.network.tidy import tidy_lines
from vae_cli.report.actions import ActionView, YearStatus, action_at
from vae_cli.report.coverage import obligations_coverage
from vae_cli.report.followup import consultation_status, glance_of, membership_status

# How many findings a plan that does not validate is listed with.
FIRST_FINDINGS = 3
# The rule of the finding that stands for a bug of vae met while summing a plan up: the run
# goes on, the row says so, and `vae network` exits with 3 at the end.
INTERNAL_ERROR = "internal-error"
# The rule of the finding of a plan vae refused to read (a file it cannot open, a link that
# leads outside the repository): what `vae validate` would stop the whole run for.
NOT_READ = "not-read"


@dataclasses.dataclass(kw_only=True)
class Summariser:
    """Turns plans into rows for one year; one per worker process, so that each referential
    and `.vae.yaml` is read once per worker."""

    year: int
    lang: str
    as_of: int  # the current year of the checks, as `vae validate` has it (this year)
    # Whether to keep each indicator's values (`CityRow.indicators`): only the tidy file reads
    # them, and they are most of a row's size.
    indicators: bool = True
    checker: Checker = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        # With each plan's `.vae.yaml`, as `vae validate` reads them.
        self.checker = Checker(as_of=self.as_of, configs=Configs())

    def row(self, path: Path) -> CityRow | None:
        """The plan at `path` as a row; None for a network referential found among the plans
        (a file of the network, not a city). Never raises for one plan's sake."""
        shown = display_path(path)
        try:
            return self._row(path, shown)
        except VaeError as e:
            return _unread(shown, NOT_READ, render(e.message, self.lang))
        except Exception as e:  # a bug of ours: that plan's finding, not the run's end
            problem = msg(
                "vae could not sum this plan up ({kind}: {error}): a bug in vae, not in the plan",
                kind=type(e).__name__,
                error=str(e),
            )
            return _unread(shown, INTERNAL_ERROR, render(problem, self.lang))

    def _row(self, path: Path, shown: str) -> CityRow | None:
        raw = read_plan(path)
        if looks_like_referential(raw):
            return None
        checked = self.checker.check_plan(path, raw=raw)
        if checked.result.rules_ran:
            self.checker.apply_policy(path, checked)
        result = checked.result
        base = CityRow(
            path=shown,
            state=PlanState.VALID,
            errors=result.errors,
            warnings=result.warnings,
            findings=self._first_findings(result.diagnostics),
        )
        if not result.read:
            return dataclasses.replace(base, state=PlanState.UNREADABLE)
        if not checked.ok:
            return dataclasses.replace(base, state=PlanState.ERRORS, **_what_is_readable(checked))
        plan, referential = checked.plan, checked.referential
        assert plan is not None and referential is not None  # checked.ok
        row = dataclasses.replace(
            base,
            city=plan.city.name,
            insee=plan.city.insee_code,
            department=plan.city.department,
            mandate=(plan.mandate.start, plan.mandate.end),
            referential=referential.id,
            referential_file=_referential_file(self.checker, referential),
        )
        if not plan.mandate.start <= self.year <= plan.mandate.end:
            return dataclasses.replace(row, outside_mandate=True)
        return year_figures(row, plan, referential, self.year, indicators=self.indicators)

    def _first_findings(self, diagnostics: list[Diagnostic]) -> tuple[FirstFinding, ...]:
        ordered = sorted(diagnostics, key=lambda d: (d.severity is not Severity.ERROR, d.sort_key))
        return tuple(
            FirstFinding(
                location=f"{d.path}:{d.position.line}:{d.position.column}",
                severity=d.severity.value,
                rule=d.rule,
                message=d.message_in(self.lang),
            )
            for d in ordered[:FIRST_FINDINGS]
        )


def year_figures(
    row: CityRow, plan: Plan, referential: Referential, year: int, *, indicators: bool = True
) -> CityRow:
    """`row` with the year's figures, from the pieces the city's follow-up is made of
    (`report.followup`: its glance, obligations, consultation and membership), none recomputed
    another way; what only the follow-up's readers need (points to watch, since last year) is
    not worked out."""
    views = {a.id: action_at(a, year) for a in plan.actions}
    actions = [views[a.id] for a in plan.actions]
    glance = glance_of(actions)
    missing = sum(c.count for c in glance.by_status if c.key == YearStatus.NOT_REPORTED.value)
    live = [a for a in actions if not a.abandoned]
    obligations = obligations_coverage(plan, referential, views, year=year)
    membership = membership_status(plan, year)
    held = consultation_status(plan, referential, year).held
    editions = (
        {e.id: e.year for e in referential.consultation.editions}
        if referential.consultation
        else {}
    )
    # As the follow-up chooses the consultations it knows: an edition of the referential that
    # opened during the mandate, by the year.
    last = min(year, plan.mandate.end)
    consultations = tuple(
        _consultation(c.edition, c.respondents, c.local_extract)
        for c in plan.consultations
        if c.edition in editions and plan.mandate.start <= editions[c.edition] <= last
    )
    return dataclasses.replace(
        row,
        year_recorded=missing == 0,
        missing_entries=missing,
        actions=glance.actions,
        by_standing=tuple((c.key, c.count) for c in glance.by_standing),
        on_track_or_done=glance.on_track_or_done,
        budget_planned=glance.budget_planned,
        spent_year=glance.spent_year,
        spent_to_date=glance.spent_to_date,
        illustrative_actions=glance.illustrative_actions,
        paid_this_year=membership.paid_this_year,
        membership_fee=membership.fee,
        member_since=plan.membership.since,
        consultation=None
        if held is None
        else _consultation(held.edition, held.respondents, held.local_extract),
        consultations=consultations,
        obligations_covered=frozenset(o.obligation.id for o in obligations if o.covered),
        obligations_missing=frozenset(o.obligation.id for o in obligations if not o.covered),
        recommendations=frozenset(r for a in live for r in a.action.recommendations),
        commitments=tuple(
            (
                c.id,
                sum(a.action.commitment == c.id for a in live),
                sum(a.action.budget_eur or 0 for a in live if a.action.commitment == c.id),
            )
            for c in sorted(referential.commitments, key=lambda c: c.number)
        ),
        tidy=tidy_lines(row, _indicator_values(actions)) if indicators else "",
        answers=answers_of(plan, referential),
    )


def _consultation(edition: str, respondents: int, local_extract: bool) -> Consultation:
    return Consultation(edition=edition, questionnaires=respondents, local_extract=local_extract)


def _indicator_values(actions: list[ActionView]) -> t.Iterator[IndicatorValue]:
    """Each counted indicator (not of an abandoned action, as the follow-up counts them): its
    baseline, its measurements up to the year, its target."""
    for action in actions:
        if action.abandoned:
            continue
        for view in action.indicators:
            indicator = view.indicator
            points = [
                (indicator.baseline.year, indicator.baseline.value, "baseline"),
                *((year, number, "measurement") for year, number in view.measured),
                (indicator.target.year, indicator.target.value, "target"),
            ]
            for year, number, kind in points:
                yield IndicatorValue(
                    indicator=indicator.id,
                    label=indicator.label,
                    unit=indicator.unit,
                    year=year,
                    value=number,
                    kind=kind,
                )


def _unread(shown: str, rule: str, message: str) -> CityRow:
    finding = FirstFinding(
        location=shown, severity=Severity.ERROR.value, rule=rule, message=message
    )
    return CityRow(path=shown, state=PlanState.UNREADABLE, errors=1, findings=(finding,))


def _referential_file(checker: Checker, referential: Referential) -> str | None:
    for path in checker.referentials_read():
        loaded = checker.load_referential(path)
        if loaded.model is referential:
            return str(path)
    return None


def _what_is_readable(checked: PlanCheck) -> dict[str, t.Any]:
    """The city of a plan with errors, as far as its data says it (each value of the right
    type, else left unknown): a plan with errors is listed under its name."""
    data = checked.document.data if checked.document is not None else None
    if not isinstance(data, dict):
        return {}
    found: dict[str, t.Any] = {}
    city = data.get("city")
    if isinstance(city, dict):
        for key, field in (("name", "city"), ("insee_code", "insee"), ("department", "department")):
            value = city.get(key)
            if isinstance(value, str) and value.strip():
                found[field] = value
    mandate = data.get("mandate")
    if isinstance(mandate, dict):
        start, end = mandate.get("start"), mandate.get("end")
        if all(isinstance(y, int) and not isinstance(y, bool) for y in (start, end)):
            found["mandate"] = (start, end)
    referential = data.get("referential")
    if isinstance(referential, str):
        found["referential"] = referential
    return found
