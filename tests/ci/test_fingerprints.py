"""Fingerprints (GitLab Code Quality, SARIF): a finding keeps its fingerprint whatever the
language of the job, and when lines are inserted above it."""

from __future__ import annotations

import typing as t
from pathlib import Path

import pytest

from tests.ci.test_formats import broken
from tests.conftest import AS_OF, run_vae
from vae_cli.check import Checker
from vae_cli.findings.diagnostics import Diagnostic, Position, Severity
from vae_cli.findings.rule_catalog import fingerprints, identity
from vae_cli.i18n.messages import msg
from vae_cli.reading.yaml_document import compose

WritePlan = t.Callable[..., Path]


def _shape(small_town: str) -> str:
    return small_town.replace("budget_eur: 50000", 'budget_eur: "50 000,50"').replace(
        "  commission:", "  comission:"
    )


def _syntax(small_town: str) -> str:
    return small_town.replace("  commission: Commission", "  commission: Commission: x")


def _duplicate_key(small_town: str) -> str:
    # Its message names the line of the first key: a value that moves with the lines.
    return small_town.replace("  name: Villebourg\n", "  name: Villebourg\n  name: Bourg\n")


PLANS: dict[str, t.Callable[[str], str]] = {
    "rules": broken,
    "shape": _shape,
    "yaml syntax": _syntax,
    "duplicate key": _duplicate_key,
}


def _found(path: Path, output: str, *args: str) -> list[tuple[str, str, int, str]]:
    """(rule, fingerprint, line, message) of every finding, as the forge reads them."""
    run = run_vae("validate", "--as-of", AS_OF, path, "--format", output, *args)
    assert run.exit_code == 1, run
    if output == "gitlab":
        return [
            (i["check_name"], i["fingerprint"], i["location"]["lines"]["begin"], i["description"])
            for i in run.json()
        ]
    return [
        (
            r["ruleId"],
            r["partialFingerprints"]["vaeFinding/v2"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["message"]["text"],
        )
        for r in run.json()["runs"][0]["results"]
    ]


@pytest.mark.parametrize("output", ["gitlab", "sarif"])
@pytest.mark.parametrize("case", list(PLANS))
def test_fingerprints_are_the_same_in_every_language(
    small_town: str, write_plan: WritePlan, output: str, case: str
) -> None:
    path = write_plan(PLANS[case](small_town))
    english = _found(path, output, "--lang", "en")
    french = _found(path, output, "--lang", "fr")
    assert [f[:3] for f in french] == [f[:3] for f in english]
    assert [f[3] for f in french] != [f[3] for f in english]  # the words did change
    assert len({f[1] for f in english}) == len(english)


def _insert_above(text: str, before: str, lines: str) -> str:
    assert before in text
    return text.replace(before, lines + before, 1)


@pytest.mark.parametrize("output", ["gitlab", "sarif"])
@pytest.mark.parametrize("case", list(PLANS))
def test_fingerprints_survive_lines_inserted_above(
    small_town: str, write_plan: WritePlan, output: str, case: str
) -> None:
    text = PLANS[case](small_town)
    found = _found(write_plan(text), output)
    moved = _insert_above(text, "schema_version:", "# a comment\n\n")
    moved = _insert_above(moved, "city:", "\n# about the city\n")
    moved = _insert_above(moved, "  - id: aide-devoirs", "  # the second action\n\n")
    again = _found(write_plan(moved), output)  # the same file, edited
    assert [f[:2] for f in again] == [f[:2] for f in found]
    assert all(a[2] > f[2] for a, f in zip(again, found, strict=True))  # every line moved


def test_a_finding_is_named_by_its_place_in_the_data(
    small_town: str, write_plan: WritePlan
) -> None:
    checked = Checker(as_of=int(AS_OF)).check_plan(write_plan(broken(small_town)))
    assert {d.rule: d.data_path for d in checked.result.diagnostics} == {
        "known-reference": "actions[aide-devoirs].commitment",
        "commitment-covered": "actions",
        "over-budget": "actions[rues-aux-ecoles].budget_eur",
        # Silenced in the plan by `# vae: ignore`, which applies after the checks.
        "covered-only-by-abandoned": "actions[groupes-unicef].commitment",
    }


def test_structural_paths_name_items_by_their_key_else_their_position() -> None:
    document = compose(
        "actions:\n"
        "  - id: a\n"
        "    progress:\n"
        "      - {year: 2021, status: done}\n"
        "      - {year: 2021, status: done}\n"
        "      - {year: 2022}\n"
        "  - id: b\n"
        "  - title: no id\n"
        "  - id: b\n"
        "membership:\n"
        "  payments: [{year: 2020}]\n"
    )
    path = document.structural_path
    assert path(("actions", 0, "progress", 2, "status")) == "actions[a].progress[2022].status"
    # Two items with the same key are told apart by position (from 1, as `vae diff` counts).
    assert path(("actions", 0, "progress", 1, "year")) == "actions[a].progress[#2].year"
    assert path(("actions", 1, "id")) == "actions[#2].id"
    assert path(("actions", 2, "title")) == "actions[#3].title"
    payment = ("membership", "payments", 0, "amount_eur")
    assert path(payment) == "membership.payments[2020].amount_eur"
    # What the data does not hold is named as given: where a missing key would go.
    assert path(("actions", 7, "lead")) == "actions[#8].lead"
    assert path(("contacts", "elected_referent")) == "contacts.elected_referent"
    assert path(()) == ""


def _finding(data_path: str | None, at_line: int, **values: object) -> Diagnostic:
    return Diagnostic(
        path="plans/a.yaml",
        position=Position.at(at_line, 1),
        severity=Severity.ERROR,
        rule="yaml-duplicate-key" if data_path is None else "percentage-range",
        message=msg("the key `{key}` appears twice (line {line})", **values),
        data_path=data_path,
    )


def test_what_a_fingerprint_is_made_of() -> None:
    """Rule, file, structural path, template and values; never the line. A finding with no
    structural path (a problem of the whole file) is told by its template alone."""
    at = _finding("actions[a].budget_eur", 3, key="x", line=1)
    assert identity(at) == (
        "plans/a.yaml",
        "percentage-range",
        "actions[a].budget_eur",
        '["the key `{key}` appears twice (line {line})", {"key": "x", "line": 1}]',
    )
    (same,) = fingerprints([_finding("actions[a].budget_eur", 30, key="x", line=1)])
    assert fingerprints([at]) == [same]
    elsewhere = _finding("actions[b].budget_eur", 3, key="x", line=1)
    other_value = _finding("actions[a].budget_eur", 3, key="y", line=1)
    assert len(set(fingerprints([at, elsewhere, other_value]))) == 3
    # The same finding twice: still two fingerprints, each stable.
    twice = fingerprints([at, at])
    assert twice[0] == same and twice[1] != same
    whole_file = [_finding(None, 5, key="x", line=2), _finding(None, 9, key="y", line=4)]
    first, second = fingerprints(whole_file)
    assert first == fingerprints(whole_file[1:])[0]
    assert second != first  # ranked
