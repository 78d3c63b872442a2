"""The README's examples are real: each console block is what vae prints today."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import AS_OF, ROOT, run_vae

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```console\n\$ (vae [^\n]*)\n(.*?)```", README, re.DOTALL)
# The README's mistakes, as (line number in plans/dijon-2020.yaml, old text, new text).
EDITS = {
    "180 000,50": (253, "180000", "180 000,50"),
    "bien-etr\n": (242, "bien-etre", "bien-etr"),
}


@pytest.mark.parametrize(("command", "output"), BLOCKS, ids=[b[1][:40] for b in BLOCKS])
def test_readme_console_block(
    command: str, output: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "plans").mkdir()
    plan = tmp_path / "plans" / "dijon-2020.yaml"
    shutil.copy(ROOT / "plans" / "dijon-2020.yaml", plan)
    lines = plan.read_text(encoding="utf-8").splitlines(keepends=True)
    for marker, (number, old, new) in EDITS.items():
        if marker in output:
            assert old in lines[number - 1], f"line {number} of the Dijon plan moved"
            lines[number - 1] = lines[number - 1].replace(old, new)
    plan.write_text("".join(lines), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = run_vae(*command.split()[1:], "--as-of", AS_OF)
    assert run.stdout == output


def _commands(text: str) -> list[list[str]]:
    """The `vae` command lines of the ```sh blocks of `text`, continuations joined."""
    import shlex

    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL):
        for line in block.replace("\\\n", " ").splitlines():
            if line.startswith("vae ") and "[" not in line:  # `[--option]` is a synopsis
                commands.append(shlex.split(line.split("  #")[0])[1:])
    return commands


@pytest.mark.parametrize("document", ["README.md", "docs/editing.md"], ids=["readme", "editing"])
def test_the_record_and_init_examples_work_as_written_on_the_sample_plan(
    document: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each `vae record` and `vae init` line of the document, copied as written (one after
    the other, on a copy of the Dijon plan), does what it says: exit 0."""
    (tmp_path / "plans").mkdir()
    shutil.copy(ROOT / "plans" / "dijon-2020.yaml", tmp_path / "plans" / "dijon-2020.yaml")
    monkeypatch.chdir(tmp_path)
    text = (ROOT / document).read_text(encoding="utf-8")
    commands = [c for c in _commands(text) if c[0] in ("record", "init")]
    # The README gives its `vae init` lines in the text, not in a block.
    commands += [c.split()[1:] for c in re.findall(r"`(vae init [^`]*)`", text) if "[" not in c]
    # Mentions of an option (`vae init --from`) are not examples: an example names its plan.
    commands = [c for c in commands if c[0] == "record" or (c[1:2] and c[1].endswith(".yaml"))]
    assert len(commands) >= 4
    for command in commands:
        as_of = ["--as-of", AS_OF] if command[0] == "record" else []
        run = run_vae(*command, *as_of)
        assert run.exit_code == 0, (command, run)


def test_as_of_a_past_year_checks_the_sample_plan_as_it_stood_then() -> None:
    """The README: "`--as-of 2024` checks the plan as it stood at the end of 2024". The Dijon
    plan, valid today, was valid then too: what it records for 2025 and 2026 is left out."""
    for year in ("2021", "2024"):
        run = run_vae("validate", ROOT / "plans" / "dijon-2020.yaml", "--as-of", year)
        assert run.exit_code == 0, run
        assert run.stdout.endswith("Checked 1 file: no error, no warning.\n"), run
