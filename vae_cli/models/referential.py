"""What a network requires of its member cities for one mandate: data, not code."""

from __future__ import annotations

import typing as t

from pydantic import Field

from vae_cli.models.common import (
    MAX_ITEMS,
    Count,
    Identifier,
    IsoDate,
    Localized,
    Text,
    VaeModel,
    Year,
    YearSpan,
)


class Source(VaeModel):
    title: Text = Field(description="What the source is.")
    url: str | None = Field(default=None, description="Where to read it.")


class Commitment(VaeModel):
    id: Identifier = Field(
        description="Identifier that plans use to name this commitment.", examples=["bien-etre"]
    )
    number: int = Field(ge=1, le=1000, description="Order in the network's documents.")
    label: Localized = Field(description="Title of the commitment.")


class Obligation(VaeModel):
    id: Identifier = Field(
        description="Identifier that actions use in their `obligations`.", examples=["suivi"]
    )
    number: int = Field(ge=1, le=1000, description="Order in the network's documents.")
    label: Localized = Field(description="Short title.")
    description: Localized = Field(description="The obligation as the network words it.")
    requires_consultation: bool = Field(
        default=False,
        description="Covered only if the plan also records a consultation of an edition held "
        "during the mandate.",
    )


class Recommendation(VaeModel):
    id: Identifier = Field(
        description="Identifier that actions use in `recommendations`.",
        examples=["pollution-air"],
    )
    commitment: Identifier = Field(
        description="The commitment it belongs to.", examples=["bien-etre"]
    )
    number: int | None = Field(
        default=None,
        ge=1,
        le=1000,
        description="Rank inside its commitment in the network's numbering (R1, R2…), where known.",
    )
    label: Localized = Field(description="What is recommended.")
    placement_uncertain: bool = Field(
        default=False,
        description="True where no source confirms which commitment it belongs to.",
    )


class ConsultationEdition(VaeModel):
    id: Text = Field(description="Edition name that plans use.", examples=["2020-2021"])
    year: Year = Field(description="Year the edition opened.")
    start: IsoDate | None = Field(default=None, description="First day, where known.")
    end: IsoDate | None = Field(default=None, description="Last day, where known.")
    theme: Localized | None = Field(default=None, description="Theme of the edition.")
    note: Localized | None = Field(
        default=None, description="What else sets this edition apart (its title, who may answer)."
    )


class ConsultationRules(VaeModel):
    name: Localized = Field(description="Name of the consultation.")
    min_respondents_for_local_extract: Count = Field(
        description="Questionnaires needed for a city to get its own local results."
    )
    editions: list[ConsultationEdition] = Field(max_length=MAX_ITEMS, description="Known editions.")


QuestionKind = t.Literal["yes_no", "number", "choice"]


class QuestionOption(VaeModel):
    id: Identifier = Field(description="Identifier a plan answers with.", examples=["regie"])
    label: Localized = Field(description="The option as reports show it.")


class Question(VaeModel):
    """A question every city of the network answers in its plan (`answers:`), for the
    network's figures (« 74 % des villes… »)."""

    id: Identifier = Field(
        description="Identifier plans use as the key of their answer.",
        examples=["tarification-quotient-familial"],
    )
    kind: QuestionKind = Field(
        description="`yes_no` (oui or non), `number` (a number, in `unit`) or `choice` (one of "
        "`options`)."
    )
    label: Localized = Field(description="The question, as reports show it.")
    unit: Text | None = Field(
        default=None, description="Unit of a number's answer.", examples=["€"]
    )
    minimum: float | None = Field(
        default=None, allow_inf_nan=False, description="Smallest answer allowed (numbers)."
    )
    maximum: float | None = Field(
        default=None, allow_inf_nan=False, description="Largest answer allowed (numbers)."
    )
    options: list[QuestionOption] = Field(
        max_length=MAX_ITEMS,
        default=[],
        description="The answers a `choice` question allows (required there, refused elsewhere).",
    )
    note: Localized | None = Field(
        default=None,
        description="Who chose the question and why, e.g. that it is the project's own choice.",
    )
    source: Source | None = Field(default=None, description="What the question is for.")


class Referential(VaeModel):
    """One network's requirements for one mandate."""

    schema_version: int = Field(ge=1, le=1, description="Version of this file format: 1.")
    id: Identifier = Field(
        description="Identifier plans use in `referential`.",
        examples=["unicef-france-vae-2020-2026"],
    )
    name: Localized = Field(description="Network and mandate, as shown in reports.")
    mandate: YearSpan = Field(description="The mandate's years.")
    commitments: list[Commitment] = Field(
        max_length=MAX_ITEMS, min_length=1, description="The commitments."
    )
    obligations: list[Obligation] = Field(
        max_length=MAX_ITEMS, description="What every member city must do."
    )
    recommendations: list[Recommendation] = Field(
        max_length=MAX_ITEMS,
        default=[],
        description="Known recommendations inside the commitments.",
    )
    consultation: ConsultationRules | None = Field(
        default=None, description="The network's consultation of children and young people."
    )
    questions: list[Question] = Field(
        max_length=MAX_ITEMS,
        default=[],
        description="Questions every city answers in its plan's `answers:`.",
    )
    sources: list[Source] = Field(
        max_length=MAX_ITEMS, default=[], description="Where these facts come from."
    )
