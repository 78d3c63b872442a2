"""A city's exceptions: `.vae.yaml` and `# vae: ignore[rule]`, as a city repository uses them."""

from __future__ import annotations

import subprocess
import typing as t
from pathlib import Path

import pytest

from tests.conftest import AS_OF, SMALL_TOWN, locate, run_vae

TEXT = SMALL_TOWN.read_text(encoding="utf-8")
# One warning: spending of 50,000 € above a budget of 40,000 €.
OVER_BUDGET = TEXT.replace("budget_eur: 50000", "budget_eur: 40000", 1)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "ville"
    (root / "plans").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    monkeypatch.chdir(root)
    return root


def _write(repo: Path, text: str, name: str = "plans/ville-2020.yaml") -> Path:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _findings(*args: str | Path) -> tuple[int, list[tuple[int, int, str, str]]]:
    run = run_vae("validate", "--format", "json", "--as-of", AS_OF, *args)
    assert run.exit_code in (0, 1), run
    found = [(d["line"], d["column"], d["severity"], d["rule"]) for d in run.json()["diagnostics"]]
    return run.exit_code, found


def test_without_configuration_the_warning_is_reported(repo: Path) -> None:
    plan = _write(repo, OVER_BUDGET)
    line, column = locate(OVER_BUDGET, "40000")
    assert _findings(plan) == (0, [(line, column, "warning", "over-budget")])


def test_a_warning_turned_off_or_made_an_error(repo: Path) -> None:
    plan = _write(repo, OVER_BUDGET)
    (repo / ".vae.yaml").write_text("rules:\n  over-budget: off\n", encoding="utf-8")
    assert _findings(plan) == (0, [])
    (repo / ".vae.yaml").write_text("rules:\n  over-budget: error\n", encoding="utf-8")
    line, column = locate(OVER_BUDGET, "40000")
    assert _findings(plan) == (1, [(line, column, "error", "over-budget")])


def test_overrides_apply_to_the_files_they_name(repo: Path) -> None:
    old = _write(repo, OVER_BUDGET, "plans/ancien-2014.yaml")
    new = _write(repo, OVER_BUDGET, "plans/ville-2020.yaml")
    (repo / ".vae.yaml").write_text(
        "rules:\n  over-budget: error\n"
        'overrides:\n  - files: ["plans/ancien-*.yaml"]\n    rules: {over-budget: off}\n',
        encoding="utf-8",
    )
    assert _findings(old) == (0, [])
    assert _findings(new)[0] == 1


def test_the_nearest_configuration_wins_and_none_is_read_above_the_repository(
    repo: Path,
) -> None:
    plan = _write(repo, OVER_BUDGET)
    (repo.parent / ".vae.yaml").write_text("rules:\n  over-budget: off\n", encoding="utf-8")
    assert _findings(plan)[1] != []  # above the repository's root: not this city's choice
    (repo / ".vae.yaml").write_text("rules:\n  over-budget: error\n", encoding="utf-8")
    (repo / "plans" / ".vae.yaml").write_text("rules:\n  over-budget: off\n", encoding="utf-8")
    assert _findings(plan) == (0, [])


def test_config_option_names_the_file(repo: Path) -> None:
    plan = _write(repo, OVER_BUDGET)
    (repo / ".vae.yaml").write_text("rules:\n  over-budget: off\n", encoding="utf-8")
    (repo / "strict.yaml").write_text("rules:\n  over-budget: error\n", encoding="utf-8")
    assert _findings("--config", repo / "strict.yaml", plan)[0] == 1


@pytest.mark.parametrize(
    ("config", "where", "words"),
    [
        ("rules:\n  over-budjet: off\n", "2:3", "did you mean `over-budget`?"),
        ("rules:\n  over-budget: maybe\n", "2:16", "must be off, warning or error"),
        ("rules:\n  known-reference: warning\n", "2:20", "finds errors, which the reports rely on"),
        ("rules:\n  wrong-type: off\n", "2:3", "checks the file's shape"),
        ("rulez:\n  over-budget: off\n", "1:1", "unknown key `rulez`"),
        ("rules: [over-budget]\n", "1:8", "must map rule ids"),
        ("overrides:\n  - rules: {over-budget: off}\n", "2:5", "`files` must be a list"),
        (
            "rules:\n  over-budget: off\n   bad: [\n",
            "3:",
            "starts in column 4, the key above in column 3",
        ),
    ],
)
def test_a_broken_configuration_is_a_located_usage_error(
    repo: Path, config: str, where: str, words: str
) -> None:
    plan = _write(repo, OVER_BUDGET)
    (repo / ".vae.yaml").write_text(config, encoding="utf-8")
    run = run_vae("validate", plan)
    assert run.exit_code == 2, run
    assert f".vae.yaml:{where}" in run.stderr and words in run.stderr, run.stderr
    assert "Traceback" not in run.stderr


def _with_line(text: str, after: str, new_line: str) -> str:
    index = text.index(after) + len(after)
    return text[:index] + new_line + text[index:]


def test_an_inline_ignore_on_the_line_silences_the_warning(repo: Path) -> None:
    text = OVER_BUDGET.replace("budget_eur: 40000", "budget_eur: 40000  # vae: ignore[over-budget]")
    assert _findings(_write(repo, text)) == (0, [])


def test_an_ignore_alone_on_the_line_above_silences_the_line_below(repo: Path) -> None:
    text = OVER_BUDGET.replace(
        "    budget_eur: 40000",
        "    # vote du budget en retard\n    # vae: ignore[over-budget]\n    budget_eur: 40000",
    )
    assert _findings(_write(repo, text)) == (0, [])


@pytest.mark.parametrize(
    ("comment", "words"),
    [
        ("# vae: ignore[over-budget]", "silences nothing"),
        ("# vae: ignore[over-budgte]", "did you mean `over-budget`?"),
        ("# vae: ignore[known-reference]", "finds errors, which cannot be ignored"),
    ],
)
def test_an_ignore_that_silences_nothing_is_reported(repo: Path, comment: str, words: str) -> None:
    text = TEXT.replace("budget_eur: 50000", f"budget_eur: 50000  {comment}")
    plan = _write(repo, text)
    line, column = locate(text, "vae: ignore")
    assert _findings(plan) == (0, [(line, column, "warning", "unused-ignore")])
    run = run_vae("validate", "--as-of", AS_OF, plan)
    assert words in run.stdout


def test_an_ignore_inside_a_text_value_is_text(repo: Path) -> None:
    """Text that spans lines (a quoted text, a `|` block) may hold what looks like a comment."""
    description = "    description: Fermer aux voitures les rues devant les écoles aux heures"
    line = next(x for x in OVER_BUDGET.splitlines() if x.startswith(description))
    plain = OVER_BUDGET.replace(line + "\n", "")
    for value in (
        '"Voir\n      # vae: ignore[over-budget]"',
        "|\n      # vae: ignore[over-budget]",
    ):
        text = plain.replace(
            "    budget_eur: 40000", f"    description: {value}\n    budget_eur: 40000"
        )
        rules = [f[3] for f in _findings(_write(repo, text))[1]]
        assert rules == ["over-budget"], text


def test_the_reports_still_show_every_warning(repo: Path) -> None:
    plan = _write(repo, OVER_BUDGET)
    (repo / ".vae.yaml").write_text("rules:\n  over-budget: off\n", encoding="utf-8")
    run = run_vae("report", plan, "--year", "2025", "--format", "md", "--lang", "en")
    assert run.exit_code == 0, run
    text = (repo / "reports" / "ville-2020" / "2025-followup.en.md").read_text(encoding="utf-8")
    assert "over-budget" in text


def test_comments_are_found_where_yaml_puts_them() -> None:
    from vae_cli.findings.policy import comment_start

    cases: dict[str, t.Any] = {
        "a: b # c": 5,
        "a: 'b # c'": None,
        "a: l'école # c": 11,
        'a: "x \\" # y" # z': 14,
        "# tout": 0,
        "a: b#c": None,
    }
    assert {line: comment_start(line) for line in cases} == cases
