"""Network reports built by hand for the tests of the HTML page and the spreadsheets: six plans
in two départements, one with errors, one unreadable, and plan text written to do harm (markup,
a spreadsheet formula, bidirectional overrides), in every place a plan's words reach.

The figures are chosen so that each total can be checked by hand: 6 plans, 4 valid (Dijon,
Beaune, the formula-named city and Chalon), 1 with errors, 1 unreadable; 3 valid plans have
their year recorded and 3 have paid.
"""

from __future__ import annotations

import dataclasses

from vae_cli.network.data import (
    AnswerCount,
    CityRow,
    Consultation,
    EditionUptake,
    FirstFinding,
    NetworkReport,
    PlanState,
    QuestionResult,
    ReferentialView,
    Section,
    Totals,
    Uptake,
)

REFERENTIAL = "unicef-france-vae-2020-2026"
YEAR = 2025
SCRIPT = '<script>alert("x")</script>'
FORMULA = "=cmd|' /C calc'!A0"
# A right-to-left override (U+202E) that would show "exe.txt" as "txt.exe", and an isolate.
BIDI = "Chenôve\u202eexe.txt\u2066"
MARKUP = '<img src=x onerror="alert(1)">'

STANDINGS = ("on_track", "not_started", "late", "stopped", "done", "not_reported")


def _standings(*counts: int) -> tuple[tuple[str, int], ...]:
    return tuple(zip(STANDINGS, counts, strict=True))


DIJON = CityRow(
    path="plans/dijon-2020.yaml",
    state=PlanState.VALID,
    warnings=2,
    city="Dijon",
    insee="21231",
    department="21",
    mandate=(2020, 2026),
    referential=REFERENTIAL,
    year_recorded=True,
    missing_entries=0,
    actions=40,
    by_standing=_standings(20, 4, 6, 2, 8, 0),
    on_track_or_done=28,
    budget_planned=2_500_000.0,
    spent_year=310_000.0,
    spent_to_date=1_450_000.5,
    illustrative_actions=3,
    paid_this_year=1500.0,
    membership_fee=1500.0,
    member_since=2002,
    consultation=Consultation(edition="2023", questionnaires=1234, local_extract=True),
    obligations_covered=frozenset({"formation", "consultation"}),
    recommendations=frozenset({"nutrition", "pollution-air"}),
    commitments=(("bien-etre", 12, 900_000.0), ("equite", 8, 400_000.0)),
    answers=(("quotient-familial", True), ("gratuite-pauvrete", True), ("prix-max-repas", 4.5)),
)
BEAUNE = CityRow(
    path="plans/beaune-2020.yaml",
    state=PlanState.VALID,
    city="Beaune",
    insee="21054",
    department="21",
    mandate=(2020, 2026),
    referential=REFERENTIAL,
    year_recorded=False,
    missing_entries=3,
    actions=12,
    by_standing=_standings(5, 1, 2, 0, 1, 3),
    on_track_or_done=6,
    budget_planned=300_000.0,
    spent_year=20_000.0,
    spent_to_date=95_000.0,
    illustrative_actions=0,
    paid_this_year=None,
    membership_fee=400.0,
    member_since=2016,
    consultation=None,
    obligations_covered=frozenset({"consultation"}),
    obligations_missing=frozenset({"formation"}),
    recommendations=frozenset({"nutrition"}),
    commitments=(("bien-etre", 3, 100_000.0),),
    answers=(("quotient-familial", False), ("prix-max-repas", 3.2)),
)
# The city's name is a spreadsheet formula: it must stay text in every sheet.
FORMULA_CITY = CityRow(
    path="plans/formule.yaml",
    state=PlanState.VALID,
    city=FORMULA,
    insee="71270",
    department="71",
    mandate=(2020, 2026),
    referential=REFERENTIAL,
    year_recorded=True,
    missing_entries=0,
    actions=5,
    by_standing=_standings(3, 0, 0, 0, 2, 0),
    on_track_or_done=5,
    budget_planned=50_000.0,
    spent_year=5_000.0,
    spent_to_date=30_000.0,
    illustrative_actions=0,
    paid_this_year=300.0,
    membership_fee=300.0,
    member_since=2019,
    consultation=Consultation(edition="2023", questionnaires=150, local_extract=False),
    obligations_covered=frozenset({"consultation"}),
    obligations_missing=frozenset({"formation"}),
    commitments=(("bien-etre", 2, 20_000.0),),
    answers=(("quotient-familial", True), ("prix-max-repas", 2.0)),
)
CHALON = CityRow(
    path="plans/chalon-2020.yaml",
    state=PlanState.VALID,
    city=BIDI,
    insee="71076",
    department="71",
    mandate=(2020, 2026),
    referential=REFERENTIAL,
    year_recorded=True,
    missing_entries=0,
    actions=9,
    by_standing=_standings(4, 2, 1, 1, 1, 0),
    on_track_or_done=5,
    budget_planned=120_000.0,
    spent_year=15_000.0,
    spent_to_date=60_000.0,
    illustrative_actions=0,
    paid_this_year=500.0,
    membership_fee=500.0,
    member_since=2010,
    consultation=Consultation(edition="2023", questionnaires=420, local_extract=True),
    obligations_covered=frozenset({"formation", "consultation"}),
    recommendations=frozenset({"nutrition"}),
    commitments=(("bien-etre", 4, 60_000.0), ("equite", 1, 10_000.0)),
    answers=(("quotient-familial", True), ("gratuite-pauvrete", False)),
)
# Read, but with errors: listed with its first findings, its figures not counted.
WITH_ERRORS = CityRow(
    path="plans/autun-2020.yaml",
    state=PlanState.ERRORS,
    errors=2,
    warnings=1,
    findings=(
        FirstFinding(
            location="plans/autun-2020.yaml:12:17",
            severity="error",
            rule="wrong-type",
            message=f'`budget_eur` must be a number, found the text "{MARKUP}"',
        ),
        FirstFinding(
            location="plans/autun-2020.yaml:40:5",
            severity="error",
            rule="known-reference",
            message=f'"{FORMULA}" is not a commitment of {REFERENTIAL}',
        ),
    ),
    city=SCRIPT,
    insee="71014",
    department="71",
    mandate=(2020, 2026),
    referential=REFERENTIAL,
)
UNREADABLE = CityRow(
    path="plans/cass\u202eé.yaml",
    state=PlanState.UNREADABLE,
    errors=1,
    findings=(
        FirstFinding(
            location="plans/cass\u202eé.yaml:3:1",
            severity="error",
            rule="yaml-syntax",
            message="the file is not valid YAML: a quote is left open",
        ),
    ),
)

CITIES = (BEAUNE, DIJON, CHALON, FORMULA_CITY, WITH_ERRORS, UNREADABLE)


def _view(counted: tuple[CityRow, ...], lang: str) -> ReferentialView:
    fr = lang == "fr"
    names = sorted(c.city or "" for c in counted)
    of = len(counted)

    def obligation(id_: str, number: int, label: str) -> Uptake:
        doing = [c for c in counted if id_ in c.obligations_covered]
        missing = tuple(n for n in names if n not in {c.city for c in doing})
        return Uptake(id=id_, number=number, label=label, cities=len(doing), of=of, missing=missing)

    def commitment(id_: str, number: int, label: str) -> Uptake:
        doing = [(c, a, b) for c in counted for (i, a, b) in c.commitments if i == id_]
        return Uptake(
            id=id_,
            number=number,
            label=label,
            cities=len(doing),
            of=of,
            missing=tuple(n for n in names if n not in {c.city for c, _, _ in doing}),
            actions=sum(a for _, a, _ in doing),
            budget=sum(b for _, _, b in doing),
        )

    def recommendation(id_: str, label: str) -> Uptake:
        doing = [c for c in counted if id_ in c.recommendations]
        return Uptake(
            id=id_,
            number=None,
            label=label,
            cities=len(doing),
            of=of,
            missing=tuple(n for n in names if n not in {c.city for c in doing}),
        )

    answers = [dict(c.answers) for c in counted]

    def yes_no(id_: str, label: str) -> QuestionResult:
        given = [a[id_] for a in answers if id_ in a]
        yes = sum(1 for g in given if g is True)
        no = len(given) - yes
        counts = (
            AnswerCount(
                value="yes", label="oui" if fr else "yes", cities=yes, share=yes / len(given)
            ),
            AnswerCount(value="no", label="non" if fr else "no", cities=no, share=no / len(given)),
        )
        return QuestionResult(
            id=id_,
            label=label,
            kind="yes_no",
            unit=None,
            answered=len(given),
            unanswered=of - len(given),
            counts=counts,
            note=NOTE_FR if fr else NOTE_EN,
        )

    prices = sorted(float(a["prix-max-repas"]) for a in answers if "prix-max-repas" in a)
    return ReferentialView(
        id=REFERENTIAL,
        name="Ville amie des enfants 2020-2026 (UNICEF France)"
        if fr
        else "UNICEF France Child Friendly Cities 2020-2026",
        cities=of,
        obligations=(
            obligation("formation", 2, "Formation aux droits de l'enfant" if fr else "Training"),
            obligation("consultation", 6, "Consultation nationale" if fr else "Consultation"),
        ),
        commitments=(
            commitment("bien-etre", 1, "Bien-être de chaque enfant" if fr else "Well-being"),
            commitment("equite", 2, "Équité" if fr else "Equity"),
        ),
        recommendations=(
            recommendation("nutrition", "Alimentation" if fr else "Nutrition"),
            recommendation("pollution-air", "Pollution de l'air" if fr else "Air pollution"),
        ),
        consultation=(
            EditionUptake(
                edition="2023",
                cities=sum(1 for c in counted if c.consultation),
                questionnaires=sum(
                    c.consultation.questionnaires for c in counted if c.consultation
                ),
                local_extracts=sum(
                    1 for c in counted if c.consultation and c.consultation.local_extract
                ),
            ),
        ),
        questions=(
            yes_no(
                "quotient-familial",
                "Restauration scolaire au quotient familial ?"
                if fr
                else "School meals priced by family income?",
            ),
            yes_no(
                "gratuite-pauvrete",
                "Gratuité pour les enfants en grande pauvreté ?"
                if fr
                else "Free school meals for children in deep poverty?",
            ),
            QuestionResult(
                id="prix-max-repas",
                label="Prix maximal d'un repas" if fr else "Maximum school-meal price",
                kind="number",
                unit="€",
                answered=len(prices),
                unanswered=of - len(prices),
                minimum=prices[0],
                median=prices[len(prices) // 2],
                maximum=prices[-1],
                note=NOTE_FR if fr else NOTE_EN,
            ),
        ),
    )


NOTE_FR = "question choisie par le projet vae, pas par UNICEF France"
NOTE_EN = "the project's own question, not UNICEF France's"


def _section(department: str | None, cities: tuple[CityRow, ...], lang: str) -> Section:
    counted = tuple(c for c in cities if c.counted)
    totals = Totals(
        plans=len(cities),
        valid=sum(1 for c in cities if c.state is PlanState.VALID),
        with_errors=sum(1 for c in cities if c.state is PlanState.ERRORS),
        unreadable=sum(1 for c in cities if c.state is PlanState.UNREADABLE),
        counted=len(counted),
        year_recorded=sum(1 for c in counted if c.year_recorded),
        paid=sum(1 for c in counted if c.paid_this_year is not None),
    )
    return Section(
        department=department,
        totals=totals,
        cities=cities,
        referentials=(_view(counted, lang),) if counted else (),
    )


def network(*, lang: str = "fr", by_department: bool = False) -> NetworkReport:
    """The six plans' report for 2025; `by_department` adds the sections of 21 and 71."""
    departments: tuple[Section, ...] = ()
    if by_department:
        departments = tuple(
            _section(d, tuple(c for c in CITIES if c.department == d), lang) for d in ("21", "71")
        )
    return NetworkReport(
        year=YEAR,
        lang=lang,
        sources=("plans/",),
        whole=_section(None, CITIES, lang),
        departments=departments,
    )


def replaced_city(report: NetworkReport, index: int, **changes: object) -> NetworkReport:
    """`report` with its whole section's city `index` changed (a test's one edit)."""
    cities = list(report.whole.cities)
    cities[index] = dataclasses.replace(cities[index], **changes)  # type: ignore[arg-type]
    whole = dataclasses.replace(report.whole, cities=tuple(cities))
    return dataclasses.replace(report, whole=whole)
