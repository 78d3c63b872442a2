"""Building blocks shared by the plan and referential models."""

from __future__ import annotations

import datetime as dt
import re
import typing as t

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from vae_cli.plan_format import FIRST_YEAR, LAST_YEAR


class VaeModel(BaseModel):
    """Strict by design: `"12"` is not a number, `yes` is not a boolean, unknown keys are errors."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_date(value: object) -> object:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "date_invalid", "{value} is not a date of the calendar", {"value": value}
            ) from None
    raise PydanticCustomError(
        "date_format", "expected a date written YYYY-MM-DD, found {value}", {"value": repr(value)}
    )


IsoDate = t.Annotated[
    dt.date,
    BeforeValidator(_parse_date),
    Field(
        description="A date written YYYY-MM-DD.",
        examples=["2021-06-28"],
        json_schema_extra={"pattern": r"^\d{4}-\d{2}-\d{2}$"},
    ),
]
Year = t.Annotated[
    int, Field(ge=FIRST_YEAR, le=LAST_YEAR, description="A year, e.g. 2023.", examples=[2023])
]
# Bounds far beyond any city budget or indicator, so that a typo such as 1e30 (or 1e400, which
# YAML reads as infinity) is caught here rather than breaking a report.
MAX_EUROS = 1e12
MAX_VALUE = 1e15
Euros = t.Annotated[
    float,
    Field(
        ge=0,
        le=MAX_EUROS,
        allow_inf_nan=False,
        description="An amount in euros.",
        examples=[200],
    ),
]
Value = t.Annotated[
    float,
    Field(
        ge=-MAX_VALUE,
        le=MAX_VALUE,
        allow_inf_nan=False,
        description="A value in the indicator's unit.",
        examples=[42.5],
    ),
]
IDENTIFIER_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
Identifier = t.Annotated[
    str,
    Field(
        pattern=IDENTIFIER_PATTERN,
        max_length=80,
        description="An identifier: lowercase letters, digits and hyphens.",
        examples=["conseil-municipal-enfants"],
    ),
]
# An id of the referential a plan names (a commitment, an obligation, a recommendation). Its
# form is not checked here but against the referential (`known-reference`), which can tell
# `équité` or « Formation aux droits de l'enfant » (a label) from the id meant. Editors still
# get the identifier's form from the JSON Schema: what they refuse, `vae` refuses too.
Reference = t.Annotated[
    str,
    Field(
        min_length=1,
        max_length=300,
        description="An id of the referential: lowercase letters, digits and hyphens.",
        json_schema_extra={"pattern": IDENTIFIER_PATTERN, "maxLength": 80},
    ),
]
Text = t.Annotated[str, Field(min_length=1)]
# The longest lists a plan holds: far beyond any real plan (Dijon has 23 actions; the benchmark
# goes to 5,000), so that a pasted column of 500,000 values is one finding, found at once.
MAX_ACTIONS = 50_000
MAX_ITEMS = 1_000

# Counts a city reports (questionnaires, ranks): far beyond any real one, so that a typo of 400
# digits is a finding rather than a number no report can write.
MAX_COUNT = 1_000_000_000
Count = t.Annotated[int, Field(ge=0, le=MAX_COUNT)]


class Localized(VaeModel):
    """A label in French and English."""

    fr: Text = Field(description="French text.")
    en: Text = Field(description="English text.")


class YearSpan(VaeModel):
    start: Year = Field(description="First year.")
    end: Year = Field(description="Last year.")
