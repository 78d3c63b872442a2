"""The follow-up table as CSV, for scripts: one UTF-8 file per sheet, headers in the language
asked, statuses as the plan writes them (`in_progress`), numbers with a dot."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from vae_cli.spreadsheet.table import Workbook, rows_shown, slug


def paths(output: Path, workbook: Workbook) -> list[Path]:
    """`suivi.csv` -> `suivi-actions.csv`, `suivi-indicateurs.csv`...: one file per sheet."""
    stem = output.with_suffix("")
    return [
        stem.with_name(f"{stem.name}-{slug(sheet.layout.name.written_in(workbook.lang))}.csv")
        for sheet in workbook.sheets
    ]


def write(workbook: Workbook) -> list[str]:
    """The text of each sheet's file, in the order of `paths`."""
    texts: list[str] = []
    for sheet in workbook.sheets:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(c.header.written_in(workbook.lang) for c in sheet.layout.columns)
        for row in rows_shown(sheet, workbook.lang, words=False):
            writer.writerow("" if cell.value is None else cell.value for cell in row)
        texts.append(out.getvalue())
    return texts
