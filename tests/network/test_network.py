"""`vae network` over a small network whose counts are known by hand (see conftest.py)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from pathlib import Path

import pytest

from tests.conftest import run_vae
from tests.network.conftest import YEAR, plan_data, write_plan
from vae_cli.network import summary
from vae_cli.network.data import NetworkReport, PlanState
from vae_cli.network.page import html
from vae_cli.network.run import Request, run_network

TODAY = dt.date(2026, 12, 2)


def read(path: str) -> str:
    """A written file, its French no-break spaces as plain ones (the tests read words)."""
    return Path(path).read_text(encoding="utf-8").replace("\u202f", " ").replace("\u00a0", " ")


def report_of(plans: list[Path], **options: object) -> NetworkReport:
    request = Request(
        paths=plans,
        year=int(options.pop("year", YEAR)),  # type: ignore[call-overload]
        lang=str(options.pop("lang", "en")),
        output=Path("out"),
        formats=["md"],
        today=TODAY,
        **options,  # type: ignore[arg-type]
    )
    return run_network(request).report


def test_totals_count_every_plan_and_shares_only_the_valid_ones(network: Path) -> None:
    """Five plans: three valid (counted), one with errors, one unreadable; the obligation
    Ajaccio no longer covers is 2 / 3, and Ajaccio is named."""
    report = report_of([network])
    totals = report.whole.totals
    assert (totals.plans, totals.valid, totals.with_errors, totals.unreadable) == (5, 3, 1, 1)
    [view] = report.whole.referentials
    assert view.cities == 3
    formation = next(o for o in view.obligations if o.id == "formation")
    assert (formation.cities, formation.of, formation.missing) == (2, 3, ("Ajaccio",))
    others = [o for o in view.obligations if o.id != "formation"]
    assert len(others) == 5  # the referential's six obligations, formation apart
    assert all((o.cities, o.of, o.missing) == (3, 3, ()) for o in others)


def test_cities_listed_by_department_in_french_order_none_dropped(network: Path) -> None:
    """2A comes before 21 (where 20 was); the unreadable plan, with no département, last."""
    report = report_of([network])
    listed = [(c.department, c.city, c.state) for c in report.whole.cities]
    assert listed == [
        ("2A", "Ajaccio", PlanState.VALID),
        ("21", "Beaune", PlanState.VALID),
        ("21", "Dijon", PlanState.VALID),
        ("69", "Lyon", PlanState.ERRORS),
        (None, None, PlanState.UNREADABLE),
    ]
    lyon = report.whole.cities[3]
    assert lyon.errors == 1 and lyon.findings[0].rule == "wrong-type"
    assert lyon.findings[0].location.startswith("plans/lyon.yaml:")


def test_commitments_add_up_the_cities_actions_and_budgets(network: Path) -> None:
    """Each commitment's live actions and budget are the sum over the three counted cities;
    Ajaccio's abandoned actions count nowhere."""
    report = report_of([network / "dijon.yaml"])
    [single] = report.whole.referentials
    whole = report_of([network]).whole.referentials[0]
    dijon = {u.id: u for u in single.commitments}
    ajaccio = next(c for c in report_of([network]).whole.cities if c.city == "Ajaccio")
    ajaccio_live = {c: n for c, n, _ in ajaccio.commitments}
    ajaccio_budget = {c: b for c, _, b in ajaccio.commitments}
    assert [u.id for u in whole.commitments] == list(dijon) == list(ajaccio_live)
    for u in whole.commitments:
        assert u.actions == 2 * dijon[u.id].actions + ajaccio_live[u.id]
        assert u.budget == 2 * dijon[u.id].budget + ajaccio_budget[u.id]
    assert sum(ajaccio_live.values()) == sum(u.actions for u in single.commitments) - 3


def test_figures_are_those_of_the_citys_own_followup(network: Path) -> None:
    """The row of a plan holds what `vae report` shows for it that year."""
    from vae_cli.check import Checker
    from vae_cli.report.followup import build_followup
    from vae_cli.report.source import Source

    row = next(c for c in report_of([network]).whole.cities if c.city == "Ajaccio")
    checked = Checker(as_of=TODAY.year).check_plan(network / "corse" / "ajaccio.yaml")
    assert checked.plan is not None and checked.referential is not None
    followup = build_followup(
        checked.plan,
        checked.referential,
        year=YEAR,
        source=Source(path="x"),
        warnings=[],
        lang="en",
    )
    glance = followup.glance
    assert row.actions == glance.actions
    assert row.on_track_or_done == glance.on_track_or_done
    assert row.budget_planned == glance.budget_planned
    assert row.spent_year == glance.spent_year
    assert row.spent_to_date == glance.spent_to_date
    assert row.by_standing == tuple((c.key, c.count) for c in glance.by_standing)
    assert row.obligations_missing == {o.obligation.id for o in followup.uncovered}
    assert row.paid_this_year == followup.membership.paid_this_year
    held = followup.consultation.held
    assert row.consultation is not None and held is not None
    assert row.consultation.questionnaires == held.respondents


def test_parallel_and_serial_give_the_same_report(network: Path) -> None:
    """One process or two: the same rows, in the same order."""
    assert report_of([network], workers=1) == report_of([network], workers=2)


def test_files_written_side_by_side_are_those_written_one_after_another(network: Path) -> None:
    """The formats are written by forked writers on every core: the same bytes as one by one
    in this process (the spreadsheet's content; its zip holds the time it was written)."""
    import zipfile

    written = {}
    for workers in (1, 2):
        out = Path(f"out-{workers}")
        request = Request(
            paths=[network],
            year=YEAR,
            lang="fr",
            output=out,
            formats=["md", "html", "ods", "csv"],
            today=TODAY,
            workers=workers,
        )
        run_network(request)
        files = {p.name: p.read_bytes() for p in out.iterdir() if p.suffix != ".ods"}
        with zipfile.ZipFile(out / f"network-{YEAR}.fr.ods") as ods:
            files["content.xml"] = ods.read("content.xml")
        written[workers] = files
    assert len(written[1]) == 4
    assert written[1] == written[2]


def test_a_writer_failing_in_a_worker_fails_as_it_would_here(
    network: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer's error comes out as the error itself, not as a broken pool."""
    from vae_cli.network import outputs

    def failing(report: NetworkReport) -> str:
        raise RuntimeError("the writer failed")

    monkeypatch.setitem(
        outputs.OUTPUTS, "md", dataclasses.replace(outputs.OUTPUTS["md"], write=failing)
    )
    request = Request(
        paths=[network], year=YEAR, lang="fr", output=Path("out"), formats=["md", "csv"],
        today=TODAY, workers=2,
    )  # fmt: skip
    with pytest.raises(RuntimeError, match="the writer failed"):
        run_network(request)


def test_a_plan_whose_summary_fails_is_a_row_not_a_crash(
    network: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug met on one plan: that plan is listed with the bug as its finding, the others are
    counted, the report is written and vae exits with 3."""
    real = summary.year_figures

    def failing(row, plan, referential, year, **options):  # type: ignore[no-untyped-def]
        if plan.city.name == "Beaune":
            raise ZeroDivisionError("boom")
        return real(row, plan, referential, year, **options)

    monkeypatch.setattr(summary, "year_figures", failing)
    run = run_vae("network", "plans", "--year", str(YEAR), "--output", "out", "-f", "md")
    assert run.exit_code == 3, run
    assert "wrote out/network-2023.fr.md" in run.stdout
    text = read("out/network-2023.fr.md")
    assert (
        "- plans/beaune.yaml (illisible)\n  - plans/beaune.yaml [internal-error] vae n'a pas pu"
        " faire le bilan de ce plan (ZeroDivisionError : boom) : un bogue de vae, pas du plan"
    ) in text
    report = report_of([network])  # monkeypatched still: the same holds in the core
    beaune = next(c for c in report.whole.cities if c.path == "plans/beaune.yaml")
    assert beaune.state is PlanState.UNREADABLE
    assert beaune.findings[0].rule == summary.INTERNAL_ERROR
    assert report.whole.totals.valid == 2


def test_cli_writes_french_markdown_and_the_tidy_file(network: Path) -> None:
    """French by default; the shares say their denominator; exit 1 as some plans fail."""
    run = run_vae("network", "plans", "--year", str(YEAR), "-o", "out", "-f", "md,csv")
    assert run.exit_code == 1, run
    assert run.stdout.splitlines() == [
        "wrote out/network-2023.fr.md",
        "wrote out/network-2023-indicators.csv",
    ]
    text = read("out/network-2023.fr.md")
    assert "# Réseau « Ville amie des enfants » — 2023" in text
    assert "| 2. Formation aux droits de l'enfant | 2 / 3 (67 %) | Ajaccio |" in text
    assert "valides : 3, en erreur : 1, illisibles : 1" in text
    rows = list(csv.DictReader(io.StringIO(Path("out/network-2023-indicators.csv").read_text())))
    assert {r["GeoCode"] for r in rows} == {"21231", "21054", "2A004"}
    dijon = [r for r in rows if r["GeoCode"] == "21231"]
    # Each indicator: a baseline, its measurements up to 2023, a target.
    one = [r for r in dijon if r["Indicator"] == dijon[0]["Indicator"]]
    assert one[0]["Observation"] == "baseline" and one[-1]["Observation"] == "target"
    measured = [int(r["Year"]) for r in one if r["Observation"] == "measurement"]
    assert measured and all(year <= YEAR for year in measured)


def test_english_report_and_names(network: Path) -> None:
    run = run_vae("network", "plans", "--year", str(YEAR), "-o", "out", "-f", "md", "--lang", "en")
    assert run.exit_code == 1, run
    text = read("out/network-2023.en.md")
    assert "# « Ville amie des enfants » network — 2023" in text
    assert "| 2. Training on children's rights | 2 / 3 (67%) | Ajaccio |" in text


def test_ci_log_gets_a_line_per_plan_in_order(network: Path) -> None:
    """Not a terminal: one line per plan, in the order the plans were found."""
    run = run_vae("network", "plans", "--year", str(YEAR), "-o", "out", "-f", "md", "--lang", "fr")
    assert run.stderr.replace("\u00a0", " ").splitlines() == [
        "plans/beaune.yaml : valide",
        "plans/casse.yaml : illisible",
        "plans/corse/ajaccio.yaml : valide, 1 avertissement",
        "plans/dijon.yaml : valide",
        "plans/lyon.yaml : 1 erreur, 0 avertissement",
    ]


def test_by_department_sections_in_order(network: Path) -> None:
    report = report_of([network], by_department=True)
    assert [s.department for s in report.departments] == ["2A", "21", "69"]
    dept21 = report.departments[1]
    assert dept21.totals.plans == 2 and dept21.referentials[0].cities == 2
    assert report.unplaced == ("plans/casse.yaml",)


def test_one_department(network: Path) -> None:
    run = run_vae(
        "network", "plans", "--year", str(YEAR), "-o", "out", "-f", "md,html", "--department", "2a"
    )
    assert run.exit_code == 0, run  # Ajaccio is valid
    for suffix in ("md", "html"):
        text = read(f"out/network-2023.fr.{suffix}")
        assert "Ajaccio" in text and "Dijon" not in text
        assert "Les villes du département 2A seulement." in text
        assert "1 plan dont le département n'a pas pu être lu est laissé de côté" in text


@pytest.mark.parametrize("code", ["20", "2C", "1", "abc"])
def test_a_department_code_that_does_not_exist_is_refused(network: Path, code: str) -> None:
    run = run_vae("network", "plans", "-o", "out", "--department", code, "--lang", "en")
    assert run.exit_code == 2, run
    assert f'"{code}" is not a département code' in run.stderr
    assert not Path("out").exists()


def test_a_department_without_plans_is_refused_with_those_found(network: Path) -> None:
    run = run_vae("network", "plans", "--year", str(YEAR), "-o", "out", "--department", "75")
    assert run.exit_code == 2, run
    assert "no plan of département 75 among the 5 plans read" in run.stderr
    assert "départements found: 2A, 21, 69" in run.stderr


def test_all_valid_exits_0(network: Path) -> None:
    run = run_vae(
        "network", "plans/dijon.yaml", "plans/beaune.yaml", "--year", str(YEAR), "-o", "o"
    )
    assert run.exit_code == 0, run


def test_a_folder_without_plans_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    run = run_vae("network", "empty", "-o", "out", "--lang", "en")
    assert run.exit_code == 2, run
    assert "no plan (*.yaml) in the folder empty" in run.stderr


def test_an_unknown_format_is_refused(network: Path) -> None:
    run = run_vae("network", "plans", "-o", "out", "-f", "md,pdf", "--lang", "en")
    assert run.exit_code == 2, run
    assert '"pdf" is not a format vae network writes' in run.stderr


def test_a_file_vae_did_not_write_is_never_overwritten(network: Path) -> None:
    mine = Path("out/network-2023.fr.md")
    mine.parent.mkdir()
    mine.write_text("my notes\n", encoding="utf-8")
    run = run_vae("network", "plans", "--year", str(YEAR), "-o", "out", "-f", "md")
    assert run.exit_code == 2, run
    assert "out/network-2023.fr.md exists and was not written by vae" in run.stderr
    assert mine.read_text(encoding="utf-8") == "my notes\n"
    again = run_vae("network", "plans", "--year", str(YEAR), "-o", "out", "-f", "md", "--force")
    assert again.exit_code == 1, again
    report = mine.read_text(encoding="utf-8")
    assert read(str(mine)).splitlines()[:2] == [
        "<!-- generated by `vae network`: edit the plan or the templates, not this file; "
        "`vae network` overwrites it. -->",
        "# Réseau « Ville amie des enfants » — 2023",
    ]
    # Its own file, it replaces without asking.
    mine.write_text(report.replace("Réseau", "Ancien réseau"), encoding="utf-8")
    assert run_vae("network", "plans", "--year", str(YEAR), "-o", "out", "-f", "md").exit_code == 1
    assert mine.read_text(encoding="utf-8") == report


def test_plan_text_is_escaped_in_markdown(network: Path) -> None:
    """A city's name is plan text: Markdown syntax in it shows as typed."""
    data = plan_data(city="Ville | *gras* @equipe", insee="21054", department="21")
    write_plan(network / "beaune.yaml", data)
    run_vae("network", "plans", "--year", str(YEAR), "-o", "out", "-f", "md")
    text = read("out/network-2023.fr.md")
    assert "Ville \\| \\*gras\\* @\u2060equipe" in text
    assert "*gras*" not in text.replace("\\*gras\\*", "")


def test_a_referential_among_the_plans_is_no_city(network: Path) -> None:
    """A network keeps its referential beside its plans: it is read by the plans that name
    it, and is not a row."""
    from tests.conftest import ROOT

    referential = ROOT / "vae_cli" / "referentials" / "unicef-france-vae-2020-2026.yaml"
    (network / "referentiel.yaml").write_bytes(referential.read_bytes())
    report = report_of([network])
    assert report.whole.totals.plans == 5
    assert all(c.path != "plans/referentiel.yaml" for c in report.whole.cities)


def test_the_tidy_file_is_replaced_only_when_vae_wrote_it(network: Path) -> None:
    """A CSV has no room for a mark: vae knows its own by the exact header."""
    data = Path("out/network-2023-indicators.csv")
    data.parent.mkdir()
    data.write_text("Year,Value\n2023,1\n", encoding="utf-8")
    run = run_vae("network", "plans", "--year", str(YEAR), "-o", "out", "-f", "csv")
    assert run.exit_code == 2, run
    assert data.read_text(encoding="utf-8") == "Year,Value\n2023,1\n"
    data.unlink()
    assert run_vae("network", "plans", "--year", str(YEAR), "-o", "out", "-f", "csv").exit_code == 1
    tidy = data.read_text(encoding="utf-8")
    header = "Year,Indicator,Series,Observation,Units,GeoCode,City,Department,Value"
    assert tidy.splitlines()[0] == header and len(tidy.splitlines()) > 1
    # Its own file (the exact header), it replaces: the rows of a stale run are gone.
    data.write_text(f"{header}\n2020,x,x,baseline,%,00000,Ancienne,00,1\n", encoding="utf-8")
    assert run_vae("network", "plans", "--year", str(YEAR), "-o", "out", "-f", "csv").exit_code == 1
    assert data.read_text(encoding="utf-8") == tidy


def test_a_year_outside_a_mandate_lists_the_plan_without_counting_it(network: Path) -> None:
    """2027 is not in Dijon's 2020-2026 mandate: there is no follow-up of it to add up."""
    report = report_of([network / "dijon.yaml"], year=2027)
    [dijon] = report.whole.cities
    assert dijon.outside_mandate and not dijon.counted
    assert report.whole.referentials == ()
    totals = report.whole.totals
    assert (totals.valid, totals.counted, totals.year_recorded, totals.paid) == (1, 0, 0, 0)
    # The page says why a valid plan is not counted, and takes no share over it.
    page = html(report)
    assert "Not counted: its mandate does not hold 2027." in page
    assert "0 / 0 <small>cities counted</small>" in page


def test_a_plan_with_many_errors_is_listed_with_its_first_three(network: Path) -> None:
    """Five budgets written the French way: five errors counted, the first three shown, in
    the order of the file, as `vae validate` locates them."""
    lyon = plan_data(city="Lyon", insee="69123", department="69")
    for action in lyon["actions"][:5]:
        action["budget_eur"] = "180 000,50"
    write_plan(network / "lyon.yaml", lyon)
    row = next(c for c in report_of([network]).whole.cities if c.city == "Lyon")
    assert row.errors == 5 and len(row.findings) == 3
    lines = [int(f.location.split(":")[1]) for f in row.findings]
    assert lines == sorted(set(lines))  # three distinct places, in the order of the file
    budgets = [
        n
        for n, line in enumerate(Path("plans/lyon.yaml").read_text().splitlines(), start=1)
        if line.strip().startswith("budget_eur: 180 000,50")
    ]
    assert len(budgets) == 5 and lines == budgets[:3]
    assert {f.rule for f in row.findings} == {"wrong-type"}
