"""The plan `vae init` made, and writing it (with its schema's copy) without replacing a file."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from vae_cli.editing.errors import EditRefused
from vae_cli.editing.init.schema_link import SchemaLink, schema_file_text
from vae_cli.errors import UsageError, os_reason
from vae_cli.files import write_atomic
from vae_cli.findings.diagnostics import display_path
from vae_cli.i18n.messages import Text, msg


@dataclasses.dataclass(kw_only=True)
class NewPlan:
    path: Path
    text: str
    summary: list[Text]  # what was done, one line each, for the user
    warnings: list[Text] = dataclasses.field(default_factory=list)  # ids that no longer exist...
    schema: SchemaLink | None = None  # the `$schema` line's target, and a copy to write


def refuse_existing(path: Path) -> None:
    """Refuse to go on when something is at `path` already: vae init never replaces a file."""
    if os.path.lexists(path):  # a link too, even one that leads nowhere
        raise EditRefused(
            msg("{path} already exists; vae init never overwrites a file", path=display_path(path)),
            hint=msg("choose another name, or delete the file first"),
        )


def write(plan: NewPlan) -> None:
    """Write the schema's copy if one is due (before the plan, whose first line points at it),
    then the plan; neither ever replaces an existing file."""
    if plan.schema is not None and plan.schema.copy_to is not None:
        copy = plan.schema.copy_to
        try:
            write_atomic(copy, schema_file_text(), overwrite=False)
        except FileExistsError:
            pass  # written meanwhile: it is the repository's, and stays as it is
        except OSError as e:
            raise UsageError(
                msg("cannot write {path}: {reason}", path=display_path(copy), reason=os_reason(e)),
                hint=msg("nothing else was written"),
            ) from None
    try:
        write_atomic(plan.path, plan.text, overwrite=False)
    except FileExistsError:
        refuse_existing(plan.path)
        raise
    except OSError as e:
        raise UsageError(
            msg("cannot write {path}: {reason}", path=display_path(plan.path), reason=os_reason(e))
        ) from None
