"""`vae diff` reports every change of data, in words: the reviewer's cases, then a change of
each leaf of the small plan, none of which may read as "comments or layout only"."""

from __future__ import annotations

import copy
import json
import re
import typing as t
from pathlib import Path

import pytest
import yaml

from tests.ci.test_diff import PLAN, SMALL, Repo, diff, edit, new_repo
from vae_cli.check import Checker
from vae_cli.diff.base import Base
from vae_cli.diff.changes import Version
from vae_cli.diff.compare import compare
from vae_cli.diff.run import DiffReport
from vae_cli.diff.show import render_json, render_text
from vae_cli.reading.yaml_document import compose


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    new_repo(tmp_path, monkeypatch).commit("plan", {PLAN: SMALL})
    return Repo(tmp_path / "city")


def changed(repo: Repo, *replacements: tuple[str, str]) -> tuple[str, dict[str, t.Any]]:
    """The text output and the plan's JSON once `replacements` are made in the working tree."""
    repo.write(PLAN, edit(SMALL, *replacements))
    run = diff("HEAD")
    assert run.exit_code == 0, run
    assert "in comments or layout only" not in run.stdout, run
    (plan,) = diff("HEAD", "--format", "json").json()["plans"]
    return run.stdout, plan


INDICATOR = """      - id: enfants-aide-devoirs
        label: Enfants inscrits
        unit: enfants
        direction: increase
        baseline: {year: 2020, value: 40}
        target: {year: 2026, value: 120}
        measurements:
          - {year: 2023, value: 80}
"""


def test_indicator_removed(repo: Repo):
    out, plan = changed(repo, ("    indicators:\n" + INDICATOR, ""))
    assert (
        "removed enfants-aide-devoirs «Enfants inscrits» from action aide-devoirs (its progress "
        "status was substantial progress)" in out
    )
    assert [(i["indicator"], i["kind"]) for i in plan["indicators"]] == [
        ("enfants-aide-devoirs", "removed")
    ]


def test_indicator_added(repo: Repo):
    out, plan = changed(
        repo,
        (
            "        measurements: [{year: 2021, value: 0}]\n",
            "        measurements: [{year: 2021, value: 0}]\n"
            + INDICATOR.replace("enfants-aide-devoirs", "groupes-suivis"),
        ),
    )
    assert (
        "added groupes-suivis «Enfants inscrits» to action groupes-unicef (unit «enfants», "
        "direction «increase», baseline 40 enfants in 2020, target 120 enfants in 2026); "
        "progress status substantial progress" in out
    )
    assert (
        "groupes-suivis (Enfants inscrits, action groupes-unicef): 2023: 80 enfants measured" in out
    )
    assert [(i["indicator"], i["kind"]) for i in plan["indicators"]] == [
        ("groupes-suivis", "added")
    ]


def test_measurement_removed(repo: Repo):
    out, plan = changed(repo, ("          - {year: 2023, value: 100}\n", ""))
    assert (
        "ecoles-rue-apaisee (Écoles avec une rue apaisée, action rues-aux-ecoles): 2023 "
        "measurement removed (was 100 %); further from the target of 100 % in 2025 (latest was "
        "100 % in 2023); progress status: target achieved → " in out
    )
    (m,) = plan["measurements"]
    assert (m["kind"], m["year"], m["value_before"], m["value_after"]) == (
        "removed",
        2023,
        100,
        None,
    )


def test_direction_flipped(repo: Repo):
    out, plan = changed(
        repo,
        (
            "unit: enfants\n        direction: increase",
            "unit: enfants\n        direction: decrease",
        ),
    )
    assert (
        "enfants-aide-devoirs «Enfants inscrits» (action aide-devoirs): direction: «increase» → "
        "«decrease»; progress status: substantial progress → target achieved" in out
    )
    (i,) = plan["indicators"]
    assert i["changes"] == [
        {"path": "direction", "kind": "changed", "before": "increase", "after": "decrease"}
    ]


def test_target_and_baseline_changed(repo: Repo):
    out, plan = changed(
        repo,
        ("target: {year: 2026, value: 120}", "target: {year: 2026, value: 90}"),
        ("baseline: {year: 2020, value: 40}", "baseline: {year: 2019, value: 40}"),
    )
    assert (
        "enfants-aide-devoirs «Enfants inscrits» (action aide-devoirs): baseline: 40 enfants in "
        "2020 → 40 enfants in 2019; target: 120 enfants in 2026 → 90 enfants in 2026; progress "
        "status unchanged (substantial progress)" in out
    )
    assert [c["path"] for c in plan["indicators"][0]["changes"]] == ["baseline", "target"]


def test_past_status_changed(repo: Repo):
    out, plan = changed(
        repo,
        (
            "      - {year: 2022, status: in_progress, spent_eur: 5000}",
            "      - {year: 2022, status: delayed, spent_eur: 5000}",
        ),
    )
    assert "  Status\n    aide-devoirs: 2022 now delayed (was in progress)\n" in out
    assert plan["statuses"] == [
        {"action": "aide-devoirs", "year": 2022, "before": "in_progress", "after": "delayed"}
    ]


def test_spending_moved_between_years(repo: Repo):
    out, plan = changed(
        repo,
        (
            "      - {year: 2021, status: in_progress, spent_eur: 5000}\n"
            "      - {year: 2022, status: in_progress, spent_eur: 5000}",
            "      - {year: 2021, status: in_progress, spent_eur: 8000}\n"
            "      - {year: 2022, status: in_progress, spent_eur: 2000}",
        ),
    )
    assert (
        "aide-devoirs: total spent unchanged (€22,000); by year: 2021 €5,000 → €8,000, "
        "2022 €5,000 → €2,000" in out
    )
    (m,) = plan["money"]
    assert [(y["year"], y["before"], y["after"]) for y in m["years"]] == [
        (2021, 5000, 8000),
        (2022, 5000, 2000),
    ]


def test_progress_entries_and_notes(repo: Repo):
    out, plan = changed(
        repo,
        (
            "note: Toutes les écoles sont concernées.}",
            "note: Toutes les écoles sauf une.}\n      - {year: 2024, status: done, note: Fini.}",
        ),
        ("      - {year: 2021, status: abandoned, note: Pas de groupe proche.}", "      []"),
    )
    assert "rues-aux-ecoles: 2024 entry added, done" in out
    assert "groupes-unicef: 2021 entry removed (was abandoned)" in out
    assert (
        "  Progress notes\n"
        "    rues-aux-ecoles: 2023 note «Toutes les écoles sont concernées.» → «Toutes les écoles "
        "sauf une.»\n"
        "    rues-aux-ecoles: 2024 note added: «Fini.»\n"
        "    groupes-unicef: 2021 note removed (was «Pas de groupe proche.»)\n"
    ) in out
    assert len(plan["notes"]) == 3


def test_plan_sections(repo: Repo):
    out, plan = changed(
        repo,
        ("name: Villebourg", "name: Villebourg-sur-Mer"),
        ("name: Mme Claire Martin", "name: Mme Claire Petit"),
        ("annual_fee_eur: 150", "annual_fee_eur: 200"),
        ("    - {year: 2021, amount_eur: 150}\n", ""),
        ("{year: 2025, amount_eur: 150}", "{year: 2025, amount_eur: 200, date: 2025-06-30}"),
        ("summary: Des espaces publics sûrs", "summary: Des espaces publics *sûrs*"),
        ("respondents: 240", "respondents: 260"),
        (
            "      - Autoriser le maire à déclarer",
            "      - Autoriser le maire à signer.\n      - Autoriser le maire à déclarer",
        ),
    )
    assert (
        "  City\n    city.name: «Villebourg» → «Villebourg-sur-Mer»\n"
        "  Contacts\n    contacts.elected_referent.name: «Mme Claire Martin» → «Mme Claire Petit»\n"
        "  Deliberations\n    deliberations[2020-11-02].decisions: added «Autoriser le maire à "
        "signer.»\n"
        "  Membership\n"
        "    membership.annual_fee_eur: €150 → €200\n"
        "    membership.payments[2025].amount_eur: €150 → €200\n"
        "    membership.payments[2025].date added: «2025-06-30»\n"
        "    membership.payments[2021] removed (was year 2021, amount_eur €150)\n"
        "  Commitment framings\n"
        "    commitments[bien-etre].summary: «Des espaces publics sûrs et sains pour chaque "
        "enfant.» → «Des espaces publics *sûrs* et sains pour chaque enfant.»\n"
        "  Consultations\n    consultations[2020-2021].respondents: 240 → 260\n"
    ) in out
    assert len(plan["sections"]) == 9
    md = diff("HEAD", "--format", "md").stdout
    assert "#### Commitment framings" in md
    assert "- `commitments[bien-etre].summary`: «Des espaces publics sûrs" in md
    assert "«Des espaces publics \\*sûrs\\* et sains pour chaque enfant.»" in md


def test_action_fields_edited(repo: Repo):
    out, plan = changed(
        repo,
        ("title: Rues aux écoles", "title: Rues aux <écoles>"),
        ('target_groups: ["3-6", "6-11"]', 'target_groups: ["3-6"]'),
        ("    end: 2025\n", ""),
    )
    assert (
        "edited rues-aux-ecoles: title: «Rues aux écoles» → «Rues aux <écoles>»; target_groups: "
        "removed «6-11»; end removed (was 2025)" in out
    )
    (e,) = plan["edited"]
    assert [c["path"] for c in e["changes"]] == ["title", "target_groups", "end"]
    md = diff("HEAD", "--format", "md").stdout
    assert "- edited `rues-aux-ecoles`: `title`: «Rues aux écoles» → «Rues aux \\<écoles\\>»" in md


def test_layout_only(repo: Repo):
    """Comments, quotes, flow or block style, key order: the same data, so layout only."""
    data = compose(SMALL).data
    repo.write(PLAN, "# rewritten\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=True))
    assert diff("HEAD").stdout.endswith(", in comments or layout only\n")
    (plan,) = diff("HEAD", "--format", "json").json()["plans"]
    assert not any(v for k, v in plan.items() if isinstance(v, list))


# The fields whose values come from a list; a leaf is changed to another value that is valid.
ENUMS = {
    "in_progress": "done",
    "done": "delayed",
    "delayed": "paused",
    "abandoned": "planned",
    "increase": "decrease",
    "high": "low",
}


def _changed_leaf(value: t.Any) -> t.Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    assert isinstance(value, str), value
    if value in ENUMS:
        return ENUMS[value]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return f"{int(value[:4]) + 1}{value[4:]}"
    if re.fullmatch(r"\d+", value):
        return str(int(value) + 1).zfill(len(value))
    if re.fullmatch(r"\d+-\d+", value):
        low, high = value.split("-")
        return f"{low}-{int(high) + 1}"
    if re.fullmatch(r"[a-z0-9][a-z0-9-]*", value):
        return value + "-bis"
    return value + " (modifié)"


def _mutations(node: t.Any, path: tuple[str | int, ...] = ()) -> t.Iterator[tuple[t.Any, ...]]:
    """Every leaf's path, and every list item's path (to remove it)."""
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _mutations(child, (*path, key))
    elif isinstance(node, list):
        for i, child in enumerate(node):
            yield ("remove", *path, i)
            yield from _mutations(child, (*path, i))
    elif path != ("schema_version",):  # the one version there is
        yield ("change", *path)


def _mutated(data: t.Any, mutation: tuple[t.Any, ...]) -> tuple[t.Any, t.Any]:
    """The mutated copy of `data`, and the new value (None for a removal)."""
    what, *path = mutation
    data = copy.deepcopy(data)
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    if what == "remove":
        del parent[path[-1]]
        return data, None
    parent[path[-1]] = new = _changed_leaf(parent[path[-1]])
    return data, new


def _dump(data: t.Any) -> str:
    # libyaml's emitter: the pure-Python one took most of the time of the test below.
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)


def _version(checker: Checker, text: str) -> Version:
    """One side of the comparison, as `vae diff` builds it from a text of the plan."""
    checked = checker.check_plan(Path(PLAN), text=text)
    return Version(
        exists=True,
        text=text,
        data=checked.document.data if checked.document is not None else None,
        plan=checked.plan,
        referential=checked.referential,
        result=checked.result,
    )


def test_every_leaf_changed_is_reported():
    """Each leaf of the small plan changed, and each list item removed, one at a time: never
    "layout only", never an empty JSON, and a changed text is shown.

    The two versions are compared directly: reading the base through git would be the same for
    every one of the 200-odd mutations, and is tested once below and in test_diff.py."""
    data = compose(SMALL).data
    checker = Checker(as_of=2026, referential_files=[])
    before = _version(checker, _dump(data))
    base = Base(commit="0" * 40, described="HEAD")
    mutations = list(_mutations(data))
    assert len(mutations) > 200
    for mutation in mutations:
        mutated, new = _mutated(data, mutation)
        report = DiffReport(
            base=base, plans=[compare(PLAN, before, _version(checker, _dump(mutated)))]
        )
        (plan,) = report.plans
        text = render_text(report)
        where = f"{mutation}: {text}"
        assert plan.state == "changed", where
        assert not plan.unreadable_after, where
        assert "layout only" not in text and not plan.same_meaning, where
        listed = {k for k, v in plan.__dict__.items() if isinstance(v, list) and v}
        changes = listed - {"new_findings", "fixed_findings", "coverage"}
        assert changes, where
        # A script reading --format json sees the same changes.
        (shown,) = json.loads(render_json(report))["plans"]
        assert shown["state"] == "changed", where
        assert {k for k in changes if shown[k]} == changes, where
        if isinstance(new, str) and len(new) < 60:
            assert new in text, where


def test_a_leaf_changed_reads_the_same_through_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The direct comparison above says what `vae diff` says on the same edit in a repository."""
    repo = new_repo(tmp_path, monkeypatch)
    data = compose(SMALL).data
    repo.commit("plan", {PLAN: _dump(data)})
    head = repo.git("rev-parse", "HEAD")
    mutation = next(m for m in _mutations(data) if m[-1] == "title")
    mutated, new = _mutated(data, mutation)
    repo.write(PLAN, _dump(mutated))
    checker = Checker(as_of=2026, referential_files=[])
    direct = DiffReport(
        base=Base(commit=head, described="HEAD"),
        plans=[compare(PLAN, _version(checker, _dump(data)), _version(checker, _dump(mutated)))],
    )
    run = diff("HEAD")
    assert run.exit_code == 0, run
    assert new in run.stdout
    assert run.stdout == render_text(direct)
    document = diff("HEAD", "--format", "json").json()
    assert document == json.loads(render_json(direct))


def test_a_typo_fixed_is_a_fixed_finding_not_coverage_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """`commitment: equit` committed, then fixed: `equit` is no commitment of the referential,
    so nothing "is no longer covered"; the fixed finding says what happened."""
    repo = new_repo(tmp_path, monkeypatch)
    repo.commit("typo", {PLAN: edit(SMALL, ("commitment: equite", "commitment: equit"))})
    repo.write(PLAN, SMALL)
    out = diff("HEAD").stdout
    assert "re-scoped aide-devoirs: commitment equit → equite" in out
    assert "equit is no longer covered" not in out and "equit «" not in out
    assert "fixed error [known-reference]" in out
    assert (
        "  Coverage\n    commitment equite «Fighting exclusion and discrimination, for equity» is "
        "now covered, by aide-devoirs\n  Findings\n" in out
    )
    (plan,) = diff("HEAD", "--format", "json").json()["plans"]
    assert [(c["kind"], c["id"], c["covered"]) for c in plan["coverage"]] == [
        ("commitment", "equite", True)
    ]
    # The other way round, a typo committed: the typo is a new finding, not a commitment covered.
    repo.commit("fixed", {PLAN: SMALL})
    repo.write(PLAN, edit(SMALL, ("obligations: [formation]", "obligations: [formaton]")))
    out = diff("HEAD").stdout
    assert "formaton" not in out.split("  Coverage\n", 1)[1].split("  Findings\n", 1)[0]
    assert (
        "  Coverage\n    obligation formation «Training on children's rights» is no longer "
        "covered by any action (it was by aide-devoirs)\n  Findings\n" in out
    )
    assert '[known-reference]: "formaton" is not a' in out


def test_an_added_actions_progress_and_indicators_are_shown(repo: Repo):
    added = (
        "  - id: jardins-partages-ecoles\n"
        "    title: Jardins partagés dans les écoles\n"
        "    description: Des jardins.\n"
        "    commitment: bien-etre\n"
        "    obligations: [suivi]\n"
        "    lead: Espaces verts\n"
        "    start: 2024\n"
        "    budget_eur: 12000\n"
        "    progress:\n"
        "      - {year: 2024, status: in_progress, spent_eur: 4000}\n"
        "      - {year: 2025, status: delayed, spent_eur: 3000, note: Sécheresse.}\n"
        "    indicators:\n"
        "      - id: jardins-ouverts\n"
        "        label: Jardins ouverts\n"
        "        unit: jardins\n"
        "        direction: increase\n"
        "        baseline: {year: 2023, value: 0}\n"
        "        target: {year: 2026, value: 10}\n"
        "        measurements: [{year: 2025, value: 4, source: Espaces verts}]\n"
    )
    out, plan = changed(repo, ("consultations:", added + "consultations:"))
    assert (
        "    added jardins-partages-ecoles «Jardins partagés dans les écoles» (commitment "
        "bien-etre; obligations suivi; budget €12,000)\n" in out
    )
    assert (
        "  Status\n"
        "    jardins-partages-ecoles: 2024 entry added, in progress\n"
        "    jardins-partages-ecoles: 2025 entry added, delayed\n"
    ) in out
    assert (
        "jardins-partages-ecoles: spent €0 → €7,000 (+€7,000); by year: 2024 none → "
        "€4,000, 2025 none → €3,000" in out
    )
    assert "jardins-partages-ecoles: 2025 note added: «Sécheresse.»" in out
    assert (
        "added jardins-ouverts «Jardins ouverts» to action jardins-partages-ecoles (unit "
        "«jardins», direction «increase», baseline 0 jardins in 2023, target 10 jardins in 2026)"
        in out
    )
    assert (
        "jardins-ouverts (Jardins ouverts, action jardins-partages-ecoles): 2025: 4 jardins "
        "measured (source «Espaces verts»)" in out
    )
    assert [s["year"] for s in plan["statuses"]] == [2024, 2025]
    assert [(i["indicator"], i["kind"]) for i in plan["indicators"]] == [
        ("jardins-ouverts", "added")
    ]
    assert [m["year"] for m in plan["measurements"]] == [2025]
