"""`make bench`, second part: `vae export` and `vae import` on the generated plans, as whole
processes. Each department fills every cell of its year: a status and spending for each
action, a value for each indicator (the largest import there can be), written through the
libraries; then `vae import --dry-run` works out the whole edit and checks it, and a real
import writes it into a copy of the plan."""

from __future__ import annotations

import io
import shutil
import subprocess
import time
from pathlib import Path

from odf import table, text
from odf.opendocument import load
from openpyxl import load_workbook


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return elapsed


def _fill_xlsx(path: Path) -> None:
    book = load_workbook(path)
    actions, indicators = book["Actions"], book["Indicateurs"]
    status = [c.value for c in actions[1]].index("Statut 2026") + 1
    value = [c.value for c in indicators[1]].index("Valeur 2026") + 1
    for r in range(2, actions.max_row + 1):
        actions.cell(row=r, column=status).value = "En cours"
        actions.cell(row=r, column=status + 1).value = 75
    for r in range(2, indicators.max_row + 1):
        indicators.cell(row=r, column=value).value = 45.5
    book.save(path)


def _fill_ods(path: Path) -> None:
    doc = load(str(path))
    grids = {g.getAttribute("name"): g for g in doc.spreadsheet.getElementsByType(table.Table)}
    for sheet, header, values in (
        ("Actions", "Statut 2026", ["En cours", 75]),
        ("Indicateurs", "Valeur 2026", [45.5]),
    ):
        rows = grids[sheet].getElementsByType(table.TableRow)
        headers = [str(c) for c in rows[0].childNodes]
        first = headers.index(header)
        for row in rows[1:]:
            cells = [c for c in row.childNodes if c.qname[1] == "table-cell"]
            for offset, value in enumerate(values):
                old = cells[first + offset]
                kind = "string" if isinstance(value, str) else "float"
                new = table.TableCell(valuetype=kind, stylename=old.getAttribute("stylename"))
                if kind == "float":
                    new.setAttribute("value", value)
                new.addElement(text.P(text=str(value)))
                row.insertBefore(new, old)
                row.removeChild(old)
    out = io.BytesIO()
    doc.write(out)
    path.write_bytes(out.getvalue())


def run(vae: Path, plan: Path, work: Path) -> list[tuple[str, str, float]]:
    """(format, step, seconds) for an export and an import of every cell of 2026."""
    rows: list[tuple[str, str, float]] = []
    work = work / "spreadsheets"
    work.mkdir(exist_ok=True)
    for fmt, fill in (("ods", _fill_ods), ("xlsx", _fill_xlsx)):
        sheet = work / f"{plan.stem}.{fmt}"
        export = [str(vae), "export", str(plan), "--year", "2026", "--blank", "-o", str(sheet)]
        rows.append((fmt, "export --blank", _timed([*export, "--force"])))
        fill(sheet)
        copy = work / plan.name
        shutil.copy(plan, copy)
        command = [str(vae), "import", str(sheet), str(copy), "--as-of", "2026"]
        rows.append((fmt, "import --dry-run", _timed([*command, "--dry-run"])))
        rows.append((fmt, "import", _timed(command)))
    return rows
