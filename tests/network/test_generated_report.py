"""`vae network` on a generated network of 300 plans (tools/network_gen.py), as UNICEF France
would run it: the report, in French and in English, counts what the generator says it planted:
plans with errors and unreadable ones, the cities that miss each obligation, each question's
answers, the year's follow-up and fees. The numbers are read back from the written Markdown,
as a reader reads them, and the page opens in Chromium as the follow-up's does.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_vae
from tests.report.browser import Browser
from tests.report.test_browser import browser
from tools.network_gen import Manifest, generate
from vae_cli.models.referential import Referential
from vae_cli.referentials import builtin_referentials

__all__ = ["browser"]  # the module-scoped Chromium, shared with the follow-up's tests

YEAR = 2026
PLANS = 300
WORDS = {
    "fr": {
        "read": "Plans lus",
        "totals": r"valides : (\d+), en erreur : (\d+), illisibles : (\d+)",
        "recorded": f"Année {YEAR} entièrement saisie",
        "paid": f"Cotisation {YEAR} payée",
        "answered": "réponses :",
        "yes": "oui",
        "no": "non",
        "department": "Département",
        "spread": "; Minimum {}, médiane {}, maximum {}",
        "not counted": "Plans non comptés",
    },
    "en": {
        "read": "Plans read",
        "totals": r"valid: (\d+), with errors: (\d+), unreadable: (\d+)",
        "recorded": f"Year {YEAR} fully recorded",
        "paid": f"{YEAR} membership fee paid",
        "answered": "answered:",
        "yes": "yes",
        "no": "no",
        "department": "Department",
        "spread": "; Minimum {}, median {}, maximum {}",
        "not counted": "Plans not counted",
    },
}


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Manifest]:
    folder = tmp_path_factory.mktemp("generated") / "reseau"
    return folder, generate(folder, PLANS, seed=1, year=YEAR)


@pytest.fixture(scope="module")
def written(network: tuple[Path, Manifest]) -> dict[str, Path]:
    """The report in both languages (the English one by département), through the CLI."""
    folder, _ = network
    out = folder.parent / "out"
    files = {}
    for lang, extra in (("fr", []), ("en", ["--by", "department"])):
        run = run_vae(
            *("network", folder, "--year", YEAR, "-o", out, "-f", "md,html", "--lang", lang),
            *extra,
        )
        # Some plans have errors: exit 1, and every file written all the same.
        assert run.exit_code == 1, run
        for suffix in ("md", "html"):
            assert str(out / f"network-{YEAR}.{lang}.{suffix}") in run.stdout, run
        files[lang] = out / f"network-{YEAR}.{lang}.md"
    return files


def referentials() -> list[Referential]:
    return [
        Referential.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        for path in builtin_referentials().values()
    ]


def text_of(path: Path) -> str:
    """The written Markdown with French no-break spaces as plain ones (the test reads words)."""
    return path.read_text(encoding="utf-8").replace("\u202f", " ").replace("\u00a0", " ")


def whole_network(written: dict[str, Path], lang: str) -> str:
    """The report written in `lang` up to its first département section (the whole
    network's part)."""
    return text_of(written[lang]).split(f"\n## {WORDS[lang]['department']} ", 1)[0]


def referential_section(text: str, name: str) -> str:
    start = text.index(f"\n## {name}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def share(text: str, label: str) -> tuple[int, int]:
    found = re.search(rf"\*\*{re.escape(label)} ?:\*\* (\d+) / (\d+)", text)
    assert found, label
    return int(found[1]), int(found[2])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_plans_counted_are_those_planted(
    network: tuple[Path, Manifest], written: dict[str, Path], lang: str
) -> None:
    _, manifest = network
    words = WORDS[lang]
    text = whole_network(written, lang)
    totals = re.search(rf"\*\*{words['read']} ?:\*\* (\d+) — {words['totals']}", text)
    assert totals, text[:500]
    assert [int(n) for n in totals.groups()] == [
        PLANS,
        len(manifest.valid),
        len(manifest.with_errors),
        len(manifest.unreadable),
    ]
    # Every generated plan's mandate holds the year: every valid one is counted.
    assert share(text, words["recorded"]) == (
        sum(p.year_recorded for p in manifest.valid),
        len(manifest.valid),
    )
    assert share(text, words["paid"]) == (sum(p.paid for p in manifest.valid), len(manifest.valid))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_plan_with_errors_is_listed_with_the_rule_planted(
    network: tuple[Path, Manifest], written: dict[str, Path], lang: str
) -> None:
    folder, manifest = network
    text = whole_network(written, lang)
    listed = text.split(f"\n## {WORDS[lang]['not counted']}\n", 1)[1]
    # Each plan: `- PATH (state) — City`, then its findings, indented.
    entries = re.split(r"\n- ", listed)[1:]
    by_path = {e.split(" (", 1)[0].strip("`"): e for e in entries}
    failed = [p for p in manifest.plans if p.state != "valid"]
    assert sorted(by_path) == sorted(str(folder / p.path) for p in failed)
    for plan in failed:
        assert f"[{plan.rule}]" in by_path[str(folder / plan.path)], plan.path


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_cities_missing_each_obligation_are_those_planted(
    network: tuple[Path, Manifest], written: dict[str, Path], lang: str
) -> None:
    _, manifest = network
    text = whole_network(written, lang)
    shipped = referentials()
    assert len(shipped) == 2
    for referential in shipped:
        name = getattr(referential.name, lang)
        section = referential_section(text, name)
        counted = sum(1 for p in manifest.valid if p.referential == referential.id)
        planted = manifest.missing(referential.id)
        rows = 0
        for obligation in referential.obligations:
            row = re.search(
                rf"\n\| {obligation.number}\. [^|]+\| (\d+) / (\d+)[^|]*\| ([^|]+) \|", section
            )
            assert row, (name, obligation.id)
            missing = planted.get(obligation.id, ())
            assert (int(row[1]), int(row[2])) == (counted - len(missing), counted), obligation.id
            shown = [] if row[3] == "—" else row[3].split(", ")
            assert sorted(shown) == sorted(missing), obligation.id
            rows += 1
        assert rows == len(referential.obligations)
    # The generator planted gaps in both referentials: the assertions above compared lists
    # that are not all empty.
    assert all(manifest.missing(r.id) for r in shipped)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_questions_answers_are_those_planted(
    network: tuple[Path, Manifest], written: dict[str, Path], lang: str
) -> None:
    _, manifest = network
    words = WORDS[lang]
    text = whole_network(written, lang)
    referential = next(r for r in referentials() if r.questions)
    section = referential_section(text, getattr(referential.name, lang))
    planted = manifest.answers()
    for question in referential.questions:
        line = next(
            (
                s
                for s in section.splitlines()
                if s.startswith(f"- **{getattr(question.label, lang)}")
            ),
            None,
        )
        assert line, question.id
        counts = planted[question.id]
        unanswered = counts.get("unanswered", 0)
        answered = sum(counts.values()) - unanswered
        assert f"{words['answered']} {answered} / {answered + unanswered} (" in line, line
        if question.kind == "yes_no":
            for key in ("yes", "no"):
                assert f"; {words[key]} {counts.get(key, 0)} / {answered} (" in line, line
        else:
            spread = _spread(manifest.numbers(question.id), lang)
            assert words["spread"].format(*spread) in line, (line, spread)


def _spread(values: list[float], lang: str) -> list[str]:
    """The minimum, median and maximum as the report writes them (Babel's decimal format)."""
    from babel.numbers import format_decimal

    middle = len(values) // 2
    median = values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2
    figures = [format_decimal(v, locale=lang) for v in (values[0], median, values[-1])]
    return [f.replace("\u202f", " ").replace("\u00a0", " ") for f in figures]


def test_each_department_counts_its_own_plans(
    network: tuple[Path, Manifest], written: dict[str, Path]
) -> None:
    """The local committees' view (--by department): each département's valid plans."""
    _, manifest = network
    text = text_of(written["en"])
    sections = re.split(r"\n## Department ", text)[1:]
    shown = {}
    for section in sections:
        code = section.split("\n", 1)[0]
        found = re.search(r"valid: (\d+),", section)
        assert found, code
        shown[code] = int(found[1])
    expected = manifest.departments(valid_only=True)
    assert {k: v for k, v in shown.items() if v} == expected
    assert len(expected) > 20  # a network spread over many départements, Corsica and overseas


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_page_of_300_cities_loads_alone_and_reads_on_a_phone(
    browser: Browser, written: dict[str, Path], lang: str
) -> None:
    page = written[lang].with_suffix(".html")
    browser.open(page)
    assert browser.errors() == []
    assert browser.requests() == [page.as_uri()]
    # Each plan once: in the whole network's table, or (by département) in its département's
    # or, for a plan with no département, the network's.
    assert browser.evaluate("document.querySelectorAll('table.cities tbody tr').length") == PLANS
    browser.open(page, width=375, height=812)
    assert browser.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
