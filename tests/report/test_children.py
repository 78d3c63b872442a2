"""The children's edition (`vae report --kind enfants`), read as its readers would read it: a
French readability score over the Dijon sample's edition, short sentences, no administrative
words, every action told in words written for children, and the gauge saying what the
follow-up says."""

from __future__ import annotations

import html.parser
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from textstat.textstat import textstatistics

from tests.conftest import ROOT, run_vae
from vae_cli.check import Checker
from vae_cli.report.children import Gauge, build_children

DIJON = ROOT / "plans" / "dijon-2020.yaml"
# Kandel and Moles' adaptation of Flesch's reading ease to French (207 - 1.015 words per
# sentence - 73.6 syllables per word), on Flesch's scale: 90 and over is "very easy", what an
# average 11-year-old reads; 80 to 90 "easy". The edition aims at a ten-year-old: at least 90.
READING_EASE_FLOOR = 90
MAX_WORDS_PER_SENTENCE = 15
# Words of the council's documents that a child does not know. The edition avoids them (its
# template text and the Dijon sample's texts for children alike).
JARGON = [
    "obligation",
    "indicateur",
    "référentiel",
    "engagement",
    "recommandation",
    "budget",
    "€",
    "euro",
    "%",
    "taux",
    "délibération",
    "mandat",
    "dispositif",
    "instance",
    "périscolaire",
    "parentalité",
    "quotient",
    "label",
    "pilote",
    "fiche",
    "statut",
]


class _Blocks(html.parser.HTMLParser):
    """The text a reader sees, one string per block (heading, paragraph, list item)."""

    BLOCKS = frozenset({"h1", "h2", "h3", "p", "li", "title"})

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self.depth = 0
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "svg"):
            self.skip += 1
        if tag in self.BLOCKS:
            self.blocks.append("")
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "svg"):
            self.skip -= 1
        if tag in self.BLOCKS:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.blocks[-1] += data


def visible_text(page: str) -> list[str]:
    parser = _Blocks()
    parser.feed(page)
    blocks = [re.sub(r"\s+", " ", b).strip() for b in parser.blocks]
    return [b for b in blocks if b]


def as_sentences(blocks: list[str]) -> str:
    """The blocks as running text: a heading or an item without a full stop ends a sentence
    all the same, as a reader takes it."""
    return " ".join(b if b[-1] in ".!?…»:" else b + "." for b in blocks)


@pytest.fixture(scope="module")
def dijon_edition(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("children")
    run = run_vae("report", DIJON, "--year", "2025", "--kind", "enfants", "--output", out)
    assert run.exit_code == 0, run
    folder = out / "dijon-2020"
    return {ext: (folder / f"2025-children.fr.{ext}").read_text("utf-8") for ext in ("md", "html")}


def french_reading_ease(text: str) -> float:
    stats = textstatistics()
    stats.set_lang("fr")
    return float(stats.flesch_reading_ease(text))


def test_the_dijon_edition_reads_easily(dijon_edition: dict[str, str]) -> None:
    text = as_sentences(visible_text(dijon_edition["html"]))
    score = french_reading_ease(text)
    assert score >= READING_EASE_FLOOR, f"Kandel-Moles reading ease {score:.1f}"
    sentences = [s for s in re.split(r"(?<=[.!?…])\s+", text) if s.strip()]
    words = [len(re.findall(r"[\w’'-]+", s)) for s in sentences]
    assert sum(words) / len(words) < MAX_WORDS_PER_SENTENCE


def test_a_hard_text_scores_below_the_floor() -> None:
    """The measure tells a council's sentence from a child's (else the floor proves nothing)."""
    council = (
        "Réviser le projet éducatif de territoire avec les établissements scolaires, les "
        "familles, les associations et les enfants eux-mêmes, pour en faire le cadre commun "
        "de la place de l'enfant sur l'ensemble de ses temps de vie, en cohérence avec les "
        "orientations municipales et les recommandations du réseau."
    )
    child = "Après la classe, tu peux avoir de l'aide pour tes devoirs. C'est gratuit."
    assert french_reading_ease(council) < READING_EASE_FLOOR <= french_reading_ease(child)


@pytest.mark.parametrize("ext", ["md", "html"])
def test_the_edition_uses_no_jargon(dijon_edition: dict[str, str], ext: str) -> None:
    page = dijon_edition[ext]
    # In Markdown, what follows the generated-by marker (the marker is written for vae).
    text = " ".join(visible_text(page)) if ext == "html" else page.split("-->", 1)[1]
    text = text.casefold()
    words = set(re.findall(r"\w+", text))
    # A symbol anywhere; a word as a word or the start of one (« engagements », « labels »).
    found = [w for w in JARGON if not w.isalpha() and w in text]
    found += [w for w in JARGON if w.isalpha() and any(x.startswith(w) for x in words)]
    assert not found, f"jargon in the children's edition: {sorted(set(found))}"


def test_every_dijon_action_is_told_in_words_for_children() -> None:
    checked = Checker(as_of=2026).check_plan(DIJON)
    assert checked.plan and checked.referential
    assert not [d for d in checked.result.diagnostics if d.rule == "children-text"]
    edition = build_children(checked.plan, checked.referential, year=2025, lang="fr")
    actions = [a for c in edition.commitments for a in c.actions]
    assert len(actions) == len(checked.plan.actions)
    assert all(a.written_for_children for a in actions)
    assert edition.said, "the sample records what children said"


def test_the_kind_is_named_in_french_or_english(report_plan: Path) -> None:
    for name in ("enfants", "children"):
        run = run_vae("report", report_plan, "--year", "2023", "--kind", name, "-o", name)
        assert run.exit_code == 0, run
        assert Path(name, "villebourg", "2023-children.fr.md").exists()
    first = Path("enfants", "villebourg", "2023-children.fr.html").read_bytes()
    assert first == Path("children", "villebourg", "2023-children.fr.html").read_bytes()


def test_the_english_edition_speaks_english(report_plan: Path) -> None:
    run = run_vae("report", report_plan, "--year", "2023", "--kind", "children", "--lang", "en")
    assert run.exit_code == 0, run
    page = Path("reports", "villebourg", "2023-children.en.html").read_text("utf-8")
    assert '<html lang="en">' in page
    assert "What the city promised" in page and "Ce que la Ville a promis" not in page


def test_the_gauge_says_what_the_follow_up_says(report_plan: Path) -> None:
    """Each action of the test plan in 2023, as the follow-up judges it, in the gauge's words:
    a done action is done, a delayed one late, one with no entry has no news (and reaches no
    step: the gauge never claims more than the plan records), an abandoned one given up."""
    checked = Checker(as_of=2024).check_plan(report_plan)
    assert checked.plan and checked.referential
    edition = build_children(checked.plan, checked.referential, year=2023, lang="fr")
    by_text = {a.text: a for c in edition.commitments for a in c.actions}
    expected = {
        "Devant ton école, la rue est fermée aux voitures quand tu arrives.": (Gauge.DONE, 3),
        "Après la classe, on t'aide à faire tes devoirs | c'est gratuit.": (Gauge.LATE, 2),
        "Au conseil des enfants, tu donnes tes idées pour la ville.": (Gauge.NO_NEWS, 0),
        "Un skatepark dessiné avec les jeunes du quartier.": (Gauge.NOT_STARTED, 1),
        "Groupes de travail UNICEF": (Gauge.STOPPED, 0),
        "Écoles numériques": (Gauge.DONE, 3),
    }
    assert {t: (a.gauge, a.steps) for t, a in by_text.items()} == expected
    # Told under "this year": what was under way or finished during 2023, nothing else.
    assert {a.text for a in edition.this_year} == set(list(expected)[:2])
    # Without a text for children, the title shows, and `vae validate` says so.
    assert not by_text["Groupes de travail UNICEF"].written_for_children
    warned = {
        d.message.values["action"] for d in checked.result.diagnostics if d.rule == "children-text"
    }
    assert warned == {"ecole-numerique", "groupes-unicef"}


@pytest.mark.slow
def test_the_dijon_pdf_has_two_to_four_a4_pages(tmp_path: Path) -> None:
    """The PDF (WeasyPrint's print of the HTML), read back by poppler's pdfinfo."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        assert not os.environ.get("CI"), "CI installs poppler-utils (.ci/run): pdfinfo is missing"
        pytest.skip("pdfinfo not installed (apt-get install poppler-utils)")
    run = run_vae(
        "report", DIJON, "--year", "2025", "--kind", "enfants", "-f", "pdf", "-o", tmp_path
    )
    assert run.exit_code == 0, run
    pdf = tmp_path / "dijon-2020" / "2025-children.fr.pdf"
    info = subprocess.run([pdfinfo, pdf], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])  # type: ignore[index]
    assert 2 <= pages <= 4, pages
    assert re.search(r"^Page size:\s+595\.\d* x 841\.\d* pts \(A4\)", info, re.M), info
