"""The message catalogs: in step with the templates, French complete, English from msgids."""

from __future__ import annotations

import pytest

from tools.catalogs import extract, updated
from vae_cli.i18n.catalogs import translations
from vae_cli.i18n.formatting import Formatter
from vae_cli.i18n.language import LANGUAGES, catalog_path
from vae_cli.i18n.typography import french_order, french_spacing


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_catalog_is_in_step_with_the_templates(lang: str) -> None:
    committed = catalog_path(lang).read_text(encoding="utf-8")
    assert committed == updated(lang, extract()), (
        f"{lang}.po is stale: run `python -m tools.catalogs`, then translate"
    )


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_catalog_passes_the_translators_own_tool(lang: str) -> None:
    """Translators open the catalogs with the gettext tools: `msgfmt --check` must accept them
    (it checks, among others, that a translation keeps the msgid's format placeholders)."""
    import os
    import shutil
    import subprocess

    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        assert not os.environ.get("CI"), "CI installs gettext (.ci/run): msgfmt is missing"
        pytest.skip("msgfmt not installed (apt-get install gettext)")
    run = subprocess.run(
        [msgfmt, "--check", "-o", os.devnull, str(catalog_path(lang))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr


def test_every_message_has_a_french_translation() -> None:
    french = translations("fr")
    untranslated = [m for m in extract() if m.id and french.gettext(str(m.id)) == m.id]
    # A few messages read the same in both languages.
    same = {"Action", "Actions", "Budget", "Commission", "Dates", "Obligation", "Obligations",
            "Total", "obligation %(number)s (%(label)s)",
            # The command line's: Click's usage words, a metavar, sentences put together,
            # the names of arguments.
            "[OPTIONS]", "Arguments", "Options", "PLAN", "<md|html|pdf|all>", "{missing} {choose}",
            "{sentence} {options}", "action", "plan", "plans",
            # vae diff's: headings and clauses French writes as English does.
            "Format", "Contacts", "Consultations", "budget {before} → {after}",
            "budget {amount}", "obligations {ids}", "{indicator} ({label}, action {action})",
            "{base} ({commit})", "page", "Source",
            # vae network's: words French shares (Département is French in English too).
            "Consultation", "Département", "Département %(code)s", "Maximum", "Minimum",
            "Note", "Plans", "Question", "Questionnaires", "Questions", "maximum", "minimum",
            "UNICEF France · Ville amie des enfants"}  # fmt: skip
    assert [m.id for m in untranslated if m.id not in same] == []


def test_french_formats_money_numbers_and_dates_the_french_way() -> None:
    import datetime as dt

    from vae_cli.i18n.formatting import Formatter

    fr, en = Formatter("fr"), Formatter("en")
    # CLDR writes the French thousands separator as a narrow no-break space, and a no-break
    # space before the euro sign: 1 234,50 € as it should print.
    assert fr.money(1234.5) == "1\u202f234,50\xa0€"
    assert fr.money(50000) == "50\u202f000\xa0€"
    assert en.money(1234.5) == "€1,234.50"
    assert fr.percent_value(12.5) == "12,5\u202f%"  # a narrow no-break space, as French has it
    assert fr.date(dt.date(2020, 11, 2)) == "2 novembre 2020"


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Rues aux écoles : apaiser", "Rues aux écoles\u202f: apaiser"),
        ("Quoi ? Oui ! Et ; puis", "Quoi\u202f? Oui\u202f! Et\u202f; puis"),
        ("le «Plan» et « la Ville »", "le «\u202fPlan\u202f» et «\u202fla Ville\u202f»"),
        ("52 % des 12\u00a0%", "52\u202f% des 12\u202f%"),
        ("https://dijon.fr/a:b, 10:30, x %(share)s", "https://dijon.fr/a:b, 10:30, x %(share)s"),
    ],
)
def test_french_text_gets_narrow_no_break_spaces(typed: str, printed: str) -> None:
    assert french_spacing(typed) == printed


def test_departments_sort_in_french_order() -> None:
    leads = ["Service des sports", "École et jeunesse", "Direction de l'éducation", "eau", "Zoo"]
    assert sorted(leads, key=french_order) == [
        "Direction de l'éducation", "eau", "École et jeunesse", "Service des sports", "Zoo",
    ]  # fmt: skip


def test_dates_in_prose_are_written_out() -> None:
    assert Formatter("fr").date("2026-11-28") == "28 novembre 2026"
    assert Formatter("en").date("2026-11-28") == "28 November 2026"
