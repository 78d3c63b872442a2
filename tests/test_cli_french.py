"""Every word of the command line in French on a French terminal: help, usage errors (Typer's
and Click's own words included), vae's refusals and what each command says."""

from __future__ import annotations

import functools
import re
import typing as t
from pathlib import Path

import pytest
import typer.main

from tests.conftest import AS_OF, ROOT, run_vae
from tools.catalogs import cli_texts
from vae_cli.cli.app import app
from vae_cli.cli.localized import asked_language
from vae_cli.i18n.catalogs import catalog

NBSP = "\u00a0"
FRENCH = {"VAE_LANG": "fr"}
# Words Typer and Click write in English, which a French help or error must not show.
ENGLISH_WORDS = ("Usage:", "Options:", "Commands:", "Arguments:", "Show this message", "[default:")
# The types Typer names after an option, in English.
ENGLISH_TYPES = ("<str>", "<int>", "<int range>", "<float>", "<path>", "<file>", "<dir>")
# Typer's notation of a range of numbers (`[1900<=x<=2100]`).
RANGE_NOTATION = ("<=x", "x<=", "x>=")


@functools.cache
def _help_texts() -> frozenset[str]:
    return frozenset(cli_texts())


def _commands() -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = [()]

    def walk(group: t.Any, path: tuple[str, ...]) -> None:
        for name, command in group.commands.items():
            found.append((*path, name))
            if hasattr(command, "commands"):
                walk(command, (*path, name))

    walk(typer.main.get_command(app), ())
    return found


def test_every_help_text_has_a_french_translation() -> None:
    texts = cli_texts()
    assert len(texts) > 50
    french = catalog("fr")
    assert [text for text in texts if text not in french] == []


@pytest.mark.parametrize("path", _commands(), ids=lambda p: " ".join(p) or "vae")
def test_every_command_help_is_french(path: tuple[str, ...]) -> None:
    """`vae ... --help` on a French terminal: Typer's and Click's words, and every help text
    of the command, in French; none of the English ones."""
    run = run_vae(*path, "--help", env=FRENCH)
    assert run.exit_code == 0, run
    assert run.stdout.startswith(f"Utilisation{NBSP}: vae {' '.join(path)}".rstrip()), run
    assert f"Options{NBSP}:" in run.stdout
    assert "Afficher ce message et quitter." in run.stdout
    for word in (*ENGLISH_WORDS, *ENGLISH_TYPES, *RANGE_NOTATION, "<list[Path]>"):
        assert word not in run.stdout, (word, run.stdout)
    english = " ".join(run_vae(*path, "--help").stdout.split())
    french = " ".join(run.stdout.split())
    # Each English help text of the command's own options is gone, its French is there.
    for text, translated in catalog("fr").items():
        if text in _help_texts() and text != translated and len(text) > 12:
            flat, flat_french = " ".join(text.split()), " ".join(translated.split())
            if flat in english:
                assert flat not in french, text
                assert flat_french in french, translated


def test_help_in_english_by_default_and_lang_wins_over_the_environment() -> None:
    assert run_vae("validate", "--help").stdout.startswith("Usage: vae validate [OPTIONS]")
    run = run_vae("validate", "--lang", "en", "--help", env=FRENCH)
    assert run.stdout.startswith("Usage: vae validate [OPTIONS]"), run
    run = run_vae("validate", "--lang=fr", "--help")
    assert run.stdout.startswith(f"Utilisation{NBSP}: vae validate [OPTIONS]"), run


def test_an_english_run_after_a_french_one_is_english() -> None:
    """Typer keeps the command tree it built: what a French run wrote in it is undone."""
    run_vae("record", "progress", "--help", env=FRENCH)
    english = run_vae("record", "progress", "--help").stdout
    assert english.startswith("Usage: vae record progress [OPTIONS]"), english
    assert "Show this message and exit." in english and "Id of the action." in english
    assert "--status <str>" in english and "--year <int range>" in english


def test_english_help_names_no_python_type() -> None:
    """`PLAN <paths>`, not the `<list[Path]>` Typer shows for a list of paths."""
    english = run_vae("validate", "--help").stdout
    assert "PLAN <paths>" in english and "list[" not in english
    assert run_vae("--help").stdout.startswith("Usage: vae [OPTIONS] COMMAND [ARGS]...\n")


def _flat(text: str) -> str:
    """`text` on one line, its breaking spaces as one (its no-break spaces kept)."""
    return re.sub(r"[ \n]+", " ", text)


def test_ranges_argument_names_and_notes_read_as_french() -> None:
    """Typer's `[1900<=x<=2100; required]` and the names of arguments from the code
    (`indicator`, `rev`) are written in French, with French spacing; English keeps Typer's."""
    measure = run_vae("record", "measure", "--help", env=FRENCH).stdout
    assert measure.startswith(
        f"Utilisation{NBSP}: vae record measure [OPTIONS] {{PLAN}} {{indicateur}}\n"
    ), measure
    assert "indicateur <texte> Identifiant de l'indicateur." in _flat(measure)
    assert f"--year <entier> L'année de l'entrée. [de 1900 à 2100{NBSP}; obligatoire]" in (
        _flat(measure)
    )
    diff = run_vae("diff", "--help", env=FRENCH).stdout
    assert diff.startswith(f"Utilisation{NBSP}: vae diff [OPTIONS] [révision] [plans]...\n")
    assert "révision <texte> La révision git" in _flat(diff)
    missing = run_vae("record", "measure", "plan.yaml", env=FRENCH)
    assert f"Argument manquant{NBSP}: 'indicateur'." in missing.stderr, missing
    english = run_vae("record", "measure", "--help").stdout
    assert english.startswith("Usage: vae record measure [OPTIONS] {PLAN} {indicator}\n")
    assert "[1900<=x<=2100; required]" in _flat(english)


def test_the_language_is_read_ahead_from_the_arguments() -> None:
    assert asked_language(["validate", "--lang", "fr", "x.yaml"]) == "fr"
    assert asked_language(["validate", "--lang=en", "--lang", "fr"]) == "fr"
    assert asked_language(["validate", "--lang", "de"]) is None
    assert asked_language(["validate", "--", "--lang", "fr"]) is None


def test_every_command_takes_lang() -> None:
    for path in _commands():
        command: t.Any = typer.main.get_command(app)
        for name in path:
            command = command.commands[name]
        if not hasattr(command, "commands"):
            assert any("--lang" in p.opts for p in command.params), path


def _usage(command: str) -> str:
    return (
        f"Utilisation{NBSP}: vae {command} [OPTIONS]"
        + {"validate": " [PLAN]...", "report": " [PLAN]...", "record payment": " {PLAN}"}[command]
        + f"\nEssayez «{NBSP}vae {command} --help{NBSP}» pour l'aide.\n\n"
    )


USAGE_ERRORS: list[tuple[list[str], str, str]] = [
    (
        ["validate", "--format", "bogus"],
        "validate",
        f"Valeur non valide pour '--format' / '-f'{NBSP}: «{NBSP}bogus{NBSP}» n'est pas l'un des "
        f"choix possibles{NBSP}: text, json, github, gitlab, sarif, junit",
    ),
    (
        ["report", "--year", "abc"],
        "report",
        f"Valeur non valide pour '--year'{NBSP}: «{NBSP}abc{NBSP}» n'est pas un nombre entier",
    ),
    (
        ["record", "payment", "plans/dijon-2020.yaml", "--year", "2O26", "--amount", "200"],
        "record payment",
        f"Valeur non valide pour '--year'{NBSP}: «{NBSP}2O26{NBSP}» n'est pas un nombre entier",
    ),
    (
        ["record", "payment", "plans/dijon-2020.yaml", "--amount", "200"],
        "record payment",
        f"Option manquante{NBSP}: '--year'.",
    ),
    (["validate", "--bogus"], "validate", f"Option inconnue{NBSP}: --bogus"),
    (
        ["validate", "--as-of", "1800"],
        "validate",
        f"Valeur non valide pour '--as-of'{NBSP}: 1800 est trop petit{NBSP}: au moins 1900",
    ),
    (
        ["validate", "--referential", "nofile.yaml"],
        "validate",
        f"Valeur non valide pour '--referential' / '-r'{NBSP}: «{NBSP}nofile.yaml{NBSP}» "
        "n'existe pas",
    ),
]


@pytest.mark.parametrize(("args", "command", "error"), USAGE_ERRORS, ids=lambda v: str(v))
def test_usage_errors_in_french(args: list[str], command: str, error: str) -> None:
    run = run_vae(*args, env=FRENCH)
    assert run.exit_code == 2, run
    assert run.stderr == _usage(command) + f"Erreur{NBSP}: {error}\n"


def test_unknown_command_and_option_value_in_french() -> None:
    run = run_vae("valdate", env=FRENCH)
    assert run.exit_code == 2
    assert run.stderr.endswith(
        f"Erreur{NBSP}: Commande inconnue{NBSP}: 'valdate'. Vouliez-vous dire 'validate'{NBSP}?\n"
    ), run
    run = run_vae("validate", "--strict=3", env=FRENCH)
    assert run.exit_code == 2
    assert run.stderr.endswith(
        f"Erreur{NBSP}: L'option «{NBSP}--strict{NBSP}» ne prend pas de valeur.\n"
    ), run


def test_more_usage_errors_in_french() -> None:
    """Typer's sentences vae recognises (typer/_click/parser.py, core.py), in French."""
    cases = [
        (["validate", "--format"], f"L'option «{NBSP}--format{NBSP}» demande une valeur."),
        (["schema", "extra"], f"Argument(s) en trop{NBSP}: extra"),
        (["init"], f"Argument manquant{NBSP}: 'plan'."),
    ]
    for args, error in cases:
        run = run_vae(*args, env=FRENCH)
        assert run.exit_code == 2, run
        assert run.stderr.endswith(f"Erreur{NBSP}: {error}\n"), run


def test_usage_errors_in_english_say_the_same_in_english() -> None:
    run = run_vae("validate", "--format", "bogus")
    assert run.stderr == (
        "Usage: vae validate [OPTIONS] [PLAN]...\n"
        "Try 'vae validate --help' for help.\n\n"
        "Error: Invalid value for '--format' / '-f': \"bogus\" is not one of text, json, github, "
        "gitlab, sarif, junit\n"
    )
    run = run_vae("record", "payment", "plans/dijon-2020.yaml", "--year", "x")
    assert run.stderr.endswith("Error: Invalid value for '--year': \"x\" is not a whole number\n")


def test_vae_refusals_in_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = run_vae("validate", "nosuch.yaml", env=FRENCH)
    assert (run.exit_code, run.stderr) == (
        2,
        f"vae{NBSP}: erreur{NBSP}: nosuch.yaml{NBSP}: fichier introuvable\n",
    )
    run = run_vae("init", "plans/x.yaml", "--lang", "fr")
    assert run.exit_code == 2
    assert run.stderr == (
        f"vae{NBSP}: erreur{NBSP}: un nouveau plan demande --city et --insee\n"
        f"  conseil{NBSP}: par exemple vae init plans/dijon-2026.yaml --city Dijon --insee 21231, "
        "ou partez du dernier plan avec --from PLAN --mandate 2026-2032\n"
    )


def test_record_speaks_french(tmp_path: Path) -> None:
    plan = tmp_path / "dijon-2020.yaml"
    plan.write_bytes((ROOT / "plans" / "dijon-2020.yaml").read_bytes())
    run = run_vae(
        "record", "payment", plan, "--year", "2026", "--amount", "250", "--replace",
        "--as-of", str(AS_OF), env=FRENCH,
    )  # fmt: skip
    assert run.exit_code == 0, run
    said, adds, finding = run.stdout.splitlines()[:3]
    assert said.endswith(f"{NBSP}: entrée payments 2026 de l'adhésion remplacée (en gardant date).")
    assert adds == f"Cela ajoute 1 avertissement{NBSP}:"
    assert finding.endswith(
        ": avertissement [membership-payment-amount] Le versement de 2026 est de 250\u00a0€, et "
        "non de la cotisation annuelle de 200\u00a0€"
    ), finding
    assert "recorded" not in run.stdout and "replaced" not in run.stdout
    run = run_vae(
        "record", "payment", plan, "--year", "2026", "--amount", "200",
        "--as-of", str(AS_OF), env=FRENCH,
    )  # fmt: skip
    assert run.exit_code == 1, run
    assert run.stderr == (
        f"vae{NBSP}: erreur{NBSP}: l'adhésion a déjà une entrée `payments` pour 2026\n"
        f"  conseil{NBSP}: ajoutez --replace pour la remplacer, ou vérifiez --year\n"
    )


def test_init_and_schema_speak_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = run_vae("init", "x.yaml", "--city", "X", "--insee", "21231", env=FRENCH)
    assert run.exit_code == 0, run
    lines = run.stdout.splitlines()
    assert (
        lines[0]
        == f"x.yaml écrit{NBSP}: 5{NBSP}engagements, 6{NBSP}obligations, 5{NBSP}actions à remplir."
    )
    assert lines[1].startswith(f"Schéma{NBSP}: le plan n'est dans aucun dépôt git{NBSP}:")
    assert lines[2] == f"Ensuite{NBSP}: remplissez ce que `vae validate x.yaml` signale."
    stale = run_vae("schema", "--check", "-o", "schemas", "--lang", "fr")
    assert stale.exit_code == 1, stale
    assert stale.stdout.startswith(f"pas à jour{NBSP}: schemas/plan.schema.json\n"), stale
    assert stale.stderr == (
        f"vae{NBSP}: les schémas ne sont pas à jour{NBSP}; lancez `vae schema` et commitez le "
        "résultat\n"
    )


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A plan with one error that has a hint (a commitment id one letter short)."""
    plan = tmp_path / "plans" / "ville.yaml"
    plan.parent.mkdir()
    text = (ROOT / "tests/example-files/positive/small-town.yaml").read_text(encoding="utf-8")
    plan.write_text(text.replace("commitment: equite", "commitment: equit", 1), encoding="utf-8")
    return plan


def test_the_ci_formats_words_in_french(broken: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    args = ("validate", broken, "--as-of", AS_OF, "--lang", "fr")
    github = run_vae(*args, "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert f"%0Aconseil{NBSP}: vouliez-vous dire" in github.stdout, github
    table = summary.read_text(encoding="utf-8")
    assert "| Où | Gravité | Règle | Constat |" in table, table
    assert "| erreur | `known-reference` |" in table and f"*conseil{NBSP}:*" in table, table
    junit = run_vae(*args, "--format", "junit").stdout
    assert ": erreur: " in junit and f"conseil{NBSP}: vouliez-vous dire" in junit, junit
    gitlab = run_vae(*args, "--format", "gitlab").stdout
    assert f"(conseil{NBSP}: vouliez-vous dire" in gitlab, gitlab
    sarif = run_vae(*args, "--format", "sarif").json()
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["known-reference"]["shortDescription"]["text"] == (
        "Chaque engagement, obligation, recommandation et édition de la consultation nommés existe."
    )
    messages = [r["message"]["text"] for r in sarif["runs"][0]["results"]]
    assert any(f"\nConseil{NBSP}: vouliez-vous dire" in m for m in messages), messages


def test_config_errors_in_french(broken: Path) -> None:
    (broken.parent / ".vae.yaml").write_text("rules:\n  over-budjet: off\n", encoding="utf-8")
    run = run_vae("validate", broken, "--as-of", AS_OF, env=FRENCH)
    assert run.exit_code == 2, run
    assert (
        run.stderr.startswith(f"vae{NBSP}: erreur{NBSP}: ")
        and f"il n'y a pas de règle `over-budjet`\n  conseil{NBSP}: vouliez-vous dire `over-budget`"
        in run.stderr
    ), run
