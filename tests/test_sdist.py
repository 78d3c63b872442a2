"""The source distribution is complete: it carries the licence, and its own tests pass on its
own code (the generated documentation, the catalogs, the rules and the shape checks)."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.conftest import PIP_NO_BYTECODE, ROOT


@pytest.mark.slow
def test_the_sdist_carries_what_its_tests_need_and_they_pass(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--outdir", tmp_path / "dist", ROOT],
        check=True,
        capture_output=True,
        env={**os.environ, **PIP_NO_BYTECODE},
    )
    (sdist,) = (tmp_path / "dist").glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path / "src", filter="data")
    (top,) = (tmp_path / "src").iterdir()
    for needed in ("LICENSE", "README.md", "Makefile", "pyproject.toml", "tools/docgen.py",
                   "templates/followup.html", "schemas/plan.schema.json", "plans/dijon-2020.yaml",
                   "vae_cli/i18n/fr.po", "tests/conftest.py"):  # fmt: skip
        assert (top / needed).is_file(), needed
    tests = ["tests/test_generated_files.py", "tests/report/test_catalog.py",
             "tests/test_rules.py", "tests/test_shape.py", "tests/test_project.py"]  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0", *tests],
        cwd=top,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    # The sdist's own code ran, not this checkout's: pytest puts the sdist's folder first on
    # the path (`pythonpath = ["."]`), ahead of the editable install of this checkout.
    where = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path.insert(0, '.'); import vae_cli; "
         "print(vae_cli.__file__)"],
        cwd=top, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert Path(where.stdout.strip()) == top / "vae_cli" / "__init__.py"
