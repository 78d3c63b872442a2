"""What `vae diff` finds, as plain data: `compare.py` fills it in, `show.py` puts it in words.

Every difference between the data of two versions lands in one of these lists; values are kept as
JSON-ready data (numbers, text, lists, mappings) so the JSON output shows them as they are.
"""

from __future__ import annotations

import dataclasses
import enum
import typing as t

from vae_cli.findings.diagnostics import FileResult
from vae_cli.models.plan import Plan
from vae_cli.models.referential import Referential
from vae_cli.reading.yaml_document import Data
from vae_cli.report.progress import ProgressStatus

# A value as JSON has it: what a plan's fields hold once dumped.
Plain: t.TypeAlias = bool | int | float | str | list["Plain"] | dict[str, "Plain"] | None


class PlanState(enum.StrEnum):
    ADDED = "added"  # not in the base revision
    REMOVED = "removed"  # not in the working tree
    CHANGED = "changed"
    UNCHANGED = "unchanged"  # same text


class Kind(enum.StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    REORDERED = "reordered"  # the same items, in another order


@dataclasses.dataclass(frozen=True, kw_only=True)
class FieldChange:
    """One value that differs. `path` names it from its section (or action, or indicator) down,
    list items by their key: `membership.payments[2026]`, `contacts.elected_referent.name`."""

    path: str
    kind: Kind
    before: Plain = None  # None when added
    after: Plain = None  # None when removed


@dataclasses.dataclass(frozen=True, kw_only=True)
class ActionRef:
    id: str
    title: str
    commitment: str
    obligations: list[str]
    budget_eur: float | None


@dataclasses.dataclass(frozen=True, kw_only=True)
class Rescoped:
    action: str
    commitment_before: str
    commitment_after: str
    obligations_added: list[str]
    obligations_removed: list[str]


@dataclasses.dataclass(frozen=True, kw_only=True)
class Edited:
    action: str
    changes: list[FieldChange]  # the action's other fields (title, lead, end...)


@dataclasses.dataclass(frozen=True, kw_only=True)
class StatusChange:
    """The status of one year's progress entry; None on the side where that entry is absent."""

    action: str
    year: int
    before: str | None
    after: str | None


@dataclasses.dataclass(frozen=True, kw_only=True)
class YearSpent:
    year: int
    before: float | None  # None: no spending given (or no entry) that year
    after: float | None


@dataclasses.dataclass(frozen=True, kw_only=True)
class MoneyChange:
    action: str
    budget_before: float | None
    budget_after: float | None
    spent_before: float  # summed over the progress entries
    spent_after: float
    years: list[YearSpent]  # the years whose spending changed


@dataclasses.dataclass(frozen=True, kw_only=True)
class NoteChange:
    action: str
    year: int
    before: str | None
    after: str | None


class Effect(enum.StrEnum):
    CLOSER = "closer"  # the latest value moved toward the target
    FURTHER = "further"
    SAME = "same"


@dataclasses.dataclass(frozen=True, kw_only=True)
class IndicatorChange:
    """An indicator added, removed, or with its definition changed (label, unit, direction,
    baseline, target...); its measurements are in `MeasurementChange`."""

    action: str
    indicator: str
    label: str
    unit: str
    kind: Kind
    changes: list[FieldChange]  # when changed; baseline and target are compared whole
    # Statistics Canada's progress status (vae_cli.report.progress); None on an absent side.
    status_before: ProgressStatus | None
    status_after: ProgressStatus | None


@dataclasses.dataclass(frozen=True, kw_only=True)
class MeasurementChange:
    action: str
    indicator: str
    label: str
    unit: str
    year: int
    kind: Kind  # added, removed, or changed (its value corrected or its source changed)
    value_before: float | None
    value_after: float | None
    source_before: str | None
    source_after: str | None
    target_year: int
    target_value: float
    # The latest value before and after the change (the baseline when nothing was measured).
    latest_before: tuple[int, float]
    latest_after: tuple[int, float]
    effect: Effect
    status_before: ProgressStatus
    status_after: ProgressStatus


@dataclasses.dataclass(frozen=True, kw_only=True)
class CoverageChange:
    kind: t.Literal["commitment", "obligation"]
    id: str
    label: str | None  # from the referential, when it could be read
    covered: bool  # True: gained its first action; False: lost its last one
    actions: list[str]  # the actions covering it now (gained) or before (lost)


@dataclasses.dataclass(frozen=True, kw_only=True)
class FindingChange:
    severity: str
    rule: str
    message: str
    line: int  # in the working tree for a new finding, in the base revision for a fixed one


@dataclasses.dataclass(kw_only=True)
class PlanDiff:
    path: str
    state: PlanState
    # Why the content could not be compared, when one side could not be read as a plan.
    unreadable_before: bool = False
    unreadable_after: bool = False
    actions_added: list[ActionRef] = dataclasses.field(default_factory=list)
    actions_removed: list[ActionRef] = dataclasses.field(default_factory=list)
    rescoped: list[Rescoped] = dataclasses.field(default_factory=list)
    edited: list[Edited] = dataclasses.field(default_factory=list)
    statuses: list[StatusChange] = dataclasses.field(default_factory=list)
    money: list[MoneyChange] = dataclasses.field(default_factory=list)
    notes: list[NoteChange] = dataclasses.field(default_factory=list)
    indicators: list[IndicatorChange] = dataclasses.field(default_factory=list)
    measurements: list[MeasurementChange] = dataclasses.field(default_factory=list)
    coverage: list[CoverageChange] = dataclasses.field(default_factory=list)
    new_findings: list[FindingChange] = dataclasses.field(default_factory=list)
    fixed_findings: list[FindingChange] = dataclasses.field(default_factory=list)
    # Everything outside the actions (city, contacts, membership...), and the order of actions.
    sections: list[FieldChange] = dataclasses.field(default_factory=list)
    # The data differs but reads as the same plan (e.g. 1 and 1.0): nothing else to report.
    same_meaning: bool = False
    actions_before: int = 0
    actions_after: int = 0

    @property
    def tracked_changes(self) -> int:
        """How many changes this summary reports (0: only comments or layout changed)."""
        return sum(
            len(x)
            for x in (
                self.actions_added,
                self.actions_removed,
                self.rescoped,
                self.edited,
                self.statuses,
                self.money,
                self.notes,
                self.indicators,
                self.measurements,
                self.coverage,
                self.new_findings,
                self.fixed_findings,
                self.sections,
            )
        )


@dataclasses.dataclass(frozen=True, kw_only=True)
class Version:
    """One side of the comparison; `plan` is None when the file is absent or unreadable."""

    exists: bool
    text: str | None = None
    # The data as parsed for the check (comments and layout aside), None when unreadable.
    data: Data | None = None
    plan: Plan | None = None
    referential: Referential | None = None
    result: FileResult | None = None
