"""`vae export`: what a department finds in the file, read back through the libraries."""

from __future__ import annotations

from pathlib import Path

import pytest
from odf import table
from odf.opendocument import load
from openpyxl import load_workbook

from tests.conftest import run_vae
from tests.spreadsheet.sheets import DIJON, column_of, row_of
from vae_cli.spreadsheet.reading import read_book

LEADS = 12  # lead departments of the Dijon plan


def test_xlsx_has_typed_cells_a_frozen_header_a_status_list_and_protection(
    tmp_path: Path,
) -> None:
    out = tmp_path / "suivi.xlsx"
    run = run_vae("export", DIJON, "--year", "2025", "--output", out)
    assert run.exit_code == 0, run
    assert run.stdout == f"wrote {out}\n"
    book = load_workbook(out)
    assert book.sheetnames == ["Actions", "Indicateurs", "Obligations", "Adhésion et consultation"]
    ws = book["Actions"]
    assert ws.freeze_panes == "A2"
    headers = [c.value for c in ws[1]]
    assert headers[:3] == ["Identifiant de l'action", "Intitulé", "Engagement"]
    assert headers[-3:] == ["Statut 2025", "Dépensé 2025 (€)", "Commentaire 2025"]
    row = row_of(out, "Actions", "rues-aux-ecoles")
    budget = ws[f"G{row}"]
    assert budget.value == 450000 and "€" in budget.number_format  # a number, shown as euros
    assert ws[f"J{row}"].value == "En cours"  # the plan's in_progress, in French
    assert ws.protection.sheet and not ws.protection.sort  # protected, sorting still allowed
    assert ws[f"A{row}"].protection.locked
    assert not ws[f"J{row}"].protection.locked and not ws[f"L{row}"].protection.locked
    assert ws[f"J{row}"].fill.fgColor.rgb.endswith("FFF2CC")  # marked for filling in
    (validation,) = ws.data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"À venir,En cours,Réalisée,En retard,En pause,Abandonnée"'
    assert str(validation.sqref) == f"J2:J{ws.max_row}"
    props = {p.name: p.value for p in book.custom_doc_props.props}
    assert props["vae-plan"] == "21231/2020-2026" and props["vae-year"] == "2025"
    assert ws.column_dimensions["B"].width > ws.column_dimensions["C"].width  # widths fit
    indicators = book["Indicateurs"]
    assert indicators["F2"].value == 2020 and indicators["F2"].number_format == "0"


def test_ods_has_typed_cells_a_status_list_protection_and_properties(tmp_path: Path) -> None:
    out = tmp_path / "suivi.ods"
    assert run_vae("export", DIJON, "--year", "2025", "--output", out).exit_code == 0
    doc = load(str(out))
    grids = {g.getAttribute("name"): g for g in doc.spreadsheet.getElementsByType(table.Table)}
    actions = grids["Actions"]
    assert actions.getAttribute("protected") == "true"
    row = row_of(out, "Actions", "rues-aux-ecoles")
    cells = list(actions.getElementsByType(table.TableRow)[row - 1].childNodes)
    budget, status = cells[6], cells[9]
    assert budget.getAttribute("valuetype") == "currency"
    assert budget.getAttribute("currency") == "EUR" and budget.getAttribute("value") == "450000"
    assert status.getAttribute("contentvalidationname") == "status"
    (validation,) = doc.spreadsheet.getElementsByType(table.ContentValidation)
    assert validation.getAttribute("condition").startswith(
        'of:cell-content-is-in-list("À venir";"En cours";"Réalisée"'
    )
    styles = {
        s.getAttribute("name"): s for s in doc.automaticstyles.childNodes if s.qname[1] == "style"
    }
    protect = {
        name: next(p for p in s.childNodes if p.qname[1] == "table-cell-properties").getAttribute(
            "cellprotect"
        )
        for name, s in styles.items()
        if s.getAttribute("family") == "table-cell"
    }
    assert protect[status.getAttribute("stylename")] == "none"
    assert protect[cells[0].getAttribute("stylename")] == "protected"
    book = read_book(out, "en")
    assert book.properties["vae-plan"] == "21231/2020-2026"
    assert book.properties["vae-lang"] == "fr"


def test_english_sheets_with_lang_en(tmp_path: Path) -> None:
    out = tmp_path / "suivi.xlsx"
    assert run_vae("export", DIJON, "--year", "2025", "--lang", "en", "-o", out).exit_code == 0
    book = load_workbook(out)
    assert book.sheetnames == [
        "Actions",
        "Indicators",
        "Obligations",
        "Membership and consultation",
    ]
    assert book["Actions"]["J1"].value == "Status 2025"
    assert book["Actions"][f"J{row_of(out, 'Actions', 'rues-aux-ecoles')}"].value == "In progress"


def test_blank_by_lead_writes_one_file_per_department_with_only_its_actions(
    tmp_path: Path,
) -> None:
    out = tmp_path / "suivi"
    run = run_vae("export", DIJON, "--year", "2026", "--blank", "--by-lead", "--output", out)
    assert run.exit_code == 0, run
    files = sorted(out.glob("*.ods"))
    assert len(files) == LEADS
    education = out / "direction-de-l-education.ods"
    book = read_book(education, "en")
    assert [s.name for s in book.sheets] == ["Actions", "Indicateurs"]
    assert book.properties["vae-lead"] == "Direction de l'éducation"
    actions = book.sheets[0].rows
    assert {row[4] for row in actions[1:]} == {"Direction de l'éducation"}
    year = actions[0].index("Statut 2026")
    assert all(len(row) <= year or row[year] is None for row in actions[1:])  # left blank
    indicators = book.sheets[1].rows
    column = indicators[0].index("Valeur 2026")
    assert all(len(row) <= column or row[column] is None for row in indicators[1:])
    assert column_of(education, "Indicateurs", "Valeur 2026") == "P"


def test_csv_writes_one_file_per_sheet_with_the_plan_s_values(tmp_path: Path) -> None:
    out = tmp_path / "suivi.csv"
    assert run_vae("export", DIJON, "--year", "2025", "--output", out).exit_code == 0
    names = sorted(p.name for p in tmp_path.glob("*.csv"))
    assert names == [
        "suivi-actions.csv",
        "suivi-adhesion-et-consultation.csv",
        "suivi-indicateurs.csv",
        "suivi-obligations.csv",
    ]
    lines = (tmp_path / "suivi-actions.csv").read_text(encoding="utf-8").splitlines()
    row = next(line for line in lines if line.startswith("rues-aux-ecoles,"))
    assert ",450000,delayed,40000,in_progress,70000," in row


def test_an_existing_file_is_not_replaced_without_force(tmp_path: Path) -> None:
    out = tmp_path / "suivi.ods"
    out.write_bytes(b"a department's copy")
    run = run_vae("export", DIJON, "--year", "2025", "--output", out)
    assert run.exit_code == 2
    assert "already exists; nothing was written" in run.stderr
    assert out.read_bytes() == b"a department's copy"
    assert run_vae("export", DIJON, "--year", "2025", "-o", out, "--force").exit_code == 0
    assert out.read_bytes().startswith(b"PK")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--output", "suivi.txt"], "the file's extension chooses the format"),
        (["--by-lead", "--output", "suivi.ods"], "with --by-lead, --output is a folder"),
        (["--year", "2019", "--output", "x.ods"], "2019 is outside the plan's mandate 2020-2026"),
        (["--format", "pdf", "--output", "suivi/"], '"pdf" is not one of ods, xlsx, csv'),
    ],
)
def test_wrong_options_are_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    run = run_vae("export", DIJON, *args)
    assert run.exit_code == 2, run
    assert message in run.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_french_terminal_is_told_in_french(tmp_path: Path) -> None:
    out = tmp_path / "suivi.ods"
    run = run_vae("export", DIJON, "--year", "2025", "-o", out, env={"VAE_LANG": "fr"})
    assert run.exit_code == 0, run
    assert run.stdout == f"{out} écrit\n"
    bad = run_vae("export", DIJON, "-o", tmp_path, "--by-lead", "-f", "pdf", env={"VAE_LANG": "fr"})
    assert bad.exit_code == 2
    assert (
        "«\u00a0pdf\u00a0» n'est pas l'un des choix possibles\u00a0: ods, xlsx, csv" in bad.stderr
    )


def test_plan_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        DIJON.read_text(encoding="utf-8").replace(
            'title: "Rues aux écoles : apaiser et dépolluer les abords des écoles"',
            'title: "=HYPERLINK(\\"http://example.org\\";\\"x\\")"',
        ),
        encoding="utf-8",
    )
    for name in ("s.xlsx", "s.ods"):
        run = run_vae("export", plan, "--year", "2025", "-o", tmp_path / name)
        assert run.exit_code == 0, run
    ws = load_workbook(tmp_path / "s.xlsx")["Actions"]
    cell = ws[f"B{row_of(tmp_path / 's.xlsx', 'Actions', 'rues-aux-ecoles')}"]
    assert (cell.data_type, cell.value) == ("s", '=HYPERLINK("http://example.org";"x")')
    book = read_book(tmp_path / "s.ods", "en")
    row = book.sheets[0].rows[row_of(tmp_path / "s.ods", "Actions", "rues-aux-ecoles") - 1]
    assert row[1] == '=HYPERLINK("http://example.org";"x")'
