"""The network report as a spreadsheet (`.ods`, `.xlsx`): one sheet per part of the report, typed
cells (counts as numbers, money in euros, shares as percentages), written by the follow-up's
own writers (`vae_cli.spreadsheet.ods` and `xlsx`, `write_sheets`).

- Villes / Cities: one row per plan, none left out; a plan with errors or unreadable keeps its
  first findings and leaves its figures empty (not counted, never 0).
- Obligations, Engagements / Commitments, Recommandations / Recommendations: per referential,
  how many counted cities do each, out of how many, the share, and which do not.
- Consultation: per edition, the cities taking part, questionnaires, local extracts.
- Questions: per answer of each network question, its cities and share of the cities that
  answered; numbers' minimum, median and maximum; the unanswered apart.

With `--by department` every sheet but Villes repeats its rows for each département after the
network's, in a first column saying whose rows they are. The sheets are not protected: they
are for reading and analysing, not for filling in. Plan text is made inert (a bidirectional
override or a control character is shown as a visible character), and is always a text
cell: `=cmd|...` in a city's name never becomes a formula.
"""

from __future__ import annotations

import typing as t
from pathlib import Path

from vae_cli.errors import UsageError
from vae_cli.i18n.messages import Message, msg
from vae_cli.network.data import (
    Answer,
    CityRow,
    NetworkReport,
    PlanState,
    QuestionResult,
    ReferentialView,
    Section,
    Uptake,
)
from vae_cli.report.actions import Standing
from vae_cli.spreadsheet import layout as lay
from vae_cli.spreadsheet.table import PREFIX, Euros, Sheet, Value
from vae_cli.terminal import inert, inert_lines

Kind = lay.Kind
Column = lay.Column

CITIES = "cities"
OBLIGATIONS = "obligations"
COMMITMENTS = "commitments"
RECOMMENDATIONS = "recommendations"
CONSULTATION = "consultation"
QUESTIONS = "questions"

SHEET_NAMES: dict[str, Message] = {
    CITIES: msg("Cities"),
    OBLIGATIONS: msg("Obligations"),
    COMMITMENTS: msg("Commitments"),
    RECOMMENDATIONS: msg("Recommendations"),
    CONSULTATION: msg("Consultation"),
    QUESTIONS: msg("Questions"),
}

STATE_WORDS: dict[PlanState, Message] = {
    PlanState.VALID: msg("valid"),
    PlanState.ERRORS: msg("with errors"),
    PlanState.UNREADABLE: msg("unreadable"),
}
STANDING_WORDS: dict[str, Message] = {
    Standing.ON_TRACK: msg("On track"),
    Standing.NOT_STARTED: msg("Not due to start yet"),
    Standing.LATE: msg("Behind schedule"),
    Standing.STOPPED: msg("Stopped"),
    Standing.DONE: msg("Done"),
    Standing.NOT_REPORTED: msg("Not reported"),
}


def sheets(report: NetworkReport) -> list[Sheet]:
    """The report's sheets, in no file format yet."""
    parts = [report.whole, *report.departments]
    by_department = bool(report.departments)
    found = [
        _cities(report),
        _uptakes(parts, OBLIGATIONS, by_department=by_department),
        _uptakes(parts, COMMITMENTS, by_department=by_department),
        _uptakes(parts, RECOMMENDATIONS, by_department=by_department),
        _consultation(parts, by_department=by_department),
        _questions(parts, by_department=by_department),
    ]
    return [Sheet(s.layout, [[_inert(v) for v in row] for row in s.rows]) for s in found]


def ods(report: NetworkReport) -> bytes:
    from vae_cli.spreadsheet import ods as writer

    return writer.write_sheets(sheets(report), protect=False, **_document(report))


def xlsx(report: NetworkReport) -> bytes:
    from vae_cli.spreadsheet import xlsx as writer

    return writer.write_sheets(sheets(report), protect=False, **_document(report))


def is_generated(path: Path) -> bool:
    """Whether `path` is a spreadsheet of the network report (which `vae network` may
    overwrite): its properties say so. Anything else, a follow-up table included, is a user's
    file."""
    from vae_cli.spreadsheet.reading import read_book

    try:
        book = read_book(path, "en")
    except UsageError:  # not a spreadsheet, damaged, too large, unreadable: not ours
        return False
    return book.properties.get(PREFIX + "report") == "network"


class _Document(t.TypedDict):
    lang: str
    title: str
    properties: dict[str, str]


def _document(report: NetworkReport) -> _Document:
    title = msg("Ville amie des enfants network: report {year}", year=report.year)
    return {
        "lang": report.lang,
        "title": title.written_in(report.lang),
        "properties": {
            PREFIX + "report": "network",
            PREFIX + "year": str(report.year),
            PREFIX + "lang": report.lang,
        },
    }


def _inert(value: Value) -> Value:
    """Text made inert, its line breaks kept (a cell of several findings has one a line)."""
    return inert_lines(value) if isinstance(value, str) else value


def _yes(value: bool | None) -> Value:
    if value is None:
        return None
    return msg("yes") if value else msg("no")


# --- Villes / Cities -----------------------------------------------------------------------


def _questions_asked(report: NetworkReport) -> list[QuestionResult]:
    """Every question of the report's referentials, once each, in the referentials' order."""
    seen: dict[str, QuestionResult] = {}
    for view in report.whole.referentials:
        for question in view.questions:
            seen.setdefault(question.id, question)
    return list(seen.values())


def _cities(report: NetworkReport) -> Sheet:
    year = report.year
    questions = _questions_asked(report)
    columns = (
        Column("department", msg("Département")),
        Column("city", msg("City")),
        Column("insee", msg("INSEE code")),
        Column("path", msg("Plan file")),
        Column("mandate", msg("Mandate")),
        Column("referential", msg("Referential")),
        Column("state", msg("State")),
        Column("errors", msg("Errors"), Kind.NUMBER),
        Column("warnings", msg("Warnings"), Kind.NUMBER),
        Column("findings", msg("First findings")),
        Column("year_recorded", msg("Year {year} recorded", year=year)),
        Column(
            "missing_entries",
            msg("Running actions without an entry for {year}", year=year),
            Kind.NUMBER,
        ),
        Column("actions", msg("Actions"), Kind.NUMBER),
        *(
            Column(
                f"standing_{s.value}",
                msg("Actions: {standing}", standing=STANDING_WORDS[s]),
                Kind.NUMBER,
            )
            for s in Standing
        ),
        Column("on_track_or_done", msg("On track or done"), Kind.NUMBER),
        Column("budget", msg("Planned budget (€)"), Kind.EUROS),
        Column("spent_year", msg("Spent {year} (€)", year=year), Kind.EUROS),
        Column("spent_to_date", msg("Spent to date (€)"), Kind.EUROS),
        Column("illustrative", msg("Illustrative actions"), Kind.NUMBER),
        Column("paid", msg("Paid for {year} (€)", year=year), Kind.EUROS),
        Column("fee", msg("Annual fee (€)"), Kind.EUROS),
        Column("member_since", msg("Member since"), Kind.YEAR),
        Column("edition", msg("Consultation: edition")),
        Column("questionnaires", msg("Consultation: questionnaires"), Kind.NUMBER),
        Column("local_extract", msg("Consultation: local extract")),
        Column("obligations_missing", msg("Obligations not covered")),
        *(
            Column(
                f"answer_{q.id}",
                msg("Answer: {question}", question=inert(q.label)),
                Kind.NUMBER if q.kind == "number" else Kind.TEXT,
            )
            for q in questions
        ),
    )
    rows = [_city_row(c, questions) for c in report.whole.cities]
    return Sheet(lay.SheetLayout(CITIES, SHEET_NAMES[CITIES], columns), rows)


def _city_row(city: CityRow, questions: list[QuestionResult]) -> list[Value]:
    counted = city.counted
    standings = dict(city.by_standing)
    answers = dict(city.answers)
    consultation = city.consultation if counted else None
    findings = "\n".join(f"{f.location}: [{f.rule}] {f.message}" for f in city.findings)

    def euros(value: float | None) -> Value:
        return Euros(value) if counted and value is not None else None

    return [
        city.department,
        city.city,
        city.insee,
        city.path,
        f"{city.mandate[0]}-{city.mandate[1]}" if city.mandate else None,
        city.referential,
        STATE_WORDS[city.state],
        city.errors,
        city.warnings,
        findings or None,
        _yes(city.year_recorded) if counted else None,
        city.missing_entries if counted else None,
        city.actions if counted else None,
        *((standings.get(s.value, 0) if counted else None) for s in Standing),
        city.on_track_or_done if counted else None,
        euros(city.budget_planned),
        euros(city.spent_year),
        euros(city.spent_to_date),
        city.illustrative_actions if counted else None,
        euros(city.paid_this_year),
        euros(city.membership_fee),
        city.member_since if counted else None,
        consultation.edition if consultation else None,
        consultation.questionnaires if consultation else None,
        _yes(consultation.local_extract) if consultation else None,
        ", ".join(sorted(city.obligations_missing)) if counted else None,
        *(_answer(answers.get(q.id), q) if counted else None for q in questions),
    ]


def _answer(answer: Answer | None, question: QuestionResult) -> Value:
    if answer is None:
        return None
    if isinstance(answer, bool):
        return _yes(answer)
    if isinstance(answer, int | float):
        return answer
    labels = {count.value: count.label for count in question.counts}
    return labels.get(answer, answer)


# --- The sheets of a referential's figures -------------------------------------------------


def _whose(section: Section) -> Value:
    return section.department if section.department is not None else msg("whole network")


def _leading(by_department: bool) -> tuple[Column, ...]:
    first = (Column("part", msg("Département")),) if by_department else ()
    return (*first, Column("referential", msg("Referential")))


def _views(
    parts: list[Section], by_department: bool
) -> t.Iterator[tuple[list[Value], ReferentialView]]:
    """Each referential of each part, with the first cells of its rows."""
    for section in parts:
        for view in section.referentials:
            yield ([_whose(section)] if by_department else []) + [view.id], view


_UPTAKE_COLUMNS: dict[str, tuple[Column, ...]] = {
    OBLIGATIONS: (
        Column("number", msg("No."), Kind.NUMBER),
        Column("id", msg("Obligation id")),
        Column("label", msg("Obligation")),
        Column("cities", msg("Cities covering it"), Kind.NUMBER),
        Column("of", msg("Cities counted"), Kind.NUMBER),
        Column("share", msg("Share"), Kind.PERCENT),
        Column("missing", msg("Cities that do not")),
    ),
    COMMITMENTS: (
        Column("number", msg("No."), Kind.NUMBER),
        Column("id", msg("Commitment id")),
        Column("label", msg("Commitment")),
        Column("cities", msg("Cities acting on it"), Kind.NUMBER),
        Column("of", msg("Cities counted"), Kind.NUMBER),
        Column("share", msg("Share"), Kind.PERCENT),
        Column("actions", msg("Live actions"), Kind.NUMBER),
        Column("budget", msg("Planned budget (€)"), Kind.EUROS),
    ),
    RECOMMENDATIONS: (
        Column("id", msg("Recommendation id")),
        Column("label", msg("Recommendation")),
        Column("cities", msg("Cities acting on it"), Kind.NUMBER),
        Column("of", msg("Cities counted"), Kind.NUMBER),
        Column("share", msg("Share"), Kind.PERCENT),
        Column("missing", msg("Cities that do not")),
    ),
}


def _uptake_row(key: str, u: Uptake) -> list[Value]:
    missing = ", ".join(u.missing) or None
    if key == OBLIGATIONS:
        return [u.number, u.id, u.label, u.cities, u.of, u.share, missing]
    if key == COMMITMENTS:
        return [u.number, u.id, u.label, u.cities, u.of, u.share, u.actions, Euros(u.budget)]
    return [u.id, u.label, u.cities, u.of, u.share, missing]


def _uptakes(parts: list[Section], key: str, *, by_department: bool) -> Sheet:
    rows: list[list[Value]] = []
    for first, view in _views(parts, by_department):
        uptakes = {
            OBLIGATIONS: view.obligations,
            COMMITMENTS: view.commitments,
            RECOMMENDATIONS: view.recommendations,
        }[key]
        rows += [first + _uptake_row(key, u) for u in uptakes]
    columns = (*_leading(by_department), *_UPTAKE_COLUMNS[key])
    return Sheet(lay.SheetLayout(key, SHEET_NAMES[key], columns), rows)


def _consultation(parts: list[Section], *, by_department: bool) -> Sheet:
    columns = (
        *_leading(by_department),
        Column("edition", msg("Edition")),
        Column("cities", msg("Cities taking part"), Kind.NUMBER),
        Column("of", msg("Cities counted"), Kind.NUMBER),
        Column("share", msg("Share"), Kind.PERCENT),
        Column("questionnaires", msg("Questionnaires"), Kind.NUMBER),
        Column("local_extracts", msg("Local extracts"), Kind.NUMBER),
    )
    rows: list[list[Value]] = [
        [
            *first,
            e.edition,
            e.cities,
            view.cities,
            e.cities / view.cities if view.cities else None,
            e.questionnaires,
            e.local_extracts,
        ]
        for first, view in _views(parts, by_department)
        for e in view.consultation
    ]
    return Sheet(lay.SheetLayout(CONSULTATION, SHEET_NAMES[CONSULTATION], columns), rows)


def _questions(parts: list[Section], *, by_department: bool) -> Sheet:
    columns = (
        *_leading(by_department),
        Column("id", msg("Question id")),
        Column("label", msg("Question")),
        Column("answer", msg("Answer")),
        Column("cities", msg("Cities"), Kind.NUMBER),
        Column("share", msg("Share of the cities that answered"), Kind.PERCENT),
        Column("value", msg("Value"), Kind.NUMBER),
        Column("unit", msg("Unit")),
        Column("answered", msg("Cities that answered"), Kind.NUMBER),
        Column("unanswered", msg("Cities with no answer"), Kind.NUMBER),
        Column("note", msg("Note")),
    )
    rows: list[list[Value]] = []
    for first, view in _views(parts, by_department):
        for q in view.questions:
            rows += [[*first, q.id, q.label, *cells, q.answered, q.unanswered, q.note]
                     for cells in _answer_cells(q)]  # fmt: skip
    return Sheet(lay.SheetLayout(QUESTIONS, SHEET_NAMES[QUESTIONS], columns), rows)


def _answer_cells(q: QuestionResult) -> list[list[Value]]:
    """The answer, cities, share, value and unit cells of each row of a question."""
    if q.kind == "number":
        spread = (
            (msg("minimum"), q.minimum),
            (msg("median"), q.median),
            (msg("maximum"), q.maximum),
        )
        found: list[list[Value]] = [
            [name, None, None, v, q.unit] for name, v in spread if v is not None
        ]
    else:
        found = [[n.label, n.cities, n.share, None, q.unit] for n in q.counts]
    # A question nobody answered still has its row: its counts of answers and of silences.
    return found or [[None, None, None, None, q.unit]]


__all__: t.Sequence[str] = ["is_generated", "ods", "sheets", "xlsx"]
