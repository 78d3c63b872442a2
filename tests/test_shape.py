"""Shape errors from the models: strict types, unknown keys, allowed values, each with a hint."""

from __future__ import annotations

import typing as t
from pathlib import Path

import pytest

from tests.conftest import AS_OF, edit_at, locate, run_vae


def errors_for(path: Path) -> list[dict[str, t.Any]]:
    run = run_vae("validate", path, "--format", "json", "--as-of", AS_OF)
    assert run.exit_code == 1, run
    return t.cast(list[dict[str, t.Any]], run.json()["diagnostics"])


# (case, old text, new text, the part of the new text pointed at, rule, words of the hint)
CASES = [
    (
        "yes is not a boolean",
        "local_extract: true",
        "local_extract: yes",
        "yes",
        "wrong-type",
        "true or false",
    ),
    (
        "quoted number",
        "respondents: 240",
        'respondents: "240"',
        '"240"',
        "wrong-type",
        "remove the quotes and spaces: 240",
    ),
    (
        "French decimal",
        "budget_eur: 80000",
        "budget_eur: 80000,50",
        "80000,50",
        "wrong-type",
        "write 80000.50",
    ),
    (
        "unquoted INSEE code",
        'insee_code: "01053"',
        "insee_code: 1053",
        "1053",
        "wrong-type",
        'put it in quotes: "1053"',
    ),
    (
        "malformed INSEE code",
        'insee_code: "01053"',
        'insee_code: "1053"',
        '"1053"',
        "invalid-value",
        '"21231"',
    ),
    (
        "unknown key",
        "    budget_eur: 50000",
        "    budjet_eur: 50000",
        "budjet_eur",
        "unknown-key",
        "did you mean `budget_eur`?",
    ),
    ("unknown top key", "contacts:", "contact:", "contact", "unknown-key", "did you mean"),
    (
        "status typo",
        "status: done, spent_eur: 79000",
        "status: finished, spent_eur: 79000",
        "finished",
        "invalid-value",
        "write one of: planned, in_progress, done",
    ),
    (
        "priority near miss",
        "priority: high",
        "priority: hihg",
        "hihg",
        "invalid-value",
        "did you mean high?",
    ),
    ("bad date", "date: 2020-11-02", "date: 02/11/2020", "02/11/2020", "wrong-type", "YYYY-MM-DD"),
    (
        "impossible date",
        "date: 2020-11-02",
        "date: 2020-02-30",
        "2020-02-30",
        "wrong-type",
        "YYYY-MM-DD",
    ),
    (
        "negative money",
        "budget_eur: 30000",
        "budget_eur: -30000",
        "-30000",
        "invalid-value",
        "at least 0",
    ),
    ("age band", '["3-6", "6-11"]', '["3-6", "11-6"]', '"11-6"', "invalid-value", "6-11"),
    (
        "list expected",
        "obligations: [formation]",
        "obligations: formation",
        "formation",
        "wrong-type",
        "- ",
    ),
    (
        "infinite amount",
        "budget_eur: 30000",
        "budget_eur: 1e400",
        "1e400",
        "invalid-value",
        "infinity, NaN",
    ),
    (
        "absurd amount",
        "budget_eur: 30000",
        "budget_eur: 1e30",
        "1e30",
        "invalid-value",
        "at most 1000000000000",
    ),
    (
        "absurd indicator value",
        "{year: 2020, value: 40}",
        "{year: 2020, value: -1e16}",
        "-1e16",
        "invalid-value",
        "at least -1000000000000000",
    ),
    (
        "digits with underscores",
        "budget_eur: 30000",
        "budget_eur: 30_000",
        "30_000",
        "wrong-type",
        "write 30000:",
    ),
    (
        "invisible character in an id",
        "id: aide-devoirs",
        "id: aide-dev\u200boirs",
        "aide-dev\u200boirs",
        "invalid-value",
        'no accents, capitals, spaces or invisible characters, e.g. "conseil-municipal-enfants"',
    ),
    (
        "mapping expected",
        "elected_referent:\n    name: Mme Claire Martin\n    role: Adjointe à l'enfance",
        "elected_referent: Mme Claire Martin",
        "Mme Claire Martin",
        "wrong-type",
        "indent the keys",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "pointed", "rule", "hint"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_shape_error_is_located_with_a_hint(
    small_town: str,
    write_plan: t.Callable[[str], Path],
    old: str,
    new: str,
    pointed: str,
    rule: str,
    hint: str,
) -> None:
    text, (line, column) = edit_at(small_town, old, new, pointed)
    found = [d for d in errors_for(write_plan(text)) if (d["line"], d["column"]) == (line, column)]
    assert [d["rule"] for d in found] == [rule], errors_for(write_plan(text))
    assert hint in found[0]["hint"]


def test_invisible_characters_are_shown_in_the_message(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    text = small_town.replace("commitment: equite", "commitment: equ\u200bite")
    (diagnostic,) = [d for d in errors_for(write_plan(text)) if d["rule"] == "known-reference"]
    assert '"equ\\u200bite"' in diagnostic["message"]
    assert diagnostic["hint"] == 'did you mean "equite"?'
    text = small_town.replace("id: aide-devoirs", "id: aide-dev\u200boirs")
    (diagnostic,) = errors_for(write_plan(text))
    assert '"aide-dev\\u200boirs"' in diagnostic["message"]


def test_missing_key_points_at_its_section(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    text = small_town.replace("    lead: Direction de la voirie\n", "")
    (diagnostic,) = errors_for(write_plan(text))
    assert diagnostic["rule"] == "missing-key"
    assert diagnostic["message"] == "The key `lead` is missing here"
    assert diagnostic["hint"].startswith("add `lead:`")
    # The action's mapping starts at its first key.
    assert (diagnostic["line"], diagnostic["column"]) == locate(text, "id: rues-aux-ecoles")


def test_text_output_quotes_the_line_and_marks_the_column(
    small_town: str, write_plan: t.Callable[[str], Path]
) -> None:
    path = write_plan(small_town.replace("priority: high", "priority: hihg"))
    run = run_vae("validate", path, "--as-of", AS_OF)
    assert run.exit_code == 1
    assert run.stdout.splitlines()[:4] == [
        f'{path}:48:15: error [invalid-value] The text "hihg" is not allowed for `priority`',
        "  48 |     priority: hihg",
        "     |               ^^^^",
        "  hint: did you mean high?",
    ]
