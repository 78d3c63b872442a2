"""The follow-up table of a year, built from a plan: sheets of typed values, in no file format
yet. Statuses stay the plan's values here; each writer shows them as its format should."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
import typing as t
import unicodedata

from vae_cli.i18n.messages import Message, msg
from vae_cli.models.plan import Action, Indicator, Plan
from vae_cli.models.referential import Referential
from vae_cli.report.actions import action_at, entry_for, indicator_at
from vae_cli.report.coverage import obligations_coverage
from vae_cli.spreadsheet import layout as lay


@dataclasses.dataclass(frozen=True)
class Euros:
    """A sum of money in a cell of a column that holds other kinds of values too."""

    amount: float


Value = str | int | float | dt.date | Euros | Message | None


@dataclasses.dataclass(frozen=True)
class Sheet:
    layout: lay.SheetLayout
    rows: list[list[Value]]


@dataclasses.dataclass(frozen=True, kw_only=True)
class Properties:
    """What the document's properties say about where a sheet came from."""

    city: str
    insee: str
    mandate: tuple[int, int]
    year: int
    lang: str
    lead: str | None = None
    blank: bool = False
    layout_version: int = lay.LAYOUT_VERSION

    @property
    def plan_id(self) -> str:
        """The plan's id: its city's INSEE code and its mandate, which a renamed file keeps."""
        return plan_id(self.insee, self.mandate)


def plan_id(insee: str, mandate: tuple[int, int]) -> str:
    return f"{insee}/{mandate[0]}-{mandate[1]}"


@dataclasses.dataclass(frozen=True)
class Workbook:
    properties: Properties
    sheets: list[Sheet]

    @property
    def lang(self) -> str:
        return self.properties.lang


def _amount(value: float | None) -> float | int | None:
    """Whole euros as an integer, so a cell shows 12000 and an import writes back `12000`."""
    if value is not None and float(value).is_integer():
        return int(value)
    return value


def _action_row(action: Action, year: int, *, blank: bool) -> list[Value]:
    before = entry_for(action, year - 1)
    now = None if blank else entry_for(action, year)
    return [
        action.id,
        action.title,
        action.commitment,
        ", ".join(action.obligations),
        action.lead,
        action.elected_referent,
        _amount(action.budget_eur),
        before.status.value if before else None,
        _amount(before.spent_eur) if before else None,
        now.status.value if now else None,
        _amount(now.spent_eur) if now else None,
        now.note if now else None,
    ]


def _indicator_row(
    action: Action, indicator: Indicator, year: int, mandate: range, *, blank: bool
) -> list[Value]:
    if blank:  # the status of what the sheet shows, not of a value it leaves out
        shown = [m for m in indicator.measurements if m.year != year]
        indicator = indicator.model_copy(update={"measurements": shown})
    values = {m.year: m.value for m in indicator.measurements}
    now = next((m for m in indicator.measurements if m.year == year), None)
    return [
        indicator.id,
        action.id,
        indicator.label,
        indicator.unit,
        indicator.direction.value,
        indicator.baseline.year,
        _amount(indicator.baseline.value),
        indicator.target.year,
        _amount(indicator.target.value),
        *(_amount(values.get(y)) for y in mandate),
        now.source if now else None,
        indicator_at(indicator, year).status.value,
    ]


def _yes(value: bool) -> Message:
    return msg("yes") if value else msg("no")


def _obligations(plan: Plan, referential: Referential, year: int, lang: str) -> Sheet:
    views = {a.id: action_at(a, year) for a in plan.actions}
    rows: list[list[Value]] = [
        [
            c.obligation.id,
            c.obligation.label.fr if lang == "fr" else c.obligation.label.en,
            _yes(c.covered),
            ", ".join(v.action.id for v in c.actions),
        ]
        for c in obligations_coverage(plan, referential, views, year=year)
    ]
    return Sheet(lay.obligations_layout(), rows)


def _membership(plan: Plan, referential: Referential, year: int) -> Sheet:
    membership = plan.membership
    paid = next((p for p in membership.payments if p.year == year), None)
    paid_years = {p.year for p in membership.payments}
    unpaid = [y for y in range(plan.mandate.start, year + 1) if y not in paid_years]
    rows: list[list[Value]] = [
        [msg("Annual fee (€)"), Euros(membership.annual_fee_eur)],
        [msg("Paid for {year} (€)", year=year), Euros(paid.amount_eur) if paid else None],
        [msg("Date paid"), dt.date.fromisoformat(str(paid.date)) if paid and paid.date else None],
        [msg("Years without a payment"), ", ".join(map(str, unpaid)) or msg("none")],
    ]
    rules = referential.consultation
    if rules is not None:
        rows.append(
            [
                msg("Questionnaires needed for a local extract"),
                rules.min_respondents_for_local_extract,
            ]
        )
    for consultation in plan.consultations:
        rows += [
            [
                msg("Consultation {edition}: questionnaires", edition=consultation.edition),
                consultation.respondents,
            ],
            [
                msg("Consultation {edition}: local extract received", edition=consultation.edition),
                _yes(consultation.local_extract),
            ],
        ]
    if not plan.consultations:
        rows.append([msg("Consultations of the mandate"), msg("none recorded")])
    return Sheet(lay.membership_layout(), rows)


def build(
    plan: Plan,
    referential: Referential,
    *,
    year: int,
    lang: str,
    blank: bool = False,
    lead: str | None = None,
) -> Workbook:
    """The follow-up table of `year`; with `lead`, only that department's actions and their
    indicators (a department's file has no obligations or membership sheet: not its to fill)."""
    mandate = range(plan.mandate.start, plan.mandate.end + 1)
    actions = [a for a in plan.actions if lead is None or a.lead == lead]
    sheets = [
        Sheet(lay.actions_layout(year), [_action_row(a, year, blank=blank) for a in actions]),
        Sheet(
            lay.indicators_layout(year, mandate),
            [
                _indicator_row(a, i, year, mandate, blank=blank)
                for a in actions
                for i in a.indicators
            ],
        ),
    ]
    if lead is None:
        sheets += [
            _obligations(plan, referential, year, lang),
            _membership(plan, referential, year),
        ]
    properties = Properties(
        city=plan.city.name,
        insee=plan.city.insee_code,
        mandate=(plan.mandate.start, plan.mandate.end),
        year=year,
        lang=lang,
        lead=lead,
        blank=blank,
    )
    return Workbook(properties, sheets)


def leads(plan: Plan) -> list[str]:
    """The plan's lead departments, in the order a reader looks them up."""
    return sorted({a.lead for a in plan.actions}, key=lambda s: (s.casefold(), s))


def slug(text: str) -> str:
    """A file name for a department: `Direction de l'éducation` -> `direction-de-l-education`."""
    bare = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(c for c in bare if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:80] or "direction"


def file_names(names: t.Sequence[str]) -> dict[str, str]:
    """A distinct slug for each name (a second `direction-x` becomes `direction-x-2`)."""
    taken: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        base = candidate = slug(name)
        n = 1
        while candidate in used:
            n += 1
            candidate = f"{base}-{n}"
        used.add(candidate)
        taken[name] = candidate
    return taken


# --- What a cell shows ---------------------------------------------------------------------


class CellKind(enum.Enum):
    EMPTY = "empty"
    TEXT = "text"
    NUMBER = "number"
    YEAR = "year"
    EUROS = "euros"
    PERCENT = "percent"
    DATE = "date"


@dataclasses.dataclass(frozen=True)
class Shown:
    kind: CellKind
    value: str | int | float | dt.date | None


_EMPTY = Shown(CellKind.EMPTY, None)


def shown(value: Value, column: lay.Column, lang: str, *, words: bool = True) -> Shown:
    """What the cell of `column` holding `value` shows in `lang`: its kind and typed value.
    Without `words` (CSV, for scripts), statuses stay the plan's values."""
    if value is None:
        return _EMPTY
    if isinstance(value, Message):
        return Shown(CellKind.TEXT, value.written_in(lang))
    if isinstance(value, Euros):
        return Shown(CellKind.EUROS, _amount(value.amount))
    if isinstance(value, dt.date):
        return Shown(CellKind.DATE, value)
    if isinstance(value, str):
        if column.kind in lay.WORDS and words:
            return Shown(CellKind.TEXT, lay.word(column.kind, value, lang))
        return Shown(CellKind.TEXT, value)
    if column.kind is lay.Kind.EUROS:
        return Shown(CellKind.EUROS, value)
    if column.kind is lay.Kind.YEAR:
        return Shown(CellKind.YEAR, value)
    if column.kind is lay.Kind.PERCENT:
        return Shown(CellKind.PERCENT, value)
    return Shown(CellKind.NUMBER, value)


def rows_shown(sheet: Sheet, lang: str, *, words: bool = True) -> list[list[Shown]]:
    columns = sheet.layout.columns
    return [
        [
            shown(value, column, lang, words=words)
            for value, column in zip(row, columns, strict=True)
        ]
        for row in sheet.rows
    ]


def width(column: lay.Column, header: str, cells: t.Iterable[Shown]) -> int:
    """A column's width in characters: its longest line, within bounds (a long note wraps);
    a text to fill in gets room for a sentence even when the sheet leaves it empty."""
    longest = max(
        (len(str(c.value)) + (3 if c.kind is CellKind.EUROS else 0) for c in cells), default=0
    )
    least = 30 if column.fill and column.kind is lay.Kind.TEXT else 8
    return max(least, min(50, max(len(header), longest) + 2))


# The document's properties (custom, user-defined ones) that say where a sheet came from.
PREFIX = "vae-"


def properties_dict(properties: Properties) -> dict[str, str]:
    values = {
        "plan": properties.plan_id,
        "city": properties.city,
        "year": str(properties.year),
        "lang": properties.lang,
        "layout": str(properties.layout_version),
        "blank": "yes" if properties.blank else "no",
    }
    if properties.lead is not None:
        values["lead"] = properties.lead
    return {PREFIX + key: value for key, value in values.items()}


def title(properties: Properties) -> Message:
    return msg(
        "Yearly follow-up {year}, {city}: Ville amie des enfants",
        year=properties.year,
        city=properties.city,
    )
