"""The network report as a spreadsheet, read back with openpyxl and odfpy (and, marked slow, after
LibreOffice opened and saved it): one sheet per part, typed cells, shares as percentages,
sheet names in the report's language, and plan text that never becomes a formula."""

from __future__ import annotations

import io
import typing as t
from pathlib import Path

import pytest
from odf import config, table, teletype
from odf.namespaces import TABLENS
from odf.opendocument import load
from openpyxl import load_workbook

from tests.conftest import run_vae
from tests.network import report_fixtures as fx
from tests.spreadsheet.sheets import DIJON
from tests.spreadsheet.test_libreoffice import _convert, soffice
from vae_cli.network import sheets
from vae_cli.spreadsheet.reading import Percent, read_book

__all__ = ["soffice"]  # LibreOffice's fixture, shared with the follow-up's tests

FRENCH_SHEETS = [
    "Villes", "Obligations", "Engagements", "Recommandations", "Consultation", "Questions",
]  # fmt: skip
ENGLISH_SHEETS = [
    "Cities", "Obligations", "Commitments", "Recommendations", "Consultation", "Questions",
]  # fmt: skip


def xlsx_book(**options: t.Any) -> t.Any:
    return load_workbook(io.BytesIO(sheets.xlsx(fx.network(**options))))


def rows_by_first(ws: t.Any, column: str) -> dict[t.Any, t.Any]:
    """The rows of `ws` (cells, not values) by the value in `column` of the header row."""
    header = [c.value for c in ws[1]]
    at = header.index(column)
    return {row[at].value: row for row in ws.iter_rows(min_row=2)}


def cell(ws: t.Any, row: t.Any, column: str) -> t.Any:
    header = [c.value for c in ws[1]]
    return row[header.index(column)]


@pytest.mark.parametrize(("lang", "names"), [("fr", FRENCH_SHEETS), ("en", ENGLISH_SHEETS)])
def test_one_sheet_per_part_named_in_the_reports_language(lang: str, names: list[str]) -> None:
    assert xlsx_book(lang=lang).sheetnames == names
    doc = load(io.BytesIO(sheets.ods(fx.network(lang=lang))))
    assert [g.getAttribute("name") for g in doc.spreadsheet.getElementsByType(table.Table)] == (
        names
    )


def test_xlsx_cells_are_typed_and_the_header_frozen() -> None:
    book = xlsx_book()
    ws = book["Villes"]
    assert ws.freeze_panes == "A2"
    assert not ws.protection.sheet  # for analysing: the reader's own columns and formulas
    cities = rows_by_first(ws, "Ville")
    dijon = cities["Dijon"]
    assert cell(ws, dijon, "Code INSEE").value == "21231"  # a code, not a number
    assert cell(ws, dijon, "Actions").value == 40
    budget = cell(ws, dijon, "Dépensé depuis le début (€)")
    assert budget.value == 1450000.5 and "€" in budget.number_format
    assert cell(ws, dijon, "Adhérente depuis").number_format == "0"  # a year: no separator
    assert cell(ws, dijon, "Année 2025 renseignée").value == "oui"
    assert cell(ws, dijon, "Réponse\u00a0: Prix maximal d'un repas").value == 4.5
    assert (
        cell(
            ws, cities["Beaune"], "Réponse\u00a0: Gratuité pour les enfants en grande pauvreté ?"
        ).value
        is None
    )
    assert ws.column_dimensions["J"].width > ws.column_dimensions["B"].width  # widths fit
    obligations = book["Obligations"]
    formation = rows_by_first(obligations, "Identifiant de l'obligation")["formation"]
    share = cell(obligations, formation, "Part")
    assert share.value == 0.5 and share.number_format == "0.0\\ %"
    assert cell(obligations, formation, "Villes comptées").value == 4
    assert cell(obligations, formation, "Villes qui ne le font pas").value == (
        "=cmd|' /C calc'!A0, Beaune"
    )
    english = xlsx_book(lang="en")["Obligations"]
    training = rows_by_first(english, "Obligation id")["formation"]
    assert cell(english, training, "Share").number_format == "0.0%"


def test_a_plan_that_is_not_counted_leaves_its_figures_empty_never_zero() -> None:
    ws = xlsx_book()["Villes"]
    broken = rows_by_first(ws, "Fichier du plan")["plans/autun-2020.yaml"]
    assert cell(ws, broken, "État").value == "avec erreurs"
    assert cell(ws, broken, "Erreurs").value == 2
    findings = cell(ws, broken, "Premiers constats").value
    assert findings.splitlines() == [
        "plans/autun-2020.yaml:12:17: [wrong-type] `budget_eur` must be a number, found the "
        'text "<img src=x onerror="alert(1)">"',
        "plans/autun-2020.yaml:40:5: [known-reference] \"=cmd|' /C calc'!A0\" is not a "
        "commitment of unicef-france-vae-2020-2026",
    ]
    for column in ("Actions", "Dépensé 2025 (€)", "Année 2025 renseignée", "Adhérente depuis"):
        assert cell(ws, broken, column).value is None, column
    unreadable = rows_by_first(ws, "Fichier du plan")["plans/cass\ufffdé.yaml"]
    assert cell(ws, unreadable, "État").value == "illisible"
    assert cell(ws, unreadable, "Ville").value is None


def test_plan_text_never_becomes_a_formula_nor_reorders_a_cell() -> None:
    book = xlsx_book(by_department=True)
    texts = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", f"{ws.title}!{c.coordinate} is a formula: {c.value}"
                if isinstance(c.value, str):
                    texts.append(c.value)
    assert "=cmd|' /C calc'!A0" in texts
    assert not any("\u202e" in s or "\u2066" in s for s in texts)
    assert "Chenôve\ufffdexe.txt\ufffd" in texts
    doc = load(io.BytesIO(sheets.ods(fx.network(by_department=True))))
    for grid in doc.spreadsheet.getElementsByType(table.Table):
        for c in grid.getElementsByType(table.TableCell):
            assert not c.getAttrNS(TABLENS, "formula")
    formula = [
        c
        for c in doc.spreadsheet.getElementsByType(table.TableCell)
        if teletype.extractText(c) == "=cmd|' /C calc'!A0"
    ]
    assert formula and {c.getAttribute("valuetype") for c in formula} == {"string"}


def test_ods_cells_are_typed_with_percent_and_euro_formats() -> None:
    data = sheets.ods(fx.network())
    book = read_book_from(data)
    obligations = book["Obligations"]
    header = obligations[0]
    formation = next(r for r in obligations if "formation" in r)
    assert formation[header.index("Part")] == Percent(0.5)
    assert formation[header.index("Villes qui la couvrent")] == 2
    doc = load(io.BytesIO(data))
    kinds = {
        c.getAttribute("valuetype")
        for g in doc.spreadsheet.getElementsByType(table.Table)
        for c in g.getElementsByType(table.TableCell)
    }
    assert {"percentage", "currency", "float", "string"} <= kinds
    styles = {s.getAttribute("name"): s for s in doc.automaticstyles.childNodes}
    assert styles["percent"].qname[1] == "percentage-style"
    # The header row frozen, for each sheet, in LibreOffice's view settings.
    frozen = {
        entry.getAttribute("name")
        for entry in doc.settings.getElementsByType(config.ConfigItemMapEntry)
        if entry.getAttribute("name")
        and any(
            item.getAttribute("name") == "VerticalSplitPosition"
            and teletype.extractText(item) == "1"
            for item in entry.getElementsByType(config.ConfigItem)
        )
    }
    assert frozen == set(FRENCH_SHEETS)


def read_book_from(data: bytes) -> dict[str, list[list[t.Any]]]:
    """Each sheet's rows as `vae import` reads them (numbers, percentages, text)."""
    from vae_cli.spreadsheet import ods

    book = ods.read(data, max_cells=100_000)
    return {s.name: s.rows for s in book.sheets}


def test_by_departement_each_sheet_repeats_its_rows_per_departement() -> None:
    ws = xlsx_book(by_department=True)["Obligations"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert [(r[0], r[3], r[5], r[6]) for r in rows] == [
        ("tout le réseau", "formation", 2, 4),
        ("tout le réseau", "consultation", 4, 4),
        ("21", "formation", 1, 2),
        ("21", "consultation", 2, 2),
        ("71", "formation", 1, 2),
        ("71", "consultation", 2, 2),
    ]
    questions = xlsx_book(by_department=True)["Questions"]
    header = [c.value for c in questions[1]]
    price = [
        [c.value for c in row]
        for row in questions.iter_rows(min_row=2)
        if row[0].value == "tout le réseau" and row[2].value == "prix-max-repas"
    ]
    value, answered, unanswered = (
        header.index("Valeur"),
        header.index("Villes qui ont répondu"),
        header.index("Villes sans réponse"),
    )
    assert [(r[4], r[value], r[answered], r[unanswered]) for r in price] == [
        ("minimum", 2.0, 3, 1),
        ("médiane", 3.2, 3, 1),
        ("maximum", 4.5, 3, 1),
    ]


def test_only_the_network_reports_spreadsheets_count_as_its_own(tmp_path: Path) -> None:
    """`vae network` may overwrite the files it wrote, never a follow-up table or another
    file that has the same name."""
    ods_file, xlsx_file = tmp_path / "network-2025.fr.ods", tmp_path / "network-2025.fr.xlsx"
    ods_file.write_bytes(sheets.ods(fx.network()))
    xlsx_file.write_bytes(sheets.xlsx(fx.network()))
    assert sheets.is_generated(ods_file) and sheets.is_generated(xlsx_file)
    followup = tmp_path / "suivi.ods"
    assert run_vae("export", DIJON, "--year", "2025", "--output", followup).exit_code == 0
    assert not sheets.is_generated(followup)
    (tmp_path / "mine.ods").write_bytes(b"not a zip")
    assert not sheets.is_generated(tmp_path / "mine.ods")
    assert not sheets.is_generated(tmp_path / "missing.xlsx")


@pytest.mark.slow
def test_libreoffice_keeps_types_percentages_and_text(soffice: str, tmp_path: Path) -> None:
    """LibreOffice opens the ODS and saves it for Excel, opens the XLSX and saves it as ODS:
    shares stay percentages, money euros, and the formula-like name text."""
    report = fx.network(by_department=True)
    (tmp_path / "network-2025.ods").write_bytes(sheets.ods(report))
    (tmp_path / "network-2025.xlsx").write_bytes(sheets.xlsx(report))
    saved = tmp_path / "saved"
    _convert(soffice, tmp_path / "network-2025.ods", "xlsx", saved)
    _convert(soffice, tmp_path / "network-2025.xlsx", "ods", saved)

    book = load_workbook(saved / "network-2025.xlsx")
    assert book.sheetnames == FRENCH_SHEETS
    obligations = book["Obligations"]
    formation = rows_by_first(obligations, "Identifiant de l'obligation")["formation"]
    share = cell(obligations, formation, "Part")
    assert share.value == 0.5 and "%" in share.number_format
    cities = book["Villes"]
    row = rows_by_first(cities, "Ville")["=cmd|' /C calc'!A0"]
    assert cell(cities, row, "Ville").data_type == "s"
    money = cell(cities, rows_by_first(cities, "Ville")["Dijon"], "Dépensé depuis le début (€)")
    assert money.value == 1450000.5 and "€" in money.number_format

    back = read_book(saved / "network-2025.ods", "fr")
    sheets_read = {s.name: s.rows for s in back.sheets}
    assert list(sheets_read) == FRENCH_SHEETS
    header = sheets_read["Obligations"][0]
    first = sheets_read["Obligations"][1]
    assert first[header.index("Part")] == Percent(0.5)
    names = [r[1] for r in sheets_read["Villes"][1:] if len(r) > 1]
    assert "=cmd|' /C calc'!A0" in names
