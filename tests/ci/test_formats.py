"""The CI formats: each read back the way its forge reads it, and checked against its schema."""

from __future__ import annotations

import ast
import json
import typing as t
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import AS_OF, ROOT, locate, run_vae
from vae_cli import markdown
from vae_cli.findings.diagnostics import Diagnostic, Position, Severity
from vae_cli.findings.formats import github
from vae_cli.findings.rule_catalog import catalog
from vae_cli.i18n.catalogs import catalog as translated
from vae_cli.i18n.messages import verbatim

DATA = Path(__file__).parent / "data"
WritePlan = t.Callable[..., Path]


def broken(small_town: str) -> str:
    """Two errors (an unknown commitment, hence an uncovered one) and one warning (over budget)."""
    return small_town.replace("commitment: equite", "commitment: equit").replace(
        "budget_eur: 50000", "budget_eur: 5000"
    )


def only_warning(small_town: str) -> str:
    return small_town.replace("budget_eur: 50000", "budget_eur: 5000")


def validate(*args: str | Path, env: dict[str, str] | None = None) -> t.Any:
    return run_vae("validate", "--as-of", AS_OF, *args, env=env)


def test_github_annotations(
    small_town: str, write_plan: WritePlan, monkeypatch: pytest.MonkeyPatch
):
    """One workflow command per finding, with file, line, columns and the rule id as title."""
    path = write_plan(broken(small_town))
    monkeypatch.chdir(path.parent)
    run = validate("plan.yaml", "--format", "github")
    assert run.exit_code == 1, run
    lines = run.stdout.splitlines()
    line, col = locate(broken(small_town), "equit\n")
    assert lines[2] == (
        f"::error file=plan.yaml,line={line},col={col},endLine={line},endColumn={col + 5},"
        f"title=vae (known-reference)::plan.yaml:{line}:{col}: "
        '"equit" is not a commitment of unicef-france-vae-2020-2026%0Ahint: did you mean "equite"?'
    )
    assert [x.split(" ", 1)[0] for x in lines] == [
        "::error",
        "::warning",
        "::error",
        "Checked",
    ]
    assert lines[-1] == "Checked 1 file: 2 errors, 1 warning."


def test_github_escaping():
    """`%`, CR and LF are escaped everywhere; `,` and `:` too inside properties. A CR or LF
    from the plan's text is shown as a picture first: only the line before the hint breaks."""
    diagnostic = Diagnostic(
        path="plans/a,b:c.yaml",
        position=Position.at(3, 4),
        severity=Severity.WARNING,
        rule="over-budget",
        message=verbatim("100% spent,\r\nreally: yes"),
        hint=verbatim("50%"),
    )
    assert github.command(diagnostic, lang="en") == (
        "::warning file=plans/a%2Cb%3Ac.yaml,line=3,col=4,endLine=3,endColumn=5,"
        "title=vae (over-budget)::plans/a,b:c.yaml:3:4: 100%25 spent,␍␊really: yes"
        "%0Ahint: 50%25"
    )


def test_github_is_the_default_in_github_actions(small_town: str, write_plan: WritePlan):
    path = write_plan(only_warning(small_town))
    run = validate(path, env={"GITHUB_ACTIONS": "true"})
    assert run.stdout.startswith("::warning file="), run
    run = validate(path, "--format", "text", env={"GITHUB_ACTIONS": "true"})
    assert "warning [over-budget]" in run.stdout, run


def test_github_step_summary(small_town: str, write_plan: WritePlan, tmp_path: Path):
    """Every finding goes to the job summary, appended after what earlier steps wrote."""
    path = write_plan(broken(small_town))
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    env = {"GITHUB_STEP_SUMMARY": str(summary)}
    run = validate(path, "--format", "github", env=env)
    assert run.exit_code == 1, run
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## vae validate\n")
    assert text.count("\n| `") == 3
    assert '| warning | `over-budget` | The action "rues-aux-ecoles" has spent' in text
    assert "check \\`spent\\_eur\\`" in text  # plan text is escaped, not rendered
    # Without the github format, the summary is left alone.
    before = summary.read_text(encoding="utf-8")
    validate(path, "--format", "text", env=env)
    assert summary.read_text(encoding="utf-8") == before


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("rues-aux-ecoles", "rues-aux-ecoles"),
        ("- not a list", "\\- not a list"),
        ("1. not a list", "1\\. not a list"),
        ("# not a title", "\\# not a title"),
        (
            "[a](http://x) <b>*c*</b> | `d` &amp;",
            # The address is a link to itself (an autolink), the rest text.
            "\\[a\\](<http://x>) \\<b\\>\\*c\\*\\</b\\> \\| \\`d\\` \\&amp;",
        ),
        ("two\nlines", "two lines"),
    ],
)
def test_markdown_escape(text: str, escaped: str):
    assert markdown.escape(text) == escaped


def test_gitlab_code_quality(small_town: str, write_plan: WritePlan):
    """The fields GitLab requires, its severity names, and fingerprints that survive moved lines."""
    path = write_plan(broken(small_town))
    issues = validate(path, "--format", "gitlab").json()
    assert {i["check_name"]: i["severity"] for i in issues} == {
        "commitment-covered": "major",
        "known-reference": "major",
        "over-budget": "minor",
    }
    for issue in issues:
        assert issue["description"]
        assert issue["location"]["path"] == str(path)
        assert issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == 3

    moved = write_plan("# a comment\n# another\n" + broken(small_town))
    again = validate(moved, "--format", "gitlab").json()
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in issues]
    assert [i["location"]["lines"]["begin"] for i in again] == [
        i["location"]["lines"]["begin"] + 2 for i in issues
    ]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_sarif_validates_against_the_official_schema(
    small_town: str, write_plan: WritePlan, tmp_path: Path, lang: str
):
    """SARIF 2.1.0 output, broken YAML included, is valid against the OASIS schema, in either
    language."""
    good = write_plan(small_town, "good.yaml")
    bad = write_plan(broken(small_town), "bad.yaml")
    syntax = write_plan("schema_version: 1\nfoo: [\n", "syntax.yaml")
    run = validate(good, bad, syntax, "--format", "sarif", "--lang", lang)
    document = run.json()
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(document), key=str)
    assert not errors, "\n".join(str(e) for e in errors)

    sarif_run = document["runs"][0]
    rules = sarif_run["tool"]["driver"]["rules"]
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["help"]["text"], rule
    results = sarif_run["results"]
    assert {r["ruleId"] for r in results} == {
        "commitment-covered",
        "known-reference",
        "over-budget",
        "yaml-syntax",
    }
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    reference = next(r for r in results if r["ruleId"] == "known-reference")
    line, col = locate(broken(small_town), "equit\n")
    location = reference["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == bad.as_uri()
    assert location["region"] == {
        "startLine": line,
        "startColumn": col,
        "endLine": line,
        "endColumn": col + 5,
    }
    assert reference["level"] == "error"


def test_sarif_relative_paths(
    small_town: str, write_plan: WritePlan, monkeypatch: pytest.MonkeyPatch
):
    """Paths inside the checkout are relative to %SRCROOT%, as GitHub code scanning expects."""
    path = write_plan(only_warning(small_town), "plan d'été.yaml")
    monkeypatch.chdir(path.parent)
    document = validate(path.name, "--format", "sarif").json()
    location = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "plan%20d%27%C3%A9t%C3%A9.yaml",
        "uriBaseId": "%SRCROOT%",
    }


def test_every_rule_id_is_documented():
    """Rule ids raised while reading a file (not in the rule registry) have a description too."""
    found: set[str] = set()
    for module in ("reading/yaml_document.py", "reading/shape_findings.py"):
        tree = ast.parse((ROOT / "vae_cli" / module).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            first: ast.expr | None = None
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "LoadError":
                first = node.args[0] if node.args else None
            elif isinstance(node, ast.Tuple) and node.elts:
                first = node.elts[0]
            value = first.value if isinstance(first, ast.Constant) else None
            if isinstance(value, str) and value.replace("-", "").isalpha() and "-" in value:
                found.add(value)
    assert "yaml-syntax" in found and "unknown-key" in found
    known = catalog().rules
    assert found <= set(known), found - set(known)
    for rule in known.values():
        assert rule.summary.endswith("."), rule


def test_every_rule_documentation_has_a_french_translation():
    """Each paragraph of each rule's documentation (what SARIF and docs/rules.fr.md show) is
    in the French catalog: a rule added or reworded without French fails here."""
    french = translated("fr")
    untranslated = {
        rule.id: [paragraph for paragraph in rule.paragraphs if paragraph not in french]
        for rule in catalog().rules.values()
    }
    assert {rule: missing for rule, missing in untranslated.items() if missing} == {}


def test_sarif_shows_each_rule_documentation_in_the_run_language(
    small_town: str, write_plan: WritePlan
):
    """A French run's rules are described and documented in French (code scanning shows
    `shortDescription`, `fullDescription` and `help` above and beside an alert)."""
    path = write_plan(broken(small_town))
    french = validate(path, "--format", "sarif", env={"VAE_LANG": "fr"}).json()
    english = validate(path, "--format", "sarif", "--lang", "en").json()
    rules = {r["id"]: r for r in french["runs"][0]["tool"]["driver"]["rules"]}
    covered = rules["commitment-covered"]
    assert covered["shortDescription"]["text"] == (
        "Chaque engagement du référentiel a au moins une action."
    )
    assert covered["fullDescription"]["text"].startswith(covered["shortDescription"]["text"])
    assert (
        "«\u00a0indissociables et obligatoires\u00a0»\u00a0: un plan sans action"
        in (covered["fullDescription"]["text"])
    )
    assert covered["help"]["markdown"] == covered["help"]["text"]
    assert covered["help"]["markdown"].split("\n\n")[1].startswith("Les engagements du réseau")
    assert covered["helpUri"].endswith("/docs/rules.fr.md#commitment-covered")
    # No English paragraph is left in any rule's French documentation.
    for rule in english["runs"][0]["tool"]["driver"]["rules"]:
        for paragraph in rule["help"]["text"].split("\n\n"):
            assert paragraph not in rules[rule["id"]]["help"]["text"], rule["id"]


def test_several_reports_in_one_run(small_town: str, write_plan: WritePlan, tmp_path: Path):
    """`--report FORMAT:PATH` writes each format to its file; stdout keeps --format."""
    path = write_plan(broken(small_town))
    out = tmp_path / "out"
    run = validate(
        path,
        "--format",
        "text",
        "--report",
        f"sarif:{out / 'vae.sarif'}",
        "--report",
        f"junit:{out / 'vae.xml'}",
        "--report",
        f"gitlab:{out / 'gl-code-quality.json'}",
    )
    assert run.exit_code == 1, run
    assert "error [known-reference]" in run.stdout
    assert json.loads((out / "vae.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert ET.parse(out / "vae.xml").getroot().tag == "testsuites"
    assert len(json.loads((out / "gl-code-quality.json").read_text(encoding="utf-8"))) == 3


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("sarif", "vae: error: --report sarif: expected FORMAT:PATH\n"),
        ("pdf:x.pdf", 'vae: error: --report pdf:x.pdf: unknown format "pdf"\n'),
    ],
)
def test_bad_report_option(small_town: str, write_plan: WritePlan, value: str, message: str):
    run = validate(write_plan(small_town), "--report", value)
    assert run.exit_code == 2, run
    assert run.stderr.startswith(message)
    assert "hint:" in run.stderr


@pytest.mark.parametrize(
    ("plan", "options", "exit_code"),
    [
        (only_warning, [], 0),
        (only_warning, ["--fail-on", "error"], 0),
        (only_warning, ["--fail-on", "warning"], 1),
        (only_warning, ["--strict"], 1),
        (only_warning, ["--strict", "--fail-on", "warning"], 1),
        (broken, ["--fail-on", "never"], 0),
        (broken, [], 1),
        (broken, ["--strict", "--fail-on", "never"], 2),
    ],
)
def test_fail_on(
    small_town: str,
    write_plan: WritePlan,
    plan: t.Callable[[str], str],
    options: list[str],
    exit_code: int,
):
    run = validate(write_plan(plan(small_town)), *options)
    assert run.exit_code == exit_code, run
