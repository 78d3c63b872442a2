"""What the network report is made of: plain, picklable values, computed once.

A worker process turns one plan into a `CityRow` (small: ids, counts, sums, the first
findings); the parent adds the rows up into a `NetworkReport`. Texts that come from a
referential are already in the run's language (`lang`); texts from plans are plan text, for the
renderers to escape.
"""

from __future__ import annotations

import dataclasses
import enum

from vae_cli.plan_format import Answer as Answer  # re-exported: the rows hold answers


class PlanState(enum.StrEnum):
    """How far a plan could be read."""

    VALID = "valid"  # no error (warnings allowed): its figures are counted
    ERRORS = "errors"  # read, but `vae validate` finds errors: listed, figures not counted
    UNREADABLE = "unreadable"  # not a plan we could parse (YAML, encoding, size...)


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class FirstFinding:
    """One of the first findings of a plan that does not validate, as `vae validate` says it."""

    location: str  # "plans/x.yaml:12:3"
    severity: str  # "error" | "warning"
    rule: str
    message: str  # in the run's language


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Consultation:
    """A Consultation nationale the plan ran (its latest by the report's year, as the follow-up
    says, in `CityRow.consultation`)."""

    edition: str
    questionnaires: int
    local_extract: bool  # the city received its local results (the plan's `local_extract`)


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class IndicatorValue:
    """One row of the tidy data file: a city's indicator in one year (Open SDG's long format)."""

    indicator: str  # the plan's indicator id
    label: str  # plan text
    unit: str  # plan text
    year: int
    value: float
    kind: str  # "baseline" | "target" | "measurement"


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class CityRow:
    """One plan of the network, for the report's year. Only `path`, `state` and `findings` are
    known for an unreadable plan; a plan with errors keeps what could be read of its city."""

    path: str  # as `vae validate` shows it
    state: PlanState
    errors: int = 0
    warnings: int = 0
    findings: tuple[FirstFinding, ...] = ()  # the first few, errors first
    city: str | None = None  # plan text
    insee: str | None = None
    department: str | None = None  # "21", "2A", "974"
    mandate: tuple[int, int] | None = None
    referential: str | None = None  # the referential's id (as the plan names it, if unresolved)
    # The referential file the plan was checked against (absolute), for the parent process to
    # read its labels once: workers send no model back.
    referential_file: str | None = None
    # A valid plan whose mandate does not hold the report's year: listed, its figures not
    # counted (they would be the follow-up of a year outside its mandate).
    outside_mandate: bool = False
    # Counted for valid plans only (None otherwise): the follow-up of the year, as `vae report`
    # computes it (report/followup.py), never recomputed another way.
    year_recorded: bool | None = None  # every running action has its entry for the year
    missing_entries: int | None = None  # running actions without one
    actions: int | None = None
    by_standing: tuple[tuple[str, int], ...] = ()  # report.actions.Standing values, fixed order
    on_track_or_done: int | None = None
    budget_planned: float | None = None
    spent_year: float | None = None
    spent_to_date: float | None = None
    illustrative_actions: int | None = None
    paid_this_year: float | None = None
    membership_fee: float | None = None
    member_since: int | None = None
    consultation: Consultation | None = None
    # Every consultation of an edition held during the mandate by the year (the per-edition
    # counts), the latest one above.
    consultations: tuple[Consultation, ...] = ()
    # Obligations covered as the city's follow-up says (report/coverage.py: by an action that
    # is not abandoned, and for the consultation obligation, a consultation held), by id.
    obligations_covered: frozenset[str] = frozenset()
    obligations_missing: frozenset[str] = frozenset()
    # Recommendations acted on by live actions, by id.
    recommendations: frozenset[str] = frozenset()
    # Per commitment id: (live actions, their planned budget).
    commitments: tuple[tuple[str, int, float], ...] = ()
    answers: tuple[tuple[str, Answer], ...] = ()  # question id → answer, as the plan gives it
    # Its lines of the tidy data file (`network/tidy.py`), when that file is asked for: text,
    # made by the worker, as the file will hold it (some 20 kB a plan of Dijon's size, where
    # the values as objects took five times that until the file was written).
    tidy: str = ""

    @property
    def counted(self) -> bool:
        """Its figures are added up: a valid plan whose mandate holds the year."""
        return self.state is PlanState.VALID and not self.outside_mandate


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Uptake:
    """How many counted cities do something, and which do not."""

    id: str
    number: int | None
    label: str  # referential text, in the run's language
    cities: int  # counted cities that do it
    of: int  # counted cities of that referential
    missing: tuple[str, ...] = ()  # the others, by city name (French order)
    actions: int = 0  # live actions across the network (commitments)
    budget: float = 0.0  # their planned budget (commitments)

    @property
    def share(self) -> float | None:
        return self.cities / self.of if self.of else None


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class EditionUptake:
    edition: str
    cities: int
    questionnaires: int
    local_extracts: int


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class AnswerCount:
    value: str  # the option's id, "yes"/"no", or for numbers the bucket's words
    label: str  # in the run's language
    cities: int
    share: float  # of the cities that answered


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class QuestionResult:
    id: str
    label: str  # in the run's language
    kind: str  # "yes_no" | "number" | "choice"
    unit: str | None
    answered: int  # counted cities that answer it
    unanswered: int  # counted cities that do not: never folded into "no"
    counts: tuple[AnswerCount, ...] = ()  # yes/no and choice
    # Numbers: the answers' spread (None when nobody answered).
    minimum: float | None = None
    median: float | None = None
    maximum: float | None = None
    note: str | None = None  # e.g. "the project's own question, not UNICEF France's"


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class ReferentialView:
    """Everything the network report adds up, for the cities of one referential (a network's
    mandate): obligations, commitments and recommendations only make sense within one."""

    id: str
    name: str  # in the run's language
    cities: int  # counted cities
    obligations: tuple[Uptake, ...]
    commitments: tuple[Uptake, ...]
    recommendations: tuple[Uptake, ...]
    consultation: tuple[EditionUptake, ...]
    questions: tuple[QuestionResult, ...]


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Totals:
    plans: int
    valid: int
    with_errors: int
    unreadable: int
    # Valid plans whose mandate holds the year: the cities every share is taken over.
    counted: int
    year_recorded: int  # counted plans whose year is fully recorded
    paid: int  # counted plans whose membership is paid for the year


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Section:
    """The whole report, or one département's part of it (`--by department`)."""

    department: str | None  # None: the whole network
    totals: Totals
    cities: tuple[CityRow, ...]  # every plan, none dropped: département, then city, then path
    referentials: tuple[ReferentialView, ...]


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class NetworkReport:
    year: int
    lang: str
    sources: tuple[str, ...]  # the folders and files given, as typed
    whole: Section
    # `--by department`: one section per département, in order; empty otherwise.
    departments: tuple[Section, ...] = ()
    # `--department 21`: the one kept (`whole` is then that département's section).
    department: str | None = None
    # Plans whose département could not be read (unreadable, or no valid `city.department`):
    # in the whole network's section, in no département's; with `--department`, left out of
    # the report and named here, since they may belong to it.
    unplaced: tuple[str, ...] = ()
