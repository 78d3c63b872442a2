"""An installed wheel renders reports: templates and catalogs ship inside the package."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import Installed
from tests.report.conftest import REPORT_PLAN


@pytest.mark.slow
def test_installed_wheel_writes_the_reports_in_both_languages(
    installed_wheel: Installed, tmp_path: Path
) -> None:
    work = tmp_path / "city"
    work.mkdir()
    shutil.copy(REPORT_PLAN, work / "plan.yaml")
    for lang, title in (("fr", "suivi du plan d'action"), ("en", "follow-up of the action plan")):
        done = installed_wheel.run(
            "report", "plan.yaml", "--year", "2023", "--lang", lang, cwd=work
        )
        assert done.returncode == 0, done.stdout + done.stderr
        html = (work / "reports" / "plan" / f"2023-followup.{lang}.html").read_text(
            encoding="utf-8"
        )
        assert title in html and "<style>" in html
