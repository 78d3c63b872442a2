"""A plan file as read for editing: its exact bytes, to write back what we did not touch."""

from __future__ import annotations

import codecs
import dataclasses
from pathlib import Path

from vae_cli.check import collect_plans, read_plan
from vae_cli.editing.errors import EditRefused
from vae_cli.errors import UsageError, os_reason
from vae_cli.files import FileChangedError, write_atomic
from vae_cli.findings.diagnostics import display_path
from vae_cli.i18n.messages import msg
from vae_cli.reading.yaml_document import Document, LoadError, compose, text_from


@dataclasses.dataclass(frozen=True)
class Source:
    path: Path
    raw: bytes  # exactly what was read: the write is refused if the file no longer holds this
    text: str  # decoded, without the byte-order mark
    bom: bool

    @property
    def shown(self) -> str:
        return display_path(self.path)

    def encode(self, text: str) -> str:
        """`text` as it must be written: with the byte-order mark if the file had one."""
        return ("\ufeff" if self.bom else "") + text

    def write(self, text: str) -> None:
        try:
            write_atomic(self.path, self.encode(text), expected=self.raw)
        except FileChangedError:
            raise EditRefused(
                msg(
                    "{plan} changed on disk while vae was editing it; nothing was written",
                    plan=self.shown,
                ),
                hint=msg("run the command again (someone or something else saved the file)"),
            ) from None
        except OSError as e:
            raise UsageError(
                msg("cannot write {path}: {reason}", path=self.shown, reason=os_reason(e))
            ) from None


def read_source(path: Path) -> Source:
    if path.is_dir():
        raise UsageError(
            msg("{path} is a folder; give the plan file to edit", path=display_path(path))
        )
    collect_plans([path])  # a missing file: the same message, with a did-you-mean
    raw = read_plan(path)  # a regular file only: a pipe put in its place is not waited for
    try:
        text = text_from(raw)
    except LoadError as e:
        raise unreadable(path, e) from None
    return Source(path=path, raw=raw, text=text, bom=raw.startswith(codecs.BOM_UTF8))


def parse(source: Source) -> Document:
    try:
        return compose(source.text)
    except LoadError as e:
        raise unreadable(source.path, e) from None


def unreadable(path: Path, error: LoadError) -> EditRefused:
    shown = display_path(path)
    return EditRefused(
        msg(
            "{path}:{line}:{column}: {message}",
            path=shown,
            line=error.position.line,
            column=error.position.column,
            message=error.message,
        ),
        hint=msg(
            "fix this first (`vae validate {path}` shows it in full); nothing was written",
            path=shown,
        ),
    )
