"""Plans of every size a network can bring: within the limits, read whole, and checked in time
that grows with the plan, not with its square.

The time itself is measured by `make bench`; here, the work the rules do is counted (Python lines
executed), which does not depend on the machine or its load.
"""

from __future__ import annotations

import sys
import types
import typing as t
from pathlib import Path

import pytest
import yaml

from tests.conftest import AS_OF, run_vae
from tools.big_plans import compact, like_dijon, with_markers
from vae_cli.check import load_model, run_rules
from vae_cli.models.plan import Plan
from vae_cli.models.referential import Referential
from vae_cli.reading import yaml_document
from vae_cli.referentials import builtin_referentials
from vae_cli.rules import Context

MIB = 1024 * 1024


def values_in(text: str) -> int:
    kinds = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
    return sum(isinstance(e, kinds) for e in yaml.parse(text, Loader=yaml.CSafeLoader))


@pytest.mark.parametrize(
    ("write", "mib"),
    [(like_dijon, yaml_document.SAMPLE_STYLE_MIB), (compact, yaml_document.FLOW_STYLE_MIB)],
)
def test_the_hints_say_what_5000_actions_weigh_and_the_limits_leave_room(
    write: t.Callable[[int], str], mib: int
) -> None:
    text = write(5000)
    size = len(text.encode("utf-8"))
    assert round(size / MIB) == mib
    assert 2.5 * size < yaml_document.MAX_BYTES
    low, high = yaml_document.VALUES_OF_5000_ACTIONS
    values = values_in(text)
    assert low <= values <= high
    # Even the densest style, as large as a file may be, stays under the values' limit.
    assert values * yaml_document.MAX_BYTES / size < yaml_document.MAX_VALUES


def test_the_large_plans_are_valid_plans(tmp_path: Path) -> None:
    for name, text in (("dijon-60", like_dijon(60)), ("compact-60", compact(60))):
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        run = run_vae("validate", path, "--format", "json", "--as-of", AS_OF)
        assert (run.exit_code, run.json()["diagnostics"]) == (0, [])


@pytest.mark.slow
def test_a_5000_action_plan_written_like_the_sample_validates_and_records(tmp_path: Path) -> None:
    path = tmp_path / "grande-ville-2020.yaml"
    path.write_bytes(like_dijon(5000).encode("utf-8"))
    before = path.read_bytes()
    assert len(before) > 10 * MIB  # over the old limit, which refused it
    run = run_vae("validate", path, "--format", "json", "--as-of", AS_OF)
    assert (run.exit_code, run.json()["diagnostics"]) == (0, [])
    run = run_vae(
        "record", "progress", path, "rues-aux-ecoles-3", "--year", "2026",
        "--status", "in_progress", "--spent", "60000",
    )  # fmt: skip
    assert run.exit_code == 0, run.stderr
    entry = b"- {year: 2026, status: in_progress, spent_eur: 60000}"
    assert path.read_bytes().count(entry) == before.count(entry) + 1


def test_the_size_hint_states_both_styles(write_plan: t.Callable[[str | bytes], Path]) -> None:
    path = write_plan(b"# " + b"x" * (yaml_document.MAX_BYTES + 10) + b"\n")
    for lang, expected in (
        ("en", "about 12 MiB written like the sample, 4 MiB in flow style"),
        ("fr", "environ 12\u00a0Mio écrit comme l'exemple, 4\u00a0Mio en style compact"),
    ):
        run = run_vae("validate", path, "--format", "json", "--lang", lang)
        (finding,) = run.json()["diagnostics"]
        assert finding["rule"] == "file-too-large"
        assert expected in finding["hint"]
        assert "32" in finding["message"]


def _lines_run_by_the_rules(path: Path) -> tuple[int, int]:
    """(findings, Python lines executed) of every rule on the plan at `path`."""
    loaded = load_model(path, Plan)
    referential = load_model(builtin_referentials()["unicef-france-vae-2020-2026"], Referential)
    assert loaded.model is not None and loaded.document is not None
    assert referential.model is not None
    context = Context(
        plan=loaded.model, referential=referential.model, document=loaded.document, as_of=2026
    )
    count = 0

    def trace(frame: types.FrameType, event: str, arg: object) -> t.Any:
        nonlocal count
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        found = run_rules(context, str(path))
    finally:
        sys.settrace(None)
    return len(found), count


def test_the_rules_do_work_in_proportion_to_the_plan(tmp_path: Path) -> None:
    """Four times the actions (and the `# À REMPLIR` markers) is about four times the work: a
    rule that walks the plan once for each marker, or each action, makes it sixteen."""
    small, large = tmp_path / "small.yaml", tmp_path / "large.yaml"
    small.write_text(with_markers(like_dijon(25)), encoding="utf-8")
    large.write_text(with_markers(like_dijon(100)), encoding="utf-8")
    small_findings, small_work = _lines_run_by_the_rules(small)
    large_findings, large_work = _lines_run_by_the_rules(large)
    assert small_findings >= 20 and large_findings > 3.5 * small_findings  # the markers
    assert large_work < 5 * small_work


def test_the_largest_plan_vae_reads_gets_its_html_report(tmp_path: Path) -> None:
    """Our templates may write MAX_OWN_OUTPUT characters: more than the HTML follow-up of a
    plan at the size limit, at the rate a plan written like the sample gives (200 actions
    here; a plan of 5,000 came to 27 MB of HTML, past the 20,000,000 a city's template gets)."""
    from vae_cli.report.environment import MAX_OWN_OUTPUT

    plan = tmp_path / "plan.yaml"
    plan.write_text(like_dijon(200), encoding="utf-8")
    run = run_vae("report", plan, "--year", "2025", "-f", "html", "-o", tmp_path / "out")
    assert run.exit_code == 0, run
    [page] = (tmp_path / "out").rglob("*.html")
    per_byte = len(page.read_text(encoding="utf-8")) / plan.stat().st_size
    assert per_byte * yaml_document.MAX_BYTES < MAX_OWN_OUTPUT, per_byte
