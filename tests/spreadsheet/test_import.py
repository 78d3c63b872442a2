"""`vae import`: the cells a department filled in become exactly those entries of the plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.conftest import run_vae
from tests.spreadsheet.sheets import (
    added_lines,
    column_of,
    dijon_repository,
    fill_ods,
    fill_xlsx,
    row_of,
)

PLAN = "plans/dijon-2020.yaml"
EDUCATION = "suivi/direction-de-l-education.ods"
SPORTS = "suivi/direction-des-sports.ods"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The Dijon plan in a repository, and its 2026 tables exported blank per department."""
    dijon_repository(tmp_path)
    monkeypatch.chdir(tmp_path)
    run = run_vae("export", PLAN, "--year", "2026", "--blank", "--by-lead", "--output", "suivi/")
    assert run.exit_code == 0, run
    return tmp_path


def _import(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    run = run_vae("import", *args, "--as-of", "2026", env=env)
    return run.exit_code, run.stdout, run.stderr


def _action_cells(path: str, action: str, **values: object) -> dict[tuple[str, str], object]:
    headers = {"status": "Statut 2026", "spent": "Dépensé 2026 (€)", "note": "Commentaire 2026"}
    row = row_of(Path(path), "Actions", action)
    return {
        ("Actions", f"{column_of(Path(path), 'Actions', headers[k])}{row}"): v
        for k, v in values.items()
    }


def _indicator_cells(path: str, indicator: str, **values: object) -> dict[tuple[str, str], object]:
    headers = {"value": "Valeur 2026", "source": "Source de la valeur 2026"}
    row = row_of(Path(path), "Indicateurs", indicator)
    return {
        ("Indicateurs", f"{column_of(Path(path), 'Indicateurs', headers[k])}{row}"): v
        for k, v in values.items()
    }


def test_filled_cells_of_two_departments_become_exactly_those_entries(repo: Path) -> None:
    fill_ods(
        repo / EDUCATION,
        _action_cells(EDUCATION, "accompagnement-scolarite", status="En cours", spent="12 000,50 €")
        | _indicator_cells(
            EDUCATION, "places-accompagnement-scolarite", value=410, source="Bilan 2026"
        ),
    )
    fill_ods(
        repo / SPORTS,
        _action_cells(SPORTS, "filles-loisirs-sport", status="Réalisée", note="Saison close. "),
    )
    code, out, err = _import("suivi/direction-de-l-education.ods", SPORTS, PLAN)
    assert (code, err) == (0, ""), err
    assert out == f"{PLAN}: recorded 3 entries of 2026 (0 already held these values)\n"
    assert added_lines(repo) == [  # in the plan's order
        '      - {year: 2026, status: done, note: "Saison close."}',
        "      - {year: 2026, status: in_progress, spent_eur: 12000.5}",
        '          - {year: 2026, value: 410, source: "Bilan 2026"}',
    ]

    # The same files again: nothing to write, the plan keeps its bytes.
    before = (repo / PLAN).read_bytes()
    code, out, err = _import("suivi/direction-de-l-education.ods", SPORTS, PLAN)
    assert (code, err) == (0, "")
    assert out == f"{PLAN}: recorded 0 entries of 2026 (3 already held these values)\n"
    assert (repo / PLAN).read_bytes() == before


def test_dry_run_prints_the_diff_and_writes_nothing(repo: Path) -> None:
    fill_ods(repo / SPORTS, _action_cells(SPORTS, "filles-loisirs-sport", status="En retard"))
    before = (repo / PLAN).read_bytes()
    code, out, err = _import(SPORTS, PLAN, "--dry-run")
    assert code == 0, err
    assert out.startswith(f"--- a/{PLAN}\n+++ b/{PLAN}\n")
    assert "+      - {year: 2026, status: delayed}\n" in out
    assert (repo / PLAN).read_bytes() == before


def test_malformed_cells_are_all_located_and_nothing_is_written(repo: Path) -> None:
    cells = _action_cells(EDUCATION, "accompagnement-scolarite", status="Fini", spent="12 000 k€")
    cells |= _action_cells(EDUCATION, "inclusion-handicap-loisirs", spent="1,500")
    cells |= _indicator_cells(EDUCATION, "places-accompagnement-scolarite", value="beaucoup")
    fill_ods(repo / EDUCATION, cells)
    before = (repo / PLAN).read_bytes()
    row = row_of(Path(EDUCATION), "Actions", "accompagnement-scolarite")
    other = row_of(Path(EDUCATION), "Actions", "inclusion-handicap-loisirs")
    indicator = row_of(Path(EDUCATION), "Indicateurs", "places-accompagnement-scolarite")
    code, out, err = _import(EDUCATION, PLAN)
    assert (code, out) == (1, "")
    assert other < row  # problems come in the sheet's order
    assert err.splitlines() == [
        f"{EDUCATION}: Actions!K{other}: « 1,500 » can be read two ways; write 1.5 or 1500",
        f"{EDUCATION}: Actions!J{row}: « Fini » is not a status; choose one from the list: "
        "À venir, En cours, Réalisée, En retard, En pause, Abandonnée",
        f"{EDUCATION}: Actions!K{row}: « 12 000 k€ » is not an amount; write 12000",
        f"{EDUCATION}: Indicateurs!P{indicator}: « beaucoup » is not a number; write the value "
        "as a number, e.g. 47.5 or 47,5",
        f"vae: error: 4 problems in the files: nothing was written to {PLAN}",
        "  hint: correct the cells named above, then import again",
    ]
    assert (repo / PLAN).read_bytes() == before

    code, out, err = _import(EDUCATION, PLAN, env={"VAE_LANG": "fr"})
    assert code == 1
    assert err.splitlines()[2] == (
        f"{EDUCATION}: Actions!K{row}: «\u00a012 000 k€\u00a0» n'est pas un montant\u00a0; "
        "écrivez 12000"
    )
    assert err.splitlines()[-2] == (
        "vae\u00a0: erreur\u00a0: 4 problèmes dans les fichiers\u00a0: "
        f"rien n'a été écrit dans {PLAN}"
    )


def test_an_entry_that_adds_an_error_to_the_plan_is_refused_at_its_cell(repo: Path) -> None:
    # A share above 100 %: `vae validate` would call it an error.
    cells = _indicator_cells(EDUCATION, "ecoles-pedt-revise", value=140)
    fill_ods(repo / EDUCATION, cells)
    ((_, ref),) = cells
    code, _, err = _import(EDUCATION, PLAN)
    assert code == 1
    first = err.splitlines()[0]
    assert first.startswith(f"{EDUCATION}: Indicateurs!{ref}: ")
    assert f"(the plan, {PLAN}:" in first
    assert added_lines(repo) == []


def test_two_files_that_disagree_on_a_cell_are_refused(repo: Path) -> None:
    fill_ods(repo / SPORTS, _action_cells(SPORTS, "filles-loisirs-sport", status="Réalisée"))
    copy = repo / "suivi" / "copie.ods"
    copy.write_bytes((repo / SPORTS).read_bytes())
    fill_ods(copy, _action_cells(str(copy), "filles-loisirs-sport", status="En pause"))
    code, _, err = _import(SPORTS, "suivi/copie.ods", PLAN)
    assert code == 1
    (ref,) = [r for _, r in _action_cells(SPORTS, "filles-loisirs-sport", status="")]
    assert err.splitlines()[0] == (
        f"suivi/copie.ods: Actions!{ref}: « En pause » here, « Réalisée » in {SPORTS} "
        f"Actions!{ref}: the files disagree on filles-loisirs-sport; keep the right figure in one "
        "file and empty the other cell"
    )
    assert added_lines(repo) == []


def test_the_same_figure_in_two_files_is_recorded_once(repo: Path) -> None:
    fill_ods(repo / SPORTS, _action_cells(SPORTS, "filles-loisirs-sport", status="Réalisée"))
    copy = repo / "suivi" / "copie.ods"
    copy.write_bytes((repo / SPORTS).read_bytes())
    code, _, err = _import(SPORTS, "suivi/copie.ods", PLAN)
    assert code == 0, err
    assert added_lines(repo) == ["      - {year: 2026, status: done}"]


def test_a_sheet_of_another_plan_or_year_is_refused(repo: Path) -> None:
    other = repo / "plans" / "besancon.yaml"
    other.write_text(
        (repo / PLAN)
        .read_text(encoding="utf-8")
        .replace('"21231"', '"25056"')
        .replace('department: "21"', 'department: "25"'),
        encoding="utf-8",
    )
    assert run_vae("export", other, "--year", "2026", "-o", "besancon.ods").exit_code == 0
    assert run_vae("export", PLAN, "--year", "2025", "-o", "2025.ods").exit_code == 0
    code, _, err = _import("besancon.ods", PLAN)
    assert code == 1
    assert err.splitlines()[0] == (
        "besancon.ods: this is the follow-up of another plan (Dijon, 25056/2020-2026), not of "
        f"{PLAN} (21231/2020-2026); import it into the plan it was exported from"
    )
    code, _, err = _import("2025.ods", PLAN, "--year", "2026")
    assert code == 1
    assert err.splitlines()[0] == (
        "2025.ods: this file is the follow-up of 2025, not of 2026; import the files of 2026, "
        "or this one with --year 2025"
    )
    code, _, err = _import("2025.ods", SPORTS, PLAN)
    assert code == 1
    assert err.splitlines()[0] == (
        f"2025.ods: these files are the follow-ups of different years: 2025.ods (2025), {SPORTS} "
        "(2026); import the files of one year at a time"
    )
    assert added_lines(repo) == []


def test_a_file_vae_did_not_write_is_refused(repo: Path) -> None:
    book = Workbook()
    book.active.append(["Identifiant de l'action", "Statut 2026"])  # type: ignore[union-attr]
    book.save(repo / "maison.xlsx")
    (repo / "suivi.csv").write_text("a,b\n", encoding="utf-8")
    code, _, err = _import("maison.xlsx", PLAN)
    assert code == 1
    assert err.splitlines()[0] == (
        "maison.xlsx: this file was not written by vae export: its properties name no plan; "
        "export the year's table with vae export, fill it in, then import it"
    )
    code, _, err = _import("suivi.csv", PLAN)
    assert code == 2
    assert "suivi.csv: vae import reads .ods and .xlsx files" in err


def test_moved_columns_sorted_rows_and_spaces_still_import(repo: Path) -> None:
    out = "suivi.xlsx"
    assert run_vae("export", PLAN, "--year", "2026", "--blank", "-o", out).exit_code == 0
    fill_xlsx(repo / out, _action_cells_xlsx(out, "filles-loisirs-sport", "  En cours  ", 2500))
    book = load_workbook(repo / out)
    ws = book["Actions"]
    ws.insert_cols(1)  # a column of the department's own, first
    ws["A1"] = "Nos remarques"
    rows = sorted(ws.iter_rows(min_row=2, values_only=True), key=lambda r: str(r[1]), reverse=True)
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            ws.cell(row=r, column=c).value = value  # (`value=None` would keep the old)
    book.save(repo / out)
    code, _, err = _import(out, PLAN)
    assert code == 0, err
    assert added_lines(repo) == ["      - {year: 2026, status: in_progress, spent_eur: 2500}"]


def _action_cells_xlsx(
    path: str, action: str, status: str, spent: float
) -> dict[tuple[str, str], object]:
    row = row_of(Path(path), "Actions", action)
    return {
        ("Actions", f"{column_of(Path(path), 'Actions', 'Statut 2026')}{row}"): status,
        ("Actions", f"{column_of(Path(path), 'Actions', 'Dépensé 2026 (€)')}{row}"): spent,
    }


@pytest.mark.parametrize(
    ("name", "content"), [("x.ods", b"not a zip"), ("x.xlsx", b"PK\x03\x04broken")]
)
def test_a_damaged_file_is_a_plain_usage_error(repo: Path, name: str, content: bytes) -> None:
    (repo / name).write_bytes(content)
    code, _, err = _import(name, PLAN)
    assert code == 2
    kind = name.rsplit(".", 1)[1]
    assert err.splitlines()[0] == f"vae: error: {name} cannot be read as a {kind} spreadsheet"


def test_files_with_nothing_filled_in_record_nothing(repo: Path) -> None:
    before = (repo / PLAN).read_bytes()
    code, out, err = _import(EDUCATION, SPORTS, PLAN)
    assert (code, err) == (0, "")
    assert out == f"{PLAN}: the files hold no figure of 2026 to record (no cell filled in)\n"
    assert (repo / PLAN).read_bytes() == before
