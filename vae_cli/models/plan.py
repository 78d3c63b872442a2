"""A city's action plan for one network and mandate: the file a référent·e edits."""

from __future__ import annotations

import enum
import re
import typing as t

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, Strict, model_validator
from pydantic_core import PydanticCustomError

from vae_cli.models.common import (
    IDENTIFIER_PATTERN,
    MAX_ACTIONS,
    MAX_ITEMS,
    MAX_VALUE,
    Count,
    Euros,
    Identifier,
    IsoDate,
    Reference,
    Text,
    VaeModel,
    Value,
    Year,
)

SCHEMA_VERSION = 1

# The fields naming an item of a list, by the name of the list, best first: how `vae diff` pairs
# the items of two versions and how a finding names the item it is about.
LIST_ITEM_KEYS: dict[str, tuple[str, ...]] = {
    "actions": ("id",),
    "indicators": ("id",),
    "commitments": ("id",),
    "progress": ("year",),
    "measurements": ("year",),
    "payments": ("year",),
    "consultations": ("edition",),
    "deliberations": ("date", "year"),
}


class Status(enum.StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DELAYED = "delayed"
    PAUSED = "paused"
    ABANDONED = "abandoned"


class Priority(enum.StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Direction(enum.StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"


# Strict mode would want enum instances; from YAML, the value's text is the natural input.
StatusValue = t.Annotated[Status, Strict(False)]
PriorityValue = t.Annotated[Priority, Strict(False)]
DirectionValue = t.Annotated[Direction, Strict(False)]

_AGE_BAND = re.compile(r"(\d{1,2})-(\d{1,2})")


def _check_age_band(value: str) -> str:
    match = _AGE_BAND.fullmatch(value)
    if not match:
        raise PydanticCustomError(
            "age_band", "{value} is not an age band written like 6-11", {"value": repr(value)}
        )
    if int(match[1]) >= int(match[2]):
        raise PydanticCustomError(
            "age_band_order", "the age band {value} ends before it starts", {"value": repr(value)}
        )
    return value


def _numbers_pattern(low: int, high: int) -> str:
    """A regular expression for the whole numbers from `low` to `high` (0 to 99) written with
    one or two digits (`7` or `07`), as `_AGE_BAND` reads them."""
    parts: list[str] = []
    for tens in range(low // 10, high // 10 + 1):
        first, last = max(low, tens * 10) % 10, min(high, tens * 10 + 9) % 10
        digits = f"[{first}-{last}]" if first < last else str(first)
        parts.append(f"0?{digits}" if tens == 0 else f"{tens}{digits}")
    return "|".join(parts)


# What `_check_age_band` accepts, for editors that check plans against the JSON Schema: two
# ages, the first the lower one.
AGE_BAND_PATTERN = (
    "^(?:"
    + "|".join(f"(?:{_numbers_pattern(a, a)})-(?:{_numbers_pattern(a + 1, 99)})" for a in range(99))
    + ")$"
)

AgeBand = t.Annotated[
    str,
    AfterValidator(_check_age_band),
    Field(
        description="An age band in years, youngest-oldest.",
        examples=["6-11"],
        json_schema_extra={"pattern": AGE_BAND_PATTERN},
    ),
]


class City(VaeModel):
    name: Text = Field(description="Name of the city.", examples=["Dijon"])
    insee_code: str = Field(
        pattern=r"^(\d{5}|2[AB]\d{3})$",
        description="INSEE code of the commune, in quotes so a leading zero is kept.",
        examples=["21231"],
    )
    department: str = Field(
        pattern=r"^(\d{2,3}|2[AB])$",
        description="Department number, in quotes.",
        examples=["21"],
    )


class Mandate(VaeModel):
    start: Year = Field(description="First year of the municipal mandate.", examples=[2020])
    end: Year = Field(description="Last year of the municipal mandate.", examples=[2026])


class Person(VaeModel):
    name: Text = Field(description="Name as it should appear in reports.")
    role: str | None = Field(default=None, description="Office or job title.")
    email: str | None = Field(default=None, description="Contact address.")


class Contacts(VaeModel):
    elected_referent: Person = Field(
        description="The referent elected official (élu·e référent·e)."
    )
    services_referent: Person = Field(
        description="The referent in the city's services (référent·e technique)."
    )
    commission: str | None = Field(
        default=None, description="The council commission in charge of children and youth."
    )


class Deliberation(VaeModel):
    # What `_dated` checks, for editors: a `date` or a `year` that is not null.
    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [
                {"required": ["date"], "properties": {"date": {"type": "string"}}},
                {"required": ["year"], "properties": {"year": {"type": "integer"}}},
            ]
        }
    )

    date: IsoDate | None = Field(default=None, description="Date of the council meeting.")
    year: Year | None = Field(default=None, description="Year, when the date is not known.")
    number: str | None = Field(
        default=None,
        min_length=1,
        max_length=40,
        description="Number the council gave it, as written in its minutes, in quotes.",
        examples=["9-7"],
    )
    title: Text = Field(description="Title (objet) of the deliberation.")
    rapporteur: str | None = Field(default=None, description="Who presented it.")
    secretary: str | None = Field(default=None, description="Secretary of the session.")
    commission: str | None = Field(default=None, description="Commission that examined it.")
    decisions: list[Text] = Field(
        max_length=MAX_ITEMS, default=[], description="What the council decided, one per item."
    )
    source: str | None = Field(default=None, description="Where the text can be read.")

    @model_validator(mode="after")
    def _dated(self) -> Deliberation:
        if self.date is None and self.year is None:
            raise PydanticCustomError(
                "deliberation_undated", "a deliberation needs a `date` (YYYY-MM-DD) or a `year`"
            )
        return self


class Payment(VaeModel):
    year: Year = Field(description="Membership year the payment is for.")
    amount_eur: Euros = Field(description="Amount paid, in euros.")
    date: IsoDate | None = Field(default=None, description="Date of payment.")


class Membership(VaeModel):
    since: Year | None = Field(
        default=None,
        description="Year the city's membership of the network starts: a payment is expected "
        "for each year from it on (empty: from the first year of the mandate).",
        examples=[2021],
    )
    annual_fee_eur: Euros = Field(description="Yearly membership fee decided by the council.")
    payments: list[Payment] = Field(
        max_length=MAX_ITEMS, default=[], description="Fees paid, one entry per year."
    )


class Step(VaeModel):
    """A dated step of the network's admission process."""

    date: IsoDate = Field(description="When it happened (or is planned).")
    note: str | None = Field(
        default=None, description="What was decided or said, and where it is written."
    )


class Probation(VaeModel):
    """A probation period (période probatoire) the network set before granting the title."""

    start: IsoDate = Field(description="First day of the probation.")
    end: IsoDate | None = Field(default=None, description="Last day, once known.")
    note: str | None = Field(default=None, description="Why, and what the network asked for.")


class Process(VaeModel):
    """The network's admission steps, each dated: what a reviewer asks about."""

    declaration_of_intent: Step | None = Field(
        default=None, description="The council declares the city's intent to apply."
    )
    hearing: Step | None = Field(
        default=None, description="The hearing before UNICEF France's commission."
    )
    board_decision: Step | None = Field(
        default=None, description="UNICEF France's board decides on the title."
    )
    convention_signed: Step | None = Field(
        default=None, description="The convention between the city and UNICEF France is signed."
    )
    probation: Probation | None = Field(
        default=None, description="A probation period, if the network set one."
    )


# A text for children is read on a phone by a ten-year-old: a few short sentences at most.
ChildText = t.Annotated[Text, Field(max_length=600)]


class ChildrenSaid(VaeModel):
    """What children said (in a consultation, a council) and what the city did about it."""

    said: ChildText = Field(
        description="What children said or asked for, in their words or close to them.",
        examples=["Il y a trop de voitures devant l'école."],
    )
    city_did: ChildText | None = Field(
        default=None,
        description="What the city did about it, told to children; empty while it has done "
        "nothing yet (the children's edition says so).",
        examples=["La Ville a fermé la rue aux voitures à l'heure de l'école."],
    )


class CommitmentFraming(VaeModel):
    id: Reference = Field(
        description="Id of a commitment of the referential.", examples=["bien-etre"]
    )
    summary: Text = Field(description="How the city frames this commitment, in a few sentences.")
    for_children: ChildText | None = Field(
        default=None,
        description="What the city promises, told to children: one or two short sentences in "
        "everyday words, for the children's edition (`vae report --kind enfants`).",
        examples=["La Ville veut que chaque enfant grandisse en bonne santé et en sécurité."],
    )


class ProgressEntry(VaeModel):
    year: Year = Field(description="Year this entry reports on.")
    status: StatusValue = Field(description="Where the action stood at the end of that year.")
    spent_eur: Euros | None = Field(default=None, description="Spent on the action that year.")
    note: str | None = Field(default=None, description="What happened, in a sentence or two.")


class YearValue(VaeModel):
    year: Year = Field(description="Year of the value.")
    value: Value = Field(description="The value, in the indicator's unit.")


class Measurement(VaeModel):
    year: Year = Field(description="Year measured.")
    value: Value = Field(description="The value, in the indicator's unit.")
    source: str | None = Field(default=None, description="Where the figure comes from.")


class Indicator(VaeModel):
    id: Identifier = Field(
        description="Identifier, unique in the plan.", examples=["ecoles-rue-aux-ecoles"]
    )
    label: Text = Field(description="What is measured.")
    unit: Text = Field(
        description='Unit; with `"%"` (in quotes), values must lie between 0 and 100.',
        examples=["%"],
    )
    direction: DirectionValue = Field(
        description="Whether progress means the value going up or down."
    )
    baseline: YearValue = Field(description="The starting point.")
    target: YearValue = Field(description="The value aimed at, and the year it is aimed for.")
    measurements: list[Measurement] = Field(
        max_length=MAX_ITEMS, default=[], description="Values measured, one a year."
    )
    illustrative: bool = Field(
        default=False, description="True when no source gives these figures (sample content)."
    )


class Action(VaeModel):
    """An action sheet (fiche action)."""

    id: Identifier = Field(
        description="Identifier, unique in the plan.", examples=["conseil-municipal-enfants"]
    )
    title: Text = Field(description="Short title.")
    description: Text = Field(description="What the action does and for whom.")
    commitment: Reference = Field(
        description="Id of the referential commitment it serves.", examples=["bien-etre"]
    )
    obligations: list[Reference] = Field(
        max_length=MAX_ITEMS,
        default=[],
        description="Ids of the network obligations this action covers.",
        examples=[["suivi", "formation"]],
    )
    recommendations: list[Reference] = Field(
        max_length=MAX_ITEMS,
        default=[],
        description="Ids of the referential recommendations it follows.",
        examples=[["pollution-air"]],
    )
    lead: Text = Field(description="Lead department (direction ou service pilote).")
    elected_referent: str | None = Field(default=None, description="Referent elected official.")
    partners: list[Text] = Field(
        max_length=MAX_ITEMS, default=[], description="Partner organisations."
    )
    target_groups: list[AgeBand] = Field(
        max_length=MAX_ITEMS, default=[], description="Age bands the action is for."
    )
    start: Year = Field(description="Year the action starts.")
    end: Year | None = Field(default=None, description="Planned last year; empty if ongoing.")
    budget_eur: Euros | None = Field(default=None, description="Budget planned over the mandate.")
    priority: PriorityValue = Field(default=Priority.MEDIUM, description="high, medium or low.")
    progress: list[ProgressEntry] = Field(
        max_length=MAX_ITEMS, default=[], description="One entry per year."
    )
    indicators: list[Indicator] = Field(
        max_length=MAX_ITEMS, default=[], description="How progress is measured."
    )
    illustrative: bool = Field(
        default=False, description="True when no source gives this action (sample content)."
    )
    source: str | None = Field(default=None, description="Where the action is described.")
    for_children: ChildText | None = Field(
        default=None,
        description="What the action changes for children, told to them in one or two short "
        "sentences of everyday words (no codes, no budget), for the children's edition; "
        "without it the edition shows the title, and `vae validate` warns (`children-text`).",
        examples=["Devant ton école, la rue est fermée aux voitures quand tu arrives."],
    )
    children_said: list[ChildrenSaid] = Field(
        max_length=MAX_ITEMS,
        default=[],
        description="What children said through this action (a children's or youth council) "
        "and what the city did about it.",
    )


class Consultation(VaeModel):
    edition: Text = Field(
        description="Edition of the network's consultation.", examples=["2020-2021"]
    )
    respondents: Count = Field(description="Questionnaires filled in for the city.")
    local_extract: bool = Field(description="Whether the city received its local results.")
    follow_up: str | None = Field(default=None, description="What the city did with the results.")
    children_said: list[ChildrenSaid] = Field(
        max_length=MAX_ITEMS,
        default=[],
        description="What children said in this consultation (its local results) and what the "
        "city did about it, told to children.",
    )
    illustrative: bool = Field(
        default=False,
        description="True when no source gives this city's consultation (sample content).",
    )


# A city's answer to one of the referential's questions, as the plan writes it: `true`, `oui`,
# `4.50`, `4,50 €`, an option's id or label. What it means is read against the question
# (`vae_cli.models.answers`), where the kind is known. One value, checked before the union of
# its forms: a list or an empty answer is then one finding, not one per form it is not.
MAX_ANSWER_LENGTH = 300


def _one_answer(value: object) -> object:
    if isinstance(value, bool | str | float | int):
        if isinstance(value, str) and not 0 < len(value.strip()) <= MAX_ANSWER_LENGTH:
            raise PydanticCustomError("answer_value", "an answer is one short value")
        number = isinstance(value, float | int) and not isinstance(value, bool)
        if number and not -MAX_VALUE <= t.cast(float, value) <= MAX_VALUE:
            raise PydanticCustomError("answer_value", "an answer is one short value")
        return value
    raise PydanticCustomError("answer_value", "an answer is one short value")


AnswerValue = t.Annotated[
    bool | float | str,
    BeforeValidator(_one_answer),
    Field(description="The answer: true or false (oui, non), a number, or an option's id."),
]


class Plan(VaeModel):
    """A city's action plan for one network and mandate."""

    schema_version: t.Literal[1] = Field(description="Version of the plan format: 1.")
    referential: Text = Field(
        description="Id of a built-in referential, or a path to a referential file (relative to "
        "the plan).",
        examples=["unicef-france-vae-2020-2026"],
    )
    city: City = Field(description="The city.")
    mandate: Mandate = Field(description="The municipal mandate the plan covers.")
    contacts: Contacts = Field(description="Who is in charge.")
    deliberations: list[Deliberation] = Field(
        max_length=MAX_ITEMS, default=[], description="Council deliberations."
    )
    membership: Membership = Field(description="Membership of the network and its fees.")
    process: Process | None = Field(
        default=None, description="The dated steps of the network's admission process."
    )
    commitments: list[CommitmentFraming] = Field(
        max_length=MAX_ITEMS,
        default=[],
        description="The city's framing of each commitment of the referential.",
    )
    actions: list[Action] = Field(
        max_length=MAX_ACTIONS, default=[], description="The action sheets (fiches actions)."
    )
    consultations: list[Consultation] = Field(
        max_length=MAX_ITEMS, default=[], description="The network's consultations the city ran."
    )
    answers: dict[Reference, AnswerValue] = Field(
        max_length=MAX_ITEMS,
        default={},
        description="The city's answers to the referential's questions, by question id.",
        examples=[{"tarification-quotient-familial": True, "prix-maximum-repas": 4.5}],
        # As for `Reference`: the key's form is checked against the referential
        # (`answer-known-question`), editors still get it from the schema.
        json_schema_extra={
            "propertyNames": {"pattern": IDENTIFIER_PATTERN, "maxLength": 80, "minLength": 1}
        },
    )
