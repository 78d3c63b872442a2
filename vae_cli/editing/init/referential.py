"""Which referential a new plan follows, and the value its `referential:` line names it by."""

from __future__ import annotations

import os
from pathlib import Path

from vae_cli.check import Checker, Unresolved
from vae_cli.errors import UsageError
from vae_cli.findings.diagnostics import display_path
from vae_cli.i18n.messages import msg
from vae_cli.models.referential import Referential
from vae_cli.plan_format import PLAN_SUFFIXES
from vae_cli.referentials import builtin_referentials

DEFAULT_REFERENTIAL = "unicef-france-vae-2020-2026"


def referential_for_mandate(mandate: tuple[int, int] | None, checker: Checker) -> str | None:
    """The built-in referential written for exactly these years, if one is shipped."""
    if mandate is None:
        return None
    for name, path in builtin_referentials().items():
        model = checker.load_referential(path).model
        if model is not None and (model.mandate.start, model.mandate.end) == mandate:
            return name
    return None


def load_referential(
    name: str, checker: Checker, *, plan: Path, named_by: Path | None = None
) -> tuple[str, Referential]:
    """(the value to write in `referential:` of the new `plan`, the referential) for a built-in
    id or a file, found as `vae validate` finds it.

    `named_by` is the old plan whose `referential:` gives `name` (a file is then found from
    its folder); without it, `name` comes from --referential (a file is found from the current
    folder). A file is written relative to the folder of the new `plan`, where `vae validate`
    looks for it.
    """
    found = checker.find_referential(name, plan=named_by)
    where = "--referential" if named_by is None else display_path(named_by)
    if isinstance(found, Unresolved):
        raise UsageError(
            msg("{where}: {message}", where=where, message=found.message), hint=found.hint
        )
    shown = found.result.path
    if found.model is None:
        raise UsageError(
            msg("{path} is not a valid referential", path=shown),
            hint=msg("run `vae validate {path}` to see why", path=shown),
        )
    if not name.endswith(PLAN_SUFFIXES):
        return name, found.model  # an id
    folder = Path() if named_by is None else named_by.parent
    return _relative_to(folder / name, plan), found.model


def _relative_to(file: Path, plan: Path) -> str:
    """`file` as the new plan must name it: relative to the plan's folder, with forward slashes
    (a plan is shared between machines); absolute if no relative path leads there (Windows
    drives)."""
    folder = Path(os.path.abspath(plan.parent))
    try:
        return os.path.relpath(os.path.abspath(file), folder).replace(os.sep, "/")
    except ValueError:
        return Path(os.path.abspath(file)).as_posix()
