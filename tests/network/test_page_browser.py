"""The network report's page in a real headless Chromium, as the follow-up's is
(tests/report/test_browser.py, whose browser and checks these reuse): nothing fetched, no
console error, a phone's screen without sideways scrolling, A4 print, and axe-core's audit.

Without Chromium these tests skip, saying why; under CI (CI set) they fail instead.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from tests.network import report_fixtures as fx
from tests.report.browser import Browser, serious_violations
from tests.report.test_browser import ARTIFACTS, OFF_SCREEN, browser
from vae_cli.network.page import html

pytestmark = pytest.mark.slow
__all__ = ["browser"]  # the module-scoped fixture, shared with the follow-up's tests


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The page in French and English, by département, and in French for the network only."""
    folder = tmp_path_factory.mktemp("network-page")
    written = {}
    for name, report in (
        ("fr", fx.network(by_department=True)),
        ("en", fx.network(lang="en", by_department=True)),
        ("fr-network", fx.network()),
    ):
        path = folder / f"network-{name}.html"
        path.write_text(html(report), encoding="utf-8")
        written[name] = path
    return written


@pytest.mark.parametrize("name", ["fr", "en", "fr-network"])
def test_loads_alone_without_error_with_its_language(
    browser: Browser, pages: dict[str, Path], name: str
) -> None:
    page = pages[name]
    browser.open(page)
    assert browser.errors() == []
    assert browser.requests() == [page.as_uri()]  # no font, image, script or style fetched
    assert browser.evaluate("document.documentElement.lang") == name[:2]
    assert browser.evaluate("document.querySelectorAll('h1').length") == 1
    # What the hostile plan text tried to do, it did not: no script ran, no image loaded.
    assert browser.evaluate("document.querySelectorAll('script, img').length") == 0


def test_headings_are_in_order_and_every_header_cell_is_scoped(
    browser: Browser, pages: dict[str, Path]
) -> None:
    browser.open(pages["fr"])
    levels = browser.evaluate(
        "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])"
    )
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    assert browser.evaluate("document.querySelectorAll('th:not([scope])').length") == 0
    # Every link of the table of contents leads somewhere on the page.
    targets = browser.evaluate(
        "[...document.querySelectorAll('nav a')].map(a => a.getAttribute('href').slice(1))"
        ".filter(id => !document.getElementById(id))"
    )
    assert targets == []


@pytest.mark.parametrize("name", ["fr", "en"])
def test_reads_on_a_375_px_phone_without_sideways_scrolling(
    browser: Browser, pages: dict[str, Path], name: str
) -> None:
    browser.open(pages[name], width=375, height=812)
    assert browser.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert browser.evaluate(OFF_SCREEN) == []
    # The cities' table is one card per plan, each cell under its column's name.
    labels = browser.evaluate(
        "[...document.querySelectorAll('#dep-21-cities tbody tr:first-child td')]"
        ".map(td => getComputedStyle(td, '::before').content)"
    )
    expected = '"Validité"' if name == "fr" else '"Validity"'
    assert expected in labels
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"network-{name}-phone.png").write_bytes(browser.screenshot())


def test_prints_on_a4_with_headers_repeated_and_rows_whole(
    browser: Browser, pages: dict[str, Path]
) -> None:
    browser.open(pages["fr"])
    browser.send("Emulation.setEmulatedMedia", session=True, media="print")
    try:
        styles = browser.evaluate(
            "(() => { const t = document.querySelector('table.cities');"
            " return [getComputedStyle(t.tHead).display,"
            " getComputedStyle(t.tBodies[0].rows[0]).breakInside,"
            " getComputedStyle(document.querySelector('#dep-71')).breakBefore]; })()"
        )
    finally:
        browser.send("Emulation.setEmulatedMedia", session=True, media="")
    assert styles == ["table-header-group", "avoid", "page"]
    pdf = browser.pdf()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "network.pdf").write_bytes(pdf)
    pages_printed = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    # Six plans in two départements: the network, then a page break before each département.
    assert 3 <= pages_printed <= 15, pages_printed


def test_has_no_serious_accessibility_violation(browser: Browser, pages: dict[str, Path]) -> None:
    """axe-core's WCAG 2 A and AA rules, handed to the page over DevTools (the page itself
    still loads nothing), on a phone and on a wide screen."""
    for width in (375, 1100):
        assert serious_violations(browser, pages["fr"], width=width) == [], width
