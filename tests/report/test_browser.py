"""The HTML reports in a real headless Chromium (Debian's `chromium`, installed by .ci/run).

Without Chromium these tests skip, saying why; under CI (CI set) they fail instead, so a
missing browser can never pass for a green run. Screenshots and PDFs land in tests/artifacts/.
"""

from __future__ import annotations

import itertools
import os
import re
import typing as t
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_vae
from tests.report.browser import Browser, find_chromium, serious_violations

ARTIFACTS = ROOT / "tests" / "artifacts"
DIJON = ROOT / "plans" / "dijon-2020.yaml"
# axe-core, the accessibility engine, installed from npm by .ci/run (see docs/report.md).
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
    for kind in ("followup", "plan", "children"):
        run = run_vae("report", report_plan, "--year", "2023", "--kind", kind, "--format", "html")
        assert run.exit_code == 0, run
        name = "plan.fr.html" if kind == "plan" else f"2023-{kind}.fr.html"
        written[kind] = (Path("reports/villebourg") / name).resolve()
    return written


@pytest.mark.parametrize("kind", ["followup", "plan", "children"])
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


# Paragraphs and list items whose text contrasts less than 4.5:1 with the background behind
# them (WCAG 2 AA for body text), from their computed colours.
CONTRAST = """(() => {
  const rgb = c => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = el => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c;
    }
    return [255, 255, 255];
  };
  const found = [];
  for (const el of document.querySelectorAll('p, li, h1, h2, h3')) {
    const a = lum(rgb(getComputedStyle(el).color)), b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const text = el.textContent.trim().slice(0, 30);
    if (ratio < 4.5) found.push(`${el.tagName} "${text}" ${ratio.toFixed(2)}`);
  }
  return found;
})()"""


# What a reader of a phone would miss: any table cell, heading or paragraph reaching past the
# screen's edge, a box that scrolls sideways (a table in an `overflow-x: auto` wrapper keeps the
# page itself from scrolling, which is why checking the page's width alone let cut-off columns
# through), and chart text outside its SVG's viewBox (clipped at the edge). Elements inside a
# visually hidden box (a stacked table's column headers) are not on screen, so they do not count.
OFF_SCREEN = """(() => {
  const hidden = el => el.closest('thead') !== null
    && getComputedStyle(el.closest('thead')).position === 'absolute';
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    if (hidden(el) || el.closest('svg')) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5)) {
      const text = el.textContent.trim().slice(0, 40);
      found.push(`${el.tagName.toLowerCase()} "${text}" ends at ${Math.round(r.right)}`);
    }
    const style = getComputedStyle(el);
    if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      found.push(`${el.tagName.toLowerCase()}.${el.className} scrolls sideways`);
    }
  }
  for (const text of document.querySelectorAll('svg text')) {
    const box = text.getBBox();
    const view = text.ownerSVGElement.viewBox.baseVal;
    if (box.x < view.x || box.x + box.width > view.x + view.width
        || box.y < view.y || box.y + box.height > view.y + view.height) {
      found.push(`chart label "${text.textContent}" outside the chart`);
    }
  }
  return found;
})()"""


@pytest.mark.parametrize("kind", ["followup", "plan", "children"])
def test_reads_on_a_phone_without_sideways_scrolling(
    browser: Browser, reports: dict[str, Path], kind: str
) -> None:
    browser.open(reports[kind], width=400, height=844)
    overflow = browser.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert browser.evaluate(OFF_SCREEN) == []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{kind}-phone.png").write_bytes(browser.screenshot())


def test_the_childrens_edition_is_large_contrasted_and_short_in_print(
    browser: Browser, reports: dict[str, Path]
) -> None:
    """Children read it on a phone: body text of 16 px at least, headings in order, dark text
    on white (contrast AA, 4.5:1, for every paragraph and item), and two to four A4 pages."""
    browser.open(reports["children"], width=400, height=844)
    sizes = browser.evaluate(
        "[...document.querySelectorAll('main p, main li')]"
        ".map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert sizes and min(sizes) >= 16, sizes
    levels = browser.evaluate(
        "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])"
    )
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    assert browser.evaluate(CONTRAST) == []
    # The Dijon sample, every action told, prints on two to four A4 pages.
    out = Path("dijon-children").resolve()
    run = run_vae("report", DIJON, "--year", "2025", "--kind", "enfants", "-f", "html", "-o", out)
    assert run.exit_code == 0, run
    browser.open(out / "dijon-2020" / "2025-children.fr.html")
    assert browser.errors() == [] and browser.evaluate(CONTRAST) == []
    pdf = browser.pdf()
    (ARTIFACTS / "children-dijon.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 2 <= pages <= 4, pages


def test_the_childrens_edition_has_no_serious_accessibility_violation(
    browser: Browser, reports: dict[str, Path]
) -> None:
    """axe-core's WCAG 2 A and AA rules, run inside the page (its script handed to the page
    over DevTools, so the page itself still loads nothing): no serious or critical violation,
    on a phone and on a wide screen."""
    for width in (400, 1100):
        assert serious_violations(browser, reports["children"], width=width) == [], width


def test_every_column_of_a_table_is_on_a_phone_screen_with_its_name(
    browser: Browser, reports: dict[str, Path]
) -> None:
    """On a phone each row of the follow-up's tables is a card: every cell shows, under the name
    of its column, within the screen; the table keeps its headers for screen readers."""
    browser.open(reports["followup"], width=400, height=844)
    cells = browser.evaluate(
        "[...document.querySelectorAll('#commitment-1 tbody td')].map(td => {"
        " const r = td.getBoundingClientRect();"
        " return [getComputedStyle(td, '::before').content, td.textContent.trim(),"
        " r.left >= 0 && r.right <= window.innerWidth]; })"
    )
    labels = [label for label, _, _ in cells]
    assert '"Dépensé en 2023"' in labels and '"Dépensé à date / budget"' in labels
    assert all(visible for _, _, visible in cells), cells
    assert browser.evaluate("document.querySelectorAll('#obligations th[scope=col]').length") == 4
    covered = browser.evaluate(
        "[...document.querySelectorAll('#obligations td[data-label=\"Couverte\"]')]"
        ".map(td => td.getBoundingClientRect().right <= window.innerWidth)"
    )
    assert covered and all(covered)
    # On a wide screen the same tables are tables again, their headers shown.
    browser.open(reports["followup"], width=1100, height=1400)
    assert browser.evaluate(
        "getComputedStyle(document.querySelector('table.stack tr')).display"
    ) == ("table-row")


@pytest.mark.parametrize("width", [400, 1100])
def test_chart_labels_are_at_least_12_px_and_the_axis_names_its_unit(
    browser: Browser, reports: dict[str, Path], width: int
) -> None:
    browser.open(reports["followup"], width=width, height=1400)
    sizes = browser.evaluate(
        "[...document.querySelectorAll('svg.chart text')].map(t =>"
        " t.getScreenCTM().a * parseFloat(getComputedStyle(t).fontSize))"
    )
    assert sizes and min(sizes) >= 12, min(sizes)
    units = browser.evaluate(
        "[...document.querySelectorAll('svg.chart text.unit')].map(t => t.textContent)"
    )
    assert len(units) == 5 and all(units), units
