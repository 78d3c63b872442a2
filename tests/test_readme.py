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
    "180 000,50": (235, "180000", "180 000,50"),
    "bien-etr\n": (224, "bien-etre", "bien-etr"),
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
