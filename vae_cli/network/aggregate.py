"""The rows of the network added up into a `NetworkReport`: what a careful reader would count by
hand from the cities' own follow-ups.

Honest counts: every plan is in the totals and listed, the ones with errors or unreadable too;
shares are taken over the cities whose figures are counted (valid plans whose mandate holds the
year), of the same referential, and each `Uptake` keeps its denominator (`of`) so that a
renderer writes « 23 / 25 villes ».
"""

from __future__ import annotations

import typing as t

from vae_cli.i18n.typography import french_order
from vae_cli.models.common import Localized
from vae_cli.models.referential import Referential
from vae_cli.network import departments
from vae_cli.network.answers import question_results
from vae_cli.network.data import (
    CityRow,
    EditionUptake,
    NetworkReport,
    PlanState,
    ReferentialView,
    Section,
    Totals,
    Uptake,
)


def placed(row: CityRow) -> str | None:
    """The row's département, when its plan gives one that exists."""
    code = row.department
    return code if code is not None and departments.is_department(code) else None


def city_order(row: CityRow) -> tuple[t.Any, ...]:
    """Département (French order; unknown last), then city (French order; unknown last),
    then path: the order every list of cities is shown in."""
    code = placed(row)
    return (
        code is None,
        departments.order(code) if code is not None else (0, 0),
        row.city is None,
        french_order(row.city or ""),
        row.path,
    )


def aggregate(
    rows: t.Sequence[CityRow],
    *,
    referentials: t.Mapping[str, Referential],
    year: int,
    lang: str,
    sources: t.Sequence[str],
    by_department: bool = False,
    department: str | None = None,
) -> NetworkReport:
    """The network report of `rows` for `year`, labels in `lang`; `referentials` by id (those
    of the counted rows). `department`: only that département's cities; `by_department`: a
    section per département besides the whole."""
    ordered = sorted(rows, key=city_order)
    unplaced = tuple(r.path for r in ordered if placed(r) is None)
    if department is not None:
        ordered = [r for r in ordered if placed(r) == department]
    whole = section(ordered, None, referentials=referentials, year=year, lang=lang)
    sections: tuple[Section, ...] = ()
    if by_department:
        codes = sorted({c for r in ordered if (c := placed(r)) is not None}, key=departments.order)
        sections = tuple(
            section(
                [r for r in ordered if placed(r) == code],
                code,
                referentials=referentials,
                year=year,
                lang=lang,
            )
            for code in codes
        )
    return NetworkReport(
        year=year,
        lang=lang,
        sources=tuple(sources),
        whole=whole,
        departments=sections,
        department=department,
        unplaced=unplaced,
    )


def section(
    rows: t.Sequence[CityRow],
    department: str | None,
    *,
    referentials: t.Mapping[str, Referential],
    year: int,
    lang: str,
) -> Section:
    """One part of the report: its totals, its cities, and a view per referential."""
    counted = [r for r in rows if r.counted]
    ids = sorted({i for r in counted if (i := r.referential) is not None and i in referentials})
    return Section(
        department=department,
        totals=Totals(
            plans=len(rows),
            valid=sum(r.state is PlanState.VALID for r in rows),
            with_errors=sum(r.state is PlanState.ERRORS for r in rows),
            unreadable=sum(r.state is PlanState.UNREADABLE for r in rows),
            counted=len(counted),
            year_recorded=sum(bool(r.year_recorded) for r in counted),
            paid=sum(r.paid_this_year is not None for r in counted),
        ),
        cities=tuple(rows),
        referentials=tuple(
            _view(
                referentials[i],
                [r for r in counted if r.referential == i],
                year=year,
                lang=lang,
            )
            for i in ids
        ),
    )


def _view(
    referential: Referential, rows: list[CityRow], *, year: int, lang: str
) -> ReferentialView:
    def names(missing: t.Iterable[CityRow]) -> tuple[str, ...]:
        return tuple(sorted((r.city or r.path for r in missing), key=french_order))

    of = len(rows)
    obligations = tuple(
        Uptake(
            id=o.id,
            number=o.number,
            label=_in(o.label, lang),
            cities=sum(o.id in r.obligations_covered for r in rows),
            of=of,
            missing=names(r for r in rows if o.id not in r.obligations_covered),
        )
        for o in sorted(referential.obligations, key=lambda o: o.number)
    )

    def live(row: CityRow, commitment: str) -> tuple[int, float]:
        return next(((n, b) for c, n, b in row.commitments if c == commitment), (0, 0.0))

    commitments = tuple(
        Uptake(
            id=c.id,
            number=c.number,
            label=_in(c.label, lang),
            cities=sum(live(r, c.id)[0] > 0 for r in rows),
            of=of,
            missing=names(r for r in rows if live(r, c.id)[0] == 0),
            actions=sum(live(r, c.id)[0] for r in rows),
            budget=sum(live(r, c.id)[1] for r in rows),
        )
        for c in sorted(referential.commitments, key=lambda c: c.number)
    )
    number_of = {c.id: c.number for c in referential.commitments}
    recommendations = tuple(
        Uptake(
            id=rec.id,
            number=rec.number,
            label=_in(rec.label, lang),
            cities=sum(rec.id in r.recommendations for r in rows),
            of=of,
        )
        # Under their commitment, in the referential's order within it.
        for rec in sorted(
            referential.recommendations,
            key=lambda rec: (number_of.get(rec.commitment, 0), rec.number is None, rec.number or 0),
        )
    )
    editions = referential.consultation.editions if referential.consultation else []
    mandate = referential.mandate
    consultation = tuple(
        EditionUptake(
            edition=e.id,
            cities=sum(any(c.edition == e.id for c in r.consultations) for r in rows),
            questionnaires=sum(
                c.questionnaires for r in rows for c in r.consultations if c.edition == e.id
            ),
            local_extracts=sum(
                any(c.edition == e.id and c.local_extract for c in r.consultations) for r in rows
            ),
        )
        for e in sorted(editions, key=lambda e: e.year)
        if mandate.start <= e.year <= min(year, mandate.end)
    )
    return ReferentialView(
        id=referential.id,
        name=_in(referential.name, lang),
        cities=of,
        obligations=obligations,
        commitments=commitments,
        recommendations=recommendations,
        consultation=consultation,
        questions=question_results(referential.questions, [r.answers for r in rows], lang),
    )


def _in(text: Localized, lang: str) -> str:
    return text.fr if lang == "fr" else text.en
