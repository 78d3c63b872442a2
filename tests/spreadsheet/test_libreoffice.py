"""What `vae export` writes, opened by LibreOffice itself (Debian's `libreoffice-calc-nogui`,
installed by .ci/run), headless: read to CSV, and saved again as a person who opened it would,
then imported.

Without LibreOffice these tests skip, saying why; under CI (CI set) they fail instead. Each
conversion starts LibreOffice (a few seconds), so they are few. Headless LibreOffice has no
window, so it neither reads nor writes a view's settings: the frozen header row is checked on
what vae writes (test_export.py), not after a re-save.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from odf import table
from odf.opendocument import load
from openpyxl import load_workbook

from tests.conftest import run_vae
from tests.spreadsheet.sheets import added_lines, column_of, dijon_repository, fill_ods, row_of
from vae_cli.spreadsheet.reading import read_book

pytestmark = pytest.mark.slow
PLAN = "plans/dijon-2020.yaml"


@pytest.fixture
def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI is set but LibreOffice was not found: .ci/run should install it")
        pytest.skip("no LibreOffice (apt-get install libreoffice-calc-nogui): tests skipped")
    return found


def _convert(soffice: str, source: Path, to: str, folder: Path) -> None:
    """LibreOffice opens `source` and saves it in the format `to` into `folder`, with a
    profile of its own (two tests at once must not share one)."""
    profile = folder.parent / f"profile-{folder.name}"
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            to,
            "--outdir",
            str(folder),
            str(source),
        ],
        capture_output=True,
        text=True,
        errors="replace",  # it names files in the machine's locale
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_libreoffice_reads_typed_cells_euros_and_words(soffice: str, tmp_path: Path) -> None:
    repo = dijon_repository(tmp_path / "repo")
    exported = repo / "suivi-2025.ods"
    assert run_vae("export", repo / PLAN, "--year", "2025", "-o", exported).exit_code == 0
    # As shown: each cell as LibreOffice formats it; every sheet to a file of its own.
    options = "44,34,76,1,,0,false,true,true,false,false,-1"
    _convert(soffice, exported, f"csv:Text - txt - csv (StarCalc):{options}", tmp_path / "csv")
    actions = (tmp_path / "csv" / "suivi-2025-Actions.csv").read_text(encoding="utf-8")
    row = next(line for line in actions.splitlines() if line.startswith("rues-aux-ecoles,"))
    # The budget is a number LibreOffice shows as euros, the French way (with no-break spaces).
    spaced = row.replace("\u00a0", " ").replace("\u202f", " ")
    assert '"450 000,00 €",En retard,"40 000,00 €",En cours,"70 000,00 €"' in spaced
    assert "\u00a0" in row
    indicators = (tmp_path / "csv" / "suivi-2025-Indicateurs.csv").read_text(encoding="utf-8")
    assert ",à la hausse,2020,320,2026,600,,380,450,510,565,610,," in indicators  # years plain


def test_filled_saved_by_libreoffice_as_ods_and_xlsx_then_imported(
    soffice: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = dijon_repository(tmp_path / "repo")
    monkeypatch.chdir(repo)
    run = run_vae("export", PLAN, "--year", "2026", "--blank", "--by-lead", "--output", "suivi")
    assert run.exit_code == 0, run
    sports, education = (
        Path("suivi/direction-des-sports.ods"),
        Path("suivi/direction-de-l-education.ods"),
    )
    status = column_of(sports, "Actions", "Statut 2026")
    spent = column_of(sports, "Actions", "Dépensé 2026 (€)")
    value = column_of(education, "Indicateurs", "Valeur 2026")
    fill_ods(
        sports,
        {
            ("Actions", f"{status}{row_of(sports, 'Actions', 'filles-loisirs-sport')}"): "En cours",
            # Typed in a cell formatted as text, the French way.
            ("Actions", f"{spent}{row_of(sports, 'Actions', 'filles-loisirs-sport')}"): "8 500 €",
        },
    )
    place = row_of(education, "Indicateurs", "places-accompagnement-scolarite")
    fill_ods(education, {("Indicateurs", f"{value}{place}"): 47.5})

    saved = repo / "saved"
    _convert(soffice, repo / sports, "ods", saved)  # kept as OpenDocument...
    _convert(soffice, repo / education, "xlsx", saved)  # ...and saved for Excel

    # What LibreOffice kept: the properties, the drop-down list, the protection.
    ods = load(str(saved / "direction-des-sports.ods"))
    (validation,) = ods.spreadsheet.getElementsByType(table.ContentValidation)
    assert "En cours" in validation.getAttribute("condition")
    assert {
        g.getAttribute("protected") for g in ods.spreadsheet.getElementsByType(table.Table)
    } == {"true"}
    xlsx = load_workbook(saved / "direction-de-l-education.xlsx")
    ws = xlsx["Indicateurs"]
    assert ws.protection.sheet
    assert not ws[f"{value}{place}"].protection.locked and ws[f"A{place}"].protection.locked
    (listed,) = xlsx["Actions"].data_validations.dataValidation
    assert listed.formula1 == '"À venir,En cours,Réalisée,En retard,En pause,Abandonnée"'
    book = read_book(saved / "direction-de-l-education.xlsx", "en")
    assert book.properties["vae-plan"] == "21231/2020-2026"

    files = ["saved/direction-des-sports.ods", "saved/direction-de-l-education.xlsx"]
    run = run_vae("import", *files, PLAN, "--as-of", "2026")
    assert run.exit_code == 0, run
    assert added_lines(repo) == [
        "      - {year: 2026, status: in_progress, spent_eur: 8500}",
        "          - {year: 2026, value: 47.5}",
    ]
    again = run_vae("import", *files, PLAN, "--as-of", "2026")
    assert again.stdout == f"{PLAN}: recorded 0 entries of 2026 (2 already held these values)\n"
