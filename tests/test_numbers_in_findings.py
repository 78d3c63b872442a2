"""Numbers in findings: as the plan writes them; money as the reader's language writes it."""

from __future__ import annotations

import typing as t
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, run_vae
from vae_cli.i18n.formatting import Formatter
from vae_cli.i18n.language import LANGUAGES
from vae_cli.i18n.messages import msg, render
from vae_cli.i18n.numbers import STYLES, Count, Money, count, money, plain_number

NBSP, NNBSP = "\u00a0", "\u202f"
WritePlan = t.Callable[..., Path]

AMOUNTS = [
    0,
    -0.0,
    0.005,
    0.015,
    0.125,
    0.5,
    1,
    2.675,
    12.345,
    150,
    999.995,
    1000,
    45000.5,
    1234567.89,
    0.1 + 0.2,
    999_999_999_999.99,
    1e12,
    1e15 + 0.5,
    1e30,
    -1,
    -1234.5,
    -0.001,
]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("amount", AMOUNTS)
def test_money_is_written_as_babel_writes_it(lang: str, amount: float) -> None:
    """`vae validate` imports no Babel: its money must read as the reports' (Babel's)."""
    assert money(amount, lang) == Formatter(lang).money(amount)


@settings(max_examples=300, deadline=None)
@given(
    amount=st.one_of(
        st.floats(min_value=-1e13, max_value=1e13, allow_nan=False),
        st.integers(min_value=0, max_value=10**12).map(lambda cents: cents / 100),
        st.integers(min_value=0, max_value=10**13),
    )
)
def test_any_amount_is_written_as_babel_writes_it(amount: float) -> None:
    for lang in LANGUAGES:
        assert money(amount, lang) == Formatter(lang).money(amount), (lang, amount)


def test_money_follows_the_language() -> None:
    assert money(45000.5, "en") == "€45,000.50"
    assert money(45000.5, "fr") == f"45{NNBSP}000,50{NBSP}€"
    assert money(50000, "fr") == f"50{NNBSP}000{NBSP}€"
    message = msg("spent {spent}", spent=Money(45000.5))
    assert str(message) == "spent €45,000.50"
    assert render(message, "fr") == f"spent 45{NNBSP}000,50{NBSP}€"  # not in the catalog
    assert set(STYLES) == set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("value", [0, 7, 999, 1000, -1234, 2_000_000, 10**15, 10**30])
def test_counts_are_grouped_as_babel_groups_them(lang: str, value: int) -> None:
    assert count(value, lang) == Formatter(lang).number(value)


def test_an_alias_bomb_counts_in_the_language(write_plan: WritePlan) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    path = write_plan(bomb)
    (english,) = _validate(path, "en")
    assert english["rule"] == "yaml-alias-bomb"
    assert "more than 5,000,000 values" in english["message"]
    (french,) = _validate(path, "fr")
    assert f"5{NNBSP}000{NNBSP}000" in french["message"]
    assert str(msg("{n}", n=Count(2_000_000))) == "2,000,000"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (100.004, "100.004"),
        (100.0, "100"),
        (3, "3"),
        (1e12, "1000000000000"),
        (-1e16, "-10000000000000000"),
        (1.5e-7, "0.00000015"),
        (22.8, "22.8"),
        (-0.0, "0"),
    ],
)
def test_plain_numbers_are_written_as_in_yaml(value: float, written: str) -> None:
    assert plain_number(value) == written


def _validate(path: Path, lang: str) -> list[dict[str, t.Any]]:
    run = run_vae("validate", path, "--as-of", AS_OF, "--format", "json", "--lang", lang)
    return t.cast(list[dict[str, t.Any]], run.json()["diagnostics"])


def test_a_percentage_is_quoted_as_written(small_town: str, write_plan: WritePlan) -> None:
    path = write_plan(
        small_town.replace("{year: 2023, value: 100}", "{year: 2023, value: 100.004}")
    )
    (english,) = _validate(path, "en")
    assert english["rule"] == "percentage-range"
    assert english["message"] == '100.004 % is not a percentage (indicator "ecoles-rue-apaisee")'
    (french,) = _validate(path, "fr")
    assert french["message"].startswith("100.004")


def test_money_in_findings_follows_the_language(small_town: str, write_plan: WritePlan) -> None:
    path = write_plan(
        small_town.replace("budget_eur: 30000", "budget_eur: 20000").replace(
            "{year: 2025, status: in_progress, spent_eur: 5000}",
            "{year: 2025, status: in_progress, spent_eur: 5000.5}",
        )
    )
    (english,) = [d for d in _validate(path, "en") if d["rule"] == "over-budget"]
    assert english["message"] == (
        'The action "aide-devoirs" has spent €22,000.50, more than its budget of €20,000'
    )
    (french,) = [d for d in _validate(path, "fr") if d["rule"] == "over-budget"]
    assert f"22{NNBSP}000,50{NBSP}€" in french["message"]
    assert f"20{NNBSP}000{NBSP}€" in french["message"]


def test_a_fee_to_write_is_the_fee_as_written(small_town: str, write_plan: WritePlan) -> None:
    path = write_plan(
        small_town.replace("annual_fee_eur: 150", "annual_fee_eur: 150.25").replace(
            "    - {year: 2022, amount_eur: 150}\n", ""
        )
    )
    hints = {d["rule"]: d["hint"] for d in _validate(path, "en")}
    assert "`- {year: 2022, amount_eur: 150.25}`" in hints["membership-payment-missing"]


@pytest.mark.parametrize(
    ("old", "new", "message", "hint"),
    [
        (
            "budget_eur: 30000",
            "budget_eur: 1e30",
            "`budget_eur` must be at most 1000000000000, found 1e30",
            "write a value at most 1000000000000",
        ),
        (
            'insee_code: "01053"',
            "insee_code: 01053",
            "`insee_code` must be text, found the number 01053",
            'put it in quotes: "01053"',
        ),
    ],
)
def test_shape_findings_quote_numbers_as_written(
    small_town: str, write_plan: WritePlan, old: str, new: str, message: str, hint: str
) -> None:
    (found,) = _validate(write_plan(small_town.replace(old, new)), "en")
    assert (found["message"], found["hint"]) == (message, hint)
