"""Whatever the file holds, `vae validate` answers with located findings: never a traceback.

Hypothesis mutates a valid plan (cuts, insertions, swapped lines, random bytes) and grafts random
YAML values onto it; every run must end with exit 0 or 1 and findings that point inside the file.
"""

from __future__ import annotations

import copy
import typing as t
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, SMALL_TOWN, run_vae

PLAN = SMALL_TOWN.read_bytes()
LINES = PLAN.splitlines(keepends=True)
# Parsed once, and dumped with libyaml: PyYAML's pure-Python loader and emitter took two thirds
# of this file's time, for the same plan on every example.
DATA = yaml.load(PLAN, Loader=yaml.CSafeLoader)
FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def assert_answered(path: Path) -> None:
    run = run_vae("validate", path, "--format", "json", "--as-of", AS_OF)
    assert run.exit_code in (0, 1), run
    line_count = max(1, path.read_bytes().count(b"\n") + 1)
    for diagnostic in run.json()["diagnostics"]:
        assert 1 <= diagnostic["line"] <= line_count, diagnostic
        assert diagnostic["column"] >= 1, diagnostic
        assert diagnostic["message"] and diagnostic["rule"], diagnostic


@st.composite
def mutated_plans(draw: st.DrawFn) -> bytes:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["cut", "insert", "swap", "duplicate", "bytes", "indent"]))
        if kind == "cut":
            del lines[i : i + draw(st.integers(1, 5))]
        elif kind == "insert":
            lines.insert(i, draw(st.text(max_size=40)).encode("utf-8", "surrogatepass") + b"\n")
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "bytes":
            lines[i] = draw(st.binary(max_size=20)) + lines[i]
        else:
            lines[i] = b" " * draw(st.integers(1, 3)) + lines[i]
        if not lines:
            break
    return b"".join(lines)


@pytest.mark.slow
@FUZZ
@given(content=mutated_plans())
def test_mutated_plans_get_located_findings(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(content)
    assert_answered(path)


YAML_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
GRAFT_KEYS = [
    ("city",),
    ("mandate", "start"),
    ("membership", "payments"),
    ("actions",),
    ("actions", 0),
    ("actions", 0, "progress"),
    ("actions", 0, "indicators", 0, "baseline"),
    ("actions", 1, "budget_eur"),
    ("consultations", 0, "respondents"),
    ("referential",),
]


@pytest.mark.slow
@FUZZ
@given(where=st.sampled_from(GRAFT_KEYS), value=YAML_VALUES)
def test_random_values_anywhere_get_located_findings(
    tmp_path: Path, where: tuple[str | int, ...], value: t.Any
) -> None:
    data = copy.deepcopy(DATA)
    target = data
    for part in where[:-1]:
        target = target[part]
    target[where[-1]] = value
    path = tmp_path / "plan.yaml"
    text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    assert_answered(path)
