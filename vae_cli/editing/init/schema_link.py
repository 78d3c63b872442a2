"""The new plan's `$schema` line: a link to the JSON Schema that works on every clone."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from vae_cli.findings.diagnostics import display_path
from vae_cli.git import work_tree_top
from vae_cli.i18n.messages import Text, msg
from vae_cli.models.plan import Plan
from vae_cli.resources import data_dir
from vae_cli.schema_export import SCHEMAS, schema_text

SCHEMA_NAME = "plan.schema.json"


@dataclasses.dataclass(frozen=True)
class SchemaLink:
    """Where the new plan's first line points editors at the JSON Schema, and what to do so the
    link works for everyone who clones the city's repository."""

    target: str  # what follows `$schema=`
    copy_to: Path | None = None  # the schema is to be written there (it does not exist yet)
    note: Text | None = None  # said to the user once the plan is written


def schema_link(plan: Path) -> SchemaLink:
    """Relative to the plan, a link that works on every clone: `<repo>/schemas/plan.schema.json`,
    copied there when the repository has none. Outside a repository there is nothing to commit
    it to, and the link goes to the schema installed on this machine."""
    folder = Path(os.path.abspath(plan)).parent.resolve()
    repository = work_tree_top(folder)
    if repository is None:
        installed = (data_dir("schemas") / SCHEMA_NAME).resolve()
        return SchemaLink(
            installed.as_uri(),
            note=msg(
                "the plan is in no git repository: its `$schema` line points at this machine's "
                "copy of vae (run `vae schema` into your repository and edit that line to share "
                "it)"
            ),
        )
    schema = repository / "schemas" / SCHEMA_NAME
    target = os.path.relpath(schema, folder).replace(os.sep, "/")
    if not os.path.lexists(schema):
        return SchemaLink(
            target,
            copy_to=schema,
            note=msg(
                "copied the JSON Schema to {path} (commit it with the plan: editors check the "
                "plan against it)",
                path=display_path(schema),
            ),
        )
    if not _holds(schema, schema_file_text()):
        return SchemaLink(
            target,
            note=msg(
                "{path} is not the schema of this vae version and was left as it is; "
                "`vae schema -o {folder}` updates it",
                path=display_path(schema),
                folder=display_path(schema.parent),
            ),
        )
    return SchemaLink(target)


def _holds(path: Path, text: str) -> bool:
    try:
        return path.is_file() and path.read_bytes() == text.encode()
    except OSError:
        return False


def schema_file_text() -> str:
    """The plan's JSON Schema, as `vae schema` writes it."""
    return schema_text(Plan, SCHEMAS[SCHEMA_NAME][1])
