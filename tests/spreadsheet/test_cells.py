"""Cells as a person types them, read as the plan's values, or refused with what to write."""

from __future__ import annotations

import datetime as dt

import pytest

from vae_cli.spreadsheet import cells
from vae_cli.spreadsheet.reading import Percent


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("12000", 12000),
        ("12000.50", 12000.5),
        ("12 000,50 €", 12000.5),
        ("12\u00a0000,50\u00a0€", 12000.5),  # LibreOffice's French format
        ("1\u202f234 567", 1234567),  # French typography's narrow no-break space
        ("600 €", 600),
        ("600 EUR", 600),
        ("47,5", 47.5),
        ("0,125", 0.125),
        ("1234,567", 1234.567),  # four digits before: no thousands separator is meant
        ("  8500  ", 8500),
        (12000.0, 12000),
        (12000.5, 12000.5),
    ],
)
def test_amounts_are_read_as_a_person_means_them(typed: object, amount: float) -> None:
    read = cells.number(typed, euros=True)  # type: ignore[arg-type]
    assert read == amount and type(read) is type(amount)  # 12000, not 12000.0, in the plan


@pytest.mark.parametrize(
    ("typed", "message", "hint"),
    [
        ("12 000 k€", "« 12 000 k€ » is not an amount", "write 12000"),
        ("environ 12 000 €", "« environ 12 000 € » is not an amount", "write 12000"),
        ("12,000", "« 12,000 » can be read two ways", "write 12 or 12000"),
        ("1.500", "« 1.500 » can be read two ways", "write 1.5 or 1500"),
        (
            "12.000,50",
            "« 12.000,50 » is not an amount",
            "write the euros as a number, e.g. 12000 or 12000.50",
        ),
        ("-5", "« -5 » is below zero", "an amount spent is 0 or more"),
        (True, "« True » is not an amount", "write the euros as a number, e.g. 12000 or 12000.50"),
        (
            dt.date(2026, 3, 4),
            "« 2026-03-04 » is a date, not a number",
            "the spreadsheet read what was typed as a date: format the cell as a number and "
            "type the value again",
        ),
    ],
)
def test_amounts_that_do_not_read_say_what_to_write(typed: object, message: str, hint: str) -> None:
    with pytest.raises(cells.CellProblem) as refused:
        cells.number(typed, euros=True)  # type: ignore[arg-type]
    assert str(refused.value.message) == message
    assert str(refused.value.hint) == hint


def test_values_may_be_negative_and_percentages_count_for_a_percent_unit() -> None:
    assert cells.number("-3,5") == -3.5
    assert cells.number(Percent(0.45), unit="%") == 45
    with pytest.raises(cells.CellProblem) as refused:
        cells.number(Percent(0.45), unit="familles")
    assert str(refused.value.message) == "« 45 % » is a percentage"
    assert str(refused.value.hint) == "this indicator's unit is familles: write the value in it"


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        ("En cours", "in_progress"),
        ("  en cours ", "in_progress"),
        ("Realisee", "done"),  # accents left out
        ("Done", "done"),  # the English sheet's word
        ("in_progress", "in_progress"),  # the plan's own value
        ("À venir", "planned"),
    ],
)
def test_statuses_in_either_language_or_as_the_plan_writes_them(typed: str, status: str) -> None:
    assert cells.status(typed, "fr") == status


def test_an_unknown_status_gets_a_did_you_mean_or_the_list() -> None:
    with pytest.raises(cells.CellProblem) as refused:
        cells.status("En cour", "fr")
    assert str(refused.value.hint) == "did you mean « En cours »?"
    with pytest.raises(cells.CellProblem) as refused:
        cells.status("Fini", "en")
    assert str(refused.value.hint) == (
        "choose one from the list: Planned, In progress, Done, Delayed, Paused, Abandoned"
    )


def test_texts_are_trimmed_and_invisible_characters_refused() -> None:
    assert cells.text("  Bilan 2026  ") == "Bilan 2026"
    assert cells.text("Ligne 1  \r\nLigne 2", lines=True) == "Ligne 1\nLigne 2"
    assert cells.text(2026.0) == "2026"
    with pytest.raises(cells.CellProblem) as refused:
        cells.text("Bilan\u202e2026")
    assert str(refused.value.message) == (
        "the text holds an invisible character (U+202E) at position 6"
    )
