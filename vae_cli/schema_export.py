"""JSON Schemas of the plan and referential formats, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from vae_cli.files import write_atomic
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
    """Write each schema whose content changed; return those paths (with `check`, write nothing)."""
    changed: list[Path] = []
    for name, (model, title) in SCHEMAS.items():
        path = folder / name
        text = schema_text(model, title)
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current != text:
            changed.append(path)
            if not check:
                write_atomic(path, text)
    return changed
