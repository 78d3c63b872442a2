"""A year's follow-up says only what was known at the end of that year, and says so when that
year is not over: what a reader of the report would notice otherwise."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_vae
from vae_cli.i18n.formatting import Formatter, french_unit
from vae_cli.report.environment import render
from vae_cli.report.run import Request, write_reports

SMALL_TOWN = ROOT / "tests" / "example-files" / "positive" / "small-town.yaml"


@pytest.fixture
def small_town(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    plan = tmp_path / "small-town.yaml"
    shutil.copy(SMALL_TOWN, plan)
    monkeypatch.chdir(tmp_path)
    return plan


def _edit(plan: Path, old: str, new: str) -> None:
    text = plan.read_text(encoding="utf-8")
    assert old in text
    plan.write_text(text.replace(old, new), encoding="utf-8")


def _report(plan: Path, year: int, *, lang: str = "fr", today: dt.date | None = None) -> str:
    """The Markdown follow-up of `year`, as `vae report` writes it (on `today`, if given), with
    French no-break spaces read as spaces."""
    if today is None:
        for fmt in ("md", "html"):  # not `all`: the PDF is tested on its own, and costs
            run = run_vae("report", plan, "--year", year, "--lang", lang, "--format", fmt)
            assert run.exit_code == 0, run
    else:
        outcome = write_reports(
            Request(
                plans=[plan],
                year=year,
                kinds=["followup"],
                formats=["md", "html"],
                lang=lang,
                output=Path("reports"),
                template_dir=None,
                force=False,
                today=today,
            )
        )
        assert not outcome.failed.files
    text = Path("reports", plan.stem, f"{year}-followup.{lang}.md").read_text(encoding="utf-8")
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _section(text: str, title: str) -> str:
    return text.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


ANNEX = "Annexe : contrôles du fichier du plan"


def test_points_to_watch_ignore_what_was_recorded_after_the_year(small_town: Path) -> None:
    # 20 000 € spent in 2025 takes aide-devoirs over its budget, but only from 2025 on.
    _edit(small_town, "{year: 2025, status: in_progress, spent_eur: 5000}", "{year: 2025, "
          "status: in_progress, spent_eur: 20000}")  # fmt: skip
    text = _report(small_town, 2022)
    assert "Aide aux devoirs gratuite » a dépensé" not in _section(text, "Points de vigilance")
    assert "aide-devoirs" not in _section(text, ANNEX), text
    assert "10 000 € / 30 000 €" in text  # the action table of the same report
    later = _report(small_town, 2025)
    assert "« Aide aux devoirs gratuite » a dépensé 37 000 € pour un budget de 30 000 €." in (
        _section(later, "Points de vigilance")
    )
    # The annex's findings still point at the lines of the real file.
    lines = small_town.read_text(encoding="utf-8").splitlines()
    annex = _section(later, ANNEX)
    over = next(w for w in annex.splitlines() if "aide-devoirs" in w and "over-budget" in w)
    line = int(over.split("(ligne ", 1)[1].split(",", 1)[0])
    assert lines[line - 1].strip() == "budget_eur: 30000"
    action = lines.index("  - id: aide-devoirs")
    assert action < line < lines.index("  - id: ecole-numerique")


def test_a_payment_made_later_does_not_hide_a_missing_one(small_town: Path) -> None:
    # The 2022 fee, recorded late: the 2022 report saw no payment for 2021 if it had been
    # missing then; here 2021's entry is dated 2023, so at the end of 2022 it was not there.
    _edit(small_town, "{year: 2021, amount_eur: 150}", "{year: 2023, amount_eur: 150}")
    _edit(small_town, "    - {year: 2023, amount_eur: 150}\n", "")
    text = _report(small_town, 2022)
    assert "- Cotisation : aucun versement enregistré pour 2021." in (
        _section(text, "Points de vigilance")
    )
    assert "membership-payment-missing" in _section(text, ANNEX)


def test_a_consultation_still_running_at_the_end_of_the_year_claims_no_results(
    small_town: Path,
) -> None:
    # The 2020-2021 edition ran from 15 October 2020 to 15 March 2021.
    text = _report(small_town, 2020)
    glance = _section(text, "L'essentiel")
    assert "édition 2020-2021 en cours (jusqu'au 15 mars 2021) : pas encore de résultats" in glance
    assert "questionnaires" not in glance and "résultats locaux reçus" not in glance
    after = _section(_report(small_town, 2021), "L'essentiel")
    assert "édition 2020-2021, 240 questionnaires, résultats locaux reçus" in after
    english = _section(_report(small_town, 2020, lang="en"), "At a glance")
    assert "edition 2020-2021 under way (until 15 March 2021): no results yet" in english


def test_one_questionnaire_is_singular(small_town: Path) -> None:
    _edit(small_town, "respondents: 240", "respondents: 1")
    assert "édition 2020-2021, 1 questionnaire," in _report(small_town, 2021)


def test_the_year_under_way_is_labelled_as_such_and_nowhere_else(small_town: Path) -> None:
    label = "Année en cours : les saisies de 2026 peuvent être incomplètes"
    november = dt.date(2026, 11, 15)
    text = _report(small_town, 2026, today=november)
    header, glance = text.split("\n## ", 1)[0], _section(text, "L'essentiel")
    assert label in header and label in glance
    assert "Situation fin 2026" not in text
    html = Path("reports/small-town/2026-followup.fr.html").read_text(encoding="utf-8")
    assert html.replace("\u202f", " ").replace("\u00a0", " ").count(label) == 2
    # The year under way is not over: none of its entries is overdue yet.
    assert "no progress entry for 2026" not in _section(text, "Points de vigilance")
    # A year that is over reads as before, whatever day it is; the same day, the same bytes.
    assert "Année en cours" not in _report(small_town, 2025, today=november)
    assert "Année en cours" not in _report(small_town, 2025, today=dt.date(2027, 2, 1))
    assert _report(small_town, 2026, today=dt.date(2026, 1, 2)) == text


def test_method_section_is_true_and_reads_as_paragraphs(small_town: Path) -> None:
    text = _report(small_town, 2023)
    method = _section(text, "Méthode")
    paragraphs = [p for p in method.strip().split("\n\n") if p]
    assert len(paragraphs) == 8, method
    assert all("\n" not in p for p in paragraphs)
    assert "avant son année de début, une action est « à venir »" in method
    assert "une action continue est en bonne voie tant qu'elle est en cours" in method
    assert "au lieu de remplacer 0 par 0,001 comme le fait Open SDG" in method
    assert "Cible non atteinte (un statut qu'Open SDG n'a pas)" in method
    assert "une cible égale à la valeur de départ" in method
    # A list is always followed by a blank line before the next heading.
    lines = text.splitlines()[1:]  # after the generated-by comment
    for before, line in itertools.pairwise(lines):
        if line.startswith("#"):
            assert before == "", f"no blank line before {line!r}"


def test_subtitle_names_the_mandate_once(small_town: Path) -> None:
    fr = _report(small_town, 2023).splitlines()[3]
    assert fr == "Ville amie des enfants — UNICEF France, mandat 2020-2026 · Situation fin 2023"
    en = _report(small_town, 2023, lang="en").splitlines()[3]
    assert en.count("2020") == 1 and "–" not in en


def test_points_to_watch_show_message_and_line_not_developer_hints(small_town: Path) -> None:
    _edit(small_town, "      - {year: 2023, status: in_progress}\n", "")
    text = _report(small_town, 2023)
    # The council's points name the action by its title, in French, with no line or rule.
    watch = _section(text, "Points de vigilance")
    assert "- « Conseil municipal des enfants » : aucun suivi saisi pour l'année." in watch
    assert (
        "ligne" not in watch and "progress-missing" not in watch and "conseil-enfants" not in watch
    )
    # The validator's finding is in the annex, in French (`vae validate --lang fr`'s words).
    annex = _section(text, ANNEX)
    assert "aucun suivi d'avancement pour 2023" in annex
    assert "sous `progress:`" not in annex and "\\`" not in annex
    html = Path("reports/small-town/2023-followup.fr.html").read_text(encoding="utf-8")
    assert "sous `progress:`" not in html and "<code>progress-missing</code>" in html


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("t.md", "add ``a`b`` to \\*x\\* and `c`"),
        ("t.html", "add <code>a`b</code> to *x* and <code>c</code>"),
    ],
)
def test_code_in_a_message_is_shown_as_code(tmp_path: Path, name: str, expected: str) -> None:
    (tmp_path / name).write_text("{{ report|code_spans }}", encoding="utf-8")
    text = render(name, "add ``a`b`` to *x* and `c`", lang="fr", template_dir=tmp_path)
    assert text.splitlines()[-1] == expected
    edge = render(name, "run `` `x ``", lang="fr", template_dir=tmp_path).splitlines()[-1]
    assert edge == ("run `` `x ``" if name.endswith(".md") else "run <code>`x</code>")


def test_counts_and_shares_read_right(small_town: Path) -> None:
    # A unit in the plural is singular below 2, as French writes it.
    _edit(small_town, "baseline: {year: 2020, value: 4}", "baseline: {year: 2020, value: 1}")
    text = _report(small_town, 2023)
    assert "1 séance (2020)" in text and "10 séances (2026)" in text
    assert "| Direction pilote | Actions | Réalisées |" in text
    # Something spent is never 0 % of the budget.
    _edit(small_town, "budget_eur: 30000", "budget_eur: 100000000")
    glance = _section(_report(small_town, 2023), "L'essentiel")
    # (Markdown writes the spaces of numbers as plain spaces, and escapes the <.)
    assert "139 000 € (\\< 1 %)" in glance and "(0 %)" not in glance


@pytest.mark.parametrize(
    ("unit", "value", "shown"),
    [
        ("écoles", 0, "école"),
        ("jeunes", 1.5, "jeune"),
        ("jeunes", 2, "jeunes"),
        ("places en crèche", 1, "place en crèche"),
        ("lieux", 1, "lieu"),
        ("mois", 1, "mois"),
        ("µg/m³", 1, "µg/m³"),
        ("km", 0, "km"),
    ],
)
def test_french_units_agree_with_their_number(unit: str, value: float, shown: str) -> None:
    assert french_unit(unit, value) == shown


def test_shares_near_the_ends_are_not_rounded_to_them() -> None:
    fr, en = Formatter("fr"), Formatter("en")
    assert fr.percent(0.004) == "<\u00a01\u202f%" and en.percent(0.004) == "<\u00a01%"
    assert fr.percent(0.998) == ">\u00a099\u202f%"
    assert fr.percent(0) == "0\u202f%" and fr.percent(1) == "100\u202f%"
    assert fr.percent(0.006) == "1\u202f%"
