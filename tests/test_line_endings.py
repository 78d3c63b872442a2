"""A finding points at the same line whatever the file's line endings: LF, CRLF or a lone CR
(old Mac files), as YAML itself counts lines; the line quoted under it is that line."""

from __future__ import annotations

import typing as t
from pathlib import Path

import pytest

from tests.conftest import AS_OF, run_vae

ENDINGS = {"LF": "\n", "CRLF": "\r\n", "CR": "\r"}


def validate(path: Path, *extra: str) -> t.Any:
    return run_vae("validate", path, "--as-of", AS_OF, *extra)


def where(path: Path) -> tuple[int, int, str]:
    run = validate(path, "--format", "json")
    assert run.exit_code == 1, run
    (diagnostic,) = run.json()["diagnostics"]
    return diagnostic["line"], diagnostic["column"], diagnostic["rule"]


@pytest.mark.parametrize("ending", ENDINGS.values(), ids=ENDINGS.keys())
def test_a_control_character_is_reported_at_its_line(
    ending: str, write_plan: t.Callable[[str | bytes], Path]
) -> None:
    lines = ["schema_version: 1", "city:", "  name: Villebourg", "  insee_code: \x07", ""]
    path = write_plan(ending.join(lines).encode())
    assert where(path) == (4, 15, "yaml-syntax")
    shown = validate(path).stdout.splitlines()
    assert shown[1] == "  4 |   insee_code: ␇"  # the offending line, not the file's first
    assert shown[2] == "    |               ^"


@pytest.mark.parametrize("ending", ENDINGS.values(), ids=ENDINGS.keys())
def test_bytes_that_are_not_utf8_are_reported_at_their_line(
    ending: str, write_plan: t.Callable[[str | bytes], Path]
) -> None:
    text = ending.join(["schema_version: 1", "city:", "  name: Béziers", ""])
    path = write_plan(text.encode("cp1252"))
    assert where(path) == (3, 10, "encoding")


@pytest.mark.parametrize("ending", ENDINGS.values(), ids=ENDINGS.keys())
def test_a_syntax_error_quotes_its_line(
    ending: str, write_plan: t.Callable[[str | bytes], Path]
) -> None:
    path = write_plan(ending.join(["schema_version: 1", "city:", "\tname: Dijon", ""]))
    assert where(path) == (3, 1, "yaml-syntax")
    assert validate(path).stdout.splitlines()[1].endswith("name: Dijon")


def test_characters_python_splits_at_but_yaml_does_not_keep_the_lines_in_step(
    write_plan: t.Callable[[str | bytes], Path],
) -> None:
    """A form feed ends a line for Python's `str.splitlines`, not for YAML: the line quoted is
    the whole line the finding is on."""
    path = write_plan("schema_version: 1\ncity: Dijon\x0cici\n")
    assert where(path) == (2, 12, "yaml-syntax")
    assert validate(path).stdout.splitlines()[1] == "  2 | city: Dijon␌ici"


def test_an_inline_suppression_applies_to_its_line_in_a_cr_file(
    small_town: str, write_plan: t.Callable[[str | bytes], Path]
) -> None:
    """`# vae: ignore[...]` is found on the line YAML puts the finding on."""
    text = small_town.replace(
        "    budget_eur: 30000\n", "    budget_eur: 30000  # vae: ignore[over-budget]\n", 1
    )
    assert text != small_town
    lf = validate(write_plan(text, "lf.yaml"), "--format", "json").json()
    cr = validate(write_plan(text.replace("\n", "\r"), "cr.yaml"), "--format", "json").json()
    assert [(d["line"], d["rule"]) for d in cr["diagnostics"]] == [
        (d["line"], d["rule"]) for d in lf["diagnostics"]
    ]
