"""Helpers for the spreadsheet tests: the Dijon plan in a git repository of its own, and
cells filled in as a person would, through the libraries."""

from __future__ import annotations

import io
import shutil
import subprocess
import typing as t
from pathlib import Path

from odf import table, teletype, text
from odf.opendocument import load
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string
from openpyxl.utils.cell import coordinate_from_string

from tests.conftest import ROOT
from vae_cli.spreadsheet.reading import read_book

DIJON = ROOT / "plans" / "dijon-2020.yaml"
Cells = dict[tuple[str, str], t.Any]


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    )
    return done.stdout


def dijon_repository(root: Path) -> Path:
    """A git repository holding plans/dijon-2020.yaml, committed; its path."""
    (root / "plans").mkdir(parents=True)
    shutil.copy(DIJON, root / "plans" / "dijon-2020.yaml")
    git(root, "init", "-q")
    git(root, "add", "plans")
    git(
        root,
        "-c",
        "user.name=test",
        "-c",
        "user.email=test@example.org",
        "commit",
        "-qm",
        "plan",
    )
    return root


def added_lines(repo: Path) -> list[str]:
    """The lines `git diff` shows added to the plan; fails if it shows any removed."""
    diff = git(repo, "diff", "-U0", "--", "plans/dijon-2020.yaml").splitlines()
    removed = [line for line in diff if line.startswith("-") and not line.startswith("---")]
    assert removed == [], diff
    return [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]


def row_of(path: Path, sheet: str, item: str) -> int:
    """The row number (from 1) of the row whose first cell is `item`."""
    book = read_book(path, "en")
    (found,) = [s for s in book.sheets if s.name == sheet]
    return next(r for r, row in enumerate(found.rows, start=1) if row and row[0] == item)


def column_of(path: Path, sheet: str, header: str) -> str:
    """The column letter of the header `header`."""
    from openpyxl.utils import get_column_letter

    book = read_book(path, "en")
    (found,) = [s for s in book.sheets if s.name == sheet]
    return get_column_letter(found.rows[0].index(header) + 1)


def fill_xlsx(path: Path, cells: Cells) -> None:
    book = load_workbook(path)
    for (sheet, ref), value in cells.items():
        book[sheet][ref] = value
    book.save(path)


def _ods_cell(value: t.Any) -> t.Any:
    if isinstance(value, bool):
        cell = table.TableCell(valuetype="boolean", booleanvalue=str(value).lower())
    elif isinstance(value, int | float):
        cell = table.TableCell(valuetype="float", value=value)
    else:
        cell = table.TableCell(valuetype="string")
    paragraph = text.P()
    teletype.addTextToElement(paragraph, str(value))
    cell.addElement(paragraph)
    return cell


def fill_ods(path: Path, cells: Cells) -> None:
    """Put values in cells of an ODS file (a number as a number cell, text as a text cell),
    keeping each cell's style, as typing in a cell does."""
    doc = load(str(path))
    grids = {g.getAttribute("name"): g for g in doc.spreadsheet.getElementsByType(table.Table)}
    for (sheet, ref), value in cells.items():
        letters, row = coordinate_from_string(ref)
        rows = grids[sheet].getElementsByType(table.TableRow)
        row_element = rows[row - 1]
        old = [c for c in row_element.childNodes if c.qname[1] == "table-cell"][
            column_index_from_string(letters) - 1
        ]
        new = _ods_cell(value)
        for attribute in ("stylename", "contentvalidationname"):
            if old.getAttribute(attribute):
                new.setAttribute(attribute, old.getAttribute(attribute))
        row_element.insertBefore(new, old)
        row_element.removeChild(old)
    out = io.BytesIO()
    doc.write(out)
    path.write_bytes(out.getvalue())
