"""Each kind × format × language of the fixed plan's 2023 report, byte for byte.

A change to a template, the catalog or the report data shows up here as a diff of the golden
files: refresh them with `pytest --update-goldens` and review that diff like code.
"""

from __future__ import annotations

import subprocess
import sys
import typing as t
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_vae


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("kind", ["followup", "plan", "children"])
def test_report_matches_its_golden_files(
    report_plan: Path, golden: t.Callable[[str, str], None], kind: str, lang: str
) -> None:
    name = "plan" if kind == "plan" else f"2023-{kind}"
    for ext in ("md", "html"):  # one run each: cheaper than the PDF that `all` also writes
        run = run_vae(
            "report", report_plan, "--year", "2023", "--kind", kind, "--lang", lang,
            "--format", ext,
        )  # fmt: skip
        assert run.exit_code == 0, run
        written = Path("reports") / "villebourg" / f"{name}.{lang}.{ext}"
        # What vae says on the terminal speaks --lang too.
        said = f"{written} écrit" if lang == "fr" else f"wrote {written}"
        assert run.stdout == f"{said}\n"
        golden(f"{kind}-{lang}.{ext}", written.read_text(encoding="utf-8"))


def test_the_same_plan_gives_the_same_bytes(report_plan: Path) -> None:
    run_vae("report", report_plan, "--year", "2023", "--output", "a")
    run_vae("report", report_plan, "--year", "2023", "--output", "b")
    for ext in ("md", "html", "pdf"):
        first = Path("a", "villebourg", f"2023-followup.fr.{ext}").read_bytes()
        assert first == Path("b", "villebourg", f"2023-followup.fr.{ext}").read_bytes()


def test_update_goldens_works_from_the_repository_root() -> None:
    """The golden tests say to run `pytest --update-goldens`: pytest knows the option from the
    repository's root, also for a run that starts outside tests/report/ (nothing is rewritten:
    this only collects)."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--update-goldens", "--collect-only", "-q",
         "-p", "no:cacheprovider", "tests/test_cli.py::test_version"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "tests/test_cli.py::test_version" in done.stdout
