"""What the follow-up workbook holds: its sheets, their columns, the kind of each column's
cells, and which of them a department fills in. Writers and the importer read this one table,
so a column is named, typed and found again in one place."""

from __future__ import annotations

import dataclasses
import enum
import re
import unicodedata

from vae_cli.i18n.language import LANGUAGES
from vae_cli.i18n.messages import Message, msg
from vae_cli.models.plan import Direction, Status
from vae_cli.report.progress import ProgressStatus

# The version of the layout, in the document's properties: an import refuses a layout it does
# not know instead of reading the wrong column.
LAYOUT_VERSION = 1


class Kind(enum.Enum):
    TEXT = "text"
    YEAR = "year"  # a whole number, written without a thousands separator
    EUROS = "euros"  # a number, formatted as money
    NUMBER = "number"
    PERCENT = "percent"  # a share from 0 to 1, formatted as a percentage
    STATUS = "status"  # an action's status: words of the language, a drop-down list
    PROGRESS = "progress"  # an indicator's progress status, as the report computes it
    DIRECTION = "direction"


@dataclasses.dataclass(frozen=True)
class Column:
    key: str
    header: Message
    kind: Kind = Kind.TEXT
    # A cell the lead department fills in (marked, left unprotected); the others are read-only.
    fill: bool = False


@dataclasses.dataclass(frozen=True)
class SheetLayout:
    key: str
    name: Message
    columns: tuple[Column, ...]


ACTIONS = "actions"
INDICATORS = "indicators"
OBLIGATIONS = "obligations"
MEMBERSHIP = "membership"

SHEET_NAMES: dict[str, Message] = {
    ACTIONS: msg("Actions"),
    INDICATORS: msg("Indicators"),
    OBLIGATIONS: msg("Obligations"),
    MEMBERSHIP: msg("Membership and consultation"),
}


def actions_layout(year: int) -> SheetLayout:
    before = year - 1
    return SheetLayout(
        ACTIONS,
        SHEET_NAMES[ACTIONS],
        (
            Column("id", msg("Action id")),
            Column("title", msg("Title")),
            Column("commitment", msg("Commitment")),
            Column("obligations", msg("Obligations")),
            Column("lead", msg("Lead department")),
            Column("elected_referent", msg("Elected referent")),
            Column("budget", msg("Budget of the mandate (€)"), Kind.EUROS),
            Column("status_before", msg("Status {year}", year=before), Kind.STATUS),
            Column("spent_before", msg("Spent {year} (€)", year=before), Kind.EUROS),
            Column("status", msg("Status {year}", year=year), Kind.STATUS, fill=True),
            Column("spent", msg("Spent {year} (€)", year=year), Kind.EUROS, fill=True),
            Column("note", msg("Note {year}", year=year), fill=True),
        ),
    )


def indicators_layout(year: int, mandate: range) -> SheetLayout:
    values = tuple(
        Column(f"value_{y}", msg("Value {year}", year=y), Kind.NUMBER, fill=y == year)
        for y in mandate
    )
    return SheetLayout(
        INDICATORS,
        SHEET_NAMES[INDICATORS],
        (
            Column("id", msg("Indicator id")),
            Column("action", msg("Action id")),
            Column("label", msg("Indicator")),
            Column("unit", msg("Unit")),
            Column("direction", msg("Direction"), Kind.DIRECTION),
            Column("baseline_year", msg("Baseline year"), Kind.YEAR),
            Column("baseline", msg("Baseline"), Kind.NUMBER),
            Column("target_year", msg("Target year"), Kind.YEAR),
            Column("target", msg("Target"), Kind.NUMBER),
            *values,
            Column("source", msg("Source {year}", year=year), fill=True),
            Column("progress", msg("Progress {year}", year=year), Kind.PROGRESS),
        ),
    )


def obligations_layout() -> SheetLayout:
    return SheetLayout(
        OBLIGATIONS,
        SHEET_NAMES[OBLIGATIONS],
        (
            Column("id", msg("Obligation id")),
            Column("title", msg("Obligation")),
            Column("covered", msg("Covered")),
            Column("actions", msg("Actions covering it")),
        ),
    )


def membership_layout() -> SheetLayout:
    return SheetLayout(
        MEMBERSHIP,
        SHEET_NAMES[MEMBERSHIP],
        (Column("item", msg("What is checked")), Column("value", msg("Where it stands"))),
    )


# --- Words for the plan's values ------------------------------------------------------------

STATUS_WORDS: dict[str, Message] = {
    Status.PLANNED: msg("Planned"),
    Status.IN_PROGRESS: msg("In progress"),
    Status.DONE: msg("Done"),
    Status.DELAYED: msg("Delayed"),
    Status.PAUSED: msg("Paused"),
    Status.ABANDONED: msg("Abandoned"),
}
PROGRESS_WORDS: dict[str, Message] = {
    ProgressStatus.TARGET_ACHIEVED: msg("Target achieved"),
    ProgressStatus.SUBSTANTIAL: msg("Substantial progress"),
    ProgressStatus.MODERATE: msg("Moderate progress"),
    ProgressStatus.LIMITED: msg("Limited progress"),
    ProgressStatus.DETERIORATION: msg("Deterioration"),
    ProgressStatus.NOT_AVAILABLE: msg("Not available"),
}
DIRECTION_WORDS: dict[str, Message] = {
    Direction.INCREASE: msg("the higher the better"),
    Direction.DECREASE: msg("the lower the better"),
}
WORDS = {Kind.STATUS: STATUS_WORDS, Kind.PROGRESS: PROGRESS_WORDS, Kind.DIRECTION: DIRECTION_WORDS}


def word(kind: Kind, value: str, lang: str) -> str:
    """The plan's value `value` (`in_progress`) as `lang` writes it in a cell (« En cours »)."""
    words = WORDS.get(kind)
    return words[value].written_in(lang) if words and value in words else value


def status_choices(lang: str) -> list[str]:
    """The drop-down list of a status cell, in the plan's order of statuses."""
    return [word(Kind.STATUS, s.value, lang) for s in Status]


def fold(text: str) -> str:
    """`text` compared loosely: case, accents, spaces (no-break ones too), `_` for a space."""
    decomposed = unicodedata.normalize("NFKD", text.replace("_", " "))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", bare).strip().casefold()


def status_by_word() -> dict[str, Status]:
    """Every way a cell may name a status: its words in each language, and the plan's value."""
    found: dict[str, Status] = {}
    for status in Status:
        found[fold(status.value)] = status
        for lang in LANGUAGES:
            found[fold(word(Kind.STATUS, status.value, lang))] = status
    return found


def headers_by_text(layout: SheetLayout) -> dict[str, Column]:
    """The columns of `layout` by their header in any language (folded), for reading a sheet
    whose columns a person moved."""
    return {
        fold(column.header.written_in(lang)): column
        for column in layout.columns
        for lang in LANGUAGES
    }
