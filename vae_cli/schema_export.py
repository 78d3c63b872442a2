"""JSON Schemas of the plan and referential formats, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from vae_cli.errors import UsageError, os_reason
from vae_cli.files import link_problem, write_atomic
from vae_cli.findings.diagnostics import display_path
from vae_cli.i18n.messages import msg
from vae_cli.models.plan import Plan
from vae_cli.models.referential import Referential

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "plan.schema.json": (Plan, "Plan d'action « Ville amie des enfants » (vae)"),
    "referential.schema.json": (Referential, "Référentiel d'un réseau (vae)"),
}


def schema_text(model: type[BaseModel], title: str) -> str:
    schema = model.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        **{k: v for k, v in schema.items() if k != "title"},
    }
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_schemas(folder: Path, *, check: bool = False) -> list[Path]:
    """Write each schema whose content changed; return those paths (with `check`, write nothing).

    `folder` must be a folder or not exist yet (it is then created): a usage error otherwise.
    """
    shown = display_path(folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(
            msg("{path} is not a folder", path=shown),
            hint=msg("give -o the folder to write the schemas into"),
        )
    if problem := link_problem(folder):
        raise UsageError(
            msg("{path}: {problem}", path=shown, problem=problem),
            hint=msg("give -o an existing folder, or a new one"),
        )
    changed: list[Path] = []
    for name, (model, title) in SCHEMAS.items():
        path = folder / name
        text = schema_text(model, title)
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current != text:
            changed.append(path)
            if not check:
                try:
                    write_atomic(path, text)
                except OSError as e:
                    raise UsageError(
                        msg(
                            "cannot write {path}: {reason}",
                            path=display_path(path),
                            reason=os_reason(e),
                        )
                    ) from None
    return changed
