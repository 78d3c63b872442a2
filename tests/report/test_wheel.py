"""An installed wheel renders reports: templates and catalogs ship inside the package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.report.conftest import REPORT_PLAN


@pytest.mark.slow
def test_installed_wheel_writes_the_reports_in_both_languages(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, ROOT],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    subprocess.run(
        [venv / "bin" / "python", "-m", "pip", "install", "-q", wheel],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "city"
    work.mkdir()
    shutil.copy(REPORT_PLAN, work / "plan.yaml")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    for lang, title in (("fr", "suivi du plan d'action"), ("en", "follow-up of the action plan")):
        done = subprocess.run(
            [venv / "bin" / "vae", "report", "plan.yaml", "--year", "2023", "--lang", lang],
            cwd=work,
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        html = (work / "reports" / "plan" / "2023-followup.html").read_text(encoding="utf-8")
        assert title in html and "<style>" in html
