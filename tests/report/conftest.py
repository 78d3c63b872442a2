"""Report tests: golden files, refreshed only with `pytest --update-goldens` (then review the
diff; the option is defined in tests/conftest.py, so it works from the repository's root), and a
fixed plan whose every case the reports must show."""

from __future__ import annotations

import shutil
import typing as t
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
GOLDENS = HERE / "goldens"
REPORT_PLAN = HERE / "villebourg.yaml"


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> t.Callable[[str, str], None]:
    """Compare `text` with goldens/NAME, or rewrite it under --update-goldens."""
    update = bool(request.config.getoption("--update-goldens"))

    def check(name: str, text: str) -> None:
        path = GOLDENS / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="")
            return
        assert path.exists(), f"no golden file {name}: run pytest --update-goldens"
        expected = path.read_text(encoding="utf-8")
        assert text == expected, f"{name} differs: run pytest --update-goldens and review the diff"

    return check


@pytest.fixture
def report_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixed plan, copied outside git (so no commit hash lands in the report), with the
    working directory set beside it (so paths in the report are short and stable)."""
    plan = tmp_path / "villebourg.yaml"
    shutil.copy(REPORT_PLAN, plan)
    monkeypatch.chdir(tmp_path)
    return plan
