"""Every command that reads a plan answers a hostile one with findings or a usage error, never
with "a bug in vae" (exit 3): `vae validate`, `vae report`, `vae record` and `vae diff`.

The corpus holds one plan per class of trouble found so far (huge integers, counts too long
for a report, control characters and bidi overrides, fake CI annotations, CR-only line
endings, anchored and tagged lists, deep nesting, aliases, bytes that are not UTF-8);
Hypothesis then mutates the corpus' plans. Bounded in examples, so the suite stays quick.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, SMALL_TOWN, Run, run_vae

PLAN = SMALL_TOWN.read_text(encoding="utf-8")


def _swap(old: str, new: str) -> bytes:
    assert old in PLAN, old
    return PLAN.replace(old, new, 1).encode("utf-8")


CORPUS: dict[str, bytes] = {
    "valid": PLAN.encode("utf-8"),
    "integer of 5,000 digits": _swap("respondents: 240", "respondents: " + "9" * 5000),
    "count of 399 digits": _swap("respondents: 240", "respondents: " + "9" * 399),
    "float of 400 digits": _swap("budget_eur: 50000", "budget_eur: 1" + "0" * 400 + ".5"),
    "escape sequences": _swap("title: Rues aux écoles", 'title: "Rues\\e[2J\\e]0;pwned\\a"'),
    "bidi override": _swap("title: Rues aux écoles", "title: Rues \u202eselocé xua"),
    "fake annotation": _swap(
        "title: Rues aux écoles", 'title: "Rues\\n::error file=x.yaml,line=1::pwned"'
    ),
    "C1 control": _swap("title: Rues aux écoles", 'title: "Rues\\x85aux écoles"'),
    "CR-only": PLAN.replace("\n", "\r").encode("utf-8"),
    "CRLF": PLAN.replace("\n", "\r\n").encode("utf-8"),
    "anchored progress": _swap("    progress:\n", "    progress: &p\n"),
    "tagged progress": _swap("    progress:\n", "    progress: !!seq\n"),
    "aliases": _swap("    target_groups: [", "    target_groups: &t [") + b"extra: *t\n",
    "deep nesting": _swap("city:\n", "city:\n  deep: " + "[" * 200 + "]" * 200 + "\n"),
    "not UTF-8": _swap("title: Rues aux écoles", "title: Rues aux écoles").replace(
        "é".encode(), b"\xe9", 1
    ),
    "NUL byte": _swap("title: Rues aux écoles", "title: Rues\x00"),
    "long line": _swap("title: Rues aux écoles", "title: " + "x" * 200_000),
}

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@st.composite
def hostile_plans(draw: st.DrawFn) -> bytes:
    """A plan of the corpus, with a few lines cut, repeated or garbled."""
    lines = draw(st.sampled_from(sorted(CORPUS.values()))).splitlines(keepends=True)
    for _ in range(draw(st.integers(0, 3))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["cut", "repeat", "garble"]))
        if kind == "cut":
            del lines[i]
        elif kind == "repeat":
            lines.insert(i, lines[i])
        else:
            lines[i] = draw(st.binary(max_size=12)) + lines[i]
    return b"".join(lines)


def _answered(run: Run) -> None:
    assert run.exit_code in (0, 1, 2), run
    said = run.stdout + run.stderr
    assert "Traceback" not in said and "bug in vae" not in said, said


@pytest.mark.parametrize("name", sorted(CORPUS))
@pytest.mark.parametrize("command", ["validate", "report", "record"])
def test_the_corpus_through_every_command(tmp_path: Path, name: str, command: str) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(CORPUS[name])
    _answered(_run(command, plan, tmp_path))


def _run(command: str, plan: Path, tmp_path: Path) -> Run:
    if command == "validate":
        return run_vae("validate", plan, "--as-of", AS_OF, "--format", "github")
    if command == "report":
        return run_vae("report", plan, "--year", "2023", "--output", tmp_path / "out")
    return run_vae("record", "progress", plan, "rues-aux-ecoles", "--year", "2026",
                   "--status", "done", "--replace", "--as-of", AS_OF)  # fmt: skip


@FUZZ
@given(content=hostile_plans(), command=st.sampled_from(["validate", "report", "record"]))
def test_mutated_hostile_plans_through_every_command(
    tmp_path: Path, content: bytes, command: str
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(content)
    _answered(_run(command, plan, tmp_path))


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "ville"
    (root / "plans").mkdir(parents=True)
    _git(root, "init", "-q")
    (root / "plans" / "ville.yaml").write_bytes(CORPUS["valid"])
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "base")
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("name", sorted(CORPUS))
@pytest.mark.parametrize("side", ["working tree", "base"])
def test_the_corpus_through_vae_diff(repo: Path, name: str, side: str) -> None:
    plan = repo / "plans" / "ville.yaml"
    plan.write_bytes(CORPUS[name])
    if side == "base":  # the hostile version is the one committed, the valid one is new
        _git(repo, "commit", "-q", "--allow-empty", "-am", name)
        plan.write_bytes(CORPUS["valid"])
    for fmt in ("text", "md", "json"):
        _answered(run_vae("diff", "HEAD", plan, "--format", fmt))
