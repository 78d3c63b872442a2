"""`vae validate --report FORMAT:PATH` never destroys a file: it replaces only its own reports."""

from __future__ import annotations

import json
import os
import stat
import typing as t
from pathlib import Path

import jsonschema
import pytest

from tests.ci import jenkins_junit
from tests.ci.test_formats import DATA
from tests.conftest import AS_OF, ROOT, SMALL_TOWN, run_vae

FORMATS = ["text", "json", "github", "gitlab", "sarif", "junit"]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding plans/plan.yaml, made the current folder."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "plan.yaml").write_bytes(SMALL_TOWN.read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def validate(*args: str | Path) -> t.Any:
    return run_vae("validate", "plans/plan.yaml", "--as-of", AS_OF, *args)


def test_the_plan_being_checked_is_never_overwritten(here: Path) -> None:
    before = (here / "plans" / "plan.yaml").read_bytes()
    run = validate("--report", "json:plans/plan.yaml")
    assert run.exit_code == 2, run
    assert "would overwrite plans/plan.yaml, which is being checked" in run.stderr
    assert run.stdout == ""  # nothing written, not even the findings
    assert (here / "plans" / "plan.yaml").read_bytes() == before


def test_the_plan_is_recognised_under_another_spelling(here: Path) -> None:
    before = (here / "plans" / "plan.yaml").read_bytes()
    os.symlink("plans/plan.yaml", here / "alias.yaml")
    for spelling in ["./plans/../plans/plan.yaml", str(here / "plans" / "plan.yaml"), "alias.yaml"]:
        run = validate("--report", f"sarif:{spelling}")
        assert run.exit_code == 2, run
        assert "which is being checked" in run.stderr
    assert (here / "plans" / "plan.yaml").read_bytes() == before
    assert (here / "alias.yaml").is_symlink()


def test_another_plan_or_a_users_file_is_not_overwritten(here: Path) -> None:
    other = here / "plans" / "other.yaml"
    other.write_bytes(SMALL_TOWN.read_bytes())
    notes = here / "notes.txt"
    notes.write_text("à garder\n", encoding="utf-8")
    for target in (other, notes):
        run = validate("--report", f"json:{target.relative_to(here)}")
        assert run.exit_code == 2, run
        assert "exists and is not a report written by vae; nothing was written" in run.stderr
        assert "move the file away" in run.stderr
    assert other.read_bytes() == SMALL_TOWN.read_bytes()
    assert notes.read_text(encoding="utf-8") == "à garder\n"


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_previous_report_is_replaced_on_every_run(here: Path, fmt: str) -> None:
    """CI writes the same report paths on every run: the second run must not fail."""
    report = here / "out" / f"vae.{fmt}"
    assert validate("--report", f"{fmt}:out/vae.{fmt}").exit_code == 0
    first = report.read_text(encoding="utf-8")
    # The plan gets an error: the new report says so, over the old one.
    plan = here / "plans" / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("commitment: equite", "commitment: equit"),
        encoding="utf-8",
    )
    run = validate("--report", f"{fmt}:out/vae.{fmt}")
    assert run.exit_code == 1, run
    assert report.read_text(encoding="utf-8") != first
    assert "equit" in report.read_text(encoding="utf-8")
    # And a report of another format written there before is replaced too.
    other = FORMATS[(FORMATS.index(fmt) + 1) % len(FORMATS)]
    assert validate("--report", f"{other}:out/vae.{fmt}").exit_code == 1


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_a_previous_report_in_french_is_replaced(here: Path, fmt: str) -> None:
    """The text and github reports are told by their last line, in the language of the run."""
    for _ in range(2):
        run = validate("--lang", "fr", "--report", f"{fmt}:out/vae.txt")
        assert run.exit_code == 0, run
    assert "Vérification de 1 fichier" in (here / "out" / "vae.txt").read_text(encoding="utf-8")


def test_an_empty_file_is_replaced(here: Path) -> None:
    (here / "vae.sarif").touch()
    assert validate("--report", "sarif:vae.sarif").exit_code == 0
    assert '"name": "vae"' in (here / "vae.sarif").read_text(encoding="utf-8")


def test_a_symlinked_report_is_written_through_the_link(here: Path) -> None:
    (here / "artifacts").mkdir()
    os.symlink("artifacts/vae.json", here / "vae.json")  # not there yet
    assert validate("--report", "json:vae.json").exit_code == 2  # a link to nothing: refused
    (here / "artifacts" / "vae.json").touch()
    run = validate("--report", "json:vae.json")
    assert run.exit_code == 0, run
    assert (here / "vae.json").is_symlink()
    assert '"version": 1' in (here / "artifacts" / "vae.json").read_text(encoding="utf-8")


def test_a_device_or_a_folder_is_never_replaced(here: Path) -> None:
    os.mkfifo(here / "pipe")
    (here / "folder").mkdir()
    for path, message in [
        ("pipe", "pipe is not a regular file"),
        ("folder", "folder is a folder"),
        ("/dev/null", "/dev/null is not a regular file"),
    ]:
        run = validate("--report", f"json:{path}")
        assert run.exit_code == 2, run
        assert message in run.stderr
    assert "hint: give the path of a file; to print the findings, use --format" in run.stderr
    assert stat.S_ISFIFO(os.stat(here / "pipe").st_mode)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_read_only_report_is_not_replaced(here: Path) -> None:
    assert validate("--report", "junit:vae.xml").exit_code == 0
    (here / "vae.xml").chmod(0o444)
    before = (here / "vae.xml").read_bytes()
    (here / "plans" / "plan.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    run = validate("--report", "junit:vae.xml")
    assert run.exit_code == 2, run
    assert "vae.xml is read-only" in run.stderr
    assert (here / "vae.xml").read_bytes() == before


def test_the_same_path_twice_is_refused_before_writing_anything(here: Path) -> None:
    run = validate(
        "--report", "json:a.json", "--report", "sarif:b.sarif", "--report", "gitlab:a.json"
    )
    assert run.exit_code == 2, run
    assert "a.json is also the path of --report json:a.json" in run.stderr
    assert not (here / "a.json").exists() and not (here / "b.sarif").exists()


@pytest.mark.parametrize(
    ("fmt", "name", "content"),
    [
        ("gitlab", "gl-code-quality.json", "[]"),
        ("gitlab", "gl-code-quality.json", "[]\n"),
        ("json", "vae.json", '{"tool": {"name": "vae"}, "mine": "a list I keep"}\n'),
        ("sarif", "vae.sarif", '{"runs": [{"tool": {"driver": {"name": "vae"}}}]}\n'),
        ("text", "notes.txt", "What we said on Monday:\nChecked 3 files: 2 errors, 1 warning.\n"),
        (
            "github",
            "notes.txt",
            "À revoir\nVérification de 1 fichier\u00a0: aucune erreur, aucun avertissement.\n",
        ),
        ("junit", "vae.xml", '<?xml version="1.0"?>\n<testsuites name="vae validate"/>\n'),
    ],
)
def test_a_file_that_only_looks_like_a_report_is_kept(
    here: Path, fmt: str, name: str, content: str
) -> None:
    """Only a report `--report` wrote carries vae's mark; a look-alike is someone's file."""
    (here / name).write_text(content, encoding="utf-8")
    run = validate("--report", f"{fmt}:{name}")
    assert run.exit_code == 2, run
    assert f"{name} exists and is not a report written by vae; nothing was written" in run.stderr
    assert run.stdout == ""
    assert (here / name).read_text(encoding="utf-8") == content


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "text"])
def test_findings_the_user_saved_from_stdout_are_kept(here: Path, fmt: str) -> None:
    """`vae validate --format json > baseline.json` is the user's file, kept for a reason."""
    saved = validate("--format", fmt).stdout
    (here / "baseline").write_text(saved, encoding="utf-8")
    run = validate("--report", f"{fmt}:baseline")
    assert run.exit_code == 2, run
    assert (here / "baseline").read_text(encoding="utf-8") == saved


def test_every_report_file_carries_the_mark(here: Path) -> None:
    """The mark is where each format's readers ignore it: the files stay valid for them."""
    for fmt in FORMATS:
        assert validate("--report", f"{fmt}:out/{fmt}").exit_code == 0
    out = {fmt: (here / "out" / fmt).read_text(encoding="utf-8") for fmt in FORMATS}
    mark = "written by vae validate, which replaces this file each time it writes this report"
    for fmt in ("text", "github"):
        assert out[fmt].startswith(f"# vae_report: {mark}\n")
        assert out[fmt].endswith("Checked 1 file: no error, no warning.\n")
    assert json.loads(out["json"])["vae_report"] == mark
    assert json.loads(out["json"])["version"] == 1
    sarif = json.loads(out["sarif"])
    assert sarif["properties"] == {"vae_report": mark}
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(sarif)
    assert out["junit"].splitlines()[1] == f"<!-- vae_report: {mark} -->"
    assert jenkins_junit.problems(out["junit"]) == []
    assert out["gitlab"] == "[\n]\n"  # GitLab's array has no room: vae's layout is the mark


def test_a_gitlab_report_is_told_by_its_issues(here: Path) -> None:
    plan = here / "plans" / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("commitment: equite", "commitment: equit"),
        encoding="utf-8",
    )
    assert validate("--report", "gitlab:gl.json").exit_code == 1
    issues = json.loads((here / "gl.json").read_text(encoding="utf-8"))
    assert {i["engine_name"] for i in issues} == {"vae"}
    assert validate("--report", "gitlab:gl.json").exit_code == 1  # replaced
    # The same issues from another engine are not vae's.
    for issue in issues:
        issue["engine_name"] = "eslint"
    (here / "gl.json").write_text(json.dumps(issues, indent=2) + "\n", encoding="utf-8")
    assert validate("--report", "gitlab:gl.json").exit_code == 2


def summary_run(here: Path, summary: str, *args: str) -> t.Any:
    return run_vae(
        "validate",
        *args,
        "--as-of",
        AS_OF,
        "--format",
        "github",
        env={"GITHUB_STEP_SUMMARY": str(here / summary)},
    )


def test_the_job_summary_is_never_appended_to_a_plan(here: Path) -> None:
    before = (here / "plans" / "plan.yaml").read_bytes()
    run = summary_run(here, "plans/plan.yaml", "plans/plan.yaml")
    assert run.exit_code == 2, run
    assert run.stderr == (
        "vae: error: GITHUB_STEP_SUMMARY points at plans/plan.yaml, which is being checked: vae "
        "never appends its job summary to it; nothing was written\n"
        "  hint: leave GITHUB_STEP_SUMMARY to GitHub, which sets it to a file of its own for "
        "each step\n"
    )
    assert run.stdout == ""
    assert (here / "plans" / "plan.yaml").read_bytes() == before
    # Nor to a plan this run does not check.
    (here / "plans" / "other.yml").write_bytes(before)
    run = summary_run(here, "plans/other.yml", "plans/plan.yaml")
    assert run.exit_code == 2, run
    assert "points at plans/other.yml, a YAML file: vae never appends its job summary" in run.stderr
    assert (here / "plans" / "other.yml").read_bytes() == before


def test_the_job_summary_is_never_appended_to_a_file_being_checked(here: Path) -> None:
    """Whatever its name: a plan named on the command line, its referential, its .vae.yaml."""
    (here / "plan.txt").write_bytes(SMALL_TOWN.read_bytes())
    run = summary_run(here, "plan.txt", "plan.txt")
    assert run.exit_code == 2, run
    assert "points at plan.txt, which is being checked" in run.stderr
    assert (here / "plan.txt").read_bytes() == SMALL_TOWN.read_bytes()
    (here / "rules.cfg").write_text("rules:\n  over-budget: error\n", encoding="utf-8")
    run = summary_run(here, "rules.cfg", "plans/plan.yaml", "--config", "rules.cfg")
    assert run.exit_code == 2, run
    assert "points at rules.cfg, which is being checked" in run.stderr
    assert (here / "rules.cfg").read_text(encoding="utf-8") == "rules:\n  over-budget: error\n"


def test_the_job_summary_is_never_a_report_of_the_run(here: Path) -> None:
    run = summary_run(here, "vae.sarif", "plans/plan.yaml", "--report", "sarif:vae.sarif")
    assert run.exit_code == 2, run
    assert "points at vae.sarif, which is also the path of --report sarif:vae.sarif" in run.stderr
    assert not (here / "vae.sarif").exists()


def test_a_referential_being_checked_is_never_overwritten(here: Path) -> None:
    """A valid referential is read, not reported on: it is protected all the same."""
    referential = ROOT / "vae_cli" / "referentials" / "unicef-france-vae-2020-2026.yaml"
    (here / "ref.yaml").write_bytes(referential.read_bytes())
    run = validate("--referential", "ref.yaml", "--report", "json:ref.yaml")
    assert run.exit_code == 2, run
    assert "would overwrite ref.yaml, which is being checked" in run.stderr
    assert (here / "ref.yaml").read_bytes() == referential.read_bytes()
