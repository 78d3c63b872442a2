"""Diagnostics in French: every message translated, the same findings at the same places."""

from __future__ import annotations

import re
import typing as t
from pathlib import Path

import pytest

from tests.conftest import AS_OF, ROOT, run_vae
from tools.catalogs import extract
from vae_cli.i18n.catalogs import catalog, read_po, translations
from vae_cli.i18n.language import language
from vae_cli.i18n.messages import counted, msg, render

NBSP = "\u00a0"


def diagnostic_templates() -> list[str]:
    return [
        str(m.id)
        for m in extract()
        if m.id and any(place.startswith("vae_cli/") for place, _ in m.locations)
    ]


def test_every_diagnostic_has_a_french_translation_with_the_same_placeholders() -> None:
    templates = diagnostic_templates()
    assert len(templates) > 150
    french = catalog("fr")
    assert [t for t in templates if t not in french] == []
    for template in templates:
        assert sorted(re.findall(r"\{\w*\}", template)) == sorted(
            re.findall(r"\{\w*\}", french[template])
        ), template


def test_french_diagnostics_use_french_typography() -> None:
    """Guillemets and a no-break space before : ; ? ! and inside « », outside code spans."""
    for template in diagnostic_templates():
        prose = catalog("fr")[template].split("`")[::2]
        for part in prose:
            assert not re.search(r" [:;?!»]|« ", part), (template, part)
            assert '"{' not in part or "guillemets" in part, (template, part)


def test_the_small_reader_agrees_with_babel() -> None:
    """`vae validate --lang fr` reads fr.po without Babel: it must read what Babel reads."""
    for lang in ("fr", "en"):
        babel = translations(lang)
        ours = read_po((ROOT / "vae_cli" / "i18n" / f"{lang}.po").read_text(encoding="utf-8"))
        for message in extract():
            if message.id and isinstance(message.id, str) and not message.context:
                expected = babel.gettext(message.id)
                assert ours.get(message.id, message.id) == expected, message.id


def test_messages_render_nested_values_in_the_same_language() -> None:
    described = msg('the text "{value}"', value="oui")
    message = msg("{described} must be text, found {found}", described="`x`", found=described)
    assert str(message) == '`x` must be text, found the text "oui"'
    assert render(message, "fr") == f"`x` doit être un texte, pas le texte «{NBSP}oui{NBSP}»"


def test_a_count_takes_the_singular_each_language_gives_it() -> None:
    """French writes 0 and 1 in the singular, English only 1: « 0 problème », "0 problems"."""
    words = (msg("{count} problem"), msg("{count} problems"))
    refused = [
        msg(
            "{problems} in the files: nothing was written to {plan}",
            problems=counted(n, *words),
            plan="p.yaml",
        )
        for n in (0, 1, 2)
    ]
    assert [render(m, "en").split(" in ")[0] for m in refused] == [
        "0 problems",
        "1 problem",
        "2 problems",
    ]
    assert [render(m, "fr").split(" dans ")[0] for m in refused] == [
        "0 problème",
        "1 problème",
        "2 problèmes",
    ]


def test_the_language_comes_from_the_option_then_vae_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VAE_LANG", raising=False)
    assert language() == "en"
    monkeypatch.setenv("VAE_LANG", "fr_FR.UTF-8")
    assert language() == "fr"
    assert language("en") == "en"
    monkeypatch.setenv("VAE_LANG", "de")
    assert language() == "en"


CASES: list[tuple[str, str, str, str, str]] = [
    # (name, text replaced in the small plan, by what, French message, French hint)
    (
        "yaml syntax",
        "  commission: Commission enfance",
        "  commission: Commission: enfance",
        "YAML invalide (une valeur après `:` n'est pas permise à cet endroit)",
        f"un texte qui contient «{NBSP}:{NBSP}» doit être entre guillemets, par exemple "
        f'title: "Objectif{NBSP}: 100{NBSP}%"',
    ),
    (
        "unknown key",
        "  commission: Commission",
        "  comission: Commission",
        "`comission` n'est pas une clé de cette section",
        f"vouliez-vous dire `commission`{NBSP}?",
    ),
    (
        "wrong type",
        "budget_eur: 50000",
        'budget_eur: "50 000,50"',
        f"`budget_eur` doit être un nombre, pas le texte «{NBSP}50 000,50{NBSP}»",
        f"écrivez 50000.50{NBSP}: sans guillemets, sans espaces, avec un point pour les décimales",
    ),
    (
        "rule",
        "respondents: 240",
        "respondents: 12",
        "12 questionnaires, c'est moins que les 200 nécessaires pour une extraction locale des "
        "résultats",
        f"seuls les résultats nationaux seront disponibles{NBSP}; prévoyez une campagne plus "
        "large la prochaine fois (et vérifiez `local_extract: true`)",
    ),
]


def _diagnostics(path: Path, *args: str, env: dict[str, str] | None = None) -> list[t.Any]:
    run = run_vae("validate", path, "--format", "json", "--as-of", AS_OF, *args, env=env)
    return t.cast(list[t.Any], run.json()["diagnostics"])


@pytest.mark.parametrize(
    ("old", "new", "message", "hint"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_validate_in_french_says_the_same_at_the_same_place(
    small_town: str,
    write_plan: t.Callable[[str], Path],
    old: str,
    new: str,
    message: str,
    hint: str,
) -> None:
    assert old in small_town
    path = write_plan(small_town.replace(old, new, 1))
    english = _diagnostics(path, "--lang", "en")
    french = _diagnostics(path, "--lang", "fr")
    place = ("path", "line", "column", "end_line", "end_column", "severity", "rule")
    assert [[d[k] for k in place] for d in french] == [[d[k] for k in place] for d in english]
    assert (french[0]["message"], french[0]["hint"]) == (message, hint)
    assert english[0]["message"] != message
    # The environment variable chooses the language when the option is not given.
    assert _diagnostics(path, env={"VAE_LANG": "fr"}) == french
    assert _diagnostics(path, "--lang", "en", env={"VAE_LANG": "fr"}) == english


def test_the_text_output_in_french(small_town: str, write_plan: t.Callable[[str], Path]) -> None:
    path = write_plan(small_town.replace("respondents: 240", "respondents: 12"))
    run = run_vae("validate", path, "--as-of", AS_OF, "--lang", "fr")
    lines = run.stdout.replace(NBSP, " ").splitlines()
    assert (
        "avertissement [consultation-respondents] 12 questionnaires, c'est moins que les 200"
        in (lines[0])
    )
    assert lines[3].startswith("  conseil : seuls les résultats nationaux seront disponibles")
    assert lines[-1] == "Vérification de 1 fichier : aucune erreur, 1 avertissement."


def test_the_french_report_watches_in_french() -> None:
    """The follow-up's annex gives `vae validate`'s warnings in the report's language."""
    golden = ROOT / "tests" / "report" / "goldens"
    french = (golden / "followup-fr.md").read_text(encoding="utf-8")
    annex = french.split("## Annexe", 1)[1].split("\n## ", 1)[0]
    assert "L'action « skatepark » n'a aucun indicateur" in annex.replace(NBSP, " ").replace(
        "\u202f", " "
    )
    assert "has no indicator" not in annex and "The action" not in annex
    english = (golden / "followup-en.md").read_text(encoding="utf-8")
    assert 'The action "skatepark" has no indicator' in english


def test_a_french_terminal_gets_french(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without --lang or VAE_LANG, the terminal's locale decides, as for any gettext program."""
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert language() == "fr"
    monkeypatch.setenv("LC_ALL", "C.UTF-8")  # LC_ALL wins over LANG, and C is not French
    assert language() == "en"
    monkeypatch.setenv("VAE_LANG", "fr")  # vae's own variable wins over the locale
    assert language() == "fr"
