"""Plan text that a terminal, a CI log or a forge would obey is shown, never obeyed.

A plan from a pull request holds an escape sequence that clears the screen, an OSC sequence
that retitles the window, a one-byte C1 CSI, bidirectional overrides that reorder the line, a
line separator, and a newline followed by a GitHub workflow command; and `@octocat` and
`#123`, which a pull-request comment would turn into a notification and an issue link. Every
command and format that prints plan text (or a file's name, which the pull request chooses
too) shows it inert: one line, control pictures, no reference.
"""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import AS_OF, SMALL_TOWN, run_vae
from vae_cli import markdown
from vae_cli.terminal import escaped_in_json, escaped_in_xml, inert

FORGED = "::error title=vae::forged"
HOSTILE = f"\x1b[2J\x1b]0;owned\x07\x9b31m\u202eevil\u2066\u2028 end\r\n{FORGED} @octocat #123"
# What no output may hold: every control character but the newlines vae writes itself, the
# line separators, the bidirectional embeddings, overrides and isolates.
ACTIVE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
SMALL = SMALL_TOWN.read_text(encoding="utf-8")


def assert_inert(*outputs: str) -> None:
    for output in outputs:
        assert ACTIVE.findall(output) == [], output
        assert not any(line.startswith(FORGED) for line in output.split("\n")), output


def yaml_string(text: str) -> str:
    """`text` as a YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text)


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# A key that is no key of `city:` (an unknown-key finding quotes it), and a second one holding
# the bidirectional controls as they are, so that the line the text format quotes holds them.
WITH_BAD_KEYS = edit(
    SMALL,
    "  name: Villebourg\n",
    f'  name: Villebourg\n  {yaml_string(HOSTILE)}: 1\n  "raw\u202eevil\u2066": 2\n',
)
# A valid plan whose texts changed: an action's title and a progress note.
RETITLED = edit(
    edit(SMALL, "    title: Rues aux écoles\n", f"    title: {yaml_string(HOSTILE)}\n"),
    "note: Toutes les écoles sont concernées.",
    f"note: {yaml_string(HOSTILE)}",
)


def test_inert_shows_each_active_character_as_one_visible_character() -> None:
    shown = inert("a\x1b[2J\rb\nc\x7f\x9b\x85\u2028\u202e\u2066\td")
    assert shown == "a␛[2J␍b␊c␡�␤␤��␉d"
    assert len(shown) == len("a\x1b[2J\rb\nc\x7f\x9b\x85\u2028\u202e\u2066\td")
    assert inert("École « à 45\u202f000\u00a0€ » ok") == "École « à 45\u202f000\u00a0€ » ok"


def test_json_and_xml_keep_the_data_and_escape_what_would_act() -> None:
    document = escaped_in_json(json.dumps({"t": HOSTILE}, ensure_ascii=False))
    assert_inert(document)
    assert json.loads(document) == {"t": HOSTILE}
    xml_text = HOSTILE.replace("\x1b", "").replace("\x07", "").replace("\r", "")
    element = ET.Element("case", name=xml_text)
    document = escaped_in_xml(ET.tostring(element, encoding="unicode"))
    assert_inert(document)
    assert ET.fromstring(document).get("name") == xml_text


def test_markdown_shows_mentions_and_issue_numbers_as_text() -> None:
    escaped = markdown.escape(HOSTILE)
    assert_inert(escaped)
    assert "@octocat" not in escaped and "#123" not in escaped
    assert escaped.replace("\u2060", "").endswith("@octocat \\#123")
    # An e-mail address keeps its `@`, as a link GitHub does not read as a mention.
    assert markdown.escape("écrire à claire@villebourg.fr") == "écrire à <claire@villebourg.fr>"
    assert markdown.escape("(@team, GH-12, !4)") == "(@\u2060team, GH-\u206012, \\!\u20604)"
    assert_inert(markdown.code(HOSTILE))


@pytest.mark.parametrize("output_format", ["text", "json", "github", "gitlab", "sarif", "junit"])
def test_validate_shows_plan_text_inert_in_every_format(tmp_path: Path, output_format: str) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(WITH_BAD_KEYS, encoding="utf-8")
    summary = tmp_path / "summary.md"
    run = run_vae(
        "validate", plan, "--as-of", AS_OF, "--format", output_format,
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )  # fmt: skip
    assert run.exit_code == 1, run
    assert_inert(run.stdout, run.stderr)
    assert "␛[2J␛]0;owned␇�31m�evil�␤ end␍␊::error" in run.stdout
    if output_format in ("json", "gitlab", "sarif"):
        json.loads(run.stdout)
    if output_format == "junit":
        ET.fromstring(run.stdout)
    if output_format == "text":
        assert '  8 |   "raw�evil�": 2' in run.stdout  # the quoted line, as pictures
    if output_format == "github":
        written = summary.read_text(encoding="utf-8")
        assert_inert(written)
        assert "@octocat" not in written and "#123" not in written


@pytest.mark.parametrize("output_format", ["text", "json", "github", "gitlab", "sarif", "junit"])
def test_a_files_name_cannot_forge_a_line_in_any_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output_format: str
) -> None:
    """A pull request chooses its files' names too: a newline in one must not end a line."""
    monkeypatch.chdir(tmp_path)
    name = f"\x1b]0;owned\x07\u202e\n{FORGED}.yaml"
    (tmp_path / name).write_text(edit(SMALL, "  name: Villebourg\n", "  name: V\n  x: 1\n"))
    reports = [f"--report={kind}:report.{kind}" for kind in ("json", "sarif", "junit", "gitlab")]
    run = run_vae("validate", name, "--as-of", AS_OF, "--format", output_format, *reports)
    assert run.exit_code == 1, run
    assert_inert(run.stdout, run.stderr)
    for kind in ("json", "sarif", "gitlab"):
        document = (tmp_path / f"report.{kind}").read_text(encoding="utf-8")
        assert_inert(document)
        json.loads(document)
    assert_inert((tmp_path / "report.junit").read_text(encoding="utf-8"))


def test_a_usage_error_quoting_a_files_name_is_inert(tmp_path: Path) -> None:
    run = run_vae("validate", tmp_path / f"gone\x1b[2J\u202e\n{FORGED}.yaml")
    assert run.exit_code == 2, run
    assert_inert(run.stderr)
    assert "gone␛[2J�␊::error" in run.stderr


class Repository:
    """A git repository holding plans/plan.yaml as SMALL, committed, made the current folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.git("init", "-q", "-b", "main")
        (root / "plans").mkdir()
        self.plan.write_text(SMALL, encoding="utf-8")
        self.git("add", "-A")
        self.git("-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "plan")

    @property
    def plan(self) -> Path:
        return self.root / "plans" / "plan.yaml"

    def git(self, *args: str) -> None:
        subprocess.run(["git", *args], cwd=self.root, check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repository:
    monkeypatch.chdir(tmp_path)
    return Repository(tmp_path)


def test_diff_shows_changed_text_inert(repository: Repository) -> None:
    repository.plan.write_text(RETITLED, encoding="utf-8")
    run = run_vae("diff", "--as-of", AS_OF)
    assert run.exit_code == 0, run
    assert_inert(run.stdout)
    assert (
        "    rues-aux-ecoles: 2023 note «Toutes les écoles sont concernées.» → "
        "«␛[2J␛]0;owned␇�31m�evil�␤ end␍␊::error title=vae::forged @octocat #123»"
    ) in run.stdout.split("\n")


def test_diff_in_markdown_mentions_nobody_and_links_no_issue(repository: Repository) -> None:
    repository.plan.write_text(RETITLED, encoding="utf-8")
    run = run_vae("diff", "--as-of", AS_OF, "--format", "md")
    assert run.exit_code == 0, run
    assert_inert(run.stdout)
    assert "@octocat" not in run.stdout and "#123" not in run.stdout
    assert "::error title=vae::forged @\u2060octocat \\#\u2060123»" in run.stdout


def test_diff_in_json_keeps_the_text_exactly(repository: Repository) -> None:
    repository.plan.write_text(RETITLED, encoding="utf-8")
    run = run_vae("diff", "--as-of", AS_OF, "--format", "json")
    assert run.exit_code == 0, run
    assert_inert(run.stdout)
    (plan,) = run.json()["plans"]
    assert [note["after"] for note in plan["notes"]] == [HOSTILE]


def test_record_shows_its_diff_and_the_file_inert(repository: Repository) -> None:
    repository.plan.write_text(RETITLED, encoding="utf-8")
    args = ("progress", "rues-aux-ecoles", "--year", "2024", "--status", "done", "--as-of", AS_OF)
    dry = run_vae("record", args[0], repository.plan, *args[1:], "--dry-run")
    assert dry.exit_code == 0, dry
    assert_inert(dry.stdout)
    assert "+      - {year: 2024, status: done}" in dry.stdout.split("\n")
    named = repository.root / "plans" / f"\x1b[2J\u202e\n{FORGED}.yaml"
    repository.plan.rename(named)
    run = run_vae("record", args[0], named, *args[1:])
    assert run.exit_code == 0, run
    assert_inert(run.stdout, run.stderr)
    assert run.stdout.startswith("plans/␛[2J�␊::error")


def test_init_shows_the_names_it_was_given_inert(repository: Repository) -> None:
    new = f"plans/\x1b[2J\u202e\n{FORGED}.yaml"
    run = run_vae("init", new, "--from", repository.plan, "--mandate", "2026-2032")
    assert run.exit_code == 0, run
    assert_inert(run.stdout, run.stderr)
    assert run.stdout.startswith("wrote plans/␛[2J�␊::error title=vae::forged.yaml: carried")


def test_report_shows_findings_and_paths_inert(repository: Repository) -> None:
    named = repository.root / "plans" / f"\x1b[2J\u202e{FORGED}.yaml"
    repository.plan.rename(named)
    run = run_vae("report", named, "--year", "2023", "--format", "md")
    assert run.exit_code == 0, run
    assert_inert(run.stdout)
    assert run.stdout.startswith("wrote reports/␛[2J�::error")
    named.write_text(WITH_BAD_KEYS, encoding="utf-8")
    run = run_vae("report", named, "--year", "2023")
    assert run.exit_code == 1, run
    assert_inert(run.stdout, run.stderr)
    assert "␛[2J␛]0;owned␇�31m�evil�␤ end␍␊::error" in run.stdout


def test_schema_shows_the_folder_it_wrote_to_inert(tmp_path: Path) -> None:
    run = run_vae("schema", "--output", tmp_path / f"s\x1b[2J\n{FORGED}")
    assert run.exit_code == 0, run
    assert_inert(run.stdout)
    assert "s␛[2J␊::error" in run.stdout
