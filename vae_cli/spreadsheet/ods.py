"""The follow-up table as OpenDocument (`.ods`), with odfpy: writing it, and reading a copy a
person filled in and saved (in LibreOffice, Excel or anything else that writes ODS). Other sheets
of typed cells (the network report's) are written by the same `write_sheets`."""

from __future__ import annotations

import datetime as dt
import io
import typing as t

from odf import config, dc, meta, number, style, table, teletype, text
from odf.element import Text
from odf.namespaces import OFFICENS, STYLENS, TABLENS
from odf.opendocument import OpenDocumentSpreadsheet, load

from vae_cli.spreadsheet import layout as lay
from vae_cli.spreadsheet.reading import Book, CellValue, Percent, RawSheet, TooLarge
from vae_cli.spreadsheet.table import (
    CellKind,
    Sheet,
    Shown,
    Workbook,
    properties_dict,
    rows_shown,
)
from vae_cli.spreadsheet.table import title as title_of
from vae_cli.spreadsheet.table import width as width_of

FILL = "#fff2cc"  # the cells a department fills in: pale yellow, as forms mark them
HEADER = "#dde4ee"


class _Styles:
    """The automatic styles, made once each: a cell's style is its data format and whether it
    is filled in (unprotected, marked) or read-only (protected)."""

    def __init__(self, doc: t.Any, lang: str) -> None:
        self.doc = doc
        self.cache: dict[tuple[str, bool], t.Any] = {}
        # Money as the sheet's language writes it, whatever the reader's settings: 12 000,00 €
        # in French, €12,000.00 in English.
        language, country = ("fr", "FR") if lang == "fr" else ("en", "GB")
        euro = number.CurrencyStyle(name="euro", language=language, country=country)
        amount = number.Number(decimalplaces="2", minintegerdigits="1", grouping="true")
        symbol = number.CurrencySymbol(language=language, country=country, text="€")
        if lang == "fr":
            euro.addElement(amount)
            euro.addElement(number.Text(text="\u00a0"))
            euro.addElement(symbol)
        else:
            euro.addElement(symbol)
            euro.addElement(amount)
        # Shares with one decimal, as the language writes them: 74,0 % in French, 74.0% in English.
        percent = number.PercentageStyle(name="percent", language=language, country=country)
        percent.addElement(number.Number(decimalplaces="1", minintegerdigits="1"))
        percent.addElement(number.Text(text="\u00a0%" if lang == "fr" else "%"))
        year = number.NumberStyle(name="year")
        year.addElement(number.Number(decimalplaces="0", minintegerdigits="1", grouping="false"))
        date = number.DateStyle(name="date")
        for part in (number.Year(style="long"), "-", number.Month(style="long"), "-"):
            date.addElement(number.Text(text=part) if isinstance(part, str) else part)
        date.addElement(number.Day(style="long"))
        for data_style in (euro, percent, year, date):
            doc.automaticstyles.addElement(data_style)
        self.header = self._cell("header", data=None, fill=False, header=True)

    def _cell(self, name: str, *, data: str | None, fill: bool, header: bool = False) -> t.Any:
        attributes = {"name": name, "family": "table-cell"}
        if data:
            attributes["datastylename"] = data
        cell_style = style.Style(**attributes)
        properties = {"cellprotect": "none" if fill else "protected", "wrapoption": "wrap"}
        if fill or header:
            properties["backgroundcolor"] = FILL if fill else HEADER
        cell_style.addElement(style.TableCellProperties(**properties))
        if header:
            cell_style.addElement(style.TextProperties(fontweight="bold"))
        self.doc.automaticstyles.addElement(cell_style)
        return cell_style

    def cell(self, kind: CellKind, fill: bool) -> t.Any:
        data = {
            CellKind.EUROS: "euro",
            CellKind.PERCENT: "percent",
            CellKind.YEAR: "year",
            CellKind.DATE: "date",
        }.get(kind)
        key = (data or "", fill)
        if key not in self.cache:
            self.cache[key] = self._cell(f"c-{data or 'plain'}-{int(fill)}", data=data, fill=fill)
        return self.cache[key]

    def column(self, name: str, chars: int) -> t.Any:
        column_style = style.Style(name=name, family="table-column")
        column_style.addElement(style.TableColumnProperties(columnwidth=f"{chars * 0.21:.2f}cm"))
        self.doc.automaticstyles.addElement(column_style)
        return column_style


def _cell(shown: Shown, cell_style: t.Any, validation: str | None = None) -> t.Any:
    # Attributes by their qualified names: odfpy's keyword attributes look each name up in
    # the grammar, which doubles the time of a large sheet.
    attributes: dict[tuple[str, str], str] = {
        (TABLENS, "style-name"): cell_style.getAttrNS(STYLENS, "name")
    }
    if validation:
        attributes[(TABLENS, "content-validation-name")] = validation
    value = shown.value
    if shown.kind is CellKind.EMPTY:
        return table.TableCell(qattributes=attributes)
    if shown.kind is CellKind.TEXT:
        attributes[(OFFICENS, "value-type")] = "string"
        cell = table.TableCell(qattributes=attributes)
        for line in str(value).split("\n"):
            paragraph = text.P()
            teletype.addTextToElement(paragraph, line)
            cell.addElement(paragraph)
        return cell
    if isinstance(value, dt.date):
        attributes[(OFFICENS, "value-type")] = "date"
        attributes[(OFFICENS, "date-value")] = value.isoformat()
    else:
        attributes[(OFFICENS, "value-type")] = "float"
        if shown.kind is CellKind.EUROS:
            attributes[(OFFICENS, "value-type")] = "currency"
            attributes[(OFFICENS, "currency")] = "EUR"
        elif shown.kind is CellKind.PERCENT:
            attributes[(OFFICENS, "value-type")] = "percentage"
        attributes[(OFFICENS, "value")] = str(value)
    cell = table.TableCell(qattributes=attributes)
    cell.addElement(text.P(text=str(value)))
    return cell


class _Written(Text):  # type: ignore[misc]  # odfpy has no types
    """A row as the XML odfpy writes for it, made as soon as the row is built: a sheet's
    cells are then never all alive at once as odfpy elements (some 3 kB each; 65 MB for the
    network report of 1,000 cities, 200 MB for the yearly table of 5,000 actions), only as
    their text. The bytes written are the same."""

    def __init__(self, row: t.Any) -> None:
        out = io.StringIO()
        row.toXml(1, out)
        super().__init__(out.getvalue())

    def toXml(self, level: int, f: t.Any) -> None:
        f.write(self.data)


def _frozen_header(doc: t.Any, names: list[str]) -> None:
    """The header row stays in view as the sheet scrolls (LibreOffice's view settings)."""
    view = config.ConfigItemSet(name="ooo:view-settings")
    views = config.ConfigItemMapIndexed(name="Views")
    entry = config.ConfigItemMapEntry()
    entry.addElement(config.ConfigItem(name="ViewId", type="string", text="view1"))
    tables = config.ConfigItemMapNamed(name="Tables")
    for name in names:
        settings = config.ConfigItemMapEntry(name=name)
        for key, kind, value in (
            ("VerticalSplitMode", "short", "2"),
            ("VerticalSplitPosition", "int", "1"),
            ("ActiveSplitRange", "short", "2"),
            ("PositionTop", "int", "0"),
            ("PositionBottom", "int", "1"),
        ):
            settings.addElement(config.ConfigItem(name=key, type=kind, text=value))
        tables.addElement(settings)
    entry.addElement(tables)
    views.addElement(entry)
    view.addElement(views)
    doc.settings.addElement(view)


def write(workbook: Workbook) -> bytes:
    """The follow-up workbook: its cells to fill unprotected, the others protected."""
    return write_sheets(
        workbook.sheets,
        lang=workbook.lang,
        title=title_of(workbook.properties).written_in(workbook.lang),
        properties=properties_dict(workbook.properties),
    )


def _status_validation(doc: t.Any, lang: str) -> None:
    validations = table.ContentValidations()
    choices = ";".join('"' + c.replace('"', '""') + '"' for c in lay.status_choices(lang))
    validation = table.ContentValidation(
        name="status",
        condition=f"of:cell-content-is-in-list({choices})",
        allowemptycell="true",
        displaylist="unsorted",
    )
    message = table.ErrorMessage(messagetype="stop", display="true")
    message.addElement(text.P(text=", ".join(lay.status_choices(lang))))
    validation.addElement(message)
    validations.addElement(validation)
    doc.spreadsheet.addElement(validations)


def write_sheets(
    sheets: t.Sequence[Sheet],
    *,
    lang: str,
    title: str,
    properties: t.Mapping[str, str],
    protect: bool = True,
) -> bytes:
    """`sheets` as an ODS document with its `title` and custom `properties`; with `protect`,
    every sheet protected but for the columns to fill (a report to read only, such as the
    network's, is left open for its readers' own columns and formulas)."""
    doc = OpenDocumentSpreadsheet()
    doc.meta.addElement(dc.Title(text=title))
    for name, value in properties.items():
        doc.meta.addElement(meta.UserDefined(name=name, valuetype="string", text=value))
    styles = _Styles(doc, lang)
    if any(c.fill and c.kind is lay.Kind.STATUS for s in sheets for c in s.layout.columns):
        _status_validation(doc, lang)

    names: list[str] = []
    for s, sheet in enumerate(sheets):
        name = sheet.layout.name.written_in(lang)
        names.append(name)
        grid = table.Table(name=name, protected="true" if protect else "false")
        headers = [c.header.written_in(lang) for c in sheet.layout.columns]
        rows = rows_shown(sheet, lang)
        for c, header in enumerate(headers):
            chars = width_of(sheet.layout.columns[c], header, (row[c] for row in rows))
            grid.addElement(table.TableColumn(stylename=styles.column(f"co{s}-{c}", chars)))
        header_row = table.TableRow()
        for header in headers:
            header_row.addElement(_cell(Shown(CellKind.TEXT, header), styles.header))
        grid.addElement(header_row)
        columns = sheet.layout.columns
        for row in rows:
            line = table.TableRow()
            for column, cell in zip(columns, row, strict=True):
                status = "status" if column.fill and column.kind is lay.Kind.STATUS else None
                line.addElement(_cell(cell, styles.cell(cell.kind, column.fill), status))
            grid.appendChild(_Written(line))
        doc.spreadsheet.addElement(grid)
    _frozen_header(doc, names)
    # odfpy finds which automatic styles to save by reading eleven attributes of every element
    # of the document, twice: two thirds of the time on the 5,000-action plan. Every style
    # made here is used (cell styles are made when a cell needs them), so all are saved.
    doc._used_auto_styles = lambda segments: list(doc.automaticstyles.childNodes)
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()


# --- Reading ---------------------------------------------------------------------------------


def _value(cell: t.Any) -> CellValue:
    kind = cell.getAttribute("valuetype")
    if kind in ("float", "currency"):
        return float(cell.getAttribute("value"))
    if kind == "percentage":
        return Percent(float(cell.getAttribute("value")))
    if kind == "boolean":
        return bool(cell.getAttribute("booleanvalue") == "true")
    if kind == "date":
        written = cell.getAttribute("datevalue")
        return (
            dt.datetime.fromisoformat(written) if "T" in written else dt.date.fromisoformat(written)
        )
    paragraphs = [teletype.extractText(p) for p in cell.childNodes if p.qname[1] == "p"]
    written = "\n".join(paragraphs)
    return written if written else None


def _repeat(element: t.Any, attribute: str) -> int:
    written = element.getAttribute(attribute)
    return int(written) if written else 1


def _rows(grid: t.Any, max_cells: int) -> list[list[CellValue]]:
    rows: list[list[CellValue]] = []
    blank_rows = 0
    cells = 0
    for row in grid.getElementsByType(table.TableRow):
        values: list[CellValue] = []
        blanks = 0
        for cell in row.childNodes:
            if cell.qname[1] not in ("table-cell", "covered-table-cell"):
                continue
            value = _value(cell)
            count = _repeat(cell, "numbercolumnsrepeated")
            if value is None:
                blanks += count  # trailing blanks (LibreOffice repeats one to column 1024)
                continue
            values += [None] * blanks + [value] * count
            blanks = 0
        count = _repeat(row, "numberrowsrepeated")
        if not values:
            blank_rows += count
            continue
        cells += len(values) * count
        if cells > max_cells:
            raise TooLarge(max_cells)
        rows += [[] for _ in range(blank_rows)] + [list(values) for _ in range(count)]
        blank_rows = 0
    return rows


def read(data: bytes, *, max_cells: int) -> Book:
    doc = load(io.BytesIO(data))
    properties: dict[str, str] = {}
    for element in doc.meta.childNodes:
        if element.qname[1] == "user-defined":
            properties[element.getAttribute("name")] = teletype.extractText(element)
    sheets = [
        RawSheet(grid.getAttribute("name"), _rows(grid, max_cells))
        for grid in doc.spreadsheet.getElementsByType(table.Table)
    ]
    return Book(properties=properties, sheets=sheets)
