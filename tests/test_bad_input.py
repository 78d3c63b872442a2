"""Whatever a user writes, `vae validate` answers with a located message, never a traceback."""

from __future__ import annotations

import os
import typing as t
from pathlib import Path

import pytest

from tests.conftest import AS_OF, SMALL_TOWN, run_vae
from vae_cli.reading import yaml_document as loading


def only_finding(path: Path) -> dict[str, t.Any]:
    run = run_vae("validate", path, "--format", "json", "--as-of", AS_OF)
    assert run.exit_code == 1, run
    (diagnostic,) = run.json()["diagnostics"]
    return t.cast(dict[str, t.Any], diagnostic)


def where(diagnostic: dict[str, t.Any]) -> tuple[int, int, str]:
    return diagnostic["line"], diagnostic["column"], diagnostic["rule"]


CASES: list[tuple[str, str, tuple[int, int, str], str]] = [
    # (name, file content, (line, column, rule), a word the hint must contain)
    (
        "syntax",
        "schema_version: 1\ncity: [Dijon\nmandate: {}\n",
        (3, 8, "yaml-syntax"),
        "indentation",
    ),
    ("tab", "schema_version: 1\ncity:\n\tname: Dijon\n", (3, 1, "yaml-syntax"), "tab"),
    ("colon", "city:\n  name: Objectif: 100 %\n", (2, 17, "yaml-syntax"), "quotes"),
    (
        "duplicate key",
        "schema_version: 1\ncity: {}\nschema_version: 1\n",
        (3, 1, "yaml-duplicate-key"),
        "keep one",
    ),
    ("empty", "", (1, 1, "yaml-empty"), "vae init"),
    ("only comments", "# nothing yet\n", (1, 1, "yaml-empty"), "vae init"),
    ("list at the top", "- schema_version: 1\n", (1, 1, "yaml-not-mapping"), "without"),
    ("scalar at the top", "hello\n", (1, 1, "yaml-not-mapping"), "schema_version"),
    (
        "several documents",
        "schema_version: 1\n---\nschema_version: 1\n",
        (2, 1, "yaml-multiple-documents"),
        "---",
    ),
    ("python tag", "schema_version: !!python/object:os.system 1\n", (1, 17, "yaml-syntax"), "tag"),
    ("undefined alias", "a: *nothing\n", (1, 4, "yaml-syntax"), "anchor"),
    ("complex key", "? [a, b]\n: 1\n", (1, 3, "yaml-syntax"), "key"),
    (
        "huge integer",
        "schema_version: 1\ncity:\n  n: " + "9" * 5000 + "\n",
        (3, 6, "number-too-long"),
        "pasted",
    ),
    (
        "huge tagged integer",
        "a: [1, !!int -" + "9" * 4301 + "]\n",
        (1, 8, "number-too-long"),
        "pasted",
    ),
]


@pytest.mark.parametrize(
    "command",
    [
        ["record", "payment", "PLAN", "--year", "2026", "--amount", "10"],
        ["report", "PLAN", "--year", "2023", "--output", "OUT"],
        ["init", "OUT/next.yaml", "--from", "PLAN", "--mandate", "2026-2032"],
    ],
)
def test_a_huge_integer_is_a_finding_in_every_command(tmp_path: Path, command: list[str]) -> None:
    plan = tmp_path / "plan.yaml"
    text = SMALL_TOWN.read_text(encoding="utf-8")
    plan.write_text(text.replace("respondents: 240", "respondents: " + "9" * 5000), "utf-8")
    args = [str(plan) if a == "PLAN" else a.replace("OUT", str(tmp_path / "out")) for a in command]
    run = run_vae(*args)
    assert run.exit_code in (1, 2), run
    said = run.stdout + run.stderr
    # `vae init --from` names the plan and sends to `vae validate` for the details.
    assert ("cannot be read as a plan" if command[0] == "init" else "5,000 digits") in said


@pytest.mark.parametrize(
    ("content", "expected", "hint_word"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_broken_yaml_is_located(
    write_plan: t.Callable[[str | bytes], Path],
    content: str,
    expected: tuple[int, int, str],
    hint_word: str,
) -> None:
    diagnostic = only_finding(write_plan(content))
    assert where(diagnostic) == expected
    assert hint_word in diagnostic["hint"]


def test_not_utf8_says_which_line(write_plan: t.Callable[[str | bytes], Path]) -> None:
    path = write_plan("schema_version: 1\ncity:\n  name: Orl\xe9ans\n".encode("latin-1"))
    diagnostic = only_finding(path)
    assert where(diagnostic) == (3, 12, "encoding")
    assert "not valid UTF-8" in diagnostic["message"] and "Windows-1252" in diagnostic["message"]
    assert "UTF-8" in diagnostic["hint"]


def test_utf16_is_named(write_plan: t.Callable[[str | bytes], Path]) -> None:
    diagnostic = only_finding(write_plan("schema_version: 1\n".encode("utf-16")))
    assert where(diagnostic) == (1, 1, "encoding")
    assert "UTF-16" in diagnostic["message"]


def test_utf8_bom_is_accepted(write_plan: t.Callable[[str | bytes], Path]) -> None:
    path = write_plan(b"\xef\xbb\xbf" + SMALL_TOWN.read_bytes())
    run = run_vae("validate", path, "--as-of", AS_OF)
    assert run.exit_code == 0, run
    assert "no error, no warning" in run.stdout


def test_crlf_line_endings_are_accepted(write_plan: t.Callable[[str | bytes], Path]) -> None:
    path = write_plan(SMALL_TOWN.read_bytes().replace(b"\n", b"\r\n"))
    assert run_vae("validate", path, "--as-of", AS_OF).exit_code == 0


def test_alias_bomb_is_refused(write_plan: t.Callable[[str | bytes], Path]) -> None:
    # Nine levels of ten aliases expand to 10**9 values: "billion laughs".
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    diagnostic = only_finding(write_plan("\n".join(lines) + "\n"))
    # a5 stands for 1,111,111 values and a0..a5 already hold 1,234,566: the fourth *a5 of a6
    # passes the limit of 5,000,000.
    assert where(diagnostic) == (7, 25, "yaml-alias-bomb")


def test_deep_nesting_is_refused_at_our_limit(write_plan: t.Callable[[str | bytes], Path]) -> None:
    diagnostic = only_finding(write_plan("a: " + "[" * 100 + "]" * 100 + "\n"))
    # The 65th bracket opens the 66th level (the top mapping is the first).
    assert where(diagnostic) == (1, 3 + 64, "yaml-too-deep")


def test_very_deep_nesting_is_refused_quickly(write_plan: t.Callable[[str | bytes], Path]) -> None:
    # libyaml stops flow nesting at its own limit before handing us the events.
    diagnostic = only_finding(write_plan("a: " + "[" * 50000 + "]" * 50000 + "\n"))
    assert diagnostic["rule"] == "yaml-too-deep"
    assert diagnostic["line"] == 1
    assert "brackets" in diagnostic["hint"]


def test_a_huge_line_is_quoted_around_the_column(
    write_plan: t.Callable[[str | bytes], Path],
) -> None:
    path = write_plan("a: " + "[" * 100 + "]" * 100 + "\n")
    run = run_vae("validate", path)
    source, marker = run.stdout.splitlines()[1:3]
    assert len(source) < 120
    assert source[marker.index("^")] == "["


def test_deep_block_nesting_is_refused(write_plan: t.Callable[[str | bytes], Path]) -> None:
    text = "".join(f"{' ' * i}k{i}:\n" for i in range(200)) + " " * 200 + "end: 1\n"
    diagnostic = only_finding(write_plan(text))
    assert where(diagnostic) == (65, 65, "yaml-too-deep")


def test_file_over_the_size_limit_is_refused(write_plan: t.Callable[[str | bytes], Path]) -> None:
    path = write_plan(b"# " + b"x" * (loading.MAX_BYTES + 10) + b"\n")
    diagnostic = only_finding(path)
    assert where(diagnostic) == (1, 1, "file-too-large")


def test_binary_garbage_is_an_encoding_error(write_plan: t.Callable[[str | bytes], Path]) -> None:
    diagnostic = only_finding(write_plan(bytes(range(256)) * 4))
    assert diagnostic["rule"] == "encoding"


def test_control_character_is_located(write_plan: t.Callable[[str | bytes], Path]) -> None:
    diagnostic = only_finding(write_plan("schema_version: 1\ncity: \x07\n"))
    assert where(diagnostic) == (2, 7, "yaml-syntax")
    assert "U+0007" in diagnostic["message"]


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    run = run_vae("validate", tmp_path / "nope.yaml")
    assert run.exit_code == 2
    assert "nope.yaml: no such file" in run.stderr
    assert run.stdout == ""


def test_missing_file_suggests_a_near_name(tmp_path: Path) -> None:
    (tmp_path / "dijon-2020.yaml").write_text("x: 1\n", encoding="utf-8")
    run = run_vae("validate", tmp_path / "dijon-2002.yaml")
    assert run.exit_code == 2
    assert "did you mean" in run.stderr and "dijon-2020.yaml" in run.stderr


def test_folder_without_plans_is_a_usage_error(tmp_path: Path) -> None:
    run = run_vae("validate", tmp_path)
    assert run.exit_code == 2
    assert "no plan (*.yaml) in the folder" in run.stderr


def test_folder_named_like_a_plan_is_expanded_or_refused(tmp_path: Path) -> None:
    folder = tmp_path / "plan.yaml"
    folder.mkdir()
    run = run_vae("validate", folder)
    assert run.exit_code == 2
    assert "no plan" in run.stderr


def test_unreadable_file_is_a_usage_error(
    write_plan: t.Callable[[str | bytes], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # CI runs as root, which reads any file whatever its mode: the refusal is simulated.
    path = write_plan("schema_version: 1\n")
    real_open = os.open

    def refuse(name: str | Path, *args: t.Any, **kwargs: t.Any) -> int:
        if Path(name) == path:
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    run = run_vae("validate", path)
    assert run.exit_code == 2
    assert "cannot read" in run.stderr and "Permission denied" in run.stderr


def test_a_folder_is_expanded_to_its_plans(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(SMALL_TOWN.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text("- broken\n", encoding="utf-8")
    run = run_vae("validate", tmp_path, "--as-of", AS_OF)
    assert run.exit_code == 1
    assert "a.yaml: ok" in run.stdout
    assert "b.yaml:1:1: error [yaml-not-mapping]" in run.stdout
    assert run.stdout.rstrip().endswith("Checked 2 files: 1 error, 0 warnings.")


def test_control_characters_cannot_forge_the_terminal_output(
    write_plan: t.Callable[[str | bytes], Path],
) -> None:
    """A key holding escape sequences must not erase the error line or fake an "ok"."""
    forged = '"\\e[2K\\rplan.yaml: ok\\nChecked 1 file: no error, no warning.\\e[8m": 1\n'
    path = write_plan(SMALL_TOWN.read_text(encoding="utf-8").replace(
        "  name: Villebourg\n", "  name: Villebourg\n  " + forged, 1
    ))  # fmt: skip
    run = run_vae("validate", path, "--as-of", AS_OF)
    assert run.exit_code == 1
    assert "\x1b" not in run.stdout and "\r" not in run.stdout
    first = run.stdout.splitlines()[0]
    assert first.startswith(f"{path}:") and "error [unknown-key]" in first
    assert "␛[2K␍plan.yaml: ok␊Checked" in first
    assert run.stdout.count("\n") == len(run.stdout.splitlines())  # no line added by the plan


def test_findings_past_a_thousand_are_counted_not_listed(
    write_plan: t.Callable[[str | bytes], Path],
) -> None:
    from vae_cli.findings.diagnostics import MAX_FINDINGS

    keys = "".join(f"  cle{i}: 1\n" for i in range(5000))
    path = write_plan(
        SMALL_TOWN.read_text(encoding="utf-8").replace("city:\n", "city:\n" + keys, 1)
    )
    run = run_vae("validate", path, "--format", "json", "--as-of", AS_OF)
    assert run.exit_code == 1, run
    diagnostics = run.json()["diagnostics"]
    listed = [d for d in diagnostics if "more findings" not in d["message"]]
    (summary,) = [d for d in diagnostics if "more findings" in d["message"]]
    assert len(listed) == MAX_FINDINGS
    assert summary["rule"] == "unknown-key"
    assert summary["message"].startswith(f"{5000 - MAX_FINDINGS:,} more findings of `unknown-key`")
    # The summary stands where the findings it counts start: the first key not listed.
    assert summary["line"] == listed[-1]["line"] + 1


def test_a_pasted_column_of_values_is_one_finding(
    write_plan: t.Callable[[str | bytes], Path],
) -> None:
    path = write_plan("schema_version: 1\nactions: [" + ",".join(["0"] * 60000) + "]\n")
    run = run_vae("validate", path, "--format", "json", "--as-of", AS_OF)
    rules = {(d["rule"], d["message"]) for d in run.json()["diagnostics"] if d["line"] == 2}
    assert rules == {
        ("invalid-value", "`actions` has more than 50,000 items, more than any plan needs")
    }


def test_a_file_of_too_many_values_is_refused_at_the_first_one_over(
    write_plan: t.Callable[[str | bytes], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading, "MAX_VALUES", 1000)  # the real limit, 5,000,000, takes seconds
    path = write_plan("a: [" + ",".join(["0"] * 1000) + "]\n")
    (finding,) = run_vae("validate", path, "--format", "json").json()["diagnostics"]
    assert (finding["rule"], finding["line"], finding["column"]) == (
        "yaml-too-many-values",
        1,
        1999,
    )
    assert "more than 1,000 values" in finding["message"]
