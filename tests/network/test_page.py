"""The network report's HTML page, from hand-built reports (tests/network/report_fixtures.py):
plan text shown as text, the words of the report's language, every share with what it is a
share of, and the départements' parts."""

from __future__ import annotations

import dataclasses
import html as html_module
import re
from pathlib import Path

import pytest

from tests.network import report_fixtures as fx
from vae_cli.network.data import NetworkReport
from vae_cli.network.page import html

NARROW = "\u202f"


def visible(page: str) -> str:
    """The text a reader sees, spaces of every kind read as one space."""
    body = re.sub(r"<(style|title)>.*?</\1>", "", page, flags=re.S)
    text = html_module.unescape(re.sub(r"<[^>]+>", " ", body))
    return " ".join(text.replace("\u00a0", " ").replace(NARROW, " ").split())


def part(page: str, anchor: str) -> str:
    """The HTML of the section whose id is `anchor`, up to the next section at its level."""
    start = page.index(f'<section id="{anchor}"')
    following = page.find('<section id="', start + 1)
    return page[start : following if following != -1 else len(page)]


@pytest.fixture(scope="module")
def french() -> str:
    return html(fx.network())


@pytest.fixture(scope="module")
def english() -> str:
    return html(fx.network(lang="en"))


@pytest.fixture(scope="module")
def by_department() -> str:
    return html(fx.network(by_department=True))


def test_plan_text_is_text_never_markup(french: str, english: str) -> None:
    for page in (french, english):
        assert "<script" not in page and "<img" not in page
        # The city named <script>, and the finding quoting an <img> tag, shown as typed.
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
        assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page
        assert "=cmd|&#39; /C calc&#39;!A0" in page
        # A right-to-left override would show "exe.txt" as "txt.exe" and reorder what
        # follows it in its table cell: it is shown as a visible character instead.
        for control in ("\u202e", "\u2066"):
            assert control not in page
        assert "Chenôve\ufffdexe.txt\ufffd" in page
        assert "plans/cass\ufffdé.yaml" in page


def test_the_page_is_french_by_default_and_english_when_asked(french: str, english: str) -> None:
    assert '<html lang="fr">' in french and '<html lang="en">' in english
    seen_fr, seen_en = visible(french), visible(english)
    assert "Réseau Ville amie des enfants : rapport 2025" in seen_fr
    assert "Ville amie des enfants network: report 2025" in seen_en
    for words in ("Vue d'ensemble", "Les obligations", "Questions du réseau", "Validité"):
        assert words in seen_fr and words not in seen_en
    for words in ("Overview", "The obligations", "Network questions", "Validity"):
        assert words in seen_en and words not in seen_fr
    # French typography: a narrow no-break space before the colon of a heading.
    assert f"enfants{NARROW}: rapport" in french
    # Money and numbers as each language writes them.
    assert "1 450 000,50 €" in seen_fr and "€1,450,000.50" in seen_en
    assert "1 234 questionnaires" in seen_fr and "1,234 questionnaires" in seen_en
    # In English, the plans' own (French) words are marked French for a screen reader.
    assert '<span lang="fr">Beaune</span>' in english
    assert '<span lang="fr">' not in french


def test_totals_say_what_they_are_out_of(french: str) -> None:
    seen = visible(part(french, "network-overview"))
    assert "6 plans lus" in seen
    assert "valides : 4" in seen and "avec erreurs : 1" in seen and "illisibles : 1" in seen
    # Year recorded and paid: out of the cities counted (valid plans whose mandate holds the
    # year), the only ones whose figures count.
    assert seen.count("3 / 4 villes comptées") == 2
    assert "leurs chiffres ne sont comptés nulle part" in seen


def test_every_share_shows_its_denominator(french: str) -> None:
    obligations = visible(part(french, "network-obligations"))
    # Formation: Dijon and Chenôve cover it, of the 4 valid plans; the two others are named.
    assert "Formation aux droits de l'enfant 50 % (2 sur 4) =cmd|' /C calc'!A0, Beaune" in (
        obligations
    )
    assert "Consultation nationale 100 % (4 sur 4) —" in obligations
    commitments = visible(part(french, "network-commitments"))
    assert "Bien-être de chaque enfant 100 % (4 sur 4) 21 1 080 000 €" in commitments
    assert "Alimentation 75 % (3 sur 4)" in commitments
    consultation = visible(part(french, "network-consultation"))
    assert "2023 3 / 4 1 804 2 / 3" in consultation


def test_questions_count_the_unanswered_apart(french: str) -> None:
    questions = visible(part(french, "network-questions"))
    assert "question choisie par le projet vae, pas par UNICEF France" in questions
    # Free meals: Dijon says yes, Chenôve no, two cities are silent: 50 % of the 2 answers,
    # the silent ones in a row of their own, never counted as a no.
    free = questions[questions.index("Gratuité pour les enfants") :]
    assert "Réponse de 2 des 4 villes comptées ; sans réponse : 2." in free
    assert "oui 1 50 % non 1 50 % Sans réponse 2 hors des parts" in free
    # The maximum meal price: its spread, in euros, over the 3 cities that gave one.
    price = questions[questions.index("Prix maximal") :]
    assert "Réponse de 3 des 4 villes comptées ; sans réponse : 1." in price
    assert "Minimum 2 € Médiane 3,20 € Maximum 4,50 €" in price


def test_every_plan_is_listed_and_a_broken_one_with_its_first_findings(french: str) -> None:
    cities = part(french, "network-cities")
    assert cities.count('<tr role="row" class="state-') == 6
    seen = visible(cities)
    assert "6 plans, aucun écarté" in seen
    errors = seen[seen.index("<script>") :]
    assert errors.startswith('<script>alert("x")</script> plans/autun-2020.yaml 71014 71')
    assert "2 erreurs (1 avertissement)" in errors
    assert "plans/autun-2020.yaml:12:17 budget_eur must be a number" in errors
    assert "(<code>wrong-type</code>)" in cities and "(<code>known-reference</code>)" in cities
    # The code span of the message is code; the rest of it escaped text.
    assert "<code>budget_eur</code>" in cities
    unreadable = seen[seen.index("Plan non lu") :]
    assert unreadable.startswith("Plan non lu plans/cass\ufffdé.yaml — — — ✖ Illisible")
    assert "plans/cass\ufffdé.yaml:3:1 the file is not valid YAML" in unreadable
    # Neither plan's figures are shown: five cells say they are not counted.
    assert unreadable.count("non compté") == 5


def test_a_valid_citys_row_shows_its_follow_up(french: str) -> None:
    seen = visible(part(french, "network-cities"))
    beaune = seen[seen.index("Beaune plans/beaune") : seen.index("Dijon plans/dijon")]
    assert "21054 21 2020–2026 unicef-france-vae-2020-2026 ✔ Valide" in beaune
    assert "✖ Non (3 actions en cours sans entrée)" in beaune
    assert "6 sur 12 en bonne voie ou réalisées" in beaune
    assert "Non renseignée 3" in beaune and "À l'arrêt" not in beaune  # no zero counts
    assert "En 2025 : 20 000 € Depuis le début : 95 000 € sur 300 000 € prévus" in beaune
    assert "Aucune tenue avant fin 2025" in beaune
    assert "✖ 2025 non enregistrée cotisation annuelle 400 € adhérente depuis 2016" in beaune


def test_departements_have_their_parts_and_a_table_of_contents(by_department: str) -> None:
    nav = by_department[by_department.index("<nav") : by_department.index("</nav>")]
    assert '<a href="#dep-21">Département 21</a>' in nav
    assert '<a href="#dep-71">Département 71</a>' in nav
    assert '<a href="#network-overview">' in nav and '<a href="#network-questions">' in nav
    for anchor in ("network-overview", "dep-21", "dep-71", "dep-21-cities", "dep-71-questions"):
        assert f'<section id="{anchor}"' in by_department
    # Each plan is listed once: in its département's part, or, when it has none (the one
    # that could not be read), in the network's part, never left out.
    outside = part(by_department, "network-cities")
    assert outside.count('<tr role="row" class="state-') == 1
    assert "Plans sans département" in outside and "plans/cass\ufffdé.yaml" in outside
    assert '<a href="#network-cities">Plans sans département</a>' in nav
    dep21 = part(by_department, "dep-21-cities")
    assert dep21.count('<tr role="row" class="state-') == 2
    assert "Beaune" in dep21 and "Dijon" in dep21 and "autun" not in dep21
    dep71 = visible(part(by_department, "dep-71-obligations"))
    assert "Formation aux droits de l'enfant 50 % (1 sur 2) =cmd|' /C calc'!A0" in dep71
    # Headings one level down inside a département's part.
    assert '<h3 id="dep-21-overview-h">' in by_department


def test_a_page_without_departements_has_no_department_part(french: str) -> None:
    assert 'id="dep-' not in french and 'href="#dep-' not in french
    assert 'id="network-cities"' in french


def test_several_referentials_each_get_a_heading(french: str) -> None:
    report = fx.network()
    view = report.whole.referentials[0]
    other = dataclasses.replace(view, id="autre-reseau", name="Un autre réseau")
    whole = dataclasses.replace(report.whole, referentials=(view, other))
    page = html(dataclasses.replace(report, whole=whole))
    obligations = part(page, "network-obligations")
    assert "<h3>Un autre réseau</h3>" in obligations
    assert "<h3>Ville amie des enfants 2020-2026 (UNICEF France)</h3>" in obligations
    # Its questions go one level further down.
    assert re.search(r'<h4 id="network-\d+-quotient-familial-h">', page)
    assert "<h3>" not in part(french, "network-obligations")


def test_no_valid_plan_is_said_not_shown_as_zero() -> None:
    report = fx.network()
    cities = tuple(c for c in report.whole.cities if not c.counted)
    whole = dataclasses.replace(
        report.whole,
        cities=cities,
        referentials=(),
        totals=dataclasses.replace(
            report.whole.totals, plans=2, valid=0, counted=0, year_recorded=0, paid=0
        ),
    )
    page = html(NetworkReport(year=2025, lang="fr", sources=("plans/",), whole=whole))
    assert visible(part(page, "network-obligations")).endswith(
        "Aucun plan valide : rien à compter."
    )


def test_the_page_names_vae_network_as_its_writer_and_may_be_overwritten(
    french: str, tmp_path: Path
) -> None:
    """The comment at the top says which command writes the page, and that command (not only
    `vae report`) recognises the page as its own to overwrite."""
    from vae_cli.report.environment import is_generated

    assert french.splitlines()[1].startswith("<!-- generated by `vae network`:")
    page = tmp_path / "network-2025.fr.html"
    page.write_text(french, encoding="utf-8")
    assert is_generated(page)
    page.write_text(french.replace("`vae network`", "`vae netwrk`"), encoding="utf-8")
    assert not is_generated(page)
