"""The PDF of the Dijon plan's 2023 follow-up, as a council member would print it: page numbers,
a running title, a table of contents whose page numbers are right, no near-empty page, every
font embedded and every glyph drawn. Read back with poppler-utils (`pdftotext`, `pdffonts`),
which .ci/run installs; without them these tests skip, and under CI they fail.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
import shutil
import typing as t
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from tests.conftest import ROOT, run_vae
from tests.report.pdf_pages import Page, fonts, pages
from vae_cli.report import pdf

pytestmark = pytest.mark.slow
MM = 72 / 25.4
# The page margins of templates/_style.css (@page): running heads above, page numbers below.
TOP, BOTTOM = 17 * MM, 15 * MM


@pytest.fixture(scope="module")
def dijon_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("pdftotext") is None or shutil.which("pdffonts") is None:
        if os.environ.get("CI"):
            pytest.fail("CI is set but poppler-utils is missing: .ci/run should install it")
        pytest.skip("poppler-utils not installed (apt-get install poppler-utils)")
    out = tmp_path_factory.mktemp("pdf")
    plan = ROOT / "plans" / "dijon-2020.yaml"
    run = run_vae("report", plan, "--year", "2023", "--format", "pdf", "--output", out)
    assert run.exit_code == 0, run
    return out / "dijon-2020" / "2023-followup.fr.pdf"


@pytest.fixture(scope="module")
def sheets(dijon_pdf: Path) -> list[Page]:
    return pages(dijon_pdf)


def test_every_page_says_its_number_and_the_report_it_belongs_to(sheets: list[Page]) -> None:
    total = len(sheets)
    assert 10 <= total <= 30
    for page in sheets:
        assert page.text.endswith(f"page {page.number} / {total}"), page.text[-60:]
        if page.number > 1:  # the first page carries the title itself
            assert page.text.startswith("Dijon — suivi du plan d'action, 2023"), page.text[:80]


def test_the_table_of_contents_gives_the_page_of_each_section(sheets: list[Page]) -> None:
    first = sheets[0].text
    assert "Sommaire" in first
    entries = {
        "L'essentiel": "L'essentiel",
        "Les obligations du réseau": "Obligations",
        "Engagement 1 : Le bien-être de chaque enfant et chaque jeune": (
            "Engagement 1 : Le bien-être de chaque enfant et chaque jeune"
        ),
        "Engagement 5 : Le partenariat avec UNICEF France": (
            "Engagement 5 : Le partenariat avec UNICEF France"
        ),
        "Par direction pilote": "Par direction pilote",
        "Méthode": "Méthode",
    }
    for heading, entry in entries.items():
        # The entry, its dotted leader (no words), then its page number.
        found = re.search(re.escape(entry) + r"[ .]*?(\d+)\b", first)
        assert found, entry
        page = sheets[int(found.group(1)) - 1]
        assert heading in page.text, (entry, found.group(1))


def _assert_no_near_empty_page(pdf_path: Path, starts: tuple[str, ...]) -> None:
    content = pages(pdf_path, top_margin=TOP, bottom_margin=BOTTOM)
    for page, following in itertools.pairwise(content):
        fill = (page.bottom - TOP) / (page.height - TOP - BOTTOM)
        if not following.text.startswith(starts):
            assert fill >= 0.25, f"page {page.number} is {fill:.0%} full: {page.text[:80]}"


def test_no_page_is_near_empty_but_the_last_of_a_section(dijon_pdf: Path) -> None:
    """Each page but the last of a section (the page before a new section starts on its own
    page, and the very last) is at least a quarter full."""
    _assert_no_near_empty_page(dijon_pdf, ("Engagement ", "Par direction pilote"))


def test_the_plan_document_has_no_near_empty_page_either(dijon_pdf: Path, tmp_path: Path) -> None:
    """The same for the plan document (`dijon_pdf` only for its check that poppler is here)."""
    plan = ROOT / "plans" / "dijon-2020.yaml"
    run = run_vae("report", plan, "--kind", "plan", "--format", "pdf", "--output", tmp_path)
    assert run.exit_code == 0, run
    document = tmp_path / "dijon-2020" / "plan.fr.pdf"
    _assert_no_near_empty_page(document, ("Engagement ", "Couverture des obligations"))
    assert all(p.text.endswith(f"/ {len(pages(document))}") for p in pages(document))


def test_every_font_is_embedded_and_is_one_vae_ships(dijon_pdf: Path) -> None:
    used = fonts(dijon_pdf)
    assert used and all(f.embedded for f in used), used
    # A subset's name is a tag, "+", and the family WeasyPrint was asked for.
    families = {f.name.split("+", 1)[1].split("-")[0] for f in used}
    assert families <= {"vae"}, used


def test_the_shipped_fonts_carry_every_character_the_report_uses(
    tmp_path: Path,
) -> None:
    """Every character of the Dijon follow-up's HTML (its text and its symbols, ⏸ included:
    what `pdf.write_pdf` lays out) is in one of the fonts vae ships, so none falls back to the
    machine's fonts or shows as an empty box."""
    plan = ROOT / "plans" / "dijon-2020.yaml"
    for lang in ("fr", "en"):
        run = run_vae("report", plan, "--year", "2023", "--format", "html", "--lang", lang,
                      "--output", tmp_path)  # fmt: skip
        assert run.exit_code == 0, run
    text = "".join(p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.html"))
    labels = (ROOT / "templates" / "_labels.jinja").read_text(encoding="utf-8")
    covered: set[int] = set()
    for path in pdf.font_files():
        covered |= set(TTFont(path).getBestCmap())
    missing = sorted({c for c in text + labels if ord(c) > 0x20 and ord(c) not in covered})
    # U+2060 (word joiner) and the like draw nothing; a font need not map them.
    assert [c for c in missing if not c.isspace() and c not in "\u2060\ufeff"] == []


def test_what_the_pdf_says_can_be_copied_as_text(sheets: list[Page]) -> None:
    everything = " ".join(p.text for p in sheets)
    assert "1 882 000 €" in everything.replace("\u202f", " ").replace("\u00a0", " ")
    assert "✔ Réalisée" in everything  # a symbol and its word, both real text


def test_a_template_asking_for_a_file_is_refused(report_plan: Path, tmp_path: Path) -> None:
    """A city's template that names an image or a style sheet by URL would make the PDF read a
    file of the machine (or the network): refused, with nothing written."""
    mine = tmp_path / "mine"
    mine.mkdir()
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not for the council")
    (mine / "followup.html").write_text(
        f'<!DOCTYPE html><html><body><img src="{secret.as_uri()}"></body></html>',
        encoding="utf-8",
    )
    run = run_vae("report", report_plan, "--year", "2023", "--format", "pdf",
                  "--template-dir", mine)  # fmt: skip
    assert run.exit_code == 2, run
    assert "asks for" in run.stderr and "secret.png" in run.stderr
    assert not Path("reports/villebourg/2023-followup.fr.pdf").exists()


def _without_pango(monkeypatch: pytest.MonkeyPatch) -> None:
    """WeasyPrint as it behaves where Pango is not installed: its import raises OSError."""

    def import_fails() -> t.NoReturn:
        raise OSError("cannot load library 'libpango-1.0-0': no such file")

    monkeypatch.setattr(pdf, "_import_weasyprint", import_fails)
    pdf._weasyprint.cache_clear()
    # The next test imports the real one again.
    monkeypatch.setattr(pdf, "_weasyprint", functools.cache(pdf._weasyprint.__wrapped__))


def test_without_pango_a_pdf_asked_for_is_a_usage_error_and_nothing_is_written(
    report_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _without_pango(monkeypatch)
    run = run_vae("report", report_plan, "--year", "2023", "--format", "pdf", "--lang", "en")
    assert run.exit_code == 2, run
    assert "cannot write a PDF: cannot load library 'libpango-1.0-0'" in run.stderr
    assert "apt-get install libpango" in run.stderr
    assert not Path("reports").exists()


def test_without_pango_the_default_writes_markdown_and_html_and_says_why_no_pdf(
    report_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--format all` is the default and what `make run` asks: a machine without Pango still
    gets the Markdown and HTML reports, and is told why there is no PDF."""
    _without_pango(monkeypatch)
    run = run_vae("report", report_plan, "--year", "2023", env={"VAE_LANG": "fr"})
    assert run.exit_code == 0, run
    assert run.stderr.splitlines()[0] == (
        "vae\u00a0: pas de PDF écrit\u00a0: impossible d'écrire un PDF\u00a0: "
        "cannot load library 'libpango-1.0-0': no such file"
    )
    assert "apt-get install libpango" in run.stderr
    written = sorted(p.name for p in Path("reports/villebourg").iterdir())
    assert written == ["2023-followup.fr.html", "2023-followup.fr.md"]


def test_the_pause_symbol_is_drawn_from_a_font_vae_embeds(dijon_pdf: Path, tmp_path: Path) -> None:
    """The ⏸ of « En pause » (an action of the Dijon plan is paused in 2025) is in no common
    Linux text font: the PDF draws it from the Noto Sans Symbols 2 that vae ships, and a reader
    copying the text gets the symbol back."""
    plan = ROOT / "plans" / "dijon-2020.yaml"
    run = run_vae("report", plan, "--year", "2025", "--format", "pdf", "--output", tmp_path)
    assert run.exit_code == 0, run
    document = tmp_path / "dijon-2020" / "2025-followup.fr.pdf"
    assert "⏸ En pause" in " ".join(p.text for p in pages(document))
    symbols = [f for f in fonts(document) if "vae-symbols-2" in f.name]
    assert symbols and all(f.embedded for f in symbols)
