"""Promises about the project itself: its map of the code is complete, and every dependency it
declares does a job in the code."""

from __future__ import annotations

import ast
import re
import tomllib

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _code_map() -> str:
    section = README[README.index("## Working on vae") :]
    return section[section.index("```") : section.index("```", section.index("```") + 3)]


def test_the_readme_map_names_every_module() -> None:
    """A newcomer finds every module of the package and of tools/ in the README's map."""
    words = set(re.findall(r"[\w.]+", _code_map()))
    missing = []
    for folder in ("vae_cli", "tools"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT / folder)
            if path.name == "__init__.py":
                if relative.parent != relative.parent.parent:
                    name = relative.parent.name
                    if name not in words and f"{name}/" not in _code_map():
                        missing.append(str(relative.parent) + "/")
                continue
            if path.name not in words:
                missing.append(str(path.relative_to(ROOT)))
    assert missing == []


def _imported_top_modules() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "vae_cli").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    return found


def test_every_declared_dependency_is_imported_by_the_code() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    import_names = {"pyyaml": "yaml", "ruamel.yaml": "ruamel", "odfpy": "odf"}
    declared = {
        re.split(r"[<>=!~ \[]", requirement, maxsplit=1)[0].lower()
        for requirement in project["dependencies"]
    }
    imported = _imported_top_modules()
    unused = sorted(d for d in declared if import_names.get(d, d) not in imported)
    assert unused == []
