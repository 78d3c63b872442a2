"""`vae validate` as editors and terminals drive it: a plan on standard input, `--quiet`,
`--color`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import AS_OF, ROOT, SMALL_TOWN, run_vae

VAE = [sys.executable, "-m", "vae_cli"]
BROKEN = SMALL_TOWN.read_text(encoding="utf-8").replace("budget_eur: 50000", "budget_eur: oui", 1)


def _vae(
    *args: str | Path, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [*VAE, *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "VAE_LANG": "en", **(env or {})},
        check=False,
    )


def test_a_plan_piped_on_standard_input_is_shown_as_stdin() -> None:
    done = _vae("validate", "-", "--as-of", AS_OF, stdin=BROKEN)
    assert done.returncode == 1, done
    assert done.stdout.startswith("<stdin>:")
    assert "<stdin>: 1 error, 0 warnings" in done.stdout


def test_stdin_name_is_the_path_shown_and_where_the_referential_is_found(tmp_path: Path) -> None:
    name = tmp_path / "plans" / "villebourg.yaml"
    done = _vae("validate", "-", "--stdin-name", name, "--as-of", AS_OF, "--format", "json",
                stdin=BROKEN)  # fmt: skip
    assert done.returncode == 1, done
    import json

    assert json.loads(done.stdout)["files"][0]["path"] == str(name)
    assert not name.exists()  # nothing is written there


def test_stdin_alone_only(tmp_path: Path) -> None:
    done = _vae("validate", "-", SMALL_TOWN, stdin=BROKEN)
    assert done.returncode == 2
    assert "cannot be checked with other files" in done.stderr


def test_quiet_prints_only_the_findings(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(BROKEN, encoding="utf-8")
    loud = run_vae("validate", plan, "--as-of", AS_OF)
    quiet = run_vae("validate", plan, "--as-of", AS_OF, "--quiet")
    assert quiet.exit_code == loud.exit_code == 1
    assert "Checked 1 file" in loud.stdout and "Checked 1 file" not in quiet.stdout
    assert "1 error, 0 warnings" not in quiet.stdout
    assert quiet.stdout.strip() and quiet.stdout in loud.stdout
    clean = run_vae("validate", SMALL_TOWN, "--as-of", AS_OF, "-q")
    assert (clean.exit_code, clean.stdout) == (0, "")


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        (["--color", "always"], {}, True),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        ([], {}, False),  # not a terminal
    ],
)
def test_colour_follows_the_option_then_the_environment(
    args: list[str], env: dict[str, str], coloured: bool
) -> None:
    clean = {"NO_COLOR": "", "FORCE_COLOR": "", "TERM": "xterm"}
    done = _vae("validate", SMALL_TOWN, "--as-of", AS_OF, *args, env={**clean, **env})
    assert done.returncode == 0, done
    assert ("\x1b[" in done.stdout) is coloured


def test_a_dumb_terminal_gets_no_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    from vae_cli.cli.options import use_color

    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert use_color("auto") is False
    monkeypatch.setenv("TERM", "xterm-256color")
    assert use_color("auto") is True
    assert use_color("never") is False
