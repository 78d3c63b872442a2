"""The JUnit report, read as Jenkins and GitLab read it: valid for Jenkins' junit-10.xsd, the same
test cases on every run, and a warning never shown as a failed test of a job that passed."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import typing as t
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.ci import jenkins_junit
from tests.ci.test_formats import broken, only_warning
from tests.conftest import AS_OF, ROOT, locate, run_vae
from vae_cli.findings.rule_catalog import catalog

WritePlan = t.Callable[..., Path]
# A plan's suite: every rule but the checks of a referential file, which have a suite of their own.
RULE_IDS = [r.id for r in catalog().rules.values() if not r.checks_referential]
RULES_OF_MEANING = [r.id for r in catalog().rules.values() if r.is_rule_of_meaning]


def junit(*args: str | Path) -> tuple[int, ET.Element, str]:
    run = run_vae("validate", "--as-of", AS_OF, "--format", "junit", *args)
    assert run.exit_code in (0, 1), run
    return run.exit_code, ET.fromstring(run.stdout), run.stdout


def cases(suite: ET.Element) -> dict[str, ET.Element]:
    return {c.get("name", ""): c for c in suite.findall("testcase")}


def outcome(case: ET.Element) -> tuple[str, str | None]:
    """("passed", None), or the outcome's element and its type: ("skipped", "warning")..."""
    for tag in ("failure", "error", "skipped"):
        found = case.find(tag)
        if found is not None:
            return tag, found.get("type")
    return "passed", None


def _plans(small_town: str) -> dict[str, str]:
    return {
        "good": small_town,
        "broken": broken(small_town),
        "warning": only_warning(small_town),
        "syntax": "schema_version: 1\nfoo: [\n",
        "not utf-8": "city: B\xe9ziers\n",
        "shape": small_town.replace("  commission:", "  comission:"),
        "no referential": small_town.replace(
            "referential: unicef-france-vae-2020-2026", "referential: elsewhere"
        ),
    }


def test_jenkins_schema_accepts_every_report(small_town: str, write_plan: WritePlan) -> None:
    """Jenkins' xunit plugin refuses the whole file over one attribute its schema does not know
    (a test case's file or line, a total of skipped tests)."""
    plans = _plans(small_town)
    paths = [
        write_plan(text.encode("latin-1") if name == "not utf-8" else text, f"{i}.yaml")
        for i, (name, text) in enumerate(plans.items())
    ]
    _, _, xml = junit(*paths)
    assert jenkins_junit.problems(xml) == []
    _, _, xml = junit(*paths, "--fail-on", "warning")
    assert jenkins_junit.problems(xml) == []


@pytest.mark.slow
def test_the_schema_check_accepts_pytests_junit_and_refuses_its_legacy_one(
    tmp_path: Path,
) -> None:
    """The check is not vacuous: pytest's own report (passed, failed, skipped and erroring
    tests) passes it, as it passes Jenkins; pytest's legacy xunit1 family, whose test cases
    carry `file` and `line`, does not."""
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (tmp_path / "test_sample.py").write_text(
        textwrap.dedent(
            """
            import pytest

            @pytest.fixture
            def broken_fixture():
                raise RuntimeError("set-up fails")

            def test_passes():
                print("some output")

            def test_fails():
                assert 1 == 2

            @pytest.mark.skip(reason="not today")
            def test_skipped():
                pass

            def test_errors(broken_fixture):
                pass
            """
        ),
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    reports = {}
    for family in ("xunit2", "xunit1"):
        report = tmp_path / f"{family}.xml"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "-o",
                f"junit_family={family}",
                f"--junitxml={report}",
                "test_sample.py",
            ],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            check=False,
        )
        reports[family] = report.read_text(encoding="utf-8")
    assert 'failures="1"' in reports["xunit2"] and 'skipped="1"' in reports["xunit2"]
    assert jenkins_junit.problems(reports["xunit2"]) == []
    refused = jenkins_junit.problems(reports["xunit1"])
    assert any("attribute 'file' is not allowed" in p for p in refused), refused
    assert any("attribute 'line' is not allowed" in p for p in refused), refused


def test_the_schema_check_refuses_what_jenkins_refuses() -> None:
    def report(suites: str = "", case: str = 'name="x"', inside: str = "") -> str:
        return (
            f'<testsuites {suites}><testsuite name="s" tests="1" failures="0" errors="0">'
            f"<testcase {case}>{inside}</testcase></testsuite></testsuites>"
        )

    assert jenkins_junit.problems(report()) == []
    assert jenkins_junit.problems(report(suites='skipped="0"')) == [
        "testsuites: attribute 'skipped' is not allowed"
    ]
    assert jenkins_junit.problems(report(case='classname="c"')) == [
        "testsuites/testsuite/testcase: attribute 'name' is required"
    ]
    assert jenkins_junit.problems(report(suites='time="1e-3"')) != []
    assert jenkins_junit.problems(report(inside="<system-out><b/></system-out>")) != []
    assert jenkins_junit.problems(report(inside="<properties/>")) != []
    assert jenkins_junit.problems(report(inside="loose text")) != []
    assert jenkins_junit.problems('<testsuites xmlns="urn:x"/>') != []


def test_one_test_case_per_plan_and_rule_always(small_town: str, write_plan: WritePlan) -> None:
    """Whatever a plan holds, its suite lists every rule once, in the same order: a forge
    comparing two pipelines never sees tests appear or vanish."""
    for i, (name, text) in enumerate(_plans(small_town).items()):
        path = write_plan(text.encode("latin-1") if name == "not utf-8" else text, f"{i}.yaml")
        _, root, _ = junit(path)
        (suite,) = root.findall("testsuite")
        assert [c.get("name") for c in suite.findall("testcase")] == RULE_IDS, name
        assert suite.get("tests") == str(len(RULE_IDS))
        assert {c.get("classname") for c in suite.findall("testcase")} == {str(path)}


def test_a_warning_is_not_a_failed_test(small_town: str, write_plan: WritePlan) -> None:
    """The job passes: no test fails. The warning is a skipped test whose text says it, which
    GitLab and Jenkins both show."""
    path = write_plan(only_warning(small_town))
    exit_code, root, _ = junit(path)
    assert exit_code == 0
    assert root.get("failures") == "0" and root.get("errors") == "0"
    suite = root.find("testsuite")
    assert suite is not None and suite.get("failures") == "0" and suite.get("skipped") == "1"
    over = cases(suite)["over-budget"]
    assert outcome(over) == ("skipped", "warning")
    skipped = over.find("skipped")
    assert skipped is not None
    assert skipped.get("message", "").startswith(f"{path}:")
    assert "has spent" in (skipped.text or "")
    assert [n for n, c in cases(suite).items() if outcome(c) != ("passed", None)] == ["over-budget"]


def test_under_fail_on_warning_a_warning_fails_its_test(
    small_town: str, write_plan: WritePlan
) -> None:
    path = write_plan(only_warning(small_town))
    exit_code, root, _ = junit(path, "--fail-on", "warning")
    assert exit_code == 1
    suite = root.find("testsuite")
    assert suite is not None
    assert outcome(cases(suite)["over-budget"]) == ("failure", "warning")
    assert root.get("failures") == "1"


def test_errors_fail_their_rules(small_town: str, write_plan: WritePlan) -> None:
    path = write_plan(broken(small_town))
    exit_code, root, _ = junit(path)
    assert exit_code == 1
    suite = root.find("testsuite")
    assert suite is not None
    found = {n: outcome(c) for n, c in cases(suite).items() if outcome(c) != ("passed", None)}
    assert found == {
        "commitment-covered": ("failure", "error"),
        "known-reference": ("failure", "error"),
        "over-budget": ("skipped", "warning"),
    }
    failure = cases(suite)["known-reference"].find("failure")
    assert failure is not None
    line, col = locate(broken(small_town), "equit\n")
    assert failure.get("message") == (
        f'{path}:{line}:{col}: "equit" is not a commitment of unicef-france-vae-2020-2026'
    )
    assert f"{path}:{line}:{col}: error: " in (failure.text or "")
    assert "hint: did you mean" in (failure.text or "")
    assert suite.get("failures") == "2" and root.get("failures") == "2"


def test_checks_that_could_not_run_are_skipped(small_town: str, write_plan: WritePlan) -> None:
    """A plan that is not YAML: its syntax error fails; every other check, of the file or of its
    meaning, is skipped as not checked, never shown as passed."""
    path = write_plan("schema_version: 1\nfoo: [\n")
    _, root, _ = junit(path)
    suite = root.find("testsuite")
    assert suite is not None
    found = {n: outcome(c) for n, c in cases(suite).items()}
    assert found.pop("yaml-syntax") == ("failure", "error")
    assert set(found.values()) == {("skipped", "not-checked")}
    assert suite.get("skipped") == str(len(RULE_IDS) - 1)


def test_the_rules_are_skipped_when_the_referential_is_unknown(
    small_town: str, write_plan: WritePlan
) -> None:
    """The file was read and its shape checked (those pass); the rules of meaning did not run."""
    plan = write_plan(_plans(small_town)["no referential"])
    _, root, _ = junit(plan)
    suite = root.find("testsuite")
    assert suite is not None
    found = {n: outcome(c) for n, c in cases(suite).items()}
    assert found["known-reference"] == ("failure", "error")
    skipped = {n for n, o in found.items() if o == ("skipped", "not-checked")}
    assert skipped == {*RULES_OF_MEANING, "unused-ignore"} - {"known-reference"}
    assert found["unknown-key"] == found["yaml-syntax"] == ("passed", None)


def test_a_rule_turned_off_is_skipped_not_passed(small_town: str, write_plan: WritePlan) -> None:
    """A rule `.vae.yaml` turns off did not run: the forge must not count it as a passed test."""
    path = write_plan(only_warning(small_town))
    (path.parent / ".vae.yaml").write_text("rules:\n  over-budget: off\n", encoding="utf-8")
    exit_code, root, _ = junit(path)
    assert exit_code == 0
    suite = root.find("testsuite")
    assert suite is not None
    over = cases(suite)["over-budget"]
    assert outcome(over) == ("skipped", "off")
    assert "turned off" in (over.find("skipped").get("message") or "")  # type: ignore[union-attr]


def test_a_referential_file_has_its_checks_and_a_plan_has_its_rules(
    small_town: str, write_plan: WritePlan
) -> None:
    """Each suite lists what was checked in that file: no referential check shown as passed in
    a plan's suite, no plan rule in a referential's."""
    shipped = ROOT / "vae_cli" / "referentials" / "unicef-france-vae-2020-2026.yaml"
    path = write_plan(small_town)
    # A referential of the city's, broken (two commitments with one id): it gets a suite.
    referential = path.parent / "referential.yaml"
    text = shipped.read_text(encoding="utf-8")
    referential.write_text(text.replace("  - id: equite", "  - id: bien-etre", 1), encoding="utf-8")
    _, root, _ = junit(path, "--referential", referential)
    suites = {s.get("name"): [c.get("name") for c in s.findall("testcase")] for s in root}
    plan_cases = suites[str(path)]
    assert plan_cases == RULE_IDS
    referential_checks = [r.id for r in catalog().rules.values() if r.checks_referential]
    (referential_cases,) = [v for k, v in suites.items() if k != str(path)]
    assert set(referential_checks) <= set(referential_cases)
    assert not set(RULES_OF_MEANING) & set(referential_cases)
