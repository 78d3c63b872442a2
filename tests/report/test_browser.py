"""The HTML reports in a real headless Chromium (Debian's `chromium`, installed by .ci/run).

Without Chromium these tests skip, saying why; under CI (CI set) they fail instead, so a
missing browser can never pass for a green run. Screenshots and PDFs land in tests/artifacts/.
"""

from __future__ import annotations

import itertools
import os
import typing as t
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_vae
from tests.report.browser import Browser, find_chromium

ARTIFACTS = ROOT / "tests" / "artifacts"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser() -> t.Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("CI is set but no Chromium was found: .ci/run should install it")
        pytest.skip("no Chromium found (apt-get install chromium) - browser tests skipped")
    browser = Browser(executable)
    yield browser
    browser.close()


@pytest.fixture
def reports(report_plan: Path) -> dict[str, Path]:
    written = {}
    for kind in ("followup", "plan"):
        run = run_vae("report", report_plan, "--year", "2023", "--kind", kind, "--format", "html")
        assert run.exit_code == 0, run
        written[kind] = (Path("reports/villebourg") / f"2023-{kind}.html").resolve()
    return written


@pytest.mark.parametrize("kind", ["followup", "plan"])
def test_loads_without_error_or_request_prints_and_is_captured(
    browser: Browser, reports: dict[str, Path], kind: str
) -> None:
    page = reports[kind]
    browser.open(page)
    assert browser.errors() == []
    # Self-contained: the only request is the file itself (no font, image, script or style).
    assert browser.requests() == [page.as_uri()]
    assert browser.evaluate("document.documentElement.lang") == "fr"
    assert browser.evaluate("document.querySelectorAll('h1').length") == 1
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = browser.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    (ARTIFACTS / f"{kind}.pdf").write_bytes(pdf)
    png = browser.screenshot(full_page=True)
    assert png.startswith(b"\x89PNG")
    (ARTIFACTS / f"{kind}.png").write_bytes(png)


def test_headings_are_in_order_and_tables_have_scoped_headers(
    browser: Browser, reports: dict[str, Path]
) -> None:
    browser.open(reports["followup"])
    levels = browser.evaluate(
        "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])"
    )
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    unscoped = browser.evaluate("document.querySelectorAll('th:not([scope])').length")
    assert unscoped == 0


def test_every_chart_has_a_text_alternative(browser: Browser, reports: dict[str, Path]) -> None:
    browser.open(reports["followup"])
    charts = browser.evaluate(
        "[...document.querySelectorAll('svg')].map(s => [s.getAttribute('role'),"
        " s.querySelector('title').textContent, s.querySelector('desc').textContent])"
    )
    assert len(charts) == 5  # one per indicator of the test plan
    for role, title, desc in charts:
        assert role == "img" and title.startswith("Graphique")
        assert "Valeur de départ" in desc and "Cible" in desc


def test_reads_on_a_phone_without_sideways_scrolling(
    browser: Browser, reports: dict[str, Path]
) -> None:
    browser.open(reports["followup"], width=390, height=844)
    overflow = browser.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "followup-phone.png").write_bytes(browser.screenshot())
