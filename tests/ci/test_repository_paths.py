"""The CI formats name files as the forge does, from the top of the repository, whatever folder
`vae` runs in: a job that runs it in a city's sub-folder of a monorepo points at the right file."""

from __future__ import annotations

import json
import re
import subprocess
import typing as t
from pathlib import Path

import jsonschema
import pytest

from tests.ci.test_formats import DATA, broken
from tests.conftest import AS_OF, ROOT, SMALL_TOWN, locate, run_vae
from vae_cli.findings.rule_catalog import HOMEPAGE, catalog
from vae_cli.git import work_tree_top

PLAN = "cities/villebourg/plans/plan.yaml"
BROKEN = broken(SMALL_TOWN.read_text(encoding="utf-8"))


@pytest.fixture
def monorepo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository holding a city's plan two folders down; the current folder is the city's."""
    root = tmp_path / "mono"
    (root / PLAN).parent.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / PLAN).write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(root / "cities" / "villebourg")
    return root


def validate(*args: str | Path, env: dict[str, str] | None = None) -> t.Any:
    return run_vae("validate", "--as-of", AS_OF, *args, env=env)


def test_github_annotations_name_the_file_from_the_top(monorepo: Path) -> None:
    run = validate("plans/plan.yaml", "--format", "github")
    assert run.exit_code == 1, run
    line, col = locate(BROKEN, "equit\n")
    annotation = next(x for x in run.stdout.splitlines() if "known-reference" in x)
    assert annotation.startswith(
        f"::error file={PLAN},line={line},col={col},endLine={line},endColumn={col + 5},"
    )
    assert f"::{PLAN}:{line}:{col}: " in annotation
    # People at a terminal keep the path they typed.
    text = validate("plans/plan.yaml", "--format", "text").stdout
    assert f"\nplans/plan.yaml:{line}:{col}: error [known-reference] " in text


def test_the_job_summary_names_the_file_from_the_top(monorepo: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.touch()
    validate("plans/plan.yaml", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    line, col = locate(BROKEN, "equit\n")
    assert f"| `{PLAN}:{line}:{col}` | error | `known-reference` |" in summary.read_text(
        encoding="utf-8"
    )


def test_gitlab_code_quality_names_the_file_from_the_top(monorepo: Path) -> None:
    issues = validate("plans/plan.yaml", "--format", "gitlab").json()
    assert {i["location"]["path"] for i in issues} == {PLAN}


def test_sarif_names_the_file_from_srcroot(monorepo: Path) -> None:
    """%SRCROOT% is the repository's top, and `originalUriBaseIds` says so."""
    document = validate("plans/plan.yaml", "--format", "sarif").json()
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(document)
    sarif_run = document["runs"][0]
    assert sarif_run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": monorepo.as_uri() + "/"}}
    locations = [r["locations"][0]["physicalLocation"] for r in sarif_run["results"]]
    assert {json.dumps(x["artifactLocation"]) for x in locations} == {
        json.dumps({"uri": PLAN, "uriBaseId": "%SRCROOT%"})
    }


@pytest.mark.parametrize("output", ["gitlab", "sarif"])
def test_fingerprints_do_not_depend_on_the_current_folder(
    monorepo: Path, monkeypatch: pytest.MonkeyPatch, output: str
) -> None:
    def prints() -> list[str]:
        run = validate(monorepo / PLAN, "--format", output)
        if output == "gitlab":
            return [i["fingerprint"] for i in run.json()]
        return [r["partialFingerprints"]["vaeFinding/v2"] for r in run.json()["runs"][0]["results"]]

    from_the_city = prints()
    monkeypatch.chdir(monorepo)
    assert prints() == from_the_city
    monkeypatch.chdir(monorepo.parent)  # outside the repository, naming the plan inside it
    assert prints() == from_the_city


def test_a_plan_of_another_repository_gets_an_absolute_uri(monorepo: Path, tmp_path: Path) -> None:
    other = tmp_path / "other" / "plan.yaml"
    other.parent.mkdir()
    subprocess.run(["git", "init", "-q", str(other.parent)], check=True)
    other.write_text(BROKEN, encoding="utf-8")
    outside = tmp_path / "outside.yaml"
    outside.write_text(BROKEN, encoding="utf-8")
    document = validate("plans/plan.yaml", other, outside, "--format", "sarif").json()
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in document["runs"][0]["results"]
    }
    assert uris == {PLAN, other.as_uri(), outside.as_uri()}
    issues = validate("plans/plan.yaml", other, "--format", "gitlab").json()
    assert {i["location"]["path"] for i in issues} == {PLAN, "plan.yaml"}


def test_junit_names_the_file_from_the_top(monorepo: Path) -> None:
    xml = validate("plans/plan.yaml", "--format", "junit").stdout
    assert f'<testsuite name="{PLAN}"' in xml
    assert f'classname="{PLAN}"' in xml


def test_the_top_of_a_work_tree(tmp_path: Path) -> None:
    """A `.git` folder, or the `.git` file of a linked worktree or a submodule, marks the top."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "sub" / "mod" / "deep").mkdir(parents=True)
    (tmp_path / "repo" / "sub" / "mod" / ".git").write_text("gitdir: ../../.git/modules/mod\n")
    assert work_tree_top(tmp_path / "repo" / "sub") == tmp_path / "repo"
    assert work_tree_top(tmp_path / "repo" / "sub" / "mod" / "deep") == tmp_path / "repo/sub/mod"
    assert work_tree_top(tmp_path) is None


@pytest.mark.parametrize(("lang", "page_name"), [("en", "rules.md"), ("fr", "rules.fr.md")])
def test_sarif_rules_link_to_their_documentation(lang: str, page_name: str) -> None:
    """Every rule has a name and a help page: its own section of docs/rules.md, or of its
    French translation docs/rules.fr.md in a French run."""
    document = json.loads(
        run_vae(
            "validate", "--format", "sarif", SMALL_TOWN, "--as-of", AS_OF, "--lang", lang
        ).stdout
    )
    driver = document["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == HOMEPAGE
    doc = (ROOT / "docs" / page_name).read_text("utf-8")
    headings = re.findall(r"^#{2,3} (.+)$", doc, re.M)
    # GitHub's anchors: lower case, punctuation but `-` and `_` dropped, spaces as `-`.
    anchors = {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}
    assert [r["id"] for r in driver["rules"]] == list(catalog().rules)
    for rule in driver["rules"]:
        page, _, anchor = rule["helpUri"].partition("#")
        assert page == f"{HOMEPAGE}/docs/{page_name}"
        assert anchor == rule["id"] and anchor in anchors, rule
        assert re.fullmatch(r"([A-Z][a-z0-9]+)+", rule["name"]), rule
    names = {r["id"]: r["name"] for r in driver["rules"]}
    assert names["over-budget"] == "OverBudget"
    assert names["yaml-syntax"] == "YamlSyntax"
