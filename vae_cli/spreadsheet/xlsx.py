"""The follow-up table as Office Open XML (`.xlsx`), with openpyxl: writing it, and reading a
copy a person filled in and saved (in Excel, LibreOffice or anything else that writes XLSX).
Other sheets of typed cells (the network report's) are written by the same `write_sheets`."""

from __future__ import annotations

import datetime as dt
import io
import typing as t

from openpyxl import Workbook as XlsxWorkbook
from openpyxl import load_workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from vae_cli.spreadsheet import layout as lay
from vae_cli.spreadsheet.reading import Book, CellValue, Percent, RawSheet, TooLarge
from vae_cli.spreadsheet.table import CellKind, Sheet, Workbook, properties_dict, rows_shown
from vae_cli.spreadsheet.table import title as title_of
from vae_cli.spreadsheet.table import width as width_of

# Excel's own euro formats, for France and for Britain (the symbol's place differs), which
# LibreOffice reads as euros too; the digits are grouped as the reader's settings say.
EURO_FORMATS = {"fr": "#,##0.00\\ [$€-40C]", "en": "[$€-809]#,##0.00"}
YEAR_FORMAT = "0"
# Shares with one decimal; French puts a space before % (Excel's `\ ` is a literal space).
PERCENT_FORMATS = {"fr": "0.0\\ %", "en": "0.0%"}
FILL = PatternFill("solid", fgColor="FFF2CC")
HEADER = PatternFill("solid", fgColor="DDE4EE")
UNLOCKED = Protection(locked=False)


def write(workbook: Workbook) -> bytes:
    """The follow-up workbook: its cells to fill unlocked, the others protected."""
    return write_sheets(
        workbook.sheets,
        lang=workbook.lang,
        title=title_of(workbook.properties).written_in(workbook.lang),
        properties=properties_dict(workbook.properties),
    )


def write_sheets(
    sheets: t.Sequence[Sheet],
    *,
    lang: str,
    title: str,
    properties: t.Mapping[str, str],
    protect: bool = True,
) -> bytes:
    """`sheets` as an XLSX workbook with its `title` and custom `properties`; with `protect`,
    every sheet protected but for the columns to fill (a report to read only, such as the
    network's, is left open for its readers' own columns and formulas)."""
    book = XlsxWorkbook()
    book.remove(book.active)  # type: ignore[arg-type]
    book.properties.title = title
    book.properties.creator = "vae"
    for name, value in properties.items():
        t.cast(t.Any, book).custom_doc_props.append(StringProperty(name=name, value=value))
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    choices = lay.status_choices(lang)
    for sheet in sheets:
        ws = book.create_sheet(sheet.layout.name.written_in(lang))
        headers = [c.header.written_in(lang) for c in sheet.layout.columns]
        rows = rows_shown(sheet, lang)
        ws.append(headers)
        for cell in ws[1]:
            cell.font, cell.fill = bold, HEADER
        for row in rows:
            ws.append([cell.value for cell in row])
        for c, column in enumerate(sheet.layout.columns, start=1):
            letter = get_column_letter(c)
            ws.column_dimensions[letter].width = width_of(
                column, headers[c - 1], (r[c - 1] for r in rows)
            )
            formats = {
                CellKind.EUROS: EURO_FORMATS[lang],
                CellKind.PERCENT: PERCENT_FORMATS[lang],
                CellKind.YEAR: YEAR_FORMAT,
                CellKind.DATE: "yyyy-mm-dd",
            }
            for r, row in enumerate(rows, start=2):
                cell = ws.cell(row=r, column=c)
                data_format = formats.get(row[c - 1].kind)
                if data_format:
                    cell.number_format = data_format
                if column.fill:
                    cell.fill, cell.protection = FILL, UNLOCKED
                if row[c - 1].kind is CellKind.TEXT:
                    cell.alignment = wrap
                    # Text, always: openpyxl would make `=...` a formula, which a plan's text
                    # (anyone's pull request) must never become in a department's Excel.
                    cell.data_type = "s"
            if column.fill and column.kind is lay.Kind.STATUS and rows:
                validation = DataValidation(
                    type="list",
                    formula1='"' + ",".join(choices) + '"',
                    allow_blank=True,
                    showErrorMessage=True,
                    error=", ".join(choices),
                )
                ws.add_data_validation(validation)
                validation.add(f"{letter}2:{letter}{len(rows) + 1}")
        ws.freeze_panes = "A2"
        if not protect:
            continue
        # Protected without a password, against slips, not people: sorting, filtering and
        # widening columns stay allowed (False means "not protected against").
        protection = ws.protection
        protection.sheet = True
        protection.sort = False
        protection.autoFilter = False
        protection.formatColumns = False
        protection.formatRows = False
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell_value(cell: t.Any) -> CellValue:
    value = getattr(cell, "value", None)
    if isinstance(value, str):
        return value or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Percent(value) if "%" in (cell.number_format or "") else value
    if isinstance(value, bool | dt.datetime | dt.date | dt.time):
        return value
    if value is None:
        return None
    return str(value)  # a timedelta, an error value: its text, which the importer refuses


def read(data: bytes, *, max_cells: int) -> Book:
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        properties = {p.name: str(p.value) for p in t.cast(t.Any, book).custom_doc_props.props}
        sheets: list[RawSheet] = []
        cells = 0
        for ws in book.worksheets:
            rows: list[list[CellValue]] = []
            for row in ws.iter_rows():
                values = [_cell_value(v) for v in row]
                while values and values[-1] is None:
                    values.pop()
                cells += len(values)
                if cells > max_cells:
                    raise TooLarge(max_cells)
                rows.append(values)
            while rows and not rows[-1]:
                rows.pop()
            sheets.append(RawSheet(ws.title, rows))
    finally:
        book.close()
    return Book(properties=properties, sheets=sheets)
