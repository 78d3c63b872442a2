"""The Jinja environment is built once per language and template folder: reports rendered one
after the other in the same process keep their own language and their own templates."""

from __future__ import annotations

import os
import typing as t
from pathlib import Path

import pytest

from tests.conftest import run_vae
from vae_cli.report import isolated

FOLLOWUP = Path("reports/villebourg/2023-followup.fr.md")


def _followup(plan: Path, *args: str | Path) -> str:
    run = run_vae("report", plan, "--year", "2023", "--format", "md", *args)
    assert run.exit_code == 0, run
    lang = "en" if "en" in args else "fr"
    return FOLLOWUP.with_name(f"2023-followup.{lang}.md").read_text(encoding="utf-8")


def test_each_language_keeps_its_own_labels(report_plan: Path) -> None:
    for _ in range(2):
        assert "# Villebourg — suivi du plan d'action, 2023" in _followup(report_plan)
        assert "# Villebourg — follow-up of the action plan, 2023" in _followup(
            report_plan, "--lang", "en"
        )


@pytest.fixture(params=["child process", "in process"])
def where(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A city's templates render in a child process, or in vae's own where there is no fork
    (Windows): there the cached environment keeps what it compiled."""
    if request.param == "in process":
        monkeypatch.setattr(isolated, "run", lambda work, **_: t.cast(t.Callable[[], str], work)())


@pytest.mark.usefixtures("where")
def test_a_citys_templates_serve_only_the_runs_that_name_them(
    report_plan: Path, tmp_path: Path
) -> None:
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    for folder in (mine, theirs):
        folder.mkdir()
        (folder / "followup.md").write_text(f"{folder.name}: {{{{ report.year }}}}\n", "utf-8")
    assert _followup(report_plan, "--template-dir", mine).endswith("mine: 2023\n")
    assert _followup(report_plan, "--template-dir", theirs).endswith("theirs: 2023\n")
    assert "suivi du plan d'action" in _followup(report_plan)


@pytest.mark.usefixtures("where")
def test_a_template_edited_between_two_runs_is_read_again(
    report_plan: Path, tmp_path: Path
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    template = mine / "followup.md"
    template.write_text("first\n", encoding="utf-8")
    assert _followup(report_plan, "--template-dir", mine).endswith("first\n")
    template.write_text("second\n", encoding="utf-8")
    later = template.stat().st_mtime + 5  # the same second would look unchanged
    os.utime(template, (later, later))
    assert _followup(report_plan, "--template-dir", mine).endswith("second\n")
